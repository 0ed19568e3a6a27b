"""The catalogue and the rules, loaded once: what extraction knows, as data.

seeds/indicators.csv is the catalogue; lawgov/extract/rules/ holds the cues (cues.yaml),
the context of a figure (context.yaml: changes, comparison bases, subsets, other bodies,
shares, multi-year spans), scopes (scopes.yaml) and share rates (share_rates.csv). The
reading engine (this package's other modules) only applies them.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from lawgov.text.links import LINK_LINE, RELATED_READING

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
CATALOGUE = ROOT.parent.parent / "seeds" / "indicators.csv"

GAP = "[^，,;；。]"
GAP_NO_DIGIT = "[^，,;；。\\d%\\n\\x01|]"   # a gap never crosses a number, a line or a table cell


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
    also: tuple[str, ...] = ()     # further indicators the same phrase names (审查备案: reviewed and filed)
    unless_tier: int | None = None   # a blocker that does not hold on a page of this tier
    joint: bool = False            # a kind of thing: one number for it and another kind is their sum
    levels: tuple[str, ...] = ()   # the document levels the cue holds on (none: every page)
    kinds: tuple[str, ...] = ()    # the document kinds the cue holds on (court_release …; none: every page)


def compile(p: str, flags: int = 0) -> re.Pattern:
    # a gap between a cue's words never runs over a number
    return re.compile(p.replace(GAP, GAP_NO_DIGIT), flags)


def load_cues():
    data = yaml.safe_load((RULES / "cues.yaml").read_text(encoding="utf-8"))
    family_rx = [(name, compile(p)) for name, p in data["families"].items()]
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
            cues.append(Cue(c.get("indicator"), c["role"], c["measure"], tuple(c["units"]), fam, compile(p),
                            tuple(c.get("also", ())), c.get("unless_tier"), bool(c.get("joint")),
                            tuple(c.get("levels", ())), tuple(c.get("kinds", ()))))
    phrases = []
    for p in data.get("phrases", []):
        phrases.append((re.compile(p["pattern"]), p["number"], p["indicator"], float(p["value"]), p["unit"]))
    return family_rx, cues, phrases


def load_context():
    d = yaml.safe_load((RULES / "context.yaml").read_text(encoding="utf-8"))
    ctx = {
        "change": compile("|".join(f"(?:{p})" for p in d["change"])),
        "not_change": compile(d["not_change"]),
        "level_only_lead": compile(d["level_only_lead"]),
        "generic_items_lead": compile(d["generic_items_lead"]),
        "generic_review_lead": compile(d["generic_review_lead"]),
        "counsel_subject": compile(d["counsel_subject"]),
        "media_name": compile(d["media_name"]),
        "counsel_item": compile(d["counsel_item"]),
        "comparison_base": [compile(p) for p in d["comparison_base"]],
        "paren_base": compile(d["paren_base"]),
        "to_level": compile(d["to_level"]),
        "breakdown": compile("|".join(f"(?:{p})" for p in d["breakdown"])),
        "origin_subset": compile(d["origin_subset"]),
        "other_body": compile("|".join(f"(?:{p})" for p in d["other_body"] + [d["places_listed"]])),
        "places_listed": compile(d["places_listed"]),
        "other_body_sentence": compile(d["other_body_sentence"]),
        "national": compile(d["national"]),
        "national_body_head": re.compile(d["national_body_head"], re.M),
        "place_before_number": compile(d["place_before_number"]),
        "generic_places": set(d["generic_places"]),
        "words_also_places": frozenset(d["words_also_places"]),
        "share": compile(d["share"]),
        "all_closed": compile(d["all_closed"]),
        "all_upheld": compile(d["all_upheld"]),
        "all_accepted": compile(d["all_accepted"]),
        "all_filed": compile(d["all_filed"]),
        "all_reviewed": compile(d["all_reviewed"]),
        "continuation_verb": compile(d["continuation_verb"]),
        "case_words": compile(d["case_words"]),
        "bar_after": compile(d["bar_after"]),
        "page_chrome": compile(d["page_chrome"]),
        "each_lower_tier": compile(d["each_lower_tier"]),
        "announces_table": compile(d["announces_table"]),
        "joined": compile(d["joined"]),
        "respectively": compile(d["respectively"]),
        "list_separator": compile(d["list_separator"]),
        "continuation": compile(d["continuation"]),
        "compared_family": compile(d["compared_family"]),
        "total_labels": compile(d["total_labels"]),
        "period_labels": compile(d["period_labels"]),
        "target": compile(d["target"]),
        "plan_heading": compile(d["plan_heading"]),
        "plan_heading_not": compile(d["plan_heading_not"]),
        "target_clause": compile(d["target_clause"]),
        "signature_line": compile(d["signature_line"]),
        "cumulative": compile(d["cumulative"]),
        "cumulative_object": compile(d["cumulative_object"]),
        "year_own_period": compile(d["year_own_period"]),
        "range": compile(d["range"]),
        "other_docket": compile(d["other_docket"]),
        "kinds_concentrated": compile(d["kinds_concentrated"]),
        "whole_part": compile(d["whole_part"]),
        "own_respondent": compile(d["own_respondent"]),
        "own_agency": compile(d["own_agency"]),
        "one_party": compile(d["one_party"]),
        "own_body": compile(d["own_body"]),
        "handled": compile(d["handled"]),
        "figure_anaphor": compile(d["figure_anaphor"]),
        "lawsuit_intake_word": compile(d["lawsuit_intake_word"]),
        "accepted_word": compile(d["accepted_word"]),
        "place_subject": compile(d["place_subject"]),
        "department_subject": compile(d["department_subject"]),
        "example_frame": compile(d["example_frame"]),
        "own_tier_agency": compile(d["own_tier_agency"]),
        "link_line": LINK_LINE,
        "month_only": compile(d["month_only"]),
        "month_not_after": compile(d["month_not_after"]),
        "subset_families": set(d["subset_families"]),
        "field_document": compile(d["field_document"]),
        "disclosure_columns": compile(d["disclosure_columns"]),
        "related_reading": RELATED_READING,
        "field_subject": compile(d["field_subject"]),
        "whole_parties": compile(d["whole_parties"]),
        "lower_tier": compile("|".join(d["lower_tier"])),   # (its alternatives joined as written)
        "routed_elsewhere": compile(d["routed_elsewhere"]),
        "shared_jurisdiction": compile(d["shared_jurisdiction"]),
        "units_reaching": compile(d["units_reaching"]),
        "own_whole": compile(d["own_whole"]),
        "tier_rank": dict(d["tier_rank"]),
        "government_subject": compile(d["government_subject"]),
        "government_party": compile(d["government_party"]),
        "visited_place": compile(d["visited_place"]),
        "share_after": compile(d["share_after"]),
        "anaphor": compile(d["anaphor"]),
        "reached_by": compile(d["reached_by"]),
        "period_to_level": compile(d["period_to_level"]),
        "rejected_after": compile(d["rejected_after"]),
        "whole_opening": compile(d["whole_opening"]),
        "table_family_words": {k: compile(v) for k, v in d["table_family_words"].items()},
        "rate_cumulative": compile(d["rate_cumulative"]),
        "tier_word": compile(d["tier_word"]),
        "township_self": compile(d["township_self"]),
        "tier_level": compile(d["tier_level"]),
        "title_tier": compile(d["title_tier"]),
    }
    return ctx


def load_scopes():
    """scopes.yaml: the scope cues, and the subject-clause patterns that carry a scope."""
    d = yaml.safe_load((RULES / "scopes.yaml").read_text(encoding="utf-8"))
    cues = [(scope, re.compile(p)) for scope, patterns in d["scopes"].items() for p in patterns]
    sub = d["subject_clause"]
    subject = {k: re.compile(sub[k]) for k in ("before", "after", "arrangement_before", "arrangement_after")}
    return cues, subject


def load_share_rates() -> dict[str, str]:
    with open(RULES / "share_rates.csv", encoding="utf-8") as f:
        return {r["count_indicator"]: r["rate_indicator"] for r in csv.DictReader(f)}


FAMILY_RX, CUES, PHRASES = load_cues()
CTX = load_context()
SCOPE_RX, SUBJECT = load_scopes()
SHARE_RATES = load_share_rates()
AFTER_CUES = [c for c in CUES if c.role == "after"]
LEAD_CUES = [c for c in CUES if c.role != "after"]
ANY_AFTER = re.compile("|".join(f"(?:{c.rx.pattern})" for c in AFTER_CUES))

YEAR_RX = re.compile(
    r"(?P<abs>(?:19|20)\d{2})\s*年(?:度)?"
    r"|(?P<prev>去年|上年|上一年|上年度|前一年)"
    r"|(?P<prev2>(?<![目之提])前年(?!度)|上上年)"
    r"|(?P<cur>今年|本年度|本年|当年)"
)
HEADING_NUMBERS = [re.compile(p) for p in (
    r"[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十]+(?:部分|章|篇)\s*[、.．:：]?",
    r"[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*[、.．]?",
    r"\d{1,2}\s*[、.．](?!\d)",
    r"[(（]\s*\d{1,2}\s*[)）]\s*[、.．]?",
    r"[①-⑳]",
    # an infographic's or a slide's section number, zero-padded (01 依法决策, 02 行政复议)
    r"0[1-9]\s+(?=[\u4e00-\u9fff])",
)]
# a year followed by 结转 names where cases came from, not the period of what follows
CARRIED_OVER = re.compile(r"(?:底|末)?(?:的)?(?:未结|未办结|未审结)?(?:结转|转结|旧存|积存)")
# after a year: it starts or ends a span (2019年以来, 2019年至, 2019年起), not a period of its own
# the one-character tiers a government or a whole is named by (县政府, 全市)
# the mark a list item opens with: a bullet, a circled or bracketed number, 1. / 1、, (一) / 一、
# (a bracketed one may be blanked as an aside already: (□))
LIST_MARK = r"(?:[【■●◆◇○◎·•▪▶►★☆]|[①-⑳]|\d{1,2}[.、．](?!\d)|[(（]\s*[^)）\s]{1,2}\s*[)）]|[(（]?[一二三四五六七八九十]+[)）、])"
TIER_CHARS = frozenset("省市区县州旗盟")
# the tier a row label or a named party opens with (区县政府, 各区人民政府, 镇人民政府, 街道办事处)
LEADING_TIER = re.compile(r"(?:各|全)?(街道|乡|镇|省|市|区|县|州|旗|盟)")
# the whole of a tier (全市, 全省): group 1 is the tier
WHOLE_OF_TIER = r"全(国|省|自治区|市|州|盟|区|县|旗)"
# the parts summed up again (合计, 总计, 共计): what follows is of the whole
# a year's row so far (2022年1—6月, 2023年(截至4月25日), 2024年上半年): that year's figures
YEAR_TO_DATE_LABEL = re.compile(r"(?P<abs>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:[(（]\s*(?:截至|截止|至)\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*止?\s*[)）]"
                                r"|(?:1|一)\s*[—\-–~至到]\s*\d{1,2}\s*月份?|上半年|前三季度)")
SUMMED = re.compile(r"合计|总计|共计|总共")
# (a year's end is its own period, 截至2022年末,共有…: only one that starts a span is not, 2019年底以来)
SPAN_AFTER = re.compile(r"(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?\s*(?:底|末)?\s*(?:以来|来|起|至|到|—|-|~|开始)")
# a span named by its event after 自/从 and its year (自2021年行政复议体制改革以来): no period
SINCE_EVENT_BEFORE = re.compile(r"(?:自|从)\s*$")
SINCE_EVENT_AFTER = re.compile(r"[^，,;；。\d]{2,14}?以来")
# a date things were made before (对2019年12月31日前印发的规范性文件进行清理, 2016年底前制定的): the
# age of what is counted, not the period of the count
MADE_BEFORE_AFTER = re.compile(r"(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?\s*(?:底|末)?\s*(?:以前|之前|前)\s*"
                               r"(?:印发|制定|出台|发布|制发|下发|公布|施行|实施|形成|签订)")
SINCE_AFTER = re.compile(r"(?:度)?\s*(?:以来|来)")
# what may stand between the start of a clause and the time word that opens it (而去年, 同时在2023年,
# and the body's whole before it: 全市去年新收…)
_OPENER = r"\s*(?:而|但|但是|同时|此外|另外|随后|其后)?\s*(?:(?:全|我|本)[省市区县州旗盟镇乡])?\s*(?:在)?\s*"
CLAUSE_OPENER = re.compile(_OPENER)
TIME_CLAUSE = re.compile(_OPENER + r"(?:去年|上年|上一年|前年|今年|本年)(?:度)?(?:全年|一年|同期)?(?:以来|里|中|内)?\s*[,，]?")
# a sentence opening with a list of years (2021年和2022年, | 2020年、2021年、2022年 | 2021、2022、2023年:
# 年 said once, after the last | 2022、2023两年: not at all, their count said instead)
YEAR_LIST = re.compile(r"\s*(?:19|20)\d{2}\s*(?:年(?:度)?)?(?:\s*(?:、|和|及|与)\s*(?:19|20)\d{2}\s*(?:年(?:度)?)?)*"
                       r"\s*(?:、|和|及|与)\s*(?:19|20)\d{2}\s*(?:年(?:度)?|(?=(?:连续)?[两二三四五六七八九十]个?年))")
# …or with a span of years (2019—2021年, | 2020年至2022年): as many figures after its 分别 as
# the span has years give one figure to each year
YEAR_SPAN = re.compile(r"\s*(?P<a>(?:19|20)\d{2})\s*年?(?:度)?\s*(?:至|到|—|–|-|~)\s*(?P<b>(?:19|20)\d{2})\s*年(?:度)?(?!\d{1,2}月)")
LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|,|，)\s*")
LIST_YEAR = re.compile(r"\s*((?:19|20)\d{2})\s*年(?:度)?")
BARE_YEAR = re.compile(r"(?:19|20)\d{2}(?=[\u4e00-\u9fff])")
RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*[-—–~]\s*$")
EVENT_AFTER = re.compile(
    r"(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起)?(?:出台|印发|制定|修订|修正|颁布|施行|实施|发布|启动|成立|组建|设立|揭牌|获评|被评为|荣获|入选|召开|举办|挂牌|通过(?!调解|和解|协调|网上|线上|[^，,;；。\d]{0,12}?(?:方式|途径|渠道|形式)(?![^，,;；。\d]{0,2}(?:制定|出台|印发|发布|修订|审议))))")
COMPARE_BEFORE = re.compile(r"(?:较|比|与|同比|(?<![连一共不相如等])同|相较于?|相比|对比|(?:超过|超出|高于|低于|多于|少于|接近)了?)\s*$")
# …or 和/跟/同 before a year whose figure is then compared with (跟去年的9.8%相比, 同2021年的80件比)
# …or the year a multiple is of (是2023年的1.8倍, 为上年同期的2倍, 相当于去年的一半, 是去年61件的2倍): compared with
MULTIPLE_OF_BEFORE = re.compile(r"(?:是|为|相当于|达到?)\s*$")
MULTIPLE_OF_AFTER = re.compile(r"(?:度)?(?:同期)?(?:的\s*|(?:的)?\s*[\d.]+\s*(?:余|多)?\s*[件起宗人次项个%％]*\s*的\s*)"
                               r"(?:[\d.]+\s*倍|[一二两三四五六七八九十]+(?:点[一二三四五六七八九〇零]+)?倍|一半)")
COMPARED_AFTER = re.compile(r"(?:度)?(?:同期)?的\s*[\d.]+\s*(?:万|余)?\s*[%％件起宗人次项个]*\s*(?:相比|比|比较)")
# a year naming what is done (开展2023年度法治政府建设督察, 撰写《…2023年…报告》): the name of an
# activity or a document, not the period the figures after it are of
# (and an award's year: 获评2021年度…先进单位, 被命名为"2020年度…示范单位")
ACTIVITY_BEFORE = re.compile(r"(?:开展|组织|举办|召开|部署|启动|印发|制定|出台|发布|撰写|编制|完成|参加|"
                             r"获评|荣获|评为|命名为|授予|入选)\s*[\"“]?\s*$")
# …and the year an evaluation is of (在2022年度全省法治政府建设考评中获评优秀, 2022年度绩效考核结果):
# the name of the evaluation, not the period of the figures after it
EVALUATION_AFTER = re.compile(r"(?:度)?[^，,;；。\d]{0,20}?(?:考评|考核|评估|评选|评比|测评|督察)(?:中|结果|工作中|排名)")
NATIONAL = re.compile("全国|我国|司法部|最高人民(?:法院|检察院)")   # where context.yaml's `national` may match
FROM_BEFORE = re.compile(r"(?:由|从)\s*$")
FROM_AFTER = re.compile(r"(?:度)?(?:同期)?(?:的)?\s*(?:不足|不到|低于|约|近|仅有|仅|只有|超过|逾|达)?\s*[\d零一二两三四五六七八九十]")
PAREN = re.compile(r"\([^()\n]{0,80}\)")
TITLE = re.compile(r"《[^》\n]{0,80}》")
# a short quoted name with no figure (“复议为民”, "行政复议进万家"): its words are a name, not a
# subject (a plan period, “十三五”, stays: it makes a span of years)
QUOTE = re.compile(r"[“\"「『](?![一二三四五六七八九十]{1,2}五)[^”\"」』\n\d，,。；;]{1,16}[”\"」』]")
SENT = re.compile(r"[^。！？!?\n\s][^。！？!?\n]*[。！？!?]*")
BOUNDARY = set(",，;；。、|)）\n :：!?！？") | {""}
PARA_YEAR = re.compile(r"^\s*(?:截至|截止|自|在|从)?\s*(?:19|20)\d{2}")
MASK_CH = "□"



class _LeadPlan:
    """The cues a lead may hold, found by one pass over it: a table's every row label is a lead,
    and running each of some two hundred cues over each label is most of a long table's cost."""

    def __init__(self):
        from lawgov.text.prefilter import Prefilter

        self.cues = [cue for cue in CUES if cue.role != "after"]
        self.pre = Prefilter([rx for _name, rx in FAMILY_RX] + [cue.rx for cue in self.cues])
        self._by_index: dict[int, list[int]] | None = None
        self._always: list[int] = []

    def possible(self, lead: str):
        """(families, cues) whose patterns may match `lead`, in the catalogue's order."""
        possible = self.pre.possible(lead)
        if possible is None:
            return FAMILY_RX, self.cues
        if self._by_index is None:
            self._by_index = {}
            for k, cue in enumerate(self.cues):
                i = possible.ids.get(id(cue.rx))
                if i is None:
                    self._always.append(k)
                else:
                    self._by_index.setdefault(i, []).append(k)
        ks = sorted(self._always + [k for i in possible.hits for k in self._by_index.get(i, ())])
        return [(n, rx) for n, rx in FAMILY_RX if rx in possible], [self.cues[k] for k in ks]


