from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from lawgov.errors import NumberError
from lawgov.extract.numbers import NUMERAL, ParsedNumber, is_chinese_numeral, parse_number

# --------------------------------------------------------------------------- tables

GOOD = [
    # Arabic
    ("137", 137, False),
    ("0", 0, False),
    ("93.1", 93.1, False),
    ("1,234", 1234, False),
    ("1，234", 1234, False),
    ("12,345,678.5", 12345678.5, False),
    ("１２３．５", 123.5, False),
    ("１，２３４", 1234, False),
    (" 72 ", 72, False),
    # Arabic with a multiplier
    ("2.6万", 26000, False),
    ("64.71万", 647100, False),
    ("1.2亿", 120000000, False),
    ("1万", 10000, False),
    ("3千", 3000, False),
    ("5百万", 5000000, False),
    ("2万亿", 2e12, False),
    ("1万5千", 15000, False),
    ("１．２亿", 120000000, False),
    # Chinese
    ("三十二", 32, False),
    ("一千二百三十四", 1234, False),
    ("两千", 2000, False),
    ("十", 10, False),
    ("十五", 15, False),
    ("一十五", 15, False),
    ("二十万", 200000, False),
    ("一百零五", 105, False),
    ("一千零五十", 1050, False),
    ("〇", 0, False),
    ("零", 0, False),
    ("三点五", 3.5, False),
    ("零点五", 0.5, False),
    ("十点五", 10.5, False),
    ("三点五万", 35000, False),
    ("两万三千", 23000, False),
    ("一亿零五百万", 105000000, False),
    ("十亿", 1e9, False),
    ("二〇二二", 2022, False),
    ("一百五", 150, False),          # colloquial short forms
    ("两万三", 23000, False),
    ("一百十五", 115, False),
    ("壹佰零伍", 105, False),       # financial numerals
    ("兩萬", 20000, False),         # traditional
    # percentages
    ("百分之九十五点一", 95.1, True),
    ("百分之百", 100, True),
    ("百分之一百", 100, True),
    ("百分之五", 5, True),
    ("百分之95", 95, True),
    ("百分之零点五", 0.5, True),
    ("千分之五", 0.5, True),
    ("95.1%", 95.1, True),
    ("100％", 100, True),
]

BAD = ["", "  ", "abc", "十四五", "八五", "三四", "一二", "万", "亿", "点五", "二点", "百百", "十十",
       "一万万", "一亿亿", "1,23", "12,34,567", "2022-01", "1.2.3", "百分之", "%", "一百五十六七",
       "3.5.", "1万余", "约100", "-5", "١٢٣", "百分之百分之五", "5+1", "〇一二三四五六七八九十百千万亿x"]


@pytest.mark.parametrize("s,value,percent", GOOD)
def test_parse_number_table(s, value, percent):
    got = parse_number(s)
    assert isinstance(got, ParsedNumber)
    assert got.value == value
    assert isinstance(got.value, float)
    assert got.percent is percent


@pytest.mark.parametrize("s", BAD)
def test_parse_number_refuses(s):
    with pytest.raises(NumberError):
        parse_number(s)


def test_parse_number_refuses_non_strings():
    with pytest.raises(NumberError):
        parse_number(None)  # type: ignore[arg-type]
    with pytest.raises(NumberError):
        parse_number(12)  # type: ignore[arg-type]


def test_is_chinese_numeral():
    assert is_chinese_numeral("三十二")
    assert is_chinese_numeral("一")
    assert not is_chinese_numeral("十四五")
    assert not is_chinese_numeral("32")
    assert not is_chinese_numeral("一是")
    assert not is_chinese_numeral("")


# --------------------------------------------------------------------------- NUMERAL

def _tokens(text):
    return [m.group() for m in NUMERAL.finditer(text)]


@pytest.mark.parametrize("text,expected", [
    ("行政机关负责人出庭率达100%", ["100"]),
    ("区直各单位为被告的行政诉讼案件开庭72件,行政负责人出庭应诉率达93.1%", ["72", "93.1"]),
    ("发放各种宣传资料1万余份", ["1万"]),
    ("出庭率百分之九十五点一", ["百分之九十五点一"]),
    ("受理1,234件,纠错9件", ["1,234", "9"]),
    ("受理１２３件", ["１２３"]),
    ("资金2.6万元,64.71万元,1.2亿元", ["2.6万", "64.71万", "1.2亿"]),
    ("共三十二件,一千二百三十四人,两万三千份", ["三十二", "一千二百三十四", "两万三千"]),
    ("平均三点五天", ["三点五"]),
    ("全长5千米", ["5"]),
    # words and ordinals that are not numerals
    ("一是强化党委领导", []),
    ("一些问题,一般程序,统一部署,进一步,唯一,之一,一站式服务,一窗通办,一网通办", []),
    ("第三季度,第一次会议", []),
    ("千万不要,百姓,万一", []),
    ("同一案件,同一时间", []),
    # a count right after a word that ends in 同 (合同, 协同)
    ("审查合同五十八份,会同三个部门,合同一百零五份", ["五十八", "三", "一百零五"]),
])
def test_numeral_pattern(text, expected):
    assert _tokens(text) == expected


