"""The warehouse end to end, in real processes: build, publish safely, query, export."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import polars as pl
import pytest

from conftest import BIN, REPO, lawgov
from lawgov.extract.numbers import parse_number

pytestmark = pytest.mark.slow


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("marts.facts", "marts.documents", "raw.mentions")}
    finally:
        con.close()


def test_build_publishes_facts_whose_spans_give_their_numbers(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    rows = con.execute("""
        select f.value, f.unit, f.derived, substr(d.text, f.span_start + 1, f.span_end - f.span_start)
        from marts.facts f join raw.documents d using (doc_id)""").fetchall()
    docs = con.execute("select count(*) from marts.documents").fetchone()[0]
    con.close()
    assert docs == 5
    assert len(rows) > 20
    for value, unit, derived, number in rows:
        if derived:
            continue
        read = parse_number(number.rstrip("%％")).value
        assert read == pytest.approx(value) or read * 10000 == pytest.approx(value), (number, value, unit)


def test_second_build_with_nothing_changed_publishes_nothing(fresh_db):
    reports = fresh_db.parent.parent / "reports"
    before = fresh_db.stat()
    proc = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--quiet")
    assert "nothing changed" in proc.stdout
    after = fresh_db.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_killed_build_leaves_published_warehouse_whole(fresh_db):
    reports = fresh_db.parent.parent / "reports"
    for i in range(9):                        # enough parsing to kill the build while its workers run
        for report in list(reports.glob("0*.txt")):
            shutil.copyfile(report, reports / f"copy{i}-{report.name}")
    before = counts(fresh_db)
    proc = subprocess.Popen([sys.executable, "-m", "lawgov", "build", "--reports", str(reports),
                             "--db", str(fresh_db), "--full-refresh", "--quiet"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # the build and its two parser processes, and the build's file (the parsers are forked
    # just before it is put in place, so under load it can appear a moment after them)
    while len(_processes_naming(fresh_db)) < 3 or not list(fresh_db.parent.glob(".build-*/*.duckdb")):
        assert time.monotonic() < deadline and proc.poll() is None, "the build never started parsing"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10          # its parser processes die with it
    while _processes_naming(fresh_db) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _processes_naming(fresh_db)
    assert counts(fresh_db) == before
    assert not fresh_db.with_name(fresh_db.name + ".wal").exists()
    # The next build clears the dead build's folder and publishes.
    lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--full-refresh", "--quiet")
    assert not list(fresh_db.parent.glob(".build-*"))
    assert counts(fresh_db) == before


def _processes_naming(path: Path) -> list[int]:
    """Live processes whose command line names ``path`` (the build and its workers)."""
    found = []
    for proc_dir in Path("/proc").iterdir():
        if not proc_dir.name.isdigit():
            continue
        try:
            cmdline = (proc_dir / "cmdline").read_bytes()
            state = (proc_dir / "stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if str(path).encode() in cmdline and state != "Z":
            found.append(int(proc_dir.name))
    return found


HOLDER = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    n = con.execute("select count(*) from marts.facts").fetchone()[0]
    print("ready", flush=True)
    ok = 0
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        assert con.execute("select count(*) from marts.facts").fetchone()[0] == n
        ok += 1
        time.sleep(0.01)
    print("queries", ok, flush=True)
""")


def test_reader_holding_the_file_does_not_block_a_rebuild(fresh_db):
    reports = fresh_db.parent.parent / "reports"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(fresh_db), "6"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    builds_before = _builds(fresh_db)
    lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--full-refresh", "--quiet")
    out, err = holder.communicate(timeout=60)
    assert holder.returncode == 0, err
    assert int(out.split()[-1]) > 0
    assert _builds(fresh_db) == builds_before + 1


