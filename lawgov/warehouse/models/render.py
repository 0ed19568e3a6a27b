"""Rendering a model: the dbt subset of Jinja (ref, source, config, var, and for an
incremental model this and is_incremental()), then DuckDB's and
sqlglot's parsers, so that a model that does not render or parse names its file and line
before anything is built, and a fingerprint ignores case, whitespace and comments."""

from __future__ import annotations

import functools
import json
import re
from typing import Callable

from lawgov.errors import ModelError

from lawgov.warehouse.models.nodes import DIALECT


_JINJA_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _keep_lines(text: str) -> str:
    """Move the newlines inside each jinja tag to after it, so rendering keeps lines where
    they were (a ModelError's line is then the line in the file)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        n = tag.count("\n")
        return tag.replace("\n", " ") + "\n" * n if n else tag
    return _JINJA_TAG.sub(fix, text)


_COMPILED: "weakref.WeakKeyDictionary" = None     # environment -> {template text: compiled template}


def compiled(env, text: str):
    """``env.from_string(text)``, compiled once per environment: a model is rendered two or
    three times when a project loads (for its config and refs, with the real relations, and
    incremental), and compiling is most of Jinja's cost."""
    import weakref

    global _COMPILED
    if _COMPILED is None:
        _COMPILED = weakref.WeakKeyDictionary()
    cache = _COMPILED.setdefault(env, {})
    template = cache.get(text)
    if template is None:
        template = cache[text] = env.from_string(text)
    return template


def jinja_env():
    """A sandboxed environment: a --project folder is someone else's code, and plain Jinja
    lets a template reach os.system through any object's attributes (even `lawgov models`
    rendered it). The sandbox refuses such attributes and leaves dbt's subset working."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    return ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined,
                                         keep_trailing_newline=True, autoescape=False)


def require_select(con, sql: str, file: str, what: str) -> None:
    """Raise ModelError unless ``sql`` is one SELECT (or WITH … SELECT) statement, as DuckDB
    itself reads it: a model or a test that COPYs, ATTACHes or deletes is refused."""
    import duckdb

    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise ModelError(f"{what} does not parse: {str(exc).splitlines()[0]}", file=file) from None
    if len(statements) != 1 or statements[0].type != duckdb.StatementType.SELECT:
        kinds = ", ".join(s.type.name for s in statements) or "nothing"
        raise ModelError(f"{what} must be one SELECT statement, found {kinds}", file=file)


def line_of(text: str, pattern: str) -> int | None:
    m = re.search(pattern, text)
    return text.count("\n", 0, m.start()) + 1 if m else None


class Renderer:
    """Renders one model with ref/source/config/var bound for that model."""

    def __init__(self, env, vars_: dict, resolve_ref: Callable | None,
                 resolve_source: Callable | None):
        self.env = env
        self.vars = vars_
        self.resolve_ref = resolve_ref
        self.resolve_source = resolve_source

    def render(self, text: str, file: str, *, incremental: bool = False,
               this: str | None = None) -> tuple[str, dict, list, list]:
        """The rendered SQL, the config() it set, its refs and sources. ``incremental`` is
        what is_incremental() answers and ``this`` the model's own relation, as in dbt."""
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
                                 file=file, line=line_of(text, r"var\(\s*['\"]" + re.escape(name)))
            return default

        try:
            template = compiled(self.env, _keep_lines(text))
            rendered = template.render(ref=ref, source=source, config=config_, var=var,
                                       is_incremental=lambda: incremental,
                                       this=this or '"__this__"."__this__"')
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


def strip_sql(sql: str) -> str:
    sql = sql.rstrip()
    while sql.endswith(";"):
        sql = sql[:-1].rstrip()
    return sql


def duckdb_parse_error(con, sql: str) -> tuple[str, int | None] | None:
    """DuckDB's own parser (no binding): (message, position) or None."""
    out = con.execute("select json_serialize_sql(?)", [sql]).fetchone()[0]
    data = json.loads(out)
    if not data.get("error") or data.get("error_type") != "parser":
        return None                       # fine, or a statement it cannot serialise (PIVOT …)
    pos = data.get("position")
    return data.get("error_message", "syntax error"), int(pos) if pos not in (None, "") else None


class SqlglotCannot(Exception):
    """sqlglot cannot parse SQL that DuckDB's parser accepted: (message, line)."""


def duckdb_ast(con, sql: str) -> str | None:
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
def normalise_sql(sql: str, file: str) -> str:
    """sqlglot's canonical form of the model: case, whitespace and comments do not count."""
    import sqlglot
    from sqlglot.errors import ParseError, TokenError
    try:
        statements = [s for s in sqlglot.parse(sql, read=DIALECT) if s is not None]
    except ParseError as exc:
        err = exc.errors[0] if exc.errors else {}
        raise SqlglotCannot(f"does not parse: {err.get('description') or exc}", err.get("line")) from None
    except TokenError as exc:
        raise SqlglotCannot(f"does not parse: {exc}", _token_error_line(str(exc))) from None
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
