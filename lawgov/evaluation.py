"""Score a warehouse against a gold file (JSON lines of document labels and facts).

The rules are the evaluators': a fact matches a gold fact when source file (base name),
indicator, value and year agree. Headline indicators (tier "headline" in the catalogue) are
scored for precision and recall, secondary ones for recall only since their gold is not
complete; scope, unit and qualifier are checked on matched facts. Document labels are
checked for region (a township may carry its county's code), level and report year.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

UNIT_ALIASES = {"起": "件", "宗": "件", "名": "人", "位": "人", "家": "个", "场": "次", "场次": "次",
                "期": "次", "批次": "次", "份次": "份"}


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    families: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    headline: Counts = field(default_factory=Counts)
    secondary: Counts = field(default_factory=Counts)
    docs: int = 0
    region_ok: int = 0
    level_ok: int = 0
    year_ok: int = 0
    matched: int = 0
    scoped: int = 0
    scope_ok: int = 0
    unit_ok: int = 0
    qualifier_ok: int = 0
    misses: list[dict] = field(default_factory=list)
    false_facts: list[dict] = field(default_factory=list)


def load_gold(path: Path) -> tuple[dict[str, dict], list[dict]]:
    docs, facts = {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            (facts.append(row) if row["kind"] == "fact" else docs.__setitem__(row["doc"], row))
    return docs, facts


def headline_codes(con) -> set[str]:
    rows = con.execute("select code from seeds.indicators where tier = 'headline'").fetchall()
    return {r[0] for r in rows}


def _key(doc, indicator, value, year):
    return (doc, indicator, round(float(value), 6), None if year is None else int(year))


def compute(db: Path, gold: Path) -> Score:
    import duckdb

    gold_docs, gold_facts = load_gold(gold)
    con = duckdb.connect(str(db), read_only=True)
    try:
        headline = headline_codes(con)
        frows = con.execute("select source_file, indicator, value, unit, year, scope, qualifier "
                            "from marts.facts where value is not null").fetchall()
        drows = con.execute("select source_file, region_code, region_level, report_year from marts.documents").fetchall()
    finally:
        con.close()
    preds = defaultdict(list)
    pred_list = []
    for src, ind, val, unit, year, scope, qual in frows:
        doc = os.path.basename(src or "")
        if doc in gold_docs:
            p = dict(doc=doc, indicator=ind, value=val, unit=unit, year=year, scope=scope, qualifier=qual)
            preds[_key(doc, ind, val, year)].append(p)
            pred_list.append(p)

    s = Score()
    gold_keys, optional = set(), set()
    for g in gold_facts:
        k = _key(g["doc"], g["indicator"], g["value"], g["year"])
        gold_keys.add(k)
        if g.get("optional"):
            optional.add(k)
            continue
        secondary = g.get("tier") == "secondary"
        fam = s.families[g["indicator"].split(".")[0] + (" (secondary)" if secondary else "")]
        bucket = s.secondary if secondary else s.headline
        if k in preds:
            fam.tp += 1
            bucket.tp += 1
            ps = preds[k]
            s.matched += 1
            s.unit_ok += any(UNIT_ALIASES.get(p["unit"], p["unit"]) == UNIT_ALIASES.get(g["unit"], g["unit"]) for p in ps)
            s.qualifier_ok += any(p["qualifier"] == g["qualifier"] for p in ps)
            if g.get("scope"):
                s.scoped += 1
                s.scope_ok += any(p["scope"] == g["scope"] for p in ps)
        else:
            fam.fn += 1
            bucket.fn += 1
            s.misses.append(g)
    seen = set()
    for p in pred_list:
        k = _key(p["doc"], p["indicator"], p["value"], p["year"])
        if k in seen or p["indicator"] not in headline:
            continue
        seen.add(k)
        if k not in gold_keys:
            s.families[p["indicator"].split(".")[0]].fp += 1
            s.headline.fp += 1
            s.false_facts.append(p)

    docs = {os.path.basename(r[0] or ""): r for r in drows}
    s.docs = len(gold_docs)
    for name, g in gold_docs.items():
        r = docs.get(name)
        if not r:
            continue
        code = str(r[1] or "")
        s.region_ok += code[:6] == g["region_code"] or (
            g["level"] == "township" and code.startswith(g["parent_code"][:6]))
        s.level_ok += r[2] == g["level"]
        s.year_ok += r[3] == g["report_year"]
    return s


def score(db: Path, gold: Path, show_errors: bool = False) -> str:
    """The report, as text."""
    s = compute(db, gold)
    out = [f"{'family':28} {'tp':>4} {'fn':>4} {'fp':>4} {'prec':>6} {'recall':>6} {'f1':>6}"]
    for name in sorted(s.families):
        c = s.families[name]
        p, r, f = c.prf()
        if "(secondary)" in name:
            out.append(f"{name:28} {c.tp:4} {c.fn:4} {'':>4} {'':>6} {r:6.3f}")
        else:
            out.append(f"{name:28} {c.tp:4} {c.fn:4} {c.fp:4} {p:6.3f} {r:6.3f} {f:6.3f}")
    out.append("")
    out.append(f"documents: region {s.region_ok}/{s.docs}  report_year {s.year_ok}/{s.docs}  level {s.level_ok}/{s.docs}")
    out.append(f"matched facts: scope {s.scope_ok}/{s.scoped}  unit {s.unit_ok}/{s.matched}  "
               f"qualifier {s.qualifier_ok}/{s.matched}")
    if show_errors:
        out.append("\nmissed:")
        out += [f"  {g['doc']}  {g['indicator']} = {g['value']} ({g['year']})  «{g.get('evidence', '')}»" for g in s.misses]
        out.append("false (headline indicators not in the gold):")
        out += [f"  {p['doc']}  {p['indicator']} = {p['value']} ({p['year']}, {p['scope']})" for p in s.false_facts]
    hp, hr, hf = s.headline.prf()
    sr = s.secondary.prf()[1]
    out.append(f"\nheadline F1 {hf:.3f} (precision {hp:.3f}, recall {hr:.3f}); secondary recall {sr:.3f}; "
               f"region accuracy {s.region_ok / s.docs if s.docs else 0:.3f}")
    return "\n".join(out)
