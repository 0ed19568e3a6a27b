"""One build, end to end: files → sources → documents + extraction → raw tables → models → publish.

Only this module wires the stages together; each stage is called through the signatures in
docs/INTERFACES.md. Files are parsed in worker processes and their rows written in batches,
so memory follows the batch size, not the corpus. A build is incremental: a file whose size
and mtime (or, failing that, bytes) are unchanged is not parsed again, a changed file
replaces its rows and a removed file's rows leave; a build with nothing changed publishes
nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

from lawgov.warehouse import store
from lawgov.ingest.sources import FileEntry, sha256_file
from lawgov.errors import BuildError, LawgovError

PACKAGE_DIR = Path(__file__).resolve().parent
PARSER_SEEDS = PACKAGE_DIR.parent / "seeds"     # where catalog.py and regions.py read theirs
BATCH_FILES = 256


@dataclass
class BuildOptions:
    reports: Path
    db: Path
    project: Path                   # the folder holding sql/, seeds/ and dbt_project.yml
    workers: int = 0                # 0: one per core
    wait: float = 600.0             # seconds to wait for another build's lock
    full_refresh: bool = False      # re-parse every file and rebuild every model
    progress: Callable[[str, int, int], None] | None = None


@dataclass
class BuildSummary:
    files: int = 0
    loaded: int = 0
    unchanged: int = 0
    duplicates: int = 0
    quarantined: int = 0
    removed: int = 0
    facts: int = 0
    mentions: int = 0
    models_built: int = 0
    models_skipped: int = 0
    tests_passed: int = 0
    tests_warned: int = 0
    seconds: float = 0.0
    published: bool = False
    nothing_changed: bool = False
    problems: list[str] = field(default_factory=list)   # quarantined files and manifest rows, in words


@dataclass
class FileState:
    """What the last build knew of a file (meta.files)."""

    source_file: str
    size: int
    mtime_ns: int
    sha256: str
    status: str
    reason: str | None
    doc_id: str | None
    duplicate_of: str | None
    manifest_sha: str | None


@dataclass
class Plan:
    """What a build does with each file of the reports folder."""

    unchanged: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)     # same bytes, new mtime: recorded, not parsed
    to_parse: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def code_fingerprint() -> str:
    """A hash of everything that decides what a file's rows are: the package, its rules and
    the seeds the parser reads. When it changes every file is parsed again."""
    h = hashlib.sha256()
    paths = sorted(PACKAGE_DIR.rglob("*.py")) + sorted((PACKAGE_DIR / "extract" / "rules").rglob("*"))
    paths += sorted(PARSER_SEEDS.glob("*.csv"))
    for p in paths:
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def manifest_sha(row: dict | None) -> str:
    """Identity of a file's manifest row: a file is parsed again when its row changes."""
    if not row:
        return ""
    return hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()[:16]


