"""lawgov eval: the evaluators' scoring rules on a gold file the test writes itself."""

from __future__ import annotations

import json

import duckdb
import pytest

from conftest import lawgov
from lawgov.evaluation import compare

pytestmark = pytest.mark.slow


def test_eval_scores_a_built_warehouse_against_a_gold_file(built_db, tmp_path):
    con = duckdb.connect(str(built_db), read_only=True)
    doc, region, level, year = con.execute(
        "select source_file, region_code, region_level, report_year from marts.documents order by 1 limit 1").fetchone()
    ind, value, fyear, unit = con.execute(
        "select indicator, value, year, unit from marts.facts where source_file = ? and indicator_tier = 'headline' "
        "order by fact_id limit 1", [doc]).fetchone()
    con.close()
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"kind": "document", "doc": doc, "region_code": region[:6], "parent_code": region[:4] + "00",
         "province_code": region[:2] + "0000", "level": level, "report_year": year},
        {"kind": "fact", "doc": doc, "indicator": ind, "value": value, "unit": unit, "year": fyear,
         "scope": None, "qualifier": "exact", "tier": "headline", "optional": False, "evidence": ""},
        {"kind": "fact", "doc": doc, "indicator": "litigation.cases", "value": 123456, "unit": "件",
         "year": fyear, "scope": None, "qualifier": "exact", "tier": "headline", "optional": False, "evidence": ""},
    ]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = lawgov("eval", "--gold", str(gold), "--db", str(built_db), "--show-errors").stdout
    assert "documents: region 1/1" in out
    assert "litigation.cases = 123456" in out          # listed as missed
    assert "headline F1" in out


def test_compare_counts_precision_only_on_headline_codes():
    gold_docs = {"a.txt": {"region_code": "441700", "parent_code": "441700", "level": "city", "report_year": 2021}}
    gold = [{"doc": "a.txt", "indicator": "reconsideration.closed", "value": 108, "unit": "件", "year": 2021,
             "scope": "government", "qualifier": "exact", "tier": "headline"}]
    facts = [dict(doc="a.txt", indicator="reconsideration.closed", value=108.0, unit="件", year=2021,
                  scope="all", qualifier="exact"),
             dict(doc="a.txt", indicator="power_list.items", value=5.0, unit="项", year=2021,
                  scope="all", qualifier="exact"),
             dict(doc="a.txt", indicator="reconsideration.upheld", value=7.0, unit="件", year=2021,
                  scope="all", qualifier="exact")]
    docs = {"a.txt": {"region_code": "441700", "level": "city", "report_year": 2021}}
    s = compare(gold_docs, gold, facts, docs, {"reconsideration.closed", "reconsideration.upheld"})
    assert (s.headline.tp, s.headline.fp, s.headline.fn) == (1, 1, 0)
    assert (s.scoped, s.scope_ok) == (1, 0)
    assert s.region_ok == 1 and s.mismatched
