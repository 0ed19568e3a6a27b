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

from lawgov.errors import LawgovError

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
    mismatched: list[tuple[dict, list[dict]]] = field(default_factory=list)


class GoldError(LawgovError):
    """A gold file line that cannot be scored against."""


GOLD_KEYS = {"document": ("doc", "region_code", "level", "report_year"),
             "fact": ("doc", "indicator", "value", "year", "unit", "qualifier")}


def load_gold(path: Path) -> tuple[dict[str, dict], list[dict]]:
    """The gold's document labels (by file) and facts; a malformed line raises GoldError
    naming it, before the warehouse is read."""
    docs, facts = {}, []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"cannot be read as UTF-8 text: {e}", file=str(path)) from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            row = _gold_row(line, str(path), n)
            (facts.append(row) if row["kind"] == "fact" else docs.__setitem__(row["doc"], row))
    return docs, facts


def _gold_row(line: str, file: str, n: int) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise GoldError(f"not a JSON object: {e.msg} (column {e.colno})", file=file, line=n) from None
    if not isinstance(row, dict) or row.get("kind") not in GOLD_KEYS:
        raise GoldError('each line is a JSON object with "kind": "document" or "fact"', file=file, line=n)
    missing = [k for k in GOLD_KEYS[row["kind"]] if k not in row]
    if missing:
        raise GoldError(f"a {row['kind']} line needs {', '.join(missing)}", file=file, line=n)
    if row["kind"] == "fact":
        try:
            float(row["value"])
            None if row["year"] is None else int(row["year"])
        except (TypeError, ValueError):
            raise GoldError(f"value {row['value']!r} and year {row['year']!r} must be numbers",
                            file=file, line=n) from None
    return row


def _key(doc, indicator, value, year):
    return (doc, indicator, round(float(value), 6), None if year is None else int(year))


def _unit(u):
    return UNIT_ALIASES.get(u, u) if u else u


def read_warehouse(db: Path, gold_docs: dict) -> tuple[list[dict], dict[str, dict], set[str]]:
    """The warehouse's facts and document labels for the gold's documents, and the headline codes."""
    from lawgov.warehouse.readonly import open_published

    con = open_published(db)
    try:
        headline = {r[0] for r in con.execute(
            "select code from seeds.indicators where tier = 'headline'").fetchall()}
        frows = con.execute("select source_file, indicator, value, unit, year, scope, qualifier, evidence "
                            "from marts.facts where value is not null").fetchall()
        drows = con.execute("select source_file, region_code, region_level, report_year from marts.documents").fetchall()
    finally:
        con.close()
    facts = [dict(doc=os.path.basename(src or ""), indicator=ind, value=val, unit=unit, year=year,
                  scope=scope, qualifier=qual, evidence=ev)
             for src, ind, val, unit, year, scope, qual, ev in frows
             if os.path.basename(src or "") in gold_docs]
    docs = {os.path.basename(r[0] or ""): dict(region_code=r[1], level=r[2], report_year=r[3]) for r in drows}
    return facts, docs, headline


def compare(gold_docs: dict, gold_facts: list[dict], facts: list[dict], docs: dict[str, dict],
            headline: set[str]) -> Score:
    """Score predicted facts (dicts with doc, indicator, value, unit, year, scope, qualifier)
    and document labels against the gold."""
    preds = defaultdict(list)
    for p in facts:
        preds[_key(p["doc"], p["indicator"], p["value"], p["year"])].append(p)

    s = Score()
    gold_keys = set()
    for g in gold_facts:
        k = _key(g["doc"], g["indicator"], g["value"], g["year"])
        gold_keys.add(k)
        if g.get("optional"):
            continue
        secondary = g.get("tier") == "secondary"
        fam = s.families[g["indicator"].split(".")[0] + (" (secondary)" if secondary else "")]
        bucket = s.secondary if secondary else s.headline
        if k not in preds:
            fam.fn += 1
            bucket.fn += 1
            s.misses.append(g)
            continue
        fam.tp += 1
        bucket.tp += 1
        ps = preds[k]
        s.matched += 1
        unit_ok = any(_unit(p["unit"]) == _unit(g["unit"]) for p in ps)
        qual_ok = any(p["qualifier"] == g["qualifier"] for p in ps)
        scope_ok = not g.get("scope") or any(p["scope"] == g["scope"] for p in ps)
        s.unit_ok += unit_ok
        s.qualifier_ok += qual_ok
        if g.get("scope"):
            s.scoped += 1
            s.scope_ok += scope_ok
        if not (unit_ok and qual_ok and scope_ok):
            s.mismatched.append((g, ps))
    seen = set()
    for p in facts:
        k = _key(p["doc"], p["indicator"], p["value"], p["year"])
        if k in seen or p["indicator"] not in headline:
            continue
        seen.add(k)
        if k not in gold_keys:
            s.families[p["indicator"].split(".")[0]].fp += 1
            s.headline.fp += 1
            s.false_facts.append(p)

    s.docs = len(gold_docs)
    for name, g in gold_docs.items():
        d = docs.get(name)
        if not d:
            continue
        code = str(d["region_code"] or "")
        s.region_ok += code[:6] == g["region_code"] or (
            g["level"] == "township" and code.startswith(g["parent_code"][:6]))
        s.level_ok += d["level"] == g["level"]
        s.year_ok += d["report_year"] == g["report_year"]
    return s


def report(s: Score, show_errors: bool = False) -> str:
    """The scorer's report, as text."""
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
        out += [f"  {p['doc']}  {p['indicator']} = {p['value']} ({p['year']}, {p['scope']})  «{(p.get('evidence') or '')[:80]}»"
                for p in s.false_facts]
        if s.mismatched:
            out.append("matched with a wrong scope, unit or qualifier:")
            out += [f"  {g['doc']} {g['indicator']}={g['value']}: gold {g.get('scope')}/{g['unit']}/{g['qualifier']}"
                    f" got {[(p['scope'], p['unit'], p['qualifier']) for p in ps]}" for g, ps in s.mismatched]
    hp, hr, hf = s.headline.prf()
    sr = s.secondary.prf()[1]
    out.append(f"\nheadline F1 {hf:.3f} (precision {hp:.3f}, recall {hr:.3f}); secondary recall {sr:.3f}; "
               f"region accuracy {s.region_ok / s.docs if s.docs else 0:.3f}")
    return "\n".join(out)


def score(db: Path, gold: Path, show_errors: bool = False) -> str:
    """Score a built warehouse against a gold file; the report as text."""
    gold_docs, gold_facts = load_gold(gold)
    facts, docs, headline = read_warehouse(db, gold_docs)
    return report(compare(gold_docs, gold_facts, facts, docs, headline), show_errors)
