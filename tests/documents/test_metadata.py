"""Document metadata: reporting body, region, level, year covered, manifest overrides."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from lawgov.documents import describe_document, load_manifest
from lawgov.errors import ManifestError

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE.parent.parent / "shared"


def load_cases():
    cases = []
    for f in sorted((HERE / "fixtures" / "openings").glob("*.yaml")):
        cases += yaml.safe_load(f.read_text(encoding="utf-8"))
    return cases


CASES = load_cases()


def judge(case):
    m = describe_document(case["text"], case["id"] + ".txt")
    if case["region"] == "ambiguous":
        region_ok = (m.region_code is None and m.region_confidence == "ambiguous"
                     and set(case.get("candidates", [])) <= set(m.region_candidates))
    else:
        region_ok = m.region_code == case["region"]
    return m, region_ok and m.region_level == case["level"] and m.report_year == case["year"]


def test_fixture_set_covers_what_it_should():
    assert len(CASES) >= 80
    levels = {c["level"] for c in CASES}
    assert levels == {"province", "city", "district", "county", "township", "department"}
    assert sum(c["region"] == "ambiguous" for c in CASES) >= 5
    texts = "".join(c["text"] for c in CASES)
    for word in ("街道", "自治州", "盟", "旗", "地区", "朝阳区", "松山区", "东坝", "新华区", "城关镇", "莱芜市"):
        assert word in texts, word


def test_openings_at_least_95_percent_right():
    wrong = []
    for c in CASES:
        m, ok = judge(c)
        if not ok:
            wrong.append((c["id"], m.region_code, m.region_level, m.report_year, m.region_confidence))
    assert len(wrong) <= len(CASES) * 0.05, wrong


def test_ambiguous_cases_are_flagged_never_guessed():
    for c in CASES:
        if c["region"] != "ambiguous":
            continue
        m = describe_document(c["text"], c["id"] + ".txt")
        assert m.region_code is None, (c["id"], m.region_code)
        assert m.region_confidence == "ambiguous", c["id"]
        assert len(m.region_candidates) >= 2, c["id"]


def test_no_confident_wrong_answers():
    """A case answered with a code must not be answered wrongly with high confidence."""
    for c in CASES:
        m = describe_document(c["text"], c["id"] + ".txt")
        if c["region"] != "ambiguous" and m.region_code and m.region_confidence == "high":
            assert m.region_code == c["region"], c["id"]


def test_addressee_is_not_the_reporting_body():
    m = describe_document("江苏省人民政府:\n2023年,苏州市坚持以习近平新时代中国特色社会主义思想为指导,"
                          "深入推进法治政府建设,现将有关情况报告如下:\n一、主要工作", "a.txt")
    assert m.region_code == "320500" and m.region_level == "city"


def test_published_and_covered_year_differ():
    m = describe_document("阳江市人民政府2021年法治政府建设年度报告\n来源:阳江市人民政府办公室 时间:2022-01-26 17:17\n"
                          "2021年,阳江市在省委、省政府的正确领导下,全面贯彻党的十九大精神。", "b.txt")
    assert m.report_year == 2021 and m.published_on == date(2022, 1, 26)


def test_other_body_paragraph():
    text = ("松山区:为高质量发展提供法治支撑--松山区法治政府建设纪实\n"
            "2023年,赤峰市深入贯彻落实习近平法治思想,组织全市各地区各部门积极参加示范创建活动,"
            "我市推荐的4个地区全部入围自治区实地评估。\n"
            "2023年,松山区坚持以习近平法治思想为指导,行政机关负责人出庭应诉率100%。\n")
    m = describe_document(text, "c.txt")
    assert m.region_code == "150404"
    assert len(m.other_bodies) == 1
    ob = m.other_bodies[0]
    assert ob.region_code == "150400" and text[ob.start:ob.end].startswith("2023年,赤峰市")


def test_menu_page_is_not_a_report():
    text = ("首页 > 政务公开 > 法治政府建设\n"
            "某市2022年法治政府建设年度报告 2023-03-01\n某市2021年法治政府建设年度报告 2022-03-01\n"
            "某市2020年法治政府建设年度报告 2021-03-01\n")
    assert describe_document(text, "menu.txt").doc_kind == "not_report"


def test_department_and_central_bodies():
    m = describe_document("2022年,烟台市公安局坚持以习近平法治思想为指导,现将有关情况报告如下:\n一、主要工作", "d.txt")
    assert (m.region_code, m.region_level) == ("370600", "department")
    m = describe_document("中华人民共和国司法部\n2019年全国行政复议、行政应诉案件统计数据\n发布时间:2020-09-29 16:03\n"
                          "表1 | 广东 | 31392 | 河北 | 7040 | 上海 | 14847 | 浙江 | 6859 | 辽宁 | 14665 |", "e.txt")
    assert (m.region_code, m.region_level, m.report_year) == ("000000", "department", 2019)
    assert m.doc_kind != "not_report"


def test_a_part_heading_is_no_ministry():
    """第一部分 opening a page is an ordinal's part, not a ministry (…部) at the head."""
    m = describe_document("2021年是全县行政审判工作取得新进展的一年。\n第一部分 案件篇\n"
                          "1、全市法院受理行政案件1208件,同比增长6.5%。", "p.txt")
    assert m.region_level != "department" and m.region_code != "000000"
    m = describe_document("交通运输部2022年法治政府建设年度报告\n一、主要工作", "m.txt")
    assert (m.region_code, m.region_level) == ("000000", "department")


