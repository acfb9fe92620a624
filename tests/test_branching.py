"""A branching scenario's step graph: each problem reported at its node with file and line, the best
path, the longest path; and the other in-file checks of the practice kinds (categorise)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from generator.branching import best_path, longest_path, numbering
from generator.build import check_course
from generator.errors import ContentError
from generator.models import BranchingScenario
from test_check import edit  # one fixture-editing helper for the check tests

SCENARIO = "10-basics/exercises/walk-through.yml"
SORTING = "10-basics/exercises/sort-them.yml"
PRACTICE = FIXTURES / "learner-course" / "content" / "02-practice" / "exercises"


@pytest.fixture
def course(fixture_course: Path) -> Path:
    """The fixture course with a branching scenario and a categorise exercise in its first lesson."""
    for name in ("walk-through.yml", "sort-them.yml"):
        shutil.copy(PRACTICE / name, fixture_course / "10-basics" / "exercises" / name)
    lesson = fixture_course / "10-basics" / "lessons" / "first-steps.yml"
    text = lesson.read_text()
    lesson.write_text(text.replace("exercises: [pick-one, pick-some, explain-it]",
                                   "exercises: [pick-one, pick-some, explain-it, walk-through, sort-them]")
                      .replace("minutes: 25", "minutes: 30"))
    return fixture_course


def errors_of(content: Path):
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [(p.file.split("/")[-1], p.line, p.field, p.message) for p in caught.value.problems
            if p.severity == "error"]


def test_a_sound_scenario_passes(course):
    bundle, warnings = check_course(course)
    assert warnings == []
    scenario = bundle.exercises["walk-through"]
    assert best_path(scenario) == [(0, 0), (1, 0)]
    assert longest_path(scenario) == 2
    assert numbering(scenario)["best_ending"] == 1


def test_a_misspelt_step_id_suggests_the_closest(course):
    edit(course, SCENARIO, "next: in-group", "next: in-grup")
    # Only the typo: the steps it cuts off are not reported as unreachable too.
    assert errors_of(course) == [("walk-through.yml", 13, "steps[0].choices[0].next",
                                  "no step or ending with id 'in-grup' (did you mean 'in-group'?)")]


def test_a_step_that_leads_to_itself(course):
    edit(course, SCENARIO, "next: good-talk", "next: in-group")
    problems = errors_of(course)
    assert ("walk-through.yml", 22, "steps[1].choices[0].next", "choice 1 leads back to its own step 'in-group'") in problems
    # good-talk is no longer reached either: one problem at each node.
    assert ("walk-through.yml", 27, "endings[0].id", "ending 'good-talk' cannot be reached from the first step "
            "'arrive'") in problems


def test_a_path_that_never_ends(course):
    edit(course, SCENARIO, "next: went-home\n  - id: in-group", "next: in-group\n  - id: in-group")
    edit(course, SCENARIO, "        next: went-home\nendings", "        next: arrive\nendings")
    assert errors_of(course) == [
        ("walk-through.yml", 25, "steps[1].choices[1].next", "choice 2 of step 'in-group' leads back to 'arrive', "
         "earlier on the same path: that path would never reach an ending"),
        ("walk-through.yml", 31, "endings[1].id", "ending 'went-home' cannot be reached from the first step 'arrive'")]


def test_an_unreachable_step_and_a_duplicate_id(course):
    edit(course, SCENARIO, "endings:\n", "  - id: lost\n    text: Nobody comes here.\n    choices:\n"
         "      - {text: A, feedback: A, next: good-talk}\n      - {text: B, feedback: B, next: went-home}\n"
         "endings:\n")
    path = course / SCENARIO
    path.write_text(path.read_text() + "  - {id: arrive, verdict: poor, text: T, debrief: D}\n")
    assert errors_of(course) == [
        ("walk-through.yml", 26, "steps[2].id", "step 'lost' cannot be reached from the first step 'arrive'"),
        ("walk-through.yml", 40, "endings[2].id", "duplicate id 'arrive': a step already has it")]


def test_a_scenario_needs_a_best_ending(course):
    edit(course, SCENARIO, "verdict: best", "verdict: workable")
    assert errors_of(course) == [("walk-through.yml", 26, "endings",
                                  "at least one ending must have 'verdict: best'")]


def test_a_statement_in_an_unknown_category(course):
    edit(course, SORTING, "    category: growth", "    category: grwth")
    assert errors_of(course) == [("sort-them.yml", 17, "statements[1].category",
                                  "no category with id 'grwth' (did you mean 'growth'?)")]


def test_teaching_warnings_for_minutes_and_unused_categories(course):
    edit(course, SCENARIO, "minutes: 3", "minutes: 1")
    edit(course, SORTING, "  - id: growth\n    title: Growth\n", "  - id: growth\n    title: Growth\n"
         "  - id: mixed\n    title: Mixed\n")
    _, warnings = check_course(course)
    found = sorted((w.file.split("/")[-1], w.line, w.field, w.message) for w in warnings)
    assert found == [
        ("sort-them.yml", 12, "categories[2]", "no statement belongs to category 'mixed'"),
        ("walk-through.yml", 5, "minutes", "1 minutes do not fit 2 steps whose longest path has 2: a learner "
                                          "reads, decides and reads the feedback at each step"),
    ]


def test_best_path_prefers_the_shortest_then_the_earlier_choice():
    scenario = BranchingScenario.model_validate({
        "id": "x", "title": "X", "type": "branching_scenario", "situation": "S",
        "steps": [{"id": "a", "text": "A", "choices": [{"text": "1", "feedback": "f", "next": "b"},
                                                        {"text": "2", "feedback": "f", "next": "win"}]},
                  {"id": "b", "text": "B", "choices": [{"text": "1", "feedback": "f", "next": "win"},
                                                        {"text": "2", "feedback": "f", "next": "lose"}]}],
        "endings": [{"id": "win", "verdict": "best", "text": "W", "debrief": "D"},
                    {"id": "lose", "verdict": "poor", "text": "L", "debrief": "D"}]})
    assert best_path(scenario) == [(0, 1)]
    assert longest_path(scenario) == 2
