"""Stage 4, render: the checked course to Markdown pages, through overridable Jinja2 templates.

Rendering is a pure function of the CourseBundle: the same content gives byte-identical pages.
Templates are looked up first in the instructor's templates folder, then in generator/templates/;
an override can extend the original as "builtin/<name>".
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import (ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader,
                    StrictUndefined)
from markupsafe import escape

from .check import CourseBundle
from .models import Lesson, Module


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str  # relative to the site root, e.g. "growth-mindset/self-compassion.md"
    title: str
    content: str
    source: Path | None = None  # the content file it comes from, for "edit this page"


@dataclass(frozen=True)
class NavSection:
    title: str
    pages: list  # Page objects and nested NavSections; a section's first page is its index


def home_path() -> str:
    return "index.md"


def module_path(module: Module) -> str:
    return f"{module.id}/index.md"


def lesson_path(module: Module, lesson: Lesson) -> str:
    return f"{module.id}/{lesson.id}.md"


def worksheet_path(worksheet_id: str) -> str:
    return f"worksheets/{worksheet_id}.md"


def make_environment(templates_dir: Path | None = None) -> Environment:
    """A Jinja2 environment for Markdown: no autoescaping, strict about undefined names."""
    builtin = PackageLoader("generator", "templates")
    loaders = [FileSystemLoader(str(templates_dir))] if templates_dir else []
    env = Environment(
        loader=ChoiceLoader(loaders + [builtin, PrefixLoader({"builtin": builtin})]),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(duration=duration, inline=inline_markdown, attr=escape_attribute,
                       tojson_attr=lambda value: escape_attribute(json.dumps(value, sort_keys=True)))
    return env


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make, and a
class PageSpec:          # large course makes thousands of these on every rebuild
    """A page before rendering: its template and context, and the course values the page depends on.

    `inputs` holds every value the built-in template of the page reads, so two specs with equal inputs
    render to the same page; incremental.py re-renders only pages whose inputs changed. A template that
    starts reading another value must have it added here (tests/test_incremental.py changes every field
    of a course in turn and compares with a clean build, so a missing input fails a test).
    """

    template: str
    path: str
    title: str
    source: Path | None
    context: dict
    inputs: tuple


def page_specs(bundle: CourseBundle) -> list[PageSpec]:
    """Every page of the course, in navigation order, ready to render."""
    course = bundle.course
    outlines = [_lesson_outline(bundle, module) for module in bundle.modules]
    outline = tuple((module.id, module.title, lessons) for module, lessons in zip(bundle.modules, outlines))
    specs = [PageSpec("home.md.j2", home_path(), course.title, bundle.sources.get(("course", course.id)),
                      {}, (course, outline))]
    for number, module in enumerate(bundle.modules, start=1):
        specs.append(PageSpec("module.md.j2", module_path(module), module.title,
                              bundle.sources.get(("module", module.id)), {"module": module, "number": number},
                              (course.id, module, number, outlines[number - 1])))
        for lesson_number, lesson in enumerate(bundle.lessons_of(module), start=1):
            exercises = [bundle.exercises[eid] for eid in lesson.exercises]
            worksheet = bundle.worksheets[lesson.worksheet] if lesson.worksheet else None
            specs.append(PageSpec(
                "lesson.md.j2", lesson_path(module, lesson), lesson.title, bundle.sources.get(("lesson", lesson.id)),
                {"module": module, "module_number": number, "number": lesson_number, "lesson": lesson,
                 "exercises": exercises},
                (course.id, module.id, number, lesson_number, lesson, tuple(exercises),
                 (worksheet.id, worksheet.title) if worksheet else None)))
    for worksheet in bundle.used_worksheets():
        specs.append(PageSpec("worksheet.md.j2", worksheet_path(worksheet.id), worksheet.title,
                              bundle.sources.get(("worksheet", worksheet.id)), {"worksheet": worksheet},
                              (course.id, worksheet)))
    return specs


def _lesson_outline(bundle: CourseBundle, module: Module) -> tuple:
    """What module and home pages show of each lesson: its link, title and time."""
    return tuple((lesson.id, lesson.title, lesson.minutes) for lesson in bundle.lessons_of(module))


def render_page(env: Environment, bundle: CourseBundle, spec: PageSpec) -> Page:
    return _render(env, spec.template, spec.path, spec.title, bundle, spec.source, **spec.context)


def render_pages(bundle: CourseBundle, env: Environment) -> list[Page]:
    """Every page of the course, in navigation order."""
    return [render_page(env, bundle, spec) for spec in page_specs(bundle)]


def navigation(bundle: CourseBundle, pages: list[Page]) -> list:
    """The site navigation in course order: home, a section per module, then the worksheets."""
    by_path = {page.path: page for page in pages}
    nav: list = [by_path[home_path()]]
    for module in bundle.modules:
        nav.append(NavSection(module.title, [by_path[module_path(module)]] +
                              [by_path[lesson_path(module, lesson)] for lesson in bundle.lessons_of(module)]))
    worksheets = [page for page in pages if page.path.startswith("worksheets/")]
    if worksheets:
        nav.append(NavSection("Worksheets", worksheets))
    return nav


def _render(env: Environment, template: str, path: str, title: str, bundle: CourseBundle,
            source: Path | None, **context) -> Page:
    def link(target: str) -> str:
        """A relative link from this page to another generated page."""
        return posixpath.relpath(target, posixpath.dirname(path) or ".")

    content = env.get_template(template).render(
        course=bundle.course, bundle=bundle, page_path=path, link=link, module_path=module_path,
        lesson_path=lesson_path, worksheet_path=worksheet_path, **context)
    return Page(path=path, title=title, content=content.rstrip("\n") + "\n", source=source)


def duration(minutes: int) -> str:
    """90 -> '1 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


_INLINE = markdown.Markdown(extensions=["smarty"], output_format="html")


def inline_markdown(text: str) -> str:
    """Markdown for one line of text (emphasis, code, links) as HTML, for use inside raw HTML."""
    html = _INLINE.reset().convert(text)
    return html.removeprefix("<p>").removesuffix("</p>")


def escape_attribute(text) -> str:
    return str(escape(str(text)))
