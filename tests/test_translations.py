"""Translations beside their source files: read as texts only, checked against the source, put in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import build_course, check_course
from generator.errors import ContentError
from generator.load import find_content_files

BILINGUAL = Path(__file__).parent / "fixtures" / "bilingual-course" / "content"


@pytest.fixture
def course(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(BILINGUAL, target)
    return target


def errors(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        check_course(content)
    return [str(problem).replace(str(content) + "/", "") for problem in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_course_validates_strictly_with_its_translation():
    bundle, warnings = check_course(BILINGUAL)
    assert warnings == []
    assert bundle.course.language == "en" and bundle.course.translations == ["es"]
    assert bundle.lessons["first-steps"].title == "First Steps"


def test_a_translation_is_not_a_content_file_of_its_own():
    kinds = {path.name: kind for path, kind in find_content_files(BILINGUAL)[0]}
    assert kinds["first-steps.es.yml"] == "translation"
    assert kinds["first-steps.yml"] == "lesson"
    assert kinds["course.es.yml"] == "translation"
    assert kinds["module.es.yml"] == "translation"


def test_the_spanish_course_has_the_translated_texts_and_the_same_structure():
    english = build_course(BILINGUAL)
    spanish = build_course(BILINGUAL, language="es")
    assert spanish.bundle.course.language == "es"
    assert spanish.bundle.course.title == "Escuchar bien"
    lesson = spanish.bundle.lessons["first-steps"]
    assert lesson.title == "Primeros pasos"
    assert lesson.sections[0].body == "Cuando ensayas tu respuesta, **dejas de oír** a la otra persona."
    assert [o.practised_by for o in lesson.objectives] == [["listening-check"], ["listening-notes"]]
    choice = spanish.bundle.exercises["listening-check"]
    assert [(o.text, o.correct) for o in choice.options] == [("Preparo mi respuesta", False),
                                                             ("Sigo lo que dice", True)]
    prompts = spanish.bundle.worksheets["listening-notes"].prompts
    assert [(p.id, p.type, p.label) for p in prompts] == [("what-i-heard", "text", "¿Qué dijo la otra persona?"),
                                                          ("attention", "scale", "¿Qué tal has escuchado?")]
    assert (prompts[1].min, prompts[1].max, prompts[1].min_label) == (1, 5, "Apenas")
    # The same pages at the same paths, so a learner's answers and progress follow the language.
    assert [page.path for page in english.pages] == [page.path for page in spanish.pages]
    assert "Primeros pasos" not in next(p for p in english.pages if p.path == "basics/first-steps.md").content


def test_an_untranslated_field_shows_the_source_text(course):
    edit(course / "01-basics/lessons/first-steps.es.yml", "title: Primeros pasos\n", "title: ~\n")
    assert build_course(course, language="es").bundle.lessons["first-steps"].title == "First Steps"


def test_a_structural_field_is_refused_at_its_line(course):
    lesson = course / "01-basics/lessons/first-steps.es.yml"
    edit(lesson, "title: Primeros pasos\n", "title: Primeros pasos\nminutes: 12\n")
    edit(course / "01-basics/exercises/listening-check.es.yml", "    feedback: Sí,", "    correct: false\n    feedback: Sí,")
    assert errors(course) == [
        "01-basics/exercises/listening-check.es.yml:8:5: error: options[1].correct: structure, not text: it comes "
        "from listening-check.yml only\n  hint: remove it: ids, order, kinds, numbers, true/false settings, links "
        "by id and media files come from the source file in every language",
        "01-basics/lessons/first-steps.es.yml:3:1: error: minutes: structure, not text: it comes from "
        "first-steps.yml only\n  hint: remove it: ids, order, kinds, numbers, true/false settings, links by id "
        "and media files come from the source file in every language"]


def test_a_prompt_id_in_a_translation_is_structure(course):
    edit(course / "01-basics/worksheets/listening-notes.es.yml", "  - label: ¿Qué tal", "  - id: attention\n    label: ¿Qué tal")
    assert errors(course)[0].startswith("01-basics/worksheets/listening-notes.es.yml:6:5: error: prompts[1].id: "
                                        "structure, not text: it comes from listening-notes.yml only")


def test_an_unknown_field_and_a_field_the_source_lacks(course):
    lesson = course / "01-basics/lessons/second-look.es.yml"
    edit(lesson, "title: Una segunda mirada\n", "titel: Una segunda mirada\nkey_takeaways: [Pregunta]\n")
    assert errors(course) == [
        "01-basics/lessons/second-look.es.yml:2:1: error: titel: unknown field 'titel' (did you mean 'title'?)",
        "01-basics/lessons/second-look.es.yml:3:1: error: key_takeaways: second-look.yml has no 'key_takeaways' "
        "to translate\n  hint: translate only what second-look.yml says: set it there first"]


def test_a_list_of_another_length(course):
    edit(course / "01-basics/worksheets/listening-notes.es.yml", "  - label: ¿Qué dijo la otra persona?\n", "")
    assert errors(course) == [
        "01-basics/worksheets/listening-notes.es.yml:4:1: error: prompts: 1 item, but listening-notes.yml has 2: "
        "a translation has one item for each of the source's, in the same order"]


def test_wrong_values(course):
    edit(course / "course.es.yml", "title: Escuchar bien", "title: 3")
    edit(course / "01-basics/module.es.yml", "title: Lo básico", "title: '  '")
    edit(course / "01-basics/lessons/second-look.es.yml", "title: Una segunda mirada", "title: [Una]")
    assert errors(course) == [
        "01-basics/lessons/second-look.es.yml:2:1: error: title: expected text, found a list",
        "01-basics/module.es.yml:2:8: error: title: the translation is empty\n  hint: leave the field out, or "
        "write ~, while it is not translated",
        "course.es.yml:2:8: error: title: expected text, found the number 3"]


def test_a_translation_with_no_source_or_an_unlisted_language(course):
    shutil.copy(course / "01-basics/lessons/second-look.es.yml", course / "01-basics/lessons/second-looks.es.yml")
    shutil.copy(course / "course.es.yml", course / "course.fr.yml")
    shutil.copy(course / "course.es.yml", course / "course.Spanish.yml")
    shutil.copy(course / "course.es.yml", course / "course.en.yml")
    assert errors(course) == [
        "01-basics/lessons/second-looks.es.yml:1:1: error: translation of 'second-looks.yml', which does not exist "
        "(did you mean 'second-look'?)\n  hint: a translation sits beside its source file and takes its name",
        "course.Spanish.yml:1:1: error: the file name's language: 'Spanish' is not a language tag: did you mean "
        "'es'?\n  hint: a translation is named <source name>.<language tag>.yml, for example self-compassion.es.yml",
        "course.en.yml:1:1: error: 'en' is the course's own language: course.yml is the English text\n  hint: "
        "delete this file, or translate into another language",
        "course.fr.yml:1:1: error: course.yml does not list 'fr' in translations\n  hint: add it to "
        "'translations:' in course.yml (listed now: es)"]


def test_the_list_of_translations(course):
    edit(course / "course.yml", "translations: [es]", "translations: [es, Deutsch]")
    assert errors(course) == ["course.yml:10:20: error: translations[1]: 'Deutsch' is not a language tag: "
                              "did you mean 'de'?"]
    edit(course / "course.yml", "translations: [es, Deutsch]", "translations: [es, de, es, en]")
    assert errors(course) == [
        "course.yml:10:24: error: translations[2]: 'es' is listed twice (first as translations[0])",
        "course.yml:10:28: error: translations[3]: 'en' is the course's own language (language: en): list only "
        "the languages it is translated into"]


def test_a_broken_link_in_a_translated_text_is_an_error_at_the_translation(course):
    edit(course / "01-basics/lessons/second-look.es.yml", "muestra que estabas presente.",
         "muestra que estabas [presente](lesson:first-step).")
    assert errors(course) == [
        "01-basics/lessons/second-look.es.yml:7:11: error: sections[0].body: link 'lesson:first-step': no lesson "
        "with id 'first-step' (did you mean 'first-steps'?)"]


def test_a_build_of_a_language_the_course_does_not_list():
    with pytest.raises(ContentError) as caught:
        build_course(BILINGUAL, language="de")
    assert "the course has no translation 'de' (listed: es)" in str(caught.value)


def test_a_module_may_not_take_the_folder_of_a_translation(course):
    edit(course / "01-basics/module.yml", "id: basics", "id: es")
    edit(course / "course.yml", "  - basics", "  - es")
    assert errors(course) == ["01-basics/module.yml:2:5: error: id: module 'es' would be published at 'es/', "
                              "which is taken by the Spanish site (es/)\n  hint: choose another id; the site "
                              "cannot hold both"]


def test_two_translations_of_one_file_into_one_language(course):
    shutil.copy(course / "course.es.yml", course / "course.es.yaml")
    assert errors(course) == ["course.es.yml:1:1: error: a second Spanish translation of course.yml (the first is "
                              "course.es.yaml)\n  hint: keep one of the two files"]
