#!/usr/bin/env bash
# Strata, restic and borg side by side on the same deterministic tree, in one run.
# Usage: bench/backup.sh [RUNS (default 3)] [MiB of data (default 1024)]
# Environment: BENCH_DIR (default /tmp/strata-bench) holds the data, repositories and raw results.
# Prints a Markdown table of medians and the ratios against restic (paste it into docs/benchmarks.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
MIB="${2:-1024}"
WORK="${BENCH_DIR:-/tmp/strata-bench}"
DATA="$WORK/data-$MIB"
RAW="$WORK/results.tsv"
PASS="benchmark passphrase"

need_tools() {
  if command -v restic >/dev/null && command -v borg >/dev/null && [[ -x /usr/bin/time ]]; then
    return
  fi
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  echo "bench: installing restic, borg and GNU time from Debian ..." >&2
  $sudo apt-get update -q >&2
  $sudo apt-get install -y -q restic borgbackup time >&2
}

# measure NAME TOOL METRIC COMMAND...: runs the command, appends seconds and peak RSS (KiB).
measure() {
  local tool="$1" metric="$2"
  shift 2
  local out="$WORK/time.out"
  # Start every step with the previous one's writes on disk, so no tool pays for another's.
  sync
  if ! /usr/bin/time -f "%e %M" -o "$out" "$@" >"$WORK/last.log" 2>&1; then
    echo "bench: $tool $metric failed:" >&2
    tail -20 "$WORK/last.log" >&2
    exit 1
  fi
  read -r secs rss <"$out"
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$tool" "$metric" "$secs" "$rss" >>"$RAW"
}

listing() {
  (cd "$1" && find . -printf '%P %y %m %s %T@ %l\n' | sort)
}

size() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$1" size "$(du -sb "$2" | cut -f1)" 0 >>"$RAW"
}

need_tools
mkdir -p "$WORK"
if [[ ! -f "$DATA/.complete" ]]; then
  echo "bench: generating $MIB MiB of test data in $DATA ..." >&2
  rm -rf "$DATA"
  java "$ROOT/bench/GenTree.java" "$DATA" "$MIB"
  touch "$DATA/.complete"
fi
echo "bench: building the agent ..." >&2
(cd "$ROOT" && mvn -q -B -Dstyle.color=never -DskipTests -pl backup-agent -am package >&2)
rm -f "$ROOT/backup-agent/target/strata-agent.jsa"
# One throw-away command creates the class-data-sharing archive that later runs map.
STRATA_PASSWORD=x "$ROOT/strata" snapshots --repo "$WORK" >/dev/null 2>&1 || true

BYTES=$(du -sb --exclude=.complete "$DATA" | cut -f1)
FILES=$(find "$DATA" -type f ! -name .complete | wc -l)
: >"$RAW"
export STRATA_PASSWORD="$PASS" RESTIC_PASSWORD="$PASS" BORG_PASSPHRASE="$PASS"
export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=no BORG_RELOCATED_REPO_ACCESS_IS_OK=yes
# The agent was built above; the launcher must not rebuild it in the middle of a timed run.
export STRATA_AGENT_NO_BUILD=1
# Every restore goes to a directory of its own, all removed at the end: creating files right where
# thousands were just deleted is several times slower on ext4 (it skips recently freed inodes),
# and would penalise whichever tool restores first after a deletion.
rm -rf "$WORK"/restore-*
for run in $(seq 1 "$RUNS"); do
  echo "bench: run $run of $RUNS ..." >&2
  R="$WORK/repo"

  T="$WORK/restore-strata-$run"
  rm -rf "$R" && mkdir -p "$T"
  "$ROOT/strata" init --repo "$R" >/dev/null
  measure strata backup "$ROOT/strata" backup --repo "$R" "$DATA"
  measure strata rebackup "$ROOT/strata" backup --repo "$R" "$DATA"
  measure strata restore "$ROOT/strata" restore --repo "$R" latest --target "$T"
  measure strata check env -u STRATA_PASSWORD "$ROOT/strata" check --repo "$R" --read-data
  size strata "$R"
  # The restore must be bit-exact, metadata included: contents, then type, mode, size, mtime, link.
  diff -r "$DATA" "$T$DATA" >/dev/null || { echo "bench: strata restore differs in content" >&2; exit 1; }
  diff <(listing "$DATA") <(listing "$T$DATA") >/dev/null ||
    { echo "bench: strata restore differs in metadata" >&2; exit 1; }

  T="$WORK/restore-restic-$run"
  rm -rf "$R" && mkdir -p "$T"
  restic -q -r "$R" init >/dev/null
  measure restic backup restic -q -r "$R" backup "$DATA"
  measure restic rebackup restic -q -r "$R" backup "$DATA"
  measure restic restore restic -q -r "$R" restore latest --target "$T"
  measure restic check restic -q -r "$R" check --read-data
  size restic "$R"

  T="$WORK/restore-borg-$run"
  rm -rf "$R" && mkdir -p "$T"
  borg init -e repokey-blake2 "$R" >/dev/null 2>&1
  measure borg backup borg create "$R::one" "$DATA"
  measure borg rebackup borg create "$R::two" "$DATA"
  measure borg restore bash -c "cd '$T' && borg extract '$R::two'"
  measure borg check borg check --verify-data "$R"
  size borg "$R"
done
rm -rf "$WORK/repo" "$WORK"/restore-*

python3 - "$RAW" "$BYTES" "$FILES" "$RUNS" <<'PY'
import statistics, sys
from collections import defaultdict
raw, data_bytes, files, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
secs, rss = defaultdict(list), defaultdict(list)
for line in open(raw):
    run, tool, metric, value, kib = line.split("\t")
    secs[(tool, metric)].append(float(value))
    if metric != "size":
        rss[tool].append(int(kib))
med = {k: statistics.median(v) for k, v in secs.items()}
mb = data_bytes / 1e6
print(f"Data: {mb:.0f} MB in {files} files; medians of {runs} runs.\n")
print("| tool | backup | unchanged re-backup | restore | check --read-data | repository | peak RSS |")
print("|---|---|---|---|---|---|---|")
for t in ("strata", "restic", "borg"):
    b, rb, rs, c = (med[(t, m)] for m in ("backup", "rebackup", "restore", "check"))
    print(f"| {t} | {b:.2f} s ({mb/b:.0f} MB/s) | {rb:.2f} s | {rs:.2f} s ({mb/rs:.0f} MB/s) "
          f"| {c:.2f} s | {med[(t,'size')]/1e6:.0f} MB | {max(rss[t])/1024:.0f} MiB |")
s, r = "strata", "restic"
print()
print("| Strata vs restic | target | measured |")
print("|---|---|---|")
print(f"| full backup throughput | >= 2.0x | {med[(r,'backup')]/med[(s,'backup')]:.2f}x |")
print(f"| unchanged re-backup time | <= 1.0x | {med[(s,'rebackup')]/med[(r,'rebackup')]:.2f}x |")
print(f"| restore throughput | >= 2.0x | {med[(r,'restore')]/med[(s,'restore')]:.2f}x |")
print(f"| keyless check --read-data | >= 3x | {med[(r,'check')]/med[(s,'check')]:.2f}x |")
print(f"| repository size | <= 1.0x | {med[(s,'size')]/med[(r,'size')]:.2f}x |")
print(f"| peak RSS | <= 1.0x | {max(rss[s])/max(rss[r]):.2f}x |")
PY
