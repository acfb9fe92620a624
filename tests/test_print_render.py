"""Rendered Markdown of the print side: the worksheet body shared by a worksheet's page and the
printable pack, the print-only writing space, and the pack's place in the navigation."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from generator.build import build_course
from generator.render import NavSection, worksheets_pack_path

CONTENT = FIXTURES / "print-course" / "content"


@pytest.fixture(scope="module")
def result():
    return build_course(CONTENT)


def page(result, path):
    return next(p for p in result.pages if p.path == path)


def test_the_pack_holds_every_worksheet_once_in_course_order_below_its_own_title(result):
    pack = page(result, worksheets_pack_path()).content
    assert pack.count("\n# ") == 1 and "\n# Printable worksheets\n" in pack
    assert re.findall(r"^## (.+)$", pack, flags=re.M) == ["Short Form", "Two Long Prompts", "Contact Log",
                                                                  "Wide Table"]
    assert re.findall(r'<div class="course-pack-sheet" data-worksheet="([a-z0-9-]+)"', pack) == [
        "short-form", "two-long-prompts", "contact-log", "wide-table"]
    # The print button and PDF slot of the pack, not those of each worksheet page.
    assert pack.count("<!-- course:pdf ") == 1


def test_a_worksheet_page_and_its_copy_in_the_pack_have_the_same_prompts(result):
    own = page(result, "worksheets/short-form.md").content
    pack = page(result, worksheets_pack_path()).content
    prompts = re.search(r'<div class="course-worksheet" data-worksheet="short-form".*?\n</div>\n', own, re.S)[0]
    assert prompts in pack
    assert "<!-- course:pdf worksheets/short-form.pdf -->" in own


@pytest.mark.parametrize("prompt_id, lines", [("two-lines", 2), ("six-lines", 6)])
def test_writing_space_has_as_many_ruled_lines_as_the_yaml_asks(result, prompt_id, lines):
    own = page(result, "worksheets/short-form.md").content
    prompt = re.search(rf'data-prompt="{prompt_id}".*?\n</div>\n', own, re.S)[0]
    assert f'rows="{lines}"' in prompt
    assert f'style="--course-lines: {lines}"' in prompt  # the ruled space's height (print.css)


def test_the_pack_comes_last_in_the_worksheets_section(result):
    section = next(item for item in result.nav if isinstance(item, NavSection) and item.title == "Worksheets")
    assert [p.path for p in section.pages] == [
        "worksheets/short-form.md", "worksheets/two-long-prompts.md", "worksheets/contact-log.md",
        "worksheets/wide-table.md", worksheets_pack_path()]
    assert section.pages[-1].title == "Printable worksheets"


def test_rendering_is_repeatable(result):
    again = build_course(CONTENT)
    assert [(p.path, p.content) for p in again.pages] == [(p.path, p.content) for p in result.pages]
