"""Who: the body a report is by, found as a reader finds it: in the title, a body line,
the first sentences past mastheads, datelines and the superior's leadership, a headline,
a 来源 line; a chain of regions with maybe a department after it, a relative body
(市市场监管局, 我市) or a central one (司法部)."""

from __future__ import annotations

import re

from lawgov.documents.head import (_MASTHEAD, _SOURCE_LINE, _HeadMentions, _is_prose, _Line, _opening_like,
                                   _strip_quoted, addressee_line)
from lawgov.documents.regions import TOWN_LIST, ZONE_NAME, Gazetteer, RegionMention


# a source that is a paper, a site or a broadcaster (来源:湖北日报) names no reporting body
_MEDIA = re.compile(r"报|网|电视|广播|新闻|客户端|融媒|传媒|头条|在线|频道")
# a superior's requirement before the subject (按照省司法厅要求,) and an address
# (坐落于某市某路的): places named in passing
_AS_REQUIRED = re.compile(r"\s*(?:为了?)?(?:深入)?(?:按照|根据|依据|遵照|贯彻落实|贯彻|落实)[^,，。;；]{0,40}?"
                          r"(?:要求|部署|安排|规定|精神|通知|意见|指示|工作要点)\s*[,，]?")
# a role or a source before the subject: 作为全省首批示范市, / 某中院数据显示,
_ROLE = re.compile(r"\s*作为[^,，。;；]{0,40}?[,，]")
_SOURCE_SHOWS = re.compile(r"\s*[^,，。;；]{2,30}?(?:数据|统计|调查)显示\s*[,，::]?")
_ADDRESS = re.compile(r"\s*(?:坐落于|坐落在|位于|地处|地址[::]?)[^,，。;；]{0,30}?(?:路|街|大道|巷|号|大厦|广场|楼|园区)"
                      r"[^,，。;；]{0,6}?(?:的|[,，])")
# an opening that releases the region's figures: a press conference, a 通报, a white paper
# (or a body's word that it has just published them: 市司法局日前发布,2023年,全市…)
_RELEASE = re.compile(r"新闻发布会|发布会|通报[^。]{0,12}(?:全[省市区县州旗]|情况|数据)|白皮书"
                      r"|(?:日前|近日|今日|今天|近期|昨日)(?:对外|向社会)?(?:发布|公布|通报)")
# the reporter's source (记者从…获悉) or a source cited (据某司法厅消息,): the source then speaks
_INFORMANT = re.compile(r"\s*(?:这是)?记者[\u4e00-\u9fff\d]{0,6}?从|\s*据(?=[^,，。]{2,30}?(?:消息|介绍|通报|获悉))")
_UNDER = re.compile(r"\s*在[^,，。;；]{0,40}?(?:领导|指导|支持|关心|部署)下\s*[,，]?")
_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}年(?:度|以来|来|上半年|全年)?|(?:\d{1,2}\s*[—\-–~至到]\s*)?\d{1,2}月份?(?:\d{1,2}日)?|近年来|今年以来|今日|近日|日前|昨日|"
                   r"一年来|过去一年|去年|今年|上半年|前三季度|全年|本年度|年内|(?:座谈)?会上|会议上|座谈中)*\s*[,，、]?\s*(?:以来[,，]?)?")
# what a non-empty _LEAD match can start with in a stripped line: a digit (\d: any decimal
# digit) or one of these (keep it in step with _LEAD)
_LEAD_FIRST = frozenset("近今日昨一过去,，、以上前全本年座会")

# the short names of commissions and offices of a government (卫健委, 外办, 政府办) and its
# service centres; a party body (市委办, 纪委) is not one
# and the offices of a government by their full names (外事办公室); a government's own
# office (政府办公室) and a party commission's (依法治市委员会办公室) are not among them
_OFFICES = ("外事", "侨务", "台湾事务", "台务", "人民防空", "人防", "金融工作", "地方金融", "信访", "大数据",
            "营商环境", "扶贫开发", "扶贫", "法制", "机关事务管理", "口岸", "合作交流", "乡村振兴")
