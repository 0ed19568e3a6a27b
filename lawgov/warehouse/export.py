"""Marts to files analysts can open anywhere: Parquet for tools, CSV (UTF-8 with BOM), and one
Excel workbook with a sheet per mart (workbook.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

BOM = "\ufeff".encode("utf-8")
WORKBOOK_NAME = "lawgov.xlsx"


def mart_names(con) -> list[str]:
    """Every relation in schema marts (tables and views), versioned ones included."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
    ).fetchall()
    return [r[0] for r in rows]


def export_marts(db: Path, out: Path, fmt: str = "parquet") -> Iterator[tuple[str, int, Path]]:
    """Write each mart to ``out/<name>.<fmt>`` (xlsx: a sheet each of ``out/lawgov.xlsx``);
    yields (name, rows, path) as it goes."""

    from lawgov.warehouse.readonly import open_published

    out.mkdir(parents=True, exist_ok=True)
    con = open_published(db)
    if fmt == "xlsx":
        yield from _export_workbook(con, out / WORKBOOK_NAME)
        return
    try:
        for name in mart_names(con):
            path = out / f"{name}.{fmt}"
            rows = con.execute(f'select count(*) from marts."{name}"').fetchone()[0]
            if fmt == "parquet":
                con.execute(f"copy (select * from marts.\"{name}\") to '{_sql_path(path)}' "
                            "(format parquet, compression zstd)")
            else:
                _write_csv_with_bom(con, name, path)
            yield name, rows, path
    finally:
        con.close()


#: A cell starting with one of these is run as a formula by Excel and LibreOffice (OWASP's
#: CSV injection list): =HYPERLINK(...) from a file name or a manifest URL would be live.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _escaped_select(con, name: str) -> str:
    """SELECT of a mart whose text cells that would start a formula get a leading ' (the
    spreadsheet then shows them as text); numbers and dates are left as they are."""
    starts = ", ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)
    cols = []
    for col, typ, *_ in con.execute(f'describe select * from marts."{name}"').fetchall():
        q = '"' + col.replace('"', '""') + '"'
        if typ == "VARCHAR":
            cols.append(f"case when left({q}, 1) in ({starts}) then chr(39) || {q} else {q} end as {q}")
        else:
            cols.append(q)
    return f'select {", ".join(cols)} from marts."{name}"'


def _write_csv_with_bom(con, name: str, path: Path) -> None:
    """DuckDB writes the CSV, formula-like cells escaped; the BOM goes in front so Excel reads
    it as UTF-8. (Parquet stays raw: tools read it as data, not formulas.)"""
    tmp = path.with_name(path.name + ".part")
    con.execute(f"copy ({_escaped_select(con, name)}) to '{_sql_path(tmp)}' (header, delimiter ',')")
    with open(path, "wb") as dst, open(tmp, "rb") as src:
        dst.write(BOM)
        shutil.copyfileobj(src, dst, 1 << 20)
    tmp.unlink()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _export_workbook(con, path: Path) -> Iterator[tuple[str, int, Path]]:
    from lawgov.warehouse.workbook import write_marts

    try:
        for name, rows in write_marts(con, mart_names(con), path):
            yield name, rows, path
    finally:
        con.close()


QUERY_FORMATS = ("csv", "xlsx", "parquet", "json")


def export_query(db: Path, sql: str, out: Path, *, allow_files: bool = False) -> int:
    """One query's result to ``out``, its format from the suffix (csv with BOM, xlsx, parquet,
    json: an array of row objects); returns the row count.

    The query runs on the same read-only-in-fact connection as `lawgov query` (readonly.py),
    and the file is written here, from its rows, so the analyst's SQL itself never writes."""
    import duckdb

    from lawgov.errors import QueryRefusedError
    from lawgov.warehouse.query import QueryError, first_line
    from lawgov.warehouse.readonly import check_read_only, connect_readonly

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in QUERY_FORMATS:
        raise QueryRefusedError(f"{out}: the file's suffix must be one of .{', .'.join(QUERY_FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    con = connect_readonly(db, allow_files=allow_files)
    try:
        if len(con.extract_statements(sql)) != 1:
            raise QueryRefusedError("--out writes one query's result: give one SELECT")
        check_read_only(con, sql)
        if fmt == "xlsx":
            from lawgov.warehouse.workbook import write_result

            return write_result(con, sql, out)
        table = con.execute(sql).fetch_arrow_table()
    except duckdb.Error as e:
        raise QueryError(f"{out}: {first_line(e)}") from None
    finally:
        con.close()
    tmp = out.with_name(out.name + ".part")
    _write_table(table, fmt, tmp)
    tmp.replace(out)
    return table.num_rows


def _write_table(table, fmt: str, path: Path) -> None:
    """An Arrow table as Parquet (raw), JSON (an array of row objects) or CSV (UTF-8 with BOM,
    formula-like text cells escaped as in the marts' CSV)."""
    import polars as pl

    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(table, path, compression="zstd")
        return
    frame = pl.from_arrow(table)
    if fmt == "json":
        frame.write_json(path)
        return
    text_cols = [c for c, t in frame.schema.items() if t == pl.Utf8]
    frame = frame.with_columns([
        pl.when(pl.col(c).str.slice(0, 1).is_in(list(FORMULA_STARTS))).then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c)).alias(c) for c in text_cols])
    with open(path, "wb") as f:
        f.write(BOM)
        frame.write_csv(f)
