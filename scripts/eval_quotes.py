#!/usr/bin/env python3
"""eval_quotes.py -- runs the quotes plugin over quotation gold data and scores it.

For every gold file DATA_DIR/*.jsonl (records {id, lang, text, quotes}, code point
offsets) the host runs the chain (`tagwerk run` with the plugins built in BUILD/plugins)
over {"id", "lang", "text"} records; the output's `quote`
spans become predictions ({begin, end, kind, speaker, speaker_begin, speaker_end}:
the speaker span is the `quote_speaker` span the quote refers to, its text the
speaker string, as the gold annotates the mention where it is said), and
EVAL_DIR/quote_score.py GOLD PRED --trim scores them: all quotes, then the gold
quotes of each kind (--gold-where kind=...: recall per kind; precision there is
meaningless, every prediction counts against each kind).

--chain picks the steps: `default` (the default, chains/default.toml's order up to
quotes: segment, entities, quotes), `entities` (the same, spelled out) or `segment`
(segment + quotes only: speakers are the mentions the plugin finds itself).

--speaker name scores the `speaker` attribute instead (the name a pronoun or role
noun was resolved to) -- what a user reads, but the gold names the mention.

Splits: SPLITS/quotes_<name>.tuning.txt and .confirmation.txt (document ids) give
a row for each part; tune on the tuning part only. --make-splits writes them once:
documents ordered by the SHA-256 of their id and dealt alternately, first to tuning.

Usage:
  eval_quotes.py DATA_DIR EVAL_DIR [--build build/release] [--splits scripts/splits]
                 [--files a.jsonl,b.jsonl] [--chain default|entities|segment]
                 [--speaker mention|name] [--out DIR] [--errors FILE]
                 [--markdown] [--make-splits]
"""
import argparse
import glob
import hashlib
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ next to the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_timex import read_jsonl, write_jsonl  # noqa: E402  (the JSON Lines helpers the evaluations share)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CHAIN = os.path.join(ROOT, 'chains', 'default.toml')


def chain_steps(which):
    """The steps to run up to quotes: the default chain's order, or one named explicitly."""
    if which == 'segment':
        return ['segment', 'quotes']
    if which == 'entities':
        return ['segment', 'entities', 'quotes']
    steps = []
    with open(DEFAULT_CHAIN) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line.startswith('use') and '=' in line:
                steps.append(line.split('=', 1)[1].strip().strip('"'))
    if 'quotes' not in steps:
        sys.exit(f'{DEFAULT_CHAIN}: has no quotes step; pass --chain entities or --chain segment')
    return steps[:steps.index('quotes') + 1]


