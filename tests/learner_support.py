"""Helpers for the learner-side browser tests: a small course with every exercise and prompt kind,
built with the real mkdocs.yml and overrides, and served on localhost like the shipped course.

The `course_url` fixture (tests/conftest.py) builds it once per engine, MkDocs and Zensical."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT

from generator.export.pdf import serve  # the server `course pdf` prints from; re-exported for the tests

LEARNER_COURSE = FIXTURES / "learner-course"
COURSE_ID = "learner-test-course"
STORAGE_KEY = f"course:{COURSE_ID}:v1"


def fixture_config(tmp: Path, site_url: str, content: Path = LEARNER_COURSE / "content") -> Path:
    """The repository's mkdocs.yml, pointed at the fixture course and the address it is served at."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    # Material's instant navigation only swaps pages listed in sitemap.xml, whose addresses come
    # from site_url and must carry the port the site is served on.
    config["site_url"] = site_url
    config["docs_dir"] = str(content)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = ["search", {"course": {"content_dir": str(content)}}]
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def saved(page) -> dict:
    """The learner's saved record for the fixture course, read from the page's localStorage."""
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(STORAGE_KEY)})") or "null")


def set_saved(page, record: dict) -> None:
    page.evaluate(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {json.dumps(json.dumps(record))})")
