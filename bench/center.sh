#!/usr/bin/env bash
# Backup and restore through the control center and its local storage node versus a local
# repository, on the same deterministic tree, in one run (issue 12's targets: >= 0.9x the local
# throughput; an unchanged re-backup through the center <= 1.5x the local time).
# Usage: bench/center.sh [RUNS (default 3)] [MiB of data (default 512)]
# Environment: BENCH_DIR (default /tmp/strata-center-bench). Needs a build (mvn -DskipTests package).
# Prints a Markdown table of medians (paste it into docs/benchmarks.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
MIB="${2:-512}"
WORK="${BENCH_DIR:-/tmp/strata-center-bench}"
DATA="$WORK/data-$MIB"
RAW="$WORK/results.tsv"
PORT=18480
export STRATA_PASSWORD="benchmark passphrase" STRATA_AGENT_NO_BUILD=1

mkdir -p "$WORK"
if [[ ! -f "$DATA/.complete" ]]; then
  echo "bench: generating $MIB MiB of test data in $DATA ..." >&2
  rm -rf "$DATA"
  java "$ROOT/bench/GenTree.java" "$DATA" "$MIB"
  touch "$DATA/.complete"
fi

rm -rf "$WORK/center" "$WORK/out" "$WORK/repo-"*
: >"$RAW"
"$ROOT/strata" server --no-build --port $PORT --data "$WORK/center" >"$WORK/server.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
until grep -q "storage node local-node" "$WORK/server.out"; do
  kill -0 $SERVER 2>/dev/null || { cat "$WORK/server.out" >&2; exit 1; }
  sleep 1
done
ADMIN="admin:$(cat "$WORK/center/initial-admin-password")"
API="http://127.0.0.1:$PORT/api/v1"
JSON='Content-Type: application/json'

measure() { # measure RUN TOOL METRIC COMMAND...
  local run="$1" tool="$2" metric="$3"
  shift 3
  sync
  if ! /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" >"$WORK/last.log" 2>&1; then
    echo "bench: $tool $metric failed:" >&2
    tail -20 "$WORK/last.log" >&2
    exit 1
  fi
  read -r secs rss <"$WORK/time.out"
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$tool" "$metric" "$secs" "$rss" >>"$RAW"
}

for run in $(seq 1 "$RUNS"); do
  # local: a repository of its own on this disk
  repo="$WORK/repo-$run"
  "$ROOT/strata" init --repo "$repo" >/dev/null
  measure "$run" local backup "$ROOT/strata" backup --repo "$repo" "$DATA"
  measure "$run" local rebackup "$ROOT/strata" backup --repo "$repo" "$DATA"
  rm -rf "$WORK/out"
  measure "$run" local restore "$ROOT/strata" restore --repo "$repo" latest --target "$WORK/out"
  diff -r "$DATA" "$WORK/out$DATA" >/dev/null
  rm -rf "$repo" "$WORK/out"

  # through the center: a fresh tenant each run, so nothing is deduplicated across runs
  tenant="bench$run"
  curl -sf -u "$ADMIN" -X POST "$API/tenants" -H "$JSON" -d "{\"id\":\"$tenant\"}" >/dev/null
  curl -sf -u "$ADMIN" -X POST "$API/principals" -H "$JSON" \
    -d "{\"name\":\"host@$tenant\",\"role\":\"AGENT\",\"tenant\":\"$tenant\"}" >/dev/null
  export STRATA_API_KEY STRATA_SERVER="http://127.0.0.1:$PORT"
  STRATA_API_KEY=$(curl -sf -u "$ADMIN" -X POST "$API/principals/host@$tenant/keys" -H "$JSON" \
    -d '{"label":"bench"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
  "$ROOT/strata" init >/dev/null
  measure "$run" center backup "$ROOT/strata" backup --policy bronze "$DATA"
  measure "$run" center rebackup "$ROOT/strata" backup "$DATA"
  measure "$run" center restore "$ROOT/strata" restore latest --target "$WORK/out"
  diff -r "$DATA" "$WORK/out$DATA" >/dev/null
  rm -rf "$WORK/out"
  unset STRATA_API_KEY STRATA_SERVER
done

bytes=$(du -sb "$DATA" | cut -f1)
python3 - "$RAW" "$bytes" <<'PY'
import statistics, sys
raw, size = sys.argv[1], int(sys.argv[2])
rows = [l.split("\t") for l in open(raw).read().splitlines()]
def runs(tool, metric):
    return [float(r[3]) for r in rows if r[1] == tool and r[2] == metric]
def med(tool, metric):
    return statistics.median(runs(tool, metric))
print("| route | backup | unchanged re-backup | restore |")
print("|---|---|---|---|")
for tool in ("local", "center"):
    b, rb, rs = med(tool, "backup"), med(tool, "rebackup"), med(tool, "restore")
    print(f"| {tool} | {b:.2f} s ({size / b / 1e6:.0f} MB/s) | {rb:.2f} s | {rs:.2f} s ({size / rs / 1e6:.0f} MB/s) |")
print()
print("| through the center vs local | target | measured |")
print("|---|---|---|")
print(f"| backup throughput | >= 0.9x | {med('local','backup') / med('center','backup'):.2f}x (runs: {runs('center','backup')} vs {runs('local','backup')}) |")
print(f"| restore throughput | >= 0.9x | {med('local','restore') / med('center','restore'):.2f}x (runs: {runs('center','restore')} vs {runs('local','restore')}) |")
print(f"| unchanged re-backup time | <= 1.5x | {med('center','rebackup') / med('local','rebackup'):.2f}x |")
PY
