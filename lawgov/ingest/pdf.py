"""A PDF's text layer to report text, with pypdf (pure Python, maintained, no system library).

A PDF stores lines, not paragraphs: a paragraph of a report comes out as several lines broken
wherever the page was full, often inside a number ("1" / "23件"). The lines are joined back:
a line that reaches the right margin (its display width, Han characters counting double, is
close to the longest line of its page) and does not end a sentence continues on the next line.
Some producers also space every Han character ("法 治 政 府"); such spacing is removed.

Raises SourceError with a reason for: an encrypted PDF that needs a password, a truncated or
damaged file, and a PDF without a text layer (a scan that needs OCR).
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata

from lawgov.ingest.charsets import CJK_RE
from lawgov.errors import SourceError

FULL_LINE = 0.85             # a line this close to the page's longest one reaches the margin
_SENTENCE_END = tuple("。！？!?；;：:")
_SPACED_HAN = re.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%]) "
                         r"(?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%])")
_HAN_SPACE_HAN = re.compile(r"[\u3400-\u9fff] (?=[\u3400-\u9fff])")
_PAGE_NUMBER = re.compile(r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                          r"|\d+\s*/\s*\d+)$")
_INDENT = ("\u3000", "  ")
# joining a wrapped line: a space only between two Latin words (English wraps at spaces);
# digits never get one, a number broken at the margin is one number
_ASCII_WORD_END = re.compile(r"[A-Za-z][,.;:]?$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z(]")


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _unspace(text: str) -> str:
    """Remove the spaces some producers put between every two Han characters."""
    han = len(CJK_RE.findall(text))
    spaced = len(_HAN_SPACE_HAN.findall(text))
    if han and spaced > 0.5 * han:
        text = _SPACED_HAN.sub("", text)
    return text


def join_wrapped(pages: list[list[str]]) -> list[str]:
    """Join lines that were broken only because the line was full, across pages too.

    The longest line of the document sets the margin. A line that starts indented (two spaces
    or an ideographic space, as Chinese paragraphs do) always starts a paragraph; in a document
    so indented, a full line continues even when it ends a sentence. A page
    number alone on the first or last line of a page ("- 3 -", "第3页 共9页") is dropped so
    it does not split a paragraph."""
    cleaned: list[list[str]] = []
    for lines in pages:
        lines = [ln.rstrip() for ln in lines]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines and _PAGE_NUMBER.match(lines[-1].strip()):
            lines.pop()
        if lines and _PAGE_NUMBER.match(lines[0].strip()):
            lines.pop(0)
        cleaned.append(lines)
    full = FULL_LINE * max((_width(ln.strip()) for lines in cleaned for ln in lines), default=0)
    # where paragraphs are indented, a full line ending a sentence still continues unless the
    # next line is indented; elsewhere a sentence end at the margin ends the paragraph
    indented = sum(1 for lines in cleaned for ln in lines if ln.startswith(_INDENT)) >= 3
    out: list[str] = []
    carry: list[str] = []          # the paragraph being joined, in pieces: joined once, at its end
    for lines in cleaned:
        for raw in lines:
            ln = raw.strip()
            if not ln or raw.startswith(_INDENT):
                if carry:
                    out.append("".join(carry))
                    carry = []
                if not ln:
                    continue
            w = _width(ln)
            if carry:   # the last two characters decide the space, not a search of the paragraph
                latin = _ASCII_WORD_END.search(carry[-1][-2:]) and _ASCII_WORD_START.search(ln)
                sep = " " if latin else ""
                carry.append(sep + ln)
            else:
                carry = [ln]
            if not (w >= full and (indented or not ln.endswith(_SENTENCE_END))):
                out.append("".join(carry))
                carry = []
    if carry:
        out.append("".join(carry))
    return out


def _check_complete(data: bytes) -> None:
    if not data.startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise SourceError("not a PDF: the file has a .pdf name but no PDF header")
    if b"%%EOF" not in data[-2048:]:
        raise SourceError("truncated PDF: the file ends before the PDF's end marker "
                          "(it was probably cut off while downloading)")


def pdf_text(data: bytes) -> str:
    """The text of a PDF's pages, one paragraph a line."""
    _check_complete(data)
    from pypdf import PdfReader          # imported here: only PDFs pay for it
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)        # pypdf warns about every small irregularity
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise SourceError("password-protected PDF: it cannot be opened "
                                          "without its password")
                except (NotImplementedError, DependencyError, FileNotDecryptedError,
                        PdfReadError) as exc:
                    raise SourceError(f"encrypted PDF that cannot be decrypted ({exc})") from None
            pages = reader.pages
            n_pages = len(pages)
        except SourceError:
            raise
        except Exception as exc:  # pypdf raises many types for damaged files
            raise SourceError(f"damaged PDF that cannot be read ({type(exc).__name__}: "
                              f"{exc})") from None
        if n_pages == 0:
            raise SourceError("PDF without pages")
        texts = []
        for i, page in enumerate(pages, 1):
            try:
                raw = page.extract_text() or ""
            except Exception as exc:
                raise SourceError(f"damaged PDF: page {i} of {n_pages} cannot be read "
                                  f"({type(exc).__name__}: {exc})") from None
            texts.append(_unspace(raw.replace("\x00", "")).splitlines())
    finally:
        quiet.setLevel(level)
    text = "\n".join(join_wrapped(texts))
    if not text.strip():
        raise SourceError(f"scanned PDF without a text layer ({n_pages} page"
                          f"{'s' if n_pages != 1 else ''} of images; it needs OCR)")
    return text
