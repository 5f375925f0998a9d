#!/usr/bin/env python3
"""timex_errors.py -- pairs predicted with gold timexes and sorts the errors into categories.

Used by eval_timex.py (--errors, --categories); also runs alone over the gold and
prediction files of an earlier `eval_timex.py --out DIR` run:

  timex_errors.py DIR [--splits scripts/splits] [--part confirmation] [--markdown]

Pairing is by overlap, as the scorer's relaxed match: each gold timex takes the unused
prediction overlapping it most. Every gold timex and every prediction falls into exactly
one category:

  right             value right (or no gold value) and the same span
  span              value right, the span differs (strict miss, relaxed hit)
  missed            a gold timex no prediction overlaps
  spurious          a prediction no gold timex overlaps
  duration/date     one side a duration (value P...), the other a point (date, time)
  vague             one side a vague reference (PAST_REF, PRESENT_REF, FUTURE_REF, an
                    underspecified X value) and the other a calendar value, or two
                    different vague values
  granularity       one value a prefix of the other (1998-02 against 1998-02-13), or
                    the same period at another granularity (1998-Q1 against 1998-01)
  direction         a weekday, month, season or holiday resolved on the wrong side of the
                    anchor: the expression names one, and the values lie one week (a
                    weekday) or one year (the rest) apart
  anchor            any other wrong calendar value of the same granularity: the reference
                    time chosen ("the next day", "that year", "zwei Tage später", "26. Juni"
                    in a history whose narrative year was taken from an aside)
  duration amount   both durations, of another length or unit
  other             the rest (SET frequencies, times of day, types)
"""
import argparse
import datetime
import json
import os
import re
import sys

CATEGORIES = ('right', 'span', 'missed', 'spurious', 'duration/date', 'vague', 'granularity',
              'direction', 'anchor', 'duration amount', 'other')
ERRORS = CATEGORIES[1:]

# Names whose value depends on the direction from the anchor (a weekday, month, season or
# feast without its year). Both languages; lower case, matched as word prefixes.
_NAMED = re.compile(
    r'\b(mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|'
    r'sonnabend|sonntag|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|jänner|februar|'
    r'märz|mai|juni|juli|oktober|dezember|spring|summer|autumn|fall|winter|frühjahr|frühling|'
    r'sommer|herbst|easter|christmas|ostern|pfingsten|weihnacht|wochenende|weekend)',
    re.IGNORECASE)
_DURATION = re.compile(r'^P[\dXT]')  # P3W, PXY, PT2H; not PAST_REF
_VAGUE = re.compile(r'^(PAST_REF|PRESENT_REF|FUTURE_REF)$|X')


def norm(v):
    v = (v or '').strip().upper()
    for suffix in (':00:00', ':00'):
        if len(v) > 13 and v.endswith(suffix) and 'T' in v:
            v = v[:-len(suffix)]
    return v


def pairs(gold_timexes, pred_timexes):
    """[(gold, pred or None)] for every gold timex, then [(None, pred)] for unpaired predictions."""
    preds = sorted(pred_timexes or [], key=lambda t: t['begin'])
    used, out = set(), []
    for gt in gold_timexes or []:
        best, best_ov = None, 0
        for k, pt in enumerate(preds):
            ov = min(gt['end'], pt['end']) - max(gt['begin'], pt['begin'])
            if k not in used and ov > best_ov:
                best, best_ov = k, ov
        if best is not None:
            used.add(best)
        out.append((gt, preds[best] if best is not None else None))
    out += [(None, pt) for k, pt in enumerate(preds) if k not in used]
    return out


def _period(v):
    """(year, start month, end month) of a calendar value down to months, else None."""
    m = re.match(r'^(\d{4})(?:-(\d\d|Q[1-4]|H[12]|SP|SU|FA|WI))?$', v)
    if not m:
        return None
    part = m.group(2)
    if part is None:
        return (m.group(1), 1, 12)
    if part.isdigit():
        return (m.group(1), int(part), int(part))
    if part[0] == 'Q':
        q = int(part[1])
        return (m.group(1), 3 * q - 2, 3 * q)
    if part[0] == 'H':
        h = int(part[1])
        return (m.group(1), 6 * h - 5, 6 * h)
    return None


def _one_step(a, b):
    """Whether two values of one granularity lie a week apart (a weekday) or a year apart with
    the rest the same (a month, season or feast): the other side of the anchor."""
    if a[4:] == b[4:] and a[:4].isdigit() and b[:4].isdigit():
        return abs(int(a[:4]) - int(b[:4])) == 1
    try:
        da, db = (datetime.date.fromisoformat(v[:10]) for v in (a, b))
    except ValueError:
        return False
    return abs((da - db).days) == 7 and a[10:] == b[10:]


def _granularity(v):
    return re.sub(r'\d', '9', v)


