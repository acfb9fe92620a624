"""The auto-scored exercises of a course: the ones whose answer the course itself can mark.

Single and multiple choice, and scenarios (a response rated "best" is right). Both LMS exports
report or quiz exactly these; the other kinds are answered in the learner's own words or rated.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check import CourseBundle
from ..models import MultipleChoice, Scenario, SingleChoice


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class ScoredExercise:
    id: str
    title: str
    lesson_id: str
    question: str  # Markdown: the prompt, or a scenario's situation and question
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
        question = f"{exercise.situation}\n\n{exercise.question}"
        return ScoredExercise(exercise.id, exercise.title, lesson_id, question, False, choices)
    choices = [Choice(o.text, o.correct, o.feedback) for o in exercise.options]
    return ScoredExercise(exercise.id, exercise.title, lesson_id, exercise.prompt,
                          isinstance(exercise, MultipleChoice), choices)
