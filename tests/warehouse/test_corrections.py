"""Hand corrections (corrections.csv): read with file:line errors, applied in SQL on every
build, by lawgov's runner and by dbt alike, and never dropped silently."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from conftest import REPO, lawgov
from lawgov.warehouse import corrections

HEADER = ",".join(corrections.COLUMNS) + "\n"


def write(path: Path, *rows: str) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_bad_rows_are_reported_with_file_and_line_and_skipped(tmp_path):
    path = write(
        tmp_path / "corrections.csv",
        "retract,a.txt,litigation.cases,54,10,12,,,,,,,not a fact,ann,2026-01-02",
        "set,a.txt,litigation.cases,54,10,12,,,abc,,,,typo,ann,",
        "set,a.txt,litigation.cases,54,10,12,,,,,,,nothing to set,ann,",
        "frob,a.txt,litigation.cases,54,10,12,,,,,,,?,ann,",
        "add,a.txt,,9,,,纠错9件,reconsideration.corrected,9,件,2022,all,missed,ann,",
        "add,a.txt,,7,,,纠错9件,reconsideration.corrected,7,件,,,number not in sentence,ann,",
        "set,a.txt,litigation.cases,54,10,12,,no.such.code,,,,,bad code,ann,",
        "retract,a.txt,litigation.cases,54,10,12,,,,,,,not a fact,ann,2026-01-02",
    )
    good, errors = corrections.read_corrections(path, {"litigation.cases", "reconsideration.corrected"})
    assert [(c.line, c.action) for c in good] == [(2, "retract"), (6, "add")]
    assert good[1].value == 9.0 and good[1].year == 2022 and good[1].evidence == "纠错9件"
    where = [(e.file, e.line) for e in errors]
    assert where == [(str(path), n) for n in (3, 4, 5, 7, 8, 9)]
    text = [str(e) for e in errors]
    assert f"{path}:3: value 'abc' is not a number" in text[0]
    assert "set changes nothing" in text[1]
    assert "action 'frob'" in text[2]
    assert "not in the evidence sentence" in text[3]
    assert "not in the indicator catalogue" in text[4]
    assert "the same correction as line 2" in text[5]


def test_a_missing_column_is_reported_at_line_1(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("action,source_file\nretract,a.txt\n", encoding="utf-8")
    good, errors = corrections.read_corrections(path)
    assert good == [] and errors[0].line == 1 and "number_text" in errors[0].message


def test_append_writes_a_header_once_and_refuses_a_repeat(tmp_path):
    path = tmp_path / "corrections.csv"
    fix = corrections.parse_row({"action": "retract", "source_file": "a.txt", "fact_indicator": "x",
                                 "number_text": "5", "evidence": "共5件", "reason": "r"}, 0)
    other = corrections.parse_row({"action": "set", "source_file": "a.txt", "fact_indicator": "x",
                                   "number_text": "5", "evidence": "共5件", "value": "6", "reason": "r"}, 0)
    corrections.append(path, fix)
    corrections.append(path, other)
    with pytest.raises(corrections.CorrectionError) as e:
        corrections.append(path, fix)
    assert e.value.line == 2
    good, errors = corrections.read_corrections(path)
    assert [c.action for c in good] == ["retract", "set"] and not errors
    assert path.read_text(encoding="utf-8").count("action,source_file") == 1


# ------------------------------------------------------------------ end to end, real processes

def facts(db: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0]: r[1:] for r in con.execute(
            "select fact_id, indicator, value, year, scope, origin, correction_reason, span_start, span_end "
            "from marts.facts").fetchall()}
    finally:
        con.close()


def pick(db: Path) -> tuple[str, str]:
    """Two extracted facts of the bundled reports: one to set, one to retract."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("select fact_id from marts.facts where not derived and unit = '件' "
                           "order by fact_id limit 2").fetchall()
    finally:
        con.close()
    return rows[0][0], rows[1][0]


