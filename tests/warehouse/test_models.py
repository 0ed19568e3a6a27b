"""The SQL model layer (lawgov/warehouse/models.py + sql/): real DuckDB, fixture raw tables and seeds.

Most tests run the repo's own sql/ (copied with dbt_project.yml and macros/ into a tmp
project whose seeds are small fixture CSVs), so they do not depend on seeds/ or the
extraction stages being finished. The runner's mechanics (fingerprints, skips, errors,
cycles) are tested on a tiny project of their own.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import duckdb
import pytest

from lawgov.errors import DataTestError, ModelError
from lawgov.warehouse import corrections
from lawgov.warehouse.models import lineage, load_project, models_table, run_project

REPO = Path(__file__).resolve().parents[2]

# ------------------------------------------------------------------ fixture data

REGIONS_CSV = """code,name,level,parent_code,province_code,city_code,aliases
110000,北京市,province,,110000,,北京
110100,市辖区,city,110000,110000,110100,
110105,朝阳区,district,110100,110000,110100,
110105010,东坝乡,township,110105,110000,110100,
150000,内蒙古自治区,province,,150000,,内蒙古
150400,赤峰市,city,150000,150000,150400,
150404,松山区,district,150400,150000,150400,
420000,湖北省,province,,420000,,湖北
420100,武汉市,city,420000,420000,420100,
420104,硚口区,district,420100,420000,420100,
440000,广东省,province,,440000,,广东
441700,阳江市,city,440000,440000,441700,
230000,黑龙江省,province,,230000,,
230500,双鸭山市,city,230000,230000,230500,
230503,岭东区,district,230500,230000,230500,
"""

HEADLINE = """litigation.cases,行政诉讼案件数,litigation,件
litigation.hearings,开庭审理案件数,litigation,件
litigation.head_appearances,负责人出庭应诉次数,litigation,次
litigation.head_appearance_rate,行政机关负责人出庭应诉率,litigation,%
reconsideration.accepted,受理行政复议案件数,reconsideration,件
reconsideration.closed,行政复议审结案件数,reconsideration,件
reconsideration.corrected,行政复议纠错件数,reconsideration,件
reconsideration.correction_rate,行政复议纠错率,reconsideration,%
reconsideration.revoked,撤销,reconsideration,件
reconsideration.altered,变更,reconsideration,件
reconsideration.confirmed_illegal,确认违法,reconsideration,件
reconsideration.ordered_performance,责令履行,reconsideration,件
"""
INDICATORS_CSV = "code,name_zh,family,unit,tier,definition\n" + "".join(
    f"{line},headline,\"{line.split(',')[1]}\"\n" for line in HEADLINE.strip().splitlines())

DOCS = [
    # doc_id, source_file, region_code, region_name, level, province, city, confidence, year
    ("d000", "000_e8be631e5a1d3864.txt", "230503", "岭东区", "district", "230000", "230500", "high", 2022),
    ("d001", "001_b8d1e997ba8c8c41.txt", "150404", "松山区", "district", "150000", "150400", "high", 2023),
    ("d002", "002_53fe5324910f26f2.txt", "420104", "硚口区", "district", "420000", "420100", "high", 2019),
    ("d003", "003_9c76b1dea792aca4.txt", None, "东坝乡", "township", "110000", "110100", "unresolved", 2022),
    ("d004", "004_f9f81d9ac45c1d1d.txt", "441700", "阳江市", "city", "440000", "441700", "high", 2021),
]

# fact_id, doc_id, indicator, value, unit, year, scope, region_code, about_body, derived, derivation, evidence_count, evidence
FACTS = [
    ("f01", "d000", "litigation.head_appearance_rate", 100, "%", 2022, "all", "230503", True, False, None, 1, "行政机关负责人出庭率达100%"),
    ("f02", "d000", "litigation.cases", 32, "件", 2022, "government", "230503", True, False, None, 1, "涉及区政府行政应诉案件32件"),
    ("f10", "d001", "litigation.head_appearance_rate", 100, "%", 2023, "all", "150404", True, False, None, 2, "行政机关负责人出庭应诉率达到100%"),
    ("f11", "d001", "reconsideration.accepted", 54, "件", 2022, "all", "150404", True, False, None, 1, "2022年共受理行政复议案件54件"),
    ("f12", "d001", "reconsideration.corrected", 9, "件", 2022, "all", "150404", True, False, None, 1, "纠错9件"),
    ("f13", "d001", "reconsideration.correction_rate", 18, "%", 2022, "all", "150404", True, False, None, 1, "纠错率为18%"),
    ("f14", "d001", "litigation.cases", 1439, "件", 2023, "all", "150400", False, False, None, 1, "赤峰市…"),
    ("f20", "d002", "litigation.hearings", 72, "件", 2019, "departments", "420104", True, False, None, 1, "区直各单位为被告的行政诉讼案件开庭72件"),
    ("f21", "d002", "litigation.head_appearance_rate", 93.1, "%", 2019, "departments", "420104", True, False, None, 1, "行政负责人出庭应诉率达93.1%"),
    ("f22", "d002", "litigation.hearings", 41, "件", 2019, "government", "420104", True, False, None, 1, "区政府为被告的行政诉讼案件开庭41件"),
    ("f23", "d002", "litigation.head_appearance_rate", 95.1, "%", 2019, "government", "420104", True, False, None, 1, "区政府负责人出庭率95.1%"),
    ("f24", "d002", "reconsideration.accepted", 77, "件", 2019, "all", "420104", True, False, None, 1, "办行政复议案件77件"),
    ("f25", "d002", "litigation.head_appearances", 30, "次", 2019, "all", "420104", True, False, None, 1, "出庭应诉30次"),
    ("f26", "d002", "litigation.hearings", 40, "件", 2019, "all", "420104", True, False, None, 1, "开庭40件"),
    ("f27", "d002", "litigation.cases", 120, "件", 2019, "all", "420104", True, False, None, 1, "行政诉讼案件120件"),
    ("f28", "d002", "litigation.cases", 125, "件", 2019, "all", "420104", True, False, None, 1, "行政诉讼案件125件"),
    ("f30", "d003", "litigation.head_appearances", 1, "次", 2022, "all", None, True, False, None, 1, "行政负责人带头出庭应诉1次"),
    ("f40", "d004", "reconsideration.closed", 108, "件", 2021, "government", "441700", True, False, None, 1, "市政府办结行政复议申请108件"),
    ("f41", "d004", "reconsideration.ordered_performance", 1, "件", 2021, "government", "441700", True, False, None, 1, "责令履行1件"),
    ("f42", "d004", "reconsideration.revoked", 30, "件", 2021, "government", "441700", True, False, None, 1, "撤销30件"),
    ("f43", "d004", "reconsideration.confirmed_illegal", 1, "件", 2021, "government", "441700", True, False, None, 1, "确认违法1件"),
    ("f44", "d004", "reconsideration.corrected", 32, "件", 2021, "government", "441700", True, True, "1 + 30 + 1", 1, "责令履行1件,撤销30件,确认违法1件"),
    ("f45", "d004", "reconsideration.correction_rate", 29.6, "%", 2021, "government", "441700", True, False, None, 1, "纠错率达29.6%"),
    # components without a total, and corrected > closed, and a rate above 100
    ("f46", "d004", "reconsideration.revoked", 5, "件", 2020, "all", "441700", True, False, None, 1, "撤销5件"),
    ("f47", "d004", "reconsideration.altered", 2, "件", 2020, "all", "441700", True, False, None, 1, "变更2件"),
    ("f48", "d004", "reconsideration.closed", 6, "件", 2020, "all", "441700", True, False, None, 1, "办结6件"),
    ("f49", "d004", "litigation.head_appearance_rate", 110, "%", 2020, "all", "441700", True, False, None, 1, "出庭率110%"),
]


def load_raw(con: duckdb.DuckDBPyConnection) -> None:
    """The raw.* and meta.* tables warehouse.py writes, filled with the fixture."""
    con.execute("create schema if not exists raw; create schema if not exists meta")
    con.execute("""create or replace table raw.documents (doc_id varchar, source_file varchar, sha256 varchar,
        size bigint, format varchar, encoding varchar, text varchar, chars integer, title varchar,
        reporting_body varchar, doc_kind varchar, region_code varchar, region_name varchar,
        region_level varchar, province_code varchar, city_code varchar, region_confidence varchar,
        region_candidates varchar[], report_year integer, published_on date, url varchar,
        facts_hash varchar)""")
    for d in DOCS:
        # the parser writes facts_hash; d000 and d001 are loaded without one (their facts are hashed)
        con.execute("insert into raw.documents values (?, ?, ?, 1000, 'txt', 'utf-8', '…', 900, ?, ?, "
                    "'annual_report', ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?)",
                    [d[0], d[1], "sha-" + d[0], f"{d[3]}法治政府建设年度报告", d[3], d[2], d[3], d[4], d[5],
                     d[6], d[7], ["110105010", "110105011"] if d[7] == "unresolved" else [], d[8],
                     None if d[0] in ("d000", "d001") else "facts-" + d[0]])
    con.execute("""create or replace table raw.facts (fact_id varchar, doc_id varchar, indicator varchar,
        value double, unit varchar, unit_raw varchar, qualifier varchar, year integer, scope varchar,
        region_code varchar, about_reporting_body boolean, evidence varchar, span_start integer,
        span_end integer, derived boolean, derivation varchar, evidence_count integer)""")
    for i, f in enumerate(FACTS):
        con.execute("insert into raw.facts values (?, ?, ?, ?, ?, ?, 'exact', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [f[0], f[1], f[2], f[3], f[4], f[4], f[5], f[6], f[7], f[8], f[12], 10 * i, 10 * i + 3,
                     f[9], f[10], f[11]])
    con.execute("""create or replace table raw.fact_evidence as
        select fact_id, doc_id, evidence, span_start, span_end from raw.facts
        union all select 'f10', 'd001', '出庭应诉率100%', 500, 503""")
    con.execute("""create or replace table raw.mentions as
        select 'm' || fact_id as mention_id, doc_id, span_start, span_end, cast(value as varchar) as number_text,
               value, unit, unit_raw, qualifier, 'level' as kind, year, indicator, scope,
               evidence as sentence, evidence as clause, region_code, 'total' as role,
               cast(null as varchar) as reason
        from raw.facts
        union all select 'm99', 'd000', 1, 4, '300余', 300, '次', '次', 'at_least', 'level', 2022, null, null,
               '开展检查300余次', '开展检查300余次', '230503', 'total', 'no cue names its indicator'""")
    con.execute("""create or replace table meta.ingest_log (build_id varchar, path varchar, source_file varchar,
        size bigint, sha256 varchar, format varchar, encoding varchar, status varchar, reason varchar,
        facts integer, logged_at timestamp)""")
    con.execute(corrections.DDL)        # empty: no hand corrections in the fixture
    con.execute("create or replace table meta.raw_fingerprints (table_name varchar, fingerprint varchar)")
    for t in ("documents", "facts", "fact_evidence", "mentions"):
        con.execute("insert into meta.raw_fingerprints values (?, ?)", [f"raw.{t}", f"fp-{t}-1"])


def make_project(tmp: Path, sql_dir: Path | None = None) -> Path:
    """A copy of the repo's dbt project (sql/, macros/, dbt_project.yml, profiles.yml)
    with the fixture seeds."""
    proj = tmp / "proj"
    proj.mkdir()
    shutil.copytree(sql_dir or REPO / "sql", proj / "sql")
    shutil.copytree(REPO / "macros", proj / "macros")
    for f in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(REPO / f, proj / f)
    (proj / "seeds").mkdir()
    (proj / "seeds" / "regions.csv").write_text(REGIONS_CSV, encoding="utf-8")
    (proj / "seeds" / "indicators.csv").write_text(INDICATORS_CSV, encoding="utf-8")
    return proj


def _build(tmp: Path):
    proj = make_project(tmp)
    con = duckdb.connect(str(tmp / "wh.duckdb"))
    load_raw(con)
    project = load_project(proj)
    return con, project, run_project(con, project), proj


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build shared by the tests that only read it."""
    con, *rest = _build(tmp_path_factory.mktemp("built"))
    yield (con, *rest)
    con.close()


