"""Tables printed one cell per line are joined back into rows, keeping the text's length."""

from lawgov.text import join_cell_lines, join_tables


def test_a_table_with_a_caption_is_joined_row_by_row():
    text = "表2 办理结果\n\n类别\n\n数量\n\n维持\n\n40\n\n撤销\n\n6\n\n终止\n\n3\n\n以上为全年情况。"
    joined = join_cell_lines(text)
    assert len(joined) == len(text)
    assert "类别| 数量" in joined and "维持| 40" in joined and "终止| 3" in joined
    assert joined.startswith("表2 办理结果\n\n")         # the caption stays a line of its own
    assert joined.endswith("\n\n以上为全年情况。")


def test_year_labels_make_a_header():
    joined = join_cell_lines("指标\n2021\n2022\n受理\n30\n41\n审结\n28\n40\n")
    assert joined.splitlines() == ["指标|2021|2022", "受理|30|41", "审结|28|40"]


def test_a_last_row_cut_by_the_end_of_the_page_is_kept():
    joined = join_cell_lines("地区\n受理\n纠错\n东区\n12\n2\n西区\n9\n1\n南区\n7")
    assert joined.splitlines()[-1] == "南区|7"


def test_menus_and_short_headings_stay_lines():
    menu = "首页\n机构概况\n政务公开\n1\n2\n3\n下一页\n尾页\n"
    assert join_cell_lines(menu) == menu
    headings = "一、总体情况\n二、行政复议\n三、行政应诉\n四、存在问题\n五、下一步打算\n六、附件\n"
    assert join_cell_lines(headings) == headings


def test_a_column_of_mixed_kinds_is_no_table():
    text = "项目\n数量\n受理\n30\n审结\n约三成\n纠错\n5\n"
    assert join_cell_lines(text) == text


def test_a_caption_is_not_taken_for_a_header_cell():
    joined = join_cell_lines("某县行政应诉情况\n项目\n2022\n2023\n行政诉讼案件\n96\n118\n出庭应诉率\n91.2%\n100%\n")
    assert joined.splitlines() == ["某县行政应诉情况", "项目|2022|2023", "行政诉讼案件|96|118", "出庭应诉率|91.2%|100%"]


def test_columns_set_apart_by_spaces_are_joined_and_a_short_total_row_too():
    from lawgov.text.cells import join_spaced_columns
    text = "序号 单位 案件数 出庭率\n1 县政府 8 100%\n2 县公安局 5 80%\n3 县税务局 3 100%\n合计 16 93.8%\n公示期五日。"
    joined = join_spaced_columns(text)
    assert len(joined) == len(text)
    assert joined.splitlines()[:2] == ["序号|单位|案件数|出庭率", "1|县政府|8|100%"]
    assert joined.splitlines()[4] == "合计|16|93.8%"


def test_a_spaced_table_goes_on_past_an_empty_remark_and_a_group_row():
    from lawgov.text.cells import join_spaced_columns
    text = ("序号 项目 单位 数量 备注\n一 行政复议\n1 收到申请 件 52\n2 受理 件 49 含转送\n"
            "二 行政应诉\n3 应诉案件 件 31\n统计口径见附件。")
    joined = join_spaced_columns(text)
    assert len(joined) == len(text)
    assert joined.splitlines()[:6] == ["序号|项目|单位|数量|备注", "一|行政复议", "1|收到申请|件|52",
                                       "2|受理|件|49|含转送", "二|行政应诉", "3|应诉案件|件|31"]
    assert joined.splitlines()[6] == "统计口径见附件。"


def test_a_row_one_short_is_no_row_unless_the_last_column_is_for_remarks():
    from lawgov.text.cells import join_spaced_columns
    text = "序号 项目 单位 数量\n1 收到申请 件 52\n2 受理 49\n3 审结 件 47\n"
    assert join_spaced_columns(text).splitlines()[2] == "2 受理 49"


def test_prose_with_spaces_is_no_table():
    from lawgov.text.cells import join_spaced_columns
    text = "时间:2024-01-22  来源:县司法局  阅读次数:146\n一年来 全县 坚持 依法行政\n"
    assert join_spaced_columns(text) == text


def test_labels_with_their_figures_on_the_next_lines_are_joined():
    from lawgov.text.cells import join_label_lines
    text = "统计如下:\n收到申请\n88\n件\n受理\n80\n件\n审结\n71\n纠错率\n9.9%\n注:阶段性数据。"
    joined = join_label_lines(text)
    assert len(joined) == len(text)
    assert joined.splitlines()[1:5] == ["收到申请 88 件", "受理 80 件", "审结 71", "纠错率 9.9%"]
    two = "收到申请\n88\n受理\n80\n"                           # two pairs are no layout
    assert join_label_lines(two) == two


def test_label_figure_pairs_under_a_title_are_no_two_column_table():
    from lawgov.text import join_tables
    text = "2022年行政复议工作情况\n\n受理\n30\n审结\n28\n纠错\n5\n"
    joined = join_tables(text)
    assert joined.splitlines()[0] == "2022年行政复议工作情况"
    assert "受理 30" in joined and "纠错 5" in joined


