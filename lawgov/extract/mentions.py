"""The scanner: every quantity in a (normalised) report text.

`scan(text)` finds each numeral (`numbers.NUMERAL`), drops those inside a trap (dates,
years, document numbers, plan names, ordinals, phone numbers, site ids, quoted names —
see rules/traps.yaml), and reads around the numeral:

- a qualifier before it (约, 近, 超过, 逾, 不足 …) or between it and its measure word
  (余, 多), or after the measure word (以上, 左右, 以下) — rules/qualifiers.csv;
- the measure word (件 起 宗 → 件; 人 名 位 → 人; 个 家 → 个; 次 场 场次 期 → 次;
  份 份次 → 份; 万元 → 元 × 10000; % …) — rules/units.csv, normalised with the raw kept;
- a multiplier left between the qualifier and the unit (800余万元 → 8000000 元).

A Chinese numeral counts only with a measure word or as a percentage (百分之九十五点一):
一 in 一是, 统一, 一站式 is not a quantity. An Arabic number with no measure word is kept
(行政应诉案件115): the classifier decides whether the clause makes it a count.

Everything is compiled once, at import.
"""

from __future__ import annotations

import bisect
import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

try:                                   # Python ≥ 3.11
    from re import _compiler as _sre_compiler
    from re import _constants as _sre
    from re import _parser as _sre_parser
except ImportError:                    # pragma: no cover  (3.10)
    import sre_compile as _sre_compiler
    import sre_constants as _sre
    import sre_parse as _sre_parser

from lawgov.errors import NumberError
from lawgov.extract.numbers import NUMERAL, bare_numeral, parse_number
from lawgov.extract.plain_digits import plain_digits
from lawgov.extract.widths import ahead_width, space_bound, space_width
from lawgov.text.prefilter import EndFilter, matches_from

RULES = Path(__file__).resolve().parent / "rules"

# a numeral with more digits than this that cannot be read is kept as an unread mention
MAX_DIGITS = 15

# the numeral characters a trap pattern's \dN class stands for
_CN_NUM = "零〇○一二两三四五六七八九十百千万"


@dataclass
class Quantity:
    start: int            # the numeral, in the normalised text
    end: int
    head: int             # start of the prefix qualifier (= start when there is none)
    tail: int             # end of numeral + qualifier + unit + after-unit qualifier
    text: str             # the numeral as written (normalised)
    value: float
    unit: str | None      # normalised
    unit_raw: str | None  # as written (件, 起, 万元, 场次 …)
    unit_kind: str | None  # count | percent | money | change | duration
    qualifier: str        # exact | at_least | approx | at_most
    chinese: bool         # a Chinese numeral


# --------------------------------------------------------------------------- rules