@pytest.fixture
def fresh(tmp_path):
    """A build of its own, for tests that change raw data, seeds or models."""
    con, *rest = _build(tmp_path)
    yield (con, *rest)
    con.close()


def rows(con, sql, *params):
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


# ------------------------------------------------------------------ the repo's sql/

def test_builds_every_mart_with_the_expected_rows(built):
    con, project, result, _ = built
    assert not result.test_failures, [t.label for t in result.test_failures]
    assert result.warnings == []          # every column schema.yml describes exists
    marts = {m.alias for m in project.models.values() if m.schema == "marts"}
    assert {"documents", "facts", "mentions", "fact_evidence", "regions", "court_appearance_rate_v1",
            "court_appearance_rate_v2", "reconsideration_correction_rate", "indicator_panel",
            "data_quality"} <= marts

    car = {(r["scope"]): r for r in rows(con, "select * from marts.court_appearance_rate "
                                              "where region_code = '420104' and year = 2019")}
    assert car["government"]["rate"] == 95.1 and car["government"]["hearings"] == 41
    assert car["departments"]["rate"] == 93.1 and car["departments"]["hearings"] == 72
    assert car["government"]["region_name"] == "硚口区" and car["government"]["province_code"] == "420000"
    # v2 derives a rate where only the counts are stated (30 / 40)
    assert car["all"]["rate"] == 75.0 and car["all"]["rate_source"] == "derived"

    rcr = {(r["region_code"], r["year"]): r for r in rows(con, "select * from marts.reconsideration_correction_rate")}
    yj = rcr[("441700", 2021)]
    assert (yj["reported_rate"], yj["corrected"], yj["closed"], yj["derived_rate"], yj["consistent"]) == \
        (29.6, 32, 108, 29.63, True)
    assert yj["rate"] == 29.6 and yj["corrected_source"] == "derived"
    assert yj["scope"] == "government"                                   # 市政府办结108件, 其中…
    ss = rcr[("150404", 2022)]
    assert (ss["reported_rate"], ss["corrected"], ss["closed"], ss["consistent"]) == (18, 9, None, None)
    comp = rcr[("441700", 2020)]           # 5 + 2 summed here, 7 > 6 closed
    assert comp["corrected"] == 7 and comp["corrected_source"] == "components" and comp["rate"] == 116.67

    problems = {(r["problem"], r["region_code"], r["year"]) for r in rows(con, "select * from marts.data_quality")}
    assert ("rate_mismatch_accepted", "150404", 2022) in problems        # 9/54 = 16.67 vs 18
    assert ("conflicting_values", "420104", 2019) in problems            # 120 vs 125 cases
    assert ("corrected_exceeds_closed", "441700", 2020) in problems
    assert ("rate_out_of_range", "441700", 2020) in problems             # 110% stated, 116.67 derived
    assert ("unresolved_region", None, 2022) in problems
    assert not any(p[1] == "441700" and p[2] == 2021 for p in problems)  # 阳江 2021 is consistent

    facts = rows(con, "select * from marts.facts where fact_id = 'f14'")[0]
    assert facts["region_name"] == "赤峰市" and facts["about_reporting_body"] is False
    assert facts["indicator_name"] == "行政诉讼案件数"
    panel = rows(con, "select * from marts.indicator_panel where region_code = '420104' and year = 2019 "
                      "and scope = 'government'")[0]
    assert panel["litigation_hearings"] == 41 and panel["litigation_head_appearance_rate"] == 95.1
    # every raw mention, classified or not
    assert con.execute("select count(*) from marts.mentions").fetchone()[0] == len(FACTS) + 1
    assert con.execute("select count(*) from marts.mentions where not classified").fetchone()[0] == 1
    # codes stay text
    assert con.execute("select data_type from duckdb_columns() where schema_name = 'seeds' "
                       "and table_name = 'regions' and column_name = 'code'").fetchone()[0] == "VARCHAR"


