"""Numerals to values.

`parse_number` reads one numeral as written in a report and returns its value:

- Arabic digits, with a decimal point and thousands separators: ``137``, ``93.1``,
  ``1,234`` / ``1，234``; full-width forms (``１２３．５``) are read the same way.
- Arabic digits with a multiplier: ``2.6万`` → 26000, ``64.71万`` → 647100,
  ``1.2亿`` → 120000000, ``3千`` → 3000, ``5百万`` → 5000000, ``1万5千`` → 15000.
- Chinese numerals: ``三十二``, ``一千二百三十四``, ``两千``, ``十``, ``十五``,
  ``二十万``, ``一百零五``, ``〇``/``零``, ``三点五``, ``两万三千``; the financial forms
  (壹贰叁…拾佰仟) and the traditional 兩萬億 too. A digit that directly follows a unit
  other than 十 is the colloquial short form (``一百五`` → 150, ``两万三`` → 23000);
  a run of digits with a zero and no units is read digit by digit (``二〇二二`` → 2022);
  a run of digits without units or zero (``三四``, ``八五``) is a range or a name, not a
  number, and is refused.
- Percentages: ``百分之九十五点一`` → 95.1 with ``percent=True``, ``百分之百`` → 100,
  ``百分之95``; ``千分之五`` → 0.5 (percent). A trailing ``%``/``％`` (``95.1%``) is also
  read as a percentage.

Qualifiers (余, 多, 约 …) and units are not part of a numeral; the scanner strips them.
Anything else raises `NumberError`, and nothing else is ever raised.

`NUMERAL` (a compiled regex; `NUMERAL_PATTERN` is its source) finds numeral tokens in
(normalised) text for the mentions scanner; every match is something `parse_number`
is meant to read, though a Chinese run it matches may still be refused (``十四五``).
See the comment above `NUMERAL_PATTERN` for what it matches and what it leaves out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from lawgov.errors import NumberError

__all__ = [
    "ParsedNumber",
    "parse_number",
    "is_chinese_numeral",
    "NUMERAL",
    "NUMERAL_PATTERN",
    "CHINESE_NUMERAL_CHARS",
    "bare_numeral",
]


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    percent: bool  # written as 百分之… (or with %); the value is then the percentage


# --------------------------------------------------------------------------- tables

_DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2, "弍": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_POINTS = frozenset("点點.")
_ZEROS = frozenset("零〇○")

#: every character a Chinese numeral may be made of (digits, units, 点)
CHINESE_NUMERAL_CHARS = frozenset(_DIGITS) | frozenset(_SMALL_UNITS) | frozenset(_BIG_UNITS) | {"点", "點"}

# full-width digits and marks -> ASCII (only what a numeral can contain)
_FW = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")

_ARABIC_INT = re.compile(r"[0-9]+")
_ARABIC_DEC = re.compile(r"[0-9]+\.[0-9]+")
_ARABIC_SEP = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
# tokens of the general reader: an Arabic number (separators already validated), or one char
_TOKEN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|.", re.S)
_POSITIONAL = re.compile(r"[零〇○一二两三四五六七八九]+")

_D10 = Decimal(10)


def _fail(s: str, why: str) -> NumberError:
    return NumberError(f"not a numeral: {s!r} ({why})")


# --------------------------------------------------------------------------- reader

def parse_number(s: str) -> ParsedNumber:
    """Read one numeral (see the module doc). Raises `NumberError` and nothing else."""
    if not isinstance(s, str):
        raise NumberError(f"not a numeral: {s!r} (not a string)")
    try:
        return _parse_cached(s)
    except NumberError:
        raise
    except Exception as exc:  # pragma: no cover - a safety net: the contract is NumberError only
        raise NumberError(f"not a numeral: {s!r} ({type(exc).__name__})") from None


@lru_cache(maxsize=8192)
def _parse_cached(s: str) -> ParsedNumber:
    parsed = _parse_any(s)
    if not math.isfinite(parsed.value):   # 309 digits and more: float() gives inf
        raise _fail(s, f"too large to be a quantity ({len(s)} characters)")
    return parsed


def _parse_any(s: str) -> ParsedNumber:
    t = s.strip().translate(_FW)
    if not t:
        raise _fail(s, "empty")
    # fast paths: plain Arabic numbers are most of what the scanner hands over
    if _ARABIC_INT.fullmatch(t) or _ARABIC_DEC.fullmatch(t):
        return ParsedNumber(float(t), False)

    percent = False
    scale = None
    if t.startswith("百分之"):
        percent, t = True, t[3:]
    elif t.startswith("千分之"):
        percent, t, scale = True, t[3:], Decimal("0.1")
    elif t.endswith("%"):
        percent, t = True, t[:-1].rstrip()
    if not t:
        raise _fail(s, "nothing after the percent marker")

    if _ARABIC_INT.fullmatch(t) or _ARABIC_DEC.fullmatch(t):
        value = Decimal(t)
    elif _ARABIC_SEP.fullmatch(t):
        value = Decimal(t.replace(",", ""))
    else:
        value = _read_general(t, s)
    if scale is not None:
        value *= scale
    return ParsedNumber(float(value), percent)


def _read_general(t: str, s: str) -> Decimal:
    """Chinese numerals, possibly mixed with Arabic digit groups (2.6万, 1万5千)."""
    if len(t) >= 2 and _POSITIONAL.fullmatch(t):
        if not any(c in _ZEROS for c in t):
            raise _fail(s, "digits without units (a range or a name)")
        return Decimal("".join(str(_DIGITS[c]) for c in t))

    tokens = _TOKEN.findall(t)
    n = len(tokens)
    yi_part = Decimal(0)      # everything before 亿, times 1e8
    wan_part = Decimal(0)     # the 万 section, times 1e4
    current = Decimal(0)      # below 万
    digit: Decimal | None = None
    digit_after_unit = 0      # the unit the pending digit directly follows (colloquial 一百五)
    last_small = 10_000       # small units must descend within a section
    wan_used = yi_used = False
    seen_zero = False         # a 零 between the last unit and the pending digit
    last_unit = 0             # value of the previous token if it was a unit, else 0
    any_content = False
    i = 0
    while i < n:
        tok = tokens[i]
        c = tok[0]
        if c.isascii() and c.isdigit():
            if digit is not None:
                raise _fail(s, "two numbers in a row")
            try:
                digit = Decimal(tok.replace(",", ""))
            except InvalidOperation:  # pragma: no cover - the token regex forbids it
                raise _fail(s, "bad Arabic digits") from None
            digit_after_unit = last_unit if not seen_zero else 0
            last_unit = 0
            any_content = True
        elif c in _DIGITS and len(tok) == 1:
            if c in _ZEROS:
                if digit is not None:
                    raise _fail(s, "zero after a digit")
                seen_zero = True
                last_unit = 0
                any_content = True
            else:
                if digit is not None:
                    raise _fail(s, "two digits in a row")
                digit = Decimal(_DIGITS[c])
                digit_after_unit = last_unit if not seen_zero else 0
                last_unit = 0
                any_content = True
        elif c in _SMALL_UNITS and len(tok) == 1:
            mult = _SMALL_UNITS[c]
            if mult >= last_small:
                raise _fail(s, "units out of order")
            if digit is None:
                # 十五, 一百十五, 百 (百分之百); 千 / 百 elsewhere need a digit
                if mult == 10 or (current == 0 and not any_content):
                    digit = Decimal(1)
                else:
                    raise _fail(s, f"{c} without a digit")
            current += digit * mult
            digit = None
            seen_zero = False
            last_small = mult
            last_unit = mult
            any_content = True
        elif c in _BIG_UNITS and len(tok) == 1:
            mult = _BIG_UNITS[c]
            section = current + (digit or 0)
            if digit is None and current == 0:
                # 万亿 after a 万 section: 2万亿
                if mult == 100_000_000 and wan_used and not yi_used and wan_part:
                    yi_part = (yi_part + wan_part) * mult
                    wan_part = Decimal(0)
                    wan_used = False
                    yi_used = True
                    last_small = 10_000
                    last_unit = mult
                    i += 1
                    continue
                raise _fail(s, f"{c} without a number before it")
            if mult == 10_000:
                if wan_used:
                    raise _fail(s, "万 twice")
                wan_part = section * mult
                wan_used = True
            else:
                if yi_used:
                    raise _fail(s, "亿 twice")
                yi_part = (yi_part + wan_part + section) * mult
                wan_part = Decimal(0)
                wan_used = False
                yi_used = True
            current = Decimal(0)
            digit = None
            seen_zero = False
            last_small = 10_000
            last_unit = mult
            any_content = True
        elif c in _POINTS and len(tok) == 1:
            # 三点五, 九十五点一, 三点五万: the fraction digits follow, then maybe 万/亿
            if digit is not None:
                if digit_after_unit > 10 or digit != digit.to_integral_value():
                    raise _fail(s, "点 after a short form or a decimal")
            elif not any_content:
                raise _fail(s, "点 without a number before it")
            int_part = current + (digit or 0)
            j = i + 1
            frac = []
            while j < n and len(tokens[j]) == 1 and tokens[j] in _DIGITS:
                frac.append(str(_DIGITS[tokens[j]]))
                j += 1
            if not frac:
                raise _fail(s, "点 without digits after it")
            current = Decimal(0)
            digit = int_part + Decimal("0." + "".join(frac))
            digit_after_unit = 0
            seen_zero = False
            last_small = 10  # nothing but 万/亿 may follow
            last_unit = 0
            i = j
            continue
        else:
            raise _fail(s, f"unexpected {tok!r}")
        i += 1

    if not any_content:
        raise _fail(s, "no digits")
    if digit is not None:
        if digit_after_unit > 10:
            # colloquial short form: 一百五 = 150, 两万三 = 23000, 三千二 = 3200
            if digit != digit.to_integral_value() or digit >= 10:
                raise _fail(s, "a number after a unit")
            current += digit * (digit_after_unit // 10)
        else:
            current += digit
    return yi_part + wan_part + current


def is_chinese_numeral(s: str) -> bool:
    """True when `s` is made only of Chinese numeral characters and reads as a number.

    It says nothing about context: 一 in 一是 / 统一 is a numeral by itself; `NUMERAL`
    already leaves out the commonest such words, the scanner decides about the rest.
    """
    if not s or not all(c in CHINESE_NUMERAL_CHARS for c in s):
        return False
    try:
        parse_number(s)
    except NumberError:
        return False
    return True


# --------------------------------------------------------------------------- scanner pattern
#
# NUMERAL matches one numeral token; use NUMERAL.finditer(text). Alternatives, in order:
#
#  1. 百分之 / 千分之 + a Chinese numeral (with 点) or Arabic digits:  百分之九十五点一, 百分之95
#  2. Arabic digits: 1,234 / 1，234 (groups of three only), 93.1, 137, full-width １２３．５,
#     optionally followed by a multiplier 万 / 亿 / 万亿 / 百万 / 千万 / 千 (not the 千 of 千米,
#     千克, 千瓦, 千伏, 千字), e.g. 2.6万, 1.2亿. A 1万5千 style number is two matches.
#     Never starts right after a digit or a decimal point, so no match begins inside a number;
#     a trailing % is NOT part of the match (the unit belongs to the scanner).
#  3. A run of Chinese numeral characters beginning with a digit or 十 (so 千万 "be sure to",
#     百姓, 万一 do not match), optionally 点 + digits, optionally ending in 万/亿:
#     三十二, 一千二百三十四, 两万三千, 三点五, 十五, 二〇二二.
#     Left out: a run right after 第 (ordinals: 第三, 第一), or right after another numeral
#     character (so no match starts inside a run), or right after 统 唯 单 逐 进 之 专
#     (统一, 唯一, 单一, 逐一, 进一步, 之一, 专一), or 一 right after 同 (同一: 合同五十八份 is
#     a count); and a lone 一 followed by
#     是 些 般 直 起 致 律 体 站 切 同 旦 定 道 窗 网 把 揽 系 线 并 样 味 贯 再 流
#     (一是, 一些, 一般, 一站式, 一窗通办, 一网通办, 一把手 …).
#     A run that begins with 十 right after 数 / 几 (数十件, 几十人) is vague and left out.
#     A matched run may still not be a number (十四五, 八五): parse_number refuses it.
#  4. A bare 百 / 千 / 万 (百万, 千万) that stands for 一百 / 一千 / 一万 — only where the text
#     makes it a rough count: right after a qualifier (逾千人, 近万件, 上百次, 超千件, 约百人)
#     before a measure word, or before 余 / 多 and a measure word (千余人, 万余件). Never 百分之,
#     百姓, 千万 "be sure to", 万一, 千方百计, 近百年; never after 数 / 几 (数百件, 几千人 are
#     vague). parse_number refuses a bare 万: the reader prefixes 一 (see `bare_numeral`).
#
# The match is the whole numeral and nothing else (no qualifier, no unit, no sign).

_CN_DIGIT = "零〇○一二两三四五六七八九"
_MEASURE = "[件起宗人名位个家次场期份项条篇户元所支堂卷]"   # what a bare 百/千/万 must count
_CN_ALL = _CN_DIGIT + "十百千万亿"
NUMERAL_PATTERN = (
    r"(?:[百千]分之(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[" + _CN_ALL + r"]+(?:点[" + _CN_DIGIT + r"]+)?))"
    r"|(?:(?<![0-9０-９.．])"
    r"(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
    r"(?:[百千]?万亿?|[百千]?亿|千(?![米克瓦伏字]))?)"
    r"|(?:(?<![第统唯单逐进之专" + _CN_ALL + r"点])(?!(?<=同)一(?![十百千万亿零〇○两二三四五六七八九点]))"
    r"(?!一[是些般直起致律体站切同旦定道窗网把揽系线并样味贯再流])"
    r"(?:[" + _CN_DIGIT + r"]|(?<![数几])十)[" + _CN_ALL + r"]*(?:点[" + _CN_DIGIT + r"]+[万亿]?)?)"
    r"|(?:(?<=[逾近超过约上])(?:[百千]万?|万)(?=[余多]?\s*" + _MEASURE + r"))"
    r"|(?:(?<![" + _CN_ALL + r"第数几])(?:[百千]万?|万)(?=[余多]\s*" + _MEASURE + r"))"
)
NUMERAL = re.compile(NUMERAL_PATTERN)


def bare_numeral(s: str) -> bool:
    """A numeral that begins with a bare 百 / 千 / 万 (alternative 4 of NUMERAL): its value is
    that of 一 + s (近万件 → 一万)."""
    return bool(s) and s[0] in "百千万" and not s.startswith(("百分之", "千分之"))
