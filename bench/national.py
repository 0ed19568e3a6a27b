"""National scale: generate a synthetic corpus of rule-of-law reports and time lawgov on it.

    python bench/national.py --n 10000 [--n 100000] [--workdir /tmp/lawgov-bench]
    python bench/national.py --generate-only --n 1000 --workdir /tmp/x
    python bench/national.py --profile --n 500          # per-stage ms per report (one process)

The corpus is made from the five bundled reports in data/reports/ and the gazetteer
seeds/regions.csv: each synthetic report takes a template report, gives its reporting body
a random region of the same level (its parents' names where the text names them), moves
every year so the report year falls in 2016–2025, multiplies the counts by a per-report
factor (percentages stay in 0–100), shuffles the paragraphs inside each section of the body,
and is written as UTF-8 text to <out>/<province_code>/<year>/<id>.txt. Generation is
deterministic by seed and streams: one report in memory at a time (per worker).

Figures printed for this machine, each beside its target from issue 7: cold build time, peak
RSS of the build's whole process tree (sampled from /proc every 0.2 s) and of its largest
single process (getrusage), CPU time and cores busy (CPU time over wall time, and the
build's threads running or waiting for a core, which other work on the machine does not
hide), MB/s and facts/s; rebuild with nothing changed; rebuild with 1%
of the files rewritten with other numbers; `lawgov --help` start-up; a cross-region query on
the marts. The model layer against `dbt build` is measured by bench/models_vs_dbt.py.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
REGIONS_CSV = ROOT / "seeds" / "regions.csv"
DIVISIONS = Path("/work/shared/data/divisions")
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python" if (VENV_BIN / "python").exists() else Path(sys.executable)
# the console script when the package is installed, else the module from this checkout
LAWGOV_CMD = [str(VENV_BIN / "lawgov")] if (VENV_BIN / "lawgov").exists() else [str(PYTHON), "-m", "lawgov"]

YEARS = range(2016, 2026)

# ---------------------------------------------------------------------------------------
# Templates: which names in each bundled report are the reporting body and its relatives.
# A role is resolved against the randomly chosen region: self, parent (the county/district
# above a township), city, province, sibling1..3 (other children of the body's parent),
# child1 (a county under the body); "_short" means the alias (松山 for 松山区).
# ---------------------------------------------------------------------------------------


@dataclass
class Spec:
    body: str                      # the reporting body's name in the bundled text
    level: str                     # gazetteer level of the replacement region
    year: int                      # the report year of the bundled text
    roles: dict[str, str]          # literal in the text -> role
    need_siblings: int = 0
    need_children: int = 0


SPECS = [
    Spec("岭东区", "district", 2022, {"岭东区": "self", "岭东": "self_short", "双鸭山市": "city",
                               "双鸭山": "city_short", "黑龙江省": "province", "黑龙江": "province_short"}),
    Spec("松山区", "district", 2023, {"松山区": "self", "松山": "self_short", "赤峰市": "city", "赤峰": "city_short",
                               "内蒙古自治区": "province", "元宝山区": "sibling1", "宁城县": "sibling2",
                               "克什克腾旗": "sibling3"}, need_siblings=3),
    Spec("硚口区", "district", 2019, {"硚口区": "self", "硚口": "self_short", "武汉市": "city", "武汉": "city_short"}),
    Spec("东坝乡", "township", 2022, {"东坝乡": "self", "东坝": "self_short", "朝阳区": "parent",
                               "北京市": "province", "北京": "province_short"}),
    Spec("阳江市", "city", 2021, {"阳江市": "self", "阳江": "self_short", "广东省": "province", "广东": "province_short",
                           "阳西县": "child1"}, need_children=1),
]

SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州", "自治县", "自治旗",
            "街道", "地区", "省", "市", "区", "县", "旗", "镇", "乡", "盟")
PROTECTED_NUMBERS = {"12345", "12348", "12315", "12366", "12333", "110", "120", "1155"}


@dataclass
class Region:
    code: str
    name: str
    level: str
    parent_code: str
    province_code: str
    city_code: str
    alias: str
    children: list[str] = field(default_factory=list)


def load_gazetteer() -> dict[str, Region]:
    regions: dict[str, Region] = {}
    if REGIONS_CSV.exists():
        with open(REGIONS_CSV, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                alias = (r.get("aliases") or "").split("|")[0].strip()
                regions[r["code"]] = Region(r["code"], r["name"], r["level"], r["parent_code"] or "",
                                            r["province_code"] or "", r["city_code"] or "", alias)
    else:  # the raw division lists (2-, 4-, 6-, 9-digit codes)
        def rd(name):
            with open(DIVISIONS / name, encoding="utf-8", newline="") as f:
                return list(csv.DictReader(f))
        for r in rd("provinces.csv"):
            c = r["code"] + "0000"
            regions[c] = Region(c, r["name"], "province", "", c, "", "")
        for r in rd("cities.csv"):
            if r["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            c = r["code"] + "00"
            p = r["provinceCode"] + "0000"
            regions[c] = Region(c, r["name"], "city", p, p, c, "")
        for r in rd("areas.csv"):
            city = r["cityCode"] + "00"
            p = r["provinceCode"] + "0000"
            parent = city if city in regions else p
            level = "district" if r["name"].endswith("区") else "county"
            regions[r["code"]] = Region(r["code"], r["name"], level, parent, p,
                                        city if city in regions else p, "")
        for r in rd("streets.csv"):
            area = r["areaCode"]
            if area in regions:
                regions[r["code"]] = Region(r["code"], r["name"], "township", area, regions[area].province_code,
                                            regions[area].city_code, "")
    for reg in regions.values():
        if reg.parent_code in regions:
            regions[reg.parent_code].children.append(reg.code)
    return regions


def short(region: Region) -> str:
    if region.alias:
        return region.alias
    for s in SUFFIXES:
        if region.name.endswith(s) and len(region.name) - len(s) >= 2:
            return region.name[: -len(s)]
    return region.name


# ---------------------------------------------------------------------------------------
# A template, tokenised once: lines of pieces, so making a report is a join, not a regex run.
# ---------------------------------------------------------------------------------------

HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
NUMBER = r"(?<![\d.])\d+(?:\.\d+)?(?![\d])"

# piece kinds
LIT, REG, YEAR, COUNT, PCT = range(5)


@dataclass
class Template:
    name: str
    spec: Spec
    year: int
    lines: list[list[tuple]]        # each line: [(kind, payload), …]
    runs: list[list[int]]           # indexes of shufflable lines, one list per section
    candidates: list[str]           # region codes that fit the spec


def _tokenise_line(line: str, names_re: re.Pattern, roles: dict[str, str]) -> list[tuple]:
    pieces: list[tuple] = []
    pos = 0
    for m in names_re.finditer(line):
        if m.start() > pos:
            pieces.append((LIT, line[pos:m.start()]))
        pos = m.end()
        tok = m.group(0)
        if m.lastgroup == "name":
            pieces.append((REG, roles[tok]))
            continue
        before = line[m.start() - 1] if m.start() else ""
        after = line[m.end():m.end() + 2]
        a1 = after[:1]
        if a1 in ("%", "％"):
            pieces.append((PCT, tok))
        elif "." not in tok and len(tok) == 4 and 1990 <= int(tok) <= 2035:
            pieces.append((YEAR, int(tok)))
        elif (tok in PROTECTED_NUMBERS or before in ":：月+〔“\"-" or a1 in "月日时:：号+”\""
              or (len(tok) > 1 and tok[0] == "0") or after == "小时"
              or after in (". ", "．") or a1 == "、" or (a1 == "." and not after[1:2].isdigit())):
            pieces.append((LIT, tok))
        else:
            pieces.append((COUNT, tok))
    if pos < len(line):
        pieces.append((LIT, line[pos:]))
    # merge adjacent literals
    merged: list[tuple] = []
    for p in pieces:
        if merged and p[0] == LIT and merged[-1][0] == LIT:
            merged[-1] = (LIT, merged[-1][1] + p[1])
        else:
            merged.append(p)
    return merged


def load_templates(regions: dict[str, Region]) -> list[Template]:
    templates = []
    for path in sorted(REPORTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spec = next((s for s in SPECS if s.body in text), None)
        if spec is None:
            print(f"  (template {path.name}: no known reporting body, skipped)", file=sys.stderr)
            continue
        names = sorted(spec.roles, key=len, reverse=True)
        names_re = re.compile("(?P<name>" + "|".join(map(re.escape, names)) + ")|(?P<num>" + NUMBER + ")")
        year = spec.year
        raw_lines = text.split("\n")
        lines = [_tokenise_line(line, names_re, spec.roles) for line in raw_lines]
        runs, current, seen_heading = [], [], False
        for i, line in enumerate(raw_lines):
            if HEADING.match(line):
                if current:
                    runs.append(current)
                current, seen_heading = [], True
            elif seen_heading and len(line.strip()) >= 40:
                current.append(i)
        if current:
            runs.append(current)
        if not seen_heading:     # a news-style text: shuffle the long paragraphs after the lead
            long_lines = [i for i, line in enumerate(raw_lines) if len(line.strip()) >= 40]
            runs = [long_lines[2:]]
        templates.append(Template(path.name, spec, int(year), lines, [r for r in runs if len(r) > 1],
                                  _candidates(spec, regions)))
    if not templates:
        raise SystemExit(f"no usable template reports in {REPORTS}")
    return templates


def _candidates(spec: Spec, regions: dict[str, Region]) -> list[str]:
    out = []
    for r in regions.values():
        if r.level != spec.level:
            continue
        parent = regions.get(r.parent_code)
        if parent is None or r.province_code not in regions:
            continue
        if spec.level == "district" and parent.level != "city":
            continue
        if spec.level == "township" and parent.level not in ("district", "county"):
            continue
        if spec.need_siblings and len(parent.children) <= spec.need_siblings:
            continue
        if spec.need_children and len(r.children) < spec.need_children:
            continue
        out.append(r.code)
    out.sort()
    return out


def _role_names(spec: Spec, region: Region, regions: dict[str, Region], rng: random.Random) -> dict[str, str]:
    province = regions[region.province_code]
    city = regions.get(region.city_code) or regions.get(region.parent_code) or province
    parent = regions.get(region.parent_code) or city
    names = {"self": region.name, "self_short": short(region), "province": province.name,
             "province_short": short(province), "city": city.name, "city_short": short(city),
             "parent": parent.name, "parent_short": short(parent)}
    if spec.need_siblings:
        sibs = [c for c in parent.children if c != region.code]
        for k, c in enumerate(rng.sample(sibs, spec.need_siblings), 1):
            names[f"sibling{k}"] = regions[c].name
    if spec.need_children:
        for k, c in enumerate(rng.sample(region.children, spec.need_children), 1):
            names[f"child{k}"] = regions[c].name
    return names


def _vary_count(tok: str, factor: float, rng: random.Random) -> str:
    v = float(tok) * factor * rng.uniform(0.9, 1.1)
    if "." in tok:
        d = len(tok) - tok.index(".") - 1
        return f"{v:.{d}f}"
    return str(max(1, round(v))) if float(tok) >= 1 else "0"


def _vary_pct(tok: str, rng: random.Random) -> str:
    v = float(tok)
    if v >= 100 and rng.random() < 0.7:
        return tok                          # 100% stays 100% most of the time
    v = min(100.0, max(0.0, v * rng.uniform(0.85, 1.15)))
    if "." in tok:
        d = len(tok) - tok.index(".") - 1
        return f"{v:.{d}f}"
    return str(round(v))


class Generator:
    def __init__(self, seed: int):
        self.seed = seed
        self.regions = load_gazetteer()
        self.templates = load_templates(self.regions)

    def _rng(self, *parts) -> random.Random:
        h = hashlib.blake2b(":".join(map(str, (self.seed,) + parts)).encode(), digest_size=8).digest()
        return random.Random(int.from_bytes(h, "big"))

    def plan(self, i: int):
        """The structural choices for report i: template, region, year, names (variant-free)."""
        rng = self._rng("plan", i)
        t = self.templates[rng.randrange(len(self.templates))]
        region = self.regions[t.candidates[rng.randrange(len(t.candidates))]]
        year = rng.choice(YEARS)
        names = _role_names(t.spec, region, self.regions, rng)
        order = [rng.sample(run, len(run)) for run in t.runs]
        return t, region, year, names, order

    def relpath(self, i: int) -> str:
        t, region, year, _, _ = self.plan(i)
        return f"{region.province_code}/{year}/{i:06d}.txt"

    def report(self, i: int, variant: int = 0) -> tuple[str, str]:
        """(relative path, text) of report i; variant changes only the numbers."""
        t, region, year, names, order = self.plan(i)
        rng = self._rng("numbers", i, variant)
        factor = math.exp(rng.uniform(math.log(0.4), math.log(2.5)))
        delta = year - t.year
        slot = list(range(len(t.lines)))
        for run, perm in zip(t.runs, order):
            for dst, src in zip(run, perm):
                slot[dst] = src
        out: list[str] = []
        for li in slot:
            for kind, val in t.lines[li]:
                if kind == LIT:
                    out.append(val)
                elif kind == REG:
                    out.append(names[val])
                elif kind == YEAR:
                    out.append(str(val + delta))
                elif kind == COUNT:
                    out.append(_vary_count(val, factor, rng))
                else:
                    out.append(_vary_pct(val, rng))
            out.append("\n")
        out.pop()
        return f"{region.province_code}/{year}/{i:06d}.txt", "".join(out)

    def write(self, out_dir: Path, i: int, variant: int = 0) -> int:
        rel, text = self.report(i, variant)
        p = out_dir / rel
        data = text.encode("utf-8")
        try:
            p.write_bytes(data)
        except FileNotFoundError:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        return len(data)


_GEN: Generator | None = None


def _worker_init(seed: int):
    global _GEN
    _GEN = Generator(seed)


def _write_range(args):
    out_dir, lo, hi, variant = args
    total = 0
    for i in range(lo, hi):
        total += _GEN.write(Path(out_dir), i, variant)
    return total


def generate(out_dir, n: int, seed: int = 0, workers: int | None = None, variant: int = 0,
             ids=None) -> int:
    """Write reports 0..n-1 (or just `ids`) under out_dir; returns the bytes written.
    Deterministic by seed: report i depends only on (seed, i, variant)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if ids is not None:
        gen = Generator(seed)
        return sum(gen.write(out_dir, i, variant) for i in ids)
    workers = workers or os.cpu_count() or 1
    chunk = 500
    ranges = [(str(out_dir), lo, min(n, lo + chunk), variant) for lo in range(0, n, chunk)]
    if workers <= 1 or n < 2 * chunk:
        _worker_init(seed)
        return sum(_write_range(r) for r in ranges)
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(workers, initializer=_worker_init, initargs=(seed,)) as pool:
        return sum(pool.map(_write_range, ranges))