def _load_units() -> dict[str, tuple[str, float, str]]:
    out = {}
    with open(RULES / "units.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["raw"]] = (row["unit"], float(row["factor"]), row["kind"])
    return out


def _load_qualifiers() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"prefix": {}, "suffix": {}, "after_unit": {}, "bare_prefix": {}}
    with open(RULES / "qualifiers.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[row["position"]][row["word"]] = row["qualifier"]
    return out


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _load_traps() -> list[tuple[str, re.Pattern, bool]]:
    """(kind, regex, whole_text): a pattern that begins with a plain character is run over
    the whole text (the engine jumps from one occurrence of that character to the next);
    the others only over windows around the numerals, which is all a trap must touch."""
    data = yaml.safe_load((RULES / "traps.yaml").read_text(encoding="utf-8"))
    out = []
    for kind, patterns in data["traps"].items():
        for p in patterns:
            whole = p[0] not in "[\\(.^"
            p = p.replace(r"[\dN]", r"[\d" + _CN_NUM + "]")
            out.append((kind, re.compile(p, re.M), whole))
    return out


UNITS = _load_units()
QUALIFIERS = _load_qualifiers()
TRAPS = _load_traps()
_WINDOWED_TRAPS = [(id(rx), (kind, rx)) for kind, rx, whole in TRAPS if not whole]   # (Windows.live)

_TAIL = re.compile(
    r"\s*(?P<suf>" + _alt(QUALIFIERS["suffix"]) + r")?"
    r"(?P<mult>万|亿)?"
    r"\s*(?P<unit>" + _alt(UNITS) + r")?"
    r"(?P<after>" + _alt(QUALIFIERS["after_unit"]) + r")?"
)
_PREFIX = re.compile(r"(?:" + _alt(QUALIFIERS["prefix"]) + r")\s*$")
_NOT_APPROX_YUE = set("签合制节公条契预大")  # 签约, 合约 … are not 约
_CN_CHARS = set(_CN_NUM + "点")


class Windows:
    """Some spans of a text, joined into one string so that a regex runs over them in one
    pass; matches come back in the coordinates of the text. A window that does not begin a
    line is preceded by a \x01 so that ^ only matches at real line starts."""

    def __init__(self, text: str, spans: list[tuple[int, int]], patterns: str = "reading"):
        parts: list[str] = []
        starts: list[int] = []
        shifts: list[int] = []
        pos = 0
        cur_a = cur_b = -1

        def add(a: int, b: int, pos: int) -> int:
            lead = "" if a == 0 or text[a - 1] == "\n" else "\x01"
            pos += len(lead)
            starts.append(pos)
            shifts.append(a - pos)
            parts.append(lead)
            parts.append(text[a:b])
            parts.append("\n")
            return pos + b - a + 1

        for a, b in sorted(spans):                 # overlapping spans joined into one window
            if a <= cur_b:
                if b > cur_b:
                    cur_b = b
                continue
            if cur_b >= 0:
                pos = add(cur_a, cur_b, pos)
            cur_a, cur_b = a, b
        if cur_b >= 0:
            add(cur_a, cur_b, pos)
        self.starts, self.shifts = starts, shifts
        self.s = "".join(parts)
        self._patterns = patterns         # which patterns it is searched with: see window_prefilter
        self._ends = None

    def live(self, pairs) -> list:
        """The items of `pairs` ((id() of a pattern, item), in order) whose pattern may match in
        the windows: the loops over many patterns call finditer only for those (most of some
        two hundred cues have no possible end in a report's windows)."""
        ends = self._ends
        if ends is None:
            ends = self._ends = window_prefilter(self._patterns).ends(self.s)
        get = ends.get
        return [item for key, item in pairs if get(key, True)]

    def finditer(self, rx: re.Pattern):
        """(start, end, match) of every match, in text coordinates: the matches of
        rx.finditer over the joined windows. One Hyperscan scan of the windows
        (`window_prefilter`) tells, for all the patterns at once, where each may end; a
        pattern with no end there is not run, and the others are searched only from where
        their next match may begin (its next possible end less the pattern's longest match),
        never past their last possible end."""
        ends = self._ends
        if ends is None:
            ends = self._ends = window_prefilter(self._patterns).ends(self.s)
        starts, shifts = self.starts, self.shifts
        hs = ends.get(id(rx))
        if hs is None:                   # not pre-filtered: every match, as finditer finds them
            first = _first_chars(rx)
            found = rx.finditer(self.s) if first is None else matches_from(rx, first, self.s)
        elif not hs:
            return
        else:
            found = search_near(rx, self.s, hs)
        for m in found:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0:
                continue
            d = shifts[i]
            yield m.start() + d, m.end() + d, m


def search_near(rx: re.Pattern, s: str, ends: list[int]):
    """rx.finditer(s), given `ends` (sorted): every offset where a match of rx may end (a
    superset of where its matches end; no match of rx is empty). A match at or after `pos`
    ends at one of `ends` past `pos`, so it begins no earlier than that end less the longest
    match of rx: the search starts there. (A search from a later position sees the same text
    around it: look-behinds and ^ read the whole string, whatever the position.) It stops
    past the run of ends close enough for one match to reach from one to the next, by as far
    as rx's look-aheads read (`widths`): a match that ends in the run reads no further, and
    one found that ends past it is searched again unstopped; with none in the run, the next
    run's search begins where the last stopped, or later. A pattern the regex engine would
    try at every character is tried only where its first character is (`_first_chars`)."""
    if not ends:
        return
    _rx, rx, width, spaced, ahead, first = _plan(rx)
    if (width is None and spaced is not None and spaced[1]) or (ahead is not None and ahead[1]):
        spaces = _spaces(s)
        if width is None and spaced is not None:
            width = spaced[0] + spaced[1] * spaces
        ahead = (ahead[0] + ahead[1] * spaces, 0) if ahead is not None else None
    elif width is None and spaced is not None:
        width = spaced[0]
    n = len(ends)
    runs = width is not None and ahead is not None
    reach = ahead[0] + 2 if ahead is not None else 0
    pos = 0
    k = 0
    j = -1 if runs else n - 1
    while True:
        k = bisect.bisect_right(ends, pos, k)
        if k == n:
            return
        lo = ends[k] - width if width is not None else pos
        if lo < pos:
            lo = pos
        if k > j:                    # (a run is found once: from any of its ends it is the same)
            j = k
            while j + 1 < n and ends[j + 1] - width < ends[j] + reach:
                j += 1
        last = ends[j]
        if first is None:
            m = rx.search(s, lo, last + reach) if ahead is not None else rx.search(s, lo)
            if m is not None and m.end() > last:
                m = rx.search(s, lo)
        else:
            m = None
            c = first.search(s, lo, last)
            while c is not None:
                i = c.start()
                m = rx.match(s, i)
                if m is not None:
                    break
                c = first.search(s, i + 1, last)
        if m is None:
            if j == n - 1:
                return
            pos = max(pos, last)     # (no match begins before the next run's earliest start)
            k = j
            continue
        yield m
        pos = m.end()


_WIDTH: dict[int, tuple[re.Pattern, int | None]] = {}


def _max_width(rx: re.Pattern) -> int | None:
    """The longest match rx can have, or None when it is unbounded (or cannot be told)."""
    got = _WIDTH.get(id(rx))
    if got is None or got[0] is not rx:
        try:
            hi = _sre_parser.parse(rx.pattern, rx.flags).getwidth()[1]
        except Exception:                # noqa: BLE001  (another Python's parser)
            hi = None
        got = _WIDTH[id(rx)] = (rx, hi if hi is not None and hi < 10_000 else None)
    return got[1]


_PLANS: dict[int, tuple] = {}
_SPACES: dict[int, tuple[str, int]] = {}


def _plan(rx: re.Pattern) -> tuple:
    """What search_near reads of rx, once per pattern: (rx, the pattern it searches with
    (`plain_digits`), its longest match, its width and look-ahead reach with whitespace
    repeats counted apart (`widths`), its first characters)."""
    got = _PLANS.get(id(rx))
    if got is None or got[0] is not rx:
        plain = plain_digits(rx)
        got = _PLANS[id(rx)] = (rx, plain, _max_width(rx), space_width(rx), ahead_width(rx), _first_chars(plain))
    return got


def _spaces(s: str) -> int:
    """`widths.space_bound` of s, counted once a text (a few texts are searched in turn)."""
    got = _SPACES.get(id(s))
    if got is None or got[0] is not s:
        if len(_SPACES) > 8:
            _SPACES.clear()
        got = _SPACES[id(s)] = (s, space_bound(s))
    return got[1]


_FIRST: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def _first_chars(rx: re.Pattern) -> re.Pattern | None:
    """`_first` of rx, computed once per pattern (kept by id(): hashing a compiled pattern
    hashes its whole code, microseconds for a long alternation, on every lookup)."""
    got = _FIRST.get(id(rx))
    if got is None or got[0] is not rx:
        got = _FIRST[id(rx)] = (rx, _first(rx))
    return got[1]


def _first(rx: re.Pattern) -> re.Pattern | None:
    """A class of the characters every match of rx begins with, when the regex engine has no
    prefix of its own to skip to (a pattern that opens with a look-behind or an alternation
    of groups: the engine then tries it at every character, slower than finding the few
    places where it can begin first); None otherwise, or when it cannot be told."""
    try:
        if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
            return None
        tree = _sre_parser.parse(rx.pattern, rx.flags)
        if _sre_compiler._get_literal_prefix(tree, rx.flags)[0] \
                or _sre_compiler._get_charset_prefix(tree, rx.flags):
            return None
        items = _first_items(list(tree))
    except Exception:                    # noqa: BLE001  (another Python's parser: no shortcut)
        return None
    if not items:
        return None
    parts = []
    for op, av in items:
        if op is _sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    if all(op is _sre.CATEGORY for op, _av in items):
        return None                      # only \d (\s, \w): too common a first character to gain
    return re.compile("[" + "".join(parts) + "]")


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_WORD: r"\w"}


