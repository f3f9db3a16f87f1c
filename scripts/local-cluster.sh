#!/usr/bin/env bash
# Runs Parley as a cluster of separate processes on 127.0.0.1, from the same jars and environment variables
# as docker-compose.yml: the embedded store served alone, 2 gateways, 2 chat-services, 1 auth-service and
# 1 presence-service, joined in one Hazelcast cluster over TCP.
#
#   scripts/local-cluster.sh start            # builds nothing: run `mvn -B -DskipTests package` first
#   scripts/local-cluster.sh status           # what runs, and each process's management port (/metrics, /health)
#   scripts/local-cluster.sh start-one chat-3 chat-service   # one more process of a service
#   scripts/local-cluster.sh kill chat-1      # SIGKILL one process, as a crash
#   scripts/local-cluster.sh stop             # SIGTERM everything, then SIGKILL what is left
#
# Settings (environment): PARLEY_CLUSTER_RUN_DIR (default target/local-cluster: pids, logs, data),
# PARLEY_CLUSTER_BASE_PORT (5701: Hazelcast ports are BASE..BASE+9), PARLEY_STORE_PORT (27017),
# PARLEY_GATEWAY_PORTS ("8081 8082"), PARLEY_JAVA_OPTS (see below), PARLEY_CDS (on). Any other PARLEY_*
# variable is passed on.
# Seven JVMs starting at once on a small machine are bound by CPU: by default they compile with C1 only and
# collect with the serial collector, which takes about a third less CPU to form the cluster; and from the
# second start after a build on, each maps the classes it loads from a CDS archive its jar recorded in the
# first (see java_opts_of), which takes about a fifth less again (docs/OPERATIONS.md). PARLEY_CDS=off starts
# without archives.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=${PARLEY_CLUSTER_RUN_DIR:-$ROOT/target/local-cluster}
BASE=${PARLEY_CLUSTER_BASE_PORT:-5701}
STORE_PORT=${PARLEY_STORE_PORT:-27017}
read -r -a GATEWAY_PORTS <<< "${PARLEY_GATEWAY_PORTS:-8081 8082}"
JAVA_OPTS=${PARLEY_JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
MEMBERS=$(for i in 0 1 2 3 4 5 6 7 8 9; do printf '127.0.0.1:%d,' $((BASE + i)); done)
MEMBERS=${MEMBERS%,}

jar_of() {
  case "$1" in
    store) echo "$ROOT/standalone/target/parley.jar" ;;
    *) echo "$ROOT/$1/target/$1.jar" ;;
  esac
}

# The JVM options of a process of SERVICE, with class data sharing (CDS): a process maps the classes its jar
# loaded in an earlier run rather than parsing and verifying them again. A jar's archive (<jar>.jsa beside it)
# is recorded by the first process of that jar started while the jar has none newer than itself, written when
# that process exits on SIGTERM, and put beside the jar by `stop` if the jar is still the one it recorded.
java_opts_of() {
  local service=$1 jar archive
  jar=$(jar_of "$service")
  archive=${jar%.jar}.jsa
  if [[ "${PARLEY_CDS:-on}" == off ]]; then
    echo "$JAVA_OPTS"
  elif [[ "$archive" -nt "$jar" ]]; then
    echo "$JAVA_OPTS -XX:SharedArchiveFile=$archive -Xlog:cds*=off"
  elif mkdir -p "$RUN/cds" && [[ ! -e "$RUN/cds/$service.jar-time" ]]; then
    stat -c %Y "$jar" >"$RUN/cds/$service.jar-time"
    echo "$JAVA_OPTS -XX:ArchiveClassesAtExit=$RUN/cds/$service.jsa -Xlog:cds*=off"
  else
    echo "$JAVA_OPTS"
  fi
}

