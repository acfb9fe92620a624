"""JSON Schemas for editors, generated from the models: one per content file kind.

Editors with a YAML language server (VS Code's YAML extension, Neovim, JetBrains, Zed...) read the
`# yaml-language-server: $schema=...` comment on a file's first line and then complete field names,
show each field's description, and flag mistakes while the instructor types.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import TypeAdapter

from .load import KINDS
from .models import MODEL_OF_KIND
from .translations import HASHES_FIELD, field_shape, kind_shape

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TITLES = {"course": "Course (content/course.yml)", "module": "Module (<module folder>/module.yml)",
           "lesson": "Lesson (<module folder>/lessons/<id>.yml)",
           "exercise": "Exercise (<module folder>/exercises/<id>.yml)",
           "worksheet": "Worksheet (<module folder>/worksheets/<id>.yml)",
           "glossary": "Glossary (content/glossary.yml)"}


def schema_file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def _typed_union(node: dict) -> dict:
    """A union chosen by its `type` field, in plain JSON Schema instead of pydantic's `discriminator`.

    `discriminator` is an OpenAPI keyword: ajv's strict mode refuses it, and editors that ignore it
    offer only some of the `type` values. Here `type` lists every allowed value in one enum, and an
    if/then per value applies the fields of that kind.
    """
    field = node["discriminator"]["propertyName"]
    value_of_ref = {ref: value for value, ref in node["discriminator"]["mapping"].items()}
    refs = [choice["$ref"] for choice in node["oneOf"]]
    values = [value_of_ref[ref] for ref in refs]
    return {
        "type": "object",
        "required": [field],
        "properties": {field: {"enum": values, "description": "The kind; it decides the other fields: "
                                                                + ", ".join(values) + "."}},
        "allOf": [{"if": {"type": "object", "properties": {field: {"const": value}}, "required": [field]},
                   "then": {"$ref": ref}} for value, ref in zip(values, refs)],
    }


def _without_discriminators(node):
    if isinstance(node, list):
        return [_without_discriminators(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_discriminators(value) for key, value in node.items()}
    if "discriminator" in node:
        rest = {key: value for key, value in node.items() if key not in ("discriminator", "oneOf")}
        node = {**rest, **_typed_union(node)}
    return node


def json_schema(kind: str) -> dict:
    """The JSON Schema of one content file kind, with the models' descriptions and examples."""
    schema = TypeAdapter(MODEL_OF_KIND[kind]).json_schema(mode="validation")
    schema = _without_discriminators(schema)
    schema = {"$schema": SCHEMA_DIALECT, **schema}
    schema["title"] = _TITLES[kind]
    if kind == "exercise":
        schema["description"] = "An exercise. Its 'type' decides the other fields."
    return schema


def translation_schema(kind: str) -> dict:
    """The JSON Schema of a translation of a kind's file (translations.py): its texts only, each
    optional, lists with one item per source item, and the `source_hashes` block."""
    node = _translation_node(kind_shape(kind), top=True)
    node["properties"][HASHES_FIELD] = {
        "type": "object", "additionalProperties": {"type": "string"},
        "description": "Written by `course translations update`: a hash of each source text as it was "
                       "when translated, by field. Leave it to the command."}
    where = _TITLES[kind].split(" (")[1].rstrip(")").replace(".yml", ".<language>.yml")
    return {"$schema": SCHEMA_DIALECT, "title": f"Translation of a {kind} ({where})",
            "description": "Only the texts of the file beside it, in the same nesting; ids, order and "
                           "everything else come from that file. ~ marks a text not translated yet.", **node}


def _translation_node(shape: tuple, description: str = "", top: bool = False) -> dict:
    said = {"description": description} if description else {}
    if shape[0] == "text":
        return {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "null"}], **said}
    if shape[0] == "list":
        return {"anyOf": [{"type": "array", "items": _translation_node(shape[1])}, {"type": "null"}], **said}
    properties = {}
    for model in shape[1]:  # the kinds of an exercise or a prompt: the texts of any of them
        for name, info in model.model_fields.items():
            if name not in properties and field_shape(info)[0] != "structure":
                properties[name] = _translation_node(field_shape(info), info.description or "")
    node = {"type": "object", "properties": properties, "additionalProperties": False}
    return node if top else {"anyOf": [node, {"type": "null"}], **said}


def translation_schema_file_name(kind: str) -> str:
    return f"{kind}.translation.schema.json"


def schema_texts() -> dict[str, str]:
    """{file name: JSON text} for every kind and its translations; stable, so the committed files can
    be compared."""
    texts = {schema_file_name(kind): json_schema(kind) for kind in KINDS}
    texts.update({translation_schema_file_name(kind): translation_schema(kind) for kind in KINDS})
    return {name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in texts.items()}


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into out_dir; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        target = out_dir / name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def schema_comment(content_file: Path, kind: str, schemas_dir: Path) -> str:
    """The first line a content file carries, pointing its editor at the schema of its kind."""
    relative = os.path.relpath(schemas_dir.resolve() / schema_file_name(kind), content_file.resolve().parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"
