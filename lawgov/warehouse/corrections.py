"""Hand corrections: data/reports/corrections.csv, beside manifest.csv.

An analyst's fix to a fact lives in this file, not in the warehouse, so every rebuild
applies it again. A row names its fact the way a reader would find it again — the document,
the number as written, its span, the sentence it stands in, the indicator it was read as —
never by fact_id, which a re-parse may renumber. The build loads the good rows into
raw.corrections and the facts mart applies them in SQL (sql/intermediate/int_corrections.sql),
so `dbt build` applies them too. Bad rows are reported with file and line and skipped.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path

from lawgov.errors import CorrectionError, LawgovError
from lawgov.ingest.sources import CORRECTIONS_NAME as FILE_NAME   # the folder scan skips it too
from lawgov.ingest.tables import read_table

ACTIONS = ("set", "retract", "add")
SCOPES = ("all", "government", "departments")
# the file's columns, in the order `lawgov correct` writes them
COLUMNS = ("action", "source_file", "fact_indicator", "number_text", "span_start", "span_end",
           "evidence", "indicator", "value", "unit", "year", "scope", "reason", "by", "on")
REQUIRED = ("action", "source_file", "number_text", "reason")
SET_FIELDS = ("indicator", "value", "unit", "year", "scope")

DDL = """
create schema if not exists raw;
create table if not exists raw.corrections (
    correction_id varchar, line integer, action varchar, source_file varchar,
    fact_indicator varchar, number_text varchar, span_start integer, span_end integer,
    evidence varchar, indicator varchar, value double, unit varchar, year integer,
    scope varchar, reason varchar, corrected_by varchar, corrected_on date
);
"""


@dataclass
class Correction:
    """One good row of corrections.csv."""

    line: int
    action: str                   # set | retract | add
    source_file: str              # the document, as in marts.documents.source_file
    number_text: str              # the number as written in the document
    reason: str
    fact_indicator: str | None = None   # the indicator the extractor gave the fact (set, retract)
    span_start: int | None = None       # character offsets of the number in the document text
    span_end: int | None = None
    evidence: str | None = None         # the sentence the number stands in
    indicator: str | None = None        # new values (set) or the added fact's (add)
    value: float | None = None
    unit: str | None = None
    year: int | None = None
    scope: str | None = None
    by: str | None = None
    on: date | None = None

    @property
    def correction_id(self) -> str:
        """Identity of what the row says (not where it is in the file), so an added fact keeps
        its id when rows above it are added or removed."""
        body = {k: v for k, v in asdict(self).items() if k not in ("line", "by", "on")}
        return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()[:16]

    def as_csv_row(self) -> dict[str, str]:
        out = {}
        for col in COLUMNS:
            v = getattr(self, col)
            out[col] = "" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))
        return out


@dataclass
class Loaded:
    """What a build takes from the corrections file."""

    path: Path
    corrections: list[Correction]
    errors: list[CorrectionError]

    @property
    def fingerprint(self) -> str:
        """Changes whenever the rows the models see do, so a changed file re-runs the models."""
        rows = [asdict(c) for c in self.corrections]
        return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()[:16]


def indicator_codes(project: Path) -> set[str] | None:
    """The catalogue's codes (seeds/indicators.csv of the model project), None if unreadable."""
    path = Path(project) / "seeds" / "indicators.csv"
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return {row["code"].strip() for row in csv.DictReader(f) if row.get("code")}
    except (OSError, KeyError):
        return None


def load(reports: Path, project: Path) -> Loaded:
    """The corrections of a reports folder (none when it has no corrections.csv)."""
    path = Path(reports) / FILE_NAME
    if not path.exists():
        return Loaded(path, [], [])
    corrections, errors = read_corrections(path, indicator_codes(project))
    return Loaded(path, corrections, errors)


#: The longest cell a corrections row may hold: an evidence sentence can be long (a table row).
MAX_FIELD = 16384


