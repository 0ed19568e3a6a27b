"""lawgov/build.py: what makes a build parse every file again."""

from __future__ import annotations


def test_only_the_parsing_stages_make_every_file_parse_again(tmp_path, monkeypatch):
    """Editing the CLI, the site or the model runner must not re-parse a national corpus;
    editing a rule or a parsing stage must."""
    import shutil

    from lawgov import build

    pkg = tmp_path / "lawgov"
    shutil.copytree(build.PACKAGE_DIR, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(build, "PACKAGE_DIR", pkg)
    before = build.code_fingerprint()
    for f in (pkg / "cli.py", pkg / "site" / "pages.py", pkg / "warehouse" / "store.py"):
        f.write_text(f.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert build.code_fingerprint() == before
    rules = pkg / "extract" / "rules" / "cues.yaml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    assert build.code_fingerprint() != before
