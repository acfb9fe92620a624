"""`course new`: starter files that validate at once, listed in the right order list by a minimal edit,
and refusals that write nothing."""

from __future__ import annotations

import difflib
import json

import pytest
import yaml
from jsonschema import Draft202012Validator
from click.testing import CliRunner

from authoring import copy_course, own_warnings, site_config, strict_build, write_own_words
from conftest import ROOT
from generator.build import build_course, check_course
from generator.cli import main
from generator.models import EXERCISE_KINDS, Lesson, Module, Worksheet
from generator.load import display_path
from generator.scaffold import EXERCISE_TYPES, slugify
from generator.schema import schema_comment

LESSON = "01-basics/lessons/first-steps.yml"


def run(content, *args, input=None):
    return CliRunner().invoke(main, ["new", *args, "--content", str(content)], input=input)


def snapshot(content):
    return {p.relative_to(content).as_posix(): p.read_bytes()
            for p in sorted(content.rglob("*")) if p.is_file()}


def added_lines(before: str, after: str) -> list[str]:
    """The lines an edit added, failing if it removed or changed any."""
    diff = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert not [line for line in diff if line.startswith("-")], diff
    return [line[2:] for line in diff]


def explains_every_field(text: str, model) -> None:
    for name in model.model_fields:
        assert f"# {name}: " in text, f"field '{name}' is not explained"


def test_new_lesson_with_a_worksheet_validates_and_builds_strictly(tmp_path):
    content = copy_course(tmp_path)
    module_before = (content / "01-basics/module.yml").read_text(encoding="utf-8")
    result = run(content, "lesson", "--module", "basics", "--title", "Asking for Help",
                 "--worksheet-title", "People I Could Ask")
    assert result.exit_code == 0, result.output

    lesson = content / "01-basics/lessons/asking-for-help.yml"
    worksheet = content / "01-basics/worksheets/people-i-could-ask.yml"
    lesson_text, worksheet_text = lesson.read_text(encoding="utf-8"), worksheet.read_text(encoding="utf-8")
    assert lesson_text.splitlines()[0] == schema_comment(lesson, "lesson", tmp_path / "schemas")
    assert worksheet_text.splitlines()[0] == schema_comment(worksheet, "worksheet", tmp_path / "schemas")
    explains_every_field(lesson_text, Lesson)
    explains_every_field(worksheet_text, Worksheet)
    # One line added to module.yml, right after the last lesson; everything else as it was.
    module_after = (content / "01-basics/module.yml").read_text(encoding="utf-8")
    assert added_lines(module_before, module_after) == ["  - asking-for-help"]
    assert module_after.index("  - first-steps\n") < module_after.index("  - asking-for-help\n")

    bundle, warnings = check_course(content)
    assert own_warnings(warnings) == []  # only the starter text to replace (test_starters.py)
    assert list(bundle.lessons) == ["first-steps", "asking-for-help"]
    assert bundle.lessons["asking-for-help"].worksheet == "people-i-could-ask"
    assert bundle.lessons["asking-for-help"].objectives[0].practised_by == ["people-i-could-ask"]

    write_own_words(lesson)
    write_own_words(worksheet)
    build = strict_build(site_config(tmp_path), tmp_path / "site")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site/basics/asking-for-help/index.html").is_file()
    assert (tmp_path / "site/worksheets/people-i-could-ask/index.html").is_file()


def test_new_lesson_asks_for_what_is_left_out(tmp_path):
    content = copy_course(tmp_path)
    result = run(content, "lesson", input="basics\nAsking for Help\nPeople I Could Ask\n")
    assert result.exit_code == 0, result.output
    assert "Module (basics)" in result.output and "Lesson title" in result.output
    bundle, warnings = check_course(content)
    assert own_warnings(warnings) == [] and bundle.lessons["asking-for-help"].worksheet == "people-i-could-ask"


def test_new_lesson_without_activities_warns_until_one_is_added(tmp_path):
    content = copy_course(tmp_path)
    assert run(content, "lesson", "--module", "basics", "--title", "Asking for Help").exit_code == 0
    _, warnings = check_course(content)
    assert [(w.field, w.message.split(" is not")[0]) for w in own_warnings(warnings)] == [
        ("objectives[0]", "objective 'Describe one thing learners can do after this lesson'")]
    # A worksheet added later fills the commented-out field and the empty practised_by.
    assert run(content, "worksheet", "--lesson", "asking-for-help", "--title", "People I Could Ask").exit_code == 0
    text = (content / "01-basics/lessons/asking-for-help.yml").read_text(encoding="utf-8")
    assert "\nworksheet: people-i-could-ask\n" in text and "# worksheet: null" not in text
    assert "practised_by: [people-i-could-ask]" in text
    assert own_warnings(check_course(content)[1]) == []


