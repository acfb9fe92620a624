"""Mistakes in template overrides are reported at the template's own file and line, never as a
Jinja traceback, and nothing is written."""

from __future__ import annotations

import pytest

from generator.build import build_course
from generator.errors import ContentError

CASES = {
    "syntax error": ("lesson.md.j2", "# {{ lesson.title }}\n\n{% if %}\n", 3, "Expected an expression, got 'end of statement block'"),
    "unclosed tag": ("lesson.md.j2", "# Title\n{{ lesson.title }\n", 2, "unexpected '}'"),
    "unknown name": ("lesson.md.j2", "# Title\n\n{{ lesson_title }}\n", 3, "'lesson_title' is undefined"),
    "unknown field": ("lesson.md.j2", "# Title\n{% for s in lesson.sections %}\n{{ s.body_text }}\n{% endfor %}\n", 3,
                      "'generator.models.Section object' has no attribute 'body_text'"),
    "unknown filter": ("lesson.md.j2", "# Title\n{{ lesson.title | shout }}\n", 2, "No filter named 'shout'."),
    "missing include": ("lesson.md.j2", "# Title\n\n\n{% include 'nowhere.md.j2' %}\n", 4, "no template named 'nowhere.md.j2'"),
    # An override the built-in lesson template includes: the error is in that file, not the lesson's.
    "included override": ("exercises/single_choice.md.j2", "### {{ exercise.title }}\n\n{{ exercise.promt }}\n", 3,
                          "'generator.models.SingleChoice object' has no attribute 'promt'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_broken_override_is_reported_at_its_own_line(fixture_course, tmp_path, case):
    name, text, line, message = CASES[case]
    templates = tmp_path / "templates"
    (templates / name).parent.mkdir(parents=True)
    (templates / name).write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        build_course(fixture_course, templates)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.severity) == (str(templates / name), line, "error")
    assert problem.message == f"template: {message}"
    assert problem.hint.startswith("while rendering the page 'basics/")


def test_the_course_command_prints_the_message_without_a_traceback(fixture_course, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "module.md.j2").write_text("# {{ module.title }\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "--content", str(fixture_course),
                                       "--templates", str(tmp_path / "templates")])
    assert result.exit_code == 1
    assert f"{tmp_path}/templates/module.md.j2:1:1: error: template: unexpected '}}'" in result.output
    assert "Traceback" not in result.output and not out.exists()