@lru_cache(maxsize=1)
def _lead_plan() -> _LeadPlan:
    return _LeadPlan()


@lru_cache(maxsize=4096)
def lead_cues(lead: str):
    """The family and the cue matches of a free-standing lead (a table cell's caption, header, label)."""
    families, cues = _lead_plan().possible(lead)
    fam_hits = sorted((h.end(), name) for name, rx in families for h in rx.finditer(lead))
    fam = fam_hits[-1][1] if fam_hits else None
    hits = tuple((h.end(), h.start(), cue) for cue in cues for h in cue.rx.finditer(lead))
    return fam, hits


@lru_cache(maxsize=4096)
def first_family(text: str) -> str | None:
    """The family named first in `text` (the words right after a number)."""
    best = None
    for name, rx in FAMILY_RX:
        h = rx.search(text)
        if h and (best is None or h.start() < best[0]):
            best = (h.start(), name)
    return best[1] if best else None


def fill(indicator: str | None, fam: str | None) -> str | None:
    if indicator and "{family}" in indicator:
        return indicator.replace("{family}", fam or "")
    return indicator


def unit_ok(cue: Cue, unit: str | None, bounded: bool) -> bool:
    if cue.indicator is None:
        return True          # a blocking phrase blocks whatever the measure word
    if unit is None:
        return bounded and cue.measure == "count"
    return unit in cue.units


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def unit_choices(indicator: str) -> frozenset[str]:
    """Every unit a cue of the indicator accepts."""
    return frozenset(u for c in CUES if c.indicator == indicator or (
        c.indicator and "{family}" in c.indicator and c.indicator.split(".", 1)[1] == indicator.split(".", 1)[1])
        for u in c.units)


