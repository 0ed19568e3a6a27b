"""Build, in a folder, the kinds of files governments actually publish — from the bundled reports.

Every good variant holds one of data/reports/*.txt; every bad case is something a scheduled
rebuild meets in the wild. Nothing here is copied from real pages: the web-page chrome, the
PDF layout and the bad files are made up by this module with ordinary libraries (fpdf2 writes
the PDFs, python-docx the Word files, Pillow the scan). ``build_corpus`` writes the lot and
returns what each file is and what reading it should give, for tests/test_sources.py and the
end-to-end ingest test.

    corpus = build_corpus(tmp_path / "reports")
    for f in corpus.files: ... f.name, f.report, f.variant, f.status, f.reason

Layout (posix names relative to the folder):
    plain/<stem>.txt        the bundled report as it is (UTF-8)
    gbk/<stem>.txt          re-encoded as GBK, CRLF line ends (as Chinese Windows saves it)
    html/<stem>.html        a government web page around it: nav, breadcrumb, 【字体：大 中 小】,
                            share/print tools, sidebar, footer with ICP number and phone;
                            every second page GBK with <meta charset="gb2312">
    pdf/<stem>.pdf          typeset with fpdf2 (lines wrap inside numbers; page numbers)
    docx/<stem>.docx        python-docx, title as heading, a page header and footer
    copies/<stem> - 副本.txt the first report again under another name (same bytes)
    bad/…                   empty file, binary junk, truncated PDF, a 50 MB file (sparse),
                            scanned PDF without a text layer, a menu page, an image, an old .doc
The same report as HTML and as PDF is every html/ file with its pdf/ twin.
"""

from __future__ import annotations

import html
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORTS_DIR = REPO / "data" / "reports"
FONT = Path(__file__).resolve().parent / "fixtures" / "cjk-subset.ttf"

VARIANTS = ("plain", "gbk", "html", "pdf", "docx")
BAD_CASES = ("empty", "junk", "truncated_pdf", "huge", "scanned_pdf", "menu_page", "image",
             "old_doc")
HUGE_BYTES = 50 * 1024 * 1024
DEFAULT_TITLE = "法治政府建设情况报告"
SITE = "某某市人民政府门户网站"

# the chrome every page gets, so tests can check that none of it survives extraction
CHROME_MARKERS = ("网站首页", "政务公开", "当前位置", "字体", "打印", "关闭", "扫一扫在手机上查看",
                  "浏览量", "分享到", "ICP备", "公网安备", "联系电话", "版权所有", "相关链接",
                  "关于印发某某市", SITE)


@dataclass
class CorpusFile:
    name: str                  # relative posix path inside the folder
    variant: str               # plain | gbk | html | pdf | docx | copy | a BAD_CASES name
    report: str | None         # stem of the bundled report it holds, None for bad cases
    status: str                # what read_source should say: loaded | quarantined
    reason: str | None = None  # a phrase the quarantine reason contains
    encoding: str | None = None


@dataclass
class Corpus:
    root: Path
    files: list[CorpusFile] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)    # report stem -> plain text

    def by_name(self) -> dict[str, CorpusFile]:
        return {f.name: f for f in self.files}

    def good(self) -> list[CorpusFile]:
        return [f for f in self.files if f.status == "loaded"]

    def bad(self) -> list[CorpusFile]:
        return [f for f in self.files if f.status == "quarantined"]


def bundled_reports() -> dict[str, str]:
    """stem -> text of every data/reports/*.txt."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(REPORTS_DIR.glob("*.txt"))}


def report_title(text: str) -> str:
    """The report's own title line if it has one near the top, else a neutral title."""
    for line in text.splitlines()[:6]:
        line = line.strip()
        if 8 <= len(line) <= 60 and line.endswith("报告") and "|" not in line:
            return line
    return DEFAULT_TITLE


def _lines(text: str) -> list[str]:
    return [ln.strip(" \t\u3000\xa0") for ln in text.splitlines()]


# ---------------------------------------------------------------- good variants

def write_gbk(path: Path, text: str) -> None:
    """GBK with CRLF. GBK has no no-break space: Windows saves it as a plain space."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.replace("\xa0", " ").replace("\n", "\r\n")
    path.write_bytes(data.encode("gbk"))


def html_page(text: str, title: str, *, charset: str = "utf-8") -> bytes:
    """A government article page around the report: the report's lines are the <p>s of
    div#zoom.TRS_Editor; everything else is chrome an extractor must drop."""
    paras = []
    for i, line in enumerate(_lines(text)):
        if not line:
            paras.append("<p>&nbsp;</p>" if i % 3 == 0 else "")
            continue
        esc = html.escape(line)
        if i % 4 == 1:  # inline markup must not split numbers or words
            esc = re.sub(r"(\d+)", r'<span style="font-family:仿宋">\1</span>', esc, count=1)
        paras.append(f'<p style="text-indent:2em;">{esc}</p>')
    related = "".join(f'<li><a href="/art/{i}.html">关于印发某某市{w}的通知</a></li>'
                      for i, w in enumerate(("行政执法公示办法", "重大行政决策程序规定",
                                             "法治宣传教育计划", "政务公开工作要点")))
    nav = "".join(f'<li><a href="/{i}/">{w}</a></li>' for i, w in enumerate(
        ("网站首页", "政务公开", "政务服务", "互动交流", "走进某某", "专题专栏")))
    body = "\n".join(paras)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}_{SITE}</title>