def _first_items(items):
    """The class items (LITERAL, RANGE …) a match of the parsed items must begin with, or
    None when a match may begin otherwise (or be empty)."""
    out = []
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue                     # zero-width: the first character comes after it
        if op is _sre.LITERAL:
            return [(op, av)]
        if op is _sre.IN:
            return None if any(o is _sre.NEGATE for o, _a in av) else list(av)
        if op is _sre.SUBPATTERN:
            return _first_items(av[-1])
        if op is _sre.BRANCH:
            for alt in av[1]:
                got = _first_items(alt)
                if got is None:
                    return None
                out += got
            return out
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] > 0:
            return _first_items(av[2])
        return None
    return None


@lru_cache(maxsize=4)
def window_prefilter(patterns: str) -> EndFilter:
    """The pre-filter of the patterns windows are searched with: "traps" (the windowed
    traps, around numerals), "cues" (the lead cues, in the clauses of figures), "sentences"
    (the families, scopes, years and not-level words read in the sentences of figures) or
    "reading" (every reading rule). Each window is scanned for its own patterns only; one not
    among them always runs. (A smaller database is a faster scan: "cues" and "sentences"
    together cost a fifth of scanning both windows for every reading rule.)"""
    if patterns == "traps":
        return EndFilter(rx for _kind, rx, whole in TRAPS if not whole)
    from lawgov.extract.reading import rules      # it imports this module: loaded by now

    if patterns == "cues":
        return EndFilter(cue.rx for cue in rules.LEAD_CUES)
    if patterns == "sentences":
        return EndFilter([rx for _name, rx in rules.FAMILY_RX] + [rx for _name, rx in rules.SCOPE_RX]
                         + [rules.YEAR_RX] + [rules.CTX[k] for k in ("target", "cumulative", "month_only", "range")])

    found: list[re.Pattern] = []

    def walk(v, depth=0):
        if isinstance(v, re.Pattern):
            found.append(v)
        elif depth < 3 and isinstance(v, (list, tuple, set, frozenset)):
            for x in v:
                walk(x, depth + 1)
        elif depth < 3 and isinstance(v, dict):
            for x in v.values():
                walk(x, depth + 1)
        elif isinstance(getattr(v, "rx", None), re.Pattern):
            found.append(v.rx)
    for name, value in vars(rules).items():
        if name != "ANY_AFTER":   # the union of AFTER_CUES (each one is in): past Hyperscan's size limit
            walk(value)
    return EndFilter(found)


