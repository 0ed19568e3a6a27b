#!/usr/bin/env python3
"""PDF text extraction: pypdf against pypdfium2, in the same process run, on the same files.

    .venv/bin/python bench/pdf_text.py [--pages 5 50 500] [--runs 5] [--keep DIR]

The files are the corpus factory's PDFs (tests/corpus_factory.py: every bundled report typeset
with fpdf2 and the CJK font subset, lines wrapped inside numbers, page numbers at the foot),
and synthetic reports of exactly N pages made the same way from the bundled reports' lines.

Both readers give lawgov the same thing, the lines of each page; what follows is lawgov's own
and shared: ``_unspace`` per page and ``join_wrapped`` over the document. Each file is read
``--runs`` times by each library, the two alternating (which one goes first swaps every run) so
that the load of a shared machine falls on both alike. Printed per file: median wall and CPU
time (``time.process_time``: this process's CPU, native code included) for each library, pages
per CPU second, the CPU of lawgov's re-joining alone (included in both), and the CPU ratio
whole ("cpu ×") and of the libraries' read alone ("read ×", the re-joining taken out); then whether the re-joined text is identical and, if not, how it
differs and whether the facts are the same (``lawgov.build.parse_file`` on the text, the facts
as (indicator, value, unit, qualifier, year, scope)). For the corpus PDFs the facts are also
compared with the plain text's. Last, that ``lawgov.ingest.pdf.pdf_text`` gives the same text
as one of the two, and each library's import time in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import difflib
import io
import logging
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from corpus_factory import FONT, _lines, build_corpus, bundled_reports  # noqa: E402
from lawgov.ingest.pdf import _unspace, join_wrapped  # noqa: E402


# ------------------------------------------------------------------ the two readers

def pages_pypdf(data: bytes) -> list[str]:
    """Each page's text, as lawgov read it with pypdf before pypdfium2."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    return [p.extract_text() or "" for p in reader.pages]


def pages_pdfium(data: bytes) -> list[str]:
    """Each page's text with pypdfium2, every native object closed once read."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            try:
                tp = page.get_textpage()
                try:
                    raw = tp.get_text_range()
                finally:
                    tp.close()
            finally:
                page.close()
            out.append(raw)
        return out
    finally:
        doc.close()


READERS = {"pypdf": pages_pypdf, "pypdfium2": pages_pdfium}


def rejoined(pages: list[str]) -> str:
    """lawgov's part, the same whichever library read the pages."""
    return "\n".join(join_wrapped([_unspace(p.replace("\x00", "")).splitlines()
                                    for p in pages]))


# ------------------------------------------------------------------ the files