def test_versions_both_queryable_and_plain_name_is_latest(built):
    con, project, _, _ = built
    v1 = con.execute("select count(*) from marts.court_appearance_rate_v1").fetchone()[0]
    v2 = con.execute("select count(*) from marts.court_appearance_rate_v2").fetchone()[0]
    latest = con.execute("select count(*) from marts.court_appearance_rate").fetchone()[0]
    assert v2 > v1 and latest == v2
    kind = con.execute("select sql from duckdb_views() where schema_name = 'marts' "
                       "and view_name = 'court_appearance_rate'").fetchone()[0]
    assert "court_appearance_rate_v2" in kind
    contract = ["region_code", "region_name", "region_level", "province_code", "year", "scope", "rate",
                "appearances", "hearings", "rate_source", "doc_id", "evidence"]
    for rel in ("court_appearance_rate_v1", "court_appearance_rate_v2"):
        cols = [r[0] for r in con.execute("select column_name from duckdb_columns() where schema_name = 'marts' "
                                          "and table_name = ? order by column_index", [rel]).fetchall()]
        assert cols[:len(contract)] == contract
    # v1 holds stated rates only
    assert con.execute("select count(*) from marts.court_appearance_rate_v1 "
                       "where rate_source <> 'reported'").fetchone()[0] == 0
    assert project.find("court_appearance_rate").key == "court_appearance_rate_v2"


