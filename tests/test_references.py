"""References: validated with precise messages, shown as Further reading and in the bibliography."""

import datetime
from pathlib import Path

import pytest

from generator.build import build_course, check_course
from test_check import edit, errors_of

SECOND = "10-basics/lessons/second-steps.yml"
FIRST = "10-basics/lessons/first-steps.yml"
DWECK_URL = 'url: "https://example.org/mindset"'


def the_error(content: Path):
    [problem] = errors_of(content)
    assert problem.file.endswith(SECOND)
    return problem


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd",
                                 "www.example.org", "https://", "https://example.org/a b"])
def test_only_web_addresses(fixture_course, url):
    edit(fixture_course, SECOND, DWECK_URL, f'url: "{url}"')
    problem = the_error(fixture_course)
    assert (problem.line, problem.field) == (13, "references[1].url")
    assert problem.message == f"'{url}' is not a web address: write it in full, starting with https:// or http://"


def test_a_year_out_of_range(fixture_course):
    edit(fixture_course, SECOND, "year: 2011", "year: 211")
    problem = the_error(fixture_course)
    assert (problem.line, problem.column, problem.field) == (12, 63, "references[0].year")
    assert problem.message == "must be at least 1450, found the number 211"


def test_a_year_in_the_future(fixture_course):
    year = datetime.date.today().year
    edit(fixture_course, SECOND, "year: 2011", f"year: {year + 2}")
    assert the_error(fixture_course).message == f"{year + 2} is in the future (this year is {year})"


def test_a_year_in_quotes(fixture_course):
    edit(fixture_course, SECOND, "year: 2011", 'year: "2011"')
    problem = the_error(fixture_course)
    assert problem.message == "expected a whole number, found the text '2011'"
    assert problem.hint == "remove the quotes: a number in quotes is text"


def test_required_fields(fixture_course):
    edit(fixture_course, SECOND, 'author: "Neff, Kristin", ', "")
    problem = the_error(fixture_course)
    assert (problem.line, problem.field, problem.message) == (12, "references[0]", "missing required field 'author'")


def test_a_reference_needs_a_url_or_a_publisher(fixture_course):
    edit(fixture_course, SECOND, ', publisher: William Morrow, url: "https://example.org/neff"', "")
    problem = the_error(fixture_course)
    assert (problem.line, problem.field) == (12, "references[0]")
    assert problem.message == "a reference needs a 'url' or a 'publisher', so that learners can find it"


def test_further_reading_and_the_bibliography(fixture_course):
    # The same work cited by two lessons, written a little differently, is one entry of the bibliography.
    path = fixture_course / FIRST
    path.write_text(path.read_text() + "references:\n"
                    '  - {author: "neff,  Kristin", title: "Self-compassion", year: 2011, publisher: Morrow}\n'
                    '  - {author: "Brown, Brené", title: "Daring Greatly?", year: 2012, publisher: Gotham}\n')
    pages = {page.path: page.content for page in build_course(fixture_course).pages}
    assert (
        "## Further reading\n\n"
        "- Neff, Kristin (2011). [*Self-Compassion*](<https://example.org/neff>). William Morrow.\n"
        "- Dweck, Carol S. (2006). [*Mindset*](<https://example.org/mindset>). Random House.\n\n"
        '<nav class="course-pager"') in pages["basics/second-steps.md"]
    bibliography = pages["bibliography.md"]
    entries = [line for line in bibliography.splitlines() if line.startswith("- ")]
    assert entries == ["- Brown, Brené (2012). *Daring Greatly?* Gotham.<br>",
                       "- Dweck, Carol S. (2006). [*Mindset*](<https://example.org/mindset>). Random House.<br>",
                       "- neff, Kristin (2011). *Self-compassion*. Morrow.<br>"]  # as first cited
    assert ("Cited in: [First Steps](basics/first-steps.md), [Second Steps](basics/second-steps.md)"
            in bibliography)


def test_no_references_no_bibliography(fixture_course):
    edit(fixture_course, SECOND, "references:\n", "x-references:\n")
    path = fixture_course / SECOND
    path.write_text(path.read_text().split("x-references:")[0])
    assert "bibliography.md" not in [p.path for p in build_course(fixture_course).pages]
