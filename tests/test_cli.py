"""The command as a new user meets it, in real processes: mistakes refused before any work
with one line naming the absolute path and what to do, settings from lawgov.toml and the
environment, progress a person can read, every statement's result, every option documented.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUNDLED, REPO

pytestmark = pytest.mark.slow


def run(*args: str, cwd: Path = REPO, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m lawgov ARGS` in ``cwd``, with no LAWGOV_* from the outer environment."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LAWGOV_")}
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "lawgov", *args], cwd=cwd, env=environ,
                          capture_output=True, text=True, timeout=timeout)


def one_line_error(proc: subprocess.CompletedProcess) -> str:
    """The failure a user sees: a non-zero exit and one line on stderr, no traceback."""
    assert proc.returncode != 0, proc.stdout
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def copy_project(dest: Path) -> Path:
    for name in ("sql", "seeds", "macros"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copyfile(REPO / "dbt_project.yml", dest / "dbt_project.yml")
    return dest


# --- the table, row by row -------------------------------------------------------

@pytest.mark.parametrize("stem", ["seeds", "raw", "meta", "staging", "intermediate", "marts"])
def test_a_warehouse_named_after_a_schema_is_refused_before_parsing_with_a_name_that_works(tmp_path, stem):
    db = tmp_path / f"{stem}.duckdb"
    started = time.monotonic()
    line = one_line_error(run("build", "--reports", str(BUNDLED), "--db", str(db)))
    assert f"lawgov-{stem}.duckdb" in line and "ambiguous" in line
    assert str(db) in line
    assert time.monotonic() - started < 20 and not db.exists()
    assert not list(tmp_path.glob(".build-*"))


def test_db_pointing_at_a_folder_is_refused_up_front(tmp_path):
    line = one_line_error(run("build", "--reports", str(BUNDLED), "--db", str(tmp_path)))
    assert f"{tmp_path} is a folder" in line and "warehouse.duckdb" in line
    assert not list(tmp_path.iterdir())


def test_reports_that_is_a_file_says_so(tmp_path):
    line = one_line_error(run("build", "--reports", "README.md", "--db", str(tmp_path / "w.duckdb")))
    assert f"{REPO / 'README.md'} is a file, not a folder" in line


def test_query_from_another_folder_finds_the_warehouse_set_in_lawgov_toml(tmp_path, built_db):
    (tmp_path / "wh").mkdir()
    shutil.copyfile(built_db, tmp_path / "wh" / "warehouse.duckdb")
    (tmp_path / "lawgov.toml").write_text('db = "wh/warehouse.duckdb"\n', encoding="utf-8")
    elsewhere = tmp_path / "notes" / "2026"
    elsewhere.mkdir(parents=True)
    proc = run("query", "select count(*) as n from marts.documents", cwd=elsewhere)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"\b5\b", proc.stdout)
    shown = run("config", cwd=elsewhere).stdout
    assert f"{tmp_path / 'wh' / 'warehouse.duckdb'}  (lawgov.toml:1)" in shown


def test_a_missing_warehouse_is_named_by_its_absolute_path(tmp_path):
    line = one_line_error(run("query", "select 1", "--db", "nowhere/w.duckdb", cwd=tmp_path))
    assert str(tmp_path / "nowhere" / "w.duckdb") in line and "lawgov build" in line


def test_build_from_another_folder_with_lawgov_db_builds_where_the_user_asked(tmp_path):
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "wanted" / "warehouse.duckdb"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = run("build", "--quiet", cwd=elsewhere, env={"LAWGOV_DB": str(db), "LAWGOV_REPORTS": str(reports)})
    assert proc.returncode == 0, proc.stderr
    assert db.exists() and f"published {db}" in proc.stdout
    assert not (elsewhere / "data").exists()
    shown = run("config", cwd=elsewhere, env={"LAWGOV_DB": str(db)}).stdout
    assert f"{db}  (LAWGOV_DB)" in shown


def test_options_beat_the_environment_which_beats_lawgov_toml(tmp_path):
    (tmp_path / "lawgov.toml").write_text('db = "from-file.duckdb"\nreports = "r"\nworkers = 2\n',
                                          encoding="utf-8")
    shown = run("config", cwd=tmp_path, env={"LAWGOV_DB": str(tmp_path / "from-env.duckdb")}).stdout
    assert f"{tmp_path / 'from-env.duckdb'}  (LAWGOV_DB)" in shown
    assert f"{tmp_path / 'r'}  (lawgov.toml:2)" in shown
    assert "workers       2  (lawgov.toml:3)" in shown


def test_a_second_build_says_whose_build_it_waits_for(fresh_db):
    from filelock import FileLock

    reports = fresh_db.parent.parent / "reports"
    with FileLock(str(fresh_db) + ".lock"):
        proc = run("build", "--reports", str(reports), "--db", str(fresh_db), "--wait", "1", "--quiet")
    assert proc.returncode != 0
    assert re.search(rf"waiting for the build of pid {os.getpid()}, started \d\d:\d\d:\d\d", proc.stderr), proc.stderr


def test_progress_names_stages_and_counts_seeds_models_and_tests_apart(fresh_db, tmp_path):
    reports = fresh_db.parent.parent / "reports"
    proc = run("build", "--reports", str(reports), "--db", str(fresh_db), "--full-refresh")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"^parsing reports: 5/5 files, [\d.]+/s", proc.stderr, re.M), proc.stderr
    n = len(list((REPO / "seeds").glob("*.csv")))
    m = len(list((REPO / "sql").rglob("*.sql")))
    assert re.search(rf"^loading seeds: {n}/{n} seeds", proc.stderr, re.M)
    assert re.search(rf"^building models: {m}/{m} models", proc.stderr, re.M)
    assert re.search(r"^running data tests: (\d+)/\1 tests", proc.stderr, re.M)
    assert f"models: {m} rebuilt, 0 skipped" in proc.stdout and "rebuilt (full refresh):" in proc.stdout
    assert f"seeds: {n} loaded" in proc.stdout
    quiet = run("build", "--reports", str(reports), "--db", str(fresh_db), "--full-refresh", "--quiet")
    assert quiet.returncode == 0, quiet.stderr
    assert [line.split(":")[0] for line in quiet.stderr.splitlines()] == [
        "parsing reports", "loading seeds", "building models", "running data tests"]


def test_the_summary_says_which_models_were_rebuilt_and_why(fresh_db, tmp_path):
    reports = fresh_db.parent.parent / "reports"
    project = copy_project(tmp_path / "project")
    base = ["build", "--reports", str(reports), "--db", str(fresh_db), "--project", str(project), "--quiet"]
    assert run(*base).returncode == 0
    panel = project / "sql" / "marts" / "indicator_panel.sql"
    panel.write_text(panel.read_text(encoding="utf-8") + "\n-- a comment changes nothing\n", encoding="utf-8")
    indicators = project / "seeds" / "indicators.csv"
    indicators.write_text(indicators.read_text(encoding="utf-8").rstrip("\n") + "。\n", encoding="utf-8")
    facts = project / "sql" / "marts" / "facts.sql"
    facts.write_text(facts.read_text(encoding="utf-8").replace("select", "select distinct", 1), encoding="utf-8")
    proc = run(*base)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"rebuilt \(changed SQL\): marts\.facts$", proc.stdout, re.M), proc.stdout
    assert re.search(r"rebuilt \(changed upstream: [^)]*marts\.facts[^)]*\): .*intermediate\.int_indicator_values",
                     proc.stdout), proc.stdout
    assert "marts.indicator_panel" not in proc.stdout.split("changed SQL")[1].splitlines()[0]
    assert re.search(r"rebuilt \(changed seed: seeds\.indicators\): staging\.stg_indicators", proc.stdout)
    assert re.search(r"models: \d+ rebuilt, \d+ skipped \(unchanged\)", proc.stdout)
    with open(reports / "new-report.txt", "w", encoding="utf-8") as f:
        f.write((reports / sorted(p.name for p in reports.glob("*.txt"))[0]).read_text(encoding="utf-8")
                .replace("2022", "2021"))
    proc = run(*base)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"rebuilt \(new data\): .*staging\.stg_documents", proc.stdout), proc.stdout


def test_a_singular_test_in_test_paths_is_run(fresh_db, tmp_path):
    reports = fresh_db.parent.parent / "reports"
    project = copy_project(tmp_path / "project")
    tests = project / "sql_tests"
    tests.mkdir()
    (tests / "rates_are_percentages.sql").write_text(
        "select * from {{ ref('court_appearance_rate') }} where rate < 0 or rate > 100\n", encoding="utf-8")
    base = ["build", "--reports", str(reports), "--db", str(fresh_db), "--project", str(project), "--quiet"]
    passed = run(*base)
    assert passed.returncode == 0, passed.stderr
    baseline = run("build", "--reports", str(reports), "--db", str(tmp_path / "w.duckdb"), "--quiet")
    count = lambda p: int(re.search(r"tests: (\d+) passed", p.stdout).group(1))   # noqa: E731
    assert count(passed) == count(baseline) + 1
    (tests / "no_facts_at_all.sql").write_text("-- fails: the warehouse has facts\nselect * from "
                                               "{{ ref('facts') }}\n", encoding="utf-8")
    failed = run(*base, "--full-refresh")        # the stages ran: their lines come first, then the error
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    errors = [line for line in failed.stderr.splitlines() if line.startswith("lawgov:")]
    assert len(errors) == 1 and failed.stderr.rstrip().endswith(errors[0])
    assert "sql_tests/no_facts_at_all.sql" in errors[0] and "nothing published" in errors[0]
    (tests / "no_facts_at_all.sql").write_text("{{ config(severity='warn') }}\nselect * from {{ ref('facts') }}\n",
                                               encoding="utf-8")
    warned = run(*base)
    assert warned.returncode == 0, warned.stderr
    assert f"tests: {count(baseline) + 1} passed, 1 warned" in warned.stdout


def test_a_singular_test_that_does_not_parse_refuses_the_project(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "sql_tests").mkdir()
    (project / "sql_tests" / "broken.sql").write_text("select from where (\n", encoding="utf-8")
    line = one_line_error(run("models", "--project", str(project)))
    assert "sql_tests/broken.sql" in line and "does not parse" in line


def test_export_into_a_file_is_one_line(built_db, tmp_path):
    target = tmp_path / "exported.csv"
    target.write_text("keep me", encoding="utf-8")
    line = one_line_error(run("export", "--db", str(built_db), "--out", str(target), "--format", "csv"))
    assert f"{target} is a file, not a folder" in line
    assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("content, says", [
    ('{"kind": "fact", "doc": "a.txt"\n', ":1: not a JSON object"),
    ('{"kind": "document", "doc": "a.txt", "region_code": "1", "level": "city", "report_year": 2022}\n'
     '{"kind": "fact", "doc": "a.txt", "indicator": "x"}\n', ":2: a fact line needs value"),
    ('[1, 2]\n', ':1: each line is a JSON object with "kind"'),
])
def test_eval_with_a_malformed_gold_file_is_one_line(built_db, tmp_path, content, says):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    line = one_line_error(run("eval", "--gold", str(gold), "--db", str(built_db)))
    assert f"{gold}{says}" in line


@pytest.mark.parametrize("edit, says", [
    (("+materialized: table", "+materialized: ephemeral"), "lawgov builds table, view or incremental"),
    (('model-paths: ["sql"]', 'model-paths: "sql"'), "model-paths must be a list of folders"),
    (("vars:", "on-run-start: [\"select 1\"]\nvars:"), "on-run-start: lawgov's runner does not carry out"),
])
def test_models_with_an_unsupported_setting_is_one_line(tmp_path, edit, says):
    project = copy_project(tmp_path / "project")
    cfg = project / "dbt_project.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    line = one_line_error(run("models", "--project", str(project)))
    assert says in line


def test_query_prints_every_statements_result(built_db):
    proc = run("query", "select 41 + 1 as answer; select count(*) as documents from marts.documents",
               "--db", str(built_db))
    assert proc.returncode == 0, proc.stderr
    assert "answer" in proc.stdout and "42" in proc.stdout
    assert "documents" in proc.stdout and re.search(r"^\s*5$", proc.stdout, re.M)


@pytest.mark.parametrize("fmt, expected", [
    ("CSV", "n,region\n1,岭东区"),
    ("json", '"region": "岭东区"'),
    ("Markdown", "| n | region |\n|---|---|\n| 1 | 岭东区 |"),
    ("table", "岭东区"),
])
def test_query_formats_are_case_insensitive(built_db, fmt, expected):
    proc = run("query", "select 1 as n, '岭东区' as region", "--db", str(built_db), "--format", fmt)
    assert proc.returncode == 0, proc.stderr
    assert expected in proc.stdout


def test_query_json_reads_back(built_db):
    import json

    proc = run("query", "select region_name, year from marts.facts order by 1, 2 limit 3", "--db",
               str(built_db), "--format", "json")
    assert [set(row) for row in json.loads(proc.stdout)] == [{"region_name", "year"}] * 3


def test_negative_workers_are_refused():
    line = one_line_error(run("build", "--workers", "-1"))
    assert "--workers" in line and "-1" in line


# --- every command, bad input ------------------------------------------------------------

BAD_INPUT = [
    ("build", "--reports", "README.md"),
    ("build", "--db", "data"),
    ("build", "--workers", "many"),
    ("build", "--wait", "-5"),
    ("build", "--project", "README.md"),
    ("query", "selec 1", "--db", "{db}"),
    ("query", "select 1", "--db", "{tmp}/missing.duckdb"),
    ("query", "select 1", "--db", "{db}", "--format", "xml"),
    ("query", "select 1", "--db", "{db}", "--max-rows", "0"),
    ("query", "create table marts.x (a int)", "--db", "{db}"),
    ("export", "--db", "{db}", "--out", "README.md"),
    ("export", "--db", "{db}", "--out", "{tmp}/x", "--format", "xml"),
    ("export", "--db", "{tmp}"),
    ("ingest-log", "--db", "{tmp}/missing.duckdb"),
    ("ingest-log", "--db", "README.md"),
    ("models", "--project", "{tmp}"),
    ("lineage", "no_such_model"),
    ("lineage", "facts", "--project", "README.md"),
    ("eval", "--gold", "{tmp}/missing.jsonl"),
    ("eval", "--gold", "README.md", "--db", "{db}"),
    ("no-such-command",),
    ("build", "--no-such-option"),
]


@pytest.mark.parametrize("args", BAD_INPUT, ids=[" ".join(a) for a in BAD_INPUT])
def test_every_command_with_bad_input_says_one_line(args, built_db, tmp_path):
    args = [a.format(db=built_db, tmp=tmp_path) for a in args]
    one_line_error(run(*args))


def test_a_malformed_lawgov_toml_is_one_line_with_its_line(tmp_path):
    (tmp_path / "lawgov.toml").write_text('db = "w.duckdb"\nworkers = "two"\n', encoding="utf-8")
    line = one_line_error(run("config", cwd=tmp_path))
    assert f"{tmp_path / 'lawgov.toml'}:2" in line and "workers" in line
    (tmp_path / "lawgov.toml").write_text('db = "w.duckdb"\nwhere = 3\n', encoding="utf-8")
    assert "unknown setting 'where'" in one_line_error(run("query", "select 1", cwd=tmp_path))
    (tmp_path / "lawgov.toml").write_text('db = \n', encoding="utf-8")
    assert "not valid TOML" in one_line_error(run("build", cwd=tmp_path))


def test_an_unknown_limit_is_refused_with_what_the_build_takes(tmp_path):
    (tmp_path / "lawgov.toml").write_text(f'project = "{REPO}"\n[limits]\nfile_seconds_typo = 60\n',
                                          encoding="utf-8")
    line = one_line_error(run("build", "--reports", str(BUNDLED), cwd=tmp_path))
    assert "file_seconds_typo (lawgov.toml:3)" in line and str(tmp_path / "lawgov.toml") in line


def test_debug_shows_the_traceback(tmp_path):
    proc = run("--debug", "query", "select 1", "--db", str(tmp_path / "missing.duckdb"))
    assert proc.returncode != 0 and "Traceback" in proc.stderr


# --- documentation -----------------------------------------------------------------------

def commands() -> list[str]:
    from lawgov.cli import main

    return sorted(main.commands)


def test_every_option_of_every_command_is_documented():
    """As sqlite-utils does: each option a command's --help shows is in the README (or in
    `lawgov --help`), so the README is a full reference."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    top = run("--help").stdout
    missing = []
    for name in commands():
        proc = run(name, "--help")
        assert proc.returncode == 0, proc.stderr
        for option in set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", proc.stdout)):
            if option not in readme and option not in top:
                missing.append(f"lawgov {name} {option}")
        if f"lawgov {name}" not in readme:
            missing.append(f"lawgov {name}")
    assert not missing, f"not in README.md: {', '.join(sorted(missing))}"


