"""The course's ending and the session kit (generator/ending.py): their ids are checked like any
reference, the record and sessions pages are generated only where they belong, and the minutes a
cut saves are computed from the activities it leaves out."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_course, check_course
from generator.errors import ContentError

from test_check import edit

ENDING = """record:
  action_plan: [all-prompts]
evaluation: all-prompts
instructor_contact:
  name: Amira Haddad
  email: amira@example.org
materials:
  - Name cards
online_sessions: Use breakout rooms of two.
"""
CUTS = """short_on_time:
  - skip: what-now
    instead: Talk it through | together.
  - skip: pick-some
    instead: Homework.
"""


def add(content: Path, relative: str, text: str) -> None:
    path = content / relative
    path.write_text(path.read_text() + text)


def pages_of(content: Path, edition: str = "learner") -> dict[str, str]:
    return {page.path: page.content for page in build_course(content, edition=edition).pages}


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [str(problem) for problem in caught.value.problems if problem.severity == "error"]


@pytest.fixture
def ending_course(fixture_course):
    add(fixture_course, "course.yml", ENDING)
    add(fixture_course, "10-basics/module.yml", CUTS)
    return fixture_course


def test_the_record_page_lists_lessons_and_the_action_plan(ending_course):
    page = pages_of(ending_course)["my-record.md"]
    assert "# My course record" in page
    assert "It is not a certificate" in page
    assert '<li data-lesson="first-steps">' in page and '<li data-lesson="second-steps">' in page
    assert 'data-worksheet="all-prompts"' in page and "## My action plan" in page


def test_no_record_page_without_a_record(fixture_course):
    assert "my-record.md" not in pages_of(fixture_course)


def test_the_evaluation_page_can_email_the_instructor(ending_course):
    page = pages_of(ending_course)["worksheets/all-prompts.md"]
    assert "## Send your evaluation" in page
    assert ('href="mailto:amira@example.org?subject=Course%20evaluation%3A%20Fixture%20Course"' in page)
    assert "Email it to Amira Haddad" in page


def test_without_a_contact_the_evaluation_is_only_downloaded(ending_course):
    edit(ending_course, "course.yml", "instructor_contact:\n  name: Amira Haddad\n  email: amira@example.org\n", "")
    page = pages_of(ending_course)["worksheets/all-prompts.md"]
    assert 'data-action="download-evaluation"' in page and "mailto:" not in page


def test_the_sessions_page_is_for_instructors_only(ending_course):
    learner, instructor = pages_of(ending_course), pages_of(ending_course, "instructor")
    assert "running-sessions.md" not in learner
    assert not any("If short on time" in page or "breakout rooms" in page for page in learner.values())
    sessions = instructor["running-sessions.md"]
    assert "- Name cards" in sessions and "Use breakout rooms of two." in sessions
    assert "[All Prompts](worksheets/all-prompts.md) (10 min)" in sessions


def test_cuts_show_the_minutes_they_save_and_their_sum(ending_course):
    bundle, _ = check_course(ending_course)
    what_now, pick_some = bundle.exercises["what-now"].minutes, bundle.exercises["pick-some"].minutes
    planned = sum(lesson.minutes for lesson in bundle.lessons.values())
    guide = pages_of(ending_course, "instructor")["basics/facilitation.md"]
    assert "## If short on time" in guide
    assert f"| {what_now} min | Talk it through \\| together. |" in guide
    saved = what_now + pick_some
    assert f"Making every cut saves {saved} min: the module's {planned} min become {planned - saved} min." in guide


@pytest.mark.parametrize("old, new, column, message", [
    ("evaluation: all-prompts", "evaluation: all-prompt", 13,
     "evaluation: no worksheet with id 'all-prompt' (did you mean 'all-prompts'?)"),
    ("action_plan: [all-prompts]", "action_plan: [all-prompts, all-prompts]", 30,
     "record.action_plan[1]: worksheet 'all-prompts' is listed twice"),
    ("action_plan: [all-prompts]", "action_plan: [nothing-here]", 17,
     "record.action_plan[0]: no worksheet with id 'nothing-here'"),
    ("email: amira@example.org", "email: Amira Haddad", 10,
     "instructor_contact.email: 'Amira Haddad' is not an email address (name@example.org)"),
])
def test_ending_ids_and_contact_are_checked(ending_course, old, new, column, message):
    edit(ending_course, "course.yml", old, new)
    line = (ending_course / "course.yml").read_text().splitlines().index(
        next(text for text in (ending_course / "course.yml").read_text().splitlines() if new in text)) + 1
    [error] = errors_of(ending_course)
    assert error.endswith(f"course.yml:{line}:{column}: error: {message}")


@pytest.mark.parametrize("old, new, message", [
    ("skip: what-now", "skip: what-nw", "short_on_time[0].skip: 'what-nw' is not a lesson of module 'basics' "
                                        "nor an exercise or worksheet of its lessons (did you mean 'what-now'?)"),
    ("skip: pick-some", "skip: what-now", "short_on_time[1].skip: 'what-now' is cut twice"),
    ("skip: pick-some", "skip: second-steps", "short_on_time[1].skip: 'second-steps' overlaps 'what-now', "
                                              "which is cut already"),
])
def test_cuts_name_the_modules_own_activities_once(ending_course, old, new, message):
    edit(ending_course, "10-basics/module.yml", old, new)
    errors = errors_of(ending_course)
    assert len(errors) == 1 and "module.yml:" in errors[0] and f"error: {message}" in errors[0]


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_every_change_to_the_ending_and_the_cuts_matches_a_clean_build(ending_course, edition):
    # As test_incremental's test of every value, for the fields of the ending and the cuts: a page
    # input that ending_specs forgot to name would leave a stale page.
    import yaml

    from test_incremental import LOADER, _changed, _leaves, _replace, _same_as_clean

    _same_as_clean(ending_course, edition=edition)
    checked = 0
    for relative, fields in (("course.yml", ("record", "evaluation", "instructor_contact", "materials",
                                             "online_sessions")), ("10-basics/module.yml", ("short_on_time",))):
        path = ending_course / relative
        original = path.read_bytes()
        data = yaml.load(original, Loader=LOADER)
        for leaf, value in _leaves(data):
            if leaf[0] in fields:
                path.write_text(yaml.safe_dump(_replace(data, leaf, _changed(value)), sort_keys=False))
                _same_as_clean(ending_course, may_fail=True, edition=edition)
                checked += 1
        path.write_bytes(original)
    assert checked == 10
