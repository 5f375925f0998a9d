"""Tests of scripts/timex_errors.py: which category an error report puts each timex in."""
import io
import unittest

import timex_errors as te

TEXT = 'On Friday, a year earlier, for three weeks in March 1998 and now.'


def tx(phrase, value, typ='DATE', text=TEXT):
    b = text.index(phrase)
    return {'begin': b, 'end': b + len(phrase), 'type': typ, 'value': value}


class CategoryTest(unittest.TestCase):
    def cat(self, gold, pred):
        return te.category(gold, pred, TEXT)

    def test_right_and_span(self):
        self.assertEqual(self.cat(tx('Friday', '1998-03-06'), tx('Friday', '1998-03-06')), 'right')
        self.assertEqual(self.cat(tx('Friday', '1998-03-06'), tx('On Friday', '1998-03-06')), 'span')

    def test_missed_and_spurious(self):
        self.assertEqual(self.cat(tx('now', 'PRESENT_REF'), None), 'missed')
        self.assertEqual(self.cat(None, tx('now', 'PRESENT_REF')), 'spurious')

    def test_weekday_a_week_off_is_direction(self):
        self.assertEqual(self.cat(tx('Friday', '1998-03-06'), tx('Friday', '1998-03-13')), 'direction')

    def test_month_a_year_off_is_direction_but_three_years_is_anchor(self):
        self.assertEqual(self.cat(tx('March', '1998-03'), tx('March', '1997-03')), 'direction')
        self.assertEqual(self.cat(tx('March', '1998-03'), tx('March', '1995-03')), 'anchor')

    def test_relative_expression_off_is_anchor(self):
        self.assertEqual(self.cat(tx('a year earlier', '1997-03-06'), tx('a year earlier', '1997-03-07')), 'anchor')

    def test_granularity(self):
        self.assertEqual(self.cat(tx('a year earlier', '1997'), tx('a year earlier', '1997-Q1')), 'granularity')
        self.assertEqual(self.cat(tx('Friday', '1998-03-06'), tx('Friday', '1998-03-06TNI')), 'granularity')

    def test_duration_against_date_and_amounts(self):
        self.assertEqual(self.cat(tx('three weeks', 'P3W', 'DURATION'), tx('three weeks', '1998-W10')), 'duration/date')
        self.assertEqual(self.cat(tx('three weeks', 'P3W', 'DURATION'), tx('three weeks', 'P3D', 'DURATION')),
                         'duration amount')

    def test_vague(self):
        self.assertEqual(self.cat(tx('now', 'PRESENT_REF'), tx('now', '1998-03-06')), 'vague')
        self.assertEqual(self.cat(tx('a year earlier', '1997-XX-XX'), tx('a year earlier', '1997-03')), 'vague')


class CountTest(unittest.TestCase):
    def test_every_timex_counted_once_and_parts_respected(self):
        gold = [{'id': 'a', 'text': TEXT, 'timexes': [tx('Friday', '1998-03-06'), tx('now', 'PRESENT_REF')]},
                {'id': 'b', 'text': TEXT, 'timexes': [tx('March 1998', '1998-03')]}]
        pred = [{'id': 'a', 'timexes': [tx('Friday', '1998-03-13'), tx('three weeks', 'P3W', 'DURATION')]},
                {'id': 'b', 'timexes': [tx('March 1998', '1998-03')]}]
        counts, _ = te.count(gold, pred)
        self.assertEqual((counts['direction'], counts['missed'], counts['spurious'], counts['right']), (1, 1, 1, 1))
        only_b, _ = te.count(gold, pred, {'b'})
        self.assertEqual(sum(only_b.values()), 1)
        out = io.StringIO()
        te.write_tsv('set', gold, pred, out)
        rows = [line.split('\t') for line in out.getvalue().splitlines()]
        self.assertEqual(sorted(r[2] for r in rows), ['direction', 'missed', 'spurious'])
        self.assertIn('| set / all | 3 | 0 | 1 | 1 |', te.markdown([('set / all', counts)]))


if __name__ == '__main__':
    unittest.main()