def make_splits(gold, name, splits_dir):
    ids = sorted({r['id'] for r in gold}, key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    os.makedirs(splits_dir, exist_ok=True)
    for part, chosen in (('tuning', ids[0::2]), ('confirmation', ids[1::2])):
        with open(os.path.join(splits_dir, f'quotes_{name}.{part}.txt'), 'w') as f:
            f.write(''.join(i + '\n' for i in sorted(chosen)))


def run_host(gold, build, work, steps):
    inp = os.path.join(work, 'input.jsonl')
    write_jsonl(inp, [{'id': r['id'], 'lang': r.get('lang', ''), 'text': r['text']} for r in gold])
    chain = os.path.join(work, 'chain.toml')
    with open(chain, 'w') as f:
        f.write('\n'.join(f'[[step]]\nuse = "{s}"\n' for s in steps))
    out = os.path.join(work, 'output.jsonl')
    cmd = [os.path.join(build, 'bin', 'tagwerk'), 'run', '-q']
    for s in steps:  # this build's plugins, not installed ones
        if os.path.isdir(os.path.join(build, 'plugins', s)):
            cmd += ['-P', os.path.join(build, 'plugins', s)]
    cmd += ['--chain', chain, inp, '-o', out]
    subprocess.run(cmd, check=True)
    return read_jsonl(out)


def predictions(records, speaker):
    preds = []
    for r in records:
        ann = r.get('annotations', {})
        spans = ann.get('quote_speaker', [])
        text = r.get('text', '')
        quotes = []
        for q in ann.get('quote', []):
            p = {'begin': q['begin'], 'end': q['end'], 'kind': q.get('kind')}
            if 'speaker_span' in q:
                s = spans[q['speaker_span']]
                p['speaker_begin'], p['speaker_end'] = s['begin'], s['end']
                p['speaker'] = text[s['begin']:s['end']] if speaker == 'mention' else q.get('speaker')
            else:
                p['speaker'] = q.get('speaker') or None
            quotes.append(p)
        preds.append({'id': r['id'], 'quotes': quotes})
    return preds


def sentence_of(sentences, offset):
    for k, x in enumerate(sentences):
        if x['begin'] <= offset < x['end']:
            return k
    return -1


def category(g, p, text, sentences):
    """Why a gold quote of the error list went wrong, roughly (for counting, not scoring)."""
    if p is None:
        return 'missed'
    if not p.get('speaker'):
        return 'no speaker'
    gs = sentence_of(sentences, g['speaker_begin']) if g.get('speaker_begin') is not None else -1
    if gs >= 0 and gs < sentence_of(sentences, g['begin']):
        return 'carried over (gold speaker in an earlier sentence)'
    if g.get('speaker_begin') is not None and g['speaker_begin'] >= g['end']:
        return 'wrong candidate (gold speaker after the quote)'
    words = (g.get('speaker') or '').split()
    if words and words[0][:1].isdigit():
        return 'numeric subject'
    if 'speaker_begin' in p and 'speaker_begin' in g and g['speaker_begin'] is not None and \
            p['speaker_begin'] < g['end'] and g['begin'] < p['speaker_end']:
        return 'wrong candidate (inside the quote)'
    return 'wrong candidate'


def write_errors(path, gold, preds, name, norm, lenient):
    """Tab-separated: data, category, kind, gold speaker, predicted speaker, id, the quote's sentence."""
    by_id = {p['id']: p for p in preds}
    rows = []
    for r in gold:
        text, sentences = r['text'], r.get('sentences') or []
        pq = by_id.get(r['id'], {}).get('quotes', [])
        for g in r.get('quotes') or []:
            if not g.get('speaker'):
                continue
            p = next((x for x in pq if x['begin'] < g['end'] and g['begin'] < x['end']), None)
            if p is not None and lenient(norm(g['speaker']), norm(p.get('speaker'))):
                continue
            k = sentence_of(sentences, g['begin'])
            ctx = text[sentences[k]['begin']:sentences[k]['end']] if k >= 0 else text[g['begin']:g['end']]
            rows.append([name, category(g, p, text, sentences), g.get('kind') or '', g['speaker'],
                         (p or {}).get('speaker') or '', r['id'], ctx.replace('\n', ' ').replace('\t', ' ')])
    with open(path, 'a') as f:
        for row in rows:
            f.write('\t'.join(row) + '\n')
    counts = {}
    for row in rows:
        counts[row[1]] = counts.get(row[1], 0) + 1
    for c, n in sorted(counts.items(), key=lambda x: -x[1]):
        print(f'{name} tuning errors: {n:4d} {c}', file=sys.stderr)


def score(eval_dir, gold_path, pred_path, where=None):
    cmd = [sys.executable, os.path.join(eval_dir, 'quote_score.py'), gold_path, pred_path, '--trim', '--json',
           '--quiet']
    if where:
        cmd += ['--gold-where', where]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


def kinds(gold):
    seen = []
    for r in gold:
        for q in r.get('quotes') or []:
            k = q.get('kind')
            if k and k not in seen:
                seen.append(k)
    return seen


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data_dir')
    ap.add_argument('eval_dir')
    ap.add_argument('--build', default=os.path.join(ROOT, 'build', 'release'))
    ap.add_argument('--splits', default=os.path.join(ROOT, 'scripts', 'splits'))
    ap.add_argument('--files', default='', help='comma-separated gold file names (default: all *.jsonl)')
    ap.add_argument('--chain', choices=('default', 'entities', 'segment'), default='default',
                    help='steps before quotes: the default chain\'s, segment+entities, or segment only')
    ap.add_argument('--speaker', choices=('mention', 'name'), default='mention')
    ap.add_argument('--out', help='keep inputs, outputs and predictions here')
    ap.add_argument('--markdown', action='store_true')
    ap.add_argument('--errors', help='append the tuning part\'s speaker errors and missed quotes here (TSV)')
    ap.add_argument('--make-splits', action='store_true')
    a = ap.parse_args(argv)
    files = [os.path.join(a.data_dir, f) for f in a.files.split(',')] if a.files else sorted(
        glob.glob(os.path.join(a.data_dir, '*.jsonl')))
    if not files:
        sys.exit(f'{a.data_dir}: no *.jsonl gold files there; pass the folder with the quotation gold data')
    rows = []
    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        gold = read_jsonl(path)
        if a.make_splits:
            make_splits(gold, name, a.splits)
        work = a.out or tempfile.mkdtemp(prefix='eval_quotes_')
        os.makedirs(work, exist_ok=True)
        records = run_host(gold, a.build, work, chain_steps(a.chain))
        preds = predictions(records, a.speaker)
        parts = [('all', None)]
        for part in ('tuning', 'confirmation'):
            split = os.path.join(a.splits, f'quotes_{name}.{part}.txt')
            if os.path.exists(split):
                with open(split) as f:
                    parts.append((part, {line.strip() for line in f if line.strip()}))
        if a.errors and len(parts) > 1:
            sys.path.insert(0, a.eval_dir)
            import quote_score  # noqa: E402  (the scorer's own speaker normalisation)
            tuning = parts[1][1]
            write_errors(a.errors, [r for r in gold if r['id'] in tuning], preds, name, quote_score.norm_speaker,
                         quote_score.lenient_equal)
        for part, ids in parts:
            g = [r for r in gold if ids is None or r['id'] in ids]
            gp = os.path.join(work, f'{name}.{part}.gold.jsonl')
            pp = os.path.join(work, f'{name}.{part}.pred.jsonl')
            write_jsonl(gp, g)
            write_jsonl(pp, [p for p in preds if ids is None or p['id'] in ids])
            res = score(a.eval_dir, gp, pp)
            row = {'data': name, 'part': part, 'docs': len(g), 'gold': res['gold'], 'pred': res['pred'],
                   'P': res['overlap']['precision'], 'R': res['overlap']['recall'], 'F1': res['overlap']['f1'],
                   'exactF1': res['exact']['f1'], 'spk': res['speaker']['string_accuracy'],
                   'spk_len': res['speaker']['string_accuracy_lenient'],
                   'spk_span': res['speaker']['span_accuracy'], 'attrF1': res['speaker']['attribution_f1']}
            for k in kinds(g):
                row['R_' + k] = score(a.eval_dir, gp, pp, 'kind=' + k)['overlap']['recall']
            rows.append(row)
    keys = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    if a.markdown:
        print('| ' + ' | '.join(keys) + ' |')
        print('|' + '---|' * len(keys))
    for r in rows:
        vals = [f'{r[k]:.3f}' if isinstance(r.get(k), float) else str(r.get(k, '')) for k in keys]
        print(('| ' + ' | '.join(vals) + ' |') if a.markdown else '  '.join(f'{k}={v}' for k, v in zip(keys, vals)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
