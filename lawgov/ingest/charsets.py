"""Bytes to text: which encoding a Chinese report was saved in.

Government reports arrive as UTF-8 (with or without a byte-order mark), GBK / GB18030 (what
Chinese Windows and many government sites still write) and now and then UTF-16. The order of
the checks keeps the common case cheap, because the plain-text path runs over every file of a
large folder:

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) decides at once;
2. strict UTF-8: real GBK text of any length is practically never valid UTF-8;
3. an encoding the file declares (an HTML ``<meta charset>``), if the bytes decode with it;
4. GBK, then GB18030, if the bytes decode cleanly and read as Chinese (most characters in the
   GB2312 set of common characters: Big5 bytes also decode as GBK, but into rare characters);
5. charset-normalizer, the maintained detector, for everything else (Big5, UTF-16 without a
   mark, …).

``decode`` raises :class:`SourceError` with a reason a user understands when nothing fits.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from lawgov.errors import SourceError

# Han ideographs: the unified block, extension A, compatibility ideographs, extensions B–G.
CJK_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

SAMPLE_CHARS = 20_000          # how much of a text the Chinese-or-not checks look at
GB_SAMPLE_CHARS = 4_000        # how much of a GBK decoding the common-characters check reads
MIN_CJK_CHARS = 10             # fewer Han characters than this and it is not a Chinese text
MIN_CJK_SHARE = 0.3            # of the words (a Han character, or ~5 letters of another script)
LETTERS_PER_WORD = 5           # a Han character says about what a word of English does
MIN_GB2312_SHARE = 0.8         # of the Han characters, for a GBK/GB18030 guess to count

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Labels a page may declare, mapped to the codec that reads them without loss: pages that say
# gb2312 routinely hold GBK characters, and GB18030 is a superset of both.
_ALIASES = {
    "gb2312": "gbk", "gb_2312": "gbk", "gb_2312-80": "gbk", "csgb2312": "gbk", "x-gbk": "gbk",
    "cp936": "gbk", "ms936": "gbk", "windows-936": "gbk", "chinese": "gbk", "euc-cn": "gbk",
    "hz-gb-2312": "hz", "big5-hkscs": "big5hkscs", "x-big5": "big5", "unicode": "utf-16",
    "utf8": "utf-8",
}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str      # the name reported to users: utf-8, utf-8-sig, gbk, gb18030, utf-16, …
    note: str | None = None   # what reading it cost (stray bytes dropped), for the ingest log


def bom_encoding(data: bytes) -> tuple[str, str, int] | None:
    """(codec, reported name, length of the mark) for data that starts with a byte-order mark."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name, len(bom)
    return None


def normalise_label(label: str) -> str | None:
    """The Python codec for an encoding label such as 'GB2312' or 'utf8', or None if unknown."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


@lru_cache(maxsize=1)
def gb2312_chars() -> frozenset[str]:
    """The 6,763 Han characters of GB2312: the characters everyday Simplified Chinese uses."""
    chars = set()
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@dataclass(frozen=True)
class Script:
    cjk: int            # Han characters in the sample
    letters: int        # letters of any script (Han included) in the sample
    controls: int       # stray control characters in the sample

    @property
    def cjk_share(self) -> float:
        """Han characters among the words: a Han character is about a word, a word of a
        Latin script about five letters, so a page with its English translation beside the
        Chinese (machine-translated sites) is still Chinese, an English page is not."""
        words = self.cjk + (self.letters - self.cjk) / LETTERS_PER_WORD
        return self.cjk / words if words else 0.0


def _keep_only(keep: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in keep)


# Counting by UTF-8 lead bytes keeps the check at C speed (a regex over the text costs 100x):
# E4–E9 lead the 3-byte forms of U+4000–U+9FFF (the Han block and the end of extension A),
# F0 A0–F0 B1 the Han extensions B–G; C3–DF lead Latin-1 letters, Greek, Cyrillic, Arabic….
_DROP_UNLESS_HAN_LEAD = _keep_only(bytes(range(0xE4, 0xEA)))
_DROP_UNLESS_OTHER_LETTER = _keep_only(
    bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B)) + bytes(range(0xC3, 0xE0)))
_DROP_UNLESS_CONTROL = _keep_only(bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13)) +
                                  b"\x7f")


def script_of(text: str) -> Script:
    """Han characters, letters and control characters in (the first 20,000 characters of) a
    text, counted approximately and fast: this runs on every file."""
    sample = text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS]
    b = sample.encode("utf-8", "surrogatepass")
    cjk = len(b.translate(None, _DROP_UNLESS_HAN_LEAD))
    if b"\xf0" in b:   # rare: characters beyond the BMP (Han extensions B–G, emoji)
        cjk += sum(1 for c in sample if "\U00020000" <= c <= "\U0003134f")
    other = len(b.translate(None, _DROP_UNLESS_OTHER_LETTER))
    controls = len(b.translate(None, _DROP_UNLESS_CONTROL))
    return Script(cjk=cjk, letters=cjk + other, controls=controls)


def looks_chinese(text: str) -> bool:
    s = script_of(text)
    return s.cjk >= MIN_CJK_CHARS and s.cjk_share >= MIN_CJK_SHARE and s.controls * 100 <= len(
        text[:SAMPLE_CHARS])


def _looks_gb(text: str) -> bool:
    """A GBK/GB18030 decoding that reads as ordinary Simplified Chinese: enough Han characters,
    most of them among GB2312's common ones. (Only the Han characters are judged: in a web page
    the markup's Latin letters far outnumber them.)"""
    han = CJK_RE.findall(text[:GB_SAMPLE_CHARS * 4] if len(text) > GB_SAMPLE_CHARS * 4 else text)
    if len(han) < MIN_CJK_CHARS:
        return False
    han = han[:GB_SAMPLE_CHARS]
    common = gb2312_chars()
    return sum(1 for c in han if c in common) >= MIN_GB2312_SHARE * len(han)


