"""Parts of a page that the generator wrote as final HTML, kept away from Python-Markdown.

Python-Markdown reads raw HTML with a pure-Python parser and, inside `markdown` blocks, rebuilds it
element by element: at 1,000 lessons the printable pack and My work, which hold every worksheet's
prompts, took 5 s of a build to convert although nothing in them is Markdown. The templates mark
such parts with `<!-- course:html -->` ... `<!-- /course:html -->`; before conversion each one is
swapped for a placeholder paragraph, and after it the part goes back in as it was written. Engines
without the course plugin read the marks as comments.
"""

from __future__ import annotations

import re

from ..language import html_direction

START, END = "<!-- course:html -->", "<!-- /course:html -->"
_ID = re.compile(r'\sid="([^"]+)"')


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each marked part replaced by a placeholder, and the parts."""
    if START not in markdown:
        return markdown, []
    first, *rest = markdown.split(START)
    out, parts = [first], []
    for piece in rest:
        html, closed, after = piece.partition(END)
        if not closed:
            raise ValueError(f"{START} without {END}")
        out += [f"\n\n{_placeholder(len(parts))}\n\n", after]
        parts.append(html)
    return "".join(out), parts


def put_back(html: str, parts: list[str]) -> str:
    """The converted page with the parts in place of their placeholders (in one pass: the printable
    pack has a thousand parts in 1.5 MB of HTML)."""
    if not parts:
        return html
    return _PLACEHOLDER.sub(lambda match: parts[int(match[1] or match[2])], html)


def anchor_ids(parts: list[str]) -> set[str]:
    """The ids in the parts: links may point at them, and MkDocs checks such links."""
    return {match for part in parts for match in _ID.findall(part)}


def _placeholder(number: int) -> str:
    return f"COURSEHTMLPART{number}END"


# Markdown leaves a placeholder as a paragraph of its own, or inside one when it sat in a list.
_PLACEHOLDER = re.compile(r"<p>COURSEHTMLPART(\d+)END</p>|COURSEHTMLPART(\d+)END")


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def set_language(html: str, tag: str) -> str:
    """The page's <html lang> set to the course's language tag, with `dir="rtl"` for a language
    written from right to left: the theme writes the direction on <body> only, and the root's
    direction is the one the browser's scroll bars, printed pages and assistive tools read."""
    return _HTML_LANG.sub(f'<html lang="{tag}"{html_direction(tag)}', html, count=1)
