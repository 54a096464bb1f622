#!/usr/bin/env bash
# Pack store throughput: LocalPackStore puts of 64 MiB packs against `dd conv=fdatasync` writing
# the same number of 64 MiB files on the same disk, and an S3PackStore against a local S3Proxy and
# (where Ceph is installed) a single-node Ceph RGW.
# Usage: bench/packstore.sh [count] [dir]   (default 16 packs, a temporary directory under /var/tmp)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-16}"
DIR="${2:-$(mktemp -d /var/tmp/strata-bench.XXXXXX)}"
trap 'rm -rf "$DIR"' EXIT

(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl nearline-disk -am install)
(cd "$ROOT/nearline-disk" && mvn -q -B -Dstyle.color=never test-compile dependency:build-classpath \
  -Dmdep.outputFile="$DIR/cp.txt" -Dmdep.includeScope=test)
CP="$ROOT/nearline-disk/target/test-classes:$ROOT/nearline-disk/target/classes:$(cat "$DIR/cp.txt")"

mkdir -p "$DIR/dd"
start=$(date +%s.%N)
for i in $(seq 1 "$COUNT"); do
  dd if=/dev/zero of="$DIR/dd/$i" bs=1M count=64 conv=fdatasync status=none
done
end=$(date +%s.%N)
dd_rate=$(echo "64 * 1048576 * $COUNT / ($end - $start) / 1000000" | bc)
rm -rf "$DIR/dd"
echo "dd conv=fdatasync ${dd_rate} MB/s"

out=$(java -cp "$CP" dev.strata.disk.PackStoreBenchmark "$DIR/stores" 64 "$COUNT" 2>/dev/null | grep " MB/s")
echo "$out"
put=$(echo "$out" | awk '/^local put/ {print $3}')
echo "local put / dd = $(echo "scale=2; $put / $dd_rate" | bc)"
