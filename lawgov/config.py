"""Where lawgov's settings come from: lawgov.toml at the project root, then the environment
(LAWGOV_DB, LAWGOV_REPORTS), then the command's options, each later one winning.

A cron job and an analyst in another folder must reach the same warehouse, so relative
paths in lawgov.toml (and the defaults) are taken from the project root, not from the
current folder; paths given in the environment or as options are the user's own and are
taken from the current folder, as any command-line tool does. Every value remembers where
it came from, so `lawgov config` can say why it is in force.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawgov.errors import LawgovError

CONFIG_FILE = "lawgov.toml"
PATH_KEYS = ("reports", "db", "project")
DEFAULTS: dict[str, Any] = {"reports": "data/reports", "db": "data/warehouse.duckdb", "project": ".",
                            "workers": 0, "wait": 600.0}
ENVIRONMENT = {"db": "LAWGOV_DB", "reports": "LAWGOV_REPORTS"}
# Schemas of the warehouse: DuckDB names a file's catalog after its stem, and a catalog that
# shares a schema's name makes every `seeds.x` in a model or a query ambiguous.
WAREHOUSE_SCHEMAS = ("raw", "meta", "seeds", "staging", "intermediate", "marts")


class ConfigError(LawgovError):
    """lawgov.toml, an environment variable or an option that cannot be used as given."""


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str            # "default", "lawgov.toml:3", "LAWGOV_DB", "--db"


@dataclass
class Config:
    root: Path                                  # the project root: relative file paths start here
    file: Path | None                           # the lawgov.toml read, if any
    settings: dict[str, Setting]
    limits: dict[str, Setting] = field(default_factory=dict)   # lawgov.toml's [limits], for the build

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding lawgov.toml or dbt_project.yml, else
    the checkout lawgov was installed from (an editable install), else ``start`` itself."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file() or (folder / "dbt_project.yml").is_file():
            return folder
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "dbt_project.yml").is_file():
        return checkout
    return start


def load(given: dict[str, Any] | None = None, *, start: Path | None = None,
         environ: dict[str, str] | None = None) -> Config:
    """The settings in force: defaults < lawgov.toml < environment < ``given`` (the options
    the user typed, by key; None means not given)."""
    environ = os.environ if environ is None else environ
    root = find_root(start)
    file = root / CONFIG_FILE
    settings = {k: Setting(_under(root, v) if k in PATH_KEYS else v, "default") for k, v in DEFAULTS.items()}
    limits: dict[str, Setting] = {}
    if file.is_file():
        table = read_file(file)
        text = file.read_text(encoding="utf-8")
        for key, value in table.items():
            where = f"{CONFIG_FILE}:{_line_of(text, key)}"
            if key == "limits":
                if not isinstance(value, dict):
                    raise ConfigError("[limits] must be a table", file=str(file), line=_line_of(text, key))
                limits = {k: Setting(_check_limit(k, v, f"{file}:{_line_of(text, k)}"),
                                     f"{CONFIG_FILE}:{_line_of(text, k)}") for k, v in value.items()}
            elif key in DEFAULTS:
                checked = _check(key, value, f"{file}:{_line_of(text, key)}")
                settings[key] = Setting(_under(root, checked) if key in PATH_KEYS else checked, where)
            else:
                raise ConfigError(f"unknown setting {key!r}; lawgov.toml knows "
                                  f"{', '.join([*DEFAULTS, 'limits'])}", file=str(file), line=_line_of(text, key))
    else:
        file = None
    for key, var in ENVIRONMENT.items():
        if environ.get(var):
            settings[key] = Setting(Path(environ[var]).expanduser().resolve(), var)
    for key, value in (given or {}).items():
        if value is not None:
            if key in PATH_KEYS:
                value = Path(value).expanduser().resolve()
            settings[key] = Setting(value, f"--{key.replace('_', '-')}")
    return Config(root=root, file=file, settings=settings, limits=limits)


def read_file(path: Path) -> dict:
    """lawgov.toml as a table; tomllib on Python 3.11+, tomli before."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        raise ConfigError(f"not valid TOML: {e}", file=str(path), line=int(m.group(1)) if m else None) from None