def test_contract_columns(built):
    con = built[0]
    contract = {
        "documents": "source_file doc_id title region_code region_name region_level province_code city_code "
                     "report_year published_on chars sha256",
        "facts": "fact_id doc_id source_file indicator indicator_name value unit unit_raw qualifier year scope "
                 "region_code region_name evidence span_start span_end",
        "reconsideration_correction_rate": "region_code region_name region_level province_code year scope rate "
                                           "corrected closed reported_rate derived_rate consistent doc_id evidence",
    }
    for table, cols in contract.items():
        have = [r[0] for r in con.execute("select column_name from duckdb_columns() where schema_name = 'marts' "
                                          "and table_name = ? order by column_index", [table]).fetchall()]
        assert have[:len(cols.split())] == cols.split(), table
    assert con.execute("select data_type from duckdb_columns() where schema_name = 'marts' and "
                       "table_name = 'facts' and column_name = 'value'").fetchone()[0] == "DOUBLE"


def test_comments_visible_in_duckdb_columns(built):
    con = built[0]
    comment = con.execute("select comment from duckdb_columns() where schema_name = 'marts' and "
                          "table_name = 'reconsideration_correction_rate' and column_name = 'derived_rate'"
                          ).fetchone()[0]
    assert "corrected / closed" in comment
    assert "出庭应诉率" in con.execute("select comment from duckdb_tables() where schema_name = 'marts' "
                                      "and table_name = 'court_appearance_rate_v2'").fetchone()[0]
    assert con.execute("select comment from duckdb_views() where schema_name = 'marts' "
                       "and view_name = 'court_appearance_rate'").fetchone()[0]
    assert con.execute("select comment from duckdb_columns() where schema_name = 'marts' and "
                       "table_name = 'court_appearance_rate' and column_name = 'rate'").fetchone()[0]


