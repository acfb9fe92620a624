"""The editor schemas: up to date with the models, accepted by every content file, and in agreement
with `course validate` on broken files (checked with an independent validator, jsonschema)."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from authoring import FIXTURE_COURSE, copy_course
from conftest import CONTENT, FIXTURES, ROOT
from generator.cli import main
from generator.models import MODEL_OF_KIND
from pydantic import TypeAdapter, ValidationError
from generator.load import find_content_files, load_file
from generator.schema import schema_comment, schema_texts

SCHEMAS = ROOT / "schemas"


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# The shipped course and every valid fixture course: each file must match its schema.
VALID_COURSES = (CONTENT, FIXTURE_COURSE, FIXTURES / "course", FIXTURES / "learner-course" / "content",
                 FIXTURES / "print-course" / "content")


def content_files():
    for folder in VALID_COURSES:
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
    if not path.is_relative_to(FIXTURES / "course"):  # that course's files start at their first field
        assert text.splitlines()[0] == schema_comment(path, kind, SCHEMAS), path
    errors = [error.message for error in validator(kind).iter_errors(yaml_data(path, kind))]
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


_HELLO = "  - text: Say hello\n    feedback: Hello comes first.\n"
_PRACTICE = "  - item: Practice\n    match: A peer\n    feedback: Peers are for practice.\n"
_FIXED = "  - id: fixed\n    title: Fixed\n"
_STATEMENT = "  - id: enjoy-talking\n    text: I enjoy talking to new people.\n"
_SECOND_STATEMENT = "  - id: avoid-events\n    text: I avoid events where I know nobody.\n    reverse: true\n"
_STORY = "  - id: story\n    type: text\n    label: Tell a short story.\n    lines: 3\n"
_ARRIVE = "  - id: went-home\n"
# The single-file rules the schemas state beyond fields and types, each broken in a copy of the
# learner fixture course (every exercise kind): rule -> (file, text, what replaces every occurrence,
# what `course validate` says). tests/test_schema_tools.py holds what ajv and an editor say of them.
RULES = {
    "single choice, two correct": ("01-basics/exercises/pick-one.yml", "  - text: Green\n",
                                   "  - text: Green\n    correct: true\n",
                                   "options: exactly one option must have 'correct: true'"),
    "single choice, none correct": ("01-basics/exercises/pick-one.yml", "    correct: true\n", "",
                                    "options: exactly one option must have 'correct: true'"),
    "multiple choice, none correct": ("01-basics/exercises/pick-many.yml", "    correct: true\n", "",
                                      "options: at least one option must have 'correct: true'"),
    "scenario, no best response": ("02-practice/exercises/what-next.yml", "rating: best", "rating: okay",
                                   "responses: at least one response must have 'rating: best'"),
    "branching, no best ending": ("02-practice/exercises/walk-through.yml", "verdict: best",
                                  "verdict: workable", "endings: at least one ending must have 'verdict: best'"),
    "ordering, an item twice": ("02-practice/exercises/put-in-order.yml", _HELLO, _HELLO * 2,
                                "items: item 2 repeats an earlier item: 'Say hello'"),
    "matching, a pair twice": ("02-practice/exercises/pair-up.yml", _PRACTICE, _PRACTICE * 2,
                               "pairs: item 2 repeats an earlier item: 'Practice'"),
    "categorise, a category twice": ("02-practice/exercises/sort-them.yml", _FIXED, _FIXED * 2,
                                     "categories[1].id: duplicate id 'fixed' in categories"),
    "self-assessment, a statement twice": ("01-basics/exercises/rate-yourself.yml", _SECOND_STATEMENT, _STATEMENT,
                                           "statements[1].id: duplicate id 'enjoy-talking' in statements"),
    "worksheet, a prompt twice": ("01-basics/worksheets/reflections.yml", _STORY, _STORY * 2,
                                  "prompts[1].id: duplicate id 'story' in prompts"),
    "course, a module twice": ("course.yml", "  - practice\n", "  - practice\n  - basics\n",
                               "modules[2]: module 'basics' is listed twice"),
    "module, a lesson twice": ("01-basics/module.yml", "  - second-lesson\n", "  - second-lesson\n  - first-lesson\n",
                               "lessons[2]: lesson 'first-lesson' is listed twice"),
    "lesson, an exercise twice": ("01-basics/lessons/first-lesson.yml", "  - pick-many\n",
                                  "  - pick-many\n  - pick-one\n", "exercises[2]: exercise 'pick-one' is listed twice"),
    "correct: yes": ("01-basics/exercises/pick-one.yml", "correct: true", "correct: yes",
                     "options[1].correct: expected true or false, found the text 'yes'"),
    "reverse: no": ("01-basics/exercises/rate-yourself.yml", "reverse: true", "reverse: no",
                    "statements[1].reverse: expected true or false, found the text 'no'"),
    "blank Markdown": ("01-basics/exercises/pick-one.yml", "prompt: Which colour is the sky on a clear day?",
                       "prompt: '  '", "prompt: must not be empty (it holds only spaces)"),
    "blank plain text": ("01-basics/exercises/pick-one.yml", "title: Pick one", "title: '  '",
                         "title: must not be empty (it holds only spaces)"),
    "reserved id": ("02-practice/exercises/sort-them.yml", "  - id: growth", "  - id: con",
                    "categories[1].id: 'con' cannot be an id: Windows keeps it as a device name"),
}


def broken_copy(tmp_path, rule: str):
    """A copy of the learner fixture course with the rule broken; returns it and the broken file."""
    file, old, new, _ = RULES[rule]
    content = tmp_path / "content"
    shutil.copytree(VALID_COURSES[3], content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return content, path


def kind_of(content, path) -> str:
    return dict(find_content_files(content)[0])[path]


def yaml_data(path, kind):
    """A file's data read as editors and schema tools read it (YAML 1.2: `yes` is text), by the
    generator's own reader."""
    source, problems = load_file(path, kind)
    assert not problems, problems
    return source.data


