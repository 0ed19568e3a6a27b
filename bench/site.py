"""The static site at national scale: `lawgov site` on a warehouse of a synthetic corpus.

    python bench/site.py [--n 10000] [--workdir /tmp/lawgov-bench] [--seed 7]

Makes the corpus with bench/national.py's generator and builds its warehouse when the
workdir has none yet (national.py's names, so the two share them), then times `lawgov site`
in a process of its own and prints, beside the targets of issue 15, the time of the whole
site build and its largest page.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

TARGET_SECONDS = 30.0
TARGET_PAGE_BYTES = 2_000_000


def lawgov(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "lawgov", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"lawgov {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done


def ensure_warehouse(n: int, workdir: Path, seed: int) -> Path:
    from national import generate

    corpus, db = workdir / f"corpus-{n}", workdir / f"warehouse-{n}.duckdb"
    stamp = corpus / ".bench.json"
    if not stamp.exists() or json.loads(stamp.read_text()) != {"n": n, "seed": seed}:
        t = time.perf_counter()
        generate(corpus, n, seed)
        stamp.write_text(json.dumps({"n": n, "seed": seed}))
        print(f"generated {n:,} reports in {time.perf_counter() - t:.1f} s → {corpus}")
    if not db.exists():
        t = time.perf_counter()
        lawgov("build", "--reports", str(corpus), "--db", str(db), "--quiet")
        print(f"built {db} in {time.perf_counter() - t:.0f} s")
    return db


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/lawgov-bench"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    db = ensure_warehouse(args.n, args.workdir, args.seed)
    out = args.workdir / f"site-{args.n}"

    if out.exists():
        shutil.rmtree(out)                      # a first build, not a rewrite of the last one
    load = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    lawgov("site", "--db", str(db), "--out", str(out))
    seconds = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    print(f"site of {args.n:,} reports: {len(pages):,} pages, {total / 1e6:,.0f} MB → {out}")
    print(f"  whole site build   {seconds:6.1f} s     target < {TARGET_SECONDS:.0f} s    {verdict(seconds < TARGET_SECONDS)}"
          f"  (CPU {cpu:.1f} s on {os.cpu_count()} cores; load average {load:.1f} when it started)")
    print(f"  largest page       {largest.stat().st_size / 1e6:6.2f} MB    target < {TARGET_PAGE_BYTES / 1e6:.0f} MB"
          f"     {verdict(largest.stat().st_size < TARGET_PAGE_BYTES)}  ({largest.relative_to(out)})")


if __name__ == "__main__":
    main()