def test_help_is_fast():
    started = time.monotonic()
    assert run("--help").returncode == 0
    assert time.monotonic() - started < 5
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "lawgov", "--help"],
                          capture_output=True, text=True, cwd=REPO)
    heavy = [m for m in ("duckdb", "polars", "tqdm", "sqlglot") if re.search(rf"\|\s+{m}$", proc.stderr, re.M)]
    assert not heavy, f"lawgov --help imports {heavy}"


# --- the progress display itself -----------------------------------------------------------

def test_progress_lines_give_rate_and_time_left():
    from lawgov.progress import Progress

    assert Progress.line("parse", 50, 100, 10.0) == "parsing reports: 50/100 files, 5.0/s, 0:00:10 left"
    assert Progress.line("models", 17, 17, 2.0) == "building models: 17/17 models, 8.5/s, 2.0 s"


def test_progress_on_a_terminal_draws_bars_with_rate_and_eta():
    from lawgov.progress import Progress

    out = io.StringIO()
    show = Progress(out, live=True)
    show("parse", 0, 4)
    show("parse", 4, 4)
    show("models", 0, 2)
    show("models", 2, 2)
    show.close()
    text = out.getvalue()
    assert "parsing reports" in text and "4/4" in text and "files/s" in text
    assert "building models" in text and "2/2" in text


