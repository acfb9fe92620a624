"""Stage 2, validate: plain data to typed models, with pydantic's errors told in an instructor's terms.

Friendly messages are keyed on pydantic's error `type`, never on its message text, and each error's
location is mapped back to the line and column of the YAML node it is about.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem, did_you_mean, field_path, plural
from .load import SourceFile, describe
from .models import MAX_CHOICES, MODEL_OF_KIND, REFERENCE_FIELDS, is_id

_ADAPTERS = {kind: TypeAdapter(model) for kind, model in MODEL_OF_KIND.items()}


@dataclass(frozen=True)
class Validated:
    """A content file and the model read from it."""

    source: SourceFile
    model: BaseModel


@dataclass(frozen=True)
class Partial:
    """What a file that failed to load or validate still tells the cross-file checks.

    Its problems are reported already; with its id and its lists of ids the checks of the other
    files go on as if it were valid, so that one mistake gives one error, not a cascade.
    """

    source: SourceFile
    id: str | None  # None when unreadable: references to its kind cannot be judged
    # field -> (the readable ids with their index in the list, whether every item was readable)
    references: dict[str, tuple[tuple[tuple[int, str], ...], bool]]


@dataclass
class Validation:
    files: list[Validated]
    problems: list[Problem]
    partial: list[Partial]  # files that exist but did not validate


def validate(sources: list[SourceFile]) -> Validation:
    """Validate every loaded file against the model of its kind; all problems at once."""
    result = Validation([], [], [])
    for source in sources:
        if source.kind == "translation":  # only texts, checked against its source (translations.py)
            continue
        if source.data is None:  # unreadable: reported by load
            result.partial.append(_partial(source))
            continue
        try:
            model = _ADAPTERS[source.kind].validate_python(source.data)
        except ValidationError as exc:
            errors = _without_echoes(source, exc.errors(include_url=False))
            result.problems.extend(_problem(source, error) for error in errors)
            result.partial.append(_partial(source))
        else:
            result.files.append(Validated(source, model))
    return result


_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([a-z0-9-]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def _partial(source: SourceFile) -> Partial:
    """The id and reference lists of a file, read leniently from its raw data (or text)."""
    data = source.data if isinstance(source.data, dict) else {}
    key = data.get("id")
    if source.data is None:  # YAML that did not parse: its id line may still be plain
        try:
            match = _ID_LINE.search(source.path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            match = None
        key = match.group(1) if match else None
    references = {}
    for field, _, single in REFERENCE_FIELDS.get(source.kind, ()):
        model_field = MODEL_OF_KIND[source.kind].model_fields[field]
        if source.data is None or (field not in data and model_field.is_required()):
            references[field] = ((), False)
            continue
        value = data.get(field)
        items = ([] if value is None else [value]) if single else value if isinstance(value, list) else None
        if items is None:
            references[field] = ((), False)
            continue
        readable = tuple((index, item) for index, item in enumerate(items) if is_id(item))
        references[field] = (readable, len(readable) == len(items))
    return Partial(source, key if is_id(key) else None, references)


def _without_echoes(source: SourceFile, errors: list[dict]) -> list[dict]:
    """Drop 'missing field x' where an unknown field next to it is x misspelt: one typo, one error."""
    root = MODEL_OF_KIND[source.kind]
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            fields = _fields_at(root, error["loc"][:-1])
            suggestion = did_you_mean(error["loc"][-1], fields)
            if suggestion:
                misspelt.add((error["loc"][:-1], suggestion.split("'")[1]))
    return [error for error in errors
            if not (error["type"] == "missing" and (error["loc"][:-1], error["loc"][-1]) in misspelt)]


def _problem(source: SourceFile, error: dict) -> Problem:
    root = MODEL_OF_KIND[source.kind]
    loc = error["loc"]
    kind = error["type"]
    path = _data_path(source.data, loc)
    value = error.get("input")
    ctx = error.get("ctx", {})

    if kind == "missing":
        return source.problem(path[:-1], f"missing required field '{path[-1]}'",
                              hint=_expected_hint(root, loc))
    if kind == "extra_forbidden":
        fields = _fields_at(root, loc[:-1])
        return source.problem(path, f"unknown field '{path[-1]}'{did_you_mean(path[-1], fields)}",
                              field=field_path(path[:-1]), key=True, hint=f"allowed fields: {', '.join(fields)}" if fields else "")
    if kind == "union_tag_invalid":
        tags = _tags_at(root, loc)
        given = source.value_at(path + ("type",))
        if given is None or given == "":
            return source.problem(path + ("type",), "the type is empty: say which kind this is",
                                  hint=f"expected one of: {', '.join(tags)}")
        if not isinstance(given, str):
            return source.problem(path + ("type",), f"expected a type name, found {describe(given)}",
                                  hint=f"expected one of: {', '.join(tags)}")
        return source.problem(path + ("type",), f"unknown type '{given}'"
                              f"{did_you_mean(given, tags)}", hint=f"expected one of: {', '.join(tags)}")
    if kind == "union_tag_not_found":
        hint = f"expected one of: {', '.join(_tags_at(root, loc))}"
        given = source.value_at(path)
        misspelt = [key for key in given if did_you_mean(key, ["type"])] if isinstance(given, dict) else []
        if misspelt:  # the kind cannot be known, so this is the only field that can be judged
            return source.problem(path + (misspelt[0],), f"unknown field '{misspelt[0]}' (did you mean "
                                  "'type'?)", field=field_path(path), key=True, hint=hint)
        return source.problem(path, "missing required field 'type'", hint=hint)
    if kind == "string_too_short" and isinstance(source.value_at(path), str) and source.value_at(path):
        kind = "blank_text"  # stripped of its spaces before the length was checked
        error = {**error, "msg": "must not be empty (it holds only spaces)"}
    if kind == "range_order":  # a rule between two fields, reported at the one the model names
        path = path + (ctx["field"],)
    return source.problem(path, _message(kind, value, ctx, error["msg"]), hint=_hint(kind, value, ctx))


def _message(kind: str, value, ctx: dict, fallback: str) -> str:
    found = describe(value)
    if kind in ("string_type", "str_type"):
        return f"expected text, found {found}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters, found {len(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {found}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {found}"
    if kind == "list_type":
        return f"expected a list, found {found}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value lines), found {found}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id: use lowercase letters, digits and hyphens"
    if kind == "too_short":
        return f"needs at least {plural(ctx.get('min_length'), 'item')}, found {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"allows at most {plural(ctx.get('max_length'), 'item')}, found {ctx.get('actual_length')}"
    bounds = {"greater_than": "greater than", "greater_than_equal": "at least",
              "less_than": "less than", "less_than_equal": "at most"}
    if kind in bounds:
        limit = next(iter(ctx.values()))
        return f"must be {bounds[kind]} {limit}, found {found}"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = [part.strip(" '") for part in expected.replace(" or ", ",").split(",")]
        return f"expected {expected}, found {found}{did_you_mean(value, choices)}"
    if kind == "value_error":
        return fallback.removeprefix("Value error, ")
    return fallback[0].lower() + fallback[1:]


# What YAML 1.1 (and some editors' habits) took for true/false; YAML 1.2 and this generator read text.
_OLD_BOOLEANS = {"yes": "true", "no": "false", "on": "true", "off": "false", "y": "true", "n": "false"}


def _hint(kind: str, value=None, ctx: dict | None = None) -> str:
    if kind == "bool_type" and isinstance(value, str) and value.lower() in _OLD_BOOLEANS:
        return f"only true and false are booleans (YAML 1.2): write {_OLD_BOOLEANS[value.lower()]}"
    if kind == "bool_type" and isinstance(value, str) and value.lower() in ("true", "false"):
        return "remove the quotes"
    if kind == "int_type" and isinstance(value, bool):
        return "true and false are not numbers: write a whole number"
    if kind == "int_type" and isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return "remove the quotes: a number in quotes is text"
    if kind == "string_too_long":
        return "ids name files and key learners' saved answers: keep them short"
    if kind == "too_long" and (ctx or {}).get("max_length") == MAX_CHOICES:
        return "choices are labelled A to Z: split the question in two"
    if kind == "range_order" and (ctx or {}).get("relation") in ("greater than", "less than"):
        return "a scale needs two points at least: its lowest rating below its highest"
    if kind == "list_type":
        return "write each item on its own line, starting with '- '"
    if kind == "string_pattern_mismatch":
        return "for example 'my-first-lesson'"
    if kind in ("string_type", "str_type"):
        return "put quotes around text that YAML would read as something else"
    return ""


def _data_path(data, loc: tuple) -> tuple:
    """The path of the YAML value that an error location is about, dropping union tags."""
    path, current = (), data
    for item in loc:
        if isinstance(current, dict) and item == current.get("type") and item not in current:
            continue  # the discriminator tag pydantic adds to locations inside unions
        path += (item,)
        if isinstance(current, dict):
            current = current.get(item)
        elif isinstance(current, list) and isinstance(item, int) and 0 <= item < len(current):
            current = current[item]
        else:
            current = None
    return path


def _unwrap(tp):
    """Strip Annotated and Optional from an annotation."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType) and sum(a is not type(None) for a in get_args(tp)) == 1:
            tp = next(a for a in get_args(tp) if a is not type(None))
        else:
            return tp


