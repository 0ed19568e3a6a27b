"""The ``lawgov`` command: a thin layer over the library.

Each command settles its paths and options first (lawgov/config.py: lawgov.toml, then
LAWGOV_DB / LAWGOV_REPORTS, then the options) and checks them before any work starts, so a
mistake costs a second, not a build. Every error reaches the user as one line on stderr
(``lawgov --debug …`` shows the traceback). Heavy imports happen inside the command that
needs them so ``lawgov --help`` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEBUG_FLAG = "--debug"


def say_error(message: str) -> None:
    """One line on stderr, whatever the message holds."""
    line = " ".join(part.strip() for part in str(message).splitlines() if part.strip())
    click.secho(f"lawgov: {line}", fg="red", err=True)


class LawgovGroup(click.Group):
    """Runs a command and turns every failure into one line and an exit code: a usage mistake
    exits 2, a LawgovError 1 (or its own exit_code), anything else 1 as an internal error."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        argv = list(sys.argv[1:] if args is None else args)
        debug = DEBUG_FLAG in argv
        try:
            code = super().main(argv, prog_name or "lawgov", complete_var, standalone_mode=False, **extra)
        except click.ClickException as e:
            if type(e).__name__ == "NoArgsIsHelpError":        # bare `lawgov`: the help, as asked
                click.echo(e.format_message())
                sys.exit(0)
            hint = f" (see `{e.ctx.command_path} --help`)" if getattr(e, "ctx", None) else ""
            say_error(e.format_message() + hint)
            sys.exit(e.exit_code)
        except (click.Abort, KeyboardInterrupt):
            say_error("interrupted")
            sys.exit(130)
        except Exception as e:
            from lawgov.errors import LawgovError

            if debug:
                raise
            if isinstance(e, LawgovError):
                say_error(str(e))
                sys.exit(getattr(e, "exit_code", 1))
            say_error(f"internal error: {type(e).__name__}: {e} (run `lawgov {DEBUG_FLAG} …` for the traceback)")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def settings(**given):
    """The settings in force for this command (lawgov.toml < environment < the options)."""
    from lawgov.config import load

    return load(given)


db_option = click.option(
    "--db", type=click.Path(path_type=Path), default=None,
    help="The warehouse file. [default: data/warehouse.duckdb under the project root; "
         "LAWGOV_DB or lawgov.toml's db change it]")
project_option = click.option(
    "--project", type=click.Path(path_type=Path), default=None,
    help="Folder holding sql/, seeds/ and dbt_project.yml. [default: the project root]")