# ---------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------


def _children_of() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                s = f.read()
        except OSError:
            continue
        ppid = int(s[s.rindex(b")") + 2:].split(b" ", 3)[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _tree_rss(root: int, include_root: bool = True) -> tuple[int, int]:
    """(summed RSS, summed PSS) in bytes of root (unless include_root is false) and all its
    descendants. RSS counts pages shared between forked workers once per process; PSS splits
    them, so it is what the tree really holds."""
    kids = _children_of()
    rss = pss = 0
    stack = [root] if include_root else list(kids.get(root, []))
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for ln in f:
                    if ln.startswith("Rss:"):
                        rss += int(ln.split()[1]) * 1024
                    elif ln.startswith("Pss:"):
                        pss += int(ln.split()[1]) * 1024
                        break
        except OSError:
            pass
        stack.extend(kids.get(pid, []))
    return rss, pss


TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int) -> tuple[float, int]:
    """(CPU seconds used so far, threads running or waiting for a core now) of root's
    descendants. The seconds count the workers they have already reaped (cutime, cstime), so
    they only grow; the runnable threads say how many cores the build wants, whatever other
    work the machine is doing."""
    kids = _children_of()
    ticks = runnable = 0
    stack = list(kids.get(root, []))
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                s = f.read()
            ticks += sum(int(x) for x in s[s.rindex(b")") + 2:].split()[11:15])
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                    t = f.read()
                runnable += t[t.rindex(b")") + 2:t.rindex(b")") + 3] == b"R"
        except (OSError, ValueError):
            pass
        stack.extend(kids.get(pid, []))
    return ticks / TICK, runnable


@dataclass
class Run:
    seconds: float
    cpu_seconds: float          # user + sys of the build and every worker it reaped
    peak_tree_rss: int
    peak_tree_pss: int
    peak_single_rss: int
    returncode: int
    stdout: str
    stderr: str
    timeline: list = field(default_factory=list)   # (seconds, tree RSS) samples
    cpu_timeline: list = field(default_factory=list)   # (seconds, tree CPU seconds so far, runnable threads)
    stages: dict = field(default_factory=dict)     # the build's own stage timings (LAWGOV_BUILD_TIMINGS)


def rss_profile(run: Run, points: int = 10) -> str:
    """The tree's RSS at each tenth of the run, in MiB: does memory follow the corpus?"""
    if not run.timeline:
        return ""
    out = []
    for k in range(1, points + 1):
        t = run.seconds * k / points
        window = [r for s, r in run.timeline if s <= t]
        out.append(f"{(max(window) if window else 0) / 2**20:,.0f}")
    return " ".join(out)


def cores_profile(run: Run, points: int = 10) -> str:
    """Cores busy in each tenth of the run (CPU seconds of the tree over wall seconds): which
    stage leaves a core idle? A sample taken as a process exits, before its parent reaps it,
    can miss its time, so the samples are made to only grow and end at the measured total."""
    samples, top = [(0.0, 0.0, 0)], 0.0
    for s, c, r in run.cpu_timeline + [(run.seconds, run.cpu_seconds, 0)]:
        top = max(top, c)
        samples.append((s, top, r))
    out = []
    for k in range(points):
        lo, hi = run.seconds * k / points, run.seconds * (k + 1) / points
        inside = [c for s, c, _ in samples if s <= hi]
        before = [c for s, c, _ in samples if s <= lo]
        out.append(f"{(inside[-1] - before[-1]) / (hi - lo):.2f}" if hi > lo else "-")
    return " ".join(out)


def cores_wanted(run: Run, cores: int, points: int = 0) -> str | float:
    """Threads of the build running or waiting for a core, at most ``cores``, averaged over
    the samples: the cores it would keep busy on a machine of its own. With ``points``, the
    average in each of that many slices of the run, as text."""
    samples = [(s, min(cores, r)) for s, _, r in run.cpu_timeline]
    if not points:
        return statistics.mean(r for _, r in samples) if samples else 0.0
    out = []
    for k in range(points):
        lo, hi = run.seconds * k / points, run.seconds * (k + 1) / points
        inside = [r for s, r in samples if lo < s <= hi]
        out.append(f"{statistics.mean(inside):.2f}" if inside else "-")
    return " ".join(out)


RUSAGE_WRAPPER = r"""
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    f.write(f"{ru.ru_maxrss * 1024} {ru.ru_utime + ru.ru_stime}")
sys.exit(code)
"""


def run_measured(cmd: list[str], cwd: Path, sample: float = 0.2, env: dict | None = None) -> Run:
    """Run cmd; wall time, the peak of the summed RSS of its process tree (sampled every
    `sample` s from /proc) and the largest single process's peak RSS (getrusage of a wrapper
    that waits for it: ru_maxrss of RUSAGE_CHILDREN covers every reaped descendant)."""
    import tempfile
    import threading

    fd, rfile = tempfile.mkstemp(prefix="lawgov-bench-rusage-")
    os.close(fd)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUSAGE_WRAPPER, rfile] + cmd, cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = peak_pss = 0
    timeline: list[tuple[float, int]] = []
    cpu_timeline: list[tuple[float, float]] = []
    outs = {}

    def drain(name, stream):
        outs[name] = stream.read()

    threads = [threading.Thread(target=drain, args=(k, s)) for k, s in (("out", proc.stdout), ("err", proc.stderr))]
    for th in threads:
        th.start()
    while proc.poll() is None:
        rss, pss = _tree_rss(proc.pid, include_root=False)
        peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        timeline.append((time.perf_counter() - t0, rss))
        cpu_timeline.append((time.perf_counter() - t0, *_tree_cpu(proc.pid)))
        time.sleep(sample)
    secs = time.perf_counter() - t0
    for th in threads:
        th.join()
    try:
        single, cpu = Path(rfile).read_text().split()
        single, cpu = int(single), float(cpu)
    except (OSError, ValueError):
        single, cpu = 0, 0.0
    os.unlink(rfile)
    return Run(secs, cpu, peak, peak_pss, single, proc.returncode, outs.get("out", ""), outs.get("err", ""),
               timeline, cpu_timeline)


