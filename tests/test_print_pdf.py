"""Worksheets, the printable pack and lesson handouts printed to PDF through Chromium, read with pypdf.

The fixture course tests/fixtures/print-course has worksheets of a known printed size:
short-form (every prompt kind, one page), two-long-prompts (two 20-line prompts that cannot share a
page), contact-log (a 30-row table over two pages), wide-table (one page) and almost-one-page (a
little over a page at full line spacing).
"""

from __future__ import annotations

import shutil

import pytest
from print_support import fixture_site, fixture_url  # noqa: F401 (fixtures)
from pypdf import PdfReader

from generator.export.pdf import PAPERS, print_to_pdf, render_pdfs

COURSE_TITLE = "Print Fixture Course"
WORKSHEETS = [("short-form", "Short Form"), ("two-long-prompts", "Two Long Prompts"),
              ("contact-log", "Contact Log"), ("wide-table", "Wide Table"),
              ("almost-one-page", "Almost One Page")]
MM_PT = 72 / 25.4
RULE_GAP_PT = 8 * MM_PT  # one ruled line of writing space: 8 mm


@pytest.fixture(scope="module")
def both_papers(fixture_site, browser, tmp_path_factory):
    """A copy of the fixture site with its PDFs rendered on A4 and Letter side by side."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(fixture_site, site)
    render_pdfs(site, ["a4", "letter"], browser=browser)
    return site


@pytest.fixture(params=sorted(PAPERS))
def pdf_site(request, both_papers):
    """The rendered site and one of its paper sizes."""
    return both_papers, request.param


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


def worksheet_pdf(site, worksheet_id, paper="a4"):
    return site / "pdf" / paper / "worksheets" / f"{worksheet_id}.pdf"


def pack_pdf(site, paper="a4"):
    return site / "pdf" / paper / "printable-worksheets.pdf"


def test_worksheet_pdf_has_the_paper_header_and_no_site_navigation(pdf_site):
    site, paper = pdf_site
    text = "\n".join(pages_text(worksheet_pdf(site, "short-form", paper)))
    head, lines, foot = margin_and_body(worksheet_pdf(site, "short-form", paper))
    assert head == ["Short Form"]  # the running head in the top margin
    assert lines[0].lower() == COURSE_TITLE.lower()  # printed in capitals
    assert lines[1] == "Short Form"
    assert lines[2:4] == ["Name", "Date"]
    assert " ".join(foot) in (f"{COURSE_TITLE} Page 1 of 1", f"Page 1 of 1 {COURSE_TITLE}")
    # Navigation, header, footer, search and buttons of the site are not printed.
    for absent in ("Long Lesson", "Two Long Prompts", "Contact Log", "Working on Paper", "Search",
                   "Skip to content", "Made with", "Next", "Previous", "Print with my answers",
                   "Download PDF"):
        assert absent not in text, absent


@pytest.mark.parametrize("worksheet_id, pages", [("short-form", 1), ("two-long-prompts", 2),
                                                 ("contact-log", 2), ("wide-table", 1),
                                                 # a little over a page: closer lines fit it on one
                                                 ("almost-one-page", 1)])
def test_known_worksheets_print_on_the_expected_number_of_pages(pdf_site, worksheet_id, pages):
    site, paper = pdf_site
    reader = PdfReader(worksheet_pdf(site, worksheet_id, paper))
    assert len(reader.pages) == pages
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    expected = {"a4": (595.9, 842.9), "letter": (612, 792)}[paper]
    assert (round(width), round(height)) == (round(expected[0]), round(expected[1]))


def test_a_prompt_is_never_split_across_pages(pdf_site):
    site, paper = pdf_site
    first, second = pages_text(worksheet_pdf(site, "two-long-prompts", paper))
    assert "First long prompt" in first and "Second long prompt" not in first
    assert "Second long prompt" in second


def test_writing_space_grows_with_the_number_of_lines(pdf_site):
    site, paper = pdf_site
    positions = text_positions(worksheet_pdf(site, "short-form", paper))
    two_line_space = height_of(positions, "Two-line prompt") - height_of(positions, "Six-line prompt")
    six_line_space = height_of(positions, "Six-line prompt") - height_of(positions, "Scale prompt")
    # Four more ruled lines of 8 mm each, within a millimetre.
    assert six_line_space - two_line_space == pytest.approx(4 * RULE_GAP_PT, abs=3)


def test_a_long_table_repeats_its_header_row_on_every_page(pdf_site):
    site, paper = pdf_site
    pages = pages_text(worksheet_pdf(site, "contact-log", paper))
    assert len(pages) > 1
    for text in pages:
        assert "Person" in text and "Where we met" in text and "Follow-up" in text


def bookmarks(path) -> dict[str, int]:
    """Every bookmark of a PDF: its title and the page (from 1) it leads to."""
    reader = PdfReader(path)
    found, items = {}, list(reader.outline)
    while items:
        item = items.pop(0)
        if isinstance(item, list):
            items[:0] = item
        else:
            found[item.title] = reader.get_destination_page_number(item) + 1
    return found


def test_the_pack_opens_with_a_cover_and_contents_with_page_numbers(pdf_site):
    site, paper = pdf_site
    pack = pack_pdf(site, paper)
    _, cover, foot = margin_and_body(pack, 0)
    assert cover[:2] == [COURSE_TITLE.upper(), "Printable worksheets"] and foot == []
    contents = " ".join(cover[cover.index("Contents") + 1:])
    starts = bookmarks(pack)
    for number, (_, title) in enumerate(WORKSHEETS, start=1):
        assert f"{number}. {title} {starts[title]}" in contents, (title, contents)


def test_every_worksheet_of_the_pack_starts_on_a_front_page_with_blank_backs_between(pdf_site):
    site, paper = pdf_site
    pack = pack_pdf(site, paper)
    starts = bookmarks(pack)
    expected_next = 3  # the cover and its blank back
    for worksheet_id, title in WORKSHEETS:
        start, length = starts[title], len(PdfReader(worksheet_pdf(site, worksheet_id, paper)).pages)
        assert start == expected_next and start % 2 == 1, title  # a front (odd) page
        for number in range(length):
            head, body, foot = margin_and_body(pack, start - 1 + number)
            assert title in head  # every sheet of a worksheet has its title at the head...
            assert (number > 0) == any(piece.startswith("Name ___") for piece in head)  # ...and later ones a name line
            assert f"Page {number + 1} of {length}" in " ".join(foot)  # counted per worksheet
        if length % 2:
            _, blank, foot = margin_and_body(pack, start - 1 + length)
            assert blank == ["This page is left blank for double-sided printing."] and foot == []
        expected_next = start + length + length % 2
    assert len(PdfReader(pack).pages) == expected_next - 1


def test_a_later_page_of_a_worksheet_has_its_title_and_a_name_line(pdf_site):
    site, paper = pdf_site
    head, _, foot = margin_and_body(worksheet_pdf(site, "contact-log", paper), 1)
    assert "Contact Log" in head and any(piece.startswith("Name ___") for piece in head)
    assert "Page 2 of 2" in " ".join(foot)
    head, _, _ = margin_and_body(worksheet_pdf(site, "contact-log", paper), 0)
    assert not any("Name" in piece for piece in head)  # page 1 has its own Name and Date lines


@pytest.mark.parametrize("name", ["worksheets/short-form.pdf", "printable-worksheets.pdf"])
def test_pdfs_are_tagged_with_bookmarks_language_and_the_course_as_author(pdf_site, name):
    site, paper = pdf_site
    reader = PdfReader(site / "pdf" / paper / name)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # tagged
    assert root["/Lang"] == "en"
    assert reader.metadata["/Author"] == COURSE_TITLE and reader.metadata["/Subject"] == COURSE_TITLE
    assert "Mozilla" not in reader.metadata.get("/Creator", "")
    titles = set(bookmarks(site / "pdf" / paper / name))
    assert ({"Short Form"} if name.startswith("worksheets/") else {title for _, title in WORKSHEETS}) <= titles


def test_pdf_links_name_the_blank_form_on_both_paper_sizes(pdf_site):
    site, _ = pdf_site
    for html, pdf, label in [("worksheets/short-form/index.html", "worksheets/short-form.pdf", "the blank form"),
                             ("worksheets/printable/index.html", "printable-worksheets.pdf", "all blank forms")]:
        text = (site / html).read_text(encoding="utf-8")
        assert text.count('class="md-button course-pdf-link"') == 2
        for paper, paper_label in PAPERS.items():
            assert f'href="../../pdf/{paper}/{pdf}"' in text
            assert f"Download {label} ({paper_label} PDF)" in text
            assert (site / "pdf" / paper / pdf).is_file()


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
    assert page.locator("[data-prompt=two-lines] .course-print-rules span").count() == 5
    pdf = tmp_path / "long-answer.pdf"
    print_to_pdf(page, pdf)
    positions = text_positions(pdf)
    lines = [height_of(positions, f"LINE-{number}") for number in range(1, 6)]
    assert lines == sorted(lines, reverse=True)  # one under the other
    assert lines[-1] > height_of(positions, "Six-line prompt")
    assert lines[0] - lines[-1] == pytest.approx(4 * RULE_GAP_PT, abs=3)


def test_a_blank_worksheet_prints_no_answers(pdf_site):
    site, paper = pdf_site
    text = "\n".join(pages_text(worksheet_pdf(site, "short-form", paper)))
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
