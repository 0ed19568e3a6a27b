"""A Word .docx document to report text, with python-docx (the maintained reader of the format).

Body paragraphs and tables are read in document order; a table row becomes one
``cell | cell`` line (a merged cell once). Page headers and footers are left out: they hold
page numbers and letterheads, not the report.
"""

from __future__ import annotations

import io
import re
import zipfile

from lawgov.errors import SourceError

_WS = re.compile(r"[ \t\r\n\f\v]+")


def _cell_text(cell) -> str:
    return _WS.sub(" ", cell.text).strip()


MAX_UNPACKED = 200 * 1024 * 1024
#: The XML parts a Word reader parses into a tree (about 25 bytes of memory per byte of XML):
#: a 300-page report's is under 10 MB; 190 MB of XML took 4.8 GB and two minutes.
MAX_XML = 40 * 1024 * 1024


def docx_text(data: bytes) -> str:
    import docx                       # imported here: only Word files pay for it
    from docx.table import Table

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SourceError(f"damaged Word document: not a readable .docx archive ({exc})") from None
    if "word/document.xml" not in names:
        raise SourceError("not a Word document: a zip archive without word/document.xml "
                          "(an Excel, PowerPoint or other archive?)")
    unpacked = sum(info.file_size for info in zf.infolist())
    if unpacked > MAX_UNPACKED:
        raise SourceError(f"Word document unpacks to {unpacked // (1 << 20)} MB, over the "
                          f"{MAX_UNPACKED // (1 << 20)} MB a report could need (a zip bomb?)")
    xml = sum(i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML:
        raise SourceError(f"Word document's XML unpacks to {xml // (1 << 20)} MB, over the "
                          f"{MAX_XML // (1 << 20)} MB a report's text could need (a zip bomb?)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells, seen = [], set()
                    for cell in row.cells:
                        key = id(cell._tc)
                        if key in seen:        # a merged cell repeats across its span
                            continue
                        seen.add(key)
                        cells.append(_cell_text(cell))
                    if any(cells):
                        lines.append(" | ".join(cells))
            else:
                text = block.text.strip()
                if text:
                    lines.append(text)
    except SourceError:
        raise
    except Exception as exc:  # python-docx / lxml raise many types for damaged parts
        raise SourceError(f"damaged Word document ({type(exc).__name__}: {exc})") from None
    if not lines:
        raise SourceError("Word document without text")
    return "\n".join(lines)