def test_links_to_other_articles_name_no_year_nor_kind():
    """A page's year and kind are its own, not those of the headlines linked after it."""
    body = ("本报讯 (记者 某某)7月27日,市中级人民法院召开新闻发布会,发布《2015年度全市法院行政案件司法审查报告》。\n"
            "报告指出,2015年全市法院新收各类一审行政案件1120件,审结962件,结案率为85.9%,其中行政机关败诉228件。"
            "全市行政机关负责人出庭应诉率为38%,比上年度同期增加28个百分点。\n")
    tail = ("相关阅读:\n· 某市2021年行政复议工作统计数据发布\n· 2021年全省行政复议案件情况通报\n"
            "· 市法院2021年行政审判白皮书发布\n")
    alone, linked = describe_document(body, "a.txt"), describe_document(body + tail, "b.txt")
    assert (linked.report_year, linked.doc_kind) == (alone.report_year, alone.doc_kind)
    assert linked.report_year != 2021


def test_links_after_a_page_of_tables_name_neither_its_year_nor_its_figures():
    table = ("行政复议收案情况统计表\n类别 | 件数\n收到申请 | 48\n受理 | 41\n"
             "相关阅读:\n· 邻市2019年行政复议工作统计数据发布\n· 2019年全省行政复议案件情况通报\n")
    assert describe_document(table, "t.txt").report_year != 2019


def test_a_dated_news_item_about_last_year_of_a_named_place_is_of_last_year():
    page = ("澄江县行政复议工作成效明显\n发布时间:2024-03-12\n"
            "本报讯 记者从县司法局获悉,去年澄江县行政机关负责人出庭应诉率达100%,全县共受理行政复议案件61件。\n")
    assert describe_document(page, "n.txt").report_year == 2023


def test_a_sidebar_of_links_above_the_title_names_neither_its_year_nor_its_title():
    page = ("青川区人民政府门户网站\n相关阅读:\n· 青川区2020年法治政府建设年度报告  2021-03-30\n"
            "· 青川区2019年法治政府建设年度报告  2020-03-27\n\n青川区2022年法治政府建设年度报告\n"
            "发布时间:2023-03-29\n2022年,青川区扎实推进法治政府建设。全年审结行政复议案件96件。\n")
    meta = describe_document(page, "s.txt")
    assert meta.report_year == 2022 and "2022" in (meta.title or "")


def test_the_pages_before_and_after_linked_at_the_foot_name_no_year():
    """上一篇 / 下一篇 at a page's foot name other pages: a title without a year takes its year
    from the page's own text and date, not from the headlines linked under it."""
    page = ("某某县人民政府\n首页 > 政务公开 > 法治建设\n某某县法治政府建设年度报告\n发布时间:2023-02-14\n"
            "一年来,县政府坚持依法行政,全县审结行政复议案件41件,行政机关负责人出庭应诉率100%。\n")
    alone = describe_document(page, "a.txt")
    for foot in ("上一篇:某某县2020年法治政府建设年度报告\n下一篇:关于做好2023年度普法考核工作的通知\n",
                 "【上一条】2019年度某某县政务公开工作年度报告\n【下一条】无\n"):
        assert describe_document(page + foot, "b.txt").report_year == alone.report_year == 2022


