"""The "My work" page: every answer by worksheet, export as JSON and Markdown, import, clear."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from learner_support import COURSE_ID, saved, set_saved

RECORD = {
    "version": 1,
    "answers": {
        "reflections/story": "Once I spoke first.",
        "reflections/habits": [1, 3],
        "reflections/confidence": 4,
        "reflections/contacts": {"1-1": "Ada", "1-2": "Send a note"},
        "old-sheet/removed-prompt": "An answer to a prompt that is gone",
    },
    "exercises": {"pick-one": 2},
    "progress": {"first-lesson": {"complete": True}},
    "last": "first-lesson",
}


def open_my_work(page, course_url, record=None):
    page.goto(course_url + "my-work/")
    if record is not None:
        set_saved(page, record)
        page.reload()
    return page.locator("[data-course-my-work]")


def test_lists_every_answer_by_worksheet_with_the_course_labels(page, course_url):
    work = open_my_work(page, course_url, RECORD)
    sheet = work.locator('[data-worksheet="reflections"]')
    expect(sheet.get_by_role("heading", name="My Reflections")).to_be_visible()
    expect(sheet.locator('[data-prompt="story"]')).to_contain_text("Tell a short story.")
    expect(sheet.locator('[data-prompt="story"]')).to_contain_text("Once I spoke first.")
    expect(sheet.locator('[data-prompt="habits"] .course-checked')).to_have_text(["Ticked: Reading", "Ticked: Writing"])
    expect(sheet.locator('[data-prompt="confidence"]')).to_contain_text("4 on a scale from 1 (Not at all) to 5 (Very)")
    expect(sheet.locator('[data-prompt="contacts"] table')).to_contain_text("Send a note")
    orphans = work.locator("[data-course-orphans]")
    expect(orphans).to_contain_text("Answers to prompts no longer in the course")
    expect(orphans).to_contain_text("An answer to a prompt that is gone")
    expect(page.locator("[data-course-progress] progress").first).to_have_attribute("value", "1")


def test_export_clear_import_gives_the_answers_back(page, course_url, tmp_path):
    work = open_my_work(page, course_url, RECORD)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as JSON").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["course"] == COURSE_ID
    assert data["answers"] == RECORD["answers"]  # the removed prompt's answer is kept
    assert data["progress"] == RECORD["progress"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all my work").click()
    expect(page.locator(".course-my-work-status")).to_contain_text("cleared")
    assert saved(page) is None
    expect(work.locator('[data-prompt="story"]')).to_contain_text("Not answered yet.")
    expect(work.locator("[data-course-orphans]")).to_be_hidden()

    page.get_by_label("Import a JSON export").set_input_files(str(exported))
    expect(page.locator(".course-my-work-status")).to_contain_text("Imported 5 answers")
    expect(work.locator('[data-prompt="story"]')).to_contain_text("Once I spoke first.")
    expect(work.locator("[data-course-orphans]")).to_contain_text("An answer to a prompt that is gone")
    record = saved(page)
    assert record["answers"] == RECORD["answers"]
    assert record["exercises"] == RECORD["exercises"]
    assert record["progress"] == RECORD["progress"]

    page.goto(course_url + "worksheets/reflections/")
    expect(page.get_by_label("Tell a short story.")).to_have_value("Once I spoke first.")


def test_clear_asks_first_and_a_refusal_keeps_everything(page, course_url):
    open_my_work(page, course_url, RECORD)
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Clear all my work").click()
    expect(page.locator(".course-my-work-status")).to_have_text("Nothing was cleared.")
    assert "cannot be undone" in messages[0]
    assert saved(page)["answers"] == RECORD["answers"]


def test_a_file_that_is_not_a_valid_export_is_refused_and_changes_nothing(page, course_url, tmp_path):
    open_my_work(page, course_url, RECORD)
    before = page.evaluate(f"localStorage.getItem('course:{COURSE_ID}:v1')")
    status = page.locator(".course-my-work-status")
    broken = {
        "not-json.json": "{ this is not JSON",
        "a-list.json": "[1, 2, 3]",
        "other-version.json": json.dumps(dict(RECORD, version=2)),
        "other-course.json": json.dumps(dict(RECORD, course="another-course")),
        "bad-answer.json": json.dumps(dict(RECORD, answers={"reflections/story": {"nested": {"deep": 1}}})),
        "bad-progress.json": json.dumps(dict(RECORD, progress={"first-lesson": "done"})),
        "no-answers.json": json.dumps({"version": 1, "exercises": {}, "progress": {}}),
    }
    for name, text in broken.items():
        path = tmp_path / name
        path.write_text(text)
        page.get_by_label("Import a JSON export").set_input_files(str(path))
        expect(status).to_contain_text("Nothing was imported.")
        expect(status).to_have_attribute("role", "alert")
        assert page.evaluate(f"localStorage.getItem('course:{COURSE_ID}:v1')") == before, name
        page.evaluate("document.querySelector('.course-my-work-status').textContent = ''")
    expect(page.locator('[data-prompt="story"]')).to_contain_text("Once I spoke first.")


def test_markdown_export_is_readable(page, course_url, tmp_path):
    open_my_work(page, course_url, RECORD)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    path = tmp_path / "export.md"
    download.value.save_as(path)
    text = path.read_text()
    assert text.startswith("# My work: Learner Test Course\n")
    assert "- [x] The Basics: First Lesson" in text
    assert "- [ ] Practice: Third Lesson" in text
    assert "## My Reflections\n\n### Tell a short story.\n\nOnce I spoke first.\n" in text
    assert "- [x] Reading\n- [ ] Walking\n- [x] Writing" in text
    assert "| Name | Next step |\n| --- | --- |\n| Ada | Send a note |" in text
    assert "## Answers to prompts no longer in the course\n\n### old-sheet/removed-prompt" in text
