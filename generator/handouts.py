"""Pages made to be printed: a module's exercises as a handout (both editions), and the instructor
edition's answer keys, one per module and one for the course.

Each page carries a PDF slot, so `course pdf` prints it like the worksheets. render.page_specs adds
these pages; their `inputs` name every value the templates read, as for every page spec.
"""

from __future__ import annotations

from .catalogue import _
from .check import CourseBundle
from .models import Module

HANDOUT_TEMPLATE = "handout.md.j2"
ANSWER_KEY_TEMPLATE = "instructor/answer_keys.md.j2"


def handout_path(module: Module) -> str:
    """A module's exercises on one page, without the answers, with space to write."""
    return f"{module.id}/exercises-handout.md"


def answer_key_path(module: Module | None = None) -> str:
    """The instructor edition's answer key of a module, or of the whole course."""
    return f"{module.id}/answer-key.md" if module else "answer-key.md"


def module_lessons(bundle: CourseBundle, module: Module) -> tuple:
    """(lesson, its exercises, its worksheet) for each lesson of a module, in order."""
    return tuple((lesson, tuple(bundle.exercises[eid] for eid in lesson.exercises),
                  bundle.worksheets[lesson.worksheet] if lesson.worksheet else None)
                 for lesson in bundle.lessons_of(module))


def module_print_specs(spec_type, bundle: CourseBundle, edition: str, number: int, module: Module) -> list:
    """The module's handout page (if it has exercises) and, in the instructor edition, its answer key."""
    lessons = module_lessons(bundle, module)
    source = bundle.sources.get(("module", module.id))
    specs = []
    if any(exercises for _, exercises, _ in lessons):
        # What it shows of each lesson: its title and exercises (not its body).
        shown = tuple((lesson.title, exercises) for lesson, exercises, _ in lessons if exercises)
        specs.append(spec_type(HANDOUT_TEMPLATE, handout_path(module), _("Exercises to print"), source,
                               {"module": module, "number": number, "lessons": lessons},
                               (edition, bundle.course.id, bundle.course.title, module.id, module.title, number,
                                shown)))
    if edition == "instructor":
        specs.append(spec_type(ANSWER_KEY_TEMPLATE, answer_key_path(module), _("Answer key"), source,
                               {"modules": [(number, module, lessons)], "whole_course": False},
                               (edition, bundle.course.id, bundle.course.title, module.id, module.title, number,
                                _key_inputs(lessons))))
    return specs


def _key_inputs(lessons: tuple) -> tuple:
    """What an answer key shows of each lesson: its title, its exercises and its worksheet."""
    return tuple((lesson.title, exercises, worksheet) for lesson, exercises, worksheet in lessons)


def course_answer_key_spec(spec_type, bundle: CourseBundle, edition: str):
    """The instructor edition's answer key of the whole course, or None in the learner edition."""
    if edition != "instructor":
        return None
    modules = [(number, module, module_lessons(bundle, module)) for number, module in enumerate(bundle.modules, 1)]
    return spec_type(ANSWER_KEY_TEMPLATE, answer_key_path(), _("Course answer key"), None,
                     {"modules": modules, "whole_course": True},
                     (edition, bundle.course.id, bundle.course.title,
                      tuple((number, module.id, module.title, _key_inputs(lessons)) for number, module, lessons in modules)))
