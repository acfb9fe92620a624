"""The quick search parser (generator/mkdocs_site/search_index.py) divides pages as Material's does."""

from __future__ import annotations

import json

import material.plugins.search.plugin as material_search
import pytest

from generator.mkdocs_site import search_index

QuickParser = search_index._quick_parser(material_search)


def _sections(parser_class, html: str) -> list:
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text)
            for s in search_index.sections(html, parser_class)]


def _article(html: str) -> str:
    """The page's content as the search plugin gets it: what Material puts in <article>."""
    start, end = html.find("<article"), html.find("</article>")
    return html[start:end] if start >= 0 else html


TRICKY = [
    "<h1 id='t'>Title <a class='headerlink' href='#t'>¶</a></h1><p>Text &amp; more</p>",
    "<p>Before</p><h2 id='a'>A</h2><p>one\ntwo</p><pre><code>x\n\n  y</code></pre>",
    "<div data-search-exclude><p>hidden</p><div>nested</div><p>after nested</p></div><p>seen</p>",
    "<div class='x'><h3 id='in'>Inside</h3><p>deep</p></div><p>out again</p>",
    "<p>  </p><ul><li>  </li><li>item <code>c</code></li></ul><p><sub>s</sub><sup></sup></p>",
    "<script>var a = '<p>';</script><style>p{}</style><object>o</object><p>kept</p>",
    "<h2>no id</h2><p>text</p><h4 id='x'>Four</h4><br/><img src='a.png'><p>x<br>y</p>",
    "<table><tr><td class='linenodiv'>1 2</td><td>code</td></tr></table>",
    "<p>a</p></div></p><p>stray ends</p><h1 id='late'>Late h1</h1>",
]


@pytest.mark.parametrize("html", TRICKY)
def test_tricky_markup_gives_the_same_sections(html):
    assert _sections(QuickParser, html) == _sections(material_search.Parser, html)


def test_every_page_of_the_built_course_gives_the_same_sections(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    different = [str(page.relative_to(built_site)) for page in pages
                 for html in [page.read_text(encoding="utf-8")]
                 if _sections(QuickParser, _article(html)) != _sections(material_search.Parser, _article(html))
                 or _sections(QuickParser, html) != _sections(material_search.Parser, html)]
    assert different == []


def test_the_built_site_is_indexed_by_the_quick_parser(built_site):
    """The index holds the sections the quick parser makes of a lesson, in the course's words."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "growth-mindset/self-compassion/#the-inner-critic-after-an-awkward-moment" in locations
    lesson = (built_site / "growth-mindset" / "self-compassion" / "index.html").read_text(encoding="utf-8")
    ids = {section[3] for section in _sections(QuickParser, _article(lesson)) if section[3] and section[0] != "h1"}
    assert ids <= {location.partition("#")[2] for location in locations
                   if location.startswith("growth-mindset/self-compassion/")}


def test_install_replaces_only_materials_own_index():
    class Other:
        search_index = object()

    assert search_index.install({"other": Other()}) is False
    plugin = material_search.SearchPlugin()
    plugin.search_index = material_search.SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    assert search_index.install({"material/search": plugin}) is True
    assert "add_entry_from_context" in vars(plugin.search_index)
