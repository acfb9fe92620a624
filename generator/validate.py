"""Stage 2, validate: plain data to typed models, with pydantic's errors told in an instructor's terms.

Friendly messages are keyed on pydantic's error `type`, never on its message text, and each error's
location is mapped back to the line and column of the YAML node it is about.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem, did_you_mean, field_path, plural
from .load import SourceFile, describe
from .models import MODEL_OF_KIND

_ADAPTERS = {kind: TypeAdapter(model) for kind, model in MODEL_OF_KIND.items()}


@dataclass(frozen=True)
class Validated:
    """A content file and the model read from it."""

    source: SourceFile
    model: BaseModel


@dataclass
class Validation:
    files: list[Validated]
    problems: list[Problem]
    # (kind, id) of files that exist but did not validate: references to them are not errors too
    invalid_ids: set[tuple[str, str]]


def validate(sources: list[SourceFile]) -> Validation:
    """Validate every loaded file against the model of its kind; all problems at once."""
    result = Validation([], [], set())
    for source in sources:
        if source.data is None:  # unreadable: reported by load; guess its id from the file name
            result.invalid_ids.add((source.kind, source.path.stem))
            continue
        try:
            model = _ADAPTERS[source.kind].validate_python(source.data)
        except ValidationError as exc:
            result.problems.extend(_problem(source, error) for error in exc.errors(include_url=False))
            if isinstance(source.data.get("id"), str):
                result.invalid_ids.add((source.kind, source.data["id"]))
        else:
            result.files.append(Validated(source, model))
    return result


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
        return source.problem(path + ("type",), f"unknown type '{ctx.get('tag')}'"
                              f"{did_you_mean(ctx.get('tag'), tags)}", hint=f"expected one of: {', '.join(tags)}")
    if kind == "union_tag_not_found":
        return source.problem(path, "missing required field 'type'",
                              hint=f"expected one of: {', '.join(_tags_at(root, loc))}")
    return source.problem(path, _message(kind, value, ctx, error["msg"]), hint=_hint(kind))


def _message(kind: str, value, ctx: dict, fallback: str) -> str:
    found = describe(value)
    if kind in ("string_type", "str_type"):
        return f"expected text, found {found}"
    if kind == "string_too_short":
        return "must not be empty"
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


def _hint(kind: str) -> str:
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
