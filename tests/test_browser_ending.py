"""The course's ending in the browser: the completion record made from the saved work (printed and
downloaded), and the evaluation downloaded or opened as an email to the instructor; axe finds no
violations on either page, in both palettes."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import expect

from learner_support import set_saved
from test_browser_accessibility import PALETTES, violations

RECORD = {
    "version": 1,
    "answers": {"reflections/story": "Speak first at the next meetup.", "reflections/habits": [1, 3],
                "reflections/confidence": 4, "reflections/contacts": {"1-1": "Ada", "1-2": "Send a note"}},
    "exercises": {},
    "progress": {"first-lesson": {"complete": True}},
    "last": "first-lesson",
}


def today() -> str:
    date = datetime.date.today()
    return f"{date.day} {date:%B %Y}"


def open_page(page, course_url, path, record=RECORD):
    page.goto(course_url)
    set_saved(page, record)
    page.goto(course_url + path)
    page.wait_for_load_state("networkidle")


def test_the_record_shows_completed_lessons_the_date_and_the_plan(page, course_url):
    open_page(page, course_url, "my-record/")
    record = page.locator("[data-course-record]")
    expect(record).to_contain_text("It is not a certificate")
    expect(record.locator("[data-record-date]")).to_have_text(today())
    expect(record.locator("[data-record-summary]")).to_have_text("You marked 1 of 3 lessons complete.")
    expect(record.locator('[data-lesson="first-lesson"] .course-record-mark')).to_have_text("Completed")
    expect(record.locator('[data-lesson="second-lesson"] .course-record-mark')).to_have_text("Not yet")
    plan = record.locator('[data-worksheet="reflections"]')
    expect(plan.locator('[data-prompt="story"]')).to_contain_text("Speak first at the next meetup.")
    expect(plan.locator('[data-prompt="confidence"]')).to_contain_text("4 on a scale from 1 (Not at all) to 5 (Very)")
    expect(plan.locator('[data-prompt="contacts"] table')).to_contain_text("Send a note")


def test_the_record_downloads_as_markdown_with_the_name_typed(page, course_url, tmp_path):
    open_page(page, course_url, "my-record/")
    page.get_by_label("Name").fill("Sam Okafor")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as Markdown").click()
    path = tmp_path / "record.md"
    download.value.save_as(path)
    text = path.read_text()
    assert text.startswith("# My course record\n\nA record you keep for yourself.")
    assert f"Name: Sam Okafor\n\nRecord made on {today()}.\n" in text
    assert "- [x] First Lesson\n- [ ] Second Lesson" in text
    assert "### My Reflections\n\n#### Tell a short story.\n\nSpeak first at the next meetup.\n" in text
    assert "- [x] Reading\n- [ ] Walking\n- [x] Writing" in text
    expect(page.locator("[data-record-actions] [role=status]")).to_have_text("Downloaded your record as a Markdown file.")


def test_the_record_prints_without_its_buttons(page, course_url):
    open_page(page, course_url, "my-record/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print this record").click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(page.locator("[data-record-actions]")).to_be_hidden()
    expect(page.locator("[data-lesson='first-lesson']")).to_be_visible()


def test_the_evaluation_email_carries_the_answers_as_typed(page, course_url):
    open_page(page, course_url, "worksheets/reflections/", {**RECORD, "answers": {}})
    page.get_by_label("Tell a short story.").fill("The scenarios helped most & felt real.")
    link = page.get_by_role("link", name="Email it to Test Instructor")
    address = urlsplit(link.get_attribute("href"))
    assert address.scheme == "mailto" and unquote(address.path) == "teacher@example.org"
    query = parse_qs(address.query)
    assert query["subject"] == ["Course evaluation: Learner Test Course"]
    body = query["body"][0]
    assert body.startswith("My Reflections: Learner Test Course\n\nTell a short story.\n"
                           "The scenarios helped most & felt real.\n")
    assert "Which habits do you have?\n(not answered)" in body


def test_the_evaluation_downloads_as_a_file(page, course_url, tmp_path):
    open_page(page, course_url, "worksheets/reflections/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my evaluation").click()
    path = tmp_path / "evaluation.txt"
    download.value.save_as(path)
    text = path.read_text()
    assert "How confident are you?\n4 on a scale from 1 (Not at all) to 5 (Very)\n" in text
    assert "| Name | Next step |\n| --- | --- |\n| Ada | Send a note |" in text


@pytest.mark.parametrize("scheme", sorted(PALETTES))
@pytest.mark.parametrize("path", ["my-record/", "worksheets/reflections/"])
def test_no_axe_violations_on_the_ending_pages(browser, course_url, scheme, path):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_page(page, course_url, path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == PALETTES[scheme]
    assert violations(page) == []
    context.close()
