"""A folder of 40+ kinds of bad file beside the five bundled reports, built as cron would.

Prints, for each entry of the folder, what the build did with it (status and reason), how
long its parse took and the parser process's peak memory (each file parsed alone in a
forked process, as a build worker does, with no limit; the peak includes the ~270 MB the
process inherits with the warmed gazetteer and rules); then the build's total time and peak memory, and
whether the good reports' facts are the same as in a build of the good reports alone.

    .venv/bin/python bench/faults.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
GOOD = REPO / "data" / "reports"
PER_FILE_LIMIT = 120          # seconds: a file still parsing by then is reported as hung


def bad_files(folder: Path, outside: Path) -> None:
    """Write every kind of bad entry into ``folder`` (and a target for links ``outside``)."""
    import corpus_factory as cf
    import docx

    text = (GOOD / sorted(os.listdir(GOOD))[0]).read_text(encoding="utf-8")
    utf8 = text.encode("utf-8")
    cut = utf8.index("。".encode()) + 3
    w = lambda name, data: (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())

    w("empty.txt", b"")
    w("blank.txt", " \n\t\n" * 100)
    w("english.txt", "Annual report on building a law-based government. " * 100)
    w("random.bin", os.urandom(64 * 1024))
    w("random.txt", os.urandom(16 * 1024))
    w("png.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    w("photo.jpg", b"\xff\xd8\xff\xe0" + os.urandom(2048))
    w("anim.gif", b"GIF89a" + os.urandom(512))
    w("scan.tif", b"II*\x00" + os.urandom(512))
    w("bundle.gz", gzip.compress(utf8))
    w("bundle.7z", b"7z\xbc\xaf\x27\x1c" + os.urandom(512))
    w("bundle.rar", b"Rar!\x1a\x07\x00" + os.urandom(512))
    w("tool.elf", b"\x7fELF" + os.urandom(512))
    w("setup.exe", b"MZ" + os.urandom(512))
    w("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    w("letter.rtf", "{\\rtf1\\ansi " + text[:200] + "}")
    w("page.mht", "MIME-Version: 1.0\nContent-Type: multipart/related\n\n" + text[:500])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", text)
    w("bundle.zip", buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    w("sheet.docx", buf.getvalue())
    w("damaged.docx", b"PK\x03\x04" + os.urandom(1024))
    w("text-named.docx", text)
    w("text-named.pdf", text)
    cf.write_truncated_pdf(folder / "truncated.pdf", text[:800])
    data = bytearray(cf.pdf_bytes(text[:800]))
    data[len(data) // 4: len(data) // 4 + 2000] = b"\x00" * 2000
    w("garbage-inside.pdf", bytes(data))
    cf.write_scanned_pdf(folder / "scanned.pdf")
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod
    pdf = FPDF()
    pdf.set_encryption(owner_password="o", user_password="secret", encryption_method=EncryptionMethod.RC4)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 7, "locked")
    w("locked.pdf", bytes(pdf.output()))
    d = docx.Document()
    d.save(folder / "no-text.docx")
    d = docx.Document()
    d.add_paragraph(text[:200])
    d.save(folder / "bomb.docx")
    with zipfile.ZipFile(folder / "bomb.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"]
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    pad = b"<w:p><w:r><w:t>" + "法".encode() * 64 + b"</w:t></w:r></w:p>"
    parts["word/document.xml"] = xml[:body] + pad * 700_000 + xml[body:]     # ~170 MB of XML
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for n, part in parts.items():
            z.writestr(n, part)
    (folder / "menu.html").write_bytes(cf.menu_page())
    w("bom-lies.txt", b"\xef\xbb\xbf" + text.encode("gbk"))
    w("utf16-no-bom.txt", text.encode("utf-16-le"))
    w("stray-byte.txt", utf8[:cut] + b"\xff" + utf8[cut:])
    gbk = text.encode("gbk")
    k = gbk.index("。".encode("gbk")) + 2
    w("stray-byte-gbk.txt", gbk[:k] + b"\xff" + gbk[k:])
    w("control-byte.txt", text[:60] + "\x01" + text[60:])
    w("absurd-number.txt", text + "\n共收到来信9" + ",999" * 134 + "件。\n")
    w("trailing-spaces.txt", text + "\n法治" + " " * 20_000 + "\n")
    w("dotted-line.txt", text + "\n共办理" + ".".join(["1"] * 100_000) + "件。\n")
    w("not-a-report.txt", "今天天气很好，我们去公园散步，看到了很多花和树。" * 40)
    with open(folder / "huge.txt", "wb") as f:                 # sparse: costs no disk
        f.truncate(25 * 1024 * 1024)
    w("big-6MB.txt", text * 300)
    shutil.copy(GOOD / sorted(os.listdir(GOOD))[1], folder / "copy-of-a-report.txt")
    w('=HYPERLINK("x.example",1).txt', text[:400] + "共受理行政复议案件3件。")
    w("two\nlines.txt", text[:400] + "共受理行政复议案件4件。")
    locked = folder / "unreadable.txt"
    locked.write_text(text[:400] + "共受理行政复议案件5件。", encoding="utf-8")
    locked.chmod(0)
    for name in ("old.duckdb", "old.duckdb.wal", "old.duckdb.lock"):
        w(name, b"\x00" * 64)
    (folder / "loop-a").symlink_to("loop-b")
    (folder / "loop-b").symlink_to("loop-a")
    (folder / "self-link").symlink_to("self-link")
    (folder / "dangling-link").symlink_to("gone.txt")
    (outside / "secret.txt").write_text(text, encoding="utf-8")
    (folder / "link-outside.txt").symlink_to(outside / "secret.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "link-to-parent").symlink_to("..")
    os.mkfifo(folder / "pipe.txt")
    (folder / "manifest.csv").write_text(
        "file,report_year,url\nstray-byte.txt,2023,\"=HYPERLINK(1)\"\nbroken\",2020,\n"
        "big-6MB.txt," + "x" * 200_000 + ",\n", encoding="utf-8")


def parse_alone(path: Path, root: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, status) of parsing one file in a forked process, as a worker does."""
    from lawgov.build import parse_file

    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)    # the kernel ends it, GIL or not
        signal.alarm(PER_FILE_LIMIT)
        try:
            out = parse_file(path, root, None)
            os._exit(0 if out["source"].status == "loaded" else 3)
        except BaseException:
            os._exit(4)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    what = {0: "loaded", 3: "quarantined", 4: "raised", -signal.SIGALRM: "hung"}.get(code, f"exit {code}")
    return seconds, usage.ru_maxrss / 1024, what