# After every process has exited: each archive recorded is put beside its jar, if that jar was not rebuilt since.
keep_archives() {
  local recorded service jar
  for recorded in "$RUN"/cds/*.jar-time; do
    [[ -e "$recorded" ]] || continue
    service=$(basename "$recorded" .jar-time)
    jar=$(jar_of "$service")
    if [[ -s "$RUN/cds/$service.jsa" && "$(stat -c %Y "$jar")" == "$(cat "$recorded")" ]]; then
      mv -f "$RUN/cds/$service.jsa" "${jar%.jar}.jsa"
    fi
    rm -f "$recorded" "$RUN/cds/$service.jsa"
  done
}

# The Hazelcast port of each named process; extra processes take the free ones from BASE+6.
cluster_port_of() {
  case "$1" in
    auth) echo $((BASE + 0)) ;;
    presence) echo $((BASE + 1)) ;;
    chat-1) echo $((BASE + 2)) ;;
    chat-2) echo $((BASE + 3)) ;;
    gateway-1) echo $((BASE + 4)) ;;
    gateway-2) echo $((BASE + 5)) ;;
    *) echo $((BASE + 6)) ;;
  esac
}

wait_for_port() {
  local port=$1 name=$2 deadline=$((SECONDS + ${3:-60}))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if (( SECONDS > deadline )); then
      echo "$name did not open port $port; see $RUN/$name.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

wait_for_health() {
  local port=$1 name=$2 deadline=$((SECONDS + ${3:-120}))
  until [[ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)" == 200 ]]; do
    if ! kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; then
      echo "$name exited before it was healthy on port $port; the end of $RUN/$name.log:" >&2
      tail -n 20 "$RUN/$name.log" >&2
      return 1
    fi
    if (( SECONDS > deadline )); then
      echo "$name is not healthy on port $port; see $RUN/$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
}

# start_process NAME SERVICE [VAR=value...]
start_process() {
  local name=$1 service=$2
  shift 2
  local jar
  jar=$(jar_of "$service")
  [[ -f "$jar" ]] || { echo "missing $jar: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
  mkdir -p "$RUN/data"
  env PARLEY_DATA_DIR="$RUN/data" \
      MONGO_URI="mongodb://127.0.0.1:$STORE_PORT" \
      PARLEY_CLUSTER_HOST=127.0.0.1 \
      PARLEY_CLUSTER_PORT="$(cluster_port_of "$name")" \
      PARLEY_CLUSTER_MEMBERS="$MEMBERS" \
      PARLEY_MANAGEMENT_PORT=0 \
      "$@" \
      nohup java $(java_opts_of "$service") -jar "$jar" ${EXTRA_ARGS:-} >"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  echo "started $name ($service) pid $(cat "$RUN/$name.pid")"
}

start() {
  mkdir -p "$RUN"
  if [[ -n "$(running)" ]]; then
    echo "already running: $(running)" >&2
    exit 1
  fi
  rm -rf "$RUN/cds"
  local began=$SECONDS
  EXTRA_ARGS=--store-only start_process store store PARLEY_STORE_PORT="$STORE_PORT"
  wait_for_port "$STORE_PORT" store
  start_process auth auth-service
  start_process presence presence-service
  start_process chat-1 chat-service
  start_process chat-2 chat-service
  start_process gateway-1 gateway PARLEY_HTTP_PORT="${GATEWAY_PORTS[0]}"
  start_process gateway-2 gateway PARLEY_HTTP_PORT="${GATEWAY_PORTS[1]}"
  wait_for_health "${GATEWAY_PORTS[0]}" gateway-1
  wait_for_health "${GATEWAY_PORTS[1]}" gateway-2
  echo "cluster up in $((SECONDS - began)) s: http://127.0.0.1:${GATEWAY_PORTS[0]} and http://127.0.0.1:${GATEWAY_PORTS[1]}"
}

running() {
  local names=()
  for pidfile in "$RUN"/*.pid; do
    [[ -e "$pidfile" ]] || continue
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      names+=("$(basename "$pidfile" .pid)")
    fi
  done
  echo "${names[*]:-}"
}

stop() {
  for pidfile in "$RUN"/*.pid; do
    [[ -e "$pidfile" ]] || continue
    kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  # A process recording a CDS archive writes it as it exits: on a busy machine that takes a while.
  local deadline=$((SECONDS + 20))
  [[ ! -d "$RUN/cds" ]] || deadline=$((SECONDS + 60))
  while [[ -n "$(running)" ]] && (( SECONDS < deadline )); do
    sleep 0.2
  done
  for pidfile in "$RUN"/*.pid; do
    [[ -e "$pidfile" ]] || continue
    kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  keep_archives
  echo "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    echo "running: $(running)"
    for name in $(running); do
      grep -ho 'management (/metrics, /health) on http://[0-9.:]*' "$RUN/$name.log" | sed "s|^|$name: |" || true
    done
    ;;
  start-one)
    [[ $# -ge 3 ]] || { echo "usage: $0 start-one NAME SERVICE [VAR=value...]" >&2; exit 2; }
    name=$2 service=$3
    shift 3
    start_process "$name" "$service" "$@"
    ;;
  kill)
    [[ $# -eq 2 ]] || { echo "usage: $0 kill NAME" >&2; exit 2; }
    kill -KILL "$(cat "$RUN/$2.pid")"
    echo "killed $2"
    ;;
  *)
    echo "usage: $0 start|stop|status|start-one NAME SERVICE|kill NAME" >&2
    exit 2
    ;;
esac
