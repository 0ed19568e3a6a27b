"""The data tests: schema.yml's generic tests and the singular tests of the project's
test-paths. Each is SQL returning the failing rows; each is run and recorded in meta.test_runs."""

from __future__ import annotations

import re
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Callable

from lawgov.errors import DataTestError, ModelError
from lawgov.warehouse.schema import (TestSpec)

from lawgov.warehouse.models.nodes import (Event, META, Model, Project, SingularTest, TestResult, insert_rows, quote,
                                           sha)
from lawgov.warehouse.models.render import compiled, jinja_env, require_select
from lawgov.warehouse.models import test_increments

_TESTS_ENV: dict = {}     # one environment for the generic tests' macros, so each compiles once


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
        quoted = args.get("quote", True)
        listed = ", ".join(quote(v) if quoted else str(v) for v in values)
        return (f"select {col} as value_field, count(*) as n_records from {relation} "
                f"where {col} is not null and {col} not in ({listed}) group by {col}")
    if test.test == "relationships":
        to = render_relation(project, str(args.get("to")), model.file)
        field_ = args.get("field")
        to_rel = to if not test.args.get("to_where") else f"(select * from {to} where {test.args['to_where']})"
        return (f"select child.{col} from {relation} as child left join {to_rel} as parent "
                f'on child.{col} = parent."{field_}" where child.{col} is not null '
                f'and parent."{field_}" is null')
    # a generic test from macros/
    module = compiled(_TESTS_ENV.setdefault("env", jinja_env()), project.test_macros).module
    macro = getattr(module, f"test_{test.test}")
    kwargs = {k: (render_relation(project, v, model.file) if isinstance(v, str) and
                  re.match(r"\s*(ref|source)\(", v) else v) for k, v in args.items()}
    kwargs["model"] = relation
    if test.column is not None:
        kwargs["column_name"] = test.column
    return str(macro(**kwargs)).strip()


def render_relation(project: Project, expr: str, file: str) -> str:
    """ref('x') / source('a', 'b') as written in a schema.yml, to a relation."""
    return resolve(project, expr, file)[0]


def resolve(project: Project, expr: str, file: str) -> tuple[str, str | None]:
    """ref('x') / source('a', 'b') to (relation, model or seed key; None for a source)."""
    m = re.fullmatch(r"\s*ref\(\s*['\"]([^'\"]+)['\"]\s*(?:,\s*v(?:ersion)?\s*=\s*['\"]?(\w+)['\"]?\s*)?\)\s*", expr)
    if m:
        name, version = m.group(1), m.group(2)
        if version is not None and f"{name}_v{version}" in project.models:
            return project.models[f"{name}_v{version}"].relation, f"{name}_v{version}"
        if name in project.models and project.models[name].version is None:
            return project.models[name].relation, name
        for model in project.models.values():
            if model.name == name and model.latest:
                return model.relation, model.key
        if name in project.seeds:
            return project.seeds[name].relation, name
    m = re.fullmatch(r"\s*source\(\s*['\"]([^'\"]+)['\"]\s*,\s*['\"]([^'\"]+)['\"]\s*\)\s*", expr)
    if m and (m.group(1), m.group(2)) in project.sources:
        return project.sources[(m.group(1), m.group(2))].relation, None
    raise ModelError(f"a test refers to {expr!r}, which is no model, seed or source", file=file)


def run_tests(con, project: Project, *, run_id: str | None = None,
              progress: Callable[[Event], Any] | None = None,
              new_rows: test_increments.NewRows | None = None) -> list[TestResult]:
    """Run every schema.yml test, then every singular test; record them in meta.test_runs.
    Does not raise on failures. With ``new_rows`` (what the run just changed), a test that
    passed at the last run reads only the new rows where it can (test_increments)."""
    run_id = run_id or uuid.uuid4().hex[:12]
    say = progress or (lambda e: None)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    results: list[TestResult] = []
    state = test_increments.load_state(con) if new_rows is not None else {}
    outcomes: list[list] = []
    for key in project.order:
        model = project.models[key]
        for test in model.tests:
            t0 = time.perf_counter()
            sql = test_sql(project, model, test)
            try:
                require_select(con, sql, test.file, f"test {test.label} on {model.qualified}")
            except ModelError as exc:
                raise DataTestError(exc.message, file=test.file, line=test.line) from None
            run_sql = sql
            if new_rows is not None:
                parent = resolve(project, str(test.args.get("to")), model.file)[1] \
                    if test.test == "relationships" else None
                run_sql = test_increments.narrowed(con, project, model, test, sql, new_rows, state, parent) or sql
            try:
                failures = _count(con, run_sql, sql)
            except Exception as exc:
                raise DataTestError(f"test {test.label} on {model.qualified} does not run: "
                                    f"{str(exc).splitlines()[0]}", file=test.file, line=test.line) from None
            status = "pass" if failures == 0 else ("warn" if test.severity == "warn" else "fail")
            result = TestResult(model.key, model.qualified, test.test, test.column, test.severity, status,
                                failures, time.perf_counter() - t0, test.file, test.line, sql,
                                narrowed=run_sql != sql)
            results.append(result)
            if new_rows is not None and new_rows.structures.get(model.key):
                outcomes.append([test_increments.test_id(model, test), model.key,
                                 new_rows.structures[model.key], sha(sql)[:24], status, failures])
            say(Event("test", result.label, status, result.seconds,
                      detail=f"{failures} failing rows" if failures else None))
    if new_rows is not None:
        test_increments.record(con, run_id, outcomes)
    for test in project.singular_tests:
        result = _run_singular(con, test)
        results.append(result)
        say(Event("test", result.label, result.status, result.seconds,
                  detail=f"{result.failures} failing rows" if result.failures else None))
    if results:
        insert_rows(con, f"{META}.test_runs",
                    [[run_id, r.model, r.relation, r.test, r.column, r.severity, r.status, r.failures,
                      r.seconds, r.file, r.line, r.sql, now] for r in results])
    return results


def _count(con, sql: str, whole: str) -> int:
    """The failing rows a test's SQL returns; a narrowed form that does not run (a column it
    needs?) is given up for ``whole``."""
    try:
        return con.execute(f"select count(*) from (\n{sql}\n) as failures").fetchone()[0]
    except Exception:
        if sql == whole:
            raise
        return con.execute(f"select count(*) from (\n{whole}\n) as failures").fetchone()[0]


def _run_singular(con, test: SingularTest) -> TestResult:
    t0 = time.perf_counter()
    try:
        failures = con.execute(f"select count(*) from (\n{test.sql}\n) as failures").fetchone()[0]
    except Exception as exc:
        raise DataTestError(f"singular test {test.name} does not run: {str(exc).splitlines()[0]}",
                            file=test.file, line=1) from None
    status = "pass" if failures == 0 else ("warn" if test.severity == "warn" else "fail")
    return TestResult(test.name, test.file, "singular", None, test.severity, status, failures,
                      time.perf_counter() - t0, test.file, 1, test.sql)
