#!/usr/bin/env bash
# bench_report.sh -- wall time and peak memory of `tagwerk report` over annotated output.
#
# Usage: scripts/bench_report.sh ANNOTATED.jsonl[.zst|.gz|.sqlite] [options]
#   --threads "1 2"   thread counts to measure (default: "1 2")
#   --tagwerk PATH    the executable (default: build/release/bin/tagwerk)
#   --tsv FILE        append one row per run to FILE
#
# Make the input once with the default chain, e.g.
#   zstd -dc corpus.jsonl.zst | tagwerk run -j 2 -o annotated.jsonl
# Prints per run: input MB, wall seconds, CPU seconds (user + system), MB/s of
# input, peak RSS (GNU time). Also reduces the first quarter and the first half
# of a JSON Lines input on the last thread count, so that peak RSS can be
# compared across sizes, and checks that every thread count wrote the same
# files. Needs GNU time (/usr/bin/time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
input="" threads="1 2" tagwerk="$here/build/release/bin/tagwerk" tsv=""
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2;;
    --tagwerk) tagwerk="$2"; shift 2;;
    --tsv) tsv="$2"; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) echo "bench_report.sh: unknown option $1" >&2; exit 2;;
    *) input="$1"; shift;;
  esac
done
[ -n "$input" ] || { echo "usage: bench_report.sh ANNOTATED [options] (see --help)" >&2; exit 2; }
[ -r "$input" ] || { echo "bench_report.sh: cannot read $input" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_report.sh: needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {  # input threads label
  local in="$1" t="$2" label="$3" mb
  mb=$(( $(stat -c %s "$in") / 1000000 ))
  rm -rf "$work/out-$label"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "$tagwerk" report -q -j "$t" --no-html -o "$work/out-$label" "$in" 2> "$work/err" \
    || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  local cpu mbs
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  mbs=$(awk -v m="$mb" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? m / w : 0) }')
  printf '%-10s threads %s  %6s MB  wall %6.1f s  cpu %6s s  %5s MB/s  peak RSS %5d MB\n' \
    "$label" "$t" "$mb" "$wall" "$cpu" "$mbs" $(( rss / 1024 ))
  [ -n "$tsv" ] && printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$t" "$mb" "$wall" "$cpu" "$(( rss / 1024 ))" >> "$tsv"
  return 0
}
first=""
for t in $threads; do
  run "$input" "$t" "all-j$t"
  if [ -z "$first" ]; then first="all-j$t"
  elif ! diff -r -q "$work/out-$first" "$work/out-all-j$t" > /dev/null; then
    echo "bench_report.sh: -j $t wrote other files than ${first#all-}" >&2; exit 1
  fi
done
case "$input" in
  *.sqlite|*.db|*.gz|*.zst) exit 0;;
esac
n=$(wc -l < "$input")
last=${threads##* }
head -n $(( n / 4 )) "$input" > "$work/quarter.jsonl"
head -n $(( n / 2 )) "$input" > "$work/half.jsonl"
run "$work/quarter.jsonl" "$last" "quarter"
run "$work/half.jsonl" "$last" "half"
