"""The editor schemas as the tools instructors use read them: ajv compiles each in strict mode and
accepts every content file; yaml-language-server (the editors' YAML server) offers every kind."""

from __future__ import annotations

import subprocess
from collections import defaultdict

import pytest

from conftest import CONTENT, ROOT
from editor_support import AJV, YamlLanguageServer, require_node_tools
from generator.load import find_content_files
from generator.models import EXERCISE_KINDS, PROMPT_KINDS
from test_schema import RULES, SCHEMAS, VALID_COURSES, broken_copy, kind_of


def ajv(*arguments: str) -> subprocess.CompletedProcess:
    require_node_tools()
    return subprocess.run([str(AJV), *arguments, "--spec=draft2020", "--strict=true"],
                          capture_output=True, text=True, cwd=ROOT)


def kind_names(kinds) -> list[str]:
    return sorted(kind.model_fields["type"].annotation.__args__[0] for kind in kinds)


def test_every_schema_compiles_in_ajv_strict_mode():
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        result = ajv("compile", "-s", str(schema))
        assert result.returncode == 0, result.stdout + result.stderr


def test_ajv_accepts_every_content_file():
    files = defaultdict(list)
    for folder in VALID_COURSES:
        found, _ = find_content_files(folder)
        for path, kind in found:
            files[kind].append(str(path))
    assert set(files) == {"course", "module", "lesson", "exercise", "worksheet", "glossary"}
    for kind, paths in sorted(files.items()):
        data = [argument for path in paths for argument in ("-d", path)]
        result = ajv("validate", "--errors=text", "-s", str(SCHEMAS / f"{kind}.schema.json"), *data)
        assert result.returncode == 0, result.stdout + result.stderr


