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

import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from lawgov.documents.manifest import parse_date
from lawgov.documents.regions import CENTRAL_CODE, Gazetteer, RegionMention, gazetteer


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


# --------------------------------------------------------------------------- text prep

@lru_cache(maxsize=1)
def _prep_table() -> dict[int, str]:
    """A length-preserving map: traditional → simplified characters, full-width ASCII →
    half-width, odd spaces → space. Offsets in the prepared text are those of the original."""
    table: dict[int, str] = {}
    try:
        import opencc
        path = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
        with io.open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2 and len(parts[0]) == 1:
                    v = parts[1].split(" ")[0]
                    if len(v) == 1 and v != parts[0]:
                        table[ord(parts[0])] = v
    except Exception:  # pragma: no cover - opencc is a dependency
        pass
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0)
    for ch in "\u3000\u00a0\u2002\u2003\u2009\t\f\v":
        table[ord(ch)] = " "
    table[ord("\r")] = "\n"
    return table


_TRAD_HINT = set("這個們來時會為國說對過還發與關長開門問間後點從頭應實現經當進體機動產業員區縣報設團讓認證議讀變權於據區務會議")
_TRAD_HINT_RX = re.compile("[" + "".join(sorted(_TRAD_HINT)) + "]")
_WIDE_HINT_RX = re.compile("[\uff01-\uff5e\u3000\r\u00a0]")
# the BMP keys of the cheap table (full-width ASCII, odd spaces, \r); its other keys are
# traditional characters outside the BMP
_WIDE_RX = re.compile("[\t\x0b-\r\u00a0\u2002\u2003\u2009\u3000\uff01-\uff5e]")


@lru_cache(maxsize=1)
def _wide_table() -> tuple[dict[int, str], dict[str, str]]:
    """The cheap part of _prep_table (full-width forms, spaces, \r), as a translate table
    and as char → replacement."""
    table = {k: v for k, v in _prep_table().items() if k >= 0xFF01 or k < 0x3001 or k == 0x3000}
    return table, {chr(k): v for k, v in table.items()}


def prepare(text: str) -> str:
    sample = text[:3000]
    if len(_TRAD_HINT_RX.findall(sample)) >= 3:
        return text.translate(_prep_table())
    # full-width forms only (cheap)
    if _WIDE_HINT_RX.search(sample) or "\r" in text:
        table, chars = _wide_table()
        if max(text) > "\uffff":
            return text.translate(table)
        # the few distinct characters to map, each replaced in one pass (no replacement
        # is itself a key, so this equals text.translate(table))
        for ch in set(_WIDE_RX.findall(text)):
            text = text.replace(ch, chars[ch])
        return text
    return text


# --------------------------------------------------------------------------- patterns

_CHROME = re.compile(r"首页|当前位置|您的位置|字体|字号|浏览|阅读次数|打印|关闭|分享|扫一扫|无障碍|移动版|"
                     r"繁体|English|网站地图|登录|注册|搜索|政务公开\s*>|>\s*|【|智能问答|责任编辑|"
                     r"在线|微信|微博|收藏")
_TITLE_WORDS = re.compile(r"报告|白皮书|通报|统计|纪实|情况|总结|数据|公报|年报|综述|工作要点|成效")
_BODY_LINE = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}(?:人民政府|政府|办事处|人民法院|法院|局|厅|部|署|委员会|办公室)$")
_SOURCE_LINE = re.compile(r"(?:来源|发布单位|发布机构|发文机关|信息来源|作者)\s*[::]\s*([^\s|【】]{2,40})")
_ADDRESSEE = re.compile(r"^[^。;;]{2,120}[::]\s*$")
_DATE = r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"   # year, month, day
_DATE_LABELLED = re.compile(
    r"(发布时间|发布日期|成文日期|信息时间|更新时间|发表时间|时间|日期)\s*[::]?\s*(?:\n\s*)?" + _DATE)
_DATE_ANY = re.compile(_DATE + r"日?")
_GLOSS = re.compile(r"[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}[))]")
_URL = re.compile(r"https?://[^\s\"'<>，。)）]+")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])\s*(年度|年)?")
_PERIOD = re.compile(r"((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?\s*(?:至|到|—|–|-|~)\s*((?:19|20)\d{2})年\d{1,2}月")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)?\d{2,4}年?")
_MASTHEAD = re.compile(
    r"\s*(?:本报讯|本网讯|[\u4e00-\u9fff]{1,12}?(?:报|网|台|社|客户端)(?:[((][^()()\n]{0,20}[))])?讯"
    r"|新华社[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电|[\u4e00-\u9fff]{2,12}?消息)"
    r"\s*(?:[((][^()()\n]{0,40}[))])?\s*[::]?\s*(?:(?:记者|通讯员)[^,,::。\n]{0,30}?报道\s*[::]?)?\s*")
