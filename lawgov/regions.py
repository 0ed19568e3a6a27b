"""China's administrative divisions: find region names in a text and resolve them to
GB/T 2260 codes.

The seed (seeds/regions.csv, built by scripts/build_regions.py, plus the hand-kept
seeds/region_renames.csv of former names) is loaded once per process and indexed by
name, by short form (阳江 for 阳江市, 东坝 for 东坝地区) and by the first two characters
of every surface form, so a scan costs one dict look-up per character of text.

A surface matches a region when it is
  * the full name (岭东区, 东坝乡, 焉耆回族自治县, or a former name such as 莱芜市),
  * a short form followed by a suffix of the region's kind (焉耆县, 东坝乡 for 东坝地区,
    崇明县 for 崇明区): 省/自治区/市 for provinces, 市/州/地区/盟 for cities, 区/县/市/旗
    for counties and districts, 镇/乡/街道/地区/办事处 for townships,
  * or, for provinces and cities only, the bare short form (广东, 上海, 绍兴) - weak
    evidence that never decides on its own when a name is shared.

`resolve` never guesses: a name shared by several places is decided by its chain
(北京市朝阳区, 双鸭山市岭东区人民政府) or by the other regions the text names (an
ancestor or a descendant of one candidate and of no other); otherwise the result is
'ambiguous' with the candidates listed.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

LEVELS = ("province", "city", "district", "county", "township")
CENTRAL_CODE = "000000"

# suffixes that may follow a short form, by level, longest first
_SUFFIX = {
    "province": ("自治区", "省", "市"),
    "city": ("自治州", "地区", "市", "州", "盟"),
    "county": ("自治县", "自治旗", "县", "市", "旗"),
    "district": ("区", "县", "市"),
    "township": ("街道办事处", "街道", "办事处", "地区", "镇", "乡"),
}
_ALL_SUFFIXES = tuple(sorted({s for v in _SUFFIX.values() for s in v}, key=len, reverse=True))
_BARE_LEVELS = ("province", "city")
# bare short forms inside ordinary words: (alias, the text that follows it)
_BARE_IDIOMS = {"长治": ("久安",), "延安": ("精神",), "遵义": ("会议",), "大同": ("",),
                "来宾": ("",), "中山": ("装", "路", "大学", "公园"), "黄山": ("风景",),
                "吉林": ("大学",), "井冈山": ("精神",), "安康": ("",)}
_FUNCTION_CHARS = set("和及与各全本该每市省区县乡镇等或在对向")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent_code: str
    province_code: str
    city_code: str
    aliases: tuple[str, ...] = ()
    historical: bool = False        # a former name (seeds/region_renames.csv)
    changed_in: int | None = None   # the year the former name went out of use
    new_code: str | None = None     # its successor today
    certain: bool = True


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]     # region codes
    kind: str                       # full | suffix | bare


@dataclass
class Resolution:
    code: str | None
    confidence: str                 # high | medium | low | ambiguous | unresolved
    candidates: list[str] = field(default_factory=list)


class Gazetteer:
    def __init__(self, regions: list[Region]):
        self.by_code: dict[str, Region] = {}
        self.full: dict[str, list[str]] = {}
        self.alias: dict[str, list[str]] = {}
        for r in regions:
            if r.code in self.by_code and not r.historical:
                continue
            self.by_code[r.code] = r
        for r in self.by_code.values():
            if r.level == "township" and (len(r.name) < 3 or not re.search(r"(街道|镇|乡|地区)$", r.name)):
                continue
            if r.name in ("城区", "郊区", "矿区"):
                continue
            self.full.setdefault(r.name, []).append(r.code)
            for a in r.aliases:
                self.alias.setdefault(a, []).append(r.code)
        lens: dict[str, set[int]] = {}
        for s in list(self.full) + list(self.alias):
            lens.setdefault(s[:2], set()).add(len(s))
        self.first2 = {k: tuple(sorted(v, reverse=True)) for k, v in lens.items()}
        self.renamed_to = {r.new_code: r.code for r in self.by_code.values() if r.historical}

    # ---- hierarchy -------------------------------------------------------
    def get(self, code: str | None) -> Region | None:
        return self.by_code.get(code) if code else None

    def ancestors(self, code: str) -> list[str]:
        out = []
        r = self.by_code.get(code)
        seen = 0
        while r is not None and r.parent_code and seen < 5:
            out.append(r.parent_code)
            r = self.by_code.get(r.parent_code)
            seen += 1
        return out

    def within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or ancestor in self.ancestors(code)

    def related(self, a: str, b: str) -> bool:
        """True when one of a, b lies within the other, or they are the same place
        under a former and a current code."""
        if a == b or self.within(a, b) or self.within(b, a):
            return True
        ra, rb = self.by_code.get(a), self.by_code.get(b)
        return bool((ra and ra.new_code == b) or (rb and rb.new_code == a))

    # ---- scanning --------------------------------------------------------
    def find(self, text: str, start: int = 0, end: int | None = None) -> list[RegionMention]:
        end = len(text) if end is None else end
        out: list[RegionMention] = []
        first2, full, alias, byc = self.first2, self.full, self.alias, self.by_code
        i = start
        while i < end - 1:
            lens = first2.get(text[i:i + 2])
            if lens is None:
                i += 1
                continue
            best: tuple[int, tuple[str, ...], str] | None = None
            for L in lens:
                if i + L > end:
                    continue
                s = text[i:i + L]
                if best is not None and L + 3 < best[0] - i:
                    break
                codes = full.get(s)
                if codes and (best is None or i + L > best[0]):
                    if L > 2 or self._two_char_ok(text, i, out):
                        best = (i + L, tuple(codes), "full")
                acodes = alias.get(s)
                if acodes:
                    j = i + L
                    for suf in _ALL_SUFFIXES:
                        if text.startswith(suf, j):
                            ok = tuple(c for c in acodes if suf in _SUFFIX[byc[c].level]
                                       and (suf != "市" or byc[c].level not in ("county", "district")
                                            or byc[c].name.endswith("市"))
                                       and (suf != "地区" or byc[c].level != "township"
                                            or byc[c].name.endswith("地区")))
                            if ok and best is not None and j + len(suf) == best[0]:
                                # 东坝乡: the full names 东坝乡 and the short form of 东坝地区
                                best = (best[0], best[1] + tuple(c for c in ok if c not in best[1]),
                                        best[2])
                            elif ok and (best is None or j + len(suf) > best[0]):
                                best = (j + len(suf), ok, "suffix")
                            if ok:
                                break
                    if best is None or j > best[0]:
                        bare = tuple(c for c in acodes if byc[c].level in _BARE_LEVELS
                                     or (len(s) >= 3 and byc[c].level in ("county", "district")))
                        if bare and not self._idiom(s, text, j):
                            best = (j, bare, "bare")
            if best is None:
                i += 1
                continue
            j, codes, kind = best
            out.append(RegionMention(i, j, text[i:j], codes, kind))
            i = j
        return out

    @staticmethod
    def _idiom(alias: str, text: str, j: int) -> bool:
        follow = _BARE_IDIOMS.get(alias)
        if follow is None:
            return False
        if follow == ("",):
            return True
        return any(text.startswith(f, j) for f in follow)

    @staticmethod
    def _two_char_ok(text: str, i: int, out: list[RegionMention]) -> bool:
        """A two-character name counts unless it starts with a function word (和县 in
        '市和县两级'): then only at the start of a line, after a non-Chinese character or
        right after another region."""
        if i == 0 or (out and out[-1].end == i):
            return True
        prev = text[i - 1]
        if not ("\u4e00" <= prev <= "\u9fff"):
            return True
        return text[i] not in _FUNCTION_CHARS

    # ---- resolution ------------------------------------------------------
    def chain_filter(self, candidates: tuple[str, ...] | list[str], chain: list[RegionMention]) -> list[str]:
        """Keep the candidates that lie within some candidate of every earlier link."""
        cands = list(candidates)
        for link in chain:
            kept = [c for c in cands if any(self.within(c, a) and c != a for a in link.candidates)]
            if kept:
                cands = kept
        return cands

    def resolve(self, candidates: tuple[str, ...] | list[str], mentions: list[RegionMention] = (),
                chain: list[RegionMention] = (), year: int | None = None,
                exclude: tuple[int, int] | None = None) -> Resolution:
        cands = _dedupe(self._collapse_renames(list(candidates), year))
        if not cands:
            return Resolution(None, "unresolved", [])
        if chain:
            narrowed = self.chain_filter(cands, list(chain))
            if len(narrowed) < len(cands):
                cands = narrowed
                if len(cands) == 1:
                    return Resolution(cands[0], "high", [])
        if len(cands) == 1:
            return Resolution(cands[0], "high", [])
        scores = {c: 0.0 for c in cands}
        anc = {c: set(self.ancestors(c)) for c in cands}
        for m in mentions:
            if exclude and m.start >= exclude[0] and m.end <= exclude[1]:
                continue
            if set(m.candidates) >= set(cands):
                continue
            w = 0.4 if m.kind == "bare" else 1.0
            for c in cands:
                if any(x in anc[c] for x in m.candidates):
                    scores[c] += w
                elif any(c in self.ancestors(x) for x in m.candidates if len(x) > len(c) or x[:6] != c):
                    scores[c] += 0.5 * w
        ranked = sorted(cands, key=lambda c: -scores[c])
        top, second = scores[ranked[0]], scores[ranked[1]]
        if top >= 1.0 and top >= second + 1.0:
            return Resolution(ranked[0], "medium", ranked)
        return Resolution(None, "ambiguous", ranked)

    def _collapse_renames(self, cands: list[str], year: int | None) -> list[str]:
        """A former name and its successor named in one surface are one place: keep the
        code of the report's time (the former code for years before the change)."""
        out = list(cands)
        for c in cands:
            r = self.by_code.get(c)
            if r and r.historical and r.new_code in out:
                if year is not None and r.changed_in and year >= r.changed_in:
                    out.remove(c)
                else:
                    out.remove(r.new_code)
        return out