def test_dated_links_are_no_table():
    text = "相关链接\n通知一\n2023.01.05\n通知二\n2023.01.09\n通知三\n2023.02.01\n"
    assert join_cell_lines(text) == text


def test_one_row_of_figures_under_a_two_level_header_is_joined():
    text = ("某区行政复议案件统计表\n收案情况\n审结情况\n收到申请\n受理\n审结\n维持\n撤销\n"
            "52\n47\n45\n30\n6\n")
    joined = join_cell_lines(text)
    assert len(joined) == len(text)
    assert joined.splitlines() == ["某区行政复议案件统计表", "收案情况", "审结情况",
                                   "收到申请|受理|审结|维持|撤销", "52|47|45|30|6"]


def test_labels_and_figures_that_do_not_pair_are_no_one_row_table():
    uneven = "收到申请\n受理\n52\n47\n45\n"                 # more figures than labels
    assert join_cell_lines(uneven) == uneven
    links = "首页\n机构概况\n政务公开\n1\n2\n3\n下一页\n"       # figures between words: a pager
    assert join_cell_lines(links) == links
    many = "甲\n乙\n丙\n丁\n戊\n己\n庚\n辛\n壬\n1\n2\n3\n"    # far more labels than figures
    assert join_cell_lines(many) == many


def test_a_header_over_one_row_of_spaced_figures_is_joined():
    from lawgov.text.cells import join_spaced_columns
    text = "统计如下\n收到申请(件)  受理(件)  审结(件)  纠错率(%)\n86  79  75  12.0\n"
    assert join_spaced_columns(text).splitlines()[1:] == ["收到申请(件)| 受理(件)| 审结(件)| 纠错率(%)",
                                                          "86| 79| 75| 12.0"]
    words = "一年来 全县 坚持 依法行政\n共 办理 案件\n"             # two lines of words: prose
    assert join_spaced_columns(words) == words


def test_columns_set_apart_by_tabs_alone_are_joined():
    from lawgov.text.cells import join_spaced_columns
    text = "项目\t2022年\t2021年\n受理(件)\t41\t30\n审结(件)\t39\t31\n"
    assert join_spaced_columns(text).splitlines() == ["项目|2022年|2021年", "受理(件)|41|30", "审结(件)|39|31"]


def test_a_spaced_table_cut_inside_its_last_row_is_still_a_table():
    """A page cut to its first characters may end inside a table whose columns are set apart
    by spaces or tabs: a header, one full row and the row cut short are joined."""
    text = ("出庭应诉情况如下:\n被告\t应诉(件)\t开庭(件)\t负责人出庭(件)\t出庭率\n"
            "县政府\t21\t16\t16\t100%\n县直部门\t48\t35\n")
    joined = join_tables(text)
    assert len(joined) == len(text)
    assert "县政府|21|16|16|100%" in joined and "县直部门|48|35" in joined
    # a short line that is not the page's last is no cut row (the header and the full row
    # are still a table of one row with its label)
    more = join_tables(text + "以上数据截至年底。\n")
    assert "县政府|21|16|16|100%" in more and "县直部门\t48\t35" in more


def test_a_header_over_one_labelled_row_is_a_table():
    """Two rows that each open with a label (单位 复议申请 … / 全区 74 …) are a table of one row."""
    from lawgov.text.cells import join_spaced_columns
    text = "统计表\n单位 申请 受理 审结\n全县 40 37 35\n"
    assert join_spaced_columns(text).splitlines()[1:] == ["单位|申请|受理|审结", "全县|40|37|35"]
    # (two lines of words are none)
    assert "|" not in join_spaced_columns("说明 以下 各项 数据\n来源 统计 系统 汇总\n")


def test_two_columns_under_a_quantity_header_are_a_table():
    """项目 | 数量(件) over label | figure rows is a table; two cells of words open none."""
    from lawgov.text.cells import join_spaced_columns
    text = "如下表:\n项目\t数量(件)\n收到申请\t40\n受理\t37\n审结\t35\n"
    assert join_spaced_columns(text).splitlines()[1:] == ["项目|数量(件)", "收到申请|40", "受理|37", "审结|35"]
    plain = "一、总体 情况\n受理 案件\n审结 45\n维持 30\n"
    assert join_spaced_columns(plain) == plain


def test_figures_printed_over_their_labels_are_not_joined_to_the_next_label():
    """86件 / 收到申请 / 79件 / 依法受理 …: each figure stands over its own label, so pairing
    every label with the figure below it would shift them all by one."""
    from lawgov.text.cells import join_label_lines
    first = "图解:县行政复议工作情况\n86件\n收到申请\n79件\n依法受理\n75件\n审结案件\n12.0%\n纠错率\n"
    assert join_label_lines(first) == first
    under = "情况\n收到申请\n86件\n依法受理\n79件\n审结案件\n75件\n"
    assert "收到申请 86件" in join_label_lines(under)
    # (a page that opens with a short label and ends with a note is labels over figures)
    bare = "收到申请\n86件\n依法受理\n79件\n审结\n75件\n数据截至年底\n"
    assert "收到申请 86件" in join_label_lines(bare) and "审结 75件" in join_label_lines(bare)


