"""The ``lawgov`` command. Each command is a thin call into one stage; heavy imports happen
inside the command that needs them so ``lawgov --help`` starts fast."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_REPORTS = Path("data/reports")
DEFAULT_DB = Path("data/warehouse.duckdb")

db_option = click.option(
    "--db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
    help="The warehouse file.")


def project_dir(given: Path | None = None) -> Path:
    """The folder with sql/, seeds/ and dbt_project.yml: the one given, else the current one
    if it has them, else the checkout the package was installed from."""
    if given is not None:
        if not (given / "dbt_project.yml").exists():
            fail(f"{given} has no dbt_project.yml; --project names the folder holding sql/ and seeds/")
        return given
    here = Path.cwd()
    if (here / "dbt_project.yml").exists():
        return here
    return Path(__file__).resolve().parent.parent


project_option = click.option(
    "--project", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder holding sql/, seeds/ and dbt_project.yml (default: the current folder if it "
         "has them, else the lawgov checkout).")


def fail(message: str, code: int = 1):
    click.secho(f"lawgov: {message}", fg="red", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lawgov")
def main():
    """lawgov: a metrics warehouse of China's 法治政府建设年度报告.

    Reports in data/reports/ become long-format facts in data/warehouse.duckdb, each traced
    to its sentence, with marts that compare regions and years.
    """


@main.command()
@click.option("--reports", type=click.Path(path_type=Path), default=DEFAULT_REPORTS, show_default=True,
              help="Folder of reports (.txt, .html, .pdf, .docx; an optional manifest.csv).")
@db_option
@click.option("--workers", type=int, default=0, help="Parser processes (default: one per core).")
@click.option("--wait", type=float, default=600, show_default=True,
              help="Seconds to wait for another build of the same warehouse to finish.")
@click.option("--full-refresh", is_flag=True, help="Parse every file and rebuild every model.")
@click.option("--allow-removals", is_flag=True,
              help="Let the build remove over half the published documents, or all of them when "
                   "the reports folder is empty (refused otherwise, exit 2).")
@click.option("--parse-timeout", type=float, default=60, show_default=True,
              help="Seconds one file may take to parse; past it the file is quarantined.")
@click.option("--parse-memory", type=int, default=1024, show_default=True,
              help="MB a parser process may reach on one file; past it the file is quarantined.")
@click.option("--quiet", "-q", is_flag=True, help="No progress, only the summary.")
@project_option
def build(reports, db, workers, wait, full_refresh, allow_removals, parse_timeout, parse_memory,
          quiet, project):
    """Build the warehouse from a folder of reports and publish it atomically.

    Exits 0 when the warehouse was published (or nothing had changed), non-zero with the
    reason otherwise; the previously published warehouse is then left as it was.
    """
    from lawgov.errors import LawgovError, RemovalRefusedError
    from lawgov.build import BuildOptions, build as run_build

    progress = None if quiet else _progress_printer()
    opts = BuildOptions(reports=reports, db=db, project=project_dir(project), workers=workers,
                        wait=wait, full_refresh=full_refresh, allow_removals=allow_removals,
                        parse_timeout=parse_timeout, parse_memory_mb=parse_memory,
                        progress=progress)
    try:
        summary = run_build(opts)
    except RemovalRefusedError as e:
        fail(f"build refused, nothing published: {e}", 2)
    except LawgovError as e:
        fail(f"build failed, nothing published: {e}")
    except KeyboardInterrupt:
        fail("build interrupted, nothing published", 130)
    if not quiet and sys.stderr.isatty():
        click.echo("", err=True)
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
        f"{summary.skipped} skipped); "
        f"{summary.facts} facts, {summary.mentions} mentions; models {summary.models_built} built, "
        f"{summary.models_skipped} skipped; {summary.tests_passed} tests passed; "
        f"{summary.seconds:.1f} s")


def _progress_printer():
    """Counts on one updating line in a terminal; one line per finished stage in a log."""
    state = {"stage": None}
    live = sys.stderr.isatty()

    def show(stage: str, done: int, total: int):
        if live:
            if stage != state["stage"] and state["stage"] is not None:
                click.echo("", err=True)
            click.echo(f"\r{stage}: {done}/{total}", nl=False, err=True)
        elif done == total:
            click.echo(f"{stage}: {done}/{total}", err=True)
        state["stage"] = stage

    return show


@main.command()
@click.argument("sql")
@db_option
@click.option("--max-rows", type=int, default=100, show_default=True, help="Rows to print.")
@click.option("--allow-files", is_flag=True,
              help="Let the SQL read files (read_csv, read_parquet); writing, exporting and "
                   "attaching stay refused.")
def query(sql, db, max_rows, allow_files):
    """Run SQL on the warehouse, read-only, and print the result as a table.

    Only SELECT (and EXPLAIN) runs, with no access to other files unless --allow-files."""
    import duckdb

    from lawgov.errors import QueryRefusedError
    from lawgov.warehouse.readonly import check_read_only, connect_readonly

    if not db.exists():
        fail(f"{db} does not exist; run `lawgov build` first")
    con = connect_readonly(db, allow_files=allow_files)
    try:
        check_read_only(con, sql)
        rel = con.sql(sql)
        if rel is None:
            return
        rel.show(max_rows=max_rows, max_width=1 << 16)
    except (duckdb.Error, QueryRefusedError) as e:
        fail(str(e))
    finally:
        con.close()


@main.command()
@db_option
@click.option("--out", type=click.Path(path_type=Path), required=True, help="Folder to write into.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True,
              help="Parquet for tools; CSV is UTF-8 with BOM so Excel shows Chinese text.")
def export(db, out, fmt):
    """Write every mart (facts and documents among them) as files."""
    from lawgov.warehouse.export import export_marts

    if not db.exists():
        fail(f"{db} does not exist; run `lawgov build` first")
    for name, rows, path in export_marts(db, out, fmt):
        click.echo(f"{path}  {rows} rows")


@main.command(name="ingest-log")
@db_option
@click.option("--all-builds", is_flag=True, help="Every build's log, not only the last one.")
@click.option("--status", help="Only rows whose status starts with this (loaded, unchanged, duplicate, quarantined).")
def ingest_log(db, all_builds, status):
    """Show what the last build did with each file, and why."""
    import duckdb

    if not db.exists():
        fail(f"{db} does not exist; run `lawgov build` first")
    con = duckdb.connect(str(db), read_only=True)
    where = [] if all_builds else ["build_id = (select max(build_id) from meta.ingest_log)"]
    params = []
    if status:
        where.append("status like ?")
        params.append(status + "%")
    sql = ("select build_id, source_file, format, encoding, status, reason, facts from meta.ingest_log"
           + (" where " + " and ".join(where) if where else "") + " order by build_id, source_file")
    _print_rows(con.execute(sql, params))
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
    from lawgov.warehouse.models import load_project, models_table

    click.echo(models_table(load_project(project_dir(project))))


@main.command()
@click.argument("model")
@project_option
def lineage(model, project):
    """Print MODEL's upstream graph down to the raw tables."""
    from lawgov.errors import LawgovError
    from lawgov.warehouse.models import lineage as model_lineage, load_project

    try:
        click.echo(model_lineage(load_project(project_dir(project)), model))
    except LawgovError as e:
        fail(str(e))


@main.command(name="eval")
@click.option("--gold", type=click.Path(exists=True, path_type=Path), required=True,
              help="A gold file (JSON lines of document labels and facts).")
@db_option
@click.option("--show-errors", is_flag=True, help="List every missed and every false fact.")
def evaluate(gold, db, show_errors):
    """Score the warehouse against a gold file: precision and recall per indicator family."""
    from lawgov.evaluation import score

    if not db.exists():
        fail(f"{db} does not exist; run `lawgov build` first")
    click.echo(score(db, gold, show_errors=show_errors))


if __name__ == "__main__":
    main()