def test_second_run_skips_everything_and_records_runs(fresh):
    con, project, first, _ = fresh
    assert set(first.built_models) == set(project.models)
    again = run_project(con, load_project(project.root))
    assert again.built == 0 and set(again.skipped_models) == set(project.models)
    assert all(s.status == "skipped" for s in again.seeds)
    statuses = rows(con, "select status, count(*) as n from meta.model_runs where run_id = ? group by status",
                    again.run_id)
    assert statuses == [{"status": "skipped", "n": len(project.models)}]
    rec = rows(con, "select * from meta.model_runs where run_id = ? and model = 'court_appearance_rate' "
                    "order by version", first.run_id)
    assert [r["version"] for r in rec] == ["1", "2"] and rec[0]["rows"] > 0 and rec[0]["seconds"] >= 0
    assert con.execute("select count(*) from meta.test_runs where run_id = ?", [again.run_id]).fetchone()[0] > 0


def test_raw_change_rebuilds_readers_only(fresh):
    con, project, _, _ = fresh
    con.execute("insert into raw.mentions select 'm100', 'd000', 1, 2, '7', 7, '次', '次', 'exact', 'level', "
                "2022, null, null, 's', 'c', '230503', 'total', null")
    con.execute("update meta.raw_fingerprints set fingerprint = 'fp-mentions-2' where table_name = 'raw.mentions'")
    again = run_project(con, project)
    assert set(again.built_models) == {"stg_mentions", "mentions", "documents", "data_quality"}


def test_seed_change_reloads_and_rebuilds_downstream(fresh):
    con, _, _, proj = fresh
    path = proj / "seeds" / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8") + "reconsideration.upheld,维持,reconsideration,件,headline,维持\n",
                    encoding="utf-8")
    again = run_project(con, load_project(proj))
    assert [s.seed for s in again.seeds if s.status == "loaded"] == ["indicators"]
    assert {"stg_indicators", "facts"} <= set(again.built_models) and "stg_regions" not in again.built_models


