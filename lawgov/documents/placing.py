"""Where and at what level: the region and level of the body found. A chain of names
resolves by the gazetteer; a relative body (我市, 区人社局) takes the region the text names
most as an actor (not a superior named in passing), or the county its towns lie in, or
stays unresolved with its candidates. A department is a department; a justice bureau's
release of the region's figures speaks for the region."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from lawgov.documents.body import neighbour, visitor
from lawgov.documents.regions import CENTRAL_CODE, Gazetteer, RegionMention
from lawgov.text.links import own_text_end, text_begun

if TYPE_CHECKING:
    from lawgov.documents.metadata import DocumentMeta


_LEVEL_HINTS = {
    "province": re.compile(r"我省|全省|本省|省政府|省人民政府|我区(?=[^。]{0,6}自治区)"),
    "city": re.compile(r"我市|全市|本市|市政府|市人民政府|我州|全州|州政府|我盟|全盟"),
    "district": re.compile(r"我区|全区|本区|区政府|区人民政府"),
    "county": re.compile(r"我县|全县|本县|县政府|县人民政府|我旗|全旗|旗政府"),
    "township": re.compile(r"我镇|全镇|本镇|镇政府|镇人民政府|我乡|全乡|乡政府|乡人民政府|我街道|全街道|街道办事处"),
}


_REL_LEVEL = {"省": ("province",), "自治区": ("province",), "市": ("city", "county"), "州": ("city",), "盟": ("city",),
              "区": ("district", "province"), "县": ("county",), "旗": ("county",),
              "镇": ("township",), "乡": ("township",), "街道": ("township",)}


_OWN = re.compile(r"[我全本](省|市|州|盟|区|县|旗|镇|乡|街道)")
# the superior's whole a figure is compared with (低于全区平均水平, 位列全市第一, 居全省前列):
# it names the superior, not the level the page speaks as
_COMPARED = re.compile(r"(?:[居列]|位居|位列|高于|低于|超过|超出|领先|优于)[全本](?:省|市|州|盟|区|县|旗)"
                       r"|[全本](?:省|市|州|盟|区|县|旗)(?=平均|前列|排名|之首|首位|同类|第[一二三四五六七八九十\d]"
                       r"|前[一二三四五六七八九十\d])")
_OWN_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "district",
              "县": "county", "旗": "county", "镇": "township", "乡": "township", "街道": "township"}


def _per_text(fn):
    """`fn(t)` remembered for the last text it was given (by identity: the same str object
    has the same value): describe_document asks for the same text's words and level
    several times."""
    last: tuple = (None, None)

    def once(t: str):
        nonlocal last
        seen, value = last
        if seen is t:
            return value
        value = fn(t)
        last = (t, value)
        return value
    once.__wrapped__ = fn
    once.__name__, once.__doc__ = fn.__name__, fn.__doc__
    return once


_COMPARED_SUFFIX = frozenset("省市州盟区县旗")


def _own_words(t: str, end: int = 8000) -> tuple[str, ...]:
    """The suffixes of 我X / 全X / 本X the page speaks as (省, 市 …), comparisons and the
    links to other articles left out."""
    if end == 8000:
        return _own_head(t)[1]
    return _words_to(t, _own_end(t, end))


@_per_text
def _own_head(t: str) -> tuple[int, tuple[str, ...]]:
    """(where the page's own head ends: 8,000 characters or the links to other articles
    before them, the words it speaks as up to there)."""
    end = _own_end(t, 8000)
    return end, _words_to(t, end)


def _own_end(t: str, end: int) -> int:
    """Where the links to other articles begin, before `end`; a links line above the page's
    first sentence is a site's sidebar, and the page's own words follow it."""
    links = own_text_end(t, end)
    return links if text_begun(t, links) else min(end, len(t))


# what a comparison's 全X / 本X has around it: the last character of a word before it
# (居, 位列, 高于, 超过 …) or the first one after it (平均, 前列, 排名, 第一 …)
_BEFORE_COMPARED = frozenset("居列于过出先")
_AFTER_COMPARED = frozenset("平前排之首同第")


def _words_to(t: str, end: int) -> tuple[str, ...]:
    # A 全X / 本X is a comparison's when a _COMPARED match ends on its X. Such a match
    # starts on the 全 / 本 or one or two characters before it, so only those three starts
    # are tried for each word (instead of _COMPARED at every position up to `end`, which
    # has no literal prefix to skip by); no match starting elsewhere can end there, and
    # none is hidden by an earlier overlapping one (the suffixes start no match). And only
    # when the characters around the word can begin or end such a match.
    compared = _COMPARED.match
    out = []
    for m in _OWN.finditer(t, 0, end):
        suf = m.group(1)
        s = m.start()
        if suf in _COMPARED_SUFFIX and t[s] != "我" \
                and (s and t[s - 1] in _BEFORE_COMPARED or s + 2 < end and t[s + 2] in _AFTER_COMPARED):
            e = s + 2
            if any((c := compared(t, p, end)) is not None and c.end() == e for p in (s - 2, s - 1, s) if p >= 0):
                continue
        out.append(suf)
    return tuple(out)


@_per_text
def _level_hint(t: str) -> str | None:
    # the head up to own_text_end (searching t with that end reads what t[:end] would; the
    # head has no link line of its own before its end, so its words are t's own words)
    end, words = _own_head(t)
    # a superior's name (市委、市政府 in a district report) is common; 我X / 全X speak for the body
    # (one pass: the matches of the five levels' patterns never overlap)
    own = dict.fromkeys(_LEVEL_HINTS, 0)
    for suf in words:
        own[_OWN_LEVEL[suf]] += 1
    top = max(own.values())
    if top >= 1 and sum(1 for v in own.values() if v == top) == 1:
        return max(own, key=lambda k: own[k])
    counts = {lvl: len(rx.findall(t, 0, end)) for lvl, rx in _LEVEL_HINTS.items()}
    if top >= 1:
        best = max(own, key=lambda k: (own[k], counts[k]))
        return best
    if max(counts.values()) >= 1:
        return max(counts, key=lambda k: counts[k])
    return None


def _fill_region(meta: DocumentMeta, g: Gazetteer, body: dict, t: str, kind: str) -> None:
    if body.get("central"):
        meta.reporting_body = body["name"]
        meta.region_code = CENTRAL_CODE
        meta.region_name = "中华人民共和国"
        meta.region_level = "department"
        meta.province_code = CENTRAL_CODE
        meta.city_code = None
        meta.region_confidence = "high"
        return
    if body.get("zone"):
        # a zone the divisions list does not hold (成都高新区): no region, never its city's
        meta.reporting_body = body["name"]
        meta.region_level = "department" if body.get("dept") else body.get("level")
        return
    if body.get("towns"):
        code = _towns_region(meta, g, body)
    elif body.get("chain"):
        code, body = _chain_region(meta, g, body, t, kind)
    else:
        code = _relative_region(meta, g, body, t, kind)
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
        if not _speaks_for_region(dept, kind, body, t, meta.title, r.name):
            meta.region_level = "department"
    else:
        meta.reporting_body = body.get("name") or r.name
        if _speaks_as_department(t, kind, body):
            meta.region_level = "department"


def _towns_region(meta: DocumentMeta, g: Gazetteer, body: dict) -> str | None:
    """Several towns (or counties) named as the places the report covers: the region that
    holds them all, else none of them."""
    code = body.get("county")
    if code is None:
        meta.region_confidence = "ambiguous" if len(body["candidates"]) > 1 else "unresolved"
        meta.region_candidates = body["candidates"]
        meta.region_level = _common_level(g, body["candidates"])
        meta.reporting_body = body.get("name")
        return None
    meta.region_confidence = "medium"
    return code


def _chain_region(meta: DocumentMeta, g: Gazetteer, body: dict, t: str, kind: str) -> tuple[str | None, dict]:
    """A chain of names (双鸭山市岭东区, 杭州市公安局萧山区分局) resolved by the gazetteer; a
    shared name by the superior's rank; a weak or contradicted name (贵州 in passing while
    the text speaks as a city) gives way to the place inside it the text names, and a
    superior named outside the title (宁波市委领导下, 我区…) to the place the page speaks as."""
    mentions, year = body.get("mentions", []), body.get("year")
    chain: list[RegionMention] = body["chain"]
    last = chain[-1]
    res = g.resolve(last.candidates, mentions, chain[:-1], year, exclude=(chain[0].start, last.end))
    if res.code is None and res.confidence == "ambiguous":
        under = _under_superior(g, res.candidates, t)
        if under:
            res = type(res)(under, "low", res.candidates)
    if res.code is None and res.confidence == "ambiguous":
        # a word that belongs to one of the places sharing the name (副中心: 北京's 通州区)
        hinted = g.hinted(res.candidates, t[:12000])
        if hinted:
            res = type(res)(hinted, "low", res.candidates)
    if res.code is None and res.confidence == "ambiguous":
        meta.region_confidence = "ambiguous"
        meta.region_candidates = res.candidates
        meta.region_level = "department" if body.get("dept") else _common_level(g, res.candidates)
        meta.reporting_body = body.get("name")
        return None, body
    code = res.code
    if body.get("branch") and code and g.within(body["branch"], code):
        code = body["branch"]      # a city bureau's branch in one of its districts
    # a short name alone (贵州, 广州: no 省 / 市), a 来源 line or a place named apart from
    # its department (市外办 … 丽水市) is weaker than a full name
    weak = body.get("source") == "source" or all(link.kind == "bare" for link in chain) \
        or "relative_dept" in body
    meta.region_confidence = "medium" if weak and res.confidence == "high" else res.confidence
    meta.region_candidates = res.candidates if res.confidence != "high" else []
    if not code or body.get("dept"):
        return code, body
    inner = _named_within(g, mentions, code) if weak else None
    if inner:
        meta.region_confidence = "low"
        return inner, dict(body, name=None)
    above, doubt = _own_ancestor_above(g, code, t, mentions, meta.title, weak)
    if above:
        # 杭州市、宁波市…分别为 on a page that speaks as 全省: the places are its parts, the
        # body is the province that holds them
        meta.region_confidence = "medium"
        return above, dict(body, name=None)
    if doubt:
        # a city's short name once (中山某公司) on a page that speaks as 全省: the province
        # or the city, the text cannot tell which
        meta.region_confidence = "ambiguous"
        meta.region_candidates = doubt
        meta.region_level = _level_hint(t)
        meta.reporting_body = None
        return None, body
    if not _own_level_below(g, code, t):
        return code, body
    lower = _later_body_inside(g, body, code, t, mentions, year)
    if lower:
        # a background sentence on the superior (近年来,杭州市高度重视…) before the body that
        # acts at the level the text speaks as (2023年,萧山区…全区…)
        meta.region_confidence = "medium"
        return lower["code"], dict(body, name=lower["name"])
    if weak:
        # a province's short name in passing (贵州法院 in a feature's background) while the
        # figures speak as a city (全市两级法院): the one city inside it the text names
        # twice or more, else no region
        cands = _named_inside(g, mentions, code, _level_hint(t))
        if len(cands) != 1:
            meta.region_confidence = "ambiguous" if len(cands) > 1 else "unresolved"
            meta.region_candidates = cands
            meta.region_level = _level_hint(t)
            meta.reporting_body = body.get("name")
            return None, body
        meta.region_confidence = "low"
        return cands[0], dict(body, name=None)
    hint = _level_hint(t) if body.get("source") != "title" else None
    if hint == "township" and (town := _township_in_navigation(g, t, mentions, code)) is not None:
        # a county's banner over its township's page (安吉县人民政府 ⏎ 当前位置: … > 天荒坪镇; 我镇…):
        # the township the navigation ends on
        meta.region_confidence = "medium"
        return town, dict(body, name=g.get(town).name)
    if body.get("source") != "title" and hint != "township":
        # a superior the opening, a headline or a banner names (宁波市委领导下, 某市…主办) on a
        # page that speaks as 我区: read as that 我区, the place of its tier the page names
        # (its breadcrumb), else none (a township's page may state its county, as before)
        own = dict(body, chain=None, relative=None, dept=None, name=None)
        return _relative_region(meta, g, own, t, kind), own
    return code, body


# a site's navigation line (当前位置: 首页 > 信息公开 > 乡镇(街道) > 天荒坪镇)
_NAVIGATION_LINE = re.compile(r"^[^\n]*(?:当前位置|您的位置|您当前的位置|首页)[^\n]*[>»›][^\n]*$", re.M)


def _township_in_navigation(g: Gazetteer, t: str, mentions, code: str) -> str | None:
    """The one township of `code` a navigation line near the page's head names."""
    nav = _NAVIGATION_LINE.search(t, 0, 1500)
    if nav is None:
        return None
    towns = {c for m in mentions if nav.start() <= m.start < nav.end() for c in m.candidates
             if len(c) > 6 and c.startswith(code) and (r := g.get(c)) is not None and r.level == "township"}
    return towns.pop() if len(towns) == 1 else None


