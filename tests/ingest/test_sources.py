"""lawgov.ingest.sources: every kind of file governments publish reads to the report's text, and every
bad file is quarantined with a reason. The corpus is built by tests/corpus_factory.py."""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_factory import (CHROME_MARKERS, BAD_CASES, VARIANTS, build_corpus, bundled_reports,
                            html_page, pdf_bytes, report_title, write_docx)
from lawgov.ingest.charsets import CJK_RE, decode
from lawgov.errors import SourceError
from lawgov.ingest.pdf import join_wrapped
from lawgov.ingest.sources import MAX_BYTES, Source, list_sources, read_source
from lawgov.ingest.webpage import main_text

REPORTS = bundled_reports()
SAMPLE = ("2023年，全市共办理行政复议案件1,234件，同比增长12.5%；行政机关负责人出庭应诉率达到100%。\n"
          "一、主要工作\n"
          "（一）坚持依法行政。全年审查规范性文件56件，纠正违法或不当文件3件。\n")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("corpus") / "reports")


@pytest.fixture(scope="session")
def read(corpus):
    cache: dict[str, Source] = {}

    def _read(name: str) -> Source:
        if name not in cache:
            cache[name] = read_source(corpus.root / name, corpus.root)
        return cache[name]
    return _read


def ws(s: str) -> str:
    """Whitespace runs (no-break and ideographic spaces too) as one space, ends stripped."""
    return re.sub(r"[\s\u3000\xa0]+", " ", s).strip()


def nows(s: str) -> str:
    return re.sub(r"[\s\u3000\xa0]+", "", s)


def report_lines(text: str) -> list[str]:
    """The lines that carry the report: a sentence, or at least 20 Han characters. (Web-page
    chrome the bundled texts were scraped with — breadcrumbs, footers — is not among them.)"""
    return [ws(ln) for ln in text.splitlines()
            if "。" in ln or len(CJK_RE.findall(ln)) >= 20]