CODE_DIR = ROOT     # where lawgov runs from; snapshot_code() points it at a frozen copy


def snapshot_code(workdir: Path) -> Path:
    """Copy the package and the model project to workdir, so files edited while the benchmark
    runs don't change the code fingerprint (which would turn every rebuild into a full one)."""
    global CODE_DIR, LAWGOV_CMD
    snap = workdir / "code"
    shutil.rmtree(snap, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for d in ("lawgov", "sql", "seeds", "macros"):
        if (ROOT / d).is_dir():
            shutil.copytree(ROOT / d, snap / d, ignore=ignore)
    for f in ("dbt_project.yml", "profiles.yml"):
        if (ROOT / f).exists():
            shutil.copy2(ROOT / f, snap / f)
    CODE_DIR = snap
    LAWGOV_CMD = [str(PYTHON), "-m", "lawgov"]     # run from cwd=snap: the copy comes first on sys.path
    return snap


def use_python(python: Path) -> None:
    """Run the builds and queries with `python` (the same code: only the interpreter changes)."""
    global PYTHON, LAWGOV_CMD
    PYTHON = python.absolute()        # (not resolved: a venv's python is a link to its base)
    LAWGOV_CMD = [str(PYTHON), "-m", "lawgov"]


def interpreter(python: Path) -> str:
    """The version of `python` and its path: builds of CPython differ in speed by 10-20% at
    the same version (with or without profile-guided and link-time optimisation)."""
    p = subprocess.run([str(python), "-c", "import sys; print(sys.version.split()[0], sys.base_prefix)"],
                       capture_output=True, text=True)
    return f"{p.stdout.strip() or '?'} ({python})"


def lawgov_build(reports: Path, db: Path) -> Run:
    timings = db.with_name(db.name + ".timings.json")
    timings.unlink(missing_ok=True)
    env = dict(os.environ, LAWGOV_BUILD_TIMINGS=str(timings))
    r = run_measured(LAWGOV_CMD + ["build", "--reports", str(reports), "--db", str(db), "--quiet"], cwd=CODE_DIR,
                     env=env)
    if r.returncode != 0:
        print(f"  ! lawgov build exited {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}", file=sys.stderr)
    try:
        r.stages = json.loads(timings.read_text(encoding="utf-8"))
        timings.unlink()
    except (OSError, ValueError):
        pass
    return r


def print_stages(run: Run, slowest: int = 6) -> None:
    """The build's stages (wall, the main process's CPU, the parser workers' CPU), then its
    slowest models and tests."""
    rows = run.stages.get("stages") or []
    if not rows:
        return
    main_cpu = sum(r["cpu"] for r in rows)
    workers = sum(r["workers_cpu"] for r in rows)
    print(f"    CPU: main process {main_cpu:.2f} s, parser workers {workers:.2f} s; by stage "
          f"(wall / main CPU / workers' CPU, s):")
    for r in rows:
        if r["wall"] >= 0.005 or r["cpu"] >= 0.005:
            extra = f" / {r['workers_cpu']:.2f}" if r["workers_cpu"] else ""
            print(f"      {r['stage']:<34} {r['wall']:7.2f} / {r['cpu']:.2f}{extra}")
    top = run.stages.get("slowest") or []
    if top:
        print("    slowest models and tests (wall s): "
              + ", ".join(f"{name} {sec:.2f}" for name, sec in top[:slowest]))


QUERY_SCRIPT = r"""
import sys, time, json, duckdb
db, sql, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = duckdb.connect(db, read_only=True)
times = []
for _ in range(runs):
    t = time.perf_counter(); rows = con.execute(sql).fetchall(); times.append(time.perf_counter() - t)
print(json.dumps({"times": times, "rows": len(rows)}))
"""

CROSS_REGION_QUERIES = [
    ("avg 出庭应诉率 by province × year (marts.court_appearance_rate ⋈ marts.regions)",
     """select r.province_name, c.year, avg(c.rate) as avg_rate, count(*) as n
        from marts.court_appearance_rate c join marts.regions r on r.code = c.region_code
        group by all order by all"""),
    ("avg 出庭应诉率 by province × year (marts.court_appearance_rate)",
     """select left(region_code, 2) as province, year, avg(rate) as avg_rate, count(*) as n
        from marts.court_appearance_rate group by all order by all"""),
    ("facts by province × indicator (marts.facts)",
     """select left(region_code, 2) as province, indicator, count(*) as n, avg(value) as avg_value
        from marts.facts group by all order by all"""),
]


def query_latency(db: Path, runs_per_process: int = 5, processes: int = 5):
    """Time each query in fresh processes, excluding connect; returns [(label, first_ms, warm_ms, rows, err)]."""
    out = []
    for label, sql in CROSS_REGION_QUERIES:
        firsts, warms, rows, err = [], [], None, None
        for _ in range(processes):
            p = subprocess.run([str(PYTHON), "-c", QUERY_SCRIPT, str(db), sql, str(runs_per_process)],
                               capture_output=True, text=True)
            if p.returncode != 0:
                err = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}"
                break
            res = json.loads(p.stdout)
            firsts.append(res["times"][0])
            warms.extend(res["times"][1:])
            rows = res["rows"]
        if err:
            out.append((label, None, None, None, err))
            continue
        out.append((label, statistics.median(firsts) * 1000, statistics.median(warms) * 1000 if warms else None,
                    rows, None))
    return out


