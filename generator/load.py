"""Stage 1, load: find the content files and read them as plain data with source positions.

YAML is composed into nodes with a safe loader (libyaml's when present, with the same positions),
then turned into dicts, lists and scalars by hand so that every value keeps its line and column and
so that no tag can build a Python object.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, Problem
from .yaml_text import MAX_DEPTH, find_too_deep, scalar_value, syntax_problem, text_problems, yaml12

_PythonLoader = yaml12(yaml.SafeLoader)
_Loader = yaml12(yaml.CSafeLoader) if yaml.__with_libyaml__ else _PythonLoader

# The only tags a content file may carry: YAML's own plain types.
_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")}
_MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")

KINDS = ("course", "module", "lesson", "exercise", "worksheet", "glossary")
_KIND_BY_FOLDER = {"lessons": "lesson", "exercises": "exercise", "worksheets": "worksheet"}
# A translation beside its source file: lessons/self-compassion.es.yml translates self-compassion.yml
# (ids have no dots). Read as kind "translation", never as a content file of its own (translations.py).
TRANSLATION_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<tag>[^.]+)\.(?P<extension>ya?ml)$")


@dataclass
class SourceFile:
    """One content file: its kind, its data, and where each value stands in the file."""

    path: Path
    display: str  # the path as shown in messages
    kind: str
    data: object = None
    # (key, index, ...) -> (line, column), 1-based; "value" positions and, for mapping keys, "key" positions
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at path, or of its key; falls back to the nearest parent."""
        table = self.key_positions if key else self.positions
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.positions:
                return self.positions[path]
        return (1, 1)

    def value_at(self, path: tuple):
        """The data at path, or None."""
        value = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value

    def problem(self, path: tuple, message: str, *, field: str | None = None, hint: str = "",
                key: bool = False, severity: str = "error") -> Problem:
        from .errors import field_path

        # A problem with a whole list or mapping is shown at its key's line, not at its first item.
        key = key or (path in self.key_positions and isinstance(self.value_at(path), (list, dict)))
        line, column = self.position(path, key=key)
        return Problem(self.display, line, column, field_path(path) if field is None else field,
                       message, hint, severity)


def display_path(path: Path) -> str:
    """Relative to the working folder when inside it, so messages stay short and clickable."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def find_content_files(content_dir: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Every YAML file below content_dir with its kind, sorted; files of no known kind are problems."""
    found, problems = [], []
    for path in _yaml_files(content_dir):
        kind = _kind_of(path.relative_to(content_dir))
        if kind is None:
            problems.append(Problem(display_path(path), 1, 1, "", "file is not reachable from course.yml: "
                                    "it is not course.yml, glossary.yml, a module.yml, or in a lessons/, "
                                    "exercises/ or worksheets/ folder",
                                    hint="move it into the folder for its kind, or delete it"))
        else:
            found.append((path, kind))
    if not (content_dir / "course.yml").is_file():
        problems.append(Problem(display_path(content_dir / "course.yml"), 1, 1, "",
                                "no course.yml: every course starts from content/course.yml"))
    return found, problems


def _yaml_files(content_dir: Path) -> list[Path]:
    """The .yml and .yaml files below content_dir, sorted, skipping hidden files and folders.

    os.walk rather than Path.rglob: several times faster on a course of thousands of files, which
    matters when `mkdocs serve` rescans the folder on every save.
    """
    paths = []
    for folder, subfolders, names in os.walk(content_dir, followlinks=True):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        paths.extend(Path(folder, name) for name in names
                     if name.endswith((".yml", ".yaml")) and not name.startswith(".")
                     and os.path.isfile(os.path.join(folder, name)))
    return sorted(paths)


def _kind_of(rel: Path) -> str | None:
    translation = TRANSLATION_NAME.match(rel.name)
    if translation:
        return "translation" if _kind_of(rel.with_name(f"{translation['stem']}.yml")) else None
    if rel.as_posix() in ("course.yml", "glossary.yml"):
        return rel.stem
    if rel.name == "module.yml" and len(rel.parts) == 2:
        return "module"
    if len(rel.parts) >= 2:
        return _KIND_BY_FOLDER.get(rel.parts[-2])
    return None


