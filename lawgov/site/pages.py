"""Writing the site: one function per kind of page, each reading the warehouse and rendering
a template. Long lists are split into pages (documents, regions of an indicator, data
quality) so no page grows with the corpus beyond a few hundred kilobytes."""

from __future__ import annotations

import os
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lawgov.errors import LawgovError
from lawgov.site import labels
from lawgov.site.chart import line_chart
from lawgov.site.highlight import segments, to_html
from lawgov.warehouse.readonly import open_published

HERE = Path(__file__).resolve().parent
DOCS_PER_PAGE = 500
REGIONS_PER_PAGE = 300
PROBLEMS_PER_PAGE = 500
CHART_LINES = 10
SCOPE_RANK = "case scope when 'all' then 0 when 'government' then 1 else 2 end"


# the stylesheet every lawgov site carries: a folder with it (and an index.html) is a site
# lawgov may replace; any other folder with files is left alone
SITE_MARK = "site.css"


class SiteError(LawgovError):
    """The warehouse cannot be made into a site (missing, or built by an older lawgov)."""


@dataclass
class SiteSummary:
    pages: int = 0
    documents: int = 0
    largest_page: str = ""
    largest_bytes: int = 0
    seconds: float = 0.0


@dataclass
class Pager:
    """Which page of a split list this is, and the file names of all its pages."""

    number: int
    files: list[str]

    @property
    def prev(self) -> str | None:
        return self.files[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.files[self.number] if self.number < len(self.files) else None


@dataclass
class Site:
    """What every page shares: the output folder, the templates and the catalogue."""

    out: Path
    env: Environment
    con: object
    indicators: dict[str, dict] = field(default_factory=dict)
    summary: SiteSummary = field(default_factory=SiteSummary)

    def write(self, rel: str, template: str, **context) -> None:
        depth = rel.count("/")
        html = self.env.get_template(template).render(root="../" * depth, labels=labels,
                                                      indicators=self.indicators, **context)
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = html.encode("utf-8")
        path.write_bytes(data)
        self.summary.pages += 1
        if len(data) > self.summary.largest_bytes:
            self.summary.largest_bytes, self.summary.largest_page = len(data), rel

    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html", "svg"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = _num
    return env


def _num(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{v:,}" if isinstance(v, int) else str(v)


def build_site(db: Path, out: Path, project: Path | None = None, workers: int = 0) -> SiteSummary:
    """Write the site of warehouse ``db`` into folder ``out`` (replacing the site there);
    document pages in ``workers`` processes (0: one per core)."""
    import duckdb

    started = time.perf_counter()
    if not Path(db).exists():
        raise SiteError(f"{db} does not exist; run `lawgov build` first", file=str(db))
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not (out / "index.html").exists() or not (out / "static" / SITE_MARK).exists():
            raise SiteError(f"{out} holds files that are not a lawgov site; give an empty or new "
                            "folder (a site there is replaced)", file=str(out))
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(HERE / "static", out / "static", dirs_exist_ok=True)
    con = open_published(db)
    try:
        site = Site(out, environment(), con)
        try:
            site.indicators = {r["code"]: r for r in site.rows(
                "select i.*, count(f.fact_id) as n_facts from seeds.indicators as i "
                "left join marts.facts as f on f.indicator = i.code group by all order by i.code")}
        except duckdb.Error as e:
            raise SiteError(f"{db} has no marts to show ({e}); build it with `lawgov build`",
                            file=str(db)) from None
        try:
            index_page(site)
            for code, ind in site.indicators.items():
                if ind["tier"] == "headline":
                    indicator_pages(site, code)
            document_list_pages(site)
            document_pages(site, Path(db), workers or os.cpu_count() or 1)
            quality_pages(site)
            models_page(site, project)
        except duckdb.Error as e:
            raise SiteError(f"the marts of {db} are not what this lawgov writes ({e}); "
                            "rebuild the warehouse with `lawgov build`", file=str(db)) from None
    finally:
        con.close()
    site.summary.seconds = time.perf_counter() - started
    return site.summary


def index_page(site: Site) -> None:
    totals = site.rows("""
        select (select count(*) from marts.documents) as documents,
               (select count(*) from marts.facts) as facts,
               (select count(distinct region_code) from marts.documents) as regions,
               (select min(report_year) from marts.documents) as first_year,
               (select max(report_year) from marts.documents) as last_year,
               (select count(*) from marts.data_quality) as problems""")[0]
    try:
        built = site.rows("select max(finished_at) as at from meta.builds")[0]["at"]
    except Exception:
        built = None
    families = defaultdict(list)
    for ind in site.indicators.values():
        families[ind["family"]].append(ind)
    site.write("index.html", "index.html", totals=totals, families=dict(sorted(families.items())),
               built=built)


def indicator_pages(site: Site, code: str) -> None:
    """The region × year table of one indicator (split by regions) and a chart of the
    regions of the highest level that reports it."""
    ind = site.indicators[code]
    facts = site.rows(f"""
        select region_code, region_name, region_level, year, value, scope, doc_id, fact_id, origin
        from marts.facts
        where indicator = ? and region_code is not null and year is not null
        qualify row_number() over (partition by region_code, year
                                   order by {SCOPE_RANK}, origin = 'extracted', fact_id) = 1
        order by region_code, year""", [code])
    years = sorted({f["year"] for f in facts})
    regions: dict[str, dict] = {}
    for f in facts:
        r = regions.setdefault(f["region_code"], {"code": f["region_code"], "name": f["region_name"],
                                                  "level": f["region_level"], "cells": {}})
        r["cells"][f["year"]] = f
    chart = line_chart(_chart_series(regions), percent=ind["unit"] == "%")
    rows = list(regions.values())
    chunks = [rows[i:i + REGIONS_PER_PAGE] for i in range(0, len(rows), REGIONS_PER_PAGE)] or [[]]
    files = [f"{code}.html" if n == 1 else f"{code}-{n}.html" for n in range(1, len(chunks) + 1)]
    for n, chunk in enumerate(chunks, 1):
        site.write(f"indicators/{files[n - 1]}", "indicator.html", ind=ind, years=years, regions=chunk,
                   chart=chart if n == 1 else None, pager=Pager(n, files), total_regions=len(rows),
                   total_facts=len(facts))


def _chart_series(regions: dict[str, dict]) -> dict[str, dict[int, float]]:
    """The regions of the highest level present, those with the most years first."""
    order = ["province", "city", "county", "district", "township", "department"]
    present = {r["level"] for r in regions.values()}
    level = next((lv for lv in order if lv in present), None)
    chosen = sorted((r for r in regions.values() if r["level"] == level),
                    key=lambda r: (-len(r["cells"]), r["code"]))[:CHART_LINES]
    return {f"{r['name'] or r['code']}": {y: c["value"] for y, c in r["cells"].items()} for r in chosen}


def document_list_pages(site: Site) -> None:
    docs = site.rows("""
        select doc_id, source_file, title, region_code, region_name, region_level, report_year, facts
        from marts.documents order by region_code nulls last, report_year, source_file""")
    site.summary.documents = len(docs)
    chunks = [docs[i:i + DOCS_PER_PAGE] for i in range(0, len(docs), DOCS_PER_PAGE)] or [[]]
    files = [f"index-{n}.html" for n in range(1, len(chunks) + 1)]
    for n, chunk in enumerate(chunks, 1):
        site.write(f"documents/{files[n - 1]}", "documents.html", docs=chunk, pager=Pager(n, files),
                   total=len(docs))


def document_pages(site: Site, db: Path, workers: int) -> None:
    """A page per document, written by ``workers`` processes, each taking a range of doc_ids
    (the pages are independent, and rendering them is most of the site's time)."""
    ids = [r[0] for r in site.con.execute("select doc_id from marts.documents order by doc_id").fetchall()]
    if not ids:
        return
    step = -(-len(ids) // max(1, workers))
    ranges = [(ids[i], ids[min(i + step, len(ids)) - 1]) for i in range(0, len(ids), step)]
    if len(ranges) == 1:
        parts = [_document_range(site, *ranges[0])]
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(len(ranges), mp_context=mp.get_context("fork")) as pool:
            parts = list(pool.map(_document_range_job, [(db, site.out, lo, hi) for lo, hi in ranges]))
    for pages, largest, size in parts:
        site.summary.pages += pages
        if size > site.summary.largest_bytes:
            site.summary.largest_bytes, site.summary.largest_page = size, largest


def _document_range_job(args) -> tuple[int, str, int]:

    db, out, lo, hi = args
    con = open_published(db)
    try:
        site = Site(out, environment(), con)
        return _document_range(site, lo, hi)
    finally:
        con.close()


def _document_range(site: Site, lo: str, hi: str) -> tuple[int, str, int]:
    """The pages of the documents lo..hi: metadata, facts, and the text with each fact's
    number (and each further sentence stating it) highlighted where it stands."""
    facts: dict[str, list[dict]] = defaultdict(list)
    for f in site.rows("""
            select doc_id, fact_id, indicator, indicator_name, value, unit, qualifier, year, scope,
                   origin, correction_reason, evidence, span_start, span_end
            from marts.facts where doc_id between ? and ? order by doc_id, span_start, fact_id""", [lo, hi]):
        facts[f["doc_id"]].append(f)
    spans: dict[str, list[tuple]] = defaultdict(list)
    for doc_id, fact_id, start, end in site.con.execute(
            "select doc_id, fact_id, span_start, span_end from marts.fact_evidence "
            "where doc_id between ? and ?", [lo, hi]).fetchall():
        spans[doc_id].append((start, end, fact_id))
    cur = site.con.execute("""
        select d.*, r.text from marts.documents as d join raw.documents as r using (doc_id)
        where d.doc_id between ? and ? order by d.doc_id""", [lo, hi])
    cols = [c[0] for c in cur.description]
    before = (site.summary.pages, site.summary.largest_page, site.summary.largest_bytes)
    site.summary.pages, site.summary.largest_page, site.summary.largest_bytes = 0, "", 0
    while batch := cur.fetchmany(500):
        for values in batch:
            doc = dict(zip(cols, values))
            doc_facts = facts.get(doc["doc_id"], [])
            for f in doc_facts:
                f["shown"] = _shown(f)
            titles = {f["fact_id"]: f"{f['indicator_name'] or f['indicator']} {f['shown']}" for f in doc_facts}
            marks = [(f["span_start"], f["span_end"], f["fact_id"], titles[f["fact_id"]]) for f in doc_facts]
            marks += [(s, e, fid, titles[fid]) for s, e, fid in spans.get(doc["doc_id"], []) if fid in titles]
            site.write(f"documents/{doc['doc_id']}.html", "document.html", doc=doc, facts=doc_facts,
                       text_html=to_html(segments(doc.pop("text") or "", marks)))
    result = (site.summary.pages, site.summary.largest_page, site.summary.largest_bytes)
    site.summary.pages, site.summary.largest_page, site.summary.largest_bytes = before
    return result


def _shown(fact: dict) -> str:
    """The value as a reader writes it: 约95%, 1,000人以上."""
    word = labels.QUALIFIERS.get(fact["qualifier"], "")
    body = f"{_num(fact['value'])}{fact['unit'] or ''}"
    return f"{word}{body}" if fact["qualifier"] == "approx" else f"{body}{word}"


def quality_pages(site: Site) -> None:
    problems = site.rows("""
        select q.*, f.fact_id
        from marts.data_quality as q
        left join marts.facts as f
            on f.doc_id = q.doc_id and f.indicator = q.indicator and f.evidence = q.evidence
            and f.value = q.value
        qualify row_number() over (partition by q.problem_id order by f.fact_id) = 1
        order by q.severity, q.problem, q.region_code, q.year""")
    counts = defaultdict(int)
    for p in problems:
        counts[p["problem"]] += 1
    chunks = [problems[i:i + PROBLEMS_PER_PAGE] for i in range(0, len(problems), PROBLEMS_PER_PAGE)] or [[]]
    files = [f"index-{n}.html" for n in range(1, len(chunks) + 1)]
    for n, chunk in enumerate(chunks, 1):
        site.write(f"quality/{files[n - 1]}", "quality.html", problems=chunk, pager=Pager(n, files),
                   counts=dict(sorted(counts.items())), total=len(problems))


def models_page(site: Site, project: Path | None) -> None:
    """The models with their versions and what each is built from: from the model project
    when given, else from what the warehouse recorded of its last run."""
    state = {r["relation"]: r for r in site.rows(
        "select relation, fingerprint, rows, built_at from meta.model_state")}
    models = []
    if project is not None:
        from lawgov.warehouse.models import load_project

        proj = load_project(project)
        seed_rows = {r["seed"]: r for r in site.rows("select seed, rows, loaded_at as built_at from meta.seed_state")}
        for seed in proj.seeds.values():
            models.append({"key": seed.name, "name": seed.name, "version": None, "latest": False,
                           "relation": seed.qualified, "materialized": "seed", "refs": [],
                           "description": f"seeds/{seed.path.name}", "sources": [],
                           "state": seed_rows.get(seed.name)})
        for key in proj.order:
            m = proj.models[key]
            models.append({"key": key, "name": m.name, "version": m.version, "latest": m.latest,
                           "relation": m.qualified, "materialized": m.materialized,
                           "description": m.description, "refs": m.refs,
                           "sources": [f"{s}.{t}" for s, t in m.sources],
                           "state": state.get(m.qualified)})
    else:
        for rel, st in sorted(state.items()):
            models.append({"key": rel, "name": rel, "version": None, "latest": False, "relation": rel,
                           "materialized": "", "description": "", "refs": [], "sources": [], "state": st})
    site.write("models.html", "models.html", models=models)
