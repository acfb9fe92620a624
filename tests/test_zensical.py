"""Zensical as a second engine: the project written from mkdocs.yml and the course, the shipped course
built with it, and failures that leave the last good site in place."""

from __future__ import annotations

import html
import re

import yaml

from conftest import CONTENT, FIXTURES, ROOT, zensical_build
from generator.build import build_course, check_course
from generator.render import nav_config
from generator.zensical.project import (DOCS, ZENSICAL_CONFIG, course_options, read_mkdocs_config,
                                        write_project, zensical_config)
from generator.zensical.site import ZensicalError, build_site

COURSE = FIXTURES / "learner-course" / "content"


def test_config_keeps_the_theme_and_adds_what_the_course_plugin_would(tmp_path):
    mkdocs = read_mkdocs_config(ROOT / "mkdocs.yml")
    result = build_course(COURSE)
    config = zensical_config(mkdocs, result, ROOT, tmp_path / "project")
    assert config["nav"] == nav_config(result.nav)  # course order, as the plugin gives MkDocs
    assert list(config["nav"][0].values()) == ["index.md"]
    assert config["extra"]["course_id"] == "learner-test-course"  # the same storage key in both sites
    theme = dict(config["theme"])
    assert (tmp_path / "project" / theme.pop("custom_dir")).resolve() == ROOT / "overrides"
    assert theme.pop("variant") == "classic"  # Material's look, not Zensical's restyled default
    assert theme.pop("language") == "en"  # the course's language (course.yml says none: English)
    assert theme == {key: value for key, value in mkdocs["theme"].items() if key != "custom_dir"}
    for setting in ("markdown_extensions", "extra_css", "extra_javascript", "site_url", "validation"):
        assert config[setting] == mkdocs[setting], setting
    assert config["plugins"] == ["search"]  # Zensical runs no MkDocs plugin; the course is written out
    assert (config["docs_dir"], config["site_dir"]) == ("docs", "site")
    assert "exclude_docs" not in config


def test_inherited_configs_are_merged_and_name_the_course_options():
    config = read_mkdocs_config(ROOT / "mkdocs-instructor.yml")
    assert config["site_name"].endswith("(instructor edition)")
    assert config["theme"]["custom_dir"] == "overrides"  # from mkdocs.yml
    content, templates, edition = course_options(config, ROOT)
    assert (content, templates, edition) == (ROOT / "content", ROOT / "content/templates", "instructor")


def test_the_project_rewrites_only_changed_pages_and_drops_removed_ones(tmp_path):
    project = tmp_path / "project"
    result = build_course(COURSE)
    config = zensical_config(read_mkdocs_config(ROOT / "mkdocs.yml"), result, ROOT, project)
    assert sorted(write_project(result, config, project)) == sorted(page.path for page in result.pages)
    home = project / DOCS / "index.md"
    assert home.read_text(encoding="utf-8") == result.pages[0].content
    (project / DOCS / "gone" / "old.md").parent.mkdir()
    (project / DOCS / "gone" / "old.md").write_text("a page the course no longer has")
    before = home.stat().st_mtime_ns
    edited = result.pages[1]
    result.pages[1] = type(edited)(edited.path, edited.title, edited.content + "\nMore.\n", edited.source)
    assert write_project(result, config, project) == [edited.path]
    assert home.stat().st_mtime_ns == before  # Zensical's watcher sees only the page that changed
    assert not (project / DOCS / "gone").exists()
    written = yaml.safe_load((project / ZENSICAL_CONFIG).read_text(encoding="utf-8"))
    assert written["nav"] == config["nav"]
    assert sorted(path.name for path in project.iterdir()) == [DOCS, ZENSICAL_CONFIG]


def test_the_shipped_course_builds_with_every_page_in_course_order(zensical_site):
    bundle, _ = check_course(CONTENT)
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="zensical-0.0.73">' in home
    assert f'<meta name="course-id" content="{bundle.course.id}">' in home
    nav = html.unescape(home[home.index('class="md-nav md-nav--primary"'):])
    positions = [nav.index(lesson.title) for lesson in bundle.lessons.values()]
    assert positions == sorted(positions)
    for module in bundle.modules:
        for lesson in bundle.lessons_of(module):
            page = (zensical_site / module.id / lesson.id / "index.html").read_text(encoding="utf-8")
            assert re.search(r'<meta name="course-page" content="lesson"[^>]*data-lesson="' + lesson.id, page)
    assert not list(zensical_site.rglob("*.yml"))


def test_content_errors_build_nothing(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "course.yml").write_text("title: A course\nmodules: [missing]\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text(yaml.safe_dump({"site_name": "x", "plugins": [{"course": {"content_dir": "content"}}]}))
    site = tmp_path / "site"
    result = zensical_build(site, config)
    assert result.returncode == 1
    assert "course.yml:" in result.stderr and "error" in result.stderr and "Traceback" not in result.stderr
    assert not site.exists() and not (tmp_path / "site-project").exists()


def test_a_failed_zensical_build_keeps_the_last_good_site(tmp_path):
    project, site = tmp_path / "project", tmp_path / "site"
    (project / DOCS).mkdir(parents=True)
    (project / ZENSICAL_CONFIG).write_text("site_name: Test\nstrict: true\n")
    (project / DOCS / "index.md").write_text("# Home\n")
    build_site(project, site)
    assert "Home" in (site / "index.html").read_text(encoding="utf-8")
    (project / DOCS / "index.md").write_text("# Changed\n\n[broken](nowhere.md)\n")
    try:
        build_site(project, site)
    except ZensicalError as error:
        assert "nowhere.md" in str(error) and "Traceback" not in str(error)
    else:
        raise AssertionError("a broken link in strict mode must fail the build")
    assert "Home" in (site / "index.html").read_text(encoding="utf-8")
    assert not (project / "site").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"]  # no staging left
