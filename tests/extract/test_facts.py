"""Extraction on phrasings written for the rules (tests/fixtures/phrasings/*.yaml), and the
properties every extraction must have (spans into the original text, derived facts, dedupe,
speed)."""

from __future__ import annotations

from pathlib import Path

from datetime import date

import pytest
import yaml

from lawgov.extract.catalog import catalogue, headline_codes
from lawgov.extract import Extraction, Fact, Mention, extract

from conftest import cpu_seconds

PHRASINGS = Path(__file__).resolve().parents[1] / "fixtures" / "phrasings"
HEADLINE = headline_codes()


def _cases():
    for path in sorted(PHRASINGS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            marks = [pytest.mark.xfail(reason=case["known_gap"], strict=True)] if case.get("known_gap") else []
            yield pytest.param(case, id=f"{path.stem}:{case['id']}", marks=marks)


def _row(f: Fact):
    return (f.indicator, round(f.value, 6), f.unit, f.qualifier, f.year, f.scope)


@pytest.mark.parametrize("case", list(_cases()))
def test_phrasing(case):
    published = case.get("published_on")       # YAML reads 2023-03-08 as a date already
    if isinstance(published, str):
        published = date.fromisoformat(published)
    ex = extract(case["text"], case["report_year"], published_on=published, level=case.get("level"),
                 doc_kind=case.get("doc_kind"), region_name=case.get("region_name"))
    got = {_row(f) for f in ex.facts}
    want = {(i, round(float(v), 6), str(u), q, y, s) for i, v, u, q, y, s in case["facts"]}
    missing = want - got
    assert not missing, f"missing {sorted(missing)}; got {sorted(got)}"
    if not want:
        assert not got, f"expected no fact, got {sorted(got)}"
    extra = {r for r in got - want if r[0] in HEADLINE}
    assert not extra, f"false headline facts {sorted(extra)}"
    # (a secondary figure that must stay a mention is named: other secondary facts may be found)
    named = {(i, round(float(v), 6)) for i, v in case.get("not_facts") or []}
    wrong = {r for r in got if (r[0], r[1]) in named}
    assert not wrong, f"facts that are another body's or no fact {sorted(wrong)}"


def test_there_are_enough_phrasings():
    assert len(list(_cases())) >= 60


def test_every_indicator_is_in_the_catalogue():
    codes = catalogue()
    for case in _cases():
        for row in case.values[0]["facts"]:
            assert row[0] in codes, row[0]


def test_every_extracted_indicator_is_in_the_catalogue():
    codes = catalogue()
    for case in _cases():
        ex = extract(case.values[0]["text"], case.values[0]["report_year"])
        for f in ex.facts:
            assert f.indicator in codes
        for m in ex.mentions:
            assert m.indicator is None or m.indicator in codes


def test_catalogue_has_the_domain_codes():
    codes = catalogue()
    for code in ["litigation.cases", "litigation.hearings", "litigation.head_appearances",
                 "litigation.head_appearance_rate", "litigation.losses", "litigation.loss_rate",
                 "litigation.pending", "reconsideration.received", "reconsideration.accepted",
                 "reconsideration.closed", "reconsideration.corrected",
                 "reconsideration.correction_rate", "reconsideration.revoked",
                 "reconsideration.altered", "reconsideration.confirmed_illegal",
                 "reconsideration.ordered_performance", "reconsideration.upheld",
                 "reconsideration.dismissed", "reconsideration.mediated",
                 "reconsideration.as_respondent", "reconsideration.opinion_letters",
                 "reconsideration.recommendation_letters"]:
        assert codes[code].tier == "headline"
    for code in ["normative_docs.reviewed", "normative_docs.filed", "normative_docs.issued",
                 "normative_docs.retained", "normative_docs.amended", "normative_docs.repealed",
                 "major_decisions.items", "legal_review.items", "power_list.items",
                 "enforcement.agencies", "enforcement.officers", "enforcement.penalty_cases",
                 "enforcement.license_cases", "enforcement.case_files_reviewed", "disputes.resolved",
                 "legal_aid.cases", "legal_education.events", "transparency.items",
                 "proof_items.retained", "proof_items.cancelled"]:
        assert codes[code].tier == "secondary"
    for code in ["litigation.closed", "litigation.win_rate", "litigation.withdrawal_rate",
                 "litigation.principal_head_appearances", "reconsideration.pending",
                 "reconsideration.rejected", "reconsideration.terminated",
                 "reconsideration.mediation_rate", "reconsideration.upheld_rate",
                 "reconsideration.sued_after_rate"]:
        assert code in codes


# ------------------------------------------------------------------ properties of an extraction

TEXT = ("2022年,全县新收行政复(fù)议案件73件,直接纠错11件,直接纠错率为15.1%。\n"
        "县政府审结行政复议案件66件,其中撤销并责令重做4件,变更2件,责令履职3件,纠错率达13.6%。\n"
        "县级行政机关负责人出庭应诉率为100%。全年行政诉讼案件58,负责人出庭应诉率100%。\n")


def test_types_and_spans_point_into_the_original():
    ex = extract(TEXT, 2022)
    assert isinstance(ex, Extraction)
    assert ex.mentions and all(isinstance(m, Mention) for m in ex.mentions)
    for m in ex.mentions:
        assert TEXT[m.span_start:m.span_end] == m.number_text
        assert m.sentence in TEXT and m.clause in TEXT
    for f in ex.facts:
        assert f.evidence in TEXT
        for s, e, sentence in f.evidences:
            assert sentence in TEXT and s < e


def test_pinyin_gloss_does_not_shift_spans():
    ex = extract(TEXT, 2022)
    f = next(f for f in ex.facts if f.indicator == "reconsideration.received")   # 新收 is received
    assert TEXT[f.span_start:f.span_end] == "73"


def test_derived_corrected_total():
    ex = extract(TEXT, 2021)
    derived = [f for f in ex.facts if f.derived and f.indicator == "reconsideration.corrected"]
    assert len(derived) == 1
    d = derived[0]
    assert d.value == 9 and d.unit == "件" and d.year == 2021 and d.scope == "government"
    assert "撤销4" in d.derivation and "= 9" in d.derivation
    assert TEXT[d.span_start:d.span_end] == "4"
    # a stated total is never overridden by a derived one
    assert not any(f.derived for f in extract("全年审结行政复议案件40件,纠错9件,撤销5件,变更4件。", 2022).facts
                   if f.indicator == "reconsideration.corrected")


def test_mediation_and_settlement_counted_apart_give_their_sum():
    """调解 and 和解 given apart: the sum is the fact (derived, saying how), each part a mention."""
    ex = extract("（二）行政复议\n审结行政复议案件90件,其中以调解方式结案8件、以和解方式结案3件。", 2024)
    mediated = [f for f in ex.facts if f.indicator == "reconsideration.mediated"]
    assert [(f.value, f.derived, f.derivation) for f in mediated] == [(11, True, "调解8 + 和解3 = 11")]
    parts = {m.value: m for m in ex.mentions if m.indicator == "reconsideration.mediated"}
    assert parts[8].role == parts[3].role == "subset" and parts[8].reason.startswith("a part of its code")


def test_counts_that_look_like_years_in_table_cells_are_counts():
    """A count of 19xx/20xx in a table's cell (行政处罚案件 | 2019, or a row of figures only under
    a header of measures, 2024 | 1998 | 1953) is a count: it was trapped as a year and lost, no
    mention at all. A column of row labels keeps its years (年度 | 受理 over 2022 | 61)."""
    two_columns = "某县2023年行政执法数据\n项目\t数量(件)\n行政处罚案件\t2019\n行政许可决定\t1996\n"
    assert {m.value for m in extract(two_columns, 2023).mentions} >= {2019, 1996}
    figures_row = "某市2023年行政复议数据\n全市行政复议情况:\n收到申请(件)\t受理(件)\t审结(件)\n2024\t1998\t1953\n"
    facts = {(f.indicator, f.value) for f in extract(figures_row, 2023).facts}
    assert facts == {("reconsideration.received", 2024), ("reconsideration.accepted", 1998),
                     ("reconsideration.closed", 1953)}
    years = "某区行政复议数据\n年度\t受理\t审结\n2022\t61\t58\n2023\t70\t66\n"
    assert {(f.value, f.year) for f in extract(years, 2023).facts} == {(61, 2022), (58, 2022), (70, 2023), (66, 2023)}


def test_same_fact_twice_is_one_fact_with_two_evidences():
    ex = extract(TEXT, 2021)
    rates = [f for f in ex.facts if f.indicator == "litigation.head_appearance_rate" and f.value == 100]
    assert len(rates) == 1
    assert len(rates[0].evidences) == 2


def test_unclassified_numbers_stay_as_mentions():
    ex = extract("组建律师服务团17支,征集论文23篇。", 2022)
    assert {m.value for m in ex.mentions} == {17, 23}
    assert all(m.indicator is None for m in ex.mentions)
    assert ex.facts == []


def test_changes_are_mentions_of_kind_change():
    ex = extract("受理行政复议案件1113件,较2022年558件增加了555件,同比增长99.5%。", 2023)
    kinds = {m.value: m.kind for m in ex.mentions}
    assert kinds[555] == "change" and kinds[99.5] == "change"
    assert kinds[558] == "comparison_base" and kinds[1113] == "level"


def test_targets_cumulative_totals_and_ranges_are_mentions_but_not_facts():
    ex = extract("力争2023年出庭应诉率达到90%以上。近五年来,累计办理行政复议案件1,236件。"
                 "各地行政复议纠错率在5%至18%之间。", 2022)
    kinds = {m.value: m.kind for m in ex.mentions}
    assert kinds[90] == "target" and kinds[1236] == "cumulative" and kinds[5] == kinds[18] == "range"
    assert ex.facts == []
    # a year spoken of is not a plan: 到2022年底 in a 2022 report, 2022年以来 in a 2022 report
    ex = extract("到2022年底,全区受理行政复议案件30件。2022年以来,审结28件。", 2022)
    assert {(f.indicator, f.value) for f in ex.facts} == {("reconsideration.accepted", 30),
                                                          ("reconsideration.closed", 28)}


def test_empty_and_numberless_text():
    assert extract("", 2022).facts == []
    assert extract("深入学习贯彻习近平法治思想。", None).mentions == []


def test_a_figure_of_no_known_year_stays_a_mention_with_why():
    """Precision first: with neither a year in the sentence nor the report's year, the figure
    cannot be placed beside a year's figures; it stays a mention until a manifest row says
    the report's year."""
    ex = extract("受理行政复议案件54件。", None)
    assert not ex.facts
    assert ex.mentions[0].indicator == "reconsideration.accepted" and ex.mentions[0].reason.startswith("no year")
    ex = extract("2021年受理行政复议案件54件。", None)
    assert ex.facts[0].year == 2021
    assert extract("受理行政复议案件54件。", 2021).facts[0].year == 2021


@pytest.mark.parametrize("name", ["000_e8be631e5a1d3864.txt", "004_f9f81d9ac45c1d1d.txt"])
def test_bundled_reports_dates_footer_and_document_numbers_yield_no_fact(name):
    path = Path(__file__).resolve().parents[2] / "data" / "reports" / name
    if not path.exists():
        pytest.skip("bundled report not present")
    text = path.read_text(encoding="utf-8")
    ex = extract(text, 2022)
    for f in ex.facts:
        for s, e, _ in f.evidences:
            number = text[s:e]
            # nothing from a footer line, a date or a document number
            line = text[text.rfind("\n", 0, s) + 1:text.find("\n", e)]
            assert "ICP" not in line and "网站标识码" not in line and "公网安备" not in line
            assert not text[e:e + 1] in ("年", "月", "日", "号"), number
            assert not text[s - 1:s] in ("〔",), number


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = ("0123456789一二三十百千万年月日号件起人次%.,，。;；:：、()（）〔〕《》“”|\n "
             "受理行政复议诉讼案件审结纠错率出庭应诉败诉撤销维持驳回区市县政府部门较上同比增长下降至余约近不足其中均已办結開")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120), st.one_of(st.none(), st.integers(1990, 2030)))
