"""The `course` command line: summaries, error lists with exit status 1, and all-or-nothing writes."""

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_help_explains_both_commands():
    result = run("--help")
    assert result.exit_code == 0
    assert "validate" in result.output and "build" in result.output


def test_validate_summarises_a_good_course(fixture_course):
    result = run("validate", fixture_course)
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("OK: 1 module, 2 lessons, 5 exercises, 1 worksheet")


def test_validate_lists_every_problem_and_exits_1(fixture_course):
    lesson = fixture_course / "10-basics/lessons/first-steps.yml"
    lesson.write_text(lesson.read_text().replace("minutes: 25", "minutes: x").replace("title:", "titel:"))
    result = run("validate", fixture_course)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    # The misspelt field is one error, not also "missing required field 'title'".
    assert lines[0] == f"{lesson}:2:1: error: unknown field 'titel' (did you mean 'title'?)"
    assert lines[2].startswith(f"{lesson}:3:10: error: minutes: expected a whole number")
    assert lines[-1] == "2 errors"


def test_validate_missing_folder_exits_1(tmp_path):
    result = run("validate", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "content folder not found" in result.output


def test_usage_error_exits_2():
    assert run("build").exit_code == 2  # --out is required


def test_build_writes_markdown_pages(fixture_course, tmp_path):
    out = tmp_path / "out"
    result = run("build", "--out", out, "--content", fixture_course)
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["assets/course/messages.css", "assets/course/messages.js", "basics/exercises-handout.md", "basics/first-steps.md", "basics/index.md", "basics/second-steps.md",
                       "bibliography.md", "course-map.json", "glossary.md", "index.md", "media/three-steps.svg", "my-work.md",
                       "worksheets/all-prompts.md", "worksheets/printable.md"]


def test_build_with_errors_writes_nothing(fixture_course, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("previous output")
    (fixture_course / "course.yml").write_text("id: [broken\n")
    result = run("build", "--out", out, "--content", fixture_course)
    assert result.exit_code == 1
    assert [p.name for p in out.iterdir()] == ["keep.md"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no staging folder left


def test_build_replaces_previous_output(fixture_course, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.md").write_text("old")
    assert run("build", "--out", out, "--content", fixture_course).exit_code == 0
    assert not (out / "stale.md").exists() and (out / "index.md").exists()