def _has_han(text: str) -> bool:
    """Enough Han characters and no stray control characters. (Whether they are enough *of
    the text* is judged on the extracted text: in a web page the markup outweighs them.)"""
    s = script_of(text)
    return s.cjk >= MIN_CJK_CHARS and s.controls * 100 <= len(text[:SAMPLE_CHARS])


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode the bytes of a text or HTML file; ``declared`` is an encoding the file names."""
    bom = bom_encoding(data)
    if bom is not None:
        codec, name, skip = bom
        text = _strict(data[skip:], codec)
        if text is None:
            raise SourceError(f"the file starts with a {name} byte-order mark but is not valid "
                              f"{name} text (damaged or truncated)")
        return Decoded(text, name)

    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")

    if declared:
        codec = normalise_label(declared)
        if codec == "gbk":  # read declared GB2312/GBK with the superset first, report honestly
            for c in ("gbk", "gb18030"):
                text = _strict(data, c)
                if text is not None:
                    return Decoded(text, c)
        elif codec is not None and codec != "utf-8":
            text = _strict(data, codec)
            if text is not None and _has_han(text):
                return Decoded(text, codec)

    if b"\x00" not in data[:4096]:  # UTF-16 without a mark has NULs; GB text never does
        for codec in ("gbk", "gb18030"):
            text = _strict(data, codec)
            if text is not None:
                if _looks_gb(text):
                    return Decoded(text, codec)
                break  # gbk decoded cleanly but is not Chinese: gb18030 would say the same

    return _with_stray_bytes(data) or _detect(data)


#: Undecodable bytes per 10,000 a text may hold and still be read, each one dropped: a flipped
#: bit or a byte pasted in costs that byte, not the report.
STRAY_PER_10K = 10


def _with_stray_bytes(data: bytes) -> Decoded | None:
    """UTF-8 or GB text with a few bytes that fit no character, read without them."""
    allowed = max(1, len(data) * STRAY_PER_10K // 10_000)
    for codec in ("utf-8", "gb18030"):
        stray = data.decode(codec, errors="replace").count("\ufffd")
        if stray <= allowed:
            text = data.decode(codec, errors="ignore")
            if _has_han(text) and (codec == "utf-8" or _looks_gb(text)):
                try:
                    data.decode(codec)
                except UnicodeDecodeError as exc:
                    first = exc.start
                return Decoded(text, codec, f"read as {codec} without {stray} byte(s) that fit no "
                                            f"character (the first at byte {first})")
    return None


def _detect(data: bytes) -> Decoded:
    # Imported here: the detector costs ~50 ms to import and most files never need it.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError("binary data, not text (no text encoding fits its bytes)")
    text = str(best)
    name = normalise_label(best.encoding) or best.encoding
    if not _has_han(text):
        s = script_of(text)
        if s.controls * 100 > len(text[:SAMPLE_CHARS]):
            raise SourceError("binary data, not text (no text encoding fits its bytes)")
        raise SourceError(f"not Chinese text (read as {name}, only {s.cjk} of its "
                          f"{s.letters} letters are Chinese characters)")
    return Decoded(text, name.replace("_", "-"))


# Bytes that text files do not contain: C0 controls except tab, newline, form feed, carriage
# return and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
BINARY_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    """Control bytes in more than 1 % of the first 8 KB (text in any 8-bit encoding has none;
    UTF-16 has many, so call this only for data without a byte-order mark)."""
    sample = data[:BINARY_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls * 100 > len(sample)


def decode_utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark, if the bytes are that (and Chinese).

    Random bytes are practically never valid UTF-16 (a lone surrogate turns up within a few
    hundred characters), so a strict decoding that reads as Chinese is taken."""
    if len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if text is not None and looks_chinese(text):
            return Decoded(text, codec)
    return None