def test_a_site_banner_over_a_lower_bodys_report_names_the_site_not_the_body():
    """A government's name on the first line with the site's navigation under it is the site's
    banner: a report below it whose title names no place and whose opening speaks as a
    department (我局, its 来源 line naming the bureau) or a township is that body's."""
    dept = ("桐梓县人民政府\n首页 > 政务公开 > 部门信息\n2022年度法治政府建设情况报告\n"
            "发布时间:2023-01-18  来源:桐梓县林业局\n2022年,我局坚持依法行政,全年办理林业行政处罚案件61件。\n")
    meta = describe_document(dept, "d.txt")
    assert (meta.region_code, meta.region_level, meta.report_year) == ("520322", "department", 2022)
    street = ("杭州市余杭区人民政府\n当前位置:首页 > 镇街动态\n2022年度法治建设工作报告\n发布时间:2023-02-07\n"
              "2022年,仓前街道坚持依法行政,扎实推进法治建设,调处矛盾纠纷188件。\n")
    meta = describe_document(street, "s.txt")
    assert (meta.region_code, meta.region_level) == ("330110012", "township")
    # the government's own report under its banner, published by its 司法局, stays the county's
    own = ("桐梓县人民政府\n首页 > 政务公开 > 法治政府\n2022年度法治政府建设情况报告\n"
           "发布时间:2023-01-18  来源:桐梓县司法局\n2022年,全县坚持依法行政,全年办理行政复议案件33件。\n")
    meta = describe_document(own, "o.txt")
    assert (meta.region_code, meta.region_level) == ("520322", "county")


def test_a_list_of_other_reports_above_the_title_names_neither_its_place_nor_its_year():
    """A list of reports' titles above the page's own (相关文章 / 往期回顾 with no bullets or dates,
    or three such lines in a row): the page's title is the last of them, right above its date or
    text, not the first."""
    neighbours = ("相关文章\n苍南县2022年法治政府建设年度报告\n文成县2022年法治政府建设年度报告\n"
                  "泰顺县2022年法治政府建设年度报告\n平阳县2022年法治政府建设年度报告\n发布时间:2023-02-20\n"
                  "2022年,平阳县坚持依法行政,全县审结行政复议案件58件。\n")
    meta = describe_document(neighbours, "n.txt")
    assert (meta.region_code, meta.report_year) == ("330326", 2022)
    older = ("当前位置:首页 > 法治政府建设\n平阳县2020年法治政府建设年度报告\n平阳县2019年法治政府建设年度报告\n"
             "平阳县2018年法治政府建设年度报告\n平阳县2021年法治政府建设年度报告\n发布时间:2022-03-02\n"
             "一年来,平阳县坚持依法行政,全县审结行政复议案件49件。\n")
    assert describe_document(older, "o.txt").report_year == 2021
    # a title over one subtitle line keeps the title
    titled = ("平阳县2022年法治政府建设年度报告\n平阳县人民政府2023年1月发布的工作报告\n"
              "2022年,平阳县坚持依法行政,全县审结行政复议案件58件。\n")
    assert describe_document(titled, "t.txt").title.startswith("平阳县2022年")


def test_a_title_of_next_years_plans_and_this_years_account_covers_the_account():
    """关于2025年工作计划和2024年工作总结的报告: the report covers the year it sums up, whichever
    year the title names first."""
    for title in ("平阳县关于2025年法治政府建设工作计划和2024年工作总结的报告",
                  "平阳县2024年法治政府建设工作总结及2025年工作打算"):
        page = title + "\n一、主要工作\n全县审结行政复议案件61件。\n"
        assert describe_document(page, "p.txt").report_year == 2024


def test_a_justice_bureau_that_has_just_published_the_regions_figures_speaks_for_the_region():
    page = ("衢州市司法局近日发布,2023年,衢州市各级行政复议机关共收到行政复议申请1120件,"
            "行政机关负责人出庭应诉率100%。\n")
    meta = describe_document(page, "r.txt")
    assert (meta.region_code, meta.region_level) == ("330800", "city")


