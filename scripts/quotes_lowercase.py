#!/usr/bin/env python3
"""quotes_lowercase.py -- the words a language writes in lower case, for the quotes plugin.

German capitalises its nouns, so the speaker finder takes a capitalised word for a name or
a noun; at the start of a sentence every word has a capital ("Zwar sagte ...", "Dort hieß
es ...", "Sollte die Krise ..."). This lists the words that the given text writes in lower
case inside a sentence and (almost) never with a capital there, and that it also uses to
open a sentence: the plugin's <lang>.lowercase file. A capitalised word of the list, alone,
names no speaker.

Input: JSON Lines with "tokens" (sentence records, as the NER sets) or "text" (split at
white space and punctuation). Counts inside a sentence: lower-case uses L, capitalised
uses C; a word is listed when L >= --min-lower, 10 C <= L, and it opens a sentence at
least once. Deterministic: the same input gives the same file.

Usage: quotes_lowercase.py [--min-lower N] FILE... > plugins/quotes/data/de.lowercase
"""
import argparse
import collections
import json
import re

OPENERS = {'.', '!', '?', ':', '"', '„', '“', '»', '«'}
TOKEN = re.compile(r"\w[\w'’-]*|[^\w\s]", re.UNICODE)


def tokens_of(record):
    if 'tokens' in record:
        return record['tokens']
    return TOKEN.findall(record.get('text') or '')


def count(paths):
    lower, upper, opens = collections.Counter(), collections.Counter(), collections.Counter()
    for path in paths:
        with open(path, encoding='utf-8') as f:
            for line in f:
                start = True
                for t in tokens_of(json.loads(line)):
                    if not t[:1].isalpha():
                        start = start or t in OPENERS
                        continue
                    w = t.lower()
                    if start:
                        if t[0].isupper():
                            opens[w] += 1
                    elif t[0].isupper():
                        upper[w] += 1
                    elif t[0].islower():
                        lower[w] += 1
                    start = False
    return lower, upper, opens


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='+', help='JSON Lines text (tokens or text)')
    ap.add_argument('--min-lower', type=int, default=3, help='lower-case uses inside a sentence at least')
    a = ap.parse_args()
    lower, upper, opens = count(a.files)
    words = sorted(w for w, n in lower.items() if n >= a.min_lower and 10 * upper[w] <= n and opens[w] >= 1)
    print('# Words German writes in lower case (a capital only opens a sentence), one per line.')
    print('# Made by scripts/quotes_lowercase.py from the text of GermEval 2014 train and SmartData')
    print('# train (CC BY 4.0; data/LICENSES); regenerate with the command in docs/quality.md.')
    for w in words:
        print(w)


if __name__ == '__main__':
    main()
