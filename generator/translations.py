"""Stage 1b, translate: the texts of a course in each language that course.yml lists in `translations`.

A translation sits beside its source file, named with the language's tag (`lessons/self-compassion.es.yml`
translates `lessons/self-compassion.yml`), and holds only the source's texts: the fields the models mark
plain text or Markdown, in the same nesting, lists with one item for each of the source's in the same
order. Everything else (ids, order, kinds, numbers, true/false settings, links by id, media files)
comes from the source only, so each language's site has the same pages and the same ids, and a
learner's saved answers (keyed by the course id and these ids) follow them from one language to
another. A field left out, or written `~`, is not translated yet: the source's text is shown.

`source_hashes` in a translation records a hash of each source text it translated (written by
`course translations update`): the teaching check reports a translation whose source text has
changed since (translation_status.py).
"""

from __future__ import annotations

import copy
import types
from dataclasses import dataclass, field
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from .errors import Problem, did_you_mean, plural
from .language import language_name, language_problem
from .load import TRANSLATION_NAME, SourceFile, describe
from .models import MODEL_OF_KIND, TextFormat

HASHES_FIELD = "source_hashes"
_STRUCTURE_HINT = ("remove it: ids, order, kinds, numbers, true/false settings, links by id and media files "
                   "come from the source file in every language")


@dataclass
class Translation:
    """A translation file paired with its source, and the texts it translates by data path (None:
    written `~`, not translated yet)."""

    file: SourceFile
    source: SourceFile
    language: str
    texts: dict[tuple, str | None] = field(default_factory=dict)


# --- which fields are texts ---------------------------------------------------------------------

def _shape(annotation):
    """("text",), ("list", shape), ("model", classes) or ("structure",) for a type annotation."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *metadata = get_args(annotation)
        return ("text",) if any(isinstance(m, TextFormat) for m in metadata) else _shape(inner)
    if origin in (Union, types.UnionType):
        members = [member for member in get_args(annotation) if member is not type(None)]
        if len(members) == 1:
            return _shape(members[0])
        if all(isinstance(m, type) and issubclass(m, BaseModel) for m in members):
            return ("model", tuple(members))
        return ("structure",)
    if origin is list:
        inner = _shape(get_args(annotation)[0])
        return ("list", inner) if inner[0] != "structure" else ("structure",)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", (annotation,))
    return ("structure",)


def field_shape(info) -> tuple:
    """The shape of a model field: text when the models mark it plain text or Markdown."""
    if any(isinstance(m, TextFormat) for m in info.metadata):
        return ("text",)
    return _shape(info.annotation)


def model_for(classes: tuple, data) -> type:
    """The kind of exercise or prompt a source mapping is, by its `type`."""
    if len(classes) > 1 and isinstance(data, dict):
        for cls in classes:
            literal = cls.model_fields.get("type")
            if literal is not None and data.get("type") in get_args(literal.annotation):
                return cls
    return classes[0]


def kind_shape(kind: str) -> tuple:
    return _shape(MODEL_OF_KIND[kind])


def source_texts(shape: tuple, data, path: tuple = ()):
    """(data path, text) of every text of a source file's data that a translation can translate."""
    if shape[0] == "text":
        if isinstance(data, str) and data.strip():
            yield path, data
    elif shape[0] == "list" and isinstance(data, list):
        for index, item in enumerate(data):
            yield from source_texts(shape[1], item, path + (index,))
    elif shape[0] == "model" and isinstance(data, dict):
        model = model_for(shape[1], data)
        for key, value in data.items():
            info = model.model_fields.get(key)
            if info is not None:
                yield from source_texts(field_shape(info), value, path + (key,))


# --- pairing and checking -----------------------------------------------------------------------

def translations_of(sources: list[SourceFile], languages: list[str], source_language: str,
                    languages_listed_at: SourceFile | None) -> tuple[list[Translation], list[Problem]]:
    """Every translation file paired with its source and checked against it; the problems found.

    languages: course.yml's `translations`; languages_listed_at: course.yml, for its list's problems.
    """
    problems = _list_problems(languages_listed_at, languages, source_language) if languages_listed_at else []
    originals = {source.path: source for source in sources if source.kind != "translation"}
    found = []
    for file in (source for source in sources if source.kind == "translation"):
        if file.data is None:
            continue  # unreadable: reported by load
        match = TRANSLATION_NAME.match(file.path.name)
        tag = match["tag"]
        source = originals.get(file.path.with_name(f"{match['stem']}.yml")) or originals.get(
            file.path.with_name(f"{match['stem']}.yaml"))
        problem = _name_problem(file, tag, source, languages, source_language, originals)
        if problem:
            problems.append(problem)
            continue
        if source.data is None:
            continue  # the source did not load: its own problems are reported
        first = next((t.file for t in found if t.source is source and t.language == tag), None)
        if first is not None:  # x.es.yml and x.es.yaml
            problems.append(Problem(file.display, 1, 1, "", f"a second {language_name(tag)} translation of "
                                    f"{source.path.name} (the first is {first.path.name})",
                                    "keep one of the two files"))
            continue
        translation = Translation(file, source, tag)
        _compare(kind_shape(source.kind), file.data, source.data, (), translation, problems)
        found.append(translation)
    return found, problems