def test_the_year_cases_were_carried_over_from_is_not_the_pages_year():
    page = ("(七)争议化解助和谐。截至目前,我市共收到行政复议申请85件,受理70件。"
            "现已审结67件(含2021年结转12件),其中纠错6件。\n")
    assert describe_document(page, "c.txt").report_year != 2021


def test_speed():
    import time
    text = CASES[0]["text"] + "\n" + ("2022年,全省各级行政机关深入推进依法行政,行政复议案件受理54件。\n" * 400)
    describe_document(text, "warm.txt")
    t0 = time.perf_counter()
    for _ in range(5):
        describe_document(text, "speed.txt")
    assert (time.perf_counter() - t0) / 5 < 0.05


REPORTS = sorted((HERE.parent / "data" / "reports").glob("*.txt"))


def test_head_scan_by_lines_equals_scan_of_the_whole_head():
    """The body is looked for in single lines of the head; a scan from a line's start finds
    there exactly what a scan of the whole head finds."""
    from lawgov.documents.head import HALF_WIDTH_MARKS, _HeadMentions
    from lawgov.documents.regions import gazetteer
    from lawgov.text import normalise
    g = gazetteer()
    texts = [p.read_text(encoding="utf-8") for p in REPORTS] + [c["text"] for c in CASES]
    for text in texts:
        t = normalise(text).text.translate(HALF_WIDTH_MARKS)
        lazy, full = _HeadMentions(g, t, 24000), _HeadMentions(g, t, 24000)
        whole = full.all()
        pos = 0
        while pos < len(t):
            nl = t.find("\n", pos)
            nl = len(t) if nl == -1 else nl
            for a, b in ((pos, nl), (pos + 3, nl), (pos, pos + 12), (pos + 5, nl + 40)):
                assert lazy.within(a, b) == full.within(a, b) == \
                    [m for m in whole if m.start >= a and m.end <= b], (text[:30], a, b)
            pos = nl + 1
        assert list(lazy) == whole


def test_documents_read_the_normalised_text_and_spans_come_back_to_the_original():
    """Documents read the text the extractor reads (one normalisation, shared by the build):
    Traditional and full-width forms are matched as Simplified and half-width, and the span
    of a paragraph about another body is of the text as published."""
    from lawgov.text import normalise
    text = ("江寧區２０２２年法治政府建設年度報告\n"
            "２０２２年，南京市深入學習貫徹習近平法治思想，全面推進依法治市，全市各級行政機關共受理"
            "行政復議案件３００件，辦結２９０件。\n"
            "２０２２年，我區堅持依法行政，全區受理行政復議案件１０件。")
    alone = describe_document(text, "t.txt")
    shared = describe_document(text, "t.txt", normal=normalise(text))
    assert alone.region_code == shared.region_code == "320115" and alone.report_year == 2022
    assert [text[ob.start:ob.end][:9] for ob in shared.other_bodies] == ["２０２２年，南京市"]
    assert [(o.start, o.end) for o in alone.other_bodies] == [(o.start, o.end) for o in shared.other_bodies]


def test_warm_loads_everything_once():
    from lawgov.documents import warm
    from lawgov.documents.regions import gazetteer
    warm()
    g = gazetteer()
    warm()
    assert gazetteer() is g


# ---------------------------------------------------------------- manifest

def write(tmp_path, content):
    p = tmp_path / "manifest.csv"
    p.write_text(content, encoding="utf-8")
    return p


def test_manifest_good_rows(tmp_path):
    p = write(tmp_path, "file,region_code,report_year,url,published_on\n"
                        "a.txt,110105,2022,http://x.gov.cn/a,2023-03-01\n"
                        "b.txt,,2021,,\n"
                        "c.txt,110105039,,,\n")
    rows, errors = load_manifest(p)
    assert errors == []
    assert rows["a.txt"] == {"file": "a.txt", "region_code": "110105", "report_year": 2022,
                             "url": "http://x.gov.cn/a", "published_on": date(2023, 3, 1)}
    assert rows["b.txt"]["region_code"] is None and rows["b.txt"]["report_year"] == 2021
    assert rows["c.txt"]["region_code"] == "110105039"


