"""Loading a dbt project: dbt_project.yml, seeds, generic tests, schema.yml properties and
every model, rendered and parsed, into a `Project` ordered for building."""

from __future__ import annotations

import re
from pathlib import Path

from lawgov.errors import ModelError
from lawgov.warehouse.schema import (BUILTIN_TESTS, LINE, ModelSpec, clean, read_properties, version_columns)

from lawgov.warehouse.models.graph import toposort, version_key
from lawgov.warehouse.models.nodes import (DEFAULT_SCHEMA, FOLDER_SCHEMAS, Model, Project, Seed, CONFIG_KEYS,
                                           SingularTest, sha)
from lawgov.warehouse.models.render import (Renderer, SqlglotCannot, duckdb_ast, duckdb_parse_error, jinja_env,
                                            line_of, normalise_sql, require_select, strip_sql)


def _project_config(tree: dict | None, project: str, parts: list[str]) -> dict:
    """Configuration from dbt_project.yml's models:/seeds: tree for a node at parts."""
    config: dict = {}
    node = (tree or {}).get(project)
    for part in [None, *parts]:
        if part is not None:
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, dict):
            break
        for key, value in node.items():
            if key == LINE:
                continue
            if key.startswith("+"):
                config[key[1:]] = value
            elif key in CONFIG_KEYS:
                config[key] = value
    return clean(config)


def load_project(project_dir: Path) -> Project:
    """Read dbt_project.yml, the schema.yml files and every model; render, parse and order
    them. Raises ModelError (file and line) before anything is built."""
    root = Path(project_dir).resolve()
    cfg_path = root / "dbt_project.yml"
    if not cfg_path.exists():
        raise ModelError("no dbt_project.yml", file=str(cfg_path))
    from lawgov.warehouse.schema import load_yaml
    cfg = clean(load_yaml(cfg_path))
    _check_settings(cfg, cfg_path)
    pname = str(cfg.get("name") or "lawgov")
    model_paths = [root / p for p in cfg.get("model-paths") or ["models"]]
    seed_paths = [root / p for p in cfg.get("seed-paths") or ["seeds"]]
    macro_paths = [root / p for p in cfg.get("macro-paths") or ["macros"]]
    vars_ = dict(cfg.get("vars") or {})

    seeds = _read_seeds(cfg, pname, seed_paths)
    env = jinja_env()
    test_macros, generic = _read_generic_tests(env, macro_paths)
    yml_files = sorted(p for mp in model_paths if mp.exists()
                       for p in list(mp.rglob("*.yml")) + list(mp.rglob("*.yaml")))
    props = read_properties(yml_files, root)
    drafts = _draft_models(root, cfg, pname, model_paths, props, seeds, Renderer(env, vars_, None, None))
    _check_versions(props, drafts)
    _check_relations(drafts)
    models = _render_models(drafts, seeds, props, env, vars_)
    _check_tests(models, generic)
    _check_rows_follow(models)
    project = Project(root=root, name=pname, models=models, seeds=seeds, sources=props.sources,
                      order=toposort(models), vars=vars_, test_macros=test_macros, generic_tests=generic)
    test_paths = [root / p for p in cfg.get("test-paths", ["tests"])]   # dbt's default folder
    project.singular_tests = _read_singular_tests(project, env, vars_, test_paths)
    return project


# dbt_project.yml settings that must be a list of folders, and ones lawgov does not carry out
# (refused rather than silently skipped, so a project never builds differently under lawgov)
PATH_SETTINGS = ("model-paths", "seed-paths", "macro-paths", "test-paths", "analysis-paths",
                 "snapshot-paths", "docs-paths", "asset-paths")
UNSUPPORTED_SETTINGS = {"on-run-start": "run hooks", "on-run-end": "run hooks",
                        "dispatch": "macro dispatch", "query-comment": "query comments"}


