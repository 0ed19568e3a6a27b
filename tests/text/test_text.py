import opencc
import pytest
from hypothesis import given, settings, strategies as st

from lawgov.text import NormalText, clauses, normalise, paragraphs, sentences

_T2S = opencc.OpenCC("t2s")


def _span_of(nt: NormalText, needle: str, original: str) -> str:
    i = nt.text.index(needle)
    a, b = nt.to_original(i, i + len(needle))
    return original[a:b]


# --------------------------------------------------------------------------- normalise

def test_traditional_and_gloss_example():
    original = "市、縣兩級法院共開(kāi)庭審理行政案件137件"
    nt = normalise(original)
    assert nt.text == "市、县两级法院共开庭审理行政案件137件"
    assert _span_of(nt, "137", original) == "137"
    i = nt.text.index("137")
    assert nt.to_original(i, i + 3) == (original.index("137"), original.index("137") + 3)
    # a span across the deleted gloss covers it in the original
    assert _span_of(nt, "开庭", original) == "開(kāi)庭"
    assert len(nt.offsets) == len(nt.text) + 1
    assert nt.offsets[-1] == len(original)


@pytest.mark.parametrize("original,expected", [
    ("復(fù)議", "复议"),
    ("開(kāi)庭", "开庭"),
    ("機關(guān)", "机关"),
    ("聯席會(huì )議", "联席会议"),               # a space inside the gloss
    ("開（kāi）庭", "开庭"),                    # full-width parentheses
    ("綠(lǜ)色", "绿色"),
    # a document with toned glosses loses toneless ones too
    ("機關(guān)人員們(men)", "机关人员们"),
    # real parentheticals stay
    ("“八五”普法规划(2021-2025年)", "“八五”普法规划(2021-2025年)"),
    ("纠错32件(含撤销、确认违法)", "纠错32件(含撤销、确认违法)"),
    ("(三)加强监督", "(三)加强监督"),
    ("附件(a)", "附件(a)"),                    # no glosses in the document: not pinyin
    ("Word(fù)", "Word(fù)"),                    # not after a CJK character
])
def test_glosses(original, expected):
    assert normalise(original).text == expected


def test_widths_whitespace_and_invisibles():
    original = "受理\u3000１２３．５件，纠错率１８％；\xa0ＡＢＣ（一）\u200b\r\n下一行\r末行"
    nt = normalise(original)
    assert nt.text == "受理123.5件，纠错率18%； ABC(一)\n下一行\n末行"   # (a space before a figure and its unit goes)
    assert _span_of(nt, "123.5", original) == "１２３．５"
    assert _span_of(nt, "18%", original) == "１８％"
    assert _span_of(nt, "下一行", original) == "下一行"


def test_simplified_text_is_unchanged():
    original = "2022年共受理行政复议案件54件,纠错9件,纠错率为18%。取得显著成效,著作权保护。"
    nt = normalise(original)
    assert nt.text == original
    assert list(nt.offsets) == list(range(len(original) + 1))


def test_to_original_bounds():
    nt = normalise("abc")
    assert nt.to_original(0, 0) == (0, 0)
    assert nt.to_original(3, 3) == (3, 3)
    with pytest.raises(ValueError):
        nt.to_original(2, 1)
    with pytest.raises(ValueError):
        nt.to_original(0, 4)


def _same_modulo_normalising(orig_char: str, norm_char: str) -> bool:
    if orig_char == norm_char:
        return True
    if normalise(orig_char).text == norm_char:
        return True
    if norm_char == "。" and orig_char in ".．":
        return True          # (a half-width full stop ending a Chinese sentence, by its context)
    return _T2S.convert(orig_char) == norm_char


TRADITIONAL_SAMPLE = (
    "許昌市府院聯(lián)動(dòng)聯席會(huì )議辦公室關(guān)於全市2022年第四季度行政機關(guān)"
    "負責人出庭應訴情況的通報\r\n\u3000\u3000各縣(市、區)人民政府：市、縣兩級法院共開(kāi)庭審理"
    "行政案件137件，出庭應訴率為８９．７８％。"
)