def test_manifest_columns_optional(tmp_path):
    rows, errors = load_manifest(write(tmp_path, "report_year,file\n2020,x.txt\n"))
    assert errors == [] and rows["x.txt"]["report_year"] == 2020


def test_manifest_bad_rows_carry_file_and_line(tmp_path):
    p = write(tmp_path, "file,region_code,report_year,url,published_on\n"
                        "ok.txt,441700,2021,,\n"
                        "bad1.txt,999999,2021,,\n"
                        "bad2.txt,441700,20x1,,\n"
                        "bad3.txt,441700,2021,,2023-13-45\n"
                        ",441700,2021,,\n")
    rows, errors = load_manifest(p)
    assert list(rows) == ["ok.txt"]
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert all(isinstance(e, ManifestError) and e.file == str(p) for e in errors)
    assert "999999" in errors[0].message and "year" in errors[1].message
    assert "date" in errors[2].message and "file" in errors[3].message
    assert f"{p}:3" in str(errors[0])


def test_manifest_without_file_column(tmp_path):
    rows, errors = load_manifest(write(tmp_path, "region_code,report_year\n110105,2022\n"))
    assert rows == {} and len(errors) == 1 and errors[0].line == 1


def test_manifest_overrides_detection():
    text = "朝阳区2022年法治政府建设年度报告\n2022年,朝阳区在区委、区政府的领导下,全面推进依法行政。"
    m = describe_document(text, "x.txt")
    assert m.region_confidence == "ambiguous"
    m = describe_document(text, "x.txt", {"file": "x.txt", "region_code": "220104", "report_year": 2021,
                                          "url": None, "published_on": "2022-02-01"})
    assert (m.region_code, m.region_level, m.province_code, m.city_code) == ("220104", "district", "220000", "220100")
    assert m.region_confidence == "manifest" and m.region_candidates == []
    assert m.report_year == 2021 and m.published_on == date(2022, 2, 1)


# ---------------------------------------------------------------- the shared samples

def gold_docs(name):
    path = SHARED / "gold" / name
    if not path.exists():
        return []
    return [g for g in (json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip())
            if g.get("kind") == "document"]


def score(folder, golds):
    region = level = year = 0
    for g in golds:
        m = describe_document((folder / g["doc"]).read_text(encoding="utf-8"), g["doc"])
        code = m.region_code or ""
        if g["region_code"] is None:      # the text cannot tell: unresolved is right
            region += not code
        else:
            region += code[:6] == g["region_code"] or (
                g["level"] == "township" and code.startswith((g["parent_code"] or "")[:6]))
        level += m.region_level == g["level"]
        year += m.report_year == g["report_year"]
    return region, level, year


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="shared samples not available")
def test_bundled_seeds_all_right():
    golds = gold_docs("seeds.jsonl")
    assert score(SHARED / "seeds", golds) == (len(golds),) * 3


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="shared samples not available")
def test_dev_corpus():
    golds = gold_docs("dev.jsonl")
    region, level, year = score(SHARED / "corpus", golds)
    # the floor measured on the 129 real pages; it only rises
    assert region >= 123 and level >= 124 and year >= 118


def test_other_body_spans_point_into_the_text_with_glosses():
    text = ("松山区(qū):为高质量发展提供法治支撑--松山区(qū)法治政府建设纪实\n"
            "2023年,赤峰市深入贯彻落实习近平法治思想,组织全市(shì)各地区各部门积极参加示范创建活动,"
            "我市推荐的4个地区全部入围自治区实地评估。\n"
            "2023年,松山区(qū)坚持以习近平法治思想为指导,行政机关负责人出庭应诉率100%。\n")
    m = describe_document(text, "g.txt")
    assert m.region_code == "150404" and len(m.other_bodies) == 1
    ob = m.other_bodies[0]
    assert text[ob.start:ob.end].startswith("2023年,赤峰市") and text[ob.start:ob.end].endswith("实地评估。")


