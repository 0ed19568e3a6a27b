"""Marts to files analysts can open anywhere: Parquet for tools, CSV (UTF-8 with BOM) for Excel."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

BOM = "\ufeff".encode("utf-8")


def mart_names(con) -> list[str]:
    """Every relation in schema marts (tables and views), versioned ones included."""
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
    ).fetchall()
    return [r[0] for r in rows]


def export_marts(db: Path, out: Path, fmt: str = "parquet") -> Iterator[tuple[str, int, Path]]:
    """Write each mart to ``out/<name>.<fmt>``; yields (name, rows, path) as it goes."""
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
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