def default_unit(indicator: str) -> str | None:
    for c in CUES:
        if c.indicator == indicator or (c.indicator and "{family}" in c.indicator
                                        and c.indicator.split(".", 1)[1] == indicator.split(".", 1)[1]):
            return c.units[0]
    ind = catalogue().get(indicator)
    return ind.unit if ind else None


@lru_cache(maxsize=1)
def _phrase_prefilter():
    from lawgov.text.prefilter import Prefilter

    return Prefilter(p[0] for p in PHRASES)


def phrase_facts(text: str):
    """Figures stated without a numeral (零败诉): (number start, number end, indicator, value, unit)."""
    out = []
    possible = _phrase_prefilter().possible(text)     # one pass rules out the phrases not there
    for rx, number, indicator, value, unit in PHRASES:
        if possible is not None and rx not in possible:
            continue
        for h in rx.finditer(text):
            k = h.group().find(number)
            s = h.start() + max(k, 0)
            out.append((s, s + len(number), indicator, value, unit))
    return out


# the patterns the reading engine searches in the words around each figure (its lead, its
# clause, the 60 characters before it): one scan of a document tells where each may end
# (Structure.may_match), so a search in a slice where none can end is not run
FIGURE_CONTEXT = ("change", "not_change", "paren_base", "reached_by", "target_clause", "breakdown",
                  "national", "other_body", "lower_tier", "units_reaching",
                  "other_body_sentence", "own_whole", "one_party", "field_subject", "anaphor",
                  "period_to_level", "share", "rejected_after", "share_after", "whole_part",
                  "all_upheld", "all_closed", "all_accepted", "all_filed", "all_reviewed", "each_lower_tier", "place_subject",
                  "own_respondent", "government_subject", "whole_opening", "own_body", "bar_after",
                  "tier_word", "tier_level", "rate_cumulative", "other_docket", "origin_subset")


@lru_cache(maxsize=1)
def figure_filter():
    from lawgov.text.prefilter import EndFilter

    from lawgov.extract.reading.places import short_place_subject

    short = short_place_subject()
    return EndFilter([CTX[k] for k in FIGURE_CONTEXT] + list(CTX["comparison_base"]) + [YEAR_LIST]
                     + [YEAR_SPAN] + ([short] if short else []))
