"""Data tests on a run's new rows: after an incremental run, a test that passed on the rows
the table had reads only the rows the run added.

A row-wise test (not_null, accepted_values) can only fail on a row that is new; `unique` can
only fail on a value that a new row holds, so the new values are looked up in the whole
column (a duplicate across documents is still caught, at the cost of one scan of that column
instead of a grouping of all of it); `relationships` checks the new rows' keys in the whole
parent, and only while the parent lost no rows (an old row could have lost its parent).
Generic tests from macros/ and singular tests run whole: their SQL is the project's.

A model's new rows are known when (1) it ran incrementally: the rows of its increment; (2) it
was skipped: none; (3) it says, by `config: meta: lawgov_rows_follow: M`, that its rows change
only with the rows of incremental model M's unique_key (a staging view over raw mentions
follows marts.documents: a document's mentions change only with its version), and M ran
incrementally or was skipped: its rows whose key is in M's increment.

A test is narrowed only when the same test (same SQL) passed on the same model structure
(its SQL and its upstream's: `_Run`'s structure fingerprint) at the last run on this file
(meta.test_state, which a standby's catch-up leaves alone, as model_state). Everything else,
a full refresh included, runs whole. dbt runs every test whole; the results agree while the
rows change only as the models say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawgov.warehouse.models.nodes import META, Model, Project, insert_rows, quote, sha
from lawgov.warehouse.schema import TestSpec

STATE_DDL = f"""create table if not exists {META}.test_state (
    test_id varchar, model varchar, structure varchar, sql_sha varchar, status varchar,
    failures bigint, run_id varchar)"""


@dataclass
class NewRows:
    """What one run changed in each model, as the tests need it."""

    increments: dict[str, str] = field(default_factory=dict)     # model key → temp table of its new rows
    skipped: set[str] = field(default_factory=set)               # models and seeds left as they were
    lost_rows: set[str] = field(default_factory=set)             # incremental models that deleted rows
    structures: dict[str, str] = field(default_factory=dict)     # model key → structure fingerprint
    full_refresh: bool = False

    lists: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def branches(self, con, project: Project, model: Model) -> list[str] | None:
        """Conditions on the model's columns, no two true of one row, that together hold for
        every row this run added (and maybe some others); None when those are not known.
        Each is a plain conjunction: DuckDB pushes it into the scans under a view, where an OR
        with a list of values would be tried value by value on every row."""
        if self.full_refresh:
            return None
        if model.key in self.skipped:
            return []
        if model.key in self.increments:
            return self._keyed(con, model.unique_key, self.increments[model.key]) if model.unique_key else None
        follows = project.models.get(model.rows_follow or "")
        if follows is None or not follows.unique_key:
            return None
        if follows.key in self.skipped:
            return []
        if follows.key not in self.increments:
            return None
        return self._keyed(con, follows.unique_key, self.increments[follows.key])

    def values(self, con, table: str, column: str) -> str:
        """``column`` in the values of ``table``'s: a list of literals while it is short (DuckDB
        then filters the scans of the views it reaches, where a subquery stays a join above them)."""
        key = (table, column)
        if key not in self.lists:
            rows = con.execute(f'select distinct "{column}" from {table} where "{column}" is not null '
                               f"limit {LITERALS + 1}").fetchall()
            self.lists[key] = (None if len(rows) > LITERALS or not all(isinstance(r[0], str) for r in rows)
                               else "(" + ", ".join(quote(r[0]) for r in rows) + ")" if rows else "(null)")
        listed = self.lists[key]
        return f'"{column}" in {listed}' if listed else f'"{column}" in (select "{column}" from {table})'

    def _keyed(self, con, keys: list[str], table: str) -> list[str]:
        """Rows whose unique_key is one of ``table``'s: after delete+insert, exactly its rows;
        and rows with a null key, which the delete does not match."""
        nulls = " or ".join(f'"{k}" is null' for k in keys)
        if len(keys) == 1:
            return [self.values(con, table, keys[0]), nulls]
        cols = ", ".join(f'"{k}"' for k in keys)
        return [f"({cols}) in (select {cols} from {table}) and not ({nulls})", nulls]


LITERALS = 20_000      # values listed in a test's SQL at most; more are read by a subquery


def test_id(model: Model, test: TestSpec) -> str:
    """A test's identity across runs (its SQL may change; sql_sha says so)."""
    return sha(model.key, test.test, test.column, test.args, test.where)[:24]


def load_state(con) -> dict[str, tuple]:
    """test_id → (structure, sql_sha, status) of the last run on this file."""
    con.execute(STATE_DDL)
    return {r[0]: r[1:] for r in con.execute(
        f"select test_id, structure, sql_sha, status from {META}.test_state").fetchall()}


def narrowed(con, project: Project, model: Model, test: TestSpec, full_sql: str, new: NewRows,
             state: dict[str, tuple], parent: str | None) -> str | None:
    """The test's SQL on the run's new rows, or None when it must run whole. ``parent`` is the
    model or seed a relationships test points at (None for a source)."""
    if test.test not in ("not_null", "accepted_values", "unique", "relationships"):
        return None
    last = state.get(test_id(model, test))
    structure = new.structures.get(model.key)
    if not last or structure is None or last != (structure, sha(full_sql)[:24], "pass"):
        return None
    branches = new.branches(con, project, model)
    if branches is None:
        return None
    col = f'"{test.column}"'
    if test.test == "relationships":
        # an old row keeps its parent only while the parent loses no rows: a parent that lost
        # some (a changed document's facts) is read whole (DELETE … RETURNING the lost keys
        # cost more than the test it would have narrowed)
        if parent is None or parent in new.lost_rows or not (parent in new.skipped or parent in new.increments):
            return None
    new_rows = _rows(model, test, branches)
    if test.test == "unique":
        whole = _relation_of(model, test)
        return (f"select {col}, count(*) as n_records from {whole} where {col} is not null "
                f"and {col} in (select {col} from {new_rows}) group by {col} having count(*) > 1")
    return full_sql.replace(_relation_of(model, test), new_rows, 1)


def _rows(model: Model, test: TestSpec, branches: list[str]) -> str:
    """The model's rows where one of the branches holds (and the test's where)."""
    parts = [f"select * from {model.relation} where {b}" for b in branches] or \
        [f"select * from {model.relation} where false"]
    rows = "(" + " union all ".join(parts) + ")"
    return f"(select * from {rows} where {test.where})" if test.where else rows


def _relation_of(model: Model, test: TestSpec) -> str:
    """The relation test_sql put in a built-in test's SQL (data_tests.test_sql)."""
    if test.where:
        return f"(select * from {model.relation} where {test.where})"
    return model.relation


def record(con, run_id: str, rows: list[list]) -> None:
    """Keep each test's outcome for the next run: [test_id, model, structure, sql_sha, status, failures]."""
    if not rows:
        return
    con.execute(f"create or replace temp table _test_state as select * from {META}.test_state limit 0")
    insert_rows(con, "_test_state", [r + [run_id] for r in rows])
    con.execute(f"delete from {META}.test_state where test_id in (select test_id from _test_state)")
    con.execute(f"insert into {META}.test_state select * from _test_state")
    con.execute("drop table _test_state")
