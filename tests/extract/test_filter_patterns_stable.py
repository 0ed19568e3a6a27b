"""The pre-filters' patterns are the same text in every process, whatever its hash seed: their
compiled Hyperscan databases are cached by that text (text/prefilter.py), and a pattern built
from a set in iteration order would make every parser process compile its own (seconds each)."""

from __future__ import annotations

import os
import subprocess
import sys

PRINT = """
import hashlib
from lawgov.extract.mentions import window_prefilter
from lawgov.extract.reading.rules import figure_filter
h = hashlib.sha256()
for f in [figure_filter()] + [window_prefilter(k) for k in ("traps", "cues", "sentences", "reading")]:
    for rx in f.patterns:
        h.update(rx.pattern.encode())
print(h.hexdigest())
"""


def test_filter_patterns_do_not_depend_on_the_hash_seed():
    got = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", PRINT], env=env, capture_output=True, text=True, check=True)
        got.add(out.stdout.strip())
    assert len(got) == 1
