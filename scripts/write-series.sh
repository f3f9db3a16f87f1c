#!/usr/bin/env bash
# The write path's meters, second by second, while Parley takes 1000x10 fan-out at a fixed rate:
#   scripts/write-series.sh PARLEY_JAR OUT_DIR [DELIVERIES_PER_SECOND]   (default 15000, i.e. 1,500 msg/s)
# Runs bench/target/bench.jar (60-s warm-up, one 30-s step; after a failed step the bench halves the rate),
# scrapes the server's management port every second of the step into OUT_DIR/series.txt, and prints the
# per-second deltas with scripts/write-series.py. Build first: mvn -B -q -DskipTests package.
# SERVER_JVM (default "-Xmx2g -XX:MaxGCPauseMillis=20", the bench's) sets the server's JVM flags.
set -euo pipefail
JAR=$(realpath "$1"); OUT=$(realpath -m "$2"); RATE=${3:-15000}
BENCH=$(realpath "$(dirname "$0")/../bench/target/bench.jar")
SERIES=$(realpath "$(dirname "$0")/write-series.py")
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
java -Xmx2g -XX:MaxGCPauseMillis=20 -jar "$BENCH" fanout --targets=parley --parley-jar="$JAR" --grid=1000x10 \
  --warmup-seconds=60 --step-seconds=30 --start-deliveries="$RATE" --max-steps=1 --work-dir="$OUT" \
  --server-jvm="${SERVER_JVM:--Xmx2g -XX:MaxGCPauseMillis=20} -Xlog:gc:file=$OUT/gc.log:uptime,utctime" > bench.out 2>&1 &
BENCH_PID=$!
until PORT=$(grep -ho 'management (/metrics, /health) on http://127.0.0.1:[0-9]*' parley-*.log 2>/dev/null \
    | grep -o '[0-9]*$'); do sleep 1; done
until grep -q "warm-up" bench.out; do sleep 0.5; done
for _ in $(seq 1 28); do
  echo "T $(date -u +%H:%M:%S.%N | cut -c1-12)"
  curl -s "http://127.0.0.1:$PORT/metrics" \
    | grep -E '^parley_chat_(store_write_seconds_(bucket|count|sum)|write_batch_(count|sum))' || true
  sleep 1
done > series.txt
wait "$BENCH_PID" || true
find "$OUT" -maxdepth 2 -name "parley-data-*" -exec rm -rf {} +
grep -v "^# lost" bench.out
python3 "$SERIES" series.txt
