"""A printed page's layout left in a text (lawgov.text.layout): lines broken at a margin,
page numbers and running titles inside a paragraph, Han characters spaced apart."""

from lawgov.extract import extract
from lawgov.text import normalise
from lawgov.text.layout import layout_deletions

WRAPPED = (
    "青山区人民政府2023年法治政府建设情况报告\n"
    "一、推进依法行政\n"
    "区政府常务会议全年专题学法11次，举办领导干部法治讲座四\n"
    "场，组织旁听庭审活动两次，推动领导干部带头尊法学法守法用\n"
    "法，法治意识明显增强。\n"
    "二、化解行政争议\n"
    "区政府全年共收到行政复议申请128件，依法受理117件，审结1\n"
    "09件，其中维持70件，驳回11件，撤销8件，纠错率13.8%。全区一\n"
    "审行政诉讼案件86件，行政机关负责人出庭应诉86件，出庭应诉率\n"
    "100%。\n"
)


def _joined(text: str) -> str:
    return normalise(text).text


def test_lines_broken_at_the_margin_are_joined_back():
    text = _joined(WRAPPED)
    assert "审结109件" in text and "全区一审行政诉讼案件86件" in text and "出庭应诉率100%" in text
    assert text.startswith("青山区人民政府2023年法治政府建设情况报告\n一、推进依法行政\n")
    facts = {(f.indicator, f.value) for f in extract(WRAPPED, 2023, level="district").facts}
    assert ("reconsideration.closed", 109) in facts and ("litigation.head_appearances", 86) in facts


def test_lines_are_joined_at_the_margin_only_in_a_text_that_shows_it_was_printed():
    unbroken = WRAPPED.replace("审结1\n09件", "审结109件\n").replace("应诉率\n100%", "应诉率100%\n")
    assert "全区一\n审行政诉讼" in _joined(unbroken)


def test_evidence_still_points_at_the_published_text():
    nt = normalise(WRAPPED)
    i = nt.text.index("审结109件")
    s, e = nt.to_original(i, i + len("审结109件"))
    assert WRAPPED[s:e] == "审结1\n09件"


def test_a_page_number_and_a_running_title_between_a_paragraphs_halves_go():
    text = ("松原县2022年法治政府建设年度报告\n"
            "县政府常务会议专题学习宪法、民法典、行政复议法等法律法规8次，举办法治讲\n"
            "座3场，组织全县行政执法人员参加公共法律知识培训考试，参考率100%。县政府\n"
            "坚持复议为民，畅通申请渠道，推行网上申请，全年共收到行政复议申请\n"
            "— 2 —\n"
            "白山市松原县2022年法治政府建设年度报告\n"
            "64件，受理59件，审结55件，纠错率12.7%，行政机关负责人出庭应诉率达到100\n"
            "%，全年败诉2件。\n")
    joined = _joined(text)
    assert "收到行政复议申请64件" in joined and "— 2 —" not in joined
    facts = {(f.indicator, f.value) for f in extract(text, 2022, level="county").facts}
    assert ("reconsideration.received", 64) in facts


def test_han_characters_spaced_apart_are_closed_up():
    text = "河 口 县 2023 年 法 治 政 府 建 设 年 度 报 告\n县 政 府 全 年 收 到 行 政 复 议 申 请 47 件 ， 受 理 43 件 。\n"
    assert "县政府全年收到行政复议申请47件,受理43件。" in _joined(text).replace("，", ",")


def test_a_crawled_page_of_long_paragraphs_is_left_as_it_is():
    page = ("首页 > 政务公开 > 法治政府建设\n"
            "东岭市2023年法治政府建设工作情况报告\n"
            "发布时间:2024-02-20 10:30:12 来源:市司法局 浏览次数:1024\n"
            + "2023年,在市委、市政府的坚强领导下,全市深入学习贯彻习近平法治思想,全面推进法治政府建设,"
              "各项工作取得明显成效,现将有关情况报告如下。\n" * 3
            + "全年共收到行政复议申请560件,受理512件。\n")
    assert layout_deletions(page) == []


def test_rows_of_a_table_set_apart_by_spaces_are_never_joined():
    table = ("2022年度各区行政应诉情况\n"
             "单位         应诉案件   开庭   负责人出庭   出庭率    败诉\n"
             "市本级          96        88       88       100%        4\n"
             "东湖区         143       131      131       100%        7\n"
             "西岭区          87        80       79      98.8%        3\n"
             "南山区         162       149      149       100%       11\n")
    assert layout_deletions(table) == []


