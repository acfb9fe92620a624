"""The course's ending and the instructor's session kit: the learner's completion record page, the
course evaluation, and the instructor edition's page *Running the sessions* with each module's
"if short on time" cuts.

check.check calls `reference_problems` once the course is linked; render.page_specs adds the pages
through `ending_specs` (given the PageSpec class, as handouts.module_print_specs is).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .catalogue import _
from .errors import Problem, did_you_mean

if TYPE_CHECKING:
    from .check import CourseBundle
    from .models import Module

RECORD_TEMPLATE = "record.md.j2"
SESSIONS_TEMPLATE = "instructor/sessions.md.j2"


def record_path() -> str:
    """The learner's completion record: lessons completed, the date, their action plan."""
    return "my-record.md"


def sessions_path() -> str:
    """The instructor edition's page on preparing and running the sessions."""
    return "running-sessions.md"


def reference_problems(bundle: CourseBundle, source_of: Callable) -> list[Problem]:
    """Errors for ids in the course's ending and in modules' cuts that name nothing they may name.

    source_of(kind, id) is the SourceFile of a content item, for the error's line and column.
    """
    course, problems = bundle.course, []
    course_source = source_of("course", course.id)
    worksheets = bundle.worksheets
    if course.evaluation is not None and course.evaluation not in worksheets:
        problems.append(course_source.problem(("evaluation",), f"no worksheet with id '{course.evaluation}'"
                                              f"{did_you_mean(course.evaluation, worksheets)}"))
    if course.record is not None:
        seen = set()
        for index, worksheet_id in enumerate(course.record.action_plan):
            path = ("record", "action_plan", index)
            if worksheet_id not in worksheets:
                problems.append(course_source.problem(path, f"no worksheet with id '{worksheet_id}'"
                                                            f"{did_you_mean(worksheet_id, worksheets)}"))
            elif worksheet_id in seen:
                problems.append(course_source.problem(path, f"worksheet '{worksheet_id}' is listed twice"))
            seen.add(worksheet_id)
    for module in bundle.modules:
        activities = cut_minutes(bundle, module)
        # A lesson's exercises and worksheet, and the lessons each of those is part of.
        parts = {lesson.id: {*lesson.exercises, *([lesson.worksheet] if lesson.worksheet else [])}
                 for lesson in bundle.lessons_of(module)}
        lesson_of: dict[str, set[str]] = {}
        for lesson_id, found in parts.items():
            for part in found:
                lesson_of.setdefault(part, set()).add(lesson_id)
        seen = set()
        for index, cut in enumerate(module.short_on_time):
            path = ("short_on_time", index, "skip")
            if cut.skip not in activities:
                problems.append(source_of("module", module.id).problem(
                    path, f"'{cut.skip}' is not a lesson of module '{module.id}' nor an exercise or "
                          f"worksheet of its lessons{did_you_mean(cut.skip, activities)}"))
            elif cut.skip in seen:
                problems.append(source_of("module", module.id).problem(path, f"'{cut.skip}' is cut twice"))
            elif overlap := sorted(seen & (lesson_of.get(cut.skip, set()) | parts.get(cut.skip, set()))):
                problems.append(source_of("module", module.id).problem(
                    path, f"'{cut.skip}' overlaps '{overlap[0]}', which is cut already",
                    hint="cut a lesson or its exercises and worksheet, not both: their time would count twice"))
            seen.add(cut.skip)
    return problems


def cut_minutes(bundle: CourseBundle, module: Module) -> dict[str, tuple[str, str, int]]:
    """What a module's session can cut: id -> (kind, title, minutes), for its lessons and their
    exercises and worksheets."""
    found = {}
    for lesson in bundle.lessons_of(module):
        found[lesson.id] = ("lesson", lesson.title, lesson.minutes)
        for exercise_id in lesson.exercises:
            exercise = bundle.exercises.get(exercise_id)
            if exercise is not None:
                found[exercise_id] = ("exercise", exercise.title, exercise.minutes)
        worksheet = bundle.worksheets.get(lesson.worksheet) if lesson.worksheet else None
        if worksheet is not None:
            found[worksheet.id] = ("worksheet", worksheet.title, worksheet.minutes)
    return found


def module_cuts(bundle: CourseBundle, module: Module) -> tuple:
    """A module's cuts as the templates show them: (cut, kind, title, minutes saved) each."""
    activities = cut_minutes(bundle, module)
    return tuple((cut, *activities[cut.skip]) for cut in module.short_on_time)


def ending_specs(spec_type, bundle: CourseBundle, edition: str) -> list:
    """The completion record page (when the course has a record) and, in the instructor edition,
    the page on running the sessions."""
    course, specs = bundle.course, []
    if course.record is not None:
        plan = tuple(bundle.worksheets[worksheet_id] for worksheet_id in course.record.action_plan)
        outline = tuple((module.id, module.title, tuple((lesson.id, lesson.title) for lesson in bundle.lessons_of(module)))
                        for module in bundle.modules)
        # The record's own title from course.yml, or the interface's when it keeps the default.
        default = type(course.record).model_fields["title"].default
        title = _("My course record") if course.record.title == default else course.record.title
        specs.append(spec_type(RECORD_TEMPLATE, record_path(), title,
                               bundle.sources.get(("course", course.id)), {"plan": plan, "outline": outline, "page_title": title},
                               (edition, course.id, course.title, course.record, plan, outline)))
    if edition == "instructor":
        modules = tuple((number, module, tuple(bundle.lessons_of(module)), _worksheets_of(bundle, module),
                         module_cuts(bundle, module))
                        for number, module in enumerate(bundle.modules, start=1))
        from .render import worksheets_pack_path  # render imports this module
        pack = worksheets_pack_path() if bundle.worksheets else None
        specs.append(spec_type(SESSIONS_TEMPLATE, sessions_path(), _("Running the sessions"),
                               bundle.sources.get(("course", course.id)), {"modules": modules, "pack": pack},
                               (edition, course, modules, pack)))
    return specs


def _worksheets_of(bundle: CourseBundle, module: Module) -> tuple:
    """The worksheets a module's lessons use, in order: what to print for its sessions."""
    ids = dict.fromkeys(lesson.worksheet for lesson in bundle.lessons_of(module) if lesson.worksheet)
    return tuple(bundle.worksheets[worksheet_id] for worksheet_id in ids)
