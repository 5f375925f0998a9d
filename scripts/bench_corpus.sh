#!/usr/bin/env bash
# bench_corpus.sh -- throughput and peak memory of a tagwerk chain over a real corpus.
#
# Usage: scripts/bench_corpus.sh CORPUS.jsonl[.zst|.gz] [options]
#   --chain FILE      chain to run (default: the installed default chain)
#   --threads "1 2"   thread counts to measure (default: "1 2")
#   --records N       use the first N records (default: all)
#   --tagwerk PATH    the executable (default: build/release/bin/tagwerk)
#   --isolation M     process or none (default: tagwerk's, process); peak RSS is
#                     then the largest process's: the supervisor or one worker
#   --tsv FILE        append one row per run to FILE
#
# Prints per run: records, text MB, wall seconds, records/s, MB/s of text, peak
# RSS (GNU time). Also runs a quarter of the records once more so that the peak
# RSS of a small and a large input can be compared: memory must not grow with
# the corpus. Needs GNU time (/usr/bin/time), python3, zstd/gzip for packed input.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus="" chain="" isolation="" threads="1 2" records="" tagwerk="$here/build/release/bin/tagwerk" tsv=""
while [ $# -gt 0 ]; do
  case "$1" in
    --chain) chain="$2"; shift 2;;
    --threads) threads="$2"; shift 2;;
    --records) records="$2"; shift 2;;
    --tagwerk) tagwerk="$2"; shift 2;;
    --isolation) isolation="$2"; shift 2;;
    --tsv) tsv="$2"; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) echo "bench_corpus.sh: unknown option $1" >&2; exit 2;;
    *) corpus="$1"; shift;;
  esac
done
[ -n "$corpus" ] || { echo "usage: bench_corpus.sh CORPUS [options] (see --help)" >&2; exit 2; }
[ -r "$corpus" ] || { echo "bench_corpus.sh: cannot read $corpus" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_corpus.sh: needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$corpus" in
  *.zst) cat_cmd=(zstd -dc "$corpus");;
  *.gz) cat_cmd=(gzip -dc "$corpus");;
  *) cat_cmd=(cat "$corpus");;
esac
if [ -n "$records" ]; then "${cat_cmd[@]}" | head -n "$records" > "$work/in.jsonl" || true
else "${cat_cmd[@]}" > "$work/in.jsonl"; fi
n=$(wc -l < "$work/in.jsonl")
head -n $(( n / 4 > 0 ? n / 4 : 1 )) "$work/in.jsonl" > "$work/quarter.jsonl"
text_bytes() { python3 -c "
import json,sys
b=0
for l in open(sys.argv[1],encoding='utf-8',errors='replace'):
    try: b+=len((json.loads(l).get('text') or '').encode())
    except ValueError: pass
print(b)" "$1"; }

chain_args=()
[ -n "$chain" ] && chain_args=(--chain "$chain")
[ -n "$isolation" ] && chain_args+=(--isolation "$isolation")
run() {  # input threads label
  local in="$1" t="$2" label="$3" tb docs
  docs=$(wc -l < "$in"); tb=$(text_bytes "$in")
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time.txt" "$tagwerk" run -q -j "$t" "${chain_args[@]}" "$in" > "$work/out.jsonl" || rc=$?
  t1=$(date +%s.%N)
  python3 - "$work/time.txt" "$t0" "$t1" "$docs" "$tb" "$t" "$label" "$rc" "$work/out.jsonl" "$tsv" <<'PY'
import re, sys, os
t = open(sys.argv[1]).read()
rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', t).group(1))
wall = float(sys.argv[3]) - float(sys.argv[2])
docs, tb, threads, label, rc, out, tsv = int(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7], sys.argv[8], sys.argv[9], sys.argv[10]
lines = sum(1 for _ in open(out, encoding='utf-8', errors='replace'))
row = dict(label=label, threads=threads, records=docs, text_MB=round(tb/1e6, 2), wall_s=round(wall, 2),
           records_per_s=round(docs/wall, 1), MB_per_s=round(tb/1e6/wall, 2),
           MB_per_s_per_thread=round(tb/1e6/wall/int(threads), 2), peak_rss_MB=round(rss/1024, 1),
           out_lines=lines, exit=rc)
print('  '.join(f'{k}={v}' for k, v in row.items()))
if lines != docs:
    print(f'ERROR: {lines} output lines for {docs} records', file=sys.stderr)
if tsv:
    new = not os.path.exists(tsv) or os.path.getsize(tsv) == 0
    with open(tsv, 'a') as f:
        if new: f.write('\t'.join(row) + '\n')
        f.write('\t'.join(str(v) for v in row.values()) + '\n')
PY
}
for t in $threads; do run "$work/in.jsonl" "$t" full; done
run "$work/quarter.jsonl" "$(echo "$threads" | awk '{print $NF}')" quarter
