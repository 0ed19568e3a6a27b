#!/usr/bin/env python3
"""Run describe_document over the bundled seeds and the shared corpus and compare region,
level and report_year with the gold labels (score.py's rule for regions: code[:6] equals
the gold region_code, or for townships the code starts with the parent's six digits).

Usage: python scripts/measure_documents.py [-v]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from lawgov.documents import describe_document  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    total_ok = True
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