# --- what a review of the merged commands found ------------------------------------------

@pytest.mark.parametrize("command", [["query", "select 1"], ["export", "--out", "OUT"], ["ingest-log"],
                                     ["site", "--out", "OUT"], ["eval", "--gold", "GOLD"]])
def test_a_file_that_is_no_warehouse_is_one_line_for_every_reader(tmp_path, command):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a warehouse\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    args = [str(tmp_path / "out") if a == "OUT" else str(gold) if a == "GOLD" else a for a in command]
    line = one_line_error(run(*args, "--db", str(bogus)))
    assert str(bogus) in line and "cannot be opened as a warehouse" in line, line


def test_site_never_replaces_a_folder_that_is_not_a_site(built_db, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.html").write_text("<p>my own pages</p>", encoding="utf-8")
    line = one_line_error(run("site", "--db", str(built_db), "--out", str(docs)))
    assert "not a lawgov site" in line
    assert (docs / "index.html").read_text(encoding="utf-8") == "<p>my own pages</p>"
    assert run("site", "--db", str(built_db), "--out", str(tmp_path / "site")).returncode == 0
    assert run("site", "--db", str(built_db), "--out", str(tmp_path / "site")).returncode == 0   # replaced


@pytest.mark.parametrize("limits, problem", [('parse_timeout = "60"', "parse_timeout must be a number"),
                                             ("parse_memory_mb = -5", "parse_memory_mb must be a number")])
def test_limits_in_lawgov_toml_are_checked_like_the_options(tmp_path, limits, problem):
    shutil.copyfile(REPO / "dbt_project.yml", tmp_path / "dbt_project.yml")
    (tmp_path / "lawgov.toml").write_text(f"[limits]\n{limits}\n", encoding="utf-8")
    line = one_line_error(run("config", cwd=tmp_path))
    assert problem in line and "lawgov.toml:2" in line, line
