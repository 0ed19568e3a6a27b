"""The SQL model layer: lawgov's own runner for the dbt project in sql/.

`load_project` renders every model (the dbt subset: ref, source, config, var, with
jinja2), parses it with sqlglot and DuckDB's parser, and orders the graph, before
anything is built: a model that does not render or parse raises ModelError naming its
file and line. `run_project` loads the seeds, builds the models in order into their
schemas, skips each one whose fingerprint (normalised SQL + configuration + upstream
fingerprints + seed content + raw-table fingerprints) is unchanged, runs schema.yml's
data tests, and records everything in meta.model_runs / meta.test_runs.

The same project builds under `dbt build` (dbt-duckdb); see dbt_project.yml.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable


from lawgov.errors import DataTestError, ModelError
from lawgov.warehouse.schema import (BUILTIN_TESTS, LINE, ColumnSpec, ModelSpec, SourceTable, TestSpec,
                           clean, read_properties, version_columns)

DIALECT = "duckdb"
META = "meta"
# default schema of a model by its top folder under the model path
FOLDER_SCHEMAS = {"staging": "staging", "intermediate": "intermediate", "marts": "marts"}
DEFAULT_SCHEMA = "main"
_CONFIG_KEYS = {"schema", "materialized", "alias", "enabled", "tags", "persist_docs",
                "post-hook", "pre-hook", "post_hook", "pre_hook", "database", "docs",
                "column_types", "full_refresh", "quote_columns", "delimiter", "contract",
                "meta", "grants", "on_schema_change", "unique_key", "incremental_strategy"}


# --------------------------------------------------------------------------- data


@dataclass
class Seed:
    name: str
    path: Path
    schema: str
    column_types: dict[str, str]
    fingerprint: str                      # sha256 of the bytes and the column types

    @property
    def relation(self) -> str:
        return f'"{self.schema}"."{self.name}"'

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"


@dataclass
class Model:
    key: str                              # unique node name: facts, court_appearance_rate_v1
    name: str                             # logical name (court_appearance_rate)
    version: str | None
    latest: bool                          # latest version of a versioned model
    path: Path
    file: str                             # path relative to the project root
    raw_sql: str
    sql: str                              # rendered, trailing ';' removed
    normalized: str                       # sqlglot's normalised form (the fingerprint's SQL part)
    schema: str
    alias: str
    materialized: str                     # table | view
    refs: list[str]                       # keys of models and seeds it reads
    sources: list[tuple[str, str]]
    description: str = ""
    columns: dict[str, ColumnSpec] = field(default_factory=dict)
    tests: list[TestSpec] = field(default_factory=list)

    @property
    def relation(self) -> str:
        return f'"{self.schema}"."{self.alias}"'

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.alias}"

    @property
    def latest_view(self) -> str | None:
        """marts.X for the latest version of X (None otherwise)."""
        return f'"{self.schema}"."{self.name}"' if self.latest else None


@dataclass
class Project:
    root: Path
    name: str
    models: dict[str, Model]
    seeds: dict[str, Seed]
    sources: dict[tuple[str, str], SourceTable]
    order: list[str]                      # model keys in build order
    vars: dict
    test_macros: str                      # jinja source of the generic tests, as macros
    generic_tests: set[str]

    def find(self, name: str) -> Model:
        """A model by key (facts, x_v1), by name (x: its latest version), x.v1, or relation."""
        name = name.strip()
        if name in self.models:
            return self.models[name]
        m = re.fullmatch(r"(.+)\.v(\w+)", name)
        if m and f"{m.group(1)}_v{m.group(2)}" in self.models:
            return self.models[f"{m.group(1)}_v{m.group(2)}"]
        for model in self.models.values():
            if model.latest and model.name == name:
                return model
        for model in self.models.values():
            if name in (model.qualified, model.alias):
                return model
        raise ModelError(f"no model named {name!r}; try `lawgov models`")


@dataclass
class ModelRun:
    model: str
    version: str | None
    relation: str
    fingerprint: str
    rows: int | None
    seconds: float
    status: str                           # built | skipped | failed
    error: str | None = None


@dataclass
class SeedRun:
    seed: str
    fingerprint: str
    rows: int | None
    seconds: float
    status: str                           # loaded | skipped


@dataclass
class TestResult:
    model: str
    relation: str
    test: str
    column: str | None
    severity: str
    status: str                           # pass | fail | warn
    failures: int
    seconds: float
    file: str
    line: int | None
    sql: str

    @property
    def label(self) -> str:
        col = f"({self.column})" if self.column else ""
        return f"{self.relation}: {self.test}{col}"


@dataclass
class Event:
    """What run_project reports to `progress` as it goes; str() is a line for a log."""
    kind: str                             # seed | model | test
    name: str
    status: str
    seconds: float = 0.0
    rows: int | None = None
    detail: str | None = None

    def __str__(self) -> str:
        rows = f" {self.rows} rows" if self.rows is not None else ""
        more = f" ({self.detail})" if self.detail else ""
        return f"{self.kind} {self.name}: {self.status}{rows} in {self.seconds:.2f}s{more}"


@dataclass
class RunResult:
    run_id: str
    seeds: list[SeedRun]
    models: list[ModelRun]
    tests: list[TestResult]
    seconds: float
    warnings: list[str] = field(default_factory=list)   # e.g. a described column the model lacks

    @property
    def built_models(self) -> list[str]:
        return [_node(r) for r in self.models if r.status == "built"]

    @property
    def skipped_models(self) -> list[str]:
        return [_node(r) for r in self.models if r.status == "skipped"]

    @property
    def built(self) -> int:
        return len(self.built_models)

    @property
    def skipped(self) -> int:
        return len(self.skipped_models)

    @property
    def test_failures(self) -> list[TestResult]:
        return [t for t in self.tests if t.status == "fail"]

    @property
    def test_warnings(self) -> list[TestResult]:
        return [t for t in self.tests if t.status == "warn"]

    @property
    def tests_passed(self) -> int:
        return sum(t.status == "pass" for t in self.tests)

    @property
    def tests_warned(self) -> int:
        return len(self.test_warnings)

    @property
    def tests_failed(self) -> int:
        return len(self.test_failures)

    def summary(self) -> str:
        return (f"models: {self.built} built, {self.skipped} skipped; "
                f"seeds: {sum(s.status == 'loaded' for s in self.seeds)} loaded, "
                f"{sum(s.status == 'skipped' for s in self.seeds)} unchanged; "
                f"tests: {self.tests_passed} passed, {self.tests_warned} warned, "
                f"{self.tests_failed} failed; "
                f"{self.seconds:.2f}s")


def _node(run: ModelRun) -> str:
    return run.model if run.version is None else f"{run.model}_v{run.version}"


# --------------------------------------------------------------------------- loading


def _sha(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else json.dumps(p, sort_keys=True, default=str).encode())
        h.update(b"\x00")
    return h.hexdigest()


def _project_config(tree: dict | None, project: str, parts: list[str]) -> dict:
    """Configuration from dbt_project.yml's models:/seeds: tree for a node at parts."""
    config: dict = {}
    node = (tree or {}).get(project)
    for part in [None, *parts]:
        if part is not None:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            break
        for key, value in node.items():
            if key == LINE:
                continue
            if key.startswith("+"):
                config[key[1:]] = value
            elif key in _CONFIG_KEYS:
                config[key] = value
    return clean(config)