def _relative_region(meta: DocumentMeta, g: Gazetteer, body: dict, t: str, kind: str) -> str | None:
    """A relative body (市市场监管局, 我市) or none: the region the text names most as an
    actor, of a level that fits; else a local paper's place, the county of the towns it
    lists, or the county inside the superior it names; else unresolved with candidates."""
    mentions, year = body.get("mentions", []), body.get("year")
    levels = _own_levels(body.get("relative"), t)
    hint = _level_hint(t)
    if levels is None and hint:
        levels = (hint,) + (("county",) if hint == "city" else ())
    # the superior a report is addressed to (某市人民政府:) is not the body that acts, nor a
    # neighbour, nor the places in the titles of other pages it links to
    elsewhere = body.get("addressed", ()) + body.get("linked", ())
    acting = [m for m in mentions if not _in_passing(t, m) and not neighbour(t, m) and not visitor(t, m)
              and not any(st <= m.start < en for st, en in elsewhere)]
    acting = _named_by_its_word(g, acting, body.get("relative"))
    code, cands = _most_named(g, acting, levels, year)
    if code is None and not cands and hasattr(mentions, "in_papers"):
        # no place named but a local paper's (四川法治报 on a 我省 page)
        code, cands = _most_named(g, mentions.in_papers(), levels, year)
        if code is None and len(cands) == 1:
            code, cands = cands[0], []
    if code is None and not cands and (levels is None or {"county", "district"} & set(levels)):
        code = g.county_of_towns(t, 0, 12000)
    if code is None:
        code = _own_county_in_superior(g, mentions, t, body.get("relative") or _OWN_WORD.get(hint))
    if code is None and not cands:
        code = _site_short_name(g, t, hint)
    if code is None:
        meta.region_confidence = "ambiguous" if cands else "unresolved"
        meta.region_candidates = cands
        dept = body.get("dept")
        if dept and _speaks_for_region(dept, kind, body, t, meta.title):
            # a justice bureau's release of the region's figures (市司法局 … 全市共收到…)
            meta.region_level = levels[0] if levels else hint
        elif dept or _speaks_as_department(t, kind, body):
            meta.region_level = "department"
        else:
            meta.region_level = levels[0] if levels else hint
        if meta.region_level is None and _speaks_as_office(t, 1500):
            # no place and no level named, but the opening speaks as an office (我局共收到…)
            meta.region_level = "department"
        elif meta.region_level != "department" and _written_by_an_office(t, meta.title) \
                and len(_WHOLE_REGION.findall(t, 0, 1500)) < 2:
            # no place named; a bureau writes of its own work (局党组, 局机关; a title that opens
            # on the bureau: 人力资源和社会保障局2023年…), not of the whole region's
            meta.region_level = "department"
        meta.reporting_body = body.get("name")
        return None
    meta.region_confidence = "low"
    return code


