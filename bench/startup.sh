#!/usr/bin/env bash
# Whole-process benchmark: time from `./strata server` to /health/ready, and the server's
# resident memory once ready, on a fresh data directory (first start) and on a restart.
# Usage: bench/startup.sh [runs]   (default 3; builds first if needed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-3}"
PORT="${STRATA_BENCH_PORT:-18765}"
work="$(mktemp -d)"
trap 'pkill -f "strata-data-bench" 2>/dev/null || true; rm -rf "$work"' EXIT

"$ROOT/strata" help >/dev/null
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl control-center-ear/web -am package)

measure() { # $1 = data dir; prints "seconds rss_mib"
  local data="$1" start end pid rss
  start=$(date +%s.%N)
  "$ROOT/strata" server --no-build --port "$PORT" --data "$data" >"$work/out" 2>&1 &
  local launcher=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  pid=$(pgrep -f -- "-Dstrata.data.dir=$data" | head -1)
  rss=$(($(ps -o rss= -p "$pid") / 1024))
  kill -TERM "$launcher"; wait "$launcher" 2>/dev/null || true
  while pgrep -f -- "-Dstrata.data.dir=$data" >/dev/null; do sleep 0.1; done
  printf '%.1f %d\n' "$(echo "$end - $start" | bc)" "$rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$work/first"; : >"$work/restart"
for i in $(seq 1 "$RUNS"); do
  data="$work/strata-data-bench-$i"
  measure "$data" >>"$work/first"
  measure "$data" >>"$work/restart"
done
echo "runs: $RUNS   java: $(java -version 2>&1 | head -1)"
echo "first start: ready $(cut -d' ' -f1 "$work/first" | median) s (median), RSS $(cut -d' ' -f2 "$work/first" | median) MiB"
echo "restart:     ready $(cut -d' ' -f1 "$work/restart" | median) s (median), RSS $(cut -d' ' -f2 "$work/restart" | median) MiB"
