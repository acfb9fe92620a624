"""While previewing (`mkdocs serve`), a broken save reports its problems and the last good site stays;
a plain build still fails on them."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from authoring import copy_course, edit, site_config

pytestmark = pytest.mark.usefixtures("end_previews")  # serve-mode plugins end with each test

LESSON = "01-basics/lessons/first-steps.yml"


def config_for(tmp_path, command):
    config = load_config(str(site_config(tmp_path)), site_dir=str(tmp_path / "site"), strict=False)
    config.plugins.on_startup(command=command, dirty=False)
    return config


def test_a_broken_save_keeps_the_last_good_site_while_serving(tmp_path, capsys):
    content = copy_course(tmp_path)
    config = config_for(tmp_path, "serve")
    build(config)
    page = tmp_path / "site/basics/first-steps/index.html"
    assert "Start small" in page.read_text(encoding="utf-8")

    edit(content / LESSON, "minutes: 20", "minutes: [20")
    build(config)  # no exception: the server goes on serving
    printed = capsys.readouterr().err
    assert f"{LESSON}:5:11: error: invalid YAML" in printed and "still serving the last good version" in printed
    assert "Start small" in page.read_text(encoding="utf-8")

    edit(content / LESSON, "minutes: [20", "minutes: 20")
    edit(content / LESSON, "heading: Start small", "heading: Start smaller")
    build(config)
    assert "Start smaller" in page.read_text(encoding="utf-8")


def test_a_plain_build_fails_on_broken_content(tmp_path):
    content = copy_course(tmp_path)
    config = config_for(tmp_path, "build")
    build(config)
    edit(content / LESSON, "minutes: 20", "minutes: [20")
    with pytest.raises(Abort):
        build(config)


# --- `mkdocs serve --dirty` (make serve): only the pages a save changed are built again -----------

FIRST = "10-basics/lessons/first-steps.yml"


def _serve_build(config) -> dict[str, int]:
    """One rebuild as `mkdocs serve --dirty` runs it; returns the pages it wrote."""
    site = Path(config.site_dir)
    before = {path: path.stat().st_mtime_ns for path in site.rglob("*.html")}
    build(config, dirty=True)
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")
            if before.get(path) != path.stat().st_mtime_ns}


@pytest.fixture
def dirty_preview(tmp_path, fixture_course):
    config = load_config(str(site_config(tmp_path)), site_dir=str(tmp_path / "site"), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    first = _serve_build(config)
    assert len(first) > 5
    return config, fixture_course


def test_a_body_edit_rebuilds_its_page_alone(dirty_preview):
    config, content = dirty_preview
    edit(content / FIRST, "heading: Getting started", "heading: Getting started today")
    written = _serve_build(config)
    assert written == {"basics/first-steps/index.html", "404.html"}  # MkDocs writes its 404 page every time
    page = Path(config.site_dir) / "basics/first-steps/index.html"
    assert "Getting started today" in page.read_text(encoding="utf-8")
    assert _serve_build(config) == {"404.html"}  # no change, nothing built


def test_a_title_edit_rebuilds_every_page_and_matches_a_clean_build(dirty_preview, tmp_path, monkeypatch):
    config, content = dirty_preview
    conversions = []
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda md, text: conversions.append(1) or convert(md, text))
    edit(content / FIRST, "title: First Steps", "title: First Steps Again")
    written = _serve_build(config)
    site = Path(config.site_dir)
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))
    assert written == set(pages)  # every sidebar shows the title
    # Pages whose Markdown did not change took their HTML from the cache. The title is also in the
    # module and home pages, its worksheet, the handout and its neighbours' Previous and Next.
    assert 0 < len(conversions) < len(pages)
    clean = load_config(str(config.config_file_path), site_dir=str(tmp_path / "clean"), strict=False)
    build(clean)
    for page in pages:
        assert (site / page).read_bytes() == (tmp_path / "clean" / page).read_bytes(), page


def test_a_removed_page_leaves_the_preview(dirty_preview):
    config, content = dirty_preview
    edit(content / "10-basics/module.yml", "lessons: [first-steps, second-steps]", "lessons: [first-steps]")
    edit(content / FIRST, "Next: [Second Steps](lesson:second-steps#only-section), on", "On")
    (content / "10-basics/lessons/second-steps.yml").unlink()
    for exercise in ("rate-yourself", "what-now"):
        (content / f"10-basics/exercises/{exercise}.yml").unlink()
    _serve_build(config)
    assert not (Path(config.site_dir) / "basics/second-steps/index.html").exists()
    assert (Path(config.site_dir) / "basics/first-steps/index.html").exists()


def test_a_broken_link_warns_on_every_rebuild(dirty_preview, caplog):
    config, content = dirty_preview
    edit(content / FIRST, "Some *Markdown* text", "Some [broken](#nowhere) *Markdown* text")
    _serve_build(config)
    edit(content / "10-basics/lessons/second-steps.yml", "title: Second Steps", "title: Second Steps Again")
    caplog.clear()
    _serve_build(config)  # first-steps is built again (its sidebar changed), from the same Markdown
    assert any("#nowhere" in record.getMessage() for record in caplog.records)