def test_extract_never_raises_and_spans_hold(text, year):
    ex = extract(text, year)
    for m in ex.mentions:
        assert text[m.span_start:m.span_end] == m.number_text
    for f in ex.facts:
        assert f.indicator in catalogue()
        assert f.scope in ("all", "government", "departments")
        assert f.qualifier in ("exact", "at_least", "approx", "at_most")
        if f.unit == "%":
            assert 0 <= f.value <= 100


@pytest.mark.parametrize("text", [
    "、".join(f"区政府受理行政复议案件{i}件" for i in range(2000)),      # one endless sentence
    " | 1" * 5000,                                                      # one endless table row
    "表1\n" + "\n".join(f"甲{i} | {i} | {i * 2}" for i in range(2000)),   # a long table
    "一" * 30000, "1," * 10000 + "件", "(" * 5000 + "5件" + ")" * 5000,
])
def test_no_input_makes_extraction_quadratic(text):
    """A guard against a pathological input, not a speed target: CPU time of this process (a
    loaded machine does not inflate it), with the cyclic collector held off (a full collection
    of a whole suite's heap is not the input's cost), bounded far above what linear work takes
    (0.2-1.6 s for these)."""
    assert cpu_seconds(extract, text, 2022) < 3.0


def test_a_numeral_too_long_to_read_stays_a_mention_with_its_reason():
    """Degrade, don't discard: the absurd numeral costs that numeral (a mention, unread, with
    why), not the sentence's other figures nor the report."""
    absurd = ",".join(["999"] * 140)
    ex = extract(f"2022年,全区受理行政复议案件{absurd}件,审结12件。", 2022)
    unread = [m for m in ex.mentions if m.role == "unread"]
    assert len(unread) == 1 and unread[0].value is None and "420 digits" in unread[0].reason
    assert unread[0].number_text == absurd
    assert [(f.indicator, f.value) for f in ex.facts] == [("reconsideration.closed", 12.0)]


