"""The instructor edition: the same course plus notes, timings, answer keys and facilitation guides.

The learner edition renders none of it. Templates test the `edition` global; the small templates in
generator/templates/instructor/ hold everything that only instructors see, and render.page_specs adds
one facilitation guide page per module.
"""

from __future__ import annotations

from dataclasses import dataclass

from .check import CourseBundle
from .ending import module_cuts
from .models import Lesson
from .render import facilitation_path
from .teaching import expected_minutes

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


def edition_globals(bundle: CourseBundle, edition: str) -> dict:
    """Template globals for an edition: its name, and lesson timings for the instructor templates."""
    def timing(lesson: Lesson) -> Timing:
        return Timing(*expected_minutes(lesson, bundle), stated=lesson.minutes)

    return {"edition": edition, "timing": timing, "facilitation_path": facilitation_path,
            "module_cuts": lambda module: module_cuts(bundle, module)}
