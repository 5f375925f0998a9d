#!/usr/bin/env bash
# fuzz.sh -- builds the libFuzzer harnesses (the fuzz preset, clang-14) and
# runs each for a while; see docs/development.md.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  how long each harness runs (default 60)
#   TARGET              jsonl_reader, utf8, chain_toml, segment, timeline (default: all)
# Environment:
#   FUZZ_JOBS=N         harnesses run at once (default 1; each takes one core)
#
# Each harness starts from its seeds in fuzz/corpus/<target>/ and keeps what
# it learns in build/fuzz/corpus/<target>/ for the next run; it mutates with the
# dictionary fuzz/dict/<target>.dict (segment and timeline: the words of the
# timeline rules' lexicons). Its log is build/fuzz/logs/<target>.log. An input
# slower than 10 s counts as a failure.
# Prints one line per target with the inputs executed. Exits 1 when a harness
# found a crash, leak, sanitizer report or timeout, naming the file that
# reproduces it (run the harness on that file alone to see it again).
# Needs clang-14 and libclang-rt-14-dev (Debian bookworm).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=60
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;; esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jsonl_reader utf8 chain_toml segment timeline)
jobs=${FUZZ_JOBS:-1}

# The longest input each harness is given: a few records, a chain file, an article.
max_len_of() {
  case "$1" in
    jsonl_reader) echo 16384;;
    utf8 | chain_toml) echo 4096;;
    segment | timeline) echo 8192;;
    *) echo "fuzz.sh: unknown target $1" >&2; exit 2;;
  esac
}
for t in "${targets[@]}"; do max_len_of "$t" > /dev/null; done

cd "$here"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz > /dev/null

out="$here/build/fuzz"
mkdir -p "$out/logs"

# Dictionaries: fuzz/dict/<target>.dict, and for the text harnesses the words of
# the timeline rules' lexicons, taken from the rules as they are now.
mkdir -p "$out/dict"
sed -n 's/^lex [^:]*: *//p' plugins/timeline/data/*.rules | tr ' ' '\n' | sed 's/=.*//' |
  LC_ALL=C grep -E '^[[:alnum:]._-]+$' | LC_ALL=C sort -u | sed 's/.*/"&"/' > "$out/dict/text.dict"

dict_of() {
  case "$1" in
    segment | timeline) echo "$out/dict/text.dict";;
    *) [ -f "fuzz/dict/$1.dict" ] && echo "fuzz/dict/$1.dict";;
  esac
}

run_target() {
  local t=$1 log="$out/logs/$1.log" dict
  dict=$(dict_of "$t" || true)
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  # The seeds are copied, so that libFuzzer writes into build/ only.
  cp -n "fuzz/corpus/$t"/* "$out/corpus/$t/" || true
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$out/fuzz/fuzz_$t" "$out/corpus/$t" ${dict:+-dict="$dict"} \
    -max_total_time="$seconds" -max_len="$(max_len_of "$t")" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$t/" > "$log" 2>&1
}

pids=() names=()
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
  run_target "$t" &
  pids+=($!) names+=("$t")
done

failed=0
printf '%-14s %8s %12s %10s %8s  %s\n' target seconds execs exec/s corpus result
for i in "${!pids[@]}"; do
  t=${names[$i]} log="$out/logs/${names[$i]}.log" status=0
  wait "${pids[$i]}" || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  result=ok
  if [ "$status" -ne 0 ]; then
    failed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    result="FAILED (exit $status): ${artifact:-no test unit written} -- see $log"
  fi
  printf '%-14s %8s %12s %10s %8s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
exit $failed
