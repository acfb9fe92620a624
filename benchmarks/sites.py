"""MkDocs projects around a synthetic course: one built by the course plugin, one of plain Markdown.

Both use the repository's own mkdocs.yml (theme, overrides, Markdown extensions, validation), so the
only difference between them is where the pages come from: the plugin generating them from YAML, or
the same pages already written to docs/ with the same navigation.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.build import build_course, write_pages
from generator.render import Page

ROOT = Path(__file__).resolve().parent.parent


def _base_config(prune: bool) -> dict:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    features = [f for f in config["theme"].get("features", []) if f != "navigation.prune"]
    config["theme"]["features"] = features + (["navigation.prune"] if prune else [])
    return config


def _plugins(config: dict, course: dict | None) -> list:
    plugins = []
    for entry in config.get("plugins", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == "course":
            if course is not None:
                plugins.append({"course": course})
        else:
            plugins.append(entry)
    return plugins


def make_plugin_project(project: Path, content: Path, prune: bool = False, search: bool = True) -> Path:
    """A project whose mkdocs.yml builds `content` through the course plugin; returns the config path."""
    config = _base_config(prune)
    config["docs_dir"] = str(content)
    config["plugins"] = _plugins(config, {"content_dir": str(content)})
    if not search:
        config["plugins"] = [p for p in config["plugins"] if p != "search"]
        config["theme"]["features"].remove("search.highlight")
    return _write(project, config)


def make_plain_project(project: Path, content: Path, prune: bool = False) -> Path:
    """A project of the same pages as plain Markdown in docs/, with the same nav and no course plugin."""
    result = build_course(content)
    write_pages(result.pages, project / "docs")
    config = _base_config(prune)
    config["docs_dir"] = str(project / "docs")
    config["plugins"] = _plugins(config, None)
    config["nav"] = [_nav_entry(item) for item in result.nav]
    config.setdefault("extra", {})["course_id"] = result.bundle.course.id
    return _write(project, config)


def _nav_entry(item):
    if isinstance(item, Page):
        return {item.title: item.path}
    return {item.title: [_nav_entry(child) for child in item.pages]}


def _write(project: Path, config: dict) -> Path:
    project.mkdir(parents=True, exist_ok=True)
    path = project / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
