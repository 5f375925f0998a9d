#!/usr/bin/env python3
"""eval_ner.py -- runs the entities plugin over the NER gold data and scores it.

For GermEval 2014 dev (German) and GUM dev (English) in DATA_DIR/ner/, each gold
sentence becomes a record {"id", "text", "lang"} with the text its tokens joined by
single spaces (as EVAL_DIR/README.md says), the host runs the chain (default: segment
then entities, as a user runs them) and EVAL_DIR/ner_score.py scores the
annotations.entity spans (exact match), for the whole set and for its fixed
tuning and confirmation parts (scripts/splits, see ner_splits.py).

Metrics:
  germeval outer    all GermEval outer labels, deriv and part included (OTH as MISC):
                    predicted label + subtype ("LOC" + "deriv" = "LOCderiv") against gold
  germeval 4        PER / LOC / ORG / MISC alone (deriv and part dropped on both sides)
  gum conll4        ner_score.py --map conll4 on GUM's own types (person -> PER, place -> LOC,
                    organization -> ORG, event -> OTH; abstract, object, ... stay unmatched)
  gum PER/LOC/ORG   the same, --only PER,LOC,ORG
  gum 4 (+other)    conll4 after GUM's other named types (abstract, object, substance, animal,
                    plant) are mapped to OTH (the English model learns them as names it does
                    not report, so for it this is conll4)

--documents runs each document as one record (its sentences joined by blank lines, in
file order: GermEval's sentences of one source_url, GUM's of one doc), as a user runs
whole articles, so the document pass and the clusters see the other sentences; the
predictions are cut back into sentences for scoring. Without it every sentence is a
record of its own.

Usage:
  eval_ner.py DATA_DIR EVAL_DIR [--tagwerk CMD] [--out DIR] [--markdown] [--sets germeval,gum]
              [--chain FILE] [--errors FILE] [--documents]
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {'germeval': ('germeval2014_dev', 'de'), 'gum': ('gum_ner_dev', 'en')}
DOC_KEY = {'germeval': 'source_url', 'gum': 'doc'}
SEPARATOR = '\n\n'


def run_records(gold, raw_docs, name, lang, documents):
    """The input records, and how to map predictions back: (record id -> [(sentence id, offset, length)])."""
    if not documents:
        return [{'id': g['id'], 'text': g['text'], 'lang': lang} for g in gold], None
    order, members = [], {}
    for g, r in zip(gold, raw_docs):
        key = str(r.get(DOC_KEY[name]) or g['id'])
        if key not in members:
            order.append(key)
            members[key] = []
        members[key].append(g)
    records, back = [], {}
    for k, key in enumerate(order):
        text, parts = '', []
        for g in members[key]:
            if text:
                text += SEPARATOR
            parts.append((g['id'], len(text), len(g['text'])))
            text += g['text']
        rid = f'doc-{k}'
        records.append({'id': rid, 'text': text, 'lang': lang})
        back[rid] = parts
    return records, back
SUBTYPES = ('deriv', 'part')


def read_jsonl(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_record(r, name):
    text, starts = '', []
    for i, t in enumerate(r['tokens']):
        if i:
            text += ' '
        starts.append(len(text))
        text += t
    ents, i, tags = [], 0, r['tags']
    while i < len(tags):
        if tags[i][:2] not in ('B-', 'I-'):
            i += 1
            continue
        typ = tags[i][2:]
        j = i + 1
        while j < len(tags) and tags[j] == 'I-' + typ:
            j += 1
        label = typ
        if name == 'germeval' and label.startswith('OTH'):
            label = 'MISC' + label[3:]
        if name == 'gum':
            label = label.upper()
        ents.append({'begin': starts[i], 'end': starts[j - 1] + len(r['tokens'][j - 1]), 'label': label})
        i = j
    return {'id': str(r['id']), 'text': text, 'entities': ents}


def score(eval_dir, gold, pred, args):
    out = subprocess.run([sys.executable, os.path.join(eval_dir, 'ner_score.py'), gold, pred, '--json'] + args,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def write_jsonl(path, records):
    with open(path, 'w', encoding='utf-8') as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('data_dir')
    ap.add_argument('eval_dir')
    ap.add_argument('--tagwerk', default=os.path.join(ROOT, 'build/release/bin/tagwerk'))
    ap.add_argument('--chain', default='')
    ap.add_argument('--out', default='')
    ap.add_argument('--sets', default='germeval,gum')
    ap.add_argument('--splits', default=os.path.join(ROOT, 'scripts/splits'))
    ap.add_argument('--markdown', action='store_true')
    ap.add_argument('--documents', action='store_true', help='one record per document (see above)')
    ap.add_argument('--errors', default='', help='write missed and spurious entities of the tuning parts (TSV)')
    a = ap.parse_args(argv[1:])
    out_dir = a.out or tempfile.mkdtemp(prefix='eval_ner.')
    os.makedirs(out_dir, exist_ok=True)
    chain = a.chain
    if not chain:
        chain = os.path.join(out_dir, 'chain.toml')
        with open(chain, 'w') as f:
            f.write('[[step]]\nuse = "segment"\n\n[[step]]\nuse = "entities"\n')
    rows, errors = [], []
    for name in a.sets.split(','):
        base, lang = SETS[name]
        raw_gold = read_jsonl(os.path.join(a.data_dir, 'ner', base + '.jsonl'))
        gold = [gold_record(r, name) for r in raw_gold]
        gold_path = os.path.join(out_dir, base + '.gold.jsonl')
        write_jsonl(gold_path, gold)
        inp = os.path.join(out_dir, base + '.in.jsonl')
        records, back = run_records(gold, raw_gold, name, lang, a.documents)
        write_jsonl(inp, records)
        raw = os.path.join(out_dir, base + '.out.jsonl')
        subprocess.run(shlex.split(a.tagwerk) + ['run', '-q', '--chain', chain, inp, '-o', raw], check=True)
        pred = []
        for r in read_jsonl(raw):
            ents = [(e['begin'], e['end'], e.get('label', '') + e.get('subtype', ''))
                    for e in r.get('annotations', {}).get('entity', [])]
            parts = back[r['id']] if back else [(r['id'], 0, len(r.get('text', '')))]
            for sid, start, length in parts:
                pred.append({'id': sid, 'entities': [{'begin': b - start, 'end': e - start, 'label': l}
                                                     for b, e, l in ents if b >= start and e <= start + length]})
        pred_path = os.path.join(out_dir, base + '.pred.jsonl')
        write_jsonl(pred_path, pred)
        parts = {'all': None}
        for part in ('tuning', 'confirmation'):
            p = os.path.join(a.splits, f'{base}.{part}.txt')
            if os.path.exists(p):
                parts[part] = set(open(p, encoding='utf-8').read().split())
        if name == 'germeval':
            drop = ','.join(f'{l}{s}=-' for l in ('PER', 'LOC', 'ORG', 'MISC') for s in SUBTYPES)
            metrics = [('germeval outer', []), ('germeval 4', ['--map', drop])]
        else:
            other = ','.join(f'{t}=OTH' for t in ('ABSTRACT', 'OBJECT', 'SUBSTANCE', 'ANIMAL', 'PLANT'))
            metrics = [('gum conll4', ['--map', 'conll4']), ('gum PER/LOC/ORG', ['--map', 'conll4', '--only', 'PER,LOC,ORG']),
                       ('gum 4 (+other)', ['--map', other, '--map', 'conll4'])]
        for part, ids in parts.items():
            g_path, p_path = gold_path, pred_path
            if ids is not None:
                g_path = os.path.join(out_dir, f'{base}.{part}.gold.jsonl')
                p_path = os.path.join(out_dir, f'{base}.{part}.pred.jsonl')
                write_jsonl(g_path, [g for g in gold if g['id'] in ids])
                write_jsonl(p_path, [p for p in pred if p['id'] in ids])
            for metric, args in metrics:
                s = score(a.eval_dir, g_path, p_path, args)
                rows.append((metric, part, s))
        if a.errors:
            tuning = parts.get('tuning') or set()
            by_id = {p['id']: p for p in pred}
            for g in gold:
                if g['id'] not in tuning:
                    continue
                gs = {(e['begin'], e['end'], e['label']) for e in g['entities']}
                ps = {(e['begin'], e['end'], e['label']) for e in by_id.get(g['id'], {}).get('entities', [])}
                for kind, items in (('missed', gs - ps), ('spurious', ps - gs)):
                    for b, e, l in sorted(items):
                        errors.append((name, g['id'], kind, l, g['text'][b:e], g['text']))
    if a.errors:
        with open(a.errors, 'w', encoding='utf-8') as f:
            for e in errors:
                f.write('\t'.join(e) + '\n')
    if a.markdown:
        print('| metric | part | P | R | F1 | gold |')
        print('|---|---|---|---|---|---|')
    for metric, part, s in rows:
        m = s.get('micro', s)
        p, r, f1 = m.get('precision', m.get('p')), m.get('recall', m.get('r')), m.get('f1')
        gold_n = m['tp'] + m['fn']
        if a.markdown:
            print(f'| {metric} | {part} | {p:.3f} | {r:.3f} | {f1:.3f} | {gold_n} |')
        else:
            print(f'{metric:16} {part:13} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  gold {gold_n}')
    print(f'(predictions and gold in {out_dir})', file=sys.stderr)


if __name__ == '__main__':
    main(sys.argv)