_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _keep_lines(text: str) -> str:
    """Move the newlines inside each jinja tag to after it, so rendering keeps lines where
    they were (a ModelError's line is then the line in the file)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        n = tag.count("\n")
        return tag.replace("\n", " ") + "\n" * n if n else tag
    return _JINJA_TAG.sub(fix, text)


def _jinja_env():
    import jinja2
    return jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)


def _line_of(text: str, pattern: str) -> int | None:
    m = re.search(pattern, text)
    return text.count("\n", 0, m.start()) + 1 if m else None


class _Renderer:
    """Renders one model with ref/source/config/var bound for that model."""

    def __init__(self, env, vars_: dict, resolve_ref: Callable | None,
                 resolve_source: Callable | None):
        self.env = env
        self.vars = vars_
        self.resolve_ref = resolve_ref
        self.resolve_source = resolve_source

    def render(self, text: str, file: str) -> tuple[str, dict, list, list]:
        import jinja2
        config: dict = {}
        refs: list = []
        sources: list = []

        def ref(*args, **kwargs):
            if not args or len(args) > 2:
                raise ModelError("ref() takes a model name (and optionally a package)", file=file,
                                 line=None)
            name = str(args[-1])
            version = kwargs.get("v", kwargs.get("version"))
            refs.append((name, None if version is None else str(version)))
            return self.resolve_ref(name, version, file, text) if self.resolve_ref else f'"__ref__"."{name}"'

        def source(source_name, table_name):
            sources.append((str(source_name), str(table_name)))
            return self.resolve_source(str(source_name), str(table_name), file, text) \
                if self.resolve_source else f'"__source__"."{table_name}"'

        def config_(*args, **kwargs):
            config.update(kwargs)
            return ""

        def var(name, default=None):
            if name in self.vars:
                return self.vars[name]
            if default is None:
                raise ModelError(f"var({name!r}) is not set in dbt_project.yml and has no default",
                                 file=file, line=_line_of(text, r"var\(\s*['\"]" + re.escape(name)))
            return default

        try:
            template = self.env.from_string(_keep_lines(text))
            rendered = template.render(ref=ref, source=source, config=config_, var=var)
        except ModelError:
            raise
        except jinja2.TemplateSyntaxError as exc:
            raise ModelError(f"does not render: {exc.message}", file=file, line=exc.lineno) from None
        except Exception as exc:  # an undefined name, a bad call in a tag
            line = None
            tb = exc.__traceback__
            while tb is not None:       # jinja maps template frames to <template> lines
                if tb.tb_frame.f_code.co_filename == "<template>":
                    line = tb.tb_lineno
                tb = tb.tb_next
            raise ModelError(f"does not render: {exc}", file=file, line=line) from None
        return rendered, config, refs, sources


def _strip_sql(sql: str) -> str:
    sql = sql.rstrip()
    while sql.endswith(";"):
        sql = sql[:-1].rstrip()
    return sql


def _duckdb_parse_error(con, sql: str) -> tuple[str, int | None] | None:
    """DuckDB's own parser (no binding): (message, position) or None."""
    out = con.execute("select json_serialize_sql(?)", [sql]).fetchone()[0]
    data = json.loads(out)
    if not data.get("error") or data.get("error_type") != "parser":
        return None                       # fine, or a statement it cannot serialise (PIVOT …)
    pos = data.get("position")
    return data.get("error_message", "syntax error"), int(pos) if pos not in (None, "") else None


