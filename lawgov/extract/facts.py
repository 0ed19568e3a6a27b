"""Text to mentions and facts.

`extract(text, report_year)` normalises the text (text.normalise: Simplified, half-width,
pinyin glosses removed), scans every quantity (mentions.scan), classifies each in its
clause and sentence (reading.Analysis), and returns:

- mentions: every quantity, classified or not (indicator None when no cue applies), with
  its role (total, subset, other_body, multi_year …) and the reason it is not a fact, so
  nothing in a report is lost to an analyst;
- facts: the level figures (and the earlier-year figures of comparisons) that have an
  indicator, one Fact per distinct (indicator, value, unit, year, scope) with every
  sentence that states it as evidence; plus derived facts: the corrected total summed
  from its components (撤销 + 变更 + 确认违法 + 责令履行) when a passage gives those
  and no total, the count of a code's two ways given apart in one sentence (调解 + 和解,
  驳回起诉 + 驳回诉讼请求), and the closed count of a "均已办结" after an accepted count.

Spans and evidence are always of the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from lawgov.extract.reading import Analysis, catalogue, phrase_facts
from lawgov.extract.reading.rules import CTX
from lawgov.extract.reading.places import numeral_places
from lawgov.extract.mentions import scan
from lawgov.text import NormalText, join_tables, normalise

__all__ = ["Mention", "Fact", "Extraction", "extract"]

CORRECTION_PARTS = ("reconsideration.revoked", "reconsideration.altered",
                    "reconsideration.confirmed_illegal", "reconsideration.ordered_performance")
FACT_KINDS = ("level", "comparison_base")
INTAKE_WORDS = re.compile("受理|收案|新收|立案")
# a closed count's own clause naming one way of closing (以原告撤诉等方式结案1811件, 调解结案): a part
CLOSED_ONE_WAY = re.compile(r"(?:撤诉|撤回起诉|调解|和解|协调|方式)[^，,;；。]{0,12}$")
ROLES = {"level": "total", "breakdown": "subset", "share": "share", "change": "change",
         "comparison_base": "comparison_base", "other_body": "other_body", "cumulative": "multi_year",
         "target": "target", "range": "range", "month": "part_period",
         "heading": "total",   # (a bare number ending a heading: no indicator, so no fact)
         "cut": "unread", "joint": "total", "ordinal": "unread"}
DEFAULT_REASONS = {"breakdown": "a subset of a total", "share": "a share of a total",
                   "change": "a change", "other_body": "another body's figure",
                   "cumulative": "a total over several years", "target": "a target or plan",
                   "range": "a range across bodies", "month": "a figure of one month"}


NO_YEAR = ("no year: neither its sentence nor the report names one (a manifest row with the "
           "report_year makes it a fact)")


# the government a no-case phrase names as the respondent or defendant (未发生以镇政府为被申请人…,
# 市政府未发生作为被申请人的…, 未发生以镇政府为被告的…, 镇人民政府作为被申请人的…为零): its tier, or a
# street's office
NO_CASE_RESPONDENT = re.compile(r"以(?:本级(?:人民)?(?:政府)?|(?P<tier>苏木|[省市区县州旗盟镇乡])?(?:人民)?政府|(?P<street>(?:街道)?办事处|街道)|(?P<bureau>[我本](?:局|委|厅|办|单位)|局机关))为被(?:申请人|告)"
                                r"|(?:(?P<tier2>苏木|[省市区县州旗盟镇乡])(?:人民)?政府|(?P<street2>街道办事处))"
                                r"(?:全年)?(?:未发生|没有发生|作为被申请人|为被申请人|作为被告|为被告)")


def _own_party_named(analysis, t: str, ps: int) -> str | None:
    """Whose no-case phrase at ps is the page's own: 'government' when it names the page's own
    government as the respondent (本级, a bare 政府, the page's own tier: 镇政府 on a township's
    page, a street's office on a street's page), 'bureau' when a bureau names itself (我局); None
    for a tier below or above it."""
    h = NO_CASE_RESPONDENT.search(t, max(0, ps - 12), ps + 24)
    if h is None:
        return None
    if h.group("bureau"):
        return "bureau"
    if h.group("street") or h.group("street2"):
        return "government" if analysis.own_tier() == 4 else None
    tier = h.group("tier") or h.group("tier2")
    return "government" if tier is None or CTX["tier_rank"].get(tier) == analysis.own_tier() else None


def reason_not_fact(kind: str, reason: str | None, indicator: str | None, unit: str | None,
                    year: int | None = 0) -> str | None:
    """Why a quantity stays a mention (None when it is a fact), in words an analyst reads.
    A figure of no known year is no fact: it cannot be placed beside a year's figures."""
    if kind not in FACT_KINDS:
        return reason or DEFAULT_REASONS.get(kind, kind)
    if indicator is None:
        return reason or "no cue names its indicator"
    if unit is None:
        return "no unit"
    if year is None:
        return NO_YEAR
    return None