def test_numeral_never_starts_inside_a_number():
    for m in NUMERAL.finditer("2022-01-26 17:17 共123.45件 三十二人 1,234,567"):
        s = m.start()
        text = m.string
        assert s == 0 or not (text[s - 1].isdigit() or text[s - 1] == ".")


# --------------------------------------------------------------------------- properties

_CN = "零一二三四五六七八九"


def cn_section(n: int, liang: bool) -> str:
    """0 < n < 10000 in standard form (internal zeros collapse to one 零)."""
    out, started, zero = [], False, False
    for d, unit in zip((n // 1000, n // 100 % 10, n // 10 % 10, n % 10), ("千", "百", "十", "")):
        if d == 0:
            zero = started or zero
            continue
        if zero and started:
            out.append("零")
        zero = False
        out.append(("两" if liang and d == 2 and unit in ("千", "百") else _CN[d]) + unit)
        started = True
    return "".join(out)


def cn(n: int, liang: bool = False, short_ten: bool = True) -> str:
    """An integer 0 <= n < 10**12 as a standard Chinese numeral."""
    if n == 0:
        return "零"
    sections = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out, skipped = [], False
    for sec, big in sections:
        if sec == 0:
            skipped = skipped or bool(out)
            continue
        if out and (skipped or sec < 1000):
            out.append("零")
        skipped = False
        if liang and sec == 2 and big:
            out.append("两" + big)
        else:
            out.append(cn_section(sec, liang) + big)
    s = "".join(out)
    if short_ten and s.startswith("一十"):
        s = s[1:]
    return s


def test_cn_generator_examples():
    assert cn(32) == "三十二"
    assert cn(1234) == "一千二百三十四"
    assert cn(105) == "一百零五"
    assert cn(10005) == "一万零五"
    assert cn(105000000) == "一亿零五百万"
    assert cn(100000005) == "一亿零五"
    assert cn(2000, liang=True) == "两千"
    assert cn(23000, liang=True) == "两万三千"
    assert cn(15) == "十五"
    assert cn(150000) == "十五万"


ints = st.integers(min_value=0, max_value=10**9)


@given(ints, st.booleans(), st.booleans())
def test_chinese_roundtrip(n, liang, short_ten):
    assert parse_number(cn(n, liang, short_ten)) == ParsedNumber(float(n), False)


@given(ints)
def test_arabic_roundtrip(n):
    assert parse_number(str(n)).value == n
    assert parse_number(f"{n:,}").value == n
    assert parse_number(f"{n:,}".replace(",", "，")).value == n
    full = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert parse_number(full).value == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=4),
       st.sampled_from([("万", 10**4), ("亿", 10**8), ("千", 10**3), ("", 1)]))
def test_arabic_decimal_with_multiplier(mantissa, places, mult):
    s = f"{Decimal(mantissa).scaleb(-places):f}"
    suffix, factor = mult
    assert parse_number(s + suffix).value == float(Decimal(s) * factor)


@given(st.integers(min_value=0, max_value=10**6), st.text(alphabet="0123456789", min_size=1, max_size=4),
       st.booleans())
def test_chinese_decimal_roundtrip(int_part, frac, wan):
    s = cn(int_part) + "点" + "".join(_CN[int(d)] for d in frac)
    expected = Decimal(f"{int_part}.{frac}")
    if wan and int_part < 10000:  # 三点五万; a number that has 万 already cannot take another
        s += "万"
        expected *= 10000
    assert parse_number(s) == ParsedNumber(float(expected), False)


@given(st.integers(min_value=0, max_value=100), st.text(alphabet="0123456789", max_size=2))
def test_percent_roundtrip(p, frac):
    s = "百分之" + cn(p)
    expected = Decimal(p)
    if frac:
        s += "点" + "".join(_CN[int(d)] for d in frac)
        expected = Decimal(f"{p}.{frac}")
    assert parse_number(s) == ParsedNumber(float(expected), True)


@given(ints, st.booleans())
def test_numeral_finds_rendered_numbers(n, chinese):
    token = cn(n, liang=True) if chinese else f"{n:,}"
    text = f"共受理行政复议案件{token}件。"
    assert _tokens(text) == [token]
    assert parse_number(token).value == n


@given(st.text())
@settings(max_examples=300)
def test_any_text_only_number_error(s):
    try:
        got = parse_number(s)
    except NumberError:
        return
    assert isinstance(got.value, float)


@given(st.text(alphabet=list("零〇一二两三四五六七八九十百千万亿点分之0123456789.,，%％ 万余第")))
@settings(max_examples=500)
def test_numeral_like_text_only_number_error(s):
    try:
        parse_number(s)
    except NumberError:
        pass
    for m in NUMERAL.finditer(s):
        try:
            parse_number(m.group())
        except NumberError:
            pass
