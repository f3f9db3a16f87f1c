#!/usr/bin/env bash
# The write path's meters, second by second, while Parley takes a fixed rate of messages:
#   scripts/write-series.sh PARLEY_JAR OUT_DIR [RATE] [fanout|dm]
# fanout (default): 1000 rooms x 10 members, RATE deliveries a second (default 15000, i.e. 1,500 msg/s);
# dm: the direct-message storm, 500 pairs, RATE messages a second (default 3000).
# Runs bench/target/bench.jar (60-s warm-up, one 30-s step; after a failed step the bench halves the rate),
# scrapes the server's management port every second of the step into OUT_DIR/series.txt, and prints the
# per-second deltas with scripts/write-series.py. Build first: mvn -B -q -DskipTests package.
# SERVER_JVM (default "-Xmx2g -XX:MaxGCPauseMillis=20", the bench's) sets the server's JVM flags; the server's
# GC log is OUT_DIR/gc.log. PARLEY_* variables set here reach the server. The server's CPU per thread, second by
# second over the step, goes to OUT_DIR/threads.txt (scripts/proc-threads.py --each-second).
set -euo pipefail
JAR=$(realpath "$1"); OUT=$(realpath -m "$2"); MODE=${4:-fanout}
BENCH=$(realpath "$(dirname "$0")/../bench/target/bench.jar")
SERIES=$(realpath "$(dirname "$0")/write-series.py")
case "$MODE" in
  fanout) RATE=${3:-15000}; LOAD=(fanout --grid=1000x10 --start-deliveries="$RATE") ;;
  dm) RATE=${3:-3000}; LOAD=(dm --pairs=500 --start-rate="$RATE") ;;
  *) echo "the load is fanout or dm, not $MODE" >&2; exit 2 ;;
esac
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
java -Xmx2g -XX:MaxGCPauseMillis=20 -jar "$BENCH" "${LOAD[@]}" --targets=parley --parley-jar="$JAR" \
  --warmup-seconds=60 --step-seconds=30 --max-steps=1 --work-dir="$OUT" \
  --server-jvm="${SERVER_JVM:--Xmx2g -XX:MaxGCPauseMillis=20} -Xlog:gc:file=$OUT/gc.log:uptime,utctime" > bench.out 2>&1 &
BENCH_PID=$!
# Waits for the bench's steps, unless it ended first (a bench that fails early would leave nothing to wait for).
wait_for() {
  until eval "$1"; do
    if ! kill -0 "$BENCH_PID" 2>/dev/null; then
      echo "the bench ended before $2; its output:" >&2
      cat bench.out >&2
      exit 1
    fi
    sleep 0.5
  done
}
wait_for 'PORT=$(grep -ho "management (/metrics, /health) on http://127.0.0.1:[0-9]*" parley-*.log 2>/dev/null | grep -o "[0-9]*$")' \
  "the server started"
wait_for 'grep -q "warm-up" bench.out' "the warm-up ended"
SERVER_PID=$(pgrep -f "$OUT/server-under-test.jar" | head -1 || true)   # as scripts/step-threads.sh finds it
[ -n "$SERVER_PID" ] && python3 "$(dirname "$SERIES")/proc-threads.py" "$SERVER_PID" 29 --each-second > threads.txt 2>&1 &
for _ in $(seq 1 28); do
  echo "T $(date -u +%H:%M:%S.%N | cut -c1-12)"
  curl -s "http://127.0.0.1:$PORT/metrics" \
    | grep -E '^parley_(chat_(store_write_seconds_(bucket|count|sum)|write_batch_(count|sum))|store_durable_)' || true
  sleep 1
done > series.txt
wait "$BENCH_PID" || true
find "$OUT" -maxdepth 2 -name "parley-data-*" -exec rm -rf {} +
grep -v "^# lost" bench.out
python3 "$SERIES" series.txt
