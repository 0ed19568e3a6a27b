"""The standby: the warehouse a build starts from instead of a copy of the published file.

Publishing renames the new file over the published one; the file it replaces is kept, by a
hard link, as the standby (``data/.standby-warehouse.duckdb/``), with the identity (inode,
size, mtime) of both files in ``state.json``. The next build moves the standby into its
private folder and brings it level with the published warehouse by copying only what
differs (the raw rows of documents whose row in raw.documents differs, the small meta
tables), instead of copying the whole file; the incremental models then rebuild what
changed since the standby's own marts were built. So a build writes what changed, twice,
and never the unchanged bulk.

The promises of a copy hold. The published file is never written: the standby is another
inode. A reader that still holds the standby's inode (it opened the warehouse before the
last publish) holds DuckDB's lock on it, so the build cannot open it for writing and copies
the published file as before. A killed build leaves the standby inside its private folder,
which the next build removes; that build copies. A published file written since it was
published (a notebook, dbt) or a standby changed since it was kept do not match state.json:
the build copies, and carries such writes over as a copy always did. The cost is disk: the
standby is a second whole warehouse beside the published one.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

# raw tables synced a document at a time; meta tables replaced whole (they are small) or,
# for the ingest log, by build. model_state and seed_state stay the standby's own: they
# describe the marts and seeds the standby holds, which the model run brings up to date.
DOC_TABLES = ("raw.documents", "raw.mentions", "raw.facts", "raw.fact_evidence")
WHOLE_TABLES = ("raw.corrections", "meta.files", "meta.builds", "meta.raw_fingerprints",
                "meta.model_runs", "meta.test_runs", "meta.doc_changes")

# The documents whose raw rows each build deleted or added (a row with a null doc_id says the
# build recorded them), for the last few builds: the next catch-up copies those documents'
# rows instead of hashing every document of both files to find them.
DOC_CHANGES_DDL = "create table if not exists meta.doc_changes (build_id varchar, doc_id varchar)"
KEPT_BUILDS = 3


def folder(published: Path) -> Path:
    return published.with_name(f".standby-{published.name}")


def identity(path: Path) -> list[int]:
    """What changes when a file is replaced or written: inode, size, mtime."""
    st = path.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def take(published: Path, published_id: list[int], dest: Path):
    """Move the standby to ``dest``, bring it level with the published warehouse and return
    the open connection (the build goes on with it); None (and nothing at ``dest``) when there
    is none fit to use, so the caller copies."""
    here = folder(published)
    try:
        state = json.loads((here / "state.json").read_text(encoding="utf-8"))
        if state["published"] != published_id or identity(here / "warehouse.duckdb") != state["standby"]:
            return None
        (here / "state.json").unlink()
        os.replace(here / "warehouse.duckdb", dest)   # a killed build's folder takes it away
    except (OSError, ValueError, KeyError, TypeError):
        return None
    from lawgov.warehouse.store import connect

    con = None
    try:
        con = connect(dest)
        catch_up(con, published)
        return con
    except Exception:        # a reader holds it, another layout, a damaged file: copy instead
        if con is not None:
            con.close()
        for leftover in (dest, dest.with_name(dest.name + ".wal")):
            leftover.unlink(missing_ok=True)
        return None


def catch_up(con, published: Path) -> None:
    """Make the raw and meta tables of ``con``'s file those of ``published``, writing only
    what differs."""
    con.execute("attach '{}' as pub (read_only)".format(str(published).replace("'", "''")))
    code = "select fingerprint from {}meta.raw_fingerprints where table_name = '_code'"
    if con.execute(code.format("")).fetchall() != con.execute(code.format("pub.")).fetchall():
        raise ValueError("parsed by other code")  # every document differs: a copy is cheaper
    con.execute(DOC_CHANGES_DDL)        # a file from before it was kept: as if empty
    tables = tuple(t for t in DOC_TABLES + WHOLE_TABLES + ("meta.ingest_log",) if t != "meta.doc_changes")
    if _columns(con, tables, "") != _columns(con, tables, "pub"):
        raise ValueError("the two files' tables differ in their columns")
    con.execute("begin")
    if not _recorded_changes(con):
        _changed_documents(con)
    for table in DOC_TABLES:
        con.execute(f"delete from {table} where doc_id in (select doc_id from _changed)")
        # The changed documents' rows were appended by recent builds: a scan from the
        # first of them skips the bulk (DuckDB prunes row groups by rowid), where a plain
        # filter would read every text and sentence of the published file.
        first = con.execute(f"select min(rowid) from pub.{table} "
                            f"where doc_id in (select doc_id from _changed)").fetchone()[0]
        if first is not None:
            con.execute(f"insert into {table} select * from pub.{table} "
                        f"where rowid >= {int(first)} and doc_id in (select doc_id from _changed)")
    for table in WHOLE_TABLES:
        if table == "meta.files":
            _copy_files(con)
        elif _columns(con, (table,), "") and _columns(con, (table,), "pub"):
            con.execute(f"delete from {table}")
            con.execute(f"insert into {table} select * from pub.{table}")
    _copy_log(con)
    con.execute("drop table _changed")
    con.execute("commit")
    con.execute("detach pub")


def _copy_files(con) -> None:
    """meta.files made the published file's, rewriting only the files whose row differs (one
    row per file: at 100k files a build changes a few thousand, and a rewrite of all of them
    was written again at each checkpoint)."""
    con.execute("""create or replace temp table _files as
        select source_file from (select * from meta.files except select * from pub.meta.files)
        union select source_file from (select * from pub.meta.files except select * from meta.files)""")
    con.execute("delete from meta.files where source_file in (select source_file from _files)")
    con.execute("insert into meta.files select * from pub.meta.files where source_file in (select source_file from _files)")
    con.execute("drop table _files")


def _copy_log(con) -> None:
    """meta.ingest_log made the published file's, by build: a build's rows are all in or all
    out. The builds this file lacks logged last, so their rows are read from the first of
    them on (a build logs every file: 100k rows a build, millions in all)."""
    con.execute("""delete from meta.ingest_log
                   where build_id not in (select distinct build_id from pub.meta.ingest_log)""")
    con.execute("""create or replace temp table _builds as
        select distinct build_id from pub.meta.ingest_log
        where build_id not in (select distinct build_id from meta.ingest_log)""")
    first = con.execute("select min(rowid) from pub.meta.ingest_log "
                        "where build_id in (select build_id from _builds)").fetchone()[0]
    if first is not None:
        con.execute(f"""insert into meta.ingest_log select * from pub.meta.ingest_log
                        where rowid >= {int(first)} and build_id in (select build_id from _builds)""")
    con.execute("drop table _builds")


def _columns(con, tables: tuple[str, ...], catalog: str) -> list[tuple]:
    """The columns of these tables in the attached ``catalog`` ("" for the file's own)."""
    where = "current_database()" if not catalog else "'" + catalog + "'"
    return con.execute(
        f"select schema_name, table_name, column_name, data_type from duckdb_columns() "
        f"where database_name = {where} and list_contains(?, schema_name || '.' || table_name) "
        f"order by schema_name, table_name, column_index", [list(tables)]).fetchall()


def _recorded_changes(con) -> bool:
    """_changed from the published file's record of what its builds changed: the documents of
    every build it has and this file has not (one, when this file is the one it replaced).
    False when a build left no record (a file from before it was kept): hash instead."""
    if not _columns(con, ("meta.doc_changes",), "pub"):
        return False
    missing = con.execute("""
        select count(*) filter (where r.build_id is null), count(*)
        from (select build_id from pub.meta.builds
              where build_id not in (select build_id from meta.builds)) as b
        left join (select distinct build_id from pub.meta.doc_changes where doc_id is null) as r
            using (build_id)""").fetchone()
    if missing[0]:
        return False
    con.execute("""create or replace temp table _changed as
        select distinct doc_id from pub.meta.doc_changes
        where doc_id is not null
          and build_id in (select build_id from pub.meta.builds
                           where build_id not in (select build_id from meta.builds))""")
    return True


def record_changes(con, build_id: str, doc_ids: list[str]) -> None:
    """Note the documents whose raw rows this build deleted or added, and forget the records
    of all but the last few builds."""
    from lawgov.warehouse.store import TEXTS, texts_param

    con.execute(DOC_CHANGES_DDL)
    con.execute("insert into meta.doc_changes values (?, null)", [build_id])
    if doc_ids:
        con.execute(f"insert into meta.doc_changes select ?, unnest({TEXTS})", [build_id, texts_param(doc_ids)])
    con.execute(f"""delete from meta.doc_changes where build_id not in (
        select build_id from meta.builds order by started_at desc limit {KEPT_BUILDS - 1})
        and build_id <> ?""", [build_id])


def _changed_documents(con) -> None:
    """_changed: documents whose raw.documents row (all but the text, which the file's hash
    stands for) differs between the two files, or is in one only."""
    cols = ", ".join(f'"{c}"' for _, _, c, _ in _columns(con, ("raw.documents",), "") if c != "text")
    con.execute(f"""create or replace temp table _changed as
        select coalesce(a.doc_id, b.doc_id) as doc_id
        from (select doc_id, hash({cols}) as h from raw.documents) as a
        full join (select doc_id, hash({cols}) as h from pub.raw.documents) as b on a.doc_id = b.doc_id
        where a.h is distinct from b.h""")


def keep(published: Path, new: Path, published_id: list[int] | None) -> None:
    """Before ``new`` is renamed over ``published``: keep the file it replaces as the standby
    (a hard link), if it is still what the build started from; with no published file yet,
    a copy of ``new`` (the first build pays the copy that the later ones avoid). Call
    ``record`` after the rename. A standby that cannot be made is no error: the next build
    copies."""
    here = folder(published)
    here.mkdir(exist_ok=True)
    (here / "state.json").unlink(missing_ok=True)
    standby = here / "warehouse.duckdb"
    standby.unlink(missing_ok=True)
    try:
        if published.exists():
            if published_id is not None and identity(published) == published_id:
                os.link(published, standby)
        else:
            shutil.copyfile(new, standby)
    except OSError:
        standby.unlink(missing_ok=True)


def record(published: Path) -> None:
    """After the rename: note both files' identities, so the next build knows the standby
    is the published file's predecessor and neither was written since."""
    here = folder(published)
    standby = here / "warehouse.duckdb"
    if not standby.exists():
        return
    tmp = here / "state.json.tmp"
    tmp.write_text(json.dumps({"standby": identity(standby), "published": identity(published)}),
                   encoding="utf-8")
    os.replace(tmp, here / "state.json")
