"""Exercises answer back in the browser: choices with feedback, short answers, self-assessments."""

from __future__ import annotations

from playwright.sync_api import expect

from learner_support import saved


def exercise(page, exercise_id):
    return page.locator(f"#exercise-{exercise_id}")


def test_single_choice_shows_the_feedback_of_the_chosen_option(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    feedback = quiz.locator(".course-exercise-feedback")
    quiz.get_by_label("Green").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Not the best choice")
    expect(feedback).to_contain_text("Grass is green; the sky is not.")
    expect(feedback).not_to_contain_text("scattered sunlight")

    quiz.get_by_role("button", name="Try again").click()
    expect(feedback).to_be_empty()
    expect(quiz.get_by_label("Green")).not_to_be_checked()
    expect(quiz.get_by_label("Green")).to_be_focused()

    quiz.get_by_label("Blue").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text("scattered sunlight makes it blue")
    assert saved(page)["exercises"]["pick-one"] == 2


def test_choice_feedback_is_a_live_region_and_the_answer_can_be_revealed(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    feedback = quiz.locator(".course-exercise-feedback")
    expect(feedback).to_have_attribute("role", "status")
    quiz.get_by_role("button", name="Show the answer").click()
    expect(feedback).to_contain_text("The best answer is B.")
    expect(quiz.locator(".course-option--answer")).to_contain_text("Blue")


def test_choice_works_by_keyboard_alone(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    quiz.get_by_label("Green").focus()
    page.keyboard.press("ArrowDown")  # moves to and selects "Blue"
    expect(quiz.get_by_label("Blue")).to_be_checked()
    page.keyboard.press("Enter")  # submits the question's form
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Correct.")


def test_multiple_choice_counts_right_and_wrong_choices(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-many")
    feedback = quiz.locator(".course-exercise-feedback")
    quiz.get_by_label("Two").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("1 of 2 right answers")
    quiz.get_by_label("Three").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Not quite")
    expect(feedback).to_contain_text("Three is odd.")
    quiz.get_by_label("Three").uncheck()
    quiz.get_by_label("Four").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(feedback).to_contain_text("Correct: you chose every right answer.")
    assert saved(page)["exercises"]["pick-many"] == [1, 3]


def test_a_checked_answer_is_there_after_a_reload(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    quiz.get_by_label("Purple").check()
    quiz.get_by_role("button", name="Check my answer").click()
    page.reload()
    quiz = exercise(page, "pick-one")
    expect(quiz.get_by_label("Purple")).to_be_checked()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Only at some sunsets.")


def test_scenario_names_the_rating_of_the_chosen_response(page, course_url):
    page.goto(course_url + "practice/third-lesson/")
    quiz = exercise(page, "what-next")
    quiz.get_by_label("Send five messages.").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Workable, not the best")
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Persistent, but too much.")


def test_short_answer_opens_the_model_answer_after_writing(page, course_url):
    page.goto(course_url + "basics/second-lesson/")
    quiz = exercise(page, "explain-it")
    details = quiz.locator("details")
    quiz.get_by_role("button", name="Compare with the model answer").click()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Write your answer first")
    expect(details).not_to_have_attribute("open", "")
    quiz.get_by_label("Write your answer").fill("Practice makes progress.")
    quiz.get_by_role("button", name="Compare with the model answer").click()
    expect(details).to_have_attribute("open", "")
    expect(details).to_contain_text("repetition")
    page.reload()
    expect(exercise(page, "explain-it").get_by_label("Write your answer")).to_have_value("Practice makes progress.")


def test_self_assessment_shows_total_and_band_as_the_learner_rates(page, course_url):
    page.goto(course_url + "basics/second-lesson/")
    quiz = exercise(page, "rate-yourself")
    result = quiz.locator(".course-exercise-feedback")
    quiz.locator('[data-statement="enjoy-talking"]').get_by_label("4", exact=True).check()
    expect(result).to_contain_text("Total so far: 4 (1 of 2 statements rated)")
    # Reverse-scored: a rating of 1 counts 1 + 5 - 1 = 5.
    quiz.locator('[data-statement="avoid-events"]').get_by_label("1 (Strongly disagree)").check()
    expect(result).to_contain_text("Your total: 9. Ready to stretch.")
    expect(result).to_contain_text("Try a bigger step.")
    quiz.locator('[data-statement="enjoy-talking"]').get_by_label("1 (Strongly disagree)").check()
    expect(result).to_contain_text("Your total: 6. Ready to stretch.")
    quiz.locator('[data-statement="avoid-events"]').get_by_label("5 (Strongly agree)").check()
    expect(result).to_contain_text("Your total: 2. Getting started.")
    assert saved(page)["exercises"]["rate-yourself"] == {"enjoy-talking": 1, "avoid-events": 5}


def test_without_javascript_questions_and_answers_are_readable(browser, course_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    expect(quiz.get_by_label("Blue")).to_be_visible()
    expect(quiz.get_by_role("button", name="Check my answer")).to_be_hidden()
    expect(quiz.locator("details")).not_to_have_attribute("open", "")
    quiz.locator("details summary").click()
    expect(quiz.locator("details")).to_contain_text("Correct.")
    context.close()


def test_a_saved_option_that_no_longer_exists_is_ignored(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    page.evaluate("""localStorage.setItem('course:learner-test-course:v1', JSON.stringify(
        {version: 1, answers: {}, exercises: {'pick-one': 9, 'pick-many': [3, 7]}, progress: {}}))""")
    page.reload()
    expect(page.locator("#exercise-pick-one .course-exercise-feedback")).to_be_empty()
    expect(page.locator("#exercise-pick-many").get_by_label("Four")).to_be_checked()
    page.locator("#exercise-pick-one").get_by_label("Blue").check()
    page.locator("#exercise-pick-one").get_by_role("button", name="Check my answer").click()
    expect(page.locator("#exercise-pick-one .course-exercise-feedback")).to_contain_text("Correct.")


def test_with_javascript_the_answer_shows_only_when_asked(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    expect(quiz.get_by_role("button", name="Check my answer")).to_be_visible()
    expect(quiz.locator("details.course-answer")).to_be_hidden()  # no green "answer" block up front
    assert "Correct" not in quiz.inner_text()  # what is rendered, hidden blocks aside
    quiz.get_by_role("button", name="Show the answer").click()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("The best answer is B.")
    page.goto(course_url + "basics/second-lesson/")
    short = exercise(page, "explain-it")
    expect(short.locator("details.course-answer")).to_be_hidden()
    short.get_by_role("textbox").fill("Because.")
    short.get_by_role("button", name="Compare with the model answer").click()
    expect(short.locator("details.course-answer")).to_be_visible()


def test_a_clicked_check_button_does_not_stay_in_the_accent_colour(page, course_url):
    """Material paints a focused button deep orange; after a click it kept focus and read as an error."""
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-one")
    button = quiz.get_by_role("button", name="Check my answer")
    resting = button.evaluate("b => getComputedStyle(b).backgroundColor")
    quiz.get_by_label("Green").check()
    button.click()
    page.mouse.move(0, 0)  # not hovering any more
    expect(button).to_be_focused()
    expect(button).to_have_css("background-color", resting)  # waits out the theme's colour fade


def test_multiple_choice_calls_a_wrong_option_incorrect(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    quiz = exercise(page, "pick-many")
    quiz.get_by_label("Three").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("B. Incorrect")
    assert "Not the best choice" not in quiz.inner_text()
    assert "Not the best choice" not in quiz.locator("details.course-answer").inner_html()