def _numeral_windows(text: str, spans) -> Windows:
    n = len(text)
    rfind, find = text.rfind, text.find
    wins = []
    cur_b = -1
    # where the line of the last numeral ends (its line break, or the text's end): a window
    # stops there, and the numerals after it on the same line need not look for it again
    line_end = -1
    for s, e in spans:
        if line_end < e:
            k = find("\n", e)
            line_end = k if k != -1 else n
        b = e + 30 if e + 30 < line_end else line_end
        if s <= cur_b:
            # inside the window so far (spans come in order): its own window begins no earlier
            # than that one and joins it, so only where it ends can change
            if b > cur_b:
                wins[-1] = (wins[-1][0], b)
                cur_b = b
            continue
        a = s - 30 if s > 30 else 0       # a windowed trap is never longer than ~28 characters
        k = rfind("\n", a, s)
        if k != -1:
            a = k + 1
        wins.append((a, b))
        cur_b = b
    return Windows(text, wins, "traps")


def _trap_matches(text: str, spans=None):
    if spans is None:
        spans = [sp for sp, _ in numerals(text)]
    win = _numeral_windows(text, spans)
    for kind, rx, whole in TRAPS:
        if whole:
            for m in rx.finditer(text):
                yield m.start(), m.end(), kind
    for kind, rx in win.live(_WINDOWED_TRAPS):
        for s, e, _m in win.finditer(rx):
            if kind == "bare_year" and _table_value_cell(text, s, e):
                continue
            yield s, e, kind


_FIGURE_CELL = re.compile(r"[\d.,]+\s*%?")
# the head of a column of row labels (年度 | 受理 over 2022 | 61): its cells are labels, years here
_LABEL_COLUMN_HEAD = re.compile(r"年度|年份|时间|年|项目|指标|类别|类型|期间")


