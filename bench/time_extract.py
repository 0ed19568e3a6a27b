#!/usr/bin/env python3
"""Time extract() on a synthetic 15k-character report made of the bundled seed reports.

    .venv/bin/python bench/time_extract.py [--chars 15000] [--runs 30]

Prints the best and the median of --runs calls (the best is the figure that does not
depend on what else the machine is doing).
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lawgov.extract import extract  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--reports", default=str(Path(__file__).resolve().parent.parent / "data" / "reports"))
ap.add_argument("--chars", type=int, default=15000)
ap.add_argument("--runs", type=int, default=30)
args = ap.parse_args()
text = "".join(p.read_text(encoding="utf-8") for p in sorted(Path(args.reports).glob("*.txt")))
text = text[: args.chars]
extract(text, 2022)
times, cpu = [], []
for _ in range(args.runs):
    t0, c0 = time.perf_counter(), time.process_time()
    ex = extract(text, 2022)
    times.append((time.perf_counter() - t0) * 1000)
    cpu.append((time.process_time() - c0) * 1000)
print(f"{len(text)} characters, {len(ex.mentions)} mentions, {len(ex.facts)} facts: "
      f"wall best {min(times):.1f} ms, median {statistics.median(times):.1f} ms; "
      f"CPU median {statistics.median(cpu):.1f} ms")
