"""China's administrative divisions: find region names in a text and resolve them to
GB/T 2260 codes.

The seed (seeds/regions.csv, built by scripts/build_regions.py, plus the hand-kept
seeds/region_renames.csv of former names and seeds/region_aliases.csv of short names and
epithets) is loaded once per process and indexed by
name, by short form (阳江 for 阳江市, 东坝 for 东坝地区) and, for a scan, as one Hyperscan
database of every surface form (_NameScanner: one pass reports where each name lies; without
Hyperscan, by the first two characters of every surface form, one dict look-up per
character of text).

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
import gc
import io
import re
import threading
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import add
from pathlib import Path

from lawgov.text.prefilter import cached_database

try:
    import hyperscan
except ImportError:                    # pragma: no cover  (a platform without its wheels)
    hyperscan = None

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

LEVELS = ("province", "city", "district", "county", "township")
CENTRAL_CODE = "000000"

# suffixes that may follow a short form, by level, longest first
_SUFFIX = {
    "province": ("自治区", "省", "市"),
    "city": ("自治州", "地区", "市", "州", "盟"),
    "county": ("自治县", "自治旗", "县", "市", "旗"),
    "district": ("区", "县", "市"),
    "township": ("街道办事处", "街道", "办事处", "地区", "镇", "乡", "苏木"),
}
_ALL_SUFFIXES = tuple(sorted({s for v in _SUFFIX.values() for s in v}, key=len, reverse=True))
_BARE_LEVELS = ("province", "city")
# bare short forms inside ordinary words: (alias, the text that follows it)
# full names inside ordinary words: (name, or 旗 for every banner's, the text that follows it):
# 对准旗帜 (a flag), 建设平安县城 (a safe county seat, not the former 平安县)
_NAME_IDIOMS = {"旗": ("帜",), "平安县": ("城",)}
_BARE_IDIOMS = {"长治": ("久安",), "延安": ("精神",), "遵义": ("会议",), "大同": ("",),
                "来宾": ("",), "中山": ("装", "路", "大学", "公园"), "黄山": ("风景",),
                "吉林": ("大学",), "井冈山": ("精神",), "安康": ("",)}
# three or more short town names in a list, then what towns have (籍山、许镇、工山司法所)
TOWN_LIST = re.compile(r"(?<![\u4e00-\u9fff])((?:[\u4e00-\u9fff]{2,3}、){2,}[\u4e00-\u9fff]{2,3}?)"
                       r"(?:等)?(?:\d+个)?(?:镇|乡|街道|司法所|派出所|财政所|卫生院|中心校|便民服务中心)")
# the name of a development zone, a new area or a park that the divisions list holds
# (长春经济技术开发区, 滨海新区, 苏州工业园区): its 管理委员会 is its government
ZONE_NAME = re.compile(r"(?:开发区|新区|园区|示范区|试验区|实验区|管理区|度假区|合作区|保税区|高新区)$")
_STREET = ("路", "街", "大道", "大街", "巷", "胡同", "大桥", "桥")
# what follows a bare short form that names a person, a school, a landmark or a newspaper
# (中山先生, 吉林大学, 延安精神, 兰州日报): an institution or an idea, not the place acting
_INSTITUTION = ("先生", "大学", "学院", "中学", "小学", "医院", "公园", "广场", "宾馆", "饭店",
                "酒店", "机场", "火车站", "日报", "晚报", "商报", "纪念", "陵园", "精神")
_FUNCTION_CHARS = set("和及与各全本该每市省区县乡镇等或在对向")
# districts named by an ordinary word (老城区 the old town, 新城区 the new town): in that sense
# before what a town's quarter has (老城区改造, 新城区建设), unless right after their city
_WORD_NAMES = frozenset({"老城区", "新城区", "城中区", "城东区", "城西区", "城北区"})
_WORD_SENSE_AFTER = ("改造", "更新", "建设", "保护", "风貌", "片区", "居民", "街巷", "商圈", "拆迁", "棚户",
                     "开发", "规划", "征收", "老旧", "道路", "管网", "街区", "提升", "工程", "整治", "改建")
# characters after which a name may begin: prepositions, conjunctions, particles, time words
_CONJUNCTIONS = set("和及与并或同")
_BEFORE_NAME = set("在于对向与和及同跟给为是的了到至由从将把据经赴原共今年月日即系让使被就赴去来往")


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
    """The name index. Regions are kept as the seed's rows (code → [code, name, level,
    parent_code, province_code, city_code, aliases]) and turned into Region objects only
    when asked for (get, by_code), so loading does not build 45 000 objects."""

    def __init__(self, regions: list[Region] | None = None, *, rows: list[list[str]] | None = None,
                 extra: list[Region] = (), surfaces: list[tuple[str, str]] = ()):
        """Index `regions`, or the seed's raw `rows` (fields as in seeds/regions.csv)
        followed by the `extra` regions (former names); later rows of a code are dropped
        unless they are former names, which replace the current entry in its place.
        `surfaces` are (surface, code) pairs read as full names (seeds/region_aliases.csv:
        巴州, 济源示范区, 城市副中心)."""
        rec: dict[str, list] = {}          # code → row (name at 1, level at 2, parent at 3)
        objs: dict[str, Region] = {}       # materialised regions (former names always)
        if regions is not None:
            for r in regions:
                if r.code in rec and not r.historical:
                    continue
                rec[r.code] = [r.code, r.name, r.level, r.parent_code, r.province_code,
                               r.city_code, r.aliases]
                objs[r.code] = r
        for row in rows or ():
            if row[0] not in rec:
                rec[row[0]] = row
        for r in extra:
            if r.code in rec and not r.historical:
                continue
            rec[r.code] = [r.code, r.name, r.level, r.parent_code, r.province_code, r.city_code,
                           r.aliases]
            objs[r.code] = r
        self._rec = rec
        self._objs = objs
        self.by_code = _RegionMap(self)
        full: dict[str, list[str]] = {}
        alias: dict[str, list[str]] = {}
        town_ends = ("街道", "镇", "乡", "地区", "苏木")
        skip = ("城区", "郊区", "矿区")
        for code, row in rec.items():
            name = row[1]
            # a district named 市X区 written after its city with one 市 (乐山市中区, 青岛市南区): read
            # whole, not as the city with 中区 left over
            city = rec.get(row[3]) if row[2] == "district" and name.startswith("市") else None
            if city is not None and city[1].endswith("市"):
                full.setdefault(city[1] + name[1:], []).append(code)
            if row[2] == "township" and (len(name) < 3 or not name.endswith(town_ends)):
                continue
            if name in skip:
                continue
            lst = full.get(name)
            if lst is None:
                full[name] = [code]
            else:
                lst.append(code)
            aliases = row[6]
            if aliases:
                for a in (aliases.split("|") if isinstance(aliases, str) else aliases):
                    if a:
                        lst = alias.get(a)
                        if lst is None:
                            alias[a] = [code]
                        else:
                            lst.append(code)
        for surface, code in surfaces:
            if code in rec and code not in full.setdefault(surface, []):
                full[surface].append(code)
        for surface, code in _zone_surfaces(rec):
            if surface not in full:        # (never over another place's name: 滨海新区 stays Tianjin's)
                full[surface] = [code]
        self.full = full
        self.alias = alias
        names = list(full) + list(alias)
        self.first2 = _lengths_by_prefix(names, 2)
        # the same by the first three characters, for names of three or more
        self._first3 = _lengths_by_prefix([n for n in names if len(n) > 2], 3)
        self._two = {n for n in names if len(n) == 2}
        self.longest = max(map(len, names), default=0)      # the longest name's length
        self._names: _NameScanner | bool | None = None     # built on the first find()
        self._alias_forms: dict[str, tuple] = {}            # short form → _short_forms()
        self.renamed_to = {r.new_code: r.code for r in objs.values() if r.historical}
        self._new_code = {r.code: r.new_code for r in objs.values() if r.new_code}

    def _region(self, code: str) -> Region | None:
        r = self._objs.get(code)
        if r is None:
            row = self._rec.get(code)
            if row is None:
                return None
            aliases = row[6]
            if isinstance(aliases, str):
                aliases = tuple(a for a in aliases.split("|") if a)
            r = Region(row[0], row[1], row[2], row[3], row[4], row[5], aliases)
            self._objs[code] = r
        return r

    # ---- hierarchy -------------------------------------------------------
    def get(self, code: str | None) -> Region | None:
        return self._region(code) if code else None

    def ancestors(self, code: str) -> list[str]:
        out = []
        rec = self._rec
        r = rec.get(code)
        seen = 0
        while r is not None and r[3] and seen < 5:
            out.append(r[3])
            r = rec.get(r[3])
            seen += 1
        return out

    def within(self, code: str, ancestor: str) -> bool:
        return code == ancestor or ancestor in self.ancestors(code)

    def related(self, a: str, b: str) -> bool:
        """True when one of a, b lies within the other, or they are the same place
        under a former and a current code."""
        if a == b or self.within(a, b) or self.within(b, a):
            return True
        nc = self._new_code
        return nc.get(a) == b or nc.get(b) == a

    # ---- scanning --------------------------------------------------------
    def find(self, text: str, start: int = 0, end: int | None = None) -> list[RegionMention]:
        end = len(text) if end is None else end
        out: list[RegionMention] = []
        full, alias = self.full, self.alias
        alias_forms = self._alias_forms
        names = self._names
        if names is None:
            names = self._names = _NameScanner.for_names(full, alias)
        # each position where a name starts, with the lengths of the names there, longest
        # first (a position inside an earlier match is skipped)
        starts = names.starts(text, start, end) if names else self._starts(text, start, end)
        nxt = start
        for i, lens in starts:
            if i < nxt:
                continue
            best: tuple[int, tuple[str, ...], str] | None = None
            for L in lens:
                if i + L > end:
                    continue
                s = text[i:i + L]
                if best is not None and L + 3 < best[0] - i:
                    break
                codes = full.get(s)
                if codes and self._name_in_a_word(s, text, i + L):
                    codes = None
                if codes and (best is None or i + L > best[0]):
                    if L > 2 or self._two_char_ok(text, i, out):
                        best = (i + L, tuple(codes), "full")
                acodes = alias.get(s)
                if acodes:
                    j = i + L
                    forms = alias_forms.get(s)
                    if forms is None:
                        forms = alias_forms[s] = self._short_forms(s, acodes)
                    suffixed, bare = forms
                    for suf, ok in suffixed:
                        if text.startswith(suf, j) and not self._name_in_a_word(s + suf, text, j + len(suf)):
                            if best is not None and j + len(suf) == best[0]:
                                # 东坝乡: the full names 东坝乡 and the short form of 东坝地区; 崇明县:
                                # the former county and the district it became (not 大同县 and 大庆's
                                # 大同区); but a county's current name (象山县) is no district's short
                                # form (象山区)
                                if best[2] != "full" or all(self._rec[c][2] == "township" for c in best[1]):
                                    best = (best[0], best[1] + tuple(c for c in ok if c not in best[1]),
                                            best[2])
                                elif not self._current_place(best[1]):
                                    became = {self._new_code.get(c) for c in best[1]}
                                    best = (best[0], best[1] + tuple(c for c in ok if c in became and c not in best[1]),
                                            best[2])
                            elif best is None or j + len(suf) > best[0]:
                                best = (j + len(suf), ok, "suffix")
                            break
                    if not bare and out and out[-1].end == i:
                        # 南通崇川: a county's or district's short form right after its city's
                        bare = tuple(c for c in acodes if _parent_code(self, c) in out[-1].candidates)
                    if bare and (best is None or j > best[0]) and not self._idiom(s, text, j):
                        best = (j, bare, "bare")
            if best is None or best[2] != "full" and self._after_conjunction(text, i, out):
                continue
            if (text[i] == "共" and i > 0 and text[i - 1] == "中") \
                    or (text[i:best[0]] in _WORD_NAMES and text.startswith(_WORD_SENSE_AFTER, best[0])
                        and not (out and out[-1].end == i)):
                continue      # 中共和县县委: the party's 中共, then 和县; 老城区改造: the old town, no district
            j, codes, kind = best
            out.append(RegionMention(i, j, text[i:j], codes, kind))
            nxt = j
        return out

    def _current_place(self, codes: tuple[str, ...]) -> bool:
        """The codes a full name gave include a current place: the name is that place's own,
        not another's short form with a former suffix."""
        return any(not ((r := self._objs.get(c)) is not None and r.historical) for c in codes)

    def _short_forms(self, s: str, acodes: list[str]) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]:
        """What a short form `s` (of the regions `acodes`) may be read as, for find(): the
        suffixes that may follow it (longest first), each with the regions it then names (a
        suffix that names none is left out: it decides nothing), and the regions its bare
        form names."""
        rec = self._rec
        suffixed = []
        for suf in _ALL_SUFFIXES:
            # (市 only after the short form of a place whose name is a 市: 恩施市 is the
            # county-level city, never 恩施州, nor 阿克苏市 the 阿克苏地区)
            ok = tuple(c for c in acodes if suf in _SUFFIX[rec[c][2]]
                       and (suf != "市" or rec[c][1].endswith("市"))
                       and (suf != "地区" or rec[c][2] != "township"
                            or rec[c][1].endswith("地区"))
                       # (a township's own word: 望京街道 is never 望京镇, nor 横店镇 横店街道, nor
                       # 宝力根苏木 宝力根街道; an area's office, 东坝地区, is also called 东坝乡)
                       and (rec[c][2] != "township" or not suf.startswith(("街道", "镇", "苏木"))
                            or rec[c][1].endswith("街道" if suf.startswith("街道") else suf)))
            if ok:
                suffixed.append((suf, ok))
        bare = tuple(c for c in acodes if rec[c][2] in _BARE_LEVELS
                     or (len(s) >= 3 and rec[c][2] in ("county", "district")))
        return tuple(suffixed), bare

    def _starts(self, text: str, start: int, end: int):
        """find()'s positions without Hyperscan: each position whose two characters start
        some name (found without a Python-level step per character), with the lengths of
        the names that share its first three characters (and 2 when the two characters are
        a name), longest first. Lengths that name nothing there find nothing in find()."""
        first2, first3, two = self.first2, self._first3, self._two
        seg = text[start:end]
        for i in compress(range(start, end - 1), map(first2.get, map(add, seg, seg[1:]))):
            lens = first3.get(text[i:i + 3], ())
            if text[i:i + 2] in two:
                lens += (2,)
            yield i, lens

    @staticmethod
    def _name_in_a_word(name: str, text: str, j: int) -> bool:
        """A place's name, full or a short form with its suffix, that ends at `j` inside an
        ordinary word (对准旗帜, 建设平安县城): no place."""
        follow = _NAME_IDIOMS.get("旗" if name.endswith("旗") else name, ())
        return any(text.startswith(f, j) for f in follow)

    @staticmethod
    def _idiom(alias: str, text: str, j: int) -> bool:
        """A bare short form that is part of an ordinary word, a street's or an institution's
        name (延安路, 中山大道, 中山先生, 吉林大学), not a place."""
        if text.startswith(_STREET, j) or text.startswith(_INSTITUTION, j):
            return True
        follow = _BARE_IDIOMS.get(alias)
        if follow is None:
            return False
        if follow == ("",):
            return True
        return any(text.startswith(f, j) for f in follow)

    @staticmethod
    def _after_conjunction(text: str, i: int, out: list[RegionMention]) -> bool:
        """A short form that starts with a conjunction inside a phrase (各部门和田地: 和田,
        各部门和政府: 和政) is the conjunction and the next word, not a place; a full name
        (和田地区) or one right after another place (喀什地区和田地区) still counts."""
        if text[i] not in _CONJUNCTIONS or i == 0 or (out and out[-1].end == i):
            return False
        prev = text[i - 1]
        return "\u4e00" <= prev <= "\u9fff" and prev not in _BEFORE_NAME

    @staticmethod
    def _two_char_ok(text: str, i: int, out: list[RegionMention]) -> bool:
        """A two-character name (范县, 理县, 和县) counts at the start of a line, after a
        non-Chinese character, right after another region, or after a character that
        ends a word before a name (在, 年, 的, 对 …); after any other character it is the
        tail of an ordinary word (示范县, 办理县, 市和县两级)."""
        if i == 0 or (out and out[-1].end == i) or text[i - 2:i] == "中共":
            return True
        prev = text[i - 1]
        if not ("\u4e00" <= prev <= "\u9fff"):
            return True
        return prev in _BEFORE_NAME and text[i] not in _FUNCTION_CHARS


    def county_of_towns(self, text: str, start: int = 0, end: int | None = None) -> str | None:
        """The county or district that holds every town of a list the text names by short
        names (籍山、许镇、工山司法所: all towns of 南陵县), when exactly one does; a report
        names its own towns without their county."""
        end = len(text) if end is None else end
        alias, rec = self.alias, self._rec
        for m in TOWN_LIST.finditer(text, start, end):
            items = m.group(1).split("、")
            parents = None
            for item in items:
                codes = [c for c in (*alias.get(item, ()), *self.full.get(item, ()))
                         if rec[c][2] == "township"]
                found = {rec[c][3] for c in codes}
                parents = found if parents is None else parents & found
                if not parents:
                    break
            if parents and len(parents) == 1:
                code = parents.pop()
                if code in rec and rec[code][2] in ("county", "district"):
                    return code
        return None

    def parent_of(self, places: list[tuple[str, ...]]) -> tuple[str | None, list[str]]:
        """The one region that holds every place of a list (each place given by its
        candidate codes, all of one tier: towns, or counties and districts), and the
        regions that hold some: a report that opens on several towns (A镇、B镇、C乡…)
        speaks for the county above them, one on several counties for their city."""
        rec = self._rec
        common = None
        seen: list[str] = []
        for cands in places:
            parents = {rec[c][3] for c in cands if c in rec and rec[c][3]}
            if not parents:
                return None, []
            seen += [p for p in sorted(parents) if p not in seen]
            common = parents if common is None else common & parents
        if common and len(common) == 1:
            code = next(iter(common))
            if code in rec:
                return code, []
        return None, seen

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

    hints: list[tuple[str, str]] = []

    def hinted(self, candidates, text: str) -> str | None:
        """The one of `candidates` a hint word in `text` names (seeds/region_aliases.csv,
        kind 'hint': 副中心 for 通州区 of 北京), when the hints name exactly one."""
        named = {code for word, code in self.hints if code in candidates and word in text}
        return named.pop() if len(named) == 1 else None

    def _collapse_renames(self, cands: list[str], year: int | None) -> list[str]:
        """A former name and its successor named in one surface are one place: keep the
        code of the report's time (the former code for years before the change)."""
        out = list(cands)
        for c in cands:
            r = self._objs.get(c)
            if r and r.historical and r.new_code in out:
                if year is not None and r.changed_in and year >= r.changed_in:
                    out.remove(c)
                else:
                    out.remove(r.new_code)
        return out


