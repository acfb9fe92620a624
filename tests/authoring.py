"""Helpers for the authoring tests: a writable copy of the fixture course, and a site config for it."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, mkdocs_build

FIXTURE_COURSE = FIXTURES / "authoring-course"


def copy_course(tmp_path: Path) -> Path:
    """A copy of the fixture course at tmp_path/content, with a schemas/ folder beside it."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_COURSE, content)
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    return content


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a file's text (which must be there once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def site_config(tmp_path: Path, **plugin_options: str) -> Path:
    """An mkdocs.yml beside tmp_path/content: the shipped configuration, pointed at that content."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = text.replace("docs_dir: content", "docs_dir: content\nsite_dir: site")
    options = "".join(f"\n      {key}: {value}" for key, value in plugin_options.items())
    text = text.replace("      content_dir: content", "      content_dir: content" + options)
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    (tmp_path / "content" / "templates").mkdir(exist_ok=True)  # the shipped config names one
    return config


def strict_build(config: Path, site_dir: Path):
    """`mkdocs build --strict` of config into site_dir (conftest's mkdocs_build, for these tests' order
    of arguments)."""
    return mkdocs_build(site_dir, config)
