"""Term links, the glossary and references as a learner sees them, in both engines' sites: the
definition on hover and on keyboard focus (and gone on Escape), without script a link to the
entry, on paper in brackets; Further reading and the bibliography; axe finds nothing."""

from __future__ import annotations

from playwright.sync_api import expect

from test_browser_accessibility import palette_page, violations  # noqa: F401 (a fixture)

LESSON = "basics/first-lesson/"


def term_on(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.locator(".course-term").first


def test_the_definition_shows_on_hover_and_on_focus(palette_page, course_url):
    page = palette_page  # light and dark: axe checks the definition's colours in both
    term = term_on(page, course_url + LESSON)
    link, tip = term.get_by_role("link", name="small talk"), term.locator("[role=tooltip]")
    expect(tip).to_be_hidden()
    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_text("Light, friendly conversation about everyday things, which often opens a longer one.")
    tip.hover()  # the pointer can move onto the definition to read it
    expect(tip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    link.focus()
    expect(tip).to_be_visible()
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    link.blur()
    link.focus()
    expect(tip).to_be_visible()
    assert violations(page) == []


def test_the_definition_stays_on_a_narrow_screen(browser, course_url):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    term = term_on(page, course_url + LESSON)
    term.get_by_role("link").focus()
    box = term.locator("[role=tooltip]").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.close()


def test_the_link_leads_to_the_glossary_entry(page, course_url):
    term = term_on(page, course_url + LESSON)
    term.get_by_role("link").click()
    page.wait_for_url("**/glossary/#small-talk")
    expect(page.locator("#small-talk")).to_have_text("Small talk¶")
    assert violations(page) == []


def test_on_paper_the_definition_follows_the_term(page, course_url):
    term = term_on(page, course_url + LESSON)
    page.emulate_media(media="print")
    expect(term.locator("[role=tooltip]")).to_be_visible()
    brackets = term.locator("[role=tooltip]").evaluate(
        "tip => [getComputedStyle(tip, '::before').content, getComputedStyle(tip, '::after').content]")
    assert brackets == ['" ("', '")"']


def test_further_reading_and_the_bibliography(page, course_url):
    page.goto(course_url + LESSON)
    reading = page.locator("h2#further-reading + ul > li")
    expect(reading).to_have_count(2)
    expect(reading.nth(1).get_by_role("link", name="Mindset: The New Psychology of Success")).to_have_attribute(
        "href", "https://example.org/mindset")
    page.goto(course_url + "bibliography/")
    entries = page.locator("article ul > li")
    expect(entries).to_have_count(2)  # Dweck's book, cited by two lessons, once
    expect(entries.nth(0)).to_contain_text("Dweck, Carol S. (2006).")
    expect(entries.nth(0)).to_contain_text("Cited in: First Lesson, Second Lesson")
    expect(entries.nth(1)).to_contain_text("Neff, Kristin (2011). Self-Compassion: The Proven Power of Being Kind "
                                           "to Yourself. William Morrow.")
    assert violations(page) == []