class _NameScanner:
    """Every name of the gazetteer (full names and short forms) in one Hyperscan database:
    one pass over a stretch of text reports each place a name occurs, so find() looks only
    at positions where some name is, and at the lengths of the names found there.

    The text is scanned as UTF-32 (four bytes a character, so a match's byte offset is four
    times its character offset), each name written as the escaped bytes of its UTF-32 form;
    a pattern's id is the name's index (ids shared by many patterns make Hyperscan merge
    them into one automaton: minutes and gigabytes to compile). Compiling the ~60,000 names
    takes a few seconds, so the database is kept in the cache folder as
    lawgov.text.prefilter keeps its own; loading it takes a few tens of milliseconds. Without Hyperscan (it ships wheels for x86-64 Linux only) find()
    scans by the names' first two characters instead: the same mentions."""

    __slots__ = ("db", "lengths", "_scratch")

    def __init__(self, db, lengths):
        self.db = db
        self.lengths = lengths           # by pattern id: the name's length
        self._scratch = threading.local()

    @classmethod
    def for_names(cls, full: Mapping, alias: Mapping) -> _NameScanner | bool:
        if hyperscan is None:
            return False
        names = [n for n in full if len(n) >= 2] + [n for n in alias if len(n) >= 2 and n not in full]
        if not names:
            return False
        try:
            return cls(_cached_database(names), array("b", map(len, names)))
        except hyperscan.error:            # pragma: no cover  (find() scans without it)
            return False

    def starts(self, text: str, start: int, end: int):
        """(position, lengths of the names that start there, longest first), left to right,
        for the names that lie whole inside text[start:end]."""
        seg = text[start:end]
        if len(seg) < 2:
            return ()
        scratch = getattr(self._scratch, "s", None)
        if scratch is None:
            scratch = self._scratch.s = hyperscan.Scratch(self.db)
        found: list[tuple[int, int]] = []
        self.db.scan(seg.encode("utf-32-le", "surrogatepass"), match_event_handler=_found,
                     context=found, scratch=scratch)
        if not found:
            return ()
        lengths = self.lengths
        # (start, -length): sorted, the positions come left to right, longest name first
        found = sorted([((to >> 2) - lengths[k], -lengths[k]) for k, to in found if not to & 3])
        out = []
        last = -1
        for i, negl in found:
            if i != last:
                lens = [-negl]
                out.append((start + i, lens))
                last = i
            else:
                lens.append(-negl)
        return out


