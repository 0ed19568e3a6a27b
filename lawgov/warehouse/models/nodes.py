"""The model project's nodes and a run's results, as plain dataclasses."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgov.errors import ModelError
from lawgov.warehouse.schema import (ColumnSpec, SourceTable, TestSpec)



DIALECT = "duckdb"


META = "meta"


# default schema of a model by its top folder under the model path
FOLDER_SCHEMAS = {"staging": "staging", "intermediate": "intermediate", "marts": "marts"}


DEFAULT_SCHEMA = "main"


CONFIG_KEYS = {"schema", "materialized", "alias", "enabled", "tags", "persist_docs",
                "post-hook", "pre-hook", "post_hook", "pre_hook", "database", "docs",
                "column_types", "full_refresh", "quote_columns", "delimiter", "contract",
                "meta", "grants", "on_schema_change", "unique_key", "incremental_strategy"}


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
    materialized: str                     # table | view | incremental
    refs: list[str]                       # keys of models and seeds it reads
    sources: list[tuple[str, str]]
    description: str = ""
    columns: dict[str, ColumnSpec] = field(default_factory=dict)
    tests: list[TestSpec] = field(default_factory=list)
    # incremental models: the SQL rendered with is_incremental() true (the rows to add), the
    # pre_hook statements so rendered (they delete the rows that are no longer right), and
    # the unique_key whose rows the new ones replace (dbt's delete+insert)
    incremental_sql: str | None = None
    pre_hooks: list[str] = field(default_factory=list)
    unique_key: list[str] = field(default_factory=list)
    # config meta lawgov_rows_follow: the incremental model whose unique_key this model's rows
    # change with, so its tests can read only the rows of that model's increment (test_increments)
    rows_follow: str | None = None

    @property
    def relation(self) -> str:
        return f'"{self.schema}"."{self.alias}"'

    @property
    def kind(self) -> str:
        """What the warehouse holds for it: a view, or a table (an incremental model is one)."""
        return "view" if self.materialized == "view" else "table"

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.alias}"

    @property
    def latest_view(self) -> str | None:
        """marts.X for the latest version of X (None otherwise)."""
        return f'"{self.schema}"."{self.name}"' if self.latest else None


@dataclass
class SingularTest:
    """A dbt singular test: a SELECT in the project's test-paths returning the failing rows."""
    name: str
    file: str                             # path relative to the project root
    sql: str                              # rendered, trailing ';' removed
    severity: str = "error"               # config(severity='warn') in the file makes it a warning


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
    singular_tests: list[SingularTest] = field(default_factory=list)

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
    reason: str | None = None             # why it was built (changed SQL, new data …) or "unchanged"


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
    narrowed: bool = False                # read only the run's new rows (test_increments)

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


def sha(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else json.dumps(p, sort_keys=True, default=str).encode())
        h.update(b"\x00")
    return h.hexdigest()


def quote(s: str) -> str:
    return "'" + str(s).replace("'", "''") + "'"


def remember_no_pandas() -> None:
    """duckdb tries `import pandas` for each Python value it binds; where pandas is not
    installed the failed import is searched for again every time (a path search, ~0.1 ms a
    value, a second for a run's records). Record once that it is absent."""
    import importlib.util
    import sys

    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None          # `import pandas` now fails at once, as it would


def insert_rows(con, table: str, rows: list[list]) -> None:
    """Insert rows in one statement rather than one per row (executemany)."""
    remember_no_pandas()
    if rows:
        one = "(" + ", ".join("?" * len(rows[0])) + ")"
        con.execute(f"insert into {table} values " + ", ".join([one] * len(rows)),
                    [v for row in rows for v in row])
