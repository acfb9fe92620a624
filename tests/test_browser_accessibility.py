"""axe-core finds no violations on any kind of page of either edition, at desktop (1280 px) and phone
(390 px) widths, in the light and the dark palette, with the learner's answers, feedback and progress
showing; and the shipped course works on any port."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import serve
from learner_support import set_saved

AXE = Axe()
PALETTES = {"light": "default", "dark": "slate"}
WIDTHS = (1280, 390)  # Material's desktop layout, and a phone's (drawer navigation, one column)
RECORD = {
    "version": 1,
    "answers": {"reflections/story": "A story", "reflections/habits": [2], "reflections/confidence": 3,
                "reflections/contacts": {"1-1": "Ada"}, "gone/prompt": "kept"},
    "exercises": {"pick-one": 1, "pick-many": [1, 2], "explain-it": "Because", "what-next": 2,
                  "rate-yourself": {"enjoy-talking": 3, "avoid-events": 2}},
    "progress": {"first-lesson": {"complete": True}},
    "last": "second-lesson",
}


def violations(page) -> list[str]:
    """axe's violations on the page as it is, at each width in turn (one page load, two runs)."""
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(100)  # Material re-lays out the navigation on resize
        results = AXE.run(page)
        found += [f"{width} px: {v['id']}: {v['help']} at {[node['target'] for node in v['nodes']]}"
                  for v in results.response["violations"]]
    return found


@pytest.fixture(params=sorted(PALETTES))
def palette_page(request, browser):
    context = browser.new_context(color_scheme=request.param)
    page = context.new_page()
    page.palette = PALETTES[request.param]
    yield page
    context.close()


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")  # the course map is in, progress drawn
    assert page.evaluate("document.body.dataset.mdColorScheme") == page.palette


@pytest.mark.parametrize("path", ["", "basics/", "basics/first-lesson/", "basics/second-lesson/",
                                  "practice/third-lesson/", "worksheets/reflections/", "my-work/"])
def test_no_axe_violations_with_saved_work_showing(palette_page, course_url, path):
    page = palette_page
    visit(page, course_url)
    set_saved(page, RECORD)
    visit(page, course_url + path)
    if path == "basics/first-lesson/":
        page.locator("#exercise-pick-one").get_by_role("button", name="Show the answer").click()
    if path == "basics/second-lesson/":
        page.locator("#exercise-explain-it").get_by_role("button", name="Compare with the model answer").click()
    if path == "worksheets/reflections/":
        page.get_by_label("Tell a short story.").fill("A longer story")
        expect(page.locator('[data-prompt="story"] .course-save-status')).to_have_text("Saved")
    if path == "my-work/":
        expect(page.locator("[data-course-orphans]")).to_be_visible()
    assert violations(page) == []


def shipped_page(built_site, kind: str) -> str:
    """The path of one page of the given kind in the shipped course, found from the course map."""
    course_map = json.loads((built_site / "course-map.json").read_text(encoding="utf-8"))
    lessons = [lesson["path"] for module in course_map["modules"] for lesson in module["lessons"]]
    with_exercises = [path for path in lessons
                      if 'class="course-exercise"' in (built_site / path.removesuffix(".md") / "index.html").read_text()]
    worksheets = sorted(built_site.glob("worksheets/*/index.html"))
    candidates = {"home": [""], "module": [course_map["modules"][0]["path"].removesuffix("index.md")],
                  "lesson": [path.removesuffix(".md") + "/" for path in with_exercises],
                  "worksheet": [path.parent.relative_to(built_site).as_posix() + "/" for path in worksheets
                                if path.parent.name != "printable"],
                  "worksheets": ["worksheets/printable/"],
                  "my_work": ["my-work/"], "record": ["my-record/"]}[kind]
    if not candidates:
        pytest.fail(f"the shipped course has no {kind} page")
    return candidates[0]


@pytest.mark.parametrize("kind", ["home", "module", "lesson", "worksheet", "worksheets", "my_work", "record"])
def test_no_axe_violations_on_the_shipped_course(palette_page, shipped, kind):
    page = palette_page
    built_site, site_url = shipped
    visit(page, site_url + shipped_page(built_site, kind))
    assert page.locator('meta[name="course-page"]').get_attribute("content") == kind
    assert violations(page) == []


@pytest.fixture(scope="session")
def instructor_url(instructor_site):
    with serve(instructor_site) as url:
        yield url


# What only the instructor edition has: notes and timings on the home and lesson pages, answer keys,
# facilitation guides and the authoring guide (whose reference tables are wider than a phone).
@pytest.mark.parametrize("path", ["", "growth-mindset/self-compassion/", "growth-mindset/facilitation/",
                                  "for-instructors/writing-the-course/", "for-instructors/reference/",
                                  "running-sessions/"])
def test_no_axe_violations_on_the_instructor_edition(palette_page, instructor_url, path):
    page = palette_page
    visit(page, instructor_url + path)
    assert violations(page) == []


def test_links_work_on_a_port_other_than_site_url(page, shipped):
    """Material only swaps pages in place when sitemap.xml has the served port; elsewhere links must
    still lead to working pages (a full load)."""
    site_url = shipped[1]
    page.goto(site_url)
    page.locator(".md-content a[href$='/']").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith(site_url) and page.url != site_url
    assert page.locator('meta[name="course-page"]').get_attribute("content") in {"module", "lesson"}
