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


def import_file(page, path):
    page.get_by_label("Import a JSON export").set_input_files(str(path))


def stored(page) -> str:
    return page.evaluate(f"localStorage.getItem('course:{COURSE_ID}:v1')")


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

    import_file(page, exported)
    expect(page.locator("[data-course-import-preview]")).to_contain_text("Add: Tell a short story. (My Reflections)")
    page.get_by_role("button", name="Import these changes").click()
    expect(page.locator(".course-my-work-status")).to_have_text(
        "Imported 5 answers, 1 exercise answer and the completion of 1 lesson from export.json.")
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
        # Each value is checked against the kind of its prompt or exercise in this course.
        "list-for-text.json": json.dumps(dict(RECORD, answers={"reflections/story": [1, 2]})),
        "word-for-scale.json": json.dumps(dict(RECORD, answers={"reflections/confidence": "very"})),
        "scale-out-of-range.json": json.dumps(dict(RECORD, answers={"reflections/confidence": 9})),
        "no-such-item.json": json.dumps(dict(RECORD, answers={"reflections/habits": [7]})),
        "no-such-column.json": json.dumps(dict(RECORD, answers={"reflections/contacts": {"1-3": "x"}})),
        "no-such-option.json": json.dumps(dict(RECORD, exercises={"pick-one": 5})),
        "text-for-choice.json": json.dumps(dict(RECORD, exercises={"pick-many": "B"})),
        # ...and the practice kinds: a whole order, item numbers that exist, categories the course has.
        "order-missing-an-item.json": json.dumps(dict(RECORD, exercises={"put-in-order": [2, 1]})),
        "order-twice.json": json.dumps(dict(RECORD, exercises={"put-in-order": [1, 1, 2]})),
        "no-such-match.json": json.dumps(dict(RECORD, exercises={"pair-up": {"1": 4}})),
        "no-such-pair.json": json.dumps(dict(RECORD, exercises={"pair-up": {"9": 1}})),
        "no-such-category.json": json.dumps(dict(RECORD, exercises={"sort-them": {"1": "mixed"}})),
        "path-too-long.json": json.dumps(dict(RECORD, exercises={"walk-through": [1, 1, 1]})),
        "proto-keys.json": '{"version": 1, "answers": {"__proto__": {"x": "y"}}, "exercises": {}, "progress": {}}',
    }
    for name, text in broken.items():
        path = tmp_path / name
        path.write_text(text)
        import_file(page, path)
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


def test_import_merges_newer_wins_and_never_erases(page, course_url, tmp_path):
    """An empty answer or `complete: false` in a file never erases what is saved; where both have an
    answer the newer one is kept; the learner sees what will change before anything does."""
    # Saved here: the checklist changed in 2065, the rest at an unknown time (before dates were kept).
    open_my_work(page, course_url, dict(RECORD, updated={"answers/reflections/habits": 3_000_000_000_000}))
    data = {"version": 1, "course": COURSE_ID, "exported": "2000-01-01T00:00:00.000Z",
            "answers": {"reflections/story": "", "reflections/confidence": 2, "reflections/habits": [1]},
            "exercises": {"explain-it": "Because it helps."},
            "progress": {"first-lesson": {"complete": False}, "second-lesson": {"complete": True}},
            "updated": {"answers/reflections/confidence": 4_102_444_800_000}}  # 2100: newer than here
    path = tmp_path / "merge.json"
    path.write_text(json.dumps(data))
    before = stored(page)
    import_file(page, path)
    preview = page.locator("[data-course-import-preview]")
    expect(preview).to_contain_text("Replace with the file's newer answer: How confident are you? (My Reflections)")
    expect(preview).to_contain_text("Add: Explain it (Second Lesson)")
    expect(preview).to_contain_text("Mark complete: lesson second-lesson")
    expect(preview).to_contain_text("Kept as they are here, because they are newer than the file's: 1 answer.")
    expect(preview).not_to_contain_text("Tell a short story")
    page.get_by_role("button", name="Cancel").click()
    assert stored(page) == before  # a preview changes nothing

    import_file(page, path)
    page.get_by_role("button", name="Import these changes").click()
    expect(page.locator(".course-my-work-status")).to_contain_text("Imported 1 answer, 1 exercise answer")
    record = saved(page)
    assert record["answers"]["reflections/story"] == "Once I spoke first."  # empty never overwrites
    assert record["answers"]["reflections/confidence"] == 2  # the file's is newer
    assert record["answers"]["reflections/habits"] == [1, 3]  # newer here than the file's export
    assert record["progress"]["first-lesson"] == {"complete": True}  # complete: false never un-marks
    assert record["progress"]["second-lesson"] == {"complete": True}
    assert record["exercises"]["explain-it"] == "Because it helps."


