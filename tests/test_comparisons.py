"""Before-and-after checks: `compare_with` names an earlier check that asks the same on the same scale."""

from __future__ import annotations

import pytest

from generator.build import check_course
from test_check import edit, errors_of

LESSON = "10-basics/lessons/second-steps.yml"
AGAIN = "10-basics/exercises/rate-again.yml"
WORKSHEET = "10-basics/worksheets/all-prompts.yml"
REPEAT = """id: rate-again
type: self_assessment
title: Rate yourself again
prompt: Rate the same statements now.
compare_with: rate-yourself
statements:
  - {id: first, text: I like tests.}
  - {id: second, text: I avoid tests., reverse: true}
bands:
  - {min: 2, max: 10, label: Any, feedback: Compare the totals.}
minutes: 1
"""
SCALE_AGAIN = ("  - {id: steps,", "  - {id: confidence-now, type: scale, label: How confident are you?, min: 1, max: 5, "
               "compare_with: all-prompts/confidence}\n  - {id: steps,")


@pytest.fixture
def compared(fixture_course):
    """The fixture course with a self-assessment and a scale that each repeat an earlier one."""
    (fixture_course / AGAIN).write_text(REPEAT)
    edit(fixture_course, LESSON, "exercises: [what-now, rate-yourself]", "exercises: [what-now, rate-yourself, rate-again]")
    edit(fixture_course, WORKSHEET, *SCALE_AGAIN)
    return fixture_course


def only_error(content):
    [problem] = errors_of(content)
    return problem


def test_checks_that_repeat_an_earlier_one_are_valid(compared):
    bundle, warnings = check_course(compared)
    assert warnings == []
    assert bundle.exercises["rate-again"].compare_with == "rate-yourself"
    assert bundle.worksheets["all-prompts"].prompts[3].compare_with == "all-prompts/confidence"


def test_a_statement_that_differs_is_reported_at_its_line(compared):
    edit(compared, AGAIN, "{id: second, text: I avoid tests., reverse: true}", "{id: second, text: I dodge tests., reverse: true}")
    problem = only_error(compared)
    assert problem.file.endswith(AGAIN) and (problem.line, problem.field) == (8, "statements[1].text")
    assert problem.message == ("differs from text of statement 2 of 'rate-yourself' ('I avoid tests.'): a "
                               "comparison asks the same thing on the same scale")


def test_a_statement_scored_the_other_way_round_is_reported(compared):
    edit(compared, AGAIN, "I avoid tests., reverse: true}", "I avoid tests.}")
    problem = only_error(compared)
    assert (problem.line, problem.field) == (8, "statements[1].reverse")
    assert "differs from reverse of statement 2 of 'rate-yourself' (True)" in problem.message


@pytest.mark.parametrize("old, new, bands, line, field, message", [
    ("compare_with: rate-yourself", "compare_with: rate-yoursef", None, 5, "compare_with",
     "cannot compare with 'rate-yoursef': no exercise has that id (did you mean 'rate-yourself'?)"),
    ("compare_with: rate-yourself", "compare_with: rate-again", None, 5, "compare_with",
     "cannot compare with 'rate-again': it is this exercise"),
    ("compare_with: rate-yourself", "compare_with: what-now", None, 5, "compare_with",
     "'what-now' is a scenario exercise; a self-assessment compares with another self-assessment"),
    ("compare_with: rate-yourself\n", "compare_with: rate-yourself\nscale_max: 4\n", "{min: 2, max: 8,", 6, "scale_max",
     "differs from scale_max of 'rate-yourself' (5): a comparison asks the same thing on the same scale"),
    ("  - {id: second, text: I avoid tests., reverse: true}\n", "", "{min: 1, max: 5,", 6, "statements",
     "1 statements, but 'rate-yourself' has 2: a comparison repeats the same statements"),
])
def test_a_comparison_that_cannot_hold_is_one_error_at_its_field(compared, old, new, bands, line, field, message):
    edit(compared, AGAIN, old, new)
    if bands:  # the band that covers the new range of totals
        edit(compared, AGAIN, "{min: 2, max: 10,", bands)
    problem = only_error(compared)
    assert (problem.file.endswith(AGAIN), problem.line, problem.field, problem.message) == (True, line, field, message)


def test_the_earlier_check_must_come_first(compared):
    edit(compared, LESSON, "[what-now, rate-yourself, rate-again]", "[what-now, rate-again, rate-yourself]")
    problem = only_error(compared)
    assert (problem.line, problem.field) == (5, "compare_with")
    assert problem.message == ("'rate-yourself' comes after this check in the course (lesson 2, against "
                               "lesson 2): compare with an earlier check")


@pytest.mark.parametrize("new, field, message", [
    ("compare_with: all-prompt/confidence", "prompts[3].compare_with",
     "no worksheet with id 'all-prompt' (did you mean 'all-prompts'?)"),
    ("compare_with: all-prompts/confidense", "prompts[3].compare_with",
     "cannot compare with 'all-prompts/confidense': no such prompt (did you mean 'confidence'?)"),
    ("compare_with: all-prompts/thoughts", "prompts[3].compare_with",
     "'all-prompts/thoughts' is a text prompt; a scale compares with another scale"),
    ("compare_with: all-prompts/confidence, max: 10", "prompts[3].max",
     "differs from max of 'all-prompts/confidence' (5): a comparison asks the same thing on the same scale"),
    ("compare_with: all prompts", "prompts[3].compare_with",
     "must be a worksheet id and a prompt id joined by '/', such as 'my-baseline/confidence'"),
])
def test_a_scale_compares_with_an_earlier_scale_of_the_same_question(compared, new, field, message):
    edit(compared, WORKSHEET, "compare_with: all-prompts/confidence", new)
    if "max: 10" in new:
        edit(compared, WORKSHEET, "min: 1, max: 5, compare", "min: 1, compare")
    problem = only_error(compared)
    assert (problem.file.endswith(WORKSHEET), problem.line, problem.field, problem.message) == (True, 8, field, message)