def _check(key: str, value: Any, where: str) -> Any:
    if key in PATH_KEYS:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{key} must be a path in quotes, not {value!r}", file=where)
        return value
    if key == "workers" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ConfigError(f"workers must be a whole number ≥ 0 (0: one per core), not {value!r}", file=where)
    if key == "wait" and (not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0):
        raise ConfigError(f"wait must be seconds ≥ 0, not {value!r}", file=where)
    return value


# [limits] lawgov.toml takes, with the least value each may have (the build's options check the same)
LIMITS = {"parse_timeout": (float, "seconds"), "parse_memory_mb": (int, "MB")}


def _check_limit(key: str, value: Any, where: str) -> Any:
    """A [limits] value of the right kind and above zero (zero or less would quarantine every
    file, or silently turn the limit off); an unknown key is left to the build to name."""
    if key not in LIMITS:
        return value
    kind, what = LIMITS[key]
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
    if not ok or (kind is int and not float(value).is_integer()):
        raise ConfigError(f"[limits] {key} must be a number of {what} above 0, not {value!r}", file=where)
    return kind(value)


def _under(root: Path, value: str | Path) -> Path:
    path = Path(value).expanduser()
    return (path if path.is_absolute() else root / path).resolve()


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*\[?\s*{re.escape(key)}\s*[=\]]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


# --- paths checked before any work starts -------------------------------------------------

def reports_folder(path: Path) -> Path:
    """The reports folder, which must exist and be a folder."""
    if path.is_file():
        raise ConfigError(f"{path} is a file, not a folder; --reports (or LAWGOV_REPORTS) names the "
                          "folder that holds the reports")
    if not path.is_dir():
        raise ConfigError(f"the reports folder {path} does not exist; create it and put reports in it, "
                          "or point --reports (or LAWGOV_REPORTS) at the folder that has them")
    return path


def warehouse_to_write(path: Path) -> Path:
    """A warehouse file a build may create or replace."""
    if path.is_dir():
        raise ConfigError(f"{path} is a folder; --db (or LAWGOV_DB) names the warehouse file, "
                          f"e.g. {path / 'warehouse.duckdb'}")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"{parent} is a file, so {path} cannot be created in it; choose "
                                  "another --db")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise ConfigError(f"cannot write in {parent}; choose a --db in a folder you can write")
            break
    return _catalog_name_free(path)


def warehouse_to_read(path: Path) -> Path:
    """A warehouse file that a build has made."""
    if path.is_dir():
        raise ConfigError(f"{path} is a folder; --db (or LAWGOV_DB) names the warehouse file, "
                          f"e.g. {path / 'warehouse.duckdb'}")
    if not path.exists():
        raise ConfigError(f"the warehouse {path} does not exist; run `lawgov build --db {path}` first, "
                          "or point --db (or LAWGOV_DB) at the one you built")
    return _catalog_name_free(path)


def _catalog_name_free(path: Path) -> Path:
    stem = path.name.split(".")[0]
    if stem.lower() in WAREHOUSE_SCHEMAS:
        raise ConfigError(
            f"{path}: DuckDB names the database after the file, {stem!r}, which is also a schema of "
            f"the warehouse, so `{stem}.x` would be ambiguous in every model and query; "
            f"name it e.g. {path.with_name('lawgov-' + path.name)}")
    return path


def folder_to_write(path: Path, what: str) -> Path:
    """A folder that files are written into (made if missing)."""
    if path.exists() and not path.is_dir():
        raise ConfigError(f"{path} is a file, not a folder; {what} names the folder to write into")
    return path


def project_folder(path: Path) -> Path:
    """A model project: a folder with dbt_project.yml."""
    if path.is_file():
        raise ConfigError(f"{path} is a file; --project names the folder that holds dbt_project.yml")
    if not (path / "dbt_project.yml").is_file():
        raise ConfigError(f"{path} has no dbt_project.yml; --project names the folder holding sql/, "
                          "seeds/ and dbt_project.yml")
    return path