def _check_settings(cfg: dict, cfg_path: Path) -> None:
    """Refuse a dbt_project.yml lawgov would misread, naming the line."""
    text = cfg_path.read_text(encoding="utf-8")
    for key in PATH_SETTINGS:
        value = cfg.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ModelError(f"{key} must be a list of folders, like [\"{value}\"], not {value!r}",
                             file=str(cfg_path), line=line_of(text, rf"(?m)^{re.escape(key)}\s*:"))
    if cfg.get("vars") is not None and not isinstance(cfg.get("vars"), dict):
        raise ModelError(f"vars must be a mapping of names to values, not {cfg['vars']!r}",
                         file=str(cfg_path), line=line_of(text, r"(?m)^vars\s*:"))
    for key, what in UNSUPPORTED_SETTINGS.items():
        if cfg.get(key):
            raise ModelError(f"{key}: lawgov's runner does not carry out {what}; remove it, or build "
                             "the project with dbt", file=str(cfg_path),
                             line=line_of(text, rf"(?m)^{re.escape(key)}\s*:"))


def _read_singular_tests(project: Project, env, vars_: dict, test_paths: list[Path]) -> list[SingularTest]:
    """Each .sql file of test-paths, rendered with ref/source bound and parsed: a test that
    does not render or parse stops the project here, before anything is built."""
    import duckdb

    from lawgov.warehouse.models.data_tests import render_relation

    def ref(name, version, file, text):
        v = f", v={version!r}" if version is not None else ""
        return render_relation(project, f"ref({name!r}{v})", file)

    renderer = Renderer(env, vars_, ref, lambda s, t, file, text: render_relation(
        project, f"source({s!r}, {t!r})", file))
    files = sorted(p for tp in test_paths if tp.is_dir() for p in tp.rglob("*.sql"))
    tests, check = [], duckdb.connect()
    try:
        for path in files:
            file = path.relative_to(project.root).as_posix()
            rendered, config, _, _ = renderer.render(path.read_text(encoding="utf-8"), file)
            sql = strip_sql(rendered)
            if not sql.strip():
                raise ModelError("the singular test is empty; it should select the failing rows", file=file, line=1)
            bad = duckdb_parse_error(check, sql)
            if bad is not None:
                msg, pos = bad
                raise ModelError(f"does not parse: {msg}", file=file,
                                 line=sql.count("\n", 0, pos) + 1 if pos is not None else None)
            severity = str(config.get("severity") or "error").lower()
            if severity not in ("error", "warn"):
                raise ModelError(f"severity={severity!r}: a test's severity is error or warn", file=file,
                                 line=line_of(path.read_text(encoding="utf-8"), r"severity"))
            tests.append(SingularTest(name=path.stem, file=file, sql=sql, severity=severity))
    finally:
        check.close()
    return tests


def _read_seeds(cfg: dict, pname: str, seed_paths: list[Path]) -> dict[str, Seed]:
    """Every seed CSV with its schema, column types and fingerprint."""
    seeds: dict[str, Seed] = {}
    for sp in seed_paths:
        for path in sorted(sp.rglob("*.csv")) if sp.exists() else []:
            rel_parts = list(path.relative_to(sp).with_suffix("").parts)
            sc = _project_config(cfg.get("seeds"), pname, rel_parts)
            if sc.get("enabled") is False:
                continue
            types = {str(k): str(v) for k, v in (sc.get("column_types") or {}).items()}
            seeds[path.stem] = Seed(path.stem, path, str(sc.get("schema") or "seeds"), types,
                                    sha(path.read_bytes(), types))
    return seeds


def _read_generic_tests(env, macro_paths: list[Path]) -> tuple[str, set[str]]:
    """{% test x(...) %} … {% endtest %} blocks of macros/, as Jinja macros test_x."""
    blocks: list[str] = []
    generic: set[str] = set()
    block_re = re.compile(r"\{%-?\s*test\s+(\w+)\s*\((.*?)\)\s*-?%\}(.*?)\{%-?\s*endtest\s*-?%\}", re.S)
    for mp in macro_paths:
        for path in sorted(mp.rglob("*.sql")) if mp.exists() else []:
            for m in block_re.finditer(path.read_text(encoding="utf-8")):
                generic.add(m.group(1))
                blocks.append(f"{{% macro test_{m.group(1)}({m.group(2)}) %}}{m.group(3)}{{% endmacro %}}")
    test_macros = "\n".join(blocks)
    try:
        env.from_string(test_macros)
    except Exception as exc:
        raise ModelError(f"a generic test in {', '.join(str(p) for p in macro_paths)} does not "
                         f"render: {exc}") from None
    return test_macros, generic


