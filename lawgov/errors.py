"""Typed errors. Each carries the file (and where it helps, the line or character
position) it concerns, so a message can point a user at the exact place."""

from __future__ import annotations


class LawgovError(Exception):
    """Base of every error lawgov raises on purpose."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 position: int | None = None):
        self.message = message
        self.file = file
        self.line = line
        self.position = position
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where += f":{self.line}"
        if where and self.position is not None:
            where += f" (char {self.position})"
        return f"{where}: {self.message}" if where else self.message


class NumberError(LawgovError, ValueError):
    """A string that is not a numeral lawgov can read."""


class SourceError(LawgovError):
    """A report file that cannot be read as text (the build quarantines it)."""


class ManifestError(LawgovError):
    """A bad row in data/reports/manifest.csv."""


class ModelError(LawgovError):
    """A SQL model that does not render, parse or build."""


class DataTestError(LawgovError):
    """A data test on a model failed; the warehouse is not published."""


class WarehouseError(LawgovError):
    """The published warehouse cannot be opened: missing, not a DuckDB file, or held by a writer."""


class BuildLockedError(LawgovError):
    """Another build holds the warehouse's lock."""


class BuildError(LawgovError):
    """The build could not produce a warehouse to publish."""


class CorrectionError(LawgovError):
    """A bad row in data/reports/corrections.csv, or a correction that cannot be made."""


class RemovalRefusedError(BuildError):
    """A build would remove more of the published documents than it may without
    --allow-removals (an unmounted disk, a wrong --reports folder)."""


class QueryRefusedError(LawgovError):
    """A statement `lawgov query` does not run: it would write, export, attach or load."""
