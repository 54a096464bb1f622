#!/usr/bin/env bash
# Storage node throughput: uploads of real signed packs into a node (its own process, verifying
# and fsyncing) against LocalPackStore.put of the same packs on the same disk, then one tape batch
# of them to the node's VTL with the LTO-9 timing model (feed rate, back-hitches).
# Usage: bench/node.sh [count (default 16)] [pack MiB (default 64)] [dir]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-16}"
MIB="${2:-64}"
DIR="${3:-$(mktemp -d /var/tmp/strata-node-bench.XXXXXX)}"
trap 'rm -rf "$DIR"' EXIT

# No install: the reactor builds the modules and their classes are used where they are.
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl storage-node -am test-compile \
  dependency:build-classpath -Dmdep.outputFile="$DIR/cp.txt" -Dmdep.includeScope=test)
CP="$ROOT/storage-node/target/test-classes:$ROOT/storage-node/target/classes"
for m in media-format nearline-disk tape-library-driver vtl-emulator; do CP="$CP:$ROOT/$m/target/classes"; done
CP="$CP:$(grep -v '^$' "$DIR/cp.txt" | tail -1)"
java -XX:+UseSerialGC -cp "$CP" dev.strata.node.NodeBenchmark "$DIR/run" "$MIB" "$COUNT" 2>/dev/null