@dataclass
class Mention:            # every quantity in the text, classified or not
    span_start: int
    span_end: int         # of the numeral in the ORIGINAL text
    number_text: str      # original[span_start:span_end]
    value: float | None
    unit: str | None
    unit_raw: str | None
    qualifier: str        # exact | at_least | approx | at_most
    kind: str             # level | change | comparison_base | breakdown | other_body | share | target | cumulative | range
    year: int | None
    indicator: str | None
    scope: str | None
    sentence: str         # original text
    clause: str           # original text
    role: str = "total"   # total | subset | share | change | comparison_base | other_body | multi_year | part_period | target | range | unread
    reason: str | None = None   # why it is not a fact (None when it is one)


@dataclass
class Fact:
    indicator: str
    value: float
    unit: str
    unit_raw: str | None
    qualifier: str
    year: int | None
    scope: str            # all | government | departments
    evidence: str         # the sentence, original text
    span_start: int
    span_end: int         # of the numeral in the ORIGINAL text (derived: of the first part)
    derived: bool = False
    derivation: str | None = None
    evidences: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Extraction:
    mentions: list[Mention]
    facts: list[Fact]


def extract(text: str, report_year: int | None, *, published_on: date | None = None,
            normal: NormalText | None = None, level: str | None = None,
            doc_kind: str | None = None, region_name: str | None = None) -> Extraction:
    """Every quantity of `text` and the facts among them. `published_on` (the page's date, when
    known) resolves 今年 and 去年: 去年 on a page published in year Y is Y−1. `normal` is
    `normalise(text)` when the caller has it already (the build shares it with documents).
    `level` is the reporting body's level from its document row (city, district …): the tier
    the page speaks as when its own words (我市, 全区 …) leave it open. `doc_kind` is the
    document row's kind (annual_report, news …): an annual report says 今年 of its own year.
    `region_name` is the reporting region's name (青岛市): a place so named is no other body."""
    if not text:
        return Extraction([], [])
    nt = normal or normalise(text)
    t = join_tables(nt.text, _tab_positions(text, nt))
    unread: list[tuple[int, int, str]] = []
    qs = scan(t, unread=unread, names=numeral_places())
    analysis = Analysis(t, report_year, qs, published_on, level, doc_kind, region_name)
    classified = analysis.classify()
    known = catalogue()

    def orig(span: tuple[int, int]) -> tuple[int, int]:
        return nt.to_original(span[0], span[1])

    sentence_cache: dict[tuple[int, int], str] = {}

    def orig_text(span: tuple[int, int]) -> str:
        if span not in sentence_cache:
            s, e = orig(span)
            sentence_cache[span] = text[s:e]
        return sentence_cache[span]

    mentions: list[Mention] = []
    two_way_parts: list[tuple[tuple, tuple[int, int], str]] = []
    facts: dict[tuple, Fact] = {}
    order: list[tuple] = []
    para_of_fact: dict[tuple, int] = {}

    def add_fact(key, fact: Fact, para: int):
        if key in facts:
            f = facts[key]
            ev = (fact.span_start, fact.span_end, fact.evidence)
            if ev not in f.evidences:
                f.evidences.append(ev)
            return
        fact.evidences = [(fact.span_start, fact.span_end, fact.evidence)]
        facts[key] = fact
        order.append(key)
        para_of_fact[key] = para

    for q, c in zip(qs, classified):
        s, e = orig((q.start, q.end))
        sentence = orig_text(c.sentence)
        indicator = c.indicator if c.indicator in known else None
        why = reason_not_fact(c.kind, c.reason, indicator, c.unit, c.year)
        mentions.append(Mention(s, e, text[s:e], q.value, c.unit, c.unit_raw, q.qualifier, c.kind,
                                c.year, indicator, c.scope if indicator else None, sentence,
                                orig_text(c.clause), ROLES.get(c.kind, c.kind), why))
        if why is not None:
            continue
        scope = c.scope or "all"
        key = (indicator, q.value, c.unit, c.year, scope)
        add_fact(key, Fact(indicator, q.value, c.unit, c.unit_raw, q.qualifier, c.year, scope,
                           sentence, s, e), c.paragraph)
        if indicator in TWO_WAYS:
            two_way_parts.append((key, c.sentence, _way_named(indicator, t[c.clause[0]:q.start])))
        for other in c.also:
            if other in known:
                add_fact((other, q.value, c.unit, c.year, scope),
                         Fact(other, q.value, c.unit, c.unit_raw, q.qualifier, c.year, scope, sentence, s, e),
                         c.paragraph)
        if c.all_outcome:
            outcome = indicator.split(".")[0] + "." + c.all_outcome
            if outcome in known:
                add_fact((outcome, q.value, c.unit, c.year, scope),
                         Fact(outcome, q.value, c.unit, c.unit_raw, q.qualifier, c.year, scope, sentence,
                              s, e, derived=True,
                              derivation=f"{_ALL_SAID[c.all_outcome]}: all {q.value:g} cases were {c.all_outcome}"),
                         c.paragraph)
        if c.all_accepted:
            add_fact(("reconsideration.accepted", q.value, c.unit, c.year, scope),
                     Fact("reconsideration.accepted", q.value, c.unit, c.unit_raw, q.qualifier, c.year, scope,
                          sentence, s, e, derived=True,
                          derivation=f"全部受理: all {q.value:g} applications were accepted"), c.paragraph)

    # figures stated without a numeral: 零败诉
    for ps, pe, indicator, value, unit in phrase_facts(t):
        sent = analysis.sentence_of(ps)
        # (in its clause: 上年结转6件,无败诉 is this year's record, as 败诉1件 there would be)
        year = analysis.year_at(ps, sent, None, analysis.clause_of(ps, sent)[0])
        s, e = orig((ps, pe))
        sentence = orig_text(sent)
        scope = analysis.scope_at(ps, sent[0])
        if scope == "all":
            scope = analysis.scope_named_before(sent[0], ps)
        if scope == "all" and indicator in ("reconsideration.as_respondent", "litigation.cases") \
                and _own_party_named(analysis, t, ps) == "government":
            scope = "government"          # 我镇未发生以镇政府为被申请人(被告)的…案件: the body's government
        not_level = analysis._not_level_before(sent[0], ps)
        tg = CTX["target"].search(t, sent[0], ps) if not_level is None else None
        if tg is not None and not (tg.group("future") and report_year and int(tg.group("future")) <= report_year):
            not_level = "target"          # (a sentence with no numeral is outside the scanned windows)
        if not_level is None and analysis.intended(ps, sent):
            not_level = "target"          # 五、2020年工作计划 … 确保全年无行政败诉案件
        others = analysis.others_before(ps, sent) if not_level is None else None
        if not_level is None and not others and (part := _record_of_a_part(t, analysis, ps, sent, qs, classified)):
            not_level, others = "breakdown", part
        if not_level is None and not others and indicator == "litigation.cases" \
                and not _own_party_named(analysis, t, ps):
            # 未发生以县政府为被告的…案件 on a township's page: another tier's government's record
            not_level, others = "other_body", "no lawsuit of a government other than the page's own"
        if not_level is None and not others and value == 0 and _counted_otherwise(indicator, year, scope, classified):
            # 败诉3件。县长出庭应诉2次,均无败诉: the page counts its losses; the words speak of a part
            not_level, others = "breakdown", "a zero in words where the page counts this measure otherwise"
        if not_level is not None or others or ps >= analysis.related_reading_start():
            # 今年力争实现零败诉: a target (or a span, or another article's headline), not the year's;
            # 南湖区、西岭区无一败诉: the places' own record, not the reporting body's
            mentions.append(Mention(s, e, text[s:e], value, unit, None, "exact", not_level or "other_body",
                                    year, indicator, scope, sentence, sentence,
                                    ROLES.get(not_level or "other_body", "target"),
                                    others or reason_not_fact(not_level or "other_body", None, indicator, unit)))
            continue
        mentions.append(Mention(s, e, text[s:e], value, unit, None, "exact", "level", year, indicator,
                                scope, sentence, sentence, reason=NO_YEAR if year is None else None))
        if year is None:
            continue
        add_fact((indicator, value, unit, year, scope),
                 Fact(indicator, value, unit, None, "exact", year, scope, sentence, s, e),
                 analysis.paragraph_index(ps))

    _join_parts_counted_apart(facts, order, para_of_fact, add_fact, two_way_parts, mentions)
    _derive_corrected(facts, order, para_of_fact, add_fact, _cut_paragraph(t, analysis.paras),
                      _label_blocks(t, analysis.paras))
    _lawsuits_from_closed(facts, order, para_of_fact, add_fact)
    rounded = _rounded_beside_exact(facts, order)
    for m in mentions:
        why = rounded.get((m.indicator, m.value, m.unit, m.year, m.scope or "all"))
        if why and m.reason is None:
            m.reason = why
    for us, ue, why in unread:           # degrade, don't discard: the numeral stays, unread
        s, e = orig((us, ue))
        sentence = orig_text(analysis.sentence_of(us))
        mentions.append(Mention(s, e, text[s:e], None, None, None, "exact", "unread", None, None, None,
                                sentence, sentence, "unread", why))
    mentions.sort(key=lambda m: m.span_start)
    return Extraction(mentions, [facts[k] for k in order if k not in rounded])


