"""quotes_lowercase.py: which words the quotes plugin's <lang>.lowercase lists."""
import json
import os
import tempfile
import unittest

import quotes_lowercase


def write(records):
    f = tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8')
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
    f.close()
    return f.name


class Count(unittest.TestCase):
    def test_words_in_lower_case_inside_a_sentence_that_also_open_one(self):
        path = write([{'tokens': ['Zwar', 'kam', 'er', '.']}] +
                     [{'tokens': ['Er', 'kam', 'zwar', 'spät', '.']}] * 3 +
                     [{'tokens': ['Die', 'Experten', 'warnen', '.']}, {'tokens': ['Experten', 'warnen', '.']}])
        try:
            lower, upper, opens = quotes_lowercase.count([path])
        finally:
            os.unlink(path)
        self.assertEqual(lower['zwar'], 3)
        self.assertEqual(opens['zwar'], 1)
        self.assertEqual(upper['experten'], 1)
        self.assertEqual(lower['experten'], 0)

    def test_text_records_are_split_into_words_and_punctuation(self):
        path = write([{'text': 'Dort hieß es, man sei dort. „Dort“ stand es.'}])
        try:
            lower, _, opens = quotes_lowercase.count([path])
        finally:
            os.unlink(path)
        self.assertEqual(lower['dort'], 1)
        self.assertEqual(opens['dort'], 2)  # after the sentence's start and after an opening quote


if __name__ == '__main__':
    unittest.main()
