"""The indicator catalogue, and the engine that classifies each quantity of a report.

The catalogue is seeds/indicators.csv. The rules are data in lawgov/extract/rules/:
cues.yaml (which words make a number which indicator), context.yaml (changes, comparison
bases, breakdowns, other bodies, shares), scopes.yaml, share_rates.csv. This module is
the one engine that reads them; add a phrasing there, not here.

For each quantity the engine looks at its *lead*, the words between the previous number
of its clause (or the clause start) and the number, in a copy of the text where
parenthetical asides and 《titles》 are blanked out:

1. kind — change (同比下降3%, 增加了555件, 2个百分点), comparison_base (较2022年558件,
   (2019年6593件)), breakdown (行政处罚类349件, 涉企), other_body (中院…, 东湖区215件,
   a ranked list), share (占比31% of a count with no rate), else level;
2. indicator — the cue ending nearest the number in the lead (verbs before nouns; a cue
   may require the sentence to be about a family: 受理 after 复议 is accepted, after 诉讼 a
   lawsuit); else a cue right after the measure word (12场法治宣传活动); else a verb
   earlier in the clause (印发…19份和部门规范性文件38份);
3. scope — the last scope cue in the sentence before the number (区政府 → government,
   各部门 → departments, 全市 → all);
4. year — the nearest year named before the number in its sentence (not a comparison's
   year, not one inside a parenthesis or a title), else the year that opens the paragraph,
   else the report's year; 去年 / 上年 are the year before.

Tables flattened to text (cells separated by |) are read cell by cell: the caption, the
column header and the row label make the lead; only a total row (总计, 合计 …) or the row
of the reporting body (named at the top of the document) is the body's own figure.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from lawgov.extract.mentions import Quantity, Windows
from lawgov.text import clauses as split_clauses
from lawgov.text import paragraphs as split_paragraphs

ROOT = Path(__file__).resolve().parent
RULES = ROOT / "rules"
CATALOGUE = ROOT.parent.parent / "seeds" / "indicators.csv"

_GAP = "[^，,;；。]"
_GAP_NO_DIGIT = "[^，,;；。\\d%\\n\\x01|]"   # a gap never crosses a number, a line or a table cell


# --------------------------------------------------------------------------- catalogue

@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    family: str
    unit: str
    tier: str
    definition: str


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Indicator]:
    """Every indicator of seeds/indicators.csv, by code."""
    out = {}
    with open(CATALOGUE, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["code"].strip()] = Indicator(row["code"].strip(), row["name_zh"], row["family"],
                                                 row["unit"], row["tier"], row["definition"])
    return out


def headline_codes() -> set[str]:
    return {c for c, i in catalogue().items() if i.tier == "headline"}


# --------------------------------------------------------------------------- rules

@dataclass(frozen=True)
class Cue:
    indicator: str | None
    role: str                      # verb | noun | after
    measure: str                   # count | rate
    units: tuple[str, ...]
    families: tuple[str, ...] | None
    rx: re.Pattern


def _compile(p: str, flags: int = 0) -> re.Pattern:
    # a gap between a cue's words never runs over a number
    return re.compile(p.replace(_GAP, _GAP_NO_DIGIT), flags)


def _load_cues():
    data = yaml.safe_load((RULES / "cues.yaml").read_text(encoding="utf-8"))
    family_rx = [(name, _compile(p)) for name, p in data["families"].items()]
    cues = []
    for c in data["cues"]:
        fam = c.get("family")
        if isinstance(fam, str):
            fam = (fam,)
        elif fam is not None:
            fam = tuple(fam)
        # patterns that begin with a plain character share one regex (its branches all begin
        # with a character, so the engine skips quickly to where one may start); the others
        # get a regex each
        plain = [p for p in c["patterns"] if p[0] not in "([\\^.?*+{"]
        other = [p for p in c["patterns"] if p not in plain]
        groups = (["|".join(plain)] if plain else []) + other
        for p in groups:
            cues.append(Cue(c.get("indicator"), c["role"], c["measure"], tuple(c["units"]), fam, _compile(p)))
    phrases = []
    for p in data.get("phrases", []):
        phrases.append((re.compile(p["pattern"]), p["number"], p["indicator"], float(p["value"]), p["unit"]))
    return family_rx, cues, phrases


def _load_context():
    d = yaml.safe_load((RULES / "context.yaml").read_text(encoding="utf-8"))
    ctx = {
        "change": _compile("|".join(f"(?:{p})" for p in d["change"])),
        "not_change": _compile(d["not_change"]),
        "level_only_lead": _compile(d["level_only_lead"]),
        "comparison_base": [_compile(p) for p in d["comparison_base"]],
        "paren_base": _compile(d["paren_base"]),
        "to_level": _compile(d["to_level"]),
        "breakdown": _compile("|".join(f"(?:{p})" for p in d["breakdown"])),
        "other_body": _compile("|".join(f"(?:{p})" for p in d["other_body"])),
        "other_body_sentence": _compile(d["other_body_sentence"]),
        "national": _compile(d["national"]),
        "national_body_head": re.compile(d["national_body_head"], re.M),
        "place_before_number": _compile(d["place_before_number"]),
        "generic_places": set(d["generic_places"]),
        "share": _compile(d["share"]),
        "all_closed": _compile(d["all_closed"]),
        "joined": _compile(d["joined"]),
        "respectively": _compile(d["respectively"]),
        "list_separator": _compile(d["list_separator"]),
        "continuation": _compile(d["continuation"]),
        "total_labels": _compile(d["total_labels"]),
        "period_labels": _compile(d["period_labels"]),
        "target": _compile(d["target"]),
        "cumulative": _compile(d["cumulative"]),
        "range": _compile(d["range"]),
    }
    return ctx


def _load_scopes():
    """scopes.yaml: the scope cues, and the subject-clause patterns that carry a scope."""
    d = yaml.safe_load((RULES / "scopes.yaml").read_text(encoding="utf-8"))
    cues = [(scope, re.compile(p)) for scope, patterns in d["scopes"].items() for p in patterns]
    sub = d["subject_clause"]
    subject = {k: re.compile(sub[k]) for k in ("before", "after", "arrangement_before", "arrangement_after")}
    return cues, subject


def _load_share_rates() -> dict[str, str]:
    with open(RULES / "share_rates.csv", encoding="utf-8") as f:
        return {r["count_indicator"]: r["rate_indicator"] for r in csv.DictReader(f)}


FAMILY_RX, CUES, PHRASES = _load_cues()
CTX = _load_context()
SCOPE_RX, SUBJECT = _load_scopes()
SHARE_RATES = _load_share_rates()
AFTER_CUES = [c for c in CUES if c.role == "after"]
LEAD_CUES = [c for c in CUES if c.role != "after"]
_ANY_AFTER = re.compile("|".join(f"(?:{c.rx.pattern})" for c in AFTER_CUES))

_YEAR_RX = re.compile(
    r"(?P<abs>(?:19|20)\d{2})\s*年(?:度)?"
    r"|(?P<cn>[二〇一九零○]{4})年(?:度)?"
    r"|(?P<prev>去年|上年|上一年|上年度|前一年)"
    r"|(?P<cur>今年|本年度|本年|当年)"
)
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}(?=[\u4e00-\u9fff])")
_CN_DIGIT = {"二": 2, "〇": 0, "零": 0, "○": 0, "一": 1, "九": 9, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8}
_RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*[-—–~]\s*$")
_EVENT_AFTER = re.compile(
    r"(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起)?(?:出台|印发|制定|修订|修正|颁布|施行|实施|发布|启动|成立|获评|被评为|荣获|入选|召开|举办|挂牌|通过)")
_COMPARE_BEFORE = re.compile(r"(?:较|比|与|同比|相较于?|相比|对比)\s*$")
_NATIONAL = re.compile("全国")
_FROM_BEFORE = re.compile(r"(?:由|从)\s*$")
_FROM_AFTER = re.compile(r"(?:同期)?(?:的)?\s*[\d零一二两三四五六七八九十]")
_PAREN = re.compile(r"\([^()\n]{0,80}\)")
_TITLE = re.compile(r"《[^》\n]{0,80}》")
_SENT = re.compile(r"[^。！？!?\n\s][^。！？!?\n]*[。！？!?]*")
_BOUNDARY = set(",，;；。、|)）\n :：!?！？") | {""}
_PARA_YEAR = re.compile(r"^\s*(?:截至|截止|自|在|从)?\s*(?:(?:19|20)\d{2}|[二〇一九零○]{4})")
_MASK_CH = "□"


# --------------------------------------------------------------------------- results

@dataclass
class Classified:
    kind: str                      # level | change | comparison_base | breakdown | other_body | share | target | cumulative | range
    indicator: str | None
    scope: str | None
    year: int | None
    unit: str | None
    unit_raw: str | None
    sentence: tuple[int, int]
    clause: tuple[int, int]
    paragraph: int
    all_closed: bool = False       # followed by 均已办结
    also: tuple = ()               # further indicators of the same number (审核、备案 …)


# --------------------------------------------------------------------------- engine

class Analysis:
    """One document: its masked text, sentences, clauses and every cue match, computed once."""

    def __init__(self, text: str, report_year: int | None, quantities: list[Quantity]):
        self.t = text
        self.report_year = report_year
        self.qs = quantities
        self.qstarts = [q.start for q in quantities]
        self.m = self._mask()
        self.parens.sort()
        self.paren_starts = [p[0] for p in self.parens]
        self._tables: dict[int, tuple] = {}
        self.paras = split_paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        self.sents = [m.span() for m in _SENT.finditer(self.m)]
        self.sent_starts = [s for s, _ in self.sents]
        self._clauses: dict[int, list[tuple[int, int]]] = {}
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
        self.national_doc = bool(CTX["national_body_head"].search(text, 0, 300))
        self.national_at = [] if self.national_doc else [h.start() for h in _NATIONAL.finditer(self.m)]
        self._done: list[Classified] = []
        self._resp: dict[int, tuple[list[tuple[int, int]], int]] = {}   # 分别为 groups

    # ----------------------------------------------------------- preparation
    def _mask(self) -> str:
        chars = list(self.t)
        qpos = self.qstarts
        self.parens: list[tuple[int, int]] = []   # unmasked parentheses (they hold a number)
        for rx in (_PAREN, _TITLE):
            for m in rx.finditer(self.t):
                s, e = m.span()
                i = bisect.bisect_left(qpos, s)
                if rx is _PAREN and i < len(qpos) and qpos[i] < e:
                    self.parens.append((s, e))
                    continue
                chars[s + 1:e - 1] = _MASK_CH * (e - s - 2)
        return "".join(chars)

    def _windows(self) -> Windows:
        """The sentences that hold a number (and the one before, and the paragraph opening):
        all the text a cue, a family, a scope or a year can be read from."""
        spans = []
        cue_spans = []
        for q in self.qs:
            k = self.sentence_index(q.start)
            a, b = self.sents[k]
            cs, ce = self.clause_of(q.start, (a, b))
            cue_spans.append((cs, min(max(ce, q.tail) + 1, q.tail + 26)))
            if k > 0:
                a = self.sents[k - 1][0]     # its subject may be in the sentence before
            spans.append((a, b))
            p = self.paragraph_index(q.start)
            if self.paras:
                ps = self.paras[p][0]
                spans.append((ps, min(ps + 48, b)))
        # cues are read in the clauses that hold a number (and just after the number)
        self.cue_win = Windows(self.m, cue_spans)
        return Windows(self.m, spans)

    def _scan_cues(self):
        hits = []
        for cue in LEAD_CUES:      # after-cues are matched where they apply (_pick_after)
            for s, e, _h in self.cue_win.finditer(cue.rx):
                if e > s:
                    hits.append((e, s, cue))
        hits.sort(key=lambda x: (x[0], x[1]))
        self.cue_ends = [h[0] for h in hits]
        return hits

    def _scan(self, named):
        out = []
        for name, rx in named:
            out.extend((e, s, name) for s, e, _h in self.win.finditer(rx))
        out.sort(key=lambda x: (x[0], -x[1]))
        return out

    def _scan_not_level(self):
        """Where a target / plan or a multi-year cumulative total is announced (computed once):
        (end, start, kind), for the figures after it in its sentence."""
        out = []
        ry = self.report_year
        for kind in ("target", "cumulative"):
            for s, e, h in self.win.finditer(CTX[kind]):
                y = h.groupdict().get("future") or h.groupdict().get("since")
                if y is not None:
                    if ry is None:
                        continue
                    if kind == "target" and int(y) <= ry:
                        continue                 # 到2022年底 in a 2022 report: the year's own figure
                    if kind == "cumulative" and int(y) >= ry:
                        continue                 # 2023年以来 in a 2023 report: the year itself
                out.append((e, s, kind))
        out.sort()
        return out

    def _not_level_before(self, a: int, b: int) -> str | None:
        i = bisect.bisect_left(self.not_level_ends, a)
        j = bisect.bisect_right(self.not_level_ends, b)
        for e, s, kind in self.not_level[i:j]:
            if s >= a:
                return kind
        return None

    def _in_range(self, pos: int) -> bool:
        i = bisect.bisect_right(self.range_starts, pos) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]

    def _scan_years(self):
        out = []
        m = self.m
        for s, e, h in self.win.finditer(_YEAR_RX):
            if _RANGE_BEFORE.search(m, max(0, s - 8), s):
                continue                               # 2021-2025年: a plan, not a year spoken of
            if _EVENT_AFTER.match(m, e):
                continue                               # 2021年出台的规定: an event, not the period
            compared = bool(_COMPARE_BEFORE.search(m, max(0, s - 4), s)) or bool(
                _FROM_BEFORE.search(m, max(0, s - 2), s) and _FROM_AFTER.match(m, e))   # 由上年的12件
            if h.group("abs"):
                out.append((e, s, int(h.group("abs")), None, compared))
            elif h.group("cn"):
                out.append((e, s, int("".join(str(_CN_DIGIT.get(c, 0)) for c in h.group("cn"))), None, compared))
            elif h.group("prev"):
                out.append((e, s, None, -1, compared))
            else:
                out.append((e, s, None, 0, compared))
        for ss, se in self.sents:
            b = _BARE_YEAR.match(m, ss)
            if b and not m.startswith("年", b.end()):
                out.append((b.end(), b.start(), int(b.group()), None, False))
        out.sort()
        self.year_ends = [y[0] for y in out]
        return out

    # ----------------------------------------------------------- lookups
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
        cl, starts = self._clause_list(sent)
        k = bisect.bisect_right(starts, pos) - 1
        if k >= 0 and cl[k][0] <= pos < cl[k][1] + 1:
            return k
        return None

    def clause_of(self, pos: int, sent: tuple[int, int]) -> tuple[int, int]:
        k = self.clause_index(pos, sent)
        return self._clause_list(sent)[0][k] if k is not None else sent

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

    def family_at(self, pos: int, sent_start: int) -> str | None:
        lo = sent_start
        # a sentence that continues the previous one (其中, 此外 …) inherits its subject
        if CTX["continuation"].match(self.m, sent_start):
            k = self.sentence_index(sent_start)
            if k > 0:
                lo = self.sents[k - 1][0]
        i = bisect.bisect_left(self.fam_ends, lo)
        j = bisect.bisect_right(self.fam_ends, pos)
        for n in range(j - 1, i - 1, -1):
            if self.fam_hits[n][1] >= lo:
                return self.fam_hits[n][2]
        # a sentence with no subject of its own takes that of the sentence just before, in the
        # same paragraph (二是依法办理复议案件。全年受理案件86件…)
        k = self.sentence_index(lo)
        if k > 0 and lo == sent_start:
            ps = self.paras[self.paragraph_index(lo)][0] if self.paras else 0
            prev = self.sents[k - 1]
            if prev[0] >= ps:
                i2 = bisect.bisect_left(self.fam_ends, prev[0])
                j2 = bisect.bisect_right(self.fam_ends, prev[1])
                for n in range(j2 - 1, i2 - 1, -1):
                    if self.fam_hits[n][1] >= prev[0]:
                        return self.fam_hits[n][2]
        return None

    def scope_at(self, pos: int, sent_start: int, clause: tuple[int, int] | None = None) -> str:
        """The last scope cue before `pos` in its sentence that speaks of a figure: in the
        number's own clause, in an earlier clause that states a figure itself (区直各单位…开庭72件,
        出庭应诉率93.1%), or in a short subject clause just before (区政府作为被告,共…)."""
        i = bisect.bisect_left(self.scope_ends, sent_start)
        j = bisect.bisect_right(self.scope_ends, pos)
        sent = self.sentence_of(pos)
        k = self.clause_index(pos, sent) if clause is not None else None
        cl = self._clause_list(sent)[0] if k is not None else None
        for n in range(j - 1, i - 1, -1):            # the latest cue that qualifies
            e, s, name = self.scope_hits[n]
            if s < sent_start:
                continue
            if "由" in self.m[max(0, s - 2):s] and SUBJECT["arrangement_before"].search(self.m, max(0, s - 3), s) \
                    and SUBJECT["arrangement_after"].match(self.m, e):
                continue          # 由本级政府集中行使复议职责: who holds a power, not whose figure
            if clause is None or k is None or s >= clause[0]:
                return name
            ck = self.clause_index(s, sent)
            if ck is None or ck >= k:
                continue
            c = cl[ck]
            qi = bisect.bisect_left(self.qstarts, c[0])
            has_number = qi < len(self.qstarts) and self.qstarts[qi] < c[1]
            if has_number:
                return "all" if self._after_partition(cl, ck, name) else name
            # a short clause right before that is only a subject (区政府作为被告, 市本级), not a
            # clause with an act of its own (由本级政府集中行使复议职责)
            # (its scope reaches the figures of the clauses that follow it, up to this one)
            if c[1] - c[0] <= 15 and SUBJECT["before"].fullmatch(self.m, c[0], s) \
                    and SUBJECT["after"].fullmatch(self.m, e, c[1]) \
                    and all(self._numbers_in(cl[c2]) for c2 in range(ck + 1, k)):
                return name
        return "all"

    def _numbers_in(self, c: tuple[int, int]) -> range:
        i = bisect.bisect_left(self.qstarts, c[0])
        j = bisect.bisect_left(self.qstarts, c[1])
        return range(i, j)

    def _after_partition(self, cl, ck: int, name: str) -> bool:
        """True when the clause ck (scope `name`, with figures) is the last of a split by scope:
        the clause with figures right before it names another scope and states a figure of the
        same indicator (涉及区政府…32件,涉及各部门的…3件). A figure stated after such a split,
        with no scope of its own, is of the whole (…,行政机关负责人出庭率达100%)."""
        done = self._done
        here = {done[i].indicator for i in self._numbers_in(cl[ck]) if i < len(done) and done[i].indicator}
        if not here:
            return False
        for c2 in range(ck - 1, -1, -1):
            nums = self._numbers_in(cl[c2])
            if not nums:
                continue
            # the clause with figures just before: its own scope cue
            a, b = cl[c2]
            i = bisect.bisect_left(self.scope_ends, a)
            j = bisect.bisect_right(self.scope_ends, b)
            names = [h[2] for h in self.scope_hits[i:j] if h[1] >= a]
            if not names or names[-1] == name:
                return False
            there = {done[n].indicator for n in nums if n < len(done) and done[n].indicator}
            return bool(here & there)
        return False

    def paragraph_year(self, p: int) -> int | None:
        if p in self.para_year_cache:
            return self.para_year_cache[p]
        ps, pe = self.paras[p] if self.paras else (0, 0)
        year = None
        if _PARA_YEAR.match(self.m, ps):
            # the opening phrase up to its first comma: 2021年8月1日至2022年7月31日, → 2022
            stop = ps + 40
            for ch in "，,。:：":
                k = self.m.find(ch, ps, stop)
                if k != -1:
                    stop = k
            i = bisect.bisect_left(self.year_ends, ps)
            j = bisect.bisect_right(self.year_ends, stop)
            for e, s, y, rel, compared in self.year_hits[i:j]:
                if s >= ps and y is not None and not compared:
                    year = y
        self.para_year_cache[p] = year
        return year

    def year_at(self, pos: int, sent: tuple[int, int], paren: tuple[int, int] | None,
                clause_start: int | None = None) -> int | None:
        """The year a figure at `pos` is of. 去年 / 上年 only reach the figures of their own clause."""
        base = self.paragraph_year(self.paragraph_index(pos))
        if base is None:
            base = self.report_year
        i = bisect.bisect_right(self.year_ends, pos)
        h = bisect.bisect_left(self.year_ends, sent[0])
        shift = 0
        for n in range(i - 1, h - 1, -1):               # back to the latest year named
            e, s, y, rel, compared = self.year_hits[n]
            if s < sent[0] or compared:
                continue
            p = self.paren_of(s)
            if p is not None and p != paren:
                continue                              # a year inside another parenthesis
            if y is not None:
                return y + shift
            if rel and (clause_start is None or s >= clause_start):
                shift += rel
        return base + shift if base is not None else None

    # ----------------------------------------------------------- classification
    def classify(self) -> list[Classified]:
        out: list[Classified] = []
        self._done = out
        for idx, q in enumerate(self.qs):
            out.append(self._classify(idx, q, out))
        return out

    def _classify(self, idx: int, q: Quantity, done: list[Classified]) -> Classified:
        m = self.m
        sent = self.sentence_of(q.start)
        clause = self.clause_of(q.start, sent)
        para = self.paragraph_index(q.start)
        paren = self.paren_of(q.start)
        unit, unit_raw = q.unit, q.unit_raw

        # the table path
        ps, pe = self.paras[para] if self.paras else (0, len(m))
        if "|" in m[ps:pe]:
            res = self._classify_cell(q, para, sent, clause)
            if res is not None:
                return res

        # the lead: since the previous number of the clause (same parenthesis), or the clause start
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
        lead = m[lead_start:q.head]
        year = None
        kind = "level"

        def result(kind, indicator, scope=None, year=None, unit=unit, unit_raw=unit_raw, all_closed=False):
            return Classified(kind, indicator, scope, year, unit, unit_raw, sent, clause, para, all_closed)

        # ------------------------------------------------ kind
        if q.unit_kind == "change":
            return result("change", None, year=self.year_at(q.start, sent, paren))
        if CTX["change"].search(lead) and not CTX["not_change"].search(lead):
            return result("change", None, year=self.year_at(q.start, sent, paren))
        if prev_idx is not None and done[prev_idx].kind == "change" and CTX["joined"].fullmatch(lead):
            return result("change", None, year=self.year_at(q.start, sent, paren))

        base_year = None
        inherit_from = None
        if paren is not None:
            pb = CTX["paren_base"].search(m[paren[0]:q.head])
            if pb:
                kind = "comparison_base"
                base_year = int(pb.group("year")) if pb.group("year") else None
                for j in range(idx - 1, -1, -1):
                    if self.qs[j].start < paren[0] and done[j].kind != "change":
                        inherit_from = j
                        break
                if base_year is None:      # (上年84件): the year before that of the figure it follows
                    ref = done[inherit_from].year if inherit_from is not None else self.report_year
                    base_year = ref - 1 if ref is not None else None
                    if base_year is None:
                        kind = "level"
                if inherit_from is not None and done[inherit_from].kind in ("other_body", "breakdown"):
                    kind = done[inherit_from].kind   # the earlier figure of another body is another body's
        if kind == "level":
            for rx in CTX["comparison_base"]:
                cb = rx.search(lead)
                if cb:
                    kind = "comparison_base"
                    y = cb.group("year")
                    cur = self.year_at(q.start, sent, paren)
                    if y is None:
                        # 与2019年相比,…由48件下降至36件: the year compared with, else the year before
                        y = self._compared_year(sent[0], q.start)
                    if y and y[:2] in ("19", "20"):
                        base_year = int(y[:4])
                    else:
                        base_year = cur - 1 if cur is not None else None
                    for j in range(idx - 1, max(-1, idx - 21), -1):
                        if self.qs[j].start < sent[0]:
                            break
                        if done[j].kind == "level" and done[j].indicator:
                            inherit_from = j
                            break
                    break

        if kind == "level":
            nl = self._not_level_before(sent[0], q.head)
            if nl == "cumulative" and unit == "%":
                nl = None                  # 三年来出庭应诉率保持100%: so it is this year too
            if nl is not None:
                kind = nl                  # a target, or a total of several years: no fact
            elif self._in_range(q.start):
                kind = "range"             # 在5%至18%之间: a spread across bodies
        if kind == "level" and prev_idx is not None and done[prev_idx].kind == "comparison_base" \
                and inherit_from is None and CTX["to_level"].fullmatch(lead):
            inherit_from = prev_idx        # 由48件下降至36件: 36 is the level of what 48 was
        if kind == "level":
            if CTX["breakdown"].search(lead):
                kind = "breakdown"
            elif self._national_before(max(clause[0], q.head - 60), q.head) \
                    and CTX["national"].search(m, max(clause[0], q.head - 60), q.head):
                kind = "other_body"       # 全国…30.6万件 in a report that is not a central body's
            elif CTX["other_body"].search(m, max(clause[0], q.head - 60), q.head) \
                    or CTX["other_body_sentence"].search(m, max(sent[0], q.head - 120), q.head):
                kind = "other_body"
            else:
                pb = CTX["place_before_number"].search(lead)
                if pb and pb.group("name")[-2:] not in CTX["generic_places"] \
                        and pb.group("name")[-3:] not in CTX["generic_places"]:
                    kind = "other_body"

        # ------------------------------------------------ indicator
        measure = "rate" if unit == "%" else "count"
        bounded = (m[q.tail:q.tail + 1] in _BOUNDARY)
        fam = self.family_at(q.start, sent[0])
        lead_hits = self.cues_in(lead_start, q.head)
        indicator, cue = self._respectively(idx, lead_start, lead, prev_idx, measure, unit, fam)
        if cue is None:
            indicator, cue = self._pick(lead_hits, measure, unit, bounded, fam, ("verb",))
        also = self.also
        if cue is None:
            after_end = min(clause[1], q.tail + 24)
            indicator, cue = self._pick_after(q.tail, after_end, measure, unit, fam)
        if cue is None:
            indicator, cue = self._pick(lead_hits, measure, unit, bounded, fam, ("noun",))
        if cue is None and not lead_hits:
            indicator, cue = self._pick(self.cues_in(max(clause[0], lead_start - 60), lead_start), measure,
                                        unit, bounded, fam, ("verb",))
        lo = CTX["level_only_lead"].fullmatch(lead) if cue is None and not lead_hits and paren is None else None
        if lo:
            indicator, cue, kind = self._carry_from_previous_clause(q, sent, clause, measure, unit, bounded,
                                                                    fam, kind, bool(lo.group("period")))
        if cue is None and inherit_from is not None and done[inherit_from].indicator:
            src = done[inherit_from]
            src_q = self.qs[inherit_from]
            if (src_q.unit == "%") == (unit == "%"):
                indicator = src.indicator
                if unit is None:
                    unit, unit_raw = src.unit, None
                cue = True
        if cue is None and measure == "rate" and CTX["share"].search(lead):
            kind = "share" if kind == "level" else kind
            for j in range(idx - 1, max(-1, idx - 21), -1):
                if self.qs[j].start < sent[0]:
                    break
                d = done[j]
                if d.kind == "level" and d.indicator in SHARE_RATES and self.qs[j].unit != "%":
                    indicator = SHARE_RATES[d.indicator]
                    kind = "level"
                    break
                if d.indicator:
                    break
        if indicator is not None and unit is None:
            unit = _default_unit(indicator)
            unit_raw = None
        if indicator is not None and measure == "rate" and q.value > 100:
            indicator = None
        scope = self.scope_at(q.start, sent[0], clause) if indicator else None
        if year is None:
            year = base_year if base_year is not None else self.year_at(q.start, sent, paren, clause[0])
        all_closed = False
        if indicator in ("reconsideration.accepted", "litigation.cases") and kind == "level":
            all_closed = bool(CTX["all_closed"].match(m, q.tail))
        res = result(kind, indicator, scope, year, unit, unit_raw, all_closed)
        res.also = also if indicator else ()
        return res

    def _pick(self, hits, measure, unit, bounded, fam, roles, text=None):
        """The cue ending nearest the number (then the longest). Verbs joined to it by 、/和
        (审核、备案行政规范性文件3个) name further indicators of the same number: self.also."""
        ok = []
        for e, s, cue in hits:
            if cue.role not in roles or cue.measure != measure:
                continue
            if not _unit_ok(cue, unit, bounded):
                continue
            if cue.families is not None and fam not in cue.families:
                continue
            ok.append((e, s, cue))
        self.also = ()
        if not ok:
            return None, None
        e, s, cue = max(ok, key=lambda h: (h[0], h[0] - h[1]))
        ind = _fill(cue.indicator, fam)
        text = self.m if text is None else text
        also = []
        while cue.indicator:
            prev = [h for h in ok if h[0] < s and s - h[0] <= 1 and text[h[0]:s] in ("、", "和", "及", "与", "并")]
            if not prev:
                break
            e2, s, c2 = max(prev, key=lambda h: h[0] - h[1])
            if c2.indicator and _fill(c2.indicator, fam) != ind:
                also.append(_fill(c2.indicator, fam))
        self.also = tuple(also)
        return ind, cue

    def _national_before(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.national_at, a)
        return i < len(self.national_at) and self.national_at[i] < b

    def _compared_year(self, a: int, b: int) -> str | None:
        """The last year named after 较/比/与 in text[a:b] (与2019年相比), as written."""
        i = bisect.bisect_left(self.year_ends, a)
        j = bisect.bisect_right(self.year_ends, b)
        for e, s, y, rel, compared in reversed(self.year_hits[i:j]):
            if s >= a and compared and y is not None:
                return str(y)
        return None

    def _respectively(self, idx, lead_start, lead, prev_idx, measure, unit, fam):
        """申请量、受理量分别为210件、196件: the i-th number of a 分别 list takes the cue of the
        i-th item of the list before 分别."""
        self.also = ()
        if prev_idx is not None and prev_idx in self._resp and CTX["joined"].fullmatch(lead):
            items, k = self._resp[prev_idx]
            k += 1
        else:
            r = CTX["respectively"].search(lead) if ("分别" in lead or "依次" in lead) else None
            if r is None:
                return None, None
            items, k, a = [], 0, lead_start
            stop = lead_start + r.start()
            if not _lead_cues(self.m[lead_start:stop])[1]:
                # 行政复议案件数量首次超过行政诉讼案件数量,分别为312件和275件: the list is the
                # clause before, when it states no figure of its own
                sent = self.sentence_of(lead_start)
                ck = self.clause_index(lead_start, sent)
                if ck:
                    prev = self._clause_list(sent)[0][ck - 1]
                    if not self._numbers_in(prev):
                        a, stop = prev
            for sep in CTX["list_separator"].finditer(self.m, a, stop):
                items.append((a, sep.start()))
                a = sep.end()
            items.append((a, stop))
            if len(items) < 2:
                return None, None
        self._resp[idx] = (items, k)
        if k >= len(items):
            return None, None
        a, b = items[k]
        hits = self.cues_in(a, b)
        text = None
        if not hits:               # a list in a clause with no number: its cues were not scanned
            text = self.m[a:b]
            item_fam, hits = _lead_cues(text)
            fam = item_fam or fam
        indicator, cue = self._pick(hits, measure, unit, True, fam, ("verb",), text)
        if cue is None:
            indicator, cue = self._pick(hits, measure, unit, True, fam, ("noun",), text)
        self.also = ()
        return indicator, cue

    def _carry_from_previous_clause(self, q, sent, clause, measure, unit, bounded, fam, kind, new_period=False):
        """达到92% after 出庭应诉率较去年提高15个百分点: the cue of the clause before, if no level
        figure there used it. The clause before must not be about another body."""
        cl = self._clause_list(sent)[0]
        k = self.clause_index(q.start, sent)
        if not k:
            return None, None, kind
        prev = cl[k - 1]
        i = bisect.bisect_left(self.qstarts, prev[0])
        while i < len(self.qs) and self.qs[i].start < prev[1]:
            pq = self.qs[i]
            if (pq.unit == "%") == (measure == "rate") and pq.unit_kind != "change" and not new_period:
                return None, None, kind              # that clause's cue has its own figure
            i += 1
        text = self.m[prev[0]:prev[1]]
        indicator, cue = self._pick(_lead_cues(text)[1], measure, unit, bounded, fam, ("verb", "noun"), text)
        if cue is not None and (CTX["other_body"].search(self.m, prev[0], prev[1])
                                or CTX["breakdown"].search(self.m, prev[0], prev[1])):
            kind = "other_body"
        return indicator, cue, kind

    def _pick_after(self, a, b, measure, unit, fam):
        window = self.m[a:b]
        if not _ANY_AFTER.match(window):
            return None, None          # no after-cue at all (one regex instead of one per cue)
        best = None
        for cue in AFTER_CUES:
            if cue.measure != measure:
                continue
            if not _unit_ok(cue, unit, True):
                continue
            h = cue.rx.match(window)
            if h is None:
                continue
            if cue.families is not None and fam not in cue.families:
                if fam is not None:
                    continue
                # 9件行政诉讼案件未审结: the family is named after the number
                if _first_family(window) not in cue.families:
                    continue
                fam = _first_family(window)
            # all after-cues start at the measure word: the longest says most (41件行政诉讼案件
            # 开庭审理 is hearings, 9件行政诉讼案件未审结 is pending, not cases)
            if h and (best is None or h.end() > best[0]):
                best = (h.end(), cue)
        if best is None:
            return None, None
        return _fill(best[1].indicator, fam), best[1]

    # ----------------------------------------------------------- tables
    def _classify_cell(self, q: Quantity, para: int, sent, clause) -> Classified | None:
        m = self.m
        cells, starts, texts, labels = self._row(para)
        if len(cells) < 2:
            return None
        ci = bisect.bisect_right(starts, q.start) - 1
        if ci < 0 or not (cells[ci][0] <= q.start < cells[ci][1]) or texts[ci] is not None:
            return None        # a cell of prose ("首页 | 2022年受理…54件") is read as prose
        # the row label: the nearest non-numeric cell to the left
        label = labels[ci]
        # the column header: the same column of the nearest row above whose cell is text;
        # the caption: the paragraph before the table
        caption, headers = self._table_context(para)
        header = headers.get(ci, "")
        unit, unit_raw = q.unit, q.unit_raw
        if unit is None and (_PERCENT_CELL.search(self._raw_label(para, ci)) or _PERCENT_CELL.search(
                self._raw_header(para, ci))):
            unit, unit_raw = "%", "%"          # 败诉率(%) | 9.8: the unit is in the label or header
        measure = "rate" if unit == "%" else "count"
        year_m = _YEAR_RX.search(header) or _YEAR_RX.search(caption)
        year = int(year_m.group("abs")) if year_m and year_m.group("abs") else self.report_year
        period = CTX["period_labels"].fullmatch(label) if label else None
        if period and year is not None and _YEAR_RX.fullmatch(label) is None and (
                label.startswith(("去年", "上年"))):
            year -= 1                          # 去年同期 | 265: the figures of the year before
        fam, hits = _lead_cues(f"{caption} {header} {label}")
        if fam is None:                        # 受理(件) under 收到行政复议申请(件): the table's family
            fam = self._table_family(para)
        indicator, cue = self._pick(hits, measure, unit, True, fam, ("verb",))
        if cue is None:
            indicator, cue = self._pick(hits, measure, unit, True, fam, ("noun",))
        if indicator and unit is None:
            unit, unit_raw = _default_unit(indicator), None
        own_label = self._is_reporting_body(label)
        label_scope = _label_scope(label)
        if CTX["total_labels"].fullmatch(label) or CTX["total_labels"].fullmatch(header):
            kind, scope = "level", "all"
        elif own_label:
            kind, scope = "level", "government"
        elif (not label and all(t is None for t in texts)) or period:
            kind, scope = "level", "all"       # a row of figures only (under its header), or 本期 | 312
        elif label_scope is not None:
            kind, scope = "level", label_scope # 县政府 | 12, 县直部门 | 45
        else:
            label_hits = _lead_cues(label)[1]
            kind, scope = ("level", "all") if label_hits and (not header or _YEAR_RX.fullmatch(header)
                                                               or header in ("数量", "件数", "数")) else ("breakdown", None)
        if not indicator:
            scope = None
        return Classified(kind, indicator, scope, year, unit, unit_raw, sent, clause, para)

    def _row(self, para: int):
        """A table row: its cells, their starts, their text (None for a numeric cell) and, for
        each cell, the nearest text cell to its left (the row label)."""
        key = ("row", para)
        if key not in self._tables:
            ps, pe = self.paras[para]
            cells = _cells(self.m, ps, pe)
            texts, labels, last = [], [], ""
            raw_labels, last_raw = [], ""
            for cs, ce in cells:
                txt = self.m[cs:ce].strip()
                labels.append(last)
                raw_labels.append(last_raw)
                is_text = bool(txt) and not _NUMERICISH.fullmatch(txt)
                texts.append(txt if is_text else None)
                if is_text:
                    last = txt
                    last_raw = self.t[cs:ce]
            self._tables[key] = (cells, [c[0] for c in cells], texts, labels)
            self._tables[("raw", para)] = raw_labels
        return self._tables[key]

    def _table_context(self, para: int):
        """(caption, {column: header}) of a table row, from the rows above it (computed for a
        whole table at once, so a long table costs no more than its rows)."""
        if para in self._tables:
            return self._tables[para]
        m = self.m
        first = para
        while first > 0 and "|" in m[self.paras[first - 1][0]:self.paras[first - 1][1]]:
            first -= 1
        caption = ""
        if first > 0:
            cap = m[self.paras[first - 1][0]:self.paras[first - 1][1]]
            caption = cap[cap.rfind("。", 0, len(cap) - 1) + 1:] if "。" in cap[:-1] else cap
        above: dict[int, str] = {}
        above_raw: dict[int, str] = {}
        fam_above = None
        k = first
        while k < len(self.paras) and "|" in m[self.paras[k][0]:self.paras[k][1]]:
            self._tables[k] = (caption, dict(above) if len(above) < 64 else above.copy())
            # the original header text of each column and the family named in the rows above
            self._tables[("extra", k)] = (above_raw.copy(), fam_above)
            cells, _s, texts, _l = self._row(k)
            for i, txt in enumerate(texts):
                if txt is not None:
                    above[i] = txt
                    above_raw[i] = self.t[cells[i][0]:cells[i][1]]
                    fam = _lead_cues(txt)[0]
                    if fam is not None:
                        fam_above = fam
            k += 1
        return self._tables.get(para, (caption, {}))

    def _raw_label(self, para: int, ci: int) -> str:
        """The original text (not masked) of the row label of cell ci."""
        self._row(para)
        return self._tables[("raw", para)][ci]

    def _raw_header(self, para: int, ci: int) -> str:
        """The original text of the column header of cell ci (the nearest text cell above)."""
        self._table_context(para)
        return self._tables.get(("extra", para), ({}, None))[0].get(ci, "")

    def _table_family(self, para: int) -> str | None:
        """The family named last in the row labels and headers above a row."""
        self._table_context(para)
        return self._tables.get(("extra", para), ({}, None))[1]

    def _is_reporting_body(self, label: str) -> bool:
        """A row label that names the body at the top of the document (its first lines, before
        any table): a ministry's own row in a table of ministries it publishes."""
        if len(label) < 2 or not self.paras:
            return False
        head_end = 0
        for ps, pe in self.paras[:3]:
            if "|" in self.m[ps:pe]:
                break
            head_end = pe
        return label in self.t[:min(head_end, 300)]


