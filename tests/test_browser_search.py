"""The header search works in both engines' sites: the partial override renders each engine's own
form, and a query typed into it lists matching pages."""

from __future__ import annotations

from playwright.sync_api import expect


def search(page, query: str):
    """Type query into the header search as a learner would; returns the result entries."""
    if page.locator(".md-search__button").count():  # Zensical: a button opens its search dialog
        page.locator(".md-search__button").click()
        page.keyboard.type(query)
        return page.get_by_role("option")
    page.get_by_role("textbox", name="Search").click()  # Material: the form in the header
    page.keyboard.type(query)
    return page.locator(".md-search-result__item")


def test_a_query_lists_the_pages_that_match(page, shipped):
    built_site, url = shipped
    page.goto(url)
    page.wait_for_load_state("networkidle")
    results = search(page, "listening")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("Listening")
    assert results.count() >= 3


def test_each_engine_gets_its_own_search_form(shipped):
    built_site, _ = shipped
    home = (built_site / "index.html").read_text(encoding="utf-8")
    zensical = 'content="zensical-' in home
    assert ('class="md-search__button"' in home) is zensical
    assert ('class="md-search__input"' in home) is not zensical
    assert 'role="dialog" aria-label="Search"' in home  # the accessible name the override exists for
