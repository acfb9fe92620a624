"""Material's search index, with each page divided into sections in fewer steps.

Material's search plugin divides every page's HTML into sections (a heading and the text up to the
next) with a subclass of Python's html.parser. Its handlers test every piece of text and every tag
against all the open elements, through Python-level __hash__ and __eq__ calls: at 1,000 lessons
that was a tenth of the build. Here its Parser gets handlers that do the same with a count of the
open elements by tag, so the sections, titles and texts are Material's own;
tests/test_search_index.py compares the two on every page of the courses the tests build.

The pages are also read by a quicker tokenizer than html.parser's (_events): the HTML a build makes
is regular, and one regular expression per tag finds what html.parser finds with several, and
without counting lines. A page with anything it does not know (a doctype, an unusual tag, a
script with a comment) is read by html.parser itself.
"""

from __future__ import annotations

import functools
import re
from html import unescape


def install(plugins) -> bool:
    """Make Material's search plugin in `plugins` divide pages with the quick parser; False
    (nothing changed) when it is not the plugin this module knows."""
    try:
        from material.plugins.search import plugin as material_search
    except ImportError:
        return False
    for plugin in plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(plugin, material_search.SearchPlugin) and type(index) is material_search.SearchIndex:
            parser_class = _quick_parser(material_search)
            index.add_entry_from_context = lambda page, index=index: _add_entry(index, page, parser_class)
            return True
    return False


@functools.cache
def _quick_parser(material_search):
    """Material's Parser with its three handlers doing the same in fewer steps.

    Material's Element compares and hashes by tag alone, so its `skip` set, tested against the
    open elements with set.intersection, is in effect a set of tag names; here it is one, and the
    open elements are also counted by tag, so each test is a lookup instead of a walk that calls
    Python's __hash__ and __eq__ for every open element, every time.
    """
    Element, Section, escape, void = (material_search.Element, material_search.Section,
                                      material_search.escape, material_search.void)
    headings = {f"h{level}" for level in range(1, 7)}

    class QuickParser(material_search.Parser):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.skip_tags = {str(item) for item in self.skip}
            self.open_tags: dict[str, int] = {}

        def _skipping(self) -> bool:
            for tag in self.skip_tags:
                if self.open_tags.get(tag):
                    return True
            return False

        def _in_title(self) -> bool:
            return bool(self.open_tags.get(self.section.el.tag))

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            el = Element(tag, attrs)
            if tag in void:
                return
            self.context.append(el)
            self.open_tags[tag] = self.open_tags.get(tag, 0) + 1
            if tag in headings:
                depth = len(self.context)
                if "id" in attrs:
                    if tag != "h1" and not self.data:
                        self.section = Section(Element("hx"), depth)
                        self.data.append(self.section)
                    self.section = Section(el, depth)
                    if self.data:
                        self.section.id = attrs["id"]
                    self.data.append(self.section)
            if not self.section:
                self.section = Section(Element("hx"))
                self.data.append(self.section)
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                self.skip_tags.add(tag)
                return
            if tag in self.keep and not self._skipping():
                (self.section.title if self._in_title() else self.section.text).append(f"<{tag}>")

        def handle_endtag(self, tag):
            if not self.context or self.context[-1].tag != tag:
                return
            if self.section.depth > len(self.context):
                for section in reversed(self.data):
                    if section.depth <= len(self.context):
                        self.section.depth = float("inf")
                        self.section = section
                        break
            el = self.context.pop()
            self.open_tags[el.tag] -= 1
            if el.tag in self.skip_tags:
                if el.tag not in ("script", "style", "object"):
                    self.skip_tags.discard(el.tag)
                return
            if tag in self.keep and not self._skipping():
                data = self.section.title if self._in_title() else self.section.text
                index = data.index(f"<{tag}>")
                for i in range(index + 1, len(data)):
                    if not data[i].isspace():
                        index = len(data)
                        break
                if len(data) > index:
                    del data[index:]
                else:
                    data.append(f"</{tag}>")

        def handle_data(self, data):
            if self._skipping():
                return
            if not self.open_tags.get("pre"):
                data = data.replace("\n", " ") if not data.isspace() else " "
            if not self.section:
                self.section = Section(Element("hx"))
                self.data.append(self.section)
            if self._in_title():
                if not any(el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self.context):
                    self.section.title.append(escape(data, quote=False))
            elif data.isspace():
                text = self.section.text
                if not text or not text[-1].isspace() or self.open_tags.get("pre"):
                    text.append(data)
            else:
                self.section.text.append(escape(data, quote=False))

    return QuickParser