_INFORMANT = re.compile(r"\s*(?:这是)?记者[\u4e00-\u9fff]{0,4}?从")
_UNDER = re.compile(r"\s*在[^,，。;；]{0,40}?(?:领导|指导|支持|关心|部署)下\s*[,，]?")
_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}年(?:度|以来|来|上半年|全年)?|\d{1,2}月(?:\d{1,2}日)?|近年来|今年以来|"
                   r"一年来|过去一年|去年)*\s*[,，、]?\s*(?:以来[,，]?)?")
# a department after a region (or standing alone): 司法局, 市场监督管理局, 卫生健康委员会, 司法部
_DEPT = re.compile(r"(?:人民政府)?([\u4e00-\u9fff]{1,14}?(?:管理局|监管局|总局|局|厅|委员会|部(?!门)|署))")
_NOT_DEPT = re.compile(r"^(?:人民政府|政府|党委|委员会|政府办公室|各部门|全部|内部|干部|部分|部署|行政公署|公署)")
_PARTY = re.compile(r"^(?:委|党委)")
_RELATIVE = re.compile(r"^(省|市|区|县|州|旗|盟)([\u4e00-\u9fff]{1,12}?(?:管理局|监管局|局|厅|委员会))")
_RELATIVE_GOV = re.compile(r"^(?:我|本|全)(省|市|区|县|州|旗|盟|镇|乡|街道)|^(省|市|区|县|州|旗|镇|乡)(?:委|政府|人民政府)")
_COURT = re.compile(r"人民法院|法院|审判")
_NEWS = re.compile(r"纪实|日报|晚报|记者|通讯员|报道|新闻|先进典型|系列宣传|巡礼|侧记")
_STATS = re.compile(r"统计|数据|通报|白皮书|(?:行政复议|行政应诉|出庭应诉|复议应诉)[^。]{0,12}(?:情况|分析)|案件")
_REPORT = re.compile(r"法治政府建设[^。\n]{0,20}(?:报告|情况)|依法行政[^。\n]{0,10}(?:报告|情况)|年度报告")
_CENTRAL = re.compile(r"^(?:中华人民共和国)?(?:国务院|司法部|公安部|国家[\u4e00-\u9fff]{2,12}(?:局|委员会|总局)|"
                      r"[\u4e00-\u9fff]{1,8}部)$")
_LEVEL_HINTS = {
    "province": re.compile(r"我省|全省|本省|省政府|省人民政府|我区(?=[^。]{0,6}自治区)"),
    "city": re.compile(r"我市|全市|本市|市政府|市人民政府|我州|全州|州政府|我盟|全盟"),
    "district": re.compile(r"我区|全区|本区|区政府|区人民政府"),
    "county": re.compile(r"我县|全县|本县|县政府|县人民政府|我旗|全旗|旗政府"),
    "township": re.compile(r"我镇|全镇|本镇|镇政府|镇人民政府|我乡|全乡|乡政府|乡人民政府|我街道|全街道|街道办事处"),
}
_REL_LEVEL = {"省": ("province",), "市": ("city", "county"), "州": ("city",), "盟": ("city",),
              "区": ("district", "province"), "县": ("county",), "旗": ("county",),
              "镇": ("township",), "乡": ("township",), "街道": ("township",)}


@dataclass
class _Line:
    start: int
    end: int
    text: str


def _lines(t: str, limit: int) -> list[_Line]:
    out = []
    pos = 0
    n = min(len(t), limit)
    while pos < n:
        nl = t.find("\n", pos)
        if nl == -1:
            nl = len(t)
        raw = t[pos:nl]
        s = raw.strip()
        if s:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(s), s))
        pos = nl + 1
    return out


def _is_prose(s: str) -> bool:
    if len(s) < 30:
        return False
    commas = s.count(",") + s.count("，")
    return "。" in s or commas >= 2 or (commas >= 1 and s.endswith((":", "：")))


def _opening_like(s: str) -> bool:
    """An opening sentence (2022年,X市坚持…), not a title."""
    return bool(re.match(r"\s*(?:(?:19|20)\d{2}年(?:度|以来)?|今年以来|近年来|过去一年)[,，]", s))


def _is_chrome(s: str) -> bool:
    if s.count("|") >= 2 or s.count(">") >= 2:
        return True
    return bool(_CHROME.search(s)) and not _is_prose(s) and len(s) < 80


def _strip_quoted(s: str) -> str:
    """Blank out 《…》 and “…” so names of laws, papers and plans do not count as subjects."""
    return re.sub(r"《[^》]{0,80}》|“[^”]{0,40}”|\"[^\"]{0,40}\"", lambda m: " " * len(m.group()), s)


# --------------------------------------------------------------------------- main

def warm() -> None:
    """Load what describe_document needs once per process: the gazetteer (from
    seeds/regions.csv), the character tables and the compiled patterns. The pipeline calls
    it before it starts its pool, so forked workers inherit all of it."""
    gazetteer()
    _prep_table()
    _wide_table()
    describe_document("浙江省杭州市人民政府2022年法治政府建设情况报告\n"
                      "2022年,杭州市坚持依法行政,全市共受理行政复议案件10件。\n"
                      "2022年,西湖区深入推进法治政府建设。", "warm.txt")
    prepare("２０２２年\u3000" + "這個們" * 2)


