"""The editor schemas: up to date with the models, accepted by every content file, and in agreement
with `course validate` on broken files (checked with an independent validator, jsonschema)."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from authoring import FIXTURE_COURSE, copy_course
from conftest import CONTENT, ROOT
from generator.cli import main
from generator.load import find_content_files
from generator.schema import schema_comment, schema_texts

SCHEMAS = ROOT / "schemas"


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def content_files():
    for folder in (CONTENT, FIXTURE_COURSE):
        found, problems = find_content_files(folder)
        assert not problems
        yield from found


def test_committed_schemas_are_up_to_date():
    expected = schema_texts()
    assert sorted(p.name for p in SCHEMAS.glob("*.schema.json")) == sorted(expected)
    for name, text in expected.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"run `course schema` to update {name}"


def test_schemas_carry_descriptions_and_examples():
    lesson = json.loads((SCHEMAS / "lesson.schema.json").read_text(encoding="utf-8"))
    assert lesson["properties"]["minutes"]["description"].startswith("Estimated time")
    assert lesson["properties"]["minutes"]["examples"] == [20]
    assert lesson["additionalProperties"] is False


@pytest.mark.parametrize("path,kind", list(content_files()), ids=lambda v: getattr(v, "name", v))
def test_every_content_file_matches_its_schema_and_names_it(path, kind):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == schema_comment(path, kind, SCHEMAS), path
    errors = [error.message for error in validator(kind).iter_errors(yaml.safe_load(text))]
    assert errors == [], path


# (file in the fixture course, text to put in place of a line, replacement) -> each is broken.
BROKEN = [
    ("course.yml", "id: fixture-course", "id: Fixture Course"),
    ("course.yml", "title: A Fixture Course", "titel: A Fixture Course"),
    ("course.yml", "  - basics  # the only module", "  basics: yes"),
    ("01-basics/module.yml", "title: The Basics\n", ""),
    ("01-basics/lessons/first-steps.yml", "minutes: 20", "minutes: twenty"),
    ("01-basics/lessons/first-steps.yml", "minutes: 20", "minutes: 0"),
    ("01-basics/lessons/first-steps.yml", "    practised_by: [pick-one]", "    practised_by: pick-one"),
    ("01-basics/lessons/first-steps.yml", "  - heading: Start small", "  - heading: ''"),
    ("01-basics/exercises/pick-one.yml", "type: single_choice", "type: single-choice"),
    ("01-basics/exercises/pick-one.yml", "type: single_choice\n", ""),
    ("01-basics/exercises/why-small.yml", "model_answer:", "answer:"),
    ("01-basics/worksheets/first-notes.yml", "    type: text", "    type: text\n    lines: 0"),
    ("01-basics/worksheets/first-notes.yml", "    type: text", "    type: table"),
]
# Changes that both must accept.
VALID = [
    ("01-basics/lessons/first-steps.yml", "  - text: Choose the right first step\n    practised_by: [pick-one]",
     "  - Choose the right first step"),
    ("01-basics/worksheets/first-notes.yml", "    type: text", "    type: scale\n    min: 0\n    max: 3"),
]


@pytest.mark.parametrize("case", BROKEN + VALID, ids=lambda case: f"{case[0]}: {case[2].strip()[:30]}")
def test_schema_and_course_validate_agree(tmp_path, case):
    file, old, new = case
    content = copy_course(tmp_path)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    kind = dict((p.name, k) for p, k in find_content_files(content)[0])[path.name]

    schema_errors = list(validator(kind).iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    result = CliRunner().invoke(main, ["validate", str(content)])
    broken = case in BROKEN
    assert bool(schema_errors) == broken, [e.message for e in schema_errors]
    assert result.exit_code == (1 if broken else 0), result.output
    if broken:
        assert f"{file}:" in result.output  # the error names the file the schema rejected