ROUNDED_RANGE = {"at_least": (1.0, 1.5), "approx": (0.8, 1.25), "at_most": (0.5, 1.0)}


_ALL_SAID = {"closed": "均已办结", "upheld": "均维持"}


ALL_OF_THEM = re.compile(r"(?:均|全部|皆)\s*$")
# the counts of all the body's lawsuits, whose record 均未败诉 after them is
LAWSUITS_WHOLE = ("litigation.cases", "litigation.closed")


def _counted_otherwise(indicator: str, year: int | None, scope: str | None, classified) -> bool:
    """The page states a figure of this measure for the year and scope, as the body's."""
    return any(c.kind == "level" and c.indicator == indicator and c.year == year
               and (c.scope or "all") == (scope or "all") for c in classified)


def _tab_positions(text: str, nt: NormalText) -> frozenset[int]:
    """Where the normalised text has a space that was a tab: a tab-separated table's cell
    boundaries, two of them side by side an empty cell."""
    if "\t" not in text:
        return frozenset()
    out, n = set(), len(nt.text)
    for m in re.finditer("\t", text):     # (a few tabs: each looked up in the offset map, not
        i = bisect.bisect_left(nt.offsets, m.start(), 0, n)   # every character walked)
        if i < n and nt.offsets[i] == m.start():
            out.add(i)
    return frozenset(out)


