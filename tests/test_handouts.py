"""Pages made to be printed: a module's exercises as a handout without the answers, and the
instructor edition's answer keys (per module and for the course) with every reason and every
worksheet's guidance notes, printed to PDF from the print fixture course."""

from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURES
from print_support import fixture_site, instructor_site  # noqa: F401 (fixtures)
from pypdf import PdfReader

from generator.build import build_course
from generator.export.pdf import render_pdfs

CONTENT = FIXTURES / "print-course" / "content"
EXERCISES = ["Pick one", "Rate yourself", "In your words", "What would you do"]
REASONS = ["ANSWER-FEEDBACK-MARKER-RIGHT", "ANSWER-FEEDBACK-MARKER-WRONG", "SCORE-BAND-MARKER-LOW",
           "MODEL-ANSWER-MARKER", "REASON-BEST-MARKER", "REASON-POOR-MARKER"]


def pages(edition):
    return {page.path: page.content for page in build_course(CONTENT, edition=edition).pages}


def test_the_handout_has_every_exercise_of_the_module_and_no_answer_key_in_either_edition():
    for edition in ("learner", "instructor"):
        handout = pages(edition)["paper/exercises-handout.md"]
        assert [title for title in EXERCISES if f"### {title}\n" in handout] == EXERCISES
        assert "course-answer-key" not in handout and "course-instructor" not in handout
        assert '<!-- course:pdf handouts/paper.pdf label="the handout" -->' in handout


def test_answer_keys_are_in_the_instructor_edition_only():
    learner, instructor = pages("learner"), pages("instructor")
    assert "answer-key.md" not in learner and "paper/answer-key.md" not in learner
    for path in ("answer-key.md", "paper/answer-key.md"):
        key = instructor[path]
        for text in EXERCISES + REASONS + ["WORKSHEET-NOTES-MARKER", "Worksheet: Wide Table"]:
            assert text in key, (path, text)
    assert "## Module 1: Working on Paper" in instructor["answer-key.md"]


@pytest.fixture(scope="module")
def instructor_pdfs(instructor_site, browser, tmp_path_factory):
    site = tmp_path_factory.mktemp("keys") / "site"
    shutil.copytree(instructor_site, site)
    render_pdfs(site, "a4", browser=browser)
    return site / "pdf" / "a4"


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("name", ["answer-keys/course.pdf", "answer-keys/paper.pdf"])
def test_the_answer_key_pdf_has_every_answer_with_its_reasons_and_the_worksheet_notes(instructor_pdfs, name):
    text = pdf_text(instructor_pdfs / name)
    for expected in EXERCISES + REASONS + ["WORKSHEET-NOTES-MARKER", "Correct: A"]:
        assert expected in text, expected
    assert "Print the answer key" not in text and "Download" not in text


def test_the_handout_pdf_is_exercises_with_space_to_write_and_no_answers(instructor_pdfs):
    text = pdf_text(instructor_pdfs / "handouts" / "paper.pdf")
    for expected in EXERCISES + ["OPTION-PEN-MARKER", "RESPONSE-BEST-MARKER", "Name", "Date"]:
        assert expected in text, expected
    for absent in REASONS[:2] + REASONS[3:] + ["WORKSHEET-NOTES-MARKER", "Answer key", "LESSON-NOTES-MARKER"]:
        assert absent not in text, absent
