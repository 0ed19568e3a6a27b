"""One build, end to end: files → sources → documents + extraction → raw tables → models → publish.

Only this module wires the stages together; each stage is called through the signatures in
docs/INTERFACES.md. Files are parsed in worker processes that write their rows to Parquet
part files themselves; the main process only schedules them, and a thread of it has DuckDB
load the parts in bulk while the workers go on, so no core waits on the writer and memory
follows the batch size, not the corpus. A build is incremental: a file whose size
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

from lawgov.warehouse import corrections, parts, standby, store
from lawgov.ingest.sources import MANIFEST_NAME, FileEntry, Skipped, sha256_file
from lawgov.errors import BuildError, BuildLockedError, LawgovError, RemovalRefusedError

PACKAGE_DIR = Path(__file__).resolve().parent
PARSER_SEEDS = PACKAGE_DIR.parent / "seeds"     # where the reading rules and the gazetteer read theirs
BATCH_FILES = 256        # files the main process looks at together, in order
TASK_FILES = 32          # files a worker parses before writing their rows as part files
LOAD_FILES = 2048        # files whose parts one load of the warehouse reads (at most; see _load_every)
QUEUED_BATCHES = 4       # batches queued for the workers ahead of the one the main process takes:
                         # enough (1,024 files) to keep them parsing while the build's file is
                         # brought level, before the main process takes any


@dataclass
class BuildOptions:
    reports: Path
    db: Path
    project: Path                   # the folder holding sql/, seeds/ and dbt_project.yml
    workers: int = 0                # 0: one per core
    wait: float = 600.0             # seconds to wait for another build's lock
    full_refresh: bool = False      # re-parse every file and rebuild every model
    allow_removals: bool = False    # let a build remove over half the published documents
    parse_timeout: float = 60.0     # seconds one file may take to parse before it is quarantined
    parse_memory_mb: int = 1024     # memory a parser process may reach on one file (MB)
    progress: Callable[[str, int, int], None] | None = None   # (stage, done, total): parse, seeds, models, tests
    notify: Callable[[str], None] | None = None               # a message for the person: who the build waits for


@dataclass
class BuildSummary:
    files: int = 0
    loaded: int = 0
    unchanged: int = 0
    duplicates: int = 0
    quarantined: int = 0
    removed: int = 0
    skipped: int = 0
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
    seeds_loaded: int = 0
    seeds_skipped: int = 0
    model_runs: list[tuple[str, str, str]] = field(default_factory=list)   # (relation, built|skipped, why)
    removed_files: list[str] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)   # "name: reason"
    stages: list[dict] = field(default_factory=list)         # Stages.rows: where the time went


TIMINGS_ENV = "LAWGOV_BUILD_TIMINGS"


class Stages:
    """Wall and CPU time of each stage of a build, for bench/national.py: the main process's
    CPU (all its threads, DuckDB's included) and its reaped children's (the parser workers).
    With LAWGOV_BUILD_TIMINGS=path in the environment the build writes them there as JSON."""

    def __init__(self):
        self.rows: list[dict] = []
        self._last = self._now()

    @staticmethod
    def _now() -> tuple[float, float, float]:
        import resource

        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.perf_counter(), time.process_time(), kids.ru_utime + kids.ru_stime

    def mark(self, name: str) -> None:
        """The time since the last mark is stage ``name``'s."""
        now = self._now()
        wall, cpu, workers = (a - b for a, b in zip(now, self._last))
        self._last = now
        self.rows.append({"stage": name, "wall": round(wall, 4), "cpu": round(cpu, 4),
                          "workers_cpu": round(workers, 4)})

    def write(self, summary: "BuildSummary", slowest: list | None = None) -> None:
        """Keep the stages in the summary, and write them (with the slowest models and tests,
        (name, seconds)) where LAWGOV_BUILD_TIMINGS says."""
        summary.stages = self.rows
        path = os.environ.get(TIMINGS_ENV)
        if path:
            try:
                Path(path).write_text(json.dumps({"stages": self.rows, "slowest": slowest or []}),
                                      encoding="utf-8")
            except OSError:
                pass


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


# The stages that turn a file into rows (and this module, which writes them): a change in
# them re-parses every file; a change in the warehouse, site or CLI does not.
PARSER_STAGES = ("ingest", "text", "documents", "extract")


def code_fingerprint() -> str:
    """A hash of everything that decides what a file's rows are: the parsing stages, their
    rules and the seeds they read. When it changes every file is parsed again."""
    h = hashlib.sha256()
    paths = [p for stage in PARSER_STAGES for p in sorted((PACKAGE_DIR / stage).rglob("*"))]
    paths += [PACKAGE_DIR / "build.py", PACKAGE_DIR / "errors.py"]
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
    paths = [p for d in _project_folders(project) for p in sorted((project / d).rglob("*"))]
    for p in paths + [project / "dbt_project.yml"]:
        if p.is_file():
            h.update(str(p.relative_to(project)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _project_folders(project: Path) -> list[str]:
    """The folders dbt_project.yml names for models, macros, seeds and (singular) tests."""
    import yaml

    try:
        cfg = yaml.safe_load((project / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        cfg = {}
    defaults = {"model-paths": ["models"], "macro-paths": ["macros"], "seed-paths": ["seeds"], "test-paths": ["tests"]}
    folders = [f for key, default in defaults.items()
               for f in (cfg.get(key) if isinstance(cfg.get(key), list) else default)]
    return list(dict.fromkeys(str(f) for f in folders))


def read_previous(published: Path, names: dict[str, FileEntry], manifest: dict
                  ) -> tuple[dict[str, FileState], set[str], int, str | None]:
    """What the published warehouse knows of the folder's files: the state of each file whose
    size, mtime or manifest row is not the folder's, that has left, is a duplicate or was
    unreadable (every other file it holds is unchanged); the names it does not hold; how many
    files have a document; and why it could not be read if it could not (the build then
    starts a new warehouse and says so). The folder is compared in SQL: reading all 100k
    file states into Python took longer than the rest of the plan."""
    cols = [f.name for f in fields(FileState)]

    def read(con) -> tuple[dict[str, FileState], set[str], int]:
        have = {r[0] for r in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'meta' and table_name = 'files'").fetchall()}
        select = ", ".join(f"f.{c}" if c in have else "null" for c in cols)
        con.execute("create temp table _folder (source_file varchar, size bigint, mtime_ns bigint, "
                    "manifest_sha varchar)")
        if names:
            shas = [manifest_sha(manifest.get(n)) for n in names] if manifest else [""] * len(names)
            con.execute(
                f"""insert into _folder select unnest({store.TEXTS}),
                           unnest(string_split(?, ',')::bigint[]), unnest(string_split(?, ',')::bigint[]),
                           unnest(string_split(?, ','))""",
                [store.texts_param(names), ",".join([str(e.size) for e in names.values()]),
                 ",".join([str(e.mtime_ns) for e in names.values()]), ",".join(shas)])
        row_sha = "f.manifest_sha" if "manifest_sha" in have else "null"
        rows = con.execute(
            f"""select {select} from meta.files as f left join _folder as d using (source_file)
                where d.source_file is null or f.size is distinct from d.size
                   or f.mtime_ns is distinct from d.mtime_ns or coalesce({row_sha}, '') != d.manifest_sha
                   or starts_with(f.status, 'duplicate')
                   or (f.status = 'quarantined' and starts_with(f.reason, 'cannot be read'))""").fetchall()
        new = {r[0] for r in con.execute(
            "select source_file from _folder anti join meta.files using (source_file)").fetchall()}
        documents = con.execute("select count(*) from meta.files where doc_id is not null").fetchone()[0]
        return {r[0]: FileState(*r) for r in rows}, new, documents

    return _read_published(published, read, ({}, set(names), 0))


def read_marks(published: Path) -> tuple[dict[str, str], list[str], str | None]:
    """The published warehouse's build fingerprints and the files it holds as unreadable:
    all a build with nothing changed needs of it (read_previous compares every file's row)."""
    def read(con) -> tuple[dict[str, str], list[str]]:
        marks = dict(con.execute("select table_name, fingerprint from meta.raw_fingerprints").fetchall())
        unreadable = [r[0] for r in con.execute(
            "select source_file from meta.files where status = 'quarantined' "
            "and starts_with(reason, 'cannot be read')").fetchall()]
        return marks, unreadable

    return _read_published(published, read, ({}, []))


def _read_published(published: Path, read: Callable, empty: tuple) -> tuple:
    """``read``(a read-only connection to the published warehouse)'s values, then None; or
    ``empty``'s and why the file could not be read."""
    if not published.exists():
        return (*empty, None)
    import duckdb

    try:
        con = duckdb.connect(str(published), read_only=True)
        try:
            return (*read(con), None)
        finally:
            con.close()
    except duckdb.Error as e:
        if store.is_lock_conflict(e):   # opened for writing since wait_for_writers looked
            raise BuildLockedError(store.writer_message(e), file=str(published)) from None
        return (*empty, f"{published}: the published warehouse could not be read ({e}); building a new one")


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
    from lawgov.text import normalise

    source = read_source(path, root)
    out = {"source": source, "document": None, "mentions": [], "facts": [], "evidence": []}
    if source.status != "loaded":
        return out
    try:
        normal = normalise(source.text)      # once, for both readers of the text
        meta = describe_document(source.text, source.name, manifest_row, normal=normal)
        if meta.doc_kind == "not_report":
            source.status, source.reason = "quarantined", "not a report: no report content found"
            return out
        result = extract(source.text, meta.report_year, published_on=meta.published_on, normal=normal,
                         level=meta.region_level, doc_kind=meta.doc_kind, region_name=meta.region_name)
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
    out["document"]["facts_hash"] = facts_hash(out["facts"])
    return out


def facts_hash(facts: list[dict]) -> str:
    """A hash of a document's raw facts, kept in raw.documents: int_document_versions reads
    it instead of hashing every raw fact of the warehouse at each run (0.5 s at 100k)."""
    return hashlib.sha256(json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
                          .encode("utf-8")).hexdigest()[:32]


def _parse_task(jobs: list, fuse_folder: Path, parts_folder: Path) -> dict:
    """parse_file for a few files in a worker, telling the Fuse which file it is on; their
    rows go straight to Parquet part files, so the main process never handles a row and only
    hears what each file was (its source without text, doc_id, text key and fact count)."""
    # the mark stays open for the task: emptied and written again for each file, as
    # write_text did, but without the flush ext4 makes at each close of a file it had
    # truncated (~1 ms of a worker's wall time per file)
    mark = os.open(fuse_folder / str(os.getpid()), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    rows: dict[str, list[dict]] = {t: [] for t in store.RAW_TABLES}
    files = []
    try:
        for job in jobs:
            os.ftruncate(mark, 0)
            os.pwrite(mark, f"{time.time()}\t{job[0]}".encode("utf-8"), 0)
            out = parse_file(*job)
            source = out["source"]
            document = out["document"]
            tagged = {"documents": [document] if document else [], "mentions": out["mentions"],
                      "facts": out["facts"], "fact_evidence": out["evidence"]}
            for table, table_rows in tagged.items():
                for row in table_rows:
                    row[parts.SOURCE_COLUMN] = source.name
                rows[table] += table_rows
            source.text = None
            files.append({"source": source, "doc_id": document and document["doc_id"],
                          "text_key": out.get("text_key"), "facts": len(out["facts"])})
    finally:
        os.ftruncate(mark, 0)
        os.close(mark)
    return {"files": files, "parts": parts.write(parts_folder, rows)}


def _worker_init(build_pid: int | None = None) -> None:
    """Make a parser process die with the build that forked it: a build killed with SIGKILL
    must not leave workers behind holding its lock file open. A build killed between the
    fork and this call sends no signal, so a worker whose parent is already gone exits."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)     # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if build_pid is not None and os.getppid() != build_pid:
        os._exit(1)


def build(opts: BuildOptions) -> BuildSummary:
    """Build and publish the warehouse; raises a LawgovError subclass when it cannot, and
    the published warehouse is then left as it was."""
    started, started_at = time.monotonic(), datetime.now()
    summary = BuildSummary()
    stages = Stages()
    published = opts.db.resolve()
    reports = opts.reports.resolve()
    if not reports.is_dir():
        raise BuildError(f"the reports folder {reports} does not exist", file=str(reports))
    lock = store.acquire_lock(published, opts.wait, on_wait=opts.notify)
    try:
        store.clear_stale_areas(published)
        store.wait_for_writers(published, opts.wait, opts.notify)
        marks, unreadable_files, unreadable = read_marks(published)
        stages.mark("lock, read marks")
        code_fp = code_fingerprint()
        proj_fp = project_fingerprint(opts.project)
        same_code = marks.get("_code") == code_fp and not opts.full_refresh
        stages.mark("fingerprints")

        manifest, names, skipped = _scan(reports, summary)
        fixes = corrections.load(reports, opts.project)
        summary.problems += [str(e) for e in fixes.errors]
        settled = (published.exists() and not unreadable and same_code and marks.get("_project") == proj_fp
                   and marks.get("raw.corrections") == fixes.fingerprint)
        stages.mark("survey")
        # The folder as the last build left it (every name, size, mtime and manifest row the
        # same, no unreadable file readable again) needs no file state of the warehouse.
        if (settled and marks.get(FILES_STAT) == files_stat(names, manifest)
                and not any(n in names and os.access(names[n].path, os.R_OK) for n in unreadable_files)):
            summary.unchanged = len(names)
            return _nothing_changed(summary, published, fixes, started, stages)

        previous, new, documents, unreadable = read_previous(published, names, manifest)
        if unreadable:
            summary.problems.append(unreadable)
        plan = _survey(names, skipped, previous, new, same_code, manifest, summary)
        if not opts.allow_removals:
            _guard_removals(previous, documents, names, plan.removed, reports)
        stages.mark("read previous, plan")
        if settled and not unreadable and not plan.to_parse and not plan.removed and not plan.touched:
            return _nothing_changed(summary, published, fixes, started, stages)

        area = store.open_area(published, copy=not unreadable, fill=False)
        con = batches = None
        try:
            # The parsers start first: they parse while this process brings the standby level
            # (or copies), forgets the changed files' rows and writes the log of the others,
            # which at 100k take seconds of one core that would otherwise wait for them.
            fuse = Fuse(area.folder / "fuse", opts.parse_timeout, opts.parse_memory_mb)
            batches = _start_batches(_jobs(reports, names, plan.to_parse, manifest),
                                     opts.workers or os.cpu_count() or 1, fuse, area.folder / "parts")
            stages.mark("start parsers")
            store.fill_area(area, copy=not unreadable)
            con = store.connect(area.db)
            store.ensure_schema(con)
            stages.mark("open (standby catch-up or copy)")
            build_id = datetime.now().strftime("%Y%m%dT%H%M%S-") + uuid.uuid4().hex[:6]
            usual_threshold = _hold_checkpoints(con, len(plan.to_parse))
            _log_removed(con, build_id, plan.removed)
            if not same_code:  # every file is parsed again; the build history stays
                store.clear_raw(con)
            _forget(con, previous, plan)
            _log_skipped(con, build_id, skipped)
            _record_touched(con, names, plan.touched)
            _log_unchanged(con, build_id, plan.unchanged + plan.touched)
            stages.mark("forget changed, log unchanged")
            _ingest(con, opts, batches, plan.to_parse, manifest, summary, build_id)
            batches = None
            if same_code:
                _record_changes(con, build_id, previous, plan)
            stages.mark("parse + load")
            _mark_raw(con, code_fp, proj_fp, build_id)
            corrections.write_table(con, fixes)
            stages.mark("log, fingerprint raw")
            slowest = _run_models(con, opts, summary, stages, usual_threshold)
            summary.problems += corrections.stale(con, fixes.path)
            summary.facts = con.execute("select count(*) from raw.facts").fetchone()[0]
            summary.mentions = con.execute("select count(*) from raw.mentions").fetchone()[0]
            summary.seconds = time.monotonic() - started
            con.execute(
                "insert into meta.builds values (?, ?, current_timestamp, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [build_id, started_at, str(reports), code_fp, summary.files, summary.loaded,
                 summary.unchanged, summary.duplicates, summary.quarantined, summary.removed,
                 summary.facts, summary.seconds])
            stages.mark("counts, stale corrections")
            store.wait_for_writers(published, opts.wait, opts.notify)
            kept = store.publish(con, area)
            con = None
            summary.published = True
            stages.mark("publish")
            stages.write(summary, slowest)
            if kept:
                summary.problems.append(
                    f"{kept}: a WAL left beside {published.name} by a session that did not close "
                    f"it was set aside, not applied to the new warehouse (look at it, then delete it)")
        except BaseException as e:
            if batches is not None:
                batches.close()            # the parsers stop; their pool is shut down
            if con is not None:
                try:
                    con.close()
                except Exception:
                    pass
            store.discard(area)
            full = store.no_room(e, area.db) if isinstance(e, Exception) else None
            if full is not None:
                raise full from e
            if isinstance(e, Exception) and not isinstance(e, LawgovError):
                raise BuildError(f"{type(e).__name__}: {e}") from e
            raise
    finally:
        lock.release()
    summary.seconds = time.monotonic() - started
    return summary


def _scan(reports: Path, summary: BuildSummary) -> tuple[dict, dict[str, FileEntry], list[Skipped]]:
    """The manifest and the reports folder's files; the summary gets their counts and the
    manifest's problems."""
    from lawgov.ingest.sources import scan_folder

    manifest_path = reports / MANIFEST_NAME
    manifest, manifest_errors = {}, []
    if manifest_path.exists():
        from lawgov.documents import load_manifest

        manifest, manifest_errors = load_manifest(manifest_path)
    summary.problems += [str(e) for e in manifest_errors]
    found, skipped = scan_folder(reports)
    names = {f.name: f for f in found}
    summary.problems += [f"{manifest_path}: the row for {f!r} names no file in the reports folder"
                         for f in manifest if f not in names]
    summary.files = len(names)
    summary.skipped = len(skipped)
    summary.skipped_files = [f"{s.name}: {s.reason}" for s in skipped]
    return manifest, names, skipped


def _survey(names: dict[str, FileEntry], skipped: list[Skipped], previous: dict[str, FileState],
            new: set[str], same_code: bool, manifest: dict, summary: BuildSummary) -> Plan:
    """Plan what the build does with each file (read_previous: ``previous`` holds the files
    that may have changed, ``new`` those it does not know); the summary gets the counts."""
    plan = _plan(names, previous, new, manifest) if same_code else Plan(to_parse=sorted(names))
    plan.removed = sorted(n for n in previous if n not in names)
    if same_code:   # a folder that cannot be read now: its files are unseen, not removed
        unseen = tuple(s.name + "/" for s in skipped if s.reason.startswith("folder cannot"))
        plan.unchanged += [n for n in plan.removed if unseen and n.startswith(unseen)]
        plan.removed = [n for n in plan.removed if not (unseen and n.startswith(unseen))]
    summary.unchanged = len(plan.unchanged) + len(plan.touched)
    summary.removed = len(plan.removed)
    summary.removed_files = plan.removed
    return plan


def _nothing_changed(summary: BuildSummary, published: Path, fixes, started: float,
                     stages: Stages) -> BuildSummary:
    summary.nothing_changed = True
    summary.problems += corrections.stale_in(published, fixes.path)
    summary.seconds = time.monotonic() - started
    stages.mark("nothing changed")
    stages.write(summary)
    return summary


FILES_STAT = "_files_stat"     # meta.raw_fingerprints: files_stat of the folder the build saw


def files_stat(names: dict[str, FileEntry], manifest: dict) -> str:
    """A hash of each file's name, size, mtime and manifest row, in name order: the same as
    _mark_raw's of meta.files when the folder is as the last build left it. The name's length
    goes before it: a name may hold a tab or a newline."""
    order = sorted(names)
    rows = [f"{len(n)}:{n}\t{names[n].size}\t{names[n].mtime_ns}\t" for n in order]
    if manifest:
        rows = [row + manifest_sha(manifest.get(n)) for n, row in zip(order, rows)]
    rows = "\n".join(rows)
    return hashlib.md5(rows.encode("utf-8", "surrogatepass")).hexdigest()


def _guard_removals(previous: dict[str, FileState], documents: int, names: dict[str, FileEntry],
                    removed: list[str], reports: Path) -> None:
    """Refuse a build that would empty the warehouse or remove over half its ``documents``:
    at 02:30 that is an unmounted disk or a wrong --reports, not a decision."""
    if not previous or not removed:
        return
    gone = [n for n in removed if previous[n].doc_id]
    if not names:
        raise RemovalRefusedError(
            f"the reports folder {reports} is empty (not mounted?) and the published warehouse "
            f"holds {documents} documents; nothing was removed or published. Pass "
            f"--allow-removals to empty the warehouse", file=str(reports))
    if len(gone) * 2 > documents:
        raise RemovalRefusedError(
            f"{len(gone)} of the {documents} published documents have no file in {reports} any "
            f"more (a wrong --reports folder?), e.g. {', '.join(gone[:3])}; nothing was removed or "
            f"published. Pass --allow-removals if they should go", file=str(reports))


def _plan(names: dict[str, FileEntry], previous: dict[str, FileState], new: set[str],
          manifest: dict) -> Plan:
    """Sort the files into unchanged, touched and to-parse ones, hashing only when stat
    differs (a file neither in ``previous`` nor ``new`` is unchanged)."""
    plan = Plan()
    for name, entry in names.items():
        st = previous.get(name)
        if st is None:
            (plan.to_parse if name in new else plan.unchanged).append(name)
        elif (st.manifest_sha or "") != manifest_sha(manifest.get(name)) or _readable_again(st, entry):
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
        for n in [n for n in group if n in previous and (previous[n].status or "").startswith("duplicate")
                  and previous[n].duplicate_of in gone]:
            group.remove(n)
            plan.to_parse.append(n)
    plan.to_parse.sort()
    return plan


def _readable_again(st: FileState, entry: FileEntry) -> bool:
    """A file quarantined as unreadable is read again once it can be; until then it is
    unchanged, so one unreadable file does not make every build publish."""
    return (st.status == "quarantined" and (st.reason or "").startswith("cannot be read")
            and os.access(entry.path, os.R_OK))


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
    con.execute(f"delete from meta.files where source_file in (select unnest({store.TEXTS}))",
                [store.texts_param(leaving)])


def _record_changes(con, build_id: str, previous: dict[str, FileState], plan: Plan) -> None:
    """The documents whose raw rows this build deleted (files parsed again or gone) or added,
    for the next build's standby catch-up (standby.record_changes)."""
    gone = [previous[n].doc_id for n in plan.removed + plan.to_parse if n in previous and previous[n].doc_id]
    added = [r[0] for r in con.execute(
        f"select doc_id from meta.files where doc_id is not null and source_file in (select unnest({store.TEXTS}))",
        [store.texts_param(plan.to_parse)]).fetchall()]
    standby.record_changes(con, build_id, sorted(set(gone + added)))


def _record_touched(con, names: dict[str, FileEntry], touched: list[str]) -> None:
    """Same bytes under a new mtime: remember the mtime so the next build need not hash it.

    One UPDATE for all of them: an UPDATE per file (executemany) scans meta.files and commits
    each time, which took 715 s for 1,000 touched files of a 100k warehouse."""
    if touched:
        con.execute(
            f"""update meta.files set mtime_ns = t.mtime_ns
                from (select unnest({store.TEXTS}) as source_file,
                             unnest(string_split(?, ',')::bigint[]) as mtime_ns) as t
                where meta.files.source_file = t.source_file""",
            [store.texts_param(touched), ",".join(str(names[n].mtime_ns) for n in touched)])


class Fuse:
    """The per-file limits of the parser processes, kept by the main process.

    A worker writes which file it is on and since when into ``folder/<pid>``; while the main
    process waits for a batch it reads those and kills a worker whose file has run past the
    time limit or whose memory has passed the memory limit, remembering the file and why.
    The watch must sit outside the worker: a regular expression gone quadratic holds its
    process's interpreter lock, so no thread of its own could stop it."""

    POLL = 0.2

    def __init__(self, folder: Path, seconds: float, memory_mb: int):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.seconds = seconds
        self.memory_mb = memory_mb
        self.blown: dict[str, str] = {}        # path → why its parser was stopped

    def check(self) -> None:
        import multiprocessing

        now = time.time()
        ours = {p.pid for p in multiprocessing.active_children()}
        for entry in os.scandir(self.folder):
            pid = int(entry.name)
            if pid not in ours:                # a worker that died: never signal a reused pid
                Path(entry.path).unlink(missing_ok=True)
                continue
            try:
                started, path = Path(entry.path).read_text(encoding="utf-8").split("\t", 1)
            except (OSError, ValueError):
                continue                       # between two files, or just being written
            reason = None
            if self.seconds and now - float(started) > self.seconds:
                reason = (f"parser timed out: still parsing after {self.seconds:g} s "
                          f"(--parse-timeout); the file was skipped")
            elif self.memory_mb and _resident_mb(pid) > self.memory_mb:
                reason = (f"too large in memory: parsing it took over {self.memory_mb} MB "
                          f"(--parse-memory); the file was skipped")
            if reason:
                self.blown[path] = reason
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
                Path(entry.path).unlink(missing_ok=True)

    def wait(self, futures: list) -> list[dict]:
        """The futures' results, checking the limits while they run; raises BrokenProcessPool
        when a worker died (killed here or not)."""
        from concurrent.futures import wait

        pending = set(futures)
        while pending:
            _, pending = wait(pending, timeout=self.POLL)
            self.check()
        return [f.result() for f in futures]


def _resident_mb(pid: int) -> float:
    """A process's resident memory in MB (0 where /proc cannot tell)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


@dataclass
class Batch:
    """What the workers made of a batch of files: each file's result, in the files' order,
    and the part files holding their rows."""

    files: list[dict] = field(default_factory=list)
    parts: dict[str, list[Path]] = field(default_factory=lambda: {t: [] for t in store.RAW_TABLES})

    def add(self, task: dict) -> None:
        self.files += task["files"]
        for table, path in task["parts"].items():
            self.parts[table].append(path)


def _jobs(reports: Path, names: dict[str, FileEntry], to_parse: list[str], manifest: dict) -> list:
    """parse_file's arguments for each file to parse."""
    return [(Path(names[n].path), reports, manifest.get(n)) for n in to_parse]


def _start_batches(jobs: list, workers: int, fuse: Fuse, parts_folder: Path) -> Iterator[Batch]:
    """_batches, started: when this returns the workers are parsing the first batches, and
    the caller may do other work before it takes them. Close it to stop them."""
    batches = _batches(jobs, workers, fuse, parts_folder)
    next(batches, None)            # up to its first yield: rules warmed, pool forked, work queued
    return batches


def _batches(jobs: list, workers: int, fuse: Fuse, parts_folder: Path) -> Iterator[Batch | None]:
    """Parse jobs in worker processes, yielding what they made a batch at a time and in order;
    the first thing yielded is None, once the first batches are queued (_start_batches).

    A worker takes a task of a few files and writes their rows to part files itself. A few
    batches are always queued ahead of the one being looked at, so the workers never wait for
    the main process, not even while it brings the build's file level (_start_batches). A file that kills its worker (a crash in a C library) or that the Fuse
    stops (time, memory) is found by parsing its batch again one file per process, and
    quarantined; a new pool replaces the broken one and the build goes on. Even one worker
    is a process of its own, so that the limits hold."""
    if not jobs:
        return
    chunks = [jobs[i:i + BATCH_FILES] for i in range(0, len(jobs), BATCH_FILES)]
    size = max(1, min(TASK_FILES, len(jobs) // (4 * max(1, workers))))   # small builds: every worker gets some
    from concurrent.futures.process import BrokenProcessPool

    _warm_stages()

    def new_pool():
        return ProcessPoolExecutor(max_workers=max(1, workers), initializer=_worker_init,
                                   initargs=(os.getpid(),))

    def submit(chunk):
        return [pool.submit(_parse_task, chunk[i:i + size], fuse.folder, parts_folder)
                for i in range(0, len(chunk), size)]

    pool = new_pool()
    try:
        pending = [(c, submit(c)) for c in chunks[:QUEUED_BATCHES]]
        next_chunk = QUEUED_BATCHES
        yield None                 # started
        while pending:
            chunk, futures = pending.pop(0)
            batch = Batch()
            try:
                for task in fuse.wait(futures):
                    batch.add(task)
            except BrokenProcessPool:
                pool.shutdown(cancel_futures=True)
                batch = _isolate(chunk, fuse, parts_folder)
                pool = new_pool()
                pending = [(c, submit(c)) for c, _ in pending]
            if next_chunk < len(chunks):
                pending.append((chunks[next_chunk], submit(chunks[next_chunk])))
                next_chunk += 1
            yield batch
    finally:
        pool.shutdown(cancel_futures=True)


def _isolate(chunk: list, fuse: Fuse, parts_folder: Path) -> Batch:
    """Parse each job in a process of its own; a job whose process dies or is stopped by
    the Fuse is quarantined with the reason."""
    from concurrent.futures.process import BrokenProcessPool

    batch = Batch()
    for job in chunk:
        path, root = job[0], job[1]
        if str(path) in fuse.blown:
            batch.add(_crashed(path, root, fuse.blown[str(path)]))
            continue
        with ProcessPoolExecutor(max_workers=1, initializer=_worker_init,
                                 initargs=(os.getpid(),)) as solo:
            try:
                batch.add(fuse.wait([solo.submit(_parse_task, [job], fuse.folder, parts_folder)])[0])
            except BrokenProcessPool:
                batch.add(_crashed(path, root, fuse.blown.get(
                    str(path), "the parser's process died reading this file")))
    return batch


def _crashed(path: Path, root: Path, reason: str) -> dict:
    """The task result of a file whose parser was stopped or died: quarantined, no rows."""
    from lawgov.ingest.sources import Source

    try:
        stat = path.stat()
        size, mtime, sha = stat.st_size, stat.st_mtime_ns, sha256_file(path)
    except OSError:
        size, mtime, sha = 0, 0, ""
    source = Source(path=path, name=path.relative_to(root).as_posix(), size=size, sha256=sha,
                    mtime_ns=mtime, format="unknown", encoding=None, text=None,
                    status="quarantined", reason=reason)
    return {"files": [{"source": source, "doc_id": None, "text_key": None, "facts": 0}], "parts": {}}


def _warm_stages() -> None:
    """Load the gazetteer and the rules once before forking, so workers inherit them
    instead of each loading its own; frozen, they are not walked by the workers' GC."""
    import gc

    import lawgov.documents as documents
    from lawgov.extract import extract

    documents.warm()
    extract("2022年度法治政府建设情况报告\n2022年,全市共受理行政复议案件10件。", 2022)
    gc.freeze()


class Loader:
    """The thread that writes the build's warehouse while the workers parse.

    The main process hands it the part files and log rows of every LOAD_FILES files and
    goes back to scheduling; DuckDB reads the parts on its own threads, without the GIL.
    One load runs at a time, so the parts waiting on disk stay bounded by about two loads."""

    def __init__(self, con):
        from concurrent.futures import ThreadPoolExecutor

        self.con = con.cursor()          # its own connection to the same database
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lawgov-load")
        self.running = None

    def submit(self, batch: Batch, kept: list[str], files: list[tuple], log: list[tuple]) -> None:
        """Start loading, once the load before has finished (its error is raised here)."""
        self.wait()
        self.running = self.thread.submit(self._load, batch.parts, kept, files, log)

    def _load(self, parts_by_table, kept, files, log) -> None:
        import polars as pl

        parts.load(self.con, parts_by_table, kept)
        store.append(self.con, "meta.files", pl.DataFrame(files, schema=store.frame_schema("files"), orient="row"))
        store.append(self.con, "meta.ingest_log",
                     pl.DataFrame(log, schema=store.frame_schema("ingest_log"), orient="row"))

    def wait(self) -> None:
        running, self.running = self.running, None
        if running is not None:
            running.result()

    def close(self) -> None:
        """Let a running load finish (never leave it writing to a closing warehouse)."""
        self.thread.shutdown(wait=True)
        self.con.close()


def _ingest(con, opts, batches: Iterator[Batch], to_parse, manifest, summary, build_id) -> None:
    """Take the parsed files from ``batches`` (_start_batches), and load their rows and log
    rows every _load_every(files) files on the Loader's thread while the workers go on parsing."""
    known = dict(con.execute("select text_sha256, source_file from raw.documents").fetchall())
    total = len(to_parse)
    every = _load_every(total)
    progress = opts.progress or (lambda stage, done, total: None)
    done = 0
    now = datetime.now()
    loader = Loader(con)
    waiting, kept, files, log = Batch(), [], [], []
    progress("parse", 0, total)          # the stage starts now: its rate and ETA count from here
    try:
        for batch in batches:
            for r in batch.files:
                source = r["source"]
                status, reason, dup_of, doc_id = source.status, source.reason, None, r["doc_id"]
                if doc_id:
                    original = known.get(r["text_key"])
                    if original:
                        dup_of, doc_id = doc_id, None
                        status, reason = f"duplicate_of {original}", f"same text as {original}"
                    else:
                        known[r["text_key"]] = source.name
                        kept.append(source.name)
                if status == "loaded":
                    summary.loaded += 1
                elif status.startswith("duplicate"):
                    summary.duplicates += 1
                else:
                    summary.quarantined += 1
                    summary.problems.append(f"{source.name}: {reason}")
                facts = r["facts"] if status == "loaded" else 0
                files.append((source.name, source.size, source.mtime_ns, source.sha256, source.format,
                              source.encoding, status, reason, doc_id, dup_of, facts,
                              manifest_sha(manifest.get(source.name))))
                log.append((build_id, str(source.path), source.name, source.size, source.sha256,
                            source.format, source.encoding, status, reason, facts, now))
            for table, paths in batch.parts.items():
                waiting.parts[table] += paths
            done += len(batch.files)
            if len(files) >= every or done == total:
                loader.submit(waiting, kept, files, log)
                waiting, kept, files, log = Batch(), [], [], []
            progress("parse", done, total)
        loader.wait()
    finally:
        batches.close()
        loader.close()


WAL_WHILE_LOADING = "256MB"     # a small build's WAL, at most, before DuckDB checkpoints it


def _hold_checkpoints(con, files: int) -> str:
    """In a small build (whose loads are quarters of it), no automatic checkpoint until its
    rows are all loaded (the changed files' rows forgotten, the log of the others, the loads)
    and checkpointed while the model project loads (_run_models); returns the threshold to
    set back then.

    A checkpoint rewrites the last, partly filled row group of every table appended to since
    the one before (~100k rows of raw.facts, of raw.mentions: ~1 s of CPU each at 100k),
    whatever the rows added. Checkpoints as the WAL filled (16 MB) came once or twice among the
    loads and again after them, each rewriting those row groups; held, the rows are rewritten
    once. Replayed on a copy of the 100k warehouse, a 1%
    rebuild's loads and checkpoints: 3.4-4.3 s of CPU after the parse with one load, 2.1 s
    with quarter loads held, 2.4-2.5 s with quarter loads not held (and 1.4 s more during the
    parse). A national build keeps DuckDB's threshold: its WAL would hold the whole corpus."""
    usual = con.execute("select current_setting('checkpoint_threshold')").fetchone()[0]
    if _load_every(files) < LOAD_FILES:
        con.execute(f"set checkpoint_threshold = '{WAL_WHILE_LOADING}'")
    return usual


def _load_every(total: int) -> int:
    """Files a load takes: LOAD_FILES in a large build; in a small one a quarter of its files,
    but at least a batch, so that the rows of the first files are loaded while the last ones
    parse and only the last quarter is loaded after them (one load of a 1%-changed rebuild's
    1,000 files took ~1.5 s at 100k, after all of them had parsed)."""
    return min(LOAD_FILES, max(BATCH_FILES, -(-total // 4)))


def _checkpoint(con) -> None:
    """A checkpoint of the build's file, on a cursor of its own (for another thread)."""
    cursor = con.cursor()
    try:
        cursor.execute("checkpoint")
    finally:
        cursor.close()


def _log_removed(con, build_id: str, removed: list[str]) -> None:
    """A removed file's log row, written before its state is forgotten."""
    if removed:
        con.execute(
            f"""insert into meta.ingest_log
               select ?, source_file, source_file, size, sha256, format, encoding, 'removed',
                      'no longer in the reports folder: its rows were removed', 0, current_timestamp
               from meta.files where source_file in (select unnest({store.TEXTS}))""",
            [build_id, store.texts_param(removed)])


def _log_skipped(con, build_id: str, skipped: list[Skipped]) -> None:
    """Entries of the reports folder that are not read (links, FIFOs, warehouse files)."""
    if skipped:
        con.executemany(
            "insert into meta.ingest_log values (?, ?, ?, null, null, null, null, 'skipped', ?, 0, "
            "current_timestamp)", [[build_id, s.path, s.name, s.reason] for s in skipped])


def _log_unchanged(con, build_id: str, unchanged: list[str]) -> None:
    if not unchanged:
        return
    con.execute(
        f"""insert into meta.ingest_log
           select ?, source_file, source_file, size, sha256, format, encoding,
                  case when status = 'loaded' then 'unchanged' else status end,
                  reason, facts, current_timestamp
           from meta.files where source_file in (select unnest({store.TEXTS}))""",
        [build_id, store.texts_param(unchanged)])


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
    marks[FILES_STAT] = con.execute(
        "select coalesce(md5(string_agg(length(source_file) || ':' || source_file || chr(9) || size "
        "|| chr(9) || mtime_ns || chr(9) || coalesce(manifest_sha, ''), chr(10) order by source_file)), '') "
        "from meta.files").fetchone()[0]
    marks["meta.ingest_log"] = build_id
    marks["_code"] = code_fp
    marks["_project"] = proj_fp
    con.execute("delete from meta.raw_fingerprints")
    con.executemany("insert into meta.raw_fingerprints values (?, ?)", list(marks.items()))


def _run_models(con, opts: BuildOptions, summary: BuildSummary, stages: Stages | None = None,
                threshold: str | None = None) -> list:
    """Seeds, models and tests; returns the slowest models and tests, (name, seconds).

    The rows written so far are checkpointed while the project loads: DuckDB writes them
    without the GIL (a small build's rows, ~2 s of CPU at 100k, see _hold_checkpoints), the
    project is Python (~0.4 s). ``threshold``: DuckDB's checkpoint threshold, set back after."""
    from concurrent.futures import ThreadPoolExecutor

    from lawgov.warehouse.models import load_project, run_project

    stages = stages or Stages()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="lawgov-checkpoint") as behind:
        written = behind.submit(_checkpoint, con)
        project = load_project(opts.project)
        written.result()
    if threshold:
        con.execute(f"set checkpoint_threshold = '{threshold}'")
    stages.mark("models: load project, checkpoint")
    outer = opts.progress

    def progress(stage: str, done: int, total: int) -> None:
        # a stage's first call (0 done) ends the stage before it; the run's commit comes
        # between the last model and the tests
        if done == 0 and stage == "models":
            stages.mark("models: seeds")
        elif done == 0 and stage == "tests":
            stages.mark("models: commit")
        elif stage == "models" and done == total:
            stages.mark("models: build")
        if outer is not None:
            outer(stage, done, total)

    result = run_project(con, project, full_refresh=opts.full_refresh, progress=progress)
    stages.mark("models: tests")
    summary.models_built = result.built
    summary.models_skipped = result.skipped
    summary.model_runs = [(r.relation, r.status, r.reason or "") for r in result.models]
    summary.seeds_loaded = sum(s.status == "loaded" for s in result.seeds)
    summary.seeds_skipped = sum(s.status == "skipped" for s in result.seeds)
    summary.tests_passed = result.tests_passed
    summary.tests_warned = result.tests_warned
    timed = [(r.relation, r.seconds) for r in result.models] + [
        (t.label + (" (new rows)" if t.narrowed else ""), t.seconds) for t in result.tests]
    return [(name, round(sec, 4)) for name, sec in sorted(timed, key=lambda x: -x[1])[:40]]