def test_a_figure_split_from_its_clause_is_joined_in_any_text():
    page = ("北湖区2022年法治政府建设情况报告\n"
            + "全区深入推进法治政府建设,各项工作取得新进展,群众满意度持续提升,法治环境不断改善。" * 3 + "\n"
            "2022年,区政府依法办理行政复议案件,全年共收到行政复议申请\n"
            "74件,受理66件,审结62件。审结案件中,维持4\n1件,驳回8件。\n")
    text = _joined(page)
    assert "收到行政复议申请74件" in text and "维持41件" in text


def test_a_label_line_and_a_bare_cell_stay_apart():
    for page in ("收到申请(件)\n88\n受理(件)\n79\n", "2021年\n28件\n2022年\n31件\n", "行政复议：\n74件,占全部的60%。\n"):
        assert layout_deletions(page) == [], page


def test_a_figure_split_from_its_unit_is_joined():
    page = "西湖街道2022年法治政府建设情况报告\n2022年,街道办事处作为行政复议被申请人的案件6\n件,均已审结。\n"
    assert "案件6件,均已审结" in _joined(page)


def test_a_decimal_broken_at_its_point_and_a_sentence_broken_before_its_figure_are_joined():
    assert "达到98.6%,全年" in _joined("南山县2023年报告\n出庭应诉率达到98.\n6%,全年败诉3件。\n")
    assert "纠错率为12.5%,出庭" in _joined("南山县2023年报告\n全年行政复议纠错率为12\n.5%,出庭应诉率为100%。\n")
    assert "申请57件,受理" in _joined("南山县2023年报告\n全年县政府共收到行政复议申请\n57件,受理52件,审结49件。\n")


def test_lines_spaced_with_runs_of_spaces_are_closed_up_among_lines_that_are_not():
    text = ("临川县人民政府关于2022年度法治政府建设工作情况的报告\n(二)行政复议与应诉\n"
            "全  年  县  政  府  共  受  理  行  政  复  议  案  件  36  件  ，  审  结  36  件  。\n"
            "收到申请  受理  审结\n")
    got = normalise(text).text
    assert "全年县政府共受理行政复议案件36件，审结36件。" in got
    assert "收到申请  受理  审结" in got          # a table's header keeps its columns apart


def test_a_word_that_begins_with_a_units_character_is_no_unit():
    """人民调解, 起诉, 项目 on the line after a bare figure: a new line of words, not the unit
    the figure was broken from (as 件 or 人次 would be)."""
    for text in ("法律援助 件 388\n人民调解 件 2,317\n", "审结案件38\n起诉期限届满的，依法处理。\n",
                 "完成15\n项目资金3,000万元，已拨付。\n"):
        assert _joined(text) == text
    assert "出庭12人次，" in _joined("出庭12\n人次，出庭率100%。\n")


def test_lines_broken_at_a_ragged_margin_are_joined_in_a_printed_text():
    # another tool's extraction counts digits and marks at other widths: the lines that reach
    # the margin are ragged by a fifth of its width
    text = ("旌德县2022年行政复议工作报告\n"
            "2022年，全县各级行政机关共收到群众提出的行政复议申请318件，依法\n"
            "受理296件，占收到申请的93.1%；不予受理、告知或转送\n"
            "处理的22件，全年审结复议案件281件，作出撤销、变更等纠\n"
            "错决定19件。\n"
            "— 4 —\n")
    assert "依法受理296件" in _joined(text) and "作出撤销、变更等纠错决定19件" in _joined(text)


def test_a_page_number_on_a_line_of_its_own_goes_wherever_it_stands():
    text = "维持 | 512\n撤销 | 38\n合计 | 550\n第 3 页\n"
    assert _joined(text).rstrip("\n") == "维持 | 512\n撤销 | 38\n合计 | 550"


def test_a_viewers_page_count_on_a_line_of_its_own_is_a_page_number():
    text = WRAPPED.replace("审结1\n09件", "审结1\n2/4\n09件")
    joined = _joined(text)
    assert "审结109件" in joined and "2/4" not in joined
    assert "比例3/5" in _joined("比例3/5\n") and "2023/12/08" in _joined("2023/12/08\n")


def test_a_heading_spread_across_its_line_is_closed_up_but_a_header_row_of_words_is_not():
    text = _joined("一、行 政 复 议\n处理方式 数量 比例\n维持 512 63.5%\n")
    assert text.startswith("一、行政复议\n") and "处理方式 数量 比例" in text


