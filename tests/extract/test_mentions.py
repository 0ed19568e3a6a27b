"""The scanner: every quantity with its value, unit, qualifier; traps are not quantities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov.extract.mentions import scan, trap_spans
from lawgov.text import normalise


def quantities(s: str):
    t = normalise(s).text
    return [(q.text, q.value, q.unit, q.unit_raw, q.qualifier) for q in scan(t)]


def one(s: str):
    qs = quantities(s)
    assert len(qs) == 1, qs
    return qs[0][1:]


@pytest.mark.parametrize("text, value, unit, unit_raw, qualifier", [
    ("受理行政复议案件67件", 67, "件", "件", "exact"),
    ("排查化解矛盾纠纷212起", 212, "件", "起", "exact"),
    ("收到申请1766宗", 1766, "件", "宗", "exact"),
    ("执法人员38人", 38, "人", "人", "exact"),
    ("律师3名", 3, "人", "名", "exact"),
    ("6位市管干部", 6, "人", "位", "exact"),
    ("执法单位27个", 27, "个", "个", "exact"),
    ("41家执法部门", 41, "个", "家", "exact"),
    ("学习4次", 4, "次", "次", "exact"),
    ("讲座12场", 12, "次", "场", "exact"),
    ("宣传教育260场次", 260, "次", "场次", "exact"),
    ("培训5期", 5, "次", "期", "exact"),
    ("规范性文件88份次", 88, "份", "份次", "exact"),
    ("案卷23份", 23, "份", "份", "exact"),
    ("权责清单3870项", 3870, "项", "项", "exact"),
    ("信息763条", 763, "条", "条", "exact"),
    ("出庭应诉1100余人次", 1100, "人次", "人次", "at_least"),
    ("开展普法宣传活动200余次", 200, "次", "次", "at_least"),
    ("发放宣传资料1万余份", 10000, "份", "份", "at_least"),
    ("挽回经济损失415万元", 4150000, "元", "万元", "exact"),
    ("涉案金额64.71万元", 647100, "元", "万元", "exact"),
    ("投入资金1.2亿元", 120000000, "元", "亿元", "exact"),
    ("涉案金额800余万元", 8000000, "元", "万元", "at_least"),
    ("出庭应诉率达100%", 100, "%", "%", "exact"),
    ("纠错率约12.7%", 12.7, "%", "%", "approx"),
    ("达标率为50%以上", 50, "%", "%", "at_least"),
    ("近40篇", 40, "篇", "篇", "approx"),
    ("超过30件", 30, "件", "件", "at_least"),
    ("逾1000人", 1000, "人", "人", "at_least"),
    ("不足5%", 5, "%", "%", "at_most"),
    ("不到20件", 20, "件", "件", "at_most"),
    ("100人左右", 100, "人", "人", "approx"),
    ("大约300份", 300, "份", "份", "approx"),
    ("200多次", 200, "次", "次", "at_least"),
    ("10人以下", 10, "人", "人", "at_most"),
    ("三十二件", 32, "件", "件", "exact"),
    ("一千二百三十四件", 1234, "件", "件", "exact"),
    ("两千人", 2000, "人", "人", "exact"),
    ("百分之九十五点一", 95.1, "%", None, "exact"),
    ("百分之百", 100, "%", None, "exact"),
    ("百分之九十以上", 90, "%", None, "at_least"),
    ("2.6万件", 26000, "件", "件", "exact"),
    ("１２３件", 123, "件", "件", "exact"),
    ("1,234件", 1234, "件", "件", "exact"),
    ("１，２３４件", 1234, "件", "件", "exact"),
    ("提高2个百分点", 2, "个百分点", "个百分点", "exact"),
    ("增长了近3倍", 3, "倍", "倍", "approx"),
    ("行政应诉案件115,", 115, None, None, "exact"),
])
def test_value_unit_qualifier(text, value, unit, unit_raw, qualifier):
    assert one(text) == (value, unit, unit_raw, qualifier)


@pytest.mark.parametrize("text", [
    "2022年11月24日", "2022-01-26 17:17", "发布时间:2020-09-29 16:03", "11月1日", "截至12月底",
    "1—10月", "2022年", "2022年度", "2019年版", "(2021-2025年)", "(2015—2020年)", "2019区委、区政府",
    "黑转改办发〔2022〕1号", "(〔2014〕保市府办172号)", "省政府第3号令", "[2023]5号",
    "八五普法", "“十四五”规划", "七五普法", "十九届二中、三中全会", "党的二十大",
    "一是", "二是加强", "(三)强化", "\n1.深化思想理论武装", "\n一、依法履职", "第一责任人",
    "第八次", "第四季度", "表1:", "附件2", "之一", "工作稳步推进。1.强化思想引领",
    "0662-3367662", "13812345678", "“12345”热线", "12345便民热线",
    "粤ICP备16010311号-3", "粤公网安备44170202000121号", "网站标识码4417000019",
    "5+1事项", "“1+3+N”", "一窗通办", "一站式", "统一", "一些", "进一步", "两个确立",
    "两个维护", "三项制度", "《2016年市政府常务会议学法计划》", "A5版", "5G网络",
    "成立100周年", "连续五年", "一年多来", "前三季度", "24小时政务服务",
    "“百名法学家百场报告会”", "一件事一次办", "比例为1:15", "之比为1.3:1", "3∶1",
])
def test_not_quantities(text):
    assert quantities(text) == []


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("参与群众逾千人", 1000, "人", "at_least"),
    ("受理申请近万件", 10000, "件", "approx"),
    ("开展活动上百次", 100, "次", "at_least"),
    ("办理超千件", 1000, "件", "at_least"),
    ("受众过万人", 10000, "人", "at_least"),
    ("约百人参加", 100, "人", "approx"),
    ("培训干部千余人", 1000, "人", "at_least"),
    ("发放资料万余份", 10000, "份", "at_least"),
    ("挽回损失上千万元", 10000000, "元", "at_least"),
    ("发放资料逾万份", 10000, "份", "at_least"),
])
def test_bare_hundred_thousand_ten_thousand(text, value, unit, qualifier):
    q = quantities(text)
    assert len(q) == 1, q
    assert q[0][1:3] == (value, unit) and q[0][4] == qualifier


@pytest.mark.parametrize("text", [
    "数百件", "数千人", "几百人", "千万不要松懈", "老百姓", "万一发生", "千方百计", "近百年来",
    "百花齐放", "万家灯火", "百年大计", "千家万户", "成百上千", "数十件", "几十人",
])
def test_bare_numerals_that_are_not_counts(text):
    assert quantities(text) == []


def test_bare_numerals_beside_percent_and_numbers():
    assert [q[1] for q in quantities("百分之百,三百余件,二十万余人,上百次")] == [100, 300, 200000, 100]


def test_a_date_beside_a_count_leaves_the_count():
    assert [q[1] for q in quantities("截至2021年11月30日,行政诉讼案件共46件")] == [46]


def test_bare_year_only_without_measure_word():
    assert [q[1] for q in quantities("2023总共需办理复议案件66件")] == [66]
    assert [q[1] for q in quantities("共收到申请2019件")] == [2019]


def test_spans_are_of_the_numeral_only():
    t = normalise("开展普法宣传活动约200余次").text
    q = scan(t)[0]
    assert t[q.start:q.end] == "200"
    assert t[q.head:q.tail] == "约200余次"


def test_traditional_and_glossed_text():
    assert [q[1] for q in quantities("行政復(fù)議案件54件,開(kāi)庭審理37件")] == [54, 37]
    assert one("敗訴率為百分之八點五")[:2] == (8.5, "%")


def test_trap_kinds_are_reported():
    kinds = {k for _s, _e, k in trap_spans("2022年11月24日 黑转改办发〔2022〕1号 0662-3367662 一是")}
    assert {"date_time", "document_number", "phone_and_ids", "ordinal"} <= kinds


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=99999), st.sampled_from(["件", "起", "宗", "人", "名", "个", "次", "份", "项", "条"]))
def test_any_count_with_a_measure_word_is_read(n, unit):
    qs = quantities(f"共办理{n}{unit},")
    if 1950 <= n <= 2049:
        # a four-digit year-like number with a measure word is still a count
        pass
    assert qs and qs[0][1] == n


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789一二三四五六七八九十百千万年月日号件人次%.,，、()〔〕第是余约近", max_size=40))
def test_the_scanner_never_raises(s):
    quantities(s)


def test_a_year_like_count_in_a_tables_body_cell_is_no_year():
    from lawgov.extract.mentions import _table_value_cell
    body = "| 指标 | 2024 | 2025 |\n| 收到 | 1987 | 2316 |\n"
    assert _table_value_cell(body, body.index("1987"), body.index("1987") + 4)
    assert not _table_value_cell(body, body.index("2024"), body.index("2024") + 4)      # the header
    rows = "| 年度 | 收到 |\n| 2022 | 61 |\n"
    assert not _table_value_cell(rows, rows.index("2022"), rows.index("2022") + 4)      # a row's label
    prose = "| 指标 | 收到 |\n2019年以来,全市…\n"
    assert not _table_value_cell(prose, prose.index("2019"), prose.index("2019") + 4)
