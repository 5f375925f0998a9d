#!/usr/bin/env python3
"""timex_splits.py -- the fixed split of each TIMEX dev set into a tuning and a confirmation part.

For every gold file DATA_DIR/*.jsonl, writes OUT_DIR/<name>.tuning.txt and
OUT_DIR/<name>.confirmation.txt: document ids, one per line, with repeated ids made
unique the way eval_timex.py makes them ("X", "X#2", ...). The split is by document
and depends only on the ids: documents are ordered by the SHA-256 of their id and
dealt alternately (first to tuning), so it never changes when the system does, and
each part gets half of the documents.

Rules are tuned looking at the tuning part only; the confirmation part is read as
numbers, never as errors, so it tells whether a change generalizes.

Usage: timex_splits.py DATA_DIR OUT_DIR
"""
import glob
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_timex import read_jsonl, unique_ids  # noqa: E402


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    data_dir, out_dir = argv[1], argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(data_dir, '*.jsonl'))):
        name = os.path.splitext(os.path.basename(path))[0]
        gold = read_jsonl(path)
        unique_ids(gold)
        ids = sorted((r['id'] for r in gold), key=lambda i: hashlib.sha256(str(i).encode()).hexdigest())
        parts = {'tuning': sorted(ids[0::2]), 'confirmation': sorted(ids[1::2])}
        for part, members in parts.items():
            with open(os.path.join(out_dir, f'{name}.{part}.txt'), 'w', encoding='utf-8') as f:
                f.write(''.join(f'{i}\n' for i in members))
        print(f'{name}: {len(parts["tuning"])} tuning, {len(parts["confirmation"])} confirmation documents')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
