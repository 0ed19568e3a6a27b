"""A pattern's \\d read as [0-9], for the texts whose only decimal digits are 0-9.

Python's \\d is every Unicode decimal digit: the regex engine checks it by a lookup per
character, and a class holding it ([\\d零一二…]) cannot become one table; scanning such a
class is most of what the windows' searches cost. On a text whose only decimal digits are
0-9 the two patterns find the same matches. `search_near` has such texts only: its ends
come from an EndFilter scan, which gives none for a text with another decimal digit.
"""

from __future__ import annotations

import re

_PLAIN: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def plain_digits(rx: re.Pattern) -> re.Pattern:
    """rx with \\d written [0-9] (0-9 in a class); rx itself when it has no \\d, or when it
    cannot be rewritten so (a \\D in a class, a bytes or ASCII pattern)."""
    got = _PLAIN.get(id(rx))
    if got is None or got[0] is not rx:
        got = _PLAIN[id(rx)] = (rx, _rewritten(rx))
    return got[1]


def _rewritten(rx: re.Pattern) -> re.Pattern:
    p = rx.pattern
    if not isinstance(p, str) or rx.flags & re.ASCII or "\\d" not in p.replace("\\\\", ""):
        return rx
    out = []
    in_class = False
    class_start = -1
    i = 0
    while i < len(p):
        c = p[i]
        if c == "\\" and i + 1 < len(p):
            pair = p[i:i + 2]
            if pair == "\\d":
                out.append("0-9" if in_class else "[0-9]")
            elif pair == "\\D":
                if in_class:
                    return rx
                out.append("[^0-9]")
            else:
                out.append(pair)
            i += 2
            continue
        if not in_class and c == "[":
            in_class = True
            class_start = i + 1
            if p[i + 1:i + 2] == "^":
                class_start += 1
        elif in_class and c == "]" and i > class_start:
            in_class = False
        out.append(c)
        i += 1
    try:
        plain = re.compile("".join(out), rx.flags)
    except re.error:
        return rx
    if plain.groups != rx.groups or plain.groupindex != rx.groupindex:
        return rx
    return plain
