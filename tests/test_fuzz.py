"""Fuzzing the number parser and the scanner (hypothesis): whatever the text, no exception
but the project's own, no infinite value, and time that grows linearly with the input."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, example, given, settings, strategies as st

from lawgov.errors import LawgovError, NumberError
from lawgov.extract import extract
from lawgov.extract.mentions import scan
from lawgov.extract.numbers import parse_number

from conftest import cpu_seconds

DIGITS = "0123456789０１２３４５６７８９"
CHINESE = "零〇○一二两三四五六七八九十百千万亿点"
MARKS = ".,，．%％分之百千约近余多个件人次元万亿年月日号第、:：;；()（）-—~至 \n\t"
numeral_text = st.text(alphabet=DIGITS + CHINESE + MARKS, max_size=60)
any_text = st.text(alphabet=DIGITS + CHINESE + MARKS + "全市共受理行政复议案件出庭应诉率为", max_size=400)


@settings(max_examples=400, deadline=None)
@given(st.one_of(numeral_text, st.text(max_size=40), st.integers(300, 2000).map(lambda n: "9" * n)))
def test_parse_number_raises_only_number_error_and_is_finite(s):
    try:
        parsed = parse_number(s)
    except NumberError:
        return
    assert math.isfinite(parsed.value)


# 10+ bare digits are an ID number (a trap); grouped or with a decimal part they are read
long_numbers = st.tuples(any_text, st.integers(110, 400), st.sampled_from([",999", "9"]),
                         st.sampled_from([".5件", "件", "亿元", "%"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, long_numbers.map(lambda t: t[0] + "9" + t[2] * t[1] + t[3] + "。")))
def test_scan_raises_nothing_and_every_value_is_finite(text):
    try:
        found = scan(text)
    except LawgovError:
        return
    assert all(math.isfinite(q.value) for q in found)


def _seconds(text: str) -> float:
    return cpu_seconds(scan, text)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=DIGITS[:10] + CHINESE + MARKS, min_size=1, max_size=6))
@example("至，零日")    # search_near once walked a run of close ends again after each match
def test_scan_time_grows_linearly(unit):
    """Eight times the input may take at most thirty times as long (a quadratic pattern
    takes sixty-four), plus half a second for a busy machine: a generous bound."""
    small = _seconds(unit * 2_000)
    large = _seconds(unit * 16_000)
    assert large < 30 * small + 0.5, (unit, small, large)


def _extract_seconds(text: str) -> float:
    return cpu_seconds(extract, "2022年法治政府建设情况报告\n全年共办理" + text + "件。", 2022)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=DIGITS[:10] + MARKS, min_size=1, max_size=4))
@example("1.")          # the range cue once went quadratic on a long 1.1.1… run
@example(" ")           # a figure line's aside once went quadratic on a long run of spaces
def test_extract_time_grows_linearly(unit):
    """The scanner's numerals, traps and the classifier's cues together, same bound."""
    small = _extract_seconds(unit * 2_000)
    large = _extract_seconds(unit * 16_000)
    assert large < 30 * small + 0.5, (unit, small, large)
