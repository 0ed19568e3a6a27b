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

from lawgov.errors import QueryRefusedError


def connect_readonly(db: Path, *, allow_files: bool = False):
    import duckdb

    return duckdb.connect(str(db), read_only=True, config={
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
