"""Running a project: seeds loaded, models built in order (skipping the ones whose
fingerprint is unchanged), everything recorded in meta.model_state / model_runs / seed_state."""

from __future__ import annotations

import csv
import json
import re
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Callable

from lawgov.errors import DataTestError, ModelError

from lawgov.warehouse.models.data_tests import run_tests
from lawgov.warehouse.models.test_increments import NewRows
from lawgov.warehouse.models.nodes import (Event, META, Model, ModelRun, Project, RunResult, Seed, SeedRun,
                                           insert_rows, quote, remember_no_pandas, sha)


_META_DDL = [
    f"create schema if not exists {META}",
    f"""create table if not exists {META}.model_state (
        model varchar, version varchar, relation varchar, materialized varchar,
        fingerprint varchar, docs_fingerprint varchar, rows bigint, built_at timestamp)""",
    # what the fingerprint was made of, so a rebuild can say why (added after the first release)
    f"alter table {META}.model_state add column if not exists fingerprint_parts varchar",
    f"""create table if not exists {META}.model_runs (
        run_id varchar, model varchar, version varchar, relation varchar, fingerprint varchar,
        rows bigint, seconds double, status varchar, error varchar, built_at timestamp)""",
    f"""create table if not exists {META}.test_runs (
        run_id varchar, model varchar, relation varchar, test varchar, column_name varchar,
        severity varchar, status varchar, failures bigint, seconds double, file varchar,
        line integer, sql varchar, ran_at timestamp)""",
    f"""create table if not exists {META}.seed_state (
        seed varchar, relation varchar, fingerprint varchar, rows bigint, loaded_at timestamp)""",
]


def _relations(con) -> dict[tuple[str, str], str]:
    rows = con.execute("""
        select schema_name, table_name, 'table' from duckdb_tables()
        where database_name = current_database() and not internal and not temporary
        union all
        select schema_name, view_name, 'view' from duckdb_views()
        where database_name = current_database() and not internal and not temporary
    """).fetchall()
    return {(s.lower(), n.lower()): kind for s, n, kind in rows}


def _drop(con, schema: str, name: str, kind: str):
    con.execute(f'drop {"view" if kind == "view" else "table"} if exists "{schema}"."{name}"')


def _raw_fingerprints(con, project: Project, relations) -> dict[tuple[str, str], str]:
    recorded: dict[str, str] = {}
    if (META, "raw_fingerprints") in relations:
        for name, fp in con.execute(f"select table_name, fingerprint from {META}.raw_fingerprints").fetchall():
            recorded[str(name).lower()] = str(fp)
    out = {("_code", ""): recorded.get("_code", "")}   # the parser's code, when the build says
    used = {s for m in project.models.values() for s in m.sources}
    for key in used:
        table = project.sources.get(key)
        if table is None:
            continue
        fp = recorded.get(table.qualified.lower()) or recorded.get(table.identifier.lower())
        if fp is None:
            if (table.schema.lower(), table.identifier.lower()) in relations:
                # not fingerprinted by the warehouse: hash the content (row count + row hashes)
                n, h = con.execute(f"select count(*), coalesce(sum(hash(t)), 0) from {table.relation} as t").fetchone()
                fp = f"content:{n}:{h}"
            else:
                fp = "missing"
        out[key] = fp
    return out


def _load_seed(con, seed: Seed) -> int:
    with seed.path.open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f), [])
    types = {c: t for c, t in seed.column_types.items() if c in header}
    con.execute(f'create schema if not exists "{seed.schema}"')
    opts = "header = true, sample_size = -1"
    if types:
        opts += ", types = {" + ", ".join(f"{quote(c)}: {quote(t.upper())}" for c, t in types.items()) + "}"
    con.execute(f"create or replace table {seed.relation} as select * from read_csv({quote(seed.path)}, {opts})")
    return con.execute(f"select count(*) from {seed.relation}").fetchone()[0]


