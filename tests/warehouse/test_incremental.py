"""The incremental marts.facts: a run after raw rows changed rebuilds only the changed
documents' facts, and gives exactly what a full build of the same raw rows gives, under
lawgov's runner and under `dbt build` alike (a document changed, removed and added, a hand
correction added, a fact retracted by one)."""

from __future__ import annotations

import os
import shutil
import subprocess

import duckdb
import pytest

from lawgov.warehouse.models import load_project, run_project
from test_models import load_raw, make_project

SCHEMAS = ("staging", "intermediate", "marts")

NEW_TEXT = "二〇二三年度报告。全年涉及区政府行政应诉案件32件,开庭审理18件。"


def change_raw(con) -> None:
    """What a build with one file changed, one removed and one added does to the raw tables,
    and a corrections.csv that sets one fact of the new document and retracts one of d002."""
    con.execute("delete from raw.facts where doc_id = 'd004'")          # removed
    con.execute("delete from raw.fact_evidence where doc_id = 'd004'")
    con.execute("delete from raw.mentions where doc_id = 'd004'")
    con.execute("delete from raw.documents where doc_id = 'd004'")
    con.execute("update raw.facts set value = 126 where fact_id = 'f28'")  # changed: re-parsed
    con.execute("delete from raw.facts where fact_id = 'f27'")
    con.execute("update raw.documents set sha256 = 'sha-d002-b', facts_hash = 'facts-d002-b' where doc_id = 'd002'")
    con.execute("""insert into raw.documents (doc_id, source_file, sha256, text, region_code, region_name,
                   region_level, province_code, city_code, region_confidence, report_year)
                   values ('d005', '005_new.txt', 'sha-d005', ?, '420104', '硚口区', 'district',
                           '420000', '420100', 'high', 2023)""", [NEW_TEXT])
    start = NEW_TEXT.index("32")
    con.execute("""insert into raw.facts (fact_id, doc_id, indicator, value, unit, qualifier, year, scope,
                   region_code, about_reporting_body, evidence, span_start, span_end, derived, evidence_count)
                   values ('d005-f0', 'd005', 'litigation.cases', 32, '件', 'exact', 2023, 'government',
                           '420104', true, '全年涉及区政府行政应诉案件32件', ?, ?, false, 1)""",
                [start, start + 2])
    con.execute("insert into raw.fact_evidence values ('d005-f0', 'd005', '全年涉及区政府行政应诉案件32件', ?, ?)",
                [start, start + 2])
    con.execute("""insert into raw.corrections (correction_id, line, action, source_file, fact_indicator,
                   number_text, span_start, span_end, evidence, value, reason, corrected_by)
                   values ('c1', 2, 'set', '005_new.txt', 'litigation.cases', '32', ?, ?, null, 33,
                           'the table says 33', 'ann')""", [start, start + 2])
    con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-2'")
    con.execute("insert into meta.raw_fingerprints values ('raw.corrections', 'c-2')")


def relations(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables "
            "where table_schema in ? order by 1", [list(SCHEMAS)]).fetchall()]
        return {n: sorted(map(repr, con.execute(f"select * from {n}").fetchall())) for n in names}
    finally:
        con.close()


def build(db, proj, change: bool):
    con = duckdb.connect(str(db))
    try:
        if not change:
            load_raw(con)
        else:
            change_raw(con)
        return run_project(con, load_project(proj))
    finally:
        con.close()


@pytest.fixture
def setup(tmp_path):
    """A project, a warehouse built from the fixture, and a full build of the changed rows."""
    proj = make_project(tmp_path)
    before = tmp_path / "before.duckdb"
    build(before, proj, change=False)
    full = tmp_path / "full.duckdb"
    con = duckdb.connect(str(full))
    load_raw(con)
    change_raw(con)
    run_project(con, load_project(proj))
    con.close()
    return proj, before, full


def test_an_incremental_run_gives_what_a_full_build_gives(setup, tmp_path):
    proj, before, full = setup
    db = tmp_path / "incremental.duckdb"
    shutil.copyfile(before, db)
    result = build(db, proj, change=True)
    why = {r.relation: r.reason for r in result.models}
    assert why["marts.facts"].startswith("incremental")
    assert why["intermediate.int_indicator_values"].startswith("incremental")
    assert why["marts.documents"].startswith("incremental")
    assert relations(db) == relations(full)

    con = duckdb.connect(str(db), read_only=True)
    facts = dict(con.execute("select fact_id, value from marts.facts").fetchall())
    origin = dict(con.execute("select fact_id, origin from marts.facts").fetchall())
    con.close()
    assert not any(f in facts for f in ("f40", "f41", "f42", "f27"))   # removed doc, dropped fact
    assert facts["f28"] == 126 and facts["d005-f0"] == 33               # changed, and corrected
    assert origin["d005-f0"] == "corrected"


