"""Plain text in pages: shown exactly as written, whatever characters it holds.

Titles, labels, option text, band names and column headings are plain text (models.PLAIN): a `<`,
a `|` or a `*` in them is a character to show, never markup. `plain()` makes such a value safe in
both places a template puts it: Markdown (headings, list items, table cells, link text, admonition
titles) and raw HTML element content. HTML's special characters become entities, and so do the
characters that Markdown or this site's extensions act on; an entity means the same character to
Markdown and to a browser, so one escaped value suits both. Attribute values take the `attr` filter.
"""

from __future__ import annotations

import functools
import re

import markdown

from .quick_inline import QuickInlineExtension

# The characters Markdown or an extension here acts on anywhere in a line: escapes, code, emphasis,
# links and images, attribute lists ({: .x}), a heading's closing hashes, table cells and fences.
_ENTITIES = {char: f"&#{ord(char)};" for char in "\\`*_[]{}#|~"}
_ENTITIES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ESCAPES = str.maketrans(_ENTITIES)
# At the start of a list item, "- ", "+ " or "1. " would open a list inside it.
_LIST_MARKER = re.compile(r"^(?:([-+])|(\d+)\.)")
# What SmartyPants changes (quotes, dashes, ellipses): the one part of Markdown plain text keeps, so
# an option's quotes curl as they do in a heading.
_TYPOGRAPHY = re.compile(r"['\"]|--|\.\.\.")
_SMARTY = markdown.Markdown(extensions=["smarty", QuickInlineExtension()], output_format="html")


def plain(text) -> str:
    """Plain text as HTML that Markdown leaves alone: for Markdown and for raw HTML element content."""
    return _plain(str(text))


@functools.lru_cache(maxsize=2**16)  # titles and labels show on several pages
def _plain(text: str) -> str:
    escaped = _LIST_MARKER.sub(_marker_entity, text.translate(_ESCAPES))
    if not _TYPOGRAPHY.search(escaped):
        return escaped
    # Nothing left in the escaped text is markup, so Markdown only sets the quotes and dashes.
    return _SMARTY.reset().convert(escaped).removeprefix("<p>").removesuffix("</p>")


def _marker_entity(match: re.Match) -> str:
    if match[1]:
        return f"&#{ord(match[1])};"
    return f"{match[2]}&#46;"