class _SqlglotCannot(Exception):
    """sqlglot cannot parse SQL that DuckDB's parser accepted: (message, line)."""


def _duckdb_ast(con, sql: str) -> str | None:
    """DuckDB's parse tree of a SELECT without source positions (None if it has none)."""
    data = json.loads(con.execute("select json_serialize_sql(?)", [sql]).fetchone()[0])
    if data.get("error"):
        return None

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "query_location"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node
    return "duckdb-ast:" + json.dumps(strip(data["statements"]), sort_keys=True, separators=(",", ":"))


@functools.lru_cache(maxsize=512)
def _normalise(sql: str, file: str) -> str:
    """sqlglot's canonical form of the model: case, whitespace and comments do not count."""
    import sqlglot
    from sqlglot.errors import ParseError, TokenError
    try:
        statements = [s for s in sqlglot.parse(sql, read=DIALECT) if s is not None]
    except ParseError as exc:
        err = exc.errors[0] if exc.errors else {}
        raise _SqlglotCannot(f"does not parse: {err.get('description') or exc}", err.get("line")) from None
    except TokenError as exc:
        raise _SqlglotCannot(f"does not parse: {exc}", _token_error_line(str(exc))) from None
    if len(statements) != 1:
        raise ModelError(f"a model must be one SELECT statement, found {len(statements)}", file=file,
                         line=1)
    stmt = statements[0]
    import sqlglot.expressions as exp
    if not isinstance(stmt, (exp.Query, exp.Pivot)):  # e.g. a stray INSERT or a Command
        raise ModelError(f"a model must be a SELECT (or WITH … SELECT), got {stmt.key.upper()}",
                         file=file, line=1)
    return stmt.sql(dialect=DIALECT, normalize=True, comments=False)


def _token_error_line(message: str) -> int | None:
    m = re.search(r"[Ll]ine (\d+)", message)
    return int(m.group(1)) if m else None


