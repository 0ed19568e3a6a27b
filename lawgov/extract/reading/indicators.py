"""Indicator choice: which cue names a quantity (the nearest verb, a thing named after the
measure word, a noun, an item of a 分别 list, the cue of the clause before)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from lawgov.extract.mentions import Quantity
from lawgov.extract.reading.classified import Classified
from lawgov.extract.reading.roles import ASIDE, LEVEL_TIER, Role, generic_place
from lawgov.extract.reading.rules import (AFTER_CUES, ANY_AFTER, BOUNDARY, CTX, LIST_JOIN, LIST_MARK, LIST_YEAR, SHARE_RATES, SUMMED, WHOLE_OF_TIER, YEAR_TO_DATE_LABEL, Cue, default_unit, unit_choices,
                                          fill, first_family, lead_cues, unit_ok, PAREN, LEADING_TIER, SCOPE_RX, TIER_CHARS)
from lawgov.extract.reading.structure import Place
from lawgov.extract.reading.state import CASE_FAMILIES, HEADING_RUN_ON, HeadingParty
from lawgov.extract.reading.parts import YEAR_NAMED
from lawgov.extract.reading.tables import scope_of_label
from lawgov.text.cells import FIGURE_CELL, YEAR_CELL, figure_line, is_cell

# a number for each of the kinds listed before it (意见书、建议书各3份), not their sum
EACH = re.compile(r"各(?:为|有|制发|发出)?\s*$")
_LIST_SEP = re.compile(r"以及|或|、|和|及|与")


def _each_of(picked: str) -> list[str]:
    """The kinds of correction a list cue names one by one (撤销、变更 → revoked, altered)."""
    out = []
    for part in _LIST_SEP.split(picked):
        hits = lead_cues(part)[1]
        kinds = [c.indicator for _e, _s, c in hits if c.role == "verb" and c.indicator
                 and c.indicator.startswith("reconsideration.") and c.indicator != "reconsideration.corrected"]
        if kinds:
            out.append(kinds[-1])
    return out if len(out) >= 2 else []


# a label naming a rate, its figure written without % (纠错率(%):10.4, 出庭应诉率【%】:97.1, 败诉率为4.3)
# (not 出庭应诉率 100 after a space: in prose that is too often another figure)
RATE_LABEL = re.compile(r"率\s*(?:[(（【\[]\s*[%％□]?\s*[)）】\]])?(?:\s*(?:[:：]|为|是)\s*)$")
# …unless words follow the figure (为5年来最高, 为1/10, 是1比8): it is no percentage
NOT_A_RATE_AFTER = re.compile(r"\s*(?:年|个|/|比|名|成|倍|位)")
HIGHER_WHOLE = re.compile(r"占(?:到)?" + WHOLE_OF_TIER)


# the count each rate is the share of (litigation.loss_rate -> litigation.losses)
RATE_COUNTS = {rate: count for count, rate in SHARE_RATES.items()}
# a whole a part is picked out of before its share (败诉案件中因程序违法败诉的占61.3%)
PART_AMONG = re.compile(r"(?P<whole>[\u4e00-\u9fff]{2,10}?)(?:中|之中|里)[，,]?[^，,;；。\d]{1,20}的$")

@dataclass(frozen=True)
class Pick:
    """What one cue search found, handed back to its caller rather than left on the instance:
    a reader of a field another call set gets whatever the last call left (the extra indicators
    of a cue found by a fallback were lost so). `cue` is the Cue, or None when nothing was found;
    `text` the words of the lead cue picked (the 办理 test reads it; an after-cue leaves it
    empty); `list_over` what a 分别 list runs over (a year, "name"), for its items only."""
    indicator: str | None = None
    cue: Cue | None = None
    also: tuple[str, ...] = ()
    text: str = ""
    list_over: int | str | tuple | None = None
    joint: str = ""              # the kinds one number counts together (意见书、建议书), if any


NOTHING = Pick()
# a reconsideration's outcomes, which a court's judgments on decisions sued after review share
# their words with (…复议后被诉至法院的18件中,6件被撤销): an outcome told after its figure is the
# review's only where no court or lawsuit comes before it in the sentence, and only in a
# sentence that speaks of cases (注册企业38件,其中3件被驳回 is none)
REVIEW_OUTCOMES = frozenset(f"reconsideration.{o}" for o in (
    "upheld", "dismissed", "revoked", "altered", "confirmed_illegal", "ordered_performance", "corrected"))
COURT_BEFORE = re.compile(r"法院|起诉|被诉|诉至|诉讼")
CASES_BEFORE = re.compile(r"案件|申请|审结|办结|结案|受理|复议")
# one bureau as a party (市公安局, 市场监督管理局): not the government's or its departments' whole
ONE_BUREAU = re.compile(r"(?![^局委办厅]*(?:部门|政府))[\u4e00-\u9fff]{2,14}(?:局|委员会|委|办公室|办|厅|中心|大队|支队)")
LABEL_OPENS_WITH_YEAR = re.compile(r"\s*[■●▶★◆·•]?\s*((?:19|20)\d{2})\s*年(?!\s*[-—–~至到]\s*(?:19|20)\d{2})")
# a line that only names a period (2021年, 2022年上半年, 2023年1-9月, 2021年(市区两级机构)); the
# mask blanks what stands in brackets
PERIOD_LINE = re.compile(r"(?:19|20)\d{2}\s*年度?(?:上半年|下半年|前三季度|全年|[1一]\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?)?"
                         r"\s*(?:[(（][^()（）]{0,24}[)）])?")
# an infographic's figure line: where it came to, the figure, and a change after it (降至16.4%,
# 僅73件, 69件 同比↑76.9%, 84.8% 较2015年↑13.4%)
LEVEL_WORDS = re.compile(r"(?:降至|降到|升至|增至|下降至|上升至|提高到|提升至|达到?|为|仅|只有|共)")
CHANGE_AFTER = re.compile(r"(?:同比|环比|较(?:(?:19|20)\d{2}\s*年|上年|去年)?|比上年)?\s*(?:[↑↓▲▼]|上升|下降|增长|减少|增加|提高|降低)\s*"
                          r"[\d.]+\s*(?:%|％|个百分点)(?:\s*[(（][^()（）]*[)）])?")
_FIGURE = r"[约近超逾]?\s*\d[\d,.]*\s*(?:万|亿)?\s*"
_FIGURE_UNIT = r"(?:件|宗|起|%|％|人次|人|次|个|项|份|条|场|家|名)"
FIGURE_AND_CHANGE = re.compile(r"(?:" + LEVEL_WORDS.pattern + r")?\s*" + _FIGURE + _FIGURE_UNIT
                               + r"?\s*(?:" + CHANGE_AFTER.pattern + r")?")
# …or a figure then a remark on it after a space (110件 已超上年全年收案数的一半): a figure's
# line in the layout's alternation, though the remark keeps the label from it
FIGURE_THEN_REMARK = re.compile(_FIGURE + _FIGURE_UNIT + r"[ \u3000]+[\u4e00-\u9fff]")
CELL_BAR = re.compile(r"[|｜\t]")
# a count of the bodies that did something (45家部门, 12个单位): no figure of what they did
BODIES_COUNTED = re.compile(r"\s*(?:市直|县直|区直|省直)?(?:部门|单位|乡镇|镇街|街道|镇|乡|社区|村|县区|区县|县市区|市县|行政机关|执法机关|执法单位)")
# …unless they took part in something (26个单位参加执法人员考试,共计1200人: those who sat it)
TAKING_PART = re.compile(r"参加|参与|参训|参考|考试|培训|轮训")
# the respondent named after the cases' figure (44件复议案件以市政府为被申请人)
RESPONDENT_AFTER = re.compile(r"[^，,;；。、]{0,12}?以(?P<party>[^，,;；。\d以为]{2,16}?)(?:作)?为(?:行政)?(?:复议)?被申请人")
# a series of one measure over years (2021年712件、2022年768件): the step to the next year's
# figure, and the year that labels a figure
YEAR_STEP = re.compile(r"\s*[、，,；;和及]\s*(?:19|20)\d{2}\s*年度?\s*(?:为|是|达到|达)?\s*")
YEAR_LABEL_END = re.compile(r"(?:19|20)\d{2}\s*年度?\s*(?:为|是|达到|达|共)?\s*$")
# the count a rate is of, for a total said right after it (…败诉率为4.3%,共3件)
RATE_COUNTS = {"litigation.loss_rate": "litigation.losses",
               "reconsideration.correction_rate": "reconsideration.corrected",
               "litigation.head_appearance_rate": "litigation.head_appearances"}
# the item of a 分别 list that is another field's (信访事项): a pick that ends the search, no indicator
OTHER_FIELD = Pick(None, Cue(None, "verb", "count", (), None, re.compile(r"(?!)")))
# the words of intake that make a 办理 count beside them the cases handled (with those carried
# over), not the measure: 受理 for reconsideration (新收 there is received), 新收 / 受理 for lawsuits
# a part that is the accepted share of its whole, nothing else named (其中依法受理, 其中,经审查受理)
ACCEPTED_PART = re.compile(r"\s*(?:其中\s*[,，]?)?\s*(?:经审查)?\s*(?:依法)?(?:予以|决定)?(?:立案)?受理(?:了)?\s*")
# what a measure is compared with follows one of these (…首次超过行政诉讼, …高于全省平均)
COMPARED_WITH = re.compile(r"远?超过|超出|多于|少于|远?高于|远?低于|首超|赶超|相当于")
# a sentence that opens by naming the parts of the figure before it (。其中,依法受理87件)
PARTS_SENTENCE = re.compile(r"\s*其中")
# what a reconsideration organ decides on the cases it closes
DECISIONS = frozenset({"reconsideration.upheld", "reconsideration.dismissed", "reconsideration.revoked",
                       "reconsideration.altered", "reconsideration.confirmed_illegal",
                       "reconsideration.ordered_performance", "reconsideration.corrected",
                       "reconsideration.correction_rate", "reconsideration.mediated"})
INTAKE_WORDS = {"reconsideration.accepted": "accepted_word", "litigation.cases": "lawsuit_intake_word"}
# a lead that is only the state of the figure before it (…5件已审结、): its verb is that figure's
POST_VERB_LEAD = re.compile(r"\s*(?:已|已经|均已|均|已全部|全部)[\u4e00-\u9fff]{1,4}\s*[、，,]\s*")
# a part named by the body's own level alone after 其中 (其中州本级138件, 其中市政府本级…)
OWN_LEVEL_PART = re.compile(r"[,，]?\s*(?:其中|内含|包括|包含)[,，]?\s*(?:[省市区县州旗盟](?:人民政府|政府)?本级|[省市区县州旗盟](?:人民)?政府)(?:共|为|有)?\s*")
OUTCOME_OF_ANOTHER_DOCKET = "an outcome of the cases of another docket counted right before it"
# a line's period label before a colon (2022年:, 上年同期:), all before its figure
PERIOD_LABEL = re.compile(r"\s*(?:[●■◆•·▪]\s*)?(?:(?P<abs>(?:19|20)\d{2})年度?|去年|上年|上一年)(?:同期|全年)?\s*[:：]\s*")
# a run of spaces after a figure, then a label of a few words and its own figure: the next item
# of a line of label-figure pairs (应诉案件41件 开庭审理33件 负责人出庭33件)
NEXT_LABEL_AFTER_GAP = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff]{1,12}\d")
# a span of years, all a 分别 list's items (2021年至2023年, 2021—2023年)
YEAR_SPAN = re.compile(r"\s*(?:其中)?[,，]?\s*((?:19|20)\d{2})\s*年?\s*(?:至|到|—|–|-|~)\s*((?:19|20)\d{2})\s*年度?\s*(?:[,，]?\s*(?:全[省市区县]|我[省市区县])?(?:每年|各年)?)?\s*")


# a figure's next clause lists it year by year: the figure is their total (…2416件,2021年至2023年
# 分别为…; …2416件,其中2021年702件、2022年811件)
YEARS_LISTED_AFTER = re.compile(r"\s*[,，;；]\s*(?:"
                                r"(?:分别为|依次为)?[,，]?\s*(?:19|20)\d{2}\s*年?\s*(?:至|到|—|–|-|~)\s*(?:19|20)\d{2}\s*年度?[^，,;；。\d]{0,12}?(?:分别|依次)"
                                r"|其中[,，]?\s*(?P<y1>(?:19|20)\d{2})\s*年度?[^，,;；。\d]{0,8}?\d[\d.]*\s*(?:件|起|宗|人次|次|人|项|个|份)[、,，;；]\s*(?!(?P=y1))(?:19|20)\d{2}\s*年)")

RESPECTIVELY = re.compile(r"分别|依次")
COUNSELS_WORK = "counsel's part in the cases (the sentence's subject is counsel: 法律顾问…参与诉讼案件8件)"
INSTANCE_PART = "an instance's part (一审, 二审) of the docket's total stated after it"
OTHER_DOCKET = "cases of another docket (各类案件, 民事案件, 信访件, 调解申请, 诉讼监督案件, 咨询)"
COMMA_JOIN = re.compile(r"\s*[,，]\s*")
# a running total's part named by one whole year (累计受理420件,其中2023年受理156件): when that is
# the year the total would be given, the total runs over more years than that one
YEAR_PART_AFTER = re.compile(r"\s*(?:[,，;；]|[(（])\s*其中[,，:：]?\s*(?P<y>(?:19|20)\d{2})\s*年度?"
                             r"(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月|\s*[上下]半年|\s*第?[一二三四1-4]季度|\s*(?:年)?[底末初])")
YEAR_PART_LEAD = re.compile(YEAR_PART_AFTER.pattern + r"\s*(?:共|为|有|达)?\s*")
# …a running total with no year of its own in its sentence (累计, 历年; not 全年累计, 2023年累计)
UNDATED_RUNNING_TOTAL = re.compile(r"^(?!.*(?:(?:19|20)\d{2}\s*年|全年|今年|本年|当年|年内|同期)).*(?:累计|历年)", re.S)


def years_spanned(text: str) -> int:
    """How many years a span (2021年至2023年) names, or 0 when `text` is no span of two to ten."""
    m = YEAR_SPAN.fullmatch(text)
    n = int(m.group(2)) - int(m.group(1)) + 1 if m else 0
    return n if 2 <= n <= 10 else 0


# the manner a list's items share, said after its last item (以撤销、变更、责令履行方式纠错的分别为…)
SHARED_MANNER = re.compile(r"(?:等)?(?:的)?(?:方式|形式)[^、，,;；。\d]{0,6}$")
# a part of a year said as a period (上半年, 1至9月, 一季度)
PART_OF_YEAR = re.compile(r"月|上半年|下半年|季度")
# the period a clause of a series gives its figure (2020年90.3%; by a word: 前年…680件,去年增至905件)
SERIES_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年|去年|前年|上一?年")   # (not 今年: its whole, then 上半年45件, is a part)
# a part named by the government that reviewed it (其中某市人民政府审理3件)
REVIEWER_PART = re.compile(r"[、，,\s]*(?:其中)?[，,]?\s*(?:由)?[\u4e00-\u9fff]{0,10}?(?:人民)?政府(?:负责)?(?:审理|办理|审结|受理)\s*$")
# a clause that opens with 分别 (…56件,分别办结1219件、52件): its figures pair with the list before
PAIRED_OPENING = re.compile(r"\s*(?:并|均|已|又)?分别")


@lru_cache(maxsize=8192)
def after_pick(window: str, measure: str, unit: str | None, fam: str | None) -> Pick:
    """The after-cue matching longest at the start of `window`, the words right after a
    number: a function of those words alone, so kept for the next figure they follow (a
    third of the windows are empty or a stop, and a few hundred others recur)."""
    if not ANY_AFTER.match(window):
        return NOTHING             # no after-cue at all (one regex instead of one per cue)
    best = None
    for cue in AFTER_CUES:
        if cue.measure != measure:
            continue
        if not unit_ok(cue, unit, True) or (cue.indicator is None and unit is not None and unit not in cue.units):
            continue               # (an after-cue that blocks holds for its units only: 26个单位…, not 52件部门拟制发的…)
        h = cue.rx.match(window)
        if h is None:
            continue
        if cue.families is not None and fam not in cue.families:
            if fam is not None:
                continue
            # 9件行政诉讼案件未审结: the family is named after the number
            if first_family(window) not in cue.families:
                continue
            fam = first_family(window)
        # all after-cues start at the measure word: the longest says most (41件行政诉讼案件
        # 开庭审理 is hearings, 9件行政诉讼案件未审结 is pending, not cases)
        if h and (best is None or h.end() > best[0]):
            best = (h.end(), cue)
    if best is None:
        return NOTHING
    return Pick(fill(best[1].indicator, fam), best[1], best[1].also)


@lru_cache(maxsize=4096)
def level_only(lead: str) -> re.Match | None:
    """The lead says only that a figure is a level (共, 为, 全年…), read once per lead: most
    are a few recurring words (or none)."""
    return CTX["level_only_lead"].fullmatch(lead)


# a list's next item, right after the figure before it (…870件、行政复议申请91件)
LIST_ITEM_LEAD = re.compile(r"\s*[、和及与]")
# a clause of the count's change right after it (…7件,同比减少2件)
CHANGE_CLAUSE_AFTER = re.compile(r"[，,]\s*(?:同比|较上年|比上年|较去年|比去年)[^，,;；。]{0,12}?(?:增加|减少|增长|下降|上升|持平)[^，,;；。]{0,8}")
# …and the act shared by the list, a verb alone (受理, 办理), not a measure's name (行政许可)
BARE_ACT = re.compile(r"(?:依法)?(?:受理|办理|审结|办结|收到|接收|新收|接到)")
# the page's own body doing an act with its object left unsaid (…,我县办理612件; 本区共审查35件)
OWN_SAME_ACT = re.compile(r"\s*[我本](?:省|市|区|县|州|旗|盟|镇|乡|局)(?:全年)?(?:共|累计|共计)?(?:依法)?"
                          r"(?P<act>办理|受理|审结|办结|开展|审查|审核|化解|调处|查处|公开|发布|收到|新收|举办|评查|备案)(?:了)?\s*")
# a sentence that opens with 其中 speaks of parts of the sentence before it
OPENS_WITH_OF_WHICH = re.compile(r"\s*其中")
# …as does one that opens pointing back at the applications (对这些申请, 上述申请中)
OPENS_WITH_THOSE_APPLICATIONS = re.compile(r"\s*(?:对于|对|在)?(?:这些|上述|以上|前述|收到的|所收到的|接收的)(?:行政复议|复议)?申请(?:中)?")

# the lines of a label-and-figure layout, as text.cells reads a table's cells: a figure's line
# that holds only a year's label before it (2023年:1063件), such a line whole, a unit alone
# a year (or the year so far: 2025年1—9月) labelling the figure on its line
# (or a year said by a word: 今年 86件 over 去年 64件)
_YEAR_OR_SO_FAR = f"(?:{YEAR_TO_DATE_LABEL.pattern}|{YEAR_CELL.pattern}|(?:今年|去年|上年|本年|前年|上一年)度?(?:同期)?)" \
    .replace("(?P<abs>", "(?:")
YEAR_LABEL = re.compile(r"\s*" + _YEAR_OR_SO_FAR + r"\s*[:：]?\s*")
YEAR_FIGURE_LINE = re.compile(_YEAR_OR_SO_FAR + r"\s*[:：]?\s*(?:" + FIGURE_CELL.pattern + ")")
# a way of closing named before (以同样方式办结462件, 以此方式结案的有6件), and mediation's words
SAME_WAY = re.compile(r"(?:以|通过|采用)(?:同样|此|这种|该|上述|这一)(?:的)?(?:方式|形式|途径)")
MEDIATION = re.compile(r"调解|和解")
# the principal head going to court, and any head named (主要负责人带头出庭应诉, 副职, 负责人)
PRINCIPAL_TO_COURT = re.compile(r"(?:主要负责人|主要负责同志|主要领导|正职(?:负责人|领导)?|一把手)"
                                r"[^，,;；。\d]{0,6}?出庭")
# the principal head named before a count said before 出庭应诉 (区政府主要负责人3次出庭应诉)
PRINCIPAL_IN_CLAUSE = re.compile(r"主要负责(?:人|同志)|主要领导|正职|一把手|苏木达|(?<!副)(?<!常务)(?<![乡镇])[省市区县州旗盟]长(?!助理)")
# other heads named beside the principal (县长、副县长和部门负责人共38人次): the count is every head's
MIXED_HEADS = re.compile(r"副(?:[省市区县镇乡旗州]?长|职)|部门(?:主要)?负责人|其他负责人|和(?:各)?(?:部门|单位)")
# the principal head opening a sentence as its subject (县长认真履行…, 区政府主要负责人…)
PRINCIPAL_SUBJECT = re.compile(r"[\s【】]*(?:[\u4e00-\u9fff]{0,10}?(?:人民)?政府)?(?:党政)?"
                               r"(?:主要负责(?:人|同志)|主要领导|一把手|(?<!副)(?<!常务)[省市区县州旗盟镇乡]长)"
                               r"(?!期|远|江|热线|信箱|专线|电话|公开|接待|办公|助理)")
APPLICATIONS = re.compile(r"(?:收到|新收|接收|接到)(?:的)?申请")
# …with words between (接收书面申请239件, 收到复议申请)
APPLICATIONS_TAKEN_IN = re.compile(r"(?:收到|新收|接收|接到)[^，,;；。\d]{0,4}申请")
RECONSIDERATION_WORD = re.compile("复议")
# …made to another service (公证处, 法律援助中心, 仲裁委, 信访, 政务服务, 信息公开)
OTHER_APPLICANTS = re.compile(r"公证|援助|仲裁|信访|政务服务|信息公开|调解|鉴定|登记")
# (…nor a government or body named as a party: 区政府作为被告的案件出庭应诉12次 counts all heads)
PARTY_NAMED = re.compile(r"被告|被申请人|被诉")
# (…or whose appearances the clause counts: 全县行政机关, 各部门, 全市各级)
HEAD_NAMED = re.compile(r"负责人|负责同志|领导|正职|副职|一把手|[省市区县镇乡旗州]长|主任"
                        r"|行政机关|部门|单位|各级|全[省市区县镇乡旗州盟]")
# a bureau representing its government in court (我局代理市政府…)
REPRESENTING = re.compile(r"(?:代理|代表)(?:本级|[省市区县州旗]?(?:人民)?政府)")
# a party list that goes beyond the government itself: its departments or its townships
PARTIES_BEYOND_GOVERNMENT = re.compile(r"[、和及与](?:其)?(?:[\u4e00-\u9fff]{0,4}?)(?:部门|乡镇|镇|街道|单位)")
# a line of prose that introduces the lines below it (…逐年下降——, …情况如下:)
INTRODUCES_LINES = re.compile(r"(?:——|—|[:：]|如下)\s*$")
# words of a plan in a line introducing figures (目标如下, 力争…)
PLAN_WORDS = re.compile(r"目标|力争|计划|预计|确保|争取|今后|将[要会]?(?:达到|提高|实现|保持)")
# the marks an infographic's label opens with (【, ■, ●)
LABEL_MARKS = re.compile(r"[\s【\[■●◆▲·•]*")
# a section's heading by its top-level numbering (二、, (一), 第二部分), not an item's (1.)
SECTION_HEADING = re.compile(r"(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十]+\s*[)）]|第[一二三四五六七八九十]+部分)")
# a part of the caseload named by its party alone, its case noun left out (其中涉及县政府的17件,
# 涉及县级部门的36件; 以区政府为被告的12件)
OWN_PARTY_PART = re.compile(r"[，,;；、]?\s*(?:其中)?[，,:：]?\s*(?:涉及|以)(?P<party>[^，,;；。\d]{1,12}?)"
                            r"(?:(?:作)?为(?:共同)?(?:被告|被申请人))?的(?:有|共|为)?\s*")


def _names_own_party(party: str) -> bool:
    """The party is, as a whole, the government or its departments (县政府, 县级部门, 区直各单位;
    not 县政府信息公开, 县政府征收决定: a matter of theirs)."""
    return any(name in ("government", "departments") and (h := rx.search(party)) is not None
               and h.start() == 0 and h.end() == len(party) for name, rx in SCOPE_RX)


# decisions listed right after a count, with nothing else between (…23件,维持17件、撤销2件): the
# outcomes of those cases, as after 其中
DECISIONS_RUN = re.compile(r"[\s,，、;；:：]*(?:经审理|经复议|复议机关)?[，,:：]?\s*(?:(?:依法)?(?:决定)?(?:维持|驳回|撤销|变更|确认违法|责令履行|终止)"
                           r"[^，,;；。\d]{0,6}\d+\s*(?:件|起|宗)\s*[、，,]\s*)*(?:依法)?(?:决定)?(?:维持|驳回|撤销|变更|确认违法|责令履行|终止)[^，,;；。\d]{0,6}")
# a bare rate said right after a count (…7次、出庭率为13.5%; not …,出庭应诉率由上年的87.5%提升至…)
BARE_RATE_AFTER = re.compile(r"\s*(?:次|人次|件|人)?\s*[、，,]\s*(?:其)?出庭(?:应诉)?(?:率|的?比例|的?比率)(?:为|达到?|是)?\s*")
# a case family's own word (复议, 诉讼, 应诉)
FAMILY_WORDS = re.compile(r"复议|诉讼|应诉|行政案件|为被告")
# heads named right before their count (负责人27人出庭应诉, 主要负责人3次出庭应诉), not others
HEADS_RIGHT_BEFORE = re.compile(r"(?:负责人|负责同志|领导|正职|副职|一把手|(?<![乡镇])[省市区县旗州]长|主任)"
                                r"(?:共|共有|全年|先后|累计)?\s*$")
# the principal heads as the next item of a list of ranks (…其中副职231人次、正职34人次)
RANK_NEXT = re.compile(r"\s*[、，,]?\s*(?:主要负责人|主要负责同志|主要领导|正职(?:负责人|领导)?|一把手)(?:共|为|有)?\s*")
# a part named after 其中 before a share (其中主要负责人占35%)
# (…or a kind described with 的 before 占, in a clause of its own: 败诉案件中,程序违法的占75%)
PART_BEFORE_SHARE = re.compile(r"其中[，,]?\s*[\u4e00-\u9fff]{2,}|^\s*(?:因)?[\u4e00-\u9fff、]{2,14}的\s*$")
# an act said right after a figure (两件依法予以纠错, 一件被撤销): a count of the act, no article
ACT_AFTER = re.compile(r"\s*(?:件|起|宗|次|个|项)?\s*(?:案件)?\s*(?:依法|经审查)?\s*(?:予以|被|已|均已|决定|作出|责令)")
# a lead that is only 分别为 (…520件,分别为150件、…): the list goes on with the measure before it
RESPECTIVELY_ONLY = re.compile(r"\s*[，,]?\s*(?:分别|依次)(?:为|是)?\s*[:：]?\s*")
UNIT_LINE = re.compile(r"[件次人个项%％]|件次|人次")
# a group's heading in an infographic, set apart by its mark (▍依法决策, 【复议应诉】): the label
# and figure runs under it are its own
GROUP_HEADING_LINE = re.compile(r"(?:[▍▌▎|｜]\s*[^\d\s|｜][^\d|｜]{0,15}|【[^】\d]{1,16}】|〔[^〕\d]{1,16}〕)")

# a sentence opening by saying the cases accepted were all closed (受理案件均已办结, 上述案件均已审结)
ALL_CLOSED_OPENING = re.compile(r"\s*(?:受理|上述|以上|所有|这些)(?:的)?(?:行政)?(?P<fam>复议|诉讼|应诉)?案件\s*"
                                r"(?:均已|全部|已全部|均)(?:在(?:法定|规定)?(?:期限|时限|期)内|按期|依法|如期)?(?:办结|审结|结案)")
FAMILY_WORD = re.compile(r"复议|诉讼|应诉")
# the administrative docket named before 各类案件 (以区政府为被告的各类案件, 复议局…受理各类案件)
ADMINISTRATIVE = re.compile(r"行政|复议|诉讼(?!服务)|应诉|被告|被申请人")   # (not 诉讼服务中心: a court's desk)
# a clause that only gives the share the figure before it takes (占结案数的23.3%)
# a sentence that names the whole, over a heading's party (全区共…, 合计…)
HEADING_WHOLE_IN_SENTENCE = re.compile(r"全[省市区县州旗盟]|合计|总计|共计|总体|各级行政机关")
SHARE_ASIDE = re.compile(r"\s*(?:约|仅)?占[^，,;；。\d]{0,16}?(?:的)?\s*(?:比例|比重)?(?:为|达|约)?\s*[\d.]+\s*[%％]\s*$")
# the words that say a count is of accepted cases / of lawsuits (not 不予受理)
ACCEPTED_WORD = re.compile(r"(?<!不予)(?<!不)受理")
LAWSUIT_WORD = re.compile(r"(?<!不予)受理|收案|发生|诉讼案件|应诉案件")
# cases carried over from the year before (上年结转36件, 旧存): a sum of 办理 after them holds them
CARRIED_IN = re.compile(r"结转|转入|旧存|积存")
# what documents issued all went through, said after their count (均经…审核, 全部报…备案)
ALL_DONE = (("all_reviewed", "normative_docs.reviewed"), ("all_filed", "normative_docs.filed"))
# the indicators a short label before a colon gives the figures after it (区政府作被申请人:…)
PARTY_LABELS = frozenset({"reconsideration.as_respondent"})
# the party a 分别 list's last item opens with, before the measure they share (区政府|作为被告的…)
# 分别 before the measure the parties listed before it share (区政府、区直部门分别收到…申请12件、40件)
CLAUSE_MARK = re.compile(r"[，,;；:：。]")
# what may stand before a label's own words (1.依法受理, 已审结)
LABEL_OPENING = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]\s*)?(?:依法|已|共|新|全年)?")
# a label opening on its family's word before its act (复议维持, 诉讼败诉)
LABEL_FAMILY = re.compile(r"(?:行政)?(?:复议|诉讼|应诉)(?=[\u4e00-\u9fff])")
# the head noun a list's last item ends with, which the items before share (行政许可、行政处罚案件)
SHARED_NOUN = re.compile(r"(?:案件|事项|申请)$")
# 分别 and its act, then the measures listed (分别办理行政处罚案件、行政许可案件…)
MEASURES_AFTER = re.compile(r"(?:分别|依次)(?P<act>(?:依法)?(?:办理|受理|收到|新收|审结|办结|审查|审核|备案|查处|作出|开展|举办|化解|调解|清理|公开|评查)(?:了)?)"
                            r"(?P<items>(?:[^，,;；。\d、和及与]{2,16}(?:、|和|及|与))+[^，,;；。\d、和及与]{2,16})\s*$")
RESPECTIVELY_THEN_MEASURE = re.compile(r"分别(?!为|是)(?=[^，,;；。\d]{1,20}$)")
PARTY_HEAD = re.compile(r"\s*(?:[\u4e00-\u9fff]|[(（]□+[)）]){0,6}?(?:人民政府|政府|部门|单位|机关|办事处|管委会)")
LABEL_MARK = re.compile(r"^\s*" + LIST_MARK + r"?\s*")
# marks no label beside its figure holds (a sentence's, an aside's)
LABEL_MARK_CHARS = re.compile(r"[。；;！？!?|｜:：()（），,、]")
# a change said after a figure (同比增长, 下降) is no label of it
CHANGE_WORDS = re.compile(r"(?:同比|环比|较上年|较去年|比上年|比去年)|(?:增长|增加|上升|下降|减少|降低|提高)")
# a figure soon after a word, in its clause (受理…57件)
NUMBER_SOON = re.compile(r"[^。；;，,\n]{0,20}?\d")

# a list cut down to a figure (精简为3417项, 压减至86项): the items that remain
CUT_TO = re.compile(r"(?:精简|压减|削减|减少|缩减|压缩|取消)(?:后)?(?:为|至|到)\s*$")
REMAINING_AFTER_CUT = {"power_list.cancelled": "power_list.items", "proof_items.cancelled": "proof_items.retained"}
# the successes of a mediation said alone (调解成功318件), and mediation before a case is
# accepted named in an earlier clause of the sentence: those successes are before acceptance
MEDIATED_SUCCESS = re.compile(r"调解成功|成功调解|达成(?:调解|和解)?协议")
PRE_ACCEPTANCE = re.compile(r"(?:案前|受理前|立案前)(?:调解|协商)")


NEAR_FIGURES = 12
# a government as the subject of decisions on review (岳阳市政府维持17件, 其中区政府维持9件)
DECIDING_GOVERNMENT = re.compile(r"(?:[,，;；、]|其中)\s*(?P<gov>(?P<name>[\u4e00-\u9fff]{0,6}?)(?P<tier>[省市州县区])(?:人民)?政府)"
                                 r"(?:依法)?(?:复议)?(?:决定|作出)?(?:予以)?(?:维持|驳回|撤销|变更|确认违法|责令|终止)")


# a clause that only says its figure is a total (…,总计82件; 合计为…)
TOTAL_LEAD = re.compile(r"\s*(?:以上|上述)?(?:总计|合计|共计|总共|共)(?:为|有|达)?\s*")
# a unit named by the words right before a bare figure (出庭应诉人次为312, 案件件数:96)
UNIT_NAMED_BEFORE = re.compile(r"(人次|件次|(?<!案)件数)(?:为|是|达到?|共|[:：])?\s*$")
UNIT_WORDS = {"人次": "人次", "件次": "件", "件数": "件"}
# cases carried in from before (结转, 旧存 …): a sum with them is no count of the year's intake
CARRIED_IN = re.compile(r"结转|旧存|积存|上年未结|存量案件")
# the instance a figure of a lawsuit docket is of, right before it (一审128件, 案件二审31件)
INSTANCE_BEFORE = re.compile(r"(一审|二审|再审)(?:行政)?(?:诉讼|应诉)?(?:案件)?(?:有|共|为|达)?\s*$")
# what a figure by instance may be read as whatever it counts (the first instance's as the
# lawsuits, the others as their instance)
BY_INSTANCE = frozenset({None, "litigation.cases", "litigation.second_instance", "litigation.retrial"})


class IndicatorChoice:
    """Cue picking; mixed into `Analysis`."""

    def _name(self, idx: int, q: Quantity, at: Place, role: Role, done: list) -> Classified:
        """The indicator, scope and year of a quantity of the given role."""
        m = self.m
        sent, clause, para, paren = at.sent, at.clause, at.para, at.paren
        lead_start, lead, prev_idx = at.lead_start, at.lead, at.prev_idx
        unit, unit_raw = q.unit, q.unit_raw
        if unit is None and q.value <= 100 and RATE_LABEL.search(m, max(sent[0], lead_start - 20), q.head) \
                and not NOT_A_RATE_AFTER.match(m, q.tail):
            unit, unit_raw = "%", None     # 纠错率(%):10.4, 出庭应诉率【%】:97.1: the unit is in the label
        kind, base_year, inherit_from = role.kind, role.base_year, role.inherit_from
        year = None
        measure = "rate" if unit == "%" else "count"
        bounded = (m[q.tail:q.tail + 1] in BOUNDARY)
        fam = self.family_at(q.start, sent[0])
        if fam is None:            # 在审结的188件行政复议案件中: the subject named right after the number
            fam = first_family(m[q.tail:min(clause[1], q.tail + 10)])
        if fam is None:            # 纠错的14件中,撤销9件: the family of the figure before it in its sentence
            for j in range(idx - 1, max(-1, idx - 8), -1):
                if self.qs[j].start < sent[0]:
                    break
                fj = (done[j].indicator or "").split(".")[0]
                if fj in ("reconsideration", "litigation"):
                    fam = fj
                    break
        if (fam is None or (fam not in ("reconsideration", "litigation") and first_family(m[sent[0]:q.head]) is None)) \
                and (above := self._family_of_line_above(idx, q, done)) is not None:
            fam = above                # 收到申请⇥96件 ⏎ 受理⇥88件: a run of label lines keeps its family, over
                                       # a heading's field (▍化解社会矛盾纠纷 ⏎ 收到复议申请 9106件 ⏎ 办结 8417件)
        paired = self._paired_family(idx, q, sent, clause, prev_idx, lead)
        fam = paired or fam
        if fam != "reconsideration" and not paired and self._applications_in_sentence(sent, q.head):
            fam = "reconsideration"    # 区政府收到申请138件,受理126件 after a paragraph of lawsuits
        lead_hits = self.cues_in(lead_start, q.head)
        if prev_idx is not None and POST_VERB_LEAD.fullmatch(lead):
            lead_hits = ()         # 5件已审结、1件在审: 已审结 is said of the 5 before it
        if role.inherit_from is not None and done[role.inherit_from].kind == "comparison_base" \
                and CTX["to_level"].fullmatch(lead):
            lead_hits = ()         # 由5,207项精简为4,862项: the level of what the first figure was
        below = self._label_line_below(q, para)
        beside = self._label_beside(q, para) if below is None else None
        if below is not None or beside is not None:
            lead_hits = ()         # 86件⏎收到行政复议申请⏎79件: the line above labels the figure above
        pick = OTHER_FIELD if paired == "other_fields" else \
            self._respectively(idx, lead_start, lead, prev_idx, measure, unit, fam)
        reason = role.reason
        if isinstance(pick.list_over, tuple) and pick.list_over[0] == "lower" and kind == "level":
            kind, reason = "other_body", "a lower tier's item of a 分别 list beside the body's own (县政府、乡镇政府…分别)"
        if pick.list_over == "part" and kind == "level":
            kind, reason = "breakdown", "an item of a 分别 list over parts (一审、二审; 单独、共同; 行政处罚类、…)"
        if pick.list_over == "party" and kind == "level":
            kind, reason = "breakdown", "an item of a 分别 list over parties the rules do not know"
        if pick.cue is not None and pick.list_over is not None:
            if pick.list_over == "name" and kind == "level":
                kind, reason = "other_body", "an item of a 分别 list over places, bodies or kinds"
            elif isinstance(pick.list_over, int):
                year = pick.list_over
        if pick.cue is None:
            pick = self._pick(lead_hits, measure, unit, bounded, fam, ("verb",))
            if pick.cue is not None and pick.text and "、" in lead[lead.rfind(pick.text) + len(pick.text):] \
                    and (act := self._pick_after(q.tail, min(clause[1], q.tail + 32), measure, unit, fam)).cue is not None:
                pick = act     # 19项证明事项被取消、其余7项予以保留: the next item's act is its own
        if pick.cue is None and beside is None and not NEXT_LABEL_AFTER_GAP.match(m, q.tail, clause[1]):
            # (not across a gap to the next label and its figure: 应诉案件41件 负责人出庭33件)
            after_end = min(clause[1], q.tail + 32)
            pick = self._pick_after(q.tail, after_end, measure, unit, fam)
            if pick.indicator in REVIEW_OUTCOMES and (COURT_BEFORE.search(m, sent[0], q.head)
                                                       or not CASES_BEFORE.search(m, sent[0], q.head)):
                pick = NOTHING     # 复议后起诉到法院的12件,其中2件被撤销: the court's judgment;
                                   # 注册企业38件,其中3件被驳回: no case of review
        if pick.cue is None and (colon := self.colon_label(sent, clause)) is not None:
            # 区政府作被申请人:复议案件共14件: a short label before a colon names the party
            # (a clause without a number lies outside the windows cues are scanned in; the label's
            # other words, an act or a topic, are no cue of the figures after it)
            party = self._pick(self.held_on_page(lead_cues(m[colon[0]:colon[1]])[1]), measure, unit, bounded,
                               fam, ("verb",))
            if party.indicator in PARTY_LABELS:
                pick = party
                named = LABEL_MARK.sub("", m[colon[0]:colon[1]])
                if kind == "level" and (tier := LEADING_TIER.match(named)) and self.below_own_tier(tier.group(1)):
                    kind, reason = "other_body", f"a lower tier named as the party in its label ({named.strip()})"
            elif not m[colon[1] + 1:q.head].strip() and "类" not in m[colon[0]:colon[1]]:
                # 审结:64件(维持29件,…): a label right before its figure names its measure, when its
                # cue opens it (not 听证审理:7件, a way of hearing; not 行政处罚类:20件, a kind)
                label = m[colon[0]:colon[1]]
                opening = LABEL_OPENING.match(label).end()
                label_hits = self.held_on_page(lead_cues(label)[1])
                pick = NOTHING
                if (family_word := LABEL_FAMILY.match(label, opening)) is not None:
                    # 复议维持:2件, 诉讼败诉:1件: the act after the family's word names the measure
                    pick = self._pick_verb_first([h for h in label_hits if h[1] == family_word.end()],
                                                 measure, unit, bounded, fam, label)
                if pick.cue is None:
                    pick = self._pick_verb_first([h for h in label_hits if h[1] == opening],
                                                 measure, unit, bounded, fam, label)
        if pick.cue is None and lead_hits and LIST_ITEM_LEAD.match(lead) \
                and all(h[2].role == "noun" for h in lead_hits):
            # 受理信访事项870件、行政复议申请91件: an item named by its noun alone takes the act
            # before the list (受理), over what the noun says on its own
            pick = self._pick([h for h in self._acts_before_item(lead, lead_start, clause, fam)
                               if BARE_ACT.fullmatch(m, h[1], h[0]) and m[max(0, h[1] - 2):h[1]] not in ("不予", "未予")],
                              measure, unit, bounded, fam, ("verb",))
        if pick.cue is None:
            pick = self._pick(lead_hits, measure, unit, bounded, fam, ("noun",))
        if pick.cue is None and not lead_hits:
            pick = self._pick(self._acts_before_item(lead, lead_start, clause, fam), measure,
                              unit, bounded, fam, ("verb",))
        label_year = None
        if pick.cue is None and not lead_hits and (label := below or beside or self._label_line_above(q, para)) is not None:
            label_fam, label_hits = lead_cues(m[label[0]:label[1]])
            if (ly := LABEL_OPENS_WITH_YEAR.match(m, label[0], label[1])) is not None \
                    and self.paragraph_index(label[0]) == self._line_above(para):
                label_year = int(ly.group(1))   # 2021年 全区收到行政复议申请⏎仅73件: the label's year
                                                # (not over period lines of their own: 2022年 纠错率⏎
                                                # 12.5%⏎2023年⏎9.8%)
            label_hits = self.held_on_page(label_hits)
            group = self._group_heading_above(label)
            if label_fam is None and group is not None:
                label_fam = first_family(m[group[0]:group[1]])   # 行政应诉⏎案件总数⏎97件
            if label_fam is None and fam is None and (title := self.title_para()) is not None:
                label_fam = first_family(m[title[0]:title[1]])   # 一图读懂:…行政复议工作 over 审结案件
            pick = self._pick_verb_first(label_hits, measure, unit, True, label_fam or fam, m[label[0]:label[1]])
            if pick.cue is None and not label_hits and group is not None and label is not beside:
                # 法治宣传⏎开展活动⏎132场: a label of words alone is read with its group's heading
                words = f"{m[group[0]:group[1]]} {m[label[0]:label[1]]}"
                pick = self._pick_verb_first(self.held_on_page(lead_cues(words)[1]), measure, unit, True,
                                             label_fam or fam, words)
            if pick.cue is not None and kind == "level" and self._national_before(label[0], label[1]):
                kind, reason = "other_body", "the nation's figure, by its label (全国…)"
            elif pick.cue is not None and kind == "level" and self._span_over_label(label):
                kind, reason = "cumulative", "a total over several years (十八大以来, 近五年) named by its label lines"
            elif pick.cue is not None and kind == "level" and (part := self._label_of_a_part(label)) is not None:
                kind, reason = part
        lo = level_only(lead) if pick.cue is None and not lead_hits and paren is None and beside is None else None
        #    (a figure whose label beside it names no measure, 126件 现场提交, takes none from elsewhere)
        if lo and not lead.strip() and len(PAREN.sub("", m[q.tail:clause[1]]).strip()) >= 4:
            # 15977件案件未再进入诉讼: the number is its clause's subject, not a level (an aside
            # after it, 1.32万件(同比下降5.1%), is no predicate)
            lo = None
        counted_by_rate = None
        if lo and lo.group("total") and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and self.qs[idx - 1].unit == "%" and unit != "%":
            # 败诉率为4.3%,共3件: a total after a rate is the count the rate is of
            counted_by_rate = RATE_COUNTS.get(done[idx - 1].indicator or "")
            if counted_by_rate:
                lo = None
        if lo:
            new_period = (lo.group("period") and not PART_OF_YEAR.search(lo.group("period"))) or lo.group("own")
            if role.inherit_from is not None and done[role.inherit_from].kind == "comparison_base" \
                    and done[role.inherit_from].indicator and CTX["to_level"].fullmatch(lead):
                pick, carried_kind = NOTHING, kind    # 由上年的64件下降至51件: what 64 measured, not
                                                      # a measure of the clause before (出庭应诉率由…)
            else:
                pick, carried_kind = self._carry_from_previous_clause(q, sent, clause, measure, unit, bounded,
                                                                      fam, kind, bool(new_period))
            if lo.group("total") and CARRIED_IN.search(m, sent[0], q.head):
                pick = NOTHING     # 旧存64件,新收892件,共计956件: what was handled, old and new together
            # (a part of the year, 上半年45件 after the year's 86件, is no new period: a part of it)
            if not lo.group("own"):
                kind = carried_kind    # (…慈利县出庭应诉率为95.3%,我县为100%: the page's own takes the measure only)
            if pick.cue is None and prev_idx is None and self._first_in_paragraph(idx, para) \
                    and (heading := self._run_in_heading_of(para)) is not None:
                # (二)规范性文件备案审查。坚持有件必备,全年共计16件: the paragraph's run-in heading names
                # the measure its first figure counts
                pick = self._pick_verb_first(self.held_on_page(lead_cues(heading)[1]), measure, unit, bounded,
                                             fam, heading)
            if pick.cue is None and inherit_from is None and lo.group("period") and prev_idx is None:
                inherit_from = self._series_before(idx, q, sent, done)
            if pick.cue is None and inherit_from is None and prev_idx is None \
                    and (lo.group("period") or (pl := PERIOD_LABEL.fullmatch(m, sent[0], q.head))):
                inherit_from = self._year_line_under(idx, q, sent, done)
                if inherit_from is not None and not lo.group("period") and pl.group("abs") is None \
                        and done[inherit_from].year is not None:
                    label_year = done[inherit_from].year - 1    # 上年:12.1% under this year's 14.5%
        elif pick.cue is None and paren is None and ((not lead_hits and CTX["generic_items_lead"].fullmatch(lead))
                                                     or CTX["generic_review_lead"].fullmatch(lead)):
            # (a bare 审查 is a cue of its field's family only: here it names no measure of its own)
            pick, kind = self._carry_from_previous_clause(q, sent, clause, measure, unit, bounded, fam, kind)
        if pick.cue is None and paren is None and (act := OWN_SAME_ACT.fullmatch(lead)) is not None:
            pick = self._same_act_before(act.group("act"), sent, clause, measure, unit, bounded, fam)
        indicator, cue, also = pick.indicator, pick.cue, pick.also
        if indicator == "reconsideration.closed" and SAME_WAY.search(lead) and self._mediation_named_before(sent, lead_start):
            indicator = "reconsideration.mediated"   # …通过调解、和解方式办结1,492件;今年以同样方式办结462件
        if indicator in REMAINING_AFTER_CUT and CUT_TO.search(lead):
            indicator = REMAINING_AFTER_CUT[indicator]   # 精简为3417项, 压减至86项: what remains, not what went
        if indicator == "reconsideration.mediated" and clause[0] > sent[0] and MEDIATED_SUCCESS.search(lead) \
                and PRE_ACCEPTANCE.search(m, max(sent[0], clause[0] - 120), clause[0]):
            indicator = "reconsideration.pre_acceptance_mediated"   # 开展受理前调解530次,调解成功318件
        if indicator and indicator.split(".")[0] in ("litigation", "reconsideration") \
                and self._another_docket(lead, lead_start):
            indicator, also, reason = None, (), OTHER_DOCKET
        elif indicator and indicator.split(".")[0] in ("litigation", "reconsideration") \
                and CTX["counsel_item"].match(lead) and self.search_in(CTX["counsel_subject"], sent[0], lead_start):
            indicator, also, reason = None, (), COUNSELS_WORK
        elif indicator and indicator.startswith("reconsideration.") and REVIEWER_PART.match(lead) \
                and any(done[j].indicator == "reconsideration.as_respondent"
                        for j in range(idx - 1, -1, -1) if self.qs[j].start >= sent[0]):
            # 以镇政府为被申请人的案件13件,其中某市人民政府审理3件、某县人民政府审理10件: the body's
            # cases as respondent split by the governments that reviewed them
            indicator, also, reason = None, (), "the body's cases as respondent, split by their reviewer"
        elif indicator and indicator.split(".")[0] in ("litigation", "reconsideration") and idx > 0 \
                and self.qs[idx - 1].start >= sent[0] \
                and (self.counts_another_docket(idx - 1) or done[idx - 1].reason == OUTCOME_OF_ANOTHER_DOCKET) \
                and not FAMILY_WORDS.search(m, self.qs[idx - 1].tail, q.head) \
                and not RESPECTIVELY.search(m, self.qs[idx - 1].tail, q.head) \
                and not APPLICATIONS_TAKEN_IN.search(lead):
            # (an intake of applications starts a count of its own: …接待咨询860人次,接收书面申请239件)
            # 区政府作为当事人的民事诉讼案件9件,败诉1件: the outcome of that docket's cases
            # (…复议申请91件、信访事项870件,分别办结88件: a list's, paired item by item)
            indicator, also, reason = None, (), OUTCOME_OF_ANOTHER_DOCKET   # (…审结12108件,结案率96.4%: on down the chain)
        indicator, cue, reason, represented = self._whose_appearances(indicator, cue, reason, pick, lead, idx, q,
                                                                      sent, clause, done)
        if indicator and q.text in ("一", "两") and (cue is None or cue.role != "verb") and not lead_hits \
                and not ACT_AFTER.match(m, q.tail):
            # 变化源于一件行政复议案件: a lone 一 named only by the noun after it is an article
            indicator, also, reason = None, (), "a lone 一 before its noun, with no act: an article, not a count"
        if counted_by_rate and cue is None:
            indicator, cue = counted_by_rate, True
        if pick.joint and EACH.search(lead):
            indicator, also = pick.also[0], pick.also[1:]    # 意见书、建议书各3份: 3 of each kind
        elif indicator == "reconsideration.corrected" and EACH.search(lead) and _each_of(pick.text):
            kinds = _each_of(pick.text)                       # 撤销、变更各2件: 2 of each, not 2 in all
            indicator, also = kinds[0], tuple(kinds[1:])
        elif pick.joint:
            indicator, also = None, ()
            kind, reason = "joint", f"one number for {pick.joint} together: neither's own count"
        if cue is None and inherit_from is None and prev_idx is not None and done[prev_idx].indicator \
                and self.qs[prev_idx].unit == unit and YEAR_STEP.fullmatch(lead) \
                and YEAR_LABEL_END.search(self.m, max(0, self.qs[prev_idx].head - 8), self.qs[prev_idx].head):
            inherit_from = prev_idx   # 行政应诉案件2021年712件、2022年768件: the next year's figure of one measure
        if cue is None and inherit_from is None and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and done[idx - 1].indicator and done[idx - 1].kind == "level" and self.qs[idx - 1].unit == unit \
                and (ol := OWN_LEVEL_PART.fullmatch(m, self.qs[idx - 1].tail, q.head)) \
                and self._of_the_own_tier(re.search(r"[省市区县州旗盟](?=(?:人民)?政府|本级)", ol.group()).group()):
            inherit_from = idx - 1    # 全州共收案642件,其中州本级138件: the own level's share of that measure
        if cue is None and inherit_from is None and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and (pl := OWN_PARTY_PART.fullmatch(lead)) and _names_own_party(pl.group("party")) \
                and self._of_the_own_tier(pl.group("party")) \
                and (j := self._last_level_in_sentence(idx, sent, done)) is not None and self.qs[j].unit == unit \
                and (done[j].indicator or "").startswith("litigation."):
            inherit_from = j          # 行政应诉案件53件,其中涉及县政府的17件,涉及县级部门的36件: parts by party
            #                           (of lawsuits: a party of reviews is the respondent, not who accepted)
        if cue is None and inherit_from is None and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and done[idx - 1].indicator and done[idx - 1].kind == "cumulative" and self.qs[idx - 1].unit == unit \
                and RESPECTIVELY_ONLY.fullmatch(m, self.qs[idx - 1].tail, q.head) \
                and self._year_list_item(idx, q, sent) is not None:
            inherit_from = idx - 1    # 2021年至2023年共办理…520件,分别为150件、170件、200件: the span's years one by one
        if cue is None and inherit_from is None and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and done[idx - 1].indicator and done[idx - 1].kind == "cumulative" and self.qs[idx - 1].unit == unit \
                and (part := YEAR_PART_LEAD.fullmatch(m, self.qs[idx - 1].tail, q.head)) \
                and int(part.group("y")) == self.report_year:
            inherit_from = idx - 1    # 累计…633件,其中2022年度189件: the year's own figure of that measure
        if cue is None and inherit_from is None and prev_idx is not None and done[prev_idx].indicator \
                and self.qs[prev_idx].unit == unit and LIST_JOIN.fullmatch(lead) \
                and self._single_item_respectively(clause, self.qs[prev_idx].head):
            inherit_from = prev_idx   # 行政诉讼案件分别为64件、59件、47件: the list's figures are of one measure
        if cue is None and inherit_from is None and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and done[idx - 1].indicator and self.qs[idx - 1].unit == unit \
                and COMMA_JOIN.fullmatch(m, self.qs[idx - 1].tail, q.head) \
                and self._single_item_respectively(self.clause_of(self.qs[(first := self._comma_list_first(idx, sent))].start, sent),
                                                   self.qs[first].head):
            inherit_from = idx - 1    # 分别为39件,44件,52件: a 分别 list whose items commas join
        if cue is None and inherit_from is None and (self.search_slice(CTX["anaphor"], lead, lead_start)
                                                     or (self.may_match(CTX["period_to_level"], lead_start, q.head)
                                                         and CTX["period_to_level"].fullmatch(lead))):
            for j in range(idx - 1, max(-1, idx - 12), -1):   # 2022年此类案件为26件: the kind named before
                if self.qs[j].start < sent[0]:
                    break
                if done[j].indicator and done[j].kind == "level" and (self.qs[j].unit == "%") == (unit == "%"):
                    inherit_from = j
                    break
        if cue is None and inherit_from is None and CTX["figure_anaphor"].search(lead):
            inherit_from = self._figure_named_before(idx, q, sent, done)
        instances = []
        if cue is None and inherit_from is None and TOTAL_LEAD.fullmatch(lead) and fam == "litigation" \
                and (instances := self._instances_summed_before(idx, q, sent, done)):
            # 一审128件,二审47件,再审3件,合计178件: the lawsuits; 败诉案件一审18件、二审6件,共计24件: the losses
            indicator, cue = self._measure_by_instance(instances, done), True
            for j in instances:
                if done[j].kind == "level" and done[j].indicator in (None, indicator):
                    done[j].kind, done[j].reason = "breakdown", INSTANCE_PART
        if cue is None and inherit_from is None and TOTAL_LEAD.fullmatch(lead):
            inherit_from = self._sum_of_the_parts_before(idx, q, sent, done)
        if cue is None and inherit_from is not None and done[inherit_from].indicator:
            src = done[inherit_from]
            src_q = self.qs[inherit_from]
            if (src_q.unit == "%") == (unit == "%"):
                indicator = src.indicator
                if unit is None:
                    unit, unit_raw = src.unit, None
                cue = True
        sh = self.search_slice(CTX["share"], lead, lead_start) if measure == "rate" else None
        if sh and kind in ("level", "other_body") and self._share_of_a_higher_whole(sh.group()):
            kind, reason = "share", "a share of a higher tier's whole (占全市…), not a rate of the body"
        elif cue is None and sh:
            as_rate = kind == "level"
            kind = "share" if kind == "level" else kind
            another_act = self._share_named_by_another_act(lead[:sh.start()], fam)
            for j in range(idx - 1, max(-1, idx - 21), -1):
                if self.qs[j].start < sent[0]:
                    break
                if (pj := self.paren_of(self.qs[j].start)) is not None and pj != paren:
                    continue       # 1691件(其中网上申请3件),占比61.4%: the share is of the figure before the aside
                d = done[j]
                if d.kind == "level" and d.indicator in SHARE_RATES and self.qs[j].unit != "%" \
                        and another_act in (None, d.indicator) \
                        and not self._share_of_its_own_measure(sh.group(), d.indicator, fam):
                    indicator = SHARE_RATES[d.indicator]
                    kind = "level" if as_rate else kind
                    break
                if d.indicator:
                    break
        if sh and kind == "level" and indicator is not None and cue is not None \
                and (count := RATE_COUNTS.get(indicator)) \
                and self._part_of_its_own_measure(sh.group(), self.m[sent[0]:lead_start + sh.start()], count, fam):
            kind, reason = "share", "a part's share of the measure's own whole (占败诉总数的, 败诉案件中…的占), not the rate"
        if indicator is not None and unit is None and (named := UNIT_NAMED_BEFORE.search(lead)) is not None \
                and (said := UNIT_WORDS[named.group(1)]) in unit_choices(indicator):
            unit, unit_raw = said, named.group(1)   # 出庭应诉人次为312: the unit the words before it name
        if indicator is not None and unit is None:
            unit = default_unit(indicator)
            unit_raw = None
        if indicator is not None and measure == "rate" and q.value > 100:
            indicator = None
        scope = self.scope_at(q.start, sent[0], clause, indicator.split(".")[0]) if indicator else None
        if scope == "all" and (whole := self._scope_of_the_whole_before(idx, sent, q, done, indicator)) is not None:
            scope = whole          # 市政府…审结188件。其中:维持112件: the parts of the government's whole
        if instances and len(parts_scope := {done[j].scope for j in instances} - {None}) == 1:
            scope = parts_scope.pop()   # 以县政府为被告的…一审20件、二审9件,总计29件: the parts' party
        if represented:
            scope = "government"
        if scope in ("government", "departments") and (own := self._last_own_respondent(sent[0], q.head)) \
                and PARTIES_BEYOND_GOVERNMENT.search(own.group()):
            scope = "all"          # 以我市政府、部门及镇(街道)为被告: every party together, the whole
            #                        (以区政府、区政府办公室为共同被告 stays the government's)
        if indicator and isinstance(pick.list_over, tuple) and pick.list_over[0] == "scope":
            scope = pick.list_over[1]      # 区直各部门、区政府作为被告的分别为46件、11件: each item's scope
        if indicator == "reconsideration.as_respondent" and kind == "level" and pick.cue is not None \
                and pick.cue.role == "after" and (named := RESPONDENT_AFTER.match(m, q.tail, sent[1])):
            # 51件以区县政府为被申请人 (the respondent after its figure): its scope, or a lower tier's
            party = named.group("party")
            tier = LEADING_TIER.match(party)
            if tier and self.below_own_tier(tier.group(1)):
                kind, reason = "other_body", f"a lower tier named as the respondent after its figure ({party})"
            elif ONE_BUREAU.fullmatch(party):
                kind, reason = "breakdown", f"one bureau's cases as respondent ({party})"
            elif (named_scope := scope_of_label(party)) is not None:
                scope = named_scope
        if indicator and indicator.startswith("reconsideration.") and kind == "level" \
                and scope in (None, "all") and (party := self.heading_respondent(q.start)) is not None:
            if party == "own" or self.own_tier() == 4:
                # 二、以区政府为被申请人的案件 … 1.案件数:7件: the government's own cases (a township's
                # own page names itself as a lower tier would)
                scope = "government"
                if indicator in ("reconsideration.accepted", "reconsideration.received"):
                    indicator = "reconsideration.as_respondent"
            else:                  # 二、以镇(街道)为被申请人的案件 … 1.案件数:18件: theirs
                kind, reason = "other_body", "under a heading that names a lower tier as the respondent"
        if indicator and indicator.split(".")[0] in CASE_FAMILIES and kind == "level" and scope in (None, "all"):
            indicator, scope, kind, reason = self._scope_of_heading(q, sent, indicator, scope, kind, reason)
        if kind == "breakdown" and reason == ASIDE and indicator is not None and measure == "count" \
                and self._aside_of_its_own(q, paren, indicator, scope, done):
            kind, reason = "level", None     # 办结86件(其中维持52件、驳回9件): the outcomes, facts of their own
        if kind == "level" and indicator in INTAKE_WORDS and cue is not None \
                and self._handled_beside_accepted(pick.text, sent, lead_start, q.head, INTAKE_WORDS[indicator]):
            # DOMAIN: 办理 (often with carried-over cases) is accepted only where no 受理 figure is
            # beside it; a lawsuit count likewise, where 新收 / 受理 is (新收276件,加上结转37件,共办理313件)
            indicator, reason = None, "办理 beside an intake figure: the cases handled, not those taken in"
        elif kind == "level" and indicator in INTAKE_WORDS and cue is not None and pick.text \
                and CTX["handled"].match(pick.text) and self._carried_in_before(sent, clause, q.head) \
                and self._intake_stated(INTAKE_WORDS[indicator], lead_start, q.head, indicator.split(".")[0]):
            # 新收…487件,加上年结转36件,共办理523件 on a page that states its 受理 elsewhere: new and
            # carried-over cases together (with no 受理 anywhere, DOMAIN takes 办理 for the accepted)
            indicator, reason = None, "办理 after cases carried over (结转), the 受理 stated elsewhere: the cases handled"
        if kind == "level" and indicator is not None and indicator.split(".")[0] in ("reconsideration", "litigation"):
            field = self._field_family(q.start, sent[0])
            if field is not None:
                kind, reason = "breakdown", f"cases of one field ({field}), by its section or sentence"
        if kind == "level" and indicator is not None and indicator.split(".")[0] in ("reconsideration", "litigation") \
                and (whole := self._whole_of_another_measure(idx, sent, q.head, done)) is not None:
            kind, reason = "breakdown", f"one kind (其中) of {self.qs[whole].value:g} {done[whole].indicator} before it"
        if kind == "level" and indicator is not None:
            parent = self._part_of(idx, q, sent, indicator, done)
            own = self.search_in(CTX["own_body"], lead_start, q.head) if parent is not None else None
            if own is not None and not self._own_whole(parent, own.group()[1:], sent):
                # 全省法院受理…2.3万件,其中我市法院受理1260件: the part is the reporting body's, the
                # whole a higher body's
                done[parent].kind, done[parent].reason = "other_body", "the whole of which the reporting body's figure (其中我市…) is a part"
            elif parent is not None and indicator == "reconsideration.accepted" \
                    and (done[parent].sentence == sent or PARTS_SENTENCE.match(self.m, sent[0])) \
                    and (scope or "all") in ("all", done[parent].scope or "all") \
                    and self._accepted_part_of_bare_caseload(parent, done[parent].clause[0], lead_start, q.head):
                # 行政复议案件152件,其中依法受理138件: the whole is what came in, the part what was accepted
                done[parent].indicator = "reconsideration.received"
            elif parent is not None and ((done[parent].scope or "all") == (scope or "all")
                                         or not (self._scope_named_in(clause[0], q.head)
                                                 or self._continues_a_level(idx, sent, clause, done)
                                                 or self._goes_on_with_the_scoped_part(idx, sent, scope, done))):
                # a part of the same scope (其中副职280人次), or one with no scope of its own in its
                # clause (省本级收到1320件,县级收到1.37万件); 其中县政府为被告的12件 is the government's,
                # and so is a clause that goes on with its act (…63件,受理57件)
                kind, reason = "breakdown", f"a part (其中) of {self.qs[parent].value:g} before it, of the same measure"
        if kind == "level" and indicator == "reconsideration.accepted" \
                and (bare := self._bare_caseload_before(idx, sent, lead_start, q.head, scope, done)) is not None:
            # 行政复议案件数量…达1320件,受理1208件: the bare count beside an accepted one is what came in
            done[bare].indicator = "reconsideration.received"
        if kind == "level" and indicator in DECISIONS and self._decided_on_its_respondent_cases(idx, sent, done):
            kind, reason = "breakdown", "a superior's decisions on the body's own cases as respondent (被申请人)"
        elif kind == "level" and indicator in DECISIONS \
                and (reviewer := self._reviewer_of_its_respondent_cases(idx, sent, done)) is not None:
            kind, reason = "other_body", f"the decisions of the government that reviewed the page's own cases ({reviewer})"
        if year is None and kind in ("level", "cumulative"):
            year = self._year_list_item(idx, q, sent)
            if year is not None and kind == "cumulative":
                kind, reason = "level", None     # 2019—2021年,…分别为312件、348件、401件: one per year
        if year is None and label_year is not None and base_year is None:
            year = label_year
        if year is None:
            year = base_year if base_year is not None else self.year_at(q.start, sent, paren, clause[0])
        if indicator in ("reconsideration.accepted", "reconsideration.received") \
                and self.may_match(CTX["rejected_after"], q.tail, sent[1]) and CTX["rejected_after"].match(m, q.tail, sent[1]):
            indicator = "reconsideration.rejected"   # …的7件复议申请,依法决定不予受理
        if indicator in ("litigation.cases", "reconsideration.accepted", "reconsideration.received") \
                and kind == "level" and (scope or "all") == "all" and self.may_match(CTX["share_after"], (after := self._past_aside(q.tail)), sent[1]) \
                and (share := CTX["share_after"].match(m, after, sent[1])) \
                and not ((hw := re.search(r"全([省市区县州])", share.group())) and self.above_own_tier(hw.group(1))) \
                and not self.search_slice(CTX["whole_part"], lead, lead_start) \
                and not (indicator == "reconsideration.accepted" and self._received_before(idx, sent, done)):
            # (not a share of a higher tier's whole: 我市受理4120件,占全省的12.9% is the city's own)
            # (其中一审案件3020件,占40.29%: still the lawsuits; 收到812件,其中受理706件,占86.9%: the
            # accepted, whose share of the applications is no kind's)
            kind, reason = "breakdown", "a part of the caseload: its share of the cases follows it (占81.6%)"
        if indicator and kind == "level" and (scope or "all") == "all" and self._part_of_opening_whole(sent, q, indicator):
            # (a part of the reporting government's own, 受理的案件中,市政府受理326件, is its figure)
            kind, reason = "breakdown", "a part of the whole its sentence opens with (败诉案件中,…)"
        if kind == "level" and unit != "%" and YEARS_LISTED_AFTER.match(self.m, q.tail):
            kind, reason = "cumulative", "the total of the years its next clause lists one by one (…,2021年至2023年分别为…)"
        elif kind == "level" and unit != "%" and self._running_total_with_the_year_s_part(q, sent, year):
            kind, reason = "cumulative", "a total whose part (其中2023年…) is its own year's: the total spans more years"
        if kind == "level" and year is not None and self.published_on is not None \
                and year > self.published_on.year:
            kind, reason = "target", f"a figure of {year}, after the page was published: a plan"
        all_outcome = None
        if indicator in ("reconsideration.accepted", "litigation.cases") and kind == "level" \
                and ((self.may_match(CTX["all_closed"], q.tail, len(m)) and (ac := CTX["all_closed"].match(m, q.tail))
                      and not (FAMILY_WORDS.search(ac.group()) and first_family(ac.group()) != indicator.split(".")[0]))
                     or self._closed_in_next_sentence(idx, sent, indicator, done)):
            # (…复议案件47件;行政诉讼案件均已审结: the other family's cases closed, not these)
            all_outcome = "closed"
        elif kind == "level" and self.may_match(CTX["all_upheld"], q.tail, len(m)) and CTX["all_upheld"].match(m, q.tail) and (
                indicator in ("reconsideration.accepted", "reconsideration.closed")
                or indicator == "reconsideration.as_respondent" and self.level in ("department", "township")):
            # a government's cases as respondent upheld by its superior are not its own decisions
            # (its upheld count); a bureau or a township decides none, so for them they are
            all_outcome = "upheld"
        if indicator in ("normative_docs.issued", "normative_docs.reviewed") and kind == "level":
            also = tuple(also) + self._all_done_after(q.tail, also)   # 出台规范性文件5件,全部报…备案: 5 filed too
        all_accepted = indicator == "reconsideration.received" and kind == "level" \
            and self.may_match(CTX["all_accepted"], q.tail, len(m)) and bool(CTX["all_accepted"].match(m, q.tail))
        return Classified(kind, indicator, scope, year, unit, unit_raw, sent, clause, para, all_outcome,
                          also if indicator else (), reason if kind != "level" or indicator is None else None,
                          all_accepted)

    def _running_total_with_the_year_s_part(self, q: Quantity, sent: tuple[int, int], year: int | None) -> bool:
        """Whether `q` is a running total with no year of its own (累计受理420件) whose next clause
        gives the part of `year` (,其中2023年受理156件): the total then spans more years."""
        part = YEAR_PART_AFTER.match(self.m, q.tail)
        return part is not None and year is not None and int(part.group("y")) == year \
            and UNDATED_RUNNING_TOTAL.search(self.m[sent[0]:q.head]) is not None

    def _all_done_after(self, pos: int, also) -> tuple[str, ...]:
        """What every document issued went through, said right after their count, one clause after
        another (…23件,全部经合法性审查,全部报市政府备案): reviewed, filed."""
        out = []
        if (change := CHANGE_CLAUSE_AFTER.match(self.m, pos)) is not None:
            pos = change.end()     # (…7件,同比减少2件,均报送市政府备案: past the change)
        for _ in ALL_DONE:
            for name, code in ALL_DONE:
                if code in also or code in out or not self.may_match(CTX[name], pos, len(self.m)):
                    continue
                if (h := CTX[name].match(self.m, pos)) is not None:
                    out.append(code)
                    pos = h.end()
                    break
            else:
                break
        return tuple(out)

    def _decided_on_its_respondent_cases(self, idx: int, sent, done: list) -> bool:
        """The decisions are parts (其中) of the count, before them in their sentence, of the
        government's own cases as respondent (市政府作为被申请人的案件23件,其中维持18件): its superior
        decided them, so they are not the body's decisions. (Its departments' cases it decides
        itself; a bureau or a township decides none, so its own cases' decisions stay.)"""
        lo = sent[0]
        if PARTS_SENTENCE.match(self.m, sent[0]):
            lo = self.sentence_of(max(0, sent[0] - 1))[0]    # (…案件23件。其中,维持17件: the sentence before)
        for j in range(idx - 1, -1, -1):
            if self.qs[j].start < lo:
                return False
            d = done[j]
            if d.indicator == "reconsideration.as_respondent":
                between = self.m[self.qs[j].tail:self.qs[idx].head]
                if d.kind != "level" or d.scope == "departments" or ("其中" not in between
                                                                      and not DECISIONS_RUN.fullmatch(between)) \
                        or (self.qs[idx].value or 0) > (self.qs[j].value or 0):
                    return False   # (…被申请人的12件,经审理,维持380件: more than its cases, so the body's own)
                # a bureau's or a township's own cases: theirs (they decide none); a government's
                # named on a bureau's page (市政府作为被申请人…) are still the superior's decisions
                return self.level not in ("department", "township") \
                    or self.level == "department" and "政府" in self.m[d.clause[0]:self.qs[j].head]
            if d.indicator is not None and d.indicator not in DECISIONS:
                return False
        return False

    def _whole_of_another_measure(self, idx: int, sent, head: int, done: list) -> int | None:
        """The figure before a 其中 the figure follows in its sentence, when it counts another
        measure than cases of review or lawsuits (法律援助案件412件,其中民事案件268件,…行政诉讼案件
        13件): the parts listed are kinds of that whole (counted in its unit: 普法活动320次,其中…,
        受理行政复议案件58件 is no kind of the events)."""
        lo = max(sent[0], head - 200)
        k = max(self.m.rfind(w, lo, head) for w in ("其中", "涉及", "包括"))
        if k == -1:
            return None
        for j in range(idx - 1, -1, -1):
            if self.qs[j].start < sent[0]:
                return None
            if self.qs[j].start < k:
                ind = done[j].indicator
                fam = ind.split(".")[0] if ind else None
                return j if fam is not None and fam not in ("reconsideration", "litigation") \
                    and done[j].kind == "level" and self.qs[j].unit == self.qs[idx].unit else None
        return None

    def _reviewer_of_its_respondent_cases(self, idx: int, sent, done: list) -> str | None:
        """A government named as the subject of the decisions (岳阳市政府维持17件, 其中区政府维持9件)
        after the body's own count as respondent in the sentence: the reviewer's decisions, when
        that government is not the page's own (on a bureau's page any government; elsewhere one
        of a higher tier, or another named place's)."""
        g = None
        for j in range(idx - 1, max(-1, idx - 1 - NEAR_FIGURES), -1):   # (its decisions follow it closely)
            if self.qs[j].start < sent[0]:
                return None
            if done[j].indicator == "reconsideration.as_respondent":
                g = DECIDING_GOVERNMENT.search(self.m, self.qs[j].tail, self.qs[idx].head)
                break
            if done[j].indicator is not None and done[j].indicator not in DECISIONS:
                return None
        if g is None:
            return None
        if g.group("name") and (other := self._another_place(g.group("name") + g.group("tier"))):
            return other
        return g.group("gov") if self._reviewer_above(g.group("tier")) else None   # (长沙市政府 on 长沙市望城区's page)

    def _closed_in_next_sentence(self, idx: int, sent, indicator: str, done: list) -> bool:
        """The sentence after opens by saying the accepted cases were all closed (受理74件,不予受理
        5件。受理案件均已办结,…): this is its sentence's last figure of the kind, so they are its."""
        opening = ALL_CLOSED_OPENING.match(self.m, sent[1]) if sent[1] < len(self.m) else None
        if opening is None or (opening.group("fam") and (opening.group("fam") == "复议")
                               != (indicator == "reconsideration.accepted")):
            return False                  # (上述行政复议案件均已审结 closes no lawsuits)
        word = ACCEPTED_WORD if indicator == "reconsideration.accepted" else LAWSUIT_WORD
        if not word.search(self.m, max(sent[0], self.qs[idx].head - 12), self.qs[idx].head):
            return False                  # (a count said as accepted, 受理74件)
        own = "复议" if indicator == "reconsideration.accepted" else "诉"
        tail = self.qs[idx].tail
        for j in range(idx + 1, len(self.qs)):
            if self.qs[j].start >= sent[1]:
                break
            lead = self.m[tail:self.qs[j].head]
            if word.search(lead) and (own in lead or not FAMILY_WORD.search(lead)):
                return False              # a later count of the kind in the sentence is theirs
            tail = self.qs[j].tail
        return True

    def _past_aside(self, pos: int) -> int:
        """Where the words after a figure go on: past an aside right after it (6858件(其中…3件),占8.2%)."""
        p = self.paren_of(pos + 1) if pos < len(self.m) and self.m[pos] in "(（" else None
        return p[1] + 1 if p is not None else pos

    def _bare_caseload_before(self, idx: int, sent, lead_start: int, head: int, scope, done: list) -> int | None:
        """The figure before this accepted one in its sentence, when it is an accepted count only
        by default (its clause names no act) of the same scope: a reader takes it for the intake."""
        for j in range(idx - 1, -1, -1):
            if self.qs[j].start < sent[0]:
                return None
            d = done[j]
            if d.indicator is None or self.paren_of(self.qs[j].start) is not None:
                continue
            if d.indicator != "reconsideration.accepted" or d.kind != "level":
                return None
            if (scope or "all") not in ("all", d.scope or "all"):
                return None
            return j if self._accepted_part_of_bare_caseload(j, d.clause[0], lead_start, head) else None
        return None

    def _accepted_part_of_bare_caseload(self, parent: int, parent_clause: int, lead_start: int, head: int) -> bool:
        """The part is what was accepted (其中依法受理87件) and its whole names no act (行政复议案件
        96件, 发生…96件): the whole was read as accepted only by default, and a reader takes it for
        what came in. (其中县级受理284件 splits the accepted cases by level: no.)"""
        if not ACCEPTED_PART.fullmatch(self.m, lead_start, head):
            return False
        whole_lead = self.m[parent_clause:self.qs[parent].head]
        return not CTX["accepted_word"].search(whole_lead) and not CTX["handled"].search(whole_lead)

    def _own_whole(self, parent: int, tier: str, sent) -> bool:
        """The whole before 其中我县… is the body's own (全县受理…86件,其中我县政府本级…): its clause
        names the same tier's whole (全县, 本县), so the part is a scope of it, not a share of a
        higher body's."""
        c0 = self.clause_of(self.qs[parent].start, sent)[0]
        lead = self.m[c0:self.qs[parent].head]
        return any(w + tier in lead for w in ("全", "本", "我"))

    def _share_of_a_higher_whole(self, share: str) -> bool:
        """A share of the whole of a higher tier (占全市纠错案件总数的30% on a district's page):
        the body's part of its superior's total, not a rate of the body's own cases."""
        h = HIGHER_WHOLE.match(share)
        if h is None:
            return False
        if h.group(1) == "国":
            return not self.national_doc
        return self.above_own_tier(h.group(1))

    def _scope_of_heading(self, q: Quantity, sent, indicator: str, scope, kind, reason) -> tuple:
        """A case figure under a section heading that names whose cases they are ((一)区政府作为
        被告的案件情况 ⏎ 收案:38件; (二)区直部门作为被申请人; (一)市本级; 三、各镇(街道)作为被告的案件)
        takes that scope, or is a lower tier's; not where its sentence names the whole (全区共…),
        nor on a department's page (its headings name the government that reviews it)."""
        party = self.heading_party(q.start)
        if party is None or party.who == "all" or getattr(self, "level", None) == "department" \
                or HEADING_WHOLE_IN_SENTENCE.search(self.m, sent[0], q.head):
            return indicator, scope, kind, reason
        if party.tier is not None and self.below_own_tier(party.tier):
            party = HeadingParty("lower", None, party.respondent)
        elif party.tier is not None and (own := LEVEL_TIER.get(getattr(self, "level", None)) or self.own_tier()) is not None \
                and self._word_rank(party.tier) < own:
            return indicator, scope, kind, reason            # a higher tier's heading: not the page's party
        if party.who == "lower" and not (self.own_tier() == 4 or getattr(self, "level", None) == "township"):
            return indicator, scope, "other_body", "under a heading that names a lower tier's cases"
        if party.who == "lower":      # (a township's page names its own government as a lower tier would)
            party = HeadingParty("government", None, party.respondent)
        if party.respondent and indicator in ("reconsideration.accepted", "reconsideration.received"):
            indicator = "reconsideration.as_respondent"
        return indicator, party.who, kind, reason

    def _aside_of_its_own(self, q: Quantity, paren, indicator: str, scope, done) -> bool:
        """A count in brackets after a figure names a measure of its own (办结86件(其中维持52件):
        the upheld among the closed) or a scope of its own (诉讼案件120件(其中县直部门为被告41件)):
        a fact, as it would be written without the brackets. Of the same measure and scope
        (收到申请96件(其中网上申请11件)) it stays a part."""
        j = bisect.bisect_left(self.qstarts, paren[0]) - 1
        if j < 0 or done[j].kind != "level" or done[j].indicator is None:
            return False
        if indicator == "litigation.principal_head_appearances" and done[j].indicator == "litigation.head_appearances":
            return True         # (…265人次(其中副职231人次、正职34人次)): the principal's, a measure of its own
        if any(d.kind not in ("level", "share") for d in done[j + 1:]):
            return False        # (其中涉企案件12件,纠错3件): after a part, the part's own outcomes
            #                     (an item's share, 撤销21件、占56.8%, is no part: the list goes on)
        if done[j].indicator != indicator:
            return True
        return (scope or "all") != (done[j].scope or "all") and self._scope_named_in(paren[0], q.head)

    def _continues_a_level(self, idx: int, sent, clause, done) -> bool:
        """A clause opening on its act (…收到63件,受理57件) goes on with the subject of the figure
        before it in the sentence: a level of its own scope, when that figure was one (not when
        it was itself a part: 其中市公安局收到300件,受理280件). An aside's figures are passed over."""
        j = idx - 1
        own = self.paren_of(self.qs[idx].start)
        while j >= 0 and (p := self.paren_of(self.qs[j].start)) is not None and p != own:
            j -= 1                 # …收到1042件(其中网上申请3件),受理876件: past the aside
        return bool(CTX["continuation_verb"].match(self.m, clause[0])) and j >= 0 \
            and self.qs[j].start >= sent[0] and done[j].kind == "level"

    def _scope_named_in(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.scope_ends, a)
        j = bisect.bisect_right(self.scope_ends, b)
        return any(s >= a for _e, s, _n in self.scope_hits[i:j])

    def _pick_verb_first(self, hits, measure, unit, bounded, fam, text=None) -> Pick:
        """A verb's cue among the hits, else a noun's: how a lead names its measure."""
        pick = self._pick(hits, measure, unit, bounded, fam, ("verb",), text)
        return pick if pick.cue is not None else self._pick(hits, measure, unit, bounded, fam, ("noun",), text)

    def _acts_before_item(self, lead, lead_start, clause, fam):
        """The cues before a figure whose lead names none. An item that names its own field
        (审查重大行政决策4项、规范性文件11件) takes the act before the list, not the thing the
        previous item counted: cues of another field are dropped."""
        hits = self.cues_in(max(clause[0], lead_start - 60), lead_start)
        named = first_family(lead)
        if named is None:
            return hits
        return [h for h in hits if h[2].indicator is None
                or (fill(h[2].indicator, fam) or "").split(".")[0] == named]

    def _pick(self, hits, measure, unit, bounded, fam, roles, text=None) -> Pick:
        """The cue ending nearest the number (then the longest). Verbs joined to it by 、/和
        (审核、备案行政规范性文件3个) name further indicators of the same number: its `also`."""
        ok = []
        for e, s, cue in hits:
            if cue.role not in roles or cue.measure != measure:
                continue
            if not unit_ok(cue, unit, bounded):
                continue
            if cue.families is not None and fam not in cue.families:
                continue
            ok.append((e, s, cue))
        if not ok:
            return NOTHING
        e, s, cue = max(ok, key=lambda h: (h[0], h[0] - h[1]))
        ind = fill(cue.indicator, fam)
        text = self.m if text is None else text
        picked = text[s:e]
        also = list(cue.also)
        joint = False
        while cue.indicator:
            prev = [h for h in ok if h[0] < s and s - h[0] <= 1 and text[h[0]:s] in ("、", "和", "及", "与", "并")]
            if not prev:
                break
            e2, s, c2 = max(prev, key=lambda h: h[0] - h[1])
            if c2.indicator and fill(c2.indicator, fam) != ind:
                also.append(fill(c2.indicator, fam))
                joint = joint or cue.joint or c2.joint
        if joint:                   # 意见书、建议书共17份: both kinds together, neither's own count
            return Pick(None, cue, (ind, *also), picked, joint=text[s:e])
        return Pick(ind, cue, tuple(also), picked)


    def _respectively(self, idx, lead_start, lead, prev_idx, measure, unit, fam) -> Pick:
        """申请量、受理量分别为210件、196件: the i-th number of a 分别 list takes the cue of the
        i-th item of the list before 分别. The items joined before 分别 are the list, not further
        indicators of this number: the pick has no `also`."""
        act, over = ("", False), None
        if prev_idx is not None and prev_idx in self._resp and CTX["joined"].fullmatch(lead):
            items, k = self._resp[prev_idx]
            act = self._resp_act.get(prev_idx, act)
            over = self._resp_scopes.get(prev_idx)
            k += 1
        else:
            r = CTX["respectively"].search(lead) if ("分别" in lead or "依次" in lead) else None
            if r is None:
                pick = self._measures_after(idx, lead_start, lead, measure, unit, fam)
                return pick if pick is not None else self._parties_then_measure(idx, lead_start, lead, measure, unit, fam)
            items, k, a = [], 0, lead_start
            stop = lead_start + r.start()
            if not lead_cues(self.m[lead_start:stop])[1] \
                    and not CTX["list_separator"].search(self.m, lead_start, stop):
                # 行政复议案件数量首次超过行政诉讼案件数量,分别为312件和275件: the list is the
                # clause before, when it states no figure of its own
                sent = self.sentence_of(lead_start)
                ck = self.clause_index(lead_start, sent)
                if ck:
                    prev = self._clause_list(sent)[0][ck - 1]
                    if not self._numbers_in(prev):
                        a, stop = prev
                    elif self._changes_read(prev) and (f := self.m.find("分别", prev[0], prev[1])) != -1:
                        a, stop = prev[0], f   # 收案量、审结量分别同比增长18.7%、16.2%,分别达到2641件、
                        #                        2205件: the list before the changes' 分别
            for sep in CTX["list_separator"].finditer(self.m, a, stop):
                items.append((a, sep.start()))
                a = sep.end()
            if items and (tail := SHARED_MANNER.search(self.m, a, stop)) is not None:
                stop = tail.start()   # 以撤销、…、责令履行方式纠错的分别为…: the items' shared manner, not the last's own
            items.append((a, stop))
            act = (r.group("act") or "", False)
            if len(items) < 2:
                span = years_spanned(self.m[items[0][0]:items[0][1]]) if items else 0
                if span < 2:
                    return self._over_the_scopes_before(idx, items, measure, unit, fam, act)
                items = items * span       # 2021年至2023年分别为…: one item a year of the span
        self._resp[idx] = (items, k)
        if act[0]:
            self._resp_act[idx] = act
        if k >= len(items):
            return NOTHING
        if len(items) > 1 and len(set(items)) == 1 and over is None:
            # a span of years names no measure: the clause before names it ahead of its own
            # figure (全市共收到行政复议申请2416件,2021年至2023年分别为702件、811件、903件)
            return self._measure_of_clause_before(items[0][0], measure, unit, fam)
        over = over or self._list_over(items)
        if over is not None and isinstance(over[0], tuple):
            self._resp_scopes[idx] = over
        return self._pick_of_item(items, k, over, measure, unit, fam, act)

    def _sum_of_the_parts_before(self, idx: int, q: Quantity, sent, done) -> int | None:
        """…乡镇政府为被告的23件,县直部门为被告的41件,县政府为被告的18件,总计82件: a bare total
        after two or more figures of its sentence, of its unit and year, that sum to it, is their
        measure's whole: the last of them with an indicator lends it. Not a sum over years, over
        new and carried-over cases (a part with no measure) or over the kinds of the cases."""
        parts = [j for j in range(bisect.bisect_left(self.qstarts, sent[0]), idx) if self.qs[j].unit == q.unit]
        if len(parts) < 2 or abs(sum(self.qs[j].value for j in parts) - q.value) > 1e-6:
            return None
        named = {done[j].indicator for j in parts if done[j].indicator}
        if len(named) != 1 or not any(done[j].kind == "level" and done[j].indicator for j in parts) \
                or len({done[j].year for j in parts}) != 1 or CARRIED_IN.search(self.m, sent[0], q.head):
            return None            # (two years' figures, new and carried-over cases, kinds of the cases)
        return max(j for j in parts if done[j].indicator)

    @staticmethod
    def _measure_by_instance(parts: list[int], done) -> str:
        """The measure a total over instances counts: the parts' own (败诉, 开庭, 出庭应诉), else
        the lawsuits themselves."""
        own = {done[j].indicator for j in parts} - BY_INSTANCE
        return own.pop() if own else "litigation.cases"

    def _instances_summed_before(self, idx: int, q: Quantity, sent, done) -> list[int]:
        """一审56件、二审31件,共计87件: a bare total right after a run of figures of its sentence,
        each named by its instance (two instances at least), that sum to it, is their whole. The
        parts, figures of one year and of one measure, are returned (none when it is no such
        total)."""
        parts, named = [], set()
        j = idx - 1
        while j >= 0 and self.qs[j].start >= sent[0] and self.qs[j].unit == q.unit:
            start = self.qs[j - 1].tail if j > 0 and self.qs[j - 1].start >= sent[0] else sent[0]
            if (h := INSTANCE_BEFORE.search(self.m, start, self.qs[j].head)) is None:
                break
            parts.insert(0, j)
            named.add(h.group(1))
            j -= 1
        if len(parts) < 2 or len(named) != len(parts) or abs(sum(self.qs[k].value for k in parts) - q.value) > 1e-6 \
                or len({done[k].year for k in parts}) != 1 or len({done[k].indicator for k in parts} - BY_INSTANCE) > 1:
            return []              # (not their sum, of two years, or parts of two measures)
        return parts

    def _over_the_scopes_before(self, idx, items, measure, unit, fam, act=("", False)) -> Pick:
        """区政府、区直部门作为被告的案件分别为58件、176件,负责人出庭应诉率分别为100%、98.3%: a
        later 分别 list of one measure, with as many figures as an earlier list of its sentence
        that ran over the body's own scopes, goes on over those scopes in order."""
        if not items or not self._resp_scopes:
            return NOTHING
        sent = self.sentence_of(self.qs[idx].start)
        first = min((j for j in self._resp_scopes if sent[0] <= self.qs[j].start < self.qs[idx].start), default=None)
        if first is None:
            return NOTHING
        over = self._resp_scopes[first]
        run = self._joined_run(idx, sent)
        if len(run) != len(over) or len(self._joined_run(first, sent)) != len(over):
            return NOTHING
        self._resp[idx] = (items * len(over), 0)
        self._resp_scopes[idx] = over
        if act[0]:
            self._resp_act[idx] = act
        return self._pick_of_item(items * len(over), 0, over, measure, unit, fam, act)

    def _joined_run(self, idx: int, sent) -> list[int]:
        """The figures from idx on joined to it by 、 / 和 / 及 only, within its sentence."""
        run = [idx]
        for n in range(idx + 1, len(self.qs)):
            if self.qs[n].start >= sent[1] or not LIST_JOIN.fullmatch(self.m, self.qs[n - 1].tail, self.qs[n].head):
                break
            run.append(n)
        return run

    def _measures_after(self, idx, lead_start, lead, measure, unit, fam) -> Pick | None:
        """分别办理行政处罚案件、行政许可案件920件、1.6万件: the measures listed after 分别 and its act,
        each naming one, give the figures after them theirs in order (None when the lead is not
        such a list)."""
        h = MEASURES_AFTER.search(lead) if "分别" in lead or "依次" in lead else None
        if h is None:
            return None
        act = h.group("act") or ""
        a, stop = lead_start + h.start("items"), lead_start + h.end("items")
        items = []
        for sep in CTX["list_separator"].finditer(self.m, a, stop):
            items.append((a, sep.start()))
            a = sep.end()
        items.append((a, stop))
        if len(items) < 2 or not all(lead_cues(act + self.m[x:y])[1] for x, y in items):
            return None
        self._resp[idx] = (items, 0)
        self._resp_act[idx] = (act, True)
        return self._pick_of_item(items, 0, None, measure, unit, fam, (act, True))

    def _pick_of_item(self, items, k: int, over, measure, unit, fam, act: tuple[str, bool] = ("", False)) -> Pick:
        """The cue of the k-th item of a 分别 list (or the list's shared one), with what the list
        runs over (`over`, from _list_over); `act` is a verb after 分别 that each item does
        (行政复议、行政诉讼案件分别办结…: 行政复议 办结, 行政诉讼案件 办结)."""
        if over is not None and not (isinstance(over[k], tuple) and lead_cues(self.m[items[k][0]:items[k][1]])[1]):
            # 2020年、2021年败诉率分别为…, 甲、乙、丙受理案件分别为…: every item shares the cue of
            # the last; the list is over years or over names (or scopes, unless each names its
            # measure: 区属部门负责人出庭应诉率、区政府负责人出庭应诉率分别为…)
            a, b = items[-1]
            if isinstance(over[-1], tuple) and (head := PARTY_HEAD.match(self.m, a, b)):
                a = head.end()     # (乡镇政府作为被告的行政诉讼案件: the measure after the last party)
            if isinstance(over[0], int) and not LIST_YEAR.match(self.m, items[0][0]) \
                    and lead_cues(self.m[items[0][0]:items[0][1]])[1]:
                a, b = items[0]    # 行政应诉案件2021年、2022年分别为…: the measure before the first year
        else:
            a, b = items[k]
        hits = self.cues_in(a, b)
        text = None
        item_fam, item_hits = lead_cues(self.m[a:b])
        if item_fam == "other_fields" and over is None:
            return OTHER_FIELD     # 信访事项、复议申请分别为870件、91件: the 870 is no measure of ours
        fam = item_fam or fam      # 受理行政复议案件、行政诉讼案件分别为47件、62件: each item its field
        if act[0]:
            item = self.m[a:b]
            if over is None and k < len(items) - 1 and (noun := SHARED_NOUN.search(self.m, *items[-1])) \
                    and not item.endswith(noun.group()):
                item += noun.group()   # 行政许可、行政处罚案件分别办结…: 行政许可 is 行政许可案件
            own_fam, own_hits = lead_cues(item)
            if own_hits and own_fam not in ("reconsideration", "litigation"):
                # 法律援助、行政复议案件分别办结…: an item that names a measure of another field is
                # that measure; the act's 办结 is a case family's word
                pick = self._pick_verb_first(self.held_on_page(own_hits), measure, unit, True, own_fam, item)
                if pick.cue is not None:
                    return replace(pick, also=(), list_over=None)
            text = act[0] + item if act[1] else item + act[0]
            item_fam, item_hits = lead_cues(text)
            fam = item_fam or fam
            hits = self.held_on_page(item_hits)
        elif not hits:             # a list in a clause with no number: its cues were not scanned
            text, hits = self.m[a:b], self.held_on_page(item_hits)
        pick = self._pick_verb_first(hits, measure, unit, True, fam, text)
        if pick.cue is None and isinstance(over, list) and isinstance(over[0], int):
            pick = self._measure_of_clause_before(items[0][0], measure, unit, fam)
        return replace(pick, also=(), list_over=over[k] if over is not None else None)

    def _parties_then_measure(self, idx, lead_start, lead, measure, unit, fam) -> Pick:
        """区政府、区直部门分别收到行政复议申请12件、40件: the parties before 分别, the measure after
        it; a list over the body's own scopes only (names and tiers are read as other bodies and
        parts elsewhere)."""
        r = RESPECTIVELY_THEN_MEASURE.search(lead) if "分别" in lead else None
        if r is None:
            return NOTHING
        items, a = [], lead_start
        for sep in CTX["list_separator"].finditer(self.m, lead_start, lead_start + r.start()):
            items.append((a, sep.start()))
            a = sep.end()
        items.append((a, lead_start + len(lead)))     # (the last party with the measure after 分别)
        over = self._list_over(items) if len(items) >= 2 else None
        if over is None and self._parties_unread(items):
            over = ["party"] * len(items)   # 区政府办公室、区直部门分别收到…: each figure a part, whose we cannot say
        if over is None or isinstance(over[0], int):
            return NOTHING
        self._resp[idx] = (items, 0)
        if isinstance(over[0], tuple):
            self._resp_scopes[idx] = over
        return self._pick_of_item(items, 0, over, measure, unit, fam)

    def _parties_unread(self, items) -> bool:
        """The items before the last are words that name no measure, no figure and no year: parties
        the rules do not know."""
        heads = [self.m[a:b].strip() for a, b in items[:-1]]
        return bool(heads) and all(len(h) >= 2 and not CLAUSE_MARK.search(h) and not lead_cues(h)[1] and not any(c.isdigit() for c in h) and not YEAR_NAMED.search(h)
                   for h in heads)

    def _measure_of_clause_before(self, pos: int, measure, unit, fam) -> Pick:
        """全市行政诉讼案件逐年上升,2020年、2021年分别为532件、578件: a list over years that names
        no measure takes the one the clause before it names ahead of its own figures."""
        sent = self.sentence_of(pos)
        ck = self.clause_index(pos, sent)
        if not ck:
            return NOTHING
        a, b = self._clause_list(sent)[0][ck - 1]
        nums = self._numbers_in((a, b))
        if nums:
            b = self.qs[nums[0]].head
        hits, text = self.cues_in(a, b), None
        if not hits:               # (a clause with no number: its cues were not scanned)
            text, hits = self.m[a:b], self.held_on_page(lead_cues(self.m[a:b])[1])
        return self._pick_verb_first(hits, measure, unit, True, fam, text)

    def _figure_named_before(self, idx, q, sent, done) -> int | None:
        """今年上半年这一数字为6.9% after …败诉率为8.2%。: the figure 这一数字 / 这一比例 points back to,
        the last level of the same unit in its sentence or the sentence before; None if none."""
        k = self.sentence_index(sent[0])
        lo = self.sents[k - 1][0] if k > 0 else sent[0]
        for j in range(idx - 1, max(-1, idx - 12), -1):
            if self.qs[j].start < lo:
                break
            if done[j].indicator and done[j].kind == "level" and (self.qs[j].unit == "%") == (q.unit == "%"):
                return j
        return None

    def _series_before(self, idx, q, sent, done) -> int | None:
        """出庭应诉率逐年提升:2019年82.1%,2020年90.3%,2021年96.0% (…,到2021年升至96.0%; by words:
        去年增至905件,今年1至8月已达714件): a clause that is
        only a year and its figure goes on with the series of the clause before, when that clause's last figure
        is a level of the same unit given its own year; None otherwise."""
        j = idx - 1
        if j < 0 or self.qs[j].start < sent[0] or self.clause_index(self.qs[j].start, sent) != \
                (self.clause_index(q.start, sent) or 0) - 1:
            return None
        prev = done[j]
        # (a clause of an earlier year alone, 2014年为16.8%, is read as a comparison base: a level
        # of its year all the same)
        if prev.kind not in ("level", "comparison_base") or not prev.indicator or self.qs[j].unit != q.unit:
            return None
        c = self.clause_of(self.qs[j].start, sent)
        return j if SERIES_PERIOD.search(self.m, c[0], self.qs[j].head) else None

    def _year_line_under(self, idx, q, sent, done) -> int | None:
        """A line that is only a period and its figure (2022年:47件, 上年 6.3%, 2022年同期 167件)
        right under a short line of a label and its figure of the same unit (行政诉讼案件 58件 ↑):
        the same measure in that period, as an infographic prints last year's under this year's."""
        j = idx - 1
        while j > 0 and done[j].kind == "change" and "\n" not in self.m[self.qs[j - 1].tail:self.qs[j].start]:
            j -= 1                 # (past a change on the same line: 审结:132件/同比+18件)
        if j < 0 or not done[j].indicator or done[j].kind not in ("level", "comparison_base") \
                or self.qs[j].unit != q.unit:
            return None
        between = self.m[self.qs[j].tail:sent[0]]
        if "\n" not in between or between.count("\n") > 2 or len(between.split("\n")[-1].strip()) > 0 \
                or len(self.m[self.qs[j].tail:self.m.find("\n", self.qs[j].tail)].strip()) > 12:
            return None            # (the line right above, after at most an arrow or a 同比 aside)
        ls = self.m.rfind("\n", 0, self.qs[j].start) + 1
        return j if self.qs[j].tail - ls <= 30 else None

    def _paired_family(self, idx, q, sent, clause, prev_idx, lead) -> str | None:
        """信访事项1243件、行政复议案件56件,分别办结1219件、52件: the k-th figure after a clause
        opening with 分别 and a verb is of the field of the k-th figure of the list in the clause
        before (as many figures in both). None when the figure is no item of such a list."""
        if prev_idx is not None and prev_idx in self._paired and LIST_JOIN.fullmatch(lead):
            fields, k = self._paired[prev_idx]
            k += 1
        else:
            if not PAIRED_OPENING.match(self.m, clause[0], q.head):
                return None
            ck = self.clause_index(q.start, sent)
            if not ck:
                return None
            earlier = list(self._numbers_in(self._clause_list(sent)[0][ck - 1]))
            if len(earlier) < 2:
                return None
            fields, k = [], 0
            for j in earlier:
                if j in self._resp:        # an item of a 分别 list: its own words (信访事项、复议申请分别为…)
                    items, kj = self._resp[j]
                    a, b = items[min(kj, len(items) - 1)]
                else:
                    a = self.qs[j - 1].tail if j > earlier[0] else self._clause_list(sent)[0][ck - 1][0]
                    b = self.qs[j].head
                fields.append(lead_cues(self.m[a:b])[0])
        self._paired[idx] = (fields, k)
        return fields[k] if k < len(fields) else None

    def _carried_in_before(self, sent, clause, head: int) -> bool:
        """Cases carried over (结转) are named in the figure's clause or the one before it, not in
        an aside (…,加上年结转36件,共办理523件; not 审结88件(含去年结转4件);办理行政应诉案件134件)."""
        k = self.clause_index(clause[0], sent)
        lo = self._clause_list(sent)[0][k - 1][0] if k else clause[0]
        return any(self.paren_of(h.start()) is None for h in CARRIED_IN.finditer(self.m, lo, head))

    def _intake_stated(self, word: str, lead_start: int, head: int, family: str) -> bool:
        """The page states an intake figure (CTX[word]: 受理 …) of the same family somewhere other
        than this lead (受理政府信息公开申请48件 is no 复议 intake)."""
        end = self.related_reading_start()     # (not in the links to other articles)
        for h in CTX[word].finditer(self.m, 0, end):
            soon = NUMBER_SOON.match(self.m, h.end())
            if soon is None or lead_start <= h.start() < head:
                continue
            at = soon.end() - 1
            named = self.family_at(at, self.sents[self.sentence_index(at)][0])
            if named in (family, None):
                return True
        return False

    def _label_line_above(self, q, para: int) -> tuple[int, int] | None:
        """The line that labels a figure standing alone on its line, as an infographic or a
        table laid out line by line puts it (受理行政复议案件⏎2146件; 行政复议案件⏎2023年:1063件⏎
        2022年:847件). Where labels and figures alternate, only a run that opens with a label and
        closes with a figure says the labels stand above (98⏎件⏎收到行政复议申请⏎91⏎依法受理 puts
        them below: no label is taken). None when the figure has words of its own."""
        if q.unit_raw is None or not self.paras:
            return None                # (a bare 0 under a headline is a site's counter: 分享 0)
        ps, pe = self.paras[para]
        if q.head - ps > 12:
            return None
        rest = self.m[q.tail:pe].strip()
        before = YEAR_LABEL.sub("", self.m[ps:q.head]).strip()
        if (rest and not PAREN.fullmatch(rest) and not CHANGE_AFTER.fullmatch(rest)) \
                or (before and not LEVEL_WORDS.fullmatch(before)):
            return None                # (an aside after the figure, 186件 (同比上升8%), a change, 69件 同比
                                       # ↑76.9%, or where it came to, 降至16.4%, are no words of its own)
        kinds = self._page_line_kinds()
        if kinds[para] != "Y" and self._alternation_end(kinds, para, -1) != "L":
            return None
        if kinds[para] != "Y" and self._alternation_end(kinds, para, +1) != "F":
            return None
        k = para - 1
        while k >= 0 and kinds[k] in ("E", "U", "Y"):
            k -= 1                     # (2023年:1063件 above 2022年:847件, under one label)
        if k >= 0 and kinds[k] == "X" and kinds[para] == "Y":
            return self._introducing_clause(k)    # …败诉率逐年下降——⏎2023年:16.8%⏎2024年:7.1%
        while k >= 0 and kinds[k] == "L" and PERIOD_LINE.fullmatch(self.m[self.paras[k][0]:self.paras[k][1]].strip()):
            # a period's label over its figure (2021年(两级机构)⏎1706件⏎2022年上半年⏎518件): the
            # measure's label stands over the run of periods
            k -= 1
            while k >= 0 and kinds[k] in ("E", "U", "F", "Y"):
                if kinds[k] == "F" and not self._same_unit_line(k, q):
                    return None        # (★ 纠错率⏎12.5%⏎2023年上半年⏎702件: another measure's run)
                k -= 1
        return self.paras[k] if k >= 0 and kinds[k] == "L" else None

    def _label_beside(self, q, para: int) -> tuple[int, int] | None:
        """The words after a figure that opens its line, where the nearest line above or below
        is laid out the same way (326件 收到行政复议申请⏎298件 依法受理): an infographic that
        prints each figure before its label on one line. A single such line is no layout."""
        if not self.paras:
            return None
        ps, pe = self.paras[para]
        if LABEL_MARKS.fullmatch(self.m[ps:q.head]) is None or (label := self._words_after_figure(para)) is None:
            return None
        kinds = self._page_line_kinds()
        for step in (-1, +1):
            k = para + step
            while 0 <= k < len(kinds) and kinds[k] in ("E", "U"):
                k += step
            if 0 <= k < len(kinds) and self._words_after_figure(k) is not None:
                return label
        return None

    def _words_after_figure(self, k: int) -> tuple[int, int] | None:
        """The span of a short label after the figure that opens line k (2 to 20 characters of
        words, no digit, no sentence mark, no aside or change), or None."""
        ps, pe = self.paras[k]
        i = bisect.bisect_left(self.qstarts, ps)
        if i >= len(self.qs) or self.qs[i].start >= pe:
            return None
        first = self.qs[i]
        if LABEL_MARKS.fullmatch(self.m[ps:first.head]) is None or first.unit_raw is None:
            return None
        rest = self.m[first.tail:pe]
        label = rest.strip()
        if not 2 <= len(label) <= 20 or not rest[:1].isspace() or re.search(r"[\d%％]", label) or "其中" in label \
                or not is_cell(label) or LABEL_MARK_CHARS.search(label) or CHANGE_WORDS.match(label):
            return None
        start = first.tail + len(rest) - len(rest.lstrip())
        return start, start + len(label)

    def _line_above(self, para: int) -> int:
        """The nearest line above `para` with words or a figure (past empty lines and units)."""
        kinds = self._page_line_kinds()
        k = para - 1
        while k >= 0 and kinds[k] in ("E", "U"):
            k -= 1
        return k

    def _same_unit_line(self, k: int, q: Quantity) -> bool:
        """The figure on line k is of q's kind of unit (a rate's %, or a count)."""
        ps, pe = self.paras[k]
        i = bisect.bisect_left(self.qstarts, ps)
        return i < len(self.qs) and self.qs[i].start < pe and (self.qs[i].unit == "%") == (q.unit == "%")

    def _introducing_clause(self, k: int) -> tuple[int, int] | None:
        """The last clause of a line of prose that introduces the lines below it (ending with
        ——, : or 如下): it names the measure of a run of year: figure lines."""
        ps, pe = self.paras[k]
        line = self.m[ps:pe].rstrip()
        if not INTRODUCES_LINES.search(line) or PLAN_WORDS.search(line):
            return None            # (…出庭应诉率目标如下: the years' targets, not their figures)
        cut = max(line.rfind(c) for c in "，,;；。")
        return ps + cut + 1, ps + len(line)

    def _label_line_below(self, q, para: int) -> tuple[int, int] | None:
        """The line that labels a figure standing alone on its line when an infographic puts
        the figures first (86件⏎收到行政复议申请⏎79件⏎依法受理): the run of alternating figures
        and labels opens with a figure and closes with a label."""
        if not self.paras:
            return None
        ps, pe = self.paras[para]
        if q.head - ps > 12 or self.m[q.tail:pe].strip() or self.m[ps:q.head].strip():
            return None
        kinds = self._page_line_kinds()
        if q.unit_raw is None and not (para + 1 < len(kinds) and kinds[para + 1] == "U"):
            return None                # (a bare figure needs its unit on the next line: 98⏎件)
        titled = self.__dict__.get("_titled_kinds")
        if titled is None:             # (the page's title is no figure's label)
            titled = self._titled_kinds = list(kinds)
            at = self.paras.index(title) if (title := self.title_para()) is not None else None
            if at is not None and kinds[at] == "L":
                titled[at] = "X"
        up = para - 1
        while up >= 0 and kinds[up] in ("E", "U"):
            up -= 1
        if not self._figure_label_block(kinds, para) and (
                kinds[para] != "F" or (up >= 0 and kinds[up] in ("F", "Y"))
                or self._alternation_end(titled, para, -1) != "F" or self._alternation_end(kinds, para, +1) != "L"):
            return None                # (figures in a row, 112件⏎104件⏎98件⏎收到申请…, do not alternate)
        k = para + 1
        while k < len(kinds) and kinds[k] in ("E", "U"):
            k += 1
        return self.paras[k] if k < len(kinds) and kinds[k] == "L" else None

    def _figure_label_block(self, kinds: list[str], para: int) -> bool:
        """The figure opens a block of lines set apart by empty lines, its label right under it
        (⏎612件⏎收到行政复议申请⏎⏎557件⏎依法受理⏎): where the page lays out two such blocks or more,
        the empty lines say which label is whose, whatever heading stands over the first."""
        def apart(k: int) -> bool:            # (an empty line, or the page's edge, before line k)
            return k == 0 or k == len(kinds) or self.m.count("\n", self.paras[k - 1][1], self.paras[k][0]) >= 2 \
                or kinds[k - 1] == "E"
        def opens_block(k: int) -> bool:
            return kinds[k] == "F" and apart(k) and k + 1 < len(kinds) and kinds[k + 1] == "L" \
                and not apart(k + 1) and (apart(k + 2) or kinds[k + 2] == "X")
        if not opens_block(para):
            return False
        blocks = self.__dict__.get("_figure_label_blocks")
        if blocks is None:
            blocks = self._figure_label_blocks = sum(opens_block(k) for k in range(len(kinds)))
        return blocks >= 2

    def _group_heading_above(self, label: tuple[int, int]) -> tuple[int, int] | None:
        """The label line right above a label (行政应诉 over 案件总数): its group's heading."""
        k = self.paragraph_index(label[0]) - 1
        kinds = self._line_kinds
        while k >= 0 and kinds[k] == "E":
            k -= 1
        return self.paras[k] if k >= 0 and kinds[k] in ("L", "H") else None

    def _page_line_kinds(self) -> list[str]:
        """The kind of every line of the page (once a document; see _line_kind)."""
        kinds = self.__dict__.get("_line_kinds")
        if kinds is None:
            kinds = self._line_kinds = [self._line_kind(k) for k in range(len(self.paras))]
            for k, kind in enumerate(kinds):
                if kind == "H":        # (a marked line right over a figure is its label: 【审结】⏎198件)
                    n = next((j for j in range(k + 1, len(kinds)) if kinds[j] not in ("E", "U")), None)
                    if n is not None and kinds[n] in ("F", "Y"):
                        kinds[k] = "L"
        return kinds

    def _line_kind(self, k: int) -> str:
        """A line as a label-and-figure layout sees it: E empty, U a unit alone (件), F a bare
        figure, Y a year's figure (2023年:1063件), L a label (a cell line of text.cells with no
        figure), H a group's marked heading (▍依法决策), X anything else."""
        ps, pe = self.paras[k]
        line = self.m[ps:pe].strip()
        if not line:
            return "E"
        if UNIT_LINE.fullmatch(line):
            return "U"
        raw = self.t[ps:pe].strip()    # (the mask blanks a bracketed numeral and keeps no aside)
        i = bisect.bisect_left(self.qstarts, ps)
        if i < len(self.qstarts) and self.qstarts[i] < pe and not YEAR_TO_DATE_LABEL.fullmatch(raw):
            return "F" if FIGURE_CELL.fullmatch(line) or figure_line(raw) or FIGURE_AND_CHANGE.fullmatch(line) \
                or FIGURE_THEN_REMARK.match(line) \
                else "Y" if YEAR_FIGURE_LINE.fullmatch(line) else "X"
        if SECTION_HEADING.match(raw):
            return "X"                 # (二、主要做法 after the last figure: a section, no label)
        if GROUP_HEADING_LINE.fullmatch(line):
            return "H"                 # (▍依法决策, 【复议应诉】: a group's heading ends the run above it)
        return "L" if is_cell(line) and "｜" not in line else "X"     # (2025年1—9月 over its figure: a label)

    @staticmethod
    def _alternation_end(kinds: list[str], para: int, step: int) -> str:
        """The kind of line ('L' or 'F') the run of alternating labels and figures around the
        figure at `para` ends with, walking up (step -1) or down (+1); labels in a row count as
        one."""
        last, want, k = "F", "L", para + step
        while 0 <= k < len(kinds):
            if kinds[k] in ("E", "U") or (kinds[k] == "L" and last == "L"):
                k += step      # (labels in a row: a group's heading and its label, 行政应诉⏎负责人出庭应诉率)
                continue
            if kinds[k] != want:
                break
            last, want = want, "F" if want == "L" else "L"
            k += step
        return last

    def _label_of_a_part(self, label: tuple[int, int]) -> tuple[str, str] | None:
        """(kind, reason) when the label line over a figure names a part (涉企行政诉讼案件) or another
        place (城关镇行政诉讼案件), as a clause's lead would; None for the body's own."""
        text = self.m[label[0]:label[1]]
        if CTX["breakdown"].search(text):
            return "breakdown", "its label names a part (a kind, field or procedure)"
        lead = LABEL_MARKS.match(text).end()
        if (h := CTX["place_subject"].match(text, lead)) is None:
            return None
        name = h.group("name")
        if self.region_name:
            other = self._another_place(name) is not None
        else:                      # (a page of no known region: its title names it, if anything does)
            other = not generic_place(name) and name[:2] not in self.title_line() \
                and not any(w in name for w in ("全", "各", "本", "我", "该"))
        return ("other_body", f"its label names another place ({name})") if other else None

    def _span_over_label(self, label: tuple[int, int]) -> bool:
        """The label line, or a line of words right above it (党的十八大以来⏎累计办理…), names a span
        of several years."""
        k = self.paragraph_index(label[0])
        lo = label[0]
        if k > 0:
            ps, pe = self.paras[k - 1]
            i = bisect.bisect_left(self.qstarts, ps)
            if not (i < len(self.qstarts) and self.qstarts[i] < pe):
                lo = ps
        return CTX["cumulative"].search(self.m, lo, label[1]) is not None

    def _first_in_paragraph(self, idx: int, para: int) -> bool:
        """No figure before this one in its paragraph."""
        return not self.paras or idx == 0 or self.qs[idx - 1].start < self.paras[para][0]

    def _run_in_heading_of(self, para: int) -> str | None:
        """The words of the heading a paragraph opens with ((二)规范性文件备案审查。…), when they
        name a measure."""
        if not self.paras:
            return None
        ps, pe = self.paras[para]
        head = HEADING_RUN_ON.match(self.t, ps, pe)      # (read unmasked: the mask blanks (二))
        return self.m[ps:head.end()] if head is not None else None

    def _said_as_a_change(self, idx: int) -> bool:
        """The figure at `idx` follows a change word (增加了12件, 较上年减少9件): a change of its
        measure, not a level that would use its clause's cue."""
        at = self.place_of(idx)
        return bool(self.search_slice(CTX["change"], at.lead, at.lead_start)) \
            and not self.search_slice(CTX["not_change"], at.lead, at.lead_start)

    def _carry_from_previous_clause(self, q, sent, clause, measure, unit, bounded, fam, kind, new_period=False):
        """达到92% after 出庭应诉率较去年提高15个百分点 (达到79件 after 案件增加了12件): the cue of the
        clause before, if no level figure there used it. The clause before must not be about
        another body. Returns the pick and the kind it makes of the figure."""
        cl = self._clause_list(sent)[0]
        k = self.clause_index(q.start, sent)
        if not k:
            return NOTHING, kind
        prev = cl[k - 1]
        if k >= 2 and SHARE_ASIDE.match(self.m, prev[0], prev[1]):
            prev = cl[k - 2]     # …结案24件,占结案数的23.3%,去年同期为14件: past the share, to what it is of
        back = cl.index(prev)
        while back > 0 and self._changes_read(prev) and not lead_cues(self.m[prev[0]:prev[1]])[1]:
            back -= 1            # 收到申请同比增加43件,增幅达31.9%,总数达到178件: past the changes, to
            prev = cl[back]      # the clause that names what changed
        i = bisect.bisect_left(self.qstarts, prev[0])
        while i < len(self.qs) and self.qs[i].start < prev[1]:
            pq = self.qs[i]
            if (pq.unit == "%") == (measure == "rate") and pq.unit_kind != "change" and not new_period \
                    and not self._said_as_a_change(i) \
                    and not (pq.unit != unit and BODIES_COUNTED.match(self.m, pq.tail)
                             and not TAKING_PART.search(self.m, pq.tail, prev[1])):
                return NOTHING, kind                 # that clause's cue has its own figure (not the
                                                     # bodies that did it: 45家部门发布权责事项,共计…项)
            i += 1
        text = self.m[prev[0]:prev[1]]
        if (cmp := COMPARED_WITH.search(text)) is not None:
            text = text[:cmp.start()]   # …首次超过行政诉讼,达1320件: the measure compared, not what it is compared with
        # (a verb first, as in a lead: 审结行政复议案件:2001件 is closed)
        pick = self._pick_verb_first(self.held_on_page(lead_cues(text)[1]), measure, unit, bounded, fam, text)
        if pick.cue is not None and ((self.search_in(CTX["other_body"], prev[0], prev[1])
                                      and not self.search_in(CTX["own_body"], prev[0], prev[1]))
                                     or self.search_in(CTX["breakdown"], prev[0], prev[1])):
            kind = "other_body"    # (我县…出庭应诉率排名全市第一,为100%: the page's own, ranked)
        elif pick.cue is not None and self._other_place_subject(prev, prev[1]):
            kind = "other_body"    # 海宁市行政机关败诉率仍然偏高,达到11.7%: a named place's measure
        return pick, kind

    def _same_act_before(self, act: str, sent, clause, measure, unit, bounded, fam) -> Pick:
        """全市共办理法律援助案件6,821件,我县办理612件: the page's own body doing the act the clause
        before did, its object left unsaid, does it to the same measure (that clause's cue, when
        its words hold the act)."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return NOTHING
        prev = self._clause_list(sent)[0][k - 1]
        text = self.m[prev[0]:prev[1]]
        if act not in text:
            return NOTHING
        return self._pick_verb_first(self.held_on_page(lead_cues(text)[1]), measure, unit, bounded, fam, text)

    def _changes_read(self, clause) -> bool:
        """The clause's figures, all read already, are all changes (分别同比增长18.7%、16.2%)."""
        done = self._done
        i = bisect.bisect_left(self.qstarts, clause[0])
        seen = False
        while i < len(self.qs) and self.qs[i].start < clause[1]:
            if i >= len(done) or done[i].kind != "change":
                return False
            seen = True
            i += 1
        return seen

    def _pick_after(self, a, b, measure, unit, fam) -> Pick:
        """The after-cue matching longest right after the number (41件行政诉讼案件开庭审理), up to
        a cell's bar (行政复议案件1545件｜行政应诉案件739件: the next cell's words are not its own)."""
        window = self.m[a:b]
        bar = CELL_BAR.search(window)
        return after_pick(window[:bar.start()] if bar else window, measure, unit, fam)


    def _received_before(self, idx: int, sent, done) -> bool:
        """The body's applications received are counted earlier in the sentence (or in the one
        before, when this one opens with 其中 or points back at them: …收到申请812件。其中,依法受理
        706件,占86.9%; 对这些申请,受理706件)."""
        lo = sent[0]
        if sent[0] > 0 and (OPENS_WITH_OF_WHICH.match(self.m, sent[0])
                            or OPENS_WITH_THOSE_APPLICATIONS.match(self.m, sent[0])):
            lo = self.sentence_of(sent[0] - 1)[0]
        return any(done[j].indicator == "reconsideration.received" and done[j].kind == "level"
                   for j in range(idx - 1, -1, -1) if self.qs[j].start >= lo)

    def _part_of_opening_whole(self, sent, q, indicator: str) -> bool:
        """The sentence (or the figure's clause) opens with a whole (败诉案件中, | 在纠错的14件中,) and the figure is of the same
        measure as that whole: one part of it (因程序违法败诉的4件). Figures of other measures are
        the whole's outcomes (审结案件中,维持…): facts."""
        h = None
        for start in (sent[0], self.clause_of(q.start, sent)[0]):
            # (or its clause opens with it: …败诉7件,败诉案件中因程序违法败诉的3件)
            if start <= q.head and self.may_match(CTX["whole_opening"], start, q.head):
                h = CTX["whole_opening"].match(self.m, start, q.head)
                if h is not None and h.end() <= q.head:
                    break
                h = None
        if h is None:
            return False
        if SUMMED.search(self.m, h.end(), q.head):
            return False               # …,以街道为被申请人19件,合计收到申请128件,受理117件: the whole again
        whole = h.group("whole")
        fam = first_family(whole) or self.family_at(h.start("whole"), sent[0])
        return self._pick(lead_cues(whole)[1], "count", "件", True, fam, ("verb", "noun"), whole).indicator == indicator

    def _mediation_named_before(self, sent, pos: int) -> bool:
        """调解 or 和解 is named before `pos` in the sentence or in the one before it: what 以同样方式
        points back at."""
        lo = self.sentence_of(sent[0] - 1)[0] if sent[0] > 0 else sent[0]
        return MEDIATION.search(self.m, lo, pos) is not None

    def _representing_before(self, sent, clause) -> bool:
        """The clause before, with no figure of its own, says a bureau represents its government
        in court (市司法局代理市政府作为单独被告或者共同被告的案件,): the figure after it counts
        those lawsuits."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return False
        prev = self._clause_list(sent)[0][k - 1]
        return not self._numbers_in(prev) and REPRESENTING.search(self.m, prev[0], prev[1]) is not None

    def _principal_before(self, sent, clause, head: int) -> bool:
        """The clause before, with no figure of its own, names the principal head going to court
        (街道主要负责人带头出庭应诉,): the figure's clause, naming no head of its own (全年出庭2件),
        counts the principal's appearances."""
        k = self.clause_index(clause[0], sent)
        if not k or HEAD_NAMED.search(self.m, clause[0], head):
            return False
        prev = self._clause_list(sent)[0][k - 1]
        return not self._numbers_in(prev) and PRINCIPAL_TO_COURT.search(self.m, prev[0], prev[1]) is not None

    def _family_of_line_above(self, idx: int, q, done: list) -> str | None:
        """In a run of short label lines (收到申请⇥96件 ⏎ 受理⇥88件), or of labels over figures, the case
        family of the figure on the line right above (or above its label)."""
        if idx == 0 or not self.paras:
            return None
        pi, pj = self.paragraph_index(q.start), self.paragraph_index(self.qs[idx - 1].start)
        if pi - pj == 2 and self._page_line_kinds()[pj + 1] == "L" \
                and self._page_line_kinds()[pj] == "F" and self._page_line_kinds()[pi] == "F":
            pj += 1                    # 收到复议申请⏎9,106件⏎办结⏎8,417件: a label between figures' lines
        if pi - pj != 1 or any(self.paras[k][1] - self.paras[k][0] > 24 for k in (pi, pj)):
            return None
        fam = (done[idx - 1].indicator or "").split(".")[0]
        return fam if fam in ("reconsideration", "litigation") else None

    def _applications_in_sentence(self, sent, head: int) -> bool:
        """The sentence, naming no family of its own before the figure, counts applications
        received (收到申请, 新收申请) on a page that has named reconsideration: lawsuits are
        filed, not applied for, so the sentence is reconsideration's whatever came before."""
        if self.last_match(APPLICATIONS, sent[0], head) is None or self.last_match(OTHER_APPLICANTS, sent[0], head) \
                or first_family(self.m[max(sent[0], head - 200):head]) is not None:
            return False
        ps = self.paras[self.paragraph_index(head)][0] if self.paras else 0
        heading = self.heading_family(head)
        return self.last_match(RECONSIDERATION_WORD, ps, head) is not None or heading == "reconsideration" \
            or (heading is None and self._heading_names_reconsideration(head))

    def _heading_names_reconsideration(self, pos: int) -> bool:
        """The nearest section heading above `pos` names reconsideration (among other things:
        (三)行政复议和行政应诉)."""
        last = None
        for h in self.headings():
            if h.start >= pos:
                break
            last = h
        return last is not None and "复议" in last.text

    def _principal_subject(self, sent, head: int) -> bool:
        """The sentence opens on the principal head as its subject (县长认真履行第一责任人职责,
        主持…4次,带头出庭应诉1次) and names no other head or body before the figure: the figure
        counts the principal's own appearances."""
        h = PRINCIPAL_SUBJECT.match(self.m, sent[0], head) if head - sent[0] <= 300 else None
        if h is None or HEAD_NAMED.search(self.m, h.end(), head):
            return False
        court = self.m.rfind("出庭", h.end(), head)
        return not PARTY_NAMED.search(self.m, h.end(), court if court != -1 else head)   # (a party named
        # before 出庭 says whose cases all heads attended; after it, only whose cases the principal's were)

    def _last_own_respondent(self, a: int, b: int):
        """The last naming of the reporting government as the party in text[a:b] (以区政府及区直
        部门为被告…, 其中以区政府为被告的36件: the latter), or None."""
        if not self.may_match(CTX["own_respondent"], a, b):
            return None
        last = None
        for last in CTX["own_respondent"].finditer(self.m, a, b):
            pass
        return last

    def _part_of_its_own_measure(self, share: str, before: str, count: str, fam) -> bool:
        """A rate's figure is a part's share of the rate's own count: 占 that count's whole
        (涉征收案件败诉占败诉总数的46.7%), or a part picked out of it earlier in the sentence
        (败诉案件中,因程序违法败诉的占61.3%; `before` is the sentence up to the 占)."""
        if self._share_of_its_own_measure(share, count, fam):
            return True
        among = PART_AMONG.search(before)
        return among is not None and self._share_of_its_own_measure("占" + among.group("whole"), count, fam)

    def _share_of_its_own_measure(self, share: str, indicator: str, fam) -> bool:
        """The share is taken of the figure's own measure (436件,约占败诉案件总数的85%): the part's
        share of the losses, not the loss rate (败诉12件,占审结案件的6.1% is the rate)."""
        whole = share[1:]
        return self._pick_verb_first(self.held_on_page(lead_cues(whole)[1]), "count", "件", True, fam,
                                     whole).indicator == indicator

    def _whose_appearances(self, indicator, cue, reason, pick, lead, idx, q, sent, clause, done):
        """Whose court appearances a count or rate of heads' appearances is: others in court
        (律师23人次出庭应诉), the principal heads (主要负责人3次出庭应诉, …副职231人次、正职34人次,
        “一把手”出庭应诉7次、出庭率为13.5%), or a bureau's representing its government (我局代理市政府…,
        出庭应诉22件: the government's lawsuits). Returns (indicator, cue, reason, represented)."""
        m = self.m
        after_cue = pick.cue is not None and pick.cue is not True and pick.cue.role == "after"
        if indicator == "litigation.head_appearances" and after_cue \
                and not HEAD_NAMED.search(m, q.tail, m.find("出庭", q.tail, clause[1])) \
                and not HEADS_RIGHT_BEFORE.search(m, clause[0], q.head):
            indicator, reason = None, "others counted in court (律师, 工作人员), not heads"
        if indicator in (None, "litigation.head_appearances") and RANK_NEXT.fullmatch(lead) \
                and (j := self._last_level_in_sentence(idx, sent, done)) is not None \
                and done[j].indicator == "litigation.head_appearances" and "副职" in m[self.qs[j].tail:q.head]:
            indicator, cue = "litigation.principal_head_appearances", True
        represented = indicator == "litigation.head_appearances" and self._representing_before(sent, clause)
        if represented:
            indicator = "litigation.cases"
        elif indicator == "litigation.head_appearances" and (
                self._principal_before(sent, clause, q.head) or self._principal_subject(sent, q.head)
                or (after_cue and PRINCIPAL_IN_CLAUSE.search(m, clause[0], q.head)
                    and not MIXED_HEADS.search(m, clause[0], q.head))):
            indicator = "litigation.principal_head_appearances"   # 主要负责人带头出庭应诉,全年出庭2件
        if indicator == "litigation.head_appearance_rate" and idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and done[idx - 1].indicator == "litigation.principal_head_appearances" and done[idx - 1].kind == "level" \
                and BARE_RATE_AFTER.fullmatch(m, self.qs[idx - 1].tail, q.head) and q.value < 100 \
                and self._rate_of_the_principals(idx, q, sent, done):
            # (at 100% the principal went to every hearing, so every head's rate is 100% too: the
            # headline figure it stays)
            indicator = "litigation.principal_head_appearance_rate"
        return indicator, cue, reason, represented

    def _of_the_own_tier(self, party: str) -> bool:
        """A party named by its tier (县政府, 市级部门) is of the page's own tier, not above or below."""
        ch = party[:1]
        return ch not in TIER_CHARS or not (self.above_own_tier(ch) or self.below_own_tier(ch))

    def _rate_of_the_principals(self, idx: int, q, sent, done) -> bool:
        """A bare rate after the principal heads' count is theirs, unless the sentence (or the one
        before) counts every head's appearances, or its hearings or cases make the rate every head's
        (开庭60件,…主要负责人出庭应诉5次,出庭率98.3%: 5/60 is not 98.3%)."""
        principal = self.qs[idx - 1].value or 0
        lo = self.sentence_of(sent[0] - 1)[0] if sent[0] > 0 else sent[0]   # (the heads' count a sentence back)
        for j in range(idx - 2, -1, -1):
            if self.qs[j].start < lo:
                break
            if done[j].indicator == "litigation.head_appearances" and done[j].kind == "level":
                return False
            if done[j].indicator in ("litigation.hearings", "litigation.cases") and done[j].kind == "level" \
                    and self.qs[j].value:
                return abs(100 * principal / self.qs[j].value - q.value) < 1   # (2 of 21 is not 95.2%)
        return True

    def _goes_on_with_the_scoped_part(self, idx: int, sent, scope, done) -> bool:
        """The figure before it in the sentence is a level of the same own scope (其中,市政府本级…
        审结365件,直接纠错率14.8%): the clause goes on with the government's own part, whose figures
        are facts of their scope, not parts of the whole's."""
        j = idx - 1
        return scope in ("government", "departments") and j >= 0 and self.qs[j].start >= sent[0] \
            and done[j].kind == "level" and done[j].scope == scope

    def _last_level_in_sentence(self, idx: int, sent, done) -> int | None:
        """The last figure before idx in its sentence that is a level with an indicator."""
        for j in range(idx - 1, -1, -1):
            if self.qs[j].start < sent[0]:
                return None
            if done[j].kind == "level" and done[j].indicator:
                return j
        return None

    def _scope_of_the_whole_before(self, idx: int, sent, q, done, indicator: str | None = None) -> str | None:
        """A sentence opening with 其中 names parts of the last figure before it: with no scope
        word of its own before the figure, the parts have the whole's scope (government or
        departments), as they would after ,其中 in one sentence."""
        if idx == 0 or sent[0] == 0 or q.unit == "%" or not OPENS_WITH_OF_WHICH.match(self.m, sent[0]):
            return None            # (a rate after the parts is the whole's, not the government's part's)
        j = idx - 1
        while j >= 0 and self.qs[j].start >= sent[0]:
            j -= 1
        if j < 0 or done[j].kind not in ("level", "cumulative") or done[j].scope not in ("government", "departments") \
                or self.qs[j].start < self.sentence_of(sent[0] - 1)[0]:
            return None
        if ";" in self.m[sent[0]:q.head] or "；" in self.m[sent[0]:q.head] \
                or (done[j].indicator or "").split(".")[0] != (indicator or "").split(".")[0] \
                or (q.unit == self.qs[j].unit and (q.value or 0) > (self.qs[j].value or 0)):
            return None            # (past a semicolon, another family, or more than the whole: not its parts)
        a = bisect.bisect_left(self.scope_ends, sent[0])
        b = bisect.bisect_right(self.scope_ends, q.head)
        if any(self.scope_hits[n][1] >= sent[0] for n in range(a, b)):
            return None            # (其中,全市…: the sentence names its own)
        return done[j].scope

    def _share_named_by_another_act(self, before: str, fam) -> str | None:
        """The act a share's own words name before 占比 (纠错占比7% after 审结300件): the share
        is that act's, so it is no rate of the count before it."""
        if not before.strip():
            return None
        named = self._pick_verb_first(self.held_on_page(lead_cues(before)[1]), "count", "件", True, fam,
                                      before).indicator
        if named is None and PART_BEFORE_SHARE.search(before):
            return "a part"    # …出庭应诉48人次,其中主要负责人占35%: the part's share, no rate of the whole
        return named

    def _another_docket(self, lead: str, lead_start: int) -> bool:
        """A figure's lead names another docket than the administrative (该院共受理各类案件6215件,
        受理涉复议信访件196件, 民事案件11件); not 以区政府为被告的各类案件, 办理行政复议各类案件:
        every kind of the administrative ones."""
        od = self.search_slice(CTX["other_docket"], lead, lead_start)
        return od is not None and not (od.group().startswith("各类") and ADMINISTRATIVE.search(lead, 0, od.start()))

    def counts_another_docket(self, idx: int) -> bool:
        """The figure at `idx` counts the cases of another docket (民事案件11件, 信访事项870件)."""
        at = self.place_of(idx)
        return self._another_docket(at.lead, at.lead_start)

    def _comma_list_first(self, idx: int, sent) -> int:
        """The first of the figures that commas alone join up to `idx` (39件,44件,52件)."""
        while idx > 0 and self.qs[idx - 1].start >= sent[0] \
                and COMMA_JOIN.fullmatch(self.m, self.qs[idx - 1].tail, self.qs[idx].head):
            idx -= 1
        return idx

    def _single_item_respectively(self, clause, head: int) -> bool:
        """A 分别 (依次) before `head` in its clause (within a bounded window) with no list of items
        before it (行政诉讼案件分别为64件、59件…: one measure, its figures in a list)."""
        k = max(self.m.rfind("分别", max(clause[0], head - 300), head), self.m.rfind("依次", max(clause[0], head - 300), head))
        return k != -1 and not CTX["list_separator"].search(self.m, max(clause[0], k - 60), k)
