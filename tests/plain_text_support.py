"""A copy of a course with hostile text in every plain-text field, for the escaping tests."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from pydantic import BaseModel

from generator.build import check_course
from generator.models import PLAIN

# Markup of every kind a plain-text field must show as typed: HTML that would run a script, a tag
# that closes <title>, Markdown emphasis, code, a link, an attribute list, a table cell break, a
# list marker and a heading's closing hash; and a trailing line break, as a folded `title: >` has.
PAYLOAD = "<img src=x onerror=alert(1)> &lt;i&gt;i&lt;/i&gt; | *em* `code` [link](x) {: #id} </title><b>bold</b> #\n"


def plain_fields(model: BaseModel):
    """The names of a model's plain-text fields (single values and lists)."""
    for name, info in type(model).model_fields.items():
        if PLAIN in info.metadata or PLAIN in getattr(_item_annotation(info.annotation), "__metadata__", ()):
            yield name


def _item_annotation(annotation):
    args = getattr(annotation, "__args__", ())
    return args[0] if getattr(annotation, "__origin__", None) is list and args else None


def poisoned(model: BaseModel, tag: str) -> dict:
    """The model as YAML data, every plain-text field replaced by the payload (named by tag)."""
    data = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name in set(plain_fields(model)):
            text = f"- 1. {tag}.{name} {PAYLOAD}"
            value = [f"{text}" for _ in value] if isinstance(value, list) else text
        elif isinstance(value, BaseModel):
            value = poisoned(value, f"{tag}.{name}")
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value = [poisoned(item, f"{tag}.{name}[{i}]") for i, item in enumerate(value)]
        elif isinstance(value, str):  # Markdown: a heading's anchor changes with the poisoned heading
            value = re.sub(r"\((lesson:[a-z0-9-]+)#[^)]*\)", r"(\1)", value)
        if value != info.default or info.is_required():
            data[name] = value
    return data


def write_poisoned_course(content: Path, target: Path) -> None:
    """Write content's course to target with the payload in every plain-text field."""
    bundle, _ = check_course(content)
    items = [("course", bundle.course)] + [("module", m) for m in bundle.modules]
    items += [("lesson", x) for x in bundle.lessons.values()] + [("exercise", x) for x in bundle.exercises.values()]
    items += [("worksheet", x) for x in bundle.worksheets.values()]
    items += [("glossary", bundle.glossary)] if bundle.glossary else []
    for kind, model in items:
        key = getattr(model, "id", kind)
        source = Path(bundle.sources[(kind, key)]).resolve().relative_to(content.resolve())
        path = target / source
        path.parent.mkdir(parents=True, exist_ok=True)
        data = poisoned(model, f"{kind}:{key}")
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if (content / "media").is_dir():  # the figures' files, as they are
        shutil.copytree(content / "media", target / "media", dirs_exist_ok=True)
