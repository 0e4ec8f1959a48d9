#!/usr/bin/env bash
# Kaskad chaos run (not a test): two nodes on one MariaDB/MySQL share the dispatch of MESSAGES messages
# (an SMS → Viber cascade, sandbox reports after 1 s, validity 2 minutes). Mid-dispatch node A is killed
# with SIGKILL and restarted; then node B is stopped with SIGTERM and restarted. Afterwards it checks
# that every message is final within validity + 1 minute, that no message reached its recipient on both
# channels (from what the sandbox "providers" received, logged to files that survive a kill), and that no
# attempt is left SENDING; and prints the counts.
#
#   benchmark/chaos.sh          # local MariaDB/MySQL, database kaskad_chaos (recreated)
#   MESSAGES=20000 benchmark/chaos.sh
set -euo pipefail
cd "$(dirname "$0")/.."

key="ksk_chaos_only_0123456789abcdefghijklmn"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

source benchmark/common.sh
build_jar "$work"

db_name="${DB_NAME:-kaskad_chaos}"
jdbc_user="${DB_USER:-kaskad}"
jdbc_password="${DB_PASSWORD:-kaskad}"
jdbc_url="jdbc:mysql://127.0.0.1:3306/$db_name?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&rewriteBatchedStatements=true"
recreate_database "$db_name" "$jdbc_user" "$jdbc_password"
export DB_URL="$jdbc_url" DB_USER="$jdbc_user" DB_PASSWORD="$jdbc_password"

# start_node NAME PORT: a node with its own send log; its pid in node_pid
start_node() {
  local name=$1 port=$2 started
  started=$(date +%s%N)
  java -Xmx1g -jar "$jar" --spring.profiles.active=mysql --server.port="$port" \
    --kaskad.sandbox.enabled=true --kaskad.secrets.key=benchmark-only-secrets-key-0123456789 \
    --kaskad.security.remember-me-key=benchmark-only-remember-me-key-0123456789 \
    --kaskad.sandbox.delivery-delay=1s --kaskad.sandbox.send-log-file="$work/sends-$name-$started.log" \
    --kaskad.bootstrap.company-name=Chaos --kaskad.bootstrap.api-key="$key" \
    >> "$work/$name.log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
  for _ in $(seq 1 180); do
    curl -fsS "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$node_pid" 2>/dev/null || { tail -50 "$work/$name.log"; exit 1; }
    sleep 0.5
  done
  echo "   node $name (pid $node_pid) ready in $(( ($(date +%s%N) - started) / 1000000 )) ms"
}

client() { java -cp "$work/lib/BOOT-INF/lib/*" benchmark/Chaos.java "$@"; }

echo "== starting two nodes"
start_node A 18081; pid_a=$node_pid
start_node B 18082; pid_b=$node_pid

echo "== sending ${MESSAGES:-20000} messages (SMS → Viber, validity 2 minutes)"
client send "http://localhost:18081" "$key" "$jdbc_url" "$jdbc_user" "$jdbc_password"
client wait-handed 0.25 "$jdbc_url" "$jdbc_user" "$jdbc_password"
echo "== SIGKILL node A mid-dispatch"
kill -9 "$pid_a"
sleep 3
start_node A 18081; pid_a=$node_pid
client wait-handed 0.6 "$jdbc_url" "$jdbc_user" "$jdbc_password"
echo "== SIGTERM node B mid-dispatch"
stop_started=$(date +%s%N)
kill -TERM "$pid_b"
wait "$pid_b" 2>/dev/null || true
echo "   node B stopped in $(( ($(date +%s%N) - stop_started) / 1000000 )) ms"
grep -E "handed back|Shutdown|shutdown" "$work/B.log" | tail -5 || true
start_node B 18082; pid_b=$node_pid

echo "== waiting for every message to be final (validity + 1 minute at most), then checking"
client check "$work" "$jdbc_url" "$jdbc_user" "$jdbc_password"
echo
echo "errors logged by the nodes (job failures, deadlocks):"
grep -h " ERROR " "$work"/*.log | sed -E 's/^[^ ]+ +ERROR [0-9]+ --- \[[^]]*\] \[[^]]*\] //' | cut -c1-160 | sort | uniq -c | sort -rn | head -10 || true
echo "total: $(grep -h -c " ERROR " "$work"/*.log | paste -sd+ | bc)"