def load_project(project_dir: Path) -> Project:
    """Read dbt_project.yml, the schema.yml files and every model; render, parse and order
    them. Raises ModelError (file and line) before anything is built."""
    import duckdb

    root = Path(project_dir).resolve()
    cfg_path = root / "dbt_project.yml"
    if not cfg_path.exists():
        raise ModelError("no dbt_project.yml", file=str(cfg_path))
    from lawgov.warehouse.schema import load_yaml
    cfg = clean(load_yaml(cfg_path))
    pname = str(cfg.get("name") or "lawgov")
    model_paths = [root / p for p in cfg.get("model-paths") or ["models"]]
    seed_paths = [root / p for p in cfg.get("seed-paths") or ["seeds"]]
    macro_paths = [root / p for p in cfg.get("macro-paths") or ["macros"]]
    vars_ = dict(cfg.get("vars") or {})

    # seeds
    seeds: dict[str, Seed] = {}
    for sp in seed_paths:
        for path in sorted(sp.rglob("*.csv")) if sp.exists() else []:
            rel_parts = list(path.relative_to(sp).with_suffix("").parts)
            sc = _project_config(cfg.get("seeds"), pname, rel_parts)
            if sc.get("enabled") is False:
                continue
            types = {str(k): str(v) for k, v in (sc.get("column_types") or {}).items()}
            seeds[path.stem] = Seed(path.stem, path, str(sc.get("schema") or "seeds"), types,
                                    _sha(path.read_bytes(), types))

    # generic tests from macros: {% test x(...) %} … {% endtest %} become jinja macros test_x
    blocks: list[str] = []
    generic: set[str] = set()
    block_re = re.compile(r"\{%-?\s*test\s+(\w+)\s*\((.*?)\)\s*-?%\}(.*?)\{%-?\s*endtest\s*-?%\}", re.S)
    for mp in macro_paths:
        for path in sorted(mp.rglob("*.sql")) if mp.exists() else []:
            for m in block_re.finditer(path.read_text(encoding="utf-8")):
                generic.add(m.group(1))
                blocks.append(f"{{% macro test_{m.group(1)}({m.group(2)}) %}}{m.group(3)}{{% endmacro %}}")
    test_macros = "\n".join(blocks)
    env = _jinja_env()
    try:
        env.from_string(test_macros)
    except Exception as exc:
        raise ModelError(f"a generic test in {', '.join(str(p) for p in macro_paths)} does not "
                         f"render: {exc}") from None

    # properties (schema.yml)
    yml_files = sorted(p for mp in model_paths if mp.exists()
                       for p in list(mp.rglob("*.yml")) + list(mp.rglob("*.yaml")))
    props = read_properties(yml_files, root)

    # model files -> nodes (name, version)
    sql_files = sorted(p for mp in model_paths if mp.exists() for p in mp.rglob("*.sql"))
    versioned: dict[str, tuple[ModelSpec, dict]] = {}   # file stem -> (spec, version entry)
    for spec in props.models.values():
        for ventry in spec.versions:
            v = str(ventry.get("v"))
            stem = str(ventry.get("defined_in") or f"{spec.name}_v{v}")
            versioned[stem] = (spec, ventry)

    renderer = _Renderer(env, vars_, None, None)
    drafts: dict[str, dict] = {}
    for path in sql_files:
        file = path.relative_to(root).as_posix()
        mp = next(m for m in model_paths if path.is_relative_to(m))
        text = path.read_text(encoding="utf-8")
        _, inline_cfg, refs, sources = renderer.render(text, file)   # pass 1: config and refs
        stem = path.stem
        spec, ventry = versioned.get(stem, (props.models.get(stem), None))
        name = spec.name if ventry is not None else stem
        version = str(ventry.get("v")) if ventry is not None else None
        key = stem if ventry is None else f"{name}_v{version}"
        folder_parts = list(path.relative_to(mp).parent.parts)
        config = _project_config(cfg.get("models"), pname, folder_parts + [name])
        if spec is not None:
            config.update(spec.config)
        if ventry is not None:
            config.update(clean(ventry.get("config") or {}))
        config.update(inline_cfg)
        if config.get("enabled") is False:
            continue
        schema = str(config.get("schema") or (FOLDER_SCHEMAS.get(folder_parts[0]) if folder_parts else None)
                     or DEFAULT_SCHEMA)
        materialized = str(config.get("materialized") or "view").lower()
        if materialized not in ("table", "view"):
            raise ModelError(f"materialized={materialized!r}: lawgov builds table or view",
                             file=file, line=_line_of(text, r"materialized"))
        if key in drafts:
            raise ModelError(f"two models named {key} ({drafts[key]['file']} and {file})", file=file)
        if key in seeds:
            raise ModelError(f"a model and a seed are both named {key}; give the model another "
                             f"name and config(alias=...)", file=file)
        latest = False
        if ventry is not None:
            latest_v = spec.latest_version
            if latest_v is None:
                latest_v = max((str(v.get("v")) for v in spec.versions), key=_version_key)
            latest = str(latest_v) == version
        if ventry is not None:
            columns = version_columns(spec, ventry)
            description = str(ventry.get("description") or spec.description or "").strip()
        else:
            columns = spec.columns if spec else {}
            description = spec.description if spec else ""
        tests = list(spec.tests) if spec else []
        tests += [t for c in columns.values() for t in c.tests]
        drafts[key] = dict(key=key, name=name, version=version, latest=latest, path=path, file=file,
                           text=text, refs=refs, sources=sources, schema=schema,
                           alias=str(config.get("alias") or key), materialized=materialized,
                           description=description, columns=columns, tests=tests)

    for spec in props.models.values():
        if spec.versions:
            for ventry in spec.versions:
                key = f"{spec.name}_v{ventry.get('v')}"
                if key not in drafts and str(ventry.get("defined_in") or key) not in drafts:
                    raise ModelError(f"version {ventry.get('v')} of {spec.name} has no file "
                                     f"{key}.sql", file=spec.file, line=ventry.get(LINE))

    relations: dict[str, str] = {}
    for d in drafts.values():
        rel = f"{d['schema']}.{d['alias']}".lower()
        if rel in relations:
            raise ModelError(f"{d['key']} and {relations[rel]} would both build {rel}", file=d["file"])
        relations[rel] = d["key"]

    def resolve_key(name: str, version, file: str, text: str) -> str:
        if version is not None:
            key = f"{name}_v{version}"
            if key in drafts:
                return key
        elif name in drafts and drafts[name]["version"] is None:
            return name
        else:
            for d in drafts.values():
                if d["name"] == name and d["latest"]:
                    return d["key"]
            if name in seeds:
                return name
        what = f"{name} v{version}" if version is not None else name
        raise ModelError(f"ref({what!r}): no such model or seed", file=file,
                         line=_line_of(text, r"ref\(\s*['\"]" + re.escape(name) + r"['\"]"))

    def resolve_ref(name, version, file, text):
        key = resolve_key(name, version, file, text)
        if key in drafts:
            return f'"{drafts[key]["schema"]}"."{drafts[key]["alias"]}"'
        return seeds[key].relation

    def resolve_source(sname, tname, file, text):
        table = props.sources.get((sname, tname))
        if table is None:
            raise ModelError(f"source({sname!r}, {tname!r}) is not declared in a schema.yml",
                             file=file, line=_line_of(text, r"source\(\s*['\"]" + re.escape(sname)))
        return table.relation

    # pass 2: render with the real relations, parse, normalise
    final = _Renderer(env, vars_, resolve_ref, resolve_source)
    check = duckdb.connect()
    models: dict[str, Model] = {}
    try:
        for key, d in drafts.items():
            rendered, _, refs, sources = final.render(d["text"], d["file"])
            sql = _strip_sql(rendered)
            if not sql.strip():
                raise ModelError("the model is empty", file=d["file"], line=1)
            bad = _duckdb_parse_error(check, sql)
            if bad is not None:
                msg, pos = bad
                line = sql.count("\n", 0, pos) + 1 if pos is not None else None
                raise ModelError(f"does not parse: {msg}", file=d["file"], line=line)
            try:
                normalized = _normalise(sql, d["file"])
            except _SqlglotCannot as exc:
                # valid DuckDB that sqlglot cannot read: fingerprint DuckDB's own AST instead
                normalized = _duckdb_ast(check, sql)
                if normalized is None:
                    raise ModelError(str(exc.args[0]), file=d["file"], line=exc.args[1]) from None
            ref_keys = list(dict.fromkeys(resolve_key(n, v, d["file"], d["text"]) for n, v in refs))
            models[key] = Model(key=key, name=d["name"], version=d["version"], latest=d["latest"],
                                path=d["path"], file=d["file"], raw_sql=d["text"], sql=sql,
                                normalized=normalized, schema=d["schema"], alias=d["alias"],
                                materialized=d["materialized"], refs=ref_keys,
                                sources=list(dict.fromkeys(sources)), description=d["description"],
                                columns=d["columns"], tests=d["tests"])
    finally:
        check.close()

    for m in models.values():
        for t in m.tests:
            if t.test not in BUILTIN_TESTS and t.test not in generic:
                raise ModelError(f"unknown test {t.test!r} on {m.key} (define it as a "
                                 f"{{% test {t.test}(model, ...) %}} block in macros/)",
                                 file=t.file, line=t.line)

    order = _toposort(models)
    return Project(root=root, name=pname, models=models, seeds=seeds, sources=props.sources,
                   order=order, vars=vars_, test_macros=test_macros, generic_tests=generic)


