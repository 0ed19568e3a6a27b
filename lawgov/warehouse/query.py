"""`lawgov query`: run SQL on the published warehouse, read-only, and format every
statement's result (a script of several statements shows each, not only the last).

Formats: an aligned table for reading (Chinese characters count two columns wide), CSV and
JSON for scripts, Markdown for notes and issues.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from lawgov.errors import LawgovError

FORMATS = ("table", "csv", "json", "markdown")


class QueryError(LawgovError):
    """A statement that DuckDB refused (a syntax error, an unknown name, a write)."""


@dataclass
class Result:
    number: int                     # 1-based position of the statement in the script
    statement: str
    columns: list[str]
    rows: list[tuple]
    more: bool                      # rows were cut at the limit


def open_warehouse(db: Path, *, allow_files: bool = False):
    """A connection to the published warehouse that is read-only in fact (readonly.py): the
    one place an analyst's SQL reaches it."""
    from lawgov.warehouse.readonly import connect_readonly

    return connect_readonly(db, allow_files=allow_files)


def run(db: Path, sql: str, limit: int | None = None, *, allow_files: bool = False) -> Iterator[Result]:
    """Each statement of ``sql`` in turn, with up to ``limit`` rows of its result (all when
    None); statements that return nothing yield nothing. Only SELECTs run (readonly.py)."""
    import duckdb

    from lawgov.warehouse.readonly import check_read_only

    con = open_warehouse(db, allow_files=allow_files)
    try:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as e:
            raise QueryError(first_line(e)) from None
        if not statements:
            raise QueryError("no SQL statement given")
        check_read_only(con, sql)
        for number, statement in enumerate(statements, 1):
            try:
                cursor = con.execute(statement.query)
                if cursor.description is None:
                    continue
                rows = cursor.fetchall() if limit is None else cursor.fetchmany(limit + 1)
            except duckdb.Error as e:
                where = f"statement {number}: " if len(statements) > 1 else ""
                raise QueryError(where + first_line(e)) from None
            more = limit is not None and len(rows) > limit
            yield Result(number, statement.query.strip(), [d[0] for d in cursor.description],
                         rows[:limit] if more else rows, more)
    finally:
        con.close()


def first_line(error: Exception) -> str:
    return next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)


def render(result: Result, fmt: str) -> str:
    """One result in a format (see FORMATS)."""
    return {"table": _table, "csv": _csv, "json": _json, "markdown": _markdown}[fmt](result)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(s))
    return fill + s if right else s + fill


def _table(r: Result) -> str:
    cells = [[_text(v).replace("\n", " ") for v in row] for row in r.rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(r.columns)]
    numeric = [all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in r.rows) and r.rows
               for i in range(len(r.columns))]
    lines = ["  ".join(_pad(c, w, bool(n)) for c, w, n in zip(r.columns, widths, numeric)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(c, w, bool(n)) for c, w, n in zip(row, widths, numeric)).rstrip() for row in cells]
    lines.append(_count(r))
    return "\n".join(lines)


def _count(r: Result) -> str:
    if r.more:
        return f"(first {len(r.rows)} rows; --max-rows N shows more)"
    return f"({len(r.rows)} row{'s' if len(r.rows) != 1 else ''})"


def _markdown(r: Result) -> str:
    def row_line(values):
        return "| " + " | ".join(_text(v).replace("|", "\\|").replace("\n", " ") for v in values) + " |"

    lines = [row_line(r.columns), "|" + "|".join("---" for _ in r.columns) + "|"]
    lines += [row_line(row) for row in r.rows]
    if r.more:
        lines.append(f"\n{_count(r)}")
    return "\n".join(lines)


def _csv(r: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(r.columns)
    writer.writerows([[_text(v) for v in row] for row in r.rows])
    return out.getvalue().rstrip("\n")


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def _json(r: Result) -> str:
    rows = [dict(zip(r.columns, row)) for row in r.rows]
    return json.dumps(rows, ensure_ascii=False, default=_json_value, indent=1)
