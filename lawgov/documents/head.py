"""A report's head as lines: the normalised text (lawgov.text: simplified characters,
half-width forms) with its clause marks half-width too and pinyin glosses dropped, its lines, and which of them are the title, the
body lines, the headlines, the addressee and the first prose paragraph; the region names
found there, scanned only where asked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawgov.documents.regions import Gazetteer, RegionMention
from lawgov.text.links import LINKS_ON_ONE_LINE, RELATED_READING
from lawgov.text.prefilter import matches_at


# The clause and sentence marks lawgov.text.normalise keeps full-width (the extractor reads
# both widths); the head's patterns are written with the half-width ones.
HALF_WIDTH_MARKS = {0xFF0C: ",", 0xFF1B: ";", 0xFF1A: ":", 0xFF01: "!", 0xFF1F: "?"}


def half_width_marks(text: str) -> str:
    """`text.translate(HALF_WIDTH_MARKS)`, by five C-speed replaces instead of a dict
    lookup per character (the marks map to characters that are not marks themselves)."""
    for cp, ch in HALF_WIDTH_MARKS.items():
        mark = chr(cp)
        if mark in text:
            text = text.replace(mark, ch)
    return text


_CHROME = re.compile(r"首页|当前位置|您的位置|字体|字号|浏览|阅读次数|打印|关闭|分享|扫一扫|无障碍|移动版|"
                     r"繁体|English|网站地图|登录|注册|搜索|政务公开\s*>|>\s*|【|智能问答|责任编辑|"
                     r"在线|微信|微博|收藏|"
                     # a footer's lines: the site's owner (主办:某市人民政府办公室), its licences
                     r"主办单位|主办\s*:|承办\s*:|主管\s*:|版权所有|ICP备|公网安备|网站标识码|"
                     r"地址\s*:|联系电话|邮政编码|邮编\s*:")


_TITLE_WORDS = re.compile(r"报告|白皮书|通报|统计|纪实|情况|总结|数据|公报|年报|综述|工作要点|成效")
_BODY_LINE = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{2,30}(?:人民政府|政府|办事处|人民法院|法院|局|厅|部|署|委员会|办公室)$")


_SOURCE_LINE = re.compile(r"(?:来源|发布单位|发布机构|发文机关|信息来源|作者)\s*[::]\s*([^\s|【】]{2,40})")
_ADDRESSEE = re.compile(r"^[^。;;]{2,120}[::]\s*$")


_DATE = r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"   # year, month, day


_DATE_ANY = re.compile(_DATE + r"日?")
_GLOSS = re.compile(r"[((][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}[))]")


_MASTHEAD = re.compile(
    r"\s*(?:本报讯|本网讯|[\u4e00-\u9fff]{1,12}?(?:报|网|台|社|客户端)(?:[((][^()()\n]{0,20}[))])?讯"
    # an agency's or a paper's dateline: 新华社兰州3月2日电, 中新网杭州3月2日电, 本报长沙3月2日讯, a site
    # and its app with the hour (某网-新某地客户端1月21日15时讯)
    r"|[\u4e00-\u9fff]{0,8}?(?:社|网|报|台|客户端)(?:\s*[-—–·]\s*[\u4e00-\u9fff]{1,10}?(?:社|网|报|台|客户端))?"
    r"[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日(?:\d{1,2}时(?:\d{1,2}分)?)?(?:电|讯|消息)"
    # a paper quoted as the source (据浙江日报报道,) and a byline alone ((记者 王某 通讯员 李某))
    r"|据[\u4e00-\u9fff]{2,12}?(?:报|网|台|客户端|新闻)(?:报道|消息)\s*[,，]?"
    r"|[((]\s*(?:记者|通讯员|见习记者|特约记者|融媒记者)[^()()\n]{0,40}[))]"
    r"|[\u4e00-\u9fff]{2,12}?消息)"
    r"\s*(?:[((][^()()\n]{0,40}[))])?\s*[::]?\s*(?:(?:记者|通讯员)[^,,::。\n]{0,30}?报道\s*[::]?)?\s*")


@dataclass(slots=True)
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
    if "。" in s:
        return True
    commas = s.count(",") + s.count("，")
    return commas >= 2 or (commas >= 1 and s.endswith((":", "：")))


_OPENING = re.compile(r"\s*(?:(?:19|20)\d{2}年(?:度|以来)?|今年以来|近年来|过去一年)[,，]")


def _opening_like(s: str) -> bool:
    """An opening sentence (2022年,X市坚持…), not a title."""
    return bool(_OPENING.match(s))


def _is_chrome(s: str) -> bool:
    if s.count("|") >= 2 or s.count(">") >= 2:
        return True
    # a title's tag (【年度报告】, 【专题】) is not the site's 【字体】【打印】
    tag = _TAG.match(s)
    if tag and not _CHROME.search(tag.group(1)):
        s = s[tag.end():]
    return bool(_CHROME.search(s)) and not _is_prose(s) and len(s) < 80


_TAG = re.compile(r"\s*【([^】]{1,8})】")
_CONGRESS_LINE = re.compile(r"\s*[—－-]*\s*[(（]?\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*在(?P<place>[\u4e00-\u9fff]{2,20}?)第[一二三四五六七八九十\d]+届人民代表大会")
_NAMES_A_BODY = re.compile(r"人民法院|法院|人民政府|政府|局|厅")
# a site's banner, its name alone on a line (某某法院网, 某某市人民政府门户网站)
_SITE_BANNER = re.compile(r"\s*(?:[\u4e00-\u9fff·]{2,16}(?:(?:法院|政府|新闻|日报|人民)网|网站|门户|官网)"
                          r"|[\u4e00-\u9fff]{2,4}(?:法治|政务|司法|普法)网)\s*")


def _strip_quoted(s: str) -> str:
    """Blank out 《…》 and “…” so names of laws, papers and plans do not count as subjects."""
    return re.sub(r"《[^》]{0,80}》|“[^”]{0,40}”|\"[^\"]{0,40}\"", lambda m: " " * len(m.group()), s)


# a pinyin gloss some sites put after characters: 区(qū), 复(fù), 行(xing)(xing)
class _HeadMentions:
    """The region mentions of the head (the first `limit` characters, newspaper names
    blanked), scanned only where asked: the lines that decide the reporting body are
    scanned one by one; the whole head only when a shared name needs the rest of the text
    as evidence (iterating the object). A scan from the start of a line gives exactly the
    mentions a scan of the whole head finds in that line, because no name spans a line
    break."""

    __slots__ = ("g", "text", "end", "_all", "_seg", "_original")

    def __init__(self, g: Gazetteer, t: str, limit: int):
        self.g = g
        self._original = t
        self.text = _strip_quoted_keep(t, limit)
        self.end = min(len(t), limit)
        self._all: list[RegionMention] | None = None
        self._seg: dict[int, tuple[int, list[RegionMention]]] = {}   # line start → (scanned to, mentions)

    def all(self) -> list[RegionMention]:
        if self._all is None:
            self._all = self.g.find(self.text, 0, self.end)
        return self._all

    def __iter__(self):
        return iter(self.all())

    def in_papers(self) -> list[RegionMention]:
        """The places in the newspaper names blanked (四川法治报: 四川): no body, but a local
        paper's place may complete a relative body of its level (我省)."""
        if self.text is self._original:
            return []
        t = self._original
        return [m for pm in _PAPER_NAME.finditer(t, 0, self.end) for m in self.g.find(t, pm.start(), pm.end())]

    def within(self, start: int, end: int) -> list[RegionMention]:
        """The mentions inside text[start:end], as the whole-head scan finds them."""
        if self._all is not None:
            return [m for m in self._all if m.start >= start and m.end <= end]
        text = self.text
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", max(end, a))
        b = min(len(text) if b == -1 else b, self.end)
        # The scan from the line's start need not go to its end: what find() decides at a
        # position depends on what it decided before and on the names that start there
        # (none longer than g.longest), so a scan that reaches `end + g.longest` finds
        # every mention that ends by `end` as the scan to b does. (A scan further, kept
        # from another request from the same line start, finds them too: b is a line's
        # end there, which no name crosses.) A later request in the line that needs more
        # scans again, at least twice as far.
        need = min(b, end + self.g.longest)
        seg = self._seg.get(a)
        if seg is None or seg[0] < need:
            stop = need if seg is None else min(b, max(need, 2 * seg[0] - a))
            seg = self._seg[a] = (stop, self.g.find(text, a, stop) if a < stop else [])
        return [m for m in seg[1] if m.start >= start and m.end <= end]


