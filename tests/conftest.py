"""Shared fixtures: the repo's paths, and a warehouse built once from the bundled reports."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# the tests live in a folder per stage; conftest and corpus_factory are importable from all
sys.path.insert(0, str(Path(__file__).resolve().parent))
BUNDLED = REPO / "data" / "reports"
BIN = Path(sys.executable).parent


def lawgov(*args: str, check: bool = True, **kw) -> subprocess.CompletedProcess:
    """Run the lawgov command as a user would, in a real process."""
    proc = subprocess.run([sys.executable, "-m", "lawgov", *args], cwd=REPO, capture_output=True,
                          text=True, **kw)
    if check and proc.returncode != 0:
        raise AssertionError(f"lawgov {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A warehouse built from the bundled reports (read-only for the tests that use it)."""
    folder = tmp_path_factory.mktemp("warehouse")
    db = folder / "warehouse.duckdb"
    lawgov("build", "--reports", str(BUNDLED), "--db", str(db), "--quiet")
    return db


@pytest.fixture
def fresh_db(tmp_path, built_db) -> Path:
    """A private copy of the built warehouse that a test may rebuild or break."""
    reports = tmp_path / "reports"
    shutil.copytree(BUNDLED, reports)
    db = tmp_path / "data" / "warehouse.duckdb"
    db.parent.mkdir()
    shutil.copyfile(built_db, db)
    os.utime(db)
    return db


def cpu_seconds(fn, *args) -> float:
    """CPU time of fn(*args) with the cyclic collector held off: the tests of how time grows
    with the input measure the code, and in a whole suite's process (a large heap) a full
    collection landing in the larger run alone can make it look quadratic."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        fn(*args)
        return time.process_time() - t0
    finally:
        gc.enable()
