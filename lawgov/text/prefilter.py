"""One pass that tells which of many Python regexes may match a text, so the others need not run.

Extraction runs some two hundred cue, context and trap patterns over the same windows of
each report, and most find nothing there; a Python regex that finds nothing still costs a
pass over the text. `Prefilter(patterns)` compiles, once per process, every pattern into a
Hyperscan database (a multi-pattern automaton: one pass reports every pattern with a match)
and `possible(text)` returns the patterns that may match; the others cannot.

Hyperscan has no look-arounds and its classes differ slightly from Python's, so it is given
not the pattern itself but a looser one: look-arounds and anchors dropped, bounded repeats
over four made unbounded, \\d read as [0-9] (a text holding another decimal digit is not
pre-filtered at all), \\s as Python's own whitespace. Every Python match is a match of the
looser pattern, so a pattern ruled out has no match, and what the patterns find is exactly
what they found without the pre-filter. A pattern it cannot loosen (a group reference,
ignore-case) is always run; without Hyperscan (it ships wheels for x86-64 Linux only) every
pattern is.
"""

from __future__ import annotations

import array
import hashlib
import os
import re
import threading
import time
from functools import lru_cache
from pathlib import Path

try:                                   # Python ≥ 3.11
    from re import _constants as C
    from re import _parser as P
except ImportError:                    # pragma: no cover  (3.10)
    import sre_constants as C
    import sre_parse as P

try:
    import hyperscan
except ImportError:                    # pragma: no cover  (a platform without its wheels)
    hyperscan = None

__all__ = ["EndFilter", "Prefilter", "looser", "matches_from"]

_SPACES = "".join(f"\\x{{{c:x}}}" for c in range(0x3100) if chr(c).isspace())
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class Unsupported(ValueError):
    """A construct the looser pattern cannot stand for: the pattern always runs."""


def _char(c: int) -> str:
    """One character of a looser pattern: CJK and other non-ASCII letters as themselves (an
    escape is eight characters, and a long alternation of words then passes Hyperscan's
    limit on a pattern's length), the rest escaped."""
    ch = chr(c)
    if c > 0x7f and ch.isprintable() and not ch.isspace() and not 0xd800 <= c <= 0xdfff:
        return ch
    return f"\\x{{{c:x}}}"


def _class(items) -> str:
    negated = bool(items) and items[0][0] is C.NEGATE
    parts = []
    for op, av in items[1:] if negated else items:
        if op is C.LITERAL:
            parts.append(_char(av))
        elif op is C.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            parts.append("0-9")        # the text has no other digit (see possible())
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            parts.append(_SPACES)
        elif op is C.CATEGORY and av is C.CATEGORY_WORD and not negated:
            parts.append("0-9A-Za-z_\\x{80}-\\x{10ffff}")   # wider than \w: any non-ASCII
        elif op is C.CATEGORY and av is C.CATEGORY_WORD:
            parts.append("0-9A-Za-z_")                      # excluding less than \w
        else:
            raise Unsupported(f"class item {op} {av}")
    if not parts:
        raise Unsupported("an empty class")
    return ("[^" if negated else "[") + "".join(parts) + "]"


def _seq(items, dotall: bool) -> str:
    return "".join(_item(op, av, dotall) for op, av in items)


def _item(op, av, dotall: bool) -> str:
    if op is C.LITERAL:
        return _char(av)
    if op is C.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op is C.ANY:
        return "." if dotall else "[^\\n]"
    if op is C.IN:
        return _class(av)
    if op in _ZERO_WIDTH:
        return ""                      # dropped: the looser pattern matches more
    if op is C.BRANCH:
        return "(?:" + "|".join(_seq(alt, dotall) for alt in av[1]) + ")"
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        if add_flags & re.IGNORECASE:
            raise Unsupported("ignore-case")
        if add_flags & re.DOTALL or del_flags & re.DOTALL:
            dotall = bool(add_flags & re.DOTALL)
        return "(?:" + _seq(sub, dotall) + ")"
    if op is getattr(C, "ATOMIC_GROUP", None):
        return "(?:" + _seq(av, dotall) + ")"
    if op in _REPEATS:
        lo, hi, sub = av
        body = "(?:" + _seq(sub, dotall) + ")"
        if hi is C.MAXREPEAT or hi > 4:      # x{0,80} → x*: the same matches and more, and
            return body + f"{{{lo},}}"       # a far smaller automaton
        return body + f"{{{lo},{hi}}}"
    raise Unsupported(f"{op}")


def looser(rx: re.Pattern) -> str:
    """A Hyperscan expression (UTF-8, dot-all) that matches wherever `rx` matches, and maybe
    elsewhere. Raises Unsupported when it cannot say one, or when `rx` may match the empty
    text (Hyperscan refuses such a pattern; it would rule nothing out anyway)."""
    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        raise Unsupported("a bytes or ignore-case pattern")
    tree = P.parse(rx.pattern, rx.flags)
    if tree.getwidth()[0] == 0:
        raise Unsupported("it may match the empty text")
    return _seq(tree, bool(rx.flags & re.DOTALL))