MODELS_SCRIPT = r"""
import sys, time, shutil, json
sys.path.insert(0, sys.argv[3])
import duckdb
from pathlib import Path
from lawgov.warehouse.models import load_project, run_project
shutil.copyfile(sys.argv[1], sys.argv[2])
con = duckdb.connect(sys.argv[2])
t = time.perf_counter(); project = load_project(Path(sys.argv[3])); load = time.perf_counter() - t
t = time.perf_counter(); run_project(con, project, full_refresh=True); full = time.perf_counter() - t
t = time.perf_counter(); run_project(con, project); again = time.perf_counter() - t
con.close()
print(json.dumps({"load": load, "full": full, "again": again}))
"""


def models_time(db: Path) -> dict | str:
    """The model layer alone on a copy of the warehouse: full refresh, then a run with nothing changed."""
    copy = db.with_name(db.stem + "-models-copy.duckdb")
    try:
        p = subprocess.run([str(PYTHON), "-c", MODELS_SCRIPT, str(db), str(copy), str(CODE_DIR)],
                           capture_output=True, text=True)
        if p.returncode != 0:
            return (p.stderr.strip().splitlines() or [f"exit {p.returncode}"])[-1]
        return json.loads(p.stdout.strip().splitlines()[-1])
    finally:
        for q in (copy, copy.with_name(copy.name + ".wal")):
            if q.exists():
                q.unlink()


