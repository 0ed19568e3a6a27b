"""A file of the reports folder to text: what format it is, how it is encoded, what it says.

``read_source`` never raises for bad input: a file it cannot read comes back with
``status="quarantined"`` and a ``reason`` in words a user understands. Formats:

- plain text (.txt, or any name whose bytes are text): decoded (see ``lawgov.ingest.charsets``) and
  returned as it is, line ends unified to ``\\n``; this path is kept cheap, it runs over every
  file of large folders;
- web pages (.html/.htm/…, or text that starts like HTML): the article only (``lawgov.ingest.webpage``);
- PDF with a text layer (``lawgov.ingest.pdf``); a scan without one is quarantined;
- Word .docx (``lawgov.ingest.word``);
- anything else (images, archives, old .doc/.xls/.wps, RTF, OFD, binary data) is quarantined
  with what it appears to be.

Files larger than ``MAX_BYTES`` are quarantined unread, as are empty files and texts with
almost no Chinese characters.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from lawgov.ingest import charsets
from lawgov.errors import SourceError

#: Files larger than this are quarantined without being parsed ("too large"). Real reports are
#: 10 KB – 2 MB even as PDF with images; anything bigger is a scan, a bundle or a mistake, and
#: parsing it would hold up a scheduled rebuild. Pass ``max_bytes`` to read_source to change it.
MAX_BYTES = 20 * 1024 * 1024

MANIFEST_NAME = "manifest.csv"
CORRECTIONS_NAME = "corrections.csv"     # hand corrections of facts (warehouse/corrections.py)

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office / WPS file (.doc, .xls, .ppt or "
     ".wps); save it as .docx or PDF to load it"),
    (b"{\\rtf", "an RTF document; save it as .docx or PDF to load it"),
    (b"\x89PNG\r\n\x1a\n", "an image (PNG), not text; a scanned report needs OCR first"),
    (b"\xff\xd8\xff", "an image (JPEG), not text; a scanned report needs OCR first"),
    (b"GIF87a", "an image (GIF), not text"),
    (b"GIF89a", "an image (GIF), not text"),
    (b"II*\x00", "an image (TIFF), not text; a scanned report needs OCR first"),
    (b"MM\x00*", "an image (TIFF), not text; a scanned report needs OCR first"),
    (b"\x1f\x8b", "a gzip archive; unpack it into the folder first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it into the folder first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it into the folder first"),
    (b"\x7fELF", "a program (ELF executable), not a report"),
    (b"MZ", "a Windows program or library, not a report"),
    (b"MIME-Version:", "a saved web archive (.mht); save the page as .html to load it"),
)


@dataclass
class Source:
    path: Path            # absolute path
    name: str             # path relative to the reports folder, posix separators (= source_file)
    size: int
    sha256: str           # of the bytes
    mtime_ns: int
    format: str           # txt | html | pdf | docx | unknown
    encoding: str | None  # utf-8, utf-8-sig, gbk, gb18030, utf-16, … (None for binary formats)
    text: str | None      # the decoded main text (None when quarantined)
    status: str           # "loaded" | "quarantined"
    reason: str | None    # why quarantined, in words a user understands (loaded: what reading it cost)


class FileEntry(NamedTuple):
    """A file of the reports folder as the build first sees it: its name and stat (a tuple:
    100k of them are made at each build, most of a build with nothing changed)."""

    name: str             # relative posix path (= source_file)
    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    """An entry of the reports folder that is not read, and why (a row of meta.ingest_log)."""

    name: str             # relative posix path
    path: str
    reason: str


#: Names of a DuckDB warehouse and its companions: a warehouse kept in the reports folder is
#: lawgov's own output, not a report, and reading it while it is written would race.
_WAREHOUSE_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb.lock", ".duckdb.tmp", ".wal")

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def scan_folder(root: Path) -> tuple[list[FileEntry], list[Skipped]]:
    """Every report file under ``root`` with its size and mtime, and every other entry with
    the reason it is skipped, both sorted by relative path.

    manifest.csv, corrections.csv, dot-files and dot-directories (.git, editors' temp files…) are passed over
    in silence. Links are followed only to a file inside the folder: a loop, a dangling link,
    a link leaving the folder or to a folder, a FIFO (opening one would block the build), a
    device and an unreadable folder are skipped with a reason, never opened.
    One scandir pass: at 100k files this is what a no-change rebuild mostly costs."""
    found: list[FileEntry] = []
    skipped: list[Skipped] = []
    top = Path(root).absolute()
    real_top = os.path.realpath(top)

    def walk(folder: str, prefix: str) -> None:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            skipped.append(Skipped(prefix.rstrip("/") or ".", folder,
                                   f"folder cannot be read: {exc.strerror or exc}"))
            return
        for e in entries:
            if e.name.startswith(".") or (e.name in (MANIFEST_NAME, CORRECTIONS_NAME) and not prefix):
                continue
            name = prefix + e.name
            try:
                if e.is_symlink():
                    reason = _link_problem(e.path, real_top)
                    if reason:
                        skipped.append(Skipped(name, e.path, reason))
                        continue
                    st = os.stat(e.path)
                elif e.is_dir(follow_symlinks=False):
                    walk(e.path, name + "/")
                    continue
                else:
                    st = e.stat(follow_symlinks=False)
            except OSError as exc:
                skipped.append(Skipped(name, e.path, f"cannot be read: {exc.strerror or exc}"))
                continue
            reason = _not_a_report(e.name, st)
            if reason is None:
                found.append(FileEntry(name, e.path, st.st_size, st.st_mtime_ns))
            else:
                skipped.append(Skipped(name, e.path, reason))

    walk(str(top), "")
    found.sort(key=lambda f: f.name)
    skipped.sort(key=lambda f: f.name)
    return found, skipped


def _link_problem(path: str, real_top: str) -> str | None:
    """Why a symbolic link is not followed, or None for a link to a file in the folder."""
    target = os.readlink(path)
    try:
        real = Path(path).resolve(strict=True)
    except RuntimeError:
        return f"a symbolic link loop ({target}), not followed"
    except FileNotFoundError:
        return f"a dangling symbolic link to {target} (its target does not exist)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"a symbolic link loop ({target}), not followed"
        return f"a symbolic link that cannot be followed: {exc.strerror or exc}"
    if os.path.commonpath([real_top, str(real)]) != real_top:
        return f"a symbolic link to {real}, outside the reports folder; not followed"
    if real.is_dir():
        return "a symbolic link to a folder; not followed (a link can make a loop)"
    return None


def _not_a_report(name: str, st: os.stat_result) -> str | None:
    """Why a directory entry that is no folder is not read as a report, or None."""
    if not stat.S_ISREG(st.st_mode):        # a regular file first: 100k of them at national scale
        for test, what in _KINDS:
            if test(st.st_mode):
                return f"{what}, not a regular file"
        return "not a regular file"
    lower = name.lower()
    if lower.endswith(_WAREHOUSE_SUFFIXES) or lower.endswith(".lock") or ".wal.set-aside-" in lower:
        return "a DuckDB warehouse file (lawgov's output, not a report)"
    return None


def scan_tree(root: Path) -> list[FileEntry]:
    """The report files of ``root`` (see scan_folder), without the skipped entries."""
    return scan_folder(root)[0]


def list_sources(root: Path) -> list[Path]:
    """Every candidate file under ``root`` (see scan_tree), as paths."""
    return [Path(f.path) for f in scan_tree(root)]


def sha256_file(path: Path) -> str:
    """The hash a file is known by, read in chunks so a large file costs no memory."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _sniff_binary(data: bytes) -> str | None:
    """What a file is when its first bytes say it is not text, PDF, .docx or HTML."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "an image (WebP), not text"
    return None


def _zip_kind(data: bytes) -> str:
    """'docx' for a Word document, else a reason naming the kind of archive."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "a damaged zip archive (or .docx/.xlsx) that cannot be opened"
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "an OFD document (China's fixed-layout format); convert it to PDF to load it"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook (.xlsx), not a report text"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint file (.pptx), not a report text"
    return "a zip archive; unpack it into the folder first"


def _parse(data: bytes, suffix: str) -> tuple[str, str | None, str, str | None]:
    """(format, encoding, text, note on what reading it cost); raises SourceError with the
    reason a file cannot be loaded."""
    head = data[:16]
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in data[:1024]):
        from lawgov.ingest.pdf import pdf_text
        return "pdf", None, pdf_text(data), None
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind != "docx":
            raise SourceError(kind)
        from lawgov.ingest.word import docx_text
        return "docx", None, docx_text(data), None
    what = _sniff_binary(head)
    if what:
        raise SourceError(what)
    if suffix == ".pdf":
        raise SourceError("not a PDF: the file has a .pdf name but no PDF header")
    if suffix == ".docx":
        raise SourceError("not a Word document: a .docx name but not a .docx file")

    from lawgov.ingest import webpage
    is_html = suffix in HTML_SUFFIXES or webpage.looks_like_html(data)
    if charsets.bom_encoding(data) is None and charsets.looks_binary(data):
        decoded = charsets.decode_utf16_without_bom(data)
        if decoded is None:
            raise SourceError("binary data, not text (control bytes throughout the file)")
    else:
        declared = webpage.meta_charset(data) if is_html else None
        decoded = charsets.decode(data, declared)
    text = decoded.text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_html or (suffix not in TEXT_SUFFIXES and webpage.looks_like_html(text)):
        return "html", decoded.encoding, webpage.main_text(text), decoded.note
    return "txt", decoded.encoding, text, decoded.note


