"""Discourse state: the subject (family), the actor (scope) and the period (year) in force
at a position, carried as a reader carries them from headings and earlier sentences."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from lawgov.extract.reading.rules import (BARE_YEAR, SINCE_EVENT_AFTER, SINCE_EVENT_BEFORE, CLAUSE_OPENER, MADE_BEFORE_AFTER, SUMMED, SINCE_AFTER, CARRIED_OVER, SPAN_AFTER, TIME_CLAUSE, COMPARE_BEFORE, CTX, EVENT_AFTER, ACTIVITY_BEFORE, EVALUATION_AFTER,
                                          COMPARED_AFTER, MULTIPLE_OF_BEFORE, MULTIPLE_OF_AFTER, FAMILY_RX, FROM_AFTER, FROM_BEFORE, PARA_YEAR, RANGE_BEFORE,
                                          SCOPE_RX, SUBJECT, YEAR_RX)


# a government named as the one that leads (在区政府的正确领导下), not as a party
# a clause that opens with an earlier year to give its figure (…63件,2018年同类案件为71件;):
# the clause's break before the year, and what follows the year
CLAUSE_BREAK_BEFORE = re.compile(r"[,，;；]\s*$")
LOOK_BACK_AFTER = re.compile(r"\s*(?:度)?(?:同期|全年)?(?:同类|此类|该类)?(?:案件|数据|数量|数字)?(?:为|是|有)\s*"
                             r"(?:[\d零一二两三四五六七八九十百千万])")
LEADER_AFTER = re.compile(r"(?:的)?(?:正确|坚强|统一|大力)?(?:领导|指导|部署|支持)")


# a clause naming a part of the figures before a field word in it (其中不服信访事项…的, 涉及劳动争议的)
CASE_FAMILIES = ("reconsideration", "litigation")
PART_OPENING = re.compile(r"\s*其中")
# a whole named (全市, 各级): a clause after it that a government opens is that whole's part
WHOLE_NAMED = re.compile(r"全[省市区县州旗盟]|各级")
# a forecast said of its measure, right before its verb (预计将突破, 有望首次超过)
FORECAST = re.compile(r"预计|预期|有望")
FORECAST_VERB = re.compile(r"突破|超过|超|达到|达|逾|增至|升至|降至|保持")
CLAUSE_MARK = re.compile(r"[，,;；]")
TOWNSHIP_GOVERNMENT = re.compile(r"[镇乡](?:人民)?政府|街道办")
SEMICOLON = re.compile(r"[;；]")
# another party named between a party's figure and a sum (…的11件,以部门为被申请人的84件,合计…)
OTHER_PARTY_BETWEEN = re.compile(r"为被(?:申请人|告)|部门|乡镇|街道|单位|镇街")
# a running total said later in the sentence (…以来的文件进行审查,累计审查860件)
RUNNING_TOTAL_AFTER = re.compile(r"[^。；;]{0,60}?累计")
# a clause opening on the whole again, its year or its sum (全年审结58件, 全县…, 合计…)
WHOLE_AGAIN = re.compile(r"\s*(?:全年|全[省市区县州旗盟]|合计|共计|总计)")
# a report's verb leading a time word (会议通报了去年…, 会上介绍了今年以来…)
REPORTED_LEAD = re.compile(r"\s*[\u4e00-\u9fff]{0,8}?(?:通报|介绍|公布|发布|总结|回顾|汇报)(?:了)?\s*")
# a time word said of the body's whole (去年全区…, 去年我县…, 去年,…): the time of what follows, not
# an event's (去年底出台的…办法)
WHOLE_AFTER_TIME = re.compile(r"(?:去年|今年|上一?年度?|前年|(?:19|20)\d{2}年度?)\s*(?:[,，]|全[省市区县州旗盟镇乡]|[我本][省市区县州旗盟镇乡])")
# a later year a goal is set for (朝着2035年基本建成…, 力争于2025年前建成…): no period of figures
GOAL_VERB_AFTER = re.compile(r"(?:底|末)?(?:前)?\s*[^，,;；。\d]{0,10}?(?:建成|实现|形成|建立|成为|创成|创建|达标)")
# the kind a field's word names (信息公开类, 政府信息公开类案件)
KIND_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?类")
# a year with one month after it (2024年1月,…开展评查。) dates an event: no period the next sentence
# goes on in (a span of months, 2023年1-6月, is a part of that year and does go on)
ONE_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月(?!\s*(?:[至到~～\-—－]|份?以来))|[一二三四五六七八九十]{1,2}月(?![至到~～\-—－])|元月|年?初(?!以来|至)")
# the thing of another field a scope word names as its owner (县政府规范性文件, 市政府合同)
FIELD_NOUN_AFTER = re.compile(r"(?:的)?(?:行政)?(?:规范性文件|文件|合同|协议|重大(?:行政)?决策|权责|证明事项|政策)")
# the body's whole opening a sentence before its year (全区2021年…): it sets a period only for a
# sentence of figures (本县2018年在全省率先实行…改革。 is an event's year)
WHOLE_OPENER = re.compile(r"(?:全|我|本)[省市区县州旗盟镇乡]")
# a clause saying what cases are about (涉及…等领域, 集中在…方面, 类型包括…), with no figure of its own
SUBJECT_MATTER = re.compile(r"(?:主要|大多|多数|大部分|集中)?(?:涉及|集中在|集中于|分布在|类型(?:包括|有|为|主要有)|包括|主要是|主要为)")
# the longest first sentence of a paragraph that heads the next like a heading (行政复议工作提质增效。)
RUN_IN_HEADING_MAX = 20
# the cases split by kind (按类别分, 从案件类型看): the fields named after it are kinds of the cases
KINDS_PARTITION = re.compile(r"(?:按|从)(?:案件)?(?:类别|类型|领域|案由|种类)(?:分|看|划分|来看)")
COMPARISON_CHARS = re.compile("[超于近]")     # (one of them stands in every compared_family word)
# a span of months opening a later clause (…10月份,…8件;1—10月全县共新收…71件): a period of its own
# after a month's figure, the year's part so far
MONTHS_SPAN_AFTER = re.compile(r"[;；,，。]\s*1\s*[-—–至到~]\s*\d{1,2}\s*月")   # (not of another year named: 2024年1—2月)
# what a figure is a multiple of: 是 / 为 before the family's word, 的2.1倍 after it
MULTIPLE_LEAD = re.compile(r"[是为](?:同期|同年|当年|全年|全[省市区县])?(?:的)?(?:一审)?(?:行政)?$")
MULTIPLE_AFTER = re.compile(r"的\s*(?:[\d.]+|[一二两三四五六七八九十]+(?:点[一二三四五六七八九])?)\s*倍")
# a year named whole as a figure's period after a month's clause (…;全省收案数2021年为4870件;
# …;2023年受理…512件: a year opening its clause), not a document's or a plan's year inside a
# clause (对照2023年度工作要点…)
WHOLE_YEAR_AFTER = re.compile(r"[,，;；]\s*(?:[^，,;；。]*?(?:19|20)\d{2}\s*年(?:度)?(?:全年)?\s*(?:为|是|共|达到?|有)"
                              r"|(?:在|而|其中)?\s*(?:19|20)\d{2}\s*年(?:度)?(?!\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*"
                              r"(?:[-—–~至到]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*)?月|[元正]月|[上下]半年|第?[一二三四1-4]季度|前[一二三]季度)))")
SUBSET_CLAUSE = re.compile(r"\s*(?:其中|内含|包含|含|包括|另有)|[^，,;；。]*?(?:涉及|不服|来自|经)")
# the route a part of the cases took, said before a case family in the part's clause (其中经过复议的,
# 其中引导通过行政复议途径解决): the part's route, not the cases' subject
ROUTE_BEFORE = re.compile(r"(?:经过?|通过|引导|告知|导入|分流|转入)[^，,;；。\d]{0,8}?$")
# a head that names a report (…2023年度法治政府建设情况的报告, …工作总结)
REPORT_TITLE = re.compile(r"(?:报告|总结)")
# …but a page about such a report (…报告出炉, 《…报告》解读, 公布了…报告) speaks from its own date
ABOUT_A_REPORT = re.compile(r"出炉|解读|公布|发布了|答记者问|新闻发布会|获悉|(?:研究|审议|听取)[^，,。]{0,12}(?:19|20)\d{2}\s*年")
# what may stand before a year that opens a sentence as its period (在2022年, 2022年): not 对照2021年度…
ONE_YEAR_CLAUSE = re.compile(r"[\s,，;；]*(?:而|在)?\s*(?=(?:19|20)\d)")
# a clause that sums up the parts before it (…,合计收到申请95件)
SUMMED_CLAUSE = re.compile(r"[,，;；]\s*(?:" + SUMMED.pattern + ")")
# a heading naming the reporting government as the respondent (以区政府为被申请人的案件; not a
# lower one's: 以乡镇政府为被申请人)
OWN_RESPONDENT_HEADING = re.compile(r"^[^，,;；。乡镇街]{0,8}?(?:以)?(?:本级|本|我)?[省市区县州旗盟]?(?:人民)?政府(?:作为|为)被申请人")
# …and one naming a lower tier (以镇(街道)为被申请人的案件, 乡镇政府作为被申请人)
LOWER_RESPONDENT_HEADING = re.compile(r"^[^，,;；。]{0,8}?(?:以)?(?:各)?(?:乡镇|镇街|街道|镇|乡)(?:\(□*[^()]{0,4}\))?(?:人民)?(?:政府|办事处)?(?:作为|为)被申请人")
# a section heading naming whose cases its figures are (一、市政府作为复议机关, (二)区直部门作为被告的
# 案件情况, (一)市本级, 三、各镇(街道)作为被告的案件, (三)全区总体情况): past its ordinal, at its start
HEADING_ORDINAL = re.compile(r"\s*(?:[(（][^()（）]{1,3}[)）]|[一二三四五六七八九十\d□]{1,3}\s*[、.．]|第[一二三四五六七八九十]+部分)?\s*(?:关于|以)?")
HEADING_WHOLE = re.compile(r"全[省市区县州旗盟](?:各级)?(?:行政机关)?(?:总体|整体|应诉|复议|行政|案件|情况|$)|总体情况|合计|总计")
HEADING_LOWER = re.compile(r"(?:各)?(?:乡镇|镇街|街镇|街道|镇|乡|区(?:[(（][^()（）]{1,3}[)）])?县|县(?:[(（][^()（）]{1,5}[)）]|市区|区)|区县|县区)"
                           r"(?:[(（][^()（）]{0,4}[)）])?(?:人民)?(?:政府|办事处)?(?:作为|为)?(?:被申请人|被告|情况|案件|$)")
# (and bare 部门 naming its cases, under the page's own: 2.部门案件, (二)部门应诉情况)
HEADING_DEPARTMENTS = re.compile(r"(?:(?P<tier>[省市区县州旗盟])(?:直|级)|(?:政府)?各)(?:各)?(?:工作)?(?:部门|单位)(?:作为|为)?(?:被申请人|被告|情况|案件|应诉|复议|$)"
                                 r"|部门(?:作为|为)?(?:被申请人|被告|案件|应诉|复议)")
HEADING_GOVERNMENT = re.compile(r"(?:本级|本|我)?(?P<tier>[省市区县州旗盟])(?:(?:人民)?政府(?:本级)?|本级)"
                                r"(?:作为|为)?(?:被申请人|被告|(?:行政)?复议机关|应诉|复议|行政复议|行政应诉|案件|情况|$)")
# an appendix after a page's plans (附：…数据, 附件1, 附表): its figures are reported, not planned
APPENDIX = re.compile(r"(?:^|\n)?\s*附(?:[:：]|件|表|录)")
# (…and the body's whole before it: 全区2021年受理…, 全市去年新收…)
# (…and a meeting's report of it: 会上通报,2023年,…; 会议通报,2023年,…)
PERIOD_OPENER = re.compile(r"[\s,，]*(?:(?:据统计|据了解|据介绍|数据显示|统计显示|此外|同时|其中|另外|另|总体上?"
                           r"|会上通报|会议通报|会上介绍|会议指出|据通报)\s*[,，]?\s*)?"
                           r"(?:(?:全|我|本)[省市区县州旗盟镇乡])?(?:在|于|到|至|截至)?\s*")
# a heading that opens with one year (2021年主要工作, 2020年度行政复议情况), not a span (2021年以来)
# nor the year of an assessment whose findings it answers (2021年度督察反馈问题整改情况)
HEADING_YEAR = re.compile(r"\s*(?:附\s*[:：]?\s*)?((?:19|20)\d{2})\s*年度?(?![\d月]|以来|来|起|至|到|—|-|~|底|末|[^，,。]{0,14}(?:考核|督察|反馈|整改|问题|排名|原因|评估))")
# 向 / 报 before a scope cue: the body a letter or a finding goes to (向有关区县政府制发…), or
# the one documents are filed with (报市政府备案)
RECIPIENT_BEFORE = re.compile(r"(?:向|报送|呈报|报请|报)(?:有关|相关|各)?[^，,;；。\d向报]{0,8}$")
# a body as the source of what the page's body reviews (对各县区政府和市级部门报备的规范性文件开展
# 备案审查96件): neither another body's figure nor the scope of the review, which is the body's own
DOCUMENTS_FROM = re.compile(r"[^，,;；。\d]{0,12}?(?:报备|报送|报请|提请|提交|送审|报)(?:备案|审查|审核)?的"
                            r"[^，,;；。\d]{0,6}?(?:规范性文件|文件|合同|协议|决策|草案)")
# the department itself named as a party (以我局为被申请人, 对我分局作出的): on a department's
# page, a government named before it in the clause acts on the department's cases (转来, 审结,
# 考核通报), so the figure is the department's, not the government's
OWN_BODY = re.compile(r"[我本](?:分局|局|厅|委|办|中心|单位|机关)")
# between two years of a list a movement starts from (从2021年的9.8%、2022年的12.4%): a figure
FROM_LIST_BETWEEN = re.compile(r"(?:度)?(?:同期)?的?\s*[\d.]+\s*(?:%|％|件|个|项|人次|次|人|起|宗)?\s*(?:、|和|及|以及)\s*")
SENT_TO_AFTER = re.compile(r"[^，,;；。\d]{0,6}?(?:制发|发出|送达|反馈|下发|印发|移送|通报|备案|审查|批准)")
# a numbered heading that runs on into its paragraph ((四)行政应诉工作。), read on the unmasked text
HEADING_RUN_ON = re.compile(r"\s*(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d{1,2}\s*[、.．](?!\d))"
                            r"[^。\n，,；;\d]{1,30}。")

# what stands around a bare verb before its figure: a list number, marks, a colon ((2)审结:118)
LEAD_MARKS = re.compile(r"^[\s，,、(（)）□\d一二三四五六七八九十.．]*|[\s:：]+$")
# a sentence opening by pointing back at cases counted before (此类案件的发案量…, 上述案件目前…)
CASES_POINTED_AT = re.compile(r"\s*(?:[,，]\s*)?(?:此类|该类|这类|上述|这些|以上)(?:行政)?(?:复议|诉讼|应诉)?(?:案件|申请)")
FAMILY_CASES = re.compile(r"(?:复议|诉讼|应诉|行政)案件")
# what the year before left over (上年度未审结的7件, 遗留…): no period of the figures after it
LEFT_OVER = re.compile(r"(?:底|末)?(?:的)?(?:未结|未办结|未审结|遗留)")
# the words for the year before the report's that, with 同期 or 度 after them, open a sentence as
# its period (上年同期受理71件,审结69件; 上年度,…)
LOOK_BACK_WORDS = frozenset({"去年", "上年", "上一年"})
# how many sentences back a sentence without a subject of its own looks for one
CARRY_SENTENCES = 3


@lru_cache(maxsize=4096)
def families_named(text: str) -> frozenset[str]:
    """The families a heading names: headings recur from page to page (一、行政复议工作)."""
    return frozenset(name for name, rx in FAMILY_RX if rx.search(text))



def _respondent_of_heading(heading: str) -> str | None:
    """"own" for a heading naming the reporting government as the respondent, "lower" for a
    lower tier's, else None."""
    if OWN_RESPONDENT_HEADING.search(heading):
        return "own"
    return "lower" if LOWER_RESPONDENT_HEADING.search(heading) else None


