"""Links by id: `[text](lesson:ID)`, `lesson:ID#heading`, `worksheet:ID`, `exercise:ID`, `term:ID`.

Checked at the YAML line and column of each link (with plain relative links to generated pages,
`../module/lesson.md`), and resolved after rendering, page by page, to the relative address of the
target in that page's edition and engine. In Markdown a link becomes a relative `.md` link, which
the site engine turns into the page's address and checks again; in HTML that no engine reads (the
feedback of an option, a prompt's help) it becomes the final address. The first link to a term on
a page carries the term's definition (glossary.py), shown on hover and keyboard focus.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache

from markdown.extensions.toc import slugify
from pydantic import BaseModel

from .check import CourseBundle
from .errors import Problem, did_you_mean, field_path
from .glossary import glossary_path, term_tip
from .models import MARKDOWN
from .paths import address, emitted_pages
from .plain_text import plain
from .render import Page, inline_markdown, lesson_path, module_path, worksheet_path
from .validate import Validated

SCHEMES = ("lesson", "worksheet", "exercise", "term")
_NEEDLES = tuple(f"{kind}:" for kind in SCHEMES)
# Schemes that are not ours and never a typo of ours: left alone.
_OTHER_SCHEMES = {"http", "https", "mailto", "tel", "ftp", "data", "javascript", "file", "sms"}
_ALIASES = {"glossary": "term", "page": "lesson", "heading": "lesson"}

_FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
# In a content file's Markdown: an inline link's target, or an href of raw HTML.
_SOURCE_LINK = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]+)|\bhref\s*=\s*[\"'](?P<href>[^\"']+)")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class Targets:
    """Where every id that a link can name is published: (kind, id) -> (page path, anchor)."""

    pages: dict[tuple[str, str], tuple[str, str]]
    headings: dict[str, tuple[str, ...]]  # lesson id -> the anchors of its sections
    tips: dict[str, str]  # term id -> its definition, as HTML for the tip


def targets(bundle: CourseBundle) -> Targets:
    pages, headings = {}, {}
    for lesson in bundle.lessons.values():
        pages[("lesson", lesson.id)] = (lesson_path(bundle.module_of_lesson[lesson.id], lesson), "")
        headings[lesson.id] = section_anchors(lesson)
        for exercise_id in lesson.exercises:
            pages.setdefault(("exercise", exercise_id), (pages[("lesson", lesson.id)][0], f"exercise-{exercise_id}"))
    for worksheet in bundle.used_worksheets():
        pages[("worksheet", worksheet.id)] = (worksheet_path(worksheet.id), "")
    tips = {}
    for term in bundle.glossary.terms if bundle.glossary else ():
        pages[("term", term.id)] = (glossary_path(), term.id)
        tips[term.id] = term_tip(term)
    return Targets(pages, headings, tips)


@lru_cache(maxsize=None)  # every rebuild lists every lesson's anchors; headings rarely change
def slug(text: str) -> str:
    """A heading's anchor as the site engines make it (Python-Markdown's toc slugify)."""
    shown = re.sub(r"<[^>]+>", "", inline_markdown(plain(text)))  # what the page shows, smart quotes too
    return slugify(html.unescape(shown), "-")


def section_anchors(lesson) -> tuple[str, ...]:
    """The anchor of each section heading of a lesson page; a heading that repeats the title or an
    earlier one gets `_1`, `_2`... as on the page."""
    taken, anchors = {slug(lesson.title)}, []
    for section in lesson.sections:
        anchor, base, number = slug(section.heading), slug(section.heading), 0
        while anchor in taken:
            number += 1
            anchor = f"{base}_{number}"
        taken.add(anchor)
        anchors.append(anchor)
    return tuple(anchors)


# --- checking, at the YAML line ------------------------------------------------------------------


def link_problems(bundle: CourseBundle, validated: list[Validated]) -> list[Problem]:
    """An error for every link by id or relative link to a page whose target does not exist."""
    found = targets(bundle)
    pages = {path for path, _ in emitted_pages(bundle)}
    problems = []
    for item in validated:
        texts = file_links(item)
        if not any(links for _, _, links in texts):
            continue  # most files link nowhere: no need to know their page
        home = _home_page(bundle, item, found)
        for path, text, links in texts:
            for offset, url in links:
                message, hint = _judge(url, found, pages, home, bundle)
                if message:
                    line, column = _position(item, path, text, offset, url)
                    problems.append(Problem(item.source.display, line, column, field_path(path),
                                            f"link '{url}': {message}", hint))
    return problems


def file_links(item: Validated) -> tuple:
    """(data path, text, ((offset, url), ...)) of every Markdown field of a file. Kept on the file's
    Validated, which the incremental build reuses while the file is unchanged: a rebuild during
    `make serve` scans only the edited files, not the whole course."""
    kept = item.__dict__.get("_markdown_links")
    if kept is None:
        kept = tuple((path, text, tuple(source_links(text))) for path, text in markdown_texts(item.model))
        object.__setattr__(item, "_markdown_links", kept)  # a cache, not a field: frozen stays frozen
    return kept


def markdown_texts(model: BaseModel, path: tuple = ()):
    """(data path, text) of every Markdown field of a model, nested models included, in field order.
    Plain-text fields are left out: they show links and images as the characters typed."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, str) and MARKDOWN in info.metadata:
            if value:
                yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from markdown_texts(value, path + (name,))
        elif isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from markdown_texts(entry, path + (name, index))