def _version_key(v: str):
    return (0, int(v), "") if str(v).isdigit() else (1, 0, str(v))


def _toposort(models: dict[str, Model]) -> list[str]:
    deps = {k: [r for r in m.refs if r in models] for k, m in models.items()}
    order: list[str] = []
    state: dict[str, int] = {}            # 1 visiting, 2 done

    def visit(key: str, path: list[str]):
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            cycle = path[path.index(key):] + [key]
            raise ModelError("models depend on each other in a cycle: " + " -> ".join(cycle),
                             file=models[key].file)
        state[key] = 1
        for dep in sorted(deps[key]):
            visit(dep, path + [key])
        state[key] = 2
        order.append(key)

    for key in sorted(models):
        visit(key, [])
    return order


# --------------------------------------------------------------------------- running

_META_DDL = [
    f"create schema if not exists {META}",
    f"""create table if not exists {META}.model_state (
        model varchar, version varchar, relation varchar, materialized varchar,
        fingerprint varchar, docs_fingerprint varchar, rows bigint, built_at timestamp)""",
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


def _q(s: str) -> str:
    return "'" + str(s).replace("'", "''") + "'"


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
    out = {}
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
        opts += ", types = {" + ", ".join(f"{_q(c)}: {_q(t.upper())}" for c, t in types.items()) + "}"
    con.execute(f"create or replace table {seed.relation} as select * from read_csv({_q(seed.path)}, {opts})")
    return con.execute(f"select count(*) from {seed.relation}").fetchone()[0]


def _docs_fingerprint(model: Model) -> str:
    return _sha(model.description, {n: c.description for n, c in model.columns.items()})


def _comment(con, model: Model, relation: str, kind: str) -> list[str]:
    """COMMENT ON the relation and its columns; returns declared columns it does not have."""
    schema, name = relation
    target = f'"{schema}"."{name}"'
    word = "view" if kind == "view" else "table"
    con.execute(f"comment on {word} {target} is {_q(model.description) if model.description else 'NULL'}")
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
            con.execute(f'comment on column {target}."{actual}" is {_q(col.description)}')
    return missing


def _error_line(message: str) -> int | None:
    m = re.search(r"LINE (\d+):", message)
    return int(m.group(1)) if m else None


def run_project(con, project: Project, *, progress: Callable[[int, int], Any] | None = None,
                full_refresh: bool = False, on_event: Callable[[Event], Any] | None = None) -> RunResult:
    """Load seeds, build the models in order (skipping unchanged ones), run the data tests
    and record it all in meta. Raises ModelError when a model does not build (nothing of
    this run is kept) and DataTestError when an error-severity test fails (the models stay
    built; the caller does not publish).

    progress(done, total) is called after each seed, model and test; on_event(Event) gets
    what happened to each (str(event) is a log line)."""
    started = time.perf_counter()
    run_id = uuid.uuid4().hex[:12]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    total = len(project.seeds) + len(project.models) + sum(len(m.tests) for m in project.models.values())
    done = [0]

    def say(event: Event) -> None:
        if on_event is not None:
            on_event(event)
        if progress is not None and event.status != "failed":
            done[0] += 1
            progress(done[0], total)

    for ddl in _META_DDL:
        con.execute(ddl)
    own_tx = True
    try:
        con.execute("begin transaction")
    except Exception:
        own_tx = False                    # the caller holds a transaction: build inside it

    seed_runs: list[SeedRun] = []
    runs: list[ModelRun] = []
    warnings: list[str] = []
    current: Model | None = None

    def comment(model: Model, name: str, kind: str) -> None:
        missing = _comment(con, model, (model.schema, name), kind)
        if missing:
            warnings.append(f"{model.schema}.{name}: schema.yml describes columns it does not have: "
                            f"{', '.join(missing)}")
    try:
        relations = _relations(con)
        seed_state = {r[0]: (r[1], r[2]) for r in con.execute(
            f"select seed, fingerprint, rows from {META}.seed_state").fetchall()}
        for seed in project.seeds.values():
            t0 = time.perf_counter()
            prev = seed_state.get(seed.name)
            exists = (seed.schema.lower(), seed.name.lower()) in relations
            if not full_refresh and prev and prev[0] == seed.fingerprint and exists:
                run = SeedRun(seed.name, seed.fingerprint, prev[1], time.perf_counter() - t0, "skipped")
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
            say(Event("seed", seed.name, run.status, run.seconds, run.rows))

        raw_fp = _raw_fingerprints(con, project, relations)
        state = {r[0]: r[1:] for r in con.execute(
            f"select coalesce(model || '_v' || version, model), fingerprint, docs_fingerprint, rows, "
            f"relation, materialized, model, version from {META}.model_state").fetchall()}
        relations = _relations(con)
        fingerprints: dict[str, str] = {}
        for key in project.order:
            current = model = project.models[key]
            t0 = time.perf_counter()
            upstream = [fingerprints[r] if r in fingerprints else project.seeds[r].fingerprint
                        for r in model.refs]
            fp = _sha(model.normalized, model.materialized, model.schema, model.alias,
                      model.version, model.latest, upstream, [raw_fp.get(s, "?") for s in model.sources])
            fingerprints[key] = fp
            rel = (model.schema.lower(), model.alias.lower())
            prev = state.get(key)
            exists = relations.get(rel) == model.materialized
            latest_ok = not model.latest or relations.get((model.schema.lower(), model.name.lower())) == "view"
            docs_fp = _docs_fingerprint(model)
            if not full_refresh and prev and prev[0] == fp and exists and latest_ok:
                if prev[1] != docs_fp:
                    comment(model, model.alias, model.materialized)
                    if model.latest:
                        comment(model, model.name, "view")
                    con.execute(f"update {META}.model_state set docs_fingerprint = ? where "
                                f"coalesce(model || '_v' || version, model) = ?", [docs_fp, key])
                run = ModelRun(model.name, model.version, model.qualified, fp, prev[2],
                               time.perf_counter() - t0, "skipped")
            else:
                con.execute(f'create schema if not exists "{model.schema}"')
                if rel in relations and relations[rel] != model.materialized:
                    _drop(con, model.schema, model.alias, relations[rel])
                word = "table" if model.materialized == "table" else "view"
                con.execute(f"create or replace {word} {model.relation} as {model.sql}")
                relations[rel] = model.materialized
                rows = con.execute(f"select count(*) from {model.relation}").fetchone()[0]
                comment(model, model.alias, model.materialized)
                if model.latest:
                    lrel = (model.schema.lower(), model.name.lower())
                    if relations.get(lrel) == "table":
                        _drop(con, model.schema, model.name, "table")
                    con.execute(f"create or replace view {model.latest_view} as select * from {model.relation}")
                    relations[lrel] = "view"
                    comment(model, model.name, "view")
                con.execute(f"delete from {META}.model_state where coalesce(model || '_v' || version, model) = ?",
                            [key])
                con.execute(f"insert into {META}.model_state values (?, ?, ?, ?, ?, ?, ?, ?)",
                            [model.name, model.version, model.qualified, model.materialized, fp,
                             docs_fp, rows, now])
                run = ModelRun(model.name, model.version, model.qualified, fp, rows,
                               time.perf_counter() - t0, "built")
            runs.append(run)
            say(Event("model", model.qualified, run.status, run.seconds, run.rows))
        current = None

        # relations of models that left the project (unless a model of it builds them now)
        current_rels = {m.qualified.lower() for m in project.models.values()}
        current_rels |= {f"{m.schema}.{m.name}".lower() for m in project.models.values() if m.latest}
        names = {m.name for m in project.models.values()}
        for key, (_, _, _, relation, kind, name, version) in state.items():
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

        _record_runs(con, run_id, runs, now)
        if own_tx:
            con.execute("commit")
    except Exception as exc:
        if own_tx:
            try:
                con.execute("rollback")
            except Exception:
                pass
        if isinstance(exc, ModelError) or current is None:
            if current is not None:
                _record_failure(con, run_id, current, str(exc), now)
            raise
        message = str(exc).strip()
        _record_failure(con, run_id, current, message, now)
        say(Event("model", current.qualified, "failed", detail=message.splitlines()[0]))
        raise ModelError(f"does not build: {message}", file=current.file,
                         line=_error_line(message)) from None

    tests = run_tests(con, project, run_id=run_id, progress=say)
    result = RunResult(run_id, seed_runs, runs, tests, time.perf_counter() - started, warnings)
    if on_event is not None:
        for w in warnings:
            on_event(Event("model", w.split(":")[0], "warning", detail=w))
    failures = result.test_failures
    if failures:
        first = failures[0]
        listing = "; ".join(f"{t.label} ({t.failures} rows, {t.file}:{t.line})" for t in failures)
        raise DataTestError(f"{len(failures)} data test(s) failed: {listing}", file=first.file,
                            line=first.line)
    return result


def _record_runs(con, run_id: str, runs: list[ModelRun], now: datetime):
    if runs:
        con.executemany(f"insert into {META}.model_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[run_id, r.model, r.version, r.relation, r.fingerprint, r.rows, r.seconds,
                          r.status, r.error, now] for r in runs])


