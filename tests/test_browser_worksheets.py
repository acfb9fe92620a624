"""Worksheets are filled in on the page, save as the learner types, and are there again later."""

from __future__ import annotations

import shutil

from playwright.sync_api import expect

from conftest import CHROMIUM, CHROMIUM_ARGS, ENGINE_BUILDS, ENGINES
from learner_support import LEARNER_COURSE, fixture_config, saved, serve


def fill_worksheet(page):
    page.get_by_label("Tell a short story.").fill("Once I spoke first.\nIt went well.")
    page.get_by_label("Walking").check()
    page.get_by_label("Writing").check()
    page.locator('[data-prompt="confidence"]').get_by_label("4", exact=True).check()
    page.get_by_label("Name, row 1").fill("Ada")
    page.get_by_label("Next step, row 2").fill("Send a note")


def expect_filled(page):
    expect(page.get_by_label("Tell a short story.")).to_have_value("Once I spoke first.\nIt went well.")
    expect(page.get_by_label("Reading")).not_to_be_checked()
    expect(page.get_by_label("Walking")).to_be_checked()
    expect(page.get_by_label("Writing")).to_be_checked()
    expect(page.locator('[data-prompt="confidence"]').get_by_label("4", exact=True)).to_be_checked()
    expect(page.get_by_label("Name, row 1")).to_have_value("Ada")
    expect(page.get_by_label("Next step, row 2")).to_have_value("Send a note")
    expect(page.get_by_label("Name, row 2")).to_have_value("")


def test_answers_save_as_typed_and_come_back_after_a_reload(page, course_url):
    page.goto(course_url + "worksheets/reflections/")
    fill_worksheet(page)
    expect(page.locator('[data-prompt="story"] .course-save-status')).to_have_text("Saved")
    assert saved(page)["answers"] == {
        "reflections/story": "Once I spoke first.\nIt went well.",
        "reflections/habits": [2, 3],
        "reflections/confidence": 4,
        "reflections/contacts": {"1-1": "Ada", "2-2": "Send a note"},
    }
    page.reload()
    expect_filled(page)
    expect(page.locator(".course-save-notice")).to_contain_text("Your saved answers are filled in")


def test_answers_are_there_after_closing_the_browser(browser, course_url, tmp_path):
    profile = tmp_path / "profile"
    for visit in ("write", "come back"):
        # A persistent profile, as a learner's browser keeps one between launches.
        context = browser.browser_type.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = context.new_page()
        page.goto(course_url + "worksheets/reflections/")
        if visit == "write":
            fill_worksheet(page)
        else:
            expect_filled(page)
        context.close()


def test_emptying_a_field_removes_its_answer(page, course_url):
    page.goto(course_url + "worksheets/reflections/")
    page.get_by_label("Tell a short story.").fill("Draft")
    page.get_by_label("Tell a short story.").fill("")
    assert "reflections/story" not in saved(page)["answers"]


def test_answers_and_progress_survive_a_rebuild_with_lessons_reordered(browser, tmp_path):
    """Saved work is keyed by ids, not positions: the same course rebuilt with its lessons in
    another order, served from the same origin, finds every answer and completed lesson, whether
    MkDocs or Zensical builds it again."""
    content = tmp_path / "reordered-content"
    shutil.copytree(LEARNER_COURSE / "content", content)
    module = content / "01-basics" / "module.yml"
    module.write_text(module.read_text().replace("  - first-lesson\n  - second-lesson\n",
                                                 "  - second-lesson\n  - first-lesson\n"))
    root = tmp_path / "served"
    builds = {"before": ("mkdocs", LEARNER_COURSE / "content")} | {
        f"after-{engine}": (engine, content) for engine in ENGINES}
    with serve(root) as origin:
        for name, (engine, course) in builds.items():
            config = fixture_config(tmp_path / name, f"{origin}{name}/", course)
            result = ENGINE_BUILDS[engine](root / name, config)
            assert result.returncode == 0, result.stderr
        context = browser.new_context()
        page = context.new_page()
        page.goto(origin + "before/worksheets/reflections/")
        fill_worksheet(page)
        page.goto(origin + "before/basics/first-lesson/")
        page.get_by_role("button", name="Mark lesson complete").click()

        for engine in ENGINES:
            page.goto(origin + f"after-{engine}/basics/")
            lessons = page.locator(".md-content table a")
            expect(lessons).to_have_text(["Second Lesson", "First Lesson"])
            complete = page.locator(".md-nav--primary .course-nav-complete")
            expect(complete).to_have_count(1)
            expect(complete).to_contain_text("First Lesson")
            page.goto(origin + f"after-{engine}/worksheets/reflections/")
            expect_filled(page)
        context.close()
