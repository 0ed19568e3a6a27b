"""The reading engine: one pass over a document's quantities, in order, each read in the
state the text has built up to it (structure → role → indicator, scope and year)."""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date

from lawgov.extract.mentions import Quantity
from lawgov.extract.reading.classified import Classified
from lawgov.extract.reading.indicators import IndicatorChoice
from lawgov.extract.reading.parts import Parts
from lawgov.extract.reading.roles import LEVEL_TIER, Roles
from lawgov.extract.reading.rules import CTX, FAMILY_RX, NATIONAL, SCOPE_RX, SENT
from lawgov.extract.reading.state import DiscourseState
from lawgov.extract.reading.structure import Structure
from lawgov.extract.reading.tables import Tables
from lawgov.text import paragraphs as split_paragraphs
import re

# the levels of a local government's page (a department's or an unknown page may be a central body's)
LOCAL_LEVELS = frozenset(LEVEL_TIER)
# a line that ends on a bare number (行政应诉案件 42, 收到申请:86)
BARE_NUMBER_END = re.compile(r"\d+(?:\.\d+)?\s*$")
HEADING_ORDINAL = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d{1,2}\s*[、.．](?!\d)|\(\d{1,2}\))")
# …or a bullet, on the page's last line (■行政机关败诉案件41, cut off; a card's ■收到申请86 among
# other bulleted figures is a label and its value)
HEADING_BULLET = re.compile(r"\s*[■□●○◆◇▲△•]")


# a year said relative to the page's date (去年北京行政案收案2万余件)
RELATIVE_YEAR = re.compile(r"去年|前年")
# a count small enough to recur from year to year is no sign of a restatement
RESTATED_AT_LEAST = 10
# a clause opening on a part of the year, and one on the whole year
PART_YEAR_OPENING = re.compile(r"\s*(?:今年)?(?:上半年|下半年|前三季度|第?[一二三四]季度|1\s*[-—–至到~]\s*\d{1,2}\s*月)")
WHOLE_YEAR_OPENING = re.compile(r"\s*(?:全年|(?:19|20)\d{2}\s*年(?:全年)?|一年来)")
# marks that close a sentence or a line complete: a page ending on one was not cut inside a number
SENTENCE_CLOSE = tuple("。！？!?；;）)」』”\"】]")