_SHORT_DEPT = (r"(?:卫健|卫计|发改|经信|工信|教体|住建|农业农村|民族宗教|民宗|科|教|民|侨)委(?!员)"
               r"|(?:" + "|".join(_OFFICES) + r")办公室"
               r"|(?:外事|外|侨|台|政府|法制|复议|金融|信访|人防|扶贫|大数据|营商)办(?![公理事])"
               r"|(?:政务服务|公共资源交易|便民服务|[\u4e00-\u9fff]{2,4}服务)中心")
# a department after a region (or standing alone): 司法局, 市场监督管理局, 卫生健康委员会, 司法部,
# and a government's legal-affairs or reconsideration office (政府法制办)
_DEPT = re.compile(r"(?:人民政府|(?:人民)?政府(?=法制|行政复议))?([\u4e00-\u9fff]{1,14}?(?:管理局|监管局|总局|局|厅|委员会|部(?!门)|署)|" + _SHORT_DEPT + ")")
_NOT_DEPT = re.compile(r"^(?:人民政府|政府|党委|委员会|政府办公室|各部门|全部|内部|干部|部分|部署|行政公署|公署|行署)")
_PARTY = re.compile(r"^(?:委|党委)")
_RELATIVE = re.compile(r"^(自治区|省|市|区|县|州|旗|盟)(?:人民)?(?:政府(?=[\u4e00-\u9fff]{1,4}办))?((?!委|纪委)(?:[\u4e00-\u9fff]{1,12}?(?:管理局|监管局|局|厅|委员会)|"
                       + _SHORT_DEPT + "))")
# a place named as a neighbour of the body (我县与相邻的平利县, 毗邻的江宁区), or any place of a
# list of them (相邻的安化县、桃江县; 相邻的湖北省通城县): not the body that acts
_PLACES_BEFORE = r"(?:[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|县|区|旗|州|盟|镇|乡)(?:[、和及与]|以及)?)*"
_NEIGHBOUR_BEFORE = re.compile(r"(?:(?:相邻|毗邻|邻近|接壤|周边)的?|[我本](?:省|市|区|县|州|旗|盟|镇|乡|街道)"
                               r"(?:与|和|同|联合|携手|会同))\s*" + _PLACES_BEFORE + r"\s*$")


def neighbour(t: str, m: RegionMention) -> bool:
    return _NEIGHBOUR_BEFORE.search(t, max(0, m.start - 40), m.start) is not None


_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
_RELATIVE_GOV = re.compile(r"^(?:我|本|全)(省|市|区|县|州|旗|盟|镇|乡|街道)|^(自治区|省|市|区|县|州|旗|镇|乡)(?:委|政府|人民政府)")
_CENTRAL = re.compile(r"^(?:中华人民共和国)?(?:国务院|司法部|公安部|最高人民法院|最高人民检察院|最高法|国家[\u4e00-\u9fff]{2,12}(?:局|委员会|总局)|"
                      r"[\u4e00-\u9fff]{1,8}部)$")
# a ministry (…部), not the 部 of 部门, 部分, 部署 nor an ordinal's part (第一部分 案件篇)
_CENTRAL_AT = re.compile(r"(?:中华人民共和国)?(国务院|司法部|公安部|最高人民法院|最高人民检察院|最高法(?![院律规])|国家[\u4e00-\u9fff]{2,10}?(?:总局|局|委员会)|"
                         r"(?!第)[\u4e00-\u9fff]{1,6}部)(?![门分署])")
_COURT_AFTER = re.compile(r"(?:人民)?(?:中级)?(?:人民)?法院")


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


_LEAD_AT = re.compile(_LEAD.pattern.lstrip("^"))      # a time lead after a masthead, not only at the start


