"""The interface's words come from one catalogue per language (generator/catalogue.py): the catalogues
are current with the code, their placeholders match, a string a catalogue lacks stays English with a
warning that names it, and the generated messages.js and messages.css carry the language's words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from authoring import edit
from conftest import FIXTURES, ROOT
from generator import catalogue
from generator.build import build_course, check_course
from generator.catalogue import _, catalogue_locales, catalogue_path, interface, ngettext, speaking
from generator.catalogue_extract import stale_files
from generator.cli import main
from generator.interface_assets import STYLES_PATH, css_content
from generator.errors import format_report


def course_in(tmp: Path, language: str) -> Path:
    content = tmp / "content"
    shutil.copytree(FIXTURES / "course", content)
    edit(content / "course.yml", "modules: [basics]", f"modules: [basics]\nlanguage: {language}")
    return content


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A locales folder of the test's own, with a template of three strings and a Spanish catalogue
    that translates two of them."""
    folder = tmp_path / "locales"
    (folder / "es" / "LC_MESSAGES").mkdir(parents=True)
    (folder / "course.pot").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#: overrides/assets/course/choice.js\nmsgid "Check my answer"\nmsgstr ""\n\n'
        '#: generator/templates/home.md.j2\nmsgid "%(num)d lesson"\nmsgid_plural "%(num)d lessons"\n'
        'msgstr[0] ""\nmsgstr[1] ""\n\n'
        '#: generator/templates/home.md.j2\nmsgid "Untranslated here"\nmsgstr ""\n', encoding="utf-8")
    catalogue_path_of = folder / "es" / "LC_MESSAGES" / "course.po"
    catalogue_path_of.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Check my answer"\nmsgstr "Comprobar mi respuesta"\n\n'
        'msgid "%(num)d lesson"\nmsgid_plural "%(num)d lessons"\nmsgstr[0] "%(num)d lección"\n'
        'msgstr[1] "%(num)d lecciones"\n\n'
        'msgid "Untranslated here"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(catalogue, "LOCALES", folder)
    monkeypatch.setattr(catalogue, "TEMPLATE", folder / "course.pot")
    _forget_starters()
    yield folder
    _forget_starters()  # what the starter check learnt from this folder's catalogues


def _forget_starters():
    from generator import starters
    starters._texts.cache_clear()
    starters._known.cache_clear()


def test_the_catalogues_are_current_with_the_code():
    # A string marked in a template, a script or the generator without `course messages` run after it.
    assert stale_files() == [], "run 'course messages' and translate what it added"


def test_course_messages_check_fails_on_a_stale_catalogue(tmp_path, monkeypatch):
    from generator import catalogue_extract
    monkeypatch.setattr(catalogue_extract, "TEMPLATE", tmp_path / "course.pot")
    result = CliRunner().invoke(main, ["messages", "--check"])
    assert result.exit_code == 1
    assert "course.pot: out of date: run 'course messages'" in result.output


@pytest.mark.parametrize("locale", sorted(catalogue_locales()))
def test_every_translation_keeps_the_placeholders_of_its_english(locale):
    with catalogue_path(locale).open("rb") as handle:
        found = read_po(handle, locale=locale.replace("-", "_"))
    errors = [(message.id, [str(error) for error in problems]) for message, problems in found.check()]
    assert errors == []


def test_a_translated_string_is_used_and_a_missing_one_stays_english(locales):
    with speaking("es-MX"):  # served by the es catalogue
        assert _("Check my answer") == "Comprobar mi respuesta"
        assert _("Untranslated here") == "Untranslated here"
        assert ngettext("%(num)d lesson", "%(num)d lessons", 1) == "1 lección"
        assert ngettext("%(num)d lesson", "%(num)d lessons", 4) == "4 lecciones"
    assert _("Check my answer") == "Check my answer"  # outside the build: English
    assert interface("es").missing == ("Untranslated here",)
    assert interface("en").missing == ()
    assert interface("fr").missing == ("Check my answer", "%(num)d lesson", "Untranslated here")


def test_the_page_scripts_get_their_strings_and_the_plural_rule(locales):
    script = interface("es").scripts()
    data = json.loads(script.split("window.CourseMessages = ", 1)[1].split(";\n", 1)[0])
    # Only strings of the page scripts go to the browser; templates' strings are rendered already.
    assert data == {"direction": "ltr", "language": "es", "texts": {"Check my answer": "Comprobar mi respuesta"}}
    assert "return Number((n != 1));" in script


def test_the_build_warns_which_strings_stay_in_english(locales, tmp_path):
    _, warnings = check_course(course_in(tmp_path, "es"))
    report = format_report(warnings)
    assert "course.yml:" in report and ": warning: language: 1 interface string has no Spanish ('es') " \
        "translation in" in report and "so it stays in English: 'Untranslated here'" in report
    _, warnings = check_course(course_in(tmp_path / "fr", "fr"))
    assert "the interface has no catalogue in French ('fr'): its 3 strings stay in English " \
        "('Check my answer', '%(num)d lesson', 'Untranslated here')" in format_report(warnings)
    assert "start one with 'course messages --add fr'" in format_report(warnings)


def test_english_needs_no_catalogue_and_gets_no_warning(tmp_path):
    _, warnings = check_course(course_in(tmp_path, "en-GB"))
    assert not [w for w in warnings if w.field == "language"]


def test_a_print_label_keeps_its_counters_in_the_translated_order():
    assert css_content("Seite %(page)s von %(pages)s", page="counter(page)", pages="counter(pages)") == \
        '"Seite " counter(page) " von " counter(pages)'
    # A language that puts the number first, and a quote inside the label.
    assert css_content('%(number)s. "Zeile"', number="counter(row)") == 'counter(row) ". \\"Zeile\\""'


def test_the_site_gets_the_language_s_print_labels_and_direction(tmp_path):
    pages = {page.path: page.content for page in build_course(course_in(tmp_path, "ar")).pages}
    assert '@page { @bottom-left { content: "صفحة " counter(page) " من " counter(pages); } }' in pages[STYLES_PATH]
    pages = {page.path: page.content for page in build_course(course_in(tmp_path / "de", "de")).pages}
    assert '@bottom-right { content: "Seite " counter(page) " von " counter(pages); }' in pages[STYLES_PATH]


def test_course_messages_add_starts_a_catalogue_for_a_new_language(tmp_path, monkeypatch):
    from generator import catalogue_extract
    folder = tmp_path / "locales"
    folder.mkdir()
    for module in (catalogue, catalogue_extract):
        monkeypatch.setattr(module, "LOCALES", folder)
        monkeypatch.setattr(module, "TEMPLATE", folder / "course.pot")
    monkeypatch.setattr(catalogue_extract, "catalogue_path", lambda locale: folder / locale / "course.po")
    result = CliRunner().invoke(main, ["messages", "--add", "pt_br"])
    assert result.exit_code == 0, result.output
    written = (folder / "pt-BR" / "course.po").read_text(encoding="utf-8")
    assert "Portuguese (Brazil)" in written and '"Language: pt_BR\\n"' in written
    assert 'msgid "Page %(page)s of %(pages)s"\nmsgstr ""' in written
    result = CliRunner().invoke(main, ["messages", "--add", "Klingon"])
    assert result.exit_code == 1 and "--add: 'Klingon' is not a language tag" in result.output