def describe_document(text: str, source_file: str, manifest_row: dict | None = None) -> DocumentMeta:
    t, gloss_offsets = _without_glosses(prepare(text or ""))
    g = gazetteer()
    head_limit = 12000
    lines = _lines(t, head_limit)
    mentions = _HeadMentions(g, t, head_limit * 2)
    published = _published_on(t, lines)
    url_m = _URL.search(t)
    url = url_m.group().rstrip(".,;") if url_m else None

    title, title_line, body_lines, first_para, addressees, headlines = _structure(lines)
    kind = _doc_kind(t, lines, title, first_para)
    year = _report_year(t, title, lines, first_para, published, kind)

    body = _find_body(t, g, mentions, title_line, body_lines, first_para, lines, year, headlines)
    meta = DocumentMeta(title=title, reporting_body=body.get("name"), doc_kind=kind,
                        region_code=None, region_name=None, region_level=None,
                        province_code=None, city_code=None, region_confidence="unresolved",
                        region_candidates=[], report_year=year, published_on=published, url=url,
                        other_bodies=[])
    _fill_region(meta, g, body, t, kind)
    meta.other_bodies = _other_bodies(t, g, meta, lines, addressees)
    if gloss_offsets is not None:
        for ob in meta.other_bodies:
            ob.start, ob.end = gloss_offsets[ob.start], gloss_offsets[ob.end - 1] + 1
    if manifest_row:
        _apply_manifest(meta, g, manifest_row)
    return meta


# a pinyin gloss some sites put after characters: 区(qū), 复(fù), 行(xing)(xing)
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff)）])[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[))]")


