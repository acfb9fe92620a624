"""The generated pages speak the course's language: every interface string of the templates and of the
generator's Python comes from the catalogue (generator/catalogue.py), plurals follow the language's
rule, page and navigation titles are translated, and a string a catalogue lacks stays English with
the build's warning. The fixture course, and the learner fixture with every kind of exercise and the
course's ending, are built in Spanish and in German, in both editions."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import FIXTURES
from generator import catalogue
from generator.build import build_course, check_course
from generator.catalogue import TEMPLATE, catalogue_path, speaking
from generator.errors import format_report
from generator.interface_assets import palette_toggles
from generator.render import NavSection

LANGUAGES = ["es", "de"]
_PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")


COURSES = {"course": FIXTURES / "course", "practice": FIXTURES / "learner-course" / "content"}


def course_in(folder: Path, language: str, source: Path = COURSES["course"]) -> Path:
    content = folder / "content"
    shutil.copytree(source, content)
    with (content / "course.yml").open("a", encoding="utf-8") as course:
        course.write(f"\nlanguage: {language}\n")
    return content


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory):
    """The fixture courses in one language: the fixture course's learner and instructor results, and
    every page of both courses and editions but the authoring guide (the instructor's tool, in English)."""
    results = {}
    for name, source in COURSES.items():
        content = course_in(tmp_path_factory.mktemp(f"{name}-{request.param}"), request.param, source)
        results[name, "learner"] = build_course(content)
        results[name, "instructor"] = build_course(content, edition="instructor")
    pages = {(*key, page.path): page.content for key, result in results.items() for page in result.pages
             if page.path.endswith(".md") and not page.path.startswith("for-instructors/")}
    return request.param, results["course", "learner"], results["course", "instructor"], pages


def english_pattern(message: str) -> re.Pattern:
    """The English text of a catalogue string as it shows on a page, its placeholders any value."""
    parts, end = [], 0
    for match in _PLACEHOLDER.finditer(message):
        parts += [re.escape(message[end:match.start()]), r"\d+" if match[2] == "d" else r".+?"]
        end = match.end()
    parts.append(re.escape(message[end:]))
    text = "".join(parts).replace("%%", "%")
    start = r"(?<!\w)" if re.match(r"\w", message) else ""
    stop = r"(?!\w)" if re.search(r"\w$", message) else ""
    return re.compile(start + text + stop)


def generator_strings(language: str) -> list[tuple[str, tuple[str, ...]]]:
    """(English, translations) of every string of the templates and the Python whose translation
    differs from the English: each English form of a plural string, with all its translated forms."""
    with TEMPLATE.open("rb") as handle:
        template = read_po(handle)
    with catalogue_path(language).open("rb") as handle:
        translated = read_po(handle, locale=language)
    found = []
    for message in template:
        if not message.id or all(file.endswith(".js") for file, _ in message.locations):
            continue
        translation = translated[message.id].string
        forms = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = translation if isinstance(translation, tuple) else (translation,)
        found += [(english, strings) for english in forms if english not in strings]
    return found


def test_no_english_interface_string_is_left_on_any_page(built):
    language, _, _, pages = built
    fixture_text = "\n".join(path.read_text(encoding="utf-8") for source in COURSES.values()
                             for path in source.rglob("*.yml"))
    strings = generator_strings(language)
    assert len(strings) > 150  # the templates' and the Python's strings, not only a few
    # The language's own words that happen to hold an English one (German "2 Module").
    translations = "\n".join(form for _, forms in strings for form in forms)
    left = []
    for english, _ in strings:
        pattern = english_pattern(english)
        if pattern.search(fixture_text) or pattern.search(translations):  # the course's own words stay
            continue
        left += [(english, page) for page, content in pages.items() if pattern.search(content)]
    assert left == []


def test_lesson_exercise_and_worksheet_pages_read_in_the_language(built):
    language, _, _, pages = built
    lesson, worksheet = pages["course", "learner", "basics/first-steps.md"], pages["course", "learner", "worksheets/all-prompts.md"]
    expected = {
        "es": ["Módulo 1 · Lección 1 de 2 · unos ", '!!! abstract "Al terminar esta lección podrás"',
               ">Comprobar mi respuesta</button>", "## Práctica", "Anterior</span>", "<span>Nombre</span>"],
        "de": ["Modul 1 · Lektion 1 von 2 · etwa ", '!!! abstract "Am Ende dieser Lektion kannst du"',
               ">Antwort prüfen</button>", "## Üben", "Zurück</span>", "<span>Datum</span>"],
    }[language]
    shown = lesson + pages["course", "learner", "basics/second-steps.md"] + worksheet
    assert [text for text in expected if text not in shown] == []


def test_plurals_follow_the_language(built):
    language, _, _, pages = built
    home = pages["course", "learner", "index.md"]
    # The fixture has one module and two lessons.
    assert {"es": "1 módulo, 2 lecciones, unos ", "de": "1 Modul, 2 Lektionen, insgesamt etwa "}[language] in home
    with speaking(language):
        one, two = (catalogue.ngettext("%(num)d lesson", "%(num)d lessons", n) for n in (1, 2))
    assert (one, two) == {"es": ("1 lección", "2 lecciones"), "de": ("1 Lektion", "2 Lektionen")}[language]


def test_arabic_plurals_have_their_six_forms():
    with speaking("ar"):
        forms = [catalogue.ngettext("%(num)d lesson", "%(num)d lessons", n) for n in (0, 1, 2, 3, 11, 100)]
    assert forms == ["لا دروس", "درس واحد", "درسان", "3 دروس", "11 درسًا", "100 درس"]


def test_page_titles_and_navigation_are_translated(built):
    language, learner, instructor, _ = built
    titles = {page.path: page.title for page in instructor.pages}
    nav = [item.title for item in learner.nav]
    expected = {
        "es": ("Inicio del curso", "Mi trabajo", "Hojas de trabajo", "Hojas de trabajo para imprimir",
               "Guía de facilitación", "Glosario"),
        "de": ("Startseite des Kurses", "Meine Arbeit", "Arbeitsblätter", "Arbeitsblätter zum Ausdrucken",
               "Moderationsleitfaden", "Glossar"),
    }[language]
    home, my_work, worksheets, pack, guide, glossary = expected
    assert (titles["index.md"], titles["my-work.md"], titles["worksheets/printable.md"],
            titles["basics/facilitation.md"], titles["glossary.md"]) == (home, my_work, pack, guide, glossary)
    assert nav[0] == home and nav[-1] == my_work and worksheets in nav
    section = next(item for item in learner.nav if isinstance(item, NavSection) and item.title == worksheets)
    assert [page.title for page in section.pages][-1] == pack


def test_durations_speak_the_language():
    from generator.render import duration
    with speaking("ar"):
        assert [duration(m) for m in (10, 60, 90)] == ["10 د", "1 س", "1 س 30 د"]
    assert [duration(m) for m in (10, 60, 90)] == ["10 min", "1 h", "1 h 30 min"]  # outside a build: English


def test_the_palette_toggles_are_named_in_the_language():
    palette = [{"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"}},
               {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"}},
               {"scheme": "custom", "toggle": {"name": "My own words"}}]
    with speaking("es"):
        names = [scheme["toggle"]["name"] for scheme in palette_toggles(palette)]
    assert names == ["Cambiar al modo oscuro", "Cambiar al modo claro", "My own words"]
    assert palette[0]["toggle"]["name"] == "Switch to dark mode"  # mkdocs.yml's own setting is left alone


def test_a_missing_translation_stays_english_and_the_build_says_so(tmp_path, monkeypatch):
    folder = tmp_path / "locales"
    (folder / "es" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copyfile(TEMPLATE, folder / "course.pot")
    with catalogue_path("es").open("rb") as handle:
        spanish = read_po(handle, locale="es")
    spanish["Key takeaways"].string = ""
    with (folder / "es" / "LC_MESSAGES" / "course.po").open("wb") as handle:
        write_po(handle, spanish)
    monkeypatch.setattr(catalogue, "LOCALES", folder)
    monkeypatch.setattr(catalogue, "TEMPLATE", folder / "course.pot")
    content = course_in(tmp_path, "es")
    lesson = next(page.content for page in build_course(content).pages if page.path == "basics/first-steps.md")
    assert '!!! success "Key takeaways"' in lesson and "Al terminar esta lección podrás" in lesson
    _, warnings = check_course(content)
    assert "1 interface string has no Spanish ('es') translation in" in format_report(warnings)
    assert "so it stays in English: 'Key takeaways'" in format_report(warnings)
