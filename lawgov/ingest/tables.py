"""The CSV files an analyst keeps beside the reports (manifest.csv, corrections.csv), read
one row a line so that a bad row costs that row, with its file and line, never the rows
after it: a stray quote spoils only its own line, an over-long cell is that row's error
rather than an uncaught csv.Error. Excel on Chinese Windows saves GB18030, so that is read
too."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable

from lawgov.errors import LawgovError

__all__ = ["read_table"]


def read_table(path: Path, error: Callable[..., LawgovError], *, what: str, max_field: int = 4096
               ) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[LawgovError]]:
    """The lower-cased header, each non-blank row as (line, {column: stripped value}), and an
    ``error(message, file=, line=)`` for each row that is skipped. ``what`` names the file
    in messages ("the manifest")."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        return [], [], [error(f"cannot read {what}: {e.strerror or e}", file=str(path))]
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            content = raw.decode("gb18030")
        except UnicodeDecodeError:
            return [], [], [error(f"{what} is neither UTF-8 nor GB18030 text", file=str(path))]
    lines = content.split("\n")
    errors: list[LawgovError] = []
    if not lines[0].strip():
        return [], [], []
    header = _cells(lines[0].rstrip("\r"), path, 1, errors, error, what, max_field)
    if header is None:
        return [], [], errors
    cols = [h.strip().lower() for h in header]
    rows = []
    for line, text in enumerate(lines[1:], start=2):
        values = _cells(text.rstrip("\r"), path, line, errors, error, what, max_field)
        if values is None or not any(v.strip() for v in values):
            continue
        rows.append((line, {c: (values[i].strip() if i < len(values) else "") for i, c in enumerate(cols)}))
    return cols, rows, errors


def _cells(text: str, path: Path, line: int, errors: list, error, what: str, max_field: int
           ) -> list[str] | None:
    """One line's cells, or None (with its error) for a line that is no well-formed row."""
    if text.count('"') % 2:
        errors.append(error('a stray " (quotes come in pairs around a cell); the row is skipped',
                            file=str(path), line=line))
        return None
    if len(text) > max_field * 16:
        errors.append(error(f"a row of {len(text)} characters, too long for a row of {what}; "
                            "the row is skipped", file=str(path), line=line))
        return None
    try:
        values = next(csv.reader([text]), [])
    except csv.Error as exc:
        errors.append(error(f"not a CSV row ({exc}); the row is skipped", file=str(path), line=line))
        return None
    longest = max((len(v) for v in values), default=0)
    if longest > max_field:
        errors.append(error(f"a cell of {longest} characters, over the {max_field} a value of "
                            f"{what} may have; the row is skipped", file=str(path), line=line))
        return None
    return values
