"""The quick inline pass (generator/quick_inline.py) converts exactly as Python-Markdown does."""

from __future__ import annotations

import markdown
import pytest
import yaml
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import InlineProcessor

from generator.build import build_course
from generator.mkdocs_site import final_html
from generator.quick_inline import QuickInlineExtension, QuickInlineProcessor
from conftest import CONTENT, FIXTURES, ROOT


def _site_extensions() -> tuple[list, dict]:
    """mkdocs.yml's Markdown extensions and their settings."""
    # MkDocs' own YAML tags (!ENV, !relative) are not in the extensions list.
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda *args: None)
    entries = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)["markdown_extensions"]
    names, settings = [], {}
    for entry in entries:
        name = entry if isinstance(entry, str) else next(iter(entry))
        names.append(name)
        if isinstance(entry, dict):
            settings[name] = entry[name] or {}
    return names, settings


NAMES, SETTINGS = _site_extensions()


def both(text: str) -> tuple[str, str]:
    plain = markdown.Markdown(extensions=NAMES, extension_configs=SETTINGS).convert(text)
    quick = markdown.Markdown(extensions=NAMES + [QuickInlineExtension()], extension_configs=SETTINGS).convert(text)
    return plain, quick


TRICKY = [
    "It's the '90s -- \"quoted\" --- and 'single' ... done...",
    "A *star* and _under_ and **strong** and __strong__ and ***both***, snake_case_word",
    "Code `a -- b \"c\"` and ``double `tick` `` and \\*escaped\\* \\`tick\\`",
    "[a link](../x.md#y \"title 'q'\") ![img](a.png) [ref][r] [short]\n\n[r]: http://e.org\n[short]: ../s.md",
    "<https://example.org/a--b> <me@example.org> &amp; &copy; &#8212; &nbsp;\"x\"",
    "Line with a break  \nnext line <span class=\"t\">in 'html'</span> \"after\"",
    "- item 'one'\n- item \"two\" -- *three*\n\n> quote \"it's\"",
    "| a | b |\n|---|---|\n| 'x' | \"y\" -- z |",
    "Term\n:   Definition 'with' \"quotes\"",
    "!!! note \"Title's\"\n\n    Body -- with *emphasis*",
    "# Heading 'with' \"quotes\" -- and *em*\n\n## Heading `code`",
    "'\"Nested\"' and \"'nested'\" and '\"start",
    "\"'Start", "'Tis", "Rock 'n' roll", "5' 10\"", "Don't.", "a**b**c", "__init__ and *a*b*c*",
    "<div markdown>\n\n'inside' -- *html*\n\n</div>",
    "Text{: .cls } and {: #id }\n{: .para }",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_converts_the_same(text):
    plain, quick = both(text)
    assert quick == plain


def _pages(content, templates=None):
    return [(page.path, final_html.set_aside(page.content)[0])
            for page in build_course(content, templates).pages if page.path.endswith(".md")]


@pytest.mark.parametrize("course", ["shipped", "course", "authoring-course", "learner-course", "print-course",
                                    "rtl-course", "bilingual-course"])
def test_every_page_of_a_course_converts_the_same(course):
    if course == "shipped":
        pages = _pages(CONTENT, CONTENT / "templates")
    else:
        pages = _pages(FIXTURES / course / "content" if (FIXTURES / course / "content").is_dir() else FIXTURES / course)
    assert pages
    different = [path for path, text in pages if len(set(both(text))) != 1]
    assert different == []


def test_patterns_that_cannot_match_are_not_tried(monkeypatch):
    tried = []
    apply = InlineProcessor._InlineProcessor__applyPattern

    def counting(self, pattern, *args):
        tried.append(pattern)
        return apply(self, pattern, *args)

    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__applyPattern", counting)
    text = "A plain sentence of words with no markup at all"
    markdown.Markdown(extensions=NAMES).convert(text)
    everything = len(tried)
    tried.clear()
    markdown.Markdown(extensions=NAMES + [QuickInlineExtension()]).convert(text)
    assert everything > 25 and len(tried) < everything / 4


class _Keys(markdown.Extension):
    """A pattern of another extension: `@@word` -> <kbd>word</kbd>."""

    def extendMarkdown(self, md):
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"()@@(\w+)", "kbd"), "keys", 75)


def test_a_pattern_it_does_not_know_still_runs():
    converted = markdown.Markdown(extensions=["smarty", _Keys(), QuickInlineExtension()]).convert("Press @@Enter")
    assert "<kbd>Enter</kbd>" in converted
    md = markdown.Markdown(extensions=["smarty", _Keys(), QuickInlineExtension()])
    assert isinstance(md.treeprocessors["inline"], QuickInlineProcessor)
    assert isinstance(md.treeprocessors["smarty"], QuickInlineProcessor)


def test_one_converter_reused_for_many_texts_gives_the_same_results():
    md = markdown.Markdown(extensions=["smarty", QuickInlineExtension()])
    plain = markdown.Markdown(extensions=["smarty"])
    for text in TRICKY:
        assert md.reset().convert(text) == plain.reset().convert(text)


def test_the_plugin_adds_it_after_the_site_extensions():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    assert isinstance(config.markdown_extensions[-1], QuickInlineExtension)
    assert set(NAMES) <= set(config.markdown_extensions)
