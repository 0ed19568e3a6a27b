"""What a sentence gives every figure in it is read once a sentence, and reads the same as
when it is read afresh for each figure."""

from __future__ import annotations

from pathlib import Path

from lawgov.extract.mentions import scan
from lawgov.extract.reading import Analysis
from lawgov.text import join_tables, normalise

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _analyses():
    for path in sorted(REPORTS.glob("*.txt")):
        t = join_tables(normalise(path.read_text(encoding="utf-8")).text)
        yield Analysis(t, 2022, scan(t))


def test_sentence_readings_are_made_once_a_sentence(monkeypatch):
    calls = {"family_from": 0, "year_before": 0}
    for name, key in (("_family_from", "family_from"), ("_year_opening_sentence_before", "year_before")):
        orig = getattr(Analysis, name)

        def counting(self, *args, _orig=orig, _key=key):
            calls[_key] += 1
            return _orig(self, *args)
        monkeypatch.setattr(Analysis, name, counting)
    figures = sentences = 0
    for a in _analyses():
        a.classify()
        figures += len(a.qs)
        sentences += len({a.sentence_of(q.start) for q in a.qs})
    assert 0 < calls["family_from"] <= sentences < figures
    assert 0 < calls["year_before"] <= sentences


def test_cached_readings_equal_fresh_ones():
    for a in _analyses():
        done = a.classify()
        for q, c in zip(a.qs, done):
            sent = a.sentence_of(q.start)
            cached = (a.family_at(q.start, sent[0]), a._earlier_sentence_year(sent))
            a._family_lo.clear(), a._sentence_year_before.clear()
            assert (a.family_at(q.start, sent[0]), a._earlier_sentence_year(sent)) == cached