def _record_failure(con, run_id: str, model: Model, message: str, now: datetime):
    try:
        _record_runs(con, run_id, [ModelRun(model.name, model.version, model.qualified, "", None, 0.0,
                                            "failed", message)], now)
    except Exception:
        pass                              # the caller's transaction is aborted: nothing to record in


# --------------------------------------------------------------------------- data tests


def test_sql(project: Project, model: Model, test: TestSpec) -> str:
    """The SQL of one data test: it returns the failing rows."""
    relation = model.relation
    if test.where:
        relation = f"(select * from {relation} where {test.where})"
    col = f'"{test.column}"' if test.column else None
    args = dict(test.args)
    if test.test == "not_null":
        return f"select * from {relation} where {col} is null"
    if test.test == "unique":
        return (f"select {col}, count(*) as n_records from {relation} where {col} is not null "
                f"group by {col} having count(*) > 1")
    if test.test == "accepted_values":
        values = args.get("values") or []
        quote = args.get("quote", True)
        listed = ", ".join(_q(v) if quote else str(v) for v in values)
        return (f"select {col} as value_field, count(*) as n_records from {relation} "
                f"where {col} is not null and {col} not in ({listed}) group by {col}")
    if test.test == "relationships":
        to = _render_relation(project, str(args.get("to")), model.file)
        field_ = args.get("field")
        to_rel = to if not test.args.get("to_where") else f"(select * from {to} where {test.args['to_where']})"
        return (f"select child.{col} from {relation} as child left join {to_rel} as parent "
                f'on child.{col} = parent."{field_}" where child.{col} is not null '
                f'and parent."{field_}" is null')
    # a generic test from macros/
    env = _jinja_env()
    module = env.from_string(project.test_macros).module
    macro = getattr(module, f"test_{test.test}")
    kwargs = {k: (_render_relation(project, v, model.file) if isinstance(v, str) and
                  re.match(r"\s*(ref|source)\(", v) else v) for k, v in args.items()}
    kwargs["model"] = relation
    if test.column is not None:
        kwargs["column_name"] = test.column
    return str(macro(**kwargs)).strip()


