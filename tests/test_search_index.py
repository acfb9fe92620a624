"""The quick search parser (generator/mkdocs_site/search_index.py) divides pages as Material's does."""

from __future__ import annotations

import json

import material.plugins.search.plugin as material_search
import pytest
from html.parser import HTMLParser

from generator.mkdocs_site import search_index

QuickParser = search_index._quick_parser(material_search)


def _described(sections) -> list:
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text) for s in sections]


def _sections(parser_class, html: str) -> list:
    return _described(search_index.sections(html, parser_class))


def _materials(html: str) -> list:
    """The sections of Material's own Parser, fed by html.parser as Material feeds it."""
    parser = material_search.Parser()
    parser.feed(html)
    parser.close()
    return _described(parser.data)


class _Recorder(HTMLParser):
    """The calls html.parser makes, in _events' form: (handler name, arguments)."""

    def __init__(self):
        super().__init__()
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("handle_starttag", (tag, attrs)))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("handle_startendtag", (tag, attrs)))

    def handle_endtag(self, tag):
        self.events.append(("handle_endtag", (tag,)))

    def handle_data(self, data):
        self.events.append(("handle_data", (data,)))

    def handle_comment(self, data):
        self.events.append(("handle_comment", (data,)))


def _recorded(html: str) -> list:
    recorder = _Recorder()
    recorder.feed(html)
    recorder.close()
    return recorder.events


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
    assert _sections(QuickParser, html) == _materials(html)
    assert _sections(material_search.Parser, html) == _materials(html)


REGULAR = [
    "<p>a &amp; b &lt;c&gt; &#233;&eacute; &copy &amp</p>",
    '<A HREF="x" Class=\'y\' data-x=1 hidden>T</A ><br/><br /><img src="a.png" alt="">',
    "<p title='&quot;q&quot;' data-e=\"\">x > y</p>\n\n<div\nid=\"n\"\n>z</div>",
    "<h2 id=a>one</h2><input value=x>text at the end &amp",
    "<p>a</p><!-- course:pdf worksheets/x.pdf --><!----><!-- a - b -->after",
    "<style>@page { @top-right { content: \"A &amp; <b>\"; } }</style><p>x</p><STYLE></Style ><script>if (a<b) {}</script>",
]


@pytest.mark.parametrize("html", REGULAR)
def test_the_quick_tokenizer_reads_regular_html_as_html_parser_does(html):
    assert search_index._events(html) == _recorded(html)


IRREGULAR = [
    "<p>a</p><!-- a -- comment -->",
    "<!-->x-->",
    "<script>var a = '<!--';</script>",
    "<script>a('</ script>'); b('<p>')</script><p>x</p>",
    "<style>p{}",
    "<p>1 < 2</p>",
    "<a href=x/>y</a>",
    "<a b=>c</a>",
    "</ p>",
    "<!DOCTYPE html><p>x</p>",
    "<p @click='x'>y</p>",
    "<p>unclosed <b",
]


@pytest.mark.parametrize("html", IRREGULAR)
def test_html_the_quick_tokenizer_does_not_know_is_left_to_html_parser(html):
    assert search_index._events(html) is None
    assert _sections(QuickParser, html) == _materials(html)


def test_every_page_of_the_built_course_gives_the_same_sections(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    different = [str(page.relative_to(built_site)) for page in pages
                 for html in [page.read_text(encoding="utf-8")]
                 if _sections(QuickParser, _article(html)) != _materials(_article(html))
                 or _sections(QuickParser, html) != _materials(html)]
    assert different == []


def test_the_quick_tokenizer_reads_the_built_lessons_themselves(built_site):
    """Not a fallback to html.parser: the articles of the built pages are regular HTML, read as
    html.parser reads them."""
    articles = [_article(page.read_text(encoding="utf-8")) for page in sorted(built_site.rglob("index.html"))]
    read = [(article, events) for article in articles for events in [search_index._events(article)]
            if events is not None]
    assert len(read) > 0.9 * len(articles)
    assert all(events == _recorded(article) for article, events in read)


def test_the_built_site_is_indexed_by_the_quick_parser(built_site):
    """The index holds the sections the quick parser makes of a lesson, in the course's words."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "growth-mindset/self-compassion/#the-inner-critic-after-an-awkward-moment" in locations
    lesson = (built_site / "growth-mindset" / "self-compassion" / "index.html").read_text(encoding="utf-8")
    ids = {section[3] for section in _sections(QuickParser, _article(lesson)) if section[3] and section[0] != "h1"}
    assert ids <= {location.partition("#")[2] for location in locations
                   if location.startswith("growth-mindset/self-compassion/")}


def test_a_terms_definition_is_searched_on_the_glossary_not_inside_a_lesson(built_site):
    """A lesson's first use of a term carries its definition as a tooltip; in the index it would
    run into the sentence ("your inner criticThe harsh voice...")."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    lesson = texts["growth-mindset/self-compassion/#the-inner-critic-after-an-awkward-moment"]
    assert "your inner critic, starts the replay" in lesson
    assert "The harsh voice in your own head" not in lesson
    assert "The harsh voice in your own head" in texts["glossary/#inner-critic"]


def test_install_replaces_only_materials_own_index():
    class Other:
        search_index = object()

    assert search_index.install({"other": Other()}) is False
    plugin = material_search.SearchPlugin()
    plugin.search_index = material_search.SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    assert search_index.install({"material/search": plugin}) is True
    assert "add_entry_from_context" in vars(plugin.search_index)
