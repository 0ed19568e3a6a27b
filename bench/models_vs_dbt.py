"""lawgov's model layer against `dbt build` on the same project and the same raw data.

    .venv/bin/python bench/models_vs_dbt.py [--db data/warehouse.duckdb] [--fixture] [--repeat 3]

Raw data: the raw.* and meta.* tables of --db when it has them (a warehouse `lawgov
build` made), else the fixture of tests/test_models.py. Project: the repo (sql/,
macros/, seeds/) when seeds/regions.csv and seeds/indicators.csv exist, else a tmp copy
with the fixture seeds (--fixture forces both fixtures). Each runner gets its own fresh
copy of the raw tables. Prints: lawgov cold build (load_project + run_project, seeds
included), lawgov no-change rebuild (load + run again: every model skipped), and `dbt
build` (seeds + models + tests; wall time of the subprocess, and dbt's own elapsed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from lawgov.warehouse.models import load_project, run_project  # noqa: E402

RAW_TABLES = ["raw.documents", "raw.mentions", "raw.facts", "raw.fact_evidence", "raw.corrections",
              "meta.ingest_log", "meta.raw_fingerprints"]


def raw_copy(src: Path | None, dest: Path) -> str:
    con = duckdb.connect(str(dest))
    try:
        if src is None:
            from test_models import load_raw
            load_raw(con)
            return "fixture raw tables (tests/test_models.py)"
        con.execute(f"attach '{src}' as src (read_only)")
        con.execute("create schema if not exists raw; create schema if not exists meta")
        have = {f"{s}.{t}" for s, t in con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = 'src'").fetchall()}
        for t in RAW_TABLES:
            if t in have:
                con.execute(f"create table {t} as select * from src.{t}")
        con.execute("detach src")
        n = con.execute("select count(*) from raw.facts").fetchone()[0]
        return f"raw tables of {src} ({n} facts)"
    finally:
        con.close()


def has_raw(db: Path) -> bool:
    if not db.exists():
        return False
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return False
    try:
        return con.execute("select count(*) from duckdb_tables() where schema_name = 'raw' "
                           "and table_name = 'facts'").fetchone()[0] == 1
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=REPO / "data" / "warehouse.duckdb")
    ap.add_argument("--fixture", action="store_true", help="fixture raw tables and seeds")
    ap.add_argument("--repeat", type=int, default=3, help="no-change rebuilds to time")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="lawgov-bench-"))
    try:
        seeds_ready = all((REPO / "seeds" / f).exists() for f in ("regions.csv", "indicators.csv"))
        if args.fixture or not seeds_ready:
            from test_models import make_project
            proj = make_project(tmp)
            project_note = f"tmp copy of sql/ with fixture seeds ({'forced' if args.fixture else 'seeds/ not ready'})"
        else:
            proj = tmp / "proj"
            proj.mkdir()
            for d in ("sql", "macros", "seeds"):
                shutil.copytree(REPO / d, proj / d)
            for f in ("dbt_project.yml", "profiles.yml"):
                shutil.copy(REPO / f, proj / f)
            project_note = "the repo's sql/, macros/ and seeds/"
        src = None if args.fixture or not has_raw(args.db) else args.db
        ours, theirs = tmp / "lawgov.duckdb", tmp / "dbt.duckdb"
        raw_note = raw_copy(src, ours)
        raw_copy(src, theirs)

        t0 = time.perf_counter()
        project = load_project(proj)
        t_load = time.perf_counter() - t0
        con = duckdb.connect(str(ours))
        t1 = time.perf_counter()
        cold = run_project(con, project)
        t_cold = time.perf_counter() - t0
        t_run = time.perf_counter() - t1
        con.close()

        rebuilds = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            con = duckdb.connect(str(ours))
            again = run_project(con, load_project(proj))
            con.close()
            rebuilds.append(time.perf_counter() - t0)
            assert not again.built, again.built_models

        exe = Path(sys.executable).parent / "dbt"
        dbt_line = "dbt build: not run (dbt is not installed)"
        if exe.exists() or shutil.which("dbt"):
            env = dict(os.environ, DBT_PROFILES_DIR=str(proj), LAWGOV_DB=str(theirs),
                       DBT_SEND_ANONYMOUS_USAGE_STATS="false")
            t0 = time.perf_counter()
            done = subprocess.run([str(exe) if exe.exists() else "dbt", "build", "--no-partial-parse"],
                                  cwd=proj, env=env, capture_output=True, text=True)
            t_dbt = time.perf_counter() - t0
            if done.returncode != 0:
                print(done.stdout[-3000:], done.stderr[-2000:], file=sys.stderr)
                dbt_line = f"dbt build: FAILED (exit {done.returncode}) after {t_dbt:.2f}s"
            else:
                elapsed = json.loads((proj / "target" / "run_results.json").read_text())["elapsed_time"]
                dbt_line = f"dbt build:                  {t_dbt:6.2f} s wall ({elapsed:.2f} s dbt's own elapsed)"

        print(f"project: {project_note}")
        print(f"raw:     {raw_note}")
        print(f"models:  {len(project.models)}, seeds: {len(project.seeds)}, tests: {len(cold.tests)}")
        print(f"lawgov cold build:          {t_cold:6.2f} s (load_project {t_load:.2f} s, "
              f"run_project {t_run:.2f} s: {cold.summary()})")
        print(f"lawgov no-change rebuild:   {statistics.median(rebuilds):6.2f} s median of {len(rebuilds)} "
              f"(load + run, all {len(project.models)} models skipped, tests rerun)")
        print(dbt_line)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