def write(tmp_path: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


# ------------------------------------------------------------------ the bundled reports

def test_bundled_reports_exist():
    assert len(REPORTS) >= 5


@pytest.mark.parametrize("stem", sorted(REPORTS))
def test_plain_report_reads_as_it_is(stem):
    root = Path(__file__).resolve().parents[2] / "data" / "reports"
    path = root / f"{stem}.txt"
    src = read_source(path, root)
    data = path.read_bytes()
    assert src.status == "loaded" and src.reason is None
    assert src.text == data.decode("utf-8")
    assert (src.format, src.encoding) == ("txt", "utf-8")
    assert src.name == f"{stem}.txt" and src.path == path.absolute()
    assert src.size == len(data) and src.sha256 == hashlib.sha256(data).hexdigest()
    assert src.mtime_ns == path.stat().st_mtime_ns


# ------------------------------------------------------------------ the variant corpus

def test_every_file_of_the_corpus_is_listed(corpus):
    listed = [p.relative_to(corpus.root).as_posix() for p in list_sources(corpus.root)]
    assert listed == sorted(f.name for f in corpus.files)
    assert {f.variant for f in corpus.files} >= set(VARIANTS) | set(BAD_CASES) | {"copy"}


@pytest.mark.parametrize("variant", ["plain", "gbk", "copy"])
def test_text_variants_decode_to_the_same_text(corpus, read, variant):
    for f in (f for f in corpus.files if f.variant == variant):
        src = read(f.name)
        assert (src.status, src.format, src.encoding) == ("loaded", "txt", f.encoding), f.name
        expected = corpus.texts[f.report]
        if variant == "gbk":   # GBK has no no-break space; Windows saves a space instead
            expected = expected.replace("\xa0", " ")
        assert src.text == expected, f.name


@pytest.mark.parametrize("variant", ["html", "docx"])
def test_html_and_docx_hold_every_report_line(corpus, read, variant):
    for f in (f for f in corpus.files if f.variant == variant):
        src = read(f.name)
        assert src.status == "loaded", (f.name, src.reason)
        assert src.format == variant and src.encoding == f.encoding
        got = [ws(ln) for ln in src.text.splitlines()]
        want = report_lines(corpus.texts[f.report])
        missing = [ln for ln in want if ln not in got]
        assert not missing, (f.name, missing[:3])
        # in the same order
        positions = [got.index(ln) for ln in want]
        assert positions == sorted(positions), f.name


def test_pdf_holds_every_report_paragraph(corpus, read):
    for f in (f for f in corpus.files if f.variant == "pdf"):
        src = read(f.name)
        assert (src.status, src.format, src.encoding) == ("loaded", "pdf", None), src.reason
        whole = nows(src.text)
        want = [nows(ln) for ln in report_lines(corpus.texts[f.report])]
        # all of the report, in order, once whitespace (and so line wrapping) is ignored
        pos = 0
        for ln in want:
            found = whole.find(ln, pos)
            assert found >= 0, (f.name, ln[:40])
            pos = found + len(ln)
        # and the wrapped lines are joined back into the report's paragraphs
        got = {nows(ln) for ln in src.text.splitlines()}
        assert [ln for ln in want if ln not in got] == [], f.name
        assert not re.search(r"^-\s*\d+\s*-$", src.text, re.M), "page numbers left in"


@pytest.mark.parametrize("variant", ["html", "pdf", "docx"])
def test_title_comes_first(corpus, read, variant):
    for f in (f for f in corpus.files if f.variant == variant):
        first = read(f.name).text.splitlines()[0]
        assert ws(first) == ws(report_title(corpus.texts[f.report])), f.name


def test_html_chrome_is_dropped(corpus, read):
    for f in (f for f in corpus.files if f.variant == "html"):
        text, plain = read(f.name).text, corpus.texts[f.report]
        left = [m for m in CHROME_MARKERS if m in text and m not in plain]
        assert not left, (f.name, left)
        assert "统计代码" not in text and "doZoom" not in text and "cursor" not in text


def test_html_and_pdf_of_a_report_have_the_same_report_text(corpus, read):
    for f in (f for f in corpus.files if f.variant == "html"):
        twin = f.name.replace("html/", "pdf/").replace(".html", ".pdf")
        h, p = nows(read(f.name).text), nows(read(twin).text)
        for ln in report_lines(corpus.texts[f.report]):
            assert nows(ln) in h and nows(ln) in p


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_files_are_quarantined_with_a_reason(corpus, read, case):
    f = next(f for f in corpus.files if f.variant == case)
    src = read(f.name)
    assert src.status == "quarantined" and src.text is None
    assert f.reason in src.reason, src.reason
    assert src.size == (corpus.root / f.name).stat().st_size
    assert len(src.sha256) == 64 or case == "empty"


def test_the_huge_file_is_sparse_and_not_read(corpus, read):
    path = corpus.root / "bad" / "huge.txt"
    assert path.stat().st_size == 50 * 1024 * 1024 > MAX_BYTES
    src = read("bad/huge.txt")
    assert "50.0 MB" in src.reason and src.format == "txt"


def test_copies_are_byte_identical(corpus, read):
    copy = next(f for f in corpus.files if f.variant == "copy")
    plain = f"plain/{copy.report}.txt"
    assert read(copy.name).sha256 == read(plain).sha256
    assert read(copy.name).name != read(plain).name


# ------------------------------------------------------------------ encodings

def _utf16be_bom(t: str) -> bytes:
    return codecs.BOM_UTF16_BE + t.encode("utf-16-be")


ENCODINGS = [
    ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    ("gbk", lambda t: t.encode("gbk"), "gbk"),
    ("gb18030-only characters", lambda t: (t + "䶮𠮷龘㐀").encode("gb18030"), "gb18030"),
    ("utf-16 LE with BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    ("utf-16 BE with BOM", _utf16be_bom, "utf-16"),
    ("utf-16 LE without BOM", lambda t: t.encode("utf-16-le"), "utf-16-le"),
    ("utf-32 with BOM", lambda t: t.encode("utf-32"), "utf-32"),
]


@pytest.mark.parametrize("label,encode,expected", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_are_detected(tmp_path, label, encode, expected):
    text = REPORTS[sorted(REPORTS)[3]].replace("\xa0", " ")
    data = encode(text)
    src = read_source(write(tmp_path, "r.txt", data), tmp_path)
    assert src.status == "loaded", src.reason
    assert src.encoding == expected
    assert src.text.startswith(text[:200])
    if label.startswith("gb18030"):
        assert src.text.endswith("䶮𠮷龘㐀")


def test_big5_traditional_text_is_detected(tmp_path):
    text = ("保定市人民政府關於2016年度法治政府建設情況的報告。全市各級行政機關認真貫徹落實"
            "《法治政府建設實施綱要》，堅持依法行政，共辦理行政復議案件312件，糾錯率12.5%。\n") * 8
    src = read_source(write(tmp_path, "tw.txt", text.encode("big5")), tmp_path)
    assert src.status == "loaded", src.reason
    assert src.encoding in ("big5", "big5hkscs", "cp950") and src.text == text


def test_crlf_becomes_newline(tmp_path):
    src = read_source(write(tmp_path, "a.txt", SAMPLE.replace("\n", "\r\n")), tmp_path)
    assert src.text == SAMPLE


def test_html_meta_charset_is_honoured(tmp_path):
    page = html_page(SAMPLE * 3, "某区2023年度法治政府建设情况报告", charset="gb2312")
    assert b'charset=gb2312' in page
    src = read_source(write(tmp_path, "p.htm", page), tmp_path)
    assert (src.status, src.format, src.encoding) == ("loaded", "html", "gbk"), src.reason
    assert "行政机关负责人出庭应诉率达到100%。" in src.text


def test_html_declaring_utf8_but_saved_as_gbk(tmp_path):
    page = html_page(SAMPLE * 3, "某区2023年度法治政府建设情况报告").decode("utf-8")
    src = read_source(write(tmp_path, "p.html", page.encode("gb18030")), tmp_path)
    assert src.status == "loaded" and src.encoding in ("gbk", "gb18030")
    assert "纠正违法或不当文件3件。" in src.text


def test_decode_bad_bom_says_why():
    with pytest.raises(SourceError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")   # a lone surrogate


# ------------------------------------------------------------------ web pages

def test_page_with_content_outside_any_known_container(tmp_path):
    body = "".join(f"<p>{ln}</p>" for ln in SAMPLE.splitlines())
    page = (f"<html><head><title>某县法治政府建设年度报告 - 某县人民政府</title></head><body>"
            f"<div id=menu><a href=/>首页</a><a href=/a>机构概况</a><a href=/b>政务公开</a></div>"
            f"<table><tr><td width=200><a href=/x>通知公告</a><a href=/y>政策文件</a></td>"
            f"<td>{body}</td></tr></table>"
            f"<div id=foot>Copyright 2023 某县人民政府 版权所有 京ICP备00000000号</div></body></html>")
    src = read_source(write(tmp_path, "p.html", page), tmp_path)
    assert src.status == "loaded", src.reason
    assert src.text.splitlines() == ["某县法治政府建设年度报告"] + SAMPLE.splitlines()


def test_br_separated_text_and_inline_markup(tmp_path):
    page = ("<html><body><div class=TRS_Editor>共办理案件<b>1</b><span>23</span>件，"
            "同比增长<font>5.6</font>%。<br>第二段：审查文件<strong>45</strong>件。<br/>"
            "第三段文字较长，用来保证正文的汉字数量足够被当成文章正文，而不是菜单页面里的链接。"
            "</div></body></html>")
    text = main_text(page)
    assert text.splitlines()[:2] == ["共办理案件123件，同比增长5.6%。", "第二段：审查文件45件。"]


def test_html_tables_become_cell_lines():
    page = ("<html><body><div id=zoom><p>2023年行政复议案件情况如下。下表列出各类案件的数量和占比，供参阅。</p>"
            "<table><tr><th>类别</th><th>件数</th></tr><tr><td>维持</td><td>12</td></tr>"
            "<tr><td><p>撤销</p></td><td>3</td></tr></table></div></body></html>")
    lines = main_text(page).splitlines()
    assert lines[-3:] == ["类别 | 件数", "维持 | 12", "撤销 | 3"]


@pytest.mark.parametrize("line,kept", [
    ("【字体：大 中 小】", None),
    ("发布时间：2023-01-05 来源：区司法局 【字体：大 中 小】 【打印】 浏览量：1234",
     "发布时间：2023-01-05 来源：区司法局"),
    ("扫一扫在手机上查看当前页面", None),
    ("当前位置：首页 > 政务公开 > 法治政府建设", None),
    ("网站标识码：1100000000 京ICP备12345678号 京公网安备 11010502000001号", None),
    ("版权所有：某某市人民政府办公室", None),
    ("关闭违规企业23家，无障碍环境建设持续推进。", "关闭违规企业23家，无障碍环境建设持续推进。"),
])
def test_chrome_lines(line, kept):
    filler = "全年共办理行政复议案件一百二十件，行政诉讼案件八十件，依法行政水平持续提升。"
    page = f"<html><body><div id=zoom><p>{filler}</p><p>{line}</p><p>{filler}</p></div></body></html>"
    lines = main_text(page).splitlines()
    assert lines[1:-1] == ([kept] if kept else [])


def test_html_named_txt_is_read_as_html(tmp_path):
    page = html_page(SAMPLE * 3, "某区2023年度法治政府建设情况报告")
    src = read_source(write(tmp_path, "saved_page.txt", page), tmp_path)
    assert src.format == "html" and "京ICP备" not in src.text


# ------------------------------------------------------------------ PDF

def _encrypted_pdf(user_password: str) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod
    from corpus_factory import FONT
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password=user_password,
                       encryption_method=EncryptionMethod.RC4)
    pdf.add_page()
    pdf.add_font("cjk", fname=str(FONT))
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 7, SAMPLE)
    return bytes(pdf.output())


def test_pdf_with_a_user_password_is_quarantined(tmp_path):
    src = read_source(write(tmp_path, "locked.pdf", _encrypted_pdf("secret")), tmp_path)
    assert src.status == "quarantined" and "password" in src.reason, src.reason


def test_pdf_with_only_an_owner_password_loads(tmp_path):
    src = read_source(write(tmp_path, "owner.pdf", _encrypted_pdf("")), tmp_path)
    assert src.status == "loaded", src.reason
    assert "行政机关负责人出庭应诉率达到100%。" in nows(src.text)


def test_pdf_of_english_text_is_not_chinese(tmp_path):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 7, "Annual report on the rule of law. " * 40)
    src = read_source(write(tmp_path, "en.pdf", bytes(pdf.output())), tmp_path)
    assert src.status == "quarantined" and "not Chinese" in src.reason and src.format == "pdf"


def test_pdf_with_garbage_inside(tmp_path):
    data = bytearray(pdf_bytes(SAMPLE))
    start = len(data) // 4
    data[start:start + 2000] = b"\x00" * 2000
    src = read_source(write(tmp_path, "bad.pdf", bytes(data)), tmp_path)
    assert src.status in ("loaded", "quarantined")   # never raises
    if src.status == "quarantined":
        assert src.reason and src.format == "pdf"


def test_pdf_cut_short_that_still_ends_in_an_end_marker_is_quarantined(tmp_path):
    data = pdf_bytes(SAMPLE)
    data = data[: int(len(data) * 0.6)] + b"\n%%EOF\n"     # passes the end-marker check
    src = read_source(write(tmp_path, "cut.pdf", data), tmp_path)
    assert src.status == "quarantined" and "damaged PDF" in src.reason, src.reason


def test_pdf_without_pages_is_quarantined(tmp_path):
    from pypdf import PdfWriter          # a well-formed PDF of no page (fpdf2 cannot write one)

    buf = io.BytesIO()
    PdfWriter().write(buf)
    src = read_source(write(tmp_path, "empty.pdf", buf.getvalue()), tmp_path)
    assert src.status == "quarantined" and "without pages" in src.reason, src.reason


def test_pdf_reader_closes_what_it_opens(monkeypatch):
    """PDFium's documents, pages and text pages are native memory: each one opened is closed by
    the reader itself (not only by its document's close, nor by the garbage collector)."""
    import pypdfium2 as pdfium

    opened, closed = [], []
    for cls in (pdfium.PdfDocument, pdfium.PdfPage, pdfium.PdfTextPage):
        init, close = cls.__init__, cls.close

        def tracked_init(self, *a, _init=init, **k):
            _init(self, *a, **k)
            opened.append(self)

        def tracked_close(self, _by_parent=False, _close=close):
            if not _by_parent:
                closed.append(self)
            return _close(self, _by_parent=_by_parent)

        monkeypatch.setattr(cls, "__init__", tracked_init)
        monkeypatch.setattr(cls, "close", tracked_close)
    from lawgov.ingest.pdf import pdf_text
    assert "出庭应诉率" in pdf_text(pdf_bytes(SAMPLE * 30))
    assert len(opened) >= 3 and all(any(o is c for c in closed) for o in opened)


def test_pdf_named_file_without_pdf_bytes(tmp_path):
    src = read_source(write(tmp_path, "x.pdf", SAMPLE), tmp_path)
    assert src.status == "quarantined" and "no PDF header" in src.reason


def test_join_wrapped_lines():
    full = "法治政府建设" * 7 + "共"        # 43 Han characters: a full line
    pages = [["　　" + full, "123件，同比增长5%。", "　　二、存在的问题", "- 1 -"],
             ["　　" + full, "　　" + "短的一行。", "第 2 页 共 2 页"]]
    assert join_wrapped(pages) == [full + "123件，同比增长5%。", "二、存在的问题", full,
                                   "短的一行。"]


def test_a_number_broken_at_the_margin_is_joined_without_a_space():
    full = "法治政府建设" * 7 + "共1"
    english = "法治政府建设" * 6 + "Annual rule of law"
    pages = [["　　" + full, "36份案卷。", "　　" + english, "report，共8件。", "　　末段。"]]
    assert join_wrapped(pages) == [full + "36份案卷。", english + " report，共8件。", "末段。"]


def test_spaced_han_characters_are_closed_up():
    from lawgov.ingest.pdf import _unspace
    assert _unspace("法 治 政 府 建 设 共 1 2 件 ， 增 长 5 . 5 % 。") == "法治政府建设共12件，增长5.5%。"
    assert _unspace("共办理案件 12 件，Annual report 2023") == "共办理案件 12 件，Annual report 2023"


# ------------------------------------------------------------------ Word

def test_docx_tables_and_merged_cells(tmp_path):
    import docx
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "页眉文字不应出现"
    d.add_paragraph("2023年行政复议案件办理情况如下，全年共收到行政复议申请一百二十件。")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["类别", "件数", "占比"], ["维持", "12", "10%"], ["合计", "", ""]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t.cell(2, 1).merge(t.cell(2, 2)).text = "120"
    d.add_paragraph("表后的段落。")
    p = tmp_path / "t.docx"
    d.save(p)
    src = read_source(p, tmp_path)
    assert src.status == "loaded", src.reason
    assert src.text.splitlines()[1:] == ["类别 | 件数 | 占比", "维持 | 12 | 10%", "合计 | 120",
                                         "表后的段落。"]
    assert "页眉" not in src.text


def test_docx_variant_roundtrip(tmp_path):
    p = tmp_path / "a.docx"
    write_docx(p, SAMPLE, title="某区2023年度法治政府建设情况报告")
    src = read_source(p, tmp_path)
    assert src.text.splitlines() == ["某区2023年度法治政府建设情况报告"] + SAMPLE.splitlines()


@pytest.mark.parametrize("name,data,reason", [
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 200, "damaged"),
    ("renamed.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Microsoft Office"),
    ("plain.docx", "法治政府建设年度报告。" * 20, "not a .docx file"),
])
def test_bad_docx(tmp_path, name, data, reason):
    src = read_source(write(tmp_path, name, data), tmp_path)
    assert src.status == "quarantined" and reason in src.reason, src.reason


