"""The page scripts speak the course's language. On a copy of the learner fixture course with
`language: es`, what they write once a learner answers exercises, saves a worksheet prompt, marks a
lesson complete and opens My work, the completion record and the home page is Spanish, counts take
Spanish plural forms, and the exports' words are Spanish while their data stays as in every
language. Course.t and Course.tn fill in values by name, fall back to English and pick the plural
form by the language's rule.
"""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from conftest import mkdocs_build
from generator.catalogue import TEMPLATE, catalogue_path, interface
from learner_support import LEARNER_COURSE, fixture_config, serve

_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
# What a reader sees or hears of a page besides its text.
_SHOWN = """() => {
  const names = ["aria-label", "aria-description", "title", "placeholder", "alt"];
  const values = [];
  document.querySelectorAll("*").forEach((el) => names.forEach((name) => {
    if (el.hasAttribute(name)) values.push(el.getAttribute(name));
  }));
  return document.body.innerText + "\\n" + values.join("\\n");
}"""


@pytest.fixture(scope="module")
def spanish_url(tmp_path_factory):
    """The learner fixture course with `language: es`, built strict and served."""
    tmp = tmp_path_factory.mktemp("learner-es")
    content = tmp / "content"
    shutil.copytree(LEARNER_COURSE / "content", content)
    course = content / "course.yml"
    course.write_text(course.read_text(encoding="utf-8") + "language: es\n", encoding="utf-8")
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        result = mkdocs_build(site, fixture_config(tmp, url, content))
        assert result.returncode == 0, result.stderr
        yield url


def script_english() -> list[str]:
    """The words of the page scripts' strings (the pieces between placeholders) that Spanish says
    differently, leaving out those the fixture course's own content uses."""
    with TEMPLATE.open("rb") as handle:
        english = read_po(handle)
    with catalogue_path("es").open("rb") as handle:
        spanish = read_po(handle, locale="es")
    content = "\n".join(path.read_text(encoding="utf-8") for path in (LEARNER_COURSE / "content").rglob("*.yml"))
    pieces = set()
    for message in english:
        if not message.id or not any(file.endswith(".js") for file, _ in message.locations):
            continue
        found = spanish.get(message.id)
        translations = found.string if isinstance(found.string, tuple) else (found.string,)
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in _PLACEHOLDER.split(text):
                piece = piece.strip(" .,:;()“”\"\n")
                if not re.search(r"[A-Za-z]{2}", piece) or any(piece in string for string in translations):
                    continue
                if not _words(piece).search(content):
                    pieces.add(piece)
    return sorted(pieces)


def _words(piece: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z])")


def english_left(page, pieces: list[str]) -> list[str]:
    """The scripts' English pieces in what the page shows now, not counting words the page had before
    its scripts ran (the templates' words, which are not the scripts' to translate)."""
    served = page.request.get(page.url).text()
    before = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", " ", served, flags=re.S)
    shown = page.evaluate(_SHOWN)
    return [piece for piece in pieces if _words(piece).search(shown) and not _words(piece).search(before)]


