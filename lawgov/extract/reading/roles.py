"""Roles: what a quantity is before which indicator it is: the body's own figure for one
period (level), a change, a comparison base (the earlier period's figure), a subset
(breakdown), another body's figure, a share, a target, a multi-year total, a range.
Only levels and comparison bases can become facts; every other role keeps its reason in
marts.mentions."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from lawgov.extract.mentions import Quantity, search_near
from lawgov.extract.reading.places import in_autonomous_region, levels_named, places_named, region_names, short_place_subject
from lawgov.extract.reading.rules import CTX, LIST_JOIN, LIST_MARK, MASK_CH, SCOPE_RX, SUMMED, TIER_CHARS, YEAR_RX, lead_cues, first_family
from lawgov.extract.reading.state import CASE_FAMILIES, CASES_POINTED_AT, DOCUMENTS_FROM, OWN_BODY
from lawgov.extract.reading.structure import Place
from lawgov.extract.reading.tables import scope_of_label


# a clause that sets the whole the next one speaks within (…案件中, | 在…方面,)
# …or names a group counted on its own (各区县分局被诉案件另计,共88件)
FRAME_END = re.compile(r"(?:中|当中|之中|方面|另计|单独统计|另行统计|单列)\s*[，,]?\s*$")
# a clause opening with one year, not a span or a since (2023年达到, not 2021年以来 / 2021年至)
# an aim before a figure said in words (确保全年无行政败诉案件, 力争实现零败诉)
# …a requirement followed, not set (按照省委依法治省办要求全市…达到100%: the result)
FOLLOWING = re.compile(r"按照|根据|依照|对照|对标|落实|按")
# …and a round figure after 确保…达到 (确保出庭应诉率达到100%; 确保纠错率达到14.8% reports one)
AIM_REACH = re.compile(r"确保(?!了)(?:[^。，,;；\d]|(?:19|20)\d{2}\s*年度?){0,20}?(?:达到|达)\s*")   # (确保2024年出庭率达到100%)
# the agencies of one tier as the party (区级行政机关, 县级部门): all of them on that tier's page
# a tier listed right before a lower tier (省、市县两级政府)
TIER_LISTED_BEFORE = re.compile(r"([省市区县])[、和及与]$")
# a party named as all of the body's own area (省内, 县域内, 辖区内), or as every tier of it
# (以省、市、县、乡四级行政机关为被告)
OWN_AREA = re.compile(r"(?:[省市区县州旗盟]域?内|辖区内?)|.*[两二三四五]级(?:人民)?(?:政府|行政机关)$")
OWN_TIER_AGENCIES = re.compile(r"(省|市|区|县|旗)级(?:各)?(?:人民)?(?:行政机关|政府部门|部门|单位)")
# what may follow 我镇 / 本县 in a party that is the reporting body itself
OWN_GOVERNMENT_REST = re.compile(r"(?:人民)?(?:政府)?")
# the next item of a list of targets (…纠错率达到15%以上、出庭率达到100%; or after a comma)
NEXT_TARGET = re.compile(r"\s*(?:以上|以内|以下|左右)?\s*[、，,](?:(?![我本][省市区县州旗镇乡])[^，,;；。\d]){0,16}?"
                         r"(?:达到|达|保持在|保持|稳定在|不低于|低于|不高于|不超过|控制在)\s*")
# between two steps of a movement (…7.2%,再下降到5.3%)
MOVES_ON = re.compile(r"\s*[,，、]?\s*(?:再|又|进一步|继续|后)?(?:下降|降低|降|上升|提高|提升|升|增加|增长|减少)(?:了)?(?:至|到)\s*")
AIM_BEFORE = re.compile(r"确保(?!了)|力争|争取|努力实现|力求")
# a year compared with, its figure in brackets right after it (与2021年(45件)相比, 较上年(38件))
# the end of a five-year plan (“十四五”末): the plan's number; it ends in 1955 + 5 × number
PLAN_END = re.compile(r"十([一二三四五六七八九])五")
# a multiple after the figure its base is (…612件的1.67倍, 的两倍)
MULTIPLE_AFTER = re.compile(r"\s*(?:余|多)?\s*(?:件|起|宗|次|人次|人|个|项|份|%)?\s*的\s*(?:[\d.]+|[一二两三四五六七八九十]+(?:点[一二三四五六七八九〇零]+)?)\s*倍")
YEAR_BEFORE_PAREN = re.compile(r"(?:(?:与|较|比|同)\s*(?:(?P<year>(?:19|20)\d{2})\s*年(?:度)?|(?P<prev>去年|上年|上一年|上年度))"
                               r"|(?:(?<=[是为达占])|(?<=[高低多少]于)|(?<![\u4e00-\u9fff]))(?:去年|上年|上一年|上年度)"
                               r"|(?P<yoy>同比)|(?:与|较|比)\s*(?P<prev2>前年))(?:同期)?\s*$")
# (是上年(176件)的1.48倍, 高于上年(12.1%); 同比(45件)增长15.6%: the year before's)
# (or by a word: 改革以来…年均增长23%,去年全市新收…)
ONE_YEAR_OPENING = re.compile(r"\s*(?:其中|在|而|到|至)?\s*(?:(?:19|20)\d{2}\s*年(?:度)?|去年|今年|上一?年度?|本年度?)"
                              r"(?!\s*(?:\d{1,2}\s*月|以来|来|起|至|到|—|–|-|~|底|末|以前|之前|前|以后|之后|后|同期))")
# after a body: it is the source of the news, not the subject (…法院获悉, …中院召开新闻发布会)
SOURCE_AFTER = re.compile(r"[^，,;；。\d]{0,8}?(?:获悉|了解到|得知|召开|举行|发布|通报|公布|介绍|统计)")
# the court a source named, taken up as the subject (据市中级人民法院通报,该院受理…): its own figures
COURT_TAKEN_UP = re.compile(r"[，,]\s*(?:该院|该法院|该中院|该庭)")
# bodies named as the group a ranking places the body in (位居全市基层法院前列, 在全省中院中排名第三)
RANKED_AMONG = re.compile(r"[^，,;；。\d]{0,4}?(?:中)?(?:的)?(?:前列|前茅|首位|之首|第[一二三四五六七八九十\d]+(?:位|名)?|前[一二三四五六七八九十\d]+(?:位|名)?)")
RANKING_BEFORE = re.compile(r"(?:位居|位列|居于|居|名列|排名|排在|跻身|进入|在)[^，,;；。\d]{0,6}$")
# a result reported under a heading of plans (截至目前,今年已收到…37件): done, not intended
ALREADY_DONE = re.compile(r"(?:截至|截止)(?:目前|当前|发稿|\d{1,2}月)[^。；;]{0,30}已|已(?:收到|受理|办结|审结|办理|作出|化解)")
# a year that opens a clause before its subject (2022年全国各级…)
YEAR_OPENING = re.compile(r"^\s*(?:19|20)\d{2}\s*年(?:度)?")
# the reason of a figure in brackets after another (indicators may make it a fact of its own)
ASIDE = "an aside in parentheses after a figure"
# the figure's bracket closes and the next item of a list opens its own (土地征收(19件)、行政处罚(11件)):
# items, each with its count, never the whole
BRACKETED_ITEM_NEXT = re.compile(r"\s*[)）]\s*(?:[、和及与]|等)\s*[\u4e00-\u9fff“”\"]{1,12}\s*[(（]\s*[\d一二三四五六七八九十两]")
# a time word that opens what looks like a place's name (上年度州, 今年全市, 一年来区政府, 目前县政府)
TIME_PREFIX = re.compile(r"(?:上|去|今|本|当|同|前|全)年度?|[一二三四五六七八九十两几多近]+年(?:以)?来|近年|年内|同期|目前|当前|此前|期间")
# an autonomous tier named by itself (自治区人民政府收到…): the page's own region, no other place
BARE_AUTONOMOUS = frozenset({"自治区", "自治州", "自治县", "自治旗"})


@dataclass
class Role:
    kind: str                      # level | change | comparison_base | breakdown | other_body | share | target | cumulative | range
    base_year: int | None = None   # a comparison base's year
    inherit_from: int | None = None   # the quantity whose indicator a bare figure takes
    reason: str | None = None


# the change said right after a compared figure (…的4871件增长7.5%, 减少了12件)
CHANGE_WORD = re.compile(r"[^，,;；。\d]{0,4}?(?:(?P<up>增长|增加|上升|提高|提升|上涨|攀升|增)|下降|减少|降低|回落|下滑|减|降)(?:了)?(?:约|近|达)?\s*")

# another body named as the subject of a clause: the clauses after it without a subject of
# their own go on with it
# an average per month or day in the figure's own clause (…,月均8件,审结90件: 8 only; 月均办理…分别为
# 21件和9件: both)
# a paragraph that tells one case as an example: 【典型案例】, 案例一:, 典型案例2.
CASE_STORY = re.compile(r"\s*[【\[(（]?\s*(?:典型|示范|优秀)?案例\s*[一二三四五六七八九十\d]*\s*[】\])）:：.、]")
STORY_OVER = re.compile(r"\s*(?:全年|全[省市区县]|本年度?|今年|一年来|(?:19|20)\d{2}年)")
AVERAGE_LEAD = re.compile(r"(?:月均|日均|平均每月|每月平均|平均每天|每天平均|每(?:十万|万|千|百)(?:人|名|户|常住人口))")
# the page's own cases named as what another court hears (沈阳铁路运输法院开庭审理我市行政案件…)
OUR_CASES = re.compile(r"[我本](?:市|区|县|州|盟|旗)(?:的)?(?:行政)?(?:诉讼)?案件")
# a city named in a page's head (南京市, 大理州)
CITY_NAMED = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:市|州|盟)")
# a zone a government runs (a 示范区, 新区 …): its own body, not a district beside it
ZONE_SUFFIXES = ("示范区", "新区", "开发区", "高新区", "经开区", "管理区", "试验区", "合作区")
# courts of their own kind named by their seat (context.yaml place_subject): on a city's page the
# court its lawsuits are brought to by centralised jurisdiction, its own; on a province's, a part
SPECIAL_COURTS = ("铁路运输", "林区", "海事", "知识产权", "互联网", "金融")
CARRIED_REASONS = ("a lower tier", "a higher tier's government", "a whole of a higher tier", "a named place",
                   "another department's figures",
                   "the region's whole (its government or a system of it) on a department's page")
CARRIED = "its clause goes on with another body"
# a party named as the object of 以 (以县政府为被告的…), not a body as the subject
PARTY_OF = re.compile(r"以[^，,;；。\d]{1,24}?为(?:共同)?(?:被告|被申请人)")
# a count that says it includes another's (11次(含主要负责人)): the whole
INCLUDES_AFTER = re.compile(r"\s*[(（]\s*(?:含|包括)")
# …but not past a semicolon (the items of a list end there), not after the parts of a 其中
# split of the body's own (the parts of another body's split stay its), and not into a clause
# that names its own actor (行政机关负责人出庭应诉率100%)
CARRY_STOP = re.compile(r"[;；]")
# a clause opening on the heads of a tier's government (镇主要负责人出庭应诉3次): that tier's own
OWN_TIER_HEADS = re.compile(r"\s*(?P<tier>[省市区县镇乡旗])(?:人民)?(?:政府)?(?:主要|分管)?(?:负责人|领导)")
# the leadership named right after the principal's own count (局主要负责人出庭应诉3次,班子成员出庭
# 应诉8次): its other members, a part
LEADERSHIP_AFTER_PRINCIPAL = re.compile(r"\s*(?:[局厅委区县市]|[局厅委]领导)?(?:领导)?班子(?:成员)?(?:(?!共)[^，,;；。\d]){0,4}出庭")
PRINCIPAL_COUNT_BEFORE = re.compile(r"(?:主要负责人|主要领导|正职|一把手)[^，,;；。\d]{0,8}出庭[^，,;；。\d]{0,4}\d+\s*[次件]\s*[，,、]\s*$")
# a clause between that opens on the page's own body (…18万条,我市积极推进政务公开,全年主动公开…)
OWN_CLAUSE_BETWEEN = re.compile(r"[，,]\s*[我本](?:省|市|区|县|州|旗|盟|镇|乡|街道|局|委|厅)")
# a clause opening on the agencies with no place or tier of their own (行政机关负责人出庭应诉率…)
BARE_AGENCIES = re.compile(r"\s*(?:同时|另外|此外)?\s*行政机关")
CARRY_STOP_SUBJECT = re.compile(r"\s*(?:全年|同时|另外|此外)?\s*(?:各级)?(?:行政机关|政府|部门)|\s*(?:" + SUMMED.pattern + "|总体|整体|综合)"
                                r"|\s*(?:[我本](?:局|厅|委|办)|[局厅委](?:[(（][□局厅委办][)）])?(?:机关|本级))")
# (厅机关…88人: the department itself; 厅(局)机关 with its other name in brackets)
# what a report's title line says it is
REPORT_TITLE_WORD = re.compile(r"报告|总结|情况|年报")
# a named place said to rank first or last, with no figure (东坡区是全市案件量最大的区, 南湖县收案最多)
PLACE_RANKED = re.compile(r"\s*(?![全各本我该])(?P<name>[\u4e00-\u9fff]{1,6}?(?:新区|区|县|市|旗|镇|乡|街道))(?:是|为|作为)?"
                          r"[^，,;；。\d]{0,14}?(?:最多|最大|最高|最少|最低|最小|居首|首位|前列)")
# the subsets a later clause without a subject of its own goes on with (以公安机关为被告的案件42件,
# 败诉3件): the cases of one kind of party or of one field, not a kind of case or a channel (网上申请8件,审结…) nor a
# part of the same measure (其中受理87件)
SUBSET_REASONS = ("the cases of one kind of party", "the cases of one party or matter", "此类案件: the cases of one kind",
                  "the cases of one field",
                  "one department's figures",
                  "its clause goes on with a subset")
CARRIED_SUBSET = "its clause goes on with a subset"
# the words that give each of a list of years its own figure (分别, 依次, 各, 均)
EACH_YEAR = re.compile(r"分别|依次|各|均|每年")
# …and a field's cases (涉企行政诉讼案件61件,败诉3件: the firms' cases lost)
FIELD_SUBSET = re.compile(r"涉企|涉及企业|涉外|民生领域|重点领域")
# two tiers, the page's own among them, whose figures follow one by one (市、县两级…分别收到412件、1118件)
TIERS_EACH = re.compile(r"[省市县区乡镇]、?[省市县区乡镇](?:两级|本级)[^，,;；。\d]{0,16}分别")
# …named right after the count (67件涉企行政复议案件, 67件属涉企案件, 27件涉及征地拆迁的案件), or
# after the count's case noun (37件行政复议案件涉及企业)
FIELD_AFTER = re.compile(r"\s*(?:属于|属|为|系|是)?(?P<field>涉企|涉及企业|涉外|涉民生"
                         r"|涉及(?![省市区县州旗盟镇乡](?:人民)?政府|[省市区县州旗盟]直|本级|[我本])[^，,;；。\d的]{2,8}的)"
                         r"(?:行政)?(?:复议|诉讼|应诉)?(?:案件|申请)"
                         r"|\s*(?:行政)?(?:复议|诉讼|应诉)?(?:案件|申请)(?:均|都)?(?:属于|属|为|系|是)?(?P<field_after>涉企|涉及(?:民营|国有|中小|外资|外商投资)?企业|涉外|涉民生)")
PLACE_CHARS = frozenset("县区市镇乡旗道")
# what a department's name ends with (局, 系统, 委, 机关): a clause without one opens with none
DEPARTMENT_CHARS = frozenset("局统委关")
# a clause that ends by naming a place as what it is about (…最多的是金川区, | …为南湖县,)
LABEL_PLACE = re.compile(r"\s*" + LIST_MARK + r"?\s*(?P<name>(?:(?![的在到赴与和及对向从了是为])[\u4e00-\u9fff]){1,6}(?:自治县|新区|街道|县|区|市|镇|乡|旗))\s*")
PLACE_ENDING = re.compile(r"(?:是|为|有)(?P<name>(?:(?![的在到赴与和及对向从了是为])[\u4e00-\u9fff]){1,5}(?:自治县|新区|街道|县|区|市|镇|乡|旗))[，,]?\s*$")
# a clause opening with 该县 / 该区 (that place), and a place's name before it
# all the government's agencies as a clause's subject (全市行政机关一审败诉率为9.3%): on a
# department's own page, the whole it belongs to, not the department
GOVERNMENT_WHOLE = re.compile(r"\s*(?:同期|同时|而|另外|此外)?[,，]?\s*(?:(?:19|20)\d{2}年度?|去年|全年|上年)?[,，]?\s*"
                              r"(?P<whole>全[省市区县州旗盟](?:\s*(?:19|20)\d{2}\s*年度?|本年度|全年|今年|去年)?(?:各级)?(?:行政机关|[省市区县州旗盟]?(?:人民)?政府)"
                              r"|全[省市区县州旗盟](?:持证)?[^，,;；。\d]{0,8}?执法(?:人员|主体|机构))")
# a figure that a goal or a task names (出庭应诉率达到95%的目标…,全省实际达到98.7%): the bar, not the
# level, when the sentence gives the result after it (实现了100%的目标 alone is the result)
GOAL_AFTER_FIGURE = re.compile(r"\s*(?:以上|以下|左右)?的(?:目标|任务|要求|标准)")
# words that open a phrase, not a place's one-character name before its tier (据市, 经县, 由区)
FUNCTION_CHARS = set("据经由在向对从于把被给按依为与及将自")
# one kind of agency as the party said in the passive (公安机关被诉案件19件, 市场监管部门被申请复议…)
ONE_PARTY_PASSIVE = re.compile(r"(?:^|(?<=[，,;；。其中、]))\s*(?:全年|年内|今年|去年|同期)?\s*"
                               r"(?P<party>(?![本我该全各])[^，,;；。\d以为被]{2,20}?(?:机关|部门|局|委员会|单位|中心|所|队))"
                               r"(?:全年)?被(?:诉|起诉|提起(?:行政)?诉讼|申请(?:行政)?复议)")
# a committee named by its zone (园区管委会, 经济开发区管理委员会): the zone's words before it
COMMITTEE_OF = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:管理委员会|管委会)(?:本级)?")
# a development zone's committee by its name (…经济开发区管理委员会, …工业园区管委会)
ZONE_BODY = re.compile(r"(?:开发区|园区|新区|高新区|示范区|试验区|管理区)(?:管理委员会|管委会)?$")
# bases compared with item by item (分别较上年的207件、189件; 上年同期分别为167件、155件)
RESPECTIVE_BASE = re.compile(r"分别(?:较|比|同比|与|为|是)")
# a clause that is only a docket's name before its figure (,行政复议案件14件): a list's next item
BARE_DOCKET_LEAD = re.compile(r"\s*(?:行政)?(?:复议|诉讼|应诉)(?:案件)?(?:共|有|为)?\s*")
# the reporting government by its own level (本级政府, 县本级, 市政府本级)
OWN_LEVEL_GOVERNMENT = re.compile(r"(?:(?P<tier>[省市区县旗州盟])?本级(?:人民)?(?:政府)?|(?P<tier2>[省市区县旗州盟])(?:人民)?政府本级)")
# what turned out, against a plan or forecast before it (…预计…,实际全年收到…)
ACTUALLY = re.compile(r"[,，;；]\s*实际")
# a year of its own named under a span (…由2019年的14.2%下降到2021年的5.3%): the figure is that year's
YEAR_OF_ITS_OWN = re.compile(r"(?:19|20)\d{2}\s*年|今年|全年|当年|本年|年内")
# the level a movement reaches, right before its figure (下降至, 提高到)
TO_LEVEL_END = re.compile(r"(?:下降|减少|降低|增加|增长|上升|提高|提升|降|升)(?:了)?(?:至|到)(?:(?:19|20)\d{2}\s*年(?:度)?(?:的)?)?\s*$")
# a rate kept through a span (三年来…保持在98%以上, 均达到, 始终): every year's, not the span's alone
SPAN_KEPT = re.compile(r"保持|均|始终|一直|持续|连续|每年|逐年|稳定")
# a bureau's lower units, each of them, sued or applied against (各分局被诉案件9件, 各所被申请复议):
# on a bureau's page, a part of its system's cases, not the bureau's own
LOWER_UNITS_SUED = re.compile(r"(?:^|(?<=[，,;；。其中、]))\s*(?P<units>各(?:直属|下属|基层)?(?:分局|派出所|所|站|大队|中队|支队|执法队|基层单位|下属单位))"
                              r"(?:全年|共|累计|共计)?被(?:诉|起诉|提起(?:行政)?诉讼|申请(?:行政)?复议)")
# the region's government opening a clause as its subject (区政府负责人出庭应诉率95.5%): on a
# department's page, the government's figure, not the department's (not as the reviewer of the
# department's own cases: 市政府作为复议机关受理的以我局为被申请人的…)
REGION_GOVERNMENT_OPENING = re.compile(r"\s*(?:其中)?[,，:：]?\s*(?:(?:19|20)\d{2}年度?|全年|去年|同期|本年度)?[,，]?\s*(?:全[省市区县州旗盟])?\s*以?"
                                       r"(?P<whole>[省市区县州旗盟](?:人民)?政府)(?!办|组成|工作部门|部门|各|所属|直属)"
                                       r"(?!作为(?:行政)?复议机关|[^，,;；。\d]{0,4}(?:受理|审理|办理)的)")
# the region's whole acting (全区全年共办理…, 全市公安机关共受理…, 全省生态环境系统下达…, 全省14个设区市和
# 县级自然资源部门共收到…, 全省各级市场监管部门共被提起…, 据某市司法局统计,全市共收到…): on a bureau's page
# other than the justice bureau's (which speaks for the government's review and lawsuits), the
# government's figure quoted for context
REGION_WHOLE_ACTING = re.compile(r"\s*(?:同期|同时|此外|另外|而)?[,，]?\s*(?:据[^，,;；。\d]{2,20}(?:统计|通报)[,，]?\s*)?(?:(?:19|20)\d{2}年度?|去年|全年)?[,，]?\s*"
                                 r"(?P<whole>全[省市区县州旗盟])(?:\s*(?:19|20)\d{2}\s*年度?)?(?:各级)?"
                                 r"(?:(?:\d{1,3}个)?[^，,;；。\d]{0,12}?(?:机关|系统|部门))?(?:\s*(?:19|20)\d{2}\s*年度?)?(?:全年)?(?:共|累计|共计)?"
                                 r"(?:办理|受理|收到|新收|发生|审结|办结|接收|下达|作出|查处|查办|审查|审核|立案|开展|举办|组织|评查|有|被提起|被诉|被起诉|(?:行政)?(?:复议|诉讼|应诉)"
                                 r"|(?:作)?为(?:共同)?被(?:告|申请人))")
JUSTICE_BUREAU = re.compile(r"司法局|司法厅|法制办|司法行政")
# a sentence opening on another body's statistics (据长沙市公安局通报, 据市司法局统计)
QUOTED_SOURCE = re.compile(r"\s*(?:另|此外|同时)?[,，]?\s*(?:根)?据(?![我本])(?P<source>[^，,;；。\d]{1,16}?(?:局|厅|院|办|委|政府|中心))"
                           r"(?:的)?(?:统计|通报|数据|公布|发布)")
# a whole named after the page's own body in a quoted sentence (…我局…,全区共…): the whole's again
WHOLE_AFTER_OWN = re.compile(r"全[省市区县州旗盟]|各级|[省市区县]政府|[省市区县]直")
PREFECTURE_SUFFIXES = ("州", "地区", "盟")
THAT_PLACE = re.compile(r"\s*(?:其中|同时|而)?[,，]?\s*(?:(?:19|20)\d{2}\s*年度?\s*[,，]?\s*|去年|今年|全年|上年)?"
                        r"该(?P<tier>县|区|市|镇|乡|旗|街道)(?!级|委|政府工作)")
# the names 该县 and the like stand for, by their last word (该县 an autonomous county or a banner too)
THAT_TIERS = {"县": ("县", "旗"), "旗": ("旗", "县"), "区": ("区",), "市": ("市",), "镇": ("镇",), "乡": ("乡",),
              "街道": ("街道",)}
# …and 该院 after a place's court (某区人民法院介绍…,该院…)
THAT_COURT = re.compile(r"\s*(?:其中|同时|而)?[,，]?\s*该院")
PLACE_COURT = re.compile(r"(?P<name>(?:(?![的在到赴与和及对向从了为是将把被据])[\u4e00-\u9fff]){1,5}(?:自治县|新区|县|区|市|旗))(?:人民)?法院")
# (not a word of a tier's character: 为区域经济, 市场, 市民)
PLACE_NAME = re.compile(r"(?:(?![的在到赴与和及对向从了为是将把被])[\u4e00-\u9fff]){1,5}(?:自治县|新区|街道|县|区|市|镇|乡|旗)"
                        r"(?![委长级直域场民])")
# a place named right before a parenthesis (河东区(412件)): the figure inside is the place's
PLACE_BEFORE_PAREN = re.compile(r"(?P<name>(?:(?![的是为和与及在占全])[\u4e00-\u9fff]){1,6}(?:自治县|新区|街道|区|县|市|镇|乡|旗))$"
                                r"|(?P<short>(?:(?![的是为和与及在占])[\u4e00-\u9fff]){2,6})全[省市区县州]$")
# places by a collective word right before a parenthesis of their figures (与浙江、江苏等先进省份
# (纠错率分别为15.3%、14.8%)相比)
PLACES_BEFORE_PAREN = re.compile(r"(?:省份|省区市|兄弟城市|城市|地市|县区|区县|县市区|兄弟县市)$")
# an aside right after a figure saying it counts other places' too (436件(含其他县区案件)): a
# court's or a centre's docket, not the body's own
OTHERS_INCLUDED = re.compile(r"\s*[(（](?:含|包括|包含)[^)）]{0,6}(?:其他|外地|异地|外县|外区|外市|周边|邻近)")
# a whole named as what a figure is compared with or ranked in (高于全市平均水平, 低于全省,
# 居全省前列): not the subject of
# the clauses after it
SHARE_OF = re.compile(r"占[^，,;；。\d]{0,6}$")
COMPARED_OBJECT = re.compile(r"(?:高于|低于|优于|好于|超过|超出|不及|少于|多于|居|位居|位列|排名|排在|名列)$")
CLAUSE_END = re.compile(r"[，,;；]")
# a higher whole that only frames a rank or an award (全省法治政府建设示范县, 在全省…考核中位列第一),
# or a first in it (在全市率先实现…)
STANDING_IN_WHOLE = re.compile(r"[^，,;；。\d]{0,20}?(?:示范|先进|优秀|标杆|典型|称号|排名|排位|位列|位居|最多|最少|最高|最低|最大|之首|居首|"
                               r"第[一二三四五六七八九十\d]+名?|前列|前茅)|(?:范围内)?(?:率先|首创|首个|首家|首批)")
# a higher whole that frames an assessment of the page's body (在全市依法行政考核中,区政府…;
# 在全省…考评中,纠错率…): the figures after it are the body's own, measured in that whole
ASSESSMENT_FRAME = re.compile(r"[^，,;；。\d]{0,20}?(?:考核|考评|评估|测评|评议|评价|评比|检查|督查|督察)(?:工作)?中")


# the autonomous region as the source of a figure (据自治区司法厅通报, 自治区…数据显示, 全区(自治区))
REGION_SOURCE = re.compile(r"据自治区|自治区[^，,;；。]{0,10}(?:通报|数据显示|统计|显示|公布|发布)|全区\(自治区\)")


# the tier of a reporting body's level (a department speaks for no tier of its own)
LEVEL_TIER = {"province": 1, "city": 2, "district": 3, "county": 3, "township": 4}


# a named place's whole (平顶山全市, 江苏全省): the place's stem before 全 and its tier
NAMED_WHOLE = re.compile(r"([\u4e00-\u9fff]{2,6}?)全[省市区县州盟旗]")


def named_whole_stem(name: str) -> str | None:
    """The place whose whole a name is (平顶山 of 平顶山全市): a province's, city's, county's or
    district's name without its tier word, before 全 and a tier; None for any other name."""
    whole = NAMED_WHOLE.fullmatch(name)
    if whole is None:
        return None
    stem, names = whole.group(1), region_names()
    return stem if any(stem + tier in names for tier in ("市", "省", "县", "区", "州", "盟", "旗", "自治区", "自治州")) else None


