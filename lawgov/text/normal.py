"""Normalised text for matching, with an exact map back to the original.

`normalise(original)` returns a `NormalText` whose `text` is only for matching: evidence
and spans always refer to the original, through `offsets` / `to_original`.

What normalising does:

1. Deletes (the offset map skips them):
   - pinyin glosses that Traditional-character mirror sites put after a character:
     復(fù)議 → 復議, 會(huì )議 → 會議, 開（kāi）庭 → 開庭. A gloss is a parenthesised
     (ASCII or full-width parentheses) single pinyin syllable right after a CJK character.
     It must carry a tone mark or ü; once a document has such a gloss (or three toneless
     ones in its first 3,000 characters, 自(zi)然(ran)资(zi)源), toneless pinyin syllables in
     the same position, e.g. 們(men), go too. Real parentheticals such as (2021-2025年),
     (含撤销、确认违法), (一), (a) in a document without glosses stay.
   - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and soft hyphens;
   - the \\r of \\r\\n;
   - a scraped page's markup left in its text: inline tags (<span …>, </b>, <font …>) and an
     HTML entity's characters but its last (&nbsp; &#160; &amp;), which is read as the
     character the entity stands for (受理&nbsp;64&nbsp;件 → 受理 64 件, never 受理 64 件 160);
   - a printed page's layout (lawgov.text.layout): the line breaks of a text broken at a
     margin, with the page numbers and running titles between a paragraph's halves, and the
     spaces of a text that spaces every two Han characters.
2. Maps one character to one character (so the offset map is untouched):
   - Traditional → Simplified with OpenCC's t2s dictionaries (TSPhrases, then
     TSCharacters, leftmost-longest, first candidate). All their entries are
     length-preserving; any that were not would be skipped at load time (the character
     table then applies), so every normalised character stands for exactly one original
     character;
   - full-width ASCII (digits, letters, ％, （）, ．, ＋, －, ／ …) → half-width, EXCEPT the
     Chinese sentence and clause marks ，；：！？ which stay full-width (the splitters below
     and the scanner treat both widths alike); ﹪ → %;
   - web whitespace (U+3000, nbsp, U+2000–U+200A, U+202F, U+205F, tab, \\v, \\f) → ' ';
     a lone \\r, U+0085, U+2028, U+2029 → '\\n'. Runs of spaces are not collapsed;
   - a year in Chinese numerals → its digits (二〇二三年 → 2023年, 二〇二一—二〇二三年 →
     2021—2023年);
   - a half-width full stop ending a Chinese sentence → 。 (…等.目前 → …等。目前).

"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lawgov.text.layout import layout_deletions
from lawgov.text.prefilter import matches_from

__all__ = ["NormalText", "normalise"]


@dataclass
class NormalText:
    text: str             # Simplified, half-width digits/punctuation, pinyin glosses removed
    offsets: Sequence[int]  # offsets[i] = index in the original of normalised char i; len(text)+1 entries

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end).

        Every normalised character stands for exactly one original character, so the end
        is the original index just after the last character (characters deleted between
        the span and what follows, such as a pinyin gloss, are not included)."""
        n = len(self.text)
        if not (0 <= start <= end <= n):
            raise ValueError(f"span ({start}, {end}) outside the normalised text (length {n})")
        if start == end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


# --------------------------------------------------------------------------- tables

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿê"
_PINYIN_CH = "a-z" + _TONED
_OPEN = r"[(（](?<=[" + _CJK + r"][(（])"  # an opening parenthesis right after a CJK character
# a toned gloss: one syllable (letters, at least one toned vowel or ü), spaces allowed inside
_GLOSS_TONED = (
    _OPEN + r"[ \u00a0]*[" + _PINYIN_CH + r"]{0,6}[" + _TONED + r"][" + _PINYIN_CH + r"]{0,6}[ \u00a0]*[)）]"
)
# a toneless pinyin syllable (only removed in documents that have toned glosses)
_GLOSS_PLAIN = (
    _OPEN + r"[ \u00a0]*(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouv]{1,3}(?:ng|n|r)?[ \u00a0]*[)）]"
)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# inline markup a scraper left in the text; block tags (<p>, <br>) stay, as the break they were
_INLINE_TAG = r"</?(?:span|font|b|strong|i|em|u|a|sup|sub|small|big|mark|ins|s)(?:\s[^<>\n]{0,300})?/?>"
_ENTITY_NAMES = {"nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "amp": "&", "lt": "<", "gt": ">",
                 "quot": '"', "apos": "'"}
_ENTITY = re.compile(r"&(?:(" + "|".join(_ENTITY_NAMES) + r")|#(\d{2,6})|#[xX]([0-9a-fA-F]{2,5}));", re.I)
_ENTITY_HEAD = r"&(?:" + "|".join(_ENTITY_NAMES) + r"|#\d{2,6}|#[xX][0-9a-fA-F]{2,5})(?=;)"
# a markdown table's alignment row (|:---|---:|) and bold marks (**合计**): layout, not words
# (the row opens its line, after at most four spaces of indent; deleted from its first bar)
_INDENT = "[ \t\u3000]"
_LINE_OPENS = "(?:" + "|".join("(?<=\n" + _INDENT * k + ")" for k in range(5)) + r"|(?<![\s\S]))"
_MARKDOWN = (_LINE_OPENS + r"\|[ \t\u3000]*:?-+:?[ \t\u3000]*(?:\|[ \t\u3000]*:?-+:?[ \t\u3000]*)+\|?[ \t\u3000]*\r?\n"
             r"|\*\*(?=[^*\s])|(?<=[^*\s])\*\*")
