"""Structure: a document's masked text, paragraphs, sentences, clauses and cue matches.

Parenthetical asides and 《titles》 are blanked in a copy of the text (the mask), so a cue
or a year inside them never speaks for the figures outside. Everything is computed once
per document and looked up by position with bisect.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from lawgov.extract.mentions import Windows
from lawgov.extract.reading.rules import (CTX, FAMILY_RX, HEADING_NUMBERS, LEAD_CUES, MASK_CH, PAREN, QUOTE, TITLE,
                                          figure_filter)
from lawgov.text import clauses as split_clauses
from lawgov.text.links import bullet_links_start, text_begun

# a lone 一 or 两 with a unit is as often a word (下一篇, 一次性, 两个责任) as a count: it stays,
# unless a case's unit and a clause's end follow it (不予受理两件。)
ONE_WORDS = frozenset({"一", "两"})
ONE_COUNT_AFTER = re.compile(r"\s*(?:件|起|宗)\s*(?:[，,。；;、)）]|$)")
_NOT_MASKED = re.compile(f"[^{MASK_CH}]")    # (a figure's characters the mask left)


class Place(NamedTuple):
    """Where a quantity sits, and its lead: the words since the previous number of its clause
    (in the same parenthesis), or since the clause start. (A named tuple: one is made for every
    figure, several times faster than a frozen dataclass, and as immutable.)"""
    sent: tuple[int, int]
    clause: tuple[int, int]
    para: int
    paren: tuple[int, int] | None
    lead_start: int
    lead: str
    prev_idx: int | None


_LEAD_PAIRS = [(id(cue.rx), cue) for cue in LEAD_CUES]     # (Windows.live)
_NAMED_PAIRS: dict[int, tuple] = {}       # id() of a list of (name, rx) → (the list, its pairs)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
# a line opening on one year (2022年行政复议工作情况) after the page's title: a section for that year
YEAR_SECTION = re.compile(r"\s*(?:19|20)\d{2}\s*年度?(?![\d至到—–\-~以来])")
_YEAR_ONLY = re.compile(r"(?:19|20)\d{2}\s*年度?")
_TITLE_STOP = re.compile("[。：:，,；;]")    # where a numbered heading's title ends
TITLE_MAX = 80           # characters of a first line that can be a title
# a news agency's or a paper's dateline (新华社广州1月30日电, 中新网郑州3月2日电, 本报长沙3月2日讯)
DATELINE = re.compile(r"(?:[\u4e00-\u9fff]{1,6}?(?:社|网|报|台|客户端))[\u4e00-\u9fff]{1,8}?\d{1,2}月\d{1,2}日"
                      r"(?:\d{1,2}时(?:\d{1,2}分)?)?(?:电|讯)")
# …found from its end, a date filed on (1月30日电), so the text is not searched at every character
DATELINE_END = re.compile(r"\d{1,2}月\d{1,2}日(?:\d{1,2}时(?:\d{1,2}分)?)?[电讯]")
# the last word of a document's title (…年度报告, …工作总结, …白皮书)
DOCUMENT_TITLE_END = re.compile(r"(?:报告|总结|年报|白皮书|公报)\s*(?:[(（][^()（）]{0,8}[)）])?\s*$")
CHROME_LINES = 6         # lines of a site's chrome (site, breadcrumb, date, font size) before a title
# a breadcrumb's or a menu's separators
CHROME_MARKS = re.compile(r"[>＞»|]|【[^】]{0,6}(?:字体|字号|打印|关闭)")
# a site's menu set out with spaces (首页 政务公开 政府信息公开指南 政府信息公开年报): four or more
# short items of words only, no mark of a sentence; three when one is a site's own (首页, 通知公告)
MENU_LINE = re.compile(r"\s*[\u4e00-\u9fff]{2,10}(?:\s+[\u4e00-\u9fff]{2,10}){3,}\s*"
                       r"|\s*(?=[^\n]*(?:首页|主页|网站地图|通知公告|政务公开))[\u4e00-\u9fff]{2,10}(?:\s+[\u4e00-\u9fff]{2,10}){2}\s*")


def menu_line(line: str) -> bool:
    """A line that is a site's menu of links, by | or > or by spaces between its items."""
    return bool(CHROME_MARKS.search(line) or MENU_LINE.fullmatch(line))
# the characters a numbered heading (rules.HEADING_NUMBERS) begins with, besides digits and ①-⑳
_HEADING_FIRST = set("一二三四五六七八九十(（第")


