#!/usr/bin/env bash
# Runs every benchmark workload of docs/BENCHMARKS.md, one after the other, against the ceiling and Parley
# standalone (each a child process on 127.0.0.1, fresh data folder per run), and appends the output to
# ${1:-bench-results.txt}. Build first: mvn -B -q -DskipTests package. Takes about 45 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-bench-results.txt}
BENCH=(java -Xmx4g -jar bench/target/bench.jar)
SERVER_JVM="--server-jvm=-Xmx2g -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20"
run() {
  echo "## $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg) :: $*" | tee -a "$OUT"
  "${BENCH[@]}" "$@" "$SERVER_JVM" 2>&1 | grep -v '^#' | tee -a "$OUT"
}
run compare --quick
run fanout --grid=1000x10,100x100,10x1000 --step-seconds=8 --warmup-seconds=8 --start-deliveries=5000 --factor=1.5
run dm --pairs=500 --step-seconds=8 --warmup-seconds=8 --start-rate=250 --factor=1.5
run history --messages=1000000 --rooms=100 --members=10 --fanout-rate=300 --reads-per-second=100 --step-seconds=30
run churn --rooms=20 --members=20 --churners-per-room=2 --rate=200 --step-seconds=30
run slow --rooms=10 --members=100 --rate=200 --step-seconds=60
run idle --sockets=10000,19000 --users=1000 --hold-s=40