def _docs_fingerprint(model: Model) -> str:
    return sha(model.description, {n: c.description for n, c in model.columns.items()})


def _comment(con, model: Model, relation: str, kind: str) -> list[str]:
    """COMMENT ON the relation and its columns; returns declared columns it does not have."""
    schema, name = relation
    target = f'"{schema}"."{name}"'
    word = "view" if kind == "view" else "table"
    con.execute(f"comment on {word} {target} is {quote(model.description) if model.description else 'NULL'}")
    have = {r[0].lower(): r[0] for r in con.execute(
        "select column_name from duckdb_columns() where database_name = current_database() "
        "and schema_name = ? and table_name = ?", [schema, name]).fetchall()}
    missing = []
    for col in model.columns.values():
        actual = have.get(col.name.lower())
        if actual is None:
            missing.append(col.name)
            continue
        if col.description:
            con.execute(f'comment on column {target}."{actual}" is {quote(col.description)}')
    return missing


def _error_line(message: str) -> int | None:
    m = re.search(r"LINE (\d+):", message)
    return int(m.group(1)) if m else None


def run_project(con, project: Project, *, progress: Callable[[str, int, int], Any] | None = None,
                full_refresh: bool = False, on_event: Callable[[Event], Any] | None = None) -> RunResult:
    """Load seeds, build the models in order (skipping unchanged ones), run the data tests
    and record it all in meta. Raises ModelError when a model does not build (nothing of
    this run is kept) and DataTestError when an error-severity test fails (the models stay
    built; the caller does not publish).

    progress(stage, done, total) is called after each seed, model and test, counted apart
    (stage is "seeds", "models" or "tests"); on_event(Event) gets what happened to each
    (str(event) is a log line; a model's detail says why it was built)."""
    started = time.perf_counter()
    remember_no_pandas()
    run = _Run(con, project, full_refresh, on_event, progress)
    for ddl in _META_DDL:
        con.execute(ddl)
    own_tx = True
    try:
        con.execute("begin transaction")
    except Exception:
        own_tx = False                    # the caller holds a transaction: build inside it
    try:
        seed_runs = run.load_seeds()
        runs = run.build_models()
        run.drop_departed()
        _record_runs(con, run.run_id, runs, run.now)
        if own_tx:
            con.execute("commit")
    except Exception as exc:
        if own_tx:
            try:
                con.execute("rollback")
            except Exception:
                pass
        run.fail(exc)

    run.begin("test")
    try:
        tests = run_tests(con, project, run_id=run.run_id, progress=run.say, new_rows=run.new_rows)
    finally:
        run.drop_increments()
    result = RunResult(run.run_id, seed_runs, runs, tests, time.perf_counter() - started, run.warnings)
    if on_event is not None:
        for w in run.warnings:
            on_event(Event("model", w.split(":")[0], "warning", detail=w))
    failures = result.test_failures
    if failures:
        first = failures[0]
        listing = "; ".join(f"{t.label} ({t.failures} rows, {t.file}:{t.line})" for t in failures)
        raise DataTestError(f"{len(failures)} data test(s) failed: {listing}", file=first.file,
                            line=first.line)
    return result