def source_links(text: str):
    """(offset, url) of each link in Markdown text, outside code."""
    if "](" not in text and "href" not in text:
        return  # most texts link nowhere: no need to mask their code
    masked = _mask_code(text)
    for match in _SOURCE_LINK.finditer(masked):
        group = "url" if match.group("url") else "href"
        yield match.start(group), match.group(group)


def _mask_code(text: str) -> str:
    """text with fenced code and code spans blanked out (same length): links there are examples."""
    blank = lambda match: re.sub(r"[^\n]", " ", match.group(0))  # noqa: E731
    return _CODE_SPAN.sub(blank, _FENCED_CODE.sub(blank, text))


def _judge(url: str, found: Targets, pages: set[str], home: str | None, bundle: CourseBundle) -> tuple[str, str]:
    """(message, hint) for a broken link, ('', '') for a good one or one that is not ours."""
    scheme = _SCHEME.match(url)
    if scheme is None:
        return _judge_relative(url, found, pages, home, bundle)
    name = scheme.group(1).lower()
    if name not in SCHEMES:
        if name in _OTHER_SCHEMES or len(name) == 1:  # a Windows drive letter: reported by the engine
            return "", ""
        close = did_you_mean(name, SCHEMES)
        guess = _ALIASES.get(name) or (close.split("'")[1] if close else "")
        if not guess:
            return "", ""
        return (f"unknown kind of link '{name}:' (did you mean '{guess}:'?)",
                "links by id start with lesson:, worksheet:, exercise: or term:")
    target, _, anchor = url[scheme.end():].partition("#")
    return _judge_id(name, target, anchor, "#" in url, found, bundle)


def _judge_id(kind: str, target: str, anchor: str, has_anchor: bool, found: Targets,
              bundle: CourseBundle) -> tuple[str, str]:
    if not target:
        return f"no {_what(kind)} id after '{kind}:'", f"write [text]({kind}:<{_what(kind)} id>)"
    if (kind, target) not in found.pages:
        known = _known_ids(kind, bundle)
        if kind == "exercise" and target in bundle.exercises:
            return f"exercise '{target}' is on no page: no lesson lists it", "add it to a lesson's exercises"
        if kind == "term" and bundle.glossary is None:
            return (f"no glossary term '{target}': the course has no glossary",
                    "define the term in content/glossary.yml")
        return f"no {_what(kind)} with id '{target}'{did_you_mean(target, known)}", ""
    if has_anchor:
        if kind != "lesson":
            return (f"'#{anchor}': only a link to a lesson can name a heading",
                    f"write {kind}:{target} without '#'")
        return _judge_anchor(target, anchor, found)
    return "", ""


