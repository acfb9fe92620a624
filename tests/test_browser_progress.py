"""Progress and navigation: lessons marked complete, the navigation and the home page showing it,
instant navigation keeping every page working, and no request leaving the site."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

from learner_support import saved


def nav_link(page, path):
    """The site navigation's link to a page (not the table of contents folded into it)."""
    return page.locator(f'.md-nav--primary a.md-nav__link[href$="{path}"]:not(.md-nav--secondary a)')


def test_mark_complete_shows_in_navigation_and_on_home(page, course_url):
    page.goto(course_url + "basics/first-lesson/")
    button = page.get_by_role("button", name="Mark lesson complete")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".course-complete-status")).to_contain_text("This lesson is marked complete.")
    assert saved(page)["progress"] == {"first-lesson": {"complete": True}}
    expect(nav_link(page, "basics/first-lesson/")).to_have_class("md-nav__link md-nav__link--active course-nav-complete")
    expect(nav_link(page, "basics/first-lesson/")).to_contain_text("(complete)")
    expect(nav_link(page, "basics/second-lesson/")).not_to_contain_text("(complete)")

    page.goto(course_url)
    progress = page.locator("[data-course-progress]")
    expect(progress.locator("progress").first).to_have_attribute("aria-label", "Whole course: 1 of 3 lessons complete")
    expect(progress).to_contain_text("1 of 2 lessons complete")  # module "The Basics"
    expect(progress).to_contain_text("0 of 1 lessons complete")  # module "Practice"
    # The first lesson is done, so the learner continues with the next one not yet complete.
    expect(page.locator(".course-continue")).to_contain_text("Continue where you left off: Second Lesson")

    page.goto(course_url + "basics/first-lesson/")
    expect(page.locator(".course-complete-status")).to_have_text("This lesson is marked complete.")
    page.get_by_role("button", name="Mark lesson complete").click()
    expect(page.get_by_role("button", name="Mark lesson complete")).to_have_attribute("aria-pressed", "false")
    expect(nav_link(page, "basics/first-lesson/")).not_to_contain_text("(complete)")
    assert saved(page)["progress"] == {}


def test_continue_link_leads_to_the_last_lesson_visited(page, course_url):
    page.goto(course_url)
    expect(page.locator(".course-continue")).to_contain_text("Start here: First Lesson")
    page.goto(course_url + "practice/third-lesson/")
    page.goto(course_url)
    page.locator(".course-continue a").click()
    expect(page).to_have_url(course_url + "practice/third-lesson/")


def test_instant_navigation_and_back_keep_pages_working(page, course_url):
    page.goto(course_url)
    page.evaluate("window.notReloaded = true")
    nav_link(page, "basics/").click()
    nav_link(page, "basics/first-lesson/").click()
    expect(page).to_have_url(course_url + "basics/first-lesson/")
    assert page.evaluate("window.notReloaded === true"), "the page was reloaded, not swapped in place"
    # The new page is set up: its exercise answers back and it can be marked complete.
    quiz = page.locator("#exercise-pick-one")
    quiz.get_by_label("Blue").check()
    quiz.get_by_role("button", name="Check my answer").click()
    expect(quiz.locator(".course-exercise-feedback")).to_contain_text("Correct.")
    page.get_by_role("button", name="Mark lesson complete").click()

    page.locator(".md-content").get_by_role("link", name="My Reflections", exact=True).click()
    expect(page).to_have_url(course_url + "worksheets/reflections/")
    page.get_by_label("Tell a short story.").fill("Written after instant navigation")

    page.go_back()
    expect(page).to_have_url(course_url + "basics/first-lesson/")
    expect(page.get_by_role("button", name="Mark lesson complete")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".course-complete")).to_have_count(1)
    page.go_back()
    expect(page).to_have_url(course_url + "basics/")
    page.go_back()
    expect(page).to_have_url(course_url)
    expect(page.locator("[data-course-progress] progress").first).to_have_attribute("value", "1")
    for _ in range(3):
        page.go_forward()
    expect(page).to_have_url(course_url + "worksheets/reflections/")
    expect(page.get_by_label("Tell a short story.")).to_have_value("Written after instant navigation")
    assert page.evaluate("window.notReloaded === true")


