"""The teaching check of translations (untranslated and outdated texts) and `course translations`."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.build import build_course, check_course
from generator.cli import main
from generator.translation_status import text_hash
from test_translations import BILINGUAL, course, edit  # noqa: F401 (course is a fixture)


def warnings(content: Path) -> list[str]:
    return [str(problem).replace(str(content) + "/", "") for problem in check_course(content)[1]]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_hash_of_a_source_text_is_recorded_in_its_translation():
    text = (BILINGUAL / "01-basics/lessons/first-steps.es.yml").read_text(encoding="utf-8")
    assert f"  title: '{text_hash('First Steps')}'\n" in text
    assert f"  sections[0].body: '{text_hash('When you rehearse your answer, you **stop hearing** the other person.')}'" in text


def test_an_untranslated_and_an_outdated_field(course):
    edit(course / "01-basics/lessons/first-steps.es.yml", "  - heading: Esperar no es escuchar\n", "  - heading: ~\n")
    edit(course / "01-basics/exercises/listening-check.yml", "Your colleague is still talking.", "Your friend is still talking.")
    assert warnings(course) == [
        "01-basics/exercises/listening-check.es.yml:3:9: warning: prompt: outdated: listening-check.yml changed this "
        "text (line 6) since it was translated\n  hint: bring the translation up to date, then record it with "
        "`course translations update 01-basics/exercises/listening-check.es.yml`",
        "01-basics/lessons/first-steps.es.yml:7:14: warning: sections[0].heading: not translated: the Spanish site "
        "shows the English text of first-steps.yml (line 11)"]


def test_a_field_left_out_and_a_file_with_no_translation(course):
    edit(course / "01-basics/worksheets/listening-notes.es.yml", "    max_label: Del todo\n", "")
    (course / "01-basics/exercises/one-question.es.yml").unlink()
    assert warnings(course) == [
        "01-basics/exercises/one-question.yml:1:1: warning: no Spanish translation: its 3 texts stay in English "
        "on the Spanish site\n  hint: write one-question.es.yml beside it (`course translations start es` writes "
        "one to fill in)",
        "01-basics/worksheets/listening-notes.es.yml:6:5: warning: prompts[1].max_label: not translated: the "
        "Spanish site shows the English text of listening-notes.yml (line 17)"]


def test_update_records_what_is_translated_so_the_warning_goes(course, monkeypatch):
    monkeypatch.chdir(course.parent)
    edit(course / "01-basics/exercises/listening-check.yml", "Your colleague is still talking.", "Your friend is still talking.")
    assert len(warnings(course)) == 1
    result = run("translations", "update", "content/01-basics/exercises/listening-check.es.yml")
    assert result.output == "recorded 6 source texts in content/01-basics/exercises/listening-check.es.yml\n"
    assert warnings(course) == []
    # Only the hashes block changed: the translations and the layout above it are as they were.
    text = (course / "01-basics/exercises/listening-check.es.yml").read_text(encoding="utf-8")
    assert text.startswith((BILINGUAL / "01-basics/exercises/listening-check.es.yml").read_text(
        encoding="utf-8").split("source_hashes:")[0] + "source_hashes:")
    assert text.count("source_hashes:") == 1


def test_a_translation_without_hashes_is_reported_once(course):
    path = course / "01-basics/module.es.yml"
    path.write_text(path.read_text(encoding="utf-8").split("\nsource_hashes:")[0], encoding="utf-8")
    assert warnings(course) == [
        "01-basics/module.es.yml:2:1: warning: 3 translated texts without a recorded source hash: a later change "
        "of the source text would go unnoticed\n  hint: once checked, record them with `course translations "
        "update 01-basics/module.es.yml`"]


def test_start_writes_a_starter_to_fill_in(course, monkeypatch):
    monkeypatch.chdir(course.parent)
    edit(course / "course.yml", "translations: [es]", "translations: [es, de]")
    result = run("translations", "start", "de")
    assert result.exit_code == 0, result.output
    assert "created content/01-basics/lessons/first-steps.de.yml\n" in result.output
    assert result.output.endswith("7 starter translations written: replace each ~ with its translation\n")
    starter = (course / "01-basics/lessons/first-steps.de.yml").read_text(encoding="utf-8")
    assert starter.startswith("# yaml-language-server: $schema=../../../schemas/lesson.translation.schema.json\n")
    assert "# First Steps\ntitle: ~\n" in starter
    assert "sections:\n  -\n    # Waiting is not listening\n    heading: ~\n" in starter
    assert "key_takeaways:\n  # Hear the whole sentence first\n  - ~\n" in starter
    # The starter is a valid translation: every text is listed as untranslated, nothing is an error.
    untranslated = [w for w in warnings(course) if "first-steps.de.yml" in w]
    assert len(untranslated) == 6 and all("not translated: the German site shows" in w for w in untranslated)
    assert build_course(course, language="de").bundle.lessons["first-steps"].title == "First Steps"


def test_status_counts_each_language(course, monkeypatch):
    monkeypatch.chdir(course.parent)
    edit(course / "01-basics/lessons/first-steps.es.yml", "title: Primeros pasos\n", "")
    result = run("translations")
    assert result.output.endswith("es: 30 of 31 texts translated, 0 outdated\n")
    assert "first-steps.es.yml:2:1: warning: title: not translated" in result.output


def test_a_preview_sees_a_source_change_make_a_translation_outdated(course):
    """`make serve` rebuilds through the incremental cache: the same warnings as a whole build."""
    from generator import incremental

    assert incremental.build_course(course).warnings == []
    source = course / "01-basics/lessons/second-look.yml"
    edit(source, "shows that you were there.", "shows that you were listening.")
    rebuilt = incremental.build_course(course)
    assert [str(w) for w in rebuilt.warnings] == [str(w) for w in build_course(course).warnings]
    assert [w.message for w in rebuilt.warnings] == [
        "outdated: second-look.yml changed this text (line 10) since it was translated"]
