"""Stage 3, check: cross-references over the whole course."""

import shutil
from pathlib import Path

import pytest

from generator.build import check_course
from generator.errors import ContentError

MODULE = "10-basics/module.yml"
LESSON = "10-basics/lessons/first-steps.yml"


def edit(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text()
    assert old in text, f"fixture changed: {old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1))


def errors_of(content: Path):
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [p for p in caught.value.problems if p.severity == "error"]


def test_fixture_course_is_valid(fixture_course):
    bundle, warnings = check_course(fixture_course)
    assert warnings == []
    assert [m.id for m in bundle.modules] == ["basics"]
    assert list(bundle.lessons) == ["first-steps", "second-steps"]
    assert bundle.module_of_lesson["second-steps"].id == "basics"


def test_reference_to_missing_id_suggests_the_closest(fixture_course):
    edit(fixture_course, LESSON, "exercises: [pick-one,", "exercises: [pick-onr,")
    [problem] = errors_of(fixture_course)
    assert problem.file.endswith(LESSON)
    assert (problem.line, problem.column, problem.field) == (21, 13, "exercises[0]")
    assert problem.message == "no exercise with id 'pick-onr' (did you mean 'pick-one'?)"


def test_reference_to_missing_module(fixture_course):
    edit(fixture_course, "course.yml", "modules: [basics]", "modules: [basics, advanced]")
    [problem] = errors_of(fixture_course)
    assert (Path(problem.file).name, problem.line, problem.field) == ("course.yml", 8, "modules[1]")
    assert problem.message == "no module with id 'advanced'"


def test_missing_worksheet(fixture_course):
    edit(fixture_course, LESSON, "worksheet: all-prompts", "worksheet: all-prompt")
    [problem] = errors_of(fixture_course)
    assert (problem.line, problem.field) == (22, "worksheet")
    assert problem.message == "no worksheet with id 'all-prompt' (did you mean 'all-prompts'?)"


def test_duplicate_id(fixture_course):
    copy = fixture_course / "10-basics/exercises/pick-one-again.yml"
    shutil.copy(fixture_course / "10-basics/exercises/pick-one.yml", copy)
    [problem] = errors_of(fixture_course)
    assert problem.file.endswith("pick-one.yml") or problem.file.endswith("pick-one-again.yml")
    assert (problem.line, problem.field) == (1, "id")
    assert problem.message == "duplicate exercise id 'pick-one'"
    assert problem.hint.startswith("also defined in ") and problem.hint.endswith(":1")


def test_duplicate_prompt_id_in_a_worksheet(fixture_course):
    edit(fixture_course, "10-basics/worksheets/all-prompts.yml", "{id: contacts,", "{id: thoughts,")
    [problem] = errors_of(fixture_course)
    assert (problem.line, problem.field) == (7, "prompts[2].id")
    assert problem.message == "duplicate id 'thoughts' in prompts"


def test_lesson_listed_twice(fixture_course):
    edit(fixture_course, MODULE, "lessons: [first-steps, second-steps]",
         "lessons: [first-steps, second-steps, first-steps]")
    [problem] = errors_of(fixture_course)
    assert (problem.line, problem.field) == (6, "lessons[2]")
    assert problem.message == "lesson 'first-steps' is listed twice"


def test_lesson_not_reachable_from_course(fixture_course):
    edit(fixture_course, MODULE, "lessons: [first-steps, second-steps]", "lessons: [first-steps]")
    [problem] = errors_of(fixture_course)
    assert problem.file.endswith("second-steps.yml") and problem.line == 1
    assert problem.message == "lesson 'second-steps' is not reachable from course.yml: no module.yml lists it"


def test_module_not_reachable_from_course(fixture_course):
    extra = fixture_course / "20-extra"
    shutil.copytree(fixture_course / "10-basics", extra)
    for path in extra.rglob("*.yml"):
        path.write_text(path.read_text().replace("id: ", "id: x"))
    edit(fixture_course, "20-extra/module.yml", "lessons: [first-steps, second-steps]",
         "lessons: [xfirst-steps, xsecond-steps]")
    problems = errors_of(fixture_course)
    assert [p.message for p in problems if p.message.startswith("module ")] == [
        "module 'xbasics' is not reachable from course.yml: no course.yml lists it"]


def test_unused_worksheet_is_a_warning(fixture_course):
    edit(fixture_course, "10-basics/lessons/second-steps.yml", "worksheet: all-prompts\n", "")
    edit(fixture_course, LESSON, "worksheet: all-prompts\n", "")
    bundle, warnings = check_course(fixture_course)
    unused = [(w.severity, w.message) for w in warnings if w.message.startswith("no lesson uses")]
    assert unused == [("warning", "no lesson uses worksheet 'all-prompts'")]
    assert bundle.lessons["first-steps"].worksheet is None


def test_invalid_file_is_reported_once(fixture_course):
    edit(fixture_course, "10-basics/exercises/pick-one.yml", "title: Pick one", "title: [Pick, one]")
    problems = errors_of(fixture_course)
    assert [Path(p.file).name for p in problems] == ["pick-one.yml"]


def test_load_and_field_errors_are_reported_together_without_echoes(fixture_course):
    (fixture_course / "10-basics/exercises/pick-one.yml").write_text("id: pick-one\ntitle: !!python/name:os.system\n")
    edit(fixture_course, LESSON, "minutes: 25", "minutes: soon")
    problems = errors_of(fixture_course)
    assert [(Path(p.file).name, p.line, p.field) for p in problems] == [
        ("pick-one.yml", 2, "title"), ("first-steps.yml", 3, "minutes")]


# --- one mistake, one message: a file that fails validation still takes part in the checks ------


def all_problems_of(content: Path):
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return caught.value.problems  # warnings included: none may echo the error


@pytest.mark.parametrize("old, new, line, field, message", [
    ("overview:", "overveiw:", 3, "", "unknown field 'overveiw' (did you mean 'overview'?)"),
    ("title: The Basics", "title: 5", 2, "title", "expected text, found the number 5"),
    ("overview: Everything the generator can render, once.\n", "", 1, "", "missing required field 'overview'"),
    ("id: basics", "id: Basics", 1, "id", "'Basics' is not a valid id: use lowercase letters, digits and hyphens"),
    ("lessons: [first-steps, second-steps]", "lessons: [first-steps, Second Steps]", 6, "lessons[1]",
     "'Second Steps' is not a valid id: use lowercase letters, digits and hyphens"),
    ("lessons: [first-steps, second-steps]", "lessons: first-steps", 6, "lessons",
     "expected a list, found the text 'first-steps'"),
    ("title: The Basics", "title: The: Basics", 2, "", "invalid YAML: mapping values are not allowed in this context"),
])
def test_a_broken_module_gives_one_error_not_a_cascade(fixture_course, old, new, line, field, message):
    edit(fixture_course, MODULE, old, new)
    [problem] = all_problems_of(fixture_course)
    assert problem.file.endswith(MODULE)
    assert (problem.line, problem.field, problem.severity) == (line, field, "error")
    assert problem.message.startswith(message)


def test_a_broken_course_file_gives_one_error(fixture_course):
    edit(fixture_course, "course.yml", "modules: [basics]", "modules: basics")
    [problem] = all_problems_of(fixture_course)
    assert (Path(problem.file).name, problem.line, problem.field) == ("course.yml", 8, "modules")


def test_a_broken_lesson_still_uses_its_exercises(fixture_course):
    edit(fixture_course, LESSON, "minutes: 25", "minutes: lots")
    [problem] = all_problems_of(fixture_course)  # no "no lesson uses exercise 'pick-one'"
    assert problem.file.endswith(LESSON) and problem.field == "minutes"


def test_a_lesson_that_does_not_parse_hides_no_error_and_adds_none(fixture_course):
    edit(fixture_course, LESSON, "title: First Steps", "title: [First")
    [problem] = all_problems_of(fixture_course)
    assert problem.file.endswith(LESSON) and problem.message.startswith("invalid YAML")


def test_a_lesson_whose_worksheet_has_an_error_keeps_its_did_you_mean(fixture_course):
    edit(fixture_course, "10-basics/worksheets/all-prompts.yml", "lines: 6", "lines: many")
    edit(fixture_course, LESSON, "worksheet: all-prompts", "worksheet: all-prompt")
    problems = all_problems_of(fixture_course)
    assert [(Path(p.file).name, p.line, p.field, p.message) for p in problems] == [
        ("first-steps.yml", 22, "worksheet", "no worksheet with id 'all-prompt' (did you mean 'all-prompts'?)"),
        ("all-prompts.yml", 5, "prompts[0].lines", "expected a whole number, found the text 'many'")]


def test_a_misspelt_lesson_id_in_a_module_is_one_error(fixture_course):
    edit(fixture_course, MODULE, "second-steps]", "second-step]")
    [problem] = all_problems_of(fixture_course)  # not also "second-steps is not reachable"
    assert (problem.line, problem.field) == (6, "lessons[1]")
    assert problem.message == "no lesson with id 'second-step' (did you mean 'second-steps'?)"


def test_references_from_a_broken_file_are_still_checked(fixture_course):
    edit(fixture_course, LESSON, "minutes: 25", "minutes: lots")
    edit(fixture_course, LESSON, "exercises: [pick-one,", "exercises: [pick-onr,")
    problems = all_problems_of(fixture_course)
    assert [(p.line, p.field) for p in problems] == [(3, "minutes"), (21, "exercises[0]")]
    assert problems[1].message == "no exercise with id 'pick-onr' (did you mean 'pick-one'?)"


def test_lessons_of_an_unreachable_module_are_not_reported_too(fixture_course):
    edit(fixture_course, "course.yml", "modules: [basics]", "modules: [basic]")
    [problem] = all_problems_of(fixture_course)
    assert (Path(problem.file).name, problem.field) == ("course.yml", "modules[0]")
    assert problem.message == "no module with id 'basic' (did you mean 'basics'?)"