def _record_of_a_part(t: str, analysis: Analysis, ps: int, sent, qs, classified) -> str | None:
    """均未败诉 said of the figure before it in its sentence when that is a part or no figure of
    the body's lawsuits (经复议后被诉的案件14件,复议机关作为共同被告的9件,均未败诉): their record,
    not the body's. A count of a part of the lawsuits (负责人出庭应诉12件,均胜诉; 二审8件,均未败诉)
    is such a part, unless the sentence gave the lawsuits' count before it (行政诉讼案件4件,主任出庭
    应诉3次,均无败诉): then, as after a rate, 均 speaks of all of them."""
    before = [(j, q, c) for j, (q, c) in enumerate(zip(qs, classified)) if sent[0] <= q.start < ps]
    if not before:
        return None
    j, _q, c = before[-1]
    if analysis.counts_another_docket(j):
        return "said after a count of another docket's cases (民事诉讼案件9件,全部零败诉), their record"
    if not ALL_OF_THEM.search(t, max(0, ps - 3), ps):
        # (其中区市场监管局被诉12件,全年未发生败诉: right after a part's figure, the part's record)
        return "said right after a part's or another body's count of cases, its record" \
            if c.kind in ("breakdown", "other_body") and c.unit == "件" else None
    if c.kind == "level" and (c.indicator in LAWSUITS_WHOLE or (c.indicator or "").startswith("litigation.")
                              and (c.unit == "%" or any(b.kind == "level" and b.indicator in LAWSUITS_WHOLE
                                                        for _j, _q, b in before))):
        return None
    return "said of the figures before it (均未败诉), which are not the body's lawsuits"


