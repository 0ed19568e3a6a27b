"""Metamorphic checks: a page written another way that means the same gives the same facts.

Each variant below is a way real pages differ that no reader notices: Traditional
characters, full-width digits and marks, years in Chinese numerals, a site's breadcrumb
before the page, a list of links to other articles after it, paragraphs indented with
full-width spaces, cases counted in 起 rather than 件. Every phrasing of
tests/fixtures/phrasings is read plain and in each variant, and the facts (indicator, value,
year, scope) must be the same. A rule written for one spelling of a thing fails here."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import opencc
import pytest
import yaml

from lawgov.extract import extract

PHRASINGS = Path(__file__).resolve().parents[1] / "fixtures" / "phrasings"

_S2T = opencc.OpenCC("s2t")
_FULL = str.maketrans("0123456789%", "０１２３４５６７８９％")
_CN_DIGITS = "〇一二三四五六七八九"


def traditional(text: str) -> str:
    return _S2T.convert(text)


def full_width(text: str) -> str:
    return text.translate(_FULL).replace(",", "，").replace(";", "；")


def chinese_years(text: str) -> str:
    return re.sub(r"(?<![\d.\-/])(20[12]\d)(?=年)", lambda m: "".join(_CN_DIGITS[int(c)] for c in m.group(1)), text)


def breadcrumb(text: str) -> str:
    return "首页 > 政务公开 > 法治政府建设\n【字体:大 中 小】 浏览次数:2345 【打印本页】\n" + text


def related_links(text: str) -> str:
    return (text.rstrip("\n") + "\n相关阅读:\n· 某市2019年行政复议案件同比增长20%,受理案件1234件\n"
            "· 邻县行政机关负责人出庭应诉率达98.5%\n· 上一篇:全省法院审结行政案件5678件\n")


def indented(text: str) -> str:
    return re.sub(r"(?m)^(?=\S)", "\u3000\u3000", text)


def qi_for_jian(text: str) -> str:
    return re.sub(r"(?<=\d)件", "起", text)


VARIANTS = {f.__name__: f for f in (traditional, full_width, chinese_years, breadcrumb, related_links,
                                    indented, qi_for_jian)}


def _phrasings():
    for path in sorted(PHRASINGS.glob("*.yaml")):
        yield from yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def _facts(case: dict, text: str) -> set:
    published = case.get("published_on")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    ex = extract(text, case["report_year"], published_on=published, level=case.get("level"),
                 doc_kind=case.get("doc_kind"), region_name=case.get("region_name"))
    return {(f.indicator, round(f.value, 6), f.year, f.scope) for f in ex.facts}


# variants a phrasing is known to read otherwise, and why (each one a gap to close, not a
# licence: a new entry needs its reason)
KNOWN = {
    ("breadcrumb", "table-court-rows-in-a-court-release"):
        "a title after chrome sets no family for the page: making it one cost two false facts "
        "on kept-out news pages (sixth session), so the table's 新收一审 has no field",
    ("breadcrumb", "labels-and-figures-on-lines-of-their-own"):
        "a second breadcrumb before the page's own puts its title past the head's four lines",
    ("chinese_years", "pdf-lines-broken-at-a-ragged-margin"):
        "the variant lengthens lines broken at a print margin, so they no longer reach one "
        "margin: a page printed with its years in Chinese breaks its lines elsewhere",
}


def _applicable(case: dict, name: str) -> bool:
    if (name, case["id"]) in KNOWN:
        return False
    text = case["text"]
    if name == "related_links":
        return text.rstrip()[-1:] in "。！？”\"）)"   # a page cut mid-sentence has no links after it
    if name == "breadcrumb":
        return "\n" in text.strip()                   # a one-sentence phrasing has no page around it
    return True


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_give_the_same_facts(name):
    variant = VARIANTS[name]
    differ = []
    for case in _phrasings():
        if case.get("known_gap") or not _applicable(case, name):
            continue
        plain, other = _facts(case, case["text"]), _facts(case, variant(case["text"]))
        if plain != other:
            differ.append(f"{case['id']}: lost {sorted(plain - other)}, gained {sorted(other - plain)}")
    assert not differ, f"{len(differ)} phrasings read otherwise {name}:\n" + "\n".join(differ[:20])