def _add_entry(index, page, parser_class) -> None:
    """SearchIndex.add_entry_from_context of Material 9.8, with parser_class."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    for section in sections(page.content, parser_class):
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


def sections(content: str, parser_class) -> list:
    """The sections a parser_class (Material's Parser, or the quick one) makes of content."""
    parser = parser_class()
    events = _events(content)
    if events is None:
        parser.feed(content)
        parser.close()
        return parser.data
    handlers = {name: getattr(parser, name) for name in _HANDLERS}
    for name, arguments in events:
        handlers[name](*arguments)
    return parser.data


# The tags html.parser reads alike with any tokenizer: a plain name, attributes with plain names
# and quoted or simple values (an unquoted value ends at a space or '>', never at '/', which
# html.parser would take into the value), and '>' or '/>'.
_ATTRIBUTE = re.compile(r"""\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`/]+(?![^\s>])))?""")
_START = re.compile(rf"<(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attributes>(?:{_ATTRIBUTE.pattern})*)\s*(?P<empty>/?)>")
_END_TAG = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
# A comment without '--' inside, which every version of html.parser ends at its '-->'.
_COMMENT_TAG = re.compile(r"<!--(?!-?>)((?:[^-]|-(?!-))*)-->")
# html.parser reads the text of these as it is, up to their end tag (here: text without '<!--' or
# another '</', which the versions of html.parser end alike).
_RAW_TEXT = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}
# The events are calls of html.parser's handlers, by name.
_HANDLERS = ("handle_starttag", "handle_startendtag", "handle_endtag", "handle_data", "handle_comment")


def _events(content: str) -> list | None:
    """The handler calls html.parser (convert_charrefs on) makes for content, as (handler name,
    arguments) pairs; None when content holds anything but the tags and comments read here."""
    events = []
    append = events.append
    find, start_tag, end_tag, comment = content.find, _START.match, _END_TAG.match, _COMMENT_TAG.match
    attribute = _ATTRIBUTE.finditer
    i, n = 0, len(content)
    while i < n:
        j = find("<", i)
        if j < 0:
            j = n
        if i < j:
            append(("handle_data", (unescape(content[i:j]),)))
        if j == n:
            break
        if content.startswith("</", j):
            match = end_tag(content, j)
            if match is None:
                return None
            append(("handle_endtag", (match.group(1).lower(),)))
        elif content.startswith("<!", j):
            match = comment(content, j)
            if match is None:
                return None
            append(("handle_comment", (match.group(1),)))
        else:
            match = start_tag(content, j)
            if match is None:
                return None
            tag, attributes, empty = match.group("tag", "attributes", "empty")
            tag = tag.lower()
            attrs = []
            for name, value in (a.groups() for a in attribute(attributes)):
                if value is not None and value[0] in "'\"":
                    value = value[1:-1]
                attrs.append((name.lower(), unescape(value) if value else value))
            append(("handle_startendtag" if empty else "handle_starttag", (tag, attrs)))
            if tag in _RAW_TEXT and not empty:
                end = _RAW_TEXT[tag].search(content, match.end())
                text = content[match.end():end.start()] if end is not None else ""
                if end is None or "<!--" in text or "</" in text:
                    return None
                if text:
                    append(("handle_data", (text,)))
                append(("handle_endtag", (tag,)))
                match = end
        i = match.end()
    return events
