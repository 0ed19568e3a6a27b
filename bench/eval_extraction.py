#!/usr/bin/env python3
"""Score extraction alone against a gold file, with the scorer's own rules.

    .venv/bin/python bench/eval_extraction.py --gold ../shared/gold/seeds.jsonl --reports ../shared/seeds
    .venv/bin/python bench/eval_extraction.py --gold ../shared/gold/dev.jsonl --reports ../shared/corpus --show-errors

It runs lawgov.extraction.extract() on every gold document found in --reports, with the
report year of the gold document label (so region and year detection are not in play), and
computes the figures of ../shared/tools/score.py: a fact matches a gold fact when document,
indicator, value and year agree; headline codes are scored for precision and recall,
secondary ones for recall; scope, unit and qualifier on matched facts (lawgov.evaluation, the
same code as `lawgov eval`). It also times extract().
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lawgov.extract.catalog import headline_codes  # noqa: E402
from lawgov.evaluation import compare, load_gold, report  # noqa: E402
from lawgov.extract import extract  # noqa: E402

def predict(docs, reports: Path, repeat: int = 1):
    preds, timings = [], []
    for doc, label in docs.items():
        path = reports / doc
        if not path.exists():
            print(f"missing report: {path}", file=sys.stderr)
            continue
        text = path.read_text(encoding="utf-8")
        ex = extract(text, label["report_year"])   # warm up (loads tables once per process)
        t0 = time.perf_counter()
        for _ in range(repeat):
            ex = extract(text, label["report_year"])
        timings.append(((time.perf_counter() - t0) / repeat, len(text), doc))
        for f in ex.facts:
            preds.append(dict(doc=doc, indicator=f.indicator, value=f.value, unit=f.unit, year=f.year,
                              scope=f.scope, qualifier=f.qualifier, evidence=f.evidence, derived=f.derived))
    return preds, timings


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--reports", required=True, help="folder holding the gold documents")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="run extract() this many times for timing")
    args = ap.parse_args()
    gold_docs, gold_facts = load_gold(args.gold)
    preds, timings = predict(gold_docs, Path(args.reports), args.repeat)
    print(report(compare(gold_docs, gold_facts, preds, {}, headline_codes()), args.show_errors))
    total = sum(t for t, _, _ in timings)
    chars = sum(n for _, n, _ in timings)
    slowest = max(timings) if timings else (0, 0, "")
    print(f"extract(): {len(timings)} documents, {chars} characters, {total * 1000:.1f} ms "
          f"({total * 1000 / max(chars, 1) * 15000:.1f} ms per 15k characters; slowest "
          f"{slowest[2]} {slowest[0] * 1000:.1f} ms for {slowest[1]} characters)")


if __name__ == "__main__":
    main()