def _preamble(s: str) -> tuple[int, bool]:
    """Where the subject of an opening starts, past what comes before it: a news masthead
    (本报讯, 某网(某报)讯(通讯员…), 新华社某地3月2日电), a time lead (2022年,), the reporter's
    source (记者从…获悉: the source then speaks, `informant`), the superior's leadership
    (在区委、区政府的正确领导下,) or requirement (按照省司法厅要求,) and an address (坐落于某路的)."""
    off, informant = 0, False
    while True:
        start = off
        for rx in (_MASTHEAD, _LEAD_AT, _INFORMANT, _UNDER, _AS_REQUIRED, _ADDRESS, _ROLE, _SOURCE_SHOWS):
            m = rx.match(s, off)
            if m and m.end() > off:
                off = m.end()
                informant = informant or rx is _INFORMANT
        if off == start:
            return off, informant


# a meeting's venue (全省行政复议工作会议在南昌召开): where it was held, not who reports
_VENUE_AFTER = re.compile(r"(?:隆重|顺利|胜利)?(?:召开|举行|举办|开幕|闭幕)")


def _venue(t: str, m: RegionMention) -> bool:
    return m.start > 0 and t[m.start - 1] in "在于" and _VENUE_AFTER.match(t, m.end) is not None


def visitor(t: str, m: RegionMention) -> bool:
    """A place whose delegation comes to the page's body (江油市考察团来我县…), or that the body
    goes to learn from (赴浙江省安吉县考察学习): the guest or the host of a visit, not the body."""
    if _VISITORS_AFTER.match(t, m.end) is not None:
        return True
    return _VISITED_BEFORE.search(t, max(0, m.start - 12), m.start) is not None \
        and _VISIT_AFTER.match(t, m.end) is not None


_VISITORS_AFTER = re.compile(r"(?:(?!陪同)[^，,。；;：:\n]){0,20}?(?:考察团|代表团|调研组|考察组|学习组|一行)"
                             r"(?:[\u4e00-\u9fff\d]{0,6}?)(?:来(?![到自])|(?:来到|莅临|到)(?=我|本))")
_VISITED_BEFORE = re.compile(r"(?:赴|前往|到)(?:[\u4e00-\u9fff]{1,6}?(?:省|自治区|市|州))?$")
_VISIT_AFTER = re.compile(r"[^，,。；;\n]{0,12}?(?:考察|学习|参观|交流|取经)")   # (not 调研: a superior's survey of the page's place)


def without_guests(t: str, mentions: list[RegionMention]) -> list[RegionMention]:
    """The mentions past the places a visit names (see `visitor`), wherever the page names them
    again (太仓市去年通过调解…96件 after 太仓市司法局考察团来我市): a guest's or host's figures
    are not the page's body."""
    guests = {c for m in mentions if visitor(t, m) for c in m.candidates}
    if not guests:
        return mentions
    return [m for m in mentions if not set(m.candidates) <= guests]


def _subject_in(t: str, g: Gazetteer, start: int, end: int, mentions: list[RegionMention],
                at_start: bool, max_offset: int = 40) -> dict | None:
    """The body a line or an opening sentence is about: a chain of regions, maybe a
    department after it, or a relative department (市市场监管局)."""
    seg = t[start:end]
    blanked = _strip_quoted(seg)
    off, informant = _preamble(blanked)
    blanked = " " * off + blanked[off:]
    s = _subject_after(t, g, start, end, mentions, at_start, max_offset, blanked, off)
    if s is not None:
        s["informant"] = informant
        s["release"] = _RELEASE.search(seg) is not None
    return s


