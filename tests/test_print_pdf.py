"""Worksheets, the printable pack and lesson handouts printed to PDF through Chromium, read with pypdf.

The fixture course tests/fixtures/print-course has worksheets of a known printed size:
short-form (every prompt kind, one page), two-long-prompts (two 20-line prompts that cannot share a
page) and contact-log (a 30-row table over two pages).
"""

from __future__ import annotations

import shutil

import pytest
from print_support import fixture_site, fixture_url  # noqa: F401 (fixtures)
from pypdf import PdfReader

from generator.export.pdf import PAPERS, print_to_pdf, render_pdfs

COURSE_TITLE = "Print Fixture Course"
WORKSHEETS = [("short-form", "Short Form"), ("two-long-prompts", "Two Long Prompts"),
              ("contact-log", "Contact Log"), ("wide-table", "Wide Table")]
MM_PT = 72 / 25.4
RULE_GAP_PT = 8 * MM_PT  # one ruled line of writing space: 8 mm


@pytest.fixture(scope="module", params=sorted(PAPERS))
def pdf_site(request, fixture_site, browser, tmp_path_factory):
    """A copy of the fixture site with its PDFs rendered on one paper size."""
    site = tmp_path_factory.mktemp(f"pdf-{request.param}") / "site"
    shutil.copytree(fixture_site, site)
    render_pdfs(site, request.param, browser=browser)
    return site, request.param


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def text_positions(path, page_number: int = 0) -> list[tuple[float, str]]:
    """(height above the page's foot in pt, text) of each piece of text on a page."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    PdfReader(path).pages[page_number].extract_text(visitor_text=visit)
    return found


def margin_and_body(path, page_number: int = 0) -> tuple[list[str], list[str], list[str]]:
    """The text pieces of a page's head margin, its body and its foot margin, top to bottom."""
    page = PdfReader(path).pages[page_number]
    top = float(page.mediabox.height)
    head, body, foot = [], [], []
    for y, text in sorted(text_positions(path, page_number), key=lambda item: -item[0]):
        (head if y > top - 15 * MM_PT else foot if y < 16 * MM_PT else body).append(text)
    return head, body, foot


def height_of(positions, text: str) -> float:
    matches = [y for y, piece in positions if piece.startswith(text)]
    assert matches, f"{text!r} not found in {[piece for _, piece in positions]}"
    return matches[0]


def worksheet_pdf(site, worksheet_id):
    return site / "pdf" / "worksheets" / f"{worksheet_id}.pdf"


def test_worksheet_pdf_has_the_paper_header_and_no_site_navigation(pdf_site):
    site, _ = pdf_site
    text = "\n".join(pages_text(worksheet_pdf(site, "short-form")))
    head, lines, foot = margin_and_body(worksheet_pdf(site, "short-form"))
    assert head == ["Short Form"]  # the running head in the top margin
    assert lines[0].lower() == COURSE_TITLE.lower()  # printed in capitals
    assert lines[1] == "Short Form"
    assert lines[2:4] == ["Name", "Date"]
    assert " ".join(foot) in (f"{COURSE_TITLE} Page 1 of 1", f"Page 1 of 1 {COURSE_TITLE}")
    # Navigation, header, footer, search and buttons of the site are not printed.
    for absent in ("Long Lesson", "Two Long Prompts", "Contact Log", "Working on Paper", "Search",
                   "Skip to content", "Made with", "Next", "Previous", "Print this worksheet",
                   "Download PDF"):
        assert absent not in text, absent


@pytest.mark.parametrize("worksheet_id, pages", [("short-form", 1), ("two-long-prompts", 2),
                                                 ("contact-log", 2)])
def test_known_worksheets_print_on_the_expected_number_of_pages(pdf_site, worksheet_id, pages):
    site, paper = pdf_site
    reader = PdfReader(worksheet_pdf(site, worksheet_id))
    assert len(reader.pages) == pages
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    expected = {"a4": (595.9, 842.9), "letter": (612, 792)}[paper]
    assert (round(width), round(height)) == (round(expected[0]), round(expected[1]))


def test_a_prompt_is_never_split_across_pages(pdf_site):
    site, _ = pdf_site
    first, second = pages_text(worksheet_pdf(site, "two-long-prompts"))
    assert "First long prompt" in first and "Second long prompt" not in first
    assert "Second long prompt" in second


def test_writing_space_grows_with_the_number_of_lines(pdf_site):
    site, _ = pdf_site
    positions = text_positions(worksheet_pdf(site, "short-form"))
    two_line_space = height_of(positions, "Two-line prompt") - height_of(positions, "Six-line prompt")
    six_line_space = height_of(positions, "Six-line prompt") - height_of(positions, "Scale prompt")
    # Four more ruled lines of 8 mm each, within a millimetre.
    assert six_line_space - two_line_space == pytest.approx(4 * RULE_GAP_PT, abs=3)


def test_a_long_table_repeats_its_header_row_on_every_page(pdf_site):
    site, _ = pdf_site
    pages = pages_text(worksheet_pdf(site, "contact-log"))
    assert len(pages) > 1
    for text in pages:
        assert "Person" in text and "Where we met" in text and "Follow-up" in text


