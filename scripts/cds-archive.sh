#!/usr/bin/env bash
# Makes a CDS archive (class data sharing) of a Parley jar: the classes it loads while it starts, parsed and
# verified once, so every later start maps them instead (-XX:SharedArchiveFile). The Dockerfile makes one in
# each image this way (local-cluster.sh records its archives from a whole cluster run instead, which covers
# what a lone start does not reach: docs/OPERATIONS.md).
#
#   scripts/cds-archive.sh JAR ARCHIVE [ARG...]     # ARGs go to the jar (parley.jar: --store-only)
#
# The jar runs alone, on its own cluster of one, against a store that is not there: a service gets as far as
# its store or its peers allow (its cluster, Vert.x, the store driver, its own start), then gives up and exits,
# or is stopped after PARLEY_CDS_SECONDS (15); either way the JVM writes the archive as it exits. An archive
# belongs to one JVM and one jar file: a rebuilt jar or another JDK needs a new one (the JVM ignores a stale one).
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 JAR ARCHIVE [ARG...]" >&2; exit 2; }
JAR=$1
ARCHIVE=$2
shift 2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PORT=$((20000 + RANDOM % 20000))

# parley.jar runs whole on its embedded store; a service is pointed at a store that does not answer.
STORE=()
[[ "$(basename "$JAR")" == parley.jar ]] || STORE=(MONGO_URI="mongodb://127.0.0.1:9")

# Written aside and moved in place, so a process starting meanwhile never maps half an archive.
env -i PATH="$PATH" HOME="$WORK" "${STORE[@]}" \
    PARLEY_DATA_DIR="$WORK/data" \
    PARLEY_PUBLIC_KEY_WAIT_MS=3000 \
    PARLEY_HTTP_HOST=127.0.0.1 PARLEY_HTTP_PORT=0 PARLEY_STORE_PORT=0 \
    PARLEY_CLUSTER_HOST=127.0.0.1 PARLEY_CLUSTER_PORT="$PORT" PARLEY_CLUSTER_MEMBERS="127.0.0.1:$PORT" \
    PARLEY_CLUSTER_NAME="parley-cds-$PORT" \
    timeout -s TERM "${PARLEY_CDS_SECONDS:-15}" \
    java -Xlog:cds*=off -XX:ArchiveClassesAtExit="$WORK/archive.jsa" -jar "$JAR" "$@" >"$WORK/out.log" 2>&1 || true
if [[ ! -s "$WORK/archive.jsa" ]]; then
  echo "no CDS archive made for $JAR:" >&2
  tail -5 "$WORK/out.log" >&2
  exit 1
fi
mv -f "$WORK/archive.jsa" "$ARCHIVE"
