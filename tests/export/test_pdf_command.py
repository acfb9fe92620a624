"""`course pdf` on the command line: paper sizes as written, a stale site refused or rebuilt, a
browser that cannot start reported in one line."""

from __future__ import annotations

import os
import shutil
import time

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT
from print_support import fixture_site  # noqa: F401 (fixture)

from generator.cli import main
from generator.export.pdf import PdfError, parse_papers

CONFIG = FIXTURES / "print-course" / "mkdocs.yml"


@pytest.mark.parametrize("text, papers", [("a4", ["a4"]), ("A4", ["a4"]), ("Letter", ["letter"]),
                                          ("a4,letter", ["a4", "letter"]), ("A4, Letter, a4", ["a4", "letter"])])
def test_paper_sizes_are_read_as_written_on_the_site(text, papers):
    assert parse_papers(text) == papers


def test_an_unknown_paper_size_is_named():
    with pytest.raises(PdfError, match="unknown paper size 'a3'"):
        parse_papers("a4,a3")


@pytest.fixture
def course_copy(tmp_path, fixture_site):
    """A copy of the fixture course and its config, and of its built site, newer than the content."""
    shutil.copytree(FIXTURES / "print-course", tmp_path / "course")
    config = tmp_path / "course" / "mkdocs.yml"
    config.write_text(config.read_text().replace("../../../overrides", str(ROOT / "overrides")))
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    now = time.time()
    for path in (tmp_path / "course").rglob("*"):
        os.utime(path, (now - 60, now - 60))
    return tmp_path / "course", site


def run_pdf(course, site, *extra):
    return CliRunner().invoke(main, ["pdf", "--site", str(site), "--content", str(course / "content"),
                                     "--config", str(course / "mkdocs.yml"), *extra])


def test_a_site_older_than_its_content_is_refused_and_nothing_is_written(course_copy):
    course, site = course_copy
    changed = course / "content" / "01-paper" / "worksheets" / "short-form.yml"
    changed.write_text(changed.read_text().replace("Short Form", "Short Form Changed"))
    result = run_pdf(course, site, "--browser", "/nonexistent")
    assert result.exit_code == 1
    assert f"{site} is older than {changed}, changed since the site was built" in result.output
    assert "course pdf --build" in result.output
    assert not (site / "pdf").exists()


def test_a_launch_failure_is_one_clear_line(course_copy, tmp_path):
    course, site = course_copy
    not_a_browser = tmp_path / "not-a-browser"
    not_a_browser.write_text("#!/bin/sh\nexit 3\n")
    not_a_browser.chmod(0o755)
    result = run_pdf(course, site, "--browser", str(not_a_browser))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"printing with {not_a_browser} (--browser)"
    assert len(lines) == 2 and lines[1].startswith(f"could not start {not_a_browser} (--browser): ")
    assert not (site / "pdf").exists()


def test_build_first_rebuilds_a_stale_site_before_printing(course_copy, tmp_path):
    course, site = course_copy
    changed = course / "content" / "01-paper" / "worksheets" / "short-form.yml"
    changed.write_text(changed.read_text().replace("title: Short Form", "title: Short Form Rebuilt"))
    not_a_browser = tmp_path / "not-a-browser"
    not_a_browser.write_text("#!/bin/sh\nexit 3\n")
    not_a_browser.chmod(0o755)
    result = run_pdf(course, site, "--build", "--browser", str(not_a_browser))
    assert "is older than" not in result.output and "could not start" in result.output  # built, then printing
    assert "Short Form Rebuilt" in (site / "worksheets" / "short-form" / "index.html").read_text()


def test_the_pdf_links_speak_the_site_s_language(tmp_path):
    from generator.catalogue import speaking
    from generator.export.pdf import PdfPage, _site_language, link_pdf
    (tmp_path / "index.html").write_text('<!doctype html>\n<html lang="de" class="no-js">', encoding="utf-8")
    (tmp_path / "worksheets").mkdir()
    page = tmp_path / "worksheets" / "plan.html"
    page.write_text('<p><!-- course:pdf worksheets/plan.pdf label="Leeres Formular" --></p>', encoding="utf-8")
    (tmp_path / "pdf" / "a4" / "worksheets").mkdir(parents=True)
    (tmp_path / "pdf" / "a4" / "worksheets" / "plan.pdf").write_bytes(b"%PDF-1.7")
    assert _site_language(tmp_path) == "de"
    with speaking(_site_language(tmp_path)):  # as render_pdfs does
        link_pdf(tmp_path, PdfPage("worksheets/plan.html", "worksheets/plan.pdf", "Leeres Formular"))
    assert 'download>Leeres Formular herunterladen (PDF, A4)</a>' in page.read_text(encoding="utf-8")