class Prefilter:
    """The patterns of a fixed list that may match a text, found in one pass."""

    _SINGLE = True                        # the first match of each pattern only: whether it has one

    def __init__(self, patterns):
        self.patterns = list({id(rx): rx for rx in patterns}.values())
        self._db = None
        # by id(): hashing a compiled pattern hashes its whole code (microseconds for a long
        # alternation), and the patterns live as long as the process (self.patterns holds them)
        self._ids: dict[int, int] = {}
        self._scratch = threading.local()
        self._built = False
        self._other_digit = -1
        self._none = None                 # (EndFilter) every pattern mapped to no ends

    def _build(self):
        self._built = True
        if hyperscan is None:
            return
        flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_DOTALL
        if self._SINGLE:
            flags |= hyperscan.HS_FLAG_SINGLEMATCH
        exprs = []
        for rx in self.patterns:
            try:
                e = looser(rx)
            except Unsupported:
                continue                  # it always runs
            self._ids[id(rx)] = len(exprs)
            exprs.append(e.encode())
        if not exprs:
            return
        # the last pattern finds a decimal digit other than 0-9: in a text that has one, \d
        # is wider than the [0-9] the looser patterns read it as
        exprs.append(_other_digits().encode())
        self._other_digit = len(exprs) - 1
        try:
            self._db = cached_database("prefilter", exprs, flags)
        except hyperscan.error:           # pragma: no cover  (every pattern then runs)
            self._ids.clear()

    def possible(self, text: str) -> _Possible | None:
        """The patterns that may match `text`; None when every pattern must run."""
        if not self._built:
            self._build()
        if self._db is None:
            return None
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:       # a lone surrogate: no valid UTF-8 to scan
            return None
        scratch = getattr(self._scratch, "s", None)
        if scratch is None:
            scratch = self._scratch.s = hyperscan.Scratch(self._db)
        hits: set[int] = set()
        self._db.scan(data, match_event_handler=_collect, context=hits, scratch=scratch)
        if self._other_digit in hits:
            return None
        return _Possible(self._ids, hits)


class _Possible:
    __slots__ = ("ids", "hits")

    def __init__(self, ids, hits):
        self.ids, self.hits = ids, hits

    def __contains__(self, rx: re.Pattern) -> bool:
        i = self.ids.get(id(rx))
        return i is None or i in self.hits


@lru_cache(maxsize=1)
def _other_digits() -> str:
    """A class of every decimal digit (Python's \\d) other than 0-9."""
    every = array.array("I", range(0x80, 0x110000)).tobytes().decode("utf-32-le", "surrogatepass")
    ranges = [(0x80 + m.start(), 0x80 + m.end() - 1) for m in re.finditer(r"\d+", every)]
    return "[" + "".join(f"{_char(a)}-{_char(b)}" for a, b in ranges) + "]"


def _collect(id_, _from, _to, _flags, hits):
    hits.add(id_)


def cached_database(name: str, exprs: list[bytes], flags: int):
    """The compiled database of `exprs` (pattern i has id i), from the cache folder when an
    earlier process compiled the same patterns on this machine (compiling takes a second or
    more; loading, a millisecond). `name` names the file (prefilter, regions …). Each
    change of the rules makes a new file; files of the kind unused for STALE_DAYS are removed
    when a new one is written (a load marks its file used)."""
    key = hashlib.sha256(repr((hyperscan.__version__, flags, exprs)).encode()).hexdigest()[:24]
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lawgov"
    path = folder / f"{name}-{key}.hsdb"
    try:
        db = hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
        _mark_used(path)
        return db
    except (OSError, hyperscan.error):
        pass                              # none yet, or of another CPU: compile it
    db = _compile(exprs, flags)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(hyperscan.dumpb(db))
        os.replace(tmp, path)
        _remove_stale(folder, name, keep=path)
    except OSError:
        pass                              # a read-only home: compile again next time
    return db


STALE_DAYS = 30


def _mark_used(path: Path) -> None:
    """Touch a cache file once a day at most (its mtime says when it was last used)."""
    try:
        if time.time() - path.stat().st_mtime > 86400:
            os.utime(path)
    except OSError:
        pass