@pytest.mark.parametrize("exercise_type", EXERCISE_TYPES)
def test_new_exercise_of_every_type(tmp_path, exercise_type):
    content = copy_course(tmp_path)
    before = (content / LESSON).read_text(encoding="utf-8")
    result = run(content, "exercise", "--lesson", "first-steps", "--type", exercise_type, "--title", "Try it")
    assert result.exit_code == 0, result.output
    text = (content / "01-basics/exercises/try-it.yml").read_text(encoding="utf-8")
    explains_every_field(text, next(k for k in EXERCISE_KINDS if k.model_fields["type"].annotation.__args__[0]
                                    == exercise_type))
    after = (content / LESSON).read_text(encoding="utf-8")
    # The flow list gains the id; the lesson's minutes follow its parts (19 + 5).
    assert "exercises: [pick-one, why-small, try-it]" in after
    assert after.replace("exercises: [pick-one, why-small, try-it]", "exercises: [pick-one, why-small]") == before
    bundle, warnings = check_course(content)
    assert own_warnings(warnings) == [] and bundle.exercises["try-it"].type == exercise_type
    assert warnings, "every starter file has starter text to replace"
    build_course(content)
    # What the editor sees agrees: the starter file matches the exported schema.
    schema = json.loads((ROOT / "schemas/exercise.schema.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(yaml.safe_load(text))) == []


def test_new_exercise_updates_minutes_when_they_would_drift(tmp_path):
    content = copy_course(tmp_path)
    for title in ("One", "Two"):
        assert run(content, "exercise", "--lesson", "first-steps", "--type", "short_answer", "--title", title).exit_code == 0
    text = (content / LESSON).read_text(encoding="utf-8")
    assert "minutes: 29\n" in text  # 20 still fits 24 minutes of parts; 29 needed a change
    assert own_warnings(check_course(content)[1]) == []


def test_new_module_with_its_first_lesson(tmp_path):
    content = copy_course(tmp_path)
    before = (content / "course.yml").read_text(encoding="utf-8")
    result = run(content, "module", "--title", "Staying in Touch", "--lesson-title", "Why Keep in Touch",
                 "--worksheet-title", "My Contacts")
    assert result.exit_code == 0, result.output
    assert added_lines(before, (content / "course.yml").read_text(encoding="utf-8")) == ["  - staying-in-touch"]
    assert "  - basics  # the only module\n" in (content / "course.yml").read_text(encoding="utf-8")
    module_text = (content / "02-staying-in-touch/module.yml").read_text(encoding="utf-8")
    explains_every_field(module_text, Module)
    bundle, warnings = check_course(content)
    assert own_warnings(warnings) == []
    assert [m.id for m in bundle.modules] == ["basics", "staying-in-touch"]
    assert bundle.modules[1].lessons == ["why-keep-in-touch"]


def test_refuses_a_duplicate_id_and_writes_nothing(tmp_path):
    content = copy_course(tmp_path)
    before = snapshot(content)
    result = run(content, "lesson", "--module", "basics", "--title", "First Steps")
    assert result.exit_code == 1
    assert "a lesson with id 'first-steps' already exists" in result.output
    result = run(content, "exercise", "--lesson", "first-steps", "--type", "scenario", "--title", "x",
                 "--id", "pick-one")
    assert result.exit_code == 1 and "an exercise" not in result.output
    assert "exercise with id 'pick-one' already exists" in result.output
    assert snapshot(content) == before


def test_refuses_to_overwrite_a_file_and_writes_nothing(tmp_path):
    content = copy_course(tmp_path)
    # A draft whose file name is the id the new lesson would get, but whose id is another.
    draft = (content / LESSON).read_text(encoding="utf-8").replace("id: first-steps", "id: draft")
    (content / "01-basics/lessons/log-lesson.yml").write_text(draft, encoding="utf-8")
    before = snapshot(content)
    result = run(content, "lesson", "--module", "basics", "--title", "Log Lesson")
    assert result.exit_code == 1
    assert "log-lesson.yml already exists; not overwriting it" in result.output
    assert snapshot(content) == before


def test_refuses_to_work_on_content_that_does_not_load(tmp_path):
    content = copy_course(tmp_path)
    (content / "01-basics/worksheets/broken.yml").write_text("id: [unclosed\n", encoding="utf-8")
    before = snapshot(content)
    result = run(content, "lesson", "--module", "basics", "--title", "Another Lesson")
    assert result.exit_code == 1
    assert "fix these problems first" in result.output and "broken.yml:" in result.output
    assert snapshot(content) == before


def test_refuses_a_second_worksheet_and_an_unknown_lesson(tmp_path):
    content = copy_course(tmp_path)
    before = snapshot(content)
    result = run(content, "worksheet", "--lesson", "first-steps", "--title", "Another")
    assert result.exit_code == 1 and "already has the worksheet 'first-notes'" in result.output
    result = run(content, "exercise", "--lesson", "first-step", "--type", "scenario", "--title", "x")
    assert result.exit_code == 1 and "no lesson with id 'first-step' (did you mean 'first-steps'?)" in result.output
    assert snapshot(content) == before


def test_a_long_title_gives_an_id_that_fits(tmp_path):
    content = copy_course(tmp_path)
    title = "A very long lesson title that goes on and on about networking at large events " * 2
    result = run(content, "lesson", "--module", "basics", "--title", title)
    assert result.exit_code == 0, result.output
    [path] = [p for p in (content / "01-basics/lessons").glob("a-very-long-*.yml")]
    assert len(path.stem) <= 64 and not path.stem.endswith("-")
    check_course(content)


def test_refuses_an_id_no_file_can_have(tmp_path):
    content = copy_course(tmp_path)
    before = snapshot(content)
    result = run(content, "lesson", "--module", "basics", "--title", "Console", "--id", "con")
    assert result.exit_code == 1
    assert "'con' is not a valid id" in result.output
    assert snapshot(content) == before


@pytest.mark.parametrize("title, expected", [
    ("Café Déjà Vu", "cafe-deja-vu"),
    ("Straße der Ideen", "strasse-der-ideen"),
    ("Ørsted og æbler", "orsted-og-aebler"),
    ("Łódź, Þórshöfn & Œuvres", "lodz-thorshofn-oeuvres"),
    ("Привет, мир", "privet-mir"),
    ("Ελληνικά μαθήματα", "ellinika-mathimata"),
    ("日本語", "ribenyu"),
    ("🎉 Party time!", "party-time"),
    ("🎉 ✨", ""),
])
def test_slugify_transliterates_to_an_id(title, expected):
    assert slugify(title) == expected


def test_a_title_in_another_script_gets_an_id_and_one_without_letters_a_message(tmp_path):
    content = copy_course(tmp_path)
    assert run(content, "lesson", "--module", "basics", "--title", "Café Déjà Vu").exit_code == 0
    assert (content / "01-basics/lessons/cafe-deja-vu.yml").is_file()
    before = snapshot(content)
    result = run(content, "lesson", "--module", "basics", "--title", "🎉 ✨")
    assert result.exit_code == 1
    assert result.output == ("error: the title '🎉 ✨' has no letters or digits to make an id from: give one "
                             "with --id, such as --id first-steps\n")
    assert snapshot(content) == before


def test_a_wrong_exercise_type_gets_did_you_mean_and_the_choices(tmp_path):
    content = copy_course(tmp_path)
    result = run(content, "exercise", "--lesson", "first-steps", "--type", "single-choice", "--title", "x")
    assert result.exit_code == 2  # a usage error, as click's own
    assert result.output.splitlines()[-1] == (
        "Error: Invalid value for '--type': 'single-choice' is not an exercise type (did you mean "
        f"'single_choice'?); choose from: {', '.join(EXERCISE_TYPES)}")


def test_new_prints_only_what_concerns_the_files_it_wrote(tmp_path):
    content = copy_course(tmp_path)
    edit_file = content / "01-basics/module.yml"
    text = edit_file.read_text(encoding="utf-8")
    objectives = text[text.index("objectives:"):text.index("lessons:")]
    edit_file.write_text(text.replace(objectives, ""), encoding="utf-8")  # a warning elsewhere in the course
    assert [w.field for w in check_course(content)[1]] == ["objectives"]
    result = CliRunner().invoke(main, ["new", "exercise", "--lesson", "first-steps", "--type", "short_answer",
                                       "--title", "Try it", "--content", str(content)])
    assert result.exit_code == 0, result.output
    assert "module.yml" not in result.output and "warning" not in result.output
    exercise = content / "01-basics/exercises/try-it.yml"
    assert f"note: {display_path(exercise)} holds 2 starter texts to replace with your own words " \
           "(`course validate` says where)" in result.output.splitlines()


def test_new_files_of_a_spanish_course_have_spanish_starters_that_the_check_still_finds(tmp_path):
    content = copy_course(tmp_path)
    course = content / "course.yml"
    course.write_text(course.read_text(encoding="utf-8") + "language: es\n", encoding="utf-8")
    result = run(content, "module", "--title", "Primeros pasos", "--worksheet-title", "", input="\n")
    assert result.exit_code == 0, result.output
    module = yaml.safe_load(next(content.glob("*-primeros-pasos/module.yml")).read_text(encoding="utf-8"))
    assert module["overview"].startswith("Di qué trata este módulo")
    lesson = yaml.safe_load(next(content.glob("*-primeros-pasos/lessons/*.yml")).read_text(encoding="utf-8"))
    assert lesson["title"] == "Introducción" and lesson["sections"][0]["heading"] == "Introducción"
    assert lesson["sections"][0]["body"].startswith("Escribe aquí la primera parte de la lección")
    _, warnings = check_course(content)
    starters = [w for w in warnings if w not in own_warnings(warnings) and "primeros-pasos" in w.file]
    assert any(w.field == "overview" and "Di qué trata este módulo" in w.message for w in starters)
