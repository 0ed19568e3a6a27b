#!/usr/bin/env python3
"""Score extraction alone against a gold file, with the scorer's own rules.

    .venv/bin/python bench/eval_extraction.py --gold ../shared/gold/seeds.jsonl --reports ../shared/seeds
    .venv/bin/python bench/eval_extraction.py --gold ../shared/gold/dev.jsonl --reports ../shared/corpus --show-errors

It runs lawgov.extraction.extract() on every gold document found in --reports, with the
report year of the gold document label (so region and year detection are not in play), and
computes the figures of ../shared/tools/score.py: a fact matches a gold fact when document,
indicator, value and year agree; headline codes are scored for precision and recall,
secondary ones for recall; scope, unit and qualifier on matched facts. The matching logic is
copied here (nothing is imported from ../shared). It also times extract().
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lawgov.catalog import headline_codes  # noqa: E402
from lawgov.extraction import extract  # noqa: E402

UNIT_ALIASES = {"起": "件", "宗": "件", "名": "人", "位": "人", "家": "个", "场": "次", "场次": "次",
                "期": "次", "批次": "次", "份次": "份"}


def norm_unit(u):
    return UNIT_ALIASES.get(u, u) if u else u


def key(f):
    return (f["doc"], f["indicator"], round(float(f["value"]), 6), int(f["year"]) if f["year"] is not None else None)


def load_gold(path):
    docs, facts = {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (facts.append(row) if row["kind"] == "fact" else docs.__setitem__(row["doc"], row))
    return docs, facts


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


def score(gold_docs, gold_facts, preds, headline, show_errors=False):
    by_key = defaultdict(list)
    for p in preds:
        by_key[key(p)].append(p)
    fam = defaultdict(lambda: dict(tp=0, fn=0, fp=0))
    misses, matched = [], []
    gold_keys = set()
    for g in gold_facts:
        k = key(g)
        gold_keys.add(k)
        if g.get("optional"):
            continue
        family = g["indicator"].split(".")[0] + (" (secondary)" if g["tier"] == "secondary" else "")
        if k in by_key:
            fam[family]["tp"] += 1
            matched.append((g, by_key[k]))
        else:
            fam[family]["fn"] += 1
            misses.append(g)
    false_facts, seen = [], set()
    for p in preds:
        k = key(p)
        if k in seen or p["indicator"] not in headline:
            continue
        seen.add(k)
        if k not in gold_keys:
            fam[p["indicator"].split(".")[0]]["fp"] += 1
            false_facts.append(p)

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print(f"{'family':28} {'tp':>4} {'fn':>4} {'fp':>4} {'prec':>6} {'recall':>6} {'f1':>6}")
    head = dict(tp=0, fn=0, fp=0)
    sec = dict(tp=0, fn=0)
    for name in sorted(fam):
        c = fam[name]
        p, r, f = prf(c)
        if "(secondary)" in name:
            sec["tp"] += c["tp"]; sec["fn"] += c["fn"]
            print(f"{name:28} {c['tp']:4} {c['fn']:4} {'':>4} {'':>6} {r:6.3f}")
        else:
            for x in head:
                head[x] += c[x]
            print(f"{name:28} {c['tp']:4} {c['fn']:4} {c['fp']:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    scoped = [(g, ps) for g, ps in matched if g.get("scope")]
    scope_ok = sum(1 for g, ps in scoped if any(p["scope"] == g["scope"] for p in ps))
    unit_ok = sum(1 for g, ps in matched if any(norm_unit(p["unit"]) == norm_unit(g["unit"]) for p in ps))
    qual_ok = sum(1 for g, ps in matched if any(p["qualifier"] == g["qualifier"] for p in ps))
    hp, hr, hf = prf(head)
    sr = sec["tp"] / (sec["tp"] + sec["fn"]) if sec["tp"] + sec["fn"] else 0.0
    print(f"\nmatched facts: scope {scope_ok}/{len(scoped)}  unit {unit_ok}/{len(matched)}  "
          f"qualifier {qual_ok}/{len(matched)}")
    if show_errors:
        print("\nmissed:")
        for g in misses:
            print(f"  {g['doc']}  {g['indicator']} = {g['value']} ({g['year']})  «{g['evidence']}»")
        print("false (headline indicators not in the gold):")
        for p in false_facts:
            print(f"  {p['doc']}  {p['indicator']} = {p['value']} ({p['year']}, {p['scope']})  «{p['evidence'][:80]}»")
        bad = [(g, ps) for g, ps in matched
               if (g.get("scope") and not any(p["scope"] == g["scope"] for p in ps))
               or not any(norm_unit(p["unit"]) == norm_unit(g["unit"]) for p in ps)
               or not any(p["qualifier"] == g["qualifier"] for p in ps)]
        if bad:
            print("matched with a wrong scope, unit or qualifier:")
            for g, ps in bad:
                print(f"  {g['doc']} {g['indicator']}={g['value']}: gold {g.get('scope')}/{g['unit']}/{g['qualifier']}"
                      f" got {[(p['scope'], p['unit'], p['qualifier']) for p in ps]}")
    print(f"\nheadline F1 {hf:.3f} (precision {hp:.3f}, recall {hr:.3f}); secondary recall {sr:.3f}")
    return hf, sr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--reports", required=True, help="folder holding the gold documents")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="run extract() this many times for timing")
    args = ap.parse_args()
    gold_docs, gold_facts = load_gold(args.gold)
    preds, timings = predict(gold_docs, Path(args.reports), args.repeat)
    score(gold_docs, gold_facts, preds, headline_codes(), args.show_errors)
    total = sum(t for t, _, _ in timings)
    chars = sum(n for _, n, _ in timings)
    slowest = max(timings) if timings else (0, 0, "")
    print(f"extract(): {len(timings)} documents, {chars} characters, {total * 1000:.1f} ms "
          f"({total * 1000 / max(chars, 1) * 15000:.1f} ms per 15k characters; slowest "
          f"{slowest[2]} {slowest[0] * 1000:.1f} ms for {slowest[1]} characters)")


if __name__ == "__main__":
    main()
