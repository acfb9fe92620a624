"""Parts the generator wrote as final HTML skip Python-Markdown and come back as they were written."""

from __future__ import annotations

import shutil

import markdown
import pytest
from mkdocs.config import load_config

from generator.mkdocs_site import final_html
from generator.mkdocs_site.preview import ThemeListing
from conftest import ROOT

PART = '<div class="course-worksheet" id="ws-1">\n<p class="x">A <em>label</em> -- "as typed"</p>\n</div>\n'


def test_a_marked_part_comes_back_unchanged_inside_a_markdown_block():
    text = f'<div class="sheet" markdown>\n\n## A heading\n\n{final_html.START}\n{PART}{final_html.END}\n\n</div>\n'
    hidden, parts = final_html.set_aside(text)
    assert parts == ["\n" + PART] and "course-worksheet" not in hidden
    converter = markdown.Markdown(extensions=["md_in_html", "smarty"])
    html = final_html.put_back(converter.convert(hidden), parts)
    assert PART in html and "<h2>A heading</h2>" in html  # smarty would have changed the quotes
    assert final_html.anchor_ids(parts) == {"ws-1"}


def test_a_page_without_marks_is_left_alone():
    assert final_html.set_aside("# Title\n") == ("# Title\n", [])


def test_an_unclosed_mark_is_a_template_error():
    with pytest.raises(ValueError, match="without"):
        final_html.set_aside(f"{final_html.START}\n<div></div>\n")


def test_the_worksheet_prompts_reach_the_built_page_as_the_generator_wrote_them(built_site):
    from generator.build import build_course
    from conftest import CONTENT

    page = next(p for p in build_course(CONTENT).pages if p.path.startswith("worksheets/") and "printable" not in p.path)
    part = page.content.split(final_html.START)[1].split(final_html.END)[0]
    html = (built_site / page.path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert part in html and final_html.START not in html


def test_the_theme_listing_kept_while_serving_is_the_themes_own_and_sees_new_overrides(tmp_path):
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {tmp_path / 'overrides'}"), encoding="utf-8")
    theme = load_config(str(tmp_path / "mkdocs.yml")).theme
    wanted = lambda name: not name.startswith(".")  # noqa: E731
    before = theme.get_env().list_templates(filter_func=wanted)
    ThemeListing().install(theme)
    assert theme.get_env().list_templates(filter_func=wanted) == before
    (tmp_path / "overrides/assets/added.js").write_text("", encoding="utf-8")
    assert theme.get_env().list_templates(filter_func=wanted) == sorted(before + ["assets/added.js"])


@pytest.mark.parametrize("tag, root", [("ar", '<html lang="ar" dir="rtl" class="no-js">'),
                                       ("he", '<html lang="he" dir="rtl" class="no-js">'),
                                       ("es-MX", '<html lang="es-MX" class="no-js">')])
def test_the_root_says_the_course_language_and_a_right_to_left_direction(tag, root):
    # Material writes the direction on <body> only; English and other left-to-right pages stay as they were.
    assert final_html.set_language('<html lang="en" class="no-js">', tag) == root
