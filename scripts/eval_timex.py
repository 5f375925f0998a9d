#!/usr/bin/env python3
"""eval_timex.py -- runs the timeline plugin over TIMEX gold data and scores it.

For every gold file DATA_DIR/*.jsonl (records {id, lang, dct, text, timexes}, code
point offsets) it produces predictions with one of two runners, then calls
EVAL_DIR/timex_score.py GOLD PRED --value-match lenient and prints, per data set,
strict and relaxed span P/R/F1, type accuracy, value accuracy and value F1.

Runners:
  (default)       the host: build/release/bin/tagwerk run -q -c chains/default.toml
                  (segment + timeline); input records become {"id","text","date","lang"}
                  on stdin, the output records' annotations.timex spans (code points)
                  become the predictions
  --tagwerk CMD   another host command, e.g. "build/bin/tagwerk run -q -c my.toml"
  --driver [CMD]  the dev driver (segment's engine, then timeline's, as the chain runs
                  them, with the rules read straight from plugins/timeline/data: the
                  fast inner loop); CMD reads gold JSONL on stdin and writes
                  {"id", "timexes": [...]} JSONL on stdout.
                  Without CMD: build/release/tools/timeline_eval/timeline_eval
                  plugins/timeline/data plugins/segment/data

Gold ids are not unique in TempEval-3 (TimeBank repeats APW19980227 five times:
different wire stories of one day). The scorer joins on id and keeps only the last
record of an id, so every gold file is first rewritten with unique ids (the second
"X" becomes "X#2", ...) and runs and scoring use that copy: every document counts.

--combine NAME=a.jsonl,b.jsonl adds a row scoring the concatenation of those data
sets (ids prefixed with the file name); the default adds
tempeval3_train = TimeBank + AQUAINT when both files are there.

MEANTIME annotates only the title and the first five sentences of each article
(NewsReader guidelines); `--first-sentences meantime_en=6` (the default) drops
predictions after the 6th gold sentence (the gold record's "sentences") so that
text nobody annotated is not scored. Pass `--first-sentences ""` to score all text.

--splits DIR (default scripts/splits) adds, for every data set with DIR/<name>.tuning.txt
and DIR/<name>.confirmation.txt (document ids, see timex_splits.py), a row for each part:
tune on the tuning part, read the confirmation part as numbers only. `--splits ""` skips
them. --pred-dir DIR scores the predictions DIR/<name>.pred.jsonl of an earlier run (its
--out folder) instead of running anything: the numbers of an older build, on new splits.

--errors FILE writes every error as TSV (data set, id, category, gold text, gold value,
predicted text, predicted value); --categories [PART] prints how many errors of each
category (timex_errors.py: span, missed, spurious, duration/date, vague, granularity,
direction, anchor, duration amount, other) the tuning or confirmation part (default) or
all of each data set has.

Usage:
  eval_timex.py DATA_DIR EVAL_DIR [--driver [CMD] | --tagwerk CMD | --pred-dir DIR]
                [--files a.jsonl,b.jsonl] [--combine NAME=a.jsonl,b.jsonl] [--splits DIR]
                [--out DIR] [--markdown] [--errors FILE] [--categories [PART]]
"""
import argparse
import filecmp
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile

import timex_errors

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get('TAGWERK_BUILD_DIR', os.path.join(ROOT, 'build', 'release'))
DEFAULT_DRIVER = (f'{BUILD}/tools/timeline_eval/timeline_eval {ROOT}/plugins/timeline/data '
                  f'{ROOT}/plugins/segment/data')
DEFAULT_HOST = f'{BUILD}/bin/tagwerk run -q -j 2 -c {ROOT}/chains/default.toml'
DEFAULT_SPLITS = os.path.join(ROOT, 'scripts', 'splits')
DEFAULT_COMBINE = 'tempeval3_train=tempeval3_train_timebank.jsonl,tempeval3_train_aquaint.jsonl'


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, records):
    with open(path, 'w', encoding='utf-8') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