def _draft_models(root: Path, cfg: dict, pname: str, model_paths: list[Path], props, seeds: dict,
                  renderer: Renderer) -> dict[str, dict]:
    """Pass 1: each model file rendered for its config and refs, named (with its version)
    and configured from dbt_project.yml, schema.yml and its own config()."""
    sql_files = sorted(p for mp in model_paths if mp.exists() for p in mp.rglob("*.sql"))
    versioned: dict[str, tuple[ModelSpec, dict]] = {}   # file stem -> (spec, version entry)
    for spec in props.models.values():
        for ventry in spec.versions:
            v = str(ventry.get("v"))
            stem = str(ventry.get("defined_in") or f"{spec.name}_v{v}")
            versioned[stem] = (spec, ventry)

    drafts: dict[str, dict] = {}
    for path in sql_files:
        file = path.relative_to(root).as_posix()
        mp = next(m for m in model_paths if path.is_relative_to(m))
        text = path.read_text(encoding="utf-8")
        _, inline_cfg, refs, sources = renderer.render(text, file)   # pass 1: config and refs
        stem = path.stem
        spec, ventry = versioned.get(stem, (props.models.get(stem), None))
        name = spec.name if ventry is not None else stem
        version = str(ventry.get("v")) if ventry is not None else None
        key = stem if ventry is None else f"{name}_v{version}"
        folder_parts = list(path.relative_to(mp).parent.parts)
        config = _project_config(cfg.get("models"), pname, folder_parts + [name])
        if spec is not None:
            config.update(spec.config)
        if ventry is not None:
            config.update(clean(ventry.get("config") or {}))
        config.update(inline_cfg)
        if config.get("enabled") is False:
            continue
        schema = str(config.get("schema") or (FOLDER_SCHEMAS.get(folder_parts[0]) if folder_parts else None)
                     or DEFAULT_SCHEMA)
        materialized = str(config.get("materialized") or "view").lower()
        if materialized not in ("table", "view", "incremental"):
            raise ModelError(f"materialized={materialized!r}: lawgov builds table, view or incremental",
                             file=file, line=line_of(text, r"materialized"))
        incremental = _incremental_config(config, materialized, file, text)
        if key in drafts:
            raise ModelError(f"two models named {key} ({drafts[key]['file']} and {file})", file=file)
        if key in seeds:
            raise ModelError(f"a model and a seed are both named {key}; give the model another "
                             f"name and config(alias=...)", file=file)
        latest = False
        if ventry is not None:
            latest_v = spec.latest_version
            if latest_v is None:
                latest_v = max((str(v.get("v")) for v in spec.versions), key=version_key)
            latest = str(latest_v) == version
        if ventry is not None:
            columns = version_columns(spec, ventry)
            description = str(ventry.get("description") or spec.description or "").strip()
        else:
            columns = spec.columns if spec else {}
            description = spec.description if spec else ""
        tests = list(spec.tests) if spec else []
        tests += [t for c in columns.values() for t in c.tests]
        meta = config.get("meta") if isinstance(config.get("meta"), dict) else {}
        follows = meta.get("lawgov_rows_follow")
        drafts[key] = dict(rows_follow=str(follows) if follows else None, key=key, name=name, version=version, latest=latest, path=path, file=file,
                           text=text, refs=refs, sources=sources, schema=schema,
                           alias=str(config.get("alias") or key), materialized=materialized,
                           description=description, columns=columns, tests=tests, **incremental)
    return drafts


INCREMENTAL_STRATEGIES = ("delete+insert", "append")


