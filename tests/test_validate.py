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
    assert (problem.line, problem.field) == (18, "sections[1]")
    assert problem.message == "missing required field 'heading'"
    assert problem.hint == "The section heading; plain text."


def test_missing_field_at_top_level(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25\n", "")
    assert (problem.line, problem.column, problem.field) == (1, 1, "")
    assert problem.message == "missing required field 'minutes'"


def test_unknown_key_with_did_you_mean(fixture_course):
    problem = the_problem(fixture_course, LESSON, "key_takeaways:", "key_takeaway:")
    assert (problem.line, problem.column, problem.field) == (19, 1, "")
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


# --- booleans and numbers: YAML 1.2, never one for the other -----------------------------------


@pytest.mark.parametrize("word, meant", [("yes", "true"), ("no", "false"), ("on", "true"), ("Off", "false")])
def test_yaml_11_booleans_are_text_with_advice(fixture_course, word, meant):
    problem = the_problem(fixture_course, EXERCISE, "correct: true", f"correct: {word}")
    assert (problem.line, problem.column, problem.field) == (7, 14, "options[0].correct")
    assert problem.message == f"expected true or false, found the text '{word}'"
    assert problem.hint == f"only true and false are booleans (YAML 1.2): write {meant}"


def test_a_number_is_not_a_boolean(fixture_course):
    problem = the_problem(fixture_course, EXERCISE, "correct: true", "correct: 1")
    assert (problem.line, problem.field) == (7, "options[0].correct")
    assert problem.message == "expected true or false, found the number 1"


def test_a_boolean_is_not_a_number(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "rows: 2", "rows: true")
    assert (problem.line, problem.column, problem.field) == (7, 87, "prompts[2].rows")
    assert problem.message == "expected a whole number, found 'true' (true/false)"
    assert problem.hint == "true and false are not numbers: write a whole number"


def test_yes_is_not_a_number(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25", "minutes: yes")
    assert (problem.line, problem.field) == (3, "minutes")
    assert problem.message == "expected a whole number, found the text 'yes'"


def test_a_quoted_number_is_text(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25", 'minutes: "25"')
    assert problem.message == "expected a whole number, found the text '25'"
    assert problem.hint == "remove the quotes: a number in quotes is text"


def test_yaml_11_sexagesimal_and_dates_are_text(fixture_course):
    problem = the_problem(fixture_course, LESSON, "minutes: 25", "minutes: 1:30")
    assert problem.message == "expected a whole number, found the text '1:30'"
    bundle, _ = check_course(_restore(fixture_course, LESSON, "minutes: 1:30", "minutes: 25",
                                      "title: First Steps", "title: 2024-01-02"))
    assert bundle.lessons["first-steps"].title == "2024-01-02"


def _restore(content, relative, *pairs):
    path = content / relative
    text = path.read_text()
    for old, new in zip(pairs[::2], pairs[1::2]):
        text = text.replace(old, new, 1)
    path.write_text(text)
    return content


# --- limits: what would pass here and fail when pages or files are written ---------------------


def test_id_length_limit(fixture_course):
    long_id = "a" * 65
    problem = the_problem(fixture_course, "10-basics/exercises/explain-it.yml", "id: explain-it", f"id: {long_id}")
    assert (problem.line, problem.column, problem.field) == (1, 5, "id")
    assert problem.message == "is too long: at most 64 characters, found 65"
    assert problem.hint == "ids name files and key learners' saved answers: keep them short"


def test_id_that_no_file_can_have(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "{id: thoughts,", "{id: con,")
    assert (problem.line, problem.field) == (5, "prompts[0].id")
    assert problem.message == ("'con' cannot be an id: Windows keeps it as a device name, so no file can be "
                               "called that")


def test_at_most_26_options(fixture_course):
    options = "".join(f"  - {{text: Option {n}, feedback: F{n}.}}\n" for n in range(27))
    problem = the_problem(fixture_course, "10-basics/exercises/pick-some.yml",
                          "  - {text: Gamma, feedback: Gamma is wrong.}\n", options)
    assert (problem.line, problem.column, problem.field) == (5, 1, "options")
    assert problem.message == "allows at most 26 items, found 29"
    assert problem.hint == "choices are labelled A to Z: split the question in two"


def test_text_of_spaces_only(fixture_course):
    problem = the_problem(fixture_course, LESSON, "title: First Steps", "title: '   '")
    assert (problem.line, problem.field) == (2, "title")
    assert problem.message == "must not be empty (it holds only spaces)"


# --- scales: two points at least, reported at the scale fields ---------------------------------

RATE = "10-basics/exercises/rate-yourself.yml"


def test_scale_min_above_scale_max_is_reported_at_scale_max(fixture_course):
    problem = the_problem(fixture_course, RATE, "prompt: Rate each statement.",
                          "prompt: Rate each statement.\nscale_min: 6\nscale_max: 4")
    assert (problem.line, problem.column, problem.field) == (6, 12, "scale_max")
    assert problem.message == "must be greater than scale_min (6), found 4"
    assert problem.hint == "a scale needs two points at least: its lowest rating below its highest"


def test_scale_min_above_the_default_scale_max_is_reported_at_scale_min(fixture_course):
    problem = the_problem(fixture_course, RATE, "prompt: Rate each statement.",
                          "prompt: Rate each statement.\nscale_min: 7")
    assert (problem.line, problem.column, problem.field) == (5, 12, "scale_min")
    assert problem.message == "must be less than scale_max (5 when not given), found 7"


def test_a_self_assessment_scale_needs_two_points(fixture_course):
    problem = the_problem(fixture_course, RATE, "prompt: Rate each statement.",
                          "prompt: Rate each statement.\nscale_min: 3\nscale_max: 3")
    assert (problem.line, problem.field) == (6, "scale_max")
    assert problem.message == "must be greater than scale_min (3), found 3"


def test_a_prompt_scale_needs_two_points(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "min: 1, max: 5", "min: 5, max: 5")
    assert (problem.line, problem.field) == (6, "prompts[1].max")
    assert problem.message == "must be greater than min (5), found 5"


def test_a_band_upside_down_is_reported_at_its_max(fixture_course):
    problem = the_problem(fixture_course, RATE, "{min: 6, max: 10,", "{min: 6, max: 5,")
    assert (problem.line, problem.field) == (10, "bands[1].max")
    assert problem.message == "must be at least min (6), found 5"


# --- type ---------------------------------------------------------------------------------------


def test_empty_type_says_so_and_lists_the_types(fixture_course):
    problem = the_problem(fixture_course, EXERCISE, "type: single_choice", "type:")
    assert (problem.line, problem.field) == (2, "type")
    assert problem.message == "the type is empty: say which kind this is"
    assert problem.hint == ("expected one of: single_choice, multiple_choice, short_answer, scenario, "
                            "self_assessment, branching_scenario, ordering, matching, categorise")


def test_empty_prompt_type(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "type: text,", "type: '',")
    assert (problem.line, problem.field) == (5, "prompts[0].type")
    assert problem.message == "the type is empty: say which kind this is"
    assert problem.hint == "expected one of: text, scale, table, checklist"


def test_misspelt_required_field_is_one_error(fixture_course):
    problem = the_problem(fixture_course, LESSON, "title: First Steps", "titel: First Steps")
    assert (problem.line, problem.field) == (2, "")
    assert problem.message == "unknown field 'titel' (did you mean 'title'?)"


def test_misspelt_type_field_is_named(fixture_course):
    problem = the_problem(fixture_course, WORKSHEET, "type: text,", "tpye: text,")
    assert (problem.line, problem.column, problem.field) == (5, 20, "prompts[0]")
    assert problem.message == "unknown field 'tpye' (did you mean 'type'?)"


def test_markdown_of_spaces_only(fixture_course):
    problem = the_problem(fixture_course, LESSON, "body: More text.", "body: '  '")
    assert (problem.line, problem.field) == (18, "sections[1].body")
    assert problem.message == "must not be empty (it holds only spaces)"