def synthetic_pdf(n_pages: int) -> bytes:
    """A report of exactly ``n_pages`` A4 pages, typeset as corpus_factory.pdf_bytes does,
    from the bundled reports' lines over and over."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    class Report(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    lines = [ln for text in bundled_reports().values() for ln in _lines(text)[1:] if ln]
    pdf = Report(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("cjk", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, f"{n_pages}页的法治政府建设情况报告", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=12)
    i = 0
    while pdf.page_no() < n_pages:
        pdf.multi_cell(0, 7, "\u3000\u3000" + lines[i % len(lines)], align="J",
                       wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
        i += 1
    return bytes(pdf.output())


def facts_of(text: str, folder: Path) -> set[tuple]:
    from lawgov.build import parse_file

    path = folder / "text.txt"
    path.write_text(text, encoding="utf-8")
    out = parse_file(path, folder, None)
    return {(f["indicator"], f["value"], f["unit"], f["qualifier"], f["year"], f["scope"])
            for f in out["facts"]}


# ------------------------------------------------------------------ measuring

def measure(data: bytes, runs: int) -> dict[str, dict]:
    """Each library's read plus lawgov's re-joining, timed whole; the re-joining's own CPU
    (``_unspace`` and ``join_wrapped``, the same work whichever library read the pages) is
    also kept apart, as "join"."""
    res = {name: {"wall": [], "cpu": [], "join": [], "text": None} for name in READERS}
    names = list(READERS)
    for r in range(runs):
        for name in (names if r % 2 == 0 else names[::-1]):
            t0, c0 = time.perf_counter(), time.process_time()
            pages = READERS[name](data)
            c1 = time.process_time()
            text = rejoined(pages)
            res[name]["cpu"].append(time.process_time() - c0)
            res[name]["wall"].append(time.perf_counter() - t0)
            res[name]["join"].append(time.process_time() - c1)
            res[name]["text"] = text
    return res


def diff_summary(a: str, b: str, limit: int = 4) -> str:
    """How two texts differ: each kind of change (pypdf's → pypdfium2's) with its count and
    one place it happens, from a character diff of the lines that differ."""
    la, lb = a.splitlines(), b.splitlines()
    kinds: dict[tuple[str, str], list] = {}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, la, lb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = zip(la[i1:i2], lb[j1:j2]) if i2 - i1 == j2 - j1 else [
            ("\n".join(la[i1:i2]), "\n".join(lb[j1:j2]))]
        for x, y in pairs:
            for t, x1, x2, y1, y2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
                if t != "equal":
                    seen = kinds.setdefault((x[x1:x2], y[y1:y2]), [0, x[max(0, x1 - 6):x2 + 6]])
                    seen[0] += 1
    squeezed = re.sub(r"[ \t]+", " ", a) == re.sub(r"[ \t]+", " ", b)
    out = [f"  {'only in runs of spaces' if squeezed else 'not only in spaces'}; "
           f"{sum(n for n, _ in kinds.values())} places:"]
    for (x, y), (n, where) in sorted(kinds.items(), key=lambda kv: -kv[1][0])[:limit]:
        out.append(f"    {x!r} → {y!r} ×{n}, e.g. {where!r}")
    return "\n".join(out)


def import_time(module: str) -> float:
    code = (f"import time; c=time.process_time(); import {module}; "
            f"print(time.process_time()-c)")
    best = min(float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                    text=True, check=True).stdout) for _ in range(3))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, nargs="*", default=[5, 50, 500])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", help="write the PDFs here instead of a temporary folder")
    args = ap.parse_args()

    import pypdf
    import pypdfium2

    print(f"pypdf {pypdf.__version__}; pypdfium2 {pypdfium2.version.PYPDFIUM_INFO} "
          f"(PDFium {pypdfium2.version.PDFIUM_INFO}); Python {sys.version.split()[0]}")
    tmp = tempfile.TemporaryDirectory()
    folder = Path(args.keep or tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    corpus = build_corpus(folder / "corpus", variants=("plain", "pdf"), bad_cases=(),
                          copies=False)
    files = [(f.name, (corpus.root / f.name).read_bytes(), corpus.texts[f.report])
             for f in corpus.files if f.variant == "pdf"]
    for n in args.pages:
        data = synthetic_pdf(n)
        (folder / f"synthetic-{n}.pdf").write_bytes(data)
        files.append((f"synthetic {n} pages", data, None))
    print(f"{len(files)} PDFs written in {time.perf_counter() - t0:.1f} s to {folder}\n")

    from pypdf import PdfReader
    head = (f"{'file':30} {'pages':>5} | {'pypdf wall':>10} {'cpu':>8} {'pg/s':>5} | "
            f"{'pdfium wall':>11} {'cpu':>8} {'pg/s':>5} | {'join cpu':>8} | "
            f"{'cpu ×':>5} {'read ×':>6} | text  facts")
    print(head)
    print("-" * len(head))
    totals = {"corpus": {n: 0.0 for n in READERS}, "corpus_wall": {n: 0.0 for n in READERS}}
    n_corpus = 0
    notes = []
    work = folder / "facts"
    work.mkdir(exist_ok=True)
    for name, data, plain in files:
        pages = len(PdfReader(io.BytesIO(data)).pages)
        runs = args.runs if pages <= 50 else max(1, min(args.runs, 3))
        res = measure(data, runs)
        med = {k: (statistics.median(v["wall"]), statistics.median(v["cpu"]))
               for k, v in res.items()}
        a, b = res["pypdf"]["text"], res["pypdfium2"]["text"]
        same_text = a == b
        fa, fb = facts_of(a, work), facts_of(b, work)
        facts = "same" if fa == fb else f"DIFFER ({len(fa ^ fb)})"
        if plain is not None:
            fp = facts_of(plain, work)
            facts += f", plain {'=' if fb == fp else '≠'}"
            n_corpus += 1
            for k in READERS:
                totals["corpus"][k] += med[k][1]
                totals["corpus_wall"][k] += med[k][0]
        if not same_text:
            notes.append((name, diff_summary(a, b)))
        (pw, pc), (fw, fc) = med["pypdf"], med["pypdfium2"]
        join = statistics.median(res["pypdf"]["join"] + res["pypdfium2"]["join"])
        print(f"{name:30} {pages:>5} | {pw * 1000:>8.1f}ms {pc * 1000:>6.1f}ms {pages / pc:>5.0f} | "
              f"{fw * 1000:>9.1f}ms {fc * 1000:>6.1f}ms {pages / fc:>5.0f} | "
              f"{join * 1000:>6.1f}ms | {pc / fc:>4.1f}× {(pc - join) / (fc - join):>5.1f}× | "
              f"{'same' if same_text else 'DIFF'}  {facts}", flush=True)
    if n_corpus:
        c, w = totals["corpus"], totals["corpus_wall"]
        print(f"\ncorpus factory PDFs ({n_corpus} files): "
              f"pypdf {n_corpus / c['pypdf']:.1f} files/s CPU ({n_corpus / w['pypdf']:.1f} wall), "
              f"pypdfium2 {n_corpus / c['pypdfium2']:.1f} files/s CPU "
              f"({n_corpus / w['pypdfium2']:.1f} wall): {c['pypdf'] / c['pypdfium2']:.1f}× less CPU")
    for name, summary in notes:
        print(f"\ntext differs in {name}:\n{summary}")

    from lawgov.ingest.pdf import pdf_text
    same = {k: all(pdf_text(d) == rejoined(READERS[k](d)) for _, d, _ in files[:n_corpus])
            for k in READERS}
    print(f"\nlawgov.ingest.pdf.pdf_text gives the text of: "
          f"{', '.join(k for k, v in same.items() if v) or 'neither'}")
    print(f"import in a fresh interpreter (CPU, best of 3): pypdf {import_time('pypdf') * 1000:.0f} ms, "
          f"pypdfium2 {import_time('pypdfium2') * 1000:.0f} ms")


if __name__ == "__main__":
    main()