def generic_place(name: str) -> bool:
    """The name ends in a generic word (辖区, 城市, 城区, 乡镇) and does not end in a real place's
    full name (海城市, 东城区, 其中上城区 do); a community named (东苑社区) is a place, 社区 alone is not."""
    if name.endswith("社区") and len(name) >= 4 and not any(w in name for w in "全本我该各每"):
        return False
    names, words = region_names(), CTX["words_also_places"]
    return (name[-2:] in CTX["generic_places"] or name[-3:] in CTX["generic_places"]) \
        and not any(name[i:] in names and name[i:] not in words for i in range(len(name) - 2))


GUIDED_BODY = re.compile(r"\s*(?:另|还|并)?(?:指导|协助|督促|帮助)(?P<name>[\u4e00-\u9fff]{2,6}?(?:市|县|区|旗))"
                         r"[\u4e00-\u9fff]{2,10}?(?:局|委|办)(?:办理|应诉|处理|参加)")
SPACED_SIGN = re.compile(r"[\s\u3000|]+[+＋\-－−]\s?")
INSTRUMENT = re.compile(r"依托|通过|借助|利用|依靠|在|经|由")
# the words that set a bar a count of bodies passed (均超过, 达到, 不足)
BAR_BEFORE = re.compile(r"(?:均|都)?(?:超过|超|逾|达到|不足|低于|高于|在)\s*$")