def test_a_number_the_page_ends_on_stays_a_mention_saying_it_may_be_cut():
    ex = extract("全市行政复议案件从2021年的812件增至202", 2023)
    last = ex.mentions[-1]
    assert last.number_text == "202" and last.role == "unread" and "cut off" in last.reason
    assert all(f.value != 202 for f in ex.facts)


def test_the_documents_level_decides_the_tier_its_words_leave_open():
    """全市 once and 全省 once on a city's page: the province's figure is another body's only
    when the page's own tier is known, from the document row's level."""
    text = ("某市“复议为民”化解行政争议\n记者从市司法局获悉,2023年,某市行政复议机关新收行政复议案件3587件。"
            "全市各县(市、区)设立受理窗口。据了解,去年全省行政复议机关新收案件2.1万件。")
    values = lambda ex: sorted(f.value for f in ex.facts if f.indicator == "reconsideration.received")
    assert values(extract(text, 2023, level="city")) == [3587.0]
    district = ("通州区去年行政复议纠错率达14.6%\n2021年,通州区政府共收到行政复议申请1,287件。"
                "据市司法局数据,去年全市各级行政复议机关共收到申请2.1万件。")
    assert values(extract(district, 2021, published_on=None, level="district")) == [1287.0]


def test_handling_administrative_cases_is_enforcement_on_a_bureaus_page_only():
    text = "全年共办理各类行政案件4,213起。以分局为被告的行政诉讼案件5件。"
    cases = lambda ex: sorted(f.value for f in ex.facts if f.indicator == "litigation.cases")
    assert cases(extract(text, 2023, level="department")) == [5.0]
    assert cases(extract("2021年,全县法院办理各类行政案件413件。", 2021, level="county")) == [413.0]