def test_figure_lines_may_say_approximately_and_carry_an_aside():
    from lawgov.text.cells import figure_line, join_label_lines
    assert figure_line("约30%") and figure_line("58件 (同比上升65.7%)") and figure_line("1,587宗")
    assert not figure_line("同比增长") and not figure_line("全年受理58件")
    text = "一、总体情况\n全年办结复议案件\n418宗\n同比增长\n27%\n调解化解占比\n约31%\n二、主要做法\n"
    joined = join_label_lines(text)
    assert "全年办结复议案件 418宗" in joined and "调解化解占比 约31%" in joined


# --- a whole table run into one line -------------------------------------------------------

def test_a_table_run_into_one_line_is_put_back_into_rows():
    from lawgov.text.cells import split_inline_tables
    text = "主要数据对比:\n项目 2022年 2023年 新收申请(件) 96 118 办结(件) 90 111 纠错率 8.9% 10.8%\n下一步"
    out = split_inline_tables(text)
    assert len(out) == len(text)
    assert out.splitlines()[1:5] == ["项目|2022年|2023年", "新收申请(件)|96|118", "办结(件)|90|111",
                                     "纠错率|8.9%|10.8%"]


def test_a_line_of_years_and_figures_that_is_no_table_stays():
    from lawgov.text.cells import split_inline_tables
    for line in ("2021年 2022年 2023年 分别为 12件 15件 18件",          # a row with one label only
                 "指标 2022年 2023年 受理 96 118 审结 90",               # a row short of its cells
                 "会议于2023年 3月召开 受理 96 118 审结 90 111"):       # no header of years
        assert split_inline_tables(line) == line


def test_a_numbered_table_run_into_a_line_of_prose_is_put_back_into_rows():
    """A page whose lines were joined (one cell per paragraph run into one line): the rows
    numbered under 序号 are rows again, so their numbers are not the row before's figures."""
    from lawgov.text.cells import split_inline_tables
    text = ("全年审结312件,具体如下: 审结情况(件) 序号 结果 件数 占比 1 维持 201 64.4% 2 驳回 48 15.4% "
            "3 撤销 35 11.2% 4 合计 312 100% 二、行政应诉 全年应诉58件")
    out = split_inline_tables(text)
    assert len(out) == len(text)
    assert out.splitlines() == ["全年审结312件,具体如下: 审结情况(件)", "序号|结果|件数|占比", "1|维持|201|64.4%",
                                "2|驳回|48|15.4%", "3|撤销|35|11.2%", "4|合计|312|100%", "二、行政应诉 全年应诉58件"]
    # (not a list whose numbers do not run on from 1, nor rows of words only)
    for line in ("序号 结果 件数 2 维持 201 3 驳回 48", "序号 单位 负责人 1 县司法局 张某 2 县公安局 李某"):
        assert split_inline_tables(line) == line


def test_a_caption_over_a_table_of_three_columns_is_no_header_cell():
    text = ("附表\n2023年行政复议案件审结情况\n结果\n件数\n占比\n维持\n61\n52.1%\n驳回\n20\n17.1%\n"
            "撤销\n9\n7.7%\n合计\n117\n100%\n")
    rows = join_tables(text).splitlines()
    assert rows[:3] == ["附表", "2023年行政复议案件审结情况", "结果|件数|占比"]
    assert rows[3] == "维持|61|52.1%"


def test_labels_wrapped_onto_a_second_line_in_a_table_of_cell_lines():
    text = ("表1 2022年行政复议案件办理情况\n项目\n2022年\n2021年\n收到申请\n212\n198\n其中：以区政府工作部门\n"
            "为被申请人\n150\n141\n受理\n201\n180\n调解、和解\n结案\n19\n12\n终止\n8\n6\n注：说明。")
    out = join_tables(text)
    assert len(out) == len(text)
    rows = out.splitlines()
    assert "其中：以区政府工作部门为被申请人·|150|141" in rows
    assert "调解、和解结案·|19|12" in rows
    assert "受理|201|180" in rows


def test_a_tab_separated_row_keeps_its_empty_cells():
    """Two tabs side by side, or a tab that ends the line, are an empty cell: the row keeps
    the header's column count and each figure its column; spaces alone are no such cell."""
    from lawgov.text.cells import join_spaced_columns
    text = "指标\t2021年\t2022年\t同比\t备注\n受理\t30\t41\t\t含转送\n审结\t28\t40\t上升\t\n纠错\t4\t6\t\t\n"
    tabs = frozenset(i for i, ch in enumerate(text) if ch == "\t")
    spaced = text.replace("\t", " ")
    joined = join_spaced_columns(spaced, tabs)
    assert len(joined) == len(text)
    rows = [line.split("|") for line in joined.splitlines()]
    assert [len(r) for r in rows] == [5, 5, 5, 5]
    assert rows[1][:3] == ["受理", "30", "41"] and rows[1][4] == "含转送"
    assert rows[3][:3] == ["纠错", "4", "6"]
    assert join_spaced_columns(spaced) != joined      # without the tabs the empty cells are lost
