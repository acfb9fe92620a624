"""Markdown conversions kept between builds (mkdocs_site/conversion_cache.py): a build that reads them
makes the same site as one that converts every page, and converts again what changed."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import FIXTURES
from learner_support import fixture_config
from test_publish import tree_hash

from generator.mkdocs_site.conversion_cache import CACHE_FOLDER
from generator.mkdocs_site.converter import SharedConverter

LESSON = "10-basics/lessons/first-steps.yml"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    shutil.copytree(FIXTURES / "course", tmp_path / "content")
    return fixture_config(tmp_path, "http://127.0.0.1:8000/", tmp_path / "content")


def build(config, site, monkeypatch, converted: list | None = None) -> list[str]:
    """One `mkdocs build --strict` in this process; returns the pages it converted (not read from the
    cache), also into converted when given (for a build that stops)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    converted = [] if converted is None else converted
    convert = SharedConverter._convert

    def counting(self, page, config, files):
        converted.append(page.file.src_uri)
        return convert(self, page, config, files)

    monkeypatch.setattr(SharedConverter, "_convert", counting)
    try:
        mkdocs_build(load_config(str(config), site_dir=str(site), strict=True))
    finally:
        monkeypatch.setattr(SharedConverter, "_convert", convert)
    return converted


def entries(config) -> list:
    return sorted((config.parent / CACHE_FOLDER).rglob("*.json"))


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_second_build_reads_every_page_and_makes_the_same_site(project, monkeypatch, tmp_path):
    first = build(project, tmp_path / "site1", monkeypatch)
    assert len(first) >= 8 and len(entries(project)) == len(first)
    assert build(project, tmp_path / "site2", monkeypatch) == []
    assert tree_hash(tmp_path / "site1") == tree_hash(tmp_path / "site2")
    # Each entry is whole JSON with its key; no temporary file is left.
    assert all(json.loads(path.read_text(encoding="utf-8"))["key"] for path in entries(project))
    assert not [path for path in (project.parent / CACHE_FOLDER).rglob(".*")]


def test_an_edit_converts_its_pages_again_and_the_site_is_a_fresh_build_s(project, monkeypatch, tmp_path):
    build(project, tmp_path / "warm", monkeypatch)
    edit(tmp_path / "content" / LESSON, "title: ", "title: Renamed ")  # its page, and what lists it
    converted = build(project, tmp_path / "warm", monkeypatch)
    assert "basics/first-steps.md" in converted and "basics/second-steps.md" not in converted
    assert len(converted) < len(entries(project))
    config = yaml.safe_load(project.read_text(encoding="utf-8"))
    config["plugins"][1]["course"]["markdown_cache"] = False
    cold = tmp_path / "cold" / "mkdocs.yml"
    cold.parent.mkdir()
    cold.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert len(build(cold, tmp_path / "cold-site", monkeypatch)) > len(converted)
    assert not (cold.parent / CACHE_FOLDER).exists()  # markdown_cache: false keeps nothing
    assert tree_hash(tmp_path / "warm") == tree_hash(tmp_path / "cold-site")


def test_another_extension_setting_converts_every_page_again(project, monkeypatch, tmp_path):
    first = build(project, tmp_path / "site", monkeypatch)
    config = yaml.safe_load(project.read_text(encoding="utf-8"))
    config["markdown_extensions"] = [{"toc": {"permalink": False}} if extension == {"toc": {"permalink": True}}
                                     else extension for extension in config["markdown_extensions"]]
    project.write_text(yaml.safe_dump(config), encoding="utf-8")
    assert sorted(build(project, tmp_path / "site", monkeypatch)) == sorted(first)
    assert "headerlink" not in (tmp_path / "site" / "basics" / "first-steps" / "index.html").read_text()


def test_an_unknown_anchor_warns_on_every_build_though_its_page_is_kept(project, monkeypatch, tmp_path):
    from mkdocs.exceptions import Abort

    edit(tmp_path / "content" / LESSON, "body: |\n", "body: |\n      See [below](#nowhere).\n")
    for converted in ([], []):
        with pytest.raises(Abort):  # MkDocs checks anchors after converting: the kept page's links count
            build(project, tmp_path / "site", monkeypatch, converted)
    assert converted == []


def test_a_conversion_that_logs_is_not_kept(tmp_path, monkeypatch, caplog):
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from generator.mkdocs_site.conversion_cache import ConversionCache

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nmarkdown_extensions: [toc]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    cache = ConversionCache.for_build(config, "test")
    converter = SharedConverter(config, cache)
    for name, text in (("good.md", "# Fine\n\n[x](good.md)"), ("bad.md", "# Bad\n\n[x](nowhere.md)")):
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
        file = File(name, str(tmp_path / "docs"), str(tmp_path / "site"), True)
        page = Page(None, file, config)
        page.read_source(config)
        converter.render(page, config, Files([file]))
    assert "nowhere.md" in caplog.text
    kept = [json.loads(path.read_text(encoding="utf-8"))["content"] for path in cache.folder.glob("*.json")]
    assert kept == ['<h1 id="fine">Fine</h1>\n<p><a href="./">x</a></p>']


def test_a_broken_entry_is_converted_again_and_gone_pages_lose_theirs(project, monkeypatch, tmp_path):
    build(project, tmp_path / "site", monkeypatch)
    kept = entries(project)
    kept[0].write_text('{"key": "', encoding="utf-8")  # cut short, as by a full disk
    stale = kept[0].with_name("0" * 24 + ".json")  # a page gone since
    stale.write_text("{}", encoding="utf-8")
    assert len(build(project, tmp_path / "site", monkeypatch)) == 1
    assert entries(project) == kept and not stale.exists()