def _speaks_for_region(dept: str, kind: str, body: dict, t: str = "", title: str | None = None,
                       region_name: str | None = None) -> bool:
    """A justice bureau's release of the region's reconsideration / litigation figures (a
    statistics page, a press conference or 通报, the source a reporter quotes) speaks for the
    region, and so does its report written about the whole region (全市共收到…, 我市行政复议…,
    never 我局) or titled as the region's (某市司法局关于某市2023年法治政府建设情况的报告): the
    法治办's report for its government, and the government's general office (办公厅) reporting for
    it the same way; a department's own report, and any other department, reports as a
    department."""
    if re.search(r"行政复议委员会|复议委员会", dept):
        return True     # the government's reconsideration board decides for the government
    if "行政复议" in dept and not _speaks_as_office(t, 6000):
        # the government's reconsideration office or centre (行政复议服务中心) handles the
        # government's cases: its figures are the region's
        return True
    if not re.search(r"司法局|司法厅|行政复议局|行政复议办|法制局|法制办|^办公厅$", dept):
        return False
    if _titled_own_work(title, dept):
        return False
    return (kind in ("statistics", "news", "court_release") or body.get("informant", False)
            or body.get("release", False) or _titled_for_region(title, dept, region_name)
            or _about_the_whole_region(t))