class _Run:
    """One run's phases (seeds, models, departed relations) and what they share."""

    def __init__(self, con, project: Project, full_refresh: bool, on_event, progress):
        self.con, self.project, self.full_refresh = con, project, full_refresh
        self.on_event, self.progress = on_event, progress
        self.run_id = uuid.uuid4().hex[:12]
        self.now = datetime.now(timezone.utc).replace(tzinfo=None)
        self.totals = {"seed": len(project.seeds), "model": len(project.models),
                       "test": sum(len(m.tests) for m in project.models.values()) + len(project.singular_tests)}
        self.done = dict.fromkeys(self.totals, 0)
        self.warnings: list[str] = []
        self.current: Model | None = None     # the model being built, named if it fails
        self.state: dict = {}
        self.new_rows = NewRows(full_refresh=full_refresh)   # what the run changed, for the tests

    def say(self, event: Event) -> None:
        if self.on_event is not None:
            self.on_event(event)
        if self.progress is not None and event.status != "failed" and event.kind in self.totals:
            self.done[event.kind] += 1
            self.progress(event.kind + "s", self.done[event.kind], self.totals[event.kind])

    def begin(self, kind: str) -> None:
        """Tell progress a stage starts (0 done), so its rate counts from here."""
        if self.progress is not None:
            self.progress(kind + "s", 0, self.totals[kind])

    def comment(self, model: Model, name: str, kind: str) -> None:
        missing = _comment(self.con, model, (model.schema, name), kind)
        if missing:
            self.warnings.append(f"{model.schema}.{name}: schema.yml describes columns it does not have: "
                                 f"{', '.join(missing)}")

    def load_seeds(self) -> list[SeedRun]:
        con, now = self.con, self.now
        relations = _relations(con)
        seed_state = {r[0]: (r[1], r[2]) for r in con.execute(
            f"select seed, fingerprint, rows from {META}.seed_state").fetchall()}
        seed_runs = []
        self.begin("seed")
        for seed in self.project.seeds.values():
            t0 = time.perf_counter()
            prev = seed_state.get(seed.name)
            exists = (seed.schema.lower(), seed.name.lower()) in relations
            if not self.full_refresh and prev and prev[0] == seed.fingerprint and exists:
                run = SeedRun(seed.name, seed.fingerprint, prev[1], time.perf_counter() - t0, "skipped")
                self.new_rows.skipped.add(seed.name)
            else:
                try:
                    rows = _load_seed(con, seed)
                except Exception as exc:
                    raise ModelError(f"seed does not load: {exc}", file=str(seed.path)) from None
                run = SeedRun(seed.name, seed.fingerprint, rows, time.perf_counter() - t0, "loaded")
                con.execute(f"delete from {META}.seed_state where seed = ?", [seed.name])
                con.execute(f"insert into {META}.seed_state values (?, ?, ?, ?, ?)",
                            [seed.name, seed.qualified, seed.fingerprint, rows, now])
            seed_runs.append(run)
            self.say(Event("seed", seed.name, run.status, run.seconds, run.rows))
        return seed_runs

    def build_models(self) -> list[ModelRun]:
        con, project = self.con, self.project
        relations = _relations(con)
        raw_fp = _raw_fingerprints(con, project, relations)
        self.state = {r[0]: r[1:] for r in con.execute(
            f"select coalesce(model || '_v' || version, model), fingerprint, docs_fingerprint, rows, "
            f"relation, materialized, model, version, fingerprint_parts from {META}.model_state").fetchall()}
        fingerprints: dict[str, str] = {}
        structures: dict[str, str] = {}
        code = raw_fp.get(("_code", ""), "")
        runs = []
        self.begin("model")
        for key in project.order:
            self.current = model = project.models[key]
            upstream = [fingerprints[r] if r in fingerprints else project.seeds[r].fingerprint
                        for r in model.refs]
            sql_fp = sha(model.normalized, model.materialized, model.schema, model.alias,
                         model.version, model.latest)
            fingerprints[key] = sha(model.normalized, model.materialized, model.schema, model.alias,
                                    model.version, model.latest, upstream,
                                    [raw_fp.get(s, "?") for s in model.sources])
            # everything but the raw rows: when only they changed, an incremental model adds
            # the changed rows; any other change (SQL here or upstream, a seed, the parser's
            # code) rebuilds it whole
            structures[key] = sha(sql_fp, [structures.get(r) or project.seeds[r].fingerprint
                                           for r in model.refs], code if model.sources else "")
            parts = {"sql": sql_fp,
                     "refs": dict(zip(model.refs, upstream)),
                     "sources": {".".join(s): raw_fp.get(s, "?") for s in model.sources},
                     "structure": structures[key]}
            run = self._build_one(model, fingerprints[key], relations, parts)
            runs.append(run)
            self.say(Event("model", model.qualified, run.status, run.seconds, run.rows, detail=run.reason))
        self.current = None
        self.new_rows.structures = structures
        return runs

    def drop_increments(self) -> None:
        """The increments kept for the tests (temp tables of this connection)."""
        for table in self.new_rows.increments.values():
            self.con.execute(f"drop table if exists {table}")
        self.new_rows.increments.clear()

    def _build_one(self, model: Model, fp: str, relations: dict, parts: dict) -> ModelRun:
        """Skip the model if its fingerprint and relation are unchanged, else build it."""
        con, key, t0 = self.con, model.key, time.perf_counter()
        rel = (model.schema.lower(), model.alias.lower())
        prev = self.state.get(key)
        exists = relations.get(rel) == model.kind
        latest_ok = not model.latest or relations.get((model.schema.lower(), model.name.lower())) == "view"
        docs_fp = _docs_fingerprint(model)
        if not self.full_refresh and prev and prev[0] == fp and exists and latest_ok:
            if prev[1] != docs_fp:
                self.comment(model, model.alias, model.kind)
                if model.latest:
                    self.comment(model, model.name, "view")
                con.execute(f"update {META}.model_state set docs_fingerprint = ? where "
                            f"coalesce(model || '_v' || version, model) = ?", [docs_fp, key])
            self.new_rows.skipped.add(key)
            return ModelRun(model.name, model.version, model.qualified, fp, prev[2],
                            time.perf_counter() - t0, "skipped", reason="unchanged")
        reason = self._reason(model, prev, exists and latest_ok, parts)
        if (model.materialized == "incremental" and not self.full_refresh and prev and exists
                and prev[7] and json.loads(prev[7]).get("structure") == parts["structure"]):
            table = f"__lawgov_new_{len(self.new_rows.increments)}"
            if _add_increment(con, model, table):     # the table, and its comments, stay
                self.new_rows.lost_rows.add(key)
            self.new_rows.increments[key] = table
            reason = "incremental, " + reason
            if prev[1] != docs_fp:
                self.comment(model, model.alias, model.kind)
        else:
            con.execute(f'create schema if not exists "{model.schema}"')
            if rel in relations and relations[rel] != model.kind:
                _drop(con, model.schema, model.alias, relations[rel])
            con.execute(f"create or replace {model.kind} {model.relation} as {model.sql}")
            relations[rel] = model.kind
            self.comment(model, model.alias, model.kind)
        # a table knows its count; a view would run its whole query (millions of mentions)
        rows = con.execute(f"select count(*) from {model.relation}").fetchone()[0] if model.kind == "table" else None
        if model.latest:
            lrel = (model.schema.lower(), model.name.lower())
            if relations.get(lrel) == "table":
                _drop(con, model.schema, model.name, "table")
            con.execute(f"create or replace view {model.latest_view} as select * from {model.relation}")
            relations[lrel] = "view"
            self.comment(model, model.name, "view")
        con.execute(f"delete from {META}.model_state where coalesce(model || '_v' || version, model) = ?",
                    [key])
        con.execute(f"insert into {META}.model_state (model, version, relation, materialized, fingerprint, "
                    f"docs_fingerprint, rows, built_at, fingerprint_parts) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [model.name, model.version, model.qualified, model.materialized, fp,
                     docs_fp, rows, self.now, json.dumps(parts, sort_keys=True)])
        return ModelRun(model.name, model.version, model.qualified, fp, rows,
                        time.perf_counter() - t0, "built", reason=reason)

    def _reason(self, model: Model, prev, relation_ok: bool, parts: dict) -> str:
        """Why a model is built: what in its fingerprint differs from the last build's."""
        if self.full_refresh:
            return "full refresh"
        if prev is None:
            return "new model"
        if not relation_ok:
            return "its relation was missing"
        if not prev[7]:
            return "changed since a build that kept no reasons"
        old = json.loads(prev[7])
        if old.get("sql") != parts["sql"]:
            return "changed SQL"
        changed = [r for r, fp in parts["refs"].items() if old.get("refs", {}).get(r) != fp]
        why = []
        upstream = [r for r in changed if r not in self.project.seeds]
        seeds = [r for r in changed if r in self.project.seeds]
        if upstream:
            why.append("changed upstream: " + ", ".join(self.project.models[r].qualified for r in upstream))
        if seeds:
            why.append("changed seed: " + ", ".join(self.project.seeds[r].qualified for r in seeds))
        if any(old.get("sources", {}).get(s) != fp for s, fp in parts["sources"].items()):
            why.append("new data")
        return "; ".join(why) or "changed"

    def drop_departed(self) -> None:
        """Relations of models that left the project (unless a model of it builds them now)."""
        con, project = self.con, self.project
        relations = _relations(con)
        current_rels = {m.qualified.lower() for m in project.models.values()}
        current_rels |= {f"{m.schema}.{m.name}".lower() for m in project.models.values() if m.latest}
        names = {m.name for m in project.models.values()}
        for key, (_, _, _, relation, kind, name, version, _) in self.state.items():
            if key in project.models or not relation:
                continue
            schema, _, alias = relation.partition(".")
            actual = relations.get((schema.lower(), alias.lower()))
            if relation.lower() not in current_rels and actual:
                _drop(con, schema, alias, actual)
            if (version is not None and name not in names and f"{schema}.{name}".lower() not in current_rels
                    and relations.get((schema.lower(), name.lower())) == "view"):
                _drop(con, schema, name, "view")      # the versioned model's plain-named view
            con.execute(f"delete from {META}.model_state where coalesce(model || '_v' || version, model) = ?",
                        [key])

    def fail(self, exc: Exception):
        """Record the model that failed and raise a ModelError naming its file and line."""
        current = self.current
        if isinstance(exc, ModelError) or current is None:
            if current is not None:
                _record_failure(self.con, self.run_id, current, str(exc), self.now)
            raise exc
        message = str(exc).strip()
        _record_failure(self.con, self.run_id, current, message, self.now)
        self.say(Event("model", current.qualified, "failed", detail=message.splitlines()[0]))
        raise ModelError(f"does not build: {message}", file=current.file,
                         line=_error_line(message)) from None