def test_a_printed_notice_of_many_short_lines_still_joins_its_paragraphs():
    # an official notice: its number, addressees, headings and signature are lines of their
    # own, so the lines that reach the margin are only a third of the long ones
    text = ("茂名市府院联动办公室文件\n"
            "茂府院办〔2024〕3号\n"
            "关于2023年全市行政机关负责人\n"
            "出庭应诉情况的通报\n"
            "各区县（市）人民政府，市直有关单位：\n"
            "现将2023年全市行政机关负责人出庭应诉情况通报如下。\n"
            "一、基本情况\n"
            "2023年，全市两级法院开庭审理的行政诉讼案件共412件，行政机关负责人出庭应\n"
            "诉367件，出庭应诉率89.08%，较上年提高6.2个百分点，其中主要负责人出庭\n"
            "21件，县级以上政府负责人出庭应诉率达到100%，均高于全省平均水平。\n"
            "二、存在问题\n"
            "个别单位负责人出庭不出声，应诉材料准备不充分。\n"
            "茂名市府院联动办公室\n"
            "2024年1月20日\n"
            "抄送：市人民政府办公室，市中级人民法院。\n"
            "— 1 —\n")
    joined = _joined(text)
    assert "行政机关负责人出庭应诉367件" in joined and "主要负责人出庭21件" in joined
    assert "出庭应诉情况的通报\n各区县" in joined


def test_a_space_between_a_figure_and_its_unit_or_year_word_goes_but_not_between_cells():
    assert _joined("败诉率由2019 年的16.4%下降到2021 年的6.12%，新聘法制员118 人。") == \
        "败诉率由2019年的16.4%下降到2021年的6.12%，新聘法制员118人。"
    assert _joined("维持 3105 74.8%\n撤销 58 1.4%") == "维持 3105 74.8%\n撤销 58 1.4%"


def test_a_space_before_a_figure_that_runs_on_into_its_sentence_goes():
    assert _joined("较 2020 年 172 件增加 109 件，新收 3.6 萬余件。") == "较2020年172件增加109件，新收3.6万余件。"
    assert _joined("现将 2020 年度工作报告如下；自 2021 年 8 月 1 日起，连续 15 年高于诉讼案件。") == \
        "现将2020年度工作报告如下；自2021年8月1日起，连续15年高于诉讼案件。"


def test_a_space_before_a_tables_first_cell_or_a_header_years_stays():
    assert _joined("项目 2021 年 2022 年\n收到申请 187件 214件") == "项目 2021年 2022年\n收到申请 187件 214件"
    assert _joined("收到申请 286 人民群众申请为主\n审结 241 月均20件") == "收到申请 286 人民群众申请为主\n审结 241 月均20件"
    assert _joined("指标 2022年 2023年 收到申请(件) 172 201") == "指标 2022年 2023年 收到申请(件) 172 201"
    assert _joined("项目 2022 年 2023 年 备注\n收到申请 88 件 103 件 增长明显") == \
        "项目 2022年 2023年 备注\n收到申请 88件 103件 增长明显"          # (a cell after another figure's)
    assert _joined("指标 2022年完成值 2023年完成值") == "指标 2022年完成值 2023年完成值"   # (a row of years)
    assert _joined("由 2019 年的 12.5% 下降至 2022 年的 6.3%，") == "由2019年的12.5% 下降至2022年的6.3%，"


def test_a_line_broken_inside_a_reports_word_is_joined_in_any_text():
    text = "2014年全省法院共收到行\n政案件1.7万余件，其中行政机关负\n责人出庭应诉836件。"
    assert _joined(text) == "2014年全省法院共收到行政案件1.7万余件，其中行政机关负责人出庭应诉836件。"


def test_a_broken_word_alone_is_no_sign_the_page_was_printed():
    # (the page's other lines stay as they are: only a page number or a split figure shows
    # that its lines were broken at a margin)
    text = ("市司法局关于2023年行政复议工作的通报，全市共收到行\n"
            "政复议申请412件，依法受理385件，审结361件，纠错41件\n"
            "各区县要认真总结经验，进一步规范行政复议办案程序，提升\n"
            "办案质量和效率，切实发挥行政复议化解行政争议的主渠道\n")
    joined = _joined(text)
    assert "收到行政复议申请412件" in joined and "程序，提升\n办案质量" in joined


def test_a_running_head_beside_page_numbers_goes_with_them():
    text = ("某县人民政府文件\n某县2023年行政复议情况\n附表 行政复议案件情况\n年度\n收到申请\n受理\n"
            "— 2 —\n某县人民政府文件\n审结\n2022年\n88\n80\n77\n2023年\n103\n95\n90\n— 3 —\n某县人民政府文件\n")
    joined = _joined(text)
    assert joined.startswith("某县人民政府文件\n")          # (the page's own first line stays)
    assert joined.count("某县人民政府文件") == 1
    ex = extract(text, 2023)
    assert {(f.indicator, f.value, f.year) for f in ex.facts} >= {
        ("reconsideration.received", 103, 2023), ("reconsideration.closed", 77, 2022)}


def test_a_line_said_twice_away_from_page_numbers_stays():
    text = "一、行政复议\n全年受理案件88件。\n— 2 —\n二、行政应诉\n全年应诉案件31件。\n一、行政复议\n"
    assert _joined(text).count("一、行政复议") == 2


