"""The instructor edition: the same course plus notes, timings, answer keys and facilitation guides.

The learner edition renders none of it. Templates test the `edition` global; the small templates in
generator/templates/instructor/ hold everything that only instructors see, and this module adds one
facilitation guide page per module.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from jinja2 import Environment

from .check import CourseBundle
from .models import Lesson, Module
from .render import NavSection, Page, lesson_path, module_path, worksheet_path
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

    return {"edition": edition, "timing": timing, "facilitation_path": facilitation_path}


def facilitation_path(module: Module) -> str:
    return f"{module.id}/facilitation.md"


def add_facilitation_pages(bundle: CourseBundle, env: Environment, pages: list[Page],
                           nav: list) -> tuple[list[Page], list]:
    """A facilitation guide page per module, placed last in the module's navigation section."""
    guides = {}
    for number, module in enumerate(bundle.modules, start=1):
        path = facilitation_path(module)

        def link(target: str, path=path) -> str:
            return posixpath.relpath(target, posixpath.dirname(path))

        content = env.get_template("instructor/facilitation.md.j2").render(
            course=bundle.course, bundle=bundle, module=module, number=number, link=link,
            lesson_path=lesson_path, module_path=module_path, worksheet_path=worksheet_path)
        guides[module_path(module)] = Page(path, "Facilitation guide", content.rstrip("\n") + "\n",
                                           bundle.sources.get(("module", module.id)))
    new_nav = []
    for item in nav:
        if isinstance(item, NavSection) and item.pages and getattr(item.pages[0], "path", None) in guides:
            item = NavSection(item.title, list(item.pages) + [guides[item.pages[0].path]])
        new_nav.append(item)
    return pages + list(guides.values()), new_nav