def category(gt, pt, text):
    """The category of one pair from pairs()."""
    if pt is None:
        return 'missed'
    if gt is None:
        return 'spurious'
    gv, pv = norm(gt.get('value')), norm(pt.get('value'))
    same_span = gt['begin'] == pt['begin'] and gt['end'] == pt['end']
    if not gv or gv == pv:
        return 'right' if same_span else 'span'
    g_dur, p_dur = bool(_DURATION.match(gv)), bool(_DURATION.match(pv))
    if g_dur and p_dur:
        return 'duration amount'
    if gt.get('type') == 'SET' or pt.get('type') == 'SET':
        return 'other'
    if g_dur != p_dur:
        return 'duration/date'
    if _VAGUE.search(gv) or _VAGUE.search(pv):
        return 'vague'
    if gv.startswith(pv) or pv.startswith(gv):
        return 'granularity'
    gp, pp = _period(gv), _period(pv)
    if gp and pp and gp[0] == pp[0] and (gp[1] <= pp[2] and pp[1] <= gp[2]):
        return 'granularity'
    if _granularity(gv) != _granularity(pv):
        return 'other'
    if _NAMED.search(text[gt['begin']:gt['end']]) and _one_step(gv, pv):
        return 'direction'
    return 'anchor'


def count(gold_records, pred_records, ids=None):
    """{category: n} over the records whose id is in ids (all when None), and the examples."""
    by_id = {p['id']: p for p in pred_records}
    counts, examples = dict.fromkeys(CATEGORIES, 0), {c: [] for c in CATEGORIES}
    for g in gold_records:
        if ids is not None and str(g['id']) not in ids:
            continue
        text = g['text']
        for gt, pt in pairs(g.get('timexes'), (by_id.get(g['id']) or {}).get('timexes')):
            c = category(gt, pt, text)
            counts[c] += 1
            examples[c].append((g['id'], gt, pt, text))
    return counts, examples


def write_tsv(name, gold_records, pred_records, out):
    """Every error as a TSV row: data set, id, category, gold text, gold value, predicted text, predicted value."""
    _, examples = count(gold_records, pred_records)
    for c in ERRORS:
        for rid, gt, pt, text in examples[c]:
            def cell(t):
                return (text[t['begin']:t['end']].replace('\n', ' '), t.get('value') or '') if t else ('', '')
            gtext, gvalue = cell(gt)
            ptext, pvalue = cell(pt)
            out.write(f'{name}\t{rid}\t{c}\t{gtext}\t{gvalue}\t{ptext}\t{pvalue}\n')


def markdown(rows):
    """rows: [(label, counts)] -> a Markdown table of the error categories."""
    lines = ['| data set / part | gold | ' + ' | '.join(ERRORS) + ' |',
             '|---|---|' + '---|' * len(ERRORS)]
    for label, c in rows:
        gold = sum(c[k] for k in CATEGORIES if k != 'spurious')
        lines.append(f'| {label} | {gold} | ' + ' | '.join(str(c[k]) for k in ERRORS) + ' |')
    return '\n'.join(lines)


def _read(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def _split(split_dir, name, part):
    path = os.path.join(split_dir, f'{name}.{part}.txt')
    if not split_dir or not os.path.exists(path):
        return None
    with open(path, encoding='utf-8') as f:
        return {line.strip() for line in f if line.strip()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dir', help='an eval_timex.py --out folder (<name>.gold.jsonl, <name>.pred.jsonl)')
    ap.add_argument('--splits', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'splits'))
    ap.add_argument('--part', default='confirmation', help='tuning, confirmation or all')
    ap.add_argument('--markdown', action='store_true')
    ap.add_argument('--show', help='print the pairs of this category')
    a = ap.parse_args(argv)
    # <name>.<part>.gold.jsonl are eval_timex.py's copies of one part: not data sets of their own
    names = sorted(f[:-len('.gold.jsonl')] for f in os.listdir(a.dir)
                   if f.endswith('.gold.jsonl') and '.' not in f[:-len('.gold.jsonl')])
    if not names:
        sys.exit(f'timex_errors: no <name>.gold.jsonl in {a.dir}: pass the --out folder of eval_timex.py')
    rows = []
    for name in names:
        pred_path = os.path.join(a.dir, name + '.pred.jsonl')
        if not os.path.exists(pred_path):
            continue
        gold, pred = _read(os.path.join(a.dir, name + '.gold.jsonl')), _read(pred_path)
        ids = None if a.part == 'all' else _split(a.splits, name, a.part)
        if a.part != 'all' and ids is None:
            continue
        counts, examples = count(gold, pred, ids)
        rows.append((f'{name} / {a.part}', counts))
        if a.show:
            for rid, gt, pt, text in examples[a.show]:
                def cell(t):
                    return f"{text[t['begin']:t['end']]!r} {t.get('value')}" if t else '-'
                print(f'{name}\t{rid}\t{cell(gt)}\t{cell(pt)}')
    if a.markdown:
        print(markdown(rows))
    else:
        for label, c in rows:
            print(label, ' '.join(f'{k}={c[k]}' for k in ERRORS))
    return 0


if __name__ == '__main__':
    sys.exit(main())
