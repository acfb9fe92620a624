"""The instructor edition: the same course plus notes, timings, answer keys and facilitation guides.

The learner edition renders none of it. Templates test the `edition` global; the small templates in
generator/templates/instructor/ hold everything that only instructors see, and render.page_specs adds
one facilitation guide page per module.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import _
from .check import CourseBundle
from .ending import module_cuts
from .models import Lesson, Module, PlanStep
from .render import facilitation_path
from .teaching import expected_minutes, reading_minutes

EDITIONS = ("learner", "instructor")


@dataclass(frozen=True)
class Timing:
    """How a lesson's time splits up, and what the lesson itself says."""

    reading: int
    exercises: int
    worksheet: int
    stated: int

    @property
    def parts(self) -> int:
        return self.reading + self.exercises + self.worksheet


@dataclass(frozen=True)
class PlanRow:
    """One step of a session plan, with its minutes worked out."""

    minutes: int
    activity: str  # "Exercise: <title>" or "Worksheet: <title>", or "" for a step of the group's own
    do: str


def _activity(item, is_exercise: bool) -> str:
    """A session plan's activity as its table names it: "Exercise: <title>" or "Worksheet: <title>"."""
    return _("Exercise: %(title)s", title=item.title) if is_exercise else _("Worksheet: %(title)s", title=item.title)


def edition_globals(bundle: CourseBundle, edition: str) -> dict:
    """Template globals for an edition: its name, and timings and plans for the instructor templates."""
    def timing(lesson: Lesson) -> Timing:
        return Timing(*expected_minutes(lesson, bundle), stated=lesson.minutes)

    def activity_title(key: str) -> str:
        item = bundle.exercises.get(key) or bundle.worksheets.get(key)
        return item.title if item else key  # an unknown id is a teaching warning already

    def session_plan(lesson: Lesson) -> list[PlanRow]:
        """The lesson's session plan; without one, reading time and then every activity in turn."""
        steps = lesson.session_plan or [PlanStep(minutes=reading_minutes(lesson), do=_("Read or present the lesson"))] + [
            PlanStep(activity=key) for key in [*lesson.exercises, *([lesson.worksheet] if lesson.worksheet else [])]]
        rows = []
        for step in steps:
            item = step.activity and (bundle.exercises.get(step.activity) or bundle.worksheets.get(step.activity))
            minutes = step.minutes if step.minutes is not None else item.minutes if item else 0
            rows.append(PlanRow(minutes, _activity(item, step.activity in bundle.exercises) if item
                                else step.activity or "", step.do))
        return rows

    def sessions(module: Module) -> list[tuple[str, list[Lesson], int]]:
        """Each workshop session of a module: its title, lessons and minutes (their plans' sum)."""
        return [(session.title, [bundle.lessons[key] for key in session.lessons],
                 sum(row.minutes for key in session.lessons for row in session_plan(bundle.lessons[key])))
                for session in module.sessions]

    return {"edition": edition, "timing": timing, "facilitation_path": facilitation_path,
            "activity_title": activity_title, "session_plan": session_plan, "sessions": sessions,
            "module_cuts": lambda module: module_cuts(bundle, module)}