def _subject_after(t, g, start, end, mentions, at_start, max_offset, blanked, off) -> dict | None:
    tl = TOWN_LIST.match(blanked, off)
    county = g.county_of_towns(t, start + tl.start(), start + tl.end()) if tl else None
    if county:
        # the subject is a list of towns by short names (孝丰、梅溪、溪龙等乡镇): their county
        return {"towns": True, "county": county, "candidates": [], "dept": None, "name": None,
                "start": start + off}
    # a place before 某 names an anonymised party (四川某律师事务所, 中山某公司), not the body,
    # and a neighbour (我县与相邻的平利县) another body
    ms = [m for m in _mentions_in(mentions, start, end)
          if blanked[m.start - start:m.end - start].strip() and m.start - start >= 0
          and not t.startswith("某", m.end) and not neighbour(t, m) and not _venue(t, m)
          and not visitor(t, m)]
    # a relative body right at the start: 市市场监管局, 区司法局, 我市, 县政府
    rel = _RELATIVE.match(blanked[off:])
    first_m = ms[0] if ms else None
    if rel and (first_m is None or first_m.start - start > off):
        return {"relative": rel.group(1), "dept": rel.group(1) + rel.group(2), "name": rel.group(0),
                "start": start + off}
    if ms and _RELATIVE_GOV.match(blanked[off:]) and _CLAUSE_BREAK.search(blanked, off, ms[0].start - start):
        ms = []     # 全市共收到…120件,其中社渚镇受理12件: the whole opening the sentence acts; a place
        #             named in a later clause is its part, not the body
    if not ms:
        relg = _RELATIVE_GOV.match(blanked[off:])
        if relg:
            return {"relative": relg.group(1) or relg.group(2), "dept": None, "name": None,
                    "start": start + off}
        central = _CENTRAL_AT.match(blanked[off:])
        if central and _CENTRAL.match(central.group(0)):
            return {"central": True, "name": central.group(0), "start": start + off}
        return None
    m0 = ms[0]
    if at_start and m0.start - start > off + max_offset:
        return None
    chain, j = _chain_at(t, ms, 0)
    # sibling places side by side (孝丰镇 梅溪镇 溪龙乡) are a list, not a chain
    towns = _listed_places(t, g, ms, next((k for k in range(j + 1) if _tier(g, ms[k])), j))
    if towns:
        county, parents = g.parent_of([m.candidates for m in towns])
        return {"towns": True, "county": county, "candidates": parents, "dept": None,
                "name": None if county else t[towns[0].start:towns[-1].end], "start": chain[0].start}
    zone = _zone_after(t, g, chain)
    if zone is not None:
        if zone["code"] is None:
            return zone
        chain = chain + [zone["mention"]]
    after = t[chain[-1].end:chain[-1].end + 24]
    dept = None
    dm = _DEPT.match(after)
    if dm and not _NOT_DEPT.match(dm.group(1)) and not _PARTY.match(dm.group(1)) \
            and not re.match(r"(?:人民政府)?(?:法治|依法|全面|党|委员会|常务委员会|工作委员会)", dm.group(1)) \
            and not re.search(r"[的与及、,，]", dm.group(1)) and len(dm.group(1)) <= 12 \
            and not re.search(r"和(?![\u4e00-\u9fff]{2,6}(?:局|厅|委员会)$)", dm.group(1)):
        dept = dm.group(1)
    if dept in _ZONE_COMMITTEE and _is_zone(g, chain[-1]):
        dept = None     # a zone's 管理委员会 governs the zone: the zone reports, not a department
    branch = None
    if dept:
        bm = _BRANCH.match(t, chain[-1].end + dm.end())
        branch = _branch_region(g, chain[-1], bm.group(1)) if bm else None
        if branch:
            dept += bm.group(0)
    court = bool(_COURT_AFTER.match(after))
    name = t[chain[0].start:chain[-1].end] + (dept or "")
    government = after.startswith(("人民政府", "政府", "行政公署", "行署", "街道办事处", "办事处")) \
        or after.startswith(_ZONE_COMMITTEE) and _is_zone(g, chain[-1])
    return {"chain": chain, "dept": dept, "court": court, "government": government, "name": name,
            "start": chain[0].start, "branch": branch}


_ZONE_COMMITTEE = ("管理委员会", "管委会")


def _is_zone(g: Gazetteer, m: RegionMention) -> bool:
    """Every place the mention may be is a zone of the divisions list (开发区, 新区, 园区)."""
    return all((r := g.get(c)) is not None and ZONE_NAME.search(r.name) for c in m.candidates)