def test_published_on_from_a_source_line_and_a_delivery_line():
    m = describe_document("某市2023年度行政审判白皮书发布\n来源:某晚报     2024年06月13日        版次:A02\n"
                          "2023年,杭州市两级法院共新收行政案件1.2万件,同比下降4%。", "p.txt")
    assert m.published_on == date(2024, 6, 13)
    m = describe_document("杭州市中级人民法院工作报告\n(2023年1月12日在杭州市第十四届人民代表大会第二次会议上)\n"
                          "过去一年,全市法院审结各类行政诉讼案件2000件。", "q.txt")
    assert m.published_on == date(2023, 1, 12)


def test_published_on_from_the_date_in_the_manifest_url():
    from lawgov.documents.years import date_in_url
    assert date_in_url("http://sfj.x.gov.cn/zwgk/202303/t20230315_4567.html") == date(2023, 3, 15)
    assert date_in_url("http://www.x.gov.cn/art/2023/3/15/art_1_2.html") == date(2023, 3, 15)
    assert date_in_url("http://x.gov.cn/col/col1228995987/index.html") is None
    text = "朝阳区2022年法治政府建设年度报告\n2022年,朝阳区在区委、区政府的领导下,全面推进依法行政。"
    m = describe_document(text, "x.txt", {"file": "x.txt", "region_code": "110105", "report_year": None,
                                          "url": "http://www.bjchy.gov.cn/2023-03/30/c_9.htm", "published_on": None})
    assert m.published_on == date(2023, 3, 30)


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="shared samples not available")
def test_dev_corpus_states_high_only_when_right_and_few_wrong_regions():
    """A region stated 'high' is right on every dev page; a wrong region is stated (at
    medium) on at most one, the rest of the misses are honest unresolved rows."""
    wrong = 0
    for g in gold_docs("dev.jsonl"):
        m = describe_document((SHARED / "corpus" / g["doc"]).read_text(encoding="utf-8"), g["doc"])
        code = m.region_code or ""
        if not code:
            continue
        ok = g["region_code"] is not None and (code[:6] == g["region_code"] or (
            g["level"] == "township" and code.startswith((g["parent_code"] or "")[:6])))
        assert ok or m.region_confidence != "high", g["doc"]
        wrong += not ok
    assert wrong <= 1