def test_only_the_changed_documents_are_rebuilt(setup, tmp_path):
    proj, before, _ = setup
    db = tmp_path / "incremental.duckdb"
    shutil.copyfile(before, db)
    con = duckdb.connect(str(db))
    con.execute("create table keep as select fact_id, doc_version from marts.facts")
    con.execute("update marts.facts set evidence = 'untouched' where doc_id in ('d000', 'd001', 'd003')")
    change_raw(con)
    run_project(con, load_project(proj))
    left = con.execute("select distinct doc_id from marts.facts where evidence = 'untouched'").fetchall()
    con.close()
    assert sorted(left) == [("d000",), ("d001",), ("d003",)]


def test_a_documents_version_reads_its_facts_hash_or_else_its_raw_facts(setup, tmp_path):
    """The parser writes a hash of each document's raw facts into raw.documents (facts_hash):
    int_document_versions reads it instead of the facts, and hashes the raw facts only of
    documents loaded without one (d000, d001 in the fixture)."""
    proj, before, _ = setup
    db = tmp_path / "incremental.duckdb"
    shutil.copyfile(before, db)
    con = duckdb.connect(str(db))
    versions = dict(con.execute("select doc_id, doc_version from intermediate.int_document_versions").fetchall())
    con.execute("update raw.facts set value = value + 1 where doc_id in ('d000', 'd003')")
    con.execute("update raw.documents set facts_hash = 'facts-d004-b' where doc_id = 'd004'")
    con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-h'")
    run_project(con, load_project(proj))
    now = dict(con.execute("select doc_id, doc_version from intermediate.int_document_versions").fetchall())
    con.close()
    assert sorted(d for d in versions if now[d] != versions[d]) == ["d000", "d004"]


def test_a_changed_model_rebuilds_the_table_whole(setup, tmp_path):
    proj, before, _ = setup
    db = tmp_path / "incremental.duckdb"
    shutil.copyfile(before, db)
    facts_sql = proj / "sql" / "marts" / "facts.sql"
    facts_sql.write_text(facts_sql.read_text(encoding="utf-8").replace(
        "    f.correction_reason,", "    f.correction_reason, -- changed\n    1 as new_column,"), encoding="utf-8")
    result = build(db, proj, change=True)
    why = {r.relation: r.reason for r in result.models}
    assert why["marts.facts"] == "changed SQL"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from marts.facts where new_column = 1").fetchone()[0] > 0
    con.close()


def test_nothing_changed_skips_the_incremental_model(setup):
    proj, before, _ = setup
    con = duckdb.connect(str(before))
    result = run_project(con, load_project(proj))
    con.close()
    assert "marts.facts" not in {r.relation for r in result.models if r.status == "built"}