@click.group(cls=LawgovGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lawgov")
@click.option(DEBUG_FLAG, is_flag=True, help="Show the full traceback of an error.")
def main(debug):
    """lawgov: a metrics warehouse of China's 法治政府建设年度报告.

    Reports in data/reports/ become long-format facts in data/warehouse.duckdb, each traced
    to its sentence, with marts that compare regions and years. Paths are set once in
    lawgov.toml at the project root, or by LAWGOV_REPORTS and LAWGOV_DB; `lawgov config`
    shows what is in force.
    """


@main.command()
@click.option("--reports", type=click.Path(path_type=Path), default=None,
              help="Folder of reports (.txt, .html, .pdf, .docx; an optional manifest.csv). "
                   "[default: data/reports under the project root; LAWGOV_REPORTS or lawgov.toml's "
                   "reports change it]")
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Parser processes; 0 is one per core. [default: 0]")
@click.option("--wait", type=click.FloatRange(min=0), default=None,
              help="Seconds to wait for another build of the same warehouse to finish. [default: 600]")
@click.option("--full-refresh", is_flag=True, help="Parse every file and rebuild every model.")
@click.option("--allow-removals", is_flag=True,
              help="Let the build remove over half the published documents, or all of them when "
                   "the reports folder is empty (refused otherwise, exit 2).")
@click.option("--parse-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take to parse; past it the file is quarantined. "
                   "[default: 60; lawgov.toml's [limits] parse_timeout changes it]")
@click.option("--parse-memory", type=click.IntRange(min=1), default=None,
              help="MB a parser process may reach on one file; past it the file is quarantined. "
                   "[default: 1024; lawgov.toml's [limits] parse_memory_mb changes it]")
@click.option("--quiet", "-q", is_flag=True,
              help="Plain lines (one per stage) instead of progress bars, as in a log or cron.")
@project_option
def build(reports, db, workers, wait, full_refresh, allow_removals, parse_timeout, parse_memory,
          quiet, project):
    """Build the warehouse from a folder of reports and publish it atomically.

    Exits 0 when the warehouse was published (or nothing had changed), non-zero with the
    reason otherwise; the previously published warehouse is then left as it was. On a
    terminal it shows each stage with counts, rate and time left; in a log or with --quiet,
    a line per stage.
    """
    from lawgov import config
    from lawgov.build import BuildOptions, build as run_build
    from lawgov.errors import LawgovError, RemovalRefusedError
    from lawgov.progress import Progress

    cfg = settings(reports=reports, db=db, workers=workers, wait=wait, project=project)
    limits = _limits(cfg, BuildOptions)
    if parse_timeout is not None:
        limits["parse_timeout"] = parse_timeout
    if parse_memory is not None:
        limits["parse_memory_mb"] = parse_memory
    opts = BuildOptions(reports=config.reports_folder(cfg["reports"]), db=config.warehouse_to_write(cfg["db"]),
                        project=config.project_folder(cfg["project"]), workers=cfg["workers"],
                        wait=cfg["wait"], full_refresh=full_refresh, allow_removals=allow_removals, **limits)
    progress = Progress(live=False) if quiet else Progress()
    opts.progress, opts.notify = progress, progress.note
    try:
        summary = run_build(opts)
    except RemovalRefusedError as e:
        refused = LawgovError(f"build refused, nothing published: {e}")
        refused.exit_code = 2
        raise refused from e
    except LawgovError as e:
        failed = LawgovError(f"build failed, nothing published: {e}")
        failed.exit_code = getattr(e, "exit_code", 1)
        raise failed from e
    except KeyboardInterrupt:
        say_error("build interrupted, nothing published")
        sys.exit(130)
    finally:
        progress.close()
    _print_summary(summary, opts.db)


def _limits(cfg, options_class) -> dict:
    """lawgov.toml's [limits], checked against what the build takes."""
    from dataclasses import fields

    from lawgov.config import ConfigError

    taken = {f.name for f in fields(options_class)} - {"reports", "db", "project", "workers", "wait",
                                                       "full_refresh", "allow_removals", "progress", "notify"}
    out = {}
    for key, setting in cfg.limits.items():
        if key not in taken:
            raise ConfigError(f"[limits] {key} ({setting.source}): the build takes no such limit "
                              f"(it takes: {', '.join(sorted(taken)) or 'none yet'})", file=str(cfg.file))
        out[key] = setting.value
    return out


def _print_summary(summary, db: Path) -> None:
    for problem in summary.problems:
        click.secho(f"  ! {problem}", fg="yellow", err=True)
    for entry in summary.skipped_files:
        click.secho(f"  skipped {entry}", fg="yellow", err=True)
    for name in summary.removed_files:
        click.secho(f"  removed {name}", fg="yellow", err=True)
    if summary.nothing_changed:
        click.echo(f"nothing changed: {summary.files} files, warehouse {db} left as it was "
                   f"({summary.seconds:.2f} s)")
        return
    click.echo(
        f"published {db}: {summary.files} files ({summary.loaded} loaded, {summary.unchanged} unchanged, "
        f"{summary.duplicates} duplicate, {summary.quarantined} quarantined, {summary.removed} removed, "
        f"{summary.skipped} skipped); {summary.facts} facts, {summary.mentions} mentions; {summary.seconds:.1f} s")
    click.echo(f"  models: {summary.models_built} rebuilt, {summary.models_skipped} skipped (unchanged); "
               f"seeds: {summary.seeds_loaded} loaded, {summary.seeds_skipped} unchanged; "
               f"tests: {summary.tests_passed} passed, {summary.tests_warned} warned")
    by_reason: dict[str, list[str]] = {}
    for relation, status, why in summary.model_runs:
        if status == "built":
            by_reason.setdefault(why, []).append(relation)
    for why, relations in by_reason.items():
        click.echo(f"  rebuilt ({why}): {', '.join(relations)}")


@main.command()
def config():
    """Show the paths and settings in force and where each comes from.

    Later sources win: the defaults, lawgov.toml at the project root, the environment
    (LAWGOV_DB, LAWGOV_REPORTS), then a command's options.
    """
    cfg = settings()
    click.echo(f"project root  {cfg.root}")
    click.echo(f"config file   {cfg.file or '(none: lawgov.toml at the project root sets paths once)'}")
    for key, setting in cfg.settings.items():
        click.echo(f"{key:<13} {setting.value}  ({setting.source})")
    for key, setting in cfg.limits.items():
        click.echo(f"limits.{key:<6} {setting.value}  ({setting.source})")


@main.command()
@click.argument("sql")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"], case_sensitive=False),
              default="table", show_default=True,
              help="table to read; csv or json (an array of objects) for scripts; markdown for notes.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100, show_default=True,
              help="Rows to print per statement in table and markdown formats (csv and json print all).")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the (one) query's result to FILE.csv, .xlsx, .parquet or .json instead of printing it.")
