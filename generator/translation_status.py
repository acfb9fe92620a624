"""What a translated course lacks: texts not translated yet, and translations whose source has changed.

Each translation records in `source_hashes` a short hash of every source text it translates, as the
source was when it was translated (`course translations update FILE` writes them, once the
translations in FILE are checked). The teaching check then warns of

- a source text with no translation (left out, or `~`): that language's site shows the source's text;
- a translation whose source text no longer has the recorded hash: the source changed since;
- translated texts with no hash recorded: a later change of their source would go unnoticed;
- a file with texts but no translation at all in a language.

`course translations start LANG` writes a starter translation beside every file that has none: each
text as `~`, with the source's text in a comment above it.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .errors import Problem, field_path, plural
from .language import language_name
from .load import SourceFile
from .models import Course
from .schema import translation_schema_file_name
from .translations import HASHES_FIELD, Translation, field_shape, kind_shape, source_texts, model_for

_HASH_LENGTH = 10


def text_hash(text: str) -> str:
    """The hash recorded for a source text: ten hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_HASH_LENGTH]


def translation_warnings(sources: list[SourceFile], found: list[Translation], course: Course) -> list[Problem]:
    """The untranslated and outdated texts of every language the course is translated into."""
    by_source = {(id(t.source), t.language): t for t in found}
    problems = []
    for language in course.translations:
        for source in sources:
            if source.kind == "translation" or source.data is None:
                continue
            texts = dict(source_texts(kind_shape(source.kind), source.data))
            if not texts:
                continue
            translation = by_source.get((id(source), language))
            if translation is None:
                name = language_name(language)
                problems.append(Problem(source.display, 1, 1, "", f"no {name} translation: its "
                                        f"{plural(len(texts), 'text')} stay in {language_name(course.language)} on the "
                                        f"{name} site", f"write {source.path.stem}.{language}.yml beside it "
                                        f"(`course translations start {language}` writes one to fill in)",
                                        "warning"))
            else:
                problems += _file_status(translation, texts, course.language)
    return problems


def _file_status(translation: Translation, texts: dict, source_language: str) -> list[Problem]:
    file, source = translation.file, translation.source
    recorded = _recorded(file)
    problems, unrecorded = [], 0
    for path, text in texts.items():
        line = source.position(path)[0]
        if translation.texts.get(path) is None:
            problems.append(file.problem(path, f"not translated: the {language_name(translation.language)} site shows "
                                         f"the {language_name(source_language)} text of {source.path.name} (line {line})",
                                         severity="warning"))
        elif recorded.get(field_path(path)) is None:
            unrecorded += 1
        elif recorded[field_path(path)] != text_hash(text):
            problems.append(file.problem(path, f"outdated: {source.path.name} changed this text (line {line}) "
                                         "since it was translated",
                                         hint=f"bring the translation up to date, then record it with "
                                         f"`course translations update {file.display}`", severity="warning"))
    if unrecorded:
        problems.append(file.problem((HASHES_FIELD,) if HASHES_FIELD in file.data else (),
                                     f"{plural(unrecorded, 'translated text')} without a recorded source hash: "
                                     "a later change of the source text would go unnoticed",
                                     hint=f"once checked, record them with `course translations update {file.display}`",
                                     severity="warning"))
    return problems


def _recorded(file: SourceFile) -> dict:
    hashes = file.data.get(HASHES_FIELD) if isinstance(file.data, dict) else None
    return hashes if isinstance(hashes, dict) else {}


# --- writing translation files ------------------------------------------------------------------

# A top-level `source_hashes:` block: its line and every indented, blank or comment line below it.
_HASHES_BLOCK = re.compile(rf"^{HASHES_FIELD}:.*(?:\n(?:[ \t]+.*|[ \t]*#.*|[ \t]*)(?=\n|$))*\n?", re.MULTILINE)
_HASHES_COMMENT = (f"{HASHES_FIELD}:  # written by `course translations update`: the source texts these "
                   "translations were made from")


def record_hashes(translation: Translation) -> tuple[str, int]:
    """The translation file's text with its `source_hashes` block made afresh from the current source
    texts of every field it translates; and how many it records. Only that block changes."""
    texts = dict(source_texts(kind_shape(translation.source.kind), translation.source.data))
    hashes = {field_path(path): text_hash(texts[path]) for path, text in translation.texts.items()
              if text is not None and path in texts}
    text = _HASHES_BLOCK.sub("", translation.file.path.read_text(encoding="utf-8")).rstrip() + "\n"
    if hashes:
        text += "\n" + _HASHES_COMMENT + "\n" + "".join(f"  {key}: '{value}'\n" for key, value in hashes.items())
    return text, len(hashes)


def starter_translation(source: SourceFile, language: str, source_language: str,
                        schemas_dir: Path) -> str | None:
    """A translation of source to fill in: every text `~`, the source's text in a comment above it;
    None when the file has no text to translate. Its first line names its schema, for editors."""
    lines = _value_lines(kind_shape(source.kind), source.data, 0)
    if not lines:
        return None
    name, theirs = source.path.name, language_name(language)
    schema = os.path.relpath(schemas_dir.resolve() / translation_schema_file_name(source.kind),
                             source.path.resolve().parent)
    header = [f"# yaml-language-server: $schema={Path(schema).as_posix()}",
              f"# The {theirs} ({language}) translation of {name}: its texts only, in the same order.",
              f"# Replace each ~ with the translation of the {language_name(source_language)} text quoted above it; "
              f"until then the {theirs} site shows that text.",
              f"# Ids, order, kinds, numbers and media files come from {name} in every language.",
              f"# Once checked: `course translations update {Path(source.display).with_name(_starter_name(source, language))}`"]
    return "\n".join(header + lines) + "\n"


def _starter_name(source: SourceFile, language: str) -> str:
    return f"{source.path.stem}.{language}{source.path.suffix}"


def starter_path(source: SourceFile, language: str) -> Path:
    return source.path.with_name(_starter_name(source, language))


def _value_lines(shape: tuple, value, indent: int) -> list[str]:
    pad = " " * indent
    if shape[0] == "model":
        model, lines = model_for(shape[1], value), []
        for key, item in value.items():
            info = model.model_fields.get(key)
            if info is None or not any(source_texts(field_shape(info), item)):
                continue
            item_shape = field_shape(info)
            if item_shape[0] == "text":
                lines += _quoted(item, pad) + [f"{pad}{key}: ~"]
            else:
                lines += [f"{pad}{key}:"] + _value_lines(item_shape, item, indent + 2)
        return lines
    lines = []
    for item in value:  # a list: one item for each of the source's
        if shape[1][0] == "text":
            lines += _quoted(item, pad) + [f"{pad}- ~"]
        elif not any(source_texts(shape[1], item)):
            lines.append(f"{pad}- {{}}")
        else:
            lines += [f"{pad}-"] + _value_lines(shape[1], item, indent + 2)
    return lines


def _quoted(text: str, pad: str) -> list[str]:
    return [f"{pad}# {line}".rstrip() for line in str(text).rstrip("\n").split("\n")]
