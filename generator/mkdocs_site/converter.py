"""One Markdown converter for all the pages of a build, instead of a new one for every page.

MkDocs' Page.render makes a new Markdown instance per page, which loads and sets up every
extension again: about a millisecond a page, as long as converting a worksheet page itself. Python-
Markdown's extensions are written to be reused after `reset()`, so here one instance per build
converts every page, with MkDocs' own per-page processors (links, anchors, title) put in anew for
each page, as Page.render does. Only extensions known to reset cleanly share an instance (Python-
Markdown's own and PyMdown's); with any other, pages are converted as MkDocs does.

The same extensions depend on nothing but the page and the site's files, so their conversions can
also be kept between builds (conversion_cache.py).
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from ..quick_inline import QuickInlineExtension
from .conversion_cache import ConversionCache, LogCount, conversion, restore

_BUILT_IN = {"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
             "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc",
             "wikilinks"}


def reusable(extensions) -> bool:
    """Whether every extension named in mkdocs.yml (and added by plugins) is known to reset cleanly
    and to read nothing but the page (no snippets from files)."""
    for extension in extensions:
        if isinstance(extension, QuickInlineExtension):
            continue
        if not isinstance(extension, str):
            return False
        name = extension.removeprefix("markdown.extensions.")
        if (name not in _BUILT_IN and not name.startswith("pymdownx.")) or name == "pymdownx.snippets":
            return False
    return True


class SharedConverter:
    """Page.render of MkDocs 1.6 with one Markdown instance for the build of `config`."""

    def __init__(self, config, cache: ConversionCache | None = None):
        self._shared = reusable(config["markdown_extensions"])
        self._md = None
        self._toc_for = None  # sets the toc extension up for a page's text (_toc_switch)
        self.cache = cache if self._shared else None

    def install(self, page) -> None:
        """Let page.render use the shared instance, when the configuration's extensions allow."""
        if self._shared:
            page.render = lambda config, files: self.render(page, config, files)

    def render(self, page, config, files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.cache is None:
            self._convert(page, config, files)
            return
        key = self.cache.key(page, files)
        kept = self.cache.get(page.file.src_uri, key)
        if kept is not None:
            restore(page, kept, files, get_toc(kept["toc"]))
            return
        with LogCount(logging.INFO) as logged:
            tokens = self._convert(page, config, files)
        if not logged.count:  # a page with a message is converted, and tells it, on every build
            self.cache.put(page.file.src_uri, dict(conversion(page, tokens), key=key))

    def _convert(self, page, config, files) -> list:
        """Page.render's work; returns the table of contents' tokens."""
        if self._md is None:
            self._md = markdown.Markdown(extensions=config["markdown_extensions"],
                                         extension_configs=config["mdx_configs"] or {})
            self._toc_for = _toc_switch(self._md)
        md = self._md
        md.reset()
        self._toc_for(page.markdown)
        # The per-page processors of Page.render, each registered under its name again.
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = mkdocs_pages._ExtractTitleTreeprocessor()
        title._register(md)
        page.content = md.convert(page.markdown)
        tokens = getattr(md, "toc_tokens", [])
        page.toc = get_toc(tokens)
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors
        return tokens



class _RawHTMLPreprocessor(mkdocs_pages._RawHTMLPreprocessor):
    """MkDocs' collector of the ids in a page's raw HTML, which runs an HTML parser over the whole
    page: here only over a page where an `id=` or `name=` is written at all."""

    _ATTRIBUTE = re.compile(r"\b(?:id|name)\s*=", re.IGNORECASE)

    def run(self, lines: list[str]) -> list[str]:
        if self._ATTRIBUTE.search("\n".join(lines)):  # whole: a name and its `=` may be lines apart
            return super().run(lines)
        self.present_anchor_ids = set()
        return lines


def _toc_switch(md):
    """A function that sets md's toc extension up for a page's text. The extension also draws the
    table of contents as HTML (md.toc) and looks through the whole page for its marker; MkDocs reads
    only the tokens (md.toc_tokens). On a page without the marker, neither is done: the page and its
    tokens come out the same."""
    toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
    if toc is None:
        return lambda text: None
    marker, build_div = toc.marker, toc.build_toc_div

    def for_page(text: str) -> None:
        if marker and marker in text:
            toc.marker, toc.build_toc_div = marker, build_div
        else:
            toc.marker, toc.build_toc_div = "", _no_toc_div
    return for_page


def _no_toc_div(toc_tokens) -> etree.Element:
    return etree.Element("div")