def test_a_figure_the_engine_declines_to_name_says_why():
    """A mention that a rule keeps from being named carries that rule's reason, not only
    'no cue names its indicator'."""
    ex = extract("路口的改变源于一件行政复议案件。全年收到行政复议申请1,206件。", 2024)
    one = next(m for m in ex.mentions if m.number_text == "一")
    assert one.indicator is None and "article" in one.reason
    handled = extract("全年新收行政复议申请312件,依法受理290件,共办理案件331件。", 2023)
    m = next(m for m in handled.mentions if m.value == 331)
    assert m.indicator is None and "办理" in m.reason


@pytest.mark.parametrize("unit", ["次约(5", "由某市人民政府审理维持3件", "收到申请3件分别"])
def test_this_sessions_sentence_rules_stay_linear(unit):
    """Rules that look back over a figure's sentence (a reviewing government, applications
    received, a 分别 after a year series) read one scan of the text, not the sentence again for
    each figure: eight times the sentence takes far less than sixty-four times as long."""
    def seconds(n: int) -> float:
        return cpu_seconds(extract, "2022年法治政府建设情况报告\n全年共办理" + unit * n + "件。", 2022)
    small, large = seconds(1_000), seconds(8_000)
    assert large < 30 * small + 0.5, (unit, small, large)
