"""A search bounded by how far a match reaches (extract/widths.py) finds what finditer finds:
started a match's width before a possible end, stopped a look-ahead's reach after the last."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov.extract.mentions import search_near
from lawgov.extract.widths import ahead_width, space_bound, space_width

PATTERNS = [re.compile(p) for p in (
    r"\d(?<![\d.]\d)\d{3}\s*年(?:度|版)?",
    r"^\s*[\d一二]{1,3}\s*[、.](?!\d)",
    r"[。；]\s*[\d一二]{1,2}\s*[、.](?!\d)",
    r"\d+\s*件(?![\d.%])(?!\s*(?:余|多)?\s*(?:万|件))",
    r"年\s+\d(?=\s*月)",
    r"件(?:\s*年)?$",
    r"\d\s*年\b",
    r"(?:年度|年)\d{1,2}(?!\s*月)",
    r"件(?:\s*a|\s*ab)(?!\d)",
    r"[一二](?<![年一二][一二])[一二]{0,2}\s*(?:是|件)",
)]
ALPHABET = "0123456789一二年度版件月余多万、.。；ab是 \n\u3000"


def test_widths_of_whitespace_repeats_and_look_aheads():
    assert space_width(re.compile(r"\d{4}\s*年(?:度)?")) == (6, 1)
    assert space_width(re.compile(r"a.*b")) is None
    assert ahead_width(re.compile(r"a(?!\s*(?:余|多)?\s*万)")) == (2, 2)
    assert ahead_width(re.compile(r"a(?=x.*)")) is None
    assert space_bound("a  b\n\u3000c") == 4


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80), st.sampled_from(PATTERNS), st.data())
def test_search_near_finds_the_matches_of_finditer(text, rx, data):
    want = [m.span() for m in rx.finditer(text)]
    exact = sorted({e for _s, e in want})
    extra = data.draw(st.lists(st.integers(1, max(1, len(text))), max_size=6))
    ends = sorted(set(exact) | {e for e in extra if e <= len(text)})
    assert [m.span() for m in search_near(rx, text, ends)] == want


def test_a_look_ahead_past_the_last_end_still_reads_the_text():
    rx = re.compile(r"\d+\s*件(?![\d.%])")
    assert list(search_near(rx, "1件2", [2])) == []
    assert [m.span() for m in search_near(rx, "1件2。3 件。", [2, 7])] == [(4, 7)]
    rx = re.compile(r"\d\s*年(?!\s*度)")
    assert list(search_near(rx, "2 年  度", [3])) == []


def test_digits_read_as_0_to_9_where_they_can_be():
    from lawgov.extract.plain_digits import plain_digits

    assert plain_digits(re.compile(r"\d(?<![\d.]\d)\d{3}\s*年")).pattern == r"[0-9](?<![0-9.][0-9])[0-9]{3}\s*年"
    assert plain_digits(re.compile(r"[^\d]x\D")).pattern == r"[^0-9]x[^0-9]"
    for kept in (r"[\D]", r"\\d", r"(?a)\d"):
        assert plain_digits(re.compile(kept)).pattern == kept
    assert plain_digits(re.compile(r"(?P<n>\d+)件")).groupindex == {"n": 1}


def test_a_text_with_another_decimal_digit_gets_no_ends():
    from lawgov.text.prefilter import EndFilter

    rx = re.compile(r"\d+件")
    assert EndFilter([rx]).ends("共١٢件") == {}
