"""The print side on screen and in the built HTML: print buttons, print-only elements, the pack page,
PDF links that exist only once the PDFs do, and the `course pdf` command's errors."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from print_support import fixture_site, fixture_url  # noqa: F401 (fixtures)

from generator.cli import main
from generator.export.pdf import find_pdf_pages


def test_a_site_built_without_pdfs_links_to_no_pdf(fixture_site):
    for html in fixture_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*\.pdf"', text), html
    assert not (fixture_site / "pdf").exists()
    # ...but the worksheet pages, the pack and the module's handout keep a slot for the link.
    assert [(page.html, page.name, page.label) for page in find_pdf_pages(fixture_site)] == [
        ("paper/exercises-handout/index.html", "handouts/paper.pdf", "the handout"),
        ("worksheets/almost-one-page/index.html", "worksheets/almost-one-page.pdf", "the blank form"),
        ("worksheets/contact-log/index.html", "worksheets/contact-log.pdf", "the blank form"),
        ("worksheets/printable/index.html", "printable-worksheets.pdf", "all blank forms"),
        ("worksheets/short-form/index.html", "worksheets/short-form.pdf", "the blank form"),
        ("worksheets/two-long-prompts/index.html", "worksheets/two-long-prompts.pdf", "the blank form"),
        ("worksheets/wide-table/index.html", "worksheets/wide-table.pdf", "the blank form"),
    ]


def test_the_pack_page_holds_every_worksheet_in_course_order(fixture_site):
    html = (fixture_site / "worksheets" / "printable" / "index.html").read_text(encoding="utf-8")
    sheets = re.findall(r'<div class="course-pack-sheet" data-worksheet="([a-z0-9-]+)"', html)
    assert sheets == ["short-form", "two-long-prompts", "contact-log", "wide-table", "almost-one-page"]
    assert html.count('class="course-worksheet"') == 5


def test_search_finds_worksheets_and_exercises_on_their_own_pages_not_in_the_pack_or_a_handout(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "worksheets/short-form/" in pages
    assert "worksheets/printable/" not in pages
    # Nor a module's handout, whose exercises search finds on their lessons' pages.
    assert "paper/exercises-handout/" not in pages
    assert any(page.startswith("paper/") and "handout" not in page for page in pages)


def test_the_pack_page_is_in_the_navigation_after_the_worksheets(page, fixture_url):
    page.goto(fixture_url)
    links = page.locator(".md-nav--primary a.md-nav__link").all_text_contents()
    titles = [text.strip() for text in links if text.strip()]
    assert titles.index("Printable worksheets") > titles.index("Almost One Page")


def test_print_button_is_shown_and_prints(page, fixture_url):
    page.goto(fixture_url + "worksheets/short-form/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button = page.get_by_role("button", name="Print with my answers")  # not the blank form of the PDF link
    assert button.is_visible()
    button.click()
    assert page.evaluate("() => window.printed") == 1


def test_print_only_elements_are_hidden_on_screen_and_shown_in_print(page, fixture_url):
    page.goto(fixture_url + "worksheets/short-form/")
    header = page.locator(".course-print-name").first
    lines = page.locator(".course-print-lines").first
    assert not header.is_visible() and not lines.is_visible()
    assert page.locator("textarea[name=two-lines]").is_visible()
    page.emulate_media(media="print")
    assert header.is_visible() and lines.is_visible()
    assert not page.locator("textarea[name=two-lines]").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()


def test_paper_is_white_in_the_dark_colour_scheme(browser, fixture_url):
    context = browser.new_context(color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(fixture_url + "paper/short-lesson/")
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print")
        style = "(selector) => { const s = getComputedStyle(document.querySelector(selector)); " \
                "return [s.backgroundColor, s.color, s.colorScheme]; }"
        assert page.evaluate(style, "body")[0] == "rgb(255, 255, 255)"
        assert page.evaluate(style, "html")[2] == "light"
        assert page.evaluate(style, ".md-typeset p")[1] == "rgb(0, 0, 0)"
    finally:
        context.close()


def test_saved_scale_and_checklist_answers_are_marked_for_print(page, fixture_url):
    page.goto(fixture_url + "worksheets/short-form/")
    page.evaluate("""() => {
        CourseStore.setAnswer("short-form", "comfort", 4);
        CourseStore.setAnswer("short-form", "reasons", [2]);
    }""")
    page.reload()
    marked = "() => Array.from(document.querySelectorAll('label[data-print-marked] input'), i => i.name + '=' + i.value)"
    assert sorted(page.evaluate(marked)) == ["reasons=2", "ws-short-form-comfort=4"]
    # What is ticked on the page is what prints (the learner side may also have restored item 2).
    page.check("input[name=reasons][value='1']")
    ticked = {box.get_attribute("value") for box in page.locator("input[name=reasons]:checked").all()}
    assert {item.split("=")[1] for item in page.evaluate(marked) if item.startswith("reasons=")} == ticked


def test_collapsed_blocks_open_while_printing_and_close_after(page, fixture_url):
    page.goto(fixture_url + "paper/short-lesson/")
    closed = "() => document.querySelectorAll('details:not([open])').length"
    before = page.evaluate(closed)
    assert before > 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(closed) == 0
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(closed) == before


def test_a_short_answer_exercise_gets_ruled_space_on_paper(page, fixture_url):
    page.goto(fixture_url + "paper/short-lesson/")
    space = page.locator('.course-exercise[data-type="short_answer"] .course-print-lines')
    assert space.count() == 1 and not space.is_visible()
    field = page.locator('.course-exercise[data-type="short_answer"] textarea')
    rows = int(field.get_attribute("rows") or 0) if field.count() else 0
    expected = rows if rows > 1 else 5
    assert space.locator(".course-print-rules span").count() == expected
    page.emulate_media(media="print")
    assert space.is_visible()


def test_collapsed_blocks_print_open_by_style_alone_except_answers(page, fixture_url):
    page.goto(fixture_url + "paper/short-lesson/")
    scoring = page.get_by_text("SCORE-BAND-MARKER-LOW")
    answer = page.get_by_text("ANSWER-FEEDBACK-MARKER-RIGHT")
    assert not scoring.is_visible()
    page.emulate_media(media="print")  # no beforeprint event: the stylesheet alone opens them
    assert scoring.is_visible()
    assert not answer.is_visible()


def test_links_print_as_plain_text_without_their_address(page, fixture_url):
    page.goto(fixture_url + "paper/short-lesson/")
    page.emulate_media(media="print")
    link = ".md-typeset .admonition a[href]"
    assert page.locator(link).count() > 0
    looks = page.evaluate("""(selector) => {
        const a = document.querySelector(selector), text = getComputedStyle(a.parentElement);
        const style = getComputedStyle(a), after = getComputedStyle(a, "::after");
        return [style.color === text.color, style.textDecorationLine, after.content];
    }""", link)
    assert looks == [True, "none", "none"]


def test_course_pdf_without_a_built_site_fails_with_a_message(tmp_path):
    result = CliRunner().invoke(main, ["pdf", "--site", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "no worksheet pages found; build the site first" in result.output


def test_course_pdf_refuses_an_unknown_paper_size(tmp_path):
    result = CliRunner().invoke(main, ["pdf", "--site", str(tmp_path), "--paper", "a3"])
    assert result.exit_code == 2
    assert "a3" in result.output