ROUND3 = [c for f in ("issue12c.yaml", "issue12d.yaml", "issue12e.yaml", "round21.yaml", "round22.yaml", "round23.yaml", "round24.yaml", "round25.yaml", "round26.yaml", "round27.yaml", "round28.yaml")
          for c in yaml.safe_load((HERE / "fixtures" / "openings" / f).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", ROUND3, ids=[c["id"] for c in ROUND3])
def test_each_round3_opening(case):
    """The openings written for issue 12's last rounds, each on its own (the whole set is also
    held to 95%): a kind that regresses fails by name."""
    m, ok = judge(case)
    assert ok, (m.region_code, m.region_level, m.report_year, m.region_confidence)


def test_a_count_near_two_thousand_is_no_year():
    text = ("某省：2023年全省新收行政复议案件超1.4万件\n来源：某某日报 发布时间：2024-02-27\n"
            "本报讯 2023年，全省各级行政复议机构共收到申请1.4万余件。其中，通过调解方式结案超2000件。"
            "仅1月份全省就新收申请近2000件，同比增长超过四成。")
    assert describe_document(text, "x.txt").report_year == 2023


def test_the_year_a_change_starts_from_is_no_report_year():
    # a work report given in the new year's first month, whose only year named is the one a
    # rate rose from (由2022年的…提升至…): it reports on the year before its delivery
    text = ("某州人民检察院工作报告\n——2024年1月11日在某州第十五届人民代表大会第三次会议上\n各位代表：\n"
            "过去一年，全州检察机关依法履行法律监督职责，受理行政诉讼监督案件97件。"
            "全州行政机关负责人出庭应诉率由2022年的88.5%提升至96.4%。")
    assert describe_document(text, "x.txt").report_year == 2023


def test_the_first_year_of_a_change_reached_by_a_later_one_is_no_report_year():
    # an undated article whose years are a rate's start and where it had come to by a later
    # year (2018年为21.4%,到2020年已降至9.6%): it speaks of the later year
    text = ("□某区城市管理局 李某\n城管执法点多面广，与群众日常生活息息相关。局里坚持执法全过程记录，"
            "本局行政诉讼败诉率2018年为21.4%,到2020年已降至9.6%。\n加强局党组对依法行政工作的领导。")
    assert describe_document(text, "x.txt").report_year == 2020


def test_a_place_in_the_addressee_line_after_a_prose_banner_is_no_body():
    # a notice whose title names no place, under a site's banner written as prose: the bodies it
    # is sent to (…东湖区管委会,市政府各部门:) are addressed, not the one that acts
    text = ("欢迎访问本网站，为获得最佳浏览效果，建议使用新版浏览器，谢谢合作\n当前位置：首页 > 通知公告\n"
            "全市2023年上半年行政复议工作情况通报\n【发布时间：2023-07-20 10:15 】【打印】\n"
            "各县（区）人民政府，市高新技术产业园区、东湖区管委会，市政府各部门：\n"
            "为推动行政复议工作高质量发展，现将上半年全市行政复议工作情况通报如下。\n一、总体情况\n"
            "上半年全市各级行政复议机关共收到行政复议申请412件。")
    d = describe_document(text, "x.txt")
    assert d.region_code is None and d.region_confidence == "unresolved"


def test_a_year_whose_work_is_inspected_is_no_report_year():
    # a dated mid-year story: the year whose work was inspected (对2023年度…开展全面督察) is the
    # inspection's object; 今年上半年 on a page of July 2024 is the page's year
    text = ("某区司法局:上半年法治建设工作扎实推进\n来源:某区融媒体中心  发布时间:2024-07-10 17:25\n"
            "本网讯 记者从某区司法局获悉,今年上半年,区司法局围绕中心工作推进法治建设。\n"
            "区里对2023年度法治政府建设情况开展全面督察,评查行政执法案卷210件。")
    assert describe_document(text, "x.txt").report_year == 2024


def test_an_awards_year_is_no_report_year_and_a_preface_may_open_before_the_year():
    # an undated summary opening with who led the work, then its year (在…领导下,2021年全市…),
    # and naming an award of the year before (被…命名为"2020年度法治政府建设示范单位")
    text = ("二、坚持依法行政,法治政府建设提质增效\n在市委市政府的坚强领导下,2021年全市司法行政工作稳步推进,"
            "取得明显成效。\n今年以来,市司法局共审核规范性文件37件。我市被省依法治省办命名为\u201c2020年度法治政府建设"
            "示范单位\u201d,市人民调解委员会被评为2020年度全省人民调解工作先进集体。")
    assert describe_document(text, "x.txt").report_year == 2021
    # a dated page whose opening says 今年: its date's year, over a 年度 named in passing
    dated = ("某县司法局:法治建设提质增效\n来源:某县融媒体中心  发布时间:2021-12-28 09:40\n"
             "记者从县司法局获悉,今年,全县司法行政工作紧扣中心大局稳步推进。\n"
             "县司法局被评为2020年度全省人民调解工作先进集体,全年审核规范性文件37件。")
    assert describe_document(dated, "x.txt").report_year == 2021


def test_a_byline_is_no_headline_and_a_label_line_gives_the_year():
    # a digest whose first line is the reporter's byline: the headline after it names the body
    qa = ("某省法治报全媒体记者 王某\n【问答】湖南行政复议工作2024年\u201c成绩单\u201d\n"
          "问:2024年的成绩单上有哪些关键数字?\n答:全省新收行政复议申请3.1万件,调解和解化解行政争议7820件。\n"
          "问:各地有哪些做法?\n答:\n1. 长沙市:率先设立涉企行政复议服务站,办理涉企案件612件。\n"
          "2. 株洲市:推行简案速办,平均结案周期缩短到28天。")
    d = describe_document(qa, "x.txt")
    assert (d.region_name, d.report_year) == ("湖南省", 2024)
    # an infographic's label line of its year and body (2023年 · 某市司法局) over 今年以来 and an
    # earlier year compared with: the label's year
    card = ("一图读懂|行政复议应诉工作\n2023年 · 江门市司法局\n一、行政复议案件基本情况\n"
            "全市复议机关收到行政复议申请\n1864宗\n较2022年 \u219112.4%\n简易程序办案(今年以来) 512件")
    assert describe_document(card, "x.txt").report_year == 2023


def test_a_bullet_point_is_no_title_and_an_arrow_to_a_later_year_gives_that_year():
    # an undated points page: a bullet (▶ 成效:2019年以来,…) is no title, and a rate drawn from one
    # year to a later one (2018年 21.4% ⏎ ↓ ⏎ 2020年 9.6%) speaks of the later
    text = ("□某区城市管理局 李某\n【要点速览】\n▶ 职能:城管执法点多面广\n▶ 成效:2019年以来,全局行政诉讼案件持续下降\n"
            "某区城管系统行政诉讼败诉率\n2018年　21.4%\n　↓\n2020年　9.6%\n\n一、领导责任\n● 局党组加强对依法行政工作的领导")
    d = describe_document(text, "x.txt")
    assert not (d.title or "").startswith("▶") and d.report_year == 2020


def test_the_year_of_an_agenda_the_work_followed_is_no_report_year():
    text = ("关于县人民政府行政复议工作情况的调研报告\n县人大常委会调研组\n（2024年5月8日）\n"
            "根据县人大常委会2024年度工作要点，调研组听取了县司法局的汇报。\n一、基本情况\n"
            "2023年，县人民政府共收到行政复议申请64件，受理58件，审结55件。")
    assert describe_document(text, "x.txt").report_year == 2023


def test_a_sites_dateline_with_its_app_and_hour_names_no_body():
    # (某网-新某地客户端1月21日15时讯: the outlet, not the district the story is about)
    text = ("某网首页 > 新闻 > 区县 > 渝北\n渝北：新行政复议法实施首年 收到复议申请同比增长五成\n"
            "2025-01-21 15:42:08　来源：某网\n"
            "华龙网-新重庆客户端1月21日15时讯 记者今日从渝北区司法局获悉，2024年，渝北区政府共收到行政复议申请1037件。")
    meta = describe_document(text, "x.txt")
    assert meta.region_code == "500112"


def test_a_years_agenda_or_a_change_from_its_年度_is_no_report_year():
    text = ("关于全县行政复议工作情况的调研报告\n县人大常委会调研组\n（2024年6月3日）\n"
            "根据县人大常委会2024年度监督工作计划，调研组听取了县司法局的汇报。\n一、基本情况\n"
            "全县行政机关负责人出庭应诉率由2022年度的90.4%提升至100%。2023年县人民政府共收到行政复议申请71件。")
    assert describe_document(text, "x.txt").report_year == 2023


def test_a_white_papers_year_in_brackets_and_a_speech_at_the_next_years_meeting():
    news = ("某县召开《行政复议白皮书（2023年度）》新闻发布会\n"
            "4月23日上午，某县人民政府新闻办公室召开新闻发布会。白皮书显示，县政府共收到行政复议申请203件。"
            "今年一季度县政府已收到复议申请74件。")
    assert describe_document(news, "x.txt").report_year == 2023
    speech = ("在全县2024年府院联席会议上的讲话\n县长 某某\n（2024年1月26日）\n同志们：\n"
              "过去一年，全县上下坚持依法行政。2023年，县法院受理以我县行政机关为被告的一审行政诉讼案件97件。")
    assert describe_document(speech, "x.txt").report_year == 2023


def test_a_year_end_meeting_speaking_of_this_year_so_far_keeps_its_year():
    speech = ("在全区2023年度法治政府建设总结会议上的讲话\n（2023年12月28日）\n同志们：\n"
              "今年以来，全区共收到行政复议申请210件，审结188件。2022年全区收到申请170件。")
    assert describe_document(speech, "x.txt").report_year == 2023


def test_a_report_citing_a_court_in_its_opening_is_still_a_report():
    """根据区人民法院统计,… opening a page titled as a government's report names the source of its
    figures: the page is the report, not a court's release (a court's own title still is)."""
    text = "萧山区2023年法治政府建设年度报告\n根据区人民法院统计,2023年全区行政诉讼案件一审收案158件。\n"
    assert describe_document(text, "x.txt").doc_kind == "annual_report"
    court = "萧山区人民法院2023年行政审判白皮书\n2023年,我院共受理行政诉讼案件158件。\n"
    assert describe_document(court, "y.txt").doc_kind == "court_release"
