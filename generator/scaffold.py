"""Scaffolding: `course new module|lesson|exercise|worksheet` writes a commented starter file and adds
its id to the right order list.

The starter file explains every field with the description from the models, so it cannot drift from
the format. The order list (course.yml modules, module.yml lessons, a lesson's exercises or worksheet)
is edited as text at the positions the loader reports, so the instructor's comments and layout stay
as they were. Nothing is written when anything is wrong: a duplicate id, an existing file, an owner
that cannot be found.
"""

from __future__ import annotations

import math
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from .errors import ContentError, did_you_mean, format_report
from .guide import field_default, field_description
from .load import SourceFile, load_content, load_file
from .models import EXERCISE_KINDS, MAX_ID_LENGTH, PROMPT_KINDS, Lesson, Module, Worksheet, is_id
from .schema import schema_comment
from .catalogue import speaking
from .language import declared_language
from .starters import texts as starter_texts
from .teaching import WORDS_PER_MINUTE, minutes_tolerance
from .validate import validate

EXERCISE_TYPES = [kind.model_fields["type"].annotation.__args__[0] for kind in EXERCISE_KINDS]
_MODEL_OF_TYPE = {kind.model_fields["type"].annotation.__args__[0]: kind
                  for kind in EXERCISE_KINDS + PROMPT_KINDS}
_WIDTH = 100


class ScaffoldError(Exception):
    """The new file cannot be created; the message says why and nothing was written."""


@dataclass
class Scaffolded:
    """What a `course new` command did."""

    created: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def slugify(title: str) -> str:
    """'Asking for Help!' -> 'asking-for-help', 'Café Déjà Vu' -> 'cafe-deja-vu', 'Straße' -> 'strasse',
    'Привет' -> 'privet'; a long title is cut at a word to fit an id. Symbols and emoji are dropped;
    a title of nothing else gives ''."""
    letters = "".join(" " if unicodedata.category(c).startswith("S") else c for c in title)
    key = re.sub(r"[^a-z0-9]+", "-", anyascii(letters).lower()).strip("-")
    while len(key) > MAX_ID_LENGTH and "-" in key:
        key = key.rsplit("-", 1)[0]
    return key[:MAX_ID_LENGTH]


# --- the commands -------------------------------------------------------------------------------


def first_lesson_title(content_dir: Path) -> str:
    """A new module's first lesson's title unless told: "Introduction" in the course's language."""
    with speaking(declared_language(content_dir)):
        return starter_texts()["introduction"]


def new_module(content_dir: Path, title: str, module_id: str | None = None, lesson_title: str | None = None,
               worksheet_title: str = "") -> Scaffolded:
    """A module folder with module.yml and a first lesson (a module needs one), listed in course.yml."""
    course = _Course(content_dir)
    lesson_title = lesson_title or course.starters()["introduction"]
    module_id = course.new_id("module", module_id, title)
    wanted = slugify(lesson_title)  # a generic title such as "Introduction" gets the module's id in front
    lesson_id = course.new_id("lesson", wanted if wanted not in course.ids("lesson") else f"{module_id}-{wanted}",
                              lesson_title)
    folder = content_dir / f"{len(course.ids('module')) + 1:02d}-{module_id}"
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists")
    course_file = course.owner("course", None)
    starters = course.starters()
    module_text = course.render(Module, folder / "module.yml", "module", {
        "id": module_id, "title": title,
        **starters["module"], "lessons": [lesson_id], "instructor_notes": starters["notes"]})
    result = Scaffolded()
    with course.transaction(result):
        course.write(folder / "module.yml", module_text, result)
        course.edit(course_file, lambda text: add_to_list(course_file, ("modules",), module_id, text), result)
        course.write_lesson(folder, lesson_id, lesson_title, worksheet_title, result)
    return result


def new_lesson(content_dir: Path, title: str, module_id: str, lesson_id: str | None = None,
               worksheet_title: str = "") -> Scaffolded:
    """A lesson in a module's lessons/ folder, listed last in the module; optionally a new worksheet."""
    course = _Course(content_dir)
    lesson_id = course.new_id("lesson", lesson_id, title)
    module_file = course.owner("module", module_id)
    result = Scaffolded()
    with course.transaction(result):
        course.edit(module_file, lambda text: add_to_list(module_file, ("lessons",), lesson_id, text), result)
        course.write_lesson(module_file.path.parent, lesson_id, title, worksheet_title, result)
    return result


