from lawgov.text.links import LINK_LINE, RELATED_READING, bullet_links_start, own_text_end, text_begun


def test_the_page_ends_where_the_links_to_other_articles_begin():
    page = "全市受理行政复议案件52件。\n【相关阅读】\n· 全区行政复议纠错率12.1%\n"
    assert page[own_text_end(page):].startswith("【相关阅读】")
    assert own_text_end("全市受理行政复议案件52件。\n") == len("全市受理行政复议案件52件。\n")


def test_a_line_that_merely_mentions_related_news_does_not_end_the_page():
    page = "相关新闻报道显示,全市受理行政复议案件52件。\n"
    assert own_text_end(page) == len(page)
    assert own_text_end(page, 5) == 5


def test_a_headline_link_line_and_a_related_heading_line():
    assert LINK_LINE.match("上一篇:全区行政应诉工作会议召开")
    assert RELATED_READING.fullmatch("相关阅读:")
    assert not RELATED_READING.fullmatch("相关阅读:全区行政应诉工作会议召开")


def test_a_page_without_sentences_begins_at_its_first_figure():
    table = "收案统计\n类别 | 件数\n行政复议收案 | 48\n相关阅读:\n· 邻县行政复议收案1234件\n"
    assert text_begun(table, table.index("相关阅读"))
    assert not text_begun("相关阅读:\n行政复议收案统计表\n", 5)
    assert text_begun("市政府召开常务会议。相关阅读", 11)
    assert not text_begun("相关阅读\n市政府召开常务会议。", 4)


def test_a_date_in_the_chrome_does_not_begin_a_page_without_sentences():
    page = "发布时间:2024-03-18\n相关阅读\n· 邻县召开会议\n收案统计\n类别 | 件数\n收到 | 48\n"
    assert not text_begun(page, page.index("相关阅读"))
    timed = "发布时间:2024-03-18 09:30\n相关阅读\n· 邻县召开会议\n收案统计\n收到 | 48\n"
    assert not text_begun(timed, timed.index("相关阅读"))


def test_figures_of_a_table_without_bars_begin_a_page():
    for page in ("收到 受理 审结\n86 79 75\n相关阅读\n", "受理数【件】:52\n相关阅读\n",
                 "收到申请(件)\n88\n相关阅读\n", "行政复议(被申请人)    0\n相关阅读\n"):
        assert text_begun(page, page.index("相关阅读")), page


def test_a_sites_counters_do_not_begin_a_page_without_sentences():
    for page in ("更新时间:2024年1月8日 09:15:33 点击:512\n延伸阅读\n· 邻县新闻\n收到申请:33件\n",
                 "浏览次数:356\n相关阅读\n· 邻县新闻\n收到 | 52\n", "阅读:88次\n相关阅读\n· x\n受理:30件\n"):
        assert not text_begun(page, page.index("阅读\n")), page


def test_a_label_and_its_cell_after_a_tab_became_a_space_begin_a_page():
    page = "西岭县行政应诉情况一览\n行政诉讼案件 58\n开庭审理 50\n推荐阅读\n邻县一审行政诉讼案件213件\n"
    assert text_begun(page, page.index("推荐阅读"))


def test_a_run_of_bulleted_headlines_after_the_text_is_a_box_of_links():
    page = ("北岭区2023年行政复议工作情况\n区政府共收到行政复议申请61件,受理55件。\n热点专题\n"
            "· 市政府2023年行政复议纠错率为15.8%\n· 南湖区行政复议案件同比下降12%\n")
    assert own_text_end(page) == page.index("· 市政府")
    assert bullet_links_start(page) == page.index("· 市政府")


def test_one_bullet_or_bullets_with_sentences_or_before_the_text_are_not_links():
    one = "区政府共收到行政复议申请61件。\n· 市政府行政复议纠错率为15.8%\n"
    assert own_text_end(one) == len(one)
    prose = "区政府共收到申请61件。\n· 全年受理55件。\n· 审结50件。\n"
    assert own_text_end(prose) == len(prose)
    sidebar = "· 市政府召开常务会议\n· 邻县开展普法活动\n区政府共收到行政复议申请61件。\n"
    assert own_text_end(sidebar) == len(sidebar)


def test_bullets_that_give_labels_and_figures_are_the_pages_data():
    page = ("某中院发布白皮书。主要数据如下:\n· 新收行政案件:1,846件(同比下降3.2%)\n"
            "· 负责人出庭应诉:612人次\n· 一审败诉率:8.4%\n")
    assert bullet_links_start(page) == len(page)
    headlines = "正文已完。\n· 图解:2023年全市行政复议工作\n· 通报:全年受理案件120件\n· 市政府召开常务会议\n"
    assert bullet_links_start(headlines) == headlines.index("· 图解")


def test_bullets_of_an_outline_followed_by_its_next_section_are_the_pages_points():
    """Points under a numbered section ((一)… · 2020年:达1806件 · …) that the next section
    ((二)…) follows: the page's own outline, not a box of links, whatever words they hold."""
    page = ("某中院2022年度行政审判工作报告。\n(一)发案量总体可控\n· 2016—2020年:一审案件持续增长\n"
            "· 2020年:达1806件\n· 应对:府院联动,加强源头治理\n· 2022年:基本稳定,全年发案1650件\n"
            "(二)败诉率明显下降\n全年审结一审案件1702件。\n")
    assert bullet_links_start(page) == len(page)
    # (a topic page's sections of headlines stay links; so does a box ending (完))
    index = ("本专题集中展示全市法治政府建设成效。\n(一)工作动态\n· 全市受理行政复议案件3200件\n"
             "· 市政府召开常务会议\n(二)基层风采\n· 某区开展普法活动\n")
    assert bullet_links_start(index) == index.index("· 全市")
    done = "全年受理行政复议案件58件。\n· 全县受理行政复议案件412件\n· 全市法治政府建设推进会召开\n(完)\n"
    assert bullet_links_start(done) == done.index("· 全县")


def test_a_box_of_the_latest_articles_ends_the_page():
    page = "全县受理行政复议案件31件。\n最新信息\n· 邻区2023年法治政府建设年度报告\n"
    assert page[own_text_end(page):].startswith("最新信息")
    assert RELATED_READING.fullmatch("最新信息")
