#!/usr/bin/env bash
# Kaskad benchmark (not a test): starts an instance with zero-latency sandbox providers, measures
# ingest, the plain-insert ceiling, dispatch and a 100,000-message burst, prints a table.
#
#   benchmark/run.sh mysql   # MariaDB/MySQL named by DB_URL/DB_USER/DB_PASSWORD (default: local, kaskad_bench)
#   benchmark/run.sh h2      # embedded H2 file database in a temporary folder
#   benchmark/run.sh mysql task-file   # instead: a 1,000,000-row XLSX send-task file uploaded to an
#                                      # instance at -Xmx512m, validated and created (ROWS=… to change)
#   benchmark/run.sh mysql latency     # instead: a burst (BURST, default 20,000) dispatched by the sandbox answering
#                                      # at once, then answering in LATENCY (default 100ms): rate and PROVIDER_TIMEOUTs
#   benchmark/run.sh mysql bursts      # instead: RUNS (default 4) bursts of BURST (default 50,000) on one instance, each with
#                                      # its rate and the CPU per message of the database and the instance (from /proc)
#   benchmark/run.sh mysql smpp        # instead: a burst of SMS (BURST, default 10,000) over one SMPP bind to an SMSC
#                                      # in the benchmark answering in SMSC_LATENCY_MS (default 20)
#   benchmark/run.sh mysql scale       # instead: one company with MESSAGES (5,000,000) messages over 60 days, filled once
#                                      # into kaskad_scale (MariaDB's sequence engine; REFILL=1 starts over), then p50/p95
#                                      # of the messages page and the statistics API (RUNS, default 20, per request,
#                                      # after WARMUP, default 5, untimed rounds of every request)
#
# Sizes can be changed with INGEST=… BURST=… CLIENTS=… ROUNDS=… WARMUP=… (after an untimed warm-up of WARMUP, default
# 100,000, destinations and ceiling rows, ingest and ceiling alternate ROUNDS times, default 3, then ROUNDS bursts; the
# table shows medians).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-mysql}"
scenario="${2:-messages}"
port="${PORT:-18080}"
key="ksk_benchmark_only_0123456789abcdefghij"
work="$(mktemp -d)"
trap 'kill "${app_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

source benchmark/common.sh
build_jar "$work"

# the scale scenario reads the portal as a client of the benchmark company
if [ "$scenario" = scale ]; then
  client_user=scale-client
  client_password=Bench-Scale-Pass-2026
fi
app_args=(--server.port="$port" --kaskad.sandbox.delivery-delay=0 --kaskad.sandbox.keep-send-log=false
  --kaskad.bootstrap.company-name=Benchmark --kaskad.bootstrap.api-key="$key"
  --kaskad.bootstrap.admin-username= --kaskad.bootstrap.client-username="${client_user:-}" --kaskad.bootstrap.client-password="${client_password:-}")
if [ "$mode" = h2 ]; then
  jdbc_url="jdbc:h2:file:$work/data/kaskad;MODE=MySQL;AUTO_SERVER=TRUE"
  jdbc_user=sa
  jdbc_password=
  app_args+=(--kaskad.data-dir="$work/data" --spring.datasource.url="$jdbc_url")
else
  db_name="${DB_NAME:-kaskad_bench}"
  # the scale scenario keeps its database between runs: filling 5,000,000 messages takes minutes
  [ "$scenario" = scale ] && db_name="${DB_NAME:-kaskad_scale}"
  jdbc_url="${DB_URL:-jdbc:mysql://127.0.0.1:3306/$db_name?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&rewriteBatchedStatements=true}"
  jdbc_user="${DB_USER:-kaskad}"
  jdbc_password="${DB_PASSWORD:-kaskad}"
  if [ -z "${DB_URL:-}" ]; then
    if [ "$scenario" != scale ] || [ "${REFILL:-0}" = 1 ] \
        || ! "$(command -v mariadb || command -v mysql)" --protocol=tcp -h 127.0.0.1 -uroot -e "USE \`$db_name\`" 2>/dev/null; then
      recreate_database "$db_name" "$jdbc_user" "$jdbc_password"
    fi
  fi
  export DB_URL="$jdbc_url" DB_USER="$jdbc_user" DB_PASSWORD="$jdbc_password"
  # the benchmark measures Kaskad against its zero-latency sandbox, which the mysql profile turns off for real use
  app_args+=(--spring.profiles.active=mysql --kaskad.sandbox.enabled=true --kaskad.secrets.key=benchmark-only-secrets-key-0123456789
    --kaskad.security.remember-me-key=benchmark-only-remember-me-key-0123456789)