def _zone_surfaces(rec: dict[str, list]):
    """A zone's committee listed as a township (诸城经济开发区管理委员会): the zone's own name
    (诸城经济开发区) and its committee's short name (…管委会) name it too, when the zone's name
    opens on a place's (not 经济开发区 alone); a zone listed by its own name (昆山开发区) is
    named by its committee's too."""
    for code, row in rec.items():
        name = row[1]
        if row[2] == "township" and ZONE_NAME.search(name) and len(name) >= 4 \
                and not name.startswith(_GENERIC_ZONE_OPENINGS):
            yield name + "管委会", code       # 昆山开发区, listed without its committee: its committee
            yield name + "管理委员会", code   # names it too
            continue
        if row[2] != "township" or not name.endswith("管理委员会"):
            continue
        zone = name[:-len("管理委员会")]
        if len(zone) >= 5 and ZONE_NAME.search(zone) and not zone.startswith(_GENERIC_ZONE_OPENINGS):
            yield zone, code
            yield zone + "管委会", code
            yield name, code


# how a zone's name opens when it names no place (经济开发区, 高新技术产业开发区)
_GENERIC_ZONE_OPENINGS = ("经济", "高新", "开发", "工业", "产业", "农业", "旅游", "市政府", "县政府")


def _parent_code(g: "Gazetteer", code: str) -> str | None:
    """The parent code of a region (its city for a county or district)."""
    r = g.get(code)
    return r.parent_code if r is not None else None