def test_offsets_round_trip_on_a_traditional_page():
    nt = normalise(TRADITIONAL_SAMPLE)
    assert len(nt.offsets) == len(nt.text) + 1
    for i, ch in enumerate(nt.text):
        a, b = nt.to_original(i, i + 1)
        assert b == a + 1
        assert _same_modulo_normalising(TRADITIONAL_SAMPLE[a], ch), (i, ch, TRADITIONAL_SAMPLE[a])
    assert _span_of(nt, "89.78%", TRADITIONAL_SAMPLE) == "８９．７８％"
    assert "联动联席会议办公室关于" in nt.text
    # whole sentences map back to whole original sentences
    for s, e in sentences(nt.text):
        a, b = nt.to_original(s, e)
        assert _T2S.convert(normalise(TRADITIONAL_SAMPLE[a:b]).text) == nt.text[s:e]


def _check_offsets(original: str) -> NormalText:
    nt = normalise(original)
    offs = nt.offsets
    assert len(offs) == len(nt.text) + 1
    assert offs[-1] == len(original)
    assert all(0 <= o <= len(original) for o in offs)
    assert all(offs[i] < offs[i + 1] for i in range(len(offs) - 1))  # one original char each
    return nt


@given(st.text())
@settings(max_examples=300)
def test_offsets_property_any_text(original):
    _check_offsets(original)


