"""Publishing without copying the warehouse: a build starts from the standby (the file the
last publish replaced) brought level with the published file, and keeps every promise a
copy kept: the same warehouse, a published file never written, readers undisturbed, a
killed build harmless, and writes made to the published file carried over."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import BUNDLED, REPO, lawgov

pytestmark = pytest.mark.slow

TABLES = ("raw.documents", "raw.facts", "raw.mentions", "raw.fact_evidence", "marts.facts",
          "marts.documents", "marts.mentions", "marts.fact_evidence", "marts.data_quality",
          "marts.indicator_panel")


def build(reports: Path, db: Path, *more: str) -> str:
    return lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet", *more).stdout


def standby_of(db: Path) -> Path:
    return db.with_name(f".standby-{db.name}") / "warehouse.duckdb"


def content(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in TABLES}
        out["meta.files"] = sorted(con.execute(
            "select source_file, size, sha256, status, reason, doc_id, duplicate_of, facts from meta.files").fetchall())
        out["meta.ingest_log"] = sorted(con.execute(
            "select source_file, status, reason, facts from meta.ingest_log").fetchall())
        out["builds"] = con.execute("select count(*) from meta.builds").fetchall()
        return out
    finally:
        con.close()


def change_a_number(path: Path, by: int = 7) -> None:
    text = path.read_text(encoding="utf-8")
    m = re.search(r"(\d{2,})件", text)
    path.write_text(text[:m.start(1)] + str(int(m.group(1)) + by) + text[m.end(1):], encoding="utf-8")


def setup(tmp_path: Path, name: str) -> tuple[Path, Path]:
    reports = tmp_path / name / "reports"
    shutil.copytree(BUNDLED, reports)
    return reports, tmp_path / name / "data" / "warehouse.duckdb"


def test_a_build_from_the_standby_publishes_what_a_copy_would(tmp_path):
    a_reports, a = setup(tmp_path, "a")
    b_reports, b = setup(tmp_path, "b")
    steps = [
        lambda r: change_a_number(sorted(r.glob("0*.txt"))[0]),
        lambda r: (sorted(r.glob("0*.txt"))[1].unlink(), change_a_number(sorted(r.glob("0*.txt"))[2], 3)),
        lambda r: (shutil.copyfile(BUNDLED / "001_b8d1e997ba8c8c41.txt", r / "back.txt"),
                   change_a_number(sorted(r.glob("0*.txt"))[0], 5)),
    ]
    build(a_reports, a)
    build(b_reports, b)
    assert standby_of(a).exists()               # the first build leaves one (a copy)
    for step in steps:
        step(a_reports)
        step(b_reports)
        kept = standby_of(a).stat().st_ino
        build(a_reports, a, "--allow-removals")
        assert a.stat().st_ino == kept          # the standby became the published file
        shutil.rmtree(standby_of(b).parent)     # b copies the published file, as before
        build(b_reports, b, "--allow-removals")
        assert content(a) == content(b)


HOLDER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
first = con.execute("select count(*), sum(value) from marts.facts").fetchall()
print("ready", flush=True)
sys.stdin.readline()
assert con.execute("select count(*), sum(value) from marts.facts").fetchall() == first
print("same", flush=True)
"""


