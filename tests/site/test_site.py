"""The static site: built from the bundled reports by `lawgov site` in a real process, every
local link resolving, every page small, and the key pages rendering in headless Chromium
with no console errors (screenshots kept in tests/artifacts/)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from conftest import REPO, lawgov
from lawgov.site.chart import line_chart
from lawgov.site.highlight import segments

ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--window-size=1280,1400"]


def test_segments_cut_the_text_at_the_spans():
    text = "受理案件54件,纠错9件,纠错率16.7%。"
    cut = segments(text, [(4, 6, "f1", "受理 54"), (10, 11, "f2", "纠错 9"), (10, 11, "f3", "x"),
                          (5, 7, "f4", "overlaps f1"), (40, 42, "f5", "outside")])
    assert "".join(s.text for s in cut) == text
    marks = [s for s in cut if s.mark]
    assert [(s.text, s.mark.fact_ids) for s in marks] == [("54", ["f1"]), ("9", ["f2", "f3"])]


def test_line_chart_places_years_and_values():
    chart = line_chart({"湖北省": {2020: 90.0, 2022: 100.0}, "广东省": {2021: 95.0}}, percent=True)
    assert [t.label for t in chart.x_ticks] == ["2020", "2021", "2022"]
    hubei = chart.lines[0]
    assert hubei.points[0][0] == chart.left and hubei.points[-1][0] == chart.plot_right
    assert hubei.points[-1][1] == chart.top                     # 100% at the top
    assert line_chart({}) is None


@pytest.fixture(scope="module")
def site(built_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    done = lawgov("site", "--db", str(built_db), "--out", str(out))
    assert "largest page" in done.stdout
    return out


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.slow
def test_every_local_link_resolves_and_every_page_is_small(site):
    assert len(pages(site)) > 10
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert page.stat().st_size < 2_000_000, page
        for ref in re.findall(r'(?:href|src)="([^"]+)"', html):
            if ref.startswith("#"):
                assert f'id="{ref[1:]}"' in html, f"{page.relative_to(site)} links to missing {ref}"
                continue
            if re.match(r"[a-z]+:", ref):
                continue
            target = (page.parent / ref.split("#")[0]).resolve()
            assert target.exists(), f"{page.relative_to(site)} links to missing {ref}"
            if "#" in ref and target.suffix == ".html":
                anchor = ref.split("#", 1)[1]
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{page}: {ref}"
        # nothing loads from the network (a link to a report's own url is only a link)
        assert not re.search(r'(?:src="|<link[^>]*href=")(?:https?:)?//', html), page


@pytest.mark.slow
def test_document_pages_highlight_every_fact_s_number(site, built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        facts = con.execute("""select f.doc_id, f.fact_id, substring(d.text, f.span_start + 1, f.span_end - f.span_start)
                               from marts.facts f join raw.documents d using (doc_id)""").fetchall()
    finally:
        con.close()
    assert facts
    for doc_id, fact_id, number in facts:
        html = (site / "documents" / f"{doc_id}.html").read_text(encoding="utf-8")
        assert re.search(rf'<mark id="f-{re.escape(fact_id)}"[^>]*>{re.escape(number)}</mark>', html) \
            or f'<span id="f-{fact_id}"></span>' in html, fact_id


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.slow
def test_key_pages_render_in_headless_chromium_without_console_errors(site, built_db, tmp_path):
    exe = chromium()
    if exe is None:
        pytest.skip("no chromium binary on PATH (.ci/run installs Debian's chromium and fonts-noto-cjk)")
    con = duckdb.connect(str(built_db), read_only=True)
    try:
        doc_id, fact_id = con.execute("select doc_id, fact_id from marts.facts "
                                      "where indicator = 'litigation.head_appearance_rate' order by fact_id").fetchone()
    finally:
        con.close()
    targets = {
        "index": "index.html",
        "indicator": "indicators/litigation.head_appearance_rate.html",
        "document": f"documents/{doc_id}.html",
        "data_quality": "quality/index-1.html",
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, rel in targets.items():
        shot = ARTIFACTS / f"site-{name}.png"
        shot.unlink(missing_ok=True)
        size = ["--window-size=1280,3200"] if name == "document" else []    # down to the text and its marks
        done = subprocess.run([exe, *CHROMIUM_FLAGS, *size, f"--user-data-dir={tmp_path / name}",
                               f"--screenshot={shot}", (site / rel).as_uri()],
                              capture_output=True, text=True, timeout=120)
        console = [ln for ln in done.stderr.splitlines() if ":CONSOLE" in ln]
        assert not console, f"{rel}: console messages: {console}"
        assert shot.exists() and shot.stat().st_size > 10_000, f"{rel}: no screenshot ({done.stderr[-800:]})"
    dom = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'dom'}", "--dump-dom",
                          (site / "documents" / f"{doc_id}.html").as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert re.search(rf'<mark id="f-{re.escape(fact_id)}"[^>]*>[\d.]+</mark>', dom)