def _strip_quoted_keep(t: str, limit: int) -> str:
    """The text with quoted titles of laws and plans blanked (same length), but a report's
    own quoted region names in 《X市…》 are still useful evidence for disambiguation: only
    newspaper names (《南阳日报》, 湖南日报, 某广播电视台) are blanked."""
    if t.find("报》", 0, limit) == -1 and t.find("网》", 0, limit) == -1 \
            and not _PAPER_HINT.search(t, 0, limit):
        return t            # no paper name can match (each ends in 报》 or 网》, or holds a hint)
    head = t[:limit]
    parts = []
    pos = 0
    for m in _paper_names(head):
        a, b = m.span()
        parts.append(head[pos:a])
        parts.append(" " * (b - a))
        pos = b
    if not parts:
        return t
    parts.append(t[pos:])
    return "".join(parts)


_PAPER_WORDS = ("日报", "晚报", "都市报", "法治报", "法制报", "电视台")


def _paper_names(s: str):
    """_PAPER_NAME.finditer(s), with the pattern tried only where a match can start: a match
    of its second branch ends in one of _PAPER_WORDS (广播电视台 in 电视台) after two to six
    characters (eight before 电视台), one of its first in 报》 or 网》 within fifteen of its
    《. Trying it at every character (its branches have no common first character) cost
    more than the rest of the head's preparation."""
    starts = set()
    find = s.find
    for word in _PAPER_WORDS:
        k = find(word)
        while k != -1:
            starts.update(range(max(0, k - 8), k))
            k = find(word, k + 1)
    for end in ("报》", "网》"):
        k = find(end)
        while k != -1:
            starts.update(i for i in range(max(0, k - 15), k) if s[i] == "《")
            k = find(end, k + 1)
    return matches_at(_PAPER_NAME, sorted(starts), s)