def test_what_the_scripts_write_is_spanish_with_spanish_plurals(page, spanish_url, tmp_path):
    pieces = script_english()
    assert "Not answered yet" in pieces and "Right so far" in pieces  # the check has something to find

    page.goto(spanish_url + "basics/first-lesson/")
    many = page.locator("#exercise-pick-many")
    many.locator('input[value="1"]').check()
    many.locator("button[type=submit]").click()
    feedback = many.locator(".course-exercise-feedback")
    expect(feedback).to_contain_text("Bien por ahora: has elegido 1 de 2 respuestas correctas. Hay más.")
    many.locator('input[value="2"]').check()
    many.locator("button[type=submit]").click()
    expect(feedback).to_contain_text("No del todo: 1 de tus elecciones no es correcta.")  # one: singular
    one = page.locator("#exercise-pick-one")
    one.locator('input[value="2"]').check()
    one.locator("button[type=submit]").click()
    expect(one.locator(".course-exercise-feedback")).to_contain_text("Correcto.")
    page.locator(".course-complete-button").click()
    expect(page.locator(".course-complete-status")).to_have_text(
        "Esta lección está marcada como completada. Pulsa el botón otra vez para deshacerlo.")
    assert english_left(page, pieces) == []

    page.goto(spanish_url + "practice/third-lesson/")
    order = page.locator("#exercise-put-in-order")
    order.locator(".course-ordering-move").first.click(force=True)  # the first item's Up: it cannot go up
    expect(order.locator("[role=status].course-visually-hidden")).to_contain_text("ya es el primero")
    order.locator(".course-ordering-move").nth(2).click()  # the second item's Up
    order.locator("button[type=submit]").click()
    expect(order.locator(".course-exercise-feedback")).to_contain_text("de 3 elementos están en su sitio")
    page.locator("#exercise-pair-up button[type=submit]").click()
    expect(page.locator("#exercise-pair-up .course-exercise-feedback")).to_have_text(
        "Primero elige una pareja para cada elemento.")
    page.locator('#exercise-sort-them [data-action="reveal"]').click()
    page.locator("#exercise-walk-through .course-branching-option").first.click()
    expect(page.locator("#exercise-walk-through .course-branching-trail")).to_contain_text("Paso 1:")
    assert english_left(page, pieces) == []

    page.goto(spanish_url + "worksheets/reflections/")
    page.locator('[data-prompt="story"] textarea').fill("Hablé primero.")
    page.locator('[data-prompt="habits"] input[value="1"]').check()
    expect(page.locator('[data-prompt="story"] .course-save-status')).to_have_text("Guardado")
    # The course evaluation is this worksheet: its email says what is not answered in Spanish.
    body = parse_qs(urlsplit(page.locator('[data-action="email-evaluation"]').get_attribute("href")).query)["body"][0]
    assert "How confident are you?\n(sin responder)" in body
    assert english_left(page, pieces) == []

    page.goto(spanish_url + "my-work/")
    # 4 prompts and 1 worksheet, 1 short answer: a plural and two singulars.
    expect(page.locator("[data-course-summary]")).to_have_text(
        "Has respondido 2 de 4 preguntas en 1 de 1 hoja de trabajo. "
        "0 de 1 respuesta breve de las lecciones escrita.")
    expect(page.locator('[data-prompt="habits"] .course-checked')).to_have_text("Marcado: Reading")
    expect(page.locator('[data-prompt="confidence"]').first).to_contain_text("Todavía sin responder.")
    assert english_left(page, pieces) == []
    with page.expect_download() as download:
        page.locator('[data-action="export-markdown"]').click()
    markdown = download.value
    assert markdown.suggested_filename == "learner-test-course-mi-trabajo.md"
    text = open(markdown.path(), encoding="utf-8").read()
    assert text.startswith("# Mi trabajo: Learner Test Course\n\nExportado el ")
    assert re.search(r"Exportado el \d{1,2} de [a-z]+ de \d{4}\.", text)
    assert "## Progreso\n\n- [x] The Basics: First Lesson" in text and "*Todavía sin responder.*" in text
    with page.expect_download() as download:
        page.locator('[data-action="export-json"]').click()
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    # The data of an export is the same in every language, so that it imports in any of them.
    assert sorted(exported) == ["answers", "course", "exercises", "exported", "last", "progress", "updated", "version"]
    assert exported["answers"] == {"reflections/story": "Hablé primero.", "reflections/habits": [1]}
    assert exported["exercises"]["pick-one"] == 2 and exported["progress"] == {"first-lesson": {"complete": True}}

    page.goto(spanish_url + "my-record/")
    record = page.locator("[data-course-record]")
    expect(record.locator("[data-record-summary]")).to_have_text("Marcaste como completadas 1 de 3 lecciones.")
    expect(record.locator('[data-lesson="first-lesson"] .course-record-mark')).to_have_text("Completada")
    expect(record.locator('[data-lesson="second-lesson"] .course-record-mark')).to_have_text("Todavía no")
    expect(record.locator("[data-record-date]")).to_have_text(re.compile(r"^\d{1,2} de [a-z]+ de \d{4}$"))
    assert english_left(page, pieces) == []

    page.goto(spanish_url)
    progress = page.locator("[data-course-progress]")
    expect(progress.locator("progress").first).to_have_attribute(
        "aria-label", "Todo el curso: 1 de 3 lecciones completadas")
    expect(progress).to_contain_text("0 de 1 lección completada")  # the module Practice has one lesson
    expect(page.locator(".course-continue")).to_contain_text("Continúa donde lo dejaste:")
    assert english_left(page, pieces) == []


def test_course_t_and_tn_fill_in_fall_back_and_follow_the_plural_rule(page, spanish_url):
    page.goto(spanish_url)
    said = page.evaluate("""() => [
      Course.t("Imported %(what)s from %(file)s.", {what: "3 respuestas", file: "a.json"}),
      Course.t("Step %(number)s:", {number: 15000}),
      Course.t("Not in any catalogue: %(name)s, 100%%", {name: "Ana"}),
      Course.tn("%(num)s answer", "%(num)s answers", 1),
      Course.tn("%(num)s answer", "%(num)s answers", 4),
      Course.tn("%(num)s answer", "%(num)s answers", 1000000),
      Course.tn("%(num)s apple", "%(num)s apples", 1),
      Course.tn("%(num)s apple", "%(num)s apples", 0)]""")
    assert said == [
        "Importado de a.json: 3 respuestas.",  # the translation puts the values in its own order
        "Paso 15.000:",  # numbers as Spanish writes them
        "Not in any catalogue: Ana, 100%",  # a string no catalogue has stays English
        "1 respuesta", "4 respuestas", "1.000.000 de respuestas",  # Spanish's three forms
        "1 apple", "0 apples"]  # English's forms and rule for an English string

    # Arabic's six forms, chosen by its rule, from the messages.js an Arabic site gets.
    page.add_script_tag(content=interface("ar").scripts())
    counts = [0, 1, 2, 3, 11, 100]
    chosen = page.evaluate("""(counts) => counts.map((n) => [
      CourseText.tn("%(num)s answer", "%(num)s answers", n), n.toLocaleString("ar")])""", counts)
    with catalogue_path("ar").open("rb") as handle:
        forms = read_po(handle, locale="ar").get(("%(num)s answer", "%(num)s answers")).string
    assert len(set(forms)) == 6
    assert [said for said, _ in chosen] == [form.replace("%(num)s", digits) for form, (_, digits) in zip(forms, chosen)]
