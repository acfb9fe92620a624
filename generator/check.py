"""Stage 3, check: cross-references over the whole course, giving one linked CourseBundle.

Finds duplicate ids, references to ids that do not exist, items listed twice, files that
course.yml does not reach, and before-and-after checks that cannot be compared (comparisons.py). Unused exercises and worksheets are warnings: they are valid content
that no lesson shows yet.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .branching import graph_problems
from .comparisons import comparison_problems
from .ending import reference_problems
from .errors import Problem, did_you_mean
from .load import KINDS, SourceFile
from .models import REFERENCE_FIELDS, BranchingScenario, Categorise, Course, Glossary, Lesson, Module, Worksheet
from .validate import Partial, Validated


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
    glossary: Glossary | None = None  # content/glossary.yml, when the course has one

    def lessons_of(self, module: Module) -> list[Lesson]:
        return [self.lessons[lesson_id] for lesson_id in module.lessons]

    def used_worksheets(self) -> list[Worksheet]:
        """Worksheets in the order lessons first use them, then any unused ones by id."""
        order = [lesson.worksheet for lesson in self.lessons.values() if lesson.worksheet]
        order += sorted(self.worksheets)
        return [self.worksheets[wid] for wid in dict.fromkeys(order)]


@dataclass
class _Node:
    """A content file as the cross-file checks see it: valid (item set) or partial (item None)."""

    source: SourceFile
    kind: str
    id: str | None
    references: dict[str, tuple[tuple[tuple[int, str], ...], bool]]
    item: Validated | None = None


def _node(entry: Validated | Partial) -> _Node:
    if isinstance(entry, Partial):
        return _Node(entry.source, entry.source.kind, entry.id, entry.references)
    model, kind = entry.model, entry.source.kind
    references = {}
    for field_name, _, single in REFERENCE_FIELDS.get(kind, ()):
        value = getattr(model, field_name)
        ids = ([] if value is None else [value]) if single else value
        references[field_name] = (tuple(enumerate(ids)), True)
    return _Node(entry.source, kind, getattr(model, "id", None), references, entry)


def check(validated: list[Validated], partial: list[Partial] = ()) -> tuple[CourseBundle | None, list[Problem]]:
    """Link the validated files into a CourseBundle; returns it (None on errors) and all problems.

    partial holds what files that failed validation still tell (their problems are reported
    already): their ids and lists take part in the checks, and a check that would depend on what
    they could not tell is skipped, so one mistake is reported once.
    """
    problems: list[Problem] = []
    nodes = [_node(entry) for entry in validated] + [_node(entry) for entry in partial]
    by_kind: dict[str, dict[str, _Node]] = {kind: {} for kind in KINDS}
    unknown: set[str] = set()  # kinds with a file whose id is unreadable: references to them are not judged
    for item in validated:
        _check_inner_ids(item, problems)
        problems += _exercise_problems(item)
    for node in nodes:
        if node.id is None:
            unknown.add(node.kind)
            continue
        table = by_kind[node.kind]
        if node.id in table:
            first = table[node.id].source
            line = first.position(("id",))[0]
            problems.append(node.source.problem(("id",), f"duplicate {node.kind} id '{node.id}'",
                                                hint=f"also defined in {first.display}:{line}"))
        else:
            table[node.id] = node
    course_nodes = [node for node in nodes if node.kind == "course"]
    if not course_nodes:
        return None, problems
    # complete[kind]: every reference to that kind was readable and found, so "unused" means unused
    complete = {kind: kind not in unknown for kind in KINDS}

    def resolve(owner: _Node, field_name: str) -> list[_Node]:
        """The files that one field of owner names, in order; a problem for each unknown or repeated id."""
        kind, single = next((k, one) for name, k, one in REFERENCE_FIELDS[owner.kind] if name == field_name)
        items, readable = owner.references[field_name]
        complete[kind] = complete[kind] and readable
        table, found, seen = by_kind[kind], [], set()
        for index, key in items:
            path = (field_name,) if single else (field_name, index)
            if key not in table:
                complete[kind] = False
                if kind not in unknown:
                    problems.append(owner.source.problem(path, f"no {kind} with id '{key}'"
                                                               f"{did_you_mean(key, table)}"))
            elif key in seen:
                problems.append(owner.source.problem(path, f"{kind} '{key}' is listed twice"))
            else:
                seen.add(key)
                found.append(table[key])
        return found

    course_node = course_nodes[0]
    modules = resolve(course_node, "modules")
    # Every file's lists, also of files that are unreachable or whose id is unreadable.
    lessons_of = {id(node): resolve(node, "lessons") for node in nodes if node.kind == "module"}
    # By any module, reachable or not: the lessons of an unreachable module are not reported too.
    listed_lessons = {lesson.id for listed in lessons_of.values() for lesson in listed}
    module_of_lesson: dict[str, _Node] = {}
    lesson_nodes: dict[str, _Node] = {}  # the lessons of the course, in teaching order
    for module in modules:
        for lesson in lessons_of[id(module)]:
            if lesson.id in module_of_lesson:
                index = next(i for i, key in module.references["lessons"][0] if key == lesson.id)
                problems.append(module.source.problem(
                    ("lessons", index),
                    f"lesson '{lesson.id}' is already listed in module '{module_of_lesson[lesson.id].id}'"))
                continue
            module_of_lesson[lesson.id] = module
            lesson_nodes[lesson.id] = lesson

    used = {"exercise": set(), "worksheet": set()}
    for lesson in (node for node in nodes if node.kind == "lesson"):
        used["exercise"].update(found.id for found in resolve(lesson, "exercises"))
        used["worksheet"].update(found.id for found in resolve(lesson, "worksheet"))

    reached_modules = {module.id for module in modules}
    for kind, reached, listed_in in (("module", reached_modules, "course.yml"),
                                     ("lesson", listed_lessons, "module.yml")):
        if not complete[kind]:
            continue
        for key, node in by_kind[kind].items():
            if key not in reached:
                problems.append(node.source.problem(
                    ("id",), f"{kind} '{key}' is not reachable from course.yml: no {listed_in} lists it",
                    hint=f"add '{key}' to the {kind}s of a {listed_in}, or delete the file"))
    for kind in ("exercise", "worksheet"):
        if not complete[kind]:
            continue
        for key, node in by_kind[kind].items():
            if key not in used[kind]:
                problems.append(node.source.problem(("id",), f"no lesson uses {kind} '{key}'",
                                                    hint=f"add it to a lesson's {kind}s", severity="warning"))

    # Where the course first shows each exercise and worksheet: an earlier check must come first.
    position: dict[tuple[str, str], tuple[int, int]] = {}
    for number, lesson in enumerate(lesson_nodes.values(), start=1):
        keys = [("exercise", key) for _, key in lesson.references["exercises"][0]]
        keys += [("worksheet", key) for _, key in lesson.references["worksheet"][0]]
        for index, key in enumerate(keys):
            position.setdefault(key, (number, index))
    problems += comparison_problems(validated, position)

    if partial or any(p.severity == "error" for p in problems):
        return None, problems
    model = lambda node: node.item.model  # noqa: E731
    bundle = CourseBundle(
        course=model(course_node),
        modules=[model(node) for node in modules],
        lessons={key: model(node) for key, node in lesson_nodes.items()},
        exercises={key: model(node) for key, node in sorted(by_kind["exercise"].items())},
        worksheets={key: model(node) for key, node in sorted(by_kind["worksheet"].items())},
        module_of_lesson={key: model(node) for key, node in module_of_lesson.items()},
        sources={(item.source.kind, getattr(item.model, "id", item.source.kind)): item.source.path
                 for item in validated},
        glossary=next((item.model for item in validated if item.source.kind == "glossary"), None),
    )
    # The ending and the cuts name items by id too; they can be judged once the course is linked.
    ending = reference_problems(bundle, lambda kind, key: by_kind[kind][key].source)
    return (None if ending else bundle), problems + ending


def _check_inner_ids(item: Validated, problems: list[Problem]) -> None:
    """Ids inside one file (worksheet prompts, self-assessment statements, glossary terms) must be unique too."""
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
    return tuple(name for name in ("prompts", "statements", "categories", "terms") if name in model.model_fields)


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
