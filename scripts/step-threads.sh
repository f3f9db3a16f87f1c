#!/usr/bin/env bash
# The server's CPU per thread, user and system time apart, while it takes a fixed rate of messages:
#   scripts/step-threads.sh PARLEY_JAR OUT_DIR [RATE] [fanout|dm]
# fanout (default): 1000 rooms x 10 members, RATE deliveries a second (default 3000, i.e. 300 msg/s);
# dm: the direct-message storm, 500 pairs, RATE messages a second.
# Runs bench/target/bench.jar (WARMUP_SECONDS, default 60, then one 30-s step) and nothing else against the
# server: unlike scripts/write-series.sh it does not scrape /metrics every second of the step (a render a
# second on the server's workers). 1 s into the step, scripts/proc-threads.py counts the server's and the
# load generator's threads over 28 s (OUT_DIR/threads.txt).
# SERVER_JVM (default "-Xmx2g -XX:MaxGCPauseMillis=20", the bench's) sets the server's JVM flags; PARLEY_*
# variables set here reach the server. Build first: mvn -B -q -DskipTests package.
set -euo pipefail
JAR=$(realpath "$1"); OUT=$(realpath -m "$2"); MODE=${4:-fanout}
HERE=$(realpath "$(dirname "$0")")
case "$MODE" in
  fanout) LOAD=(fanout --grid=1000x10 --start-deliveries="${3:-3000}") ;;
  dm) LOAD=(dm --pairs=500 --start-rate="${3:-3000}") ;;
  *) echo "the load is fanout or dm, not $MODE" >&2; exit 2 ;;
esac
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
java -Xmx2g -XX:MaxGCPauseMillis=20 -jar "$HERE/../bench/target/bench.jar" "${LOAD[@]}" --targets=parley \
  --parley-jar="$JAR" --warmup-seconds="${WARMUP_SECONDS:-60}" --step-seconds=30 --max-steps=1 --work-dir="$OUT" \
  --server-jvm="${SERVER_JVM:--Xmx2g -XX:MaxGCPauseMillis=20}" > bench.out 2>&1 &
BENCH_PID=$!
until grep -q "warm-up" bench.out 2>/dev/null; do
  kill -0 "$BENCH_PID" 2>/dev/null || { echo "the bench ended before its warm-up did:" >&2; cat bench.out >&2; exit 1; }
  sleep 0.5
done
sleep 1
SERVER=$(pgrep -f "$OUT/server-under-test.jar" | head -1)
python3 "$HERE/proc-threads.py" "$SERVER" 28 > server.txt &
python3 "$HERE/proc-threads.py" "$BENCH_PID" 28 > client.txt
wait $!
{ echo "# server"; cat server.txt; echo "# load generator"; head -1 client.txt; } > threads.txt
wait "$BENCH_PID" || true
find "$OUT" -maxdepth 2 -name "parley-data-*" -exec rm -rf {} +
grep -v "^#" bench.out
cat threads.txt
