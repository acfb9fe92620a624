"""The sidebar drawn once per build is Material's sidebar, page by page, on a small course."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_site import sidebar
from authoring import edit
from conftest import FIXTURES, ROOT


def _build(tmp: Path, name: str, features: list[str] | None = None, content: Path = FIXTURES / "course") -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(content)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["theme"]["features"] += features or []
    config["plugins"] = ["search", {"course": {"content_dir": str(content)}}]
    (tmp / f"{name}.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    site = tmp / name
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    build(load_config(config_file=str(tmp / f"{name}.yml"), site_dir=str(site)))
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The fixture course built with the cached sidebar, and with Material's macro alone; titles with
    characters that mean something in HTML or in a format string."""
    tmp = tmp_path_factory.mktemp("sidebar")
    content = tmp / "content"
    shutil.copytree(FIXTURES / "course", content)
    edit(content / "10-basics/module.yml", "title: The Basics", 'title: "The {0} Basics & <more>"')
    edit(content / "10-basics/lessons/first-steps.yml", "title: First Steps", "title: First {steps} at 100%")
    cached = _build(tmp, "cached", content=content)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sidebar, "install", lambda env: False)
        material = _build(tmp, "material", content=content)
    return cached, material


def test_every_page_has_materials_sidebar(sites):
    cached, material = sites
    pages = sorted(path.relative_to(material).as_posix() for path in material.rglob("*.html"))
    assert len(pages) >= 8 and "404.html" in pages
    for page in pages:
        url = "http://site/deep/missing/page/" if page == "404.html" else \
            "http://site/" + page.removesuffix("index.html")
        ours, theirs = _sidebar(cached / page, url), _sidebar(material / page, url)
        assert ours == theirs, page
        assert len(ours) > 50


def test_the_page_its_section_and_its_contents_are_marked(sites):
    cached, _ = sites
    lesson = next(path for path in cached.glob("*/*/index.html") if "worksheets" not in path.parts)
    html = lesson.read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    assert nav.count("md-nav__link--active") >= 2  # the page's own link, and the label of its contents
    active = re.findall(r'<a href="([^"]*)" class="md-nav__link md-nav__link--active"', nav)
    page_url = "http://site/" + lesson.relative_to(cached).parent.as_posix() + "/"
    assert [urljoin(page_url, href) for href in active] == [page_url]
    assert nav.count('aria-expanded="true"') == 1 and nav.count(" checked>") == 1
    assert 'class="md-nav md-nav--secondary"' in nav  # the lesson's table of contents, inside its item


def test_unsupported_navigation_features_keep_materials_macro(tmp_path):
    site = _build(tmp_path, "pruned", ["navigation.prune"])
    assert "md-nav__item--pruned" in (site / "index.html").read_text(encoding="utf-8")


def _sidebar(path: Path, url: str) -> list:
    """The primary navigation of a page as tags, attributes and text, links made absolute: what a
    browser reads, whatever the white space and however a link is written."""
    parser = _Nav(url)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.events


class _Nav(HTMLParser):
    VOID = {"input", "br", "img", "hr"}

    def __init__(self, url: str):
        super().__init__()
        self.url, self.depth, self.events = url, 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.depth:
            if tag != "nav" or "md-nav--primary" not in (attrs.get("class") or ""):
                return
        if tag not in self.VOID:
            self.depth += 1
        if "class" in attrs:
            attrs["class"] = " ".join(sorted(attrs["class"].split()))
        if "href" in attrs:
            attrs["href"] = urljoin(self.url, attrs["href"])
        self.events.append((tag, tuple(sorted(attrs.items()))))

    def handle_endtag(self, tag):
        if self.depth and tag not in self.VOID:
            self.depth -= 1
            self.events.append(f"/{tag}")

    def handle_data(self, data):
        if self.depth and data.strip():
            self.events.append(" ".join(data.split()))