def _remove_stale(folder: Path, name: str, keep: Path) -> None:
    """Remove the `name` databases not used for STALE_DAYS (the rules of older code)."""
    cutoff = time.time() - STALE_DAYS * 86400
    for old in folder.glob(f"{name}-*.hsdb"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass                          # another process removed it, or it is not ours


def _compile(exprs: list[bytes], flags: int):
    db = hyperscan.Database()
    db.compile(expressions=exprs, ids=list(range(len(exprs))), elements=len(exprs),
               flags=[flags] * len(exprs))
    return db


def matches_from(rx: re.Pattern, first: re.Pattern, s: str):
    """rx.finditer(s), with rx tried only where `first` (a class of the characters every match
    of rx begins with) matches: the same matches (none is empty), found without the regex
    engine trying rx at every character."""
    return matches_at(rx, (c.start() for c in first.finditer(s)), s)


def matches_at(rx: re.Pattern, starts, s: str):
    """The matches of rx tried at `starts` only (ascending positions where every match of rx
    must begin), without overlaps, as rx.finditer(s) finds them."""
    pos = 0
    match = rx.match
    for i in starts:
        if i < pos:
            continue
        m = match(s, i)
        if m is not None:
            yield m
            pos = m.end()


class EndFilter(Prefilter):
    """Where in a text each of a fixed list of patterns may end, found in one pass.

    `ends(text)` scans the text once for every pattern's looser form and keeps each end a
    looser match has (Hyperscan reports every end offset of every pattern). A Python match of
    a pattern inside text[a:b] (rx.search(text, a, b), or rx.search(text[a:b])) consumes
    characters the looser pattern also matches, so the looser pattern has a match ending in
    (a, b]: with none there, the search finds nothing and need not run. Unlike `possible`
    this rules a pattern out per slice, not per text: worth it for the patterns searched in
    many short slices (the words before each figure) that occur only here and there."""

    _SINGLE = False                       # every match: where each ends

    def possible(self, text: str) -> _Possible | None:
        """As Prefilter.possible: the patterns with a looser match in `text` (from `ends`)."""
        ends = self.ends(text)
        if not ends:
            return None
        return _Possible(self._ids, {self._ids[key] for key, at in ends.items() if at})

    def ends(self, text: str) -> dict[int, list[int]]:
        """The ends (in characters, sorted) of each pattern's looser matches in `text`, by
        id() of the pattern; a pattern missing from it (one it cannot loosen, or every
        pattern when the text cannot be scanned) may match anywhere."""
        if not self._built:
            self._build()
        if self._db is None:
            return {}
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:       # a lone surrogate: no valid UTF-8 to scan
            return {}
        scratch = getattr(self._scratch, "s", None)
        if scratch is None:
            scratch = self._scratch.s = hyperscan.Scratch(self._db)
        hits: list[tuple[int, int]] = []
        self._db.scan(data, match_event_handler=_append, context=hits.append, scratch=scratch)
        if self._none is None:
            # every pattern with no end (one empty tuple shared: nothing mutates it), copied per
            # text; a pattern with ends gets its own list (most of the patterns have none)
            self._none = dict.fromkeys(self._ids, ())
            self._key_of = {i: key for key, i in self._ids.items()}
        out = self._none.copy()
        if not hits:
            return out
        # byte offsets to character offsets: the characters of a piece of valid UTF-8 are its
        # bytes that do not continue a character, counted in a copy where those read 0 and the
        # others 1 (one pass over the text; each count then allocates nothing). Hyperscan
        # reports matches in the order of their ends, so the offsets are counted on from one
        # end to the next and each list comes sorted (else they are sorted here).
        leads = data.translate(_LEADS)
        count = leads.count
        per: dict[int, list[int]] = {}
        n = len(data)
        pos_b = pos_c = 0
        ordered = True
        for i, to in hits:
            if to != pos_b:
                if to < pos_b:
                    ordered = False
                    break
                if to < n and not leads[to]:   # pragma: no cover  (an end inside a character)
                    return {}
                pos_c += count(1, pos_b, to)
                pos_b = to
            lst = per.get(i)
            if lst is None:
                per[i] = [pos_c]
            else:
                lst.append(pos_c)
        if not ordered:                  # pragma: no cover  (Hyperscan reports in order)
            return self._unordered(data, hits, out)
        if self._other_digit in per:
            return {}                    # another decimal digit: \d is wider than [0-9]
        key_of = self._key_of
        for i, lst in per.items():
            out[key_of[i]] = lst
        return out

    def _unordered(self, data: bytes, hits: list[tuple[int, int]], out: dict) -> dict:
        """`ends` for hits in any order: each end's offset counted once, lists sorted."""
        chars: dict[int, int] = {}
        pos_b = pos_c = 0
        n = len(data)
        for b in sorted({to for _i, to in hits}):
            if b < n and 0x80 <= data[b] < 0xC0:
                return {}
            pos_c += len(data[pos_b:b].translate(None, _CONTINUATION))
            pos_b = b
            chars[b] = pos_c
        per: dict[int, list[int]] = {}
        for i, to in hits:
            per.setdefault(i, []).append(chars[to])
        if self._other_digit in per:
            return {}
        for i, lst in per.items():
            out[self._key_of[i]] = sorted(lst)
        return out


_CONTINUATION = bytes(range(0x80, 0xC0))     # the bytes that continue a UTF-8 character
# a translation table: a byte that continues a UTF-8 character → 0, any other → 1
_LEADS = bytes(0 if 0x80 <= b < 0xC0 else 1 for b in range(256))


def _append(id_, _from, to, _flags, append):
    append((id_, to))