def _without_glosses(t: str) -> tuple[str, list[int] | None]:
    """The text without pinyin glosses (they split names: 江岸区(qū), 自(zi)然(ran)资源部),
    and for each of its characters the offset in `t` (None when nothing was dropped)."""
    found = list(_PINYIN_GLOSS.finditer(t))
    if len(found) < 3:
        return t, None
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in found:
        pieces.append(t[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        pos = m.end()
    pieces.append(t[pos:])
    offsets.extend(range(pos, len(t) + 1))
    return "".join(pieces), offsets


class _HeadMentions:
    """The region mentions of the head (the first `limit` characters, newspaper names
    blanked), scanned only where asked: the lines that decide the reporting body are
    scanned one by one; the whole head only when a shared name needs the rest of the text
    as evidence (iterating the object). A scan from the start of a line gives exactly the
    mentions a scan of the whole head finds in that line, because no name spans a line
    break."""

    __slots__ = ("g", "text", "end", "_all", "_seg")

    def __init__(self, g: Gazetteer, t: str, limit: int):
        self.g = g
        self.text = _strip_quoted_keep(t, limit)
        self.end = min(len(t), limit)
        self._all: list[RegionMention] | None = None
        self._seg: dict[tuple[int, int], list[RegionMention]] = {}

    def all(self) -> list[RegionMention]:
        if self._all is None:
            self._all = self.g.find(self.text, 0, self.end)
        return self._all

    def __iter__(self):
        return iter(self.all())

    def within(self, start: int, end: int) -> list[RegionMention]:
        """The mentions inside text[start:end], as the whole-head scan finds them."""
        if self._all is not None:
            return [m for m in self._all if m.start >= start and m.end <= end]
        text = self.text
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", max(end, a))
        b = min(len(text) if b == -1 else b, self.end)
        key = (a, b)
        ms = self._seg.get(key)
        if ms is None:
            ms = self._seg[key] = self.g.find(text, a, b) if a < b else []
        return [m for m in ms if m.start >= start and m.end <= end]


def _strip_quoted_keep(t: str, limit: int) -> str:
    """The text with quoted titles of laws and plans blanked (same length), but a report's
    own quoted region names in 《X市…》 are still useful evidence for disambiguation: only
    newspaper names (《南阳日报》) are blanked."""
    if "《" not in t:
        return t
    head = t[:limit]
    head = _PAPER_NAME.sub(lambda m: " " * len(m.group()), head)
    return head + t[limit:]


_PAPER_NAME = re.compile(r"《[^》]{0,12}(?:日报|晚报|报|网)》")


def _structure(lines: list[_Line]):
    """(title, title line, body-name lines, first prose paragraph, addressee lines, the
    short lines of the top that may be a headline)."""
    title = title_line = None
    body_lines: list[_Line] = []
    addressees: list[_Line] = []
    first_para: _Line | None = None
    seen_sentence = False
    for idx, ln in enumerate(lines[:40]):
        s = ln.text
        if _ADDRESSEE.match(s) and len(s) <= 60 and not _opening_like(s) \
                and re.search(r"政府|人大|委|各|局|厅|部门|单位|领导|国务院", s) \
                and not _SOURCE_LINE.search(s) and not re.search(r"时间|日期|如下", s):
            addressees.append(ln)
            continue
        if _is_prose(s) or _opening_like(s):
            if first_para is None:
                first_para = ln
            seen_sentence = seen_sentence or "。" in s or _opening_like(s)
            if first_para is not None and idx > 25:
                break
            continue
        if _is_chrome(s) or _SOURCE_LINE.search(s) or _DATE_ANY.fullmatch(s.strip()):
            continue
        if _BODY_LINE.match(s) and not _TITLE_WORDS.search(s):
            body_lines.append(ln)
            continue
        if title is None and not seen_sentence and 6 <= len(s) <= 100 and _TITLE_WORDS.search(s):
            title, title_line = s, ln
    headlines = [ln for ln in lines[:8] if _headline_like(ln.text)]
    if title is None and headlines:
        title_line = headlines[0]
        title = title_line.text
    if title and body_lines and title_line and body_lines[-1].end < title_line.start \
            and not any(m for m in [re.match(r"^[\u4e00-\u9fff]{2,}(?:市|县|区|省|旗|州|镇|乡)", title)]):
        title = body_lines[-1].text + title
    # a title like '上海市行政复议体制改革一周年白皮书 (2022-11-23)' keeps its date out
    if title:
        title = _GLOSS.sub("", title)
        title = re.sub(r"\s*[((]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*[))]\s*$", "", title)
    return title, title_line, body_lines, first_para, addressees, headlines


def _headline_like(s: str) -> bool:
    """A short line before the text that may be a news headline or a byline."""
    return (not _is_chrome(s) and not _is_prose(s) and 4 <= len(s) <= 60 and not _ADDRESSEE.match(s)
            and not _SOURCE_LINE.search(s) and not _DATE_ANY.search(s))


def _published_on(t: str, lines: list[_Line]) -> date | None:
    head = t[:4000]
    best = None
    for m in _DATE_LABELLED.finditer(head):
        d = parse_date(m.group(2), m.group(3), m.group(4))
        if d is None:
            continue
        if m.group(1).startswith("发布") or m.group(1) in ("成文日期", "发表时间"):
            return d
        if best is None and m.group(1) != "更新时间":
            best = d
    if best:
        return best
    m = re.search(r"[((]\s*((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\s*[))]", head[:300])
    if m:
        return parse_date(*m.groups())
    tail = t[-1500:]
    m = re.search(r"文章出处\s*[::]\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日", tail)
    if m:
        return parse_date(*m.groups())
    for ln in lines[:12]:
        if not _is_prose(ln.text):
            m = _DATE_ANY.search(ln.text)
            if m and re.search(r"\d{1,2}:\d{2}|^\s*(?:19|20)\d{2}\s*[-年/.]", ln.text):
                return parse_date(*m.groups())
    # a date line at the end (落款: 2023年3月1日)
    m = None
    for m in re.finditer(r"^\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*$", tail, re.M):
        pass
    if m:
        return parse_date(*m.groups())
    return None


def _doc_kind(t: str, lines: list[_Line], title: str | None, first_para: _Line | None) -> str:
    prose = sum(len(ln.text) for ln in lines if _is_prose(ln.text))
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
    if _COURT.search(ttl) or re.search(r"^(?:[^,，。]{0,12}[,，])?[^,，。]{0,20}(?:人民法院|全[市省区县]法院|法院)",
                                       _LEAD.sub("", opening)):
        return "court_release"
    if _NEWS.search(ttl):
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


def _years_in(s: str, maxyear: int | None) -> list[tuple[int, str, int]]:
    """(year, '年度'|'年'|'', position) outside plan ranges (2021-2025年)."""
    blank = _YEAR_RANGE.sub(lambda m: " " * len(m.group()), s)
    blank = re.sub(r"《[^》]{0,60}》", lambda m: " " * len(m.group()), blank)
    out = []
    for m in _YEAR.finditer(blank):
        y = int(m.group(1))
        if maxyear and y > maxyear:
            continue
        nxt = blank[m.end():m.end() + 1]
        if not m.group(2) and (nxt in "-/." and nxt != "" or re.match(r"\s*[-/.]\d", blank[m.end():m.end() + 3])):
            continue  # a date 2022-01-26
        out.append((y, m.group(2) or "", m.start()))
    return out


def _report_year(t: str, title: str | None, lines: list[_Line], first_para: _Line | None,
                 published: date | None, kind: str) -> int | None:
    maxyear = published.year if published else None
    if title:
        ys = _years_in(title, maxyear)
        if ys:
            return ys[0][0]
    head = t[:3000]
    if kind != "annual_report":
        # a release over a stated period (2021年8月1日至2022年7月31日) covers its end year
        pm = _PERIOD.search(head)
        if pm and (maxyear is None or int(pm.group(2)) <= maxyear):
            return int(pm.group(2))
    # a quoted report title names the year it covers (《2016年度社旗法院…报告》)
    qm = re.search(r"《[^》]{0,10}?((?:19|20)\d{2})年度[^》]{0,40}(?:报告|白皮书|情况)", head)
    if qm and kind != "annual_report" and (maxyear is None or int(qm.group(1)) <= maxyear):
        return int(qm.group(1))
    opening = _opening_text(t, lines, first_para)
    m = re.match(r"\s*((?:19|20)\d{2})\s*年(?:度|以来|来|全年|,|，|、|[\u4e00-\u9fff])", opening)
    if m and (maxyear is None or int(m.group(1)) <= maxyear):
        return int(m.group(1))
    head = t[:3000]
    ys = _years_in(head, maxyear)
    for y, suf, _ in ys:
        if suf == "年度":
            return y
    body_start = first_para.start if first_para else 0
    body = t[body_start:body_start + 1500]
    if published is not None:
        # 今年 / 去年 in the opening of a dated page name the year outright
        rel = _RELATIVE_YEAR.search(opening[:200])
        if rel:
            return published.year - (rel.group(1) == "去年")
    ys_body = [(y, suf, pos) for y, suf, pos in _years_in(body, maxyear) if not _background_year(body, pos)]
    if published is None and "今年" in body[:600]:
        this_year = _this_year_unpublished(body, ys_body)
        if this_year:
            return this_year
    if ys_body:
        cnt = Counter(y for y, _, _ in ys_body)
        first = ys_body[0][0]
        top, n = cnt.most_common(1)[0]
        return first if cnt[first] >= n or n < 2 else top
    if published:
        looks_back = _LOOKS_BACK.search((title or "") + "\n" + t[body_start:body_start + 600])
        if (kind == "annual_report" or looks_back) and published.month <= 6:
            return published.year - 1
        return published.year
    return None


_LAW_DATE = re.compile(r"\d{4}\s*年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:起)?\s*(?:正式)?(?:修订|修正|颁布|公布|施行|实施|起施行|起实施)")
_RELATIVE_YEAR = re.compile(r"(今年|去年)(?:以来|全年|上半年|下半年|前三季度|一季度|前\d{1,2}个?月|\d{1,2}\s*[-—至到~]\s*\d{1,2}\s*月|截至)")
# a page that looks back on a finished year: a work report read in the new year
_LOOKS_BACK = re.compile(r"一年来|过去一年|工作报告|去年全年|上一年度")
_PART_YEAR = re.compile(r"((?:19|20)\d{2})年\s*(?:1\s*[至到\-—–~]\s*\d{1,2}\s*月|上半年|前三季度|一季度|第一季度|前\d{1,2}个月)")


def _opening_text(t: str, lines: list[_Line], first_para: _Line | None) -> str:
    """The first prose paragraph that has a sentence (a keyword line above a news item is
    not one), past its masthead."""
    if first_para is None:
        return ""
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    for ln in lines[k:k + 6]:
        if "。" in ln.text or _opening_like(ln.text):
            m = _MASTHEAD.match(ln.text)
            return ln.text[m.end():] if m else ln.text
    return first_para.text


def _background_year(s: str, pos: int) -> bool:
    """A year that is not the one the figures are given for: the start of a period
    (2020年以来), a comparison's base (从2019年的, 较2021年, 比2020年), a document number
    (〔2022〕3号) or a law's date (于2022年修订, 2024年1月1日起施行)."""
    return bool(re.search(r"(?:从|较|比|与|相比)\s*$|[〔\[【]\s*$", s[max(0, pos - 3):pos])
                or re.match(r"\d{4}\s*(?:年?\s*(?:以来|来|同期)|[〕\]】])", s[pos:pos + 10])
                or _LAW_DATE.match(s, pos))


def _this_year_unpublished(body: str, ys_body) -> int | None:
    """今年 on a page without a date: the year of a part-year period it names (2022年1至6月
    beside 今年上半年), else the year after every year it names (those are past)."""
    pm = _PART_YEAR.search(body)
    if pm:
        return int(pm.group(1))
    past = [y for y, _, pos in ys_body if not re.match(r"\d{4}\s*年?\s*(?:前|底前|年底前)", body[pos:pos + 10])
            and not re.search(r"(?:到|至)\s*$", body[max(0, pos - 2):pos])]
    return max(past) + 1 if past else None


# --------------------------------------------------------------------------- body

def _mentions_in(mentions, start: int, end: int) -> list[RegionMention]:
    if isinstance(mentions, _HeadMentions):
        return mentions.within(start, end)
    return [m for m in mentions if m.start >= start and m.end <= end]


def _chain_at(t: str, ms: list[RegionMention], k: int) -> tuple[list[RegionMention], int]:
    """The mentions linked to ms[k] (双鸭山市岭东区, 鲤城区人民政府金龙街道办事处): returns
    (chain, index of the last link)."""
    chain = [ms[k]]
    j = k
    while j + 1 < len(ms):
        gap = t[ms[j].end:ms[j + 1].start]
        if gap.strip() in ("", "人民政府", "政府") and len(gap) <= 4:
            chain.append(ms[j + 1])
            j += 1
        else:
            break
    return chain, j


def _preamble(s: str) -> tuple[int, bool]:
    """Where the subject of an opening starts, past what comes before it: a news masthead
    (本报讯, 某网(某报)讯(通讯员…), 新华社某地3月2日电), a time lead (2022年,), the reporter's
    source (记者从…获悉: the source then speaks, `informant`) and the superior's leadership
    (在区委、区政府的正确领导下,)."""
    off, informant = 0, False
    while True:
        start = off
        for rx in (_MASTHEAD, _LEAD, _INFORMANT, _UNDER):
            m = rx.match(s, off)
            if m and m.end() > off:
                off = m.end()
                informant = informant or rx is _INFORMANT
        if off == start:
            return off, informant


def _subject_in(t: str, g: Gazetteer, start: int, end: int, mentions: list[RegionMention],
                at_start: bool, max_offset: int = 40) -> dict | None:
    """The body a line or an opening sentence is about: a chain of regions, maybe a
    department after it, or a relative department (市市场监管局)."""
    seg = t[start:end]
    blanked = _strip_quoted(seg)
    off, informant = _preamble(blanked)
    blanked = " " * off + blanked[off:]
    s = _subject_after(t, g, start, end, mentions, at_start, max_offset, blanked, off)
    if s is not None and informant:
        s["informant"] = True
    return s


def _subject_after(t, g, start, end, mentions, at_start, max_offset, blanked, off) -> dict | None:
    ms = [m for m in _mentions_in(mentions, start, end)
          if blanked[m.start - start:m.end - start].strip() and m.start - start >= 0]
    # a relative body right at the start: 市市场监管局, 区司法局, 我市, 县政府
    rel = _RELATIVE.match(blanked[off:])
    first_m = ms[0] if ms else None
    if rel and (first_m is None or first_m.start - start > off):
        return {"relative": rel.group(1), "dept": rel.group(1) + rel.group(2), "name": rel.group(0),
                "start": start + off}
    if not ms:
        relg = _RELATIVE_GOV.match(blanked[off:])
        if relg:
            return {"relative": relg.group(1) or relg.group(2), "dept": None, "name": None,
                    "start": start + off}
        central = re.match(r"(?:中华人民共和国)?(国务院|司法部|公安部|国家[\u4e00-\u9fff]{2,10}?(?:总局|局|委员会)|"
                           r"[\u4e00-\u9fff]{1,6}部)(?!门)", blanked[off:])
        if central and _CENTRAL.match(central.group(0)):
            return {"central": True, "name": central.group(0), "start": start + off}
        return None
    m0 = ms[0]
    if at_start and m0.start - start > off + max_offset:
        return None
    chain, j = _chain_at(t, ms, 0)
    after = t[chain[-1].end:chain[-1].end + 24]
    dept = None
    dm = _DEPT.match(after)
    if dm and not _NOT_DEPT.match(dm.group(1)) and not _PARTY.match(dm.group(1)) \
            and not re.match(r"(?:人民政府)?(?:法治|依法|全面|党|委员会|常务委员会)", dm.group(1)) \
            and not re.search(r"[的与及、,，]", dm.group(1)) and len(dm.group(1)) <= 12 \
            and not re.search(r"和(?![\u4e00-\u9fff]{2,6}(?:局|厅|委员会)$)", dm.group(1)):
        dept = dm.group(1)
    court = bool(re.match(r"(?:人民)?(?:中级)?(?:人民)?法院", after))
    name = t[chain[0].start:chain[-1].end] + (dept or "")
    return {"chain": chain, "dept": dept, "court": court, "name": name, "start": chain[0].start}


def _openings(lines: list[_Line], first_para: _Line | None, sentences: int = 4,
              paragraphs: int = 3) -> list[tuple[int, int]]:
    """The spans where the body that acts is looked for, in order: the first sentences of
    the first prose paragraph (a feature may open on its background), then the first
    sentence of the next paragraphs (a report may open on the laws it follows)."""
    if first_para is None:
        return []
    out: list[tuple[int, int]] = []
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    paras = [ln for ln in lines[k:k + 12] if _is_prose(ln.text) or _opening_like(ln.text)][:paragraphs]
    for n, ln in enumerate(paras):
        pos = ln.start
        for _ in range(sentences if n == 0 else 1):
            m = re.compile(r"[。;；!?！？]").search(ln.text, pos - ln.start)
            end = ln.start + m.end() if m else ln.end
            if end - pos >= 4:
                out.append((pos, end))
            if end >= ln.end:
                break
            pos = end
    return out


def _find_body(t, g, mentions, title_line, body_lines, first_para, lines, year, headlines=()) -> dict:
    tries: list[tuple[str, dict]] = []
    if title_line is not None:
        s = _subject_in(t, g, title_line.start, title_line.end, mentions, at_start=False)
        if s:
            tries.append(("title", s))
    for bl in body_lines:
        s = _subject_in(t, g, bl.start, bl.end, mentions, at_start=True)
        if s:
            tries.append(("body_line", s))
    for st, en in _openings(lines, first_para):
        s = _subject_in(t, g, st, en, mentions, at_start=True)
        if s:
            tries.append(("opening", s))
            break
    for hl in headlines:
        if hl is not title_line:
            s = _subject_in(t, g, hl.start, hl.end, mentions, at_start=False)
            if s and not s.get("relative"):
                tries.append(("headline", s))
    for ln in lines[:15]:
        m = _SOURCE_LINE.search(ln.text)
        if m:
            st = ln.start + m.start(1)
            s = _subject_in(t, g, st, st + len(m.group(1)), mentions, at_start=True, max_offset=2)
            if s and not s.get("relative"):
                tries.append(("source", s))
    # the first non-relative candidate decides; a relative one (市市场监管局) is completed
    # by the region the text names most
    chosen = None
    for src, s in tries:
        if s.get("chain") or s.get("central"):
            chosen = dict(s, source=src)
            break
        if chosen is None and s.get("relative"):
            chosen = dict(s, source=src)
    if chosen is None:
        chosen = {"source": "none"}
    # a title whose subject is the superior's name while an explicit chain names a
    # lower body (a body line 鲤城区人民政府金龙街道办事处) is fine: the chain's last link wins
    chosen["year"] = year
    chosen["mentions"] = mentions
    return chosen


_OWN = re.compile(r"[我全本](省|市|州|盟|区|县|旗|镇|乡|街道)")
_OWN_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "district",
              "县": "county", "旗": "county", "镇": "township", "乡": "township", "街道": "township"}


def _level_hint(t: str) -> str | None:
    head = t[:8000]
    # a superior's name (市委、市政府 in a district report) is common; 我X / 全X speak for the body
    # (one pass: the matches of the five levels' patterns never overlap)
    own = dict.fromkeys(_LEVEL_HINTS, 0)
    for suf in _OWN.findall(head):
        own[_OWN_LEVEL[suf]] += 1
    top = max(own.values())
    if top >= 1 and sum(1 for v in own.values() if v == top) == 1:
        return max(own, key=lambda k: own[k])
    counts = {lvl: len(rx.findall(head)) for lvl, rx in _LEVEL_HINTS.items()}
    if top >= 1:
        best = max(own, key=lambda k: (own[k], counts[k]))
        return best
    if max(counts.values()) >= 1:
        return max(counts, key=lambda k: counts[k])
    return None


def _fill_region(meta: DocumentMeta, g: Gazetteer, body: dict, t: str, kind: str) -> None:
    mentions: list[RegionMention] = body.get("mentions", [])
    year = body.get("year")
    if body.get("central"):
        meta.reporting_body = body["name"]
        meta.region_code = CENTRAL_CODE
        meta.region_name = "中华人民共和国"
        meta.region_level = "department"
        meta.province_code = CENTRAL_CODE
        meta.city_code = None
        meta.region_confidence = "high"
        return
    code = None
    if body.get("chain"):
        chain: list[RegionMention] = body["chain"]
        last = chain[-1]
        span = (chain[0].start, last.end)
        res = g.resolve(last.candidates, mentions, chain[:-1], year, exclude=span)
        if res.code is None and res.confidence == "ambiguous":
            meta.region_confidence = "ambiguous"
            meta.region_candidates = res.candidates
            meta.region_level = _common_level(g, res.candidates)
            meta.reporting_body = body.get("name")
            if body.get("dept"):
                meta.region_level = "department"
            return
        code = res.code
        meta.region_confidence = res.confidence if body.get("source") != "source" else "medium"
        meta.region_candidates = res.candidates if res.confidence != "high" else []
    else:
        # relative (市市场监管局, 我市) or nothing: the region the text names most, of a level
        # that fits
        levels = _own_levels(body.get("relative"), t)
        hint = _level_hint(t)
        if levels is None and hint:
            levels = (hint,) + (("county",) if hint == "city" else ())
        code, cands = _most_named(g, [m for m in mentions if not _in_passing(t, m)], levels, year)
        if code is None and not cands and (levels is None or {"county", "district"} & set(levels)):
            code = g.county_of_towns(t, 0, 12000)
        if code is None:
            meta.region_confidence = "ambiguous" if cands else "unresolved"
            meta.region_candidates = cands
            meta.region_level = "department" if body.get("dept") or _speaks_as_department(t, kind, body) \
                else (levels[0] if levels else hint)
            meta.reporting_body = body.get("name")
            return
        meta.region_confidence = "low"
    r = g.get(code)
    if r is None:
        return
    meta.region_code = r.code
    meta.region_name = r.name
    meta.region_level = r.level
    meta.province_code = r.province_code
    meta.city_code = r.city_code or None
    dept = body.get("dept")
    if dept:
        meta.reporting_body = (r.name + dept[len(body["relative"]):]) if body.get("relative") else body.get("name")
        if not _speaks_for_region(dept, kind, body):
            meta.region_level = "department"
    else:
        meta.reporting_body = body.get("name") or r.name
        if _speaks_as_department(t, kind, body):
            meta.region_level = "department"


def _speaks_for_region(dept: str, kind: str, body: dict) -> bool:
    """A justice bureau's release of the region's reconsideration / litigation figures (a
    statistics page, a press conference, the source a reporter quotes) speaks for the
    region; a department's own report, and any other department, reports as a department."""
    return bool(re.search(r"司法局|司法厅|行政复议局|行政复议办", dept)) and (
        kind in ("statistics", "news", "court_release") or body.get("informant", False))


_AS_DEPARTMENT = re.compile(r"我局|本局|我厅|本厅")


def _speaks_as_department(t: str, kind: str, body: dict) -> bool:
    """A report written as 我局 / 本局 is a department's own, whatever place it names first."""
    return (kind == "annual_report" and not body.get("court") and not body.get("central")
            and _AS_DEPARTMENT.search(t, 0, 6000) is not None)


# a place named in passing, not as the body that acts: a superior that assigns or leads
# (金华交办的, 按照省厅要求), an address (坐落于, 地址:)
_PASSING_BEFORE = re.compile(r"(?:按照|根据|依据|遵照|受|被|坐落于|位于|地址[::]?|地处)\s*$")
_PASSING_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:委|政府|厅|部)){0,2}?(?:的)?(?:交办|下达|部署|要求|考核|督查|督导|"
                            r"批复|印发|表彰|命名|(?:正确|坚强)?领导|指导)")


