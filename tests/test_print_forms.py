"""What an instructor photocopies: choice options with boxes (and story bullets without), answer keys
with their reasons, learner forms without instructor notes, tables sized from the YAML, writing space
under any answer, scales on one line, addresses of outside links and wording that suits paper.

Print-media checks run in the browser at the width of an A4 page's text; PDF checks print through
Chromium and read the text with pypdf.
"""

from __future__ import annotations

import pytest
from print_support import fixture_site, fixture_url, instructor_site, instructor_url  # noqa: F401
from pypdf import PdfReader

from generator.export.pdf import print_to_pdf

MM = 96 / 25.4  # CSS pixels per millimetre
A4_TEXT_WIDTH = round(178 * MM)  # 210 mm less the 16 mm side margins


def paper_view(page, url):
    """The page as print media at the width of the printed text."""
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1100})
    page.goto(url)
    page.emulate_media(media="print")


def pdf_text(page, url, tmp_path) -> str:
    page.goto(url)
    pdf = tmp_path / "page.pdf"
    print_to_pdf(page, pdf)
    return "\n".join(p.extract_text() for p in PdfReader(pdf).pages)


def text_heights(page, url, tmp_path) -> dict[str, float]:
    """Height above the foot of page 1 (pt) of the first text piece starting with each word."""
    page.goto(url)
    pdf = tmp_path / "page.pdf"
    print_to_pdf(page, pdf)
    found: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.setdefault(text.strip(), tm[5] * cm[3] + cm[5])

    PdfReader(pdf).pages[0].extract_text(visitor_text=visit)
    return found


def height(found: dict[str, float], start: str) -> float:
    matches = [y for text, y in found.items() if text.startswith(start)]
    assert matches, f"{start!r} not in {list(found)}"
    return matches[0]


BOX = """(selector) => Array.from(document.querySelectorAll(selector), element => {
    const before = getComputedStyle(element, "::before");
    return before.content !== "none" && before.borderTopStyle !== "none" && parseFloat(before.borderTopWidth) > 0;
})"""


def test_options_get_boxes_and_the_bullets_of_a_story_do_not(page, fixture_url):
    paper_view(page, fixture_url + "paper/wide-lesson/")
    exercise = '.course-exercise[data-exercise="what-would-you-do"]'
    assert page.evaluate(BOX, f"{exercise} > ul > li") == [False, False, False]  # the three quoted thoughts
    assert page.evaluate(BOX, f"{exercise} .course-option") == [True, True]
    bullets = page.evaluate("(s) => Array.from(document.querySelectorAll(s), li => getComputedStyle(li).listStyleType)",
                            f"{exercise} > ul > li")
    assert bullets == ["disc"] * 3


def test_instructor_printout_of_a_lesson_has_the_answer_and_every_reason(page, instructor_url, tmp_path):
    text = pdf_text(page, instructor_url + "paper/wide-lesson/", tmp_path)
    for reason in ("REASON-BEST-MARKER", "REASON-POOR-MARKER"):
        assert reason in text, reason
    text = pdf_text(page, instructor_url + "paper/short-lesson/", tmp_path)
    for reason in ("ANSWER-FEEDBACK-MARKER-RIGHT", "ANSWER-FEEDBACK-MARKER-WRONG", "MODEL-ANSWER-MARKER",
                   "SCORE-BAND-MARKER-LOW"):
        assert reason in text, reason


def test_a_worksheet_printed_from_the_instructor_edition_is_the_learners_form(page, instructor_url, fixture_url,
                                                                               tmp_path):
    instructor = pdf_text(page, instructor_url + "worksheets/wide-table/", tmp_path)
    learner = pdf_text(page, fixture_url + "worksheets/wide-table/", tmp_path)
    assert "WORKSHEET-NOTES-MARKER" not in instructor and "For instructors" not in instructor
    assert instructor.replace("(instructor edition)", "") == learner.replace("(instructor edition)", "")
    page.goto(instructor_url + "worksheets/wide-table/")  # ...while the screen still shows the notes
    assert page.get_by_text("WORKSHEET-NOTES-MARKER").is_visible()


ROW_HEIGHTS = """(prompt) => Array.from(document.querySelectorAll(`[data-prompt="${prompt}"] tbody tr`),
                                   row => row.getBoundingClientRect().height)"""


@pytest.mark.parametrize("prompt, lines", [("observations", 3),  # six columns: three lines by default
                                           ("tall-rows", 4),     # row_lines: 4 in the YAML
                                           ("pairs", 1)])        # two columns: one line
def test_table_rows_are_as_many_lines_high_as_the_yaml_or_the_columns_need(page, fixture_url, prompt, lines):
    worksheet = "wide-table" if prompt != "pairs" else "short-form"
    paper_view(page, fixture_url + f"worksheets/{worksheet}/")
    heights = page.evaluate(ROW_HEIGHTS, prompt)
    assert heights
    for row in heights:  # 8 mm a line, plus the cell's padding and borders
        assert lines * 8 * MM < row < (lines * 8 + 6) * MM, (prompt, row / MM)


def test_a_tables_help_prints_above_the_table(page, fixture_url, tmp_path):
    found = text_heights(page, fixture_url + "worksheets/wide-table/", tmp_path)
    assert height(found, "Wide table prompt") > height(found, "TABLE-HELP-MARKER") > height(found, "Who")


LINES_UNDER_TEXT = """() => {
    const space = document.querySelector('[data-prompt="two-lines"] .course-print-lines');
    const text = document.createRange();
    text.selectNodeContents(space.querySelector(".course-print-answer"));
    const rules = Array.from(space.querySelectorAll(".course-print-rules, .course-print-rules *"),
                             rule => rule.getBoundingClientRect().bottom);
    return [Math.max(...rules), text.getBoundingClientRect().bottom];
}"""


def test_the_ruled_space_reaches_below_a_long_answer_of_wide_letters(page, fixture_url):
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1100})
    page.goto(fixture_url + "worksheets/short-form/")
    page.fill("textarea[name=two-lines]", "W" * 400)  # wider than the average letter
    page.emulate_media(media="print")
    rules_bottom, text_bottom = page.evaluate(LINES_UNDER_TEXT)
    assert text_bottom > 5 * 8 * MM  # several lines of text...
    assert rules_bottom >= text_bottom  # ...all of them written on a ruled line


def test_a_scale_with_long_end_labels_keeps_its_circles_on_one_line(page, fixture_url):
    paper_view(page, fixture_url + "worksheets/wide-table/")
    tops = page.evaluate("""() => Array.from(document.querySelectorAll('[data-prompt="confidence"] .course-scale-value'),
                                          circle => Math.round(circle.getBoundingClientRect().top))""")
    assert len(tops) == 10 and len(set(tops)) == 1, tops


def test_a_link_out_of_the_course_prints_its_address(page, fixture_url, tmp_path):
    text = " ".join(pdf_text(page, fixture_url + "paper/wide-lesson/", tmp_path).split())
    assert "meetup guide (https://example.org/meetup-guide)" in text
    assert text.count("example.org/bare-link") == 1  # the address is the text: not printed twice
    assert "127.0.0.1" not in text  # links within the site print as their text


def test_a_short_answer_on_paper_does_not_ask_for_the_model_answer(page, fixture_url, tmp_path):
    text = " ".join(pdf_text(page, fixture_url + "paper/short-lesson/", tmp_path).split())
    assert "Write your answer in a few sentences" in text
    assert "model answer" not in text
    page.goto(fixture_url + "paper/short-lesson/")
    assert page.get_by_text("then compare it with the model answer").is_visible()  # the screen keeps it
