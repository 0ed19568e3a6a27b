"""The scanner's shortcuts find what the plain way finds: NUMERAL run over the numeral runs
only, and a whole value cleaned without round()."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lawgov.extract.mentions import _clean, numerals
from lawgov.extract.numbers import NUMERAL

# numeral characters, their neighbours in NUMERAL's look-arounds, measure words, marks
ALPHABET = ("0123456789０１２３４５６７８９零〇○一二两三四五六七八九十百千万亿点.,，．分之%"
            "第统唯同单逐进专数几逾近超过约上余多是些般件人次起元米 、。\n")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
@example("百多 起")             # (a bare 百 whose measure word follows spaces)
@example("近百   件")
def test_numerals_are_the_matches_of_numeral(text):
    assert numerals(text) == [(m.span(), m.group()) for m in NUMERAL.finditer(text)]


def _clean_by_rounding(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18),
                 st.integers(min_value=0, max_value=10**9).map(float),
                 st.integers(min_value=0, max_value=10**7).map(lambda i: i / 1000)))
def test_clean_is_round_to_six_places(v):
    got, want = _clean(v), _clean_by_rounding(v)
    assert got == want and type(got) is type(want) and str(got) == str(want)


def _windows_by_reference(text, spans):
    merged = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    s, starts, shifts = "", [], []
    for a, b in merged:
        s += "" if a == 0 or text[a - 1] == "\n" else "\x01"
        starts.append(len(s))
        shifts.append(a - len(s))
        s += text[a:b] + "\n"
    return s, starts, shifts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\n", min_size=1, max_size=40).flatmap(
    lambda t: st.tuples(st.just(t), st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t)))
                                             .map(lambda p: (min(p), max(p))), max_size=8))))
def test_windows_join_the_spans_as_merged_intervals(case):
    from lawgov.extract.mentions import Windows

    text, spans = case
    w = Windows(text, spans, "traps")
    assert (w.s, w.starts, w.shifts) == _windows_by_reference(text, spans)


def _numeral_windows_by_reference(text, spans):
    n = len(text)
    wins = []
    for s, e in spans:
        a, b = max(s - 30, 0), min(e + 30, n)
        k = text.rfind("\n", a, s)
        a = k + 1 if k != -1 else a
        k = text.find("\n", e, b)
        wins.append((a, k if k != -1 else b))
    return wins


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三45件。\n ab", max_size=300))
def test_numeral_windows_are_the_windows_of_each_numeral(text):
    from lawgov.extract.mentions import Windows, _numeral_windows

    spans = [sp for sp, _ in numerals(text)]
    got = _numeral_windows(text, spans)
    want = Windows(text, _numeral_windows_by_reference(text, spans), "traps")
    assert (got.s, got.starts, got.shifts) == (want.s, want.starts, want.shifts)
