"""How far a match reaches: how long it may be, and how far past a position in it its
look-aheads read, for patterns whose only unbounded parts are runs of whitespace (\\s*,
\\s+: a year \\d{4}\\s*年, a list number \\s*[、.]).

`search_near` starts each search that far before a possible end, and stops it a look-ahead's
reach after the last one. A pattern with an unbounded repeat has no such width of its own.
A run of whitespace can be no longer than the text's whitespace, so such a pattern's width
is bounded there: its fixed part plus, for each whitespace repeat, that bound.
"""

from __future__ import annotations

import re

try:                                   # Python ≥ 3.11
    from re import _constants as _C
    from re import _parser as _P
except ImportError:                    # pragma: no cover  (3.10)
    import sre_constants as _C
    import sre_parse as _P

_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)


class _Unbounded(Exception):
    pass


def space_width(rx: re.Pattern) -> tuple[int, int] | None:
    """(fixed, runs): no match of rx is longer than fixed + runs × the longest whitespace run
    of the text; None when some other part of it is unbounded (or it cannot be told)."""
    return _measured(rx, _width)


def ahead_width(rx: re.Pattern) -> tuple[int, int] | None:
    """(fixed, runs) as `space_width`, for how far past its own position any look-ahead or
    anchor of rx reads (0, 0 for none); None when unbounded (or it cannot be told)."""
    return _measured(rx, _ahead)


def _measured(rx: re.Pattern, measure) -> tuple[int, int] | None:
    if not isinstance(rx.pattern, str):
        return None
    try:
        return measure(_P.parse(rx.pattern, rx.flags))
    except Exception:                  # noqa: BLE001  (_Unbounded, or another Python's parser)
        return None


def space_bound(s: str) -> int:
    """A bound on the longest run of whitespace characters (as \\s reads them) in s: all of
    them (one pass of str.split, several times cheaper than finding the runs)."""
    return len(s) - sum(map(len, s.split()))


def _width(items) -> tuple[int, int]:
    fixed = runs = 0
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN):
            fixed += 1
        elif op is _C.SUBPATTERN:
            f, r = _width(av[-1])
            fixed, runs = fixed + f, runs + r
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            f, r = _width(av)
            fixed, runs = fixed + f, runs + r
        elif op is _C.BRANCH:
            widths = [_width(b) for b in av[1]]
            fixed += max(f for f, _r in widths)
            runs += max(r for _f, r in widths)
        elif op in _REPEATS:
            lo, hi, body = av
            if hi == _C.MAXREPEAT:
                if not _only_spaces(body):
                    raise _Unbounded
                runs += 1
            else:
                f, r = _width(body)
                fixed, runs = fixed + hi * f, runs + hi * r
        else:
            raise _Unbounded
    return fixed, runs


def _ahead(items) -> tuple[int, int]:
    """The furthest any look-ahead (what it matches, and its own look-aheads) or anchor among
    items reads past the position it stands at."""
    reach = (0, 0)
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN):
            continue
        if op is _C.AT:
            inner = (1, 0)                 # \b, $: the character after
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, body = av
            inner = _ahead(body)
            if direction > 0:
                f, r = _width(body)
                inner = (inner[0] + f, inner[1] + r)
        elif op is _C.SUBPATTERN:
            inner = _ahead(av[-1])
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            inner = _ahead(av)
        elif op is _C.BRANCH:
            parts = [_ahead(b) for b in av[1]]
            inner = (max(f for f, _r in parts), max(r for _f, r in parts))
        elif op in _REPEATS:
            inner = _ahead(av[2])
        else:
            raise _Unbounded
        reach = (max(reach[0], inner[0]), max(reach[1], inner[1]))
    return reach


def _only_spaces(body) -> bool:
    """The repeated item is one character that is always whitespace (\\s, a space, a class of them)."""
    items = list(body)
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _C.LITERAL:
        return chr(av).isspace()
    if op is _C.IN:
        for iop, iav in av:
            if iop is _C.CATEGORY and iav is _C.CATEGORY_SPACE:
                continue
            if iop is _C.LITERAL and chr(iav).isspace():
                continue
            return False
        return True
    return False
