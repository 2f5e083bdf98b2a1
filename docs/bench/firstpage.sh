#!/usr/bin/env bash
# firstpage.sh PORT JAVA-ARGS...: starts the jar in an empty directory, prints seconds until the first 200 for /
# and until /actuator/health/readiness is 200, then stops it.
port=$1; shift
dir=$(mktemp -d); cd "$dir"
start=$(date +%s.%N)
java "$@" --server.port=$port >app.log 2>&1 &
pid=$!
first=""; ready=""
for i in $(seq 1 1200); do
  if [ -z "$first" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/)" = 200 ]; then first=$(date +%s.%N); fi
  if [ -n "$first" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/actuator/health/readiness)" = 200 ]; then ready=$(date +%s.%N); break; fi
  sleep 0.1
done
started=$(grep -o "Started LlmStatusApplication in [0-9.]* seconds" app.log)
kill $pid; wait $pid 2>/dev/null
awk -v s=$start -v f=$first -v r=$ready -v st="$started" 'BEGIN{printf "first page %.1f s, ready %.1f s (%s)\n", f-s, r-s, st}'
rm -rf "$dir"