_DELETE_BASE = r"[" + _ZERO_WIDTH + r"]|\r(?=\n)|" + _INLINE_TAG + "|" + _ENTITY_HEAD + "|" + _MARKDOWN
_DELETE = re.compile(_GLOSS_TONED + "|" + _DELETE_BASE, re.I)
_DELETE_ALL_GLOSSES = re.compile(_GLOSS_TONED + "|" + _GLOSS_PLAIN + "|" + _DELETE_BASE, re.I)
_HAS_GLOSS = re.compile(_GLOSS_TONED)
_PLAIN_GLOSS = re.compile(_GLOSS_PLAIN)
# every deletion begins with one of these (a gloss with its opening parenthesis)
_DELETE_START = re.compile(r"[(（" + _ZERO_WIDTH + r"\r<&*|]")


def _deletions(original: str) -> re.Pattern:
    """What to delete: toned glosses always; toneless ones too on a page that glosses (a toned
    gloss anywhere, or three toneless ones in its head: 自(zi)然(ran)资(zi)源部), since a
    site that glosses does so from the top."""
    if _HAS_GLOSS.search(original) or len(_PLAIN_GLOSS.findall(original, 0, 3000)) >= 3:
        return _DELETE_ALL_GLOSSES
    return _DELETE

_KEEP_FULLWIDTH = set("，；：！？")


def _width_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):
        ch = chr(cp)
        if ch not in _KEEP_FULLWIDTH:
            table[cp] = chr(cp - 0xFEE0)
    table[0xFE6A] = "%"  # small percent sign
    for ch in "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\v\f":
        table[ord(ch)] = " "
    for ch in "\r\x85\u2028\u2029":
        table[ord(ch)] = "\n"
    return table


_WIDTH = _width_table()
_WIDE_FIGURES = re.compile("[０-９％．\u00a0\u3000\t]")
_WIDTH_RUN = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_WIDTH)) + "]+")


def _widths(text: str) -> str:
    return _WIDTH_RUN.sub(lambda m: m.group().translate(_WIDTH), text)


def _opencc_dir() -> str | None:
    try:
        import opencc  # opencc-python-reimplemented
    except Exception:  # pragma: no cover - it is a dependency
        return None
    return os.path.join(os.path.dirname(opencc.__file__), "dictionary")


@lru_cache(maxsize=1)
def _t2s_tables():
    """From OpenCC's t2s: (character table for str.translate, phrase map, phrase regex,
    regex of runs of convertible characters, regex of any character that may convert)."""
    chars: dict[int, str] = {}
    phrases: dict[str, str] = {}
    d = _opencc_dir()
    if d is not None:
        for name, target in (("TSCharacters.txt", None), ("TSPhrases.txt", phrases)):
            path = os.path.join(d, name)
            if not os.path.exists(path):  # pragma: no cover
                continue
            with io.open(path, encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) != 2 or not parts[0] or not parts[1]:
                        continue
                    key, value = parts[0], parts[1].split(" ")[0]
                    if len(key) != len(value) or key == value:
                        continue  # keep the map one-to-one; identity entries are no-ops
                    if target is None:
                        chars[ord(key)] = value
                    else:
                        target[key] = value
    phrase_re = None
    trigger_chars = set(map(chr, chars))
    if phrases:
        keys = sorted(phrases, key=len, reverse=True)
        phrase_re = re.compile("|".join(map(re.escape, keys)))
        for k, v in phrases.items():  # 反覆 → 反复: 覆 converts only inside the phrase
            trigger_chars.update(a for a, b in zip(k, v) if a != b)

    def char_class(cs) -> str:
        # a class of thousands of single astral characters is slow in `re`; one range of
        # the supplementary ideographic planes is fast, and translate() leaves the rest alone
        bmp = sorted(c for c in cs if ord(c) < 0x10000)
        astral = any(ord(c) >= 0x10000 for c in cs)
        return "[" + "".join(re.escape(c) for c in bmp) + ("\U00020000-\U0003ffff" if astral else "") + "]"

    run_re = re.compile(char_class(map(chr, chars)) + "+") if chars else None
    trigger_re = re.compile(char_class(trigger_chars)) if trigger_chars else None
    return chars, phrases, phrase_re, run_re, trigger_re