def test_every_worksheet_in_the_pack_begins_on_a_new_page(pdf_site):
    site, _ = pdf_site
    pack = pages_text(site / "pdf" / "printable-worksheets.pdf")
    start = 0
    for worksheet_id, title in WORKSHEETS:
        _, lines, _ = margin_and_body(site / "pdf" / "printable-worksheets.pdf", start)
        assert lines[0].lower() == COURSE_TITLE.lower(), (title, lines[:3])
        assert lines[1] == title
        length = len(PdfReader(worksheet_pdf(site, worksheet_id)).pages)
        # Every sheet of the worksheet, the first and any continuation, carries its title at the head.
        for number in range(start, start + length):
            head, _, _ = margin_and_body(site / "pdf" / "printable-worksheets.pdf", number)
            assert title in head, number
        start += length
    assert start == len(pack)  # nothing else in the pack: no cover, no blank sheet, no site chrome
    assert "Printable worksheets" not in pack[0].splitlines()[:3]


def test_pdf_links_point_to_the_written_files(pdf_site):
    site, paper = pdf_site
    for html, pdf in [("worksheets/short-form/index.html", "worksheets/short-form.pdf"),
                      ("worksheets/printable/index.html", "printable-worksheets.pdf")]:
        text = (site / html).read_text(encoding="utf-8")
        assert text.count('class="md-button course-pdf-link"') == 1
        assert f'href="../../pdf/{pdf}"' in text
        assert f"Download PDF ({PAPERS[paper]})" in text
        assert (site / "pdf" / pdf).is_file()


def test_a_typed_answer_is_printed_in_place_of_the_blank_lines(page, fixture_url, tmp_path):
    page.goto(fixture_url + "worksheets/short-form/")
    page.evaluate("""() => {
        CourseStore.setAnswer("short-form", "six-lines", "SAVED-ANSWER-MARKER");
        CourseStore.setAnswer("short-form", "pairs", {"2-1": "SAVED-CELL-MARKER"});
    }""")
    page.reload()
    pdf = tmp_path / "answered.pdf"
    print_to_pdf(page, pdf)
    positions = text_positions(pdf)
    answer = height_of(positions, "SAVED-ANSWER-MARKER")
    # Written in the six-line prompt's space: below its label and above the next prompt.
    assert height_of(positions, "Scale prompt") < answer < height_of(positions, "Six-line prompt")
    assert height_of(positions, "SAVED-CELL-MARKER") < height_of(positions, "Left column")


def test_an_answer_typed_on_the_page_is_printed(page, fixture_url, tmp_path):
    page.goto(fixture_url + "worksheets/short-form/")
    page.fill("textarea[name=two-lines]", "TYPED-ON-PAGE-MARKER")
    pdf = tmp_path / "typed.pdf"
    print_to_pdf(page, pdf)
    positions = text_positions(pdf)
    typed = height_of(positions, "TYPED-ON-PAGE-MARKER")
    assert height_of(positions, "Six-line prompt") < typed < height_of(positions, "Two-line prompt")


def test_an_answer_longer_than_its_space_gets_more_lines_above_the_next_prompt(page, fixture_url, tmp_path):
    page.goto(fixture_url + "worksheets/short-form/")
    page.evaluate("""() => CourseStore.setAnswer("short-form", "two-lines",
                                                 "LINE-1\\nLINE-2\\nLINE-3\\nLINE-4\\nLINE-5")""")
    page.reload()
    pdf = tmp_path / "long-answer.pdf"
    print_to_pdf(page, pdf)
    positions = text_positions(pdf)
    lines = [height_of(positions, f"LINE-{number}") for number in range(1, 6)]
    assert lines == sorted(lines, reverse=True)  # one under the other
    assert lines[-1] > height_of(positions, "Six-line prompt")
    assert lines[0] - lines[-1] == pytest.approx(4 * RULE_GAP_PT, abs=3)


def test_a_blank_worksheet_prints_no_answers(pdf_site):
    site, _ = pdf_site
    text = "\n".join(pages_text(worksheet_pdf(site, "short-form")))
    assert "MARKER" not in text


def test_a_lesson_prints_as_a_handout_without_the_answers(page, fixture_url, tmp_path):
    page.goto(fixture_url + "paper/short-lesson/")
    pdf = tmp_path / "lesson.pdf"
    print_to_pdf(page, pdf)
    text = "\n".join(pages_text(pdf))
    for present in ("Short Lesson", "Complete the worksheet short-form on paper", "LESSON-BODY-MARKER",
                    "TAKEAWAY-MARKER", "OPTION-PEN-MARKER", "OPTION-CUP-MARKER",
                    "SHORT-ANSWER-PROMPT-MARKER",
                    # a collapsed block that is not an answer (how to score) prints open
                    "SCORE-BAND-MARKER-LOW"):
        assert present in text, present
    for absent in ("ANSWER-FEEDBACK-MARKER", "Answer and feedback", "MODEL-ANSWER-MARKER", "Long Lesson",
                   "Contact Log"):
        assert absent not in text, absent
