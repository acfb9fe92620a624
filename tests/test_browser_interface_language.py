"""The shipped course with `language: es` (the interface only: its content stays as written) shows no
English interface string anywhere: in the built pages, in what the page scripts write once a learner
works through a lesson, a worksheet and My work, on printed pages and in the PDFs.

An English string counts when the Spanish catalogue translates it differently and it does not occur in
the course's own content (which is English and may well say "Next steps" itself).
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from generator.export.pdf import render_pdfs
from language_support import english_in, english_pieces, site_in_language

LANGUAGE = "es"
SHOWN_ATTRIBUTES = ("aria-label", "aria-description", "title", "placeholder", "alt", "data-label", "value")


def english_strings(kind: str) -> list[str]:
    """The English words of the interface that Spanish says differently: `kind` "scripts" for the
    page scripts' strings, "pages" for the rest."""
    return english_pieces(kind == "scripts", ROOT / "content", LANGUAGE)


class _ShownText(HTMLParser):
    """The text a reader sees or hears of a page: text outside scripts and styles, and the attributes
    that screen readers speak or browsers show."""

    def __init__(self):
        super().__init__()
        self.parts, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def shown_text(html: str) -> str:
    parser = _ShownText()
    parser.feed(html)
    return "\n".join(parser.parts)


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory):
    """The shipped course with `language: es`, built strict and served."""
    yield from site_in_language(tmp_path_factory.mktemp("spanish"), ROOT / "content", LANGUAGE)


def test_no_page_of_the_built_site_has_an_english_interface_string(spanish_site):
    site, _ = spanish_site
    pieces = english_strings("pages") + english_strings("scripts")
    found = {}
    for page in sorted(site.rglob("*.html")):
        left = english_in(shown_text(page.read_text(encoding="utf-8")), pieces)
        if left:
            found[page.relative_to(site).as_posix()] = left
    assert found == {}


def _visit(page, url: str) -> str:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate("""() => {
        const shown = [document.body.innerText];
        for (const node of document.querySelectorAll('[aria-label],[title],[placeholder],[aria-description]')) {
            for (const name of ['aria-label', 'title', 'placeholder', 'aria-description']) {
                if (node.getAttribute(name)) shown.push(node.getAttribute(name));
            }
        }
        return shown.join('\\n');
    }""")


def test_what_the_page_scripts_write_is_spanish_too(spanish_site, page):
    _, url = spanish_site
    pieces = english_strings("scripts") + english_strings("pages")
    found = {}
    lesson = url + "growth-mindset/why-networking-feels-hard/"
    text = _visit(page, lesson)
    # Work through the lesson: answer its first choice exercise wrongly, then mark the lesson complete.
    choice = page.locator("form.course-choice").first
    choice.locator("button[type=submit]").click()  # nothing chosen: "Choose an answer first."
    text += "\n" + page.evaluate("() => document.body.innerText")
    choice.locator("input").last.check()
    choice.locator("button[type=submit]").click()
    text += "\n" + page.evaluate("() => document.body.innerText")
    choice.locator("[data-action=reveal]").click()
    text += "\n" + page.evaluate("() => document.body.innerText")
    page.locator("button.course-complete-button").click()
    text += "\n" + page.evaluate("() => document.body.innerText")
    found["lesson"] = english_in(text, pieces)
    worksheet = page.locator("a[href*='worksheets/']").first.get_attribute("href")
    text = _visit(page, url + "worksheets/" + worksheet.rsplit("worksheets/", 1)[1])
    box = page.locator("textarea").first
    box.fill("Una respuesta")
    box.blur()
    text += "\n" + page.evaluate("() => document.body.innerText")
    found["worksheet"] = english_in(text, pieces)
    found["my work"] = english_in(_visit(page, url + "my-work/"), pieces)
    found["home"] = english_in(_visit(page, url), pieces)
    assert {name: left for name, left in found.items() if left} == {}


def test_printed_pages_and_pdfs_are_spanish(spanish_site, browser, tmp_path):
    site, _ = spanish_site
    pieces = english_strings("pages") + english_strings("scripts")
    printed = tmp_path / "printed"
    shutil.copytree(site, printed)
    written = render_pdfs(printed, "a4", browser=browser)
    assert written
    found = {}
    for pdf in written:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        left = english_in(text, pieces)
        if left:
            found[pdf.name] = left
        assert "Página " in text, pdf.name  # the page label of the print styles ("Página 1 de 2")
    assert found == {}