def test_xlsx_is_named(tmp_path):
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    src = read_source(write(tmp_path, "t.xlsx", buf.getvalue()), tmp_path)
    assert src.status == "quarantined" and "Excel" in src.reason


# ------------------------------------------------------------------ other bad input

@pytest.mark.parametrize("name,data,reason", [
    ("english.txt", "This is an annual report written in English only. " * 20, "not Chinese"),
    ("blank.txt", "   \n\n\t  \n", "no text"),
    ("few.txt", "Report 2023: 法治 only", "not Chinese"),
    ("latin1.txt", ("Rapport annuel sur l'État de droit, été " * 30).encode("latin-1"),
     "not Chinese"),
    ("zeros.bin", b"\x00" * 5000, "binary"),
    ("archive.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 100, "gzip"),
])
def test_other_bad_input(tmp_path, name, data, reason):
    src = read_source(write(tmp_path, name, data), tmp_path)
    assert src.status == "quarantined" and reason in src.reason, src.reason
    assert src.text is None


def test_missing_file_is_quarantined(tmp_path):
    src = read_source(tmp_path / "gone.txt", tmp_path)
    assert src.status == "quarantined" and "cannot be read" in src.reason


def test_size_limit_is_a_parameter(tmp_path):
    p = write(tmp_path, "a.txt", SAMPLE * 10)
    assert read_source(p, tmp_path).status == "loaded"
    src = read_source(p, tmp_path, max_bytes=100)
    assert src.status == "quarantined" and "too large" in src.reason
    assert src.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


def test_file_without_extension(tmp_path):
    src = read_source(write(tmp_path, "README", SAMPLE.encode("gbk")), tmp_path)
    assert (src.status, src.format, src.encoding) == ("loaded", "txt", "gbk")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000),
       suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx", "", ".doc", ".xyz"]))