# a zone named by its city and its kind (成都高新区, 某市经开区, 某某新区管委会) and what may follow
# a body's name (a year, 关于, its committee, a bureau)
_ZONE_AFTER = re.compile(r"市?([\u4e00-\u9fff]{0,3}?)(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|"
                         r"开发区|新区|工业园区|保税区)(?=(?:[\u4e00-\u9fff]{1,8}?局)?\s*(?:(?:19|20)\d{2}|关于|管委会|"
                         r"管理委员会|党工委|法治政府|依法行政|$))", re.M)
# a zone's kind right after its city's name names the zone wherever it stands (成都高新区坚持…)
_ZONE_RIGHT_AFTER = re.compile(r"市?()(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区)")
_ZONE_FULL = {"高新区": ("高新技术产业开发区", "高新技术开发区"), "经开区": ("经济技术开发区", "经济开发区")}


def _zone_after(t: str, g: Gazetteer, chain: list[RegionMention]) -> dict | None:
    """A zone right after a city's name (成都高新区): the body is the zone, not the city.
    The zone of the divisions list its name spells out (某市经开区 → 某市经济技术开发区 inside
    that city) as {'code', 'mention'}; a zone the list does not hold stays unresolved
    ({'zone': True, 'code': None}), at the level the list gives zones under such a parent."""
    last = chain[-1]
    if _is_zone(g, last):
        return None
    m = _ZONE_AFTER.match(t, last.end) or _ZONE_RIGHT_AFTER.match(t, last.end)
    if m is None:
        return None
    mid, kind = m.group(1), m.group(2)
    prefixes = {last.surface} | {r.name for c in last.candidates if (r := g.get(c)) is not None}
    found = {c for p in prefixes for full in (kind, *_ZONE_FULL.get(kind, ()))
             for c in g.full.get(p + mid + full, ()) if any(g.within(c, a) for a in last.candidates)}
    if len(found) == 1:
        code = found.pop()
        return {"code": code, "mention": RegionMention(last.start, m.end(), t[last.start:m.end()], (code,), "full")}
    parents = {r.level for c in last.candidates if (r := g.get(c)) is not None}
    level = "township" if parents == {"county"} else "district" if parents <= {"city", "province"} else None
    rest = t[m.end():m.end() + 24]
    dm = _DEPT.match(rest)
    dept = dm.group(1) if dm and not rest.startswith(_ZONE_COMMITTEE) and not _NOT_DEPT.match(dm.group(1)) else None
    return {"zone": True, "code": None, "level": level, "dept": dept,
            "name": t[chain[0].start:m.end()] + (dept or ""), "start": chain[0].start}


# a city bureau's branch in a county or district: 杭州市公安局萧山区分局, 湖州市生态环境局长兴分局
_BRANCH = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:区|县|市|新区)?分局")


def _branch_region(g: Gazetteer, city: RegionMention, place: str) -> str | None:
    """The one county or district inside the bureau's region that `place` names (萧山,
    长兴, 西湖)."""
    codes = {c for suffix in ("", "区", "县", "市") for c in (*g.alias.get(place, ()), *g.full.get(place + suffix, ()))}
    inside = {c for c in codes if (r := g.get(c)) is not None and r.level in ("county", "district")
              and any(g.within(c, p) and c != p for p in city.candidates)}
    return inside.pop() if len(inside) == 1 else None


_LIST_SEP = re.compile(r"\s*(?:[、,，]|和|及|与|以及)?\s*")


_TIERS = {"township": "town", "county": "county", "district": "county"}


def _tier(g: Gazetteer, m: RegionMention) -> str | None:
    """'town' or 'county' when every candidate of the mention is one, else None."""
    tiers = {_TIERS.get(r.level) if (r := g.get(c)) is not None else None for c in m.candidates}
    return tiers.pop() if len(tiers) == 1 else None


def _listed_places(t: str, g: Gazetteer, ms: list[RegionMention], j: int) -> list[RegionMention]:
    """The places of one tier in a list that opens on ms[j] (孝丰镇、梅溪镇和溪龙乡…,
    吴兴区、南浔区、德清县…): two towns or more, three counties or more; else []."""
    tier = _tier(g, ms[j])
    if tier is None:
        return []
    out = [ms[j]]
    k = j
    while k + 1 < len(ms) and _LIST_SEP.fullmatch(t[ms[k].end:ms[k + 1].start]) and _tier(g, ms[k + 1]) == tier:
        out.append(ms[k + 1])
        k += 1
    # two towns are a county's list; two counties may be a joint action, three are a city's
    return out if len(out) >= (2 if tier == "town" else 3) else []


