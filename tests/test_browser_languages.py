"""A learner who switches language keeps their work: the fixture course in English and Spanish,
served from one origin, keeps answers and progress under one storage key for both sites."""

from __future__ import annotations

from playwright.sync_api import expect


def switch_to(page, language: str) -> None:
    """Open Material's language switcher in the header and choose a language."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{language}"]').click()


def test_an_answer_and_a_completion_saved_in_english_are_there_in_spanish(page, bilingual_site):
    _, url = bilingual_site
    page.goto(url + "worksheets/listening-notes/")
    page.locator("#ws-listening-notes-what-i-heard").fill("She was tired of waiting.")
    expect(page.locator('[data-prompt="what-i-heard"] .course-save-status')).to_have_text("Saved")
    page.goto(url + "basics/first-steps/")
    page.locator(".course-complete-button").click()
    expect(page.locator(".course-complete-button")).to_have_attribute("aria-pressed", "true")

    switch_to(page, "es")
    expect(page).to_have_url(url + "es/basics/first-steps/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("h1")).to_contain_text("Primeros pasos")
    expect(page.locator(".course-complete-button")).to_have_attribute("aria-pressed", "true")

    page.goto(url + "es/worksheets/listening-notes/")
    expect(page.locator("h1")).to_contain_text("Mis notas de escucha")
    expect(page.locator("#ws-listening-notes-what-i-heard")).to_have_value("She was tired of waiting.")
    # Written in Spanish, it is there in English too.
    page.locator("#ws-listening-notes-what-i-heard").fill("Estaba cansada de esperar.")
    expect(page.locator('[data-prompt="what-i-heard"] .course-save-status')).not_to_be_empty()
    switch_to(page, "en")
    expect(page).to_have_url(url + "worksheets/listening-notes/")
    expect(page.locator("#ws-listening-notes-what-i-heard")).to_have_value("Estaba cansada de esperar.")


def test_both_sites_pass_axe_with_the_switcher_open(browser, bilingual_site):
    from axe_playwright_python.sync_playwright import Axe

    _, url = bilingual_site
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path in ("basics/first-steps/", "es/basics/first-steps/", "es/worksheets/listening-notes/"):
            page.goto(url + path)
            page.locator(".md-header__option .md-select button").focus()
            expect(page.locator('.md-select__link[hreflang="en"]')).to_be_visible()
            # The menu fades in: judge its colours once it is opaque.
            expect(page.locator(".md-select__inner")).to_have_css("opacity", "1")
            assert [v["id"] for v in Axe().run(page).response["violations"]] == [], (width, path)
        context.close()
