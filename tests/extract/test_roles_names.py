"""Whose a place named in a clause is: the page's own name read with care (a short name of the
page's department, a stem inside the page's own name)."""

from lawgov.extract.reading.roles import _named_in, _short_name_of


def test_a_stem_inside_the_pages_own_name_is_not_named_by_it():
    assert not _named_in("澧", "临澧县", "临澧县")                       # 澧县 is another county
    assert not _named_in("澧", "临澧县2023年法治政府建设年度报告", "临澧县")
    assert _named_in("临澧", "临澧县", "临澧县")
    assert _named_in("深圳", "广东省深圳市2023年报告", "深圳市")
    assert _named_in("示范", "济源示范区:行政复议", "济源市")             # the page's zone by its name


def test_a_departments_short_name_of_the_same_tier():
    assert _short_name_of("市市场监管局", "上海市市场监督管理局2023年法治政府建设情况报告")
    assert _short_name_of("区人社局", "岭东区人力资源和社会保障局2023年报告")
    assert not _short_name_of("区市场监管局", "上海市市场监督管理局")     # a lower tier's bureau
    assert not _short_name_of("市公安局", "上海市市场监督管理局")