@dataclass(frozen=True)
class HeadingParty:
    """Whose cases a section heading sets its figures' scope to: "government" (区政府作为被告,
    市政府作为复议机关, 市本级, 区政府 alone), "departments" (区直部门作为被申请人), "lower" (各镇(街道)
    作为被告, 各区(市)县) or "all" (全区总体情况, which ends a party's section); the tier word it
    names (checked against the page's own), and whether it names the respondent (被申请人)."""
    who: str
    tier: str | None
    respondent: bool


def party_of_heading(heading: str) -> HeadingParty | None:
    rest = heading[HEADING_ORDINAL.match(heading).end():]
    respondent = "被申请人" in rest[:24]
    if HEADING_WHOLE.match(rest):
        return HeadingParty("all", None, False)
    if (h := HEADING_LOWER.match(rest)) is not None:
        return HeadingParty("lower", None, respondent)
    if (h := HEADING_DEPARTMENTS.match(rest)) is not None:
        return HeadingParty("departments", h.group("tier"), respondent)
    if (h := HEADING_GOVERNMENT.match(rest)) is not None:
        return HeadingParty("government", h.group("tier"), respondent)
    return None

class DiscourseState:
    """Subject, actor and period lookups; mixed into `Analysis`."""

    def _scan_not_level(self):
        """Where a target / plan, a multi-year cumulative total or a single month's period is
        announced (computed once): (end, start, kind), for the figures after it in its sentence."""
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
                if kind == "cumulative" and CTX["cumulative_object"].match(self.m, e) \
                        and not RUNNING_TOTAL_AFTER.match(self.m, e):
                    continue                     # 对2010年以来制发的规范性文件进行清理: which documents
                    #                              (not with a running total after: …进行审查,累计审查860件)
                out.append((e, s, kind))
        for s, e, _h in self.win.finditer(CTX["month_only"]):
            if not CTX["month_not_after"].search(self.m, max(0, s - 12), s):
                out.append((e, s, "month"))
        out.sort()
        return out

    def _not_level_before(self, a: int, b: int) -> str | None:
        """The first target, cumulative or month marker in [a, b); a cumulative one gives way to
        the year's own period named after it (…以来,清理…;全年新制发5件)."""
        i = bisect.bisect_left(self.not_level_ends, a)
        j = bisect.bisect_right(self.not_level_ends, b)
        for e, s, kind in self.not_level[i:j]:
            if s >= a:
                if kind == "cumulative" and "累计" not in self.m[s:e] and CTX["year_own_period"].search(self.m, e, b):
                    continue
                if kind == "cumulative" and CTX["year_own_period"].search(self.m, a, s) and SEMICOLON.search(self.m, e, b):
                    continue         # 全年受理1126件,五年来年均受理712件;审结1071件: an aside on the years,
                                     # in a sentence of the year's own, ends at its semicolon
                if kind == "month" and (CTX["year_own_period"].search(self.m, e, b)
                                        or WHOLE_YEAR_AFTER.search(self.m, e, b)
                                        or MONTHS_SPAN_AFTER.search(self.m, e, b)):
                    continue         # 2023年12月,县政府常务会议听取…,全年受理36件: the year's
                                     # (…首月即收案530件;全省收案数2021年为4870件: a year of its own)
                if kind == "target" and FORECAST.match(self.m, s) and FORECAST_VERB.match(self.m, e) \
                        and CLAUSE_MARK.search(self.m, e, b):
                    continue         # …有望突破5000件,受理4,398件: the forecast is of its own clause's figure
                if kind == "target" and self._past_year_clause_after(e, b):
                    continue         # 力争于2025年前建成…的目标,2023年全市受理…93件: a year's result
                return kind
        return None

    def _past_year_clause_after(self, a: int, b: int) -> bool:
        """A clause in [a, b) that opens on a year not after the report's: the goal before it
        has ended, and the figures after it are that year's."""
        w = WHOLE_YEAR_AFTER.search(self.m, a, b)
        if w is None or self.report_year is None or not self.m[a:w.start()].strip():
            return False     # 会议要求,2023年全市…达到95%以上: the clause the goal's own words lead into
        year = re.search(r"(?:19|20)\d{2}", w.group())
        return int(year.group()) <= self.report_year

    def _in_range(self, pos: int) -> bool:
        i = bisect.bisect_right(self.range_starts, pos) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]

    def _scan_years(self):
        out = []
        self.year_words: dict[int, str] = {}      # start → 去年 / 今年 / 上年 …, as written
        m = self.m
        for s, e, h in self.win.finditer(YEAR_RX):
            if RANGE_BEFORE.search(m, max(0, s - 8), s):
                continue                               # 2021-2025年: a plan, not a year spoken of
            if EVENT_AFTER.match(m, e):
                continue                               # 2021年出台的规定: an event, not the period
            if SINCE_EVENT_BEFORE.search(m, max(0, s - 2), s) and SINCE_EVENT_AFTER.match(m, e):
                continue                               # 自2021年…改革以来: where a span starts
            if ACTIVITY_BEFORE.search(m, max(0, s - 4), s) or EVALUATION_AFTER.match(m, e):
                continue                               # 开展2023年度…督察, 在2022年度…考评中: a name
            compared = bool(COMPARE_BEFORE.search(m, max(0, s - 4), s)) or bool(
                FROM_BEFORE.search(m, max(0, s - 2), s) and FROM_AFTER.match(m, e)) or bool(   # 由上年的12件
                m[max(0, s - 1):s] in ("和", "跟", "同") and COMPARED_AFTER.match(m, e)) or bool(   # 跟去年的9.8%相比
                MULTIPLE_OF_BEFORE.search(m, max(0, s - 4), s) and MULTIPLE_OF_AFTER.match(m, e))   # 是2023年的1.8倍
            if not compared and out and out[-1][4] and h.group("abs") and FROM_AFTER.match(m, e) \
                    and FROM_LIST_BETWEEN.fullmatch(m, out[-1][0], s):
                compared = True    # 从2021年的9.8%、2022年的12.4%提升至15.1%: each year of the list is a start
                #                    (no period of the figure the movement reaches)
            if h.group("abs"):
                out.append((e, s, int(h.group("abs")), None, compared))
            else:
                self.year_words[s] = h.group()
                out.append((e, s, None, -1 if h.group("prev") else -2 if h.group("prev2") else 0, compared))
        for ss, se in self.sents:
            b = BARE_YEAR.match(m, ss)
            if b and not m.startswith("年", b.end()):
                out.append((b.end(), b.start(), int(b.group()), None, False))
        out.sort()
        self.year_ends = [y[0] for y in out]
        return out


    def _family_from(self, sent_start: int) -> int:
        """Where the words that may name a figure's family begin: its sentence, or the one before
        when it continues that one (其中, 此外 …: it inherits its subject). Once a sentence."""
        if CTX["continuation"].match(self.m, sent_start):
            k = self.sentence_index(sent_start)
            if k > 0:
                return self.sents[k - 1][0]
        return sent_start

    def family_at(self, pos: int, sent_start: int) -> str | None:
        got = self._family_lo.get(sent_start)
        if got is None:
            got = self._family_lo[sent_start] = self._family_from(sent_start)
        lo = got
        i = bisect.bisect_left(self.fam_ends, lo)
        j = bisect.bisect_right(self.fam_ends, pos)
        for n in range(j - 1, i - 1, -1):
            if self.fam_hits[n][1] >= lo and self._subject_word(n, pos):
                if self.fam_hits[n][1] < sent_start and (left := self._sentence_subject((lo, sent_start))):
                    return left    # 上述案件审结10件 after …复议案件共11件,类型涉及信息公开…: what the
                                   # sentence continued leaves, not the kinds it lists last
                if self.fam_hits[n][1] < sent_start and self._kind_of_the_cases(n, lo):
                    continue       # (…。其中,工伤认定类案件387件、信息公开类案件212件。全年审结2874件)
                if self.fam_hits[n][2] == "other_fields" and self._in_subset_clause(n, pos):
                    continue       # …其中涉及劳动争议的20件,审结105件: the 105 goes on with 复议
                if self._route_of_a_part(n):
                    continue       # …诉讼案件318件,其中经过复议的案件104件: 诉讼's, routed through 复议
                if self.fam_hits[n][1] >= sent_start and self._kind_of_the_cases(n, lo) \
                        and self._cases_named_before(n, sent_start):
                    continue       # 受理复议案件287件,按类型分,行政处罚类102件…;审结279件: a kind of the
                                   # cases counted before it, no new subject
                return self.fam_hits[n][2]
        # a sentence with no subject of its own takes that of the nearest sentence before it in
        # the same paragraph that has one (二是依法办理复议案件。全年受理案件86件…), over sentences of
        # figures that name none (…受理21件。其中网上申请5件。审结18件); a sentence of words alone
        # that names none opens a topic of its own (四是化解矛盾。, 惠民生,…。) and ends the carry
        k = self.sentence_index(lo)
        if k > 0 and lo == sent_start:
            ps = self.paras[self.paragraph_index(lo)][0] if self.paras else 0
            # (此类案件 / 上述案件 point back at the cases last counted: a sentence of words alone
            # between, 对此,…推动行政执法规范化建设。, names no subject for them)
            counted_only = CASES_POINTED_AT.match(self.m, sent_start) is not None
            for back in range(k - 1, max(-1, k - 1 - CARRY_SENTENCES), -1):
                prev = self.sents[back]
                if prev[0] < ps:
                    fam = self.heading_family(pos)
                    if fam is None and self._speaks_of_cases(self.sents[k]):
                        fam = self._previous_paragraph_subject(ps, prev)
                    return fam
                if counted_only and not self._has_figure(prev) and not FAMILY_CASES.search(self.m, prev[0], prev[1]):
                    continue       # (a sentence whose subject is the cases, 行政诉讼案件主要集中在…, is
                                   # what 这些案件 points at; 把行政复议作为主渠道 names no cases)
                fam = self._sentence_subject(prev)
                if fam is None and self._of_a_cross_measure(prev):
                    continue       # (…复议后提起诉讼的比例为8.1%。全年审结1590件: past it, to the subject before)
                if fam == "other_fields" and CTX["routed_elsewhere"].search(self.m, prev[0], prev[1]):
                    continue       # (…。对属于信访事项的,告知申请人向信访部门反映。依法受理118件: 复议's)
                if fam is not None:
                    return self._heading_among_named(prev, pos) or fam
                if not (self._speaks_of_cases(prev) if self._has_figure(prev)
                        else self.search_in(CTX["case_words"], prev[0], prev[1])):
                    break          # (…办理审批事项2300件。办结2280件; 四是化解矛盾。: no case between)
        return self.heading_family(pos)

    def _heading_among_named(self, sent: tuple[int, int], pos: int) -> str | None:
        """A sentence of words alone that names both case families (把行政应诉作为…窗口,与行政复议
        工作统筹推进) leaves the subject to its heading's family when that is one of them."""
        if self._has_figure(sent):
            return None
        named = self._case_families_in(sent)
        if len(named) < 2:
            return None
        fam = self.heading_family(pos)
        return fam if fam in named else None

    def _speaks_of_cases(self, sent: tuple[int, int]) -> bool:
        """The sentence says a word only case counts speak with before its first figure, or
        its first figure follows a bare verb (，已审结41件: a line wrapped inside a sentence)."""
        i = bisect.bisect_left(self.qstarts, sent[0])
        first = self.qstarts[i] if i < len(self.qstarts) and self.qstarts[i] < sent[1] else sent[1]
        if self.search_in(CTX["case_words"], sent[0], first) is not None:
            return True
        if first == sent[1]:
            return False
        lead = LEAD_MARKS.sub("", self.m[self.clause_of(first, sent)[0]:self.qs[i].head])
        return bool(lead) and CTX["continuation_verb"].fullmatch(lead) is not None

    def _previous_paragraph_subject(self, ps: int, prev: tuple[int, int]) -> str | None:
        """A paragraph that opens without a subject, under no heading that names one, goes on
        with the last figure's subject of the paragraph before (…全部审结。⏎审结案件中,维持11件),
        when no heading stands between them and that sentence has a figure."""
        hs = self.headings()
        i = bisect.bisect_right([h.start for h in hs], ps) - 1
        if i >= 0 and hs[i].end > prev[0]:
            return None                   # the sentence before is (in) a heading
        if not self._has_figure(prev):
            return self._run_in_heading(prev)
        return self._sentence_subject(prev)

    def _run_in_heading(self, prev: tuple[int, int]) -> str | None:
        """A paragraph of words alone whose first sentence is short and names one case family
        (行政复议工作提质增效。区政府全面推行…。) heads the paragraph after it, as a heading would."""
        k = self.paragraph_index(prev[0])
        ps, pe = self.paras[k] if self.paras else (0, len(self.m))
        if self._has_figure((ps, pe)):
            return None                   # (a paragraph with figures leaves its last figure's subject)
        first = self.sents[self.sentence_index(ps)]
        if first[1] - first[0] > RUN_IN_HEADING_MAX:
            return None
        named = self._case_families_in(first)
        return named.pop() if len(named) == 1 else None

    def _case_families_in(self, span: tuple[int, int]) -> set[str]:
        """The case families (复议, 诉讼) named wholly inside the span."""
        i = bisect.bisect_left(self.fam_ends, span[0])
        j = bisect.bisect_right(self.fam_ends, span[1])
        return {h[2] for h in self.fam_hits[i:j] if h[1] >= span[0] and h[2] in CASE_FAMILIES}

    def _has_figure(self, sent: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.qstarts, sent[0])
        return i < len(self.qstarts) and self.qstarts[i] < sent[1]

    def _sentence_subject(self, sent: tuple[int, int]) -> str | None:
        """The subject a sentence leaves for the next: that of its last figure, when it has one
        (复议案件共11件,案件类型涉及信息公开…), else the family it names last."""
        qi = bisect.bisect_left(self.qstarts, sent[1]) - 1
        while qi >= 0 and self.qstarts[qi] >= sent[0] and self.paren_of(self.qstarts[qi]) is not None:
            qi -= 1        # (…超过同期诉讼案件数(74件)。: an aside's figure sets no subject)
        done = self._done
        while qi >= 0 and self.qstarts[qi] >= sent[0] and qi < len(done) and done[qi].kind in ("share", "change"):
            qi -= 1        # (…受理3057件,占行政复议和行政诉讼案件总量的64.8%。: a share names its whole's
                           # families, the sentence's subject is the figure before it)
        end = self.qstarts[qi] if qi >= 0 and self.qstarts[qi] >= sent[0] else sent[1]
        for stop in (end, sent[1]):
            fam = self.last_family_in(sent[0], stop, skip_subset_fields=True)
            if fam is not None:
                return fam
        return None

    def last_family_in(self, lo: int, hi: int, skip_subset_fields: bool = False) -> str | None:
        """The family named last wholly inside [lo, hi); with `skip_subset_fields`, not a field
        of its own (信访, 仲裁, 行政处罚) named in a clause of a part (其中不服信访事项…的8件,
        其中涉及行政处罚类29件, 信息公开类9件, 按类别分,行政处罚案件27件): a kind of the cases, not
        their subject."""
        i = bisect.bisect_left(self.fam_ends, lo)
        j = bisect.bisect_right(self.fam_ends, hi)
        for n in range(j - 1, i - 1, -1):
            if self.fam_hits[n][1] >= lo:
                if skip_subset_fields and (self._kind_of_the_cases(n, lo) or self._route_of_a_part(n)):
                    continue
                if self._compared_before(n, hi) or (skip_subset_fields and self._in_cross_measure(n)):
                    continue       # (…复议后被诉率5.2%。: a measure of both leaves neither: its section's goes on)
                return self.fam_hits[n][2]
        return None

    def _kind_of_the_cases(self, n: int, lo: int) -> bool:
        """Family word n is a field of its own named as a kind of the cases (信息公开类, 其中涉及
        信访的, 按类别分…), not their subject."""
        return self.fam_hits[n][2] not in CASE_FAMILIES \
            and (KIND_AFTER.match(self.m, self.fam_hits[n][0]) or self._in_subset_clause(n, self.fam_hits[n][0])
                 or KINDS_PARTITION.search(self.m, lo, self.fam_hits[n][1]) is not None)

    def _cases_named_before(self, n: int, sent_start: int) -> bool:
        """A case family (复议 / 诉讼) is named in the sentence before family word n, or the
        sentence opens on a partition by kind (按案件类型分,…) after a sentence of cases."""
        for m in range(n - 1, -1, -1):
            if self.fam_hits[m][1] < sent_start:
                break
            if self.fam_hits[m][2] in CASE_FAMILIES:
                return True
        if KINDS_PARTITION.search(self.m, sent_start, min(sent_start + 12, self.fam_hits[n][1])) is None:
            return False
        k = self.sentence_index(sent_start)
        return k > 0 and self._sentence_subject(self.sents[k - 1]) in CASE_FAMILIES

    def _route_of_a_part(self, n: int) -> bool:
        """Case family word n names the route a part of the cases took, in the part's own clause
        (其中经过复议的, 其中引导通过行政复议途径解决): not the subject of the cases."""
        if self.fam_hits[n][2] not in CASE_FAMILIES:
            return False
        s = self.fam_hits[n][1]
        c0, _c1 = self.clause_of(s, self.sentence_of(s))
        return bool(PART_OPENING.match(self.m, c0, s)) and ROUTE_BEFORE.search(self.m, c0, s) is not None

    def _in_subset_clause(self, n: int, pos: int) -> bool:
        """Family word n (a field of its own: 信访, 仲裁) stands in a clause that names a part of
        the figures (其中…, 涉及…的, 不服…的), not the subject."""
        s = self.fam_hits[n][1]
        c0, _c1 = self.clause_of(s, self.sentence_of(s))
        return c0 < pos and bool(SUBSET_CLAUSE.match(self.m, c0, s))

    def _subject_word(self, n: int, pos: int) -> bool:
        """Whether family word n speaks for the figure at pos: not inside an aside in parentheses
        the figure is not in (80件(其中复议后提起诉讼5件),审结75件), not part of a cue of
        another family's measure (复议后提起行政诉讼的3件 is a reconsideration measure), and not
        the object of a comparison (首次超过同期一审行政诉讼案件量) for a figure after its clause."""
        s = self.fam_hits[n][1]
        paren = self.paren_of(s)
        if paren is not None and not (paren[0] < pos < paren[1]):
            return False
        if self.fam_hits[n][2] not in CASE_FAMILIES and self._in_subject_matter(s, pos):
            return False       # …86件,主要涉及行政处罚、政府信息公开等领域,审结52件: what the cases are about
        return not self._in_other_measure(n) and not self._compared_before(n, pos) \
            and not self._multiple_of(n, pos)

    def _in_subject_matter(self, s: int, pos: int) -> bool:
        """The word at s is in a list of what cases are about (涉及行政处罚、信息公开等领域, 集中在
        行政处罚方面) in a clause before the figure's: the matter, not the subject of the figures."""
        c0 = max(self.m.rfind(ch, 0, s) for ch in "，,；;。:：\n") + 1
        c1 = min((k for k in (self.m.find(ch, s, pos) for ch in "，,；;。") if k != -1), default=-1)
        return c1 != -1 and SUBJECT_MATTER.search(self.m, c0, s) is not None \
            and not any(ch.isdigit() for ch in self.m[s:c1])

    def _of_a_cross_measure(self, sent: tuple[int, int]) -> bool:
        """The sentence names the case families only inside a measure of both (复议后被诉率)."""
        i = bisect.bisect_left(self.fam_ends, sent[0])
        j = bisect.bisect_right(self.fam_ends, sent[1])
        hits = [n for n in range(i, j) if self.fam_hits[n][1] >= sent[0] and self.fam_hits[n][2] in CASE_FAMILIES]
        return bool(hits) and all(self._in_cross_measure(n) for n in hits)

    def _in_cross_measure(self, n: int) -> bool:
        """Family word n is part of a cue that names both case families (复议后被诉率, 经复议后
        提起诉讼的): a measure of both, which leaves neither as the subject."""
        return any(len(set(families_named(self.m[cs:ce])) & set(CASE_FAMILIES)) >= 2
                   for cs, ce, _cue in self._measure_cues_over(n))

    def _in_other_measure(self, n: int) -> bool:
        """Family word n is part of a cue of another family's measure (被诉 in 复议后被诉率)."""
        name = self.fam_hits[n][2]
        return any(not cue.indicator.startswith(("{", name + ".")) for _cs, _ce, cue in self._measure_cues_over(n))

    def _measure_cues_over(self, n: int):
        """(start, end, cue) of the cues of a measure that cover family word n."""
        e, s, _name = self.fam_hits[n]
        k = bisect.bisect_left(self.cue_ends, e)
        return [(cs, ce, cue) for ce, cs, cue in self.cue_hits[k:k + 12] if cs <= s and e <= ce and cue.indicator]

    def _compared_before(self, n: int, pos: int) -> bool:
        """Family word n is what another measure is compared with (首次超过同期一审行政诉讼案件量),
        in a clause that ends before `pos`: the subject of its own clause only."""
        s = self.fam_hits[n][1]
        lo = max(0, s - 14)
        marks = getattr(self, "_comparison_marks", None)
        if marks is None:          # (once a document: where a comparison's word can stand)
            marks = self._comparison_marks = [h.start() for h in COMPARISON_CHARS.finditer(self.m)]
        k = bisect.bisect_left(marks, lo)
        if k == len(marks) or marks[k] >= s or CTX["compared_family"].search(self.m, lo, s) is None:
            return False
        c0, c1 = self.clause_of(s, self.sentence_of(s))
        return pos >= c1 and CTX["compared_family"].search(self.m, max(lo, c0), s) is not None

    def _multiple_of(self, n: int, pos: int) -> bool:
        """Family word n names what the figure before it is a multiple of (收到复议申请4126件,是同期
        行政诉讼一审收案数的2.1倍), in a clause that ends before `pos`: the base of a comparison,
        not the subject of the clauses after it."""
        s = self.fam_hits[n][1]
        lead = self.m[max(0, s - 10):s]
        if "是" not in lead and "为" not in lead or MULTIPLE_LEAD.search(lead) is None:
            return False
        c1 = self.clause_of(s, self.sentence_of(s))[1]
        return pos >= c1 and MULTIPLE_AFTER.search(self.m, s, c1) is not None

    def heading_family(self, pos: int) -> str | None:
        """The subject the section headings above `pos` set ((一)行政复议工作 … 1.办理情况。全年受理
        案件74件): the deepest heading in force that names one family. A heading naming two
        (行政复议和行政应诉) sets none, and a new heading of the same or a higher level ends
        the sections below it."""
        if self._heading_state is None:
            stack: list[tuple[int, str | None]] = []
            states = []
            for h in self.headings():
                while stack and stack[-1][0] >= h.level:
                    stack.pop()
                names = set(families_named(h.text))
                if h.level == 0:      # a title sets a family of figures, never a field (信息公开)
                    names -= CTX["subset_families"]
                stack.append((h.level, names.pop() if len(names) == 1 else ("mixed" if names else None)))
                fam = next((f for _lvl, f in reversed(stack) if f is not None), None)
                states.append((h.end, None if fam == "mixed" else fam))
            self._heading_state = ([e for e, _f in states], [f for _e, f in states])
        ends, fams = self._heading_state
        i = bisect.bisect_right(ends, pos) - 1
        return fams[i] if i >= 0 else None

    def heading_year(self, pos: int) -> int | None:
        """The year a section heading above `pos` opens with (一、2021年主要工作, (二)2022年度行政
        复议情况, 第一部分 2022年工作回顾): the period of its section's figures that name none, up to
        the next heading of its rank. Not the title's (the report's own year), not a year inside
        a heading (落实2022年度考核反馈问题), not a span (2021年以来), not plans' (their figures are
        intended)."""
        if self._heading_year_state is None:
            self._heading_year_state = self._section_values(self._heading_year_of)
        ends, years = self._heading_year_state
        i = bisect.bisect_right(ends, pos) - 1
        return years[i] if i >= 0 else None

    def _heading_year_of(self, heading: str) -> int | None:
        y = HEADING_YEAR.match(heading) if not self._opens_plans(heading) else None
        return int(y.group(1)) if y else None

    def _section_values(self, value_of) -> tuple[list[int], list]:
        """For each heading below the title, where its text begins and the value the deepest
        heading in force there gives (value_of(heading text); None gives none): a section's
        value holds up to the next heading of its rank."""
        stack: list[tuple[int, object]] = []
        ends, values = [], []
        for h in self.headings():
            if h.level == 0:
                continue
            while stack and stack[-1][0] >= h.level:
                stack.pop()
            stack.append((h.level, value_of(h.text)))
            ends.append(h.end)
            values.append(next((v for _lvl, v in reversed(stack) if v is not None), None))
        return ends, values

    def heading_party(self, pos: int) -> HeadingParty | None:
        """The party a section heading in force above `pos` names (party_of_heading), up to the
        next heading of its rank."""
        if self._heading_scope_state is None:
            self._heading_scope_state = self._section_values(party_of_heading)
        ends, parties = self._heading_scope_state
        i = bisect.bisect_right(ends, pos) - 1
        return parties[i] if i >= 0 else None

    def heading_respondent(self, pos: int) -> str | None:
        """The respondent a section heading in force above `pos` names: "own" for the reporting
        government (二、以区政府为被申请人的案件 … 1.案件数:7件: its own cases as respondent),
        "lower" for a lower tier (二、以镇(街道)为被申请人的案件: theirs), up to the next heading of
        its rank; else None."""
        if self._heading_party_state is None:
            self._heading_party_state = self._section_values(_respondent_of_heading)
        ends, parties = self._heading_party_state
        i = bisect.bisect_right(ends, pos) - 1
        return parties[i] if i >= 0 else None

    def plan_heading(self, pos: int) -> str | None:
        """The heading in force above `pos` that opens the page's plans (三、2024年工作计划,
        下一步工作打算): what follows it is intended, not done, up to the next heading of its
        rank or the signature. A title never is one (a page titled 2023年工作总结和2024年工作计划
        reports its year under its own headings)."""
        if self._plan_state is None:
            stack: list[tuple[int, str | None]] = []
            states = []
            for h in self.headings():
                if h.level == 0:
                    continue
                if APPENDIX.match(self.m, h.start) or (CTX["signature_line"].fullmatch(h.text)
                                                       and not self._numbered(h.start, self.m[h.start:h.end])):
                    stack = []              # the signature (某区人民政府 / 2023年1月5日), or an appendix, ends the plans
                    #                         (a numbered one is a section: (八)建设法治政府)
                    states.append((h.end, None))
                    continue
                while stack and stack[-1][0] >= h.level:
                    stack.pop()
                stack.append((h.level, h.text if self._opens_plans(h.text) else None))
                states.append((h.end, next((t for _lvl, t in reversed(stack) if t is not None), None)))
            self._plan_state = ([e for e, _t in states], [t for _e, t in states])
        ends, texts = self._plan_state
        i = bisect.bisect_right(ends, pos) - 1
        if i < 0 or texts[i] is None:
            return None
        if APPENDIX.search(self.m, ends[i], pos):
            return None               # 附：2023年主要数据 after the plans: the year's figures again
        return texts[i]

    def _opens_plans(self, heading: str) -> bool:
        """A heading of plans: 下一步工作打算, or a year after the report's (三、2024年工作计划 in a
        2023 report); not one that also names results or problems."""
        h = CTX["plan_heading"].search(heading)
        if h is None or CTX["plan_heading_not"].search(heading):
            return False
        year = h.group("year")
        return year is None or (self.report_year is not None and int(year) > self.report_year)

    def scope_at(self, pos: int, sent_start: int, clause: tuple[int, int] | None = None,
                 family: str | None = None) -> str:
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
            if RECIPIENT_BEFORE.search(self.m, max(sent_start, s - 10), s) and SENT_TO_AFTER.match(self.m, e):
                continue          # 向有关区县政府制发意见书: to whom, not whose figure (向区政府申请 is its own)
            if DOCUMENTS_FROM.match(self.m, e, pos):
                continue          # 对区政府报备的文件审查12件: whose documents, not whose review
            if (pr := self.paren_of(s)) is not None and pr[1] <= pos:
                continue          # 310件(其中市本级120件),受理290件: the aside's scope is its own
            if name == "government" and getattr(self, "level", None) in ("district", "county", "city", "province") \
                    and TOWNSHIP_GOVERNMENT.match(self.m, s, e):
                continue          # 以街道办事处为被告 on a district's page: a lower tier's, no scope of its
            if name == "government" and getattr(self, "level", None) == "department" and OWN_BODY.search(self.m, e, pos):
                continue          # 市政府转来以我局为被申请人的…8件: the department's own cases
            if (sc := SUMMED_CLAUSE.search(self.m, e, pos)) is not None \
                    and (qn := bisect.bisect_left(self.qstarts, e)) < len(self.qstarts) and self.qstarts[qn] < sc.start() \
                    and OTHER_PARTY_BETWEEN.search(self.m, e, sc.start()):
                return "all"      # 以县政府为被申请人的11件,…,合计收到申请95件: the sum of every party's
                #                   (not the party's own total: 本镇作为被告的案件,共计3件; nor a sum over
                #                   its own kinds: 本级…其中撤销128件、…,合计纠错269件)
            if clause is None or k is None or s >= clause[0]:
                return name
            ck = self.clause_index(s, sent)
            if ck is None or ck >= k:
                continue
            c = cl[ck]
            qi = bisect.bisect_left(self.qstarts, c[0])
            has_number = qi < len(self.qstarts) and self.qstarts[qi] < c[1]
            if has_number:
                if qi < len(self._done) and self._done[qi].kind == "other_body":
                    continue      # …,其中以街道办事处为被告的43件,出庭应诉172人次: a lower tier's clause
                if family in CASE_FAMILIES and qi < len(self._done) and (ind := self._done[qi].indicator) \
                        and ind.split(".")[0] not in CASE_FAMILIES and FIELD_NOUN_AFTER.match(self.m, e):
                    continue      # 出台县政府规范性文件5件,全年办理行政复议案件215件: whose documents, not
                    #               whose cases: a clause of another field lends a case figure no scope
                if PART_OPENING.match(self.m, c[0]) and (SEMICOLON.search(self.m, c[1], clause[0] + 1)
                                                         or any(WHOLE_AGAIN.match(self.m, cl[c2][0]) for c2 in range(ck + 1, k + 1))):
                    continue      # …,其中以区政府为被告的53件;败诉3件: a part's scope ends at its semicolon
                    #               (or at a clause that opens on the whole again: …的12件,全年审结58件)
                return "all" if self._after_partition(cl, ck, name) and not self._part_acts_on(cl, ck, k, pos) else name
            # a short clause right before that is only a subject (区政府作为被告, 市本级), not a
            # clause with an act of its own (由本级政府集中行使复议职责)
            # (its scope reaches the figures of the clauses that follow it, up to this one)
            if c[1] - c[0] <= 20 and SUBJECT["before"].fullmatch(self.m, c[0], s) \
                    and SUBJECT["after"].fullmatch(self.m, e, c[1]) \
                    and all(self._numbers_in(cl[c2]) for c2 in range(ck + 1, k)):
                return name
        return "all"


    def scope_named_before(self, a: int, b: int) -> str:
        """The last scope named in [a, b) by a direct search: for a figure said without a numeral
        (区政府作为被告的案件零败诉), whose sentence lies outside the windows scanned for cues."""
        last = None
        for name, rx in SCOPE_RX:
            for h in rx.finditer(self.m, a, b):
                if LEADER_AFTER.match(self.m, h.end()):
                    continue            # 在区政府的正确领导下: who leads, not the party
                if last is None or h.end() > last[0]:
                    last = (h.end(), name)
        if last is None or self.search_in(CTX["tier_word"], last[0], b):
            return "all"                # 我区行政机关…零败诉: the whole named after it
        if last[1] == "government" and getattr(self, "level", None) == "department" and OWN_BODY.search(self.m, last[0], b):
            return "all"                # 区政府考核通报我分局…无败诉案件: the department's own
        return last[1]

    def _part_acts_on(self, cl, ck: int, k: int, pos: int) -> bool:
        """The clauses from a part (其中县政府收到433件, or the government opening its clause after
        the whole: 全市…1,648件,市政府收到372件) to the figure's each open on an act with no subject
        of their own (,受理401件,审结392件): the part's subject acting on, not the whole again; a
        figure larger than the part's (…,依法受理497件) is the whole's."""
        gov = CTX["government_subject"].match(self.m, cl[ck][0])
        opens_part = PART_OPENING.match(self.m, cl[ck][0]) or (
            gov is not None and "政府" in gov.group("who") and "级" not in gov.group("who") and ck > 0
            and WHOLE_NAMED.search(self.m, cl[ck - 1][0], cl[ck - 1][1]))
        if not opens_part or not all(CTX["continuation_verb"].match(self.m, cl[c][0]) for c in range(ck + 1, k + 1)):
            return False
        part = bisect.bisect_left(self.qstarts, cl[ck][0])
        here = bisect.bisect_left(self.qstarts, pos)
        if part >= len(self.qs) or here >= len(self.qs) or self.qs[part].start >= cl[ck][1]:
            return False
        p, q = self.qs[part], self.qs[here]
        return p.unit != q.unit or q.unit == "%" or q.value <= p.value

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
            if SEMICOLON.search(self.m, b, cl[ck][0] + 1):
                return False   # (省政府…186件;省直部门…612件,负责人出庭应诉率100%: the split ended at its semicolon)
            i = bisect.bisect_left(self.scope_ends, a)
            j = bisect.bisect_right(self.scope_ends, b)
            names = [h[2] for h in self.scope_hits[i:j] if h[1] >= a]
            if not names or names[-1] == name:
                return False
            there = {done[n].indicator for n in nums if n < len(done) and done[n].indicator}
            return bool(here & there)
        return False

    def paragraph_year(self, p: int) -> int | None:
        """The year a paragraph opens with (after a heading that runs on into it), carried
        through its sentences that name none."""
        if p in self.para_year_cache:
            return self.para_year_cache[p]
        ps, pe = self.paras[p] if self.paras else (0, 0)
        year = None
        head = HEADING_RUN_ON.match(self.t, ps, pe)
        if head:                           # (四)行政应诉工作。2024年,全市…: the year after the heading
            ps = head.end()
        if PARA_YEAR.match(self.m, ps):
            # the opening phrase up to its first comma: 2021年8月1日至2022年7月31日, → 2022
            stop = ps + 40
            for ch in "，,。:：":
                k = self.m.find(ch, ps, stop)
                if k != -1:
                    stop = k
            i = bisect.bisect_left(self.year_ends, ps)
            j = bisect.bisect_right(self.year_ends, stop)
            for e, s, y, rel, compared in self.year_hits[i:j]:
                if s >= ps and y is not None and not compared and not SPAN_AFTER.match(self.m, e) \
                        and not CARRIED_OVER.match(self.m, e):
                    year = y           # (not the year cases came over from: 2022年结转9件,…)
        self.para_year_cache[p] = year
        return year

    def year_at(self, pos: int, sent: tuple[int, int], paren: tuple[int, int] | None,
                clause_start: int | None = None) -> int | None:
        """The year a figure at `pos` is of: the latest year named before it in its sentence
        (今年 included: it stops an earlier year from carrying on), else the paragraph's, else the
        report's. 去年 / 上年 only reach the figures of their own clause."""
        base = self.paragraph_year(self.paragraph_index(pos))
        if base is None:
            base = self._earlier_sentence_year(sent)
        if base is None:
            base = self.heading_year(pos)
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
            in_clause = clause_start is None or s >= clause_start or (
                (self.published_on is not None or self._says_this_year()) and self._time_clause(s, sent))
            if y is not None and not in_clause and CARRIED_OVER.match(self.m, e):
                continue                              # 2022年结转5件: that year stays in its clause
            if y is not None and MADE_BEFORE_AFTER.match(self.m, e):
                continue                              # 对2019年12月31日前印发的文件进行清理: their age
            if y is not None and self._goal_year(y, e):
                continue                              # 朝着2035年基本建成…的目标: a goal's year
            if y is not None and SPAN_AFTER.match(self.m, e):
                if y == self.report_year and SINCE_AFTER.match(self.m, e):
                    return y + shift          # 2023年以来 in a 2023 report: that year, not the one before
                continue                              # 2021年以来, 2021年起: where a span starts, not the period
            if y is not None:
                if clause_start is not None and s < clause_start:
                    if base is not None and y < base and self._looks_back(s, e):
                        continue              # …63件,2018年同类案件为71件;出庭应诉28次: the look back
                                              # holds its own clause
                    y = self._year_looked_back_from(y, h, n)
                return y + shift
            word = self.year_words.get(s)
            if word in ("去年", "前年", "上年") and clause_start is not None and s < clause_start \
                    and self._looks_back(s, e) and self._period_named_before(h, n) is not None:
                continue                      # 上半年…1,037件,去年同期为1,112件;…出庭应诉率为99.8%: the
                #                               look back holds its own clause, under the period named first
            if not in_clause and self._year_before_opens(word, s, e, sent, pos):
                in_clause = True      # 上年同期受理71件,审结69件: opening its sentence, it is the sentence's period
            if word in ("去年", "前年") and (said := self._period_named_before(h, n)) is not None:
                return said - (1 if word == "去年" else 2) + shift   # 2023年…95件,较去年增加12件,去年受理83件:
                #                                              the year before the one the sentence speaks of
            named = self._year_of_word(word, in_clause, bool(self.plan_heading(s)))
            if named is None and word in ("上年", "上年度", "上一年", "上一年度") and self.published_on is not None \
                    and not self._titled_annual_report() and (not self.m[sent[0]:s].strip() or (
                        word in ("上一年", "上一年度") and not self.m[self.clause_of(s, sent)[0]:s].strip()
                        and self._period_named_before(h, n) is None)) \
                    and not self._year_named_in_paragraph_before(s):
                named = self.published_on.year - 1   # 上年,全县…100% opening a news item of February: 去年
                #                                      (会议通报,上一年度全市…: opening its clause, with no year before)
            if named is None and self.year_words.get(s) == "当年":
                # 当年 is the year named last before it in its sentence, else the one year the
                # sentence before names (2021年7月1日,改革…。改革当年,…)
                named = self._year_named_before(h, n) or self._year_of_sentence_before(sent)
            if named is not None:
                return named + shift
            if rel and in_clause:
                shift += rel
        return base + shift if base is not None else None

    def _year_before_opens(self, word: str | None, s: int, e: int, sent, pos: int) -> bool:
        """The year before (上年同期, 上年度) opens the sentence as its period up to `pos`: not what
        it left over (上年结转, 上年度未办结的) nor a span from it, and no semicolon between."""
        if word is None or self.m[sent[0]:s].strip(" \t,，:："):
            return False
        if word not in ("上年度", "上一年度") and not (word in LOOK_BACK_WORDS and self.m.startswith(("同期", "度"), e)):
            return False
        return not (CARRIED_OVER.match(self.m, e) or LEFT_OVER.match(self.m, e) or SPAN_AFTER.match(self.m, e)
                    or SEMICOLON.search(self.m, e, pos))

    def _goal_year(self, y: int, e: int) -> bool:
        """A year after the report's that a goal is set for (朝着2035年基本建成…, 力争于2025年前…)."""
        return self.report_year is not None and y > self.report_year and bool(GOAL_VERB_AFTER.match(self.m, e))

    def _looks_back(self, s: int, e: int) -> bool:
        """The year opens its clause to give an earlier year's figure (,2018年为85件 | ;上年同期为…)."""
        return bool(CLAUSE_BREAK_BEFORE.search(self.m, max(0, s - 3), s) and LOOK_BACK_AFTER.match(self.m, e))

    def _year_named_before(self, first: int, n: int) -> int | None:
        """The last year (as a number) among the year hits first..n-1, not one compared with."""
        for _e, _s, y, _rel, compared in reversed(self.year_hits[first:n]):
            if y is not None and not compared:
                return y
        return None

    def _period_named_before(self, first: int, n: int) -> int | None:
        """The period the sentence named before its n-th year hit and gave a figure of before it:
        a year of its own, not one a span starts or ends at, cases came over from, or a day or
        month told on. (通报了2023年…情况:去年全县… names a topic, no figure: 去年 is then counted
        from the page's date.)"""
        word_at = self.year_hits[n][1]
        for e, _s, y, _rel, compared in reversed(self.year_hits[first:n]):
            if y is not None and not compared and not SPAN_AFTER.match(self.m, e) \
                    and not CARRIED_OVER.match(self.m, e) and not ONE_MONTH_AFTER.match(self.m, e) \
                    and not MADE_BEFORE_AFTER.match(self.m, e):
                k = bisect.bisect_left(self.qstarts, e)
                return y if k < len(self.qstarts) and self.qstarts[k] < word_at else None
        return None

    def _year_looked_back_from(self, y: int, first: int, n: int) -> int:
        """The sentence's period when the year y (its n-th year hit) looks back from a later year
        named before it (2018年…为34.1%,2016年这一比率为26.3%;全区…8,906件): a look back holds
        its own clause only, and the later year is the period of the clauses after it."""
        later = [yy for e, _s, yy, _rel, compared in self.year_hits[first:n]
                 if yy is not None and yy > y and not compared and not SPAN_AFTER.match(self.m, e)
                 and not ONE_MONTH_AFTER.match(self.m, e) and not self._goal_year(yy, e)]
        return later[-1] if later else y     # (2024年1月15日,…通报2023年…情况:全年…: a day or a
        #                                      month is when it was told, no period looked back from)

    def _year_of_sentence_before(self, sent: tuple[int, int]) -> int | None:
        """The one year the sentence before names (with its month and day, 2021年7月1日, or not):
        what 当年 points back at. None when it names none or several."""
        k = self.sentence_index(sent[0])
        if k == 0:
            return None
        prev = self.sents[k - 1]
        i = bisect.bisect_left(self.year_ends, prev[0])
        j = bisect.bisect_right(self.year_ends, prev[1])
        years = {y for _e, s, y, _rel, compared in self.year_hits[i:j] if s >= prev[0]
                 and y is not None and not compared}
        return years.pop() if len(years) == 1 else None

    def _earlier_sentence_year(self, sent: tuple[int, int]) -> int | None:
        """The year that opens the sentence before, in the same paragraph (2022年,全市受理…。全年
        审结…): the period a reader still holds. Not a year since which, or up to which. Once a
        sentence."""
        got = self._sentence_year_before.get(sent[0], False)
        if got is False:
            got = self._sentence_year_before[sent[0]] = self._year_opening_sentence_before(sent)
        return got

    def _year_opening_sentence_before(self, sent: tuple[int, int]) -> int | None:
        k = self.sentence_index(sent[0])
        if k == 0 or not self.paras:
            return None
        prev = self.sents[k - 1]
        if prev[0] < self.paras[self.paragraph_index(sent[0])][0]:
            return None
        i = bisect.bisect_left(self.year_ends, prev[0])
        if i < len(self.year_hits):
            e, s, y, rel, compared = self.year_hits[i]
            word = self.year_words.get(s)
            if y is None and word in ("今年", "去年") and s <= prev[0] + 12 and not compared \
                    and not (self.published_on is None and self._titled_annual_report()) \
                    and PERIOD_OPENER.fullmatch(self.m, prev[0], s) \
                    and (word == "今年" or not SPAN_AFTER.match(self.m, e)):
                # 今年以来势头不减。一季度,…; 据介绍,去年…审结6950件。同期,…: the year that word names
                # (今年以来 is this year so far, still this year); not in an undated annual report,
                # whose 去年 / 今年 at a paragraph's head may speak of the report's own year
                return self._year_of_word(word, True)
            if s <= prev[0] + 12 and y is not None and not compared and not SPAN_AFTER.match(self.m, e) \
                    and not CARRIED_OVER.match(self.m, e) and not self.m.startswith(("同期", "度同期"), e) \
                    and not ONE_MONTH_AFTER.match(self.m, e) \
                    and (op := PERIOD_OPENER.fullmatch(self.m, prev[0], s)) \
                    and (not WHOLE_OPENER.search(op.group()) or self._has_figure(prev)) \
                    and not self._other_year_in(prev, y, i):
                return y            # (2023年同期受理98件。: a comparison, no period that goes on)
        return None

    def _other_year_in(self, sent: tuple[int, int], y: int, i: int) -> bool:
        """A clause of the sentence opens with a year other than y (2022年…为98.9%,2021年为94.2%。):
        the sentence compares years, and leaves no period for the next."""
        for e, s, y2, _rel, compared in self.year_hits[i + 1:]:
            if s >= sent[1]:
                break
            if y2 is not None and y2 != y and not compared and not SPAN_AFTER.match(self.m, e) \
                    and not CARRIED_OVER.match(self.m, e) \
                    and ONE_YEAR_CLAUSE.match(self.m, self.clause_of(s, sent)[0], s + 4):
                return True
        return False

    def _year_named_in_paragraph_before(self, s: int) -> bool:
        """A year in digits is named earlier in the paragraph of `s` (2023年…320件。上一年度,…280件:
        the year before that one, not the one before publication)."""
        ps = self.paras[self.paragraph_index(s)][0] if self.paras else 0
        i = bisect.bisect_left(self.year_ends, ps)
        return any(y is not None and st >= ps and st < s for _e, st, y, _rel, _c in self.year_hits[i:])

    def _says_this_year(self) -> bool:
        """The page also says 今年, read as its report's year: its 去年 is then the year before,
        with or without a date (…今年1—6月… 去年全年,全市新收…6912件)."""
        got = self.__dict__.get("_this_year_said")
        if got is None:
            got = self._this_year_said = self.report_year is not None and "今年" in self.m
        return got

    def _time_clause(self, s: int, sent: tuple[int, int]) -> bool:
        """The year word at s is a clause of its own that only sets the time (去年, | 今年以来,):
        with a published date to resolve it, it reaches the rest of its sentence (without one,
        a 去年 counted back from the report's year is too often a year off)."""
        c0, c1 = self.clause_of(s, sent)
        if TIME_CLAUSE.fullmatch(self.m, c0, c1):
            return True
        # …or opens the clause that states the sentence's first figure (…获悉,去年全市新收…1260件,
        # 纠错率提高到13.5%): the period of the whole sentence, as a news reader takes it
        # (or the first after a semicolon: 今年一季度…316件;去年全年新收…1087件,审结1012件)
        # (or opens a clause of words ending in a colon before the sentence's first figures:
        # 会议通报,去年全区法治政府建设成效明显:…受理511件: the time of the list it announces)
        # (…or a report's verb before it, in a clause ending in a colon: 会议通报了去年全旗…情况:全旗共收到…)
        i = bisect.bisect_left(self.qstarts, s)
        opens = CLAUSE_OPENER.fullmatch(self.m, c0, s) is not None
        if not (opens or REPORTED_LEAD.fullmatch(self.m, c0, s)) or i >= len(self.qstarts) or self.qstarts[i] >= sent[1]:
            return False
        first = i == 0 or self.qstarts[i - 1] < sent[0]
        if self.qstarts[i] >= c1:
            return first and self.m[c1:c1 + 1] in (":", "：") and WHOLE_AFTER_TIME.match(self.m, s) is not None
        return opens and (first or "；" in self.m[self.qstarts[i - 1]:s] or ";" in self.m[self.qstarts[i - 1]:s])

    def _titled_annual_report(self) -> bool:
        """The page is an annual report by its kind and says so in its head (…2023年度法治政府
        建设情况的报告, …工作总结): a page of news left with the default kind is not one."""
        head = self.head_text()
        return self.doc_kind == "annual_report" and REPORT_TITLE.search(head) is not None \
            and not ABOUT_A_REPORT.search(head)

    def _year_of_word(self, word: str | None, in_clause: bool, present: bool = False) -> int | None:
        """The year 今年 / 本年度 / 去年 name by themselves: 今年 is the year of publication, except
        in an annual report, which is written as its year closes and says 今年 of the year it
        reports (the page may go up the next spring), unless it speaks from the present (`present`:
        under its heading of next year's plans, 今年1—2月已收到…); 本年度 is the report's year;
        去年 in its own clause is the year before publication, in such an annual report the year
        before the report's. None for words relative to the year spoken of
        (上年, 当年) and for an unknown date. 前年 is the year before 去年's."""
        pub = self.published_on.year if self.published_on else None
        if word == "今年":
            if pub is None or (self._titled_annual_report() and self.report_year is not None and not present):
                return self.report_year if self.report_year is not None else pub
            return pub
        if word in ("本年", "本年度"):
            return self.report_year
        if word == "去年" and in_clause and self._titled_annual_report() and self.report_year is not None \
                and not present:
            return self.report_year - 1   # 去年同期为61件 in a 2022 report published in 2023: 2021
        if word == "去年" and in_clause and pub is not None:
            return pub - 1
        if word == "前年" and in_clause:       # the year before 去年, counted as 去年 is
            back = self._year_of_word("去年", in_clause, present)
            return back - 1 if back is not None else None
        return None


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

