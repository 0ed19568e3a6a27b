"""A PDF's text layer to report text, with pypdfium2 (PDFium, the PDF engine of Chromium, in a
wheel that carries its own library: nothing to install on the system).

pypdfium2 replaced pypdf: on the corpus factory's PDFs it reads the same lines with 3-6× less
CPU (bench/pdf_text.py; figures in bench/README.md), and the facts are the same.

A PDF stores lines, not paragraphs: a paragraph of a report comes out as several lines broken
wherever the page was full, often inside a number ("1" / "23件"). The lines are joined back:
a line that reaches the right margin (its display width, Han characters counting double, is
close to the longest line of its page) and does not end a sentence continues on the next line.
Some producers also space every Han character ("法 治 政 府"); such spacing is removed.

Raises SourceError with a reason for: an encrypted PDF that needs a password, a truncated or
damaged file, and a PDF without a text layer (a scan that needs OCR).
"""

from __future__ import annotations

import re
import unicodedata

from lawgov.ingest.charsets import CJK_RE
from lawgov.errors import SourceError

FULL_LINE = 0.85             # a line this close to the page's longest one reaches the margin
SENTENCE_END = tuple("。！？!?；;：:")     # (text.layout reads printed lines the same way)
_SPACED_HAN = re.compile(r"(?<=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%]) "
                         r"(?=[\u3400-\u9fff\uff00-\uffef\u3000-\u303f0-9.%])")
HAN_SPACE_HAN = re.compile(r"[\u3400-\u9fff] (?=[\u3400-\u9fff])")   # (text.layout counts them the same way)
_PAGE_NUMBER = re.compile(r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                          r"|\d+\s*/\s*\d+)$")
INDENT = ("\u3000", "  ")
# joining a wrapped line: a space only between two Latin words (English wraps at spaces);
# digits never get one, a number broken at the margin is one number
_ASCII_WORD_END = re.compile(r"[A-Za-z][,.;:]?$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z(]")


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _unspace(text: str) -> str:
    """Remove the spaces some producers put between every two Han characters."""
    han = len(CJK_RE.findall(text))
    spaced = len(HAN_SPACE_HAN.findall(text))
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
    indented = sum(1 for lines in cleaned for ln in lines if ln.startswith(INDENT)) >= 3
    out: list[str] = []
    carry: list[str] = []          # the paragraph being joined, in pieces: joined once, at its end
    for lines in cleaned:
        for raw in lines:
            ln = raw.strip()
            if not ln or raw.startswith(INDENT):
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
            if not (w >= full and (indented or not ln.endswith(SENTENCE_END))):
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


# PDFium's load errors (FPDF_ERR_*) other than the two that have their own reason
_PDFIUM_ERRORS = {1: "unknown error", 2: "file access error", 3: "data format error",
                  6: "page not found or content error"}


def _page_lines(data: bytes) -> tuple[list[list[str]], int]:
    """The lines of each page as PDFium lays them out, and the number of pages.

    PDFium's documents, pages and text pages are native objects: each is closed as soon as it
    has been read, not left to the garbage collector, so a worker's memory does not grow with
    the PDFs it has read."""
    import pypdfium2 as pdfium           # imported here: only PDFs pay for it
    import pypdfium2.raw as pdfium_c

    # loaded here rather than by PdfDocument(data), which tells a PDF of no page from a failed
    # load by PDFium's last error, and that error stays from an earlier failed file
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)   # no password, or an empty one
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise SourceError("password-protected PDF: it cannot be opened "
                              "without its password")
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise SourceError("encrypted PDF that cannot be decrypted (PDFium: unsupported "
                              "security scheme)")
        raise SourceError(f"damaged PDF that cannot be read (PDFium: "
                          f"{_PDFIUM_ERRORS.get(code, 'unknown error')})")
    doc = pdfium.PdfDocument(raw)        # owns the handle from here: closed in the finally below
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise SourceError("PDF without pages")
        pages = []
        for i in range(n_pages):
            try:
                page = doc[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except pdfium.PdfiumError as exc:
                raise SourceError(f"damaged PDF: page {i + 1} of {n_pages} cannot be read "
                                  f"({exc})") from None
            pages.append(_unspace(text.replace("\x00", "")).splitlines())
        return pages, n_pages
    finally:
        doc.close()


def pdf_text(data: bytes) -> str:
    """The text of a PDF's pages, one paragraph a line."""
    _check_complete(data)
    pages, n_pages = _page_lines(data)
    text = "\n".join(join_wrapped(pages))
    if not text.strip():
        raise SourceError(f"scanned PDF without a text layer ({n_pages} page"
                          f"{'s' if n_pages != 1 else ''} of images; it needs OCR)")
    return text