def _rounded_beside_exact(facts, order) -> dict[tuple, str]:
    """A rounded figure (2万余件, 约5000件) of a measure whose exact figure the document states
    (21386件) is the same figure said loosely, often in a headline: the exact one is the fact.
    Returns the keys of the rounded facts, with the reason they are not facts."""
    exact: dict[tuple, list[float]] = {}
    for k in order:
        f = facts[k]
        if f.qualifier == "exact":
            exact.setdefault((f.indicator, f.unit, f.year, f.scope), []).append(f.value)
    out = {}
    for k in order:
        f = facts[k]
        lo, hi = ROUNDED_RANGE.get(f.qualifier, (None, None))
        if lo is None:
            continue
        near = [v for v in exact.get((f.indicator, f.unit, f.year, f.scope), []) if lo * f.value <= v <= hi * f.value]
        if near:
            out[k] = f"a rounded figure; the exact one ({near[0]:g}) is stated"
    return out


def _cut_paragraph(t: str, paras: list[tuple[int, int]]) -> int | None:
    """The last paragraph when the page ends inside it (no sentence end): its lists may go on.
    A table's last row as long as the row above it is whole, though no sentence ends it."""
    if not paras or t.rstrip().endswith(("。", "！", "？", "!", "?", "”", "」", ")", "）")):
        return None
    last = t[paras[-1][0]:paras[-1][1]].rstrip()
    full_row = "|" in last and len(paras) > 1 and last.count("|") == t[paras[-2][0]:paras[-2][1]].count("|")
    if full_row and (last[-1:].isdigit() or last.endswith("%")):
        return None
    if len(paras) > 1 and _label_line(last) and _label_line(t[paras[-2][0]:paras[-2][1]].strip()) \
            and re.search(r"[\d%％件次项人个份卷]$", last):
        return None            # (a label line as whole as the one above it: 纠错率:6.6%)
    return len(paras) - 1


LIST_ITEM_START = re.compile(r"[、\d]")
# a label line: short, a figure on it, no sentence's marks (撤销:61件)
LABEL_LINE_MAX = 24
SENTENCE_MARKS = re.compile(r"[。；;，,]")
FIGURE_CHAR = re.compile(r"[\d零一二两三四五六七八九十百]")
# codes that count two ways of one outcome, each of which a report may count apart
TWO_WAYS = {"reconsideration.mediated": ("调解", "和解"),          # settled by mediation, by agreement
            "litigation.dismissed": ("起诉", "诉讼请求")}           # 驳回起诉, 驳回诉讼请求


def _way_named(indicator: str, lead: str) -> str:
    """Which of its code's two ways the words before a count name, since the figure or list
    item before it (…9件、以和解方式结案5件): one of them, or "both" (调解和解, or neither)."""
    lead = LIST_ITEM_START.split(lead)[-1]
    a, b = TWO_WAYS[indicator]
    has = (a in lead, b in lead)
    return a if has == (True, False) else b if has == (False, True) else "both"


