"""The quick checks that let documents skip a costly pattern must never skip a match."""

from __future__ import annotations

import random

from lawgov.documents.head import HALF_WIDTH_MARKS, _PAPER_NAME, _strip_quoted_keep, half_width_marks
from lawgov.documents.years import _CN_YEAR, _CN_YEAR_END, arabic_years

PIECES = ["二〇二二年", "一九九八年", "二〇二三年二月十日", "二0二一年", "一二三年", "十二年", "2022年",
          "《人民日报》", "《法治网》", "南阳日报", "县电视台", "《行政复议法》", "报", "》", "《", "网",
          "，", "；", "：", "！", "？", "区人民政府", "行政复议", "\n", " ", "年", "〇", "二"]


def _texts(n=3000, seed=5):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 12)))


def test_half_width_marks_is_the_translation():
    for t in _texts():
        assert half_width_marks(t) == t.translate(HALF_WIDTH_MARKS)


def test_every_chinese_year_ends_where_the_quick_check_looks():
    for t in _texts():
        if _CN_YEAR.search(t):
            assert _CN_YEAR_END.search(t), t
    assert arabic_years("二〇二三年二月十日发布") == "2023年2月10日发布"


def test_paper_names_are_blanked_whatever_the_quick_check():
    for t in _texts():
        for limit in (5, 40):
            head = t[:limit]
            expected = _PAPER_NAME.sub(lambda m: " " * len(m.group()), head) + t[limit:]
            assert _strip_quoted_keep(t, limit) == expected, t