_PERCENT_CELL = re.compile(r"[(（]\s*(?:单位\s*[:：]?\s*)?[%％]\s*[)）]")


@lru_cache(maxsize=4096)
def _label_scope(label: str) -> str | None:
    """The scope a row label names by itself (县政府, 县直部门, 各部门), else None."""
    if len(label) > 12:
        return None
    found = None
    for scope, rx in SCOPE_RX:
        h = rx.match(label)
        if h and h.end() >= len(label) - 2:
            found = scope
    return found


_NUMERICISH = re.compile(r"[\d.,%\s件起宗人个项次份条元万亿余多]*")


def _cells(m: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    while pos <= e:
        k = m.find("|", pos, e)
        end = e if k == -1 else k
        out.append((pos, end))
        if k == -1:
            break
        pos = k + 1
    return out


@lru_cache(maxsize=4096)
def _lead_cues(lead: str):
    """The family and the cue matches of a free-standing lead (a table cell's caption, header, label)."""
    fam_hits = sorted((h.end(), name) for name, rx in FAMILY_RX for h in rx.finditer(lead))
    fam = fam_hits[-1][1] if fam_hits else None
    hits = tuple((h.end(), h.start(), cue) for cue in CUES if cue.role != "after" for h in cue.rx.finditer(lead))
    return fam, hits


@lru_cache(maxsize=4096)
def _first_family(text: str) -> str | None:
    """The family named first in `text` (the words right after a number)."""
    best = None
    for name, rx in FAMILY_RX:
        h = rx.search(text)
        if h and (best is None or h.start() < best[0]):
            best = (h.start(), name)
    return best[1] if best else None


def _fill(indicator: str | None, fam: str | None) -> str | None:
    if indicator and "{family}" in indicator:
        return indicator.replace("{family}", fam or "")
    return indicator


def _unit_ok(cue: Cue, unit: str | None, bounded: bool) -> bool:
    if cue.indicator is None:
        return True          # a blocking phrase blocks whatever the measure word
    if unit is None:
        return bounded and cue.measure == "count"
    return unit in cue.units


@lru_cache(maxsize=None)
def _default_unit(indicator: str) -> str | None:
    for c in CUES:
        if c.indicator == indicator or (c.indicator and "{family}" in c.indicator
                                        and c.indicator.split(".", 1)[1] == indicator.split(".", 1)[1]):
            return c.units[0]
    ind = catalogue().get(indicator)
    return ind.unit if ind else None


def phrase_facts(text: str):
    """Figures stated without a numeral (零败诉): (number start, number end, indicator, value, unit)."""
    out = []
    for rx, number, indicator, value, unit in PHRASES:
        for h in rx.finditer(text):
            k = h.group().find(number)
            s = h.start() + max(k, 0)
            out.append((s, s + len(number), indicator, value, unit))
    return out