# a bureau's summary of its own year's work (某市司法局2023年工作总结和2024年工作计划)
_OWN_WORK = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:上半年|全年)?\s*工作(?:总结|报告|要点|计划)")


def _titled_own_work(title: str | None, dept: str) -> bool:
    """A title that is the bureau's name and its year's work summary, with no region's topic
    (法治政府建设, 行政复议) between: the bureau writes of its own work."""
    if not title or dept not in title:
        return False
    return _OWN_WORK.match(title, title.index(dept) + len(dept)) is not None


# the whole region as the subject of the figures (全市共收到, 全区行政机关, 我市行政复议), not the
# justice system's own people (全市司法行政系统, 全区司法所)
_WHOLE_REGION = re.compile(r"[全本我](?:省|市|区|县|州|盟|旗)(?!司法|法律服务|律师|公证|人民调解|政法)")
_OWN_OFFICE = re.compile(r"局机关|厅机关|局党组|厅党组|本单位|我单位")
_REGION_TOPIC = r"(?:(?:19|20)\d{2}年度?)?[^。\n]{0,8}?(?:法治政府建设|依法行政|行政复议|行政应诉)"


def _titled_for_region(title: str | None, dept: str, region_name: str | None) -> bool:
    """A title by the bureau about the region's work: 某市司法局关于某市(全市)2023年法治政府建设…"""
    if not title or dept not in title:
        return False
    rest = title[title.index(dept) + len(dept):]
    names = "全[省市区县州盟旗]|本[省市区县]|我[省市区县]" + ("|" + re.escape(region_name) if region_name else "")
    return re.match(r"\s*(?:关于)?\s*(?:" + names + ")" + _REGION_TOPIC, rest) is not None