# the figure a change starts from, of no stated year (由原来的5628项精简为…)
FROM_FORMER = re.compile(r"(?:由|从)(?:原来|原先|以前|过去|改革前|清理前)(?:的)?\s*$")
# a field word that qualifies an act rather than cases (涉企行政检查, 涉企服务)
FIELD_OF_AN_ACT = re.compile(r"(?:行政)?(?:执法)?(?:检查|服务|政策|收费|宣传|培训|走访|调研|帮扶|指导)")
# a line opening with a place's name and a gap before a figure (郑州市 5,126件 纠错率15.3%)
LINE_PLACE = re.compile(r"[ \t\u3000]*(?:\d{1,2}[.、．]\s*)?(?P<name>[\u4e00-\u9fff]{2,8}?(?:市|县|区|旗|州|盟|镇|乡|街道))[ \t\u3000]*(?=\d)")
# a lead that gives each of a list its figure (分别受理, 分别为)
RESPECTIVELY_LEAD = re.compile(r"\s*(?:依次|各自)?分别")
# a line naming a whole alone (全市, 我区:), an infographic's block header
WHOLE_LINE = re.compile(r"[■●◆▍▌|【\[]?\s*(?P<who>全|我|本)(?P<tier>省|市|区|县|州|旗|盟|镇|乡)(?:范围|层面)?\s*[】\]]?\s*[:：]?")
# a figure said of each of a list of people or bodies (局长、副局长各出庭应诉1次; not of kinds
# of things: 意见书、建议书各4份 is each kind's count)
EACH_OF = re.compile(r"[\u4e00-\u9fff]{1,8}、[\u4e00-\u9fff]{0,7}(?:长|主任|书记|负责人|领导|政府|部门|局|委|办|单位|镇|乡|街道|区|县|市|院|所)"
                     r"(?:等[\u4e00-\u9fff]{0,4})?各(?!级|类|项|部门|单位|乡镇|镇街|县|区|市)"
                     r"[^，,;；。\d]{0,14}$")

# a government named as the one that reviews (由某市人民政府审理, 经某省政府复议) and the outcomes
# of a review (维持, 驳回, 撤销 …)
REVIEWED_BY = re.compile(r"(?:由|经)(?P<name>[\u4e00-\u9fff]{2,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗))(?:人民)?政府"
                         r"(?:依法)?(?:审理|复议|办理|审结|办结|作出)")
# a government named by its tier alone as the one that reviewed (经市政府审理, 由县人民政府复议)
REVIEWED_BY_TIER = re.compile(r"(?:由|经)(?P<tier>[省市州县区])(?:人民)?政府(?:依法)?(?:审理|复议|办理|审结|办结|作出)")
# …or by its role alone (经复议机关审理): on a bureau's or a township's page, another body
REVIEWED_BY_ROLE = re.compile(r"(?:由|经)(?:行政)?复议机关(?:依法)?(?:审理|复议|审查|审结|办结|作出)")
OUTCOME_OPENING = re.compile(r"\s*(?:经审理|其中|目前|现)?[,，]?\s*(?:已)?(?:全部|均)?(?:维持|驳回|撤销|变更|确认违法|责令|终止|纠错|纠正|调解|和解|审结|办结)")
OUTCOME_WORD = re.compile(r"维持|驳回|撤销|变更|确认违法|责令|终止|纠错|纠正|调解|和解|审结|办结")

NAMED_TIERS = re.compile(r"国务院|省级|市级|县级|乡级|地市级|设区的?市")
# a government that corrected the page's body's acts on review (被市人民政府和市直有关部门复议撤销)
CORRECTED_BY = re.compile(r"被(?:依法)?(?P<who>[\u4e00-\u9fff]{1,10}?)(?:人民)?政府(?:[和及与、][^，,;；。\d]{0,12}?)?"
                          r"(?:依法)?(?:复议)?(?:决定)?(?:撤销|确认违法|变更|纠错|纠正)[^，,;；。\d]{0,12}$")
# the place that opens a party of 以X为被告 (罗庄区行政机关, 某县人民政府及其部门)
PARTY_PLACE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,6}?(?:自治县|自治州|新区|区|县|旗|市|州|盟|镇|乡|街道))"
                         r"(?=行政机关|人民政府|政府|各?部门|所属|及其)")

def _short_name_of(party: str, title: str) -> bool:
    """The party is a department of the title by its short name, of the same tier: 市市场监管局
    in 上海市市场监督管理局, 区人社局 in 某区人力资源和社会保障局 (a short name keeps the full
    name's characters in order, from its first to its last)."""
    tier, name = (party[0], party[1:]) if party[:1] in "省市区县" else ("", party)
    if len(name) < 3 or not name.endswith(("局", "委", "厅", "办")):
        return False
    at = title.find(name[0])
    while at >= 0:
        if not tier or title[at - 1:at] == tier:
            end = title.find(name[-1], at + 1, at + 16)
            if end > 0 and _in_order(name, title[at:end + 1]) and not BRANCH_AFTER.match(title, end + 1):
                return True
        at = title.find(name[0], at + 1)
    return False


# the names of the places above a body, as its full name opens with them (河南省洛阳市, 宁都县)
PARENTS_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗)){1,3}")


def _named_in(stem: str, text: str, own: str) -> bool:
    """The stem is named in text other than as the tail of the page's own name (澧 of 澧县 is
    not named by 临澧县; 深圳 is by 深圳市, 示范 by 济源示范区)."""
    tails = [(j, j + len(own)) for j in _occurrences(own, text)]
    return any(not any(j < at < e for j, e in tails) for at in _occurrences(stem, text))


def _occurrences(word: str, text: str):
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def _contraction_at(core: str, own: str) -> int | None:
    """Where `own` names a body whose short name is `core` (人社局 of 人力资源和社会保障局, 住建委
    of 住房和城乡建设委员会): the first character found, the others after it in order within the
    name, its last (局, 委, 厅) closing it. None when no such name is in `own`."""
    at = own.find(core[0])
    while at >= 0:
        name = DEPARTMENT_NAME.match(own, at)
        full = name.group().removesuffix("员会") if name is not None else ""
        if full.endswith(core[-1]) and _in_order(core, full):
            return at
        at = own.find(core[0], at + 1)
    return None


# a department's full name from its first character: up to the first 局 / 委员会 / 厅 (20 at most), within
# the department's words (not from inside its place's name: the 林 of 桂林市农业农村局)
DEPARTMENT_NAME = re.compile(r"(?:市场|[^\s，,。；;、省市县区州旗]){1,18}?(?:局|委员会|委|厅|办公室|办)")


