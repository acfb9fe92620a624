"""Stage 1, load: positions, and the errors a file can have before its fields are looked at."""

from pathlib import Path

import pytest
import yaml

from generator import load
from generator.errors import ContentError
from generator.load import load_content, load_file


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def only_problem(path: Path, kind: str = "lesson"):
    source, problems = load_file(path, kind)
    assert len(problems) == 1, problems
    assert source.data is None
    return problems[0]


def test_values_keep_line_and_column(tmp_path):
    path = write(tmp_path / "a.yml", "id: x\nsections:\n  - heading: One\n    body: |\n      text\n")
    source, problems = load_file(path, "lesson")
    assert problems == []
    assert source.data == {"id": "x", "sections": [{"heading": "One", "body": "text\n"}]}
    assert source.position(("sections", 0, "heading")) == (3, 14)
    assert source.position(("sections", 0, "heading"), key=True) == (3, 5)
    assert source.position(("sections", 0, "missing")) == (3, 5)  # nearest parent


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    path = write(tmp_path / "bad.yml", "id: x\ntitle: [unclosed\nminutes: 3\n")
    problem = only_problem(path)
    assert (problem.file, problem.line, problem.column) == (str(path), 3, 8)
    assert problem.message.startswith("invalid YAML: ")
    assert "flow sequence" in problem.hint and "line 2" in problem.hint


def test_bad_indentation_is_a_syntax_error(tmp_path):
    path = write(tmp_path / "bad.yml", "id: x\n  title: y\n")
    problem = only_problem(path)
    assert problem.line == 2 and "invalid YAML" in problem.message


def test_file_that_is_not_utf8(tmp_path):
    path = write(tmp_path / "latin1.yml", "id: x\ntitle: caf\xe9\n".encode("latin-1"))
    problem = only_problem(path)
    assert (problem.line, problem.column) == (2, 11)
    assert problem.message == "file is not valid UTF-8 (byte 0xe9)"
    assert "UTF-8" in problem.hint


def test_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path / "bom.yml", "\ufeffid: x\n".encode("utf-8"))
    source, problems = load_file(path, "lesson")
    assert problems == [] and source.data == {"id": "x"}


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo hi']", "!!python/name:os.system",
                                 "!custom value", "!!binary aGk="])
def test_tags_that_build_objects_are_refused(tmp_path, tag):
    path = write(tmp_path / "evil.yml", f"id: x\ntitle: {tag}\n")
    problem = only_problem(path)
    assert (problem.line, problem.column, problem.field) == (2, 8, "title")
    assert problem.message.startswith("YAML tag '")
    assert "is not allowed" in problem.message


def test_python_tag_never_runs(tmp_path):
    marker = tmp_path / "ran"
    path = write(tmp_path / "evil.yml", f"x: !!python/object/apply:os.system ['touch {marker}']\n")
    load_file(path, "lesson")
    assert not marker.exists()


def test_duplicate_key(tmp_path):
    path = write(tmp_path / "dup.yml", "id: x\ntitle: A\ntitle: B\n")
    problem = only_problem(path)
    assert (problem.line, problem.field) == (3, "title")
    assert problem.message == "duplicate field 'title' (first given on line 2)"


def test_empty_file(tmp_path):
    problem = only_problem(write(tmp_path / "empty.yml", "# nothing yet\n"))
    assert problem.message == "file is empty: expected the fields of a lesson"


def test_top_level_must_be_a_mapping(tmp_path):
    problem = only_problem(write(tmp_path / "list.yml", "- a\n- b\n"))
    assert problem.line == 1 and "found a list" in problem.message


def test_alias_bomb_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "_MAX_NODES", 50)
    text = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
    problem = only_problem(write(tmp_path / "bomb.yml", text))
    assert "too many aliases" in problem.message


def test_file_outside_known_folders_is_unreachable(fixture_course):
    write(fixture_course / "10-basics" / "notes.yml", "id: stray\n")
    [problem] = load_content(fixture_course)[1]
    assert problem.file.endswith("10-basics/notes.yml") and problem.line == 1
    assert "not reachable from course.yml" in problem.message


def test_missing_course_file(tmp_path):
    (tmp_path / "content").mkdir()
    [problem] = load_content(tmp_path / "content")[1]
    assert "no course.yml" in problem.message


def test_missing_content_folder(tmp_path):
    with pytest.raises(ContentError, match="content folder not found"):
        load_content(tmp_path / "nowhere")


def test_all_files_are_reported_at_once(fixture_course):
    write(fixture_course / "10-basics/lessons/first-steps.yml", "id: [\n")
    write(fixture_course / "10-basics/exercises/pick-one.yml", b"id: \xff\n")
    problems = load_content(fixture_course)[1]
    assert [Path(p.file).name for p in problems] == ["pick-one.yml", "first-steps.yml"]


def test_libyaml_is_used_when_present():
    assert load._Loader is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)