def _dedupe(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _load(seeds: Path) -> Gazetteer:
    regions: list[Region] = []
    with open(seeds / "regions.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            regions.append(Region(row["code"], row["name"], row["level"], row["parent_code"],
                                  row["province_code"], row["city_code"],
                                  tuple(a for a in row["aliases"].split("|") if a)))
    current = {r.code: r for r in regions}
    renames = seeds / "region_renames.csv"
    if renames.exists():
        with open(renames, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                new = current.get(row["new_code"])
                if new is None:
                    continue
                parent = new.parent_code
                city = row["old_code"] if row["level"] == "city" else new.city_code
                regions.append(Region(row["old_code"], row["old_name"], row["level"], parent,
                                      new.province_code, city, (), True,
                                      int(row["changed_in"]) if row.get("changed_in") else None,
                                      row["new_code"], row.get("certain", "yes") == "yes"))
    # a district of a former city hangs from it (莱城区 under 莱芜市)
    hist = {r.name: r for r in regions if r.historical}
    fixed = []
    for r in regions:
        if r.historical and r.level != "city" and r.code[:4] + "00" != r.parent_code:
            old_city = next((h for h in hist.values() if h.level == "city" and h.code[:4] == r.code[:4]), None)
            if old_city is not None:
                r = Region(r.code, r.name, r.level, old_city.code, r.province_code, old_city.code,
                           r.aliases, True, r.changed_in, r.new_code, r.certain)
        fixed.append(r)
    return Gazetteer(fixed)


@lru_cache(maxsize=4)
def gazetteer(seeds: str | None = None) -> Gazetteer:
    """The index, built once per process."""
    return _load(Path(seeds) if seeds else SEEDS)


def find_regions(text: str, start: int = 0, end: int | None = None) -> list[RegionMention]:
    """Every mention of a region name in text[start:end], left to right, longest first."""
    return gazetteer().find(text, start, end)


def resolve(candidates, mentions=(), chain=(), year=None, exclude=None) -> Resolution:
    """Pick one of `candidates` (codes of one surface) using its chain and the other
    mentions of the text; 'ambiguous' with the candidates when nothing decides."""
    return gazetteer().resolve(candidates, mentions, chain, year, exclude)


def region(code: str | None) -> Region | None:
    return gazetteer().get(code)