def _to_simplified(text: str) -> str:
    chars, phrases, phrase_re, run_re, trigger_re = _t2s_tables()
    if trigger_re is None or not trigger_re.search(text):
        return text

    def by_char(segment: str) -> str:
        return run_re.sub(lambda m: m.group().translate(chars), segment) if run_re else segment

    if phrase_re is None or not _phrases_possible(phrase_re, text):
        return by_char(text)
    # phrases win over characters (leftmost-longest, as OpenCC does)
    pieces = []
    pos = 0
    for m in phrase_re.finditer(text):
        if m.start() > pos:
            pieces.append(by_char(text[pos:m.start()]))
        pieces.append(phrases[m.group()])
        pos = m.end()
    pieces.append(by_char(text[pos:]))
    return "".join(pieces)


@lru_cache(maxsize=1)
def _phrase_prefilter(phrase_re: re.Pattern):
    from lawgov.text.prefilter import Prefilter

    return Prefilter([phrase_re])


def _phrases_possible(phrase_re: re.Pattern, text: str) -> bool:
    """Whether a phrase of the table may occur in the text (one Hyperscan pass over it, far
    cheaper than the phrase regex, which finds none in most reports)."""
    possible = _phrase_prefilter(phrase_re).possible(text)
    return possible is None or phrase_re in possible


# --------------------------------------------------------------------------- normalise

def normalise(original: str) -> NormalText:
    n = len(original)
    pattern = _deletions(original)
    kept: list[str] = []
    offsets: list[int] = []
    pos = 0
    spans = [m.span() for m in matches_from(pattern, _DELETE_START, original)]   # tried only where a deletion can begin
    # (read half-width where the layout's widths depend on it: one character for one, the same offsets)
    layout = layout_deletions(_widths(original) if _WIDE_FIGURES.search(original) else original)
    if layout:
        spans = sorted(spans + layout)
    for s, e in spans:
        if e <= pos:
            continue
        s = max(s, pos)
        if s > pos:
            kept.append(original[pos:s])
            offsets.extend(range(pos, s))
        pos = e
    if pos == 0 and not kept:
        text = original
        offsets = range(n + 1)           # nothing deleted: each character is where it was
                                         # (a range, not a list of n ints built per report)
    else:
        if pos < n:
            kept.append(original[pos:])
            offsets.extend(range(pos, n))
        offsets.append(n)
        text = "".join(kept)
    if "&" in original and ";" in text:
        text = _entities_read(original, text, offsets)
    text = _full_stops(_arabic_years(_widths(_to_simplified(text))))
    return NormalText(text, offsets)


def _entities_read(original: str, text: str, offsets) -> str:
    """`text` with each HTML entity's last character, the one its deletion kept (the ; of
    &nbsp;), made the character the entity stands for, one for one."""
    import bisect

    chars = None
    for m in _ENTITY.finditer(original):
        i = bisect.bisect_left(offsets, m.end() - 1, 0, len(text))
        if i >= len(text) or offsets[i] != m.end() - 1:
            continue
        name, dec, hexa = m.groups()
        cp = int(dec) if dec else int(hexa, 16) if hexa else None
        ch = _ENTITY_NAMES[name.lower()] if name else (chr(cp) if cp and 0x20 <= cp <= 0x10FFFF
                                                      and not 0xD800 <= cp <= 0xDFFF else None)
        if ch is None or len(ch) != 1:
            continue
        if chars is None:
            chars = list(text)
        chars[i] = ch
    return "".join(chars) if chars is not None else text


# a half-width full stop a page ends its Chinese sentences with (…等.目前审结10件): after a Han
# character or a closing mark and before a Han character, a space, the text's end or a year
# (败诉.2023年截至…); after a Han character also before any figure (审结88件.8件尚在审理: no
# decimal begins with its point); never between digits (1.5万) or in an address (www.gov.cn)
_HALF_STOP = re.compile(r"(?<=[\u3400-\u9fff%)）”」』])\.(?=[\u3400-\u9fff“「『]|\s|$|(?:19|20)\d\d年)"
                        r"|(?<=[\u3400-\u9fff])\.(?=\d)")


def _full_stops(text: str) -> str:
    """Half-width full stops that end Chinese sentences read as 。, one character for one."""
    if "." not in text:
        return text
    return _HALF_STOP.sub("。", text)


# a year in Chinese numerals (二〇二三年, 一九九八年度): four characters, like its digits
# (二0二三年, 二O二三年: a zero typed as a digit or a letter among the numerals is common)
_CN_YEAR = re.compile(r"(?:一九|二[〇○零0O])[〇○零0O一二三四五六七八九]{2}"
                      r"(?=\s*年|\s*[—–\-~至到]\s*(?:一九|二[〇○零0O])[〇○零0O一二三四五六七八九]{2}\s*年)")
_CN_YEAR_DIGITS = str.maketrans("〇○零O一二三四五六七八九", "0000123456789")


def _arabic_years(text: str) -> str:
    """Years in Chinese numerals written in digits, one character for one: every reader
    after this (the scanner's traps, the engine's periods, the documents' years) then knows
    one way of writing a year. Formal reports title, sign and sometimes speak with them."""
    if "〇" not in text and "○" not in text and "零" not in text and "一九" not in text \
            and "二0" not in text and "二O" not in text:
        return text
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_YEAR_DIGITS), text)