def new_exercise(content_dir: Path, title: str, lesson_id: str, exercise_type: str,
                 exercise_id: str | None = None) -> Scaffolded:
    """An exercise of the given type, added to a lesson's exercises."""
    if exercise_type not in EXERCISE_TYPES:
        raise ScaffoldError(f"unknown exercise type '{exercise_type}'{did_you_mean(exercise_type, EXERCISE_TYPES)}; "
                            f"expected one of: {', '.join(EXERCISE_TYPES)}")
    course = _Course(content_dir)
    exercise_id = course.new_id("exercise", exercise_id, title)
    lesson_file = course.owner("lesson", lesson_id)
    path = lesson_file.path.parent.parent / "exercises" / f"{exercise_id}.yml"
    values = {"id": exercise_id, "type": exercise_type, "title": title, "minutes": 5,
              **course.starters()["exercises"][exercise_type]}
    text = course.render(_MODEL_OF_TYPE[exercise_type], path, "exercise", values)
    result = Scaffolded()
    with course.transaction(result):
        course.write(path, text, result)
        course.link_activity(lesson_file, "exercises", exercise_id, 5, result)
    return result


def new_worksheet(content_dir: Path, title: str, lesson_id: str, worksheet_id: str | None = None) -> Scaffolded:
    """A reflection worksheet, set as a lesson's worksheet (a lesson has at most one)."""
    course = _Course(content_dir)
    worksheet_id = course.new_id("worksheet", worksheet_id, title)
    lesson_file = course.owner("lesson", lesson_id)
    if lesson_file.data.get("worksheet"):
        raise ScaffoldError(f"lesson '{lesson_id}' already has the worksheet '{lesson_file.data['worksheet']}' "
                            f"({lesson_file.display}); a lesson has one worksheet")
    result = Scaffolded()
    with course.transaction(result):
        course.write_worksheet(lesson_file.path.parent.parent, worksheet_id, title, result)
        course.link_activity(lesson_file, "worksheet", worksheet_id, _WORKSHEET_MINUTES, result)
    return result


# --- the course being edited --------------------------------------------------------------------