def _add_increment(con, model: Model, table: str) -> int:
    """dbt's incremental run: the pre_hooks delete what is no longer right, the model's
    is_incremental() rows replace the rows of their unique_key (delete+insert) or are added.
    The new rows stay in the temp table ``table`` for the tests; returns the rows deleted."""
    deleted = sum(_count(con.execute(hook)) for hook in model.pre_hooks)
    con.execute(f"create or replace temp table {table} as {model.incremental_sql}")
    if model.unique_key:
        match = " and ".join(f'{model.relation}."{k}" = {table}."{k}"' for k in model.unique_key)
        deleted += _count(con.execute(f"delete from {model.relation} using {table} where {match}"))
    con.execute(f"insert into {model.relation} by name select * from {table}")
    return deleted


def _count(cursor) -> int:
    """The rows a DELETE reports it removed."""
    row = cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _record_runs(con, run_id: str, runs: list[ModelRun], now: datetime):
    if runs:
        insert_rows(con, f"{META}.model_runs",
                    [[run_id, r.model, r.version, r.relation, r.fingerprint, r.rows, r.seconds,
                      r.status, r.error, now] for r in runs])


def _record_failure(con, run_id: str, model: Model, message: str, now: datetime):
    try:
        _record_runs(con, run_id, [ModelRun(model.name, model.version, model.qualified, "", None, 0.0,
                                            "failed", message)], now)
    except Exception:
        pass                              # the caller's transaction is aborted: nothing to record in