def test_a_reader_of_the_standby_keeps_its_view_and_the_build_copies(tmp_path):
    reports, db = setup(tmp_path, "w")
    build(reports, db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    held = db.stat().st_ino
    change_a_number(sorted(reports.glob("0*.txt"))[0])
    build(reports, db)
    assert standby_of(db).stat().st_ino == held   # the reader's file is now the standby
    change_a_number(sorted(reports.glob("0*.txt"))[1])
    build(reports, db)                             # it cannot take it: the reader holds it
    assert db.stat().st_ino != held
    out, err = holder.communicate("\n", timeout=60)
    assert holder.returncode == 0 and out.split()[-1] == "same", err
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    build(reports, copy, "--full-refresh")
    assert content(db)["marts.facts"] == content(copy)["marts.facts"]


def test_a_killed_build_on_the_standby_leaves_the_published_file_whole(tmp_path):
    reports, db = setup(tmp_path, "w")
    build(reports, db)
    for i in range(9):
        for report in list(reports.glob("0*.txt")):
            shutil.copyfile(report, reports / f"copy{i}-{report.name}")
            change_a_number(reports / f"copy{i}-{report.name}", i + 1)
    before, stat = content(db), db.stat()
    proc = subprocess.Popen([sys.executable, "-m", "lawgov", "build", "--reports", str(reports),
                             "--db", str(db), "--quiet"], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # parsing, and the standby taken into the build (the parsers start before the build
    # takes it, so under load either may come first)
    while not list(db.parent.glob(".build-*/fuse/*")) or standby_of(db).exists():
        assert time.monotonic() < deadline and proc.poll() is None, "the build never started parsing"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.5)
    assert content(db) == before and db.stat().st_ino == stat.st_ino
    build(reports, db)                           # copies the published file, and publishes
    assert not list(db.parent.glob(".build-*"))
    assert content(db)["marts.documents"] != before["marts.documents"]


def test_a_table_written_into_the_published_file_is_carried_over(tmp_path):
    reports, db = setup(tmp_path, "w")
    build(reports, db)
    change_a_number(sorted(reports.glob("0*.txt"))[0])
    build(reports, db)
    con = duckdb.connect(str(db))                # a notebook writing into the warehouse
    con.execute("create table main.my_notes as select 1 as n")
    con.close()
    state = json.loads((standby_of(db).parent / "state.json").read_text())
    assert state["published"] != [db.stat().st_ino, db.stat().st_size, db.stat().st_mtime_ns]
    change_a_number(sorted(reports.glob("0*.txt"))[1])
    build(reports, db)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select n from main.my_notes").fetchall() == [(1,)]
    con.close()


def _two_files(tmp_path: Path, record: bool) -> tuple[Path, Path]:
    """A standby and the file published after it: the publishing build changed document X
    (and, so that the test can tell whose list the catch-up used, Y differs unrecorded)."""
    from lawgov.warehouse import standby, store

    files = tmp_path / "standby.duckdb", tmp_path / "published.duckdb"
    for path in files:
        con = duckdb.connect(str(path))
        store.ensure_schema(con)
        con.execute("insert into meta.raw_fingerprints values ('_code', 'c1')")
        con.execute("insert into meta.builds (build_id, started_at) values ('b1', '2026-01-01')")
        for doc in "XYZ":
            con.execute("insert into raw.documents (doc_id, source_file, sha256) values (?, ?, 'old')",
                        [doc, doc + ".txt"])
            con.execute("insert into raw.facts (fact_id, doc_id, value) values (?, ?, 1)", [doc + "-f", doc])
        if path == files[1]:
            con.execute("update raw.documents set sha256 = 'new' where doc_id in ('X', 'Y')")
            con.execute("update raw.facts set value = 2 where doc_id in ('X', 'Y')")
            con.execute("insert into meta.builds (build_id, started_at) values ('b2', '2026-01-02')")
            if record:
                standby.record_changes(con, "b2", ["X"])
        con.close()
    return files


@pytest.mark.parametrize("record", [True, False])
def test_the_catch_up_copies_the_documents_the_last_build_recorded(tmp_path, record):
    from lawgov.warehouse import standby

    kept, published = _two_files(tmp_path, record)
    con = duckdb.connect(str(kept))
    standby.catch_up(con, published)
    values = dict(con.execute("select doc_id, value from raw.facts").fetchall())
    recorded = con.execute("select build_id, doc_id from meta.doc_changes order by all").fetchall()
    con.close()
    # with the record, only X is copied (Y's difference is not looked for); without, every
    # document is compared and both are
    assert values == ({"X": 2, "Y": 1, "Z": 1} if record else {"X": 2, "Y": 2, "Z": 1})
    assert recorded == ([("b2", "X"), ("b2", None)] if record else [])