_TITLE_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:管理局|监管局|局|厅|委员会)(?=\s*(?:(?:19|20)\d{2}|关于|法治|依法|政府信息))")


def _written_by_an_office(t: str, title: str | None) -> bool:
    """An opening that speaks as a bureau (局党组, 局机关, 本单位) or a title that opens on one."""
    if _OWN_OFFICE.search(t, 0, 1500):
        return True
    m = _TITLE_OFFICE.match(title or "")
    return bool(m) and not re.match(r"(?:人民)?政府|全|中共|党", m.group())


def _about_the_whole_region(t: str) -> bool:
    """A report whose opening speaks about the whole region (two 全市 / 我市 … in its first
    paragraphs) and never as the office itself (我局, 局机关)."""
    head = t[:3000]
    if _speaks_as_office(t, 6000) or _OWN_OFFICE.search(head):
        return False
    return len(_WHOLE_REGION.findall(head[:1500])) >= 2


_AS_DEPARTMENT = re.compile(r"我局|本局|我厅|本厅|我中心|本中心|我委(?!员)|本委(?!员)|我办(?![理结件案事公])|本办(?![理结件案事公])")
# an office quoted by name (区司法局表示:我局将…, 县司法局负责人介绍,我局…): it speaks, not the page
_QUOTED_OFFICE = re.compile(r"(?:局|厅|委|办|中心)(?:的)?(?:主要|相关|有关)?(?:负责人|负责同志|局长|厅长|主任)?"
                            r"(?:表示|介绍|说|指出|称|强调|谈到)[:：,，]?\s*[“\"]?[^。“”\"]{0,8}$")


