"""What a learner sees on every kind of page, by keyboard, on a phone and without JavaScript: visible
focus on every control, hidden buttons that stay hidden, and search that gives no answers away."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import CONTENT
from generator.build import check_course

PHONE = {"width": 390, "height": 844}


def focus_changes_the_look(page, control, area) -> bool:
    """Whether focusing `control` by keyboard changes how `area` looks (WCAG 2.4.7)."""
    page.mouse.click(1, 1)
    before = area.screenshot()
    control.focus()
    page.keyboard.press("Shift+Tab")  # focus from the keyboard, as a learner tabbing would
    page.keyboard.press("Tab")
    expect(control).to_be_focused()
    return area.screenshot() != before


def test_every_worksheet_and_exercise_control_shows_keyboard_focus(page, course_url):
    page.goto(course_url + "worksheets/reflections/")
    scale = page.locator('[data-prompt="confidence"]').get_by_label("3", exact=True)
    assert focus_changes_the_look(page, scale, page.locator('[data-prompt="confidence"] .course-scale-options'))
    checkbox = page.get_by_label("Walking")
    assert focus_changes_the_look(page, checkbox, page.locator('[data-prompt="habits"] fieldset'))
    page.goto(course_url + "basics/second-lesson/")
    rating = page.locator("#exercise-rate-yourself .course-rating-options").first.locator("input").nth(1)
    assert focus_changes_the_look(page, rating, page.locator("#exercise-rate-yourself .course-rating-options").first)
    page.goto(course_url + "my-work/")
    picker = page.get_by_label("Import a JSON export")
    assert focus_changes_the_look(page, picker, page.locator(".course-my-work-buttons"))


def test_without_javascript_print_buttons_stay_hidden_and_worksheets_say_nothing_is_saved(browser, course_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(course_url + "worksheets/reflections/")
        expect(page.get_by_role("button", name="Print this worksheet")).to_be_hidden()
        expect(page.locator(".course-notice")).to_be_visible()
        expect(page.locator(".course-notice")).to_contain_text("not saved")
        page.goto(course_url + "worksheets/printable/")
        expect(page.get_by_role("button", name="Print all worksheets")).to_be_hidden()
        page.goto(course_url + "basics/first-lesson/")
        expect(page.get_by_role("button", name="Check my answer").first).to_be_hidden()
    finally:
        context.close()


def search(page, url, words):
    """The titles and previews Material's search box shows for `words`."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words)  # Material searches on key presses
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_contain_text("Initializing")
    expect(meta).not_to_have_text("Type to start searching")
    return page.locator(".md-search-result__list").inner_text()


def test_search_finds_lessons_but_no_answers_feedback_or_button_labels(page, site_url):
    lesson = check_course(CONTENT)[0].lessons["self-compassion"]
    assert lesson.title in search(page, site_url, "self-compassion")
    for words in ("Check my answer", "Show the answer", "Not the best choice", "Model answer",
                  "Print this worksheet", "Export as JSON", "Likely to backfire"):
        results = search(page, site_url, words)
        assert words.lower() not in results.lower(), words
    # Answers: the feedback of a scenario response is not searchable.
    assert "Correct" not in search(page, site_url, "correct")


def test_on_a_phone_scale_labels_stay_with_their_numbers(browser, course_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(course_url + "worksheets/reflections/")
        scale = page.locator('[data-prompt="confidence"]')
        numbers = [scale.locator(f'input[value="{n}"]').bounding_box() for n in (1, 5)]
        ends = [box.bounding_box() for box in scale.locator(".course-scale-end").all()]
        # Both end labels sit under the numbers, the first under 1 and the last under 5.
        assert all(end["y"] >= numbers[0]["y"] + numbers[0]["height"] for end in ends)
        assert abs(ends[0]["x"] - numbers[0]["x"]) < 20
        assert abs((ends[1]["x"] + ends[1]["width"]) - (numbers[1]["x"] + numbers[1]["width"])) < 20
        # Thumb-sized targets: every box and circle at least 24 px.
        for control in page.locator(".course-worksheet input").all():
            box = control.bounding_box()
            assert box["width"] >= 24 and box["height"] >= 24
    finally:
        context.close()


def test_on_a_phone_wide_table_prompts_leave_full_width_boxes(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(site_url + "worksheets/after-event-reflection-log/")
        box = page.get_by_label("Why it mattered, row 1").bounding_box()
        assert box["width"] > 300, box
        expect(page.locator(".course-table td").first).to_have_attribute("data-label", "Person")
    finally:
        context.close()