# ------------------------------------------------------------------ runner mechanics on a tiny project

TINY_YML = """
name: lawgov
profile: lawgov
config-version: 2
model-paths: ["sql"]
seed-paths: ["seeds"]
macro-paths: ["macros"]
vars: {factor: 2}
models:
  lawgov:
    staging: {+schema: staging, +materialized: view}
    marts: {+schema: marts, +materialized: table}
seeds:
  lawgov:
    +schema: seeds
    kinds: {+column_types: {code: varchar}}
"""


@pytest.fixture
def tiny(tmp_path):
    proj = tmp_path / "tiny"
    for d in ("sql/staging", "sql/marts", "seeds", "macros"):
        (proj / d).mkdir(parents=True)
    (proj / "dbt_project.yml").write_text(TINY_YML)
    shutil.copy(REPO / "macros" / "generic_tests.sql", proj / "macros" / "generic_tests.sql")
    (proj / "seeds" / "kinds.csv").write_text("code,label\n010,a\n020,b\n")
    (proj / "sql" / "staging" / "sources.yml").write_text(textwrap.dedent("""
        version: 2
        sources:
          - name: raw
            tables: [{name: things}]
        """))
    (proj / "sql" / "staging" / "stg_things.sql").write_text(
        "select id, kind, n * {{ var('factor') }} as n from {{ source('raw', 'things') }}\n")
    (proj / "sql" / "marts" / "a.sql").write_text(
        "select t.id, t.n, k.label\nfrom {{ ref('stg_things') }} as t\n"
        "left join {{ ref('kinds') }} as k on k.code = t.kind\n")
    (proj / "sql" / "marts" / "b.sql").write_text("select sum(n) as total from {{ ref('a') }}\n")
    (proj / "sql" / "marts" / "c.sql").write_text("select count(*) as kinds from {{ ref('kinds') }}\n")
    (proj / "sql" / "marts" / "schema.yml").write_text(textwrap.dedent("""
        version: 2
        models:
          - name: a
            description: Things with labels.
            columns:
              - name: id
                description: The id.
                data_tests: [not_null, unique]
              - name: n
                data_tests:
                  - accepted_range:
                      arguments: {min_value: 0, max_value: 100}
          - name: b
            columns:
              - name: total
                data_tests:
                  - accepted_range:
                      arguments: {max_value: 1000}
                      config: {severity: warn}
        """))
    db = duckdb.connect(str(tmp_path / "tiny.duckdb"))
    db.execute("create schema raw; create table raw.things as "
               "select * from (values (1, '010', 5), (2, '020', 7)) as v(id, kind, n)")
    yield proj, db
    db.close()


def test_reformatting_is_not_a_change_but_editing_rebuilds_downstream_only(tiny):
    proj, con = tiny
    first = run_project(con, load_project(proj))
    assert set(first.built_models) == {"stg_things", "a", "b", "c"}
    a = proj / "sql" / "marts" / "a.sql"
    a.write_text("-- reformatted\nSELECT   t.ID,\n       t.N,  K.LABEL\n  FROM {{ ref('stg_things') }} AS T\n"
                 "  LEFT JOIN {{ ref('kinds') }}   AS k ON k.code = t.kind ;\n")
    again = run_project(con, load_project(proj))
    assert again.built == 0
    a.write_text("select t.id, t.n + 1 as n, k.label\nfrom {{ ref('stg_things') }} as t\n"
                 "left join {{ ref('kinds') }} as k on k.code = t.kind\n")
    third = run_project(con, load_project(proj))
    assert set(third.built_models) == {"a", "b"}
    assert con.execute("select total from marts.b").fetchone()[0] == 26


def test_var_and_seed_types(tiny):
    proj, con = tiny
    run_project(con, load_project(proj))
    assert con.execute("select list(code order by code) from seeds.kinds").fetchone()[0] == ["010", "020"]
    assert con.execute("select list(label order by id) from marts.a").fetchone()[0] == ["a", "b"]
    assert con.execute("select total from marts.b").fetchone()[0] == 24


def test_broken_sql_names_file_and_line_and_builds_nothing(tiny):
    proj, con = tiny
    (proj / "sql" / "marts" / "b.sql").write_text("select\n  sum(n) as total,\n  from from {{ ref('a') }}\n")
    with pytest.raises(ModelError) as err:
        load_project(proj)
    assert err.value.file == "sql/marts/b.sql" and err.value.line == 3
    assert "sql/marts/b.sql:3" in str(err.value)
    assert con.execute("select count(*) from duckdb_tables() where schema_name = 'marts'").fetchone()[0] == 0


