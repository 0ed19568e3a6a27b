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