def _speaks_as_office(t: str, end: int) -> bool:
    """The text up to `end` says 我局 / 本局 … in its own voice, not only in a named office's quoted
    words."""
    return any(not _QUOTED_OFFICE.search(t, max(0, h.start() - 30), h.start())
               for h in _AS_DEPARTMENT.finditer(t, 0, end))


def _speaks_as_department(t: str, kind: str, body: dict) -> bool:
    """A report written as 我局 / 本局 is a department's own, whatever place it names first,
    unless it names itself a government (X区人民政府; not the site's banner over the page:
    张家港市人民政府 ⏎ 首页 > … > 市市场监督管理局)."""
    return (kind == "annual_report" and not body.get("court") and not body.get("central")
            and (not body.get("government") or (body.get("banner") and _NAVIGATION_TO_OFFICE.search(t, 0, 400)))
            and _speaks_as_office(t, 6000))


# a site's navigation ending on one of its offices (首页 > 部门信息 > 市市场监督管理局), or on a
# topic column under it (… > 市审计局 > 法治政府建设)
_NAVIGATION_TO_OFFICE = re.compile(r"[>»/]\s*[^>»/\n]{0,20}?(?:局|委员会|委|办公室|中心)[ \t]*"
                                   r"(?:[>»/][ \t]*(?:法治|依法|政务|信息|工作|通知|公告|动态|规划|计划|总结|报告)[^>»/\n]{0,10}?[ \t]*)?(?:\n|$)")


# a place named in passing, not as the body that acts: a superior that assigns or leads
# (金华交办的, 按照省厅要求), an address (坐落于, 地址:)
_PASSING_BEFORE = re.compile(r"(?:按照|根据|依据|遵照|受|被|坐落于|位于|地址[::]?|地处)\s*$")
_PASSING_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,4}?(?:委|政府|厅|部)){0,2}?(?:的)?(?:交办|下达|部署|要求|考核|督查|督导|"
                            r"批复|印发|表彰|命名|(?:正确|坚强)?领导|指导)")


def _named_by_its_word(g: Gazetteer, mentions: list, word: str | None) -> list:
    """Past the places of the county tier whose names end otherwise than the word the page calls
    itself by (我县: a 县, not the county-level 江油市 it names as a guest), when one of that tier
    does end so; places of other tiers stay (a parent city tells which 普陀区 it is)."""
    if word not in ("县", "区", "旗"):
        return mentions

    def county_tier(m) -> bool:
        return all((r := g.get(c)) is not None and r.level in ("county", "district") for c in m.candidates)

    def named(m) -> bool:
        return any((r := g.get(c)) is not None and r.name.endswith(word) for c in m.candidates)

    if not any(county_tier(m) and named(m) for m in mentions):
        return mentions
    return [m for m in mentions if not county_tier(m) or named(m)]