class _Course:
    """The content folder as loaded, with what the commands need to look up and to change."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        if not (content_dir / "course.yml").is_file():
            raise ScaffoldError(f"no course.yml in {content_dir}: run this in the folder that holds content/, "
                                "or pass --content")
        try:
            self.sources, problems = load_content(content_dir)
        except ContentError as error:
            raise ScaffoldError(f"fix these problems first:\n{error}") from None
        if problems:
            raise ScaffoldError(f"fix these problems first:\n{format_report(problems)}")
        self.valid = {id(item.source) for item in validate(self.sources).files}
        self.schemas_dir = schemas_dir(content_dir)
        self.language = declared_language(content_dir)

    def starters(self) -> dict:
        """The starter texts in the course's language, where the interface catalogue has it."""
        with speaking(self.language):
            return starter_texts()

    def ids(self, kind: str) -> dict[str, SourceFile]:
        return {source.data.get("id"): source for source in self.sources
                if source.kind == kind and isinstance(source.data, dict) and source.data.get("id")}

    def new_id(self, kind: str, wanted: str | None, title: str) -> str:
        key = wanted or slugify(title)
        if not key:
            raise ScaffoldError(f"the title '{title}' has no letters or digits to make an id from: give one "
                                "with --id, such as --id first-steps")
        if not is_id(key):
            raise ScaffoldError(f"'{key}' is not a valid id: use lowercase letters, digits and hyphens, "
                                f"at most {MAX_ID_LENGTH} characters, not a device name such as 'con' "
                                "(give one with --id)")
        existing = self.ids(kind)
        if key in existing:
            raise ScaffoldError(f"a {kind} with id '{key}' already exists: {existing[key].display}; "
                                "choose another title or give an id with --id")
        return key

    def owner(self, kind: str, key: str | None) -> SourceFile:
        """The file a new item is listed in; it must be valid so that its lists can be found."""
        found = self.ids(kind)
        if key is None:
            source = next(iter(found.values()), None)
        else:
            source = found.get(key)
            if source is None:
                raise ScaffoldError(f"no {kind} with id '{key}'{did_you_mean(key, found)}; "
                                    f"known: {', '.join(sorted(found)) or 'none'}")
        if source is None or id(source) not in self.valid:
            raise ScaffoldError(f"{source.display if source else kind} has errors: run `course validate` "
                                "and fix them first")
        return source

    def render(self, model, path: Path, kind: str, values: dict) -> str:
        if path.exists():
            raise ScaffoldError(f"{path} already exists; not overwriting it")
        return starter_file(model, values, schema_comment(path, kind, self.schemas_dir))

    def write(self, path: Path, text: str, result: Scaffolded) -> None:
        if path.exists():
            raise ScaffoldError(f"{path} already exists; not overwriting it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        result.created.append(path)

    def edit(self, source: SourceFile, change, result: Scaffolded) -> None:
        """Apply change(text) -> text to a file, checking that the result still reads the same way."""
        before = source.path.read_text(encoding="utf-8")
        after = change(before)
        source.path.write_text(after, encoding="utf-8")
        self.backups.setdefault(source.path, before)
        reread, problems = load_file(source.path, source.kind)
        if problems:
            raise ScaffoldError(f"could not edit {source.display} safely:\n" + "\n".join(map(str, problems)))
        source.data, source.positions, source.key_positions = reread.data, reread.positions, reread.key_positions
        if source.path not in result.edited:
            result.edited.append(source.path)

    def transaction(self, result: Scaffolded):
        """Undo every file written or edited when a step fails."""
        course = self

        class _Undo:
            def __enter__(self):
                course.backups = {}

            def __exit__(self, kind, error, trace):
                if error is None:
                    return False
                for path in reversed(result.created):
                    path.unlink(missing_ok=True)
                for path, text in course.backups.items():
                    path.write_text(text, encoding="utf-8")
                result.created.clear()
                result.edited.clear()
                return False

        return _Undo()

    def write_lesson(self, module_folder: Path, lesson_id: str, title: str, worksheet_title: str,
                     result: Scaffolded) -> None:
        worksheet_id = self.new_id("worksheet", None, worksheet_title) if worksheet_title else None
        activities = [worksheet_id] if worksheet_id else []
        starters = self.starters()
        body = starters["lesson"]["body"]
        reading = math.ceil(len(body.split()) / WORDS_PER_MINUTE)
        values = {"id": lesson_id, "title": title,
                  "minutes": reading + (_WORKSHEET_MINUTES if worksheet_id else 0),
                  "objectives": [{"text": starters["lesson"]["objective"], "practised_by": activities}],
                  "sections": [{"heading": starters["introduction"], "body": body}],
                  "key_takeaways": starters["lesson"]["key_takeaways"],
                  "exercises": [],
                  "instructor_notes": starters["notes"]}
        if worksheet_id:
            values["worksheet"] = worksheet_id
        path = module_folder / "lessons" / f"{lesson_id}.yml"
        self.write(path, self.render(Lesson, path, "lesson", values), result)
        if worksheet_id:
            self.write_worksheet(module_folder, worksheet_id, worksheet_title, result)
        else:
            result.notes.append(f"lesson '{lesson_id}' has no exercise or worksheet yet, so its objective is "
                                f"not practised (a warning): add one with `course new exercise --lesson "
                                f"{lesson_id}` or `course new worksheet --lesson {lesson_id}`")

    def write_worksheet(self, module_folder: Path, worksheet_id: str, title: str, result: Scaffolded) -> None:
        path = module_folder / "worksheets" / f"{worksheet_id}.yml"
        starters = self.starters()
        values = {"id": worksheet_id, "title": title,
                  "intro": starters["worksheet"]["intro"],
                  "minutes": _WORKSHEET_MINUTES,
                  "prompts": [{"id": "first-thoughts", "type": "text", "label": starters["worksheet"]["label"],
                               "lines": 4}],
                  "instructor_notes": starters["notes"]}
        self.write(path, self.render(Worksheet, path, "worksheet", values), result)

    def link_activity(self, lesson_file: SourceFile, field_name: str, key: str, minutes: int,
                      result: Scaffolded) -> None:
        """List a new exercise or worksheet in its lesson, let empty practised_by lists name it, and keep
        the lesson's minutes in line with its parts."""
        def change(text: str) -> str:
            if field_name == "worksheet":
                text = set_scalar(lesson_file, "worksheet", key, text)
            else:
                text = add_to_list(lesson_file, ("exercises",), key, text)
            return text

        self.edit(lesson_file, change, result)
        for index, objective in enumerate(lesson_file.data.get("objectives") or []):
            if isinstance(objective, dict) and objective.get("practised_by") == []:
                path = ("objectives", index, "practised_by")
                self.edit(lesson_file, lambda text, path=path: add_to_list(lesson_file, path, key, text), result)
                result.notes.append(f"objective {index + 1} of lesson '{lesson_file.data['id']}' is now "
                                    f"practised by '{key}'")
        self._update_minutes(lesson_file, result)

    def _update_minutes(self, lesson_file: SourceFile, result: Scaffolded) -> None:
        data = lesson_file.data
        minutes = data.get("minutes")
        if not isinstance(minutes, int):
            return
        exercises = self.ids("exercise")
        parts = math.ceil(sum(len(str(s.get("body", "")).split()) for s in data.get("sections") or []
                              if isinstance(s, dict)) / WORDS_PER_MINUTE)
        for eid in data.get("exercises") or []:
            parts += _minutes_of(exercises.get(eid), 5)
        if data.get("worksheet"):
            parts += _minutes_of(self.ids("worksheet").get(data["worksheet"]), _WORKSHEET_MINUTES)
        if abs(minutes - parts) > minutes_tolerance(minutes):
            self.edit(lesson_file, lambda text: set_scalar(lesson_file, "minutes", str(parts), text), result)
            result.notes.append(f"lesson '{data['id']}' now takes {parts} minutes (was {minutes}), "
                                "the sum of its reading time and activities")


def _minutes_of(source: SourceFile | None, default: int) -> int:
    """An activity's minutes; a file written in this command is read from disk."""
    if source is None:
        return default
    value = source.data.get("minutes", default) if isinstance(source.data, dict) else default
    return value if isinstance(value, int) else default


def schemas_dir(content_dir: Path) -> Path:
    """The repository's schemas/ folder: the nearest one above the content folder."""
    for folder in [content_dir.resolve(), *content_dir.resolve().parents]:
        if (folder / "schemas").is_dir():
            return folder / "schemas"
    return content_dir.resolve().parent / "schemas"


# --- minimal text edits at the loader's positions ------------------------------------------------


def add_to_list(source: SourceFile, path: tuple, key: str, text: str) -> str:
    """Append key to the list at path (block `- a` lines or flow `[a, b]`), keeping everything else."""
    lines = text.splitlines(keepends=True)
    value = _get(source.data, path)
    if value is None:
        if len(path) != 1:
            raise ScaffoldError(f"{source.display}: cannot find {path} to add '{key}' to")
        return set_scalar(source, path[0], f"[{key}]", text)
    if not isinstance(value, list):
        raise ScaffoldError(f"{source.display}: '{path[-1]}' is not a list")
    line, column = source.positions[path]
    current = lines[line - 1]
    if current[column - 1:column] == "[":  # a flow list: [a, b]
        if not value:
            lines[line - 1] = current[:column] + key + current[column:]
            return "".join(lines)
        last_line, last_column = source.positions[path + (len(value) - 1,)]
        current = lines[last_line - 1]
        end = _scalar_end(current, last_column - 1)
        lines[last_line - 1] = current[:end] + f", {key}" + current[end:]
        return "".join(lines)
    last_line, last_column = source.positions[path + (len(value) - 1,)]
    prefix = lines[last_line - 1][:last_column - 1]
    if prefix.strip() != "-":
        raise ScaffoldError(f"{source.display}:{last_line}: cannot add '{key}' after this line; add it by hand")
    lines.insert(last_line, f"{prefix}{key}\n")
    if not lines[last_line - 1].endswith("\n"):
        lines[last_line - 1] += "\n"
    return "".join(lines)


def set_scalar(source: SourceFile, name: str, value: str, text: str) -> str:
    """Set a top-level field to a one-line value: in place when present, else as a new last line."""
    lines = text.splitlines(keepends=True)
    if (name,) in source.key_positions:
        line, _ = source.key_positions[(name,)]
        current = lines[line - 1]
        old = source.data.get(name)
        if old is None:
            lines[line - 1] = current[:current.index(":") + 1] + f" {value}" + _comment(current) + "\n"
        else:
            value_line, value_column = source.positions[(name,)]
            current = lines[value_line - 1]
            end = _scalar_end(current, value_column - 1)
            lines[value_line - 1] = current[:value_column - 1] + value + current[end:]
        return "".join(lines)
    for index, line in enumerate(lines):  # a starter file's commented-out field: fill it in
        if re.match(rf"# {re.escape(name)}: \S*\s*$", line):
            lines[index] = f"{name}: {value}\n"
            return "".join(lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines) + f"{name}: {value}\n"


def _scalar_end(line: str, start: int) -> int:
    """Where a one-line scalar that begins at line[start] ends."""
    if line[start:start + 1] in ("'", '"'):
        return line.index(line[start], start + 1) + 1
    match = re.match(r"[^,\]\}#\n]*[^,\]\}#\s]", line[start:])
    return start + (len(match.group(0)) if match else 0)


def _comment(line: str) -> str:
    match = re.search(r"\s+#.*$", line.rstrip("\n"))
    return match.group(0) if match else ""


def _get(data, path: tuple):
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


# --- starter files, explained from the models ----------------------------------------------------

_WORKSHEET_MINUTES = Worksheet.model_fields["minutes"].default

def starter_file(model: type[BaseModel], values: dict, first_line: str) -> str:
    """A YAML file with values, each field explained by a comment from the model; the optional fields
    left out are shown commented out with their defaults."""
    header = [first_line,
              f"# {_one_line(model.__doc__)}",
              "# Lines starting with # are comments. Every field is explained above it; see the authoring",
              "# guide (For instructors) for examples. Check your work with: course validate"]
    return "\n".join(header + [""] + _fields(model, values, "")) + "\n"


def _fields(model: type[BaseModel], values: dict, pad: str) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        lines += _wrap(f"{name}: {_field_note(name, info, model)}", pad)
        if name in values:
            lines += _value(name, values[name], info.annotation, pad)
        else:
            lines.append(f"{pad}# {name}: {_inline(_default(info))}")
    return lines


def _value(name: str, value, annotation, pad: str) -> list[str]:
    if isinstance(value, str) and "\n" in value:
        return [f"{pad}{name}: |"] + [f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        lines = [f"{pad}{name}:"]
        for index, item in enumerate(value):
            item_model = _item_model(annotation, item)
            entry = _fields(item_model, item, pad + "    ") if index == 0 else \
                [line for line in _fields(item_model, item, pad + "    ") if not line.lstrip().startswith("#")]
            if index == 0:
                lines += _wrap(f"each item: {_one_line(item_model.__doc__)}", pad + "  ")
            first = next(i for i, line in enumerate(entry) if not line.lstrip().startswith("#"))
            # The first field's comments stand level with the item's dash.
            lines += [f"{pad}  {line.lstrip()}" for line in entry[:first]]
            lines += [f"{pad}  - {entry[first].lstrip()}"] + entry[first + 1:]
        return lines
    if isinstance(value, list) and value and not all(re.fullmatch(r"[a-z0-9-]+", str(v)) for v in value):
        return [f"{pad}{name}:"] + [f"{pad}  - {_inline(item)}" for item in value]
    return [f"{pad}{name}: {_inline(value)}"]


def _item_model(annotation, item: dict) -> type[BaseModel]:
    """The model of a list's items; for a list of prompts, the one its 'type' names."""
    if item.get("type") in _MODEL_OF_TYPE:
        return _MODEL_OF_TYPE[item["type"]]
    inner = annotation.__args__[0]
    return getattr(inner, "__origin__", None) and inner.__args__[0] or inner


def _field_note(name: str, info, model) -> str:
    description = field_description(name, info, model)
    if info.is_required():
        return f"{description} Required."
    default = _default(info)
    if default in ("", [], None):
        return f"{description} Optional."
    return f"{description} Optional; default {_inline(default)}."


def _default(info):
    default = field_default(info)
    return None if default is PydanticUndefined else default


def _inline(value) -> str:
    """A value as one line of YAML."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item) for item in value) + "]"
    text = str(value)
    if text == "" or re.search(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$", text) or \
            text.lower() in ("true", "false", "yes", "no", "null", "on", "off") or re.fullmatch(r"[\d.+-]+", text):
        return "'" + text.replace("'", "''") + "'"
    return text


def _wrap(text: str, pad: str) -> list[str]:
    return [f"{pad}# {line}" for line in textwrap.wrap(text, _WIDTH - len(pad) - 2)]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())