def _render_relation(project: Project, expr: str, file: str) -> str:
    """ref('x') / source('a', 'b') as written in a schema.yml, to a relation."""
    m = re.fullmatch(r"\s*ref\(\s*['\"]([^'\"]+)['\"]\s*(?:,\s*v(?:ersion)?\s*=\s*['\"]?(\w+)['\"]?\s*)?\)\s*", expr)
    if m:
        name, version = m.group(1), m.group(2)
        if version is not None and f"{name}_v{version}" in project.models:
            return project.models[f"{name}_v{version}"].relation
        if name in project.models and project.models[name].version is None:
            return project.models[name].relation
        for model in project.models.values():
            if model.name == name and model.latest:
                return model.relation
        if name in project.seeds:
            return project.seeds[name].relation
    m = re.fullmatch(r"\s*source\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]\s*\)\s*", expr)
    if m and (m.group(1), m.group(2)) in project.sources:
        return project.sources[(m.group(1), m.group(2))].relation
    raise ModelError(f"a test refers to {expr!r}, which is no model, seed or source", file=file)


def run_tests(con, project: Project, *, run_id: str | None = None,
              progress: Callable[[Event], Any] | None = None) -> list[TestResult]:
    """Run every schema.yml test; record them in meta.test_runs. Does not raise on failures."""
    run_id = run_id or uuid.uuid4().hex[:12]
    say = progress or (lambda e: None)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    results: list[TestResult] = []
    for key in project.order:
        model = project.models[key]
        for test in model.tests:
            t0 = time.perf_counter()
            sql = test_sql(project, model, test)
            try:
                failures = con.execute(f"select count(*) from (\n{sql}\n) as failures").fetchone()[0]
            except Exception as exc:
                raise DataTestError(f"test {test.label} on {model.qualified} does not run: "
                                    f"{str(exc).splitlines()[0]}", file=test.file, line=test.line) from None
            status = "pass" if failures == 0 else ("warn" if test.severity == "warn" else "fail")
            result = TestResult(model.key, model.qualified, test.test, test.column, test.severity, status,
                                failures, time.perf_counter() - t0, test.file, test.line, sql)
            results.append(result)
            say(Event("test", result.label, status, result.seconds,
                      detail=f"{failures} failing rows" if failures else None))
    if results:
        con.executemany(f"insert into {META}.test_runs values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[run_id, r.model, r.relation, r.test, r.column, r.severity, r.status, r.failures,
                          r.seconds, r.file, r.line, r.sql, now] for r in results])
    return results