fi

# start_app [ARG…]: an instance with the common arguments and these; waits until it is healthy
start_app() {
  echo "== starting Kaskad on :$port ($mode) $*"
  heap=-Xmx1g
  [ "$scenario" = task-file ] && heap=-Xmx512m
  # JAVA_OPTS: e.g. -XX:StartFlightRecording=filename=/tmp/kaskad.jfr to see where the time goes
  java "$heap" ${JAVA_OPTS:-} -jar "$jar" "${app_args[@]}" "$@" > "$work/app.log" 2>&1 &
  app_pid=$!
  # a migration on the scale scenario's big tables (a new index) runs at start: it may take minutes
  for _ in $(seq 1 "${START_WAIT:-$([ "$scenario" = scale ] && echo 1800 || echo 90)}"); do
    curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
    sleep 1
  done
}

stop_app() {
  kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
  echo "   dispatch job failures in the log: $(grep -c 'Job kaskad.dispatch threw' "$work/app.log" || true)"
}

if [ "$scenario" = latency ]; then
  for delay in 0ms "${LATENCY:-100ms}"; do
    start_app --kaskad.sandbox.answer-delay="$delay"
    SCENARIO=burst BURST="${BURST:-20000}" java -cp "$work/lib/BOOT-INF/lib/*" benchmark/Benchmark.java "http://localhost:$port" "$key" \
      "$jdbc_url" "$jdbc_user" "$jdbc_password" "$mode, sandbox answering in $delay"
    stop_app
  done
  exit 0
fi

if [ "$scenario" = bursts ]; then
  start_app
  db_pid=$([ "$mode" = h2 ] || pgrep -x mariadbd || pgrep -x mysqld || true) # H2 runs inside the instance
  cpu_ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
  burst_size="${BURST:-50000}"
  for run in $(seq 1 "${RUNS:-4}"); do
    out="$work/burst-$run.out"
    SCENARIO=burst BURST="$burst_size" java -cp "$work/lib/BOOT-INF/lib/*" benchmark/Benchmark.java "http://localhost:$port" "$key" \
      "$jdbc_url" "$jdbc_user" "$jdbc_password" "$mode, burst $run" > "$out" 2>&1 &
    client=$!
    # CPU is counted from the burst's due time to its end: the ingest before it is not dispatch
    until grep -q "due at" "$out"; do kill -0 "$client" 2>/dev/null || { cat "$out"; exit 1; }; sleep 0.2; done
    due=$(date -u -d "$(grep -o 'due at .*' "$out" | awk '{print $3}')" +%s)
    while [ "$(date -u +%s)" -lt "$due" ]; do sleep 0.05; done
    db_before=$(cpu_ticks "$db_pid"); app_before=$(cpu_ticks "$app_pid")
    wait "$client" || { cat "$out"; exit 1; }
    db_after=$(cpu_ticks "$db_pid"); app_after=$(cpu_ticks "$app_pid")
    tick_us=$((1000000 / $(getconf CLK_TCK)))
    echo "$(grep 'burst of' "$out" | tail -1) CPU per message: database $(( (db_after - db_before) * tick_us / burst_size )) µs," \
      "instance $(( (app_after - app_before) * tick_us / burst_size )) µs |"
  done
  stop_app
  exit 0
fi

if [ "$scenario" = scale ]; then
  start_app
  java -cp "$work/lib/BOOT-INF/lib/*" benchmark/ScaleBenchmark.java "http://localhost:$port" "$key" "$jdbc_url" "$jdbc_user" \
    "$jdbc_password" "$client_user" "$client_password"
  stop_app
  exit 0
fi

if [ "$scenario" = smpp ]; then
  start_app
  BURST="${BURST:-10000}" java -cp "$work/lib/BOOT-INF/lib/*" benchmark/SmppBenchmark.java "http://localhost:$port" "$key" \
    "$jdbc_url" "$jdbc_user" "$jdbc_password" "$mode"
  stop_app
  exit 0
fi

start_app
if [ "$scenario" = task-file ]; then
  java -cp "$work/lib/BOOT-INF/lib/*" benchmark/TaskFileBenchmark.java "http://localhost:$port" "$key" "$work" "$mode"
  exit 0
fi
# CLIENT_JAVA_OPTS: the same for this client, e.g. to see what the ceiling spends
java ${CLIENT_JAVA_OPTS:-} -cp "$work/lib/BOOT-INF/lib/*" benchmark/Benchmark.java "http://localhost:$port" "$key" "$jdbc_url" "$jdbc_user" "$jdbc_password" "$mode"
stop_app
