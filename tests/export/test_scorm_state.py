"""The largest realistic saved work in suspend_data: whole in SCORM 2004; in SCORM 1.2, cut to the
4,096 characters it allows, with the learner warned and the whole work kept in the browser."""

from __future__ import annotations

import json

from generator.export.pdf import serve
from lms_support import full_record, lms_folder, package_build, scorm_package
from test_scorm_runtime import launch


def saved_in_lms(browser, version: str, record: dict):
    """Launch the package, import the record as the learner's work, leave; returns the page."""
    context = browser.new_context()
    page = context.new_page()
    with serve(lms_folder(scorm_package(version))) as url:
        frame = launch(page, url, version, None)
        frame.evaluate("record => CourseStore.importRecord(record)", record)
        notice = frame.locator(".course-lms-notice:not([hidden])")
        local = frame.evaluate("CourseStore.load()")
        state = {"notice": notice.inner_text() if notice.count() else "", "local": local}
        page.evaluate("leave()")
        state["suspend"] = page.evaluate("runtime.cmi.suspend_data")
        state["status"] = page.evaluate("runtime.cmi.core ? runtime.cmi.core.lesson_status : runtime.cmi.success_status")
    context.close()
    return state


def test_the_whole_course_answered_fits_in_scorm_2004(browser):
    bundle, _ = package_build()
    record = full_record(bundle)
    state = saved_in_lms(browser, "2004", record)
    print(f"fully answered course: {len(state['suspend'])} characters of suspend_data")
    assert len(state["suspend"]) <= 64000
    saved = json.loads(state["suspend"])
    assert "t" not in saved and state["notice"] == ""
    assert sum(len(prompts) for prompts in saved["w"].values()) == len(record["answers"])
    assert saved["x"] == record["exercises"]
    assert state["status"] == "passed"  # every auto-scored exercise right


def test_beyond_4096_characters_scorm_1_2_keeps_what_fits_and_warns(browser):
    bundle, _ = package_build()
    record = full_record(bundle)
    state = saved_in_lms(browser, "1.2", record)
    suspend = state["suspend"]
    assert len(suspend) <= 4096
    saved = json.loads(suspend)
    assert saved["t"] == 1, "a shortened record must say so"
    # Progress and choices always fit; then as many written answers as the limit allows.
    assert set(saved["p"]) == set(bundle.lessons)
    choices = {key: value for key, value in record["exercises"].items() if not isinstance(value, str)}
    assert choices.items() <= saved["x"].items()
    assert all(record["exercises"][key] == value for key, value in saved["x"].items())
    kept = [f"{sheet}/{prompt}" for sheet, prompts in saved.get("w", {}).items() for prompt in prompts]
    assert len(kept) + len(saved["x"]) < len(record["answers"]) + len(record["exercises"])
    assert all(record["answers"][key] == saved["w"][key.split("/")[0]][key.split("/")[1]] for key in kept)
    assert "4,096 characters" in state["notice"] and "My work" in state["notice"]
    assert state["local"]["answers"] == record["answers"], "the browser must keep the whole work"
    assert state["status"] == "passed"