_PAPER_HINT = re.compile(r"日报|晚报|都市报|法治报|法制报|电视台")
_PAPER_NAME = re.compile(r"《[^》]{0,12}(?:日报|晚报|报|网)》"
                         r"|[\u4e00-\u9fff]{2,6}?(?:日报|晚报|都市报|法治报|法制报|广播电视台|电视台)(?:社)?")


# an item of a list of links: a bullet, or a headline closed by its date
_LINK_ITEM = re.compile(r"\s*[·•●▪◆■]|.*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*$")


def _addressee_shape(s: str) -> bool:
    """A short line ending with a colon that names bodies: how an addressee line looks (an
    opening that announces a list, 某局重点做好以下工作:, may look so too)."""
    return bool(_ADDRESSEE.match(s)) and len(s) <= 60 and not _opening_like(s) \
        and re.search(r"政府|人大|委|各|局|厅|部门|单位|领导|国务院", s) is not None \
        and not _SOURCE_LINE.search(s) and not re.search(r"时间|日期|如下", s)


# one body an addressee line lists (各县(市、区)人民政府, 市直有关单位, 东湖区管委会, 各位代表)
_ADDRESSED_BODY = re.compile(r"(?:[^,，、;；:：]{0,30}(?:政府|委员会|管委会|委|办|局|厅|院|会|单位|部门|机关|办公室|处|室|代表|领导|同志|公司|"
                             r"区|县|市|镇|乡|街道|旗|州|盟))"
                             r"(?:[(（][^()（）]{0,12}[)）])?")


def addressee_line(s: str) -> bool:
    """A line of the bodies a notice or report is sent to (各县(市、区)人民政府,市直有关单位:): the
    addressee's shape, and nothing but bodies listed. Named there, a body is addressed, never
    the one that acts."""
    if not _addressee_shape(s):
        return False
    names = re.split(r"[,，、;；]", re.sub(r"[(（][^()（）]*[)）]", "", s.strip().rstrip(":：")))
    return all(_ADDRESSED_BODY.fullmatch(n.strip()) for n in names if n.strip())


