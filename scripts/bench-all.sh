#!/usr/bin/env bash
# Runs every benchmark workload of docs/BENCHMARKS.md, one after the other, against the ceiling and Parley
# standalone (each a child process on 127.0.0.1, fresh data folder per run), and appends the output to
# ${1:-bench-results.txt}. Build first: mvn -B -q -DskipTests package. Takes about 45 minutes on 2 cores.
# Run one workload only with: scripts/bench-all.sh OUT.txt fanout (the name of a run line below).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench-results.txt}
BENCH=(java -Xmx4g -XX:MaxGCPauseMillis=20 -jar bench/target/bench.jar)
# Before each run, wait until the 1-minute load is under QUIET_LOAD, for at most QUIET_WAIT_S seconds.
QUIET_LOAD=${QUIET_LOAD:-1.0}
QUIET_WAIT_S=${QUIET_WAIT_S:-0}
wait_quiet() {
  local waited=0
  while awk -v limit="$QUIET_LOAD" '{ exit !($1 >= limit) }' /proc/loadavg && [ "$waited" -lt "$QUIET_WAIT_S" ]; do
    sleep 30
    waited=$((waited + 30))
  done
}
ONLY=${2:-}
run() {
  if [ -n "$ONLY" ] && [ "$1" != "$ONLY" ]; then return; fi
  wait_quiet
  echo "## $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*" | tee -a "$OUT"
  "${BENCH[@]}" "$@" 2>&1 | tee -a "$OUT" || echo "## $1 failed" | tee -a "$OUT"
}
run compare --quick
run fanout --grid=1000x10,100x100,10x1000 --step-seconds=8 --warmup-seconds=8 --start-deliveries=5000 --factor=1.5 \
  --connect-concurrency=20
run dm --pairs=500 --step-seconds=8 --warmup-seconds=8 --start-rate=250 --factor=1.5
run history --messages=1000000 --rooms=100 --members=10 --fanout-rate=100 --reads-per-second=50 --step-seconds=30 --rounds=2
run search --messages=1000000 --rooms=100 --query-rate=20 --write-rate=200 --step-seconds=60
run churn --rooms=20 --members=20 --churners-per-room=2 --rate=100 --step-seconds=30
run slow --rooms=10 --members=100 --rate=50 --slow-frames=0 --step-seconds=60
run idle --sockets=10000,19000 --users=1000 --hold-s=40 \
  "--server-jvm=-Xmx2g -XX:MaxGCPauseMillis=20 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
