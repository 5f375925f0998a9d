#!/usr/bin/env python3
"""eval_sentiment.py -- runs the sentiment plugin over sentiment gold data and scores it.

For every gold file DATA_DIR/<name>.jsonl (records {id, text, label, score?, lang?,
target_begin?, target_end?}, code point offsets) it runs the host (segment, then
sentiment) on records {"id", "text", "lang"} -- plus "targets": "BEGIN-END" for
target-dependent sets -- and takes as prediction the target record (target sets) or
the document record (the others). Then EVAL_DIR/sentiment_score.py scores the whole
set and, with --splits DIR, each fixed part DIR/sentiment_<name>.tuning.txt and
.confirmation.txt: tune on the tuning part, read the confirmation part as numbers only.

The language: the record's "lang", else "en" for vader_* and newsmtsc_* (English
sets without one), else "de". Each paragraph's language is still detected by segment.

Options:
  --tagwerk CMD      the host command (default build/release/bin/tagwerk run -q -c CHAIN)
  --param K=V        a sentiment parameter in the chain (repeatable), e.g.
                     --param 'lexicon_de=["de.tsv", "sentiws_de.tsv", "emoji.tsv"]'
  --files a,b        only these gold files (names without .jsonl)
  --out DIR          keep inputs and predictions there
  --markdown         one table row per set and part
  --write-splits DIR write the fixed splits (ids ordered by SHA-256, dealt
                     alternately, first to tuning) and stop; repeated ids become
                     "X#2", ... as in the runs

Usage:
  eval_sentiment.py DATA_DIR EVAL_DIR [--splits DIR] [--param K=V]... [--files a,b]
                    [--out DIR] [--markdown] [--tagwerk CMD]
  eval_sentiment.py DATA_DIR --write-splits DIR
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
SETS = ['vader_gt_nyt', 'vader_gt_tweets', 'gerntsa', 'sb10k', 'deu_wikipedia_2016_neutral',
        'newsmtsc_devtest_mt']


def read_gold(path):
    out, seen = [], {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            i = str(r['id'])
            seen[i] = seen.get(i, 0) + 1
            r['id'] = i if seen[i] == 1 else f'{i}#{seen[i]}'
            out.append(r)
    return out


def lang_of(name, r):
    return r.get('lang') or ('en' if name.startswith(('vader_', 'newsmtsc_')) else 'de')


def write_splits(data_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for name in SETS:
        path = os.path.join(data_dir, name + '.jsonl')
        if not os.path.exists(path):
            continue
        ids = sorted((r['id'] for r in read_gold(path)), key=lambda i: hashlib.sha256(i.encode()).hexdigest())
        for part, members in (('tuning', ids[0::2]), ('confirmation', ids[1::2])):
            with open(os.path.join(out_dir, f'sentiment_{name}.{part}.txt'), 'w', encoding='utf-8', newline='') as f:
                f.write(''.join(f'{i}\n' for i in sorted(members)))
        print(f'{name}: {len(ids[0::2])} tuning, {len(ids[1::2])} confirmation')


def run_host(cmd, chain_params, records, work):
    chain = os.path.join(work, 'chain.toml')
    with open(chain, 'w', encoding='utf-8') as f:
        f.write('[[step]]\nuse = "segment"\n\n[[step]]\nuse = "sentiment"\n')
        f.write(''.join(p.split('=', 1)[0].strip() + ' = ' + p.split('=', 1)[1].strip() + '\n'
                        for p in chain_params))
    inp = os.path.join(work, 'input.jsonl')
    with open(inp, 'w', encoding='utf-8') as f:
        f.write(''.join(json.dumps(r, ensure_ascii=False) + '\n' for r in records))
    argv = (cmd.split() if cmd else [os.path.join(ROOT, 'build', 'release', 'bin', 'tagwerk'), 'run', '-q']) + \
        ['-c', chain]
    with open(inp, 'rb') as fin:
        res = subprocess.run(argv, stdin=fin, capture_output=True, check=False)
    if res.returncode not in (0, 1):
        sys.exit(f'eval_sentiment: {" ".join(argv)} failed ({res.returncode}): {res.stderr.decode()[-2000:]}')
    return [json.loads(line) for line in res.stdout.decode('utf-8').splitlines() if line.strip()]


def prediction(out, target):
    for s in out.get('annotations', {}).get('sentiment', []):
        if s.get('scope') == ('target' if target else 'document'):
            return {'label': s.get('label'), 'score': s.get('score')}
    return None


def score(eval_dir, gold, preds, work, tag):
    g = os.path.join(work, tag + '.gold.jsonl')
    p = os.path.join(work, tag + '.pred.jsonl')
    with open(g, 'w', encoding='utf-8') as f:
        f.write(''.join(json.dumps({k: r[k] for k in ('id', 'label', 'score') if k in r}) + '\n' for r in gold))
    with open(p, 'w', encoding='utf-8') as f:
        f.write(''.join(json.dumps({'id': r['id'], 'sentiment': preds[r['id']]}) + '\n'
                        for r in gold if preds.get(r['id'])))
    res = subprocess.run([sys.executable, os.path.join(eval_dir, 'sentiment_score.py'), g, p, '--json', '--quiet'],
                         capture_output=True, check=True)
    return json.loads(res.stdout)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data_dir')
    ap.add_argument('eval_dir', nargs='?')
    ap.add_argument('--splits')
    ap.add_argument('--param', action='append', default=[])
    ap.add_argument('--files')
    ap.add_argument('--out')
    ap.add_argument('--markdown', action='store_true')
    ap.add_argument('--tagwerk')
    ap.add_argument('--write-splits', metavar='DIR')
    a = ap.parse_args(argv)
    if a.write_splits:
        write_splits(a.data_dir, a.write_splits)
        return 0
    if not a.eval_dir:
        ap.error('EVAL_DIR is needed (the folder with sentiment_score.py)')
    names = a.files.split(',') if a.files else SETS
    work = a.out or tempfile.mkdtemp(prefix='eval_sentiment.')
    os.makedirs(work, exist_ok=True)
    rows = []
    for name in names:
        path = os.path.join(a.data_dir, name + '.jsonl')
        if not os.path.exists(path):
            print(f'eval_sentiment: {path} missing, skipped', file=sys.stderr)
            continue
        gold = read_gold(path)
        target = 'target_begin' in gold[0]
        records = []
        for r in gold:
            rec = {'id': r['id'], 'text': r['text'], 'lang': lang_of(name, r)}
            if target:
                rec['targets'] = f"{r['target_begin']}-{r['target_end']}"
            records.append(rec)
        sub = os.path.join(work, name)
        os.makedirs(sub, exist_ok=True)
        outs = run_host(a.tagwerk, a.param, records, sub)
        preds = {o['id']: prediction(o, target) for o in outs}
        parts = [('all', gold)]
        if a.splits:
            for part in ('tuning', 'confirmation'):
                f = os.path.join(a.splits, f'sentiment_{name}.{part}.txt')
                if os.path.exists(f):
                    ids = set(open(f, encoding='utf-8', newline='').read().split('\n'))
                    parts.append((part, [r for r in gold if r['id'] in ids]))
        for part, members in parts:
            res = score(a.eval_dir, members, preds, sub, part)
            rows.append((name, part, len(members), res))
    f = lambda v: 'n/a' if v is None else f'{v:.3f}'  # noqa: E731
    if a.markdown:
        print('| set | part | n | macro-F1 | accuracy | Pearson | F1 pos / neg / neu |')
        print('|---|---|---|---|---|---|---|')
    for name, part, n, res in rows:
        pc = res['per_class']
        per = ' / '.join(f(pc[c]['f1']) for c in ('pos', 'neg', 'neu'))
        if a.markdown:
            print(f'| {name} | {part} | {n} | {f(res["macro_f1"])} | {f(res["accuracy"])} | {f(res["pearson"])} | {per} |')
        else:
            print(f'{name:28} {part:12} n={n:5} macro-F1={f(res["macro_f1"])} acc={f(res["accuracy"])} '
                  f'pearson={f(res["pearson"])} F1 pos/neg/neu={per}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