# --------------------------------------------------------------------------- CLI text


def models_table(project: Project) -> str:
    """`lawgov models`: every model with its relation, version, materialization and inputs."""
    rows = [("model", "version", "relation", "as", "depends on")]
    for key in project.order:
        m = project.models[key]
        version = "" if m.version is None else f"v{m.version}" + (" (latest)" if m.latest else "")
        deps = [project.models[r].key if r in project.models else f"seed:{r}" for r in m.refs]
        deps += [f"{s}.{t}" for s, t in m.sources]
        rel = m.qualified + (f" (+ view {m.schema}.{m.name})" if m.latest else "")
        rows.append((m.name, version, rel, m.materialized, ", ".join(deps) or "-"))
    for s in project.seeds.values():
        rows.append((s.name, "", s.qualified, "seed", s.path.name))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        lines.append("  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 10)
    return "\n".join(lines)


def lineage(project: Project, model: str) -> str:
    """`lawgov lineage MODEL`: the model's upstream graph down to raw tables and seeds."""
    root = project.find(model)
    lines: list[str] = []
    seen: set[str] = set()

    def label(key: str) -> str:
        if key in project.models:
            m = project.models[key]
            v = f" v{m.version}" if m.version is not None else ""
            return f"{m.qualified} ({m.materialized}{v}, {m.file})"
        return f"{project.seeds[key].qualified} (seed, {project.seeds[key].path.name})"

    def children(key: str) -> list[tuple[str, str]]:
        if key not in project.models:
            return []
        m = project.models[key]
        out = [("node", r) for r in m.refs]
        out += [("source", (project.sources[s].qualified if s in project.sources else f"{s[0]}.{s[1]}")
                 + " (source)") for s in m.sources]
        return out

    def walk(key: str, prefix: str):
        kids = children(key)
        for i, (kind, item) in enumerate(kids):
            last = i == len(kids) - 1
            branch = "└── " if last else "├── "
            if kind == "source":
                lines.append(prefix + branch + item)
                continue
            again = item in seen and item in project.models and children(item)
            lines.append(prefix + branch + label(item) + (" …" if again else ""))
            if not again:
                seen.add(item)
                walk(item, prefix + ("    " if last else "│   "))

    head = label(root.key)
    if root.latest:
        head = f"{root.schema}.{root.name} -> " + head
    lines.append(head)
    walk(root.key, "")
    return "\n".join(lines)