@click.option("--allow-files", is_flag=True,
              help="Let the SQL read files (read_csv, read_parquet); writing, exporting and "
                   "attaching stay refused.")
def query(sql, db, fmt, max_rows, out_file, allow_files):
    """Run SQL on the warehouse, read-only, and print every statement's result.

    Only SELECT (and EXPLAIN) runs, with no access to other files unless --allow-files."""
    from lawgov.config import warehouse_to_read
    from lawgov.warehouse.query import render, run

    fmt = fmt.lower()
    path = warehouse_to_read(settings(db=db)["db"])
    if out_file is not None:
        from lawgov.warehouse.export import export_query

        rows = export_query(path, sql, out_file, allow_files=allow_files)
        click.echo(f"{out_file}  {rows} rows")
        return
    limit = max_rows if fmt in ("table", "markdown") else None
    for i, result in enumerate(run(path, sql, limit, allow_files=allow_files)):
        if i:
            click.echo("")
        click.echo(render(result, fmt))


@main.command()
@db_option
@click.option("--out", type=click.Path(path_type=Path), required=True,
              help="Folder to write into (made if missing).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "xlsx"], case_sensitive=False),
              default="parquet", show_default=True,
              help="Parquet for tools; CSV is UTF-8 with BOM so Excel shows Chinese text; xlsx is one "
                   "workbook (OUT/lawgov.xlsx), a sheet per mart, typed cells and Chinese headers.")
def export(db, out, fmt):
    """Write every mart (facts and documents among them) as files, or as one Excel workbook."""
    from lawgov.config import folder_to_write, warehouse_to_read
    from lawgov.warehouse.export import export_marts

    fmt = fmt.lower()
    path = warehouse_to_read(settings(db=db)["db"])
    out = folder_to_write(out.expanduser().resolve(), "--out")
    for name, rows, written in export_marts(path, out, fmt):
        click.echo(f"{written}{f' [{name}]' if fmt == 'xlsx' else ''}  {rows} rows")


@main.command()
@click.argument("fact_id", required=False)
@click.option("--retract", is_flag=True, help="The fact is not a fact: remove it.")
@click.option("--set-value", type=float, help="The right value.")
@click.option("--set-indicator", help="The right indicator code (seeds/indicators.csv).")
@click.option("--set-unit", help="The right unit.")
@click.option("--set-year", type=int, help="The right year.")
@click.option("--set-scope", type=click.Choice(["all", "government", "departments"]), help="The right scope.")
@click.option("--reason", help="Why (kept with the fact as correction_reason).")
@click.option("--by", "by", help="Who corrects (default: your user name).")
@click.option("--check", is_flag=True, help="Only validate the corrections file, reporting bad rows with file:line.")
@db_option
@click.option("--reports", type=click.Path(path_type=Path), default=None,
              help="The reports folder whose corrections.csv is written. [default: as for `lawgov build`]")
