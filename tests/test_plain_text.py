"""Plain-text fields are shown as typed everywhere: never live HTML, never Markdown, on one line.

A copy of the fixture course gets markup of every kind in every plain-text field (see
plain_text_support.PAYLOAD); both editions are built with the real mkdocs.yml and searched for live
elements, statically and in Chromium, and for the text as it was typed.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml

from conftest import FIXTURES, mkdocs_build, zensical_build
from learner_support import fixture_config, serve
from plain_text_support import PAYLOAD, write_poisoned_course

from generator.build import check_course
from generator.guide import reference_page
from generator.models import MARKDOWN, PLAIN, TextFormat
from generator.plain_text import plain

EDITIONS = ("learner", "instructor")


def test_plain_escapes_html_and_markdown():
    assert plain("<img src=x onerror=alert(1)> & co") == "&lt;img src=x onerror=alert(1)&gt; &amp; co"
    assert "|" not in plain("a | b") and "*" not in plain("*em*") and "`" not in plain("`c`")
    assert plain("[a](b) {: #c} C#") == "&#91;a&#93;(b) &#123;: &#35;c&#125; C&#35;"
    # List markers at the start would open a list inside a list item.
    assert plain("- a") == "&#45; a" and plain("+ a") == "&#43; a" and plain("12. a") == "12&#46; a"
    assert plain("a - b, 3. c") == "a - b, 3. c"
    assert plain("Ordinary title, 2 words") == "Ordinary title, 2 words"


def test_plain_keeps_the_sites_typography():
    # SmartyPants acts on quotes and dashes in Markdown; plain text gets the same in raw HTML.
    assert plain('"Hi," she said -- twice...') == "&ldquo;Hi,&rdquo; she said &ndash; twice&hellip;"
    assert plain("Don't <b>") == "Don&rsquo;t &lt;b&gt;"


def test_a_folded_or_multi_line_title_is_one_line(fixture_course):
    lesson = fixture_course / "10-basics" / "lessons" / "first-steps.yml"
    text = lesson.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: >\n  Two lines\n  of title\n", text)
    lesson.write_text(text, encoding="utf-8")
    bundle, _ = check_course(fixture_course)
    assert bundle.lessons["first-steps"].title == "Two lines of title"


def test_every_text_field_says_whether_it_is_plain_or_markdown():
    for model in _content_models():
        for name, info in model.model_fields.items():
            formats = [m for m in info.metadata + list(_item_metadata(info.annotation)) if isinstance(m, TextFormat)]
            if not formats:
                continue
            words = "plain text" if formats[0] is PLAIN else "in Markdown"
            assert formats[0] in (PLAIN, MARKDOWN)
            assert words in info.description, f"{model.__name__}.{name}: {info.description}"
    reference = reference_page()
    assert "<td>plain text</td>" in reference and "<td>Markdown text</td>" in reference


@pytest.fixture(scope="module")
def poisoned_sites(tmp_path_factory):
    """The fixture course with the payload in every plain-text field, built in both editions, and
    the learner edition by Zensical too."""
    tmp = tmp_path_factory.mktemp("plain-text")
    write_poisoned_course(FIXTURES / "course", tmp / "content")
    sites = {}
    (tmp / "site-learner").mkdir()
    with serve(tmp / "site-learner") as url:  # the learner edition, served for the browser test
        for edition in EDITIONS:
            config = yaml.safe_load(fixture_config(tmp, url, tmp / "content").read_text(encoding="utf-8"))
            config["plugins"][1]["course"]["edition"] = edition
            path = tmp / f"mkdocs-{edition}.yml"
            path.write_text(yaml.safe_dump(config), encoding="utf-8")
            site = tmp / f"site-{edition}"
            result = mkdocs_build(site, path)
            assert result.returncode == 0, result.stderr
            sites[edition] = site
        # Zensical builds the same pages and nav (from the learner config) with its own templates.
        result = zensical_build(tmp / "site-zensical", tmp / "mkdocs-learner.yml", None, "--no-strict")
        assert result.returncode == 0, result.stderr
        sites["zensical"] = tmp / "site-zensical"
        yield tmp, sites, url


class _Elements(HTMLParser):
    """Every element's tag and attributes, and the page's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _pages(site):
    for path in sorted(site.rglob("*.html")):
        parser = _Elements()
        parser.feed(path.read_text(encoding="utf-8"))
        yield path, parser