<link rel="stylesheet" href="/css/style.css">
<style>.TRS_Editor p {{ line-height: 2; }} .fontsize a {{ cursor: pointer; }}</style>
<script>var _hmt = _hmt || []; document.write("<b>统计代码</b>");</script>
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问{SITE}</span>
  <a href="/wza/">无障碍浏览</a> <a href="/m/">移动版</a> <a href="/big5/">繁體版</a></div></div>
<div id="header"><div class="logo"><img src="/images/logo.png" alt="{SITE}"></div>
  <form class="search" action="/search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>
<nav class="mainNav"><ul>{nav}</ul></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/fzzf/">法治政府建设</a></div>
<div class="container">
  <div class="article">
    <h1 class="article-title">{html.escape(title)}</h1>
    <div class="article-info">发布时间：2023-03-30 10:00 来源：某某市司法局
      <span class="views">浏览量：1286</span>
      <span class="fontsize">【字体：<a onclick="doZoom(16)">大</a> <a onclick="doZoom(14)">中</a> <a onclick="doZoom(12)">小</a>】</span>
      <a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
    <div id="zoom" class="TRS_Editor">
{body}
    </div>
    <div class="bdshare">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
    <div class="ewm"><img src="/qr.png"><p>扫一扫在手机上查看当前页面</p></div>
  </div>
  <aside class="sidebar"><h3>相关链接</h3><ul>{related}</ul></aside>
</div>
<div class="footer">
  <p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
  <p>版权所有：某某市人民政府办公室　主办：某某市人民政府办公室</p>
  <p>网站标识码：1100000000　<a href="https://beian.miit.gov.cn/">京ICP备12345678号-1</a>　京公网安备 11010502000001号</p>
  <p>联系电话：010-12345678　地址：某某市人民路1号</p>
</div>
<script src="/js/jquery.min.js"></script>
</body>
</html>
"""
    errors = "strict" if charset == "utf-8" else "xmlcharrefreplace"
    return page.encode("gbk" if charset == "gb2312" else charset, errors)


def write_html(path: Path, text: str, title: str | None = None, *, charset: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(html_page(text, title or report_title(text), charset=charset))


def _check_font(text: str) -> None:
    from fontTools.ttLib import TTFont

    cmap = TTFont(FONT, lazy=True).getBestCmap()
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
    if missing:
        raise RuntimeError(f"{FONT.name} lacks {''.join(missing)!r}: rebuild it with "
                           f"tests/fixtures/make_cjk_font.py (see its docstring)")


def pdf_bytes(text: str, title: str | None = None) -> bytes:
    """An A4 PDF with a text layer, typeset like a report: title, paragraphs wrapped at any
    character (so numbers break across lines), a page number at the foot of each page."""
    from fpdf import FPDF
    from fpdf.enums import WrapMode

    title = title or report_title(text)
    _check_font(title + text)

    class Report(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Report(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_creator("lawgov tests")
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=12)
    for line in _lines(text):
        if not line:
            continue
        pdf.multi_cell(0, 7, "\u3000\u3000" + line, align="J", wrapmode=WrapMode.CHAR,
                       new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_pdf(path: Path, text: str, title: str | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes(text, title))


def write_docx(path: Path, text: str, title: str | None = None) -> None:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某市人民政府文件"
    section.footer.paragraphs[0].text = "第 1 页"
    document.add_heading(title or report_title(text), level=1)
    for line in _lines(text):
        if line:
            document.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)


# ---------------------------------------------------------------- bad cases

def write_empty(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")


def write_junk(path: Path, size: int = 8192) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(random.Random(6).randbytes(size))


def write_truncated_pdf(path: Path, text: str) -> None:
    """A good PDF cut off at 60 % of its bytes, as an interrupted download leaves it."""
    data = pdf_bytes(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data[: int(len(data) * 0.6)])


def write_huge(path: Path, size: int = HUGE_BYTES) -> None:
    """A file of ``size`` bytes that takes no disk space (sparse) and no time to write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.write("法治政府建设年度报告\n".encode("utf-8"))
        f.truncate(size)


def _scan_image():
    from PIL import Image, ImageDraw

    img = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(img)
    rng = random.Random(6)
    y = 80
    while y < 800:   # grey bars where a scanned page has lines of text
        draw.rectangle((60, y, 60 + rng.randint(300, 500), y + 12), fill=rng.randint(40, 90))
        y += 28
    return img


def write_scanned_pdf(path: Path) -> None:
    """Two pages that are only pictures, as a scanner's PDF is: no text layer."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for _ in range(2):
        pdf.add_page()
        pdf.image(_scan_image(), x=0, y=0, w=210)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(pdf.output()))


def write_image(path: Path) -> None:
    buf = io.BytesIO()
    _scan_image().save(buf, format="PNG")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def write_old_doc(path: Path) -> None:
    """The first bytes of an OLE2 compound file (.doc/.xls/.wps) and filler."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) +
                     random.Random(7).randbytes(1536))


