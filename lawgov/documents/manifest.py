"""The manifest beside the reports (manifest.csv): what an analyst knows of a file better
than its text does (region, year, url, published date). Bad rows are reported with their
file and line and not applied."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from lawgov.documents.regions import CENTRAL_CODE, gazetteer
from lawgov.errors import ManifestError
from lawgov.ingest.tables import read_table

__all__ = ["load_manifest", "parse_date"]


def parse_date(y, m, d) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None


_MANIFEST_COLUMNS = ("file", "region_code", "report_year", "url", "published_on")


def load_manifest(path: Path) -> tuple[dict[str, dict], list[ManifestError]]:
    """Read data/reports/manifest.csv (file, region_code, report_year, url, published_on;
    every column optional but file). Returns the good rows by file and one ManifestError
    (with the file and line) for each bad row; a bad row is not applied at all."""
    path = Path(path)
    rows: dict[str, dict] = {}
    cols, records, errors = read_table(path, ManifestError, what="the manifest")
    if not cols:
        return {}, errors
    if "file" not in cols:
        return {}, [ManifestError("the manifest has no 'file' column (expected columns: "
                                  + ", ".join(_MANIFEST_COLUMNS) + ")", file=str(path), line=1)]
    g = gazetteer()
    for line, rec in records:
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