def read_source(path: Path, root: Path, *, max_bytes: int = MAX_BYTES) -> Source:
    """Read one file of the reports folder; never raises for bad input (see module doc)."""
    path = Path(path).absolute()
    try:
        name = path.relative_to(Path(root).absolute()).as_posix()
    except ValueError:
        name = path.name
    suffix = path.suffix.lower()

    def quarantined(reason, *, size=0, sha="", mtime=0, fmt="unknown", enc=None):
        return Source(path, name, size, sha, mtime, fmt, enc, None, "quarantined", reason)

    try:
        st = path.stat()
    except OSError as exc:
        return quarantined(f"cannot be read: {exc.strerror or exc}")
    size, mtime = st.st_size, st.st_mtime_ns
    if not path.is_file():
        return quarantined("not a regular file", size=size, mtime=mtime)
    try:
        if size > max_bytes:
            return quarantined(f"too large: {_megabytes(size)}, over the {_megabytes(max_bytes)} "
                               f"limit for one report (a scan, an archive or a wrong file?)",
                               size=size, sha=sha256_file(path), mtime=mtime,
                               fmt=_format_guess(b"", suffix))
        data = path.read_bytes()
    except OSError as exc:
        return quarantined(f"cannot be read: {exc.strerror or exc}", size=size, mtime=mtime)
    size = len(data)
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        return quarantined("empty file", sha=sha, mtime=mtime)

    fmt, enc = "unknown", None
    try:
        fmt, enc, text, note = _parse(data, suffix)
        if not text.strip():
            raise SourceError("no text: the file holds only blank space")
        script = charsets.script_of(text)
        if script.cjk < charsets.MIN_CJK_CHARS or script.cjk_share < charsets.MIN_CJK_SHARE:
            raise SourceError(f"not Chinese text: only {script.cjk} of its {script.letters} "
                              f"letters are Chinese characters")
    except SourceError as exc:
        if fmt == "unknown":
            fmt = _format_guess(data, suffix)
        return quarantined(exc.message, size=size, sha=sha, mtime=mtime, fmt=fmt, enc=enc)
    except Exception as exc:  # a bug or a library failing on odd input: still never raise
        return quarantined(f"could not be read ({type(exc).__name__}: {exc})", size=size,
                           sha=sha, mtime=mtime, fmt=_format_guess(data, suffix), enc=enc)
    return Source(path, name, size, sha, mtime, fmt, enc, text, "loaded", note)


def _format_guess(data: bytes, suffix: str) -> str:
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".txt", ".text"):
        return "txt"
    return "unknown"