def unique_ids(records):
    """Renames repeated ids in place ("X", "X#2", "X#3"); returns how many were renamed."""
    seen = {}
    renamed = 0
    for r in records:
        n = seen.get(r['id'], 0) + 1
        seen[r['id']] = n
        if n > 1:
            r['id'] = f"{r['id']}#{n}"
            renamed += 1
    return renamed


def run(cmd, stdin_path, stdout_path):
    with open(stdin_path, 'rb') as fin, open(stdout_path, 'wb') as fout:
        r = subprocess.run(shlex.split(cmd), stdin=fin, stdout=fout)
    # The host exits 1 when some records carry errors; those are scored as they are.
    if r.returncode not in (0, 1):
        sys.exit(f'eval_timex: `{cmd}` failed with status {r.returncode}')


def to_tagwerk_input(gold, out_path):
    recs = []
    for r in gold:
        rec = {'id': r['id'], 'text': r['text'], 'lang': r.get('lang') or ''}
        if r.get('dct'):
            rec['date'] = r['dct']
        recs.append(rec)
    write_jsonl(out_path, recs)


def from_tagwerk_output(tw_path, pred_path):
    """tagwerk output records -> scorer records (annotations.timex -> timexes)."""
    out = []
    for r in read_jsonl(tw_path):
        spans = (r.get('annotations') or {}).get('timex') or []
        timexes = [{'begin': s['begin'], 'end': s['end'], 'type': s.get('type'), 'value': s.get('value'),
                    'mod': s.get('mod')} for s in spans if 'begin' in s and 'end' in s]
        rec = {'id': r.get('id'), 'timexes': timexes}
        if r.get('errors'):
            rec['errors'] = r['errors']
        out.append(rec)
    write_jsonl(pred_path, out)


def restrict(gold, pred_path, n):
    """Drops predictions after the n-th sentence listed in the gold records."""
    cut = {r['id']: r['sentences'][n - 1]['end'] for r in gold if len(r.get('sentences') or []) >= n}
    kept = []
    for r in read_jsonl(pred_path):
        if r.get('id') in cut:
            r['timexes'] = [t for t in r.get('timexes', []) if t['begin'] < cut[r['id']]]
        kept.append(r)
    write_jsonl(pred_path, kept)


def check_staged_rules(cmd):
    """The host reads the rules staged at build time: warn when they are older than the sources."""
    staged = os.path.join(BUILD, 'share', 'tagwerk', 'plugins', 'timeline')
    if f'{BUILD}/bin/tagwerk' not in cmd or not os.path.isdir(staged):
        return
    src = os.path.join(ROOT, 'plugins', 'timeline', 'data')
    stale = [f for f in os.listdir(src) if f.endswith('.rules')
             and not (os.path.exists(os.path.join(staged, f)) and filecmp.cmp(os.path.join(src, f),
                                                                              os.path.join(staged, f), False))]
    if stale:
        print(f'eval_timex: warning: staged rules differ from plugins/timeline/data ({", ".join(stale)}); '
              f'rebuild with `cmake --build --preset release --target tagwerk_plugin_timeline`', file=sys.stderr)


def read_split(split_dir, name):
    """{part: set of ids} for data set `name`, or {} when split_dir has no lists for it."""
    parts = {}
    for part in ('tuning', 'confirmation'):
        path = os.path.join(split_dir, f'{name}.{part}.txt') if split_dir else ''
        if not path or not os.path.exists(path):
            return {}
        with open(path, encoding='utf-8') as f:
            parts[part] = {line.strip() for line in f if line.strip()}
    return parts


