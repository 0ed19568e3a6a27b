"""Paragraphs, sentences and clauses of a text, as (start, end) spans.

The spans are trimmed of surrounding whitespace; they work on either the original or the
normalised text (normalising keeps line breaks and clause marks in place), so the stages
after it can split once and map back through the offset map.
"""

from __future__ import annotations

import re

__all__ = ["paragraphs", "sentences", "clauses"]

# line breaks: \n, and the rarer ones normalise turns into \n, so that spans found in the
# original and in the normalised text agree
_NL = "\n\r\x85\u2028\u2029"
_LINE = re.compile(r"[^" + _NL + r"]+")
_SENTENCE = re.compile(
    r"[^" + _NL + r"。！？!?；;]+(?:[。！？!?；;]+[”’」』)）\]】\"']*)?|[。！？!?；;]+[”’」』)）\]】\"']*"
)
# clause marks: ，,；;：: — but not the comma of a thousands group (1,234 / 1，234, as
# NUMERAL reads them) nor the colon of a time (17:17)
_CLAUSE_SPLIT = re.compile(r"[；;,，：:](?!(?<=[0-9][,，])[0-9]{3}(?![0-9]))(?!(?<=[0-9][：:])[0-9])")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Each non-empty line is a paragraph: (start, end) without surrounding whitespace.

    Lines are found, then trimmed, in linear time: one pattern that skipped the leading
    blanks and ended on a non-blank backtracked cubically over a run of trailing spaces."""
    out = []
    for m in _LINE.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end], split after 。！？!?；; (closing quotes stay with the
    sentence) and at newlines; spans include the end mark, not surrounding whitespace."""
    if end is None or end > len(text):
        end = len(text)
    start = max(0, start)
    out = []
    for m in _SENTENCE.finditer(text, start, end):
        s, e = _trim(text, m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of the sentence text[start:end], split at ，,；;：: (the mark is left out);
    、 joins list items and does not split. A comma inside 1,234 and a colon inside 17:17
    do not split. Empty clauses are dropped."""
    end = min(end, len(text))
    start = max(0, start)
    out = []
    pos = start
    for m in _CLAUSE_SPLIT.finditer(text, start, end):
        s, e = _trim(text, pos, m.start())
        if s < e:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, end)
    if s < e:
        out.append((s, e))
    return out