def _found(k, _from, to, _flags, found):
    found.append((k, to))


def _cached_database(names: list[str]):
    """The compiled database of `names` (pattern i is names[i]), each name as the escaped
    bytes of its UTF-32 form (\\x2d\\x4e\\x00\\x00 for 中), cached like the prefilter's."""
    exprs = [("\\x" + n.encode("utf-32-le", "surrogatepass").hex("x").replace("x", "\\x")).encode()
             for n in names]
    return cached_database("regions", exprs, 0)


def _dedupe(xs: list[str]) -> list[str]:
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


class _RegionMap(Mapping):
    """Gazetteer.by_code: code → Region, built on first access."""

    def __init__(self, g: Gazetteer):
        self._g = g

    def __getitem__(self, code: str) -> Region:
        r = self._g._region(code)
        if r is None:
            raise KeyError(code)
        return r

    def __contains__(self, code) -> bool:
        return code in self._g._rec

    def __iter__(self):
        return iter(self._g._rec)

    def __len__(self) -> int:
        return len(self._g._rec)


_COLUMNS = ("code", "name", "level", "parent_code", "province_code", "city_code", "aliases")


def _read_rows(path: Path) -> list[list[str]]:
    """The rows of seeds/regions.csv as lists of the seven columns, in file order. The seed
    is plain CSV without quoting, so a split by comma reads it; a quoted file goes through
    the csv module."""
    with open(path, encoding="utf-8", newline="") as fh:
        content = fh.read()
    if '"' in content or "\r" in content:
        reader = csv.reader(io.StringIO(content))
        lines = [r for r in reader if r]
        header, body = lines[0], lines[1:]
    else:
        lines = content.split("\n")
        header = lines[0].split(",")
        body = [ln.split(",") for ln in lines[1:] if ln]
    if tuple(header[:7]) == _COLUMNS and set(map(len, body)) <= {7}:
        return body
    idx = [header.index(c) for c in _COLUMNS]
    return [[r[i] if i < len(r) else "" for i in idx] for r in body if any(r)]


