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
# (and a slash after a figure's unit before words, an infographic's separator: 审结:132件/同比+18件)
_CLAUSE_SPLIT = re.compile(r"[；;,，：:|｜](?!(?<=[0-9][,，])[0-9]{3}(?![0-9]))(?!(?<=[0-9][：:])[0-9])"
                           r"|(?<=[件起宗次人项个份条%])/(?=[\u4e00-\u9fff])"
                           # (a space between label-and-value pairs on one line: 受理案件:86件 审结案件:80件)
                           r"|(?<=[件起宗次人项个份条%])\s+(?=[\u4e00-\u9fff]{1,12}[：:])")


# a numbered heading right after a sentence's end inside a line, with its title (。（二）依申请公开。,
# 。 二、存在问题 …, ；3.监督保障。): a short title without figures, ended by a stop or a space
_INLINE_HEADING = re.compile(r"(?<=[。！？!?；;])[ \u3000]*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]"
                             r"|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[部章节])"
                             r"[^。！？!?；;，,：:\d\s]{2,20}[。！？!?；;：:\s])")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Each non-empty line is a paragraph: (start, end) without surrounding whitespace; a
    numbered heading after a sentence's end inside a line (…办结。（二）依申请公开。…, a page
    whose line breaks were lost) opens a paragraph of its own.

    Lines are found, then trimmed, in linear time: one pattern that skipped the leading
    blanks and ended on a non-blank backtracked cubically over a run of trailing spaces."""
    out = []
    inline = _INLINE_HEADING.search(text) is not None     # (most pages have none: one search)
    for m in _LINE.finditer(text):
        s = m.start()
        for h in _INLINE_HEADING.finditer(text, m.start(), m.end()) if inline else ():
            if h.start() > s:
                a, b = _trim(text, s, h.start())
                if a < b:
                    out.append((a, b))
                s = h.start()
        a, b = _trim(text, s, m.end())
        if a < b:
            out.append((a, b))
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
