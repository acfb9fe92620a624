"""The problems of a failed save over the open page while previewing, in both engines, and never in
a published site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from mkdocs.commands.build import build

from authoring import copy_course, edit, site_config
from test_preview import config_for
from test_site_build import _free_port, _get, _wait_for

from generator.errors import Problem
from generator.preview_overlay import FOLDER, PROBLEMS, SCRIPT, write_overlay
from generator.zensical.project import DOCS, ZENSICAL_CONFIG, generate_project

pytestmark = pytest.mark.usefixtures("end_previews")  # serve-mode plugins end with each test

EXERCISE = "01-basics/exercises/pick-one.yml"
LESSON = "01-basics/lessons/first-steps.yml"
# What the overlay shows of the two mistakes the browser test saves (as read aloud: innerText).
SHOWN = [f"content/{EXERCISE}:9:14 ERROR options[0].correct: expected true or false, found the text 'yes'\n"
         "hint: only true and false are booleans (YAML 1.2): write true",
         f"content/{LESSON}:4:10 ERROR minutes: expected a whole number, found the text 'twenty'"]


def test_problems_are_written_for_the_script_and_rewritten_only_when_they_change(tmp_path):
    problem = Problem("content/course.yml", 3, 1, "title", "must not be empty", "write a title")
    write_overlay(tmp_path, [problem])
    report = json.loads((tmp_path / PROBLEMS).read_text(encoding="utf-8"))
    assert report == {"summary": "1 error", "problems": [
        {"file": "content/course.yml", "line": 3, "column": 1, "field": "title", "message": "must not be empty",
         "hint": "write a title", "severity": "error"}]}
    assert (tmp_path / SCRIPT).read_text(encoding="utf-8").startswith("// While previewing")
    stamp = (tmp_path / PROBLEMS).stat().st_mtime_ns
    write_overlay(tmp_path, [problem])
    assert (tmp_path / PROBLEMS).stat().st_mtime_ns == stamp  # a watching server sees no change
    write_overlay(tmp_path, [])
    assert json.loads((tmp_path / PROBLEMS).read_text(encoding="utf-8")) == {"summary": "", "problems": []}
    assert sorted(p.name for p in (tmp_path / FOLDER).iterdir()) == ["overlay.js", "problems.json"]


def test_the_preview_keeps_the_problems_of_each_build_beside_every_page(tmp_path, capsys, monkeypatch):
    content = copy_course(tmp_path)
    monkeypatch.chdir(tmp_path)  # files are named from the working folder, as `make serve` shows them
    config = config_for(tmp_path, "serve")
    build(config)
    site = tmp_path / "site"
    assert '<script src="../../_course_preview/overlay.js"></script>' in (site / "basics/first-steps/index.html").read_text(encoding="utf-8")
    assert json.loads((site / PROBLEMS).read_text(encoding="utf-8"))["problems"] == []

    edit(content / EXERCISE, "correct: true", "correct: yes")
    edit(content / LESSON, "minutes: 20", "minutes: twenty")
    build(config)  # the last good site goes on being served, its problems beside it
    report = json.loads((site / PROBLEMS).read_text(encoding="utf-8"))
    assert report["summary"] == "2 errors"
    assert [(p["file"], p["line"], p["field"]) for p in report["problems"]] == [
        (f"content/{EXERCISE}", 9, "options[0].correct"), (f"content/{LESSON}", 4, "minutes")]
    assert "still serving the last good version" in capsys.readouterr().err

    edit(content / EXERCISE, "correct: yes", "correct: true")
    edit(content / LESSON, "minutes: twenty", "minutes: 20")
    build(config)
    assert json.loads((site / PROBLEMS).read_text(encoding="utf-8"))["problems"] == []


def test_an_id_that_takes_a_theme_file_s_place_is_shown_too(tmp_path, capsys):
    content = copy_course(tmp_path)
    config = config_for(tmp_path, "serve")
    build(config)
    edit(content / "01-basics/module.yml", "id: basics", "id: assets")
    edit(content / "course.yml", "- basics  # the only module", "- assets")
    build(config)  # no exception: the server goes on serving the last good site
    problems = json.loads((tmp_path / "site" / PROBLEMS).read_text(encoding="utf-8"))["problems"]
    assert [p["message"] for p in problems] == [
        "module 'assets' would be published at 'assets/', which is taken by the theme's styles and scripts (assets/)"]
    assert (tmp_path / "site/basics/first-steps/index.html").is_file()


def test_a_zensical_build_after_previewing_drops_the_overlay(tmp_path):
    copy_course(tmp_path)
    config, project = site_config(tmp_path), tmp_path / "project"
    generate_project(config, project, preview=True)  # as `course zensical serve` starts
    write_overlay(project / DOCS, [])
    assert SCRIPT in yaml.safe_load((project / ZENSICAL_CONFIG).read_text(encoding="utf-8"))["extra_javascript"]
    generate_project(config, project, preview=True)  # a save while previewing keeps it
    assert (project / DOCS / SCRIPT).is_file()
    generate_project(config, project)  # as `course zensical build` starts
    assert not (project / DOCS / FOLDER).exists()
    assert SCRIPT not in yaml.safe_load((project / ZENSICAL_CONFIG).read_text(encoding="utf-8"))["extra_javascript"]


def test_published_sites_have_no_overlay(built_site, zensical_site):
    for site in (built_site, zensical_site):
        assert not (site / FOLDER).exists()
        pages = [path for path in site.rglob("*.html")]
        assert pages and not [path for path in pages if FOLDER in path.read_text(encoding="utf-8")]


# --- previewing in the browser ------------------------------------------------------------------

# How each engine's preview is started on a config; the address to serve at goes last.
SERVE = {
    "mkdocs": lambda config: [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-f",
                              str(config), "-a"],
    "zensical": lambda config: [str(Path(sys.executable).parent / "course"), "zensical", "serve", "-f",
                                str(config), "--project", str(config.parent / "project"), "--dev-addr"],
}
OVERLAY = "#course-preview-problems"


def _count(page) -> int:
    return page.evaluate(f"document.querySelectorAll('{OVERLAY} li').length")


@pytest.mark.parametrize("engine", sorted(SERVE))
def test_a_broken_save_shows_its_problems_over_the_page_until_a_good_save(engine, tmp_path, page):
    content = copy_course(tmp_path)
    port = _free_port()
    server = subprocess.Popen(SERVE[engine](site_config(tmp_path)) + [f"127.0.0.1:{port}"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    lesson = f"http://127.0.0.1:{port}/basics/first-steps/"
    try:
        _wait_for(lambda: "Start small" in _get(lesson), "the first build", timeout=120)
        page.goto(lesson)  # (never "network idle": the live reload script keeps a request open)
        assert page.locator(OVERLAY).count() == 0

        edit(content / EXERCISE, "correct: true", "correct: yes")
        edit(content / LESSON, "minutes: 20", "minutes: twenty")
        page.wait_for_function(f"document.querySelectorAll('{OVERLAY} li').length == 2", timeout=60_000)
        dialog = page.get_by_role("dialog", name="The last save has problems: 2 errors")
        assert dialog.is_visible()
        assert dialog.get_by_role("listitem").all_inner_texts() == SHOWN
        assert page.evaluate("document.activeElement.textContent") == "Dismiss (Esc)"
        assert [v["id"] for v in Axe().run(page).response["violations"]] == []
        page.keyboard.press("Escape")  # closed from the keyboard; the last good page is underneath
        assert page.locator(OVERLAY).count() == 0
        assert page.get_by_role("heading", name="Start small").is_visible()

        edit(content / EXERCISE, "correct: yes", "correct: true")
        page.wait_for_function(f"document.querySelectorAll('{OVERLAY} li').length == 1", timeout=60_000)
        edit(content / LESSON, "minutes: twenty", "minutes: 20")
        edit(content / LESSON, "heading: Start small", "heading: Start smaller")
        page.get_by_role("heading", name="Start smaller").wait_for(timeout=60_000)
        # The page is not reloaded (live-update.js): the good build's problems, none, follow it.
        page.wait_for_function(f"!document.querySelector('{OVERLAY}')", timeout=5_000)
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_a_good_save_shows_in_place_without_reloading_the_page(tmp_path, page):
    """`make serve` shows each save through Material's instant navigation (live-update.js): the
    page is not reloaded, its address stays as it was, the reader's place is kept, and the page's
    scripts work on the new content."""
    content = copy_course(tmp_path)
    port = _free_port()
    server = subprocess.Popen(SERVE["mkdocs"](site_config(tmp_path)) + [f"127.0.0.1:{port}"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    lesson = f"http://127.0.0.1:{port}/basics/first-steps/"
    try:
        _wait_for(lambda: "Start small" in _get(lesson), "the first build", timeout=120)
        page.set_viewport_size({"width": 1280, "height": 500})
        page.goto(lesson)
        page.wait_for_function("window.coursePreviewLiveUpdate === true")
        page.evaluate("window.notReloaded = true; window.scrollTo(0, 300)")
        history = page.evaluate("history.length")
        for number, (old, new) in enumerate([("Start small", "Start smaller"), ("Start smaller", "Start again")]):
            edit(content / LESSON, f"heading: {old}", f"heading: {new}")
            page.get_by_role("heading", name=new).wait_for(timeout=60_000)
            assert page.evaluate("window.notReloaded") is True, f"save {number + 1} reloaded the page"
            assert page.url == lesson and page.evaluate("history.length") == history
            page.wait_for_function("Math.abs(window.scrollY - 300) < 2")
        # The exercise on the new content answers as it does on a freshly loaded page.
        exercise = page.locator(".course-exercise").first
        exercise.locator("input").first.check()
        exercise.get_by_role("button", name="Check my answer").click()
        feedback = exercise.locator(".course-exercise-feedback").first
        page.wait_for_function("el => el.textContent.trim() !== ''", arg=feedback.element_handle(), timeout=10_000)
    finally:
        server.terminate()
        server.communicate(timeout=30)
