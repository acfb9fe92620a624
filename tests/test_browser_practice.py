"""The four practice kinds that take more than one answer, operated with the keyboard alone:
ordering, matching, categorise and branching scenarios. Each saves its state, shows it again on
return, and has no axe violations with its feedback showing, in both palettes and at phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from learner_support import saved, set_saved
from test_browser_accessibility import AXE, PALETTES

LESSON = "practice/third-lesson/"


def focused(page) -> str:
    """The name of the element that has the keyboard focus: aria-label, its label, or its text."""
    return page.evaluate("""(() => { const el = document.activeElement;
        const label = el.labels && el.labels.length ? el.labels[0].textContent : "";
        return (el.getAttribute("aria-label") || label || el.textContent).trim(); })()""")


def tab_to(page, name: str, limit: int = 80) -> None:
    """Press Tab until the focus is on the control with this name; fails if it never gets there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page).startswith(name):
            return
    pytest.fail(f"Tab never reached {name!r}")


def order_texts(page) -> list[str]:
    return page.locator("#exercise-put-in-order .course-ordering-text").all_inner_texts()


def test_ordering_by_keyboard_alone(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-put-in-order")
    start = order_texts(page)
    assert sorted(start) == ["Ask a question", "Say goodbye", "Say hello"] and start != ["Say hello", "Ask a question", "Say goodbye"]
    # Move "Say hello" to the top with its Up button, pressed with Enter, focus staying on the button.
    while order_texts(page)[0] != "Say hello":
        if not focused(page).startswith("Move up: Say hello"):
            page.locator("#exercise-put-in-order").locator("button[aria-label='Move up: Say hello']").focus()
        page.keyboard.press("Enter")
        assert focused(page) == "Move up: Say hello"
    expect(exercise.locator(".course-visually-hidden[role=status]")).to_contain_text("moved to position 1 of 3")
    if order_texts(page)[1] != "Ask a question":
        tab_to(page, "Move down: Say goodbye")
        page.keyboard.press("Space")
    assert order_texts(page) == ["Say hello", "Ask a question", "Say goodbye"]
    tab_to(page, "Check my order")
    page.keyboard.press("Enter")
    feedback = exercise.locator(".course-exercise-feedback")
    expect(feedback).to_contain_text("Right: every item is in its place.")
    expect(feedback).to_contain_text("Greeting, talking, leaving.")
    assert saved(page)["exercises"]["put-in-order"] == [1, 2, 3]
    page.reload()
    assert order_texts(page) == ["Say hello", "Ask a question", "Say goodbye"]
    exercise.get_by_role("button", name="Check my order").press("Enter")
    expect(exercise.locator(".course-ordering-mark").first).to_have_text("Right place")


def test_ordering_marks_wrong_places_and_reveals(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-put-in-order")
    exercise.get_by_role("button", name="Check my order").press("Enter")
    expect(exercise.locator(".course-exercise-feedback")).to_contain_text("of 3 items are in the right place")
    expect(exercise.locator(".course-ordering-item--wrong").first).to_contain_text("Not here")
    exercise.get_by_role("button", name="Show the right order").press("Enter")
    assert order_texts(page) == ["Say hello", "Ask a question", "Say goodbye"]
    exercise.get_by_role("button", name="Start again").press("Enter")
    assert order_texts(page) != ["Say hello", "Ask a question", "Say goodbye"]
    assert "put-in-order" not in saved(page)["exercises"]


def test_matching_by_keyboard_alone(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-pair-up")
    letters = {text.split(". ", 1)[1]: text.split(".")[0] for text in
               exercise.locator(".course-match-options li").all_inner_texts()}
    tab_to(page, "1. Practice")  # the first select
    for need, support in (("Practice", "A peer"), ("Experience", "A mentor"), ("Habits", "A coach")):
        select = exercise.get_by_label(need)
        assert page.evaluate("document.activeElement.id") == select.get_attribute("id")
        page.keyboard.type(letters[support])  # typing a letter chooses the option that starts with it
        expect(select).to_have_value(str(["Practice", "Experience", "Habits"].index(need) + 1))
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the focus is on "Check my matches"
    expect(exercise.locator(".course-exercise-feedback")).to_contain_text("Right: every match fits.")
    assert saved(page)["exercises"]["pair-up"] == {"1": 1, "2": 2, "3": 3}
    page.reload()
    expect(exercise.get_by_label("Habits")).to_have_value("3")


def test_matching_says_which_pairs_are_wrong(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-pair-up")
    exercise.get_by_label("Practice").select_option("2")
    exercise.get_by_role("button", name="Check my matches").press("Enter")
    feedback = exercise.locator(".course-exercise-feedback")
    expect(feedback).to_contain_text("0 of 3 matches are right")
    expect(feedback).to_contain_text("1. Practice: not")
    expect(exercise.locator(".course-match-row--wrong")).to_have_count(3)


def test_categorise_by_keyboard_alone(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-sort-them")
    tab_to(page, "Fixed")  # the first radio of the first statement
    page.keyboard.press("Space")  # 1: Fixed
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")  # 2: Growth (arrows move within a radio group and choose)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # 3: Growth would be wrong; choose Fixed
    tab_to(page, "Check my sorting")
    page.keyboard.press("Enter")
    feedback = exercise.locator(".course-exercise-feedback")
    expect(feedback).to_contain_text("Right: every statement is where it belongs.")
    expect(feedback).to_contain_text("Practice makes it a skill.")
    assert saved(page)["exercises"]["sort-them"] == {"1": "fixed", "2": "growth", "3": "fixed"}
    page.reload()
    expect(exercise.get_by_role("group", name="2. I can practise this.").get_by_label("Growth")).to_be_checked()


def test_categorise_explains_only_what_is_right(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-sort-them")
    exercise.get_by_role("group", name="1. I am bad at this.").get_by_label("Growth").check()
    exercise.get_by_role("button", name="Check my sorting").press("Enter")
    feedback = exercise.locator(".course-exercise-feedback")
    expect(feedback).to_contain_text("1. Not Growth. Think again.")
    expect(feedback).not_to_contain_text("A verdict on yourself.")
    exercise.get_by_role("button", name="Show where each belongs").press("Enter")
    expect(feedback).to_contain_text("A verdict on yourself.")


def test_branching_scenario_by_keyboard_alone(page, course_url):
    page.goto(course_url + LESSON)
    exercise = page.locator("#exercise-walk-through")
    expect(exercise.locator(".course-branching-step").first).to_be_hidden()  # the player shows one step
    now = exercise.locator(".course-branching-now")
    expect(now).to_contain_text("Nobody you know is there.")
    tab_to(page, "A. Join a small group")
    page.keyboard.press("Enter")
    # The focus moves to the new step; the live region says what the choice did.
    assert page.evaluate("document.activeElement.classList.contains('course-branching-now')")
    expect(now).to_contain_text("The group is talking about a talk.")
    expect(exercise.locator("[role=status].course-exercise-feedback")).to_contain_text("Groups of three are easy to join.")
    page.keyboard.press("Tab")
    assert focused(page) == "A. Ask what they thought of it"
    page.keyboard.press("Enter")
    expect(now).to_contain_text("Ending 1: Best outcome")
    expect(now).to_contain_text("Joining and asking worked.")
    assert saved(page)["exercises"]["walk-through"] == [1, 1]
    # On return the path is shown again, and the learner can go back one step.
    page.reload()
    expect(exercise.locator(".course-branching-trail")).to_contain_text("Step 1: A. Join a small group")
    expect(now).to_contain_text("Ending 1")
    tab_to(page, "Back one step")
    page.keyboard.press("Enter")
    expect(now).to_contain_text("The group is talking about a talk.")
    assert saved(page)["exercises"]["walk-through"] == [1]
    exercise.get_by_role("button", name="B. Stay silent").press("Enter")
    expect(now).to_contain_text("Poor outcome")
    exercise.get_by_role("button", name="Show the best path").press("Enter")
    expect(exercise.locator(".course-exercise-feedback--reveal")).to_contain_text("Step 2: A. Ask what they thought of it")
    exercise.get_by_role("button", name="Restart").press("Enter")
    expect(now).to_contain_text("Nobody you know is there.")
    assert "walk-through" not in saved(page)["exercises"]


def test_without_javascript_the_task_and_a_collapsed_answer(browser, course_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(course_url + LESSON)
    steps = page.locator("#exercise-walk-through .course-branching-step")
    expect(steps).to_have_count(2)
    expect(steps.first).to_contain_text("A. Join a small group Go to step 2.")
    for exercise in ("walk-through", "put-in-order", "pair-up", "sort-them"):
        answer = page.locator(f"#exercise-{exercise} details.success")
        expect(answer).to_have_count(1)
        assert answer.get_attribute("open") is None
    context.close()


@pytest.mark.parametrize("palette", sorted(PALETTES))
@pytest.mark.parametrize("width", [1280, 390])
def test_no_axe_violations_with_feedback_showing(browser, course_url, palette, width):
    context = browser.new_context(color_scheme=palette, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(course_url + LESSON)
    page.wait_for_load_state("networkidle")
    # axe must see the colours the controls settle on, not a frame of Material's colour fade.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    for exercise, button in (("put-in-order", "Check my order"), ("pair-up", "Check my matches"),
                             ("sort-them", "Check my sorting")):
        page.locator(f"#exercise-{exercise}").get_by_role("button", name=button).click()
    page.locator("#exercise-sort-them").get_by_role("button", name="Show where each belongs").click()
    page.locator("#exercise-walk-through").get_by_role("button", name="A. Join a small group").click()
    page.locator("#exercise-walk-through").get_by_role("button", name="Show the best path").click()
    # The exercises only: Material's own phone navigation is checked with the whole page elsewhere.
    results = AXE.run(page, context={"include": [[".course-exercise"]]})
    assert [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]] == []
    context.close()


ATTEMPTS = {"version": 1, "answers": {}, "progress": {}, "last": None,
            "exercises": {"put-in-order": [2, 1, 3], "pair-up": {"1": 1, "3": 2}, "sort-them": {"2": "growth"},
                          "walk-through": [1, 2]}}


def test_my_work_shows_and_exports_each_attempt(page, course_url, tmp_path):
    page.goto(course_url)
    set_saved(page, ATTEMPTS)
    page.goto(course_url + "my-work/")
    practice = page.locator("[data-course-practice]")
    expect(practice.locator('[data-exercise="put-in-order"] ol li')).to_have_text(["Ask a question", "Say hello", "Say goodbye"])
    expect(practice.locator('[data-exercise="pair-up"] li')).to_have_text(["Practice: A peer", "Habits: A mentor"])
    expect(practice.locator('[data-exercise="sort-them"] li')).to_have_text(["I can practise this.: Growth"])
    scenario = practice.locator('[data-exercise="walk-through"]')
    expect(scenario.locator("li")).to_have_text(["Step 1: A. Join a small group", "Step 2: B. Stay silent"])
    expect(scenario).to_contain_text("Ending 2: Poor outcome")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    path = tmp_path / "export.md"
    download.value.save_as(path)
    text = path.read_text()
    assert "## Your practice\n\n### Walk through it\n" in text
    assert "### Put it in order\n\n1. Ask a question\n2. Say hello\n3. Say goodbye\n" in text
    assert "### Walk through it\n\n1. Step 1: A. Join a small group\n2. Step 2: B. Stay silent\n\nEnding 2: Poor outcome\n" in text
    assert "### Pair them up\n\n- Practice: A peer\n- Habits: A mentor\n" in text


def test_my_work_says_what_is_not_tried_yet(page, course_url):
    page.goto(course_url + "my-work/")
    expect(page.locator('[data-course-practice] [data-exercise="sort-them"]')).to_contain_text("Not tried yet.")
