"""A 1%-changed rebuild timed stage by stage, in this process, on a copy of a benchmark warehouse.

    python bench/rebuild_stages.py --dir /tmp/lawgov-rb --n 100000 --variant 2
    python bench/rebuild_stages.py --dir /tmp/lawgov-rb --n 100000 --variant 3 --check

``--dir`` holds ``corpus/`` (a corpus of bench/national.py, e.g. ``cp -al`` of its corpus: the
changed files are unlinked before they are written, so a hard-linked original is not
touched), ``warehouse-<n>.duckdb`` and, if any, its standby. Each run rewrites the same 1%
of files (national.py's sample) with the numbers of ``--variant`` (use a new one each run,
so the standby's marts are never already right) and runs ``lawgov.build.build``, with the
parser's code fingerprint pinned to the warehouse's: editing the build or the models does
not re-parse every file. It prints the stages (wall, main process CPU, parsers' CPU), the
slowest models and tests, and the load average; ``--check`` then prints each ``marts.*``
relation's count and sum of row hashes, to compare with a cold build of the same corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def marts_hashes(db: Path) -> dict[str, tuple[int, int]]:
    """Each marts.* relation's row count and sum of row hashes (doc_version-like columns
    that differ by construction are not excluded: equal builds give equal sums)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rels = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' "
            "order by table_name").fetchall()]
        return {r: tuple(con.execute(f'select count(*), coalesce(sum(hash(t)), 0) from marts."{r}" as t')
                         .fetchone()) for r in rels}
    finally:
        con.close()


class ThreadSampler:
    """CPU of each thread of this process, sampled from /proc every ``every`` seconds, so a
    stage's CPU can be told apart by thread (the main thread, DuckDB's, the load thread)."""

    def __init__(self, every: float = 0.1):
        import threading

        self.every, self.samples, self.stop = every, [], threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.tick = os.sysconf("SC_CLK_TCK")

    def _read(self) -> dict[int, float]:
        out = {}
        for tid in os.listdir("/proc/self/task"):
            try:
                fields = Path(f"/proc/self/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            out[int(tid)] = (int(fields[11]) + int(fields[12])) / self.tick
        return out

    def _run(self) -> None:
        me = __import__("threading").get_native_id()
        while not self.stop.is_set():
            self.samples.append((time.perf_counter(), {t: c for t, c in self._read().items() if t != me}))
            self.stop.wait(self.every)

    def by_stage(self, t0: float, stages: list[dict]) -> list[tuple[str, dict[int, float]]]:
        """Each stage's CPU by thread id (main thread: the process id)."""
        bounds, at = [], t0
        for r in stages:
            bounds.append((r["stage"], at, at + r["wall"]))
            at += r["wall"]
        out = []
        for name, lo, hi in bounds:
            inside = [s for s in self.samples if lo <= s[0] <= hi]
            before = [s for s in self.samples if s[0] < lo]
            if not inside:
                continue
            first = before[-1][1] if before else {}
            last = inside[-1][1]
            out.append((name, {t: c - first.get(t, 0.0) for t, c in last.items() if c - first.get(t, 0.0) > 0.02}))
        return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--variant", type=int, required=True,
                    help="the numbers of the changed files; -1: no change, one file copied onto itself "
                         "(so the next run's standby is level with the published file)")
    ap.add_argument("--sample", type=int, default=0,
                    help="another 1%% of files (0: national.py's); a sample not changed before has its "
                         "documents spread over the warehouse's row groups, as national.py's first 1%% "
                         "rebuild after the cold build does, where national.py's own sample, rebuilt run "
                         "after run, sits in the last row groups")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--threads", action="store_true", help="each stage's CPU by thread")
    ap.add_argument("--no-pin", action="store_true", help="do not pin the parser's code fingerprint")
    args = ap.parse_args(argv)

    from national import Generator

    corpus, db = args.dir / "corpus", args.dir / f"warehouse-{args.n}.duckdb"
    sample = f"{args.seed}:changed:{args.n}" + (f":{args.sample}" if args.sample else "")
    ids = sorted(random.Random(sample).sample(range(args.n), max(1, args.n // 100)))
    gen = Generator(args.seed)
    if args.variant < 0:
        # settle: one file copied onto itself (same bytes, a new mtime), so the build publishes
        # and the next one starts from a standby level with the published file, as in
        # national.py's 1% rebuild
        p = corpus / gen.relpath(next(i for i in range(args.n) if i not in set(ids)))
        data = p.read_bytes()
        p.unlink()
        p.write_bytes(data)
    for i in ids if args.variant >= 0 else []:
        rel, text = gen.report(i, args.variant)
        p = corpus / rel
        p.unlink(missing_ok=True)          # never write through a hard link to another corpus
        p.write_bytes(text.encode("utf-8"))

    import duckdb

    from lawgov import build as pipeline

    if not args.no_pin:
        con = duckdb.connect(str(db), read_only=True)
        code = con.execute("select fingerprint from meta.raw_fingerprints where table_name = '_code'").fetchone()[0]
        con.close()
        pipeline.code_fingerprint = lambda: code
    timings = args.dir / "timings.json"
    os.environ[pipeline.TIMINGS_ENV] = str(timings)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    sampler = ThreadSampler() if args.threads else None
    if sampler:
        sampler.thread.start()
    t0, c0 = time.perf_counter(), time.process_time()
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = pipeline.build(pipeline.BuildOptions(reports=corpus, db=db, project=ROOT))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    kids = (k1.ru_utime + k1.ru_stime) - (k0.ru_utime + k0.ru_stime)
    data = json.loads(timings.read_text(encoding="utf-8"))
    if sampler:
        sampler.stop.set()
        sampler.thread.join()
    print(f"variant {args.variant}: {summary.loaded} loaded, {summary.unchanged} unchanged; wall {wall:.2f} s, "
          f"CPU main {cpu:.2f} s + parsers {kids:.2f} s; load average before {load}, after "
          + " ".join(Path("/proc/loadavg").read_text().split()[:3]))
    print(f"  {'stage':<36} {'wall':>7} {'main':>7} {'parsers':>8}")
    for r in data["stages"]:
        if r["wall"] >= 0.005 or r["cpu"] >= 0.005:
            print(f"  {r['stage']:<36} {r['wall']:7.2f} {r['cpu']:7.2f} {r['workers_cpu']:8.2f}")
    if sampler:
        print("  CPU by thread (main = the process id):")
        for name, cpu_by in sampler.by_stage(t0, data["stages"]):
            print(f"    {name:<34} " + ", ".join(
                f"{'main' if t == os.getpid() else t}: {c:.2f}" for t, c in sorted(cpu_by.items(), key=lambda x: -x[1])))
    print("  slowest: " + ", ".join(f"{n} {s:.2f}" for n, s in data["slowest"][:12]))
    if args.check:
        for rel, (n, h) in marts_hashes(db).items():
            print(f"  marts.{rel:<34} {n:>10,} {h}")


if __name__ == "__main__":
    main()
