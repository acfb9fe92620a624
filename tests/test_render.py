"""Stage 4, render: golden Markdown for the fixture course, determinism, and template overrides.

Regenerate the golden files after an intended change with:  UPDATE_GOLDEN=1 pytest tests/test_render.py
and review the diff.
"""

import os
from pathlib import Path

import pytest
import yaml

from generator.build import build_course
from generator.render import duration, make_environment, render_pages

from conftest import CONTENT, FIXTURES

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def fixture_pages():
    return build_course(Path(__file__).parent / "fixtures" / "course").pages


def test_pages_match_golden_files(fixture_pages):
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in (p for p in GOLDEN.rglob("*") if p.is_file()):
            stale.unlink()
        for page in fixture_pages:
            target = GOLDEN / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.content, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDEN.rglob("*") if p.is_file()}
    actual = {page.path: page.content for page in fixture_pages}
    assert sorted(actual) == sorted(expected), "pages added or removed: UPDATE_GOLDEN=1 to accept"
    for path, content in actual.items():
        assert content == expected[path], f"{path} differs from tests/golden/{path}: UPDATE_GOLDEN=1 to accept"


def test_same_input_gives_byte_identical_output(fixture_course):
    first = build_course(fixture_course).pages
    second = build_course(fixture_course).pages
    assert [(p.path, p.content.encode()) for p in first] == [(p.path, p.content.encode()) for p in second]


def test_pages_follow_course_order(fixture_pages):
    assert [page.path for page in fixture_pages] == [
        "index.md", "basics/index.md", "basics/first-steps.md", "basics/second-steps.md",
        "basics/exercises-handout.md", "worksheets/all-prompts.md", "worksheets/printable.md", "glossary.md",
        "bibliography.md", "my-work.md", "course-map.json", "assets/course/messages.js", "assets/course/messages.css"]


def test_lesson_page_content(fixture_pages):
    lesson = next(p for p in fixture_pages if p.path == "basics/first-steps.md").content
    assert lesson.startswith("---\ncourse_page: lesson\nmodule_id: basics\nlesson_id: first-steps\n---\n")
    assert "# First Steps\n" in lesson
    assert '!!! abstract "By the end of this lesson you will be able to"' in lesson
    assert "    - Choose the right answer\n" in lesson
    assert "## Getting started\n\nSome *Markdown* text" in lesson
    assert "<details class=\"success course-answer\" data-search-exclude markdown>\n<summary>Answer and feedback</summary>" in lesson  # answers collapsed, not searchable
    assert "[All Prompts](../worksheets/all-prompts.md)" in lesson
    assert "Secret note for instructors" not in lesson


def test_worksheet_fields_carry_stable_prompt_ids(fixture_pages):
    worksheet = next(p for p in fixture_pages if p.path == "worksheets/all-prompts.md").content
    assert 'data-worksheet="all-prompts"' in worksheet
    for prompt_id in ("thoughts", "confidence", "contacts", "steps"):
        assert f'data-prompt="{prompt_id}"' in worksheet
    assert 'rows="6"' in worksheet  # writing space from the YAML
    assert worksheet.count('type="radio"') == 5 and worksheet.count('type="checkbox"') == 2
    assert worksheet.count("<textarea rows=\"1\"") == 4  # 2 rows x 2 columns


def test_override_template_replaces_builtin(fixture_course, tmp_path):
    overrides = tmp_path / "templates"
    (overrides / "exercises").mkdir(parents=True)
    (overrides / "exercises" / "short_answer.md.j2").write_text("CUSTOM {{ exercise.title }}\n")
    pages = build_course(fixture_course, overrides).pages
    lesson = next(p for p in pages if p.path == "basics/first-steps.md").content
    assert "CUSTOM Explain it" in lesson
    assert "Model answer" not in lesson


def test_override_can_extend_the_builtin(fixture_course, tmp_path):
    overrides = tmp_path / "templates"
    overrides.mkdir()
    (overrides / "module.md.j2").write_text('{% include "builtin/module.md.j2" %}\nExtra line from the course.\n')
    pages = build_course(fixture_course, overrides).pages
    module = next(p for p in pages if p.path == "basics/index.md").content
    assert "# Module 1: The Basics" in module and module.endswith("Extra line from the course.\n")


def test_missing_template_folder_is_an_error(fixture_course, tmp_path):
    from generator.errors import ContentError

    with pytest.raises(ContentError, match="templates folder not found"):
        build_course(fixture_course, tmp_path / "nope")


@pytest.mark.parametrize("minutes, text", [(5, "5 min"), (60, "1 h"), (95, "1 h 35 min")])
def test_duration(minutes, text):
    assert duration(minutes) == text


# inline_markdown skips Markdown for plain text; it must give what Markdown gives.
TRICKY = ["Plain words, nothing else", "Don't panic", "Rate it 1-5", "Wait... then go", "A -- B",
          "Use *care*", "See `code`", "1. Not a list?", "Ends with two spaces  ", "Mr. Smith said so.",
          "A < B", "Tom & Jerry", "A follow-up note", "Then -- a pause", "Pages 3-5", "(a) first", "# heading", "Fish 100%", "a+b=c", "x_y_z"]


def _strings(data):
    if isinstance(data, str):
        yield from data.splitlines()
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def test_inline_markdown_shortcut_matches_markdown():
    from generator.load import _Loader
    from generator.render import full_inline_markdown, inline_markdown

    texts = list(TRICKY)
    for root in (CONTENT, FIXTURES):
        for path in sorted(root.rglob("*.yml")):
            texts += _strings(yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader))
    assert len(texts) > 1000
    for text in texts:
        assert inline_markdown(text) == full_inline_markdown(text), text
