"""The faults a nightly build meets (issue 13): each test makes one happen for real — real
processes, real DuckDB files, real links, FIFOs and full disks — and checks that the
warehouse is neither corrupted nor lost and the build does not hang."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import duckdb
import pytest

from conftest import BUNDLED, REPO, lawgov

REPORTS = sorted(p.name for p in BUNDLED.glob("*.txt"))


def sql(db: Path, query: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def build(reports: Path, db: Path, *args: str, check: bool = True, **kw):
    return lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet", *args,
                  check=check, **kw)


def touch_report(reports: Path, name: str = REPORTS[0]) -> None:
    """Change one report so that the next build publishes."""
    with open(reports / name, "a", encoding="utf-8") as f:
        f.write("\n全年共举办法治讲座7场。\n")


def last_log(db: Path) -> dict[str, tuple[str, str]]:
    rows = sql(db, "select source_file, status, reason from meta.ingest_log "
                   "where build_id = (select max(build_id) from meta.ingest_log)")
    return {r[0]: (r[1], r[2]) for r in rows}


def python(code: str, timeout: float) -> subprocess.CompletedProcess:
    """Run code in a Python process of its own, failing the test if it outlives ``timeout``."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, text=True,
                          capture_output=True, timeout=timeout, check=True)


def hold_open(db: Path, code: str = "") -> subprocess.Popen:
    """A process holding the warehouse open for writing (a notebook, a duckdb shell)."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(db)!r})
        {code}
        print("ready", flush=True)
        time.sleep(120)
    """)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.wait()


# ------------------------------------------------------------------ 1. a foreign WAL

