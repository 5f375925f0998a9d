#!/usr/bin/env bash
# Queues a tagwerk corpus run on Slurm: an array of N shard tasks, then the report over
# their parts, which starts only when every shard succeeded (and is cancelled at once
# when one fails). Prints the two job ids.
#
#   examples/slurm/submit.sh CORPUS OUT [N]
#     CORPUS  the corpus (JSON Lines, .gz or .zst), readable from every node
#     OUT     a directory on a shared file system: part-K.jsonl, part-K.manifest.json,
#             report/ and the jobs' logs go there
#     N       number of shards (array tasks), default 16
#   Environment: TAGWERK (the tagwerk binary, default `tagwerk` on PATH), CHAIN (a chain
#   file, default the installed default chain), PERIOD (day, week or month for the
#   report), SBATCH_ARGS (more sbatch options for both jobs, e.g. "--partition=short").
set -euo pipefail
if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '5,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(realpath "$1")
out=$(realpath -m "$2")
n=${3:-16}
if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
  echo "submit.sh: N must be a positive number of shards, not '$n'" >&2
  exit 2
fi
if [ ! -r "$corpus" ]; then
  echo "submit.sh: cannot read the corpus $corpus" >&2
  exit 2
fi
mkdir -p "$out/logs"
read -r -a extra <<< "${SBATCH_ARGS:-}"
export CORPUS="$corpus" OUT="$out" SHARDS="$n"
array=$(sbatch --parsable "${extra[@]}" --array="1-$n" --export=ALL \
  --output="$out/logs/shard-%A_%a.log" "$here/tagwerk-shard.sbatch")
array=${array%%;*}
report=$(sbatch --parsable "${extra[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --export=ALL --output="$out/logs/report-%j.log" "$here/tagwerk-report.sbatch")
report=${report%%;*}
echo "array job $array ($n shards) -> report job $report; the report will be in $out/report/index.html"