def test_no_request_leaves_the_site(page, course_url):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "basics/", "basics/first-lesson/", "basics/second-lesson/", "worksheets/reflections/",
                 "my-work/"):
        page.goto(course_url + path)
        page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Export as JSON").is_visible()
    origin = urlsplit(course_url)
    outside = [url for url in requests
               if urlsplit(url)[:2] != origin[:2] and not url.startswith(("data:", "blob:"))]
    assert requests, "no requests were recorded"
    assert outside == []


def test_module_page_shows_the_module_progress(page, course_url):
    page.goto(course_url + "basics/second-lesson/")
    page.get_by_role("button", name="Mark lesson complete").click()
    page.goto(course_url + "basics/")
    expect(page.locator(".course-progress--module progress")).to_have_attribute(
        "aria-label", "The Basics: 1 of 2 lessons complete")
    page.goto(course_url + "practice/")
    expect(page.locator(".course-progress--module")).to_contain_text("0 of 1 lessons complete")


def test_completed_lessons_are_marked_in_the_module_table_and_the_home_syllabus(page, course_url):
    page.goto(course_url + "basics/second-lesson/")
    page.get_by_role("button", name="Mark lesson complete").click()
    page.goto(course_url + "basics/")
    rows = page.locator(".md-content table tbody tr")
    expect(rows.nth(1)).to_contain_text("Complete")
    expect(rows.nth(0)).not_to_contain_text("Complete")
    page.goto(course_url)
    syllabus = page.locator(".md-content ol > li")
    expect(syllabus.filter(has_text="Second Lesson")).to_contain_text("Complete")
    expect(syllabus.filter(has_text="First Lesson")).not_to_contain_text("Complete")


def test_a_notice_says_when_the_browser_keeps_nothing(browser, course_url):
    context = browser.new_context()
    context.add_init_script("""Storage.prototype.setItem = function () {
        throw new DOMException("The operation is insecure.", "SecurityError"); };""")
    page = context.new_page()
    try:
        page.goto(course_url + "worksheets/reflections/")
        expect(page.locator(".course-storage-notice")).to_contain_text("will be gone when you close the page")
        page.goto(course_url + "basics/first-lesson/")
        expect(page.locator(".course-storage-notice")).to_be_visible()
        page.goto(course_url)
        expect(page.locator(".course-storage-notice")).to_have_count(0)  # nothing to keep on the home page
    finally:
        context.close()


def test_previous_and_next_follow_the_course_and_a_worksheet_names_its_lesson(page, course_url):
    """Lesson, its worksheet, the next lesson: not all lessons first and then all worksheets."""
    page.goto(course_url + "basics/first-lesson/")
    expect(page.locator(".course-lesson-meta")).to_contain_text("Module 1 · Lesson 1 of 2")
    pager = page.get_by_role("navigation", name="Previous and next in the course")
    expect(pager.locator("a[rel=prev]")).to_contain_text("The Basics")
    pager.locator("a[rel=next]").click()
    expect(page).to_have_url(course_url + "worksheets/reflections/")
    meta = page.locator(".course-worksheet-meta")
    expect(meta).to_contain_text("About 10 min · part of the lesson First Lesson")
    meta.get_by_role("link", name="First Lesson").click()
    expect(page).to_have_url(course_url + "basics/first-lesson/")
    page.goto(course_url + "worksheets/reflections/")
    page.get_by_role("navigation", name="Previous and next in the course").locator("a[rel=next]").click()
    expect(page).to_have_url(course_url + "basics/second-lesson/")
    page.goto(course_url + "my-work/")
    pager = page.get_by_role("navigation", name="Previous and next in the course")
    expect(pager.locator("a[rel=next]")).to_have_count(0)  # the end of the course, no guide after it
    expect(page.locator(".md-footer__link")).to_have_count(0)  # Material's own, in navigation order
