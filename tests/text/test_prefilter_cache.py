"""The compiled-pattern cache: reused across processes, and old rules' files pruned."""

from __future__ import annotations

import os
import time

import pytest

from lawgov.text import prefilter

pytestmark = pytest.mark.skipif(prefilter.hyperscan is None, reason="no Hyperscan on this platform")


def test_a_new_database_prunes_files_of_its_kind_unused_for_a_month(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "lawgov"
    folder.mkdir()
    old, recent, other = folder / "kindx-old.hsdb", folder / "kindx-recent.hsdb", folder / "other-old.hsdb"
    for f in (old, recent, other):
        f.write_bytes(b"x")
    month_ago = time.time() - (prefilter.STALE_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(other, (month_ago, month_ago))
    prefilter.cached_database("kindx", [b"abc"], 0)
    names = {p.name for p in folder.iterdir()}
    assert "kindx-old.hsdb" not in names                     # pruned: unused for a month
    assert {"kindx-recent.hsdb", "other-old.hsdb"} <= names  # in use, or another kind's
    assert sum(n.startswith("kindx-") for n in names) == 2   # the new one and the recent one


def test_a_database_is_loaded_from_the_cache_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    prefilter.cached_database("kindy", [b"abc"], 0)
    (written,) = (tmp_path / "lawgov").glob("kindy-*.hsdb")
    before = written.stat().st_mtime_ns
    monkeypatch.setattr(prefilter, "_compile", lambda *a: pytest.fail("compiled again"))
    assert prefilter.cached_database("kindy", [b"abc"], 0) is not None
    assert written.stat().st_mtime_ns == before              # used today: not touched again