def _join_parts_counted_apart(facts, order, para_of_fact, add_fact, words, mentions):
    """The two ways of one code counted apart in one sentence (以调解方式结案9件、以和解方式结案5件;
    判决驳回诉讼请求35件,裁定驳回起诉12件): the code counts both, so each is a part and their sum
    the fact, unless the sentence counts both together as well (调解和解14件). A part also
    stated elsewhere is left as it is."""
    groups: dict[tuple, list[tuple[tuple, str]]] = {}
    for key, sent, word in words:
        groups.setdefault((key[0], sent, key[3], key[4]), []).append((key, word))
    for (indicator, _sent, year, scope), members in groups.items():
        parts = [(k, w) for k, w in members if w != "both" and k in facts]
        if {w for _k, w in parts} != set(TWO_WAYS[indicator]) \
                or any(len(facts[k].evidences) > 1 for k, _w in parts):
            continue
        parts.sort(key=lambda kw: facts[kw[0]].span_start)
        first, para = facts[parts[0][0]], para_of_fact[parts[0][0]]
        values = [(w, facts[k].value) for k, w in parts]
        spans = {facts[k].span_start for k, _w in parts}
        for k, _w in parts:
            del facts[k]
            order.remove(k)
        a, b = TWO_WAYS[indicator]
        why = f"a part of its code's count: {a} and {b} counted apart, their sum is the fact"
        for m in mentions:
            if m.span_start in spans and m.indicator == indicator and m.reason is None:
                m.kind, m.role, m.reason = "breakdown", "subset", why
        if any(w == "both" for _k, w in members):
            continue
        total = sum(v for _w, v in values)
        add_fact((indicator, total, first.unit, year, scope),
                 Fact(indicator, total, first.unit, None, "exact", year, scope,
                      first.evidence, first.span_start, first.span_end, derived=True,
                      derivation=" + ".join(f"{w}{v:g}" for w, v in values) + f" = {total:g}"), para)


def _label_line(line: str) -> bool:
    return len(line) <= LABEL_LINE_MAX and not SENTENCE_MARKS.search(line) and bool(FIGURE_CHAR.search(line))


def _label_blocks(t: str, paras: list[tuple[int, int]]) -> list[int]:
    """Each paragraph's block: a run of short label lines (维持:402件 ⏎ 撤销:61件 ⏎ …) is one
    block, as one paragraph of prose is; any other paragraph is a block of its own."""
    blocks, prev_label = [], False
    for ps, pe in paras:
        label = _label_line(t[ps:pe].strip())
        blocks.append(blocks[-1] if blocks and label and prev_label else len(blocks))
        prev_label = label
    return blocks


def _derive_corrected(facts, order, para_of_fact, add_fact, cut_para: int | None = None,
                      blocks: list[int] | None = None):
    """The corrected total from its components, in a paragraph (or a block of label lines) that
    states no total and that the end of the page does not cut (its list of components may go on
    past the cut)."""
    def block(p):
        return blocks[p] if blocks is not None and p is not None and 0 <= p < len(blocks) else p
    cut_para = block(cut_para)
    groups: dict[tuple, list] = {}
    stated, stated_years, paras_of = set(), set(), {}
    for k in order:
        f = facts[k]
        para = block(para_of_fact[k])
        if f.indicator == "reconsideration.corrected":
            stated.add((para, f.year))
            stated_years.add(f.year)
        if f.indicator in CORRECTION_PARTS:
            groups.setdefault((para, f.year), []).append(f)
            paras_of.setdefault((para, f.year), set()).add(para_of_fact[k])
    for (para, year), group in groups.items():
        if (para, year) in stated or para == cut_para:
            continue
        if len(paras_of[(para, year)]) > 1 and year in stated_years:
            continue    # (a table's rows under a total stated above it: 其中纠错191件。详见下表)
        for parts in _one_whole_each(group):
            _add_corrected(parts, year, para, add_fact)