def test_figure_cells_beside_page_numbers_are_no_running_head():
    text = ("某县2023年行政应诉情况\n年度\n应诉案件\n出庭率\n2022年\n38\n100%\n— 2 —\n2023年\n41\n100%\n"
            "— 3 —\n")
    assert _joined(text).count("100%") == 2


def test_lines_cut_at_one_width_are_joined_without_a_page_number():
    # a PDF's first page: no page number yet, no figure split, but every long line ends at the
    # same column (a line before a half-width mark a column short)
    text = ("某县司法局2023年工作总结\n"
            "2023年，县司法局坚持以习近平法治思想为指导，全面推进依法治县各项工作\n"
            "，统筹推进法治政府建设，全年共收到行政复议申请86件，依法受理79件，审\n"
            "结72件，纠错9件，纠错率12.5%；全县行政机关负责人出庭应诉率达到百分之\n"
            "百，行政诉讼败诉率较上年下降2.1个百分点，行政争议化解成效明显，法治\n"
            "宣传教育深入开展，公共法律服务体系不断完善，人民调解工作扎实推进，基\n"
            "层法治建设水平稳步提升。\n"
            "二、存在的问题\n")
    joined = _joined(text)
    assert "各项工作，统筹" in joined and "依法受理79件，审结72件" in joined
    assert "达到百分之百" in joined and "提升。\n二、存在的问题" in joined


def test_a_web_pages_paragraphs_and_a_tables_rows_are_not_cut_lines():
    paragraphs = ("某区2023年法治政府建设情况\n"
                  "2023年，全区共收到行政复议申请120件，依法受理108件。\n"
                  "全区行政机关负责人出庭应诉率100%，较上年提高3个百分点，行政诉讼败诉率下降。\n"
                  "全年开展普法活动56场次。\n"
                  "全区审查规范性文件23件，备案率、及时率、规范率均达100%，未发现问题。\n"
                  "深入推进严格规范公正文明执法，评查行政执法案卷210卷。\n")
    assert _joined(paragraphs) == paragraphs
    rows = ("某县行政复议案件统计\n"
            "收到申请(件)、受理(件)：  2021年 103 95\n"
            "收到申请(件)、受理(件)：  2022年 118 104\n"
            "收到申请(件)、受理(件)：  2023年 126 117\n"
            "收到申请(件)、受理(件)：  2024年 131 120\n"
            "收到申请(件)、受理(件)：  2025年 140 129\n")
    assert _joined(rows) == rows


def test_a_figures_digits_set_apart_one_by_one_in_a_sentence_are_closed_up():
    text = "全年共审查合同 2 0 8 件，办理复议案件 6 4 件，直接纠错率 1 2 . 5 %。"
    assert _joined(text) == "全年共审查合同 208件，办理复议案件 64件，直接纠错率 12.5%。"
    assert _joined("公开政府信息 2 . 3 万\n条，办理申请 7 1 件。") == "公开政府信息 2.3万\n条，办理申请 71件。"


def test_digits_set_apart_once_or_in_a_tables_rows_stay_apart():
    assert _joined("全年办理复议案件 6 4 件。") == "全年办理复议案件 6 4件。"    # (one alone: no style of the page)
    assert _joined("项目 2021 2022 2023\n收到 4 5 6 件\n受理 3 4 5 件") == "项目 2021 2022 2023\n收到 4 5 6件\n受理 3 4 5件"


def test_a_figure_grouped_in_thousands_by_a_space_is_one_figure():
    assert _joined("持证执法人员：3 081人，办理处罚案件12 406件，开展活动 2 300 余场。") == \
        "持证执法人员：3081人，办理处罚案件12406件，开展活动 2300余场。"
    assert _joined("维持 3105 74.8%\n撤销 58 1.4%") == "维持 3105 74.8%\n撤销 58 1.4%"
    facts = extract("某区2023年法治政府建设情况\n全区共受理行政复议申请1 208件。", 2023).facts
    assert [(f.indicator, f.value) for f in facts] == [("reconsideration.accepted", 1208)]


def test_a_tables_row_of_three_digit_cells_is_not_one_figure_grouped_in_thousands():
    """A row of cells under a header (312 287 287 100%) is not a figure of twelve digits: the
    cells were lost whole before (no fact, no mention)."""
    row = "应诉案件 开庭审理 出庭人次 出庭率\n415 362 362 100%"
    assert _joined(row) == row
    text = "某县2021年行政应诉情况\n应诉案件(件)\t开庭审理(件)\t负责人出庭(人次)\t出庭应诉率\n415\t362\t362\t100%\n"
    got = {(f.indicator, f.value) for f in extract(text, 2021).facts}
    assert ("litigation.cases", 415) in got and ("litigation.head_appearance_rate", 100) in got