def _in_passing(t: str, m: RegionMention) -> bool:
    return bool(_PASSING_BEFORE.search(t, max(0, m.start - 4), m.start)
                or _PASSING_AFTER.match(t[m.end:m.end + 12]))


def _fits(r, levels: tuple[str, ...] | None) -> bool:
    """A region of a level a relative body may have; a 全市 page's province is a 直辖市."""
    if levels is None:
        return True
    if r.level == "province" and "city" in levels:
        return "province" in levels and r.name.endswith("市")
    return r.level in levels


def _own_levels(relative: str | None, t: str) -> tuple[str, ...] | None:
    """The levels a relative body (我市, 全区, 县政府) may have: 全区 of a page that speaks of
    the cities under it (盟市, 设区市) is an autonomous region, not a district; 全市 may be
    a 直辖市."""
    levels = _REL_LEVEL.get(relative or "", None)
    if relative == "区" and _AUTONOMOUS_REGION.search(t, 0, 8000):
        return ("province",)
    if relative == "市":
        return levels + ("province",)
    return levels


# a 全区 page of an autonomous region speaks of the cities under it; a district's, of towns
_AUTONOMOUS_REGION = re.compile(r"盟市|设区市|各地市|地级市|自治区本级|全自治区")


def _common_level(g: Gazetteer, codes: list[str]) -> str | None:
    lv = {g.get(c).level for c in codes if g.get(c)}
    return lv.pop() if len(lv) == 1 else None


