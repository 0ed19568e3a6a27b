"""The connection `lawgov query` runs an analyst's SQL on: read-only in fact, not in name.

DuckDB's ``read_only`` only keeps the one file from being written: a COPY … TO, an EXPORT
DATABASE or a read_csv('/etc/passwd') still reach the file system, and an ATTACH … READ_WRITE
of the warehouse lets a DELETE empty it. So the connection has external access off and its
configuration locked (no SET can turn it back on), and only SELECT statements (and EXPLAIN
of a SELECT) run. ``allow_files`` turns file access on for those who want read_csv or read_parquet; the
statement check still refuses writing, attaching and loading extensions.
"""

from __future__ import annotations

import re
from pathlib import Path

from lawgov.errors import QueryRefusedError, WarehouseError


def open_published(db: Path, *, config: dict | None = None):
    """The published warehouse, read-only: the one place lawgov's readers (query, export, site,
    corrections, eval) open it. A DuckDB refusal becomes one line naming the file and why."""
    import duckdb

    from lawgov.warehouse.store import is_lock_conflict

    try:
        return duckdb.connect(str(db), read_only=True, config=config or {})
    except duckdb.Error as e:
        first = next((ln.strip() for ln in str(e).splitlines() if ln.strip()), type(e).__name__)
        if is_lock_conflict(e):
            raise WarehouseError(f"{db}: another process has it open for writing (a notebook, a duckdb "
                                 "shell without -readonly, dbt?); close that session and try again",
                                 file=str(db)) from None
        raise WarehouseError(f"{db} cannot be opened as a warehouse: {first}", file=str(db)) from None


def connect_readonly(db: Path, *, allow_files: bool = False):
    """An analyst's connection: no file access (unless allow_files), configuration locked."""
    return open_published(db, config={
        "enable_external_access": allow_files,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "lock_configuration": True,
    })


_EXPLAIN = re.compile(r"\s*explain\s+(?:analy[sz]e\s+)?", re.I)


def check_read_only(con, sql: str) -> None:
    """Raise QueryRefusedError unless every statement of ``sql`` is a SELECT, or an EXPLAIN
    of one (EXPLAIN ANALYZE runs what it explains: of a COPY, it writes the file)."""
    import duckdb

    for number, statement in enumerate(con.extract_statements(sql), 1):
        kind = statement.type
        if kind == duckdb.StatementType.EXPLAIN:
            inner = con.extract_statements(_EXPLAIN.sub("", statement.query, count=1))
            kind = inner[0].type if len(inner) == 1 else kind
            if kind == duckdb.StatementType.EXPLAIN:
                kind = duckdb.StatementType.INVALID
        if kind != duckdb.StatementType.SELECT:
            raise QueryRefusedError(
                f"statement {number} is {statement.type.name}"
                + (f" of {kind.name}" if kind != statement.type else "")
                + "; lawgov query runs only SELECT (and EXPLAIN of a SELECT) on the warehouse, "
                "it never writes, exports, attaches or loads")