@project_option
def correct(fact_id, retract, set_value, set_indicator, set_unit, set_year, set_scope, reason, by,
            check, db, reports, project):
    """Correct a fact once, for every rebuild: appends a row to REPORTS/corrections.csv.

    The row names the fact by its document, number, span and sentence (not by FACT_ID), so
    the next `lawgov build` applies it again however often the reports are parsed.
    `lawgov correct --check` validates the whole file.
    """
    import getpass

    from lawgov import config
    from lawgov.errors import LawgovError
    from lawgov.warehouse import corrections

    def fail(message: str):
        raise LawgovError(message)

    cfg = settings(db=db, reports=reports, project=project)
    db, reports = cfg["db"], cfg["reports"]
    codes = corrections.indicator_codes(config.project_folder(cfg["project"]))
    path = reports / corrections.FILE_NAME
    if check:
        if not path.exists():
            click.echo(f"{path}: no corrections file")
            return
        good, errors = corrections.read_corrections(path, codes)
        for e in errors:
            click.secho(f"  ! {e}", fg="yellow", err=True)
        click.echo(f"{path}: {len(good)} good rows, {len(errors)} problems")
        sys.exit(1 if errors else 0)
    if not fact_id:
        fail("name the FACT_ID to correct (or pass --check)")
    changes = {"value": set_value, "indicator": set_indicator, "unit": set_unit, "year": set_year,
               "scope": set_scope}
    changes = {k: v for k, v in changes.items() if v is not None}
    if retract == bool(changes):
        fail("give either --retract or at least one --set-… option")
    if not reason:
        fail("say why with --reason TEXT")
    db = config.warehouse_to_read(db)
    reports = config.reports_folder(reports)
    fix = corrections.for_fact(db, fact_id, changes, reason, by or getpass.getuser(), codes)
    if not (reports / fix.source_file).exists():
        fail(f"{fix.source_file} is not in {reports}; pass the --reports folder {db} was built from")
    corrections.append(path, fix)
    what = "retract" if retract else ", ".join(f"{k} = {v:g}" if isinstance(v, float) else f"{k} = {v}"
                                              for k, v in changes.items())
    click.echo(f"{path}: {fix.action} {fact_id} ({fix.number_text} in {fix.source_file}): {what}")
    click.echo("the next `lawgov build` applies it")


@main.command()
@db_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the site into (its index.html opens from the file system).")
@project_option
def site(db, out, project):
    """Write a static site of the warehouse: indicators, region × year tables and charts, every
    document with its numbers highlighted, data quality, and the models."""
    from lawgov import config
    from lawgov.site import build_site

    cfg = settings(db=db, project=project)
    out = config.folder_to_write(out.expanduser().resolve(), "--out")
    summary = build_site(config.warehouse_to_read(cfg["db"]), out, config.project_folder(cfg["project"]))
    click.echo(f"wrote {out / 'index.html'}: {summary.pages} pages, {summary.documents} documents; "
               f"largest page {summary.largest_page} ({summary.largest_bytes / 1e6:.2f} MB); "
               f"{summary.seconds:.1f} s")


@main.command(name="ingest-log")
@db_option
@click.option("--all-builds", is_flag=True, help="Every build's log, not only the last one.")
@click.option("--status", help="Only rows whose status starts with this (loaded, unchanged, duplicate, quarantined).")
def ingest_log(db, all_builds, status):
    """Show what the last build did with each file, and why."""
    from lawgov.config import warehouse_to_read
    from lawgov.warehouse.query import open_warehouse

    con = open_warehouse(warehouse_to_read(settings(db=db)["db"]))
    where = [] if all_builds else ["build_id = (select max(build_id) from meta.ingest_log)"]
    params = []
    if status:
        where.append("status like ?")
        params.append(status + "%")
    sql = ("select build_id, source_file, format, encoding, status, reason, facts from meta.ingest_log"
           + (" where " + " and ".join(where) if where else "") + " order by build_id, source_file")
    try:
        _print_rows(con.execute(sql, params))
    finally:
        con.close()


def _cell(value) -> str:
    """A value on one line of a tab-separated table: a newline or tab in a file name is
    written as \\n or \\t, so every row stays one line."""
    if value is None:
        return ""
    return (str(value).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def _print_rows(cursor):
    cols = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    click.echo("\t".join(cols))
    for row in rows:
        click.echo("\t".join(_cell(v) for v in row))
    click.echo(f"({len(rows)} rows)", err=True)


@main.command()
@project_option
def models(project):
    """List the SQL models with their versions and dependencies."""
    from lawgov.config import project_folder
    from lawgov.warehouse.models import load_project, models_table

    click.echo(models_table(load_project(project_folder(settings(project=project)["project"]))))


@main.command()
@click.argument("model")
@project_option
def lineage(model, project):
    """Print MODEL's upstream graph down to the raw tables."""
    from lawgov.config import project_folder
    from lawgov.warehouse.models import lineage as model_lineage, load_project

    click.echo(model_lineage(load_project(project_folder(settings(project=project)["project"])), model))


@main.command(name="eval")
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="A gold file (JSON lines of document labels and facts).")
@db_option
@click.option("--show-errors", is_flag=True, help="List every missed and every false fact.")
def evaluate(gold, db, show_errors):
    """Score the warehouse against a gold file: precision and recall per indicator family."""
    from lawgov.config import warehouse_to_read
    from lawgov.evaluation import score

    click.echo(score(warehouse_to_read(settings(db=db)["db"]), gold, show_errors=show_errors))


if __name__ == "__main__":
    main()