def test_render_error_names_file_and_line(tiny):
    proj, con = tiny
    (proj / "sql" / "marts" / "c.sql").write_text("{{ config(\n  materialized='table'\n) }}\n"
                                                   "select 1 as x\nfrom {{ ref('kinds' }}\n")
    with pytest.raises(ModelError) as err:
        load_project(proj)
    assert err.value.file == "sql/marts/c.sql" and err.value.line == 5
    (proj / "sql" / "marts" / "c.sql").write_text("select 1 as x from {{ ref('nope') }}\n")
    with pytest.raises(ModelError, match="nope") as err:
        load_project(proj)
    assert err.value.line == 1


def test_error_at_build_time_rolls_back_everything(tiny):
    proj, con = tiny
    (proj / "sql" / "marts" / "b.sql").write_text("select\n  sum(n) as total,\n  max(no_such_column) as m\n"
                                                   "from {{ ref('a') }}\n")
    with pytest.raises(ModelError) as err:
        run_project(con, load_project(proj))
    assert err.value.file == "sql/marts/b.sql" and err.value.line == 3
    assert con.execute("select count(*) from duckdb_tables() where schema_name in ('marts', 'seeds')"
                       ).fetchone()[0] == 0
    assert con.execute("select status from meta.model_runs").fetchall() == [("failed",)]


def test_cycle_is_reported(tiny):
    proj, _ = tiny
    (proj / "sql" / "marts" / "a.sql").write_text("select * from {{ ref('b') }}\n")
    with pytest.raises(ModelError, match="cycle"):
        load_project(proj)


def test_failing_data_test_raises_and_warn_only_reports(tiny):
    proj, con = tiny
    con.execute("insert into raw.things values (2, '010', 60), (3, '020', 500)")
    with pytest.raises(DataTestError) as err:
        run_project(con, load_project(proj))
    msg = str(err.value)
    assert "unique(id)" in msg and "accepted_range(n)" in msg and "total" not in msg
    assert err.value.file == "sql/marts/schema.yml"
    statuses = dict(con.execute("select test || coalesce('(' || column_name || ')', ''), status "
                                "from meta.test_runs").fetchall())
    assert statuses["accepted_range(total)"] == "warn" and statuses["not_null(id)"] == "pass"


def test_models_and_lineage_text(built):
    _, project, _, _ = built
    table = models_table(project)
    assert "court_appearance_rate" in table and "v2 (latest)" in table and "raw.facts" in table
    text = lineage(project, "reconsideration_correction_rate")
    assert "intermediate.int_indicator_values" in text and "raw.facts" in text
    assert "seeds.regions" in text
    assert lineage(project, "court_appearance_rate_v1").startswith("marts.court_appearance_rate_v1")


def test_removed_model_is_dropped(tiny):
    proj, con = tiny
    run_project(con, load_project(proj))
    (proj / "sql" / "marts" / "c.sql").unlink()
    again = run_project(con, load_project(proj))
    assert again.built == 0
    tables = {r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'marts'").fetchall()}
    assert tables == {"a", "b"}


def test_loading_a_project_compiles_each_template_once(monkeypatch):
    """A model is rendered two or three times as the project loads (its config and refs, the
    real relations, and an incremental model's is_incremental() branch); Jinja compiles its
    text once. The rendered models are the same as with a compile per render."""
    from collections import Counter

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from conftest import REPO

    first = load_project(REPO)
    seen: Counter = Counter()
    real = ImmutableSandboxedEnvironment.from_string

    def counting(self, source, *args, **kwargs):
        seen[source] += 1
        return real(self, source, *args, **kwargs)

    monkeypatch.setattr(ImmutableSandboxedEnvironment, "from_string", counting)
    again = load_project(REPO)
    assert seen and max(seen.values()) == 1, [s[:60] for s, n in seen.items() if n > 1]
    assert {k: (m.sql, m.incremental_sql, m.pre_hooks) for k, m in again.models.items()} == \
        {k: (m.sql, m.incremental_sql, m.pre_hooks) for k, m in first.models.items()}