def test_no_plain_text_field_becomes_an_element(poisoned_sites):
    _, sites, _ = poisoned_sites
    for site in sites.values():
        for path, parser in _pages(site):
            live = [(tag, attrs) for tag, attrs in parser.elements
                    if "onerror" in attrs or tag in ("b", "i") or attrs.get("id") == "id" or attrs.get("href") == "x"]
            assert not live, f"{path}: {live}"


def test_every_plain_text_field_shows_as_typed(poisoned_sites):
    tmp, sites, _ = poisoned_sites
    pages = [parser for site in sites.values() for _, parser in _pages(site)]
    text = " ".join(" ".join("".join(parser.text).split()) for parser in pages)
    # A figure's alt text is shown as the image's alt attribute: as typed there.
    text += " " + " ".join(attrs["alt"] for parser in pages for tag, attrs in parser.elements
                           if tag == "img" and attrs.get("alt"))
    typed = " ".join(PAYLOAD.split())
    fields = set()
    for source in (tmp / "content").rglob("*.yml"):
        fields.update(re.findall(r"- 1\. (\S+) <img", source.read_text(encoding="utf-8")))
    assert len(fields) > 40
    missing = sorted(field for field in fields if f"- 1. {field} {typed}" not in text)
    assert not missing, missing


def test_module_table_keeps_its_columns(poisoned_sites):
    _, sites, _ = poisoned_sites
    html = (sites["learner"] / "basics" / "index.html").read_text(encoding="utf-8")
    table = html[html.index("<table>"):html.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    assert len(rows) == 3 and all(len(re.findall(r"<t[dh]", row)) == 3 for row in rows)


def test_no_live_element_in_chromium(poisoned_sites, browser):
    tmp, sites, url = poisoned_sites
    record = {"version": 1, "answers": {"all-prompts/thoughts": "x", "all-prompts/confidence": 2,
                                        "all-prompts/contacts": {"1-1": "Ada"}, "all-prompts/steps": [1, 2]},
              "exercises": {}, "progress": {"first-steps": {"complete": True}}, "last": "first-steps"}
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    live = "document.querySelectorAll('img[onerror], b, i, [id=\"id\"], a[href=\"x\"]').length"
    page.goto(url)
    page.evaluate(f"localStorage.setItem('course:fixture-course:v1', {json.dumps(json.dumps(record))})")
    for path, _ in _pages(sites["learner"]):
        page.goto(url + path.relative_to(sites["learner"]).parent.as_posix().removeprefix(".") + "/")
        assert page.evaluate(live) == 0, path
    page.goto(url + "basics/first-steps/")
    page.locator("form.course-choice input").first.check()
    page.locator("form.course-choice button[type=submit]").first.click()
    page.click(".md-search__input")
    page.keyboard.type("onerror")
    page.wait_for_selector(".md-search-result__item")
    assert page.evaluate(live) == 0
    assert "<img src=x onerror=alert(1)>" in page.title()
    context.close()
    assert dialogs == []


def _content_models():
    from generator.models import (EXERCISE_KINDS, PROMPT_KINDS, Band, Course, Lesson, Module, Objective,
                                  Option, ScenarioResponse, Section, Statement, Worksheet)
    return (Course, Module, Lesson, Section, Objective, Option, ScenarioResponse, Statement, Band, Worksheet,
            *EXERCISE_KINDS, *PROMPT_KINDS)


def _item_metadata(annotation):
    args = getattr(annotation, "__args__", ())
    return getattr(args[0], "__metadata__", ()) if args else ()
