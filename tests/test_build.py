"""lawgov/build.py: what makes a build parse every file again."""

from __future__ import annotations


def test_only_the_parsing_stages_make_every_file_parse_again(tmp_path, monkeypatch):
    """Editing the CLI, the site or the model runner must not re-parse a national corpus;
    editing a rule or a parsing stage must."""
    import shutil

    from lawgov import build

    pkg = tmp_path / "lawgov"
    shutil.copytree(build.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build, "PACKAGE_DIR", pkg)
    before = build.code_fingerprint()
    for f in (pkg / "cli.py", pkg / "site" / "pages.py", pkg / "warehouse" / "store.py"):
        f.write_text(f.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert build.code_fingerprint() == before
    rules = pkg / "extract" / "rules" / "cues.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert build.code_fingerprint() != before


def test_a_duplicate_keeps_its_rows_out_though_its_worker_wrote_them(tmp_path):
    """Workers write every parsed file's rows to part files and the main process picks which
    files are kept: a copy parsed in the same task, in another task or in a later build must
    add no row, and no part file may outlive the build."""
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build

    reports, db = tmp_path / "reports", tmp_path / "w.duckdb"
    shutil.copytree(BUNDLED, reports)
    first = sorted(reports.glob("*.txt"))[0]
    shutil.copy(first, reports / "zz_copy_a.txt")

    def counts():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return [con.execute(f"select count(*) from raw.{t}").fetchone()[0]
                    for t in ("documents", "mentions", "facts", "fact_evidence")]
        finally:
            con.close()

    one = build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    alone = counts()
    assert one.duplicates == 1 and alone[0] == one.loaded
    shutil.copy(first, reports / "zz_copy_b.txt")          # known from the warehouse this time
    two = build(BuildOptions(reports=reports, db=db, project=REPO, workers=2))
    assert two.duplicates == 1 and counts() == alone
    assert not list(tmp_path.glob("**/*.parquet"))


def test_files_touched_but_unchanged_are_recorded_in_one_go(tmp_path):
    """Files whose bytes are the same under a new mtime (a copy, a checkout) are not parsed
    again: their new mtime is recorded, each file's own, so the next build need not hash
    them; the build updates meta.files once, not once per file (an UPDATE per file took
    715 s for 1,000 files of a 100k warehouse)."""
    import os
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build

    reports, db = tmp_path / "reports", tmp_path / "w.duckdb"
    shutil.copytree(BUNDLED, reports)
    build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    files = sorted(reports.glob("*.txt"))[:3]
    for k, f in enumerate(files):
        os.utime(f, ns=(1_700_000_000_000_000_000 + k, 1_700_000_000_000_000_000 + k))

    statements = []
    real_connect = duckdb.connect

    class Spy:
        def __init__(self, con):
            self._con = con

        def execute(self, sql, *args):
            statements.append(sql)
            return self._con.execute(sql, *args)

        def executemany(self, sql, *args):
            statements.extend([sql] * len(args[0]) if args else [sql])
            return self._con.executemany(sql, *args)

        def __getattr__(self, name):
            return getattr(self._con, name)

    from lawgov.warehouse import store

    original = store.connect
    store.connect = lambda path: (lambda con: con if isinstance(con, Spy) else Spy(con))(original(path))
    try:
        again = build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    finally:
        store.connect = original
    assert again.loaded == 0 and again.unchanged == len(list(reports.glob("*.txt")))
    assert sum("update meta.files" in s for s in statements) == 1
    con = real_connect(str(db), read_only=True)
    try:
        got = dict(con.execute("select source_file, mtime_ns from meta.files").fetchall())
    finally:
        con.close()
    assert {f.name: got[f.name] for f in files} == {f.name: f.stat().st_mtime_ns for f in files}
    assert build(BuildOptions(reports=reports, db=db, project=REPO, workers=1)).nothing_changed


def test_a_build_says_where_its_time_went(tmp_path, monkeypatch):
    """LAWGOV_BUILD_TIMINGS=path makes a build write its stages' wall and CPU time there
    (bench/national.py prints them); the summary keeps them too."""
    import json
    import shutil

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build

    reports, db, out = tmp_path / "reports", tmp_path / "w.duckdb", tmp_path / "t.json"
    shutil.copytree(BUNDLED, reports)
    monkeypatch.setenv("LAWGOV_BUILD_TIMINGS", str(out))
    summary = build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    got = json.loads(out.read_text(encoding="utf-8"))
    stages = [r["stage"] for r in got["stages"]]
    assert stages[0] == "lock, read marks" and stages[-1] == "publish"
    for stage in ("survey", "parse + load", "models: build", "models: tests"):
        assert stage in stages
    parse = next(r for r in got["stages"] if r["stage"] == "parse + load")
    assert parse["workers_cpu"] > 0 and all(r["wall"] >= 0 and r["cpu"] >= 0 for r in got["stages"])
    assert got["slowest"] and summary.stages == got["stages"]
    out.unlink()
    assert build(BuildOptions(reports=reports, db=db, project=REPO, workers=1)).nothing_changed
    assert [r["stage"] for r in json.loads(out.read_text(encoding="utf-8"))["stages"]][-1] == "nothing changed"


def test_the_parsers_parse_while_the_build_brings_its_file_level(tmp_path, monkeypatch):
    """The parser processes are started before the standby is caught up (or the published
    file copied): at 100k that takes seconds of the main process, which the parsers then
    use. The result is the same warehouse."""
    import multiprocessing
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build
    from lawgov.warehouse import store

    reports, db = tmp_path / "reports", tmp_path / "w.duckdb"
    shutil.copytree(BUNDLED, reports)
    build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    first = sorted(reports.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n附:2022年共办理行政复议案件12件。\n",
                     encoding="utf-8")
    seen = []
    fill = store.fill_area

    def spy(area, copy=True):
        seen.append(len(multiprocessing.active_children()))
        return fill(area, copy)

    monkeypatch.setattr(store, "fill_area", spy)
    summary = build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    assert summary.loaded == 1 and summary.published
    assert seen and seen[0] >= 1           # a parser was running while the file was filled
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from raw.documents").fetchone()[0] == summary.files
        assert con.execute("select count(*) from meta.files where status = 'loaded'").fetchone()[0] == summary.files
    finally:
        con.close()


def test_nothing_changed_is_seen_without_the_file_states_and_every_change_still_is(tmp_path, monkeypatch):
    """A build whose folder is as the last build left it compares one hash of every file's
    name, size, mtime and manifest row with the one the last build recorded, and reads no
    file state; names that sort, encode or split oddly must still give the same hash, and a
    touched file, a manifest row and a renamed file must each still make a build."""
    import json
    import os
    import shutil

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build

    reports, db, out = tmp_path / "reports", tmp_path / "w.duckdb", tmp_path / "t.json"
    (reports / "子目录").mkdir(parents=True)
    first, second, *rest = sorted(BUNDLED.glob("*.txt"))
    shutil.copy(first, reports / "子目录" / "法治政府 2023.txt")
    shutil.copy(second, reports / "Z\tname\nwith breaks.txt")
    for f in rest:
        shutil.copy(f, reports / f.name)
    monkeypatch.setenv("LAWGOV_BUILD_TIMINGS", str(out))

    def again() -> tuple[bool, list[str]]:
        summary = build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
        return summary.nothing_changed, [r["stage"] for r in json.loads(out.read_text(encoding="utf-8"))["stages"]]

    assert not again()[0]
    same, stages = again()
    assert same and "read previous, plan" not in stages
    os.utime(reports / rest[0].name, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert not again()[0] and again() == (True, stages)
    (reports / "manifest.csv").write_text(f"file,report_year\n{rest[1].name},2019\n", encoding="utf-8")
    assert not again()[0] and again() == (True, stages)
    (reports / rest[1].name).rename(reports / ("a" + rest[1].name))
    (reports / "manifest.csv").unlink()
    assert not again()[0] and again() == (True, stages)


def test_the_parser_writes_a_hash_of_each_documents_facts(tmp_path):
    """raw.documents.facts_hash (int_document_versions reads it instead of every raw fact) is
    set for every document and changes with its facts."""
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov.build import BuildOptions, build

    reports, db = tmp_path / "reports", tmp_path / "w.duckdb"
    shutil.copytree(BUNDLED, reports)

    def hashes() -> dict:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return dict(con.execute("select source_file, facts_hash from raw.documents").fetchall())
        finally:
            con.close()

    build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    before = hashes()
    assert len(before) == 5 and all(before.values()) and len(set(before.values())) == 5
    first = sorted(reports.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("年", "年。全年共受理行政复议案件7件。", 1),
                     encoding="utf-8")
    build(BuildOptions(reports=reports, db=db, project=REPO, workers=1))
    after = hashes()
    assert after[first.name] != before[first.name]
    assert {n: h for n, h in after.items() if n != first.name} == {n: h for n, h in before.items() if n != first.name}


def test_a_small_build_loads_its_rows_while_later_files_parse(tmp_path, monkeypatch):
    """A build of few files loads their rows a quarter at a time (at least a batch), not in
    one load after the last file has parsed; a national build keeps its large loads. The
    warehouse is the same as with one load."""
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov import build as pipeline

    assert pipeline._load_every(1_000) == pipeline.BATCH_FILES
    assert pipeline._load_every(100_000) == pipeline.LOAD_FILES

    def rows(db) -> list:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return [con.execute(f"select count(*), sum(hash(t)) from {t} as t").fetchone() for t in
                    ("raw.documents", "raw.mentions", "raw.facts", "raw.fact_evidence")] + \
                   [con.execute("select count(*) from meta.files where status = 'loaded'").fetchone()]
        finally:
            con.close()

    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    pipeline.build(pipeline.BuildOptions(reports=reports, db=tmp_path / "one.duckdb", project=REPO, workers=1))
    loads = []
    submit = pipeline.Loader.submit

    def spy(self, batch, kept, files, log):
        loads.append(len(files))
        return submit(self, batch, kept, files, log)

    monkeypatch.setattr(pipeline, "BATCH_FILES", 1)
    monkeypatch.setattr(pipeline.Loader, "submit", spy)
    summary = pipeline.build(pipeline.BuildOptions(reports=reports, db=tmp_path / "parts.duckdb",
                                                   project=REPO, workers=1))
    assert summary.loaded == 5 and loads == [2, 2, 1]
    assert rows(tmp_path / "parts.duckdb") == rows(tmp_path / "one.duckdb")


def test_a_small_build_checkpoints_its_rows_once_while_the_project_loads(tmp_path, monkeypatch):
    """A checkpoint rewrites the last row group of each table appended to, whatever was added:
    a small build holds DuckDB's automatic checkpoints while it writes its raw rows (a bounded
    WAL), checkpoints them on another thread while the model project loads, and sets the
    threshold back before the models run."""
    import shutil

    import duckdb

    from conftest import BUNDLED, REPO
    from lawgov import build as pipeline
    from lawgov.warehouse import models

    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    events = []
    load, mark, checkpoint = pipeline.Loader._load, pipeline._mark_raw, pipeline._checkpoint
    load_project, run_project = models.load_project, models.run_project
    setting = "select current_setting('checkpoint_threshold')"

    def spy_load(self, *args):
        events.append(("load", self.con.execute(setting).fetchone()[0]))
        return load(self, *args)

    def spy_mark(con, *args):
        events.append(("mark", con.execute(setting).fetchone()[0]))
        return mark(con, *args)

    def spy_checkpoint(con):
        events.append(("checkpoint", con.execute(setting).fetchone()[0]))
        return checkpoint(con)

    def spy_project(*args):
        events.append(("project", None))
        return load_project(*args)

    def spy_run(con, *args, **kw):
        events.append(("run", con.execute(setting).fetchone()[0]))
        return run_project(con, *args, **kw)

    monkeypatch.setattr(pipeline.Loader, "_load", spy_load)
    monkeypatch.setattr(pipeline, "_mark_raw", spy_mark)
    monkeypatch.setattr(pipeline, "_checkpoint", spy_checkpoint)
    monkeypatch.setattr(models, "load_project", spy_project)
    monkeypatch.setattr(models, "run_project", spy_run)
    pipeline.build(pipeline.BuildOptions(reports=reports, db=tmp_path / "w.duckdb", project=REPO, workers=1))
    shown = duckdb.connect()
    usual = shown.execute(setting).fetchone()[0]
    shown.execute(f"set checkpoint_threshold = '{pipeline.WAL_WHILE_LOADING}'")
    held = shown.execute(setting).fetchone()[0]
    assert held != usual
    kinds = [k for k, _ in events]
    assert kinds[-4] == "mark" and {kinds[-3], kinds[-2]} == {"checkpoint", "project"} and kinds[-1] == "run"
    assert set(kinds[:-4]) == {"load"}                # the two threads: either may record first
    assert [v for k, v in events if k != "project"] == [held] * (len(events) - 2) + [usual]
    assert pipeline._load_every(100_000) == pipeline.LOAD_FILES     # a national build keeps DuckDB's threshold
