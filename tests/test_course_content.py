"""The shipped course meets the teaching rules every lesson is written to.

The content is loaded through the generator's own pipeline, so these tests see exactly what the site
is built from. Every assertion message names the lesson (or file) at fault.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from generator.build import check_course
from generator.errors import ContentError, format_report

CONTENT = Path(__file__).resolve().parent.parent / "content"
MIN_WORDS, MAX_WORDS = 300, 700

# Loaded once at collection, so that every lesson gets tests of its own (named after its id).
try:
    BUNDLE, WARNINGS = check_course(CONTENT)
    LOAD_ERROR = None
except ContentError as error:
    BUNDLE, WARNINGS, LOAD_ERROR = None, [], error
LESSONS = list(BUNDLE.lessons.values()) if BUNDLE else []


def _words(lesson) -> int:
    return sum(len(section.body.split()) for section in lesson.sections)


def _own_activities(lesson) -> set[str]:
    return set(lesson.exercises) | ({lesson.worksheet} if lesson.worksheet else set())


def test_the_course_validates_without_errors_or_warnings():
    assert LOAD_ERROR is None, f"the shipped course has content errors:\n{LOAD_ERROR}"
    assert not WARNINGS, f"the shipped course has warnings:\n{format_report(WARNINGS)}"


def test_the_course_has_outcomes_and_every_module_has_objectives():
    assert BUNDLE is not None, "the shipped course does not load; see the test above"
    assert BUNDLE.course.outcomes, "course.yml: the course lists no outcomes"
    for module in BUNDLE.modules:
        assert module.objectives, f"module '{module.id}': no objectives"


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_objectives_are_practised_by_its_own_activities(lesson):
    assert 2 <= len(lesson.objectives) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.objectives)} objectives, expected 2 to 4")
    own = _own_activities(lesson)
    for objective in lesson.objectives:
        assert objective.practised_by, (
            f"lesson '{lesson.id}': objective '{objective.text}' names no practising activity")
        strangers = set(objective.practised_by) - own
        assert not strangers, (
            f"lesson '{lesson.id}': objective '{objective.text}' is practised by {sorted(strangers)}, "
            f"which are not this lesson's exercises or worksheet ({sorted(own)})")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_body_has_two_to_four_sections_of_the_right_length(lesson):
    assert 2 <= len(lesson.sections) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.sections)} sections, expected 2 to 4")
    words = _words(lesson)
    assert MIN_WORDS <= words <= MAX_WORDS, (
        f"lesson '{lesson.id}': section bodies hold {words} words, expected {MIN_WORDS} to {MAX_WORDS}")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_has_takeaways_activities_and_instructor_notes(lesson):
    assert 3 <= len(lesson.key_takeaways) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.key_takeaways)} key takeaways, expected 3 to 4")
    assert lesson.exercises, f"lesson '{lesson.id}': no exercises"
    assert lesson.worksheet, f"lesson '{lesson.id}': no worksheet"
    assert lesson.instructor_notes.strip(), f"lesson '{lesson.id}': no instructor notes"


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_minutes_match_its_reading_and_activities(lesson):
    # Reading at 200 words a minute, plus the time each activity says it takes.
    expected = math.ceil(_words(lesson) / 200)
    expected += sum(BUNDLE.exercises[exercise_id].minutes for exercise_id in lesson.exercises)
    if lesson.worksheet:
        expected += BUNDLE.worksheets[lesson.worksheet].minutes
    tolerance = max(5, lesson.minutes * 0.25)
    assert lesson.minutes > 0, f"lesson '{lesson.id}': minutes must be above 0"
    assert abs(lesson.minutes - expected) <= tolerance, (
        f"lesson '{lesson.id}': minutes is {lesson.minutes}, but reading and activities add up to "
        f"{expected} (allowed difference {tolerance:g})")


def test_the_course_has_enough_practice_of_every_kind():
    from collections import Counter

    from generator.models import EXERCISE_KINDS

    assert BUNDLE is not None, str(LOAD_ERROR)
    kinds = Counter(exercise.type for exercise in BUNDLE.exercises.values())
    assert len(BUNDLE.exercises) >= 14, f"only {len(BUNDLE.exercises)} exercises"
    for kind in EXERCISE_KINDS:
        name = kind.model_fields["type"].annotation.__args__[0]
        assert kinds[name] >= 2, f"exercise kind {name} is used {kinds[name]} times"
    assert len(BUNDLE.worksheets) >= 8, f"only {len(BUNDLE.worksheets)} worksheets"


def test_choice_questions_give_feedback_on_every_option():
    assert BUNDLE is not None, str(LOAD_ERROR)
    for exercise in BUNDLE.exercises.values():
        for option in getattr(exercise, "options", None) or getattr(exercise, "responses", None) or []:
            assert len(option.feedback.split()) >= 6, f"{exercise.id}: feedback too thin: {option.feedback!r}"