def help_latency(runs: int = 9) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(LAWGOV_CMD + ["--help"], cwd=CODE_DIR, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def corpus_bytes(root: Path) -> tuple[int, int]:
    n = b = 0
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".txt"):
                n += 1
                b += os.path.getsize(os.path.join(dirpath, f))
    return n, b


def db_counts(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for k, sql in (("facts", "select count(*) from raw.facts"), ("mentions", "select count(*) from raw.mentions"),
                       ("documents", "select count(*) from raw.documents"),
                       ("marts.facts", "select count(*) from marts.facts")):
            try:
                out[k] = con.execute(sql).fetchone()[0]
            except duckdb.Error:
                out[k] = None
        return out
    finally:
        con.close()


def fmt_s(s: float) -> str:
    return f"{s:.2f} s" if s < 120 else f"{s:.1f} s ({s / 60:.1f} min)"


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def line(label: str, value: str, target: str = "", ok: bool | None = None):
    print(f"  {label:<42} {value:<28} {('target ' + target) if target else ''}{verdict(ok)}", flush=True)


def bench(n: int, workdir: Path, seed: int, regenerate: bool, cold_only: bool = False):
    corpus = workdir / f"corpus-{n}"
    db = workdir / f"warehouse-{n}.duckdb"
    marker = corpus / ".bench.json"
    changed_ids = sorted(random.Random(f"{seed}:changed:{n}").sample(range(n), max(1, n // 100)))
    print(f"\n== {n:,} reports (seed {seed}, corpus {corpus}) ==", flush=True)
    state = json.loads(marker.read_text()) if marker.exists() else None
    if regenerate or not state or state.get("n") != n or state.get("seed") != seed:
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        size = generate(corpus, n, seed)
        gen_s = time.perf_counter() - t
        marker.write_text(json.dumps({"n": n, "seed": seed}))
        line("generate corpus", f"{fmt_s(gen_s)}, {size / 1e6:,.0f} MB")
    else:
        generate(corpus, n, seed, ids=changed_ids, variant=0)   # undo an earlier run's 1% change
    nfiles, nbytes = corpus_bytes(corpus)
    line("corpus", f"{nfiles:,} files, {nbytes / 1e6:,.0f} MB")

    for p in (db, db.with_name(db.name + ".wal")):
        if p.exists():
            p.unlink()
    for p in workdir.glob(db.name + "*"):
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p != db:
            p.unlink()
    line("load average before the build", " ".join(Path("/proc/loadavg").read_text().split()[:3]))
    cold = lawgov_build(corpus, db)
    if cold.returncode != 0:
        line("cold build", f"FAILED (exit {cold.returncode}) after {fmt_s(cold.seconds)}")
        return
    counts = db_counts(db)
    scale = n / 100_000
    line("cold build", fmt_s(cold.seconds),
         "≤ 300 s at 100k" + (f" (≈{300 * scale:.0f} s pro rata)" if n != 100_000 else ""),
         cold.seconds <= 300 * scale)
    line("  peak RSS, build process tree (sum)", f"{cold.peak_tree_rss / 2**20:,.0f} MiB", "≤ 2048 MiB",
         cold.peak_tree_rss <= 2 * 2**30)
    line("  peak PSS, build process tree (sum)", f"{cold.peak_tree_pss / 2**20:,.0f} MiB")
    print(f"    running peak of tree RSS at each tenth of the build, MiB: {rss_profile(cold)}")
    if cold.peak_single_rss:
        line("  peak RSS, largest single process", f"{cold.peak_single_rss / 2**20:,.0f} MiB")
    line("  CPU time, all processes", f"{cold.cpu_seconds:,.1f} s ({cold.cpu_seconds / nfiles * 1000:.1f} ms/report)")
    busy, cores = cold.cpu_seconds / cold.seconds, os.cpu_count() or 1
    line("  cores busy (CPU time / wall time)", f"{busy:.2f} of {cores}", "≥ 1.8", busy >= 1.8)
    print(f"    cores busy in each tenth of the build: {cores_profile(cold)}")
    wanted = cores_wanted(cold, cores)
    line("  cores wanted (runnable threads ≤ cores)", f"{wanted:.2f} of {cores}", "≥ 1.8", wanted >= 1.8)
    print(f"    cores wanted in each tenth of the build: {cores_wanted(cold, cores, 10)}")
    print("    (busy counts the CPU the build got; wanted counts its threads running or waiting for a\n"
          "     core, so on a machine shared with other work it says what the build would use alone)")
    line("  load average after the build", " ".join(Path("/proc/loadavg").read_text().split()[:3]))
    line("  throughput", f"{nbytes / 1e6 / cold.seconds:,.2f} MB/s, {nfiles / cold.seconds:,.0f} files/s")
    if counts.get("facts") is not None:
        line("  facts", f"{counts['facts']:,} ({counts['facts'] / cold.seconds:,.0f} facts/s)")
        line("  mentions / documents", f"{counts['mentions']:,} / {counts['documents']:,}")
    if cold.stdout.strip():
        print("    " + cold.stdout.strip().splitlines()[-1][:300])
    print_stages(cold)
    if cold_only:
        return

    m = models_time(db)
    if isinstance(m, dict):
        line("model layer alone, full refresh", f"{m['full']:.2f} s (+{m['load']:.2f} s load)",
             "≥ 10× faster than dbt build (bench/models_vs_dbt.py)")
        line("model layer alone, nothing changed", f"{m['again']:.2f} s")
    else:
        line("model layer alone", f"error: {m[:80]}")

    nochange = lawgov_build(corpus, db)
    line("rebuild, nothing changed", fmt_s(nochange.seconds), "≤ 2 s at 100k", nochange.seconds <= 2)
    line("  CPU time, all processes", f"{nochange.cpu_seconds:.2f} s")

    generate(corpus, n, seed, ids=changed_ids, variant=1)
    changed = lawgov_build(corpus, db)
    line(f"rebuild, 1% changed ({len(changed_ids):,} files)", fmt_s(changed.seconds), "≤ 15 s at 100k",
         changed.seconds <= 15)
    line("  CPU time, all processes", f"{changed.cpu_seconds:.2f} s")
    if changed.stdout.strip():
        print("    " + changed.stdout.strip().splitlines()[-1][:300])
    print_stages(changed)
    generate(corpus, n, seed, ids=changed_ids, variant=0)

    for label, first, warm, rows, err in query_latency(db):
        if err:
            line("query: " + label[:34], f"error: {err[:60]}")
            continue
        line("cross-region query", f"{first:.1f} ms first, {warm:.1f} ms warm", "≤ 100 ms", first <= 100)
        print(f"    ({label}; {rows} rows; median of 5 fresh processes, connect excluded)")


def profile(n: int, workdir: Path, seed: int):
    """One in-process build with --workers 1 under cProfile, and per-stage timing of a sample."""
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from lawgov import build as pipeline
    from lawgov.documents import describe_document
    from lawgov.extract import extract
    from lawgov.ingest.sources import list_sources, read_source

    corpus = workdir / f"profile-corpus-{n}"
    if not (corpus / ".bench.json").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        generate(corpus, n, seed)
        (corpus / ".bench.json").write_text(json.dumps({"n": n, "seed": seed}))
    paths = list_sources(corpus)
    print(f"\n== per-stage time, {len(paths)} reports, one process ==")
    stages = {"read_source": 0.0, "describe_document": 0.0, "extract": 0.0, "parse_file (all)": 0.0}
    facts = 0
    for p in paths:
        t0 = time.perf_counter()
        s = read_source(p, corpus)
        t1 = time.perf_counter()
        meta = describe_document(s.text, s.name, None)
        t2 = time.perf_counter()
        res = extract(s.text, meta.report_year)
        t3 = time.perf_counter()
        pipeline.parse_file(p, corpus, None)
        t4 = time.perf_counter()
        facts += len(res.facts)
        stages["read_source"] += t1 - t0
        stages["describe_document"] += t2 - t1
        stages["extract"] += t3 - t2
        stages["parse_file (all)"] += t4 - t3
    for k, v in stages.items():
        print(f"  {k:<24} {v / len(paths) * 1000:8.2f} ms/report")
    print(f"  facts per report         {facts / len(paths):8.1f}")

    db = workdir / f"profile-{n}.duckdb"
    for p in workdir.glob(db.name + "*"):
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink()
    opts = pipeline.BuildOptions(reports=corpus, db=db, project=ROOT, workers=1)
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    summary = pipeline.build(opts)
    prof.disable()
    total = time.perf_counter() - t
    print(f"\n== cProfile of one build, --workers 1: {total:.1f} s, {summary.facts:,} facts ==")
    st = pstats.Stats(prof)
    wanted = ["parse_file", "read_source", "describe_document", "extract", "_parse_task", "load", "append",
              "_ingest", "_run_models", "run_project", "publish", "_mark_raw", "open_area", "read_previous", "read_marks",
              "code_fingerprint", "_plan", "list_sources", "delete_documents", "ensure_schema"]
    rows = {}
    for (file, _, fn), (cc, nc, tt, ct, callers) in st.stats.items():
        if fn in wanted and "lawgov" in file:
            rows[f"{Path(file).name}:{fn}"] = (nc, ct)
    for key, (nc, ct) in sorted(rows.items(), key=lambda kv: -kv[1][1]):
        print(f"  {key:<36} {ct:8.2f} s  {ct / len(paths) * 1000:8.2f} ms/report  ({nc} calls)")
    # inserts of meta rows one by one in _ingest
    for (file, _, fn), (cc, nc, tt, ct, callers) in st.stats.items():
        if fn == "execute" and "duckdb" in str(file) or (fn == "<method 'execute' of '_duckdb.DuckDBPyConnection' objects>"):
            print(f"  duckdb execute (all)                {ct:8.2f} s  ({nc} calls)")
    print("\n  top 25 by own time:")
    st.sort_stats("tottime").print_stats(25)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, action="append", help="corpus size (repeatable); default 10000")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/lawgov-bench"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--regenerate", action="store_true", help="write the corpus again even if present")
    ap.add_argument("--generate-only", action="store_true")
    ap.add_argument("--profile", action="store_true", help="per-stage ms per report and a cProfile, one process")
    ap.add_argument("--skip-dbt", action="store_true", help="don't run bench/models_vs_dbt.py")
    ap.add_argument("--cold-only", action="store_true",
                    help="only the cold build (and no dbt): to compare changes to parsing and loading")
    ap.add_argument("--live-code", action="store_true",
                    help="run the checkout's code, not a frozen copy (edits during the run then re-parse everything)")
    ap.add_argument("--python", type=Path,
                    help="the interpreter the builds and queries run with (default .venv/bin/python): "
                         "e.g. a venv made from an optimised (PGO + LTO) CPython, with lawgov's dependencies")
    args = ap.parse_args(argv)
    if args.python is not None:
        use_python(args.python)
    sizes = args.n or [10_000]
    args.workdir.mkdir(parents=True, exist_ok=True)

    if args.generate_only:
        for n in sizes:
            out = args.workdir / f"corpus-{n}"
            t = time.perf_counter()
            size = generate(out, n, args.seed)
            (out / ".bench.json").write_text(json.dumps({"n": n, "seed": args.seed}))
            print(f"generated {n:,} reports, {size / 1e6:,.0f} MB in {time.perf_counter() - t:.1f} s → {out}")
        return
    if args.profile:
        for n in sizes:
            profile(n, args.workdir, args.seed)
        return

    if not args.live_code:
        snapshot_code(args.workdir)
    print(f"lawgov national benchmark — {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM, python {sys.version.split()[0]}")
    h = help_latency()
    print(f"  (lawgov runs as: {' '.join(LAWGOV_CMD)}, from {CODE_DIR}; python {interpreter(PYTHON)})")
    line("lawgov --help start-up (median of 9)", f"{h * 1000:.0f} ms", "≤ 300 ms", h <= 0.3)
    for n in sizes:
        bench(n, args.workdir, args.seed, args.regenerate, args.cold_only)
    biggest = args.workdir / f"warehouse-{max(sizes)}.duckdb"

    other = ROOT / "bench" / "models_vs_dbt.py"
    if other.exists() and not args.skip_dbt and not args.cold_only:
        print(f"\n== model layer vs dbt build (bench/models_vs_dbt.py on {biggest.name}), "
              "target lawgov ≥ 10× faster ==", flush=True)
        cmd = [str(PYTHON), str(other), "--repeat", "1"] + (["--db", str(biggest)] if biggest.exists() else [])
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        print(p.stdout.rstrip())
        if p.returncode != 0:
            print(f"  (models_vs_dbt.py exited {p.returncode}: {p.stderr.strip()[-500:]})")
    else:
        print("\n  model layer vs dbt build: measured by bench/models_vs_dbt.py "
              + ("(not run: --skip-dbt)" if other.exists() else "(not present yet)"))


if __name__ == "__main__":
    main()