def _structure(lines: list[_Line]):
    """(title, title line, body-name lines, first prose paragraph, addressee lines, the
    short lines of the top that may be a headline, the lines that link other pages)."""
    title = title_line = None
    body_lines: list[_Line] = []
    addressees: list[_Line] = []
    links: list[_Line] = []    # a sidebar's items and other reports' titles above this one's
    first_para: _Line | None = None
    seen_sentence = False
    in_links = False
    links_at = -2              # the last line of a links head or item
    run: list[int] = []        # the title's line and the title-shaped lines right after it
    after_links = False
    for idx, ln in enumerate(lines[:40]):
        s = ln.text
        if RELATED_READING.fullmatch(s) or LINKS_ON_ONE_LINE.match(s) or (in_links and _LINK_ITEM.match(s)):
            in_links = True        # a sidebar of links to other pages: their titles are not this one's
            links_at = idx
            links.append(ln)
            continue
        in_links = False
        if _addressee_shape(s):
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
        if not seen_sentence and 6 <= len(s) <= 100 and _TITLE_WORDS.search(s) \
                and not _BYLINE.fullmatch(s) and not _BULLET_ITEM.match(s):
            if title is None:
                title, title_line, run, after_links = s, ln, [idx], links_at == idx - 1
            elif run and idx == run[-1] + 1:
                run.append(idx)    # a list of reports' titles (相关文章, 往期回顾, or three or more
                if after_links or len(run) >= 3:   # in a row): the page's own is the last, right
                    title, title_line = s, ln      # above its date or text
    if title_line is not None:
        links += [lines[i] for i in run if lines[i].start < title_line.start]
    headlines = [ln for ln in lines[:8] if _headline_like(ln.text) and ln not in links]
    if len(headlines) > 1 and _SITE_BANNER.fullmatch(headlines[0].text) and _NAMES_A_BODY.search(headlines[1].text):
        headlines = headlines[1:]  # (a site's banner, 某某法院网, over a headline that names its body)
    if title is None and headlines:
        title_line = headlines[0]
        title = title_line.text
    if title_line is not None and (at := _congress_place(lines, title_line)) is not None:
        body_lines.append(at)      # 政府工作报告 ⏎ ——在某市某区第八届人民代表大会…上: that place's report
    if title and body_lines and title_line and body_lines[-1].end < title_line.start \
            and not any(m for m in [re.match(r"^[\u4e00-\u9fff]{2,}(?:市|县|区|省|旗|州|镇|乡)", title)]):
        title = body_lines[-1].text + title
    # a title like '上海市行政复议体制改革一周年白皮书 (2022-11-23)' keeps its date out
    if title:
        title = _GLOSS.sub("", title)
        title = re.sub(r"\s*[((]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s*[))]\s*$", "", title)
    return title, title_line, body_lines, first_para, addressees, headlines, links


def _congress_place(lines: list[_Line], title_line: _Line) -> _Line | None:
    """The place whose people's congress a report was given at, from the line under its title
    (——在某市某区第八届人民代表大会第四次会议上), as a line of its own."""
    k = next((i for i, ln in enumerate(lines) if ln is title_line), None)
    if k is None or k + 1 >= len(lines):
        return None
    ln = lines[k + 1]
    h = _CONGRESS_LINE.match(ln.text)
    return _Line(ln.start + h.start("place"), ln.start + h.end("place"), h.group("place")) if h else None


def _headline_like(s: str) -> bool:
    """A short line before the text that may be a news headline; an item of a bulleted list
    (· 某区2023年…报告) links another page."""
    return (not _is_chrome(s) and not _is_prose(s) and 4 <= len(s) <= 60 and not _ADDRESSEE.match(s)
            and not _SOURCE_LINE.search(s) and not _DATE_ANY.search(s) and not s.endswith("。")
            and not _BYLINE.fullmatch(s) and not _LINK_ITEM.match(s))


# an item of a bulleted list (▶ 成效:2020年以来,…): a point of the text, no title
_BULLET_ITEM = re.compile(r"\s*[▶▷►●○■□◆◇▪•·]")
# a reporter's byline (某省法治报全媒体记者 王某, 通讯员 王某 张某): who wrote, no title
_BYLINE = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,12}?(?:报|台|网|社|中心|融媒))?(?:全媒体|特约|见习|首席)?"
                     r"(?:记者|通讯员|作者|撰稿|摄影|编辑)\s*[:：]?\s*[\u4e00-\u9fff]{2,3}"
                     r"(?:[\s\u3000、]+(?:通讯员|记者)?\s*[\u4e00-\u9fff]{2,3})*\s*"
                     r"|\s*[\u4e00-\u9fff]{0,8}讯\s*[(（][^()（）]{0,30}[)）]\s*")     # (本报讯 (通讯员 某某))