def _builds(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select count(*) from meta.builds").fetchone()[0]
    finally:
        con.close()


def test_two_builds_at_once_both_end_cleanly(fresh_db):
    reports = fresh_db.parent.parent / "reports"
    cmd = [sys.executable, "-m", "lawgov", "build", "--reports", str(reports), "--db", str(fresh_db),
           "--full-refresh", "--quiet"]
    procs = [subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert counts(fresh_db)["marts.facts"] > 0
    assert not list(fresh_db.parent.glob(".build-*"))


def test_second_build_gives_up_with_a_clear_message_when_told_not_to_wait(fresh_db):
    from filelock import FileLock

    reports = fresh_db.parent.parent / "reports"
    with FileLock(str(fresh_db) + ".lock"):
        proc = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--wait", "0.5",
                      "--full-refresh", "--quiet", check=False)
    assert proc.returncode != 0
    assert "another lawgov build" in proc.stderr


def test_duckdb_shell_from_the_environment_opens_the_warehouse(built_db):
    shell = BIN / "duckdb"
    assert shell.exists(), "duckdb-cli is a dependency of lawgov"
    proc = subprocess.run([str(shell), "-readonly", str(built_db), "-c", "select count(*) from marts.facts"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert any(ch.isdigit() for ch in proc.stdout)
    assert str(counts(built_db)["marts.facts"]) in proc.stdout


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_reads_back_with_the_same_row_counts(built_db, tmp_path, fmt):
    out = tmp_path / "export"
    lawgov("export", "--db", str(built_db), "--out", str(out), "--format", fmt)
    con = duckdb.connect(str(built_db), read_only=True)
    marts = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()]
    expected = {m: con.execute(f'select count(*) from marts."{m}"').fetchone()[0] for m in marts}
    con.close()
    assert {"facts", "documents"} <= set(expected)
    for name, rows in expected.items():
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            frame = pl.read_parquet(path)
        else:
            assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
            frame = pl.read_csv(path, infer_schema=False)
        assert frame.height == rows, name


def test_query_prints_a_table_and_is_read_only(built_db):
    proc = lawgov("query", "select indicator, count(*) n from marts.facts group by 1 order by 2 desc",
                  "--db", str(built_db))
    assert "indicator" in proc.stdout
    proc = lawgov("query", "create table marts.x (a int)", "--db", str(built_db), check=False)
    assert proc.returncode != 0


def test_build_of_a_missing_folder_fails_with_the_reason(tmp_path):
    proc = lawgov("build", "--reports", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb"), check=False)
    assert proc.returncode != 0
    assert "does not exist" in proc.stderr
    assert not (tmp_path / "w.duckdb").exists()


def copy_project(dest: Path) -> Path:
    for name in ("sql", "seeds", "macros"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copyfile(REPO / "dbt_project.yml", dest / "dbt_project.yml")
    return dest


def test_broken_model_stops_the_build_before_publishing(fresh_db, tmp_path):
    reports = fresh_db.parent.parent / "reports"
    project = copy_project(tmp_path / "project")
    model = project / "sql" / "marts" / "indicator_panel.sql"
    lines = model.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "select from where (")
    model.write_text("\n".join(lines), encoding="utf-8")
    before, stat = counts(fresh_db), fresh_db.stat()
    proc = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--project", str(project),
                  "--full-refresh", "--quiet", check=False)
    assert proc.returncode != 0
    assert "indicator_panel.sql:" in proc.stderr and "nothing published" in proc.stderr
    assert counts(fresh_db) == before and fresh_db.stat().st_ino == stat.st_ino
    assert not list(fresh_db.parent.glob(".build-*"))


def test_failing_data_test_stops_the_build_before_publishing(fresh_db, tmp_path):
    reports = fresh_db.parent.parent / "reports"
    project = copy_project(tmp_path / "project")
    model = project / "sql" / "marts" / "facts.sql"
    model.write_text(model.read_text(encoding="utf-8").replace("f.scope", "'nowhere'", 1), encoding="utf-8")
    stat = fresh_db.stat()
    proc = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--project", str(project),
                  "--full-refresh", "--quiet", check=False)
    assert proc.returncode != 0
    assert "scope" in proc.stderr and "nothing published" in proc.stderr
    assert fresh_db.stat().st_ino == stat.st_ino


def test_rate_marts_on_the_bundled_reports(built_db):
    """The marts issue 5 names, from the real pipeline rather than fixture rows."""
    con = duckdb.connect(str(built_db), read_only=True)
    car = {(r[0], r[1], r[2]): r[3:] for r in con.execute(
        "select region_code, year, scope, rate, hearings from marts.court_appearance_rate").fetchall()}
    rcr = {(r[0], r[1]): r[2:] for r in con.execute(
        "select region_code, year, reported_rate, corrected, closed, derived_rate, consistent "
        "from marts.reconsideration_correction_rate").fetchall()}
    problems = {r[0] for r in con.execute("select problem from marts.data_quality").fetchall()}
    con.close()
    assert car[("420104", 2019, "government")] == (95.1, 41)
    assert car[("420104", 2019, "departments")] == (93.1, 72)
    assert rcr[("441700", 2021)] == (29.6, 32, 108, 29.63, True)
    assert rcr[("150404", 2022)] == (18, 9, None, None, None)
    assert "rate_mismatch_accepted" in problems          # 松山: 18% stated, 9 / 54 = 16.67%