def _lengths_by_prefix(names: list[str], n: int) -> dict[str, tuple[int, ...]]:
    """For each n-character prefix, the lengths of the names that start with it, longest
    first: find() tries only these at a position."""
    lens: dict[str, set[int]] = {}
    for name in names:
        lens.setdefault(name[:n], set()).add(len(name))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lens.items()}


def _load(seeds: Path) -> Gazetteer:
    rows = _read_rows(seeds / "regions.csv")
    current = {row[0]: row for row in rows}
    extra: list[Region] = []
    renames = seeds / "region_renames.csv"
    if renames.exists():
        with open(renames, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                new = current.get(row["new_code"])
                if new is None:
                    continue
                parent = new[3]
                city = row["old_code"] if row["level"] == "city" else new[5]
                extra.append(Region(row["old_code"], row["old_name"], row["level"], parent,
                                    new[4], city, (), True,
                                    int(row["changed_in"]) if row.get("changed_in") else None,
                                    row["new_code"], row.get("certain", "yes") == "yes"))
    # a district of a former city hangs from it (莱城区 under 莱芜市)
    hist = {r.name: r for r in extra}
    fixed = []
    for r in extra:
        if r.level != "city" and r.code[:4] + "00" != r.parent_code:
            old_city = next((h for h in hist.values() if h.level == "city" and h.code[:4] == r.code[:4]), None)
            if old_city is not None:
                r = Region(r.code, r.name, r.level, old_city.code, r.province_code, old_city.code,
                           r.aliases, True, r.changed_in, r.new_code, r.certain)
        fixed.append(r)
    surfaces: list[tuple[str, str]] = []
    hints: list[tuple[str, str]] = []
    aliases = seeds / "region_aliases.csv"
    if aliases.exists():
        with open(aliases, encoding="utf-8", newline="") as fh:
            table = [row for row in csv.DictReader(fh) if row.get("alias")]
        surfaces = [(row["alias"], row["code"]) for row in table if row.get("kind") != "hint"]
        hints = [(row["alias"], row["code"]) for row in table if row.get("kind") == "hint"]
    g = Gazetteer(rows=rows, extra=fixed, surfaces=surfaces)
    g.hints = hints
    return g


@lru_cache(maxsize=4)
def gazetteer(seeds: str | None = None) -> Gazetteer:
    """The index, built once per process (call it before forking workers: they share it)."""
    # the load allocates ~150 000 containers that all live on; the cyclic collector
    # would walk them again and again while they are being made
    enabled = gc.isenabled()
    gc.disable()
    try:
        g = _load(Path(seeds) if seeds else SEEDS)
        g._names = _NameScanner.for_names(g.full, g.alias)     # before the workers fork too
        return g
    finally:
        if enabled:
            gc.enable()


def find_regions(text: str, start: int = 0, end: int | None = None) -> list[RegionMention]:
    """Every mention of a region name in text[start:end], left to right, longest first."""
    return gazetteer().find(text, start, end)


def resolve(candidates, mentions=(), chain=(), year=None, exclude=None) -> Resolution:
    """Pick one of `candidates` (codes of one surface) using its chain and the other
    mentions of the text; 'ambiguous' with the candidates when nothing decides."""
    return gazetteer().resolve(candidates, mentions, chain, year, exclude)


def region(code: str | None) -> Region | None:
    return gazetteer().get(code)
