"""Before-and-after checks in the browser: a check that repeats an earlier one (`compare_with`)
shows both results side by side, on its own page as the learner rates and on My work."""

from __future__ import annotations

from playwright.sync_api import expect


def rate_all(form, value):
    for fieldset in form.locator(".course-rating").all():
        fieldset.locator(f'input[value="{value}"]').check()


def test_the_end_of_module_check_shows_the_first_total_beside_its_own(page, site_url):
    page.goto(site_url + "growth-mindset/why-networking-feels-hard/")
    # Four statements rated 4, three reverse-scored ones rated 4 (counting 2): 16 + 6.
    rate_all(page.locator("#exercise-resistance-self-check form"), 4)
    expect(page.locator("#exercise-resistance-self-check .course-exercise-feedback")).to_contain_text("Your total: 22")

    page.goto(site_url + "growth-mindset/growth-mindset-wrap-up/")
    check = page.locator("#exercise-module-one-check-in")
    compare = check.locator(".course-compare")
    expect(compare).to_be_visible()
    expect(compare.get_by_role("row", name="Before: How strong is your resistance?")).to_contain_text("22 of 35")
    expect(compare.get_by_role("row", name="Now: End-of-module check-in")).to_contain_text("not rated yet")
    rate_all(check.locator("form"), 2)  # 4 x 2 + 3 x (6 - 2)
    expect(compare.get_by_role("row", name="Now: End-of-module check-in")).to_contain_text("20 of 35")
    compare.get_by_role("link", name="How strong is your resistance?").click()
    expect(page).to_have_url(site_url + "growth-mindset/why-networking-feels-hard/#exercise-resistance-self-check")

    page.goto(site_url + "my-work/")
    pairs = page.locator("[data-course-compare] .course-compare")
    expect(pairs.first.get_by_role("row", name="Before: How strong is your resistance?")).to_contain_text("22 of 35")
    expect(pairs.first.get_by_role("row", name="Now: End-of-module check-in")).to_contain_text("20 of 35")


def test_a_rating_asked_again_shows_the_first_answer_beside_it(page, site_url):
    page.goto(site_url + "worksheets/learning-journey-baseline/")
    page.locator('[data-prompt="current-confidence"] input[value="4"]').check()
    page.goto(site_url + "worksheets/continuous-learning-plan/")
    compare = page.locator('[data-prompt="confidence-now"] .course-compare')
    expect(compare.get_by_role("row", name="Before: My Networking Learning Baseline")).to_contain_text("4 of 10")
    expect(compare.get_by_role("row", name="Now: My Continuous-Learning Plan")).to_contain_text("not rated yet")
    page.locator('[data-prompt="confidence-now"] input[value="7"]').check()
    expect(compare.get_by_role("row", name="Now: My Continuous-Learning Plan")).to_contain_text("7 of 10")

    page.goto(site_url + "my-work/")
    pair = page.locator('[data-course-compare] .course-compare[data-later="continuous-learning-plan/confidence-now"]')
    expect(pair).to_contain_text("4 of 10")
    expect(pair).to_contain_text("7 of 10")
