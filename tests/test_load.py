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
    assert problem.message.endswith("(while parsing a flow sequence on line 2)")
    assert problem.hint.startswith("a list in [brackets] or a mapping in {braces} needs commas")


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
    problem = only_problem(write(tmp_path / "empty.yml", ""), "exercise")
    assert problem.message == "file is empty: expected the fields of an exercise"


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
    assert issubclass(load._Loader, yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


# --- characters: reported at their own line and column -----------------------------------------


@pytest.mark.parametrize("char, name", [("\x00", "U+0000 (NUL)"), ("\x07", "U+0007"), ("\x1b", "U+001B (escape)")])
def test_control_character_at_its_line(tmp_path, char, name):
    problem = only_problem(write(tmp_path / "c.yml", f"id: x\ntitle: ok\nbody: ab{char}c\n"))
    assert (problem.line, problem.column, problem.field) == (3, 9, "")
    assert problem.message == f"the file holds the control character {name}, which YAML does not allow"
    assert problem.hint.startswith("delete it")


def test_control_character_written_as_an_escape(tmp_path):
    problem = only_problem(write(tmp_path / "c.yml", 'id: x\ntitle: "a\\x07b"\n'))
    assert (problem.line, problem.column, problem.field) == (2, 8, "title")
    assert problem.message == "the text holds the control character U+0007, written as an escape in quotes"


@pytest.mark.parametrize("char, name", [("\u2028", "line separator (U+2028)"),
                                        ("\u2029", "paragraph separator (U+2029)"),
                                        ("\x85", "next line (U+0085)")])
def test_unicode_line_separator_at_its_own_line(tmp_path, char, name):
    problem = only_problem(write(tmp_path / "s.yml", f"id: x\ntitle: Before{char}after\nminutes: 3\n"))
    assert (problem.line, problem.column) == (2, 14)
    assert problem.message == f"the file holds a Unicode {name}, which YAML reads as a line break"
    assert problem.hint.startswith("delete it, or make it a real line break")


# --- nesting and aliases: limits instead of a crash ---------------------------------------------


@pytest.mark.parametrize("loader", ["_Loader", "_PythonLoader"])
@pytest.mark.parametrize("text, place", [
    ("id: x\nbody: " + "[" * 900 + "]" * 900 + "\n", (2, 57)),
    ("id: x\nbody:\n" + "".join("  " * i + "- \n" for i in range(1, 900)), (53, 103)),
    ("id: x\nbody: " + "[" * 20_000 + "]" * 20_000 + "\n", (2, 57)),  # past libyaml's own limit
    ("id: x\nbody:\n" + "".join("  " * i + "-\n" for i in range(1, 5000)), (53, 103)),
])
def test_deep_nesting_is_a_problem_not_a_crash(tmp_path, monkeypatch, loader, text, place):
    monkeypatch.setattr(load, "_Loader", getattr(load, loader))
    problem = only_problem(write(tmp_path / "deep.yml", text))
    assert (problem.line, problem.column) == place
    assert problem.message == "lists and mappings are nested more than 50 levels deep"


@pytest.mark.parametrize("text, field", [("id: x\nloop: &a [1, *a]\n", "loop[1]"),
                                         ("id: x\nloop: &a {self: *a}\n", "loop.self")])
def test_recursive_alias_is_a_problem_not_a_crash(tmp_path, text, field):
    problem = only_problem(write(tmp_path / "loop.yml", text))
    assert (problem.line, problem.column, problem.field) == (2, 7, field)
    assert problem.message == ("this alias refers to the list or mapping it is inside, which would repeat "
                               "it forever")


# --- YAML 1.2 scalars ---------------------------------------------------------------------------


def test_scalars_are_read_as_yaml_12(tmp_path):
    text = ("a: yes\nb: off\nc: 1:30\nd: 2024-01-02\ne: 010\nf: 0o17\ng: 0x1F\nh: 1_000\ni: True\n"
            "j: ~\nk: 1e3\nl: .inf\nm: -7\n")
    source, problems = load_file(write(tmp_path / "s.yml", text), "lesson")
    assert problems == []
    assert source.data == {"a": "yes", "b": "off", "c": "1:30", "d": "2024-01-02", "e": 10, "f": 15, "g": 31,
                           "h": "1_000", "i": True, "j": None, "k": 1000.0, "l": float("inf"), "m": -7}


def test_explicit_tag_that_does_not_fit(tmp_path):
    problem = only_problem(write(tmp_path / "t.yml", "id: x\nminutes: !!int many\n"))
    assert (problem.line, problem.field) == (2, "minutes")
    assert problem.message == "'many' cannot be read as !!int"


# --- YAML syntax errors get advice --------------------------------------------------------------


@pytest.mark.parametrize("text, place, advice", [
    ("id: x\ntitle: Networking: a guide\n", (2, 18), "a text that contains ': ' needs quotes"),
    ("id: x\nsections:\n\t- heading: a\n", (3, 1), "indent with spaces, not tabs"),
    ("id: x\ntitle: y\n  minutes: 3\n", (3, 10), "a text that contains ': ' needs quotes"),
    ("id: x\nsections:\n  - heading: a\n body: b\n", (4, 2), "check the indentation of this line"),
    ("id: x\ntitle: 'unclosed\nminutes: 3\n", (4, 1), "a quoted text is not closed"),
    ("id: x\ntitle: @home\n", (2, 8), "a text that starts with '@' needs quotes"),
    ("id: x\ntitle: *nothing\n", (2, 8), "'*name' repeats a value marked '&name'"),
    ('id: x\ntitle: "C:\\path"\n', (2, 11), "inside double quotes a backslash starts an escape"),
    ("id: x\ntitle: a\n- b\n", (3, 1), "check the indentation of this line"),
    ("id: x\n---\nid: y\n", (2, 1), "a content file holds one document"),
    ("id: x\ntitle: a\nbody b\nminutes: 3\n", (3, 1), "this line needs 'field: value'"),
    ("id: x\nsections:\n  - heading: a\n  body: b\n", (4, 3), "the fields of a list item line up"),
])
def test_yaml_syntax_errors_come_with_advice(tmp_path, text, place, advice):
    problem = only_problem(write(tmp_path / "y.yml", text))
    assert problem.message.startswith("invalid YAML: ")
    assert (problem.line, problem.column) == place, problem
    assert problem.hint.startswith(advice), problem.hint
