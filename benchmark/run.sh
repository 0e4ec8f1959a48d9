#!/usr/bin/env bash
# Kaskad benchmark (not a test): starts an instance with zero-latency sandbox providers, measures
# ingest, the plain-insert ceiling, dispatch and a 100,000-message burst, prints a table.
#
#   benchmark/run.sh mysql   # MariaDB/MySQL named by DB_URL/DB_USER/DB_PASSWORD (default: local, kaskad_bench)
#   benchmark/run.sh h2      # embedded H2 file database in a temporary folder
#   benchmark/run.sh mysql task-file   # instead: a 1,000,000-row XLSX send-task file uploaded to an
#                                      # instance at -Xmx512m, validated and created (ROWS=… to change)
#
# Sizes can be changed with INGEST=… BURST=… CLIENTS=… in the environment.
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

app_args=(--server.port="$port" --kaskad.sandbox.delivery-delay=0 --kaskad.sandbox.keep-send-log=false
  --kaskad.bootstrap.company-name=Benchmark --kaskad.bootstrap.api-key="$key"
  --kaskad.bootstrap.admin-username= --kaskad.bootstrap.client-username=)
if [ "$mode" = h2 ]; then
  jdbc_url="jdbc:h2:file:$work/data/kaskad;MODE=MySQL;AUTO_SERVER=TRUE"
  jdbc_user=sa
  jdbc_password=
  app_args+=(--kaskad.data-dir="$work/data" --spring.datasource.url="$jdbc_url")
else
  db_name="${DB_NAME:-kaskad_bench}"
  jdbc_url="${DB_URL:-jdbc:mysql://127.0.0.1:3306/$db_name?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&rewriteBatchedStatements=true}"
  jdbc_user="${DB_USER:-kaskad}"
  jdbc_password="${DB_PASSWORD:-kaskad}"
  if [ -z "${DB_URL:-}" ]; then
    recreate_database "$db_name" "$jdbc_user" "$jdbc_password"
  fi
  export DB_URL="$jdbc_url" DB_USER="$jdbc_user" DB_PASSWORD="$jdbc_password"
  # the benchmark measures Kaskad against its zero-latency sandbox, which the mysql profile turns off for real use
  app_args+=(--spring.profiles.active=mysql --kaskad.sandbox.enabled=true --kaskad.secrets.key=benchmark-only-secrets-key-0123456789)
fi

echo "== starting Kaskad on :$port ($mode)"
heap=-Xmx1g
[ "$scenario" = task-file ] && heap=-Xmx512m
java "$heap" -jar "$jar" "${app_args[@]}" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 90); do
  curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done

if [ "$scenario" = task-file ]; then
  java -cp "$work/lib/BOOT-INF/lib/*" benchmark/TaskFileBenchmark.java "http://localhost:$port" "$key" "$work" "$mode"
  exit 0
fi
java -cp "$work/lib/BOOT-INF/lib/*" benchmark/Benchmark.java "http://localhost:$port" "$key" "$jdbc_url" "$jdbc_user" "$jdbc_password" "$mode"
