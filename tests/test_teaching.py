"""Teaching checks: each rule gives a warning naming the file, the line and the field."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from authoring import copy_course, edit, site_config, strict_build
from generator.build import check_course
from generator.errors import ContentError
from generator.cli import main

LESSON = "01-basics/lessons/first-steps.yml"


def warnings_of(content):
    bundle, warnings = check_course(content)
    assert all(w.severity == "warning" for w in warnings)
    return warnings


def only_warning(content):
    warnings = warnings_of(content)
    assert len(warnings) == 1, "\n".join(map(str, warnings))
    return warnings[0]


def test_the_fixture_course_has_no_warnings(tmp_path):
    assert warnings_of(copy_course(tmp_path)) == []


def test_an_objective_that_nothing_practises(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "    practised_by: [pick-one]\n", "")
    warning = only_warning(content)
    assert warning.file.endswith(LESSON) and warning.line == 6 and warning.field == "objectives[0]"
    assert warning.message == ("objective 'Choose the right first step' is not practised by any exercise "
                               "or worksheet of this lesson")
    assert "pick-one, why-small, first-notes" in warning.hint


def test_an_objective_practised_by_an_activity_of_another_lesson(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "practised_by: [pick-one]", "practised_by: [pick-on]")
    warnings = warnings_of(content)
    assert [(w.line, w.field) for w in warnings] == [(6, "objectives[0]"), (7, "objectives[0].practised_by[0]")]
    assert warnings[1].message == ("'pick-on' is not an exercise or the worksheet of this lesson "
                                   "(did you mean 'pick-one'?)")


def test_lesson_minutes_that_do_not_add_up(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "minutes: 20", "minutes: 45")
    warning = only_warning(content)
    assert (warning.file.endswith(LESSON), warning.line, warning.field) == (True, 4, "minutes")
    assert warning.message == ("the lesson says 45 minutes but its parts add up to 19 "
                               "(reading 1 + exercises 8 + worksheet 10)")


def test_lesson_minutes_within_the_tolerance_pass(tmp_path):
    content = copy_course(tmp_path)
    # The parts add up to 19; the tolerance is max(5, 25% of the lesson's minutes).
    for minutes, warned in ((13, True), (14, False), (25, False), (26, True)):
        edit(content / LESSON, "minutes: 20\n", f"minutes: {minutes}\n")
        assert [w.field for w in warnings_of(content)] == (["minutes"] if warned else []), minutes
        edit(content / LESSON, f"minutes: {minutes}\n", "minutes: 20\n")


def test_markdown_image_without_alt_text_points_at_its_line(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "![A staircase with one step highlighted]", "![ ]")
    warning = only_warning(content)
    assert warning.file.endswith(LESSON) and warning.line == 15 and warning.field == "sections[0].body"
    assert warning.message.startswith("image without alt text")


def test_html_image_without_alt_text(tmp_path):
    content = copy_course(tmp_path)
    edit(content / "01-basics/module.yml", "  The first and only module.\n",
         "  The first and only module.\n  <img src=\"media/stairs.png\" width=\"200\">\n")
    warning = only_warning(content)
    assert warning.file.endswith("01-basics/module.yml") and warning.line == 6
    assert warning.field == "overview" and warning.message.startswith("image without alt text")


def test_an_empty_section(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, """    body: |
      Small steps are easier to take than large ones.

      ![A staircase with one step highlighted](media/stairs.png)
""", """    body: "<!-- to do -->"
  - heading: Keep going
    body: Then take the next step.