def _incremental_config(config: dict, materialized: str, file: str, text: str) -> dict:
    """unique_key, strategy and pre_hook of an incremental model, checked; {} for others.
    A pre_hook is kept as written: it is rendered later, with this and is_incremental()."""
    if materialized != "incremental":
        return {}
    strategy = str(config.get("incremental_strategy") or "delete+insert").lower()
    if strategy not in INCREMENTAL_STRATEGIES:
        raise ModelError(f"incremental_strategy={strategy!r}: lawgov runs "
                         f"{' or '.join(INCREMENTAL_STRATEGIES)}", file=file,
                         line=line_of(text, r"incremental_strategy"))
    key = config.get("unique_key") or []
    key = [str(k) for k in ([key] if isinstance(key, str) else key)]
    hooks = config.get("pre_hook", config.get("pre-hook")) or []
    hooks = [str(h) for h in ([hooks] if isinstance(hooks, str) else hooks)]
    return dict(unique_key=key if strategy == "delete+insert" else [], pre_hook_templates=hooks)


def _check_versions(props, drafts: dict[str, dict]) -> None:
    """Every version a schema.yml declares has its file."""
    for spec in props.models.values():
        if spec.versions:
            for ventry in spec.versions:
                key = f"{spec.name}_v{ventry.get('v')}"
                if key not in drafts and str(ventry.get("defined_in") or key) not in drafts:
                    raise ModelError(f"version {ventry.get('v')} of {spec.name} has no file "
                                     f"{key}.sql", file=spec.file, line=ventry.get(LINE))


def _check_relations(drafts: dict[str, dict]) -> None:
    """No two models build the same relation."""
    relations: dict[str, str] = {}
    for d in drafts.values():
        rel = f"{d['schema']}.{d['alias']}".lower()
        if rel in relations:
            raise ModelError(f"{d['key']} and {relations[rel]} would both build {rel}", file=d["file"])
        relations[rel] = d["key"]


def _render_models(drafts: dict[str, dict], seeds: dict, props, env, vars_: dict) -> dict[str, Model]:
    """Pass 2: render each model with the real relations, parse it with DuckDB's parser and
    normalise it with sqlglot's."""
    import duckdb

    def resolve_key(name: str, version, file: str, text: str) -> str:
        if version is not None:
            key = f"{name}_v{version}"
            if key in drafts:
                return key
        elif name in drafts and drafts[name]["version"] is None:
            return name
        else:
            for d in drafts.values():
                if d["name"] == name and d["latest"]:
                    return d["key"]
            if name in seeds:
                return name
        what = f"{name} v{version}" if version is not None else name
        raise ModelError(f"ref({what!r}): no such model or seed", file=file,
                         line=line_of(text, r"ref\(\s*['\"]" + re.escape(name) + r"['\"]"))

    def resolve_ref(name, version, file, text):
        key = resolve_key(name, version, file, text)
        if key in drafts:
            return f'"{drafts[key]["schema"]}"."{drafts[key]["alias"]}"'
        return seeds[key].relation

    def resolve_source(sname, tname, file, text):
        table = props.sources.get((sname, tname))
        if table is None:
            raise ModelError(f"source({sname!r}, {tname!r}) is not declared in a schema.yml",
                             file=file, line=line_of(text, r"source\(\s*['\"]" + re.escape(sname)))
        return table.relation

    final = Renderer(env, vars_, resolve_ref, resolve_source)
    check = duckdb.connect()
    models: dict[str, Model] = {}
    try:
        for key, d in drafts.items():
            rendered, _, refs, sources = final.render(d["text"], d["file"])
            sql = strip_sql(rendered)
            if not sql.strip():
                raise ModelError("the model is empty", file=d["file"], line=1)
            bad = duckdb_parse_error(check, sql)
            if bad is not None:
                msg, pos = bad
                line = sql.count("\n", 0, pos) + 1 if pos is not None else None
                raise ModelError(f"does not parse: {msg}", file=d["file"], line=line)
            require_select(check, sql, d["file"], "a model")
            try:
                normalized = normalise_sql(sql, d["file"])
            except SqlglotCannot as exc:
                # valid DuckDB that sqlglot cannot read: fingerprint DuckDB's own AST instead
                normalized = duckdb_ast(check, sql)
                if normalized is None:
                    raise ModelError(str(exc.args[0]), file=d["file"], line=exc.args[1]) from None
            ref_keys = list(dict.fromkeys(resolve_key(n, v, d["file"], d["text"]) for n, v in refs))
            incremental = {}
            if d["materialized"] == "incremental":
                incremental = _render_incremental(final, check, d)
                # DuckDB's parse tree, so that (as for the model's SQL) a comment or a line break
                # in the incremental branch does not count as a change
                inc_sql = incremental["incremental_sql"]
                normalized += "\n-- incremental --\n" + "\n".join(
                    [duckdb_ast(check, inc_sql) or inc_sql, *incremental["pre_hooks"], *d["unique_key"]])
            models[key] = Model(key=key, name=d["name"], version=d["version"], latest=d["latest"],
                                path=d["path"], file=d["file"], raw_sql=d["text"], sql=sql,
                                normalized=normalized, schema=d["schema"], alias=d["alias"],
                                materialized=d["materialized"], refs=ref_keys,
                                sources=list(dict.fromkeys(sources)), description=d["description"],
                                columns=d["columns"], tests=d["tests"], rows_follow=d["rows_follow"],
                                **incremental)
    finally:
        check.close()
    return models


