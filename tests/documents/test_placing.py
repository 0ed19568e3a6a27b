"""Where and at what level: development zones and counties named by their short name."""

from __future__ import annotations

from lawgov.documents import describe_document


def where(text: str) -> tuple[str | None, str | None, str | None]:
    m = describe_document(text, "x.txt")
    return m.region_code, m.region_name, m.region_level


# --- a zone the divisions list holds: its 管理委员会 is its government -----------------

def test_a_listed_zones_committee_reports_at_the_zones_level():
    text = ("合肥经济技术开发区管理委员会关于2022年度法治政府建设工作情况的报告\n"
            "发布日期:2023-02-20 来源:开发区党政办\n"
            "2022年,经开区管委会深入学习贯彻习近平法治思想,扎实推进依法行政。现报告如下:\n一、主要做法")
    assert where(text) == ("340177", "合肥经济技术开发区", "district")


def test_a_listed_zones_bureau_is_still_a_department():
    text = ("郑州经济技术开发区财政局2022年法治政府建设情况报告\n发布日期:2023-03-02\n"
            "2022年,我局坚持依法理财,认真落实法治政府建设各项要求。现报告如下:\n一、主要做法")
    code, _, level = where(text)
    assert (code, level) == ("410171", "department")


def test_a_zone_by_its_short_kind_is_the_listed_zone_it_spells_out():
    text = ("郑州高新区管委会2022年法治政府建设年度报告\n发布日期:2023-03-09\n"
            "2022年,高新区管委会以习近平法治思想为引领,持续提升依法行政水平。现报告如下:\n一、主要做法")
    assert where(text) == ("410172", "郑州高新技术产业开发区", "district")


# --- a zone the list does not hold: no region, never its city's ------------------------

def test_an_unlisted_zone_is_unresolved_not_its_city():
    text = ("西安高新区2022年法治政府建设情况报告\n发布日期:2023-03-15 来源:高新区管委会办公室\n"
            "2022年,西安高新区坚持以习近平法治思想为指导,推进依法行政。现报告如下:\n一、主要做法")
    code, _, level = where(text)
    assert code is None and level == "district"


def test_an_unlisted_zones_bureau_is_a_department_without_a_region():
    text = ("西安高新区市场监管局2022年法治政府建设工作报告\n发布日期:2023-03-15\n"
            "2022年,我局坚持依法监管,推进法治政府建设。现报告如下:\n一、主要做法")
    code, _, level = where(text)
    assert code is None and level == "department"


def test_a_city_that_speaks_of_its_zones_is_still_the_city():
    text = ("西安市人民政府2022年法治政府建设情况报告\n发布日期:2023-03-15\n"
            "2022年,西安市统筹推进各开发区、新区依法行政,全市法治政府建设取得新成效。现报告如下:\n一、主要做法")
    assert where(text)[:2] == ("610100", "西安市")


# --- a county named only by its short name in the site's name and the text --------------

def test_a_unique_short_name_in_the_site_name_and_the_text_names_the_county():
    text = ("中国·睢宁\n首页 > 信息公开 > 法治建设\n关于2022年度法治政府建设情况的报告\n发布时间:2023-03-20\n"
            "2022年,睢宁深入推进依法行政,法治睢宁建设扎实推进。现将有关情况报告如下:\n一、主要做法")
    assert where(text) == ("320324", "睢宁县", "county")


def test_a_site_name_the_text_never_repeats_names_nothing():
    text = ("中国·睢宁\n关于2022年度法治政府建设情况的报告\n发布时间:2023-03-20\n"
            "2022年,我县深入推进依法行政,法治政府建设扎实推进。现将有关情况报告如下:\n一、主要做法")
    assert where(text)[0] is None


def test_a_short_name_several_places_share_names_nothing():
    text = ("中国·鼓楼\n关于2022年度法治政府建设情况的报告\n发布时间:2023-03-20\n"
            "2022年,鼓楼深入推进依法行政,法治鼓楼建设扎实推进。现将有关情况报告如下:\n一、主要做法")
    assert where(text)[0] is None


def test_a_page_that_speaks_as_another_level_is_not_the_county():
    text = ("中国·睢宁\n关于2022年度法治政府建设情况的报告\n发布时间:2023-03-20\n"
            "2022年,睢宁镇深入推进依法行政,全镇各村法治建设扎实推进。我镇现将有关情况报告如下:\n一、主要做法")
    assert where(text)[0] != "320324"


def test_the_site_name_may_lack_its_dot_or_stand_before_the_menu():
    for site in ("中国泗洪", "中国·泗洪  首页  信息公开  法治建设"):
        text = (site + "\n2022年度法治政府建设工作报告\n发布时间:2023-02-11\n"
                "2022年,泗洪聚焦依法行政,全力推进法治泗洪建设。现将有关情况报告如下:\n一、主要做法")
        assert where(text) == ("321324", "泗洪县", "county"), site


# --- the superior a report is addressed to ----------------------------------------------

def test_the_addressee_is_never_the_region_of_a_page_that_names_no_body():
    text = ("法治政府建设年度报告\n发布时间:2023-01-18\n宿迁市人民政府:\n"
            "2022年,我们深入贯彻习近平法治思想,依法行政水平持续提升。现将有关情况报告如下:\n一、主要做法")
    assert where(text)[0] != "321300"


# --- a site's banner over the page's own headline ------------------------------------------

def test_a_parent_sites_banner_is_no_title():
    text = ("红河法院网\n当前位置：首页 > 基层法院动态\n个旧市人民法院：去年行政机关负责人出庭应诉实现全覆盖\n"
            "发布时间：2024-01-22\n2023年，个旧市人民法院共受理行政诉讼案件47件，行政机关负责人出庭应诉率100%。")
    assert where(text) == ("532501", "个旧市", "county")


def test_a_work_report_given_at_a_districts_congress_is_the_districts():
    text = ("政府工作报告\n——在海口市美兰区第八届人民代表大会第三次会议上\n发布时间：2024-01-10\n各位代表：\n"
            "过去一年，我们紧紧围绕海南自由贸易港建设，全区地区生产总值增长7.9%。区本级受理行政复议案件52件。")
    assert where(text) == ("460108", "美兰区", "district")


def test_the_supreme_peoples_court_is_a_central_body():
    text = ("中华人民共和国最高人民法院\n首页 新闻 权威发布\n最高法发布2023年全国法院行政审判工作情况\n"
            "发布时间：2024-04-11\n4月11日，最高人民法院召开新闻发布会，通报2023年全国法院行政审判工作情况。")
    assert where(text) == ("000000", "中华人民共和国", "department")


def test_a_bureaus_site_name_over_a_meetings_headline_is_news():
    from lawgov.documents import describe_document
    text = ("北川省司法厅\n首页 机构概况 工作动态\n全省行政复议工作会议在南岭召开\n发布时间：2024-01-18\n"
            "1月18日，全省行政复议工作会议召开。会议通报，去年全省各级行政复议机关共收到行政复议申请4376件，"
            "受理3912件，审结3648件，综合纠错率14.9%；以调解、和解方式结案703件。全省行政机关负责人出庭应诉率99.2%。")
    assert describe_document(text, "x.txt").doc_kind == "news"