def project_fingerprint(project: Path) -> str:
    """A hash of the model project; a change means the models must run even if no file did."""
    h = hashlib.sha256()
    paths = [p for d in ("sql", "macros", "seeds") for p in sorted((project / d).rglob("*"))]
    for p in paths + [project / "dbt_project.yml"]:
        if p.is_file():
            h.update(str(p.relative_to(project)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def read_previous(published: Path) -> tuple[dict[str, FileState], dict[str, str], str | None]:
    """The published warehouse's file states and build fingerprints, and why it could not be
    read if it could not (the build then starts a new warehouse and says so)."""
    if not published.exists():
        return {}, {}, None
    import duckdb

    cols = [f.name for f in fields(FileState)]
    try:
        con = duckdb.connect(str(published), read_only=True)
        try:
            have = {r[0] for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'meta' and table_name = 'files'").fetchall()}
            select = ", ".join(c if c in have else "null" for c in cols)
            rows = con.execute(f"select {select} from meta.files").fetchall()
            marks = dict(con.execute("select table_name, fingerprint from meta.raw_fingerprints").fetchall())
        finally:
            con.close()
    except duckdb.Error as e:
        return {}, {}, f"{published}: the published warehouse could not be read ({e}); building a new one"
    return {r[0]: FileState(*r) for r in rows}, marks, None


_HAN = re.compile(r"[\u4e00-\u9fff]")
_TABLE_ROW = re.compile(r"(?:^|\|)\s*[\d.,%]+\s*(?:\||$)")   # a flattened table row with a figure cell


def text_key(text: str) -> str:
    """Identity of a report's body, whatever its format: duplicates share it.

    Prose lines (a sentence end, or 20 Han characters) and table rows with a figure count, with white
    space removed, because the same report as a web page, a PDF and plain text differs in
    its title, date lines and wrapping but not in its sentences or its tables."""
    lines = [ln for ln in text.splitlines()
             if "。" in ln or _TABLE_ROW.search(ln) or len(_HAN.findall(ln)) >= 20]
    body = "".join("".join(ln.split()) for ln in lines) or "".join(text.split())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def parse_file(path: Path, root: Path, manifest_row: dict | None) -> dict:
    """Everything one file contributes, as plain rows. Runs in a worker process."""
    from lawgov.documents import describe_document
    from lawgov.extract import extract
    from lawgov.ingest.sources import read_source

    source = read_source(path, root)
    out = {"source": source, "document": None, "mentions": [], "facts": [], "evidence": []}
    if source.status != "loaded":
        return out
    try:
        meta = describe_document(source.text, source.name, manifest_row)
        if meta.doc_kind == "not_report":
            source.status, source.reason = "quarantined", "not a report: no report content found"
            return out
        result = extract(source.text, meta.report_year, published_on=meta.published_on)
    except Exception as e:  # a parser bug must not stop the build; the file is quarantined
        source.status = "quarantined"
        source.reason = f"parser failed: {type(e).__name__}: {e}"
        return out
    key = text_key(source.text)
    doc_id = key[:16]
    out["text_key"] = key
    out["document"] = {
        "doc_id": doc_id, "source_file": source.name, "sha256": source.sha256, "text_sha256": key,
        "size": source.size, "format": source.format, "encoding": source.encoding,
        "text": source.text, "chars": len(source.text), "title": meta.title,
        "reporting_body": meta.reporting_body, "doc_kind": meta.doc_kind,
        "region_code": meta.region_code, "region_name": meta.region_name,
        "region_level": meta.region_level, "province_code": meta.province_code,
        "city_code": meta.city_code, "region_confidence": meta.region_confidence,
        "region_candidates": list(meta.region_candidates or []), "report_year": meta.report_year,
        "published_on": meta.published_on, "url": meta.url,
    }

    def body_at(pos: int):
        for other in meta.other_bodies:
            if other.start <= pos < other.end:
                return other
        return None

    for i, m in enumerate(result.mentions):
        other = body_at(m.span_start)
        out["mentions"].append({
            "mention_id": f"{doc_id}-m{i:05d}", "doc_id": doc_id, "span_start": m.span_start,
            "span_end": m.span_end, "number_text": m.number_text, "value": m.value, "unit": m.unit,
            "unit_raw": m.unit_raw, "qualifier": m.qualifier, "kind": m.kind, "year": m.year,
            "indicator": m.indicator, "scope": m.scope, "sentence": m.sentence, "clause": m.clause,
            "region_code": other.region_code if other else meta.region_code,
            "role": "other_body" if other and m.role == "total" else m.role,
            "reason": f"about another body ({other.name})" if other and m.reason is None else m.reason,
        })
    for i, f in enumerate(result.facts):
        fact_id = f"{doc_id}-f{i:04d}"
        other = body_at(f.span_start)
        evidences = f.evidences or [(f.span_start, f.span_end, f.evidence)]
        out["facts"].append({
            "fact_id": fact_id, "doc_id": doc_id, "indicator": f.indicator, "value": f.value,
            "unit": f.unit, "unit_raw": f.unit_raw, "qualifier": f.qualifier, "year": f.year,
            "scope": f.scope, "region_code": other.region_code if other else meta.region_code,
            "about_reporting_body": other is None, "evidence": f.evidence,
            "span_start": f.span_start, "span_end": f.span_end, "derived": bool(f.derived),
            "derivation": f.derivation, "evidence_count": len(evidences),
        })
        for start, end, sentence in evidences:
            out["evidence"].append({"fact_id": fact_id, "doc_id": doc_id, "evidence": sentence,
                                    "span_start": start, "span_end": end})
    return out


def _parse_job(args) -> dict:
    """parse_file in a worker, with its rows turned into columnar frames there, so the main
    process (which writes every batch) only concatenates them."""
    out = parse_file(*args)
    out["frames"] = {
        "documents": _frame("documents", [out["document"]] if out["document"] else []),
        "mentions": _frame("mentions", out.pop("mentions")),
        "facts": _frame("facts", out.pop("facts")),
        "fact_evidence": _frame("fact_evidence", out.pop("evidence")),
    }
    out["document"] = out["document"] and {"doc_id": out["document"]["doc_id"]}
    return out


def _frame(table: str, rows: list[dict]):
    import polars as pl

    return pl.DataFrame(rows, schema=store.frame_schema(table)) if rows else None


def _concat(results: list[dict]) -> dict:
    """One frame per raw table from the kept results of a batch."""
    import polars as pl

    out = {}
    for table in store.RAW_TABLES:
        frames = [r["frames"][table] for r in results if r["frames"][table] is not None]
        out[table] = pl.concat(frames, rechunk=False) if frames else None
    return out


def _worker_init() -> None:
    """Make a parser process die with the build that forked it: a build killed with SIGKILL
    must not leave workers behind holding its lock file open."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)     # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass


def build(opts: BuildOptions) -> BuildSummary:
    """Build and publish the warehouse; raises a LawgovError subclass when it cannot, and
    the published warehouse is then left as it was."""
    from lawgov.documents import load_manifest
    from lawgov.ingest.sources import scan_tree

    started, started_at = time.monotonic(), datetime.now()
    summary = BuildSummary()
    published = opts.db.resolve()
    reports = opts.reports.resolve()
    if not reports.is_dir():
        raise BuildError(f"the reports folder {reports} does not exist", file=str(reports))
    lock = store.acquire_lock(published, opts.wait)
    try:
        store.clear_stale_areas(published)
        previous, marks, unreadable = read_previous(published)
        if unreadable:
            summary.problems.append(unreadable)
        code_fp = code_fingerprint()
        proj_fp = project_fingerprint(opts.project)
        same_code = marks.get("_code") == code_fp and not opts.full_refresh

        manifest_path = reports / "manifest.csv"
        manifest, manifest_errors = load_manifest(manifest_path) if manifest_path.exists() else ({}, [])
        summary.problems += [str(e) for e in manifest_errors]
        names = {f.name: f for f in scan_tree(reports)}
        summary.problems += [f"{manifest_path}: the row for {f!r} names no file in the reports folder"
                             for f in manifest if f not in names]
        summary.files = len(names)
        plan = _plan(names, previous if same_code else {}, manifest)
        plan.removed = [n for n in previous if n not in names]
        summary.unchanged = len(plan.unchanged) + len(plan.touched)
        summary.removed = len(plan.removed)

        if (published.exists() and not unreadable and same_code and not plan.to_parse
                and not plan.removed and not plan.touched and marks.get("_project") == proj_fp):
            summary.nothing_changed = True
            summary.seconds = time.monotonic() - started
            return summary

        area = store.open_area(published, copy=not unreadable)
        con = None
        try:
            con = store.connect(area.db)
            store.ensure_schema(con)
            if not same_code:  # every file is parsed again; the build history stays
                store.clear_raw(con)
            _forget(con, previous, plan)
            build_id = datetime.now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
            _ingest(con, opts, reports, names, plan.to_parse, manifest, summary, build_id)
            _record_touched(con, names, plan.touched)
            _log_unchanged(con, build_id, plan.unchanged + plan.touched)
            _mark_raw(con, code_fp, proj_fp, build_id)
            _run_models(con, opts, summary)
            summary.facts = con.execute("select count(*) from raw.facts").fetchone()[0]
            summary.mentions = con.execute("select count(*) from raw.mentions").fetchone()[0]
            summary.seconds = time.monotonic() - started
            con.execute(
                "insert into meta.builds values (?, ?, current_timestamp, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [build_id, started_at, str(reports), code_fp, summary.files, summary.loaded,
                 summary.unchanged, summary.duplicates, summary.quarantined, summary.removed,
                 summary.facts, summary.seconds])
            store.publish(con, area)
            con = None
            summary.published = True
        except BaseException as e:
            if con is not None:
                try:
                    con.close()
                except Exception:
                    pass
            store.discard(area)
            if isinstance(e, Exception) and not isinstance(e, LawgovError):
                raise BuildError(f"{type(e).__name__}: {e}") from e
            raise
    finally:
        lock.release()
    summary.seconds = time.monotonic() - started
    return summary


def _plan(names: dict[str, FileEntry], previous: dict[str, FileState], manifest: dict) -> Plan:
    """Sort the files into unchanged, touched and to-parse ones, hashing only when stat differs."""
    plan = Plan()
    for name, entry in names.items():
        st = previous.get(name)
        if (st is None or (st.manifest_sha or "") != manifest_sha(manifest.get(name))
                or (st.status == "quarantined" and (st.reason or "").startswith("cannot be read"))):
            plan.to_parse.append(name)
        elif entry.size == st.size and entry.mtime_ns == st.mtime_ns:
            plan.unchanged.append(name)
        elif entry.size == st.size and _same_bytes(entry.path, st.sha256):
            plan.touched.append(name)
        else:
            plan.to_parse.append(name)
    # A duplicate whose original is parsed again or leaves must be looked at again.
    gone = {previous[n].doc_id for n in plan.to_parse if n in previous and previous[n].doc_id}
    gone |= {st.doc_id for n, st in previous.items() if n not in names and st.doc_id}
    for group in (plan.unchanged, plan.touched):
        for n in [n for n in group if (previous[n].status or "").startswith("duplicate")
                  and previous[n].duplicate_of in gone]:
            group.remove(n)
            plan.to_parse.append(n)
    plan.to_parse.sort()
    return plan


def _same_bytes(path: str, sha256: str) -> bool:
    try:
        return sha256_file(Path(path)) == sha256
    except OSError:           # gone since it was listed: parse it, and read_source says why
        return False


def _forget(con, previous: dict[str, FileState], plan: Plan) -> None:
    """Drop the rows of files that are parsed again or have left."""
    leaving = plan.removed + plan.to_parse
    store.delete_documents(con, [previous[n].doc_id for n in leaving if n in previous
                                     and previous[n].doc_id])
    con.execute("delete from meta.files where source_file in (select unnest(?::varchar[]))", [leaving])


def _record_touched(con, names: dict[str, FileEntry], touched: list[str]) -> None:
    """Same bytes under a new mtime: remember the mtime so the next build need not hash it."""
    if touched:
        con.executemany("update meta.files set mtime_ns = ? where source_file = ?",
                        [[names[n].mtime_ns, n] for n in touched])


def _batches(jobs: list, workers: int) -> Iterator[list[dict]]:
    """Parse jobs in worker processes, yielding results a batch at a time and in order.

    One batch is always queued ahead of the one being written, so the workers stay busy
    while the main process inserts rows, and memory stays bounded by two batches. A file
    that kills its worker (a crash in a C library, memory) is found by parsing its batch
    again one file per process, and quarantined; the build goes on."""
    chunks = [jobs[i:i + BATCH_FILES] for i in range(0, len(jobs), BATCH_FILES)]
    if workers <= 1 or len(jobs) <= 1:
        for chunk in chunks:
            yield [_parse_job(j) for j in chunk]
        return
    from concurrent.futures.process import BrokenProcessPool

    _warm_stages()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
    try:
        pending = [(c, [pool.submit(_parse_job, j) for j in c]) for c in chunks[:2]]
        next_chunk = 2
        while pending:
            chunk, futures = pending.pop(0)
            try:
                results = [f.result() for f in futures]
            except BrokenProcessPool:
                pool.shutdown(cancel_futures=True)
                results = _isolate(chunk)
                pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init)
                pending = [(c, [pool.submit(_parse_job, j) for j in c]) for c, _ in pending]
            if next_chunk < len(chunks):
                pending.append((chunks[next_chunk], [pool.submit(_parse_job, j) for j in chunks[next_chunk]]))
                next_chunk += 1
            yield results
    finally:
        pool.shutdown(cancel_futures=True)


def _isolate(chunk: list) -> list[dict]:
    """Parse each job in a process of its own; a job whose process dies is quarantined."""
    from concurrent.futures.process import BrokenProcessPool

    results = []
    for job in chunk:
        with ProcessPoolExecutor(max_workers=1, initializer=_worker_init) as solo:
            try:
                results.append(solo.submit(_parse_job, job).result())
            except BrokenProcessPool:
                results.append(_crashed(*job[:2]))
    return results


def _crashed(path: Path, root: Path) -> dict:
    from lawgov.ingest.sources import Source

    try:
        stat = path.stat()
        size, mtime, sha = stat.st_size, stat.st_mtime_ns, sha256_file(path)
    except OSError:
        size, mtime, sha = 0, 0, ""
    source = Source(path=path, name=path.relative_to(root).as_posix(), size=size, sha256=sha,
                    mtime_ns=mtime, format="unknown", encoding=None, text=None,
                    status="quarantined", reason="the parser's process died reading this file")
    return {"source": source, "document": None, "frames": {t: None for t in store.RAW_TABLES}}


def _warm_stages() -> None:
    """Load the gazetteer and the rules once before forking, so workers inherit them
    instead of each loading its own; frozen, they are not walked by the workers' GC."""
    import gc

    import lawgov.documents as documents
    from lawgov.extract import extract

    documents.warm()
    extract("2022年度法治政府建设情况报告\n2022年,全市共受理行政复议案件10件。", 2022)
    gc.freeze()


def _ingest(con, opts, reports, names, to_parse, manifest, summary, build_id) -> None:
    """Parse the files that need it and write their rows, and their log rows, in batches."""
    import polars as pl

    known = dict(con.execute("select text_sha256, source_file from raw.documents").fetchall())
    workers = opts.workers or os.cpu_count() or 1
    jobs = [(Path(names[n].path), reports, manifest.get(n)) for n in to_parse]
    progress = opts.progress or (lambda stage, done, total: None)
    done = 0
    now = datetime.now()
    for results in _batches(jobs, workers):
        kept, files, log = [], [], []
        for r in results:
            source = r["source"]
            status, reason, dup_of = source.status, source.reason, None
            doc_id = r["document"]["doc_id"] if r["document"] else None
            if doc_id:
                original = known.get(r["text_key"])
                if original:
                    dup_of, doc_id = doc_id, None
                    status, reason = f"duplicate_of {original}", f"same text as {original}"
                else:
                    known[r["text_key"]] = source.name
                    kept.append(r)
            if status == "loaded":
                summary.loaded += 1
            elif status.startswith("duplicate"):
                summary.duplicates += 1
            else:
                summary.quarantined += 1
                summary.problems.append(f"{source.name}: {reason}")
            facts = r["frames"]["facts"].height if status == "loaded" and r["frames"]["facts"] is not None else 0
            files.append((source.name, source.size, source.mtime_ns, source.sha256, source.format,
                          source.encoding, status, reason, doc_id, dup_of, facts,
                          manifest_sha(manifest.get(source.name))))
            log.append((build_id, str(source.path), source.name, source.size, source.sha256,
                        source.format, source.encoding, status, reason, facts, now))
        for table, frame in _concat(kept).items():
            store.append(con, f"raw.{table}", frame)
        store.append(con, "meta.files", pl.DataFrame(files, schema=store.frame_schema("files"), orient="row"))
        store.append(con, "meta.ingest_log", pl.DataFrame(log, schema=store.frame_schema("ingest_log"), orient="row"))
        done += len(results)
        progress("parse", done, len(jobs))


def _log_unchanged(con, build_id: str, unchanged: list[str]) -> None:
    if not unchanged:
        return
    con.execute(
        """insert into meta.ingest_log
           select ?, source_file, source_file, size, sha256, format, encoding,
                  case when status = 'loaded' then 'unchanged' else status end,
                  reason, facts, current_timestamp
           from meta.files where source_file in (select unnest(?::varchar[]))""",
        [build_id, unchanged])


def _mark_raw(con, code_fp: str, proj_fp: str, build_id: str) -> None:
    """Record a fingerprint of each raw table's content, for the model runner to compare.

    A raw table's rows follow from which files were loaded (name and bytes) and the code
    that parsed them, so those identify its content without reading it."""
    docs_fp = con.execute(
        "select coalesce(md5(string_agg(doc_id || ':' || sha256 || ':' || source_file, ',' "
        "order by doc_id)), '') from raw.documents").fetchone()[0]
    marks = {f"raw.{t}": hashlib.sha256(f"{docs_fp}:{code_fp}:{t}".encode()).hexdigest()[:16]
             for t in store.RAW_TABLES}
    marks["meta.files"] = con.execute(
        "select coalesce(md5(string_agg(source_file || status || coalesce(sha256, ''), ',' "
        "order by source_file)), '') from meta.files").fetchone()[0]
    marks["meta.ingest_log"] = build_id
    marks["_code"] = code_fp
    marks["_project"] = proj_fp
    con.execute("delete from meta.raw_fingerprints")
    con.executemany("insert into meta.raw_fingerprints values (?, ?)", list(marks.items()))


def _run_models(con, opts: BuildOptions, summary: BuildSummary) -> None:
    from lawgov.warehouse.models import load_project, run_project

    project = load_project(opts.project)
    progress = opts.progress
    result = run_project(con, project, full_refresh=opts.full_refresh,
                         progress=(lambda done, total: progress("models", done, total)) if progress else None)
    summary.models_built = getattr(result, "built", 0)
    summary.models_skipped = getattr(result, "skipped", 0)
    summary.tests_passed = getattr(result, "tests_passed", 0)
    summary.tests_warned = getattr(result, "tests_warned", 0)
