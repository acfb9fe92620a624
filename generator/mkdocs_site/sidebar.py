"""Material's sidebar, drawn once per build instead of once per page.

Material renders the whole navigation into every page through a recursive Jinja macro, so a build
costs pages x nav items: at 1,000 lessons that is half of the build. Here the sidebar's HTML is
made once per build (and per folder depth, for the relative links) as a list of pieces; a page
gets its own copy by swapping in the few pieces that mark it: its section open and active, its own
link active with its table of contents (still drawn by Material's macro, for that page alone).

The markup is Material 9.8's `partials/nav-item.html` for the features this course uses. Anything
else (tabs, sections, pruning, icons or status in page meta, external links) keeps Material's own
macro; tests/test_sidebar.py compares the two on a built site.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import ChoiceLoader, DictLoader, Environment
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

# Material's loop over the top-level items in partials/nav.html, replaced by one call.
MATERIAL_LOOP = """    {% for nav_item in nav.items %}
      {% set path = "__nav_" ~ loop.index %}
      {{ item.render(nav_item, path, 1) }}
    {% endfor %}"""
CACHED_LOOP = """    {% set sidebar = course_sidebar(nav, page, base_url, features) %}
    {% if sidebar %}{{ sidebar[0] }}{% if sidebar[1] %}{{ item.render(page, "", 1) }}{{ sidebar[2] }}{% endif %}
    {% else %}
""" + MATERIAL_LOOP + """
    {% endif %}"""
# Navigation features whose markup this module does not draw: Material's macro handles those.
UNSUPPORTED_FEATURES = {"navigation.tabs", "navigation.sections", "navigation.prune", "navigation.expand",
                        "toc.integrate"}


def install(env: Environment) -> bool:
    """Make `partials/nav.html` of env use the cached sidebar; False (env unchanged) if Material's
    template is not the one this module knows."""
    try:
        source, _, _ = env.loader.get_source(env, "partials/nav.html")
    except Exception:  # noqa: BLE001 - no such template: not Material
        return False
    if MATERIAL_LOOP not in source:
        return False
    env.loader = ChoiceLoader([DictLoader({"partials/nav.html": source.replace(MATERIAL_LOOP, CACHED_LOOP)}),
                               env.loader])
    env.globals["course_sidebar"] = Sidebar()
    return True


@dataclass
class _Drawn:
    """The sidebar of one navigation, for pages at one depth: pieces and where each item's are."""

    pieces: list[str]
    leaf: dict[int, int] = field(default_factory=dict)  # id(page) -> index of its <li>
    # id(section) -> [(index, active variant)] of its <li>, toggle and <nav> tags
    section: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    index: dict[int, list[tuple[int, str]]] = field(default_factory=dict)  # id(index page) -> its links


class Sidebar:
    """Called from the template as course_sidebar(nav, page, base_url, features).

    Returns None when Material's macro must draw this navigation, else (before, is_leaf, after): the
    list items before the page's own <li>, whether the template draws that <li>, and the rest.
    """

    def __init__(self):
        self._nav = None
        self._drawn: dict[str, _Drawn | None] = {}

    def __call__(self, nav: Navigation, page: Page | None, base_url: str, features) -> tuple | None:
        if nav is not self._nav:
            self._nav, self._drawn = nav, {}
        prefix = "./" if base_url in ("", ".") else base_url.rstrip("/") + "/"
        if prefix not in self._drawn:
            supported = not (UNSUPPORTED_FEATURES & set(features or ())) and _drawable(nav.items)
            self._drawn[prefix] = _draw(nav, prefix, "navigation.indexes" in (features or ())) if supported else None
        drawn = self._drawn[prefix]
        if drawn is None:
            return None
        pieces = drawn.pieces
        swaps = []
        if page is not None:
            parent = page.parent
            while parent is not None:
                swaps += drawn.section.get(id(parent), ())
                parent = parent.parent
            swaps += drawn.index.get(id(page), ())
        if swaps:
            pieces = list(pieces)
            for at, text in swaps:
                pieces[at] = text
        at = drawn.leaf.get(id(page)) if page is not None else None
        if at is None:
            return "".join(pieces), False, ""
        return "".join(pieces[:at]), True, "".join(pieces[at + 1:])


def _drawable(items) -> bool:
    """Only pages and sections, with no icon, subtitle or status in a page's meta."""
    for item in items:
        if isinstance(item, Section):
            if not _drawable(item.children):
                return False
        elif not isinstance(item, Page) or any((item.meta or {}).get(key) for key in ("icon", "subtitle", "status")):
            return False
    return True


def _draw(nav: Navigation, prefix: str, indexes: bool) -> _Drawn:
    drawn = _Drawn([])
    for number, item in enumerate(nav.items, start=1):
        _draw_item(drawn, item, f"__nav_{number}", 1, prefix, indexes)
    return drawn


def _draw_item(drawn: _Drawn, item, path: str, level: int, prefix: str, indexes: bool) -> None:
    out = drawn.pieces
    if not isinstance(item, Section):
        drawn.leaf[id(item)] = len(out)
        out.append(f'<li class="md-nav__item"><a href="{prefix}{item.url}" class="md-nav__link">'
                   f'<span class="md-ellipsis">{item.title}</span></a></li>')
        return
    index = next((child for child in item.children if child.is_index), None) if indexes else None
    swaps = drawn.section[id(item)] = []
    swaps.append((len(out), '<li class="md-nav__item md-nav__item--active md-nav__item--nested">'))
    out.append('<li class="md-nav__item md-nav__item--nested">')
    swaps.append((len(out), f'<input class="md-nav__toggle md-toggle" type="checkbox" id="{path}" checked>'))
    out.append(f'<input class="md-nav__toggle md-toggle" type="checkbox" id="{path}">')
    def toggle(active: str) -> str:
        return f'<label class="md-nav__link{active}" for="{path}" id="{path}_label" tabindex="0">'

    # Titles go in last, by concatenation: a title may hold any character, braces too.
    title = f'<span class="md-ellipsis">{item.title}</span>'
    if index is None:
        out.append(toggle("") + title + '<span class="md-nav__icon md-icon"></span></label>')
    else:
        def link(active: str) -> str:
            return f'<a href="{prefix}{index.url}" class="md-nav__link{active}">' + title + "</a>"
        out.append('<div class="md-nav__link md-nav__container">')
        drawn.index[id(index)] = [(len(out), link(" md-nav__link--active"))]
        out.append(link(""))
        if len(item.children) > 1:
            drawn.index[id(index)].append((len(out), toggle(" md-nav__link--active")
                                           + '<span class="md-nav__icon md-icon"></span></label>'))
            out.append(toggle("") + '<span class="md-nav__icon md-icon"></span></label>')
        out.append("</div>")
    nav = f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" aria-expanded='
    swaps.append((len(out), nav + '"true">'))
    out.append(nav + '"false">')
    out.append(f'<label class="md-nav__title" for="{path}"><span class="md-nav__icon md-icon"></span>' + item.title
               + '</label><ul class="md-nav__list" data-md-scrollfix>')
    for number, child in enumerate(item.children, start=1):
        if child is not index:
            _draw_item(drawn, child, f"{path}_{number}", level + 1, prefix, indexes)
    out.append("</ul></nav></li>")
