"""Raw rows on their way to the warehouse: Parquet part files that parser processes write
and DuckDB loads in bulk.

A parser process turns the rows of the few files it parsed into one part file per raw table,
so rows never travel through the process that writes the warehouse: that process only
decides which files are kept (a duplicate's rows stay out) and has DuckDB read the parts
with ``INSERT … SELECT … FROM read_parquet(…)``, on as many threads as it has. Every row
carries the file it came from (``_source_file``), so one part may hold a kept file's rows
beside a duplicate's.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from lawgov.warehouse import store

SOURCE_COLUMN = "_source_file"
COMPRESSION = "lz4"          # the parts live for minutes: cheap to write beats small


def part_schema(table: str) -> dict:
    """A raw table's columns and the file each row came from."""
    import polars as pl

    return {**store.frame_schema(table), SOURCE_COLUMN: pl.Utf8}


def write(folder: Path, rows: dict[str, list[dict]]) -> dict[str, Path]:
    """Write each raw table's rows (dicts with ``_source_file``) to a new part file in
    ``folder``; returns the files written, by table. Names are new each call, so a process
    killed mid-write leaves a file nobody lists."""
    import polars as pl

    folder.mkdir(parents=True, exist_ok=True)
    name = uuid.uuid4().hex
    out = {}
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        path = folder / f"{table}.{name}.parquet"
        pl.DataFrame(table_rows, schema=part_schema(table)).write_parquet(
            path, compression=COMPRESSION, statistics=False)
        out[table] = path
    return out


def load(con, parts: dict[str, list[Path]], kept: list[str]) -> None:
    """Insert the rows of the kept files from the part files into the raw tables, then
    delete the parts."""
    if not any(parts.values()):
        return
    con.execute(f"create or replace temp table _kept as select unnest({store.TEXTS}) as source_file",
                [store.texts_param(kept)])
    for table, files in parts.items():
        if not files:
            continue
        cols = ", ".join(store.frame_schema(table))
        con.execute(
            f"insert into raw.{table} ({cols}) select {cols} from read_parquet(?) "
            f"where {SOURCE_COLUMN} in (select source_file from _kept)", [[str(f) for f in files]])
    con.execute("drop table _kept")
    for files in parts.values():
        for f in files:
            f.unlink(missing_ok=True)