@pytest.mark.parametrize("rule", RULES)
def test_schema_states_the_rule_course_validate_enforces(tmp_path, rule):
    content, path = broken_copy(tmp_path, rule)
    kind = kind_of(content, path)
    assert list(validator(kind).iter_errors(yaml_data(path, kind))), rule
    result = CliRunner().invoke(main, ["validate", str(content)])
    assert result.exit_code == 1
    file, *_, message = RULES[rule]
    assert re.search(rf"{re.escape(file)}:\d+:\d+: error: {re.escape(message)}", result.output), result.output


@pytest.mark.parametrize("case", BROKEN + VALID, ids=lambda case: f"{case[0]}: {case[2].strip()[:30]}")
def test_schema_and_course_validate_agree(tmp_path, case):
    file, old, new = case
    content = copy_course(tmp_path)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    kind = dict((p.name, k) for p, k in find_content_files(content)[0])[path.name]

    schema_errors = list(validator(kind).iter_errors(yaml_data(path, kind)))
    result = CliRunner().invoke(main, ["validate", str(content)])
    broken = case in BROKEN
    assert bool(schema_errors) == broken, [e.message for e in schema_errors]
    assert result.exit_code == (1 if broken else 0), result.output
    if broken:
        assert f"{file}:" in result.output  # the error names the file the schema rejected


# What the models check but JSON Schema cannot state (it compares no two fields, and no field of two
# list items): `course validate` refuses these, the schemas let them pass.
BEYOND_A_SCHEMA = ("range_order",  # a scale's max above its min, a band's max at least its min
                   "bands must cover",  # a self-assessment's bands cover every total once
                   "repeats an earlier",  # two ordering items, matches or pairs with the same text
                   "is in the future")  # a reference's year: a schema knows no date


def _stateable(error: dict) -> bool:
    return not any(word in error["type"] or word in error["msg"] for word in BEYOND_A_SCHEMA)


def test_schemas_and_models_agree_on_the_corpus(tmp_path):
    """Over every file of the bad-input corpus (tests/corpus.py) that YAML can read: a schema refuses a
    file only when `course validate` refuses the case, and refuses every file the models refuse,
    but for the rules of BEYOND_A_SCHEMA."""
    import corpus
    from corpus import all_cases, kind_of as corpus_kind

    corpus._turn[0] = 0  # the sample test_corpus.py takes in a fresh process, whatever ran before

    validators = {kind: validator(kind) for kind in MODEL_OF_KIND}
    adapters = {kind: TypeAdapter(model) for kind, model in MODEL_OF_KIND.items()}
    disagreements, compared = [], 0
    for case in all_cases():
        for relative, data in case.edits.items():
            try:
                kind = corpus_kind(relative)
            except KeyError:
                continue  # not a content file (a backup, a stray file)
            if data is None or not relative.endswith(".yml"):
                continue
            path = tmp_path / "content" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            source, problems = load_file(path, kind)
            if problems:
                continue  # not YAML that a schema tool could read either
            compared += 1
            refused_by_schema = any(True for _ in validators[kind].iter_errors(source.data))
            try:
                adapters[kind].validate_python(source.data)
                model_errors = []
            except ValidationError as error:
                model_errors = [e for e in error.errors(include_url=False) if _stateable(e)]
            if refused_by_schema and case.expected is None:
                disagreements.append(f"{case.name}: the schema refuses what course validate accepts")
            if model_errors and not refused_by_schema:
                disagreements.append(f"{case.name}: the schema accepts what the models refuse: {model_errors[0]['msg']}")
    assert compared > 300
    assert disagreements == []
