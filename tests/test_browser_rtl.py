"""A course in a right-to-left language reads right to left: the Arabic fixture course
(tests/fixtures/rtl-course) says `dir="rtl"` on every page's root, its layout is the English one
mirrored (navigation, scales, tables, feedback, ordering, the pager, a term's definition), axe finds
nothing at desktop and phone widths, and its worksheet prints with the Arabic page label."""

from __future__ import annotations

import base64
import json
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from rtl_support import COURSE_ID, rtl_site  # noqa: F401 (a fixture)
from test_browser_accessibility import palette_page, violations  # noqa: F401 (a fixture)

LESSON, SECOND_LESSON = "basics/first-meeting/", "basics/keep-in-touch/"
WORKSHEET = "worksheets/my-confidence/"
RECORD = {
    "version": 1,
    "answers": {"my-confidence/confidence": 2, "my-confidence/contacts": {"1-1": "سارة"},
                "my-confidence/next-step": "أن أسأل سؤالًا مفتوحًا"},
    "exercises": {"start-a-talk": 1},
    "progress": {"first-meeting": {"complete": True}},
    "last": "keep-in-touch",
}


def visit(page, url, record=None):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if record is not None:
        page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                      [f"course:{COURSE_ID}:v1", json.dumps(record)])
        page.reload()
        page.wait_for_load_state("networkidle")


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found, f"{locator} is not on the page"
    return found


def centre(locator) -> float:
    found = box(locator)
    return found["x"] + found["width"] / 2


@pytest.mark.parametrize("path", ["index.html", LESSON + "index.html", WORKSHEET + "index.html",
                                  "my-work/index.html", "404.html"])
def test_every_page_says_arabic_written_right_to_left(rtl_site, path):
    html = (rtl_site[0] / path).read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl"' in html
    assert '<body dir="rtl"' in html  # Material's own, from its Arabic interface


@pytest.mark.parametrize("path", ["", LESSON, WORKSHEET, "my-work/"])
def test_no_axe_violations_in_the_right_to_left_course(palette_page, rtl_site, path):
    page = palette_page
    visit(page, rtl_site[1], RECORD)
    visit(page, rtl_site[1] + path)
    if path == LESSON:
        exercise = page.locator("#exercise-start-a-talk")
        exercise.locator(".course-option input").nth(0).check()
        exercise.locator("button[type=submit]").click()
        expect(exercise.locator(".course-exercise-feedback")).not_to_be_empty()
    assert violations(page) == []


def test_the_layout_is_mirrored(page, rtl_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, rtl_site[1] + WORKSHEET, RECORD)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    content = box(page.locator(".md-content"))
    assert box(page.locator(".md-sidebar--primary"))["x"] > content["x"] + content["width"] - 1  # navigation at the right

    # A scale reads from the right: its low end and 1 first, 5 and its high end last.
    scale = page.locator(".course-scale-options")
    values = scale.locator("label")
    assert values.first.inner_text().strip() == "1" and values.last.inner_text().strip() == "5"
    assert centre(values.first) > centre(values.nth(1)) > centre(values.last)
    assert centre(scale.locator(".course-scale-end").first) > centre(values.first)
    assert centre(scale.locator(".course-scale-end").last) < centre(values.last)

    # A table's first column is the rightmost.
    headers = page.locator("table.course-table thead th")
    assert headers.first.inner_text().strip() == "الاسم"
    assert centre(headers.first) > centre(headers.last)

    # Previous at the right, Next at the left.
    assert centre(page.locator(".course-pager-previous")) > centre(page.locator(".course-pager-next"))

    # Feedback, ordering items and the lesson's options have their coloured edge at the right.
    visit(page, rtl_site[1] + LESSON)
    exercise = page.locator("#exercise-start-a-talk")
    exercise.locator(".course-option input").nth(1).check()
    exercise.locator("button[type=submit]").click()
    for edged in (exercise.locator(".course-exercise-feedback"), exercise.locator(".course-option").nth(1)):
        widths = edged.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]")
        assert float(widths[0].removesuffix("px")) > float(widths[1].removesuffix("px")) + 2, widths
    option = exercise.locator(".course-option").nth(1)
    assert centre(option.locator("input")) > centre(option.locator("label"))  # the radio before its text

    visit(page, rtl_site[1] + SECOND_LESSON)
    item = page.locator(".course-ordering-item").first
    assert item.evaluate("e => getComputedStyle(e).borderRightWidth") != item.evaluate(
        "e => getComputedStyle(e).borderLeftWidth")
    # The item's text is right of its Up and Down buttons, as it is left of them in English.
    assert centre(item.locator(".course-ordering-text")) > centre(item.get_by_role("button").first)


def test_progress_fills_from_the_right(page, rtl_site):
    """Half the course complete: the filled half of the bar is its right half."""
    page.set_viewport_size({"width": 1280, "height": 900})
    visit(page, rtl_site[1], RECORD)
    bar = page.locator(".course-progress progress").first
    expect(bar).to_have_attribute("value", "1")
    left, right = brightness(page, bar.screenshot(), [(0.25, 0.5), (0.75, 0.5)])
    assert right < left - 40, (left, right)  # the teal fill is darker than the empty track


def brightness(page, png: bytes, points) -> list[float]:
    """The grey level (0-255) of a screenshot at each (x, y) point, given as fractions of its size:
    the page's own canvas decodes the image."""
    return page.evaluate("""async ([data, points]) => {
        const image = new Image();
        image.src = "data:image/png;base64," + data;
        await image.decode();
        const canvas = Object.assign(document.createElement("canvas"), {width: image.width, height: image.height});
        const context = canvas.getContext("2d");
        context.drawImage(image, 0, 0);
        return points.map(([x, y]) => {
            const [r, g, b] = context.getImageData(Math.floor(x * image.width), Math.floor(y * image.height), 1, 1).data;
            return (r + g + b) / 3;
        });
    }""", [base64.b64encode(png).decode(), points])


def test_a_term_definition_opens_from_the_right_and_stays_on_a_narrow_screen(browser, rtl_site):
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 800})
        visit(page, rtl_site[1] + LESSON)
        term = page.locator(".course-term").first
        term.get_by_role("link").focus()
        tip = box(term.locator("[role=tooltip]"))
        assert tip["x"] >= 0 and tip["x"] + tip["width"] <= width
        if width == 1280:  # room enough: the definition starts under the term's start, its right
            link = box(term.get_by_role("link"))
            assert abs((tip["x"] + tip["width"]) - (link["x"] + link["width"])) < 2
        page.close()


def test_the_printed_worksheet_has_its_arabic_page_label_at_the_left(page, rtl_site, tmp_path):
    visit(page, rtl_site[1] + WORKSHEET)
    pdf = tmp_path / "worksheet.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(pdf)
    width = float(reader.pages[0].mediabox.width)
    pieces = []

    def visit_text(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            # Chromium writes Arabic in its presentation forms: NFKC gives the letters back.
            pieces.append((x, unicodedata.normalize("NFKC", text.strip())))

    reader.pages[0].extract_text(visitor_text=visit_text)
    words = [text for _, text in pieces]
    assert "صفحة" in words and "من" in words, words  # "صفحة 1 من 1": page 1 of 1
    assert "Page" not in words
    label_x = next(x for x, text in pieces if text == "صفحة")
    title_x = max(x for x, text in pieces if text == "أساسيات")  # the course's title, at the foot's right
    assert label_x < width / 2 < title_x