_PIECES = ["復", "(fù)", "議", "開", "（kāi）", "(men)", "(a)", "(2021-2025年)", "會", "(huì )", "機關",
           "\u3000", "\xa0", "\u200b", "\r\n", "\r", "\n", "１２３", "．", "％", "，", "。", "137", "件",
           "乾淨", "著作", "萬", " ", "(", ")", "ü"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@settings(max_examples=300)
def test_offsets_property_report_like_text(pieces):
    original = "".join(pieces)
    nt = _check_offsets(original)
    for i, ch in enumerate(nt.text):
        a, b = nt.to_original(i, i + 1)
        assert _same_modulo_normalising(original[a], ch)


# --------------------------------------------------------------------------- splitting

def test_paragraphs():
    text = "标题\n\n  第一段。有两句。  \r\n第二段\n\u3000\u3000\n最后"
    spans = paragraphs(text)
    assert [text[a:b] for a, b in spans] == ["标题", "第一段。有两句。", "第二段", "最后"]


def test_sentences_and_clauses():
    text = ("2022年共受理行政复议案件54件,纠错9件,纠错率为18%。他说：“好！”区政府为被告的案件"
            "开庭41件；出庭率95.1%\n审核、备案规范性文件1,234件,时间17:17? 完")
    spans = sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == [
        "2022年共受理行政复议案件54件,纠错9件,纠错率为18%。",
        "他说：“好！”",
        "区政府为被告的案件开庭41件；",
        "出庭率95.1%",
        "审核、备案规范性文件1,234件,时间17:17?",
        "完",
    ]
    cl = [[text[a:b] for a, b in clauses(text, s, e)] for s, e in spans]
    assert cl[0] == ["2022年共受理行政复议案件54件", "纠错9件", "纠错率为18%。"]
    assert cl[1] == ["他说", "“好！”"]
    assert cl[4] == ["审核、备案规范性文件1,234件", "时间17:17?"]


def test_sentences_within_a_range():
    text = "甲。乙丙。丁"
    assert sentences(text, 2, 5) == [(2, 5)]
    assert [text[a:b] for a, b in sentences(text, 1)] == ["。", "乙丙。", "丁"]


def test_splitters_on_normalised_text_map_back():
    original = "市直機關(guān)共開(kāi)庭３２件，出庭率１００％。　下一句"
    nt = normalise(original)
    back = [original[slice(*nt.to_original(s, e))] for s, e in sentences(nt.text)]
    assert back == ["市直機關(guān)共開(kāi)庭３２件，出庭率１００％。", "下一句"]


@given(st.text())
@settings(max_examples=200)
def test_split_spans_are_well_formed(text):
    for s, e in paragraphs(text):
        assert 0 <= s < e <= len(text) and "\n" not in text[s:e]
        assert not text[s].isspace() and not text[e - 1].isspace()
    prev = 0
    for s, e in sentences(text):
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
        for cs, ce in clauses(text, s, e):
            assert s <= cs < ce <= e


def test_a_page_with_three_toneless_glosses_in_its_head_loses_them_all():
    """Some mirror sites gloss without tone marks: 自(zi)然(ran)资(zi)源(yuan)部. Three in the head
    make the page a glossing one; then every toneless gloss goes, for the documents stage and
    the extractor alike, and spans still map back."""
    original = "自(zi)然(ran)资(zi)源(yuan)部2023年受(shou)理行政复议案件12件。"
    nt = normalise(original)
    assert nt.text == "自然资源部2023年受理行政复议案件12件。"
    s, e = nt.to_original(nt.text.index("12"), nt.text.index("12") + 2)
    assert original[s:e] == "12"
    # two parenthesised letters are no glossing page: they stay
    assert normalise("附件(a)和附件(b)").text == "附件(a)和附件(b)"


def test_years_in_chinese_numerals_are_written_in_digits():
    """二〇二三年 reads as 2023年 for every reader after normalising; the length stays, so
    spans map back one to one; a zero typed as a digit or a letter (二0二三年) too."""
    for original, expected in (("二〇二三年审结案件296件", "2023年审结案件296件"),
                               ("二○一四年度全市", "2014年度全市"),
                               ("二0二二年,全区", "2022年,全区"),
                               ("一九九八年", "1998年"),
                               ("二〇二四年一月十五日", "2024年一月十五日")):
        n = normalise(original)
        assert n.text == expected and len(n.text) == len(original)
    assert normalise("二〇二三件").text == "二〇二三件"      # no 年: a count, not a year


def test_a_half_width_full_stop_ending_a_chinese_sentence_reads_as_one():
    nt = normalise("案件涉及信息公开、征收补偿等.目前审结10件,纠错率12%.2023年共收到申请31件. | 访问www.gov.cn,共1.5万件")
    assert nt.text == "案件涉及信息公开、征收补偿等。目前审结10件,纠错率12%。2023年共收到申请31件。 | 访问www.gov.cn,共1.5万件"


def test_a_half_width_full_stop_before_a_figure_ends_the_sentence_but_not_a_decimal_or_a_clause_number():
    nt = normalise("已审结88件.8件尚在审理 | 依照第3.2条 | No.8 | 版本V2.0")
    assert nt.text == "已审结88件。8件尚在审理 | 依照第3.2条 | No.8 | 版本V2.0"


def test_a_numbered_heading_inside_a_line_after_a_sentence_opens_a_paragraph():
    text = "一、总体情况 全年主动公开信息210条。（二）依申请公开。全年共收到申请9件；3.监督保障。按要求公开。一是加强培训。"
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "一、总体情况 全年主动公开信息210条。", "（二）依申请公开。全年共收到申请9件；", "3.监督保障。按要求公开。一是加强培训。"]


def test_a_cells_bar_ends_a_clause():
    from lawgov.text.structure import clauses
    text = "● 败诉:9件|败诉率:6.2%"
    assert [text[a:b] for a, b in clauses(text, 0, len(text))] == ["● 败诉", "9件", "败诉率", "6.2%"]


def test_markup_a_scraper_left_is_read_as_the_text_it_stood_for():
    """Inline tags go, an entity reads as its character: a figure keeps its cue and unit and
    no entity's digits (&#160;) become a figure; block tags stay as the break they were."""
    from lawgov.text import normalise
    original = "收到申请&nbsp;73&nbsp;件,审结&#160;70&#xA0;件,败诉<font color=red>3</font>件&amp;<br>下一段"
    nt = normalise(original)
    assert nt.text == "收到申请 73 件,审结 70 件,败诉3件&<br>下一段"
    i = nt.text.index("70")
    assert original[slice(*nt.to_original(i, i + 2))] == "70"
    assert "160" not in nt.text
    plain = "甲 & 乙;丙 <未闭合 a<b 2<3"
    assert normalise(plain).text == plain
