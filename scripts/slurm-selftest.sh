#!/usr/bin/env bash
# Runs examples/slurm/ on a real one-node Slurm cluster started here, and checks that
# the report merged from the shards equals the report of one single-process run.
#
#   scripts/slurm-selftest.sh [--corpus FILE] [--articles N] [--shards N] [--tagwerk BIN] [--keep]
#     --corpus FILE  the corpus (JSON Lines, .gz, .zst); default: the six articles of the
#                    project (examples/seed.jsonl and the texts of tests/data/report/)
#     --articles N   use its first N records (default 2000)
#     --shards N     array tasks (default 4)
#     --tagwerk BIN  default build/release/bin/tagwerk
#     --keep         keep the work folder (corpus, parts, reports, daemon logs)
#
# Needs root and Debian's slurm-wlm and munge (apt-get install slurm-wlm munge); no
# systemd and no network: munged, slurmctld and slurmd are started by hand on
# localhost, each with its files in a fresh work folder (their own munge key and
# socket, ports 16817/16818, proctrack/linuxproc, task/none, no accounting), and
# stopped by their pid files at the end, also when the test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=
articles=2000
shards=4
tagwerk=build/release/bin/tagwerk
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --tagwerk) tagwerk=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "slurm-selftest: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
say() { printf 'slurm-selftest: %s\n' "$*"; }
fail() { printf 'slurm-selftest: FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (it starts munged and slurmd as root)"
for tool in munged mungekey slurmctld slurmd sbatch scontrol sinfo; do
  command -v "$tool" > /dev/null || fail "no $tool on PATH: apt-get install -y slurm-wlm munge"
done
[ -x "$tagwerk" ] || fail "no tagwerk binary at $tagwerk: build first (cmake --build --preset release)"
[ -z "$corpus" ] || [ -r "$corpus" ] || fail "cannot read the corpus $corpus"
tagwerk=$(realpath "$tagwerk")
start=$(date +%s)

work=$(mktemp -d /tmp/tagwerk-slurm.XXXXXX)
chmod 755 "$work" # munged wants every directory above its socket searchable by all
stop_cluster() {
  local name pid
  for name in slurmd slurmctld munged; do
    [ -s "$work/$name.pid" ] || continue
    pid=$(cat "$work/$name.pid")
    kill "$pid" 2> /dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2> /dev/null || true
  done
}
finish() {
  local status=$?
  stop_cluster
  if [ "$status" != 0 ]; then
    for log in "$work"/slurmctld.log "$work"/slurmd.log "$work"/out/logs/*.log; do
      [ -s "$log" ] && { echo "--- $log (last lines)"; tail -n 15 "$log"; }
    done
  fi
  if [ "$keep" = 1 ] || [ "$status" != 0 ]; then say "work folder kept: $work"; else rm -rf "$work"; fi
}
trap finish EXIT

# The input: the corpus's first N records.
if [ -z "$corpus" ]; then
  corpus="the project's sample articles"
  python3 - examples/seed.jsonl tests/data/report/shard-*.jsonl > "$work/corpus.jsonl" << 'PY'
import json, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        print(json.dumps({k: r[k] for k in ("id", "title", "date", "lang", "text") if k in r}, ensure_ascii=False))
PY
else
  (
    set +o pipefail # head closes the pipe early on purpose
    case "$corpus" in
      *.zst) zstd -dc -- "$corpus" ;;
      *.gz) gzip -dc -- "$corpus" ;;
      *) cat -- "$corpus" ;;
    esac | head -n "$articles" > "$work/corpus.jsonl"
  )
fi
records=$(wc -l < "$work/corpus.jsonl")
say "$records records from $corpus, $shards shards, work folder $work"

# A one-node cluster on localhost.
mungekey --create --keyfile="$work/munge.key"
munged --socket="$work/munge.socket" --key-file="$work/munge.key" --log-file="$work/munged.log" \
  --pid-file="$work/munged.pid" --seed-file="$work/munged.seed"
host=$(hostname -s)
node=$(slurmd -C | head -n 1)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" << EOF
ClusterName=tagwerk-selftest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
MinJobAge=3600
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=selftest Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$work/slurm.conf"
slurmctld
slurmd
for _ in $(seq 60); do
  [ "$(sinfo -h -o %T 2> /dev/null)" = idle ] && break
  sleep 0.5
done
[ "$(sinfo -h -o %T 2> /dev/null)" = idle ] || fail "the node did not come up: $(sinfo 2>&1 | tail -n 1)"
say "cluster up ($(sinfo -h -o '%P %D node, %c cpus, %T'))"

# The example, as a user submits it: one task per core.
submitted=$(TAGWERK="$tagwerk" SBATCH_ARGS="--cpus-per-task=1" \
  "$root/examples/slurm/submit.sh" "$work/corpus.jsonl" "$work/out" "$shards")
say "$submitted"
report_job=$(sed -n 's/.*report job \([0-9]*\);.*/\1/p' <<< "$submitted")
[ -n "$report_job" ] || fail "submit.sh printed no report job id"
state=
for _ in $(seq 1800); do
  state=$(scontrol show job -o "$report_job" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case "$state" in
    COMPLETED) break ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | OUT_OF_MEMORY | BOOT_FAIL | DEADLINE | PREEMPTED)
      fail "report job $report_job ended $state ($(scontrol show job -o "$report_job" | grep -o 'Reason=[^ ]*'))" ;;
  esac
  sleep 1
done
[ "$state" = COMPLETED ] || fail "report job $report_job still $state after 30 minutes"
sharded=$(($(date +%s) - start))
say "array and report done (${sharded}s from start)"

# Nothing lost: every record in exactly one part, none with a shard's records twice.
python3 - "$work/corpus.jsonl" "$work/out" "$shards" << 'PY'
import glob, json, sys
corpus, out, shards = sys.argv[1], sys.argv[2], int(sys.argv[3])
want = [json.loads(line)["id"] for line in open(corpus, encoding="utf-8")]
parts = sorted(glob.glob(f"{out}/part-*.jsonl"))
if len(parts) != shards:
    sys.exit(f"slurm-selftest: FAILED: {len(parts)} part files, expected {shards}")
got = [json.loads(line)["id"] for p in parts for line in open(p, encoding="utf-8")]
if sorted(got) != sorted(want):
    sys.exit(f"slurm-selftest: FAILED: the parts hold {len(got)} records, the corpus {len(want)}")
for p in parts:
    manifest = json.load(open(p.replace(".jsonl", ".manifest.json"), encoding="utf-8"))
    if manifest.get("status") != "complete":
        sys.exit(f"slurm-selftest: FAILED: {p}: manifest status {manifest.get('status')}")
print(f"slurm-selftest: ok: {len(got)} records in {len(parts)} parts, each once")
PY

# The same corpus in one process, and its report: the two must be the same files.
# (exit status 1: records with errors, kept in the output, as the shards accept it)
"$tagwerk" run -q -o "$work/single.jsonl" "$work/corpus.jsonl" || [ $? = 1 ]
"$tagwerk" report -q -o "$work/single-report" "$work/single.jsonl"
if ! diff -r "$work/single-report" "$work/out/report" > "$work/report.diff"; then
  head -n 20 "$work/report.diff"
  fail "the merged report differs from the single-process one (diff in $work/report.diff)"
fi
python3 - "$work/single-report" << 'PY'
import json, sys
tables = {t: json.load(open(f"{sys.argv[1]}/{t}.json", encoding="utf-8")) for t in ("entities", "quotes")}
if not tables["entities"]:
    sys.exit("slurm-selftest: FAILED: the report lists no entities")
print("slurm-selftest: ok: the report lists", ", ".join(f"{len(v)} {k}" for k, v in tables.items()))
PY
say "ok: the report of $shards shards equals the single-process report ($(ls "$work/out/report" | tr '\n' ' '))"
say "passed in $(($(date +%s) - start))s"