def _in_passing(t: str, m: RegionMention) -> bool:
    return bool(_PASSING_BEFORE.search(t, max(0, m.start - 4), m.start)
                or _PASSING_AFTER.match(t[m.end:m.end + 12]))


_OWN_WORD = {"city": "市", "county": "县", "district": "区"}


def _own_county_in_superior(g: Gazetteer, mentions, t: str, relative: str | None) -> str | None:
    """我市 of a county-level city that names its prefecture only as a superior (金华交办的)
    and names towns of its own (南市街道): the one county of that prefecture holding every
    town named, when its name has the relative body's word (东阳市 for 我市)."""
    if relative not in ("市", "县", "区", "旗"):
        return None
    superiors = {c for m in mentions if _in_passing(t, m) for c in m.candidates
                 if (r := g.get(c)) is not None and r.level == "city"}
    if len(superiors) != 1:
        return None
    sup = superiors.pop()
    counties = {g.get(c).parent_code for m in mentions for c in m.candidates
                if g.get(c) is not None and g.get(c).level == "township" and g.within(c, sup)}
    if len(counties) != 1:
        return None
    r = g.get(counties.pop())
    return r.code if r and r.level in ("county", "district") and r.name.endswith(relative) else None


# a site's name above the page: 中国·某某, 某某政府网, 某某门户网站
_SITE_NAME = re.compile(r"[ \t]*(?:中国\s*[·•・.]?\s*([\u4e00-\u9fff]{2,3})(?:[ \t]|\n|$)"
                        r"|([\u4e00-\u9fff]{2,3})(?:政府网|门户网站|政府门户网站)?[ \t]*(?:\n|$))")
# the levels a page may speak as (我县 / 全市 …) for a county's or district's short name
_SHORT_NAME_HINTS = {"county": (None, "county"), "district": (None, "district")}


