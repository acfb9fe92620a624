"""The auto-scored exercises of a course: the ones whose answer the course itself can mark.

Single and multiple choice, and scenarios (a response rated "best" is right); and the practice
kinds with one right arrangement (ordering, matching, categorise) or a best ending (branching
scenarios), which the SCORM score counts too. Short answers and self-assessments are answered in the
learner's own words or rated.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check import CourseBundle
from ..models import BranchingScenario, Categorise, Matching, MultipleChoice, Ordering, Scenario, SingleChoice


@dataclass(frozen=True)
class Choice:
    text: str  # plain text
    correct: bool
    feedback: str  # Markdown


@dataclass(frozen=True)
class ScoredExercise:
    id: str
    title: str
    lesson_id: str
    prompt: str  # Markdown: the question, or a scenario's situation
    ask: str  # plain text: a scenario's question ("What do you do next?"), else ""
    multiple: bool  # several choices are right together
    choices: list[Choice]

    @property
    def correct(self) -> list[int]:
        """The right choices, numbered from 1 as the pages number them."""
        return [number for number, choice in enumerate(self.choices, 1) if choice.correct]


def scored_exercises(bundle: CourseBundle) -> list[ScoredExercise]:
    """Every auto-scored exercise in course order, each once (in the first lesson that uses it)."""
    found: dict[str, ScoredExercise] = {}
    for lesson in bundle.lessons.values():
        for exercise_id in lesson.exercises:
            exercise = bundle.exercises[exercise_id]
            if exercise_id not in found and isinstance(exercise, (SingleChoice, MultipleChoice, Scenario)):
                found[exercise_id] = _scored(exercise, lesson.id)
    return list(found.values())


def _scored(exercise, lesson_id: str) -> ScoredExercise:
    if isinstance(exercise, Scenario):
        choices = [Choice(r.text, r.rating == "best", r.feedback) for r in exercise.responses]
        return ScoredExercise(exercise.id, exercise.title, lesson_id, exercise.situation, exercise.question,
                              False, choices)
    choices = [Choice(o.text, o.correct, o.feedback) for o in exercise.options]
    return ScoredExercise(exercise.id, exercise.title, lesson_id, exercise.prompt, "",
                          isinstance(exercise, MultipleChoice), choices)


def practice_answers(bundle: CourseBundle) -> dict[str, list]:
    """The right saved values (store.js's shapes) of every branching scenario, ordering, matching
    and categorise exercise a lesson uses, in course order: an attempt is right when it equals one.
    A branching scenario is right when its path ends at a best ending, by any of the paths there."""
    found: dict[str, list] = {}
    for lesson in bundle.lessons.values():
        for exercise_id in lesson.exercises:
            exercise = bundle.exercises[exercise_id]
            if exercise_id in found:
                continue
            if isinstance(exercise, Ordering):
                found[exercise_id] = [list(range(1, len(exercise.items) + 1))]
            elif isinstance(exercise, Matching):
                found[exercise_id] = [{str(n): n for n in range(1, len(exercise.pairs) + 1)}]
            elif isinstance(exercise, Categorise):
                found[exercise_id] = [{str(n): s.category for n, s in enumerate(exercise.statements, 1)}]
            elif isinstance(exercise, BranchingScenario):
                found[exercise_id] = _paths_to_best(exercise)
    return found


def _paths_to_best(scenario: BranchingScenario) -> list[list[int]]:
    steps = {step.id: step for step in scenario.steps}
    best = {ending.id for ending in scenario.endings if ending.verdict == "best"}

    def walk(step_id: str) -> list[list[int]]:  # the graph has no loops (checked), so this ends
        paths = []
        for number, choice in enumerate(steps[step_id].choices, 1):
            if choice.next in best:
                paths.append([number])
            elif choice.next in steps:
                paths += [[number] + rest for rest in walk(choice.next)]
        return paths

    return walk(scenario.steps[0].id)