@pytest.mark.slow
def dbt_build(exe, proj, db) -> None:
    """`dbt build` of the project on the warehouse `db`, which must succeed."""
    env = dict(os.environ, DBT_PROFILES_DIR=str(proj), LAWGOV_DB=str(db),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DBT_USE_COLORS="false")
    done = subprocess.run([exe, "build", "--no-partial-parse"], cwd=proj, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_dbt_build_on_lawgovs_marts_adds_the_same_rows(setup, tmp_path):
    """dbt's is_incremental() run on a warehouse whose marts lawgov built, after the raw rows
    changed, ends where a full build does."""
    from test_dbt import dbt_executable

    exe = dbt_executable()
    if exe is None:
        pytest.skip("the dbt command is not on PATH (pip install -e '.[test]')")
    proj, before, full = setup
    db = tmp_path / "dbt.duckdb"
    shutil.copyfile(before, db)
    con = duckdb.connect(str(db))
    change_raw(con)
    con.close()
    dbt_build(exe, proj, db)
    ran = (proj / "target" / "run" / "lawgov" / "sql" / "marts" / "facts.sql").read_text(encoding="utf-8")
    assert "insert into" in ran and "create table" not in ran     # dbt added rows, not a new table
    assert relations(db) == relations(full)


@pytest.mark.parametrize("hook, says", [
    ("drop table {{ this }}", "must be one DELETE FROM"),
    ("delete from marts.documents", "must be one DELETE FROM"),
    ("delete from {{ this }}; delete from marts.documents", "must be one DELETE FROM"),
])
def test_a_pre_hook_may_only_delete_from_its_own_table(tmp_path, hook, says):
    from lawgov.errors import ModelError

    proj = make_project(tmp_path)
    facts_sql = proj / "sql" / "marts" / "facts.sql"
    text = facts_sql.read_text(encoding="utf-8")
    start = text.index("{{ config(pre_hook=")
    end = text.index("\n", start)
    facts_sql.write_text(text[:start] + '{{ config(pre_hook="' + hook + '") }}' + text[end:], encoding="utf-8")
    with pytest.raises(ModelError) as e:
        load_project(proj)
    assert says in str(e.value) and "facts.sql" in str(e.value)


def test_an_unknown_incremental_strategy_is_refused_with_its_line(tmp_path):
    from lawgov.errors import ModelError

    proj = make_project(tmp_path)
    facts_sql = proj / "sql" / "marts" / "facts.sql"
    facts_sql.write_text(facts_sql.read_text(encoding="utf-8").replace("'delete+insert'", "'merge'", 1),
                         encoding="utf-8")
    with pytest.raises(ModelError) as e:
        load_project(proj)
    assert "incremental_strategy='merge'" in str(e.value) and "facts.sql:1" in str(e.value)


# ---------------------------------------------------------------- the marts made of int_indicator_values

CELL_MARTS = ("marts.court_appearance_rate_v1", "marts.court_appearance_rate_v2",
              "marts.reconsideration_correction_rate", "marts.indicator_panel", "marts.data_quality")


def share_a_cell(con) -> None:
    """A new document d006 about 硚口区 2019 (d002's cell) states hearings and a rate, so the
    cell's values come from two documents; d000's rate is corrected by hand."""
    con.execute("""insert into raw.documents (doc_id, source_file, sha256, text, region_code, region_name,
                   region_level, province_code, city_code, region_confidence, report_year)
                   values ('d006', '006_shared.txt', 'sha-d006', '开庭50件,出庭率96%', '420104', '硚口区',
                           'district', '420000', '420100', 'high', 2019)""")
    con.execute("""insert into raw.facts (fact_id, doc_id, indicator, value, unit, qualifier, year, scope,
                   region_code, about_reporting_body, evidence, span_start, span_end, derived, evidence_count)
                   values ('d006-f0', 'd006', 'litigation.hearings', 50, '件', 'exact', 2019, 'all',
                           '420104', true, '开庭50件', 2, 4, false, 3),
                          ('d006-f1', 'd006', 'litigation.head_appearance_rate', 96, '%', 'exact', 2019, 'all',
                           '420104', true, '出庭率96%', 8, 10, false, 1),
                          ('d006-f2', 'd006', 'reconsideration.revoked', 4, '件', 'exact', 2021, 'government',
                           '441700', false, '撤销4件', 12, 13, false, 1)""")
    con.execute("insert into raw.fact_evidence select fact_id, doc_id, evidence, span_start, span_end "
                "from raw.facts where doc_id = 'd006'")
    con.execute("""insert into raw.corrections (correction_id, line, action, source_file, fact_indicator,
                   number_text, span_start, span_end, evidence, value, reason, corrected_by)
                   select 'c9', 3, 'set', '000_e8be631e5a1d3864.txt', 'litigation.head_appearance_rate',
                          '100', span_start, span_end, evidence, 90, 'the table says 90', 'ann'
                   from raw.facts where fact_id = 'f01'""")
    con.execute("update raw.documents set text = substring('行政机关负责人出庭率达100%', 1, 100) where doc_id = 'd000'")
    con.execute("update raw.facts set span_start = 11, span_end = 14 where fact_id = 'f01'")
    con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-s'")
    con.execute("insert into meta.raw_fingerprints values ('raw.corrections', 'c-s')")


def leave_the_cell(con) -> None:
    """d006 is parsed again and no longer states the hearings (its rate stays); d002's
    hearings of 2019 are gone too, so the cell keeps only what the others state."""
    con.execute("delete from raw.facts where fact_id in ('d006-f0', 'f26')")
    con.execute("update raw.documents set sha256 = sha256 || '-2', facts_hash = facts_hash || '-2' "
                "where doc_id in ('d006', 'd002')")
    con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-l'")


def remove_the_sharer(con) -> None:
    """d006 is deleted: the cells it shared fall back to the other documents alone."""
    for t in ("facts", "fact_evidence", "mentions", "documents"):
        con.execute(f"delete from raw.{t} where doc_id = 'd006'")
    con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-r'")


def full_build(tmp_path, proj, steps, name):
    db = tmp_path / name
    con = duckdb.connect(str(db))
    load_raw(con)
    for step in steps:
        step(con)
    run_project(con, load_project(proj))
    con.close()
    return db


def test_the_cell_marts_are_incremental_and_equal_a_full_build_step_by_step(tmp_path):
    """Three builds in a row (a document sharing a cell added with a hand correction, a fact of
    it and of another document gone, then the document removed): after each, every relation
    equals a full build of the same raw rows, and the cell marts were built incrementally."""
    proj = make_project(tmp_path)
    db = tmp_path / "incremental.duckdb"
    build(db, proj, change=False)
    steps = []
    for i, step in enumerate((share_a_cell, leave_the_cell, remove_the_sharer, change_raw)):
        steps.append(step)
        con = duckdb.connect(str(db))
        step(con)
        result = run_project(con, load_project(proj))
        con.close()
        why = {r.relation: r.reason or "" for r in result.models}
        for mart in CELL_MARTS + ("intermediate.int_indicator_values",):
            assert why[mart].startswith("incremental"), (step.__name__, mart, why[mart])
        assert relations(db) == relations(full_build(tmp_path, proj, steps, f"full{i}.duckdb")), step.__name__


def test_a_correction_reaches_the_rate_marts(tmp_path):
    proj = make_project(tmp_path)
    db = tmp_path / "incremental.duckdb"
    build(db, proj, change=False)
    con = duckdb.connect(str(db))
    share_a_cell(con)
    run_project(con, load_project(proj))
    rates = dict(con.execute("select region_code || ':' || year || ':' || scope, rate "
                             "from marts.court_appearance_rate").fetchall())
    panel = con.execute("select litigation_head_appearance_rate from marts.indicator_panel "
                        "where region_code = '230503' and year = 2022 and scope = 'all'").fetchone()[0]
    con.close()
    assert rates["230503:2022:all"] == 90 and panel == 90      # the hand correction, not the 100 read
    assert rates["420104:2019:all"] == 96                        # the new document's rate


def test_only_the_changed_cells_are_recomputed(tmp_path):
    proj = make_project(tmp_path)
    db = tmp_path / "incremental.duckdb"
    build(db, proj, change=False)
    con = duckdb.connect(str(db))
    for mart in ("marts.court_appearance_rate_v2", "marts.reconsideration_correction_rate"):
        con.execute(f"update {mart} set evidence = 'untouched'")
    con.execute("update marts.indicator_panel set region_name = 'untouched'")
    con.execute("update marts.data_quality set detail = 'untouched'")
    share_a_cell(con)
    run_project(con, load_project(proj))
    # d006's cells, and d000's (its hand correction gives it a new version)
    touched = {("420104", 2019, "all"), ("441700", 2021, "government"),
               ("230503", 2022, "all"), ("230503", 2022, "government")}
    for mart, col in (("marts.court_appearance_rate_v2", "evidence"),
                      ("marts.reconsideration_correction_rate", "evidence"),
                      ("marts.indicator_panel", "region_name"),
                      ("marts.data_quality", "detail")):
        # data_quality's conflicting values are kept by their group (region, year, scope, indicator)
        extra = "and problem <> 'conflicting_values'" if mart == "marts.data_quality" else ""
        rows = con.execute(f"select region_code, year, scope, {col} = 'untouched' from {mart} "
                           f"where true {extra}").fetchall()
        kept = {(r, y, s) for r, y, s, same in rows if same}
        redone = {(r, y, s) for r, y, s, same in rows if not same}
        assert kept and not kept & touched, (mart, kept & touched)
        assert redone <= touched | {(None, None, None)}, (mart, redone - touched)
    con.close()


@pytest.mark.slow
def test_dbt_build_recomputes_the_shared_cells_as_lawgov_does(tmp_path):
    """dbt's incremental run of the cell marts, on a warehouse lawgov built, after a document
    that shares cells with others is added (and a hand correction set), ends where a full
    build does."""
    from test_dbt import dbt_executable

    exe = dbt_executable()
    if exe is None:
        pytest.skip("the dbt command is not on PATH (pip install -e '.[test]')")
    proj = make_project(tmp_path)
    db = tmp_path / "dbt.duckdb"
    build(db, proj, change=False)
    con = duckdb.connect(str(db))
    share_a_cell(con)
    con.close()
    dbt_build(exe, proj, db)
    for mart in ("court_appearance_rate_v2", "indicator_panel", "data_quality"):
        ran = (proj / "target" / "run" / "lawgov" / "sql" / "marts" / f"{mart}.sql").read_text(encoding="utf-8")
        assert "insert into" in ran and "create table" not in ran, mart
    assert relations(db) == relations(full_build(tmp_path, proj, [share_a_cell], "full.duckdb"))
