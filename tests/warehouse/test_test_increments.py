"""Data tests on a run's new rows (lawgov/warehouse/models/test_increments.py): after an
incremental run a test that passed reads only the new rows, and still fails where a test of
every row would: a duplicate across documents, a null in a new row, an old row whose parent
was deleted."""

from __future__ import annotations

import textwrap

import duckdb
import pytest

from lawgov.errors import DataTestError
from lawgov.warehouse.models import load_project, run_project, test_increments

PROJECT_YML = """\
name: t
version: "1.0.0"
config-version: 2
model-paths: ["sql"]
seed-paths: ["seeds"]
macro-paths: ["macros"]
models:
  t:
    +schema: main
"""

VERSIONED = "{{ config(pre_hook=\"{% if is_incremental() %}delete from {{ this }} where ver not in (select ver from {{ source('raw', 'items') }}){% endif %}\") }}\n"


@pytest.fixture
def project(tmp_path):
    """docs (one row per document and version) and items (its rows), both incremental by
    document; stg_items, a view of the raw rows that follows docs; tests on each."""
    proj = tmp_path / "proj"
    (proj / "sql").mkdir(parents=True)
    (proj / "dbt_project.yml").write_text(PROJECT_YML)
    (proj / "sql" / "docs.sql").write_text(
        "{{ config(materialized='incremental', unique_key='doc') }}\n" + VERSIONED +
        "select distinct doc, ver from {{ source('raw', 'items') }}\n"
        "{% if is_incremental() %}where ver not in (select ver from {{ this }}){% endif %}\n")
    (proj / "sql" / "items.sql").write_text(
        "{{ config(materialized='incremental', unique_key='doc') }}\n" + VERSIONED +
        "select id, doc, ver from {{ source('raw', 'items') }}\n"
        "{% if is_incremental() %}where ver not in (select ver from {{ this }}){% endif %}\n")
    (proj / "sql" / "stg_items.sql").write_text("select * from {{ source('raw', 'items') }}\n")
    (proj / "sql" / "schema.yml").write_text(textwrap.dedent("""
        version: 2
        sources:
          - name: raw
            tables: [{name: items}]
        models:
          - name: docs
            columns:
              - name: doc
                data_tests: [not_null, unique]
          - name: items
            columns:
              - name: id
                data_tests: [unique]
          - name: stg_items
            config:
              meta:
                lawgov_rows_follow: docs
            columns:
              - name: id
                data_tests: [not_null, unique]
              - name: v
                data_tests: [not_null]
              - name: ref
                data_tests:
                  - relationships:
                      arguments: {to: ref('items'), field: id}
        """))
    con = duckdb.connect(str(tmp_path / "t.duckdb"))
    con.execute("create schema raw")
    con.execute("""create table raw.items as select * from (values
        ('a1', 'A', 'A.1', 'b1', 1), ('a2', 'A', 'A.1', null, 2),
        ('b1', 'B', 'B.1', null, 3), ('c1', 'C', 'C.1', 'a1', 4)) as t(id, doc, ver, ref, v)""")
    yield proj, con
    con.close()


def change(con, doc: str, rows: list[tuple]) -> None:
    """A document parsed again: its rows replaced, under a new version."""
    con.execute("delete from raw.items where doc = ?", [doc])
    for row in rows:
        con.execute("insert into raw.items values (?, ?, ?, ?, ?)", list(row))


def run(proj, con):
    # the raw fingerprint is the content's (no build wrote meta.raw_fingerprints), so a change shows
    return run_project(con, load_project(proj))


def narrowed(result) -> set[str]:
    return {t.label for t in result.tests if t.narrowed}


def test_tests_read_the_new_rows_once_they_have_passed(project):
    proj, con = project
    first = run(proj, con)
    assert not narrowed(first)                       # nothing known yet: every row
    change(con, "C", [("c1", "C", "C.2", "a1", 5), ("c2", "C", "C.2", None, 6)])
    second = run(proj, con)
    assert {"main.stg_items: unique(id)", "main.stg_items: not_null(v)", "main.docs: unique(doc)",
            "main.items: unique(id)"} <= narrowed(second)
    # items lost C's old row: an old row may have lost its parent, so the relationship reads all
    assert "main.stg_items: relationships(ref)" not in narrowed(second)
    assert all(t.status == "pass" for t in second.tests)
    full = run_project(con, load_project(proj), full_refresh=True)
    assert not narrowed(full)


@pytest.fixture(params=["listed", "subquery"])
def listed(request, monkeypatch):
    """Both ways a test names the new rows' keys: their values listed, or a subquery (more
    values than a statement lists)."""
    if request.param == "subquery":
        monkeypatch.setattr(test_increments, "LITERALS", 0)


def test_a_duplicate_across_documents_still_fails(project, listed):
    proj, con = project
    run(proj, con)
    change(con, "C", [("a2", "C", "C.2", None, 5)])   # the id of one of A's rows, which is unchanged
    with pytest.raises(DataTestError, match=r"stg_items: unique\(id\) \(1 rows") as err:
        run(proj, con)
    assert "items: unique(id) (1 rows" in str(err.value)
    failed = con.execute("select relation, test from meta.test_runs where status = 'fail' "
                         "order by 1").fetchall()
    assert failed == [("main.items", "unique"), ("main.stg_items", "unique")]


def test_a_null_in_a_new_row_fails(project, listed):
    proj, con = project
    run(proj, con)
    change(con, "B", [("b1", "B", "B.2", None, None)])
    with pytest.raises(DataTestError, match=r"stg_items: not_null\(v\)"):
        run(proj, con)


def test_an_old_row_whose_parent_was_deleted_fails(project, listed):
    proj, con = project
    run(proj, con)
    # B parsed again without its row b1, which A's unchanged row a1 refers to
    change(con, "B", [("b9", "B", "B.2", None, 3)])
    with pytest.raises(DataTestError, match=r"stg_items: relationships\(ref\) \(1 rows"):
        run(proj, con)


def test_a_failed_test_runs_whole_until_it_passes(project):
    proj, con = project
    run(proj, con)
    change(con, "B", [("b1", "B", "B.2", None, None)])
    with pytest.raises(DataTestError):
        run(proj, con)
    change(con, "C", [("c1", "C", "C.2", "a1", 5)])      # B's null is still there, C is new
    with pytest.raises(DataTestError, match=r"not_null\(v\) \(1 rows") as err:
        run(proj, con)
    # the failing test read every row (its last run failed), so it found B's old null
    assert "stg_items: not_null(v)" in str(err.value)