def _table_value_cell(text: str, s: int, e: int) -> bool:
    """text[s:e] fills a cell of a table's body row other than its first (| 合计 | 2316 | 1986 |):
    a count, not a year. A header row (| 指标 | 2022 | 2023 |, its table's first line) and a
    row's first cell (| 2022 | 61 | 58 |) keep their years."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le == -1 else le
    before, after = text[ls:s].rstrip(" \u3000"), text[e:le].lstrip(" \u3000")
    first = not before.strip(" \u3000|｜")
    if not ((before.endswith(("|", "｜")) or first) and (not after or after.startswith(("|", "｜")))):
        return False                   # (a row's last cell may end at the line's end: 全市合计|2316|1986)
    pe = ls - 1                        # the line before: a row of the same table, so this is no header
    ps = text.rfind("\n", 0, max(pe, 0)) + 1
    bars = text.count("|", ps, pe) + text.count("｜", ps, pe)
    if pe <= 0 or bars < 1 or bars != text.count("|", ls, le) + text.count("｜", ls, le):
        return False
    if first:
        # the row's first cell is a year (| 2022 | 61 | 58 |) unless the row is figures only under
        # a header of measures (收到申请(件) | 受理(件) over 2024 | 1998: a count)
        above = [c.strip(" \u3000") for c in re.split(r"[|｜]", text[ps:pe])]
        row = [c.strip(" \u3000") for c in re.split(r"[|｜]", text[ls:le])]
        return all(_FIGURE_CELL.fullmatch(c) for c in row if c) and not any(ch.isdigit() for ch in text[ps:pe]) \
            and bool(above[0]) and not _LABEL_COLUMN_HEAD.fullmatch(above[0])
    return True


def trap_mask(text: str, spans=None) -> bytearray:
    """1 for every character inside a trap span (near a numeral: elsewhere it does not matter)."""
    mask = bytearray(len(text))
    for s, e, _kind in _trap_matches(text, spans):
        if e > s:
            mask[s:e] = b"\x01" * (e - s)
    return mask


def trap_spans(text: str) -> list[tuple[int, int, str]]:
    """Every trap match near a numeral (for tests and diagnostics)."""
    return sorted((s, e, k) for s, e, k in _trap_matches(text) if e > s)


_NUMERAL_RUN = re.compile("[0-9０-９零〇○一二两三四五六七八九十百千万][0-9０-９" + _CN_NUM + "亿点.,，．分之]*")


def numerals(text: str) -> list[tuple[tuple[int, int], str]]:
    """Every NUMERAL match, found by running NUMERAL only over the runs of numeral
    characters (the same matches as NUMERAL.finditer(text), several times faster). Within a
    run each search starts where the last match ended, as finditer's do (no match is empty),
    and none is made once a match reaches the run's end (the next must begin inside it)."""
    out = []
    n = len(text)
    search = NUMERAL.search
    for run in _NUMERAL_RUN.finditer(text):
        pos, end = run.span()
        stop = end + 2 if end + 2 < n else n
        if stop < n and text[end - 1] in "百千万" and text[stop - 1].isspace():
            while stop < n and text[stop - 1].isspace():   # (a bare 百 looks past 余/多 and spaces)
                stop += 1
            stop += 1 if stop < n else 0
        while pos < end:
            m = search(text, pos, stop)
            if m is None:
                break
            s, e = m.span()
            if s >= end:
                break
            out.append(((s, e), m.group()))
            pos = e
    return out


# a percentage whose decimal a PDF's spacing split after the point (14. 3%): either side of the gap
SPLIT_DECIMAL_AFTER = re.compile(r"[.．][ \t\u00a0\u3000]+\d{1,3}\s*[%％]")
SPLIT_DECIMAL_BEFORE = re.compile(r"\d[.．][ \t\u00a0\u3000]+$")