def _judge_anchor(lesson_id: str, anchor: str, found: Targets) -> tuple[str, str]:
    anchors = found.headings[lesson_id]
    if anchor in anchors:
        return "", ""
    listed = ", ".join(anchors)
    return (f"lesson '{lesson_id}' has no heading '#{anchor}'{did_you_mean(anchor, anchors)}",
            f"its headings: {listed} (a heading's anchor is its text in lowercase, with hyphens for spaces)")


def _judge_relative(url: str, found: Targets, pages: set[str], home: str | None,
                    bundle: CourseBundle) -> tuple[str, str]:
    path, _, anchor = url.partition("#")
    if not path.endswith(".md") or path.startswith("/") or home is None:
        return "", ""  # media, or a page the generator does not make: left to the site engine
    base = posixpath.dirname(home)
    target = posixpath.normpath(posixpath.join(base, path))
    if target not in pages:
        near = did_you_mean(target, sorted(pages))
        near_page = near.split("'")[1] if near else ""
        by_id = next((f"[text]({kind}:{key})" for (kind, key), (page, _) in found.pages.items()
                      if page == near_page and kind in ("lesson", "worksheet")), "[text](lesson:<lesson id>)")
        if near:
            near = near.replace(near_page, posixpath.relpath(near_page, base or "."))
        return (f"no page '{target}' in the course{near}",
                f"link by id instead, which keeps working when a module or page is renamed: {by_id}")
    lesson = next((key for (kind, key), (page, _) in found.pages.items() if kind == "lesson" and page == target), None)
    if "#" in url and lesson is not None:
        return _judge_anchor(lesson, anchor, found)
    return "", ""


def _what(kind: str) -> str:
    return "glossary term" if kind == "term" else kind


def _known_ids(kind: str, bundle: CourseBundle) -> list[str]:
    if kind == "term":
        return [term.id for term in bundle.glossary.terms] if bundle.glossary else []
    return list({"lesson": bundle.lessons, "worksheet": bundle.worksheets, "exercise": bundle.exercises}[kind])


def _home_page(bundle: CourseBundle, item: Validated, found: Targets) -> str | None:
    """The page a file's Markdown is first shown on: relative links in it are relative to that page."""
    kind, model = item.source.kind, item.model
    if kind == "course":
        return "index.md"
    if kind == "module":
        return module_path(model)
    if kind == "lesson" and model.id in bundle.module_of_lesson:
        return lesson_path(bundle.module_of_lesson[model.id], model)
    if kind == "worksheet":
        return worksheet_path(model.id)
    if kind == "glossary":
        return glossary_path()
    if kind == "exercise":  # the page of the first lesson that shows it, as `targets` found
        return found.pages.get(("exercise", model.id), (None,))[0]
    return None


def _position(item: Validated, path: tuple, text: str, offset: int, url: str) -> tuple[int, int]:
    """Line and column of a link in the file: its n-th occurrence after the value's start, where n
    counts it in the text before offset (exact for every YAML style of a one-line link)."""
    line, column = item.source.position(path)
    try:
        lines = item.source.path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return line, column
    nth = text.count(url, 0, offset)
    row, start = line - 1, column - 1
    while row < len(lines):
        at = lines[row].find(url, start)
        while at >= 0:
            if nth == 0:
                return row + 1, at + 1
            nth -= 1
            at = lines[row].find(url, at + 1)
        row, start = row + 1, 0
    return line, column


# --- resolving, page by page -----------------------------------------------------------------------

_KIND = r"(?P<kind>lesson|worksheet|exercise|term):(?P<id>[a-z0-9-]*)(?:#(?P<anchor>[^)\s\"'&\\>]*))?"
_MD_TERM = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*term:(?P<id>[a-z0-9-]+)\s*\)")
_HTML_TERM = re.compile(r'<a href="term:(?P<id>[a-z0-9-]+)">(?P<text>.*?)</a>', re.S)
_MD_LINK = re.compile(r"(?P<lead>\]\(\s*<?)" + _KIND)
# An href in raw HTML, or in HTML held in a JSON attribute (quotes escaped as \&#34;).
_HTML_LINK = re.compile(r"(?P<lead>href=(?:\\?&#34;|\\?&quot;|\\?\"|'))" + _KIND)