def _in_order(short: str, full: str) -> bool:
    """Every character of short appears in full, in order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


class Roles:
    """The role of each quantity; mixed into `Analysis`."""

    def _role(self, idx: int, q: Quantity, at: Place, done: list) -> Role:
        m = self.m
        sent, clause, paren, lead, prev_idx = at.sent, at.clause, at.paren, at.lead, at.prev_idx
        unit = q.unit
        kind = "level"
        base_year = None
        inherit_from = None
        reason = None
        if q.unit_kind == "change":
            return Role("change", reason="a change (个百分点)")
        ls = at.lead_start
        if self.search_slice(CTX["change"], lead, ls) and not self.search_slice(CTX["not_change"], lead, ls):
            return Role("change", reason="a change word before it")
        if prev_idx is not None and done[prev_idx].kind == "change" and CTX["joined"].fullmatch(lead):
            return Role("change", reason="joined to a change before it")
        if prev_idx is not None and SPACED_SIGN.fullmatch(lead):
            return Role("change", reason="a signed figure after another of its row (67件 - 11件)")
        if FROM_FORMER.search(lead):
            return Role("change", reason="the earlier figure a change starts from (由原来的…), of no stated year")

        if paren is not None:
            pb = self.search_slice(CTX["paren_base"], m[paren[0]:q.head], paren[0])
            if pb is None and m[paren[0] + 1:q.head].strip() == "":
                pb = YEAR_BEFORE_PAREN.search(m, max(0, paren[0] - 16), paren[0])   # 与2021年(45件)相比
            if pb:
                kind = "comparison_base"
                reason = "the figure compared with"
                base_year = int(pb.group("year")) if pb.group("year") else None
                for j in range(idx - 1, -1, -1):
                    if self.qs[j].start < paren[0] and done[j].kind != "change" \
                            and self.paren_of(self.qs[j].start) is None:   # (not an aside's: (其中涉企6件))
                        inherit_from = j
                        break
                if base_year is None:      # (上年84件): the year before that of the figure it follows
                    ref = done[inherit_from].year if inherit_from is not None else self.report_year
                    back = 2 if pb.groupdict().get("prev2") else 1      # 较前年(118件): two years back
                    base_year = ref - back if ref is not None else None
                    if base_year is None:
                        kind = "level"
                if inherit_from is not None and done[inherit_from].kind in ("other_body", "breakdown"):
                    kind = done[inherit_from].kind   # the earlier figure of another body is another body's
                    reason = "the earlier figure of a subset or another body"
        if kind == "level" and idx - 1 in self._base_list and LIST_JOIN.fullmatch(m, self.qs[idx - 1].tail, q.head):
            paired, k, base_year = self._base_list[idx - 1]
            if k + 1 < len(paired):        # (…分别较上年的207件、189件: the next base, of the next figure)
                kind, reason, inherit_from = "comparison_base", "the figure compared with", paired[k + 1]
                self._base_list[idx] = (paired, k + 1, base_year)
        if kind == "level":
            for rx in CTX["comparison_base"]:
                cb = self.search_slice(rx, lead, ls)
                if cb and (own := cb.groupdict().get("own")) and own[:2] in ("19", "20") \
                        and self.report_year is not None and int(own[:4]) >= self.report_year:
                    continue       # …一审应诉案件,2017年为143件 in a 2017 report: the year's own level
                if cb and cb.groupdict().get("times") is not None and not MULTIPLE_AFTER.match(m, q.tail):
                    continue       # (为2019年的 with no 的N倍 after the figure: no multiple's base)
                if cb and cb.groupdict().get("listed") is not None \
                        and not (idx > 0 and done[idx - 1].kind == "comparison_base" and self.qs[idx - 1].start >= sent[0]):
                    continue       # (、2022年的 after no base: a list of years' own levels)
                if cb:
                    kind = "comparison_base"
                    reason = "the figure compared with"
                    y = cb.groupdict().get("year")
                    # (上一年度 of an earlier clause is no step back for this one: 78件,…98.2%,上一年度为93.5%)
                    cur = self.year_at(q.start, sent, paren, clause[0])
                    if cb.groupdict().get("own"):
                        y = str(cur) if cur is not None else None   # 上年为98件: the year read there
                    elif y is None:
                        # 与2019年相比,…由48件下降至36件: the year compared with, else the year before
                        y = self._compared_year(sent[0], q.start)
                    if y and y[:2] in ("19", "20"):
                        base_year = int(y[:4])
                    elif y == "前年":  # (比前年的260件: the year before 去年, counted as 去年 is)
                        base_year = self._year_of_word("前年", True)
                        if base_year is None and cur is not None:
                            base_year = cur - 2
                    else:
                        base_year = cur - 1 if cur is not None else None
                    for j in range(idx - 1, max(-1, idx - 21), -1):
                        if self.qs[j].start < sent[0]:
                            break
                        if done[j].kind == "level" and done[j].indicator:
                            inherit_from = j
                            break
                    if inherit_from is not None:
                        inherit_from = self._compared_by_change(idx, q, sent, done, inherit_from)
                    if cb.groupdict().get("listed") is not None and done[idx - 1].indicator:
                        inherit_from = idx - 1     # (the list's next base measures what the first did)
                    if RESPECTIVE_BASE.search(lead) and (paired := self._levels_paired(idx, sent, done)):
                        inherit_from = paired[0]   # 收到264件、受理241件,分别较上年的207件、189件: item by item
                        self._base_list[idx] = (paired, 0, base_year)
                    if y is None and self._last_hit("cumulative", sent[0], q.head) is not None:
                        kind, reason = "cumulative", "where a movement over several years began (过去三年…从9.6%下降到…)"
                    break

        if kind == "level" and idx > 0 and self.qs[idx - 1].start >= sent[0] and done[idx - 1].kind == "target" \
                and NEXT_TARGET.fullmatch(m, self.qs[idx - 1].tail, q.start) and q.value == int(q.value):
            kind, reason = "target", "the next item of a list of targets (…达到15%以上、出庭率达到100%)"
        if kind == "level" and self._moves_on(idx, q, sent) and CTX["to_level"].fullmatch(lead) \
                and self._last_hit("cumulative", sent[0], q.head) is not None:
            kind, reason = "cumulative", "a step of a movement over several years (…下降到7.2%,再下降到5.3%)"
        if kind == "level":
            nl = self._not_level_before(sent[0], q.head)
            if nl == "cumulative" and unit == "%" and not self._rate_over_years(sent, q) \
                    and not self._rate_of_the_span(sent, q):
                nl = None                  # 三年来出庭应诉率保持100%: so it is this year too
            if nl == "cumulative" and self.search_slice(CTX["reached_by"], lead, ls):
                nl = None                  # 2015年—2019年,…持续增长,至2019年已达2561件: that year's level
            if nl == "month" and unit == "%":
                nl = None                  # 10月出庭应诉率达到100%: a rate that month is the rate
            if nl == "target" and "实际" in m[clause[0]:q.head]:
                nl = None                  # 考核目标为…不低于90%,我区实际出庭应诉率为96.7%: the result
            elif nl == "target" and (aim := self._last_hit("target", sent[0], q.head)) is not None \
                    and ACTUALLY.search(m, aim.end(), clause[0]):
                nl = None                  # 年初预计全年…将有所增加,实际全年收到112件,受理105件: the result
            if nl == "target" and self._plan_ended(sent[0], q.head):
                nl = None                  # “十三五”末,出庭应诉率达到100% in a 2020 report: the end has come
            if nl is None and unit == "%" and self._rate_over_years(sent, q):
                nl = "cumulative"          # 年均纠错率15%, 连续五年保持在98%以上
            if nl is None and unit != "%" and self._counted_over_listed_years(sent, q):
                nl = "cumulative"          # 2022年、2023年共受理…113件: both years' total
            if nl == "cumulative" and (self._own_year_clause(clause, q.head)
                                       or self._own_year_since_span(sent, clause, q.head)):
                nl = None                  # 2019至2023年…年均95%以上,2023年达到100%: that year's level
            if nl is not None:
                kind = nl                  # a target, a total of several years, one month: no fact
                reason = {"target": "a target or plan", "month": "a figure of one month",
                          "cumulative": "a total or average over several years (以来, 近N年, 年均, 十三五)"}[nl]
            elif (tc := self.search_in(CTX["target_clause"], max(clause[0], q.head - 40), min(clause[1], q.tail + 16))) \
                    and tc.start() < q.head and not (tc.group().startswith("要求")
                                                     and FOLLOWING.search(self.m, clause[0], tc.start())):
                kind, reason = "target", "a bar the figure is held to (应保持在, 确保…不低于)"
            elif q.value == int(q.value) and (ar := AIM_REACH.search(self.m, max(clause[0], q.head - 40), q.head)) \
                    and ar.end() == q.head and self._aim_ahead(ar.group()):
                kind, reason = "target", "a round figure to be reached (确保…达到100%)"
            elif GOAL_AFTER_FIGURE.match(m, q.tail) and any(
                    self.qs[j].unit == unit for j in range(idx + 1, len(self.qs)) if self.qs[j].start < sent[1]):
                kind, reason = "target", "the figure a goal names (…达到95%的目标如期实现)"
            elif self.plan_heading(q.start) and not ALREADY_DONE.search(m, max(sent[0], q.head - 60), q.head):
                kind, reason = "target", f"under a heading of plans ({self.plan_heading(q.start)[:20]})"
            elif self._in_range(q.start):
                kind = "range"             # 在5%至18%之间: a spread across bodies
                reason = "a range across bodies"
        if kind == "level" and prev_idx is not None and done[prev_idx].kind == "comparison_base" \
                and inherit_from is None and CTX["to_level"].fullmatch(lead):
            inherit_from = prev_idx        # 由48件下降至36件: 36 is the level of what 48 was
        if kind == "level" and (q.start >= self.related_reading_start() or self.in_link_line(q.start)):
            kind, reason = "other_body", "in the links to other articles (相关阅读)"
        if kind == "level" and self.t.startswith(("(", "（"), q.tail) and OTHERS_INCLUDED.match(self.t, q.tail):
            kind, reason = "other_body", "it counts other places' cases too (含其他县区案件)"
        if kind == "level" and self._in_case_story(q.start):
            kind, reason = "other_body", "the details of one case told as an example (典型案例)"
        if kind == "level" and AVERAGE_LEAD.search(m, clause[0], q.head):
            kind, reason = "cumulative", "an average per month or day (月均, 日均) or per head (每万人), not the year's count"
        if kind == "level" and LEADERSHIP_AFTER_PRINCIPAL.match(m, clause[0], q.head) \
                and PRINCIPAL_COUNT_BEFORE.search(m, sent[0], clause[0]) and not INCLUDES_AFTER.match(self.t, q.tail):
            kind, reason = "breakdown", "the leadership's other members, after the principal's own count"
        if kind == "level":
            if bd := self.search_slice(CTX["breakdown"], lead, ls):
                kind, reason = "breakdown", "a subset (a kind, field or procedure) before it"
                if bd.group().startswith("涉及"):
                    reason = f"the cases of one party or matter (涉及{bd.group()[2:].split('的')[0]})"
                elif FIELD_SUBSET.fullmatch(bd.group()):
                    reason = f"the cases of one field ({bd.group()})"
            elif field := FIELD_AFTER.match(m, q.tail):
                # 办理67件涉企行政复议案件, 审结案件中有67件属涉企案件: the field named after the count
                kind, reason = "breakdown", f"the cases of one field ({field.group('field') or field.group('field_after')}), named after its count"
            elif field := self._field_of_sentence(sent, q.head):
                kind, reason = "breakdown", f"its sentence is about a field ({field})"
            elif origin := self._last_hit("origin_subset", clause[0], q.head) or (
                    BARE_DOCKET_LEAD.fullmatch(m, clause[0], q.head) and self._last_hit("origin_subset", sent[0], clause[0])):
                kind, reason = "breakdown", f"the cases of one origin ({origin.group()})"
                #                           (…引起的行政诉讼案件21件,行政复议案件14件: the list goes on)
            elif self._kinds_concentrated(sent, q):
                kind, reason = "breakdown", "the count of the kinds its sentence's cases concentrate on (集中在…等类别)"
            elif (example := self.search_in(CTX["example_frame"], sent[0], clause[0])) is not None:
                kind, reason = "breakdown", f"one example's figures ({example.group('name')})"
            elif not DEPARTMENT_CHARS.isdisjoint(m[clause[0]:clause[0] + 16]) \
                    and (dept := self._department_subject(clause, q.head)):
                kind, reason = "breakdown", f"one department's figures ({dept})"
            elif getattr(self, "level", None) == "department" \
                    and (other := self._other_department_subject(clause, q.head)):
                kind, reason = "other_body", f"another department's figures on a department's page ({other})"
            elif getattr(self, "level", None) == "department" and (source := self._quoted_source(sent, q.head)) is not None:
                kind, reason = "other_body", f"figures quoted from another body's statistics on a department's page ({source})"
            elif getattr(self, "level", None) == "department" \
                    and (whole := self._region_whole_on_department(clause, q.head)) is not None:
                kind, reason = "other_body", f"the region's whole (its government or a system of it) on a department's page ({whole.group('whole')})"
            elif self._shared_docket(at.para, sent, q.head):
                kind, reason = "other_body", "a court's docket over several places (集中管辖), not the page's region's alone"
            elif self._national_before(max(clause[0], q.head - 60), q.head) \
                    and self.search_in(CTX["national"], max(clause[0], q.head - 60), q.head):
                kind, reason = "other_body", "the national figure on a local page"
            elif self._national_subject(sent, clause, q.head):
                kind, reason = "other_body", "the national figure on a local page (全国 named before it in its sentence)"
            elif (block := self._whole_line_above(at.para)) is not None:
                kind, reason = "other_body", f"under a line naming a higher tier's whole ({block}), as an infographic's block"
            elif self._higher_whole(sent, q.head):
                kind, reason = "other_body", f"a whole of a higher tier ({self._higher_whole(sent, q.head)}) than the page's own"
            elif self._higher_government(clause, q.head):
                kind, reason = "other_body", f"a higher tier's government or its organs ({self._higher_government(clause, q.head)})"
            elif EACH_OF.search(m, max(clause[0], q.head - 30), q.head):
                kind, reason = "breakdown", "a figure for each of those it names (局长、副局长各1次), not their sum"
            elif (reviewer := self._reviewed_by_another(sent, clause, q.head)) is not None:
                kind, reason = "other_body", f"the decisions of the body that reviewed the page's own cases ({reviewer})"
            elif "被" in m[max(clause[0], q.head - 40):q.head] and (reviewer := self._corrected_by_higher(clause, q.head)):
                kind, reason = "other_body", f"the page's own acts corrected by the body that reviewed them ({reviewer})"
            elif self._lower_level(sent, clause, q.head):
                kind, reason = "other_body", f"a lower tier by its level ({self._lower_level(sent, clause, q.head)})"
            elif self.search_in(CTX["other_body"], max(clause[0], q.head - 60), q.head):
                kind, reason = "other_body", "places listed, ranked or each meeting a bar"
            elif "级" in m[clause[0]:q.head] and TIERS_EACH.search(m, clause[0], q.head):
                kind, reason = "breakdown", "the tiers' figures one by one (市、县两级…分别)"
            elif clause[0] > sent[0] and not PLACE_CHARS.isdisjoint(m[clause[0] - 3:clause[0]]) \
                    and (named := self._place_ending_clause_before(sent, clause)) is not None:
                kind, reason = "other_body", f"a named place ({named}) the clause before ends with"
            elif (guided := GUIDED_BODY.match(m, clause[0], q.head)) and self._another_place(guided.group("name")):
                kind, reason = "other_body", f"a named place's body the page's body guides ({guided.group('name')})"
            elif clause[0] > sent[0] and (label := self._place_labelling_sentence(sent)) is not None:
                kind, reason = "other_body", f"a named place ({label}) that labels its line (某某区:受理…)"
            elif (label := self._place_opening_line(at.para, q.head)) is not None:
                kind, reason = "other_body", f"a named place ({label}) that opens its line, as a ranking's row does"
            elif RESPECTIVELY_LEAD.match(m, clause[0], q.head) and self._places_in_clause_before(sent, clause):
                kind, reason = "other_body", "one of the places listed in the clause before, each given its figure (分别)"
            elif "该" in m[clause[0]:clause[0] + 6] and (that := self._that_place(sent, clause, q.head)) is not None:
                kind, reason = "other_body", f"a named place ({that}) that 该县 and the like stand for"
            elif (k := m.find("该", clause[0] + 6, q.head)) != -1 \
                    and (that := self._that_place(sent, (k, clause[1]), q.head)) is not None:
                kind, reason = "other_body", f"a named place ({that}) that 该市 stands for in what it told (介绍了该市…)"
            elif self._other_place_subject(clause, q.head) and not self._own_party_topic(sent, clause):
                kind, reason = "other_body", f"a named place as its clause's subject ({self._other_place_subject(clause, q.head)})"
            elif self._court_subject(sent, q.head) and not self._own_party_topic(sent, clause):
                kind, reason = "other_body", "a court or other bodies (其他设区市) named earlier in the sentence"
            elif (lt := self.search_in(CTX["lower_tier"], max(self._frame_start(sent, clause), q.head - 60), q.head)) \
                    and not DOCUMENTS_FROM.match(m, lt.end(), q.head) \
                    and not (lt.group().startswith("被") and getattr(self, "level", None) == "township") \
                    and not (lt.group("town_heads") and self.own_tier() == LEVEL_TIER["township"]):
                # (被申请人为镇人民政府, 镇负责人 on a township's own page are the page's own government)
                kind, reason = "other_body", "a lower tier (各区县政府, 乡镇政府)"
            elif unit == "%" and self.search_in(CTX["units_reaching"], max(clause[0], q.head - 60), q.head):
                kind, reason = "other_body", "how many bodies reached a rate"
            elif BAR_BEFORE.search(m[max(clause[0], q.head - 6):q.start]) and self._bodies_passing_a_bar(clause, q):
                kind, reason = "other_body", "how many bodies passed a bar (11个省份收案超过2万件)"
            elif unit == "%" and CTX["bar_after"].match(m, q.tail):
                kind, reason = "target", "a bar that picks out bodies (…%的单位), not a rate of the body"
            elif self.may_match(CTX["one_party"], ls, q.head) and (place := self._party_of_another_place(lead)):
                kind, reason = "other_body", f"another place's agencies as the party ({place})"
            elif (self.may_match(CTX["one_party"], ls, q.head) or "被" in lead) and self._one_party(lead):
                kind, reason = "breakdown", f"the cases of one kind of party ({self._one_party(lead)})"
            elif getattr(self, "level", None) == "department" and "被" in lead and (units := LOWER_UNITS_SUED.search(lead)):
                kind, reason = "breakdown", f"the bureau's lower units as the party ({units.group('units')})"
            elif (named := self._kind_before_anaphor(sent, lead, ls)) is not None:
                kind, reason = named
            elif paren is not None and (place := self._place_before_paren(paren)) is not None:
                kind, reason = "other_body", f"a named place's figure in parentheses after it ({place})"
            elif paren is not None and PLACES_BEFORE_PAREN.search(self.m, max(0, paren[0] - 8), paren[0]):
                kind, reason = "other_body", "the figures of places compared, in parentheses after them (先进省份(…))"
            elif paren is not None and BRACKETED_ITEM_NEXT.match(self.m, q.tail) and not self._item_names_a_measure(paren):
                kind, reason = "breakdown", "one item of a list, each with its figure in brackets (土地征收(19件)、…)"
            elif paren is not None and self._after_figure(sent, paren, unit == "%"):
                kind, reason = "breakdown", ASIDE
            else:
                pb = self.search_slice(CTX["place_before_number"], lead, ls)
                named = self._place_before_number(pb) if pb else None
                if named:
                    kind, reason = "other_body", f"a named place ({named}) before it"
        if kind == "level" and inherit_from is None:
            carried = self._carried_other_body(idx, sent, clause, q.head, done)
            if carried:
                kind, reason = "other_body", carried
            elif carried := self._carried_subset(idx, sent, clause, q.head, done):
                kind, reason = "breakdown", carried
            elif carried := self._pointed_back_at_another(idx, sent, clause, q.head, done):
                kind, reason = "other_body", carried
        return Role(kind, base_year, inherit_from, reason)

    def _counted_over_listed_years(self, sent, q) -> bool:
        """A count after a list of years opening its sentence with no 分别 / 依次 / 各 / 均 to give
        each year its figure (2022、2023年,全市共受理…113件): the years' total."""
        h = self._sentence_year_list(sent)
        return h is not None and h.end() <= q.head and not EACH_YEAR.search(self.m, h.end(), q.head)

    def _frame_start(self, sent, clause) -> int:
        """Where the words that frame a figure's clause begin: the clause before it when that one
        only sets a whole the clause speaks within (乡镇政府为被告的案件中,负责人出庭率88.2%) or is
        a short label before a colon (● 区县政府:共收到1310件), else the clause's own start."""
        prev = self._clause_before(sent, clause)
        if prev is not None and (FRAME_END.search(self.m, prev[0], prev[1]) or self._is_colon_label(prev)):
            return prev[0]
        return clause[0]

    def colon_label(self, sent, clause) -> tuple[int, int] | None:
        """The short label before a colon that opens the figure's clause (区政府作被申请人:复议案件共14件)."""
        prev = self._clause_before(sent, clause)
        return prev if prev is not None and self._is_colon_label(prev) else None

    def _clause_before(self, sent, clause) -> tuple[int, int] | None:
        """The clause before the figure's, when it states no figure."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return None
        prev = self._clause_list(sent)[0][k - 1]
        return None if self._numbers_in(prev) else prev

    def _is_colon_label(self, c: tuple[int, int]) -> bool:
        return c[1] - c[0] <= 16 and self.m[c[1]:c[1] + 1] in (":", "：")

    def _carried_other_body(self, idx: int, sent, clause, head: int, done) -> str | None:
        """A clause with no subject of its own goes on with the body of the clause before it
        (县级行政机关为被告的案件636件,败诉41件): when that body was another's, so is the figure."""
        if clause[0] <= sent[0]:
            return None
        carried = None
        for j in range(idx - 1, max(-1, idx - 12), -1):
            if self.qs[j].start < sent[0]:
                break
            if (aside := self.paren_of(self.qs[j].start)) is not None and not aside[0] < head < aside[1]:
                continue          # (…88件(全市共2140件),受理81件: past the aside to the clause it is in)
            if self.qs[j].start < clause[0] and done[j].kind in ("share", "change") and j > 0 \
                    and self.qs[j - 1].start >= sent[0]:
                continue          # (…326件,占全市的16.5%,败诉19件: past the share to the count it is of)
            if self.qs[j].start < clause[0]:
                why = done[j].reason or ""
                between = self.m[self.qs[j].tail:clause[0]]
                if done[j].kind == "other_body" and not CARRY_STOP.search(between) \
                        and not OWN_CLAUSE_BETWEEN.search(between) \
                        and not self._another_field_of_work(j, done[j], clause[0], head):
                    part = self._semicolon_part_start(sent[0], self.qs[j].start)
                    if why.startswith(CARRIED_REASONS) and ("其中" not in self.m[part:self.qs[j].start]
                                                            or self._goes_on_with_the_part(j, idx, done)):
                        carried = f"{CARRIED} ({why})"
                    elif why.startswith(CARRIED) and not self._larger_than_the_named(j, idx, done):
                        carried = why      # the clause after a carried one goes on with the same body
                break
        else:
            j = -1
        framed = False
        if j < 0 or self.qs[j].start < sent[0]:
            carried, framed = self._place_of_figureless_clause_before(sent, clause)
        if carried is None:          # (most figures: the clause before was the body's own)
            return None
        if carried.startswith(f"{CARRIED} (a named place as its clause's subject") \
                and BARE_AGENCIES.match(self.m, clause[0], head):
            return carried    # 去年东台市共受理…412件,行政机关负责人出庭应诉率达100%: still that place's agencies
        own = self._own_subject(clause, head) or self._own_party_named(clause[0], head) \
            or (getattr(self, "level", None) == "department" and OWN_BODY.search(self.m, clause[0], head) is not None) \
            or ((heads := OWN_TIER_HEADS.match(self.m, clause[0], head)) is not None
                and self._word_rank(heads.group("tier")) == self.own_tier())
        return None if own and not framed else carried      # (…,其中我局作为被告的…4件: the bureau's own)

    def _another_field_of_work(self, j: int, before, a: int, b: int) -> bool:
        """The figure before was another body's as the party of its cases (以县政府为被告的…4件),
        and the clause [a, b) names another field of work (妥善调处矛盾纠纷86起): the party of
        those cases is not its actor. (A named place as the subject acts in both.)"""
        then = (before.indicator or "").split(".")[0]
        if then not in ("litigation", "reconsideration") \
                or PARTY_OF.search(self.m, before.clause[0], self.qs[j].head) is None:
            return False           # (于都县人民政府作为被告的…14件,办理法律援助…: the named place acts in both)
        now = first_family(self.m[a:b])
        return now is not None and now not in ("litigation", "reconsideration")

    def _pointed_back_at_another(self, idx: int, sent, clause, head: int, done) -> str | None:
        """A sentence opening on the cases counted before (上述案件中, 这些案件) goes on with the
        body of the last figure of the sentence before, when that was another's (各乡镇人民政府作为
        被告的案件21件。上述案件中,败诉3件) and the figure's clause names no subject of its own."""
        if sent[0] == 0 or not CASES_POINTED_AT.match(self.m, sent[0]) or self._own_subject(clause, head):
            return None
        before = self.sentence_of(sent[0] - 1)
        j = bisect.bisect_left(self.qstarts, sent[0]) - 1
        while j >= 0 and self.qs[j].start >= before[0] and done[j].kind in ("share", "change"):
            j -= 1
        if j < 0 or self.qs[j].start < before[0] or done[j].kind != "other_body":
            return None
        why = done[j].reason or ""
        return f"{CARRIED} ({why})" if why.startswith(CARRIED_REASONS) else why if why.startswith(CARRIED) else None

    def _goes_on_with_the_part(self, j: int, idx: int, done) -> bool:
        """After 其中 a named place's figure is a part of the whole before it; the clause after goes
        on with that place (其中,东湖区受理310件,审结298件; 其中西湖区43件,败诉2件) unless its count is
        more than the part's, so the whole's (其中东湖区受理310件,审结1198件). A lower tier's part goes
        on only with its average (其中…各县(市)政府受理640件,平均纠错率10.3%)."""
        why = done[j].reason or ""
        if why.startswith("a lower tier") and "平均" not in self.m[self.qs[j].tail:self.qs[idx].head]:
            return False           # (其中各县区政府受理620件,纠错率为11.2%: the whole's rate, as read)
        return why.startswith(("a named place", "a lower tier")) and not self._larger_than_the_named(j, idx, done)

    def _larger_than_the_named(self, j: int, idx: int, done) -> bool:
        """A count larger than the named body's own figure that its carried clauses started from
        (东湖区受理310件,…,全年办结1150件): the whole's, not the body's."""
        while j > 0 and (done[j].reason or "").startswith(CARRIED):
            j -= 1
        named, q = self.qs[j], self.qs[idx]
        return q.unit == named.unit and q.value > named.value

    def _place_of_figureless_clause_before(self, sent, clause) -> tuple[str | None, bool]:
        """The clause right before, with no figure, opens with another named place as its
        subject (惠阳区受理案件数量居全市首位,达317件): the figure is that place's; and whether
        that clause frames the next (溧阳市法院审理的案件中,负责人出庭率…: whatever its subject)."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return None, False
        prev = self._clause_list(sent)[0][k - 1]
        if self._numbers_in(prev):
            return None, False
        name = self._other_place_subject(prev, prev[1])
        if not name and (ranked := PLACE_RANKED.match(self.m, prev[0], prev[1])) is not None:
            name = self._another_place(ranked.group("name"))   # 东坡区是全市案件量最大的区,全年收到…
        if not name:
            return None, False
        return (f"{CARRIED} (a named place as the subject of the clause before ({name}))",
                FRAME_END.search(self.m, prev[0], prev[1]) is not None)

    def _carried_subset(self, idx: int, sent, clause, head: int, done) -> str | None:
        """A clause with no subject of its own goes on with the cases of one kind of party or
        kind named in the clause before it (以公安机关为被告的案件42件,败诉3件): its figure is theirs.
        (A part of the same measure is no such subset: 收到申请96件,其中受理87件,审结80件.) A figure
        joined by 、 to the part's goes on with it as a clause would (其中涉企案件41件、纠错7件)."""
        if idx == 0:
            return None
        j = idx - 1
        if self.qs[j].start >= clause[0] and self.m.startswith("、", self.qs[j].tail):
            clause = (self.qs[j].tail + 1, clause[1])
        if clause[0] <= sent[0]:
            return None
        if not (sent[0] <= self.qs[j].start < clause[0]) or done[j].kind != "breakdown" \
                or not (done[j].reason or "").startswith(SUBSET_REASONS) \
                or CARRY_STOP.search(self.m, self.qs[j].tail, clause[0]):
            return None
        k = j                          # (the part itself, where the clauses before were carried from it)
        while k > 0 and (done[k].reason or "").startswith(CARRIED_SUBSET) and self.qs[k - 1].start >= sent[0]:
            k -= 1
        part, q = self.qs[k], self.qs[idx]
        if "其中" in self.m[sent[0]:part.start] and (q.unit != part.unit or q.value > part.value) \
                and not self._rate_of_the_part(q, part, k, idx):
            # 其中涉及劳动争议的20件,审结105件: more than the part, the whole's; a rate after a part
            # of a split (其中…的23件,审结率95.8%) is read as the whole's too, unless it is the
            # part's own by its figures (其中涉企37件,败诉4件,败诉率10.8%: 4 of 37)
            return None
        if (done[j].reason or "").startswith(CARRIED_SUBSET):
            return None if self._own_subject(clause, head) else done[j].reason
        return None if self._own_subject(clause, head) else f"{CARRIED_SUBSET} ({done[j].reason})"

    def _rate_of_the_part(self, q, part, k: int, idx: int) -> bool:
        """The rate q is a count carried from the part over the part (4 of 37 is 10.8%)."""
        if q.unit != "%" or part.unit == "%" or not part.value:
            return False
        return any(self.qs[i].unit == part.unit and abs(100 * self.qs[i].value / part.value - q.value) < 0.1
                   for i in range(k + 1, idx))

    def _own_subject(self, clause, head: int) -> bool:
        """The clause names its own actor or scope before the figure (县级, 全市, 行政机关…)."""
        return bool(self.search_in(CTX["tier_word"], max(clause[0], head - 60), head)
                    or self._scope_named_in(clause[0], head)
                    or (self.may_match(CTX["place_subject"], clause[0], head)
                        and CTX["place_subject"].match(self.m, clause[0], head))
                    or CARRY_STOP_SUBJECT.match(self.m, clause[0], head)
                    or ((agency := CTX["own_tier_agency"].match(self.m, clause[0], head)) is not None
                        and self._word_rank(agency.group("tier")) == self.own_tier()))

    def title_line(self) -> str:
        """The page's title lines (its first line, and the first after a site's chrome) that
        are short and hold no sentence, else ""."""
        return " ".join(self.t[ps:pe] for ps, pe in self._title_lines()
                        if pe - ps <= 60 and "。" not in self.t[ps:pe])

    def _title_lines(self) -> list[tuple[int, int]]:
        """The lines of a site's chrome (于都县人民政府 当前位置:首页 > …) and the first line
        after them: where a title or a site's name names the page's body."""
        if len(self.paras) < 2:
            return []
        title = self.title_para()
        k = self.paras.index(title) if title is not None else 0
        return self.paras[:k + 1]

    def others_before(self, pos: int, sent) -> str | None:
        """Why a figure stated without a numeral (无一败诉 at pos) is another body's: places
        listed, a named place, a lower tier or a higher whole as its clause's subject; else None."""
        clause = self.clause_of(pos, sent)
        lo = max(clause[0], pos - 60)
        if self.search_in(CTX["other_body"], lo, pos) or self.search_in(CTX["lower_tier"], lo, pos) \
                or self.search_in(CTX["each_lower_tier"], lo, pos):
            return "places listed or a lower tier before it"
        if self.search_in(CTX["units_reaching"], lo, pos):
            return "how many bodies reached it (6个街道实现零败诉)"
        name = self._other_place_subject(clause, pos) or self._lower_level(sent, clause, pos) \
            or self._higher_whole(sent, pos)
        return f"another body's ({name})" if name else None

    def intended(self, pos: int, sent) -> bool:
        """A figure said in words (无败诉 at pos) is intended, not done: under a heading of plans,
        or after 确保 / 力争 in its clause (确保全年无行政败诉案件)."""
        if self.plan_heading(pos) and not ALREADY_DONE.search(self.m, max(sent[0], pos - 60), pos):
            return True
        return bool(AIM_BEFORE.search(self.m, self.clause_of(pos, sent)[0], pos))

    def _own_party_topic(self, sent, clause) -> bool:
        """The sentence opens, before the figure's clause and with no figure of its own, with the
        page's own agencies as the party (以本县政府及其部门为被告的行政诉讼案件,市中院全年共受理
        88件): whichever court took them, the cases are the page's own."""
        if clause[0] <= sent[0] or not self.may_match(CTX["one_party"], sent[0], clause[0]):
            return False
        i = bisect.bisect_left(self.qstarts, sent[0])
        if i < len(self.qstarts) and self.qstarts[i] < clause[0]:
            return False
        if self.search_in(CTX["own_respondent"], sent[0], clause[0]):
            return True
        party = self.search_in(CTX["one_party"], sent[0], clause[0])
        return party is not None and bool(self.region_name) and self.region_name[:2] in party.group("party")

    def _court_subject(self, sent, head: int) -> bool:
        """A court other than the reporting body is the subject: named earlier in the sentence,
        and no whole of the reporting body (全省, 本市) named after it. A court named as the source
        of the news (记者从市中级人民法院获悉, 据市中院通报) is who tells, not whose figures; courts
        named as the group a ranking places it in (位居全市基层法院前列) are not the subject either."""
        h = None
        a = max(sent[0], head - 120)
        if not self.may_match(CTX["other_body_sentence"], a, head):
            return False
        for h2 in CTX["other_body_sentence"].finditer(self.m, a, head):
            if SOURCE_AFTER.match(self.m, h2.end()) and not COURT_TAKEN_UP.search(self.m, h2.end(), head):
                continue       # (据市中院统计,全市…: who tells; 据市中院统计,该院…: the court, the subject)
            if RANKED_AMONG.match(self.m, h2.end()) and RANKING_BEFORE.search(self.m, max(a, h2.start() - 10), h2.start()):
                continue       # (审判质效位居全市基层法院前列: the group it ranks in, not the subject)
            h = h2
        return h is not None and not self.search_in(CTX["own_whole"], h.end(), head)

    def _moves_on(self, idx: int, q: Quantity, sent) -> bool:
        """The figure is a step of a movement that goes on to another in its sentence (下降到7.2%,
        再下降到5.3%): not where it ended."""
        if idx + 1 >= len(self.qs) or self.qs[idx + 1].start >= sent[1]:
            return False
        return MOVES_ON.fullmatch(self.m, q.tail, self.qs[idx + 1].head) is not None

    def _aim_ahead(self, aim: str) -> bool:
        """An aim (确保…达到) that names a year names one after the report's: 确保2023年…达到100%
        in the 2023 report says what was made sure of, a result."""
        y = next((h for h in YEAR_RX.finditer(aim) if h.group("abs")), None)
        return y is None or self.report_year is None or int(y.group("abs")) > self.report_year

    def _kind_before_anaphor(self, sent, lead: str, ls: int) -> tuple[str, str] | None:
        """The lead says 此类案件 / 该类案件, and its sentence named one kind of party before it
        (以公安机关为被告的案件…,此类案件32件) or a lower tier as the party (通报了以乡镇政府为被告的
        案件情况,全年共受理此类案件1317件): the figure counts theirs (a role and its reason).
        (此类 after the whole caseload is the whole: 2022年此类案件为26件 takes the measure before.)"""
        a = self.search_slice(CTX["anaphor"], lead, ls)
        if a is None or not a.group().startswith(("此类", "该类", "这类")):
            return None
        before = self.m[sent[0]:ls + a.start()]
        if CTX["one_party"].search(before) is None and sent[0] > 0:
            before = self.m[self.sentence_of(sent[0] - 1)[0]:ls + a.start()]   # (…居首。全年受理此类案件132件)
        party = self._one_party(before)
        if party is not None:
            return "breakdown", f"此类案件: the cases of one kind of party named before it ({party})"
        for h in CTX["one_party"].finditer(before):
            if CTX["lower_tier"].search(h.group()):
                return "other_body", f"此类案件: the cases of a lower tier named before it ({h.group('party')})"
        return None

    def _party_of_another_place(self, lead: str) -> str | None:
        """The place whose agencies 以X为被告 names, when it is another body's (以邻区行政机关为被告的
        141件 on a court's page about its own district)."""
        h = None
        for h in CTX["one_party"].finditer(lead):
            pass
        if h is None or (p := PARTY_PLACE.match(h.group("party"))) is None or p.group("name") in BARE_AUTONOMOUS:
            return None                # (以自治区人民政府为被申请人: an autonomous region's own tier word)
        return self._another_place(p.group("name"))

    def _semicolon_part_start(self, lo: int, pos: int) -> int:
        """Where the semicolon-separated part holding `pos` begins (at `lo` at the earliest)."""
        return max(lo, self.m.rfind("；", lo, pos) + 1, self.m.rfind(";", lo, pos) + 1)

    def _own_government_opens(self, part: int, own: int) -> bool:
        """The part of a higher whole that opens at `part` (其中 / ；) has the page's own government
        as its subject (其中县政府收到612件, ；我县受理…, 其中长兴县人民政府…): its figures are the page's."""
        at = part + (2 if self.m.startswith("其中", part) else 1)
        while at < len(self.m) and self.m[at] in "，,:： ":
            at += 1
        name = getattr(self, "region_name", None) or ""
        if name and self.m.startswith(name, at):
            return True
        if (lv := OWN_LEVEL_GOVERNMENT.match(self.m, at)) is not None:
            tier = lv.group("tier") or lv.group("tier2")
            return tier is None or self._word_rank(tier) == own   # 其中本级政府受理…, 其中县本级… (not 市本级 on a county's page)
        if (tw := CTX["tier_word"].match(self.m, at)) is not None and tw.group("who") in "我本":
            return self._word_rank(tw.group("tier")) == own
        h = CTX["government_subject"].match(self.m, at)
        return h is not None and "政府" in h.group("who") and "级" not in h.group("who") \
            and self._word_rank(h.group("tier")) == own     # (not 县级政府: every county's)

    def _own_party_named(self, a: int, b: int) -> bool:
        """[a, b) names the page's own body as the party of the cases (其中以我局为被申请人的,
        以乡政府为被申请人的 on a township's page): a party is named and it is no other's."""
        lead = self.m[a:b]
        if CTX["one_party"].search(lead) is None:
            return False
        return self._one_party(lead) is None and not ("政府" in lead and "部门" in lead)

    def _report_title_lines(self) -> list[str]:
        """The head's lines that title a report (沛县公安局2023年度法治政府建设情况报告), under a
        site's banner line that title_line takes for the title."""
        return [ln for ln in self.head_text().split("\n")
                if len(ln) <= 60 and "。" not in ln and REPORT_TITLE_WORD.search(ln)]

    def _one_party(self, lead: str) -> str | None:
        """The party of 以X为被告 / 以X为被申请人 (or X被诉 / X被申请复议) in the lead when it is one
        kind of agency."""
        h = None
        for h in CTX["one_party"].finditer(lead):
            pass
        if h is None and "被" in lead:
            for h in ONE_PARTY_PASSIVE.finditer(lead):
                pass
        if h is None:
            return None
        party = h.group("party").replace(MASK_CH, "").replace("()", "").replace("（）", "")   # 以我局(含执法支队)为…
        if "政府" in party and "部门" in party and CTX["list_separator"].search(party) \
                and not NAMED_TIERS.search(party):
            return None                # 以市政府、部门、乡镇为被告: every party together, the whole
                                       # (not tiers by name: 以国务院部门和省级人民政府为被告, a part)
        if CTX["own_agency"].fullmatch(party) and (
                party.startswith(("我", "本")) or getattr(self, "level", None) == "department"
                or party.lstrip("该") in self.head_text()):
            return None                # 以分局为被告 on the bureau's own page: the reporting body
        # (its title, or the head under a government's site banner: 沛县人民政府 ⏎ … ⏎ 沛县公安局…报告)
        heads = (self.title_line(), *self._report_title_lines()) if getattr(self, "level", None) == "department" \
            else (self.title_line(),)
        if len(party) >= 3 and party.endswith(("局", "委", "厅", "办", "部")) and any(_heads_as_itself(party, h) for h in heads):
            return None                # 以市公安局为被申请人 on 某市公安局's own report (以水利部为被告 on 水利部's;
                                       # not the parent bureau on its branch's, 某市生态环境局某县分局)
        if getattr(self, "level", None) == "department" and any(_short_name_of(party, h) for h in heads):
            return None                # 以市市场监管局为被告 on 某市市场监督管理局's own report
        if party in ("管委会", "管委会本级", "管理委员会", "管委"):
            return None                # 以管委会为被告 on a zone's page: its government
        if (stem := COMMITTEE_OF.fullmatch(party)) and self._zone_page() and stem.group(1) in self.region_name:
            return None                # 以园区管委会为被告 on 某县工业园区管理委员会's page: itself, named short
        if (o := CTX["own_body"].match(party)) and OWN_GOVERNMENT_REST.fullmatch(party, o.end()):
            return None                # 以我镇为被申请人, 以本县政府为被告: the reporting body itself
        if self.own_tier() == 4 and CTX["township_self"].fullmatch(party):
            return None                # 以镇政府为被告 on a township's own page: the reporting government
        if (t := OWN_TIER_AGENCIES.fullmatch(party)) and self.own_tier() is not None \
                and self._word_rank(t.group(1)) == self.own_tier():
            return None                # 以区级行政机关为被告 on a district's page: all its agencies
        if OWN_AREA.match(party):
            return None                # 以省内市、县(区)、乡镇行政机关为被告: every agency of the body's area
        if scope_of_label(party) is not None or CTX["whole_parties"].search(party) \
                or any(rx.search(party) for _scope, rx in SCOPE_RX):
            return None
        return party

    def _after_figure(self, sent, paren, rate: bool) -> bool:
        """A parenthesis right after a figure of the same measure (收到申请96件(其中网上申请11件)); a
        count after a rate is its numerator (纠错率为9.6%(纠错案件15件))."""
        i = bisect.bisect_left(self.qstarts, paren[0]) - 1
        if i < 0 or self.qs[i].start < sent[0]:
            return False
        return (self.qs[i].unit == "%") == rate

    def _item_names_a_measure(self, paren) -> bool:
        """The item before a bracketed figure names a measure of its own (维持(31件)、驳回(5件): the
        outcomes, each its own fact), not a kind or field (土地征收(19件))."""
        a = max(0, paren[0] - 10)
        word = re.split(r"[、，,:：;；]", self.m[a:paren[0]])[-1]
        return bool(word) and bool(lead_cues(word)[1])

    def _in_case_story(self, pos: int) -> bool:
        """The figure's paragraph opens as a case told as an example (【典型案例】…, 案例一:…): its
        figures are that case's (32户村民…共32件), not the year's."""
        ps, pe = self.paras[self.paragraph_index(pos)]
        if "案例" not in self.m[ps:min(pe, ps + 12)] or CASE_STORY.match(self.m, ps, pe) is None:
            return False
        ss = self.sentence_of(pos)[0]
        # (a sentence after the story that speaks of the year again is the year's: 全年共审结58件)
        return ss <= ps + 12 or not STORY_OVER.match(self.m, ss)

    def _field_of_sentence(self, sent, pos: int | None = None) -> str | None:
        """The field (涉企, 二审案件中 …) named before the first figure of the sentence, or of its part
        after the last semicolon before `pos`, which every figure of that part is then of
        (…涉企案件47件;全年共办结215件: a new part; …败诉率9.4%;二审案件中,败诉率3.1%: a part of its own)."""
        start = sent[0]
        if pos is not None:
            start = max(start, self._semicolon_part_start(sent[0], pos))
        i = bisect.bisect_left(self.qstarts, start)
        first = self.qs[i].start if i < len(self.qs) else sent[1]
        h = self.search_in(CTX["field_subject"], start, min(first, sent[1]))
        if h and FIELD_OF_AN_ACT.match(self.m, h.end()):
            return None            # 推行涉企行政检查…,评查案卷380份: the field of another act, not of the figures
        return h.group() if h else None

    def _kinds_concentrated(self, sent, q: Quantity) -> bool:
        """The clause before the figure lists the kinds the cases concentrate on (集中在征收、
        规划等类别,共计143件)."""
        return "集中" in self.m[max(sent[0], q.head - 100):q.head] and \
            CTX["kinds_concentrated"].search(self.m, max(sent[0], q.head - 100), q.head) is not None

    def _department_subject(self, clause, head: int) -> str | None:
        """One of the government's departments opening the number's clause as its subject, on a
        government's page (a department's own page speaks as it)."""
        if getattr(self, "level", None) == "department" \
                or not self.may_match(CTX["department_subject"], clause[0], head):
            return None
        h = CTX["department_subject"].match(self.m, clause[0], head)
        return h.group("name") if h else None

    def _other_department_subject(self, clause, head: int) -> str | None:
        """On a department's page, another department opening the number's clause as its subject
        (县住建局同期作为被告的…14件 on 县自然资源局's page): not one the title names as the page's own."""
        if not self.may_match(CTX["department_subject"], clause[0], head):
            return None
        h = CTX["department_subject"].match(self.m, clause[0], head)
        if h is None:
            return None
        name = h.group("name")
        core = name.lstrip("全")[1:]
        own = self.title_line() or self.head_text()
        at = own.find(core) if core else -1
        if at < 0 and core:
            at = own.find(core[:2])   # 省自然资源厅 on 某市自然资源和规划局's page: the field's stem
        if at < 0 and core and (short := _contraction_at(core, own)) is not None:
            at = short         # 市人社局 on 岳阳市人力资源和社会保障局's page: its short name
        if at > 0 and own[at - 1] in TIER_CHARS and own[at - 1] != name.lstrip("全")[0]:
            return name        # 省税务局 on 某市税务局's page: the same kind of bureau of another tier
        return None if not core or at >= 0 else name

    def _place_before_paren(self, paren) -> str | None:
        """A named place right before the parenthesis a figure stands in (收案较多的是河东区(412件)):
        the figure is that place's, unless the place is the page's own."""
        h = PLACE_BEFORE_PAREN.search(self.m, max(0, paren[0] - 8), paren[0])
        if h is not None and h.group("short"):    # 占无锡全市(4312件)的25.2%: a place named short, then its whole
            short = h.group("short")
            own = generic_place(short) or any(w in short for w in "我本该全各") or self._own_place_stem(short)
            return None if own else short
        return self._another_place(h.group("name")) if h else None

    def _place_ending_clause_before(self, sent, clause) -> str | None:
        """The clause before the figure's states no figure and ends by naming a place (收案量最多的
        是金川区,收到申请529件): the figure is that place's, unless the place is the page's own."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return None
        prev = self._clause_list(sent)[0][k - 1]
        h = PLACE_ENDING.search(self.m, prev[0], prev[1])
        if h is None or self._numbers_in(prev):
            return None
        return self._another_place(h.group("name"))

    def _place_labelling_sentence(self, sent) -> str | None:
        """The sentence opens with a place's name and a colon, and nothing else, as a line of a
        list of places does (东胜区:受理行政复议案件186件,被诉案件256件…): every figure after it is
        that place's, unless the place is the page's own."""
        first = self._clause_list(sent)[0][0]
        h = LABEL_PLACE.fullmatch(self.m, first[0], first[1])
        if h is None or self.m[first[1]:first[1] + 1] not in (":", "：") or self._numbers_in(first):
            return None
        return self._another_place(h.group("name"))

    def _place_opening_line(self, para: int, head: int) -> str | None:
        """The line opens with another place's name and a gap before its first figure, as the rows
        of a ranking do (郑州市 5,126件 纠错率15.3%): every figure on it is that place's."""
        if not self.paras:
            return None
        ps = max(self.paras[para][0], self.sentence_of(head)[0])   # (or its sentence: a row run on)
        h = LINE_PLACE.match(self.m, ps, head)
        return self._another_place(h.group("name")) if h is not None else None

    def _places_in_clause_before(self, sent, clause) -> bool:
        """The clause before lists places by name (新华区、运河区、开发区…居前三位,; not measures ranked:
        收案量、审结量均居全省前三位,分别为…):
        the figures said of each after it (分别受理…) are theirs."""
        k = self.clause_index(clause[0], sent)
        if not k:
            return False
        prev = self._clause_list(sent)[0][k - 1]
        return CTX["places_listed"].search(self.m, prev[0], prev[1]) is not None

    def _that_place(self, sent, clause, head: int) -> str | None:
        """The clause opens with 该县 / 该区 (…赴南岭县学习考察,该县受理…208件): the place it stands
        for is the last one named before it in its sentence or the one before, when that is
        not the page's own."""
        lo = self.sentence_of(sent[0] - 1)[0] if sent[0] > 0 else sent[0]
        if THAT_COURT.match(self.m, clause[0], head):
            # 章贡区人民法院介绍了…,该院一审行政案件调撤率41.5%: the court named last before it
            court = None
            for court in PLACE_COURT.finditer(self.m, lo, clause[0]):
                pass
            return self._another_place(self._whole_place_name(court.start("name"), court.group("name"))) \
                if court is not None else None
        that = THAT_PLACE.match(self.m, clause[0], head)
        if not that:
            return None
        tier = THAT_TIERS.get(that.group("tier"), (that.group("tier"),))
        for last in reversed(list(PLACE_NAME.finditer(self.m, lo, clause[0]))):
            name = self._whole_place_name(last.start(), last.group())
            if t := TIME_PREFIX.match(name):
                name = name[t.end():]      # 去年坪山区: the place after the time word
            if "的" in name or name.startswith(("全", "各")):
                continue                   # (东坡区是全市案件量最大的区。该区…: past the kind of place to its name)
            if not name.endswith(tier) and not any(w in name for w in ("我", "本")):
                continue                   # (平利县在安康市…发言。该县…: 该县 stands for a 县)
            if len(name) == 2 and name[0] in FUNCTION_CHARS:
                return None                # 据市中级人民法院统计,该市…: 据 is no place's name
            return self._another_place(name) if len(name) > 1 else None
        return None

    def _whole_place_name(self, start: int, name: str) -> str:
        """The place name found at `start` with the one or two characters before it when they
        begin it, by the gazetteer (将乐县, 和平县, 从化区: names that open with a word the
        name patterns stop at)."""
        for k in (1, 2):
            longer = self.m[max(0, start - k):start] + name
            if len(longer) == len(name) + k and levels_named(longer):
                return longer
        return name

    def _place_before_number(self, pb: re.Match) -> str | None:
        """The place `place_before_number` found, when it names another body: a place by its
        name alone unless generic (辖区); a township by its government (平川镇人民政府1件) unless
        it is the page's own."""
        if pb.group("name"):
            return None if generic_place(pb.group("name")) else pb.group("name")
        return self._another_place(pb.group("town"))

    def _another_place(self, name: str) -> str | None:
        """The place's name when it names another body: not a generic or own word (全市, 辖区,
        本县, 该区), not the page's own place; a named place's whole (平顶山全市) is that place's."""
        if (stem := named_whole_stem(name)) is not None:
            return None if self._own_place_stem(stem) else name
        if generic_place(name) or any(w in name for w in ("全", "各", "本", "我", "该")):
            return None
        own = self.region_name or ""
        if len(own) >= 2 and name.endswith(own) and PARENTS_BEFORE.fullmatch(name[:-len(own)]) \
                and (places_named(own) <= 1 or name[:-len(own)] in self.title_line()):
            return None            # 洛阳市洛龙区 on 洛龙区's page: the page's own, named with its parents
            #                        (a name several places bear, 朝阳区, only with the parents the page names)
        if name.endswith("地区") and levels_named(name):
            return None if name == self.region_name else name   # (阿克苏地区: a prefecture, not an area)
        stem = name[:-2] if name.endswith(("街道", "新区", "地区", "社区")) else name[:-1]
        if self._own_place_stem(stem) and not self._other_tier_of_own_stem(name):
            return None
        return name

    def _own_place_stem(self, stem: str) -> bool:
        """A place's stem (东河 of 东河县) names the page's own body: its region's name, or its title
        when the page has one that names the region; a page of no known region by the words
        before its first figure (an excerpt names itself there)."""
        # (a paper's banner names its own city, not the page's body: 常德日报 over 澧县's news)
        media = CTX["media_name"]
        title, head = media.sub("", self.title_line() or ""), media.sub("", self.head_text())
        if self.region_name and title:
            title = CTX["visited_place"].sub("", title)   # (赴杭州学习…, 江油市考察团来我县: the host
                                                          # or the visitor, not the page's body)
        if self.region_name and title and self.region_name[:2] in title:
            return _named_in(stem, self.region_name, self.region_name) or _named_in(stem, title, self.region_name)
        if self.region_name and len(self.region_name) >= 3 and self.region_name[:-1] in head:
            return _named_in(stem, self.region_name, self.region_name)   # (a parent's site banner over the page's own headline)
        return stem in head or bool(self.region_name and _named_in(stem, self.region_name, self.region_name))

    def _other_place_subject(self, clause, head: int) -> str | None:
        """A named place opening the number's clause as its subject (南湖区受理…96件), when it is
        neither a generic word (全市, 辖区) nor named in the document's first lines."""
        h = CTX["place_subject"].match(self.m, clause[0], head) \
            if self.may_match(CTX["place_subject"], clause[0], head) else None
        bare = h is None
        if bare and self.region_name and (short := short_place_subject()) is not None \
                and self.may_match(short, clause[0], head):
            h = short.match(self.m, clause[0], head)     # 深圳2023年行政机关败诉率为7.8%: a short name
        if h is None or self.search_in(CTX["own_respondent"], clause[0], head):
            return None
        if h.group("name").endswith(SPECIAL_COURTS) and self.m.startswith("法院", h.end("name")):
            # 青岛铁路运输法院开庭审理…169件: on its own city's page the court of the city's own
            # lawsuits; elsewhere (a province's page, a county's, another city's) another body's
            # (公开开庭审理 is its hearing, no act)
            own = self.region_name or ""
            seat = own[:-1] if len(own) >= 3 and own.endswith(("市", "州", "盟")) else None
            at_home = getattr(self, "level", None) == "city" and seat and h.group("name").startswith(seat)
            ours = OUR_CASES.search(self.m, h.end(), head) is not None   # 开庭审理我市行政案件131件
            return None if at_home or ours else h.group("name")
        if h.groupdict().get("act") and not h.groupdict().get("manner") \
                and self.family_at(head, clause[0]) in CASE_FAMILIES:
            return None                # 某镇作出的行政行为被申请复议3件: the act is no figure's own
        name = h.group("name")
        if t := TIME_PREFIX.match(name):
            name = name[t.end():]      # 目前碑林区政府收到…: the place after the time word
            if len(name) <= 1 or name in BARE_AUTONOMOUS:
                return None            # 上年度州政府, 一年来区政府: a time word before the page's own tier
            bare = False
        if (stem := named_whole_stem(name)) is not None:
            return None if self._own_place_stem(stem) else name   # 同期,平顶山全市法院受理…
        if name in BARE_AUTONOMOUS or generic_place(name) \
                or any(w in name for w in ("全", "各", "本", "我", "该", "两", "市县", "区县", "县区")):
            return None
        if self.region_name and len(self.region_name) >= 2 and name.endswith(self.region_name) \
                and self._own_parent(name[:-len(self.region_name)]):
            return None                # 武汉市洪山区 on 洪山区's page: its own place, under its city
        stem = name if bare else name[:-2] if name.endswith(("街道", "新区", "社区")) else name[:-1]
        if self._own_place_stem(stem) and not self._parent_in_title(name) \
                and not (not bare and self._other_tier_of_own_stem(name)):
            return None
        party = self.search_in(CTX["one_party"], clause[0], head)
        if party is not None and self.region_name and self.region_name[:2] in party.group("party"):
            return None                # 昆明市政府受理以安宁市政府为被申请人的…: the page's own cases
        return name


    def _own_parent(self, prefix: str) -> bool:
        """The place a name sets before the page's own place's (武汉市 in 武汉市洪山区) is its
        parent, as far as the page's head tells: the head names it, or names no city at all
        (福州市鼓楼区 on a page headed 南京市鼓楼区… is another 鼓楼区)."""
        if not prefix:
            return True
        head = self.head_text()
        return prefix in head or not CITY_NAMED.search(head.replace(self.region_name or "", ""))

    def _other_tier_of_own_stem(self, name: str) -> bool:
        """The place shares the page's stem but is of another tier: the county or district above a
        township's or a street's page (西湖区 on the page of 西湖街道, a street named after its
        district), a prefecture and its seat (大理州 on 大理市's page): another body. (A zone's
        name, 济源示范区 on the page of 济源市, is the same body's.)"""
        own = self.region_name or ""
        if own.endswith(("街道", "镇", "乡")):
            return name.endswith(("区", "县", "旗", "市")) and not name.endswith(ZONE_SUFFIXES)
        if own.endswith(("县", "区", "旗", "市")) and name.endswith(("镇", "乡", "街道")):
            return True        # 阳朔镇 on 阳朔县's page: the town named after its county, a lower body
        # a prefecture and its seat share a stem (大理州 on the page of 大理市, and the reverse), and
        # so do a city and a county named after it (长沙县 on 长沙市's page, 乌鲁木齐县, 南昌县)
        # (杭州地区 on 杭州市's page is the city's area, no prefecture)
        return (own.endswith(("市", "县")) and name.endswith(PREFECTURE_SUFFIXES)
                and (not name.endswith("地区") or bool(levels_named(name)))) \
            or (own.endswith(PREFECTURE_SUFFIXES) and name.endswith(("市", "县"))) \
            or (own != name and own[:-1] == name[:-1] and name in region_names()
                and {own[-1], name[-1]} in ({"市", "县"}, {"市", "区"}))

    def _parent_in_title(self, name: str) -> bool:
        """The place is the one the title names the page's own region under (苏州市 in
        苏州市吴江区…报告): a higher body, though its name is in the title."""
        own = self.region_name
        if not own or len(own) < 2 or name == own or own.startswith(name) or name.startswith(own):
            return False
        return re.search(re.escape(name) + r"[\u4e00-\u9fff]{0,6}?" + re.escape(own), self.title_line()) is not None

    def own_tier(self) -> int | None:
        """The tier the page speaks as (2 a city, 3 a district or county, 4 a township), from
        how it names itself (我区 / 本区 weigh three, 全区 one) and the level of the document's
        reporting body (three). None when no tier leads."""
        if getattr(self, "_own_tier", False) is not False:
            return self._own_tier
        self._own_tier = self._tier_by_name()
        if self._own_tier is not None:
            return self._own_tier
        ranks = CTX["tier_rank"]
        count: dict[int, int] = {}
        own_end = self.related_reading_start()
        for _e, s, h in self._all_hits(CTX["tier_word"])[1]:      # (the scan _last_hit makes too)
            if h.group("who") == "该" or s >= own_end:
                continue                   # (the links to other articles speak for other pages)
            r = self._word_rank(h.group("tier"))
            count[r] = count.get(r, 0) + (1 if h.group("who") == "全" else 3)
        for ps, pe in self._title_lines():
            if pe - ps <= 60 and not any(c in self.m[ps:pe] for c in "。；;，,|"):   # a title line
                h = None
                for h in CTX["title_tier"].finditer(self.m, ps, pe):
                    pass                   # the last place named before the body's kind or the year
                before = self.m[max(ps, h.start() - 2):h.start()] if h is not None else ""
                if h is not None and before[-1:] not in ("全", "各", "") and "各" not in before:   # (各乡镇…)
                    r = ranks[h.group("tier")]
                    count[r] = count.get(r, 0) + 3
                    break
        level = getattr(self, "level", None)
        if level in ("city", "district", "township"):
            # the level the document row gives its body (from its name and its words) weighs as
            # much as a 我区: a single 全市 of a quoted higher body does not outweigh it. (A
            # county-level city's, a 直辖市's or an autonomous region's own words name another
            # tier — 全市, 全区 — so for counties and provinces it only breaks a tie.)
            count[LEVEL_TIER[level]] = count.get(LEVEL_TIER[level], 0) + 3
        best = sorted(count.items(), key=lambda kv: -kv[1])
        self._own_tier = best[0][0] if best and (len(best) == 1 or best[0][1] > best[1][1]) else None
        if self._own_tier is None:
            self._own_tier = LEVEL_TIER.get(level)
        return self._own_tier

    def _tier_by_name(self) -> int | None:
        """The tier the page's own place is by its name when the name settles it: a 县 or 旗 is
        a county whatever the page calls itself (a city's newspaper writing 我市 about one of its
        counties speaks as the city, so its 全市 is still the city's); a 区 a district, a 镇 /
        乡 / 街道 / 苏木 a township. A 市 may be a prefecture or a county-level city: the gazetteer tells,
        else its words decide. A department's page is of its government's tier."""
        name = getattr(self, "region_name", None) or ""
        level = getattr(self, "level", None)
        if len(name) < 2:
            return None
        if level in ("county", "department") and name.endswith(("县", "旗")):
            return LEVEL_TIER["county"]
        if level in ("district", "department") and name.endswith("区") and not name.endswith("自治区"):
            return LEVEL_TIER["district"]
        if self._county_level_city():
            return LEVEL_TIER["county"]     # (a county-level city: its 全州 is above it, its 全市 its own)
        if level == "township" and (name.endswith(("镇", "乡", "街道", "苏木")) or self._zone_page()):
            return LEVEL_TIER["township"]   # (a zone's committee listed as a township: its 全县 is above it)
        return None

    def _zone_page(self) -> bool:
        """The page's own body is a development zone's committee (某经济开发区管理委员会), whose
        own whole it calls 全区."""
        return bool(ZONE_BODY.search(getattr(self, "region_name", None) or ""))

    def _levels_paired(self, idx: int, sent, done) -> list[int]:
        """The figures of the sentence before the list of bases that starts at idx, as many as
        the list has, in order: a 分别 list of bases pairs with them item by item (none when
        there are fewer)."""
        n = len(self._joined_run(idx, sent))
        levels = [j for j in range(bisect.bisect_left(self.qstarts, sent[0]), idx)
                  if done[j].kind == "level" and done[j].indicator and self.qs[j].unit == self.qs[idx].unit]
        return levels[-n:] if n >= 2 and len(levels) >= n else []

    def _compared_by_change(self, idx: int, q: Quantity, sent, done, nearest: int) -> int:
        """The figure a base is compared with, checked by the change stated after the base
        (审结5108件,较2021年的4871件增长7.5%: 7.5% fits 5236 受理 said before, not 5108): the
        nearest figure of the sentence the change fits, else the nearest figure."""
        if idx + 1 >= len(self.qs):
            return nearest
        ch = self.qs[idx + 1]
        word = CHANGE_WORD.match(self.m, q.tail, ch.head)
        if ch.start >= sent[1] or word is None or q.value == 0:
            return nearest

        def fits(v: float) -> bool:
            diff = v - q.value if word.group("up") else q.value - v
            if ch.unit == "%":
                return abs(diff / q.value * 100 - ch.value) <= 0.051 * 2
            return ch.unit == q.unit and abs(diff - ch.value) < 1e-9

        if fits(self.qs[nearest].value):
            return nearest
        for j in range(nearest - 1, max(-1, idx - 21), -1):
            if self.qs[j].start < sent[0]:
                break
            if done[j].kind == "level" and done[j].indicator and self.qs[j].unit == q.unit \
                    and fits(self.qs[j].value):
                return j
        return nearest

    def _quoted_source(self, sent, head: int) -> str | None:
        """The sentence opens by naming another body's statistics or notice (据长沙市公安局通报,
        据市司法局统计,): on a bureau's page its figures are that body's, quoted for context."""
        h = QUOTED_SOURCE.match(self.m, sent[0], head)
        if h is None:
            return None
        own = self.last_match(OWN_BODY, h.end(), head)
        if own is not None and not WHOLE_AFTER_OWN.search(self.m, own.end(), head):
            return None    # 据区司法局统计,2023年我局被申请行政复议6件: the bureau's own, as quoted
        return h.group("source")

    def _justice_bureau_page(self) -> bool:
        """The page is a justice bureau's (its title or region names 司法局): it speaks for the
        government's reconsideration and lawsuits, so the region's wholes are its figures."""
        titles = (self.title_line() or "", *self._report_title_lines())   # (its title under a site's banner)
        return any(JUSTICE_BUREAU.search(t) for t in titles) \
            or bool(JUSTICE_BUREAU.search(getattr(self, "region_name", None) or ""))

    def _shared_docket(self, para: int, sent, head: int) -> bool:
        """The paragraph (or the one before) says the court tries several places' cases (集中管辖
        A、B、C三地的…), and the figure's sentence names neither the page's own place nor a party
        (以龙游县行政机关为被告的…): the court's figure is those places' together."""
        lo = self.paras[max(0, para - 1)][0] if self.paras else 0
        if self.last_match(CTX["shared_jurisdiction"], lo, head) is None:     # (one scan of the page)
            return False
        before = self.m[sent[0]:head]
        own = getattr(self, "region_name", None)
        return not (own and own[:2] in before) and not CTX["own_body"].search(before) \
            and "被告" not in before and "被申请人" not in before

    def _whole_line_above(self, para: int) -> str | None:
        """A line of its own naming a whole (全市, 全省:) over the label lines of a block, as an
        infographic sets its parts apart, when that whole is of a tier above the page's own: the
        block's figures are that whole's. A line naming the page's own (我区, 全区) or a heading or
        a sentence of prose ends the search upward."""
        for k in range(para - 1, max(-1, para - 8), -1):
            ps, pe = self.paras[k]
            line = self.m[ps:pe].strip()
            if (w := WHOLE_LINE.fullmatch(line)) is not None:
                return line if w.group("who") == "全" and self.above_own_tier(w.group("tier")) else None
            if "。" in line or len(line) > 40 or self._numbered(ps, self.m[ps:pe]):
                return None
        return None

    def above_own_tier(self, tier: str) -> bool:
        """The tier a 全X names (全市, 占全省…) is above the one the page speaks as."""
        own = self.own_tier()
        return own is not None and self._word_rank(tier) < own

    def below_own_tier(self, tier: str) -> bool:
        """The tier a row label opens with (区县政府 on a city's page, 镇政府 on a county's) is
        below the page's own: its level when the page's body is known (a county's page may
        name its city more often than itself), else how the page names itself. On a
        municipality's page (北京市, a province's level) 区 is a district."""
        level = getattr(self, "level", None)
        if level == "province" and (getattr(self, "region_name", None) or "").endswith("市"):
            return CTX["tier_rank"][tier] > CTX["tier_rank"]["市"]    # (its 市 is itself, its 区 below)
        own = LEVEL_TIER.get(level) or self.own_tier()
        return own is not None and self._word_rank(tier) > own

    def _word_rank(self, tier: str) -> int:
        """The tier a page's 全X / 我X names: 区 is an autonomous region's on a province's page,
        the zone itself on a zone's."""
        if tier == "区" and getattr(self, "level", None) == "province":
            return CTX["tier_rank"]["自治区"]
        if tier == "区" and getattr(self, "level", None) == "township" and self._zone_page():
            return LEVEL_TIER["township"]
        if tier == "市" and self._county_level_city():
            return LEVEL_TIER["county"]    # (全市 of a county-level city: the county itself)
        return CTX["tier_rank"][tier]

    def _county_level_city(self) -> bool:
        """The page's own place is a county-level city (弥勒市), by the gazetteer."""
        name = getattr(self, "region_name", None) or ""
        return getattr(self, "level", None) in ("county", "department") and name.endswith("市") \
            and levels_named(name) == {"county"}

    def _higher_government(self, clause, head: int) -> str | None:
        """The government of a tier above the page's own as its clause's subject (a county's
        cases decided by its superior: 州政府已作出维持决定4件). Only on the page of a local
        body: a province's or a department's page names its tiers otherwise (全区 of an
        autonomous region)."""
        if getattr(self, "level", None) not in ("city", "district", "county", "township"):
            return None
        own = self.own_tier()
        h = CTX["government_subject"].match(self.m, clause[0], head) \
            if self.may_match(CTX["government_subject"], clause[0], head) else None
        if h is None and "政府" in self.m[clause[0]:head]:
            h = CTX["government_party"].search(self.m, clause[0], head)
        if own is None or h is None:
            return None
        if self.level == "county" and h.group("tier") == "市" \
                and not (self.region_name or "").endswith(("县", "区", "旗")):
            return None                 # a county-level city's own government is its 市政府
        return h.group("who") if CTX["tier_rank"][h.group("tier")] < own else None

    def _bodies_passing_a_bar(self, clause, q) -> bool:
        """A count of bodies is the clause's subject and the measure follows it at once
        (江苏、山东等11个省份收案超过2万件): each passed the bar. Not bodies that are a means
        (依托38个服务点收到…超过1200件) nor the party of a total (12个部门作为被申请人的案件超过60件)."""
        h = self.search_in(CTX["units_reaching"], max(clause[0], q.head - 60), q.head)
        if h is None or INSTRUMENT.search(self.m, clause[0], h.start()):
            return False
        gap = self.m[h.end():q.head]
        return len(gap) <= 10 and "的" not in gap

    def _corrected_by_higher(self, clause, head: int) -> str | None:
        """被某市人民政府复议撤销、确认违法6件 on a county's page: a higher tier's government (or
        a named other place's) reviewed the page's own acts and corrected them; by the page's
        own government (被县政府复议撤销 on the county's page) they are its own corrections."""
        h = CORRECTED_BY.search(self.m, max(clause[0], head - 40), head)
        if h is None:
            return None
        who = h.group("who")
        if len(who) == 1:
            return who + "政府" if who in TIER_CHARS and self.above_own_tier(who) else None
        return self._another_place(who)

    def _region_whole_on_department(self, clause, head: int) -> re.Match | None:
        """The region's whole or its government opening the clause of a figure on a department's
        page, unless the clause names the page's own body as the party of the cases (市政府行政复议
        机构转来以我局为被申请人的…8件, 区政府考核通报我分局…出庭应诉率100%): those are its own."""
        m = self.m
        whole = GOVERNMENT_WHOLE.match(m, clause[0], head)
        if whole is None and not self._justice_bureau_page():
            whole = REGION_GOVERNMENT_OPENING.match(m, clause[0], head) or REGION_WHOLE_ACTING.match(m, clause[0], head)
        if whole is None or OWN_BODY.search(m, whole.end(), head):
            return None
        return whole

    def _reviewed_by_another(self, sent, clause, head: int) -> str | None:
        """A named other place's government said earlier in the sentence to review the page's own
        cases (以县政府为被申请人、由某市人民政府审理的案件7件,维持5件): the outcomes after it are
        that government's decisions, not the body's (the count of cases itself is its own), and so
        are the cases it closed (由市政府审结19件)."""
        h = self.last_match(REVIEWED_BY, sent[0], head)
        for rx in (REVIEWED_BY_TIER, REVIEWED_BY_ROLE):
            g = self.last_match(rx, sent[0], head)
            if g is not None and (h is None or g.start() > h.start()):
                h = g
        if h is None:
            return None
        closed_by_it = h.group().endswith(("审结", "办结")) and h.end() >= clause[0]   # 由市政府审结19件
        if not closed_by_it and not OUTCOME_WORD.search(self.m, max(h.end(), clause[0]), head):
            return None
        clauses = self._clause_list(sent)[0]
        k = self.clause_index(clause[0], sent)
        while k and h.start() < clauses[k - 1][0]:
            if not OUTCOME_OPENING.match(self.m, clauses[k - 1][0]):
                return None        # (another act between: 经…审查同意,县政府设立…,审结…维持30件)
            k -= 1
        if h.re is REVIEWED_BY_ROLE:
            return h.group() if getattr(self, "level", None) in ("department", "township") else None
        if h.re is REVIEWED_BY_TIER:
            return h.group() if self._reviewer_above(h.group("tier")) else None
        name = h.group("name")
        # (a government of a tier above the page's reviews, though its name is in the title:
        # 经浏阳市人民政府审理 on the page of 浏阳市大瑶镇)
        return self._another_place(name) or (name if name[-1] in CTX["tier_rank"] and self._reviewer_above(name[-1]) else None)

    def _reviewer_above(self, tier: str) -> bool:
        """A government named by its tier alone reviews another body's cases: on a department's
        page any government (its own, since 2024 the reviewer of its acts), else one of a tier
        above the page's own (经市政府审理 on a county's page; 经县政府审理 there is its own)."""
        if getattr(self, "level", None) == "department":
            return True
        own = LEVEL_TIER.get(getattr(self, "level", None)) or self.own_tier()
        return own is not None and self._word_rank(tier) < own

    def _higher_whole(self, sent, head: int) -> str | None:
        """The last whole named before the figure in its sentence (全市, 我区, 本县) when it is of a
        higher tier than the page's own (全市 on a page that calls itself 我区)."""
        own = self.own_tier()
        if own is None:
            return None
        h = self._last_hit("tier_word", sent[0], head)
        if h is None or h.group("who") != "全":
            return None
        if (aside := self.paren_of(h.start())) is not None and not aside[0] < head < aside[1]:
            return None                # …88件(全市共2140件),受理81件: the whole named in an aside only
        part = max(self.m.rfind("；", h.end(), head), self.m.rfind(";", h.end(), head),
                   self.m.rfind("其中", h.end(), head))
        if part >= 0 and (self._own_party_named(part, head) or self._own_government_opens(part, own)):
            return None                # 全县共受理…93件;以乡政府为被申请人的…1件 (…,其中以乡政府为被告的2件):
                                       # the page's own part (…共收到3105件,其中县政府收到612件,受理574件)
        tier = h.group("tier")
        if tier == "区" and "自治区" in self.m[sent[0]:h.start()] and (
                own != LEVEL_TIER["district"] or REGION_SOURCE.search(self.m, sent[0], h.end() + 6)):
            # 自治区司法厅数据显示,全区…: the autonomous region's whole; on a district's own page
            # only when the region is the source (据自治区司法厅通报, 全区(自治区)), not when the
            # district follows its lead (我区认真贯彻落实自治区党委部署,全区…)
            tier = "自治区"
        elif tier == "区" and own == LEVEL_TIER["city"] and in_autonomous_region(getattr(self, "region_name", None) or ""):
            tier = "自治区"            # 全区 on a city's page in 内蒙古 or 广西: the autonomous region's whole
        if self._word_rank(tier) >= own:
            return None
        if (COMPARED_OBJECT.search(self.m, max(sent[0], h.start() - 4), h.start())
                or SHARE_OF.search(self.m, max(sent[0], h.start() - 8), h.start())) \
                and CLAUSE_END.search(self.m, h.end(), head):
            return None                # 高于全市平均水平;败诉率为3.8%: the whole compared with, in a clause before
                                       # (占某市全市(2013件)的24.1%;依法受理452件: the whole a share is of)
        if STANDING_IN_WHOLE.match(self.m, h.end()) and CLAUSE_END.search(self.m, h.end(), head):
            return None                # 被命名为全省法治政府建设示范县,全年共受理…: a rank or an award in
                                       # (or a superlative: 作为全州案件数量最多的县(市),全年共收到…)
                                       # the higher whole, in a clause before the figure's
        if self.m[max(sent[0], h.start() - 1):h.start()] == "在" and (f := ASSESSMENT_FRAME.match(self.m, h.end())) \
                and f.end() <= head:
            return None                # 在全市依法行政考核中,区政府…出庭应诉率100%: the body assessed in it
        return h.group()

    def _own_year_clause(self, clause, head: int) -> bool:
        """The figure's clause opens with one year of its own (,2023年达到145件) and holds no mark
        of several years before the figure: the span named earlier in the sentence is over."""
        return bool(ONE_YEAR_OPENING.match(self.m, clause[0], head)) \
            and self._last_hit("cumulative", clause[0], head) is None \
            and self._last_hit("rate_cumulative", clause[0], head) is None

    def _own_year_since_span(self, sent, clause, head: int) -> bool:
        """A clause after the span's, before the figure's, opens with one year of its own
        (年均受理约80件;2020年实际受理86件,审结81件): the span is over for the figures after it."""
        h = self._last_hit("cumulative", sent[0], head)
        if h is None:
            return False
        for c0, _c1 in self._clause_list(sent)[0]:
            if h.end() <= c0 < clause[0] and self._own_year_clause((c0, _c1), min(_c1, head)):
                return True
        return False

    def _plan_ended(self, a: int, b: int) -> bool:
        """The target word before the figure is a five-year plan's end (“十三五”末) that the report's
        year has reached: what was reached then, a result."""
        h = self._last_hit("target", a, b)
        p = PLAN_END.search(h.group()) if h is not None else None
        if p is None or self.report_year is None:
            return False
        return 1955 + 5 * (10 + "一二三四五六七八九".index(p.group(1)) + 1) <= self.report_year

    def _rate_over_years(self, sent, q: Quantity) -> bool:
        """A rate said of several years: an average (年均, 以来…平均), or a streak kept above a
        bar or about a value (连续五年保持在98%以上, 近三年…保持在15%左右); a streak at an exact value
        (连续三年保持100%, 2020年以来均保持100%) is this year's too."""
        h = self._last_hit("rate_cumulative", sent[0], q.head)
        if h is None:
            return False
        if CTX["year_own_period"].search(self.m, sent[0], h.start()) and re.search("[;；]", self.m[h.end():q.head]):
            return False       # 全年…,近五年年均增长12.4%;…纠错率9.8%: the aside on the years ended
        return not ((h.group().startswith(("连续", "历年")) or "保持" in h.group()) and q.qualifier == "exact")

    def _rate_of_the_span(self, sent, q: Quantity) -> bool:
        """A rate under a span that its sentence's counts are totals of (改革以来,…累计审结934件,
        纠错121件,综合纠错率13%; 近三年,…败诉率为6.2%): the span's own rate, unless it is kept
        through it (保持, 均, 始终) or is whole (100%: every year's too)."""
        h = self._last_hit("cumulative", sent[0], q.head)
        if h is None or q.value >= 100:
            return False
        if TO_LEVEL_END.search(self.m, max(h.end(), q.head - 12), q.head):
            return False       # 近三年,…败诉率由12.1%下降至4.3%: where the movement ends, the current level
        return not SPAN_KEPT.search(self.m, h.end(), q.head) and not YEAR_OF_ITS_OWN.search(self.m, h.end(), q.head)

    def _lower_level(self, sent, clause, head: int) -> str | None:
        """A tier named by its level in the figure's clause (县级政府) below the page's own tier or
        below the whole (全市) named before it in its sentence; or in the clause that frames it
        (市县两级政府作为被告的案件中,负责人出庭率为99.1%)."""
        h = self._last_hit("tier_level", clause[0], head)
        if h is None and clause[0] > sent[0] and self._last_hit("tier_level", sent[0], clause[0]) is not None:
            h = self._last_hit("tier_level", self._frame_start(sent, clause), head)
        if h is None:
            return None
        ranks = CTX["tier_rank"]
        tier = ranks[h.group("tier")]
        ref = self.own_tier()
        if tier == ref == LEVEL_TIER["township"] and self.m[h.start() - 1:h.start()] == "以":
            return None        # 全县…,其中以镇政府为被告的3件 on a township's page: its own government
        part = self._semicolon_part_start(sent[0], h.start())
        w = self._last_hit("tier_word", part, h.start())     # (a whole before a semicolon is another part's)
        if w is not None and w.group("who") != "该":
            ref = self._word_rank(w.group("tier")) if ref is None else min(ref, self._word_rank(w.group("tier")))
        if ref is not None and (t := TIER_LISTED_BEFORE.search(self.m, max(0, h.start() - 3), h.start())) \
                and ranks.get(t.group(1), 9) <= ref:
            return None        # 省、市县两级政府共办理…: the page's own tier listed with the lower ones, the whole
        return h.group() if ref is not None and tier > ref else None

    def last_match(self, rx: re.Pattern, a: int, b: int):
        """The last match of `rx` lying wholly inside [a, b), from one scan of the whole text (a
        sentence of thousands of figures asks once a figure, and costs its length once)."""
        ends, hits = self._all_hits(rx)
        j = bisect.bisect_right(ends, b) - 1
        return hits[j][2] if j >= 0 and hits[j][1] >= a else None

    def _last_hit(self, name: str, a: int, b: int):
        """The last match of CTX[name] lying wholly inside [a, b) (see last_match)."""
        return self.last_match(CTX[name], a, b)

    def _all_hits(self, rx: re.Pattern):
        """(ends, [(end, start, match)]) of every match of `rx` in the masked text, in order,
        from one scan made once."""
        cache = self.__dict__.setdefault("_hit_cache", {})
        if rx not in cache:
            self.may_match(rx, 0, 0)                 # (the figure filter's scan, once)
            at = self._ends.get(id(rx))              # where it may end: search only near those
            found = rx.finditer(self.m) if at is None else search_near(rx, self.m, at)
            hits = [(h.end(), h.start(), h) for h in found]
            cache[rx] = ([e for e, _s, _h in hits], hits)
        return cache[rx]

    def _national_subject(self, sent, clause, head: int) -> bool:
        """全国 named earlier in the sentence (全国法院2022年审结…26.3万件,行政机关败诉率为12.4%), as
        the national figure's subject, with no whole of the reporting body (全市, 本市, 我市) or
        place subject after it: a reader still holds the nation as the subject."""
        if self.national_doc:
            return False
        i = bisect.bisect_right(self.national_at, head) - 1
        if i < 0 or self.national_at[i] < sent[0]:
            return False
        n = self.national_at[i]
        if not CTX["national"].match(self.m, n):
            return False
        c0 = self.clause_of(n, sent)[0]
        if len(YEAR_OPENING.sub("", self.m[c0:n]).strip()) > 4 or self.m[max(c0, n - 1):n] in ("于", "比", "较", "居", "在", "与") \
                or "占" in self.m[c0:n]:
            return False               # 居于全国前列, 低于全国均值, 占全国总量的4.7%: a comparison or a
                                       # share of the nation's whole, not the subject
        w = self._last_hit("tier_word", n + 2, head)
        return w is None and not self.search_in(CTX["own_body"], n + 2, head) \
            and not self._other_place_subject(clause, head)


# a branch or unit named right after a bureau's name (某市生态环境局温岭分局, 某市公安局某某派出所)
BRANCH_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:分局|支队|大队|中队|派出所|分院|管理所|管理站)")


def _heads_as_itself(party: str, head: str) -> bool:
    """`party` names the body a head line titles, not the bureau a branch of it belongs to."""
    at = head.find(party)
    while at != -1:
        if not BRANCH_AFTER.match(head, at + len(party)):
            return True
        at = head.find(party, at + 1)
    return False