def read_corrections(path: Path, indicators: set[str] | None = None
                     ) -> tuple[list[Correction], list[CorrectionError]]:
    """The good rows, and a CorrectionError (file:line) for each bad one, which is skipped."""
    cols, records, errors = read_table(path, CorrectionError, what="the corrections file",
                                       max_field=MAX_FIELD)
    if not cols:
        return [], errors
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        return [], [CorrectionError(f"the header lacks the column(s) {', '.join(missing)} (columns: "
                                    + ", ".join(COLUMNS) + ")", file=str(path), line=1)]
    unknown = [c for c in cols if c not in COLUMNS]
    if unknown:
        errors.append(CorrectionError(f"unknown column(s) {', '.join(unknown)} are ignored", file=str(path), line=1))
    good: list[Correction] = []
    seen: dict[str, int] = {}
    for start, rec in records:
        try:
            fix = parse_row(rec, start, indicators)
        except CorrectionError as e:
            errors.append(CorrectionError(e.message, file=str(path), line=start))
            continue
        cid = fix.correction_id
        if cid in seen:
            errors.append(CorrectionError(f"the same correction as line {seen[cid]}; skipped",
                                          file=str(path), line=start))
            continue
        seen[cid] = start
        good.append(fix)
    return good, errors


def _int(rec: dict, col: str, problems: list[str], pattern: str = r"\d+") -> int | None:
    v = rec.get(col, "")
    if not v:
        return None
    if not re.fullmatch(pattern, v):
        problems.append(f"{col} {v!r} is not {'a year' if col == 'year' else 'a whole number'}")
        return None
    return int(v)


def parse_row(rec: dict[str, str], line: int, indicators: set[str] | None = None) -> Correction:
    """One row (column → text) as a Correction; raises CorrectionError saying every problem."""
    problems: list[str] = []
    action = rec.get("action", "").lower()
    if action not in ACTIONS:
        problems.append(f"action {action!r} is not one of {', '.join(ACTIONS)}")
    for col in REQUIRED[1:]:
        if not rec.get(col):
            problems.append(f"{col} is empty")
    span_start = _int(rec, "span_start", problems)
    span_end = _int(rec, "span_end", problems)
    if (span_start is None) != (span_end is None):
        problems.append("give both span_start and span_end, or neither")
    elif span_start is not None and span_end <= span_start:
        problems.append(f"span_end {span_end} is not after span_start {span_start}")
    value = None
    if rec.get("value"):
        try:
            value = float(rec["value"].replace(",", ""))
        except ValueError:
            problems.append(f"value {rec['value']!r} is not a number")
    year = _int(rec, "year", problems, r"(19|20)\d{2}")
    scope = rec.get("scope") or None
    if scope and scope not in SCOPES:
        problems.append(f"scope {scope!r} is not one of {', '.join(SCOPES)}")
    for col in ("indicator", "fact_indicator"):
        code = rec.get(col)
        if code and indicators is not None and code not in indicators:
            problems.append(f"{col} {code!r} is not in the indicator catalogue (seeds/indicators.csv)")
    on = None
    if rec.get("on"):
        from lawgov.documents.manifest import parse_date   # lawgov.documents costs a build with nothing changed 0.1 s

        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", rec["on"])
        on = parse_date(*m.groups()) if m else None
        if on is None:
            problems.append(f"on {rec['on']!r} is not a date (YYYY-MM-DD)")
    changes = [c for c in SET_FIELDS if rec.get(c)]
    if action in ("set", "retract") and not rec.get("fact_indicator"):
        problems.append(f"{action} needs fact_indicator (the indicator the fact was read as)")
    if action in ("set", "retract") and span_start is None and not rec.get("evidence"):
        problems.append(f"{action} needs the number's span (span_start, span_end) or its sentence (evidence)")
    if action == "set" and not changes:
        problems.append("set changes nothing: give at least one of " + ", ".join(SET_FIELDS))
    if action == "retract" and changes:
        problems.append(f"retract takes no new values (got {', '.join(changes)})")
    if action == "add":
        for col in ("indicator", "value", "evidence"):
            if not rec.get(col):
                problems.append(f"add needs {col}")
        if rec.get("evidence") and rec.get("number_text") and rec["number_text"] not in rec["evidence"]:
            problems.append(f"number_text {rec['number_text']!r} is not in the evidence sentence")
    if problems:
        raise CorrectionError("; ".join(problems), line=line)
    return Correction(
        line=line, action=action, source_file=rec["source_file"], number_text=rec["number_text"],
        reason=rec["reason"], fact_indicator=rec.get("fact_indicator") or None,
        span_start=span_start, span_end=span_end, evidence=rec.get("evidence") or None,
        indicator=rec.get("indicator") or None, value=value, unit=rec.get("unit") or None,
        year=year, scope=scope, by=rec.get("by") or None, on=on)


