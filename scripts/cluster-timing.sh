#!/usr/bin/env bash
# Measures the figures docs/OPERATIONS.md gives for the topology of scripts/local-cluster.sh (store, auth,
# presence, 2 chat-services, 2 gateways), on ports of its own, ROUNDS times (3 by default):
#   formation  - from the start of the last service process until both gateways answer /health 200, with the
#                time from the first Hazelcast start until every member saw all 6, the CPU seconds the 6
#                processes used by then, and the load average (other work on the host);
#   drop       - from SIGKILL of chat-1 until every surviving member has logged the member list without it;
#   requests   - GET /api/rooms (answered by chat-service) every 100 ms for 8 s from the kill on: how many
#                failed, the slowest, and when the last failure was sent;
#   hang       - from SIGSTOP of presence (a frozen process or a lost host: no connection is refused, only
#                the heartbeats stop) until every other member has logged the member list without it.
#
#   scripts/cluster-timing.sh [ROUNDS]      # needs the jars (mvn -B -DskipTests package), curl and jq
#
# It gives the processes a logback configuration of its own (membership changes at INFO, full timestamps), so
# it measures older builds the same way. Set PARLEY_CLUSTER_ROOT to time the jars of another checkout.
set -euo pipefail

ROOT=${PARLEY_CLUSTER_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
ROUNDS=${1:-3}
CLUSTER="$ROOT/scripts/local-cluster.sh"
# local-cluster.sh's own default unless PARLEY_JAVA_OPTS says otherwise (older versions: -Xmx256m).
JAVA_OPTS_GIVEN=${PARLEY_JAVA_OPTS:-$(sed -n 's/^JAVA_OPTS=\${PARLEY_JAVA_OPTS:-\(.*\)}$/\1/p' "$CLUSTER")}
trap '[[ -n "${PARLEY_CLUSTER_RUN_DIR:-}" ]] && bash "$CLUSTER" stop >/dev/null 2>&1' EXIT

now() { date +%s.%N; }
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

logback_config() {
  cat >"$1" <<'EOF'
<configuration>
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <logger name="com.hazelcast" level="WARN"/>
  <logger name="com.hazelcast.internal.cluster" level="INFO"/>
  <logger name="de.bwaldvogel.mongo" level="ERROR"/>
  <root level="INFO"><appender-ref ref="STDOUT"/></root>
</configuration>
EOF
}

# The epoch time of the first member list of $3 members that log $1 shows after the epoch time $2. Hazelcast
# writes the list on the lines after the one that carries the time stamp.
membership_time() {
  local log=$1 after=$2 size=$3 stamp epoch
  while IFS= read -r stamp; do
    epoch=$(date -d "$stamp" +%s.%N)
    if awk -v a="$after" -v b="$epoch" 'BEGIN { exit !(b > a) }'; then
      echo "$epoch"
      return
    fi
  done < <(awk -v size="$size" '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { stamp = substr($0, 1, 23) }
                               index($0, "Members {size:" size ",") { print stamp }' "$log")
}

# The milliseconds from epoch time $2 until every named process of run $1 logged a list of $3 members; -1 if
# one never did.
all_dropped() {
  local run=$1 since=$2 size=$3 slowest=0 name seen
  shift 3
  for name in "$@"; do
    seen=$(membership_time "$run/$name.log" "$since" "$size")
    [[ -n "$seen" ]] || { echo -1; return; }
    (( $(ms_between "$since" "$seen") > slowest )) && slowest=$(ms_between "$since" "$seen")
  done
  echo "$slowest"
}

# The milliseconds from the first Hazelcast start among the named processes of run $1 until the last of them
# saw all of them in its member list.
join_ms() {
  local run=$1 first="" last="" name stamp
  shift
  for name in "$@"; do
    stamp=$(date -d "$(grep -m1 'CP Subsystem is not enabled' "$run/$name.log" | cut -c1-23)" +%s.%N)
    [[ -z "$first" ]] || awk -v a="$first" -v b="$stamp" 'BEGIN { exit !(b < a) }' || stamp=$first
    first=$stamp
    stamp=$(membership_time "$run/$name.log" 0 $#)
    [[ -z "$last" ]] || awk -v a="$last" -v b="$stamp" 'BEGIN { exit !(b > a) }' || stamp=$last
    last=$stamp
  done
  ms_between "$first" "$last"
}

# The CPU seconds the named processes of run $1 have used so far, together.
cpu_seconds() {
  local run=$1 ticks=0 name
  shift
  for name in "$@"; do
    ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$(cat "$run/$name.pid")/stat")))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}

json_post() { curl -s -XPOST "$1" -H 'Content-Type: application/json' -d "$2"; }

round() {
  local run gw1 gw2
  run=$(mktemp -d /tmp/parley-timing.XXXXXX)
  gw1=$((20000 + RANDOM % 10000))
  gw2=$((gw1 + 1))
  logback_config "$run/logback.xml"
  export PARLEY_CLUSTER_RUN_DIR="$run" PARLEY_CLUSTER_BASE_PORT=$((30000 + RANDOM % 20000))
  export PARLEY_STORE_PORT=$((gw1 + 2)) PARLEY_GATEWAY_PORTS="$gw1 $gw2"
  export PARLEY_CLUSTER_NAME="parley-timing-$RANDOM$RANDOM"
  export PARLEY_JAVA_OPTS="$JAVA_OPTS_GIVEN -Dlogback.configurationFile=$run/logback.xml"

  bash "$CLUSTER" start >"$run/start.out" 2>&1 &
  local starter=$!
  until [[ -e "$run/gateway-2.pid" ]]; do sleep 0.02; done
  local last_started up
  last_started=$(now)
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gw1/health")" == 200 \
        && "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gw2/health")" == 200 ]]; do
    sleep 0.1
  done
  up=$(now)
  local cpu join
  join=$(join_ms "$run" auth presence chat-1 chat-2 gateway-1 gateway-2)
  cpu=$(cpu_seconds "$run" auth presence chat-1 chat-2 gateway-1 gateway-2)
  wait "$starter"

  local base="http://127.0.0.1:$gw1" token
  json_post "$base/api/users" '{"username":"stopwatch","password":"a long enough passphrase"}' >/dev/null
  token=$(json_post "$base/api/login" '{"username":"stopwatch","password":"a long enough passphrase"}' | jq -r .accessToken)

  local killed
  killed=$(now)
  bash "$CLUSTER" kill chat-1 >/dev/null
  local statuses="" failed=0 slowest=0 last_failure=-1 sent status took
  while (( $(ms_between "$killed" "$(now)") < 8000 )); do
    sent=$(ms_between "$killed" "$(now)")
    read -r status took < <(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}\n' \
      -H "Authorization: Bearer $token" "$base/api/rooms" || echo "000 10")
    took=$(awk -v t="$took" 'BEGIN { printf "%d", t * 1000 }')
    (( took > slowest )) && slowest=$took
    if [[ "$status" != 200 ]]; then
      failed=$((failed + 1))
      statuses+=" $status@$sent"
      last_failure=$sent
    fi
    sleep 0.1
  done

  local dropped
  dropped=$(all_dropped "$run" "$killed" 5 auth presence chat-2 gateway-1 gateway-2)
  local frozen hung
  frozen=$(now)
  kill -STOP "$(cat "$run/presence.pid")"
  sleep 10
  hung=$(all_dropped "$run" "$frozen" 4 auth chat-2 gateway-1 gateway-2)
  kill -KILL "$(cat "$run/presence.pid")"
  bash "$CLUSTER" stop >/dev/null
  printf 'hung presence dropped after %5d ms | ' "$hung"
  printf 'formation %5d ms after the last start (cluster joined in %5d ms; %s CPU s, load %s) | chat-1 dropped by all after %5d ms | ' \
    "$(ms_between "$last_started" "$up")" "$join" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" "$dropped"
  printf 'requests: %d failed, slowest %d ms, last failure sent at +%d ms\n' "$failed" "$slowest" "$last_failure"
  [[ -z "${TIMING_VERBOSE:-}" ]] || echo "  failures (status@ms): $statuses"
  [[ -n "${TIMING_KEEP:-}" ]] || rm -rf "$run"
}

for ((i = 1; i <= ROUNDS; i++)); do
  round
done