def _list_problems(course: SourceFile, languages: list[str], source_language: str) -> list[Problem]:
    problems, seen = [], {}
    for index, tag in enumerate(languages):
        if not isinstance(tag, str) or language_problem(tag):
            continue  # the model reports it
        if tag == source_language:
            problems.append(course.problem(("translations", index), f"'{tag}' is the course's own language "
                                           f"(language: {source_language}): list only the languages it is "
                                           "translated into"))
        elif tag in seen:
            problems.append(course.problem(("translations", index), f"'{tag}' is listed twice (first as "
                                           f"translations[{seen[tag]}])"))
        seen.setdefault(tag, index)
    return problems


def _name_problem(file: SourceFile, tag: str, source: SourceFile | None, languages: list[str],
                  source_language: str, originals: dict) -> Problem | None:
    """What is wrong with a translation's file name: its language, or no source beside it."""
    def problem(message, hint=""):
        return Problem(file.display, 1, 1, "", message, hint)

    wrong = language_problem(tag)
    if wrong:
        return problem(f"the file name's language: {wrong}",
                       "a translation is named <source name>.<language tag>.yml, for example "
                       "self-compassion.es.yml")
    if source is None:
        neighbours = [path.stem for path in originals if path.parent == file.path.parent]
        stem = TRANSLATION_NAME.match(file.path.name)["stem"]
        return problem(f"translation of '{stem}.yml', which does not exist{did_you_mean(stem, neighbours)}",
                       "a translation sits beside its source file and takes its name")
    if tag == source_language:
        return problem(f"'{tag}' is the course's own language: {source.path.name} is the {language_name(tag)} text",
                       "delete this file, or translate into another language")
    if tag not in languages:
        listed = ", ".join(languages) if languages else "none"
        return problem(f"course.yml does not list '{tag}' in translations{did_you_mean(tag, languages)}",
                       f"add it to 'translations:' in course.yml (listed now: {listed})")
    return None


def _compare(shape: tuple, value, original, path: tuple, translation: Translation,
             problems: list[Problem]) -> None:
    """Check a translation's value against the source's at path, recording its texts."""
    file, name = translation.file, translation.source.path.name
    if value is None:
        return  # `~`: not translated yet
    if shape[0] == "text":
        if not isinstance(value, str):
            problems.append(file.problem(path, f"expected text, found {describe(value)}"))
        elif not value.strip():
            problems.append(file.problem(path, "the translation is empty",
                                         hint="leave the field out, or write ~, while it is not translated"))
        else:
            translation.texts[path] = value
        return
    if shape[0] == "list":
        if not isinstance(value, list):
            problems.append(file.problem(path, f"expected a list of {len(original)} items, as in {name}, "
                                               f"found {describe(value)}"))
        elif len(value) != len(original):
            problems.append(file.problem(path, f"{plural(len(value), 'item')}, but {name} has {len(original)}: a "
                                               "translation has one item for each of the source's, in the same order",
                                         key=True))
        else:
            for index, (item, source_item) in enumerate(zip(value, original)):
                _compare(shape[1], item, source_item, path + (index,), translation, problems)
        return
    if not isinstance(value, dict):
        problems.append(file.problem(path, f"expected the texts of {name}'s mapping (key: value lines), "
                                           f"found {describe(value)}"))
        return
    model = model_for(shape[1], original)
    for key, item in value.items():
        here = path + (key,)
        if not path and key == HASHES_FIELD:
            _check_hashes(file, item, problems)
            continue
        info = model.model_fields.get(key)
        if info is None:
            texts = [k for k, i in model.model_fields.items() if field_shape(i)[0] != "structure"]
            problems.append(file.problem(here, f"unknown field '{key}'{did_you_mean(key, texts)}", key=True))
            continue
        item_shape = field_shape(info)
        if item_shape[0] == "structure":
            problems.append(file.problem(here, f"structure, not text: it comes from {name} only",
                                         hint=_STRUCTURE_HINT, key=True))
        elif original.get(key) in (None, "", [], {}):
            problems.append(file.problem(here, f"{name} has no '{key}' to translate",
                                         hint=f"translate only what {name} says: set it there first", key=True))
        else:
            _compare(item_shape, item, original[key], here, translation, problems)


def _check_hashes(file: SourceFile, value, problems: list[Problem]) -> None:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        problems.append(file.problem((HASHES_FIELD,), "expected field paths with the hash of the source text "
                                     "each translates, as `course translations update` writes them",
                                     hint="delete the block and run `course translations update` again"))


# --- the course in one language -----------------------------------------------------------------

def translate(sources: list[SourceFile], translations: list[Translation], language: str) -> list[SourceFile]:
    """The course's files in `language`: each source with its translation's texts put in, course.yml
    saying the language. Problems found in a translated text point at the translation file."""
    by_source = {id(t.source): t for t in translations if t.language == language}
    result = []
    for source in sources:
        if source.kind == "translation":
            continue
        translation = by_source.get(id(source))
        if translation is None and source.kind != "course":
            result.append(source)
            continue
        data = copy.deepcopy(source.data)
        if translation is not None:
            for path, text in translation.texts.items():
                if text is not None:
                    _put(data, path, text)
        if source.kind == "course" and isinstance(data, dict):
            data["language"] = language
        file = translation.file if translation is not None else source
        result.append(SourceFile(path=source.path, display=file.display, kind=source.kind, data=data,
                                 positions={**source.positions, **file.positions},
                                 key_positions={**source.key_positions, **file.key_positions}))
    return result


def _put(data, path: tuple, value) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value