def _most_named(g: Gazetteer, mentions: list[RegionMention], levels, year) -> tuple[str | None, list[str]]:
    score: Counter = Counter()
    for m in mentions:
        w = 0.5 if m.kind == "bare" else 1.0
        for c in m.candidates:
            r = g.get(c)
            if r and _fits(r, levels):
                score[c] += w / len(m.candidates)
    if not score:
        return None, []
    ranked = score.most_common()
    top_code, top = ranked[0]
    if len(ranked) > 1 and ranked[1][1] >= top * 0.75:
        # shared names split their weight: resolve the leader with the rest of the text
        names = {g.get(c).name for c, _ in ranked[:2]}
        if len(names) == 1:
            res = g.resolve([c for c, _ in ranked[:4] if g.get(c).name in names], mentions, (), year)
            return res.code, res.candidates
        return None, [c for c, _ in ranked[:4]]
    if top < 1.0:
        return None, [c for c, _ in ranked[:4]]
    return top_code, []


# --------------------------------------------------------------------------- other bodies

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
            lead = _LEAD.match(s)
            off = lead.end() if lead else 0
            if off <= 12 and t[st + off:st + off + 2] in first2:
                ms = g.find(t, st + off, min(st + off + 14, nl))
                if ms and ms[0].start == st + off:
                    chain, j = _chain_at(t, ms, 0)
                    last = chain[-1]
                    nxt = t[last.end:last.end + 2]
                    codes = last.candidates
                    # a township's paragraphs about its own county are the township's setting
                    in_own_county = len(own) == 9 and any(own.startswith(c[:6]) for c in codes)
                    if (not re.match(r"[、和与及,，]|[\u4e00-\u9fff]?(?:局|厅|委员会)", nxt)
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