def test_never_raises(tmp_path, data, suffix):
    p = tmp_path / f"f{suffix}"
    p.write_bytes(data)
    src = read_source(p, tmp_path)
    assert src.status in ("loaded", "quarantined")
    assert (src.text is None) == (src.status == "quarantined")
    assert src.status == "loaded" or src.reason


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.05, 0.95), flip=st.integers(0, 10**6))
def test_damaged_pdfs_never_raise(tmp_path, cut, flip):
    data = bytearray(_SMALL_PDF())
    data[flip % len(data)] ^= 0xFF
    for blob in (bytes(data), bytes(data[: int(len(data) * cut)])):
        src = read_source(write(tmp_path, "d.pdf", blob), tmp_path)
        assert src.status in ("loaded", "quarantined")
        assert src.status == "loaded" or src.reason


_PDF_CACHE: list[bytes] = []


def _SMALL_PDF() -> bytes:
    if not _PDF_CACHE:
        _PDF_CACHE.append(pdf_bytes(SAMPLE, "某区2023年度法治政府建设情况报告"))
    return _PDF_CACHE[0]


# ------------------------------------------------------------------ list_sources

def test_list_sources_skips_manifest_and_dot_files(tmp_path):
    for name in ["b.txt", "a/z.pdf", "a/b/c.html", "manifest.csv", ".DS_Store", ".git/HEAD",
                 "a/.hidden/x.txt", "a/.~lock.docx#", "A.txt", "中文/报告.txt"]:
        write(tmp_path, name, "x")
    got = [p.relative_to(tmp_path).as_posix() for p in list_sources(tmp_path)]
    assert got == sorted(["b.txt", "a/z.pdf", "a/b/c.html", "A.txt", "中文/报告.txt"])
    assert all(p.is_absolute() == tmp_path.is_absolute() for p in list_sources(tmp_path))


