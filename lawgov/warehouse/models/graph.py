"""The model graph: build order, and the `lawgov models` / `lawgov lineage` views of it."""

from __future__ import annotations


from lawgov.errors import ModelError

from lawgov.warehouse.models.nodes import Model, Project


def version_key(v: str):
    return (0, int(v), "") if str(v).isdigit() else (1, 0, str(v))


def toposort(models: dict[str, Model]) -> list[str]:
    deps = {k: [r for r in m.refs if r in models] for k, m in models.items()}
    order: list[str] = []
    state: dict[str, int] = {}            # 1 visiting, 2 done

    def visit(key: str, path: list[str]):
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            cycle = path[path.index(key):] + [key]
            raise ModelError("models depend on each other in a cycle: " + " -> ".join(cycle),
                             file=models[key].file)
        state[key] = 1
        for dep in sorted(deps[key]):
            visit(dep, path + [key])
        state[key] = 2
        order.append(key)

    for key in sorted(models):
        visit(key, [])
    return order


def models_table(project: Project) -> str:
    """`lawgov models`: every model with its relation, version, materialization and inputs."""
    rows = [("model", "version", "relation", "as", "depends on")]
    for key in project.order:
        m = project.models[key]
        version = "" if m.version is None else f"v{m.version}" + (" (latest)" if m.latest else "")
        deps = [project.models[r].key if r in project.models else f"seed:{r}" for r in m.refs]
        deps += [f"{s}.{t}" for s, t in m.sources]
        rel = m.qualified + (f" (+ view {m.schema}.{m.name})" if m.latest else "")
        rows.append((m.name, version, rel, m.materialized, ", ".join(deps) or "-"))
    for s in project.seeds.values():
        rows.append((s.name, "", s.qualified, "seed", s.path.name))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        lines.append("  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4])
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 10)
    return "\n".join(lines)


def lineage(project: Project, model: str) -> str:
    """`lawgov lineage MODEL`: the model's upstream graph down to raw tables and seeds."""
    root = project.find(model)
    lines: list[str] = []
    seen: set[str] = set()

    def label(key: str) -> str:
        if key in project.models:
            m = project.models[key]
            v = f" v{m.version}" if m.version is not None else ""
            return f"{m.qualified} ({m.materialized}{v}, {m.file})"
        return f"{project.seeds[key].qualified} (seed, {project.seeds[key].path.name})"

    def children(key: str) -> list[tuple[str, str]]:
        if key not in project.models:
            return []
        m = project.models[key]
        out = [("node", r) for r in m.refs]
        out += [("source", (project.sources[s].qualified if s in project.sources else f"{s[0]}.{s[1]}")
                 + " (source)") for s in m.sources]
        return out

    def walk(key: str, prefix: str):
        kids = children(key)
        for i, (kind, item) in enumerate(kids):
            last = i == len(kids) - 1
            branch = "└── " if last else "├── "
            if kind == "source":
                lines.append(prefix + branch + item)
                continue
            again = item in seen and item in project.models and children(item)
            lines.append(prefix + branch + label(item) + (" …" if again else ""))
            if not again:
                seen.add(item)
                walk(item, prefix + ("    " if last else "│   "))

    head = label(root.key)
    if root.latest:
        head = f"{root.schema}.{root.name} -> " + head
    lines.append(head)
    walk(root.key, "")
    return "\n".join(lines)
