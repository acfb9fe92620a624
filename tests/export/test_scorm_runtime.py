"""The SCORM package of the shipped course, run in headless Chromium inside a frame of an LMS page
that offers scorm-again's runtime: what the learner does reaches the LMS, and comes back from it."""

from __future__ import annotations

import json

import pytest

from generator.export.pdf import serve
from generator.export.scored import scored_exercises
from lms_support import lms_folder, package_build, scorm_package

LEARNER = "learner-7"
# The names of what is reported, per version.
CMI = {
    "1.2": {"init": "LMSInitialize", "set": "LMSSetValue", "commit": "LMSCommit", "finish": "LMSFinish",
            "status": "core.lesson_status", "raw": "core.score.raw", "location": "core.lesson_location",
            "limit": 4096},
    "2004": {"init": "Initialize", "set": "SetValue", "commit": "Commit", "finish": "Terminate",
             "status": "completion_status", "raw": "score.raw", "location": "location", "limit": 64000},
}


def cmi(page, path: str):
    return page.evaluate(f"runtime.cmi.{path}")


def course_frame(page):
    frame = page.frame_locator("#sco").frame_locator("#course-frame")
    frame.locator(".md-content").first.wait_for()
    return page.frame(name="course-frame")  # Playwright names a frame by its id


def open_page(page, path: str):
    """Follow the course's own navigation inside the package to the page at path."""
    frame = course_frame(page)
    frame.goto(frame.url.rsplit("/package/", 1)[0] + "/package/" + path)
    frame.locator(".md-content").wait_for()
    return frame


def launch(page, url: str, version: str, state=None):
    page.goto(f"{url}lms.html?version={version}")
    page.evaluate("state => launch(state)", state)
    return course_frame(page)


@pytest.fixture(params=["1.2", "2004"])
def version(request):
    return request.param


@pytest.fixture
def lms_url(version):
    with serve(lms_folder(scorm_package(version))) as url:
        yield url


def test_a_learner_s_work_reaches_the_lms_and_comes_back(browser, version, lms_url):
    bundle, _ = package_build()
    names = CMI[version]
    scored = scored_exercises(bundle)
    right, wrong = scored[0], scored[1]
    lesson = bundle.lessons[right.lesson_id]
    module = bundle.module_of_lesson[lesson.id]
    worksheet = bundle.worksheets[lesson.worksheet]
    prompt = next(p for p in worksheet.prompts if p.type == "text")

    context = browser.new_context()
    page = context.new_page()
    launch(page, lms_url, version, {"core": {"student_id": LEARNER}} if version == "1.2" else {"learner_id": LEARNER})
    # Answer one exercise right and one wrong, as a learner does.
    for exercise, numbers in ((right, right.correct), (wrong, [next(n for n in range(1, 9) if n not in wrong.correct)])):
        frame = open_page(page, f"{bundle.module_of_lesson[exercise.lesson_id].id}/{exercise.lesson_id}.html")
        quiz = frame.locator(f'[data-exercise="{exercise.id}"]')
        for number in numbers:
            quiz.locator(f'input[value="{number}"]').check()
        quiz.get_by_role("button", name="Check my answer").click()
    frame = open_page(page, f"worksheets/{worksheet.id}.html")
    frame.locator(f'[data-prompt="{prompt.id}"] textarea').fill("Ask Sam for a coffee before Friday.")
    frame = open_page(page, f"{module.id}/{lesson.id}.html")
    frame.get_by_role("button", name="Mark lesson complete").click()
    assert cmi(page, names["status"]) == "incomplete"
    # Every other lesson marked complete through the store the buttons use.
    frame.evaluate("ids => ids.forEach(id => CourseStore.setComplete(id, true))", list(bundle.lessons))
    page.evaluate("leave()")

    calls = page.evaluate("calls")
    order = [call[0] for call in calls]
    assert order[0] == names["init"] and order[-1] == names["finish"]
    assert order.count(names["init"]) == 1 and order.count(names["finish"]) == 1
    assert all(call[-1] == "true" for call in calls if call[0] in (names["set"], names["commit"])), calls
    last_set = max(i for i, name in enumerate(order) if name == names["set"])
    assert names["commit"] in order[last_set:], "the last values were never committed"

    expected = round(100 * 1 / len(scored))  # one of the auto-scored exercises is right
    assert cmi(page, names["raw"]) == str(expected)
    if version == "1.2":
        assert cmi(page, "core.score.max") == "100" and cmi(page, "core.score.min") == "0"
        assert cmi(page, "core.lesson_status") == "failed"  # every lesson complete, below the pass mark
    else:
        assert cmi(page, "completion_status") == "completed"
        assert cmi(page, "success_status") == "failed"
        assert cmi(page, "score.scaled") == str(expected / 100)
    exit_name = "cmi.core.exit" if version == "1.2" else "cmi.exit"  # write-only: seen in the calls
    assert [names["set"], exit_name, "suspend", "true"] in calls, "leaving must keep the attempt to resume"
    assert cmi(page, names["location"]) == f"{module.id}/{lesson.id}.html"
    suspend = cmi(page, "suspend_data")
    assert len(suspend) <= names["limit"]
    saved = json.loads(suspend)
    assert saved["w"][worksheet.id][prompt.id] == "Ask Sam for a coffee before Friday."
    location = cmi(page, names["location"])
    context.close()

    # A second launch on another computer: nothing in this browser, everything from the LMS.
    context = browser.new_context()
    page = context.new_page()
    state = {"suspend_data": suspend}
    if version == "1.2":
        state["core"] = {"student_id": LEARNER, "lesson_location": location, "entry": "resume"}
    else:
        state.update(learner_id=LEARNER, location=location, entry="resume")
    frame = launch(page, lms_url, version, state)
    assert frame.url.endswith(location), "the course did not resume at the page the learner left"
    assert frame.get_by_role("button", name="Mark lesson complete").get_attribute("aria-pressed") == "true"
    frame = open_page(page, f"worksheets/{worksheet.id}.html")
    assert frame.locator(f'[data-prompt="{prompt.id}"] textarea').input_value() == "Ask Sam for a coffee before Friday."
    frame = open_page(page, f"{module.id}/{right.lesson_id}.html")
    for number in right.correct:
        assert frame.locator(f'[data-exercise="{right.id}"] input[value="{number}"]').is_checked()
    restored = frame.evaluate("CourseStore.load()")
    assert restored["answers"] == {f"{k}/{p}": v for k, prompts in saved["w"].items() for p, v in prompts.items()}
    assert set(restored["progress"]) == set(bundle.lessons)
    assert restored["exercises"] == saved["x"]
    context.close()