_SENTENCE_END = re.compile(r"[。;；!?！？]")


def _openings(lines: list[_Line], first_para: _Line | None, sentences: int = 4,
              paragraphs: int = 3) -> list[tuple[int, int]]:
    """The spans where the body that acts is looked for, in order: the first sentences of
    the first prose paragraph (a feature may open on its background), then the first
    sentence of the next paragraphs (a report may open on the laws it follows)."""
    if first_para is None:
        return []
    out: list[tuple[int, int]] = []
    k = next(i for i, ln in enumerate(lines) if ln is first_para)
    paras = [ln for ln in lines[k:k + 12]
             if (_is_prose(ln.text) or _opening_like(ln.text)) and not addressee_line(ln.text)][:paragraphs]
    for n, ln in enumerate(paras):
        pos = ln.start
        for _ in range(sentences if n == 0 else 1):
            m = _SENTENCE_END.search(ln.text, pos - ln.start)
            end = ln.start + m.end() if m else ln.end
            if end - pos >= 4:
                out.append((pos, end))
            if end >= ln.end:
                break
            pos = end
    return out


# the levels a relative body's word allows (市: a city, a county-level city or a 直辖市)
_RELATIVE_LEVELS = {"省": ("province",), "自治区": ("province",), "市": ("city", "county", "province"),
                    "州": ("city",), "盟": ("city",), "区": ("district",), "县": ("county",), "旗": ("county",)}


def _fits_relative(g: Gazetteer, m: RegionMention, relative: str) -> bool:
    levels = _RELATIVE_LEVELS.get(relative, ())
    regions = [g.get(c) for c in m.candidates]
    return bool(regions) and all(r is not None and r.level in levels and r.name.endswith(relative)
                                 for r in regions)


# a site's navigation under its banner (首页 > 部门动态, 当前位置: …)
_NAVIGATION = re.compile(r"\s*(?:您的位置|当前位置|您当前的位置|首页)\s*[:：>»/]?")
# the page speaks as a department or a township of the site's government (我局…, 本街道…)
_FIRST_PERSON_LOWER = re.compile(r"(?:我|本)(?:局|委|办|中心|镇|乡|街道)")


def _site_banner(lines: list[_Line], bl: _Line) -> bool:
    """A government's name on the page's first line with the site's navigation right under it
    (荔波县人民政府 ⏎ 首页 > 部门动态): the site's banner, which names the site's owner; the
    report on the page may be one of its departments' or townships'."""
    if not lines or lines[0] is not bl:
        return False
    return len(lines) > 1 and bool(_NAVIGATION.match(lines[1].text))


def _within(lower: dict, upper: dict) -> bool:
    """`lower` names a department or township of the place `upper` names (its chain's last link)."""
    if not (lower.get("chain") and upper.get("chain")):
        return False
    ups = upper["chain"][-1].candidates
    return any(c.startswith(u) for c in lower["chain"][-1].candidates for u in ups) \
        and (bool(lower.get("dept")) or any(len(c) > 6 for c in lower["chain"][-1].candidates))


def _banner_last(tries: list[tuple[str, dict]], banners: list[dict],
                 first_para) -> list[tuple[str, dict]]:
    """The tries with the site's banner (`banners`: its subjects) put after the page's own
    subject where the opening speaks as a lower body (2023年,我局… / 2023年,潘火街道…) and that
    body, named by the opening or the page's 来源 line, is a department or township of the
    banner's place."""
    if not banners:
        return tries
    opening = first_para.text[:60] if first_para else ""
    rest = [(src, s) for src, s in tries if not any(s is b for b in banners)]
    lower = any(_within(s, banners[0]) for src, s in rest
                if src == "opening" or (src == "source" and _FIRST_PERSON_LOWER.search(opening)))
    return rest + [(src, s) for src, s in tries if any(s is b for b in banners)] if lower else tries