def append(path: Path, fix: Correction) -> None:
    """Append a row to the corrections file, writing its header first when it is new, in the
    order of the columns the file already has."""
    path = Path(path)
    row = fix.as_csv_row()
    if path.exists():
        same = [c.line for c in read_corrections(path)[0] if c.correction_id == fix.correction_id]
        if same:
            raise CorrectionError("the file already has this correction", file=str(path), line=same[0])
    if path.exists() and path.stat().st_size > 0:
        content = path.read_bytes().decode("utf-8-sig")
        header = [h.strip().lower() for h in next(csv.reader(io.StringIO(content)), [])]
        lacking = [c for c, v in row.items() if v and c not in header]
        if lacking:
            raise CorrectionError(f"the file has no column(s) {', '.join(lacking)} for this correction",
                                  file=str(path), line=1)
        prefix = "" if content.endswith("\n") else "\n"
    else:
        header, prefix = list(COLUMNS), None
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if prefix is None:
        writer.writerow(header)
        prefix = ""
    writer.writerow([row.get(c, "") for c in header])
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write(prefix + buf.getvalue())


def write_table(con, loaded: Loaded) -> None:
    """Replace raw.corrections with the loaded rows and record their fingerprint (after the
    build's other raw fingerprints), so the models re-run exactly when the rows change."""
    con.execute(DDL)
    con.execute("delete from raw.corrections")
    names = [f.name for f in fields(Correction)]
    rows = [[c.correction_id] + [getattr(c, n) for n in names] for c in loaded.corrections]
    if rows:
        cols = ["correction_id"] + [{"by": "corrected_by", "on": "corrected_on"}.get(n, n) for n in names]
        con.executemany(f"insert into raw.corrections ({', '.join(cols)}) values "
                        f"({', '.join('?' * len(cols))})", rows)
    con.execute("delete from meta.raw_fingerprints where table_name = 'raw.corrections'")
    con.execute("insert into meta.raw_fingerprints values ('raw.corrections', ?)", [loaded.fingerprint])


def stale_in(db: Path, path: Path) -> list[str]:
    """stale() of a published warehouse (a build that found nothing changed still says them)."""
    from lawgov.warehouse.readonly import open_published

    try:
        con = open_published(db)
    except LawgovError:
        return []
    try:
        return stale(con, path)
    finally:
        con.close()


def stale(con, path: Path) -> list[str]:
    """A line for each correction that found no target in this build (marts.data_quality has them too)."""
    try:
        rows = con.execute("select line, action, source_file, number_text, stale_reason "
                           "from intermediate.int_corrections where status = 'stale' order by line").fetchall()
    except Exception:     # a project without the corrections models
        return []
    return [f"{path}:{line}: stale correction ({action} {number!r} in {source}): {why}; "
            "see marts.data_quality" for line, action, source, number, why in rows]


def for_fact(db: Path, fact_id: str, changes: dict, reason: str, by: str | None,
             indicators: set[str] | None) -> Correction:
    """The corrections.csv row that makes ``changes`` to a fact of the warehouse (retract when
    changes is empty), naming the fact by what survives a rebuild: its document, the number as
    written, its span, its sentence and the indicator the extractor gave it."""
    from lawgov.warehouse.readonly import open_published

    con = open_published(db)
    try:
        row = con.execute(
            "select d.source_file, f.indicator, f.span_start, f.span_end, f.evidence, "
            "substring(d.text, f.span_start + 1, f.span_end - f.span_start) "
            "from raw.facts as f join raw.documents as d on d.doc_id = f.doc_id where f.fact_id = ?",
            [fact_id]).fetchone()
        added = None if row else _added_line(con, fact_id)
    finally:
        con.close()
    if added is not None:
        raise CorrectionError(f"{fact_id} was added by a correction (line {added} of the corrections "
                              "file); edit or remove that row instead")
    if row is None:
        raise CorrectionError(f"no fact {fact_id} in {db}; find its id with "
                              f"lawgov query \"select fact_id, evidence from marts.facts where …\"")
    source_file, indicator, start, end, evidence, number = row
    rec = {"action": "set" if changes else "retract", "source_file": source_file,
           "fact_indicator": indicator, "number_text": number or "", "span_start": str(start),
           "span_end": str(end), "evidence": evidence or "", "reason": reason or "",
           "by": by or "", "on": date.today().isoformat()}
    rec.update({k: (f"{v:g}" if isinstance(v, float) else str(v)) for k, v in changes.items()
                if v is not None})
    return parse_row(rec, 0, indicators)


def _added_line(con, fact_id: str) -> int | None:
    import duckdb

    try:
        row = con.execute("select line from intermediate.int_corrections where fact_id = ? "
                          "and action = 'add'", [fact_id]).fetchone()
    except duckdb.Error:      # a warehouse built before corrections existed
        return None
    return row[0] if row else None