def _union_members(tp) -> dict[str, type]:
    """{type tag: model} for a discriminated union of models, else {}."""
    tp = _unwrap(tp)
    if get_origin(tp) not in (Union, types.UnionType):
        return {}
    members = {}
    for member in get_args(tp):
        field = getattr(member, "model_fields", {}).get("type")
        if field is not None and get_origin(field.annotation) is Literal:
            members[get_args(field.annotation)[0]] = member
    return members


def _type_at(root, loc: tuple):
    """The annotation that a location inside root refers to (None when it cannot be followed)."""
    tp = root
    for item in loc:
        members = _union_members(tp)
        if members:
            tp = members.get(item)
            if tp is None:
                return None
            continue
        tp = _unwrap(tp)
        if get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif isinstance(tp, type) and issubclass(tp, BaseModel) and item in tp.model_fields:
            tp = tp.model_fields[item].annotation
        else:
            return None
    return tp


def _fields_at(root, loc: tuple) -> list[str]:
    tp = _unwrap(_type_at(root, loc))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return list(tp.model_fields)
    return []


def _tags_at(root, loc: tuple) -> list[str]:
    return list(_union_members(_type_at(root, loc)))


def _expected_hint(root, loc: tuple) -> str:
    """For a missing field: its description, so the instructor knows what to write."""
    tp = _unwrap(_type_at(root, loc[:-1]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        field = tp.model_fields.get(loc[-1])
        if field is not None and field.description:
            return field.description
    return ""