def score_parts(scorer, name, gold_path, pred_path, parts, out_dir):
    """Rows scoring each part of a split: the gold and predicted records of its ids."""
    rows = []
    golds, preds = read_jsonl(gold_path), read_jsonl(pred_path)
    for part, ids in parts.items():
        gp = os.path.join(out_dir, f'{name}.{part}.gold.jsonl')
        pp = os.path.join(out_dir, f'{name}.{part}.pred.jsonl')
        write_jsonl(gp, [r for r in golds if str(r['id']) in ids])
        write_jsonl(pp, [r for r in preds if str(r.get('id')) in ids])
        rows.append((f'{name} / {part}', score(scorer, gp, pp)))
    return rows


def score(scorer, gold_path, pred_path):
    r = subprocess.run([sys.executable, scorer, gold_path, pred_path, '--value-match', 'lenient', '--json', '--quiet'],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f'eval_timex: scorer failed on {gold_path}: {r.stderr}')
    return json.loads(r.stdout)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data_dir', help='folder with gold *.jsonl')
    ap.add_argument('eval_dir', help='folder with timex_score.py')
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--driver', nargs='?', const=DEFAULT_DRIVER,
                   help='prediction command (stdin gold JSONL -> stdout predictions); no value: the dev driver')
    g.add_argument('--tagwerk', help=f'host command running segment+timeline (default: {DEFAULT_HOST})')
    g.add_argument('--pred-dir', help='score the <name>.pred.jsonl files of an earlier --out folder; run nothing')
    ap.add_argument('--files', default='', help='comma-separated gold file names (default: all)')
    ap.add_argument('--combine', action='append', default=None,
                    help=f'NAME=a.jsonl,b.jsonl: also score these data sets as one (default: {DEFAULT_COMBINE})')
    ap.add_argument('--out', help='keep predictions in this folder')
    ap.add_argument('--splits', default=DEFAULT_SPLITS,
                    help='folder of <name>.tuning.txt / <name>.confirmation.txt id lists ("" for none)')
    ap.add_argument('--first-sentences', default='meantime_en=6',
                    help='NAME=N,...: score only the first N gold sentences of data set NAME')
    ap.add_argument('--markdown', action='store_true', help='print a Markdown table')
    ap.add_argument('--errors', help='write every error (see --categories) to this TSV file')
    ap.add_argument('--categories', nargs='?', const='confirmation', choices=('tuning', 'confirmation', 'all'),
                    help='print the errors by category (timex_errors.py) on this part (default: confirmation)')
    a = ap.parse_args(argv)

    files = sorted(glob.glob(os.path.join(a.data_dir, '*.jsonl')))
    if a.files:
        wanted = {x.strip() for x in a.files.split(',')}
        files = [f for f in files if os.path.basename(f) in wanted]
    if not files:
        sys.exit(f'eval_timex: no gold *.jsonl in {a.data_dir}')
    out_dir = a.out or tempfile.mkdtemp(prefix='eval_timex_')
    os.makedirs(out_dir, exist_ok=True)
    scorer = os.path.join(a.eval_dir, 'timex_score.py')
    host = None if a.driver or a.pred_dir else (a.tagwerk or DEFAULT_HOST)
    if host:
        check_staged_rules(host)
    scope = dict(x.split('=') for x in a.first_sentences.split(',') if '=' in x)
    errors = open(a.errors, 'w', encoding='utf-8') if a.errors else None

    rows, sets, splits, categories = [], {}, {}, []
    for gold_file in files:
        name = os.path.splitext(os.path.basename(gold_file))[0]
        gold = read_jsonl(gold_file)
        renamed = unique_ids(gold)
        if renamed:
            print(f'eval_timex: {name}: {renamed} repeated ids made unique', file=sys.stderr)
        gold_path = os.path.join(out_dir, name + '.gold.jsonl')
        write_jsonl(gold_path, gold)
        pred = os.path.join(out_dir, name + '.pred.jsonl')
        if a.pred_dir:
            write_jsonl(pred, read_jsonl(os.path.join(a.pred_dir, name + '.pred.jsonl')))
        elif host:
            tw_in = os.path.join(out_dir, name + '.tagwerk_in.jsonl')
            tw_out = os.path.join(out_dir, name + '.tagwerk_out.jsonl')
            to_tagwerk_input(gold, tw_in)
            run(host, tw_in, tw_out)
            from_tagwerk_output(tw_out, pred)
        else:
            run(a.driver, gold_path, pred)
        if name in scope:
            restrict(gold, pred, int(scope[name]))
        sets[os.path.basename(gold_file)] = (gold_path, pred)
        rows.append((name, score(scorer, gold_path, pred)))
        split = read_split(a.splits, name)
        if split:
            splits[name] = split
            rows += score_parts(scorer, name, gold_path, pred, split, out_dir)
        if errors:
            timex_errors.write_tsv(name, gold, read_jsonl(pred), errors)
        if a.categories:
            ids = None if a.categories == 'all' else (split or {}).get(a.categories)
            if a.categories == 'all' or ids is not None:
                categories.append((f'{name} / {a.categories}',
                                   timex_errors.count(gold, read_jsonl(pred), ids)[0]))
    if errors:
        errors.close()

    for spec in (a.combine if a.combine is not None else [DEFAULT_COMBINE]):
        if '=' not in spec:
            continue
        name, parts = spec.split('=', 1)
        parts = [p.strip() for p in parts.split(',') if p.strip()]
        if not parts or any(p not in sets for p in parts):
            continue
        golds, preds = [], []
        for p in parts:
            prefix = os.path.splitext(p)[0] + ':'
            gp, pp = sets[p]
            for recs, acc in ((read_jsonl(gp), golds), (read_jsonl(pp), preds)):
                for r in recs:
                    r['id'] = prefix + str(r['id'])
                    acc.append(r)
        gold_path = os.path.join(out_dir, name + '.gold.jsonl')
        pred_path = os.path.join(out_dir, name + '.pred.jsonl')
        write_jsonl(gold_path, golds)
        write_jsonl(pred_path, preds)
        rows.append((name + ' (' + ' + '.join(os.path.splitext(p)[0] for p in parts) + ')',
                     score(scorer, gold_path, pred_path)))
        names = [os.path.splitext(p)[0] for p in parts]
        if all(n in splits for n in names):
            combined = {part: {f'{n}:{i}' for n in names for i in splits[n][part]} for part in splits[names[0]]}
            rows += score_parts(scorer, name, gold_path, pred_path, combined, out_dir)

    if a.markdown:
        print('| data set | gold | pred | strict P/R/F1 | relaxed P/R/F1 | type acc | value acc | value F1 |')
        print('|---|---|---|---|---|---|---|---|')
        for name, r in rows:
            s, rl, t, v = r['strict'], r['relaxed'], r['type'], r['value']
            print(f"| {name} | {r['gold']} | {r['pred']} | {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f} | "
                  f"{rl['precision']:.3f}/{rl['recall']:.3f}/{rl['f1']:.3f} | {t['accuracy']:.3f} | "
                  f"{v['accuracy']:.3f} | {v['f1']:.3f} |")
    else:
        print(f"{'data set':44} {'gold':>5} {'pred':>5} {'strictP':>7} {'strictR':>7} {'strictF1':>8} "
              f"{'relaxP':>7} {'relaxR':>7} {'relaxF1':>8} {'valAcc':>7} {'valF1':>7}")
        for name, r in rows:
            s, rl, v = r['strict'], r['relaxed'], r['value']
            print(f"{name:44} {r['gold']:5d} {r['pred']:5d} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:8.4f} "
                  f"{rl['precision']:7.4f} {rl['recall']:7.4f} {rl['f1']:8.4f} {v['accuracy']:7.4f} {v['f1']:7.4f}")
    if categories:
        print()
        print(timex_errors.markdown(categories))
    print(f'predictions in {out_dir}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
