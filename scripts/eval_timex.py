#!/usr/bin/env python3
"""eval_timex.py -- runs the timeline plugin over TIMEX gold data and scores it.

For every gold file DATA_DIR/*.jsonl (records {id, lang, dct, text, timexes}, code
point offsets) it produces predictions with one of two runners, then calls
EVAL_DIR/timex_score.py GOLD PRED --value-match lenient and prints a table of
strict F1, relaxed F1, value accuracy and value F1.

Runners:
  --driver CMD    a command reading gold JSONL on stdin and writing prediction
                  JSONL {"id", "timexes": [{begin, end, type, value}]} on stdout
                  (default: the dev driver, build-tl/plugins/timeline/timeline_eval_driver
                  plugins/timeline/data)
  --tagwerk CMD   the host, e.g. "build/bin/tagwerk run --chain chains/timeline.toml":
                  input records become {"id","text","date","lang"} on stdin; its output
                  records' annotations.timex spans (code points) become timexes

MEANTIME annotates only the title and the first five sentences of each article
(NewsReader guidelines); `--first-sentences meantime_en=6` (the default) drops
predictions after the 6th gold sentence (the gold record's "sentences") so that
text nobody annotated is not scored. Pass `--first-sentences ""` to score all text.

Usage:
  eval_timex.py DATA_DIR EVAL_DIR [--driver CMD | --tagwerk CMD] [--files a.jsonl,b.jsonl]
                [--out DIR] [--markdown]
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DRIVER = (f'{ROOT}/build-tl/plugins/timeline/timeline_eval_driver {ROOT}/plugins/timeline/data')


def run(cmd, stdin_path, stdout_path):
    with open(stdin_path, 'rb') as fin, open(stdout_path, 'wb') as fout:
        r = subprocess.run(shlex.split(cmd), stdin=fin, stdout=fout)
    if r.returncode != 0:
        sys.exit(f'eval_timex: `{cmd}` failed with status {r.returncode}')


def to_tagwerk_input(gold_path, out_path):
    with open(gold_path, encoding='utf-8') as f, open(out_path, 'w', encoding='utf-8') as out:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            rec = {'id': r['id'], 'text': r['text'], 'lang': r.get('lang') or ''}
            if r.get('dct'):
                rec['date'] = r['dct']
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')


def from_tagwerk_output(tw_path, pred_path):
    """tagwerk output records -> scorer records (annotations.timex -> timexes)."""
    with open(tw_path, encoding='utf-8') as f, open(pred_path, 'w', encoding='utf-8') as out:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            spans = (r.get('annotations') or {}).get('timex') or []
            timexes = [{'begin': s['begin'], 'end': s['end'], 'type': s.get('type'), 'value': s.get('value'),
                        'mod': s.get('mod')} for s in spans if 'begin' in s and 'end' in s]
            rec = {'id': r.get('id'), 'timexes': timexes}
            if r.get('errors'):
                rec['errors'] = r['errors']
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')


def restrict(gold_path, pred_path, n):
    """Drops predictions after the n-th sentence listed in the gold records."""
    cut = {}
    with open(gold_path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                sents = r.get('sentences') or []
                if len(sents) >= n:
                    cut[r['id']] = sents[n - 1]['end']
    kept = []
    with open(pred_path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                if r.get('id') in cut:
                    r['timexes'] = [t for t in r.get('timexes', []) if t['begin'] < cut[r['id']]]
                kept.append(json.dumps(r, ensure_ascii=False))
    with open(pred_path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(kept) + '\n')


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data_dir', help='folder with gold *.jsonl')
    ap.add_argument('eval_dir', help='folder with timex_score.py')
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--driver', help='prediction command (stdin gold JSONL -> stdout predictions)')
    g.add_argument('--tagwerk', help='tagwerk host command running a chain with segment+timeline')
    ap.add_argument('--files', default='', help='comma-separated gold file names (default: all)')
    ap.add_argument('--out', help='keep predictions in this folder')
    ap.add_argument('--first-sentences', default='meantime_en=6',
                    help='NAME=N,...: score only the first N gold sentences of data set NAME')
    ap.add_argument('--markdown', action='store_true', help='print a Markdown table')
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
    rows = []
    for gold in files:
        name = os.path.splitext(os.path.basename(gold))[0]
        pred = os.path.join(out_dir, name + '.pred.jsonl')
        if a.tagwerk:
            tw_in = os.path.join(out_dir, name + '.tagwerk_in.jsonl')
            tw_out = os.path.join(out_dir, name + '.tagwerk_out.jsonl')
            to_tagwerk_input(gold, tw_in)
            run(a.tagwerk, tw_in, tw_out)
            from_tagwerk_output(tw_out, pred)
        else:
            run(a.driver or DEFAULT_DRIVER, gold, pred)
        scope = dict(x.split('=') for x in a.first_sentences.split(',') if '=' in x)
        if name in scope:
            restrict(gold, pred, int(scope[name]))
        r = subprocess.run([sys.executable, scorer, gold, pred, '--value-match', 'lenient', '--json', '--quiet'],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f'eval_timex: scorer failed on {name}: {r.stderr}')
        res = json.loads(r.stdout)
        rows.append((name, res))
    if a.markdown:
        print('| data set | gold | pred | strict P/R/F1 | relaxed P/R/F1 | type acc | value acc | value F1 |')
        print('|---|---|---|---|---|---|---|---|')
        for name, r in rows:
            s, rl, t, v = r['strict'], r['relaxed'], r['type'], r['value']
            print(f"| {name} | {r['gold']} | {r['pred']} | {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f} | "
                  f"{rl['precision']:.3f}/{rl['recall']:.3f}/{rl['f1']:.3f} | {t['accuracy']:.3f} | "
                  f"{v['accuracy']:.3f} | {v['f1']:.3f} |")
    else:
        print(f"{'data set':34} {'gold':>5} {'pred':>5} {'strictF1':>8} {'relaxF1':>8} {'relaxP':>7} {'relaxR':>7} "
              f"{'valAcc':>7} {'valF1':>7}")
        for name, r in rows:
            print(f"{name:34} {r['gold']:5d} {r['pred']:5d} {r['strict']['f1']:8.4f} {r['relaxed']['f1']:8.4f} "
                  f"{r['relaxed']['precision']:7.4f} {r['relaxed']['recall']:7.4f} {r['value']['accuracy']:7.4f} "
                  f"{r['value']['f1']:7.4f}")
    print(f'predictions in {out_dir}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