def test_1_wal_beside_published_file_is_set_aside_not_replayed(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    facts = sql(db, "select count(*) from raw.facts")[0][0]
    doc = sql(db, "select doc_id from raw.documents order by doc_id limit 1")[0][0]
    # a session that changes the file and dies before its checkpoint leaves a WAL
    proc = hold_open(db, f"""
        con.execute("set checkpoint_threshold = '1GB'")
        con.execute("pragma disable_checkpoint_on_shutdown")
        con.execute("create table main.stale (x int)")
        con.execute("delete from raw.facts where doc_id <> '{doc}'")
    """)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    wal = db.with_name(db.name + ".wal")
    assert wal.exists()
    touch_report(reports, REPORTS[-1])
    out = build(reports, db)
    assert not wal.exists()
    kept = list(db.parent.glob(db.name + ".wal.set-aside-*"))
    assert len(kept) == 1 and kept[0].name in out.stderr
    assert sql(db, "select count(*) from duckdb_tables() where table_name = 'stale'")[0][0] == 0
    now = sql(db, "select count(*) from raw.facts")[0][0]
    assert now >= facts - 5
    assert now == sql(db, "select count(*) from marts.facts")[0][0]


# ------------------------------------------------------------------ 2. a writer holds the file

def test_2_a_writer_holding_the_warehouse_is_waited_for_not_taken_for_damage(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    touch_report(reports)
    builds = sql(db, "select count(*) from meta.builds")[0][0]
    holder = hold_open(db)
    try:
        out = build(reports, db, "--wait", "1", check=False)
    finally:
        stop(holder)
    assert out.returncode != 0
    assert "open for writing" in out.stderr and f"process {holder.pid}" in out.stderr
    assert sql(db, "select count(*) from meta.builds")[0][0] == builds   # history kept
    build(reports, db)                                                    # once closed, it builds
    assert sql(db, "select count(*) from meta.builds")[0][0] == builds + 1


# ------------------------------------------------------------------ 3. removal guard

def test_3_an_empty_or_wrong_reports_folder_removes_nothing(fresh_db, tmp_path):
    db = fresh_db
    facts = sql(db, "select count(*) from raw.facts")[0][0]
    empty = tmp_path / "unmounted"
    empty.mkdir()
    out = build(empty, db, check=False)
    assert out.returncode == 2 and "empty" in out.stderr and "--allow-removals" in out.stderr
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(BUNDLED / REPORTS[0], other / REPORTS[0])
    out = build(other, db, check=False)
    assert out.returncode == 2 and "4 of the 5 published documents" in out.stderr
    assert sql(db, "select count(*) from raw.facts")[0][0] == facts

    # one of five going is no accident: it leaves, and says so
    for name in REPORTS[1:]:
        shutil.copy(BUNDLED / name, other / name)
    (other / REPORTS[0]).unlink()
    out = build(other, db)
    assert f"removed {REPORTS[0]}" in out.stderr and "1 removed" in out.stdout
    assert last_log(db)[REPORTS[0]][0] == "removed"

    out = build(empty, db, "--allow-removals")
    assert sql(db, "select count(*) from raw.facts")[0][0] == 0
    assert {s for s, _ in last_log(db).values()} == {"removed"}


# ------------------------------------------------------------------ 4. time, memory, super-linear

@pytest.fixture
def big_report(fresh_db) -> Path:
    """A real report repeated to 6 MB: several seconds and a few hundred MB to parse."""
    reports = fresh_db.parent.parent / "reports"
    text = (BUNDLED / REPORTS[0]).read_text(encoding="utf-8")
    big = reports / "zz_big.txt"
    big.write_text(text * 300, encoding="utf-8")
    return big


def test_4_a_file_past_the_time_limit_is_quarantined_and_the_build_goes_on(fresh_db, big_report):
    db, reports = fresh_db, big_report.parent
    touch_report(reports)
    out = build(reports, db, "--parse-timeout", "2", "--workers", "2")
    status, reason = last_log(db)["zz_big.txt"]
    assert status == "quarantined" and reason.startswith("parser timed out")
    assert "1 loaded" in out.stdout                     # the touched report, in a new worker
    assert sql(db, "select count(distinct doc_id) from raw.facts")[0][0] == 5


def test_4_a_file_past_the_memory_limit_is_quarantined(fresh_db, big_report):
    db, reports = fresh_db, big_report.parent
    # far below what a 6 MB report takes (hundreds of MB), so no poll can miss it on a loaded machine
    build(reports, db, "--parse-memory", "100", "--workers", "1")
    status, reason = last_log(db)["zz_big.txt"]
    assert status == "quarantined" and reason.startswith("too large in memory")
    assert sql(db, "select count(distinct doc_id) from raw.facts")[0][0] == 5


@pytest.mark.parametrize("case, code", [
    ("trailing spaces", "from lawgov.text.structure import paragraphs\n"
                        "paragraphs('报告' + ' ' * 20_000 + '\\n')"),
    ("1.1.1… line", "from lawgov.extract import extract\n"
                    "extract('2022年共办理' + '.'.join(['1'] * 100_000) + '件。', 2022)"),
    ("2,000 wrapped pages", "from lawgov.ingest.pdf import join_wrapped\n"
                            "join_wrapped([['中' * 40] * 50 for _ in range(2000)])"),
])
def test_4_super_linear_inputs_parse_in_linear_time(case, code):
    python(code, timeout=30)          # before: minutes to hours


def test_4_a_docx_whose_xml_unpacks_huge_is_refused_quickly(tmp_path):
    import docx

    path = tmp_path / "bomb.docx"
    d = docx.Document()
    d.add_paragraph("2022年法治政府建设情况报告")
    d.save(path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"]
    pad = b"<w:p><w:r><w:t>" + "法".encode() * 64 + b"</w:t></w:r></w:p>" * 1
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    parts["word/document.xml"] = xml[:body] + pad * 400_000 + xml[body:]   # ~100 MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    out = python(f"""
        from pathlib import Path
        from lawgov.ingest.sources import read_source
        s = read_source(Path({str(path)!r}), Path({str(tmp_path)!r}))
        print(s.status, s.reason)
    """, timeout=30)
    assert out.stdout.startswith("quarantined") and "unpacks" in out.stdout


# ------------------------------------------------------------------ 5. odd entries, manifests

def test_5_every_odd_entry_gets_a_skipped_row_and_the_build_goes_on(fresh_db, tmp_path):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    (reports / "loop1").symlink_to("loop2")
    (reports / "loop2").symlink_to("loop1")
    (reports / "self").symlink_to("self")
    (reports / "dangling").symlink_to("nowhere.txt")
    (reports / "sub").mkdir()
    (reports / "sub" / "up").symlink_to("..")
    os.mkfifo(reports / "pipe.txt")
    for name in ("old.duckdb", "old.duckdb.wal", "old.duckdb.lock"):
        (reports / name).write_bytes(b"\x00" * 64)
    touch_report(reports)
    out = build(reports, db)
    log = last_log(db)
    for name, words in [("loop1", "loop"), ("self", "loop"), ("dangling", "dangling"),
                        ("sub/up", "folder"), ("pipe.txt", "FIFO"),
                        ("old.duckdb", "warehouse"), ("old.duckdb.wal", "warehouse"),
                        ("old.duckdb.lock", "warehouse")]:
        assert log[name][0] == "skipped" and words in log[name][1], (name, log[name])
    assert "8 quarantined" not in out.stdout and "0 quarantined" in out.stdout


def test_5_a_broken_manifest_row_is_reported_with_its_line_and_the_rest_load(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    rows = ["file,report_year", f"{REPORTS[0]},2019", 'nowhere".txt,2020',
            "huge.txt," + "x" * 200_000, f"{REPORTS[1]},2018"]
    (reports / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = build(reports, db)
    assert "manifest.csv:3: a stray" in out.stderr
    assert "manifest.csv:4:" in out.stderr
    years = dict(sql(db, "select source_file, report_year from raw.documents"))
    assert years[REPORTS[0]] == 2019 and years[REPORTS[1]] == 2018   # the row after both loads


# ------------------------------------------------------------------ 6. degrade, don't discard

def test_6_a_stray_byte_costs_only_that_byte(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    data = (reports / REPORTS[0]).read_bytes()
    cut = data.index("。".encode()) + 3
    (reports / REPORTS[0]).write_bytes(data[:cut] + b"\xff" + data[cut:])
    build(reports, db)
    status, note = last_log(db)[REPORTS[0]]
    assert status == "loaded" and f"1 byte(s) that fit no character (the first at byte {cut})" in note


def test_6_an_absurd_number_costs_only_that_number(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    text = (reports / REPORTS[1]).read_text(encoding="utf-8")
    cut = text.index("。") + 1
    absurd = "9" + ",999" * 134                       # 403 digits: past a float's range
    (reports / REPORTS[1]).write_text(text[:cut] + f"共收到来信{absurd}件。" + text[cut:],
                                      encoding="utf-8")
    build(reports, db)
    assert last_log(db)[REPORTS[1]][0] == "loaded"


# ------------------------------------------------------------------ 7. read-only query, sandbox

@pytest.mark.parametrize("statement", [
    "copy (select * from marts.facts) to '{out}/leak.csv'",
    "export database '{out}/leak'",
    "select * from read_csv('/etc/passwd')",
    # a second name for the same file gets past DuckDB's check that a file is attached once
    "attach '{alias}' as w (read_write); delete from w.raw.facts",
])
def test_7_query_is_read_only_in_fact(fresh_db, tmp_path, statement):
    db = fresh_db
    facts = sql(db, "select count(*) from raw.facts")[0][0]
    alias = db.with_name("same-file.duckdb")
    os.link(db, alias)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = lawgov("query", "--db", str(db), statement.format(out=out_dir, alias=alias), check=False)
    assert out.returncode != 0
    assert not list(out_dir.iterdir())
    assert sql(db, "select count(*) from raw.facts")[0][0] == facts


def test_7_query_allow_files_reads_but_never_writes(built_db, tmp_path):
    csv = tmp_path / "x.csv"
    csv.write_text("a\n1\n2\n")
    out = lawgov("query", "--db", str(built_db), "--allow-files",
                 f"select count(*) as n from read_csv('{csv}')")
    assert "2" in out.stdout
    for statement in (f"copy (select 1) to '{tmp_path}/y.csv'",
                      f"explain analyze copy (select 1) to '{tmp_path}/y.csv'"):
        out = lawgov("query", "--db", str(built_db), "--allow-files", statement, check=False)
        assert out.returncode != 0 and not (tmp_path / "y.csv").exists()


@pytest.fixture
def project(tmp_path) -> Path:
    folder = tmp_path / "project"
    for part in ("sql", "seeds", "macros"):
        shutil.copytree(REPO / part, folder / part)
    shutil.copy(REPO / "dbt_project.yml", folder)
    return folder


def test_7_project_templates_render_in_a_sandbox(project, tmp_path):
    marker = tmp_path / "pwned"
    model = next((project / "sql").rglob("*.sql"))
    model.write_text(model.read_text(encoding="utf-8") +
                     f"\n-- {{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n",
                     encoding="utf-8")
    out = lawgov("models", "--project", str(project), check=False)
    assert not marker.exists()
    assert out.returncode != 0


def test_7_a_data_test_may_only_select(project, fresh_db, tmp_path):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    leak = tmp_path / "leak.csv"
    macros = project / "macros" / "generic_tests.sql"
    text = macros.read_text(encoding="utf-8")
    start = text.index("{% test accepted_range")
    end = text.index("{% endtest %}", start)
    macros.write_text(text[:start] + textwrap.dedent(f"""
        {{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}}
        select 1 where false) as x; copy (select 42) to '{leak}'; select * from (select 1
        """) + text[end:], encoding="utf-8")
    touch_report(reports)
    out = build(reports, db, "--project", str(project), check=False)
    assert not leak.exists()
    assert out.returncode != 0 and "test accepted_range" in out.stderr


# ------------------------------------------------------------------ 8. CSV formulas

def test_8_csv_export_escapes_cells_a_spreadsheet_would_run(fresh_db, tmp_path):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    evil = '=HYPERLINK("x.example",1).txt'
    (reports / REPORTS[0]).rename(reports / evil)
    build(reports, db)
    lawgov("export", "--db", str(db), "--out", str(tmp_path / "csv"), "--format", "csv")
    text = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ',=HYPERLINK' not in text and '"=HYPERLINK' not in text
    lawgov("export", "--db", str(db), "--out", str(tmp_path / "pq"))
    raw = sql(db, f"select source_file from read_parquet('{tmp_path}/pq/documents.parquet')")
    assert evil in {r[0] for r in raw}


# ------------------------------------------------------------------ 9 – 14

def test_9_disk_full_while_copying_is_one_clear_message(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    touch_report(reports)
    limit = db.stat().st_size // 2

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    out = build(reports, db, check=False, preexec_fn=small_disk)
    assert out.returncode == 1
    assert "no room to write the new warehouse" in out.stderr and "Traceback" not in out.stderr
    assert not list(db.parent.glob(".build-*"))


def test_10_a_build_leaves_other_warehouses_build_areas_alone(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    running = db.parent / f".build-{db.name}-staging-{os.getpid()}-1700000000000"
    running.mkdir()
    (running / "warehouse.duckdb-staging").write_bytes(b"in use")
    stale = db.parent / f".build-{db.name}-999999-1700000000000"
    stale.mkdir()
    touch_report(reports)
    build(reports, db)
    assert running.exists() and not stale.exists()


def test_11_publish_keeps_the_warehouses_mode_owner_and_group(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    os.chmod(db, 0o600)
    group = 1 if os.geteuid() == 0 else os.getgid()        # daemon, as root
    os.chown(db, -1, group)
    touch_report(reports)
    build(reports, db)
    st = db.stat()
    assert stat.S_IMODE(st.st_mode) == 0o600 and st.st_gid == group


def _without_root_powers() -> list[str]:
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: root reads any file")
    return ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
            "--bounding-set=-dac_override,-dac_read_search", "--"]


def test_12_an_unreadable_file_does_not_make_every_build_publish(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    locked = reports / "locked.txt"
    shutil.copy(reports / REPORTS[0], locked)
    with open(locked, "a", encoding="utf-8") as f:
        f.write("另有一份。\n")
    os.chmod(locked, 0)
    cmd = _without_root_powers() + [sys.executable, "-m", "lawgov", "build", "--reports",
                                    str(reports), "--db", str(db), "--quiet"]
    first = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "published" in first.stdout and "locked.txt: cannot be read" in first.stderr
    second = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    assert second.returncode == 0 and second.stdout.startswith("nothing changed"), second.stdout


def test_12_a_folder_that_cannot_be_read_keeps_its_files_facts(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    (reports / "sub").mkdir()
    (reports / REPORTS[0]).rename(reports / "sub" / REPORTS[0])
    build(reports, db)
    facts = sql(db, "select count(*) from raw.facts")[0][0]
    (reports / "sub").chmod(0)
    try:
        cmd = _without_root_powers() + [sys.executable, "-m", "lawgov", "build", "--reports",
                                        str(reports), "--db", str(db), "--quiet"]
        out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    finally:
        (reports / "sub").chmod(0o755)
    assert out.returncode == 0, out.stderr
    assert "skipped sub: folder cannot be read" in out.stderr
    assert sql(db, "select count(*) from raw.facts")[0][0] == facts


def test_13_a_newline_in_a_file_name_keeps_ingest_log_one_row_a_line(fresh_db):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    (reports / REPORTS[0]).rename(reports / "two\nlines\t.txt")
    build(reports, db)
    out = lawgov("ingest-log", "--db", str(db))
    lines = out.stdout.splitlines()
    assert len(lines) == 1 + len(last_log(db))
    assert all(line.count("\t") == 6 for line in lines)
    assert any(line.split("\t")[1] == "two\\nlines\\t.txt" for line in lines)


def test_14_a_link_leaving_the_reports_folder_is_not_followed(fresh_db, tmp_path):
    db, reports = fresh_db, fresh_db.parent.parent / "reports"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (reports / REPORTS[0]).rename(outside / "private.txt")
    (reports / "private.txt").symlink_to(outside / "private.txt")
    build(reports, db)
    status, reason = last_log(db)["private.txt"]
    assert status == "skipped" and "outside the reports folder" in reason
    assert "private.txt" not in {r[0] for r in sql(db, "select source_file from raw.documents")}

