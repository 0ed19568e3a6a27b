"""The manifest beside the reports (manifest.csv): what an analyst knows of a file better
than its text does (region, year, url, published date). Bad rows are reported with their
file and line and not applied."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from ..errors import ManifestError
from lawgov.documents.regions import CENTRAL_CODE, gazetteer

__all__ = ["load_manifest", "parse_date"]


def parse_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None


_MANIFEST_COLUMNS = ("file", "region_code", "report_year", "url", "published_on")


#: The longest value a manifest cell may hold (a URL is the longest real one).
MAX_FIELD = 4096


def _row(text: str, path: Path, line: int, errors: list) -> list[str] | None:
    """One line's cells, or None (with its error) for a line that is no well-formed row."""
    if text.count('"') % 2:
        errors.append(ManifestError('a stray " (quotes come in pairs around a cell); the row '
                                    "is skipped", file=str(path), line=line))
        return None
    if len(text) > MAX_FIELD * len(_MANIFEST_COLUMNS):
        errors.append(ManifestError(f"a row of {len(text)} characters, too long for a manifest "
                                    "row; the row is skipped", file=str(path), line=line))
        return None
    try:
        values = next(csv.reader([text]), [])
    except csv.Error as exc:
        errors.append(ManifestError(f"not a CSV row ({exc}); the row is skipped", file=str(path),
                                    line=line))
        return None
    longest = max((len(v) for v in values), default=0)
    if longest > MAX_FIELD:
        errors.append(ManifestError(f"a cell of {longest} characters, over the {MAX_FIELD} a "
                                    "manifest value may have; the row is skipped", file=str(path),
                                    line=line))
        return None
    return values


def load_manifest(path: Path) -> tuple[dict[str, dict], list[ManifestError]]:
    """Read data/reports/manifest.csv (file, region_code, report_year, url, published_on;
    every column optional but file). Returns the good rows by file and one ManifestError
    (with the file and line) for each bad row; a bad row is not applied at all."""
    path = Path(path)
    rows: dict[str, dict] = {}
    errors: list[ManifestError] = []
    try:
        raw = path.read_bytes()
    except OSError as e:
        return {}, [ManifestError(f"cannot read the manifest: {e.strerror or e}", file=str(path))]
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            content = raw.decode("gb18030")
        except UnicodeDecodeError:
            return {}, [ManifestError("the manifest is neither UTF-8 nor GB18030 text", file=str(path))]
    # one row a line, read line by line: a stray quote then spoils its own row, not every
    # row after it, and an over-long field is that row's error, not an uncaught csv.Error
    lines = content.split("\n")
    if not lines[0].strip():
        return {}, []
    header = _row(lines[0].rstrip("\r"), path, 1, errors)
    if header is None:
        return {}, errors
    cols = [h.strip().lower() for h in header]
    if "file" not in cols:
        return {}, [ManifestError("the manifest has no 'file' column (expected columns: "
                                  + ", ".join(_MANIFEST_COLUMNS) + ")", file=str(path), line=1)]
    g = gazetteer()
    for line, text in enumerate(lines[1:], start=2):
        values = _row(text.rstrip("\r"), path, line, errors)
        if values is None:
            continue
        if not any(v.strip() for v in values):
            continue
        rec = {c: (values[i].strip() if i < len(values) else "") for i, c in enumerate(cols)}
        problems = []
        fname = rec.get("file", "")
        if not fname:
            problems.append("the file column is empty")
        out: dict = {"file": fname, "region_code": None, "report_year": None, "url": None,
                     "published_on": None}
        code = rec.get("region_code", "")
        if code:
            if not re.fullmatch(r"\d{6}|\d{9}|\d{12}", code):
                problems.append(f"region_code {code!r} is not a 6- or 9-digit GB/T 2260 code")
            elif code != CENTRAL_CODE and g.get(code[:9] if len(code) >= 9 else code) is None:
                problems.append(f"region_code {code} is not a known region")
            else:
                out["region_code"] = code[:9] if len(code) == 12 else code
        y = rec.get("report_year", "")
        if y:
            if not re.fullmatch(r"(19|20)\d{2}", y):
                problems.append(f"report_year {y!r} is not a year")
            else:
                out["report_year"] = int(y)
        d = rec.get("published_on", "")
        if d:
            m = re.fullmatch(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", d)
            parsed = parse_date(*m.groups()) if m else None
            if parsed is None:
                problems.append(f"published_on {d!r} is not a date (YYYY-MM-DD)")
            else:
                out["published_on"] = parsed
        u = rec.get("url", "")
        if u:
            out["url"] = u
        if problems:
            errors.append(ManifestError("; ".join(problems), file=str(path), line=line))
            continue
        if fname in rows:
            errors.append(ManifestError(f"{fname} is listed twice; the later row is used",
                                        file=str(path), line=line))
        rows[fname] = out
    return rows, errors