def _one_whole_each(parts: list) -> list[list]:
    """The parts of a paragraph or table, as the corrections of one whole each: all of them
    when no kind repeats; else by scope (a table's rows, 市政府本级 | 全市, each its own whole),
    and none where a scope still repeats a kind (two wholes the text does not tell apart)."""
    if len({p.indicator for p in parts}) == len(parts):
        return [parts] if len(parts) >= 2 else []
    by_scope: dict = {}
    for p in parts:
        by_scope.setdefault(p.scope, []).append(p)
    return [ps for ps in by_scope.values() if len(ps) >= 2 and len({p.indicator for p in ps}) == len(ps)]


def _add_corrected(parts: list, year, para, add_fact) -> None:
    """The corrected total of one whole's parts (撤销, 变更, 确认违法, 责令履行), as a derived fact."""
    names = {"reconsideration.revoked": "撤销", "reconsideration.altered": "变更",
             "reconsideration.confirmed_illegal": "确认违法",
             "reconsideration.ordered_performance": "责令履行"}
    total = sum(p.value for p in parts)
    first = min(parts, key=lambda p: p.span_start)
    scopes = {p.scope for p in parts}
    scope = scopes.pop() if len(scopes) == 1 else "all"
    derivation = " + ".join(f"{names[p.indicator]}{p.value:g}" for p in parts) + f" = {total:g}"
    add_fact(("reconsideration.corrected", total, "件", year, scope),
             Fact("reconsideration.corrected", total, "件", None, "exact", year, scope,
                  first.evidence, first.span_start, first.span_end, derived=True,
                  derivation=derivation), para)


# the whole named as the subject of a count (全县各级行政机关…审结48件): its own, not a part of a
# party's cases counted beside it
WHOLE_NAMED = re.compile(r"全[省市区县旗州]|各级")


def _lawsuits_from_closed(facts, order, para_of_fact, add_fact):
    """A lawsuit count given only as 审结 (a document that states no lawsuits received or
    accepted) is the lawsuit count (DOMAIN, Conventions from real pages): the largest of a
    year's and scope's, the others being the ways some of them closed (调解结案15件). Not where
    a lawsuit count of that year and scope is stated (one of the government's alone, beside the
    whole's 审结, does not stop the whole's)."""
    stated = {(facts[k].year, facts[k].scope) for k in order if facts[k].indicator == "litigation.cases"}
    # (…为被告的应诉案件共45件,…已审结39件 in one paragraph: the 39 closed are of the 45, whatever
    # scope the carried subject gave them)
    stated_here: dict[tuple, float] = {}
    for k in order:
        if facts[k].indicator == "litigation.cases":
            key = (facts[k].year, para_of_fact[k])
            stated_here[key] = max(stated_here.get(key, facts[k].value), facts[k].value)
    largest: dict[tuple, float] = {}     # (a part closed one way, 调解结案15件, beside the whole is no count)
    for k in order:
        f = facts[k]
        if f.indicator == "litigation.closed" and not f.derived:
            largest[(f.year, f.scope)] = max(largest.get((f.year, f.scope), f.value), f.value)
    for k in list(order):
        f = facts[k]
        if f.indicator != "litigation.closed" or f.derived or f.value < largest[(f.year, f.scope)] \
                or (f.year, f.scope) in stated \
                or (f.value <= stated_here.get((f.year, para_of_fact[k]), -1) and not WHOLE_NAMED.search(f.evidence)):
            continue
        ev = normalise(f.evidence).text        # (the page's own text: 撤訴 on a Traditional page is 撤诉)
        at = ev.find(format(f.value, "g"))
        if INTAKE_WORDS.search(ev) or CLOSED_ONE_WAY.search(ev[:at] if at > 0 else ev):
            continue
        add_fact(("litigation.cases", f.value, f.unit, f.year, f.scope),
                 Fact("litigation.cases", f.value, f.unit, f.unit_raw, f.qualifier, f.year, f.scope,
                      f.evidence, f.span_start, f.span_end, derived=True,
                      derivation=f"审结 only: the {f.value:g} lawsuits closed are the year's lawsuit count"),
                 para_of_fact[k])

