#!/usr/bin/env python3
"""ner_splits.py -- the fixed split of each NER dev set into a tuning and a confirmation part.

For GermEval 2014 dev (documents: its sentences' source_url) and GUM dev (its "doc"),
writes OUT_DIR/<name>.tuning.txt and OUT_DIR/<name>.confirmation.txt: sentence ids, one
per line. The split is by document and depends only on the ids: documents are ordered by
the SHA-256 of their key and dealt alternately (first to tuning), so it never changes when
the system does. Tuning looks at the tuning part only; the confirmation part is read as
numbers, never as errors.

Usage: ner_splits.py DATA_DIR OUT_DIR     (DATA_DIR holds ner/*.jsonl)
"""
import hashlib
import json
import os
import sys

SETS = {'germeval2014_dev': 'source_url', 'gum_ner_dev': 'doc'}


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    data_dir, out_dir = argv[1], argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for name, key in SETS.items():
        docs = {}
        with open(os.path.join(data_dir, 'ner', name + '.jsonl'), encoding='utf-8') as f:
            for line in f:
                r = json.loads(line)
                docs.setdefault(str(r.get(key) or r['id']), []).append(str(r['id']))
        order = sorted(docs, key=lambda d: hashlib.sha256(d.encode('utf-8')).hexdigest())
        parts = {'tuning': [], 'confirmation': []}
        for i, d in enumerate(order):
            parts['tuning' if i % 2 == 0 else 'confirmation'].extend(docs[d])
        for part, ids in parts.items():
            with open(os.path.join(out_dir, f'{name}.{part}.txt'), 'w', encoding='utf-8') as f:
                f.write('\n'.join(ids) + '\n')
            print(f'{name}.{part}: {len(ids)} sentences')


if __name__ == '__main__':
    main(sys.argv)