def test_name_is_relative_posix(tmp_path):
    p = write(tmp_path, "2023/广东/r.txt", SAMPLE)
    assert read_source(p, tmp_path).name == "2023/广东/r.txt"


def test_utf8_page_that_declares_gb2312_is_read_as_utf8(tmp_path):
    page = html_page(SAMPLE * 3, "某区2023年度法治政府建设情况报告", charset="gb2312").decode("gbk")
    src = read_source(write(tmp_path, "p.html", page.encode("utf-8")), tmp_path)
    assert src.encoding == "utf-8" and "纠正违法或不当文件3件。" in src.text


def test_big5_page_without_a_declaration(tmp_path):
    body = ("保定市人民政府關於2016年度法治政府建設情況的報告。全市各級行政機關認真貫徹落實"
            "《法治政府建設實施綱要》，堅持依法行政，共辦理行政復議案件312件。") * 5
    page = f"<html><head><title>年度報告</title></head><body><div id=zoom><p>{body}</p></div></body></html>"
    src = read_source(write(tmp_path, "tw.html", page.encode("big5")), tmp_path)
    assert src.status == "loaded", src.reason
    assert src.encoding in ("big5", "big5hkscs", "cp950") and body in src.text


def test_a_page_with_its_english_translation_beside_the_chinese_loads(tmp_path):
    """Machine-translated sites print each Chinese paragraph with its English translation: the
    English has four or five times the letters, but about as many words as the Chinese has
    characters; such a page is Chinese. A page in English with a few Chinese words is not."""
    zh = "2022年,全市共收到行政复议申请86件,依法受理80件,审结78件,纠错率为12.5%。"
    en = ("In 2022, the city received 86 applications for administrative reconsideration, "
          "accepted 80 according to law, concluded 78, and the error correction rate was 12.5%. ")
    src = read_source(write(tmp_path, "bilingual.txt", ((zh + "\n" + en + "\n") * 6).encode()), tmp_path)
    assert src.status == "loaded", src.reason
    english = read_source(write(tmp_path, "en.txt", ((en * 6) + "法治政府建设年度报告").encode()), tmp_path)
    assert english.status == "quarantined" and "not Chinese" in english.reason