# the opening's first sentence going on to the whole place's figures (县司法局坚持复议为民,全县共
# 收到…): the department writes the place's account of its own field, the place reports
_WHOLE_IN_FIRST_SENTENCE = re.compile(r"[^。;；\n]*?[,，]\s*全[省市县区旗州盟](?:共|累计|全年)[^。;；\n]*?\d")


def _find_body(t, g, mentions, title_line, body_lines, first_para, lines, year, headlines=()) -> dict:
    mentions = without_guests(t, mentions)
    tries: list[tuple[str, dict]] = []
    banners: list[dict] = []
    if title_line is not None:
        s = _subject_in(t, g, title_line.start, title_line.end, mentions, at_start=False)
        if s:
            tries.append(("title", s))
    for bl in body_lines:
        s = _subject_in(t, g, bl.start, bl.end, mentions, at_start=True)
        if s:
            tries.append(("body_line", s))
            if _site_banner(lines, bl):
                banners.append(s)
    later: list[dict] = []       # the subjects of the opening's next sentences
    for st, en in _openings(lines, first_para):
        s = _subject_in(t, g, st, en, mentions, at_start=True)
        if s and not any(src == "opening" for src, _ in tries):
            tries.append(("opening", s))
        elif s and s.get("chain"):
            later.append(s)
    for hl in headlines:
        if hl is not title_line:
            s = _subject_in(t, g, hl.start, hl.end, mentions, at_start=False)
            if s and not s.get("relative"):
                tries.append(("headline", s))
                if _site_banner(lines, hl):
                    banners.append(s)
    for ln in lines[:15]:
        m = _SOURCE_LINE.search(ln.text)
        if m:
            st = ln.start + m.start(1)
            s = _subject_in(t, g, st, st + len(m.group(1)), mentions, at_start=True, max_offset=2)
            if s and not s.get("relative") and not _MEDIA.search(m.group(1)):
                tries.append(("source", s))
    tries = _banner_last(tries, banners, first_para)
    # the first non-relative candidate decides; a relative one (市市场监管局) is completed
    # by the region the text names most
    chosen = None
    for src, s in tries:
        if s.get("chain") or s.get("central") or s.get("towns") or s.get("zone"):
            if chosen is not None and chosen.get("dept") and s.get("chain") and not s.get("dept") \
                    and _fits_relative(g, s["chain"][-1], chosen["relative"]):
                # a department by its relative name (市外办) first, its place later (丽水市…)
                chosen = dict(s, source=src, dept=chosen["dept"][len(chosen["relative"]):],
                              name=s["name"] + chosen["dept"][len(chosen["relative"]):], relative_dept=chosen)
                break
            chosen = dict(s, source=src)
            break
        if chosen is None and s.get("relative"):
            chosen = dict(s, source=src)
    if chosen is None:
        chosen = {"source": "none"}
    opening = next((s for src, s in tries if src == "opening"), None)
    if chosen.get("source") == "title" and chosen.get("chain") and not chosen.get("dept") \
            and opening and opening.get("relative") and opening.get("dept") \
            and _fits_relative(g, chosen["chain"][-1], opening["relative"]) \
            and not _WHOLE_IN_FIRST_SENTENCE.match(first_para.text if first_para else ""):
        # a place in the title, its department acting in the opening (丽水市…报告 / 市外办坚持…)
        dept = opening["dept"][len(opening["relative"]):]
        chosen = dict(chosen, dept=dept, name=chosen["name"] + dept,
                      informant=chosen.get("informant") or opening.get("informant"),
                      release=chosen.get("release") or opening.get("release"))
    # a title whose subject is the superior's name while an explicit chain names a
    # lower body (a body line 鲤城区人民政府金龙街道办事处) is fine: the chain's last link wins
    chosen["year"] = year
    chosen["mentions"] = mentions
    chosen["later"] = later
    chosen["banner"] = any(chosen.get("start") == b.get("start") for b in banners)
    return chosen