""")
    warning = only_warning(content)
    assert warning.file.endswith(LESSON) and warning.line == 12 and warning.field == "sections[0].body"
    assert warning.message == "section 'Start small' is empty"


def test_a_course_without_outcomes(tmp_path):
    content = copy_course(tmp_path)
    edit(content / "course.yml", "outcomes:\n  - Finish the fixture course\n", "")
    warning = only_warning(content)
    assert warning.file.endswith("course.yml") and warning.line == 3 and warning.field == "outcomes"
    assert warning.message.startswith("the course has no outcomes")


def test_a_module_without_objectives(tmp_path):
    content = copy_course(tmp_path)
    edit(content / "01-basics/module.yml", "objectives:\n  - Name the basics\n", "")
    warning = only_warning(content)
    assert warning.file.endswith("01-basics/module.yml") and warning.line == 2
    assert (warning.field, warning.message) == ("objectives", "module 'basics' has no objectives")


def test_an_exercise_that_no_lesson_uses(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "exercises: [pick-one, why-small]", "exercises: [pick-one]")
    edit(content / LESSON, "practised_by: [why-small, first-notes]", "practised_by: [first-notes]")
    edit(content / LESSON, "minutes: 20", "minutes: 15")
    warning = only_warning(content)
    assert warning.file.endswith("01-basics/exercises/why-small.yml") and warning.line == 2
    assert warning.message == "no lesson uses exercise 'why-small'"


def test_validate_shows_warnings_and_strict_fails_on_them(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "minutes: 20", "minutes: 45")
    runner = CliRunner()
    relaxed = runner.invoke(main, ["validate", str(content)])
    assert relaxed.exit_code == 0
    assert f"{LESSON}:4:10: warning: minutes: the lesson says 45 minutes" in relaxed.output
    strict = runner.invoke(main, ["validate", "--strict", str(content)])
    assert strict.exit_code == 1
    assert "1 warning" in strict.output


def test_a_strict_site_build_fails_on_a_teaching_warning(tmp_path):
    content = copy_course(tmp_path)
    config = site_config(tmp_path)
    assert strict_build(config, tmp_path / "site-ok").returncode == 0
    edit(content / LESSON, "minutes: 20", "minutes: 45")
    result = strict_build(config, tmp_path / "site-bad")
    assert result.returncode == 1
    assert "the lesson says 45 minutes" in result.stderr


def test_an_id_that_is_not_the_file_name(tmp_path):
    content = copy_course(tmp_path)
    exercise = content / "01-basics/exercises/pick-one.yml"
    exercise.rename(exercise.with_name("pick-1.yml"))
    warning = only_warning(content)
    assert str(warning) == (f"{content}/01-basics/exercises/pick-1.yml:2:5: warning: id: the id 'pick-one' is not "
                            "the file's name 'pick-1.yml': other files name this exercise 'pick-one'\n"
                            "  hint: rename the file to 'pick-one.yml', or set id: pick-1")


def test_starter_text_anywhere_in_a_file(tmp_path):
    content = copy_course(tmp_path)
    edit(content / "01-basics/module.yml", "  The first and only module.\n",
         "  The first and only module.\n  Say what this module covers and why it matters to the learner, in\n"
         "  Markdown.\n")
    warning = only_warning(content)
    assert (warning.line, warning.column, warning.field) == (6, 3, "overview")
    assert warning.message == ("starter text left in: 'Say what this module covers and why it matters to the "
                               "learn…'")


PLAN = """session_plan:
  - {minutes: 3, do: Opening round}
  - {activity: pick-one}
  - {activity: why-small, minutes: 2, do: In pairs}
  - {activity: first-notes}
instructor_notes: |"""


def test_a_session_plan_that_covers_every_activity_passes(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "instructor_notes: |", PLAN)
    assert warnings_of(content) == []


def test_a_session_plan_that_leaves_out_an_activity_or_names_another(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "instructor_notes: |", PLAN.replace("  - {activity: first-notes}\n", "")
         .replace("activity: pick-one}", "activity: pick-on}"))
    warnings = warnings_of(content)
    assert [(w.line, w.field, w.message) for w in warnings] == [
        (20, "session_plan", "'first-notes' has no step in the session plan"),
        (20, "session_plan", "'pick-one' has no step in the session plan"),
        (22, "session_plan[1].activity", "'pick-on' is not an exercise or the worksheet of this lesson "
                                         "(did you mean 'pick-one'?)")]
    assert warnings[1].hint == "add a step '- activity: pick-one', so that the session makes time for it"


def test_a_plan_step_says_what_to_do_or_names_an_activity_and_how_long(tmp_path):
    content = copy_course(tmp_path)
    edit(content / LESSON, "instructor_notes: |", "session_plan:\n  - {do: Opening round}\n  - {minutes: 3}\ninstructor_notes: |")
    with pytest.raises(ContentError) as caught:
        check_course(content)
    assert [(p.line, p.field, p.message) for p in caught.value.problems] == [
        (21, "session_plan[0]", "a step that is not an activity needs its 'minutes'"),
        (22, "session_plan[1]", "a step names an 'activity' or says what to 'do'")]


def test_module_sessions_run_every_lesson_once(tmp_path):
    content = copy_course(tmp_path)
    module = content / "01-basics/module.yml"
    edit(module, "instructor_notes:", "sessions:\n  - {title: One, lessons: [first-steps]}\ninstructor_notes:")
    assert warnings_of(content) == []
    edit(module, "[first-steps]}", "[first-step]}\n  - {title: Two, lessons: [first-steps, first-steps]}")
    warnings = warnings_of(content)
    assert [(w.field, w.message) for w in warnings] == [
        ("sessions[0].lessons[0]", "'first-step' is not a lesson of this module (did you mean 'first-steps'?)"),
        ("sessions[1].lessons[1]", "lesson 'first-steps' is already in session 2")]
    edit(module, "  - {title: Two, lessons: [first-steps, first-steps]}\n", "")
    assert [(w.field, w.message) for w in warnings_of(content)] == [
        ("sessions", "lesson 'first-steps' is in no session"),
        ("sessions[0].lessons[0]", "'first-step' is not a lesson of this module (did you mean 'first-steps'?)")]
