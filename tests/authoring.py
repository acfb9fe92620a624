"""Helpers for the authoring tests: a writable copy of the fixture course, and a site config for it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, mkdocs_build
from generator.starters import starter_texts
from generator.teaching import is_starter_warning

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


def own_warnings(warnings: list) -> list:
    """The warnings that are not about starter text (which every new file has until it is written)."""
    return [warning for warning in warnings if not is_starter_warning(warning)]


def write_own_words(path: Path) -> None:
    """Replace every starter text of a file made by `course new` with words of the author's own."""
    text = path.read_text(encoding="utf-8")
    for starter in sorted(starter_texts(), key=len, reverse=True):
        text = re.sub(r"\s+".join(map(re.escape, starter.split())), "Words of our own.", text)
    path.write_text(text, encoding="utf-8")


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
