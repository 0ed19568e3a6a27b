"""schema.yml files: sources, model descriptions, columns, versions and data tests.

dbt's property files, read the way dbt reads them (the subset lawgov uses), keeping the
line of each model, column and source so an error can point at it. Plain data out; the
runner (lawgov/warehouse/models.py) decides what to do with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawgov.errors import ModelError

LINE = "__line__"

# dbt's built-in generic tests; anything else must be a `{% test name(...) %}` block
BUILTIN_TESTS = ("not_null", "unique", "accepted_values", "relationships")
# keys of a test entry that configure it rather than pass it an argument
_TEST_CONFIG_KEYS = {"config", "severity", "where", "name", "description", "tags", "enabled",
                     "error_if", "warn_if", "limit", "store_failures", "meta"}


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A SafeLoader (libyaml's when there) that notes each mapping's line (1-based) under LINE."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    loader.flatten_mapping(node)
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        mapping[key] = loader.construct_object(value_node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def clean(value: Any) -> Any:
    """The value without the LINE bookkeeping (for arguments handed to SQL)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def load_yaml(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ModelError(f"not valid YAML: {getattr(exc, 'problem', exc)}", file=str(path),
                         line=mark.line + 1 if mark else None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ModelError("expected a mapping at the top", file=str(path), line=1)
    return data


@dataclass
class TestSpec:
    """One data test declared in a schema.yml."""
    test: str                     # not_null, unique, accepted_values, relationships, or a generic test name
    column: str | None            # None for a model-level test
    args: dict                    # the test's arguments (values, to, field, min_value, …)
    severity: str = "error"       # error | warn
    where: str | None = None
    file: str = ""
    line: int | None = None

    @property
    def label(self) -> str:
        return f"{self.test}({self.column})" if self.column else self.test


@dataclass
class ColumnSpec:
    name: str
    description: str = ""
    tests: list[TestSpec] = field(default_factory=list)
    data_type: str | None = None


@dataclass
class ModelSpec:
    """What schema.yml says about one model (or one version of it)."""
    name: str
    description: str = ""
    config: dict = field(default_factory=dict)
    columns: dict[str, ColumnSpec] = field(default_factory=dict)
    tests: list[TestSpec] = field(default_factory=list)     # model-level
    latest_version: Any = None
    versions: list[dict] = field(default_factory=list)      # raw version entries
    file: str = ""
    line: int | None = None


@dataclass
class SourceTable:
    source: str                   # the dbt source name (raw, meta)
    name: str                     # table name in source()
    schema: str
    identifier: str
    description: str = ""
    columns: dict[str, ColumnSpec] = field(default_factory=dict)
    file: str = ""
    line: int | None = None

    @property
    def relation(self) -> str:
        return f'"{self.schema}"."{self.identifier}"'

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.identifier}"


def _parse_test(entry: Any, column: str | None, file: str, line: int | None) -> TestSpec:
    if isinstance(entry, str):
        return TestSpec(entry, column, {}, file=file, line=line)
    if not isinstance(entry, dict):
        raise ModelError(f"a test must be a name or a mapping, not {entry!r}", file=file, line=line)
    entry_line = entry.get(LINE, line)
    names = [k for k in entry if k != LINE]
    if len(names) != 1:
        raise ModelError(f"a test entry must have one key (the test's name), got {names}",
                         file=file, line=entry_line)
    test = names[0]
    body = entry[test] or {}
    if not isinstance(body, dict):
        raise ModelError(f"test {test}: expected a mapping of arguments", file=file, line=entry_line)
    body = clean(body)
    args = dict(body.get("arguments") or {})
    for key, value in body.items():          # dbt < 1.10 style: arguments at the top level
        if key not in _TEST_CONFIG_KEYS and key != "arguments":
            args.setdefault(key, value)
    config = dict(body.get("config") or {})
    for key in ("severity", "where"):
        if key in body:
            config.setdefault(key, body[key])
    severity = str(config.get("severity", "error")).lower()
    if severity not in ("error", "warn"):
        raise ModelError(f"test {test}: severity must be error or warn, not {severity!r}",
                         file=file, line=entry_line)
    return TestSpec(test, column, args, severity=severity, where=config.get("where"),
                    file=file, line=entry_line)


def _tests_of(node: dict, column: str | None, file: str) -> list[TestSpec]:
    line = node.get(LINE)
    entries = list(node.get("data_tests") or []) + list(node.get("tests") or [])
    return [_parse_test(e, column, file, line) for e in entries]


def _columns(entries: list | None, file: str) -> dict[str, ColumnSpec]:
    columns: dict[str, ColumnSpec] = {}
    for entry in entries or []:
        if not isinstance(entry, dict) or "name" not in entry:
            continue
        name = str(entry["name"])
        columns[name] = ColumnSpec(name, str(entry.get("description") or "").strip(),
                                   _tests_of(entry, name, file), entry.get("data_type"))
    return columns


def version_columns(spec: ModelSpec, version: dict) -> dict[str, ColumnSpec]:
    """The columns of one version: the model's (include / exclude applied) plus its own."""
    include: Any = "all"
    exclude: list = []
    own: list = []
    for entry in version.get("columns") or []:
        if isinstance(entry, dict) and ("include" in entry or "exclude" in entry):
            include = entry.get("include", "all")
            exclude = list(entry.get("exclude") or [])
        else:
            own.append(entry)
    if include in ("all", "*"):
        names = [n for n in spec.columns if n not in exclude]
    else:
        names = [n for n in (include or []) if n in spec.columns and n not in exclude]
    columns = {n: spec.columns[n] for n in names}
    columns.update(_columns(own, spec.file))
    return columns


@dataclass
class Properties:
    models: dict[str, ModelSpec] = field(default_factory=dict)
    sources: dict[tuple[str, str], SourceTable] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def read_properties(paths: list[Path], root: Path) -> Properties:
    """Every schema.yml-style file under the model paths, merged."""
    props = Properties()
    for path in paths:
        rel = _rel(path, root)
        data = load_yaml(path)
        props.files.append(path)
        for src in data.get("sources") or []:
            if not isinstance(src, dict) or "name" not in src:
                raise ModelError("a source needs a name", file=rel, line=_line(src))
            sname = str(src["name"])
            schema = str(src.get("schema") or sname)
            for table in src.get("tables") or []:
                if not isinstance(table, dict) or "name" not in table:
                    raise ModelError(f"source {sname}: a table needs a name", file=rel, line=_line(src))
                tname = str(table["name"])
                props.sources[(sname, tname)] = SourceTable(
                    sname, tname, schema, str(table.get("identifier") or tname),
                    str(table.get("description") or "").strip(),
                    _columns(table.get("columns"), rel), rel, table.get(LINE))
        for model in data.get("models") or []:
            if not isinstance(model, dict) or "name" not in model:
                raise ModelError("a model entry needs a name", file=rel, line=_line(model))
            name = str(model["name"])
            if name in props.models:
                other = props.models[name]
                raise ModelError(f"model {name} is described twice (also {other.file}:{other.line})",
                                 file=rel, line=model.get(LINE))
            props.models[name] = ModelSpec(
                name=name,
                description=str(model.get("description") or "").strip(),
                config=clean(model.get("config") or {}),
                columns=_columns(model.get("columns"), rel),
                tests=_tests_of(model, None, rel),
                latest_version=model.get("latest_version"),
                versions=[v for v in (model.get("versions") or []) if isinstance(v, dict)],
                file=rel,
                line=model.get(LINE),
            )
    return props


def _line(node: Any) -> int | None:
    return node.get(LINE) if isinstance(node, dict) else None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
