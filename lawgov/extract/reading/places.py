"""Provinces and prefecture-level cities as readers write them short (深圳, 武汉, 内蒙古), and
the counties whose whole name is two characters (眉县).

A news item compares its city with others by their short names (据公开数据,深圳2023年行政机关
败诉率为7.8%): without 市 after it, the name escapes the place-subject rule, which needs a
suffix to tell a place from a word. These names come from the seed gazetteer
(seeds/regions.csv: the aliases of the provinces and cities), so the list grows with it.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

REGIONS_CSV = Path(__file__).resolve().parents[3] / "seeds" / "regions.csv"
LEVELS = ("province", "city")
# what follows the name before the act that makes it the clause's subject
_AFTER_NAME = (r"(?:市|省)?(?:两级法院|各级行政机关|行政机关)?(?:(?:19|20)\d{2}\s*年度?|去年|今年|上年|全年|共)?"
               r"[^，,;；。\d]{0,8}?(?:受理|收到|新收|办理|审结|办结|纠错|开庭|出庭|败诉|被诉|作为被|为被)")


@lru_cache(maxsize=1)
def _gazetteer_rows() -> tuple[dict, ...]:
    """The seed gazetteer's rows, read once a process (empty when the seed is missing)."""
    if not REGIONS_CSV.exists():
        return ()
    with open(REGIONS_CSV, encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=1)
def short_place_subject() -> re.Pattern | None:
    """A short province or city name opening a clause as the subject of an act (深圳2023年行政
    机关败诉率…, 武汉受理…); None when the seed is missing."""
    names = set()
    for row in _gazetteer_rows():
        if row.get("level") in LEVELS:
            names.update(a for a in (row.get("aliases") or "").replace(";", "|").split("|") if len(a) >= 2)
        elif row.get("level") == "county" and len(row["name"]) == 2 and row["name"].endswith("县"):
            names.add(row["name"])         # (眉县, 沛县: too short for the place-subject rule's name)
    if not names:
        return None
    # longest first; names of one length in a fixed order (none can match where another of its
    # length does), so the pattern is the same in every process and its compiled pre-filter
    # database is found in the cache (text/prefilter.py)
    alternation = "|".join(map(re.escape, sorted(names, key=lambda a: (-len(a), a))))
    return re.compile(r"\s*(?:其中|另外|此外|而|同期)?[,，]?\s*(?P<name>" + alternation + ")" + _AFTER_NAME)


@lru_cache(maxsize=1)
def numeral_places() -> re.Pattern | None:
    """The full names of places that open with a Chinese numeral and a measure word (三台县, 五台县,
    七台河市, 六合区, 一心乡): a numeral there is part of a name, no quantity. None when the seed
    is missing."""
    names = {row["name"] for row in _gazetteer_rows()
             if row["name"][:1] in "一二三四五六七八九十两百千万" and len(row["name"]) >= 3}
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(names, key=lambda a: (-len(a), a)))))


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """The full names of the provinces, cities, counties and districts of the seed gazetteer:
    a name ending like a generic word (海城市, 东城区, 下花园区) that is a real place."""
    return frozenset(row["name"] for row in _gazetteer_rows()
                     if row.get("level") in ("province", "city", "county", "district"))


@lru_cache(maxsize=None)
def _by_name(column: str) -> dict[str, frozenset[str]]:
    """For each full name, the values of one column over the places so named."""
    out: dict[str, set[str]] = {}
    for row in _gazetteer_rows():
        out.setdefault(row["name"], set()).add(row.get(column) or "")
    return {k: frozenset(v) for k, v in out.items()}


AUTONOMOUS_REGIONS = frozenset({"150000", "450000", "540000", "640000", "650000"})


def in_autonomous_region(name: str) -> bool:
    """Every place the gazetteer holds by this full name lies in an autonomous region (内蒙古,
    广西, 西藏, 宁夏, 新疆): there 全区 is the region's whole, not a district's."""
    provinces = _by_name("province_code").get(name)
    return bool(provinces) and provinces <= AUTONOMOUS_REGIONS


def places_named(name: str) -> int:
    """How many places of the seed gazetteer bear this full name (朝阳区: several)."""
    return len(_by_name("code").get(name, ()))


def levels_named(name: str) -> frozenset[str]:
    """The levels of the places the gazetteer holds by this full name (弥勒市: county, a
    county-level city; 吉林市: city); empty when it holds none."""
    return _by_name("level").get(name, frozenset())
