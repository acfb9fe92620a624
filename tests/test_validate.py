"""Stage 2, validate: each kind of field error, told with file, line, field path and a hint."""

from pathlib import Path

import pytest

from generator.build import check_course
from generator.errors import ContentError

LESSON = "10-basics/lessons/first-steps.yml"
EXERCISE = "10-basics/exercises/pick-one.yml"
WORKSHEET = "10-basics/worksheets/all-prompts.yml"


def problems_after(content: Path, relative: str, old: str, new: str):
    path = content / relative
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [p for p in caught.value.problems if p.severity == "error"]


def the_problem(content, relative, old, new):
    problems = problems_after(content, relative, old, new)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file.endswith(relative)
    return problem


def test_wrong_type(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25", "minutes: twenty")
    assert (problem.line, problem.column, problem.field) == (3, 10, "minutes")
    assert problem.message == "expected a whole number, found the text 'twenty'"


def test_text_expected_but_list_found(fixture_course):
    problem = the_problem(fixture_course, LESSON, "title: First Steps", "title: [First, Steps]")
    assert (problem.line, problem.field) == (2, "title")
    assert problem.message == "expected text, found a list"


def test_missing_required_field(fixture_course):
    problem = the_problem(fixture_course, LESSON, "  - heading: Going further\n", "  - \n")
    assert (problem.line, problem.field) == (14, "sections[1]")
    assert problem.message == "missing required field 'heading'"
    assert problem.hint == "The section heading; plain text."


def test_missing_field_at_top_level(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25\n", "")
    assert (problem.line, problem.column, problem.field) == (1, 1, "")
    assert problem.message == "missing required field 'minutes'"


def test_unknown_key_with_did_you_mean(fixture_course):
    problem = the_problem(fixture_course, LESSON, "key_takeaways:", "key_takeaway:")
    assert (problem.line, problem.column, problem.field) == (15, 1, "")
    assert problem.message == "unknown field 'key_takeaway' (did you mean 'key_takeaways'?)"
    assert "allowed fields:" in problem.hint


def test_unknown_key_inside_a_union_member(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "lines: 6", "line: 6")
    assert (problem.line, problem.field) == (5, "prompts[0]")
    assert problem.message == "unknown field 'line' (did you mean 'lines'?)"


def test_unknown_exercise_type(fixture_course):
    problem = the_problem(fixture_course, EXERCISE, "type: single_choice", "type: single_choise")
    assert (problem.line, problem.field) == (2, "type")
    assert problem.message == "unknown type 'single_choise' (did you mean 'single_choice'?)"
    assert "multiple_choice" in problem.hint


def test_missing_exercise_type(fixture_course):
    problem = the_problem(fixture_course, EXERCISE, "type: single_choice\n", "")
    assert problem.message == "missing required field 'type'"
    assert "self_assessment" in problem.hint


def test_id_must_be_a_slug(fixture_course):
    problem = problems_after(fixture_course, LESSON, "id: first-steps", "id: First Steps")[0]
    assert problem.file.endswith(LESSON)
    assert (problem.line, problem.column, problem.field) == (1, 5, "id")
    assert problem.message == "'First Steps' is not a valid id: use lowercase letters, digits and hyphens"


def test_number_out_of_range(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "lines: 6", "lines: 0")
    assert problem.field == "prompts[0].lines"
    assert problem.message == "must be at least 1, found the number 0"


def test_literal_choice_with_did_you_mean(fixture_course):
    problem = the_problem(fixture_course, "10-basics/exercises/what-now.yml", "rating: best", "rating: bset")
    assert problem.field == "responses[0].rating"
    assert problem.message.startswith("expected 'best', 'okay' or 'poor', found the text 'bset'")
    assert problem.message.endswith("(did you mean 'best'?)")


def test_rule_across_options(fixture_course):
    problem = the_problem(fixture_course, EXERCISE, "feedback: No, because it is not.",
                          "feedback: No, because it is not.\n    correct: true")
    assert (problem.line, problem.field) == (5, "options")
    assert problem.message == "exactly one option must have 'correct: true'"


def test_bands_must_cover_every_total(fixture_course):
    problem = the_problem(fixture_course, "10-basics/exercises/rate-yourself.yml", "max: 10", "max: 9")
    assert problem.field == "bands"
    assert "they stop at 9" in problem.message


def test_every_problem_of_a_run_is_reported_sorted(fixture_course):
    (fixture_course / EXERCISE).write_text((fixture_course / EXERCISE).read_text().replace("title: Pick one", "title: 3"))
    problems = problems_after(fixture_course, LESSON, "minutes: 25", "minutes: -1")
    assert [(Path(p.file).name, p.field) for p in problems] == [("pick-one.yml", "title"),
                                                              ("first-steps.yml", "minutes")]
    assert problems == sorted(problems)