def scan(text: str, mask: bytearray | None = None, found=None, unread: list | None = None,
         names: re.Pattern | None = None) -> list[Quantity]:
    """Every quantity in `text` (normalised text), in order. A numeral too long to be a value
    (hundreds of digits) is no quantity; ``unread`` gets its (start, end, why), so the
    extractor can keep it as a mention rather than lose it. `names` matches the names a
    Chinese numeral may open (三台县: no 三 台 of anything)."""
    if found is None:
        found = numerals(text)
    if mask is None:
        mask = trap_mask(text, [sp for sp, _ in found])
    out: list[Quantity] = []
    n = len(text)
    for (s, e), raw in found:
        if any(mask[s:e]):
            continue
        per_cent = raw.startswith(("百分之", "千分之"))
        chinese = per_cent or raw[0] in _CN_CHARS
        t = None
        if chinese and not per_cent:
            # a Chinese numeral is a quantity only with a measure word (below): without one it is
            # dropped before it is parsed (it has no digits, so it is never an unread numeral)
            t = _TAIL.match(text, e)
            if t is None or not t.group("unit") or (names is not None and names.match(text, s)):
                continue
        if not chinese and (SPLIT_DECIMAL_AFTER.match(text, e) or (
                s and text[s - 1].isspace() and SPLIT_DECIMAL_BEFORE.search(text, max(0, s - 12), s))):
            if unread is not None:          # 纠错率 14. 3%: neither 14 nor 3% is the rate
                unread.append((s, e, "a decimal split by a space after its point (14. 3%)"))
            continue
        bare = bare_numeral(raw)            # 近万件, 上百次, 千余人: 一万, 一百, 一千
        try:
            parsed = parse_number("一" + raw if bare else raw)
        except NumberError:
            digits = sum(ch.isdigit() for ch in raw)
            if unread is not None and digits > MAX_DIGITS:
                unread.append((s, e, f"a numeral of {digits} digits, too long to be a value"))
            continue
        value = parsed.value
        if t is None:
            t = _TAIL.match(text, e)
        unit = unit_raw = unit_kind = None
        qualifier = "exact"
        tail = e
        if t and t.end() > e:
            suf, mult, u, after = t.group("suf"), t.group("mult"), t.group("unit"), t.group("after")
            if suf and not (u or mult):
                # 1万余, 200多: a qualifier with no unit after it; 多 alone must end the phrase
                if suf == "多" and t.end("suf") < n and "\u4e00" <= text[t.end("suf")] <= "\u9fff":
                    suf = None
            if u:
                unit, factor, unit_kind = UNITS[u]
                unit_raw = u
                value *= factor
            if mult:
                value *= 10_000 if mult == "万" else 100_000_000
                unit_raw = mult + u if u else None
            elif u and raw[-1] in "万亿" and u == "元":
                unit_raw = raw[-1] + u              # 232万元: the raw unit is 万元
            if suf:
                qualifier = QUALIFIERS["suffix"][suf]
            if after and (u or parsed.percent):      # 50%以上, 百分之九十以上
                qualifier = QUALIFIERS["after_unit"][after]
            if u or mult or suf or (after and parsed.percent):
                tail = t.end() if (after and (u or parsed.percent)) else (
                    t.end("unit") if u else (t.end("mult") if mult else t.end("suf")))
        if parsed.percent and unit is None:
            unit, unit_raw, unit_kind = "%", None, "percent"
        elif parsed.percent and unit != "%":
            # 百分之九十 followed by something read as a unit: the percentage wins
            unit, unit_raw, unit_kind, tail = "%", None, "percent", e
        if chinese and unit is None:
            continue  # a Chinese numeral is a quantity only with a measure word
        if not math.isfinite(value):
            continue  # a finite numeral times its unit (1e306 亿): no quantity a report states
        head = s
        p = _PREFIX.search(text, max(0, s - 4), s)
        if p:
            word = p.group().strip()
            if not (word == "约" and p.start() > 0 and text[p.start() - 1] in _NOT_APPROX_YUE):
                if qualifier == "exact":
                    qualifier = QUALIFIERS["prefix"][word]
                head = p.start()
        if bare and qualifier == "exact" and s > 0 and text[s - 1] in QUALIFIERS["bare_prefix"]:
            qualifier = QUALIFIERS["bare_prefix"][text[s - 1]]     # 上百次, 超千件, 过万人
            head = s - 1
        out.append(Quantity(s, e, head, tail, raw, _clean(value), unit, unit_raw, unit_kind,
                            qualifier, chinese))
    return out


def _clean(v: float) -> float:
    i = int(v)
    if v == i:
        return float(i)              # a whole number (most counts): round(v, 6) is v itself
    r = round(v, 6)
    return float(int(r)) if r == int(r) else r
