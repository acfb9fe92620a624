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
from test_schema import FIXTURE_COURSE, SCHEMAS


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
    for folder in (CONTENT, FIXTURE_COURSE):
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