def run_build(reports: Path, db: Path, *limits: str) -> tuple[float, float, str, list[str]]:
    """(seconds, peak MB of any process of the build, summary line, warnings) of one
    `lawgov build`."""
    # a wrapper process of its own, so that its children's peak is this build's alone
    wrapper = ("import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
               "sys.exit(rc)")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "lawgov", "build",
                           "--reports", str(reports), "--db", str(db), "--quiet", *limits],
                          cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    peak = int(proc.stderr.strip().splitlines()[-1]) / 1024
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{proc.stderr}")
    warnings = [ln.strip() for ln in proc.stderr.splitlines() if ln.startswith("  ! ")]
    return seconds, peak, proc.stdout.strip(), warnings


def good_facts(db: Path) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "select d.source_file, f.indicator, f.value, f.unit, f.qualifier, f.year, f.scope, "
            "f.span_start from raw.facts f join raw.documents d using (doc_id) "
            "where d.source_file in (select unnest(?::varchar[])) order by all",
            [sorted(os.listdir(GOOD))]).fetchall()
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--parse-timeout", type=float, default=2,
                    help="the build's per-file time limit (small, so that the fuse shows)")
    ap.add_argument("--parse-memory", type=int, default=450, help="the build's per-file memory limit")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="lawgov-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    reports, outside = work / "reports", work / "outside"
    for d in (reports, outside):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
    for name in os.listdir(GOOD):
        shutil.copy(GOOD / name, reports / name)

    alone_s, alone_mb, _, _ = run_build(reports, work / "good.duckdb")
    bad_files(reports, outside)

    import duckdb
    from lawgov.build import _warm_stages
    from lawgov.ingest.sources import scan_folder

    _warm_stages()
    files, _skipped = scan_folder(reports)
    measured = {f.name: parse_alone(Path(f.path), reports) for f in files
                if os.access(f.path, os.R_OK) or os.geteuid() == 0}

    limits = ["--parse-timeout", str(args.parse_timeout), "--parse-memory", str(args.parse_memory)]
    seconds, peak, line, warnings = run_build(reports, work / "all.duckdb", *limits)
    con = duckdb.connect(str(work / "all.duckdb"), read_only=True)
    log = con.execute("select source_file, status, reason from meta.ingest_log where build_id = "
                      "(select max(build_id) from meta.ingest_log) order by source_file").fetchall()
    con.close()

    print(f"{'entry':34} {'status':12} {'parse s':>8} {'peak MB':>8}  reason")
    for name, status, reason in log:
        s, mb, _ = measured.get(name, (None, None, None))
        shown = name.encode("unicode_escape").decode()[:34]
        print(f"{shown:34} {status[:12]:12} {'' if s is None else f'{s:8.2f}':>8} "
              f"{'' if mb is None else f'{mb:8.0f}':>8}  {(reason or '')[:90]}")
    print(f"\n{len(log)} entries ({len(os.listdir(GOOD))} good reports)")
    print(f"build of the good reports alone: {alone_s:.1f} s, peak {alone_mb:.0f} MB")
    print(f"build of everything ({' '.join(limits)}): {seconds:.1f} s, peak {peak:.0f} MB "
          f"(largest process)")
    print(f"  {line}")
    for warning in warnings:
        if "manifest.csv" in warning:
            print(f"  {warning[:150]}")
    same = good_facts(work / "good.duckdb") == good_facts(work / "all.duckdb")
    print(f"good reports' facts unchanged: {'yes' if same else 'NO'} "
          f"({len(good_facts(work / 'good.duckdb'))} facts)")
    if not args.keep:
        (reports / "unreadable.txt").chmod(0o600)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
