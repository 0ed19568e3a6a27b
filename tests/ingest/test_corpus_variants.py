"""Ingest as governments publish: every format yields the plain text's facts, every bad file
is accounted for, and rebuilds parse only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import BUNDLED, lawgov
from corpus_factory import VARIANTS, build_corpus
from lawgov.build import parse_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("corpus") / "reports")


def fact_set(path: Path, root: Path) -> set[tuple]:
    out = parse_file(path, root, None)
    return {(f["indicator"], f["value"], f["unit"], f["qualifier"], f["year"], f["scope"])
            for f in out["facts"]}


def test_every_good_variant_yields_the_plain_texts_facts(corpus):
    plain = {f.report: fact_set(corpus.root / f.name, corpus.root)
             for f in corpus.files if f.variant == "plain"}
    assert all(plain.values())
    checked = 0
    for f in corpus.files:
        if f.variant in VARIANTS and f.variant != "plain":
            assert fact_set(corpus.root / f.name, corpus.root) == plain[f.report], f.name
            checked += 1
    assert checked == 4 * len(plain)


def log_rows(db: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""select source_file, status, reason, facts from meta.ingest_log
                              where build_id = (select max(build_id) from meta.ingest_log)""").fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


def test_build_over_published_kinds_accounts_for_every_file(corpus, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    proc = lawgov("build", "--reports", str(corpus.root), "--db", str(db), "--quiet")
    assert "published" in proc.stdout and "quarantined" in proc.stdout
    log = log_rows(db)
    assert set(log) == {f.name for f in corpus.files}
    for f in corpus.files:
        status, reason, facts = log[f.name]
        if f.status == "quarantined":
            assert status == "quarantined" and reason, f.name
            assert f.reason is None or f.reason.lower() in reason.lower(), (f.name, reason)
            assert f.name in proc.stderr
        else:
            assert status == "loaded" or status.startswith("duplicate_of"), (f.name, status)
    loaded = [n for n, (status, _, _) in log.items() if status == "loaded"]
    assert len(loaded) == len(corpus.texts), "each report once; its other versions are duplicates"
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from marts.documents").fetchone()[0] == len(corpus.texts)
    con.close()


def test_rebuild_parses_only_the_changed_file_and_drops_a_removed_ones_facts(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "warehouse.duckdb"
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    names = sorted(p.name for p in reports.glob("*.txt"))

    changed = reports / names[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n全年共受理行政复议案件12件。\n", encoding="utf-8")
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    log = log_rows(db)
    assert log[names[0]][0] == "loaded"
    assert {log[n][0] for n in names[1:]} == {"unchanged"}

    (reports / names[1]).unlink()
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    con = duckdb.connect(str(db), read_only=True)
    left = {r[0] for r in con.execute("select distinct source_file from marts.facts").fetchall()}
    added = con.execute("select count(*) from marts.facts where source_file = ? and indicator = "
                        "'reconsideration.accepted' and value = 12", [names[0]]).fetchone()[0]
    con.close()
    assert names[1] not in left and names[0] in left
    assert added == 1


def test_touched_but_unchanged_file_is_not_parsed_again(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "warehouse.duckdb"
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    first = sorted(reports.glob("*.txt"))[0]
    first.touch()
    proc = lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    assert "0 loaded, 5 unchanged" in proc.stdout          # its new mtime is recorded, not parsed
    assert log_rows(db)[first.name][0] == "unchanged"
    proc = lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    assert "nothing changed" in proc.stdout


def test_a_file_that_kills_its_parser_is_quarantined_and_the_build_goes_on(tmp_path, monkeypatch):
    import os

    from lawgov.ingest import sources
    from lawgov.build import BuildOptions, build

    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    (reports / "crash-me.txt").write_text("2022年共受理行政复议案件5件。", encoding="utf-8")
    real = sources.read_source

    def dying(path, root, **kw):                      # forked workers inherit the patch
        if path.name == "crash-me.txt":
            os._exit(3)
        return real(path, root, **kw)

    monkeypatch.setattr(sources, "read_source", dying)
    db = tmp_path / "warehouse.duckdb"
    from conftest import REPO

    summary = build(BuildOptions(reports=reports, db=db, project=REPO, workers=2))
    assert summary.published and summary.loaded == 5 and summary.quarantined == 1
    status, reason, _ = log_rows(db)["crash-me.txt"]
    assert status == "quarantined" and "process died" in reason


def test_an_unreadable_published_file_is_replaced_with_a_message(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "warehouse.duckdb"
    db.write_bytes(b"not a duckdb file" * 100)
    proc = lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    assert "could not be read" in proc.stderr and "published" in proc.stdout
    assert len(log_rows(db)) == 5


def test_a_changed_manifest_row_reparses_only_its_file(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "warehouse.duckdb"
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    first = sorted(p.name for p in reports.glob("*.txt"))[0]
    (reports / "manifest.csv").write_text(f"file,report_year\n{first},2020\n", encoding="utf-8")
    lawgov("build", "--reports", str(reports), "--db", str(db), "--quiet")
    log = log_rows(db)
    assert log[first][0] == "loaded"
    assert {status for name, (status, _, _) in log.items() if name != first} == {"unchanged"}
