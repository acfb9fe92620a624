"""What the render stage gives the learner-side scripts: the course map, the My work page, and
exercises whose options are form fields carrying their feedback."""

from __future__ import annotations

import html
import json
import re

from generator.build import build_course
from generator.render import NavSection

from learner_support import LEARNER_COURSE


def pages():
    result = build_course(LEARNER_COURSE / "content")
    return {page.path: page for page in result.pages}, result.nav


def test_course_map_lists_modules_and_lessons_in_order_with_their_pages():
    by_path, _ = pages()
    data = json.loads(by_path["course-map.json"].content)
    assert data["course"] == "learner-test-course"
    assert [module["id"] for module in data["modules"]] == ["basics", "practice"]
    assert data["modules"][0]["lessons"] == [
        {"id": "first-lesson", "title": "First Lesson", "path": "basics/first-lesson.md"},
        {"id": "second-lesson", "title": "Second Lesson", "path": "basics/second-lesson.md"},
    ]
    assert all(lesson["path"] in by_path for module in data["modules"] for lesson in module["lessons"])


def test_my_work_page_lists_every_prompt_with_its_label_and_is_last_in_the_navigation():
    by_path, nav = pages()
    page = by_path["my-work.md"].content
    assert "course_page: my_work" in page
    prompts = re.findall(r'data-prompt="([^"]+)" data-type="([^"]+)"', page)
    assert prompts == [("story", "text"), ("habits", "checklist"), ("confidence", "scale"), ("contacts", "table")]
    assert "Tell a short story." in page
    # My work closes the navigation: the instructors' guide is not part of the learner site.
    assert not isinstance(nav[-1], NavSection) and nav[-1].path == "my-work.md"


def test_choice_options_are_form_fields_with_their_feedback_as_data():
    by_path, _ = pages()
    lesson = by_path["basics/first-lesson.md"].content
    radios = re.findall(r'<input type="radio" id="exercise-pick-one-(\d)" name="exercise-pick-one"', lesson)
    assert radios == ["1", "2", "3"]
    assert re.findall(r'<input type="checkbox" id="exercise-pick-many-\d"', lesson)
    answers = json.loads(html.unescape(re.search(r'data-answers="([^"]+)"', lesson).group(1)))
    assert [answer["correct"] for answer in answers] == [False, True, False]
    assert answers[1]["feedback"] == "<p>Yes, scattered sunlight makes it blue.</p>"
    # Without scripts the feedback is still there, behind a collapsed block.
    assert '<summary>Answer and feedback</summary>' in lesson
    # A choose-all question calls a wrong option incorrect; a choose-one, not the best choice.
    assert "- **B. Incorrect.** Three is odd." in lesson
    assert "- **A. Not the best choice.** Grass is green; the sky is not." in lesson


def test_self_assessment_carries_its_bands_and_reverse_scored_statements():
    by_path, _ = pages()
    lesson = by_path["basics/second-lesson.md"].content
    bands = json.loads(html.unescape(re.search(r'data-bands="([^"]+)"', lesson).group(1)))
    assert [(band["min"], band["max"], band["label"]) for band in bands] == [(2, 5, "Getting started"),
                                                                            (6, 10, "Ready to stretch")]
    assert '<fieldset class="course-rating" data-statement="avoid-events" data-reverse>' in lesson