def load_file(path: Path, kind: str) -> tuple[SourceFile, list[Problem]]:
    """Read one file. Returns the file (data None when unreadable) and the problems found."""
    source = SourceFile(path=path, display=display_path(path), kind=kind)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return source, [Problem(source.display, line, column, "",
                                f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                hint="save the file with UTF-8 encoding in your editor")]
    # Characters YAML refuses, or reads as line breaks where editors show none, at their own line.
    problems = text_problems(source.display, text)
    if problems:
        return source, problems
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" not in str(exc.problem):  # libyaml's own limit, at 1,000 levels
            return source, [syntax_problem(source.display, text, exc)]
        line, column = find_too_deep(text, _Loader)
        return source, [Problem(source.display, line, column, "", _TOO_DEEP, hint=_TOO_DEEP_HINT)]
    except yaml.YAMLError as exc:  # anything else the reader refuses
        return source, [Problem(source.display, 1, 1, "", f"invalid YAML: {exc}")]
    except RecursionError:  # the pure-Python composer recurses, some hundreds of levels down
        line, column = find_too_deep(text, _Loader)
        return source, [Problem(source.display, line, column, "", _TOO_DEEP, hint=_TOO_DEEP_HINT)]
    if node is None:
        return source, [Problem(source.display, 1, 1, "", f"file is empty: expected the fields of {a(kind)}")]
    builder = _DataBuilder(source)
    try:
        source.data = builder.build(node, ())
    except _TooLarge as exc:
        mark = exc.args[0].start_mark
        return source, [Problem(source.display, mark.line + 1, mark.column + 1, "",
                                "file is too large or uses too many aliases")]
    except _TooDeep as exc:
        mark = exc.args[0].start_mark
        return source, [Problem(source.display, mark.line + 1, mark.column + 1, "", _TOO_DEEP,
                                hint=_TOO_DEEP_HINT)]
    if not builder.problems and not isinstance(source.data, dict):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        builder.problems.append(Problem(source.display, line, column, "",
                                        f"expected the fields of {a(kind)} (key: value lines), "
                                        f"found {describe(source.data)}"))
    if builder.problems:
        source.data = None
    return source, builder.problems


_TOO_DEEP = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
_TOO_DEEP_HINT = "no content file needs more than a few levels: look for a missing value or a stray '[' or '-'"


def a(noun: str) -> str:
    """'a lesson', 'an exercise'."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


class _TooLarge(Exception):
    """Raised with the node at which a file passed the size limit."""


class _TooDeep(Exception):
    """Raised with the first node nested deeper than MAX_DEPTH."""


class _DataBuilder:
    """Turns composed YAML nodes into plain data, recording positions and refusing unsafe tags."""

    def __init__(self, source: SourceFile):
        self.source = source
        self.problems: list[Problem] = []
        self.count = 0
        self.open: set[int] = set()  # the collections being built: an alias to one of them is a loop

    def build(self, node, path: tuple, depth: int = 0):
        self.count += 1
        if self.count > _MAX_NODES:
            raise _TooLarge(node)
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        self.source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(node, path, f"YAML tag '{tag}' is not allowed: content files hold only text, "
                                      "numbers, true/false, lists and mappings",
                          hint="remove the tag; tags that build program objects are refused for safety")
            return None
        if isinstance(node, yaml.ScalarNode):
            value, error = scalar_value(node)
            if error:
                self._problem(node, path, error[0], hint=error[1])
            return value
        if id(node) in self.open:
            self._problem(node, path, "this alias refers to the list or mapping it is inside, which "
                                      "would repeat it forever",
                          hint="remove the alias ('*name'), or point it at an anchor defined elsewhere")
            return None
        self.open.add(id(node))
        try:
            return self._collection(node, path, depth + 1)
        finally:
            self.open.discard(id(node))

    def _collection(self, node, path: tuple, depth: int):
        if isinstance(node, yaml.MappingNode):
            result, seen = {}, {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path + ("<key>",), depth)
                if not isinstance(key, str):
                    self._problem(key_node, path, f"field names must be text, found {describe(key)}")
                    continue
                if key in seen:
                    self._problem(key_node, path + (key,), f"duplicate field '{key}' "
                                                           f"(first given on line {seen[key]})")
                    continue
                seen[key] = key_node.start_mark.line + 1
                self.source.key_positions[path + (key,)] = (key_node.start_mark.line + 1,
                                                            key_node.start_mark.column + 1)
                result[key] = self.build(value_node, path + (key,), depth)
            self.source.positions.pop(path + ("<key>",), None)
            return result
        return [self.build(item, path + (index,), depth) for index, item in enumerate(node.value)]

    def _problem(self, node, path, message, hint=""):
        from .errors import field_path

        self.problems.append(Problem(self.source.display, node.start_mark.line + 1,
                                     node.start_mark.column + 1, field_path(path), message, hint))


def describe(value) -> str:
    """How a value reads to an instructor: 'a list', 'the number 3', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "a text"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def load_content(content_dir: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Load every content file below content_dir.

    Returns the files (data None for those that could not be read) and every problem found, so
    that later stages can go on with the readable files and report all problems of a run at once.
    """
    if not content_dir.is_dir():
        raise ContentError([Problem(display_path(content_dir), 1, 1, "", "content folder not found")])
    found, problems = find_content_files(content_dir)
    sources = []
    for path, kind in found:
        source, file_problems = load_file(path, kind)
        problems.extend(file_problems)
        sources.append(source)
    return sources, problems