class Analysis(Structure, DiscourseState, Roles, IndicatorChoice, Parts, Tables):
    """One document: its masked text, sentences, clauses and every cue match, computed once."""

    def __init__(self, text: str, report_year: int | None, quantities: list[Quantity],
                 published_on: date | None = None, level: str | None = None,
                 doc_kind: str | None = None, region_name: str | None = None):
        self.t = text
        self.level = level
        self.doc_kind = doc_kind
        self.region_name = region_name or ""
        self.report_year = report_year
        self.published_on = published_on
        self.qs = quantities
        self.qstarts = [q.start for q in quantities]
        self.m = self._mask()
        self._ends = None       # where the figure-context patterns may end (Structure.may_match)
        self.text_end = len(text) if text[-1:] not in "\n\r" else -1   # a cut page ends without a line break
        # where the words end, when they end without closing their sentence: a page cut to its
        # first characters and saved with a line break after them ends so too
        stripped = text.rstrip()
        self.words_end = len(stripped)      # (the mask keeps lengths: the masked text's too)
        self.open_end = len(stripped) if stripped[-1:] not in SENTENCE_CLOSE else -1
        self.parens.sort()
        self.paren_starts = [p[0] for p in self.parens]
        self._tables: dict = {}
        self.paras = split_paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.sents = [m.span() for m in SENT.finditer(self.m)]
        self.sent_starts = [s for s, _ in self.sents]
        self._clauses: dict = {}
        self._headings = None
        self._related = None
        self._heading_state = None
        self._plan_state = None
        self._heading_year_state = None
        self._heading_party_state = None
        self._heading_scope_state = None
        self.win = self._windows()
        self.cue_hits = self._scan_cues()
        self.fam_hits = self._scan(FAMILY_RX)
        self.fam_ends = [h[0] for h in self.fam_hits]
        self.scope_hits = self._scan(SCOPE_RX)
        self.scope_ends = [h[0] for h in self.scope_hits]
        self.year_hits = self._scan_years()
        self.para_year_cache: dict[int, int | None] = {}
        self.not_level = self._scan_not_level()
        self.not_level_ends = [h[0] for h in self.not_level]
        self.ranges = sorted((s, e) for s, e, _h in self.win.finditer(CTX["range"]))
        self.range_starts = [r[0] for r in self.ranges]
        # (a local government's page quoting a central body in its opening lines is no central body's)
        self.national_doc = level not in LOCAL_LEVELS and bool(CTX["national_body_head"].search(text, 0, 300))
        self.national_at = [] if self.national_doc else [h.start() for h in NATIONAL.finditer(self.m)]
        self._done: list[Classified] = []
        self._family_lo: dict[int, int] = {}             # per sentence: see DiscourseState.family_at
        self._sentence_year_before: dict[int, int | None] = {}
        self._table_para: dict[int, bool] = {}           # paragraph → it holds a table's cell mark |
        self._resp: dict[int, tuple[list[tuple[int, int]], int]] = {}   # 分别为 groups
        self._resp_act: dict[int, tuple[str, bool]] = {}   # a group's act (分别办结), and whether it comes first
        self._resp_scopes: dict[int, list] = {}  # a group's list over the body's own scopes
        self._paired: dict[int, tuple[list[str | None], int]] = {}      # 分别+verb lists: fields
        self._base_list: dict[int, tuple[list[int], int, int | None]] = {}   # 分别较上年的…、…: bases paired

    def _bulleted_figure_above(self, para: int) -> bool:
        """The line above is a bulleted line with a figure too (■ 出庭应诉率100% over ■ 败诉案件2):
        a card of figures, whose last line is one of them, not a heading cut off."""
        if para == 0:
            return False
        ps, pe = self.paras[para - 1]
        i = bisect.bisect_left(self.qstarts, ps)
        return bool(HEADING_BULLET.match(self.t, ps, pe)) and i < len(self.qstarts) and self.qstarts[i] < pe

    def _glued_label_line(self, para: int, q: Quantity) -> bool:
        """A numbered line whose number is glued to its last word (4、行政机关败诉案件38) and
        that stands alone: a line of a run of numbered label–value lines ((1)行政应诉案件 42 ⏎
        (2)开庭审理 36), or with a space or colon before its number, gives a value."""
        if q.start == 0 or not "\u4e00" <= self.t[q.start - 1] <= "\u9fff":
            return False
        for other in (para - 1, para + 1):
            if 0 <= other < len(self.paras):
                os_, oe = self.paras[other]
                if HEADING_ORDINAL.match(self.t, os_, oe) and BARE_NUMBER_END.search(self.t, os_, oe):
                    return False
        return True

    def classify(self) -> list[Classified]:
        out: list[Classified] = []
        self._done = out
        for idx, q in enumerate(self.qs):
            out.append(self._classify(idx, q, out))
        self._restated_from_body(out)
        self._parts_before_the_year(out)
        return out

    def _parts_before_the_year(self, done: list[Classified]) -> None:
        """A part of the year said before the whole year's figure of the same measure in its
        sentence (上半年审核规范性文件4件,全年共审核9件): a part of that figure, not the year's own
        count (a part said after the whole, 其中上半年4件, is read so already)."""
        whole: dict[tuple, int] = {}
        for i in range(len(self.qs) - 1, -1, -1):
            c = done[i]
            if c.kind != "level" or not c.indicator:
                continue
            opening = self.m[c.clause[0]:self.qs[i].head]
            key = (c.sentence, c.indicator, c.year, c.scope)
            if WHOLE_YEAR_OPENING.match(opening):
                whole[key] = i
            elif key in whole and PART_YEAR_OPENING.match(opening):
                done[i] = replace(c, kind="month",
                                  reason="a part of the year, before the whole year's figure of its measure")

    def _restated_from_body(self, done: list[Classified]) -> None:
        """A headline's figure said of 去年 on a page with no date of its own, that the body
        states again under the report's named year (去年…收案逾2.3万件 over 2014年…收案超过2.3万件),
        is of that year: a relative word read without the page's date is a guess the body
        settles. The headline is the page's head, up to its first full stop; annual reports
        (which speak of 去年 as the year before theirs) and small counts (the same 2件 recurs
        from year to year) are left alone."""
        if self.published_on is not None or self.report_year is None or self._titled_annual_report():
            return
        head_end = self.m.find("。")
        head_end = len(self.m) if head_end == -1 else head_end
        if not RELATIVE_YEAR.search(self.m, 0, head_end):
            return
        named: dict[tuple, int] = {}
        relative: list[int] = []
        for i, q in enumerate(self.qs):
            c = done[i]
            if c.kind not in ("level", "breakdown") or not c.indicator or c.year is None \
                    or q.value in (0, 100) or (q.unit != "%" and q.value < RESTATED_AT_LEAST):
                continue
            at = self.place_of(i)
            if q.start < head_end and RELATIVE_YEAR.search(self.m, at.clause[0], q.head):
                if c.kind == "level":
                    relative.append(i)
            elif c.year == self.report_year:   # (a restatement read as a part still names its year)
                named.setdefault((c.indicator, q.value), c.year)
        for i in relative:
            c, q = done[i], self.qs[i]
            year = named.get((c.indicator, q.value))
            if year is None and q.qualifier in ("at_least", "approx"):
                # a headline rounds the body's figure (去年…收案2300余件 over 2022年…2376件)
                year = next((y for (ind, v), y in named.items() if ind == c.indicator
                             and _rounds_to(q.value, q.qualifier, v)), None)
            if year is not None and year != c.year:
                c.year = year

    def _classify(self, idx: int, q: Quantity, done: list[Classified]) -> Classified:
        at = self.place_of(idx)
        ps, pe = self.paras[at.para] if self.paras else (0, len(self.m))
        table = self._table_para.get(ps)
        if table is None:
            table = self._table_para[ps] = self.m.find("|", ps, pe) != -1
        if q.unit is None and q.end in (self.text_end, self.open_end) and pe - ps > 20 and not table:
            # the text stops right at the number, inside a line of prose (a page cut to its first
            # characters): 202 of 2024. A short line (审结 25) or a table's cell ends complete.
            return Classified("cut", None, None, self.report_year, None, None, at.sent, at.clause,
                              at.para, reason="the page ends at this number: it may be cut off")
        if table:
            res = self._classify_cell(q, at.para, at.sent, at.clause)
            if res is not None:
                return res
        if q.unit is None and pe - ps <= 30 and not self.m[q.tail:pe].strip() \
                and (HEADING_ORDINAL.match(self.t, ps, pe) or (HEADING_BULLET.match(self.t, ps, pe) and pe >= self.words_end
                                                                 and not self._bulleted_figure_above(at.para))) \
                and self._glued_label_line(at.para, q):
            # 4、or (4)行政机关败诉案件38 (read unmasked: the mask blanks the 4 of (4)): a bare
            # number ending a numbered heading line (a chart's label, a figure cut off), no
            # quantity a reader can take
            return Classified("heading", None, None, self.report_year, None, None, at.sent, at.clause,
                              at.para, reason="a bare number ending a numbered heading line")
        role = self._role(idx, q, at, done)
        if role.kind == "change":
            return Classified("change", None, None, self.year_at(q.start, at.sent, at.paren), q.unit,
                              q.unit_raw, at.sent, at.clause, at.para, reason=role.reason)
        return self._name(idx, q, at, role, done)


def _rounds_to(shown: float, qualifier: str, exact: float) -> bool:
    """A headline's rounded figure (2300余件, 约2.4万件) is the body's exact one: at least what it
    shows and under a tenth more, or within a tenth of it when approximate."""
    if qualifier == "at_least":
        return shown <= exact < shown * 1.1
    return abs(exact - shown) <= shown * 0.1