def menu_page() -> bytes:
    """A column index page: navigation and a list of article links, no article."""
    items = "".join(
        f'<li><a href="/fzzf/{i}.html">某某区{year}年度法治政府建设情况报告</a>'
        f'<span class="date">{year + 1}-03-{10 + i:02d}</span></li>'
        for i, year in enumerate(range(2015, 2024)))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>法治政府建设_{SITE}</title></head><body>
<nav class="mainNav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/fzzf/">法治政府建设</a></div>
<div class="list-box"><h2>法治政府建设</h2><ul class="list">{items}</ul>
<div class="page">共 9 条 <a href="?p=1">首页</a> <a href="?p=2">下一页</a> <a href="?p=9">尾页</a></div></div>
<div class="footer"><p>版权所有：某某市人民政府办公室</p><p>京ICP备12345678号-1</p></div>
</body></html>""".encode("utf-8")


# ---------------------------------------------------------------- the corpus

def write_variant(folder: Path, stem: str, text: str, variant: str, index: int = 0) -> CorpusFile:
    """Write one good variant of a report; returns what it is."""
    if variant == "plain":
        name, enc = f"plain/{stem}.txt", "utf-8"
        (folder / "plain").mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    elif variant == "gbk":
        name, enc = f"gbk/{stem}.txt", "gbk"
        write_gbk(folder / name, text)
    elif variant == "html":
        charset = "gb2312" if index % 2 else "utf-8"
        name, enc = f"html/{stem}.html", ("gbk" if index % 2 else "utf-8")
        write_html(folder / name, text, charset=charset)
    elif variant == "pdf":
        name, enc = f"pdf/{stem}.pdf", None
        write_pdf(folder / name, text)
    elif variant == "docx":
        name, enc = f"docx/{stem}.docx", None
        write_docx(folder / name, text)
    else:
        raise ValueError(f"unknown variant {variant!r}; one of {VARIANTS}")
    return CorpusFile(name, variant, stem, "loaded", None, enc)


def write_bad_cases(folder: Path, text: str, cases=BAD_CASES) -> list[CorpusFile]:
    out = []
    bad = folder / "bad"
    for case in cases:
        if case == "empty":
            write_empty(bad / "empty.txt")
            out.append(CorpusFile("bad/empty.txt", case, None, "quarantined", "empty file"))
        elif case == "junk":
            write_junk(bad / "junk.dat")
            out.append(CorpusFile("bad/junk.dat", case, None, "quarantined", "binary"))
        elif case == "truncated_pdf":
            write_truncated_pdf(bad / "truncated.pdf", text)
            out.append(CorpusFile("bad/truncated.pdf", case, None, "quarantined", "truncated"))
        elif case == "huge":
            write_huge(bad / "huge.txt")
            out.append(CorpusFile("bad/huge.txt", case, None, "quarantined", "too large"))
        elif case == "scanned_pdf":
            write_scanned_pdf(bad / "scanned.pdf")
            out.append(CorpusFile("bad/scanned.pdf", case, None, "quarantined",
                                  "scanned PDF without a text layer"))
        elif case == "menu_page":
            (bad / "menu.html").parent.mkdir(parents=True, exist_ok=True)
            (bad / "menu.html").write_bytes(menu_page())
            out.append(CorpusFile("bad/menu.html", case, None, "quarantined", "menu"))
        elif case == "image":
            write_image(bad / "scan.png")
            out.append(CorpusFile("bad/scan.png", case, None, "quarantined", "image"))
        elif case == "old_doc":
            write_old_doc(bad / "report.doc")
            out.append(CorpusFile("bad/report.doc", case, None, "quarantined",
                                  "old Microsoft Office"))
        else:
            raise ValueError(f"unknown bad case {case!r}; one of {BAD_CASES}")
    return out


def build_corpus(folder: Path, *, reports: dict[str, str] | None = None,
                 variants=VARIANTS, bad_cases=BAD_CASES, copies: bool = True) -> Corpus:
    """Write every variant of every report, a renamed copy and the bad cases into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    reports = bundled_reports() if reports is None else reports
    corpus = Corpus(folder, texts=dict(reports))
    for index, (stem, text) in enumerate(reports.items()):
        for variant in variants:
            corpus.files.append(write_variant(folder, stem, text, variant, index))
    if copies and reports:
        stem, text = next(iter(reports.items()))
        name = f"copies/{stem} - 副本.txt"
        (folder / "copies").mkdir(exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
        corpus.files.append(CorpusFile(name, "copy", stem, "loaded", None, "utf-8"))
    if bad_cases:
        first = next(iter(reports.values()), "法治政府建设情况报告。" * 50)
        corpus.files.extend(write_bad_cases(folder, first, bad_cases))
    corpus.files.sort(key=lambda f: f.name)
    return corpus

