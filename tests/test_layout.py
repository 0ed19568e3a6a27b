"""The package's folders are the pipeline's stages: no module imports a later stage.

A back-edge (documents importing extract, extract importing warehouse …) is how a pipeline
turns into a tangle; this test names the edge as soon as someone adds one.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lawgov"

# Each stage may import the stages before it (and itself), never one after it.
STAGES = ["errors", "ingest", "text", "documents", "extract", "warehouse", "site", "config", "build",
          "progress", "evaluation", "cli"]
TOP_LEVEL = {"__init__", "__main__"}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "lawgov" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Absolute names of the lawgov modules a file imports, with the line of each."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = list(path.relative_to(PACKAGE.parent).parts[:-1])   # lawgov/a/b.py → lawgov.a
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names if a.name.startswith("lawgov")]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            if mod == "lawgov":          # from lawgov import warehouse
                out += [(f"lawgov.{a.name}", node.lineno) for a in node.names]
            elif mod.startswith("lawgov."):
                out.append((mod, node.lineno))
    return out


def test_every_module_belongs_to_a_stage():
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        name = rel.parts[0].removesuffix(".py")
        assert name in STAGES or name in TOP_LEVEL, f"lawgov/{rel} is in no stage of {STAGES}"


def test_no_import_from_a_later_stage():
    back_edges = []
    for path in PACKAGE.rglob("*.py"):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own in TOP_LEVEL:
            continue
        for module, line in _imports(path):
            other = _stage(module)
            if other in STAGES and STAGES.index(other) > STAGES.index(own):
                back_edges.append(f"lawgov/{path.relative_to(PACKAGE)}:{line} imports {module} ({other} comes after {own})")
    assert not back_edges, "\n".join(back_edges)


def test_the_checker_sees_a_back_edge(tmp_path, monkeypatch):
    """The test above would fail on a real back-edge, not pass for want of parsing it."""
    fake = tmp_path / "lawgov"
    (fake / "ingest").mkdir(parents=True)
    (fake / "ingest" / "bad.py").write_text("from lawgov.warehouse import store\nfrom ..extract import facts\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    found = [m for m, _ in _imports(fake / "ingest" / "bad.py")]
    assert [_stage(m) for m in found] == ["warehouse", "extract"]