def _site_short_name(g: Gazetteer, t: str, hint: str | None) -> str | None:
    """A county or district named only by its short name, in the site's name at the top of
    the page and again in the text (中国·某某 … 某某坚持…): the region, when no other region
    of any level has that short name or that full name, and the page does not speak as
    another level; else None. Two-character short names are not read in running text (too
    many are ordinary words), so the site's name is what makes this one a place."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", t[:300])]
    for st in starts[:3]:
        m = _SITE_NAME.match(t, st)
        if m is None:
            continue
        short = m.group(1) or m.group(2)
        codes = g.alias.get(short, ())
        r = g.get(codes[0]) if len(codes) == 1 and short not in g.full else None
        if r is None or r.level not in _SHORT_NAME_HINTS or short not in t[m.end():m.end() + 3000]:
            continue
        if r.level == "county" and r.name.endswith("市"):
            allowed = (None, "county", "city")   # a county-level city speaks as 我市
        else:
            allowed = _SHORT_NAME_HINTS[r.level]
        return r.code if hint in allowed else None
    return None


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


def _named_within(g: Gazetteer, mentions, code: str) -> str | None:
    """The place inside `code` that the text keeps naming, when `code` itself was read
    from a short name in passing (为湖北实践荆州篇章… then 荆州 in every paragraph): the
    one region one level down named at least three times and twice as often as `code`."""
    counts: Counter = Counter()
    for m in mentions:
        if len(m.candidates) == 1:
            counts[m.candidates[0]] += 1
    inner = [(n, c) for c, n in counts.items() if g.get(c) and g.get(c).parent_code == code]
    if len(inner) != 1:
        return None
    n, c = inner[0]
    return c if n >= 3 and n >= 2 * counts[code] else None


# the superior a township names by its rank: 在市委、市政府的领导下 (a 县级市 or a city without
# districts), 县委, 区委, 旗委
_SUPERIOR = re.compile(r"(县|市|区|旗)(?:委|政府|人民政府)")


def _under_superior(g: Gazetteer, cands: list[str], t: str) -> str | None:
    """The one town of a shared name (中村乡) whose county has the rank the text's superior
    has, when the text names superiors of one rank only (市委、市人民政府 but no 县委)."""
    if not cands or any(g.get(c) is None or g.get(c).level != "township" for c in cands):
        return None
    ranks = set(_SUPERIOR.findall(t, 0, 4000))
    if len(ranks) != 1:
        return None
    rank = ranks.pop()
    fit = [c for c in cands if (p := g.get(g.get(c).parent_code)) is not None
           and (p.name.endswith(rank) if p.level in ("county", "district") else rank == "市" and p.level == "city")]
    return fit[0] if len(fit) == 1 else None


_RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "township": 3}


def _own_level_below(g: Gazetteer, code: str, t: str) -> bool:
    """The text speaks as a body below `code` (全市, 我县 on a page whose body was read
    as a province)."""
    r, hint = g.get(code), _level_hint(t)
    if r is None or hint is None or not _own_words(t):
        return False
    # a 直辖市's 全市 and an autonomous region's 全区 are their own words
    own_word = r.level == "province" and (r.name.endswith("市") and hint == "city"
                                          or r.name.endswith("自治区") and hint == "district")
    return _RANK[hint] > _RANK[r.level] and not own_word


def _own_ancestor_above(g: Gazetteer, code: str, t: str, mentions, title: str | None,
                        weak: bool) -> tuple[str | None, list[str]]:
    """The text speaks only as a body above `code` (全省 / 我省 and never 全市, on a page whose
    body was read as a city the title does not name). (the ancestor of that level, []) when
    it names two or more places of code's level, all inside that ancestor: they are its
    parts. (None, [code, ancestor]) when code is a short name alone: either may be meant.
    (None, []) otherwise."""
    r, hint = g.get(code), _level_hint(t)
    if r is None or hint not in ("province", "city") or _RANK[hint] >= _RANK[r.level]:
        return None, []
    if title and any(a in title for a in (r.name, *r.aliases) if len(a) >= 2):
        return None, []
    own = [_OWN_LEVEL[s] for s in _own_words(t)]
    if set(own) != {hint}:
        return None, []
    ancestor = r.province_code if hint == "province" else r.city_code
    if not ancestor or ancestor == code or not g.get(ancestor):
        return None, []
    named = {m.candidates[0] for m in mentions if len(m.candidates) == 1 and g.get(m.candidates[0])
             and g.get(m.candidates[0]).level == r.level}
    if len(own) >= 2 and len(named) >= 2 and all(g.within(c, ancestor) for c in named):
        return ancestor, []
    return (None, [code, ancestor]) if weak else (None, [])


def _later_body_inside(g: Gazetteer, body: dict, code: str, t: str, mentions, year) -> dict | None:
    """The subject of a later opening sentence that lies inside `code` and has the level
    the text speaks as (全区 → a district)."""
    hint = _level_hint(t)
    for s in body.get("later", ()):
        if s.get("dept"):
            continue
        last = s["chain"][-1]
        res = g.resolve(last.candidates, mentions, s["chain"][:-1], year, exclude=(s["chain"][0].start, last.end))
        r = g.get(res.code)
        if r and res.confidence in ("high", "medium") and r.code != code and g.within(r.code, code) \
                and _RANK[r.level] == _RANK[hint]:
            return {"code": r.code, "name": s.get("name")}
    return None


def _named_inside(g: Gazetteer, mentions, code: str, level: str | None) -> list[str]:
    """The regions of `level` inside `code` that the text names at least twice."""
    counts: Counter = Counter()
    for m in mentions:
        if len(m.candidates) == 1:
            counts[m.candidates[0]] += 1
    return [c for c, n in counts.most_common() if n >= 2 and c != code and g.get(c)
            and g.get(c).level == level and g.within(c, code)]


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
