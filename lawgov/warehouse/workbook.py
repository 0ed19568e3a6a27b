"""Marts as one Excel workbook, typed the way an analyst expects.

CSV opened in Excel turns a region code like 110105 into a number and shows a count stored
as DOUBLE as 54.0. Here every cell is written with its type: text columns (codes among
them) as text, whole numbers as integers, rates with one decimal, dates as dates. Each sheet
has one header row in Chinese, the column's code in the header cell's comment, and the
header row frozen. A mart longer than Excel's 1,048,576 rows continues on a second sheet.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

LABELS_CSV = Path(__file__).with_name("column_labels.csv")
MAX_ROWS = 1_048_576 - 1          # Excel's rows, less the header
BATCH = 10_000


@dataclass
class Column:
    name: str
    label: str                    # Chinese header
    kind: str                     # text | int | rate | number | bool | date


def labels(con=None) -> dict[str, str]:
    """Column code → Chinese label: the table beside this module, plus the indicator panel's
    columns named after the catalogue (seeds.indicators) when the warehouse has it."""
    with LABELS_CSV.open(encoding="utf-8", newline="") as f:
        out = {r["column"]: r["label_zh"] for r in csv.DictReader(f)}
    if con is not None:
        try:
            for code, name, unit in con.execute("select code, name_zh, unit from seeds.indicators").fetchall():
                out.setdefault(code.replace(".", "_"), f"{name}({unit})" if unit else name)
        except Exception:         # a warehouse without seeds: codes stay as headers
            pass
    return out


def _kind(name: str, dtype: str) -> str:
    dtype = dtype.upper()
    if dtype in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
                 "UINTEGER", "UBIGINT"):
        return "int"
    if dtype in ("DOUBLE", "FLOAT", "REAL") or dtype.startswith("DECIMAL"):
        return "rate" if name == "rate" or name.endswith("_rate") else "number"
    if dtype == "BOOLEAN":
        return "bool"
    if dtype == "DATE":
        return "date"
    return "text"


def columns_of(description, names: dict[str, str]) -> list[Column]:
    """Columns of a DuckDB result (cursor.description), with unique Chinese labels."""
    cols, seen = [], set()
    for name, dtype, *_ in description:
        label = names.get(name, name)
        if label in seen:
            label = f"{label} {name}"
        seen.add(label)
        cols.append(Column(name, label, _kind(name, str(dtype))))
    return cols


class Writer:
    """One workbook being written: its formats, and a method to add a result as sheets."""

    def __init__(self, path: Path):
        import xlsxwriter

        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                                    "strings_to_formulas": False, "strings_to_urls": False})
        self.header = self.book.add_format({"bold": True, "bg_color": "#EEEEEE", "bottom": 1})
        self.int = self.book.add_format({"num_format": "0"})
        self.rate = self.book.add_format({"num_format": "0.0"})
        self.date = self.book.add_format({"num_format": "yyyy-mm-dd"})
        self.text = self.book.add_format({"num_format": "@"})

    def add(self, name: str, cursor, cols: list[Column]) -> int:
        """Write a result's rows on sheet ``name`` (continued on ``name (2)`` … beyond Excel's
        rows); returns the row count."""
        total, part, ws, row = 0, 1, None, 0
        unit_at = next((i for i, c in enumerate(cols) if c.name == "unit"), None)
        for rows in _batches(cursor):
            for values in rows:
                if ws is None or row > MAX_ROWS:
                    ws = self._sheet(name if part == 1 else f"{name[:26]} ({part})", cols)
                    part, row = part + 1, 1
                percent = unit_at is not None and values[unit_at] == "%"
                for j, (col, v) in enumerate(zip(cols, values)):
                    self._cell(ws, row, j, col, v, percent)
                row += 1
                total += 1
        if ws is None:
            self._sheet(name, cols)
        return total

    def _sheet(self, name: str, cols: list[Column]):
        ws = self.book.add_worksheet(name[:31])
        for j, col in enumerate(cols):
            ws.write_string(0, j, col.label, self.header)
            if col.label != col.name:
                ws.write_comment(0, j, col.name)
            ws.set_column(j, j, 14 if col.kind != "text" else 18)
        ws.freeze_panes(1, 0)
        return ws

    def _cell(self, ws, r: int, c: int, col: Column, v, percent: bool) -> None:
        if v is None:
            return
        if col.kind == "text":
            ws.write_string(r, c, ", ".join(map(str, v)) if isinstance(v, list) else str(v))
        elif col.kind == "int":
            ws.write_number(r, c, int(v), self.int)
        elif col.kind in ("rate", "number"):
            if col.kind == "rate" or percent:
                ws.write_number(r, c, float(v), self.rate)
            elif float(v).is_integer():
                ws.write_number(r, c, int(v), self.int)
            else:
                ws.write_number(r, c, float(v))
        elif col.kind == "bool":
            ws.write_boolean(r, c, bool(v))
        elif col.kind == "date" and isinstance(v, (date, datetime)):
            ws.write_datetime(r, c, datetime(v.year, v.month, v.day), self.date)
        else:
            ws.write_string(r, c, str(v))

    def close(self) -> None:
        self.book.close()


def _batches(cursor) -> Iterator[list[tuple]]:
    while True:
        rows = cursor.fetchmany(BATCH)
        if not rows:
            return
        yield rows


def write_marts(con, names: list[str], path: Path) -> Iterator[tuple[str, int]]:
    """One workbook, a sheet per mart; yields (mart, rows) as each sheet is written."""
    tmp = path.with_name(path.name + ".part")
    writer = Writer(tmp)
    try:
        heads = labels(con)
        for name in names:
            cursor = con.execute(f'select * from marts."{name}"')
            yield name, writer.add(name, cursor, columns_of(cursor.description, heads))
    finally:
        writer.close()
    tmp.replace(path)


def write_result(con, sql: str, path: Path, sheet: str = "query") -> int:
    """One query's result as a one-sheet workbook; returns its row count."""
    tmp = path.with_name(path.name + ".part")
    writer = Writer(tmp)
    try:
        heads = labels(con)        # before the query: another statement would reset its cursor
        cursor = con.execute(sql)
        rows = writer.add(sheet, cursor, columns_of(cursor.description, heads))
    finally:
        writer.close()
    tmp.replace(path)
    return rows
