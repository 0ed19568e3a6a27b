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
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
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


def _write_csv_with_bom(con, name: str, path: Path) -> None:
    """DuckDB writes the CSV; the BOM goes in front so Excel reads it as UTF-8."""
    tmp = path.with_name(path.name + ".part")
    con.execute(f"copy (select * from marts.\"{name}\") to '{_sql_path(tmp)}' (header, delimiter ',')")
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


def export_query(db: Path, sql: str, out: Path) -> int:
    """One query's result to ``out``, its format from the suffix (csv with BOM, xlsx, parquet,
    json: an array of row objects); returns the row count."""
    import duckdb

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in QUERY_FORMATS:
        raise ValueError(f"{out.name}: the file's suffix must be one of .{', .'.join(QUERY_FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        if fmt == "xlsx":
            from lawgov.warehouse.workbook import write_result

            return write_result(con, sql, out)
        con.execute(f"create temp view _result as {sql.strip().rstrip(';')}")
        rows = con.execute("select count(*) from _result").fetchone()[0]
        tmp = out.with_name(out.name + ".part")
        if fmt == "parquet":
            con.execute(f"copy (select * from _result) to '{_sql_path(tmp)}' (format parquet, compression zstd)")
        elif fmt == "json":
            con.execute(f"copy (select * from _result) to '{_sql_path(tmp)}' (format json, array true)")
        else:
            con.execute(f"copy (select * from _result) to '{_sql_path(tmp)}' (header, delimiter ',')")
            with open(out, "wb") as dst, open(tmp, "rb") as src:
                dst.write(BOM)
                shutil.copyfileobj(src, dst, 1 << 20)
            tmp.unlink()
            return rows
        tmp.replace(out)
        return rows
    finally:
        con.close()
