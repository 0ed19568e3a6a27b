"""Who reported, where, for which year: a report's metadata from its text.

describe_document reads the head of a report (title, body lines, 来源 / 发布单位, the
opening sentence after an addressee line such as '江苏省人民政府:') to find the reporting
body, resolves its region with lawgov.documents.regions (parents named in the text decide shared
names; nothing decides → 'ambiguous' with the candidates, never a guess), and reads the
year covered, the publication date, the kind of page and the paragraphs that speak about
another body (a parent city's introduction in a district's feature).

A row of data/reports/manifest.csv overrides what is detected (region_confidence
'manifest').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from lawgov.documents.body import _LEAD, _LEAD_FIRST, _chain_at, visitor, _find_body
from lawgov.documents.head import (half_width_marks, _BODY_LINE, _TITLE_WORDS, _HeadMentions, _is_chrome, _is_prose,
                                   _Line, _lines, _structure)
from lawgov.documents.manifest import parse_date
from lawgov.documents.placing import _fill_region
from lawgov.documents.regions import CENTRAL_CODE, Gazetteer, gazetteer
from lawgov.documents.years import _published_on, _report_year, arabic_years, date_in_url
from lawgov.text import NormalText, normalise
from lawgov.text.links import own_text_end, text_begun


@dataclass
class OtherBody:          # a paragraph about another body (a parent city's introduction)
    start: int
    end: int
    region_code: str | None
    name: str


@dataclass
class DocumentMeta:
    title: str | None
    reporting_body: str | None
    doc_kind: str  # annual_report | statistics | court_release | news | not_report
    region_code: str | None
    region_name: str | None
    region_level: str | None
    province_code: str | None
    city_code: str | None
    region_confidence: str                # high | medium | low | ambiguous | unresolved | manifest
    region_candidates: list[str] = field(default_factory=list)
    report_year: int | None = None
    published_on: date | None = None
    url: str | None = None
    other_bodies: list[OtherBody] = field(default_factory=list)


_URL = re.compile(r"https?://[^\s\"'<>，。)）]+")
_COURT = re.compile(r"人民法院|法院|审判")


_NEWS = re.compile(r"纪实|日报|晚报|记者|通讯员|报道|新闻|先进典型|系列宣传|巡礼|侧记|召开|举行|举办")
_STATS = re.compile(r"统计|数据|通报|白皮书|(?:行政复议|行政应诉|出庭应诉|复议应诉)[^。]{0,12}(?:情况|分析)|案件")


_REPORT = re.compile(r"法治政府建设[^。\n]{0,20}(?:报告|情况)|依法行政[^。\n]{0,10}(?:报告|情况)|年度报告")
_LIST_OR_OFFICE = re.compile(r"[、和与及,，]|[\u4e00-\u9fff]?(?:局|厅|委员会)")


def warm() -> None:
    """Load what describe_document needs once per process: the gazetteer (from
    seeds/regions.csv), the character tables and the compiled patterns. The pipeline calls
    it before it starts its pool, so forked workers inherit all of it."""
    gazetteer()
    normalise("２０２２年\u3000" + "這個們" * 2)
    describe_document("浙江省杭州市人民政府2022年法治政府建设情况报告\n"
                      "2022年,杭州市坚持依法行政,全市共受理行政复议案件10件。\n"
                      "2022年,西湖区深入推进法治政府建设。", "warm.txt")


def describe_document(text: str, source_file: str, manifest_row: dict | None = None, *,
                      normal: NormalText | None = None) -> DocumentMeta:
    """Who reported, where, for which year. `normal` is `normalise(text)` when the caller has
    it already (the build shares it with extraction); spans of other bodies are of `text`."""
    normal = normal or normalise(text or "")
    t = own_text(half_width_marks(normal.text))
    g = gazetteer()
    head_limit = 12000
    lines = _lines(t, head_limit)
    mentions = _HeadMentions(g, t, head_limit * 2)
    # years and dates in Chinese numerals (二〇二二年度) are read from a copy in digits
    ty = arabic_years(t)
    lines_y = lines if ty is t else _lines(ty, head_limit)
    published = _published_on(ty, lines_y)
    url_m = _URL.search(t)
    url = url_m.group().rstrip(".,;") if url_m else None

    title, title_line, body_lines, first_para, addressees, headlines, links = _structure(lines)
    kind = _doc_kind(t, lines, title, first_para)
    if ty is t:
        year = _report_year(t, title, lines, first_para, published, kind)
    else:
        title_y, _, _, first_para_y, _, _, _ = _structure(lines_y)
        year = _report_year(ty, title_y, lines_y, first_para_y, published, kind)

    body = _find_body(t, g, mentions, title_line, body_lines, first_para, lines, year, headlines)
    meta = DocumentMeta(title=title, reporting_body=body.get("name"), doc_kind=kind,
                        region_code=None, region_name=None, region_level=None,
                        province_code=None, city_code=None, region_confidence="unresolved",
                        region_candidates=[], report_year=year, published_on=published, url=url,
                        other_bodies=[])
    body["addressed"] = tuple((a.start, a.end) for a in addressees)
    body["linked"] = tuple((ln.start, ln.end) for ln in links)
    _fill_region(meta, g, body, t, kind)
    meta.other_bodies = _other_bodies(t, g, meta, lines, addressees)
    for ob in meta.other_bodies:
        ob.start, ob.end = normal.to_original(ob.start, ob.end)
    if manifest_row:
        _apply_manifest(meta, g, manifest_row)
    return meta


def own_text(t: str) -> str:
    """The page up to the links to other articles after it (相关阅读, then headlines): their
    years, dates and titles are other pages' and must not name this one's year or kind. A
    links line before the page's first sentence (a site's sidebar) cuts nothing."""
    end = own_text_end(t)
    return t[:end] if text_begun(t, end) else t


def _doc_kind(t: str, lines: list[_Line], title: str | None, first_para: _Line | None) -> str:
    prose = 0                   # (only whether it reaches 120 matters)
    for ln in lines:
        if _is_prose(ln.text):
            prose += len(ln.text)
            if prose >= 120:
                break
    if prose < 120 and len(re.findall(r"[。;；]", t[:20000])) < 3 \
            and len(re.findall(r"\d+(?:\.\d+)?\s*(?:件|%|次|项|人|个|宗|起)", t[:20000])) < 3 \
            and len(re.findall(r"\|\s*\d[\d.,]*\s*(?=\|)", t[:20000])) < 5:
        # a page of links (a menu, a list of reports) or an empty shell; a short page
        # that is one report's title and opening still counts as that report
        titled = sum(1 for ln in lines[:200] if _TITLE_WORDS.search(ln.text) and len(ln.text) <= 100)
        if not (title and (_REPORT.search(title) or _STATS.search(title)) and titled <= 2
                and re.search(r"[。，,]", t)):
            return "not_report"
    ttl = title or ""
    opening = first_para.text[:80] if first_para else ""
    # (a court named in the opening of a page titled as a government's report is a source it
    # cites, 根据区人民法院统计,…: the page stays the report)
    if _COURT.search(ttl) or (not _REPORT.search(ttl)
                              and re.search(r"^(?:[^,，。]{0,12}[,，])?[^,，。]{0,20}(?:人民法院|全[市省区县]法院|法院)",
                                            _LEAD.sub("", opening))):
        return "court_release"
    if _NEWS.search(ttl) or (_BODY_LINE.match(ttl) and _news_headline_under(lines, ttl)):
        return "news"
    if _REPORT.search(ttl):
        return "annual_report"
    if _STATS.search(ttl):
        return "statistics"
    if re.search(r"(?:^|\n)\s*[一1][、.]\s*[^\n]{0,16}(?:案件|行政复议|应诉|复议)", t[:3000]) and not _REPORT.search(ttl):
        return "statistics"
    if re.search(r"现将[^。]{0,30}报告如下|法治政府建设", t[:4000]):
        return "annual_report"
    if re.search(r"日报|记者|责任编辑|通讯员", t[:600] + t[-600:]):
        return "news"
    return "annual_report"


def _news_headline_under(lines: list[_Line], title: str) -> bool:
    """A body's name taken for the title (某某厅, a site's name) over a news headline of its own
    (全区行政复议工作会议在某地召开): the page is a news item."""
    for ln in lines[:8]:
        if ln.text != title and len(ln.text) <= 60 and not _is_chrome(ln.text) and not _is_prose(ln.text) \
                and _NEWS.search(ln.text):
            return True
    return False


def _other_bodies(t: str, g: Gazetteer, meta: DocumentMeta, lines: list[_Line],
                  addressees: list[_Line]) -> list[OtherBody]:
    """Paragraphs whose opening sentence is about a named region other than the reporting
    body (2023年,赤峰市深入贯彻… in a 松山区 feature). Conservative: the region must open
    the paragraph and be followed by a predicate, not a list."""
    if not meta.region_code or meta.region_code == CENTRAL_CODE:
        return []
    own = meta.region_code
    out: list[OtherBody] = []
    skip = {ln.start for ln in addressees}
    first2 = g.first2
    pos = 0
    n = len(t)
    while pos < n:
        nl = t.find("\n", pos)
        if nl == -1:
            nl = n
        raw = t[pos:nl]
        s = raw.strip()
        if len(s) >= 40 and pos not in skip:
            st = pos + len(raw) - len(raw.lstrip())
            if s[0] in _LEAD_FIRST or s[0].isdecimal():
                lead = _LEAD.match(s)
                off = lead.end() if lead else 0
            else:
                off = 0         # no time lead can start there
            if off <= 12 and t[st + off:st + off + 2] in first2:
                ms = g.find(t, st + off, min(st + off + 14, nl))
                if ms and ms[0].start == st + off:
                    chain, j = _chain_at(t, ms, 0)
                    last = chain[-1]
                    nxt = t[last.end:last.end + 2]
                    codes = last.candidates
                    # a township's paragraphs about its own county are the township's setting
                    in_own_county = len(own) == 9 and any(own.startswith(c[:6]) for c in codes)
                    if (not _LIST_OR_OFFICE.match(nxt) and not visitor(t, last)
                            and own not in codes and not in_own_county):
                        code = codes[0] if len(codes) == 1 else None
                        if code and not _same_body(g, own, code):
                            out.append(OtherBody(st, st + len(s), code, t[chain[0].start:last.end]))
        pos = nl + 1
    return out


def _same_body(g: Gazetteer, own: str, other: str) -> bool:
    ro, rx = g.get(own), g.get(other)
    if ro is None or rx is None:
        return False
    return ro.new_code == other or rx.new_code == own


def _apply_manifest(meta: DocumentMeta, g: Gazetteer, row: dict) -> None:
    code = row.get("region_code") or None
    if code:
        code = str(code)
        if code == CENTRAL_CODE:
            meta.region_code, meta.region_name = CENTRAL_CODE, "中华人民共和国"
            meta.region_level, meta.province_code, meta.city_code = "department", CENTRAL_CODE, None
        else:
            r = g.get(code)
            if r is not None:
                keep_dept = meta.region_level == "department" and meta.region_code == r.code
                meta.region_code, meta.region_name = r.code, r.name
                meta.region_level = "department" if keep_dept else r.level
                meta.province_code, meta.city_code = r.province_code, r.city_code or None
            else:
                meta.region_code = code
        meta.region_confidence = "manifest"
        meta.region_candidates = []
    y = row.get("report_year")
    if y not in (None, ""):
        meta.report_year = int(y)
    d = row.get("published_on")
    if isinstance(d, str) and d:
        m = re.fullmatch(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", d.strip())
        d = parse_date(*m.groups()) if m else None
    if isinstance(d, date):
        meta.published_on = d
    if row.get("url"):
        meta.url = row["url"]
        if not isinstance(d, date):
            meta.published_on = date_in_url(row["url"]) or meta.published_on