def add_row(db: Path) -> tuple[str, str]:
    """A corrections row that adds a fact: a number of a bundled report no fact stands on."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        source_file, number, sentence = con.execute(
            "select d.source_file, m.number_text, m.sentence from raw.mentions m "
            "join raw.documents d using (doc_id) "
            "where m.indicator is null and m.unit = '件' and m.kind = 'level' "
            "and strpos(m.sentence, m.number_text) > 0 and m.sentence not like '%\"%' "
            "and m.sentence not like '%,%' order by m.mention_id limit 1").fetchone()
    finally:
        con.close()
    return source_file, (f"add,{source_file},,{number},,,{sentence},litigation.cases,{number},件,"
                         f"2022,all,the extractor missed it,ann,2026-11-29")


@pytest.mark.slow
def test_set_retract_and_add_survive_rebuilds_and_a_full_refresh(fresh_db, tmp_path):
    reports = tmp_path / "reports"
    to_set, to_retract = pick(fresh_db)
    before = facts(fresh_db)
    lawgov("correct", to_set, "--set-value", "4321", "--set-year", "2020", "--reason", "misread",
           "--db", str(fresh_db), "--reports", str(reports))
    out = lawgov("correct", to_retract, "--retract", "--reason", "not a count", "--by", "ann",
                 "--db", str(fresh_db), "--reports", str(reports)).stdout
    assert "the next `lawgov build` applies it" in out
    source_file, row = add_row(fresh_db)
    with (reports / "corrections.csv").open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    lawgov("correct", "--check", "--reports", str(reports))

    def check(db: Path) -> None:
        now = facts(db)
        assert now[to_set][1:5] == (4321.0, 2020, before[to_set][3], "corrected")
        assert now[to_set][5] == "misread"
        assert to_retract not in now
        added = [v for v in now.values() if v[4] == "added"]
        assert len(added) == 1 and added[0][:2] == ("litigation.cases", float(row.split(",")[8]))
        assert added[0][5] == "the extractor missed it" and added[0][6] is not None
        assert sum(v[4] == "extracted" for v in now.values()) == len(before) - 2

    build = ("build", "--reports", str(reports), "--db", str(fresh_db), "--quiet")
    first = lawgov(*build)
    assert "published" in first.stdout           # a changed corrections file re-runs the models…
    assert "0 loaded" in first.stdout             # …without re-parsing a report
    check(fresh_db)
    report = reports / source_file               # a re-parse of the corrected report
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = lawgov(*build)
    assert "1 loaded" in second.stdout
    check(fresh_db)
    lawgov(*build, "--full-refresh")
    check(fresh_db)


@pytest.mark.slow
def test_stale_and_malformed_corrections_are_reported_and_the_build_publishes(fresh_db, tmp_path):
    reports = tmp_path / "reports"
    write(reports / "corrections.csv",
          "retract,gone.txt,litigation.cases,54,10,12,,,,,,,the file left,ann,2026-11-29",
          "set,gone.txt,litigation.cases,54,10,12,,,12x,,,,typo,ann,")
    done = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--quiet")
    assert "published" in done.stdout
    assert f"{reports / 'corrections.csv'}:3: value '12x' is not a number" in done.stderr
    assert f"{reports / 'corrections.csv'}:2: stale correction" in done.stderr
    con = duckdb.connect(str(fresh_db), read_only=True)
    try:
        rows = con.execute("select severity, detail from marts.data_quality "
                           "where problem = 'stale_correction'").fetchall()
    finally:
        con.close()
    assert len(rows) == 1 and rows[0][0] == "warning"
    assert "line 2" in rows[0][1] and "gone.txt" in rows[0][1]
    again = lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--quiet")
    assert "nothing changed" in again.stdout and "stale correction" in again.stderr   # until it is fixed


@pytest.mark.slow
def test_dbt_build_applies_the_same_corrections(fresh_db, tmp_path):
    pytest.importorskip("dbt.adapters.duckdb", reason="dbt-duckdb is not installed (pip install -e '.[test]')")
    from test_dbt import dbt_executable

    exe = dbt_executable()
    if exe is None:
        pytest.skip("the dbt command is not on PATH (pip install -e '.[test]')")
    reports = tmp_path / "reports"
    to_set, to_retract = pick(fresh_db)
    lawgov("correct", to_set, "--set-value", "4321", "--reason", "misread",
           "--db", str(fresh_db), "--reports", str(reports))
    lawgov("correct", to_retract, "--retract", "--reason", "not a count",
           "--db", str(fresh_db), "--reports", str(reports))
    _, row = add_row(fresh_db)
    with (reports / "corrections.csv").open("a", encoding="utf-8") as f:
        f.write(row + "\n")
    lawgov("build", "--reports", str(reports), "--db", str(fresh_db), "--quiet")

    proj = tmp_path / "proj"
    for d in ("sql", "macros", "seeds"):
        shutil.copytree(REPO / d, proj / d)
    for f in ("dbt_project.yml", "profiles.yml"):
        shutil.copy(REPO / f, proj / f)
    theirs = tmp_path / "dbt.duckdb"
    shutil.copyfile(fresh_db, theirs)
    env = dict(os.environ, DBT_PROFILES_DIR=str(proj), LAWGOV_DB=str(theirs),
               DBT_SEND_ANONYMOUS_USAGE_STATS="false", DBT_USE_COLORS="false")
    done = subprocess.run([exe, "build", "--no-partial-parse"], cwd=proj, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    ours, dbt = facts(fresh_db), facts(theirs)
    assert ours == dbt
    assert {v[4] for v in dbt.values()} == {"extracted", "corrected", "added"}