def test_an_import_that_does_not_fit_in_storage_is_reported_and_changes_nothing(page, course_url, tmp_path):
    open_my_work(page, course_url, RECORD)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(dict(RECORD, answers={"reflections/story": "x" * 1000}, exported="2030-01-01T00:00:00Z")))
    import_file(page, path)
    before = stored(page)
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }""")
    page.get_by_role("button", name="Import these changes").click()
    status = page.locator(".course-my-work-status")
    expect(status).to_contain_text("Nothing was imported. This browser has no room left")
    expect(status).to_have_attribute("role", "alert")
    assert stored(page) == before


def test_short_answers_from_lessons_are_in_my_work_and_the_markdown_export(page, course_url, tmp_path):
    record = dict(RECORD, exercises={"explain-it": "First line\nSecond line <b>not bold</b>\n# not a heading"})
    open_my_work(page, course_url, record)
    answer = page.locator('[data-course-short-answers] [data-exercise="explain-it"]')
    expect(answer).to_contain_text("Explain it")
    expect(answer).to_contain_text("Second line <b>not bold</b>")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as Markdown").click()
    path = tmp_path / "export.md"
    download.value.save_as(path)
    text = path.read_text()
    assert "## Short answers in lessons\n\n### Explain it (Second Lesson)\n\n" in text
    # Line breaks kept, typed HTML and Markdown shown as text rather than made live.
    assert "First line  \nSecond line &lt;b&gt;not bold&lt;/b&gt;  \n\\# not a heading\n" in text


def test_summary_folding_and_clearing_one_worksheet_with_undo(page, course_url):
    open_my_work(page, course_url, RECORD)
    expect(page.locator("[data-course-summary]")).to_have_text(
        "4 of 4 prompts answered, in 1 of 1 worksheet. 0 of 1 short answer in lessons written.")
    sheet = page.locator('.course-my-work-worksheet[data-worksheet="reflections"]')
    sheet.get_by_role("button", name="Clear these answers (My Reflections)").click()
    expect(sheet).to_contain_text("Your answers to this worksheet were cleared.")
    expect(sheet.locator('[data-prompt="story"]')).to_be_hidden()  # folded: not started
    expect(page.locator("[data-course-summary]")).to_contain_text("0 of 4 prompts answered")
    assert "reflections/story" not in saved(page)["answers"]
    assert saved(page)["answers"]["old-sheet/removed-prompt"]  # only this worksheet's answers go
    expect(sheet.get_by_role("button", name="Undo")).to_be_focused()
    sheet.get_by_role("button", name="Undo").click()
    expect(sheet.locator('[data-prompt="story"]')).to_contain_text("Once I spoke first.")
    assert saved(page)["answers"]["reflections/habits"] == [1, 3]
    expect(page.locator("[data-course-summary]")).to_contain_text("4 of 4 prompts answered")


def test_practice_attempts_survive_export_and_import(page, course_url, tmp_path):
    practice = {"put-in-order": [3, 1, 2], "pair-up": {"1": 2, "2": 1}, "sort-them": {"1": "fixed", "2": "growth"},
                "walk-through": [1, 2]}
    open_my_work(page, course_url, dict(RECORD, exercises=practice))
    with page.expect_download() as download:
        page.get_by_role("button", name="Export as JSON").click()
    exported = tmp_path / "practice.json"
    download.value.save_as(exported)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all my work").click()
    expect(page.locator(".course-my-work-status")).to_contain_text("cleared")
    import_file(page, exported)
    page.get_by_role("button", name="Import these changes").click()
    expect(page.locator(".course-my-work-status")).to_contain_text("4 exercise answers")
    assert saved(page)["exercises"] == practice
