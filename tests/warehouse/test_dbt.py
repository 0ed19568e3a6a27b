"""`dbt build` (dbt-duckdb) on the same project builds the same relations as lawgov.

Two warehouses get the same fixture raw tables and seeds; lawgov's runner builds one,
`dbt build` (a subprocess, profiles.yml from a tmp copy of the project) the other, and
every model and seed relation must have the same row count, the versioned model's
plain-named view included, and both runners must run the same number of data tests
with the same outcomes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from lawgov.warehouse.models import load_project, run_project
from test_models import load_raw, make_project

pytest.importorskip("dbt.adapters.duckdb", reason="dbt-duckdb is not installed (pip install -e '.[test]')")


def dbt_executable() -> str | None:
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else shutil.which("dbt")


def counts(db: Path, schemas=("seeds", "staging", "intermediate", "marts")) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() where schema_name in ? "
            "union all select schema_name || '.' || view_name from duckdb_views() "
            "where not internal and schema_name in ?", [list(schemas), list(schemas)]).fetchall()
        return {n: con.execute(f"select count(*) from {n}").fetchone()[0] for (n,) in names}
    finally:
        con.close()


@pytest.mark.slow
def test_dbt_build_matches_lawgov(tmp_path):
    exe = dbt_executable()
    if exe is None:
        pytest.skip("the dbt command is not on PATH (pip install -e '.[test]')")
    proj = make_project(tmp_path)
    ours, theirs = tmp_path / "lawgov.duckdb", tmp_path / "dbt.duckdb"
    for db in (ours, theirs):
        con = duckdb.connect(str(db))
        load_raw(con)
        con.close()

    con = duckdb.connect(str(ours))
    project = load_project(proj)
    result = run_project(con, project)
    con.close()

    env = dict(os.environ, DBT_PROFILES_DIR=str(proj), LAWGOV_DB=str(theirs),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DBT_USE_COLORS="false")
    done = subprocess.run([exe, "build", "--no-partial-parse"], cwd=proj, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]

    lawgov_counts, dbt_counts = counts(ours), counts(theirs)
    marts = {m.qualified for m in project.models.values() if m.schema == "marts"}
    assert marts <= set(lawgov_counts)
    assert "marts.court_appearance_rate" in lawgov_counts
    assert lawgov_counts == dbt_counts

    # the same tests with the same outcomes
    run_results = json.loads((proj / "target" / "run_results.json").read_text())
    dbt_tests = [r for r in run_results["results"] if r["unique_id"].startswith("test.")]
    assert len(dbt_tests) == len(result.tests)
    dbt_status = sorted(r["status"] for r in dbt_tests)
    ours_status = sorted({"pass": "pass", "warn": "warn", "fail": "fail"}[t.status] for t in result.tests)
    assert dbt_status == ours_status
