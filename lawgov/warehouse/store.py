"""The warehouse file: raw tables, the build lock, and atomic publishing.

A build never writes the published file. It works on a file of its own in a private folder
beside it (``data/.build-warehouse.duckdb-<pid>-<ms>/warehouse.duckdb``: the same file name,
because DuckDB names a file's catalog after it and views refer to that catalog): the standby,
the file the last publish replaced, brought level with the published one (standby.py), or
else a copy of the published file. Only when the data tests pass is it checkpointed, closed
and renamed over the published file. A rename is atomic on POSIX: an analyst's open
read-only connection keeps the old inode and a consistent view, a killed build leaves only
its private folder (cleared by the next build), and no WAL is ever left beside the published
file.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lawgov.errors import BuildError, BuildLockedError
from lawgov.warehouse import standby

# No primary keys: uniqueness of documents and files is the pipeline's to keep and the data
# tests' to check (marts.documents doc_id and source_file are tested unique before publishing);
# an index only slowed inserts at national scale.
RAW_DDL = """
create schema if not exists raw;
create schema if not exists meta;
create table if not exists raw.documents (
    doc_id varchar, source_file varchar, sha256 varchar, text_sha256 varchar,
    size bigint, format varchar, encoding varchar, text varchar, chars integer,
    title varchar, reporting_body varchar, doc_kind varchar,
    region_code varchar, region_name varchar, region_level varchar,
    province_code varchar, city_code varchar, region_confidence varchar,
    region_candidates varchar[], report_year integer, published_on date, url varchar,
    facts_hash varchar
);
create table if not exists raw.mentions (
    mention_id varchar, doc_id varchar, span_start integer, span_end integer,
    number_text varchar, value double, unit varchar, unit_raw varchar, qualifier varchar,
    kind varchar, year integer, indicator varchar, scope varchar, sentence varchar,
    clause varchar, region_code varchar, role varchar, reason varchar
);
create table if not exists raw.facts (
    fact_id varchar, doc_id varchar, indicator varchar, value double, unit varchar,
    unit_raw varchar, qualifier varchar, year integer, scope varchar, region_code varchar,
    about_reporting_body boolean, evidence varchar, span_start integer, span_end integer,
    derived boolean, derivation varchar, evidence_count integer
);
create table if not exists raw.fact_evidence (
    fact_id varchar, doc_id varchar, evidence varchar, span_start integer, span_end integer
);
create table if not exists meta.files (
    source_file varchar, size bigint, mtime_ns bigint, sha256 varchar,
    format varchar, encoding varchar, status varchar, reason varchar, doc_id varchar,
    duplicate_of varchar, facts integer, manifest_sha varchar
);
create table if not exists meta.ingest_log (
    build_id varchar, path varchar, source_file varchar, size bigint, sha256 varchar,
    format varchar, encoding varchar, status varchar, reason varchar, facts integer,
    logged_at timestamp
);
create table if not exists meta.raw_fingerprints (table_name varchar, fingerprint varchar);
create table if not exists meta.builds (
    build_id varchar, started_at timestamp, finished_at timestamp, reports_dir varchar,
    code_fingerprint varchar, files integer, loaded integer, unchanged integer,
    duplicates integer, quarantined integer, removed integer, facts integer, seconds double
);
"""

RAW_TABLES = ("documents", "mentions", "facts", "fact_evidence")


@dataclass
class BuildArea:
    """Where one build works: its private folder and the copy it writes."""

    published: Path
    folder: Path
    published_id: list[int] | None = None   # the published file's identity when the build began

    @property
    def db(self) -> Path:
        return self.folder / self.published.name


def lock_path(published: Path) -> Path:
    return published.with_name(published.name + ".lock")


def acquire_lock(published: Path, wait: float, on_wait=None):
    """Take the build lock, waiting up to ``wait`` seconds for a running build to finish;
    ``on_wait(message)`` hears who it waits for, so a second build never waits silently."""
    from filelock import FileLock, Timeout

    from lawgov.warehouse.lock_owner import waiting_message

    published.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path(published)))
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if on_wait is not None and wait > 0:
                on_wait(waiting_message(lock_path(published), wait))
            lock.acquire(timeout=wait)
    except Timeout:
        raise BuildLockedError(
            f"another lawgov build holds {lock_path(published).name} and did not finish within "
            f"{wait:g} s; try again later or pass --wait SECONDS",
            file=str(published)) from None
    return lock


def _is_area_of(folder: Path, published: Path) -> bool:
    """Whether ``folder`` is a build area of exactly this warehouse: ``x.duckdb``'s areas are
    ``.build-x.duckdb-<pid>-<ms>``, and ``.build-x.duckdb-staging-<pid>-<ms>`` is not one."""
    return re.fullmatch(re.escape(f".build-{published.name}-") + r"\d+-\d+", folder.name) is not None


def is_lock_conflict(exc: BaseException) -> bool:
    """Whether DuckDB refused a file because another process holds it open for writing."""
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def writer_message(exc: BaseException) -> str:
    pid = re.search(r"PID (\d+)", str(exc))
    who = f"process {pid.group(1)}" if pid else "another process"
    return (f"{who} has the published warehouse open for writing (a notebook, a duckdb shell "
            f"without -readonly, dbt?); close that session and build again; nothing was built or "
            f"published. Readers should open it read-only")


def wait_for_writers(published: Path, wait: float, on_wait=None) -> None:
    """Wait up to ``wait`` seconds while another process holds the published file open for
    writing, then raise BuildLockedError: such a session would replay its WAL onto the new
    file, and its lock is not a damaged warehouse to rebuild from nothing. ``on_wait`` gets
    one message for the person when the wait begins."""
    import duckdb

    deadline = time.monotonic() + wait
    told = False
    while published.exists():
        try:
            duckdb.connect(str(published), read_only=True).close()
            return
        except duckdb.Error as exc:
            if not is_lock_conflict(exc):
                return                       # unreadable: read_previous says so
            if time.monotonic() >= deadline:
                raise BuildLockedError(writer_message(exc), file=str(published)) from None
            if on_wait is not None and not told:
                pid = re.search(r"PID (\d+)", str(exc))
                on_wait(f"waiting up to {wait:.0f} s for {'process ' + pid.group(1) if pid else 'another process'}, "
                        f"which has {published} open for writing, to close it …")
                told = True
        time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))


def clear_stale_areas(published: Path) -> list[Path]:
    """Remove the folders of builds that died; only called while holding the lock."""
    removed = []
    for folder in published.parent.glob(f".build-{published.name}-*"):
        if folder.is_dir() and _is_area_of(folder, published):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def open_area(published: Path, copy: bool = True, fill: bool = True) -> BuildArea:
    """Make a build's private folder, starting from the published warehouse's content: the
    standby brought level with it, or a copy (or from nothing, when it cannot be read).
    With fill=False only the folder is made, and fill_area(area, copy) does the rest later
    (the build starts its parsers in between, so they parse while the standby catches up)."""
    folder = published.parent / f".build-{published.name}-{os.getpid()}-{int(time.time() * 1000)}"
    folder.mkdir(parents=True)
    area = BuildArea(published=published, folder=folder)
    if fill:
        fill_area(area, copy)
    return area


def fill_area(area: BuildArea, copy: bool = True) -> None:
    """Put the published warehouse's content in the area's file: the standby brought level
    with it, or a copy (nothing when ``copy`` is false or nothing is published)."""
    published = area.published
    if copy and published.exists():
        try:
            area.published_id = standby.identity(published)
            con = standby.take(published, area.published_id, area.db)
            if con is not None:
                _OPEN[area.db] = con        # connect() hands it over: no close and reopen
            else:
                shutil.copyfile(published, area.db)
        except OSError as exc:
            discard(area)
            raise no_room(exc, area.db) or exc


_NO_ROOM = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
            errno.EFBIG: "the file size limit (ulimit -f) is reached"}


def no_room(exc: BaseException, path: Path) -> BuildError | None:
    """A BuildError in one line when ``exc`` says the disk had no room, else None."""
    reason = _NO_ROOM.get(getattr(exc, "errno", None))
    if reason is None and "No space left on device" in str(exc):
        reason = _NO_ROOM[errno.ENOSPC]
    if reason is None:
        return None
    return BuildError(f"no room to write the new warehouse: {reason} in {path.parent}; free "
                      f"some space and build again (the published warehouse is unchanged)",
                      file=str(path))


MEMORY_LIMIT = "512MB"


# connections open_area left open on a build's file (the standby it brought level)
_OPEN: dict[Path, object] = {}


def connect(path: Path):
    """A connection for building: memory capped (DuckDB spills to the build folder beyond it),
    so a national corpus builds in bounded memory. The one open_area opened, if it did."""
    if path in _OPEN:
        return _OPEN.pop(path)
    import duckdb

    con = duckdb.connect(str(path))
    con.execute(f"set memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"set temp_directory = '{path.parent / 'spill'}'")
    con.execute("set preserve_insertion_order = false")
    return con


def ensure_schema(con) -> None:
    con.execute(RAW_DDL)
    con.execute(standby.DOC_CHANGES_DDL)
    con.execute("alter table meta.files add column if not exists manifest_sha varchar")
    con.execute("alter table raw.documents add column if not exists facts_hash varchar")
    for column in ("role", "reason"):   # warehouses built before mentions had a role
        con.execute(f"alter table raw.mentions add column if not exists {column} varchar")


# A list of texts (file names, ids) as one query parameter: `texts_param(values)` bound to
# TEXTS reads back as the same VARCHAR[]. A Python list parameter costs DuckDB's client two
# failed imports per element (0.7 s of CPU for 10,000 file names); one string costs nothing.
TEXTS = "string_split(?, chr(0))[2:]"


def texts_param(values) -> str:
    """`values` (texts without a NUL, as file names and ids are) as one string for TEXTS."""
    out = "".join("\0" + v for v in values)
    if out.count("\0") != len(values):
        raise ValueError("a text with a NUL character cannot be passed as part of a list")
    return out


def delete_documents(con, doc_ids: list[str]) -> None:
    """Drop every raw row of these documents (a changed or removed file)."""
    if not doc_ids:
        return
    con.execute(f"create or replace temp table _gone as select unnest({TEXTS}) as doc_id",
                [texts_param(doc_ids)])
    for table in RAW_TABLES:
        con.execute(f"delete from raw.{table} where doc_id in (select doc_id from _gone)")
    con.execute("drop table _gone")


def clear_raw(con) -> None:
    """Empty the raw tables and the file states, keeping build history and model state."""
    for table in RAW_TABLES:
        con.execute(f"delete from raw.{table}")
    con.execute("delete from meta.files")


def append(con, table: str, frame) -> None:
    """Append a polars frame to a raw or meta table, matching columns by name."""
    if frame is None or frame.height == 0:
        return
    con.register("_batch", frame)
    cols = ", ".join(frame.columns)
    con.execute(f"insert into {table} ({cols}) select {cols} from _batch")
    con.unregister("_batch")


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


def set_aside_wal(published: Path) -> Path | None:
    """Move a WAL left beside the published file out of its way, and return where it went.

    DuckDB replays ``x.duckdb.wal`` onto whatever file is named ``x.duckdb`` when it next
    opens it: a WAL left by a session that died on the old file would rewrite the new one.
    It is kept under a name that says when and why, for its owner to look at."""
    wal = wal_path(published)
    if not wal.exists():
        return None
    kept = wal.with_name(f"{wal.name}.set-aside-{datetime.now():%Y%m%dT%H%M%S}-{os.getpid()}")
    os.replace(wal, kept)
    return kept


def _keep_ownership(new: Path, published: Path) -> None:
    """Give the new file the published file's mode, owner and group (a 0600 warehouse of a
    service account stays so); an owner this process may not set is left as it is."""
    try:
        st = published.stat()
    except FileNotFoundError:
        return
    os.chmod(new, st.st_mode & 0o7777)
    for uid, gid in ((st.st_uid, st.st_gid), (-1, st.st_gid)):
        try:
            os.chown(new, uid, gid)
            return
        except PermissionError:
            continue


def publish(con, area: BuildArea) -> Path | None:
    """Checkpoint and close the build's file, then move it over the published file, keeping
    the file it replaces as the next build's standby. Returns where a WAL found beside the
    published file was set aside, if one was."""
    con.execute("checkpoint")
    con.close()
    wal = wal_path(area.db)
    if wal.exists():  # a checkpoint on close folds the WAL; one left means the file is not whole
        raise BuildError(f"{wal.name} was left after the checkpoint, so the file is not whole; "
                         "not publishing", file=str(area.db))
    with open(area.db, "rb") as f:
        os.fsync(f.fileno())
    _keep_ownership(area.db, area.published)
    kept = set_aside_wal(area.published)
    standby.keep(area.published, area.db, area.published_id)
    os.replace(area.db, area.published)
    dir_fd = os.open(area.published.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    standby.record(area.published)
    discard(area)
    return kept


def discard(area: BuildArea) -> None:
    left = _OPEN.pop(area.db, None)
    if left is not None:
        left.close()
    shutil.rmtree(area.folder, ignore_errors=True)


def frame_schema(table: str) -> dict:
    """The polars schema of a raw or meta table's rows, so batches insert without type guessing."""
    import polars as pl

    text, i32, f64, b = pl.Utf8, pl.Int32, pl.Float64, pl.Boolean
    schemas = {
        "documents": {
            "doc_id": text, "source_file": text, "sha256": text, "text_sha256": text, "size": pl.Int64,
            "format": text, "encoding": text, "text": text, "chars": i32, "title": text,
            "reporting_body": text, "doc_kind": text, "region_code": text, "region_name": text,
            "region_level": text, "province_code": text, "city_code": text,
            "region_confidence": text, "region_candidates": pl.List(text), "report_year": i32,
            "published_on": pl.Date, "url": text, "facts_hash": text,
        },
        "mentions": {
            "mention_id": text, "doc_id": text, "span_start": i32, "span_end": i32,
            "number_text": text, "value": f64, "unit": text, "unit_raw": text, "qualifier": text,
            "kind": text, "year": i32, "indicator": text, "scope": text, "sentence": text,
            "clause": text, "region_code": text, "role": text, "reason": text,
        },
        "facts": {
            "fact_id": text, "doc_id": text, "indicator": text, "value": f64, "unit": text,
            "unit_raw": text, "qualifier": text, "year": i32, "scope": text, "region_code": text,
            "about_reporting_body": b, "evidence": text, "span_start": i32, "span_end": i32,
            "derived": b, "derivation": text, "evidence_count": i32,
        },
        "fact_evidence": {
            "fact_id": text, "doc_id": text, "evidence": text, "span_start": i32, "span_end": i32,
        },
        "files": {
            "source_file": text, "size": pl.Int64, "mtime_ns": pl.Int64, "sha256": text,
            "format": text, "encoding": text, "status": text, "reason": text, "doc_id": text,
            "duplicate_of": text, "facts": i32, "manifest_sha": text,
        },
        "ingest_log": {
            "build_id": text, "path": text, "source_file": text, "size": pl.Int64, "sha256": text,
            "format": text, "encoding": text, "status": text, "reason": text, "facts": i32,
            "logged_at": pl.Datetime("us"),
        },
    }
    return schemas[table]