def _render_incremental(renderer: Renderer, check, d: dict) -> dict:
    """An incremental model rendered as dbt runs it on an existing table: is_incremental()
    true and this its relation. Its pre_hooks may only DELETE from this: a --project folder is
    someone else's code, and a model must not reach beyond its own table."""
    this = f'"{d["schema"]}"."{d["alias"]}"'
    rendered, _, _, _ = renderer.render(d["text"], d["file"], incremental=True, this=this)
    sql = strip_sql(rendered)
    bad = duckdb_parse_error(check, sql)
    if bad is not None:
        msg, pos = bad
        raise ModelError(f"does not parse when is_incremental(): {msg}", file=d["file"],
                         line=sql.count("\n", 0, pos) + 1 if pos is not None else None)
    require_select(check, sql, d["file"], "a model")
    hooks = []
    for template in d["pre_hook_templates"]:
        hook = strip_sql(renderer.render(template, d["file"], incremental=True, this=this)[0]).strip()
        if not hook:
            continue
        statements = check.extract_statements(hook)
        if (len(statements) != 1 or statements[0].type.name != "DELETE"
                or not re.match(r"\s*delete\s+from\s+" + re.escape(this) + r"(\s|$)", hook, re.I)):
            raise ModelError(f"a pre_hook of an incremental model must be one DELETE FROM {{{{ this }}}}, "
                             f"not {hook[:60]!r}", file=d["file"], line=line_of(d["text"], r"pre_hook"))
        hooks.append(hook)
    return dict(incremental_sql=sql, pre_hooks=hooks, unique_key=d["unique_key"])


def _check_tests(models: dict[str, Model], generic: set[str]) -> None:
    """Every test a model names is built in or defined in macros/."""
    for m in models.values():
        for t in m.tests:
            if t.test not in BUILTIN_TESTS and t.test not in generic:
                raise ModelError(f"unknown test {t.test!r} on {m.key} (define it as a "
                                 f"{{% test {t.test}(model, ...) %}} block in macros/)",
                                 file=t.file, line=t.line)


def _check_rows_follow(models: dict[str, Model]) -> None:
    """meta lawgov_rows_follow names an incremental model with a unique_key."""
    for m in models.values():
        if m.rows_follow is None:
            continue
        followed = models.get(m.rows_follow)
        if followed is None or followed.materialized != "incremental" or not followed.unique_key:
            raise ModelError(f"{m.key}: meta lawgov_rows_follow names {m.rows_follow!r}, which is no "
                             f"incremental model with a unique_key", file=m.file)
