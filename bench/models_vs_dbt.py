"""lawgov's model layer against `dbt build` on the same project and the same raw data.

    .venv/bin/python bench/models_vs_dbt.py [--db data/warehouse.duckdb] [--fixture] [--repeat 3]

Raw data: the raw.* and meta.* tables of --db when it has them (a warehouse `lawgov
build` made), else the fixture of tests/test_models.py. Project: the repo (sql/,
macros/, seeds/) when seeds/regions.csv and seeds/indicators.csv exist, else a tmp copy
with the fixture seeds (--fixture forces both fixtures). Each runner gets its own fresh
copy of the raw tables. Prints, for each runner on its own copy: the cold build (lawgov: load_project +
run_project, seeds included; dbt: `dbt build`, seeds + models + tests, wall time of the
subprocess and dbt's own elapsed), a build with nothing changed, and a build after 1% of
the documents changed (their raw rows deleted and inserted again with other values and
another file hash, as a re-parse does), then the ratios and whether both runners' marts
hold the same rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
sys.path.insert(0, str(REPO / "tests" / "warehouse"))

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


def change_documents(db: Path, share: float = 0.01) -> int:
    """Re-parse ``share`` of the documents, as far as the raw tables can tell: the same
    documents (chosen by a hash of their id) on every copy."""
    con = duckdb.connect(str(db))
    try:
        n = max(1, round(con.execute("select count(*) from raw.documents").fetchone()[0] * share))
        con.execute("create temp table _ch as select doc_id from raw.documents "
                    "order by hash(doc_id || ':changed'), doc_id limit ?", [n])
        for table in ("facts", "mentions", "fact_evidence", "documents"):
            con.execute(f"create temp table _new as select * from raw.{table} where doc_id in (select doc_id from _ch)")
            con.execute(f"delete from raw.{table} where doc_id in (select doc_id from _ch)")
            if table in ("facts", "mentions"):
                con.execute("update _new set value = value + 1")
            if table == "documents":
                con.execute("update _new set sha256 = sha256 || '-changed'")
            con.execute(f"insert into raw.{table} select * from _new")
            con.execute("drop table _new")
        con.execute("update meta.raw_fingerprints set fingerprint = fingerprint || '-changed' "
                    "where table_name like 'raw.%'")
        return n
    finally:
        con.close()


def marts_digest(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*), sum(hash(t)) from {t} as t").fetchone()
                for t in ("marts.facts", "intermediate.int_indicator_values", "marts.documents",
                          "marts.data_quality", "marts.indicator_panel", "marts.court_appearance_rate_v1",
                          "marts.court_appearance_rate_v2", "marts.reconsideration_correction_rate")}
    finally:
        con.close()


def run_dbt(exe: Path, proj: Path, db: Path) -> tuple[float, str]:
    env = dict(os.environ, DBT_PROFILES_DIR=str(proj), LAWGOV_DB=str(db),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    t0, c0 = time.perf_counter(), _children_cpu()
    done = subprocess.run([str(exe), "build", "--no-partial-parse"], cwd=proj, env=env,
                          capture_output=True, text=True)
    seconds, cpu = time.perf_counter() - t0, _children_cpu() - c0
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-2000:], file=sys.stderr)
        return seconds, cpu, f"FAILED (exit {done.returncode})"
    elapsed = json.loads((proj / "target" / "run_results.json").read_text())["elapsed_time"]
    return seconds, cpu, f"{elapsed:.2f} s dbt's own elapsed"


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def lawgov_run(proj: Path, db: Path):
    """Wall and CPU time (this process: Python and DuckDB's threads) of connect, load_project,
    run_project and close (which checkpoints), and the run's result and its parts' wall times."""
    t0, c0 = time.perf_counter(), time.process_time()
    con = duckdb.connect(str(db))
    t1 = time.perf_counter()
    project = load_project(proj)
    t2 = time.perf_counter()
    result = run_project(con, project)
    t3 = time.perf_counter()
    con.close()
    t4 = time.perf_counter()
    parts = {"connect": t1 - t0, "load_project": t2 - t1, "run_project": t3 - t2, "close": t4 - t3}
    return t4 - t0, time.process_time() - c0, result, parts


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

        project = load_project(proj)      # for the counts below; each run loads its own
        t_cold, c_cold, cold, p_cold = lawgov_run(proj, ours)
        t_load, t_run = p_cold["load_project"], p_cold["run_project"]

        rebuilds = []
        for _ in range(max(1, args.repeat)):
            seconds, cpu, again, _ = lawgov_run(proj, ours)
            rebuilds.append((seconds, cpu))
            assert not again.built, again.built_models

        changed = change_documents(ours)
        t_changed, c_changed, after, p_changed = lawgov_run(proj, ours)
        incremental = [r.relation for r in after.models if (r.reason or "").startswith("incremental")]

        exe = Path(sys.executable).parent / "dbt"
        exe = exe if exe.exists() else (shutil.which("dbt") and Path(shutil.which("dbt")))
        dbt = {}
        if exe:
            dbt["cold"] = run_dbt(exe, proj, theirs)
            dbt["nothing changed"] = run_dbt(exe, proj, theirs)
            change_documents(theirs)
            dbt["1% changed"] = run_dbt(exe, proj, theirs)

        print(f"project: {project_note}")
        print(f"raw:     {raw_note}")
        print(f"models:  {len(project.models)}, seeds: {len(project.seeds)}, tests: {len(cold.tests)}")
        ours_t = {"cold": t_cold, "nothing changed": statistics.median(r[0] for r in rebuilds),
                  "1% changed": t_changed}
        ours_c = {"cold": c_cold, "nothing changed": statistics.median(r[1] for r in rebuilds),
                  "1% changed": c_changed}
        split = ", ".join(f"{k} {v:.2f} s" for k, v in p_changed.items())
        notes = {"cold": f"load_project {t_load:.2f} s, run_project {t_run:.2f} s: {cold.summary()}",
                 "nothing changed": f"median of {len(rebuilds)}; every model skipped, tests rerun",
                 "1% changed": f"{changed:,} documents; {split}; {after.summary()}; "
                               f"incremental: {', '.join(incremental)}"}
        targets = {"cold": 1.5, "nothing changed": 10, "1% changed": 10}
        for step in ("cold", "nothing changed", "1% changed"):
            print(f"lawgov {step + ':':<17} {ours_t[step]:7.2f} s wall, {ours_c[step]:6.2f} s CPU  ({notes[step]})")
            if step in dbt:
                seconds, cpu, what = dbt[step]
                ratio = seconds / ours_t[step]
                verdict = "ok" if ratio >= targets[step] else "MISSED"
                print(f"dbt build {step + ':':<14} {seconds:7.2f} s wall, {cpu:6.2f} s CPU ({what}); "
                      f"lawgov {ratio:.1f}× faster (CPU {cpu / ours_c[step]:.1f}×), "
                      f"target ≥ {targets[step]:g}×  {verdict}")
        if not dbt:
            print("dbt build: not run (dbt is not installed)")
        else:
            same = marts_digest(ours) == marts_digest(theirs)
            print(f"after the 1% change both runners' marts hold the same rows: {'yes' if same else 'NO'}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
