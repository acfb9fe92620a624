"""Stage 3, check: cross-references over the whole course, giving one linked CourseBundle.

Finds duplicate ids, references to ids that do not exist, items listed twice, and files that
course.yml does not reach. Unused exercises and worksheets are warnings: they are valid content
that no lesson shows yet.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .branching import graph_problems
from .errors import Problem, did_you_mean
from .models import BranchingScenario, Categorise, Course, Lesson, Module, Worksheet
from .validate import Validated


@dataclass
class CourseBundle:
    """The whole course, linked and in teaching order."""

    course: Course
    modules: list[Module]
    lessons: dict[str, Lesson]  # every lesson, by id, in teaching order
    exercises: dict[str, object]
    worksheets: dict[str, Worksheet]
    module_of_lesson: dict[str, Module]
    sources: dict[tuple[str, str], Path] = field(default_factory=dict)  # (kind, id) -> file

    def lessons_of(self, module: Module) -> list[Lesson]:
        return [self.lessons[lesson_id] for lesson_id in module.lessons]

    def used_worksheets(self) -> list[Worksheet]:
        """Worksheets in the order lessons first use them, then any unused ones by id."""
        order = [lesson.worksheet for lesson in self.lessons.values() if lesson.worksheet]
        order += sorted(self.worksheets)
        return [self.worksheets[wid] for wid in dict.fromkeys(order)]


def check(validated: list[Validated], invalid_ids: set[tuple[str, str]] = frozenset()
          ) -> tuple[CourseBundle | None, list[Problem]]:
    """Link the validated files into a CourseBundle; returns it (None on errors) and all problems.

    invalid_ids names files that exist but failed validation: they are reported already, so
    references to them are not reported again.
    """
    problems: list[Problem] = []
    by_kind: dict[str, dict[str, Validated]] = {k: {} for k in ("course", "module", "lesson", "exercise",
                                                               "worksheet")}
    for item in validated:
        _check_inner_ids(item, problems)
        problems += _exercise_problems(item)
        table = by_kind[item.source.kind]
        key = item.model.id
        if key in table:
            first = table[key].source
            line = first.position(("id",))[0]
            problems.append(item.source.problem(("id",), f"duplicate {item.source.kind} id '{key}'",
                                                hint=f"also defined in {first.display}:{line}"))
        else:
            table[key] = item
    if not by_kind["course"]:
        return None, problems
    resolve = functools.partial(_resolve, problems=problems, invalid_ids=invalid_ids)
    course_item = next(iter(by_kind["course"].values()))
    course: Course = course_item.model

    modules = resolve(course_item, "modules", course.modules, by_kind["module"], "module")
    module_of_lesson: dict[str, Module] = {}
    lesson_items: dict[str, Validated] = {}
    for module_item in modules:
        listed = resolve(module_item, "lessons", module_item.model.lessons, by_kind["lesson"], "lesson")
        for index, lesson_item in enumerate(listed):
            lesson_id = lesson_item.model.id
            if lesson_id in module_of_lesson:
                problems.append(module_item.source.problem(
                    ("lessons", module_item.model.lessons.index(lesson_id, 0)),
                    f"lesson '{lesson_id}' is already listed in module '{module_of_lesson[lesson_id].id}'"))
                continue
            module_of_lesson[lesson_id] = module_item.model
            lesson_items[lesson_id] = lesson_item

    used_exercises, used_worksheets = set(), set()
    for lesson_item in lesson_items.values():
        lesson = lesson_item.model
        for found in resolve(lesson_item, "exercises", lesson.exercises, by_kind["exercise"], "exercise"):
            used_exercises.add(found.model.id)
        if lesson.worksheet:
            for found in resolve(lesson_item, "worksheet", [lesson.worksheet], by_kind["worksheet"],
                                 "worksheet", single=True):
                used_worksheets.add(found.model.id)

    reached_modules = {item.model.id for item in modules}
    for kind, reached, listed_in in (("module", reached_modules, "course.yml"),
                                     ("lesson", set(lesson_items), "module.yml")):
        for key, item in by_kind[kind].items():
            if key not in reached:
                problems.append(item.source.problem(
                    ("id",), f"{kind} '{key}' is not reachable from course.yml: no {listed_in} lists it",
                    hint=f"add '{key}' to the {kind}s of a {listed_in}, or delete the file"))
    # With a lesson that failed validation, "unused" would only echo that error.
    lessons_complete = not any(kind == "lesson" for kind, _ in invalid_ids)
    for kind, used in (("exercise", used_exercises), ("worksheet", used_worksheets)) if lessons_complete else ():
        for key, item in by_kind[kind].items():
            if key not in used:
                problems.append(item.source.problem(("id",), f"no lesson uses {kind} '{key}'",
                                                    hint=f"add it to a lesson's {kind}s", severity="warning"))

    if any(p.severity == "error" for p in problems):
        return None, problems
    bundle = CourseBundle(
        course=course,
        modules=[item.model for item in modules],
        lessons={key: item.model for key, item in lesson_items.items()},
        exercises={key: item.model for key, item in sorted(by_kind["exercise"].items())},
        worksheets={key: item.model for key, item in sorted(by_kind["worksheet"].items())},
        module_of_lesson=module_of_lesson,
        sources={(item.source.kind, item.model.id): item.source.path for item in validated},
    )
    return bundle, problems


def _resolve(owner: Validated, field_name: str, ids: list[str], table: dict[str, Validated], kind: str,
             problems: list[Problem], invalid_ids, single: bool = False) -> list[Validated]:
    """The items that ids name, in order; a problem for each unknown or repeated id."""
    found, seen = [], set()
    for index, key in enumerate(ids):
        path = (field_name,) if single else (field_name, index)
        if (kind, key) in invalid_ids:
            continue
        if key not in table:
            problems.append(owner.source.problem(path, f"no {kind} with id '{key}'{did_you_mean(key, table)}"))
        elif key in seen:
            problems.append(owner.source.problem(path, f"{kind} '{key}' is listed twice"))
        else:
            seen.add(key)
            found.append(table[key])
    return found


def _check_inner_ids(item: Validated, problems: list[Problem]) -> None:
    """Ids inside one file (worksheet prompts, self-assessment statements) must be unique too."""
    for field_name in _inner_id_fields(type(item.model)):
        entries = getattr(item.model, field_name) or []
        if entries and "id" not in type(entries[0]).model_fields:
            continue  # a categorise exercise's statements are known by their place
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry.id in seen:
                problems.append(item.source.problem((field_name, index, "id"),
                                                    f"duplicate id '{entry.id}' in {field_name}"))
            seen.add(entry.id)


@functools.cache
def _inner_id_fields(model: type) -> tuple[str, ...]:
    # Asked of the class, once: a missing attribute on a pydantic model raises, slow on big courses.
    return tuple(name for name in ("prompts", "statements", "categories") if name in model.model_fields)


def _exercise_problems(item: Validated) -> list[Problem]:
    """References inside one exercise: a branching scenario's steps, a statement's category."""
    if isinstance(item.model, BranchingScenario):
        return graph_problems(item)
    if isinstance(item.model, Categorise):
        ids = [category.id for category in item.model.categories]
        return [item.source.problem(("statements", index, "category"), f"no category with id "
                                    f"'{statement.category}'{did_you_mean(statement.category, ids)}",
                                    hint=f"categories: {', '.join(ids)}")
                for index, statement in enumerate(item.model.statements) if statement.category not in ids]
    return []