def test_ajv_refuses_an_unknown_type(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("id: broken\ntitle: Broken\ntype: scenari\n", encoding="utf-8")
    result = ajv("validate", "--errors=text", "-s", str(SCHEMAS / "exercise.schema.json"), "-d", str(broken))
    assert result.returncode != 0
    assert "type must be equal to one of the allowed values" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def language_server():
    require_node_tools()
    server = YamlLanguageServer()
    yield server
    server.close()


def test_editor_offers_every_exercise_type(language_server, tmp_path):
    # A field shared by several kinds is typed first: the server must still offer every type.
    header = f"# yaml-language-server: $schema={(SCHEMAS / 'exercise.schema.json').as_uri()}\n"
    text = header + "id: x\ntitle: X\nprompt: Which?\ntype: "
    offered = language_server.completions((tmp_path / "a.yml").as_uri(), text, 4, len("type: "))
    assert offered == kind_names(EXERCISE_KINDS)


def test_editor_offers_the_fields_of_the_chosen_type(language_server, tmp_path):
    header = f"# yaml-language-server: $schema={(SCHEMAS / 'exercise.schema.json').as_uri()}\n"
    offered = language_server.completions((tmp_path / "b.yml").as_uri(), header + "id: x\ntype: scenario\n", 3, 0)
    assert {"situation", "question", "responses"} <= set(offered)
    assert "options" not in offered


def test_editor_offers_every_prompt_type(language_server, tmp_path):
    header = f"# yaml-language-server: $schema={(SCHEMAS / 'worksheet.schema.json').as_uri()}\n"
    text = header + "id: x\ntitle: X\nprompts:\n  - id: a\n    label: A\n    lines: 3\n    type: "
    offered = language_server.completions((tmp_path / "c.yml").as_uri(), text, 7, len("    type: "))
    assert offered == kind_names(PROMPT_KINDS)


_CONTAINS_ONE = "must contain at least 1 and no more than 1 valid item(s)"
_REPEATED = "must NOT have duplicate items (items ## 0 and 1 are identical)"
_BOOLEAN = ["Incorrect type. Expected \"boolean\".", "Value is not accepted. Valid values: true, false."]
_BLANK = ["String does not match the pattern of \"\\S\"."]
# What ajv and yaml-language-server say of each broken file of test_schema.RULES: (the field and
# ajv's message, the start of each message the editor underlines). None: yaml-language-server (1.25)
# compares list items by identity, so it sees an id listed twice but not an item repeated whole, and
# underlines nothing (ajv and JetBrains' JSON Schema check compare contents).
EDITOR_MESSAGES = {
    "single choice, two correct": (f"data/options {_CONTAINS_ONE}",
                                   ["Array has too many items matching \"contains\". Expected 1 or fewer."]),
    "single choice, none correct": (f"data/options {_CONTAINS_ONE}",
                                    ["Array has too few items matching \"contains\". Expected 1 or more."]),
    "multiple choice, none correct": ("data/options must contain at least 1 valid item(s)",
                                      ["Array has too few items matching \"contains\". Expected 1 or more."]),
    "scenario, no best response": ("data/responses must contain at least 1 valid item(s)",
                                   ["Array has too few items matching \"contains\". Expected 1 or more."]),
    "branching, no best ending": ("data/endings must contain at least 1 valid item(s)",
                                  ["Array has too few items matching \"contains\". Expected 1 or more."]),
    "ordering, an item twice": (f"data/items {_REPEATED}", None),
    "matching, a pair twice": (f"data/pairs {_REPEATED}", None),
    "categorise, a category twice": (f"data/categories {_REPEATED}", None),
    "self-assessment, a statement twice": (f"data/statements {_REPEATED}", None),
    "worksheet, a prompt twice": (f"data/prompts {_REPEATED}", None),
    "course, a module twice": ("data/modules must NOT have duplicate items (items ## 2 and 0 are identical)",
                               ["Array has duplicate items."]),
    "module, a lesson twice": ("data/lessons must NOT have duplicate items (items ## 2 and 0 are identical)",
                               ["Array has duplicate items."]),
    "lesson, an exercise twice": ("data/exercises must NOT have duplicate items (items ## 2 and 0 are identical)",
                                  ["Array has duplicate items."]),
    # With no option correct any more, the single choice also has none: both are underlined.
    "correct: yes": ("data/options/1/correct must be boolean",
                     _BOOLEAN + ["Array has too few items matching \"contains\". Expected 1 or more."]),
    "reverse: no": ("data/statements/1/reverse must be boolean", _BOOLEAN),
    "blank Markdown": ("data/prompt must match pattern \"\\S\"", _BLANK),
    "blank plain text": ("data/title must match pattern \"\\S\"", _BLANK),
    "reserved id": ("data/categories/1/id must match pattern \"^(?!(?:aux|com1|",
                    ["String does not match the pattern of \"^(?!(?:aux|com1|com2|"]),
}


def test_every_rule_has_its_editor_messages():
    assert set(EDITOR_MESSAGES) == set(RULES)


@pytest.fixture(scope="module")
def broken_files(tmp_path_factory) -> dict[str, tuple]:
    """Each rule's broken file and what ajv says of it: {rule: (path, schema, ajv's report)}, from one
    ajv run per schema (Node starts slowly)."""
    files = {}
    for number, rule in enumerate(RULES):
        content, path = broken_copy(tmp_path_factory.mktemp(f"rule-{number}"), rule)
        files[rule] = (path, SCHEMAS / f"{kind_of(content, path)}.schema.json")
    reports = {}
    for schema in sorted({schema for _, schema in files.values()}):
        data = [argument for path, used in files.values() if used == schema for argument in ("-d", str(path))]
        output = ajv("validate", "--errors=text", "-s", str(schema), *data).stderr.splitlines()
        # Per file: "<file> invalid", then its errors on one line (or "<file> valid", on stdout).
        reports.update((line.removesuffix(" invalid"), errors) for line, errors in zip(output, output[1:])
                       if line.endswith(" invalid"))
    return {rule: (path, schema, reports.get(str(path), "valid")) for rule, (path, schema) in files.items()}


@pytest.mark.parametrize("rule", RULES)
def test_ajv_and_the_editor_refuse_what_course_validate_refuses(language_server, broken_files, rule):
    path, schema, report = broken_files[rule]  # test_schema checks what `course validate` says of it
    expected_ajv, expected_editor = EDITOR_MESSAGES[rule]
    assert expected_ajv in report, report

    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = f"# yaml-language-server: $schema={schema.as_uri()}\n"  # the copy has no schemas/ beside it
    found = sorted(d["message"] for d in language_server.diagnostics(path.as_uri(), "".join(lines)))
    expected_editor = sorted(expected_editor or [])
    assert len(found) == len(expected_editor), found
    assert all(message.startswith(start) for message, start in zip(found, expected_editor)), found


def test_ajv_accepts_every_translation_and_refuses_structure_in_one(tmp_path):
    from generator.load import TRANSLATION_NAME

    bilingual = ROOT / "tests/fixtures/bilingual-course/content"
    kinds = {path: kind for path, kind in find_content_files(bilingual)[0]}
    translations = [path for path, kind in kinds.items() if kind == "translation"]
    assert len(translations) == 7
    for path in translations:
        source = path.with_name(TRANSLATION_NAME.match(path.name)["stem"] + ".yml")
        schema = SCHEMAS / f"{kinds[source]}.translation.schema.json"
        assert ajv("validate", "--errors=text", "-s", str(schema), "-d", str(path)).returncode == 0, path
    broken = tmp_path / "first-steps.es.yml"
    broken.write_text("title: Primeros pasos\nminutes: 12\n", encoding="utf-8")
    result = ajv("validate", "--errors=text", "-s", str(SCHEMAS / "lesson.translation.schema.json"), "-d", str(broken))
    assert result.returncode != 0 and "must NOT have additional properties" in result.stdout + result.stderr
