#!/usr/bin/env python3
"""Run describe_document over the bundled seeds and the shared corpus and compare region,
level and report_year with the gold labels (score.py's rule for regions: code[:6] equals
the gold region_code, or for townships the code starts with the parent's six digits).

With --time it also times describe_document over data/reports/*.txt and the shared corpus
(CPU ms per report, best of three rounds) and the gazetteer load in a fresh process.

Usage: python scripts/measure_documents.py [-v] [--time]
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from lawgov.documents import describe_document, warm  # noqa: E402


def load_time() -> str:
    """The gazetteer load (seeds/regions.csv → index) and warm() in a fresh process."""
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]); c = time.process_time(); "
            "from lawgov.documents.regions import gazetteer; gazetteer(); g = time.process_time() - c; "
            "from lawgov.documents import warm; warm(); print(g, time.process_time() - c)")
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", code, str(ROOT)], check=True,
                                            capture_output=True, text=True).stdout.split()))
            for _ in range(3)]
    return (f"gazetteer load {min(r[0] for r in runs) * 1000:.0f} ms, import + warm() "
            f"{min(r[1] for r in runs) * 1000:.0f} ms (CPU, fresh process, best of 3)")


def timing() -> None:
    print(load_time())
    for name, folder in (("data/reports", ROOT / "data" / "reports"), ("corpus", SHARED / "corpus")):
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        if not texts:
            continue
        reps = max(1, 1000 // len(texts))
        best = float("inf")
        for _ in range(3):
            c = time.process_time()
            for _ in range(reps):
                for t in texts:
                    describe_document(t, "timing.txt")
            best = min(best, (time.process_time() - c) / (reps * len(texts)))
        chars = sum(map(len, texts)) / len(texts)
        print(f"{name}: {best * 1000:.2f} ms/report (CPU, best of 3; {len(texts)} reports, "
              f"{chars:.0f} characters on average)")


def main() -> int:
    verbose = "-v" in sys.argv
    total_ok = True
    warm()   # the gazetteer is loaded once, before the timed calls
    for name, folder, gold in (("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.jsonl"),
                               ("corpus", SHARED / "corpus", SHARED / "gold" / "dev.jsonl")):
        golds = [json.loads(l) for l in open(gold, encoding="utf-8") if '"document"' in l]
        golds = [g for g in golds if g.get("kind") == "document"]
        n = reg = lvl = yr = 0
        elapsed = 0.0
        for g in golds:
            text = (folder / g["doc"]).read_text(encoding="utf-8")
            t0 = time.perf_counter()
            m = describe_document(text, g["doc"])
            elapsed += time.perf_counter() - t0
            code = m.region_code or ""
            r_ok = code[:6] == g["region_code"] or (g["level"] == "township" and code.startswith(g["parent_code"][:6]))
            l_ok = m.region_level == g["level"]
            y_ok = m.report_year == g["report_year"]
            n += 1
            reg += r_ok
            lvl += l_ok
            yr += y_ok
            if verbose or not (r_ok and l_ok and y_ok):
                flag = "" if (r_ok and l_ok and y_ok) else "  <-- " + ",".join(
                    k for k, ok in (("region", r_ok), ("level", l_ok), ("year", y_ok)) if not ok)
                print(f"  {g['doc']:28} got {code or '-':9} {m.region_level or '-':10} {m.report_year} "
                      f"[{m.region_confidence} {m.doc_kind}] body={m.reporting_body!r} | gold {g['region_code']} "
                      f"{g['level']} {g['report_year']}{flag}")
        print(f"{name}: region {reg}/{n}  level {lvl}/{n}  report_year {yr}/{n}  "
              f"({elapsed / max(n, 1) * 1000:.1f} ms/doc)")
        total_ok &= reg == lvl == yr == n
    if "--time" in sys.argv:
        timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