def resolve_links(pages: list[Page], found: Targets, directory_urls: bool = True) -> list[Page]:
    """Every page with its links by id replaced by relative links to their targets."""
    return [_resolve_page(page, found, directory_urls) for page in pages]


def _resolve_page(page: Page, found: Targets, directory_urls: bool) -> Page:
    content = page.content
    if not any(needle in content for needle in _NEEDLES):  # str `in` is faster here than a regex
        return page
    tipped: set[str] = set()  # terms whose definition this page already carries

    def markdown_target(kind: str, key: str, anchor: str | None) -> str:
        path, default = found.pages.get((kind, key), (None, ""))
        if path is None:
            return f"{kind}:{key}"  # unknown: reported by link_problems before any page is made
        rel = posixpath.relpath(path, posixpath.dirname(page.path) or ".")
        anchor = anchor if anchor is not None else default
        return rel + (f"#{anchor}" if anchor else "")

    def url_target(kind: str, key: str, anchor: str | None) -> str:
        path, default = found.pages.get((kind, key), (None, ""))
        if path is None:
            return f"{kind}:{key}"
        anchor = anchor if anchor is not None else default
        return page_url(path, page.path, directory_urls) + (f"#{anchor}" if anchor else "")

    def term(match, markdown: bool) -> str:
        key, text = match.group("id"), match.group("text")
        if key not in found.tips:
            return match.group(0)
        target = markdown_target("term", key, None) if markdown else url_target("term", key, None)
        if key in tipped:
            return f"[{text}]({target})" if markdown else f'<a href="{target}">{text}</a>'
        tipped.add(key)
        tip_id = f"course-term-{key}"
        # A link in the definition: a plain link (no tip inside a tip), at its final address.
        tip = _HTML_LINK.sub(lambda m: m.group("lead") + url_target(m.group("kind"), m.group("id"),
                                                                    m.group("anchor")), found.tips[key])
        link = (f'[{text}]({target}){{ aria-describedby="{tip_id}" }}' if markdown
                else f'<a href="{target}" aria-describedby="{tip_id}">{text}</a>')
        # Out of the search index: there the definition ran into the sentence around its term
        # ("your inner criticThe harsh voice..."); the glossary page is where it is searched.
        return (f'<span class="course-term">{link}<span class="course-term__tip" id="{tip_id}" '
                f'role="tooltip" data-search-exclude>{tip}</span></span>')

    content = _outside_code(content, _MD_TERM, lambda m: term(m, True))
    content = _outside_code(content, _HTML_TERM, lambda m: term(m, False))
    content = _outside_code(content, _MD_LINK, lambda m: m.group("lead") + markdown_target(
        m.group("kind"), m.group("id"), m.group("anchor")))
    content = _outside_code(content, _HTML_LINK, lambda m: m.group("lead") + url_target(
        m.group("kind"), m.group("id"), m.group("anchor")))
    return Page(page.path, page.title, content, page.source) if content != page.content else page


def _outside_code(text: str, pattern: re.Pattern, replace) -> str:
    """pattern.sub(replace, text), skipping matches inside code."""
    masked = _mask_code(text) if "`" in text or "~~~" in text else text
    out, last = [], 0
    for match in pattern.finditer(masked):
        out += [text[last:match.start()], replace(_Original(match, text))]
        last = match.end()
    return "".join(out + [text[last:]]) if out else text


class _Original:
    """A match on the masked text, read from the original."""

    def __init__(self, match: re.Match, text: str):
        self.match, self.text = match, text

    def group(self, name=0):
        start, end = self.match.span(name)
        return None if start < 0 else self.text[start:end]


def page_url(target: str, source: str, directory_urls: bool = True) -> str:
    """The address of page `target` relative to page `source`, as the built site serves them."""
    def url(path: str) -> str:
        if not directory_urls:
            return path.removesuffix(".md") + ".html"
        where = address(path)
        return f"{where}/" if where else ""

    here = url(source)
    folder = here.rstrip("/") if directory_urls else posixpath.dirname(here)
    there = url(target)
    rel = posixpath.relpath(there.rstrip("/") or ".", folder or ".")
    return rel + "/" if directory_urls and (there.endswith("/") or not there) else rel