@dataclass(frozen=True)
class Heading:
    start: int
    end: int              # where the text it heads begins
    level: int            # 0 the title, 1 一、 2 (一) 3 1. 4 (1) 5 ①; an unnumbered short line is 2
    text: str


class Structure:
    """Positions of a document's parts; mixed into `Analysis`."""

    def related_reading_start(self) -> int:
        """Where the links to other articles begin (a line 相关阅读 …), else the text's end; also
        finds the lines that link one other article (上一篇: …)."""
        if self._related is None:
            self._related = bullet_links_start(self.t)   # (unmasked: a heading's (二) is kept)
            for ps, pe in self.paras:
                if ps >= self._related:
                    break
                if CTX["related_reading"].fullmatch(self.m, ps, pe) and text_begun(self.m, ps):
                    self._related = ps     # (a links line before the page's text begins is a
                    break                  # site's sidebar: the page's own text follows it)
            self._link_lines = [(ps, pe) for ps, pe in self.paras if CTX["link_line"].match(self.m, ps, pe)]
        return self._related

    def head_text(self) -> str:
        """The document's head, where the reporting body names itself: its title line when it
        has one (short, no sentence; after a site's breadcrumb or date line), and the text
        before its first figure (at most 300 characters). A page that opens in prose (an
        excerpt) has only the text before its first figure: the places its first paragraph
        goes on to list are not its own name."""
        first_figure = self.qstarts[0] if self.qstarts else len(self.t)
        first_line = 0
        for ps, pe in (self.paras[:1] + [self.title_para() or (0, 0)]) if self.paras else []:
            if pe - ps <= TITLE_MAX and "。" not in self.t[:pe]:
                first_line = max(first_line, pe)
        return self.t[:min(300, max(first_line, first_figure))]

    def title_para(self) -> tuple[int, int] | None:
        """The page's first paragraph that is not a site's chrome (首页 > 政务公开, 发布时间:…,
        【字体:大 中 小】): where a title stands. None when every paragraph of the head is."""
        if getattr(self, "_title_para", False) is not False:
            return self._title_para
        self._title_para = None
        for ps, pe in self.paras[:CHROME_LINES + 1]:
            line = self.t[ps:pe]
            if not line.strip():
                continue
            if self._chrome_line(line):
                continue
            self._title_para = (ps, pe)
            break
        return self._title_para

    @staticmethod
    def _chrome_line(line: str) -> bool:
        """A line of a site's chrome: a menu or breadcrumb (首页 | 政务公开, 首页 > 工作动态), a
        date or source line, 【字体:大 中 小】."""
        return menu_line(line) or bool(CTX["page_chrome"].search(line) and (":" in line or "：" in line))

    def in_link_line(self, pos: int) -> bool:
        self.related_reading_start()
        return bool(self._link_lines) and any(ps <= pos < pe for ps, pe in self._link_lines)

    def headings(self) -> list[Heading]:
        """Section headings, in order: a numbered paragraph's title (up to its first stop, when
        short and without figures: (一)行政复议工作, 1.办理情况。) or a short line of its own."""
        if self._headings is not None:
            return self._headings
        out = []
        in_head = True
        n_head = 0            # the head's paragraphs that are not a site's chrome (menus, breadcrumb, date)
        m, t = self.m, self.t
        for n_para, (ps, pe) in enumerate(self.paras):
            if not in_head and pe - ps > 20 and not m[ps].isspace() and not m[pe - 1].isspace() \
                    and not _may_open_heading(t[ps]):
                continue      # a line of more than 20 characters that opens on no ordinal
            text = m[ps:pe]
            in_head = in_head and n_head < 4 and n_para <= 2 * CHROME_LINES and "。" not in text
            if in_head and not self._chrome_line(text):
                n_head += 1
            if in_head and len(text.strip()) <= 60 and not any(c in "。；;|>:：" for c in text) \
                    and not MENU_LINE.fullmatch(text) and (n_para == 0 or (not CTX["page_chrome"].search(text) and _names_a_family(text)
                                         and not self._numbered(ps, text))) \
                    and not (n_head >= 2 and YEAR_SECTION.match(text)):
                # the page's title (龙岗区2024年行政复议案件情况公开), also a line naming a subject
                # under a site's name or a breadcrumb: the subject of the whole page, under every
                # section, until a sentence or heading names another
                out.append(Heading(ps, pe, 0, text.strip()))
                continue
            if in_head and len(text.strip()) <= TITLE_MAX and DOCUMENT_TITLE_END.search(text) \
                    and not any(c in "。；;|>:：" for c in text) and not self._numbered(ps, text):
                # a document's title under a site's banner (某市人民政府 ⏎ 2024年某市政府工作报告):
                # the title, whose year is the one it was given in, not a section's period
                out.append(Heading(ps, pe, 0, text.strip()))
                continue
            lead = len(text) - len(text.lstrip())
            level = None
            raw = self.t[ps:pe]             # (the mask blanks the 四 of (四): read the ordinal unmasked)
            c = raw[lead:lead + 1]
            if c and _may_open_heading(c):
                for n, rx in enumerate(HEADING_NUMBERS, start=1):
                    h = rx.match(raw, lead)
                    if h:
                        level, body = n, h.end()
                        break
            if level is None:
                if len(text.strip()) <= 20:
                    bare = _YEAR.sub("", text)
                    if len(bare.strip()) >= 2 and not any(map(str.isdigit, bare)) \
                            and not any(c in bare for c in "。,，;；|") and not MENU_LINE.fullmatch(text):
                        out.append(Heading(ps, pe, 2, text.strip()))
                continue
            k = _TITLE_STOP.search(text, body)
            stop = k.start() if k else len(text)
            title = text[body:stop]
            bare = _YEAR.sub("", title)         # a year may head a section (三、2024年工作计划)
            if 0 < len(title) <= 30 and (len(bare) >= 2 or _YEAR_ONLY.fullmatch(title.strip())) \
                    and not any(map(str.isdigit, bare)):   # ((一)2021年: a section for one year)
                out.append(Heading(ps, ps + stop, level, title))
        self._headings = out
        return out

    def _numbered(self, ps: int, text: str) -> bool:
        """The paragraph at ps opens with a heading's number ((一), 1., 第一部分), read unmasked:
        the mask blanks the 一 of (一)."""
        at = ps + len(text) - len(text.lstrip())
        return any(rx.match(self.t, at) for rx in HEADING_NUMBERS)

    def place_of(self, idx: int) -> Place:
        q = self.qs[idx]
        sent = self.sentence_of(q.start)
        clause = self.clause_of(q.start, sent)
        paren = self.paren_of(q.start)
        lead_start = clause[0] if paren is None else max(clause[0], paren[0] + 1)
        prev_idx = None
        for j in range(idx - 1, -1, -1):
            pq = self.qs[j]
            if pq.tail <= lead_start or pq.start < clause[0]:
                break
            if self.paren_of(pq.start) == paren:
                lead_start = max(lead_start, pq.tail)
                prev_idx = j
                break
        return Place(sent, clause, self.paragraph_index(q.start), paren, lead_start,
                     self.m[lead_start:q.head], prev_idx)

    def _mask(self) -> str:
        """The text with asides, 《titles》 and quoted names blanked (a parenthesis that holds a
        number stays: it may be a comparison base or a part)."""
        blank: list[tuple[int, int]] = []        # the spans blanked, joined once at the end
        qpos = self.qstarts
        self.parens: list[tuple[int, int]] = []   # unmasked parentheses (they hold a number)
        for rx in (PAREN, TITLE, QUOTE):
            for m in rx.finditer(self.t):
                s, e = m.span()
                i = bisect.bisect_left(qpos, s)
                if rx is PAREN and i < len(qpos) and qpos[i] < e:
                    self.parens.append((s, e))
                    continue
                if rx is PAREN and GLOSSED_YEAR.fullmatch(self.t, s + 1, e - 1):
                    continue        # 前年(2020年): the year a relative word stands for, not an aside
                if rx is PAREN and PARTY_ROLE.fullmatch(self.t, s + 1, e - 1):
                    continue        # 行政复议(本镇为被申请人): whose cases, a label's own words
                if rx is QUOTE and e - s <= 12 and (NAMED_ACTIVITY.match(self.t, e) or NAMED_ACCOUNT.match(self.t, e)) \
                        and LAW_CAMPAIGN.search(self.t, s + 1, e - 1):
                    continue        # 开展“法律六进”活动185次, “湖区保护法治宣传月”等活动: a legal-education
                                    # campaign's name (and an account's: “某县普法”微信公众号)
                if e - s > 2:
                    blank.append((s + 1, e - 1))
        for d in DATELINE_END.finditer(self.t):
            m = DATELINE.search(self.t, max(0, d.start() - 16), d.end())
            i = bisect.bisect_left(qpos, m.start()) if m is not None else 0
            if m is not None and m.end() == d.end() and (i == len(qpos) or qpos[i] >= m.end()):
                blank.append(m.span())    # 新华社广州1月30日电: where the agency filed from, no place spoken of
        t = self.t
        pieces = []
        pos = 0
        for a, b in sorted(blank):
            if b <= pos:
                continue
            a = max(a, pos)
            pieces.append(t[pos:a])
            pieces.append(MASK_CH * (b - a))
            pos = b
        pieces.append(t[pos:])
        return self._figures_as_digits("".join(pieces))

    def _figures_as_digits(self, m: str) -> str:
        """Counts and shares written in Chinese numerals (受理四十七件) with their numerals as
        0s: the context rules take a digit for the edge of another figure (不予受理 not
        followed by a number), and a Chinese numeral must stop them as an Arabic one does."""
        spans = [(q.start, q.end) for q in self.qs
                 if q.chinese and q.unit_kind in ("count", "percent")
                 and (q.text not in ONE_WORDS or ONE_COUNT_AFTER.match(self.t, q.end))]
        if not spans:
            return m
        pieces = []
        pos = 0
        for a, b in spans:
            a = max(a, pos)
            if a >= b:
                continue
            pieces.append(m[pos:a])
            pieces.append(_NOT_MASKED.sub("0", m[a:b]))
            pos = b
        pieces.append(m[pos:])
        return "".join(pieces)

    def _windows(self) -> Windows:
        """The sentences that hold a number (and the one before, and the paragraph opening):
        all the text a cue, a family, a scope or a year can be read from."""
        spans = []
        cue_spans = []
        sents = self.sents
        last_k = -1
        for q in self.qs:
            k = self.sentence_index(q.start)
            a, b = sents[k]
            cs, ce = self.clause_of(q.start, (a, b))
            cue_spans.append((cs, min(max(ce, q.tail) + 1, q.tail + 26)))
            if k == last_k:
                continue                     # (a sentence's spans once: it lies in one paragraph)
            last_k = k
            if k > 0:
                a = sents[k - 1][0]          # its subject may be in the sentence before
            spans.append((a, b))
            if self.paras:
                pi = self.paragraph_index(q.start)
                ps = self.paras[pi][0]
                spans.append((ps, min(ps + 48, b)))
                if pi > 0 and sents[k][0] == ps:   # (the paragraph before may open with a run-in heading)
                    pps = self.paras[pi - 1][0]
                    spans.append((pps, min(pps + 24, ps)))
        # cues are read in the clauses that hold a number (and just after the number)
        self.cue_win = Windows(self.m, cue_spans, "cues")
        return Windows(self.m, spans, "sentences")

    def held_on_page(self, hits):
        """The cue matches that hold on this page: a township's own government as the party
        (以镇政府为被告) on a township's page is no lower tier; a cue of one level or kind of page
        (办理行政案件 on a bureau's own page is enforcement; a court's docket by instance) only there."""
        if any(h[2].unless_tier is not None for h in hits):
            own = self.own_tier()
            hits = [h for h in hits if h[2].unless_tier is None or h[2].unless_tier != own]
        if any(h[2].levels for h in hits):
            hits = [h for h in hits if not h[2].levels or getattr(self, "level", None) in h[2].levels]
        if any(h[2].kinds for h in hits):
            hits = [h for h in hits if not h[2].kinds or getattr(self, "doc_kind", None) in h[2].kinds]
        return tuple(hits)

    def _scan_cues(self):
        hits = []
        win = self.cue_win
        for cue in win.live(_LEAD_PAIRS):   # after-cues are matched where they apply (_pick_after)
            for s, e, _h in win.finditer(cue.rx):
                if e > s:
                    hits.append((e, s, cue))
        hits = list(self.held_on_page(hits))
        hits.sort(key=lambda x: (x[0], x[1]))
        self.cue_ends = [h[0] for h in hits]
        return hits

    def _scan(self, named):
        out = []
        win = self.win
        got = _NAMED_PAIRS.get(id(named))
        if got is None or got[0] is not named:     # (once per list: FAMILY_RX, SCOPE_RX)
            got = _NAMED_PAIRS[id(named)] = (named, [(id(rx), (name, rx)) for name, rx in named])
        for name, rx in win.live(got[1]):
            out.extend((e, s, name) for s, e, _h in win.finditer(rx))
        out.sort(key=lambda x: (x[0], -x[1]))
        return out

    # ----------------------------------------------------------- lookups
    def may_match(self, rx: re.Pattern, a: int, b: int) -> bool:
        """Whether rx may match inside self.m[a:b] (rules.figure_filter: one scan of the masked
        text tells where each pattern may end); False only when it cannot."""
        ends = self._ends
        if ends is None:
            ends = self._ends = figure_filter().ends(self.m)
        lst = ends.get(id(rx))
        if lst is None:
            return True
        k = bisect.bisect_right(lst, a)
        return k < len(lst) and lst[k] <= b

    def search_in(self, rx: re.Pattern, a: int, b: int):
        """rx.search(self.m, a, b), not run where it cannot match (may_match, inlined)."""
        ends = self._ends
        if ends is None:
            ends = self._ends = figure_filter().ends(self.m)
        lst = ends.get(id(rx))
        if lst is not None:
            k = bisect.bisect_right(lst, a)
            if k == len(lst) or lst[k] > b:
                return None
        return rx.search(self.m, a, b)

    def search_slice(self, rx: re.Pattern, s: str, a: int):
        """rx.search(s) for s == self.m[a:a + len(s)] (a figure's lead), not run where it
        cannot match (may_match, inlined)."""
        ends = self._ends
        if ends is None:
            ends = self._ends = figure_filter().ends(self.m)
        lst = ends.get(id(rx))
        if lst is not None:
            k = bisect.bisect_right(lst, a)
            if k == len(lst) or lst[k] > a + len(s):
                return None
        return rx.search(s)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[max(i, 0)]

    def sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, pos) - 1, 0)

    def _clause_list(self, sent: tuple[int, int]):
        got = self._clauses.get(sent[0])
        if got is None:
            cl = split_clauses(self.m, sent[0], sent[1]) or [sent]
            got = self._clauses[sent[0]] = (cl, [c[0] for c in cl])
        return got

    def clause_index(self, pos: int, sent: tuple[int, int]) -> int | None:
        cl, starts = self._clauses.get(sent[0]) or self._clause_list(sent)
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and cl[k][0] <= pos < cl[k][1] + 1:
            return k
        return None

    def clause_of(self, pos: int, sent: tuple[int, int]) -> tuple[int, int]:
        cl, starts = self._clauses.get(sent[0]) or self._clause_list(sent)    # (clause_index, inlined)
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and cl[k][0] <= pos < cl[k][1] + 1:
            return cl[k]
        return sent

    def paragraph_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.para_starts, pos) - 1, 0)

    def paren_of(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self.paren_starts, pos) - 1      # parentheses do not nest here
        if i >= 0 and self.parens[i][0] < pos < self.parens[i][1]:
            return self.parens[i]
        return None

    def cues_in(self, a: int, b: int):
        """Cue matches lying wholly inside [a, b)."""
        i = bisect.bisect_left(self.cue_ends, a)
        j = bisect.bisect_right(self.cue_ends, b)
        return [h for h in self.cue_hits[i:j] if h[1] >= a]

    def _numbers_in(self, c: tuple[int, int]) -> range:
        i = bisect.bisect_left(self.qstarts, c[0])
        j = bisect.bisect_left(self.qstarts, c[1])
        return range(i, j)


LAW_CAMPAIGN = re.compile(r"(?:法律|法治|普法|宪法|民法典|送法|以案|谁执法)")
NAMED_ACCOUNT = re.compile(r"\s*(?:微信)?(?:公众号|微博|抖音号|视频号|头条号|平台|专栏)")
NAMED_ACTIVITY = re.compile(r"\s*(?:[“\"「『][^”\"」』\n]{1,12}[”\"」』]\s*)*(?:等)?(?:系列)?(?:主题)?(?:宣传|普法|教育)*(?:活动|宣讲)")
PARTY_ROLE = re.compile(r"\s*(?:[本我该][镇乡区县市局街]|[\u4e00-\u9fff]{0,4}?政府)?(?:作为|为)?(?:被申请人|被告|被诉|共同被告)\s*")
GLOSSED_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*年度?\s*")


def _may_open_heading(c: str) -> bool:
    """c is a character a numbered heading begins with (rules.HEADING_NUMBERS)."""
    return c in _HEADING_FIRST or c.isdigit() or "①" <= c <= "⑳"


def _names_a_family(text: str) -> bool:
    return any(rx.search(text) for _name, rx in FAMILY_RX)
