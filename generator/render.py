"""Stage 4, render: the checked course to Markdown pages, through overridable Jinja2 templates.

Rendering is a pure function of the CourseBundle: the same content gives byte-identical pages.
Templates are looked up first in the instructor's templates folder, then in generator/templates/;
an override can extend the original as "builtin/<name>".
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import markdown
from jinja2 import (ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader,
                    StrictUndefined)
from markupsafe import escape

from .branching import numbering
from .check import CourseBundle
from .ending import ending_specs, record_path, sessions_path
from .course_order import add_course_order
from .errors import ContentError, plural
from .media_paths import lesson_transcripts, page_media_links
from .glossary import glossary_path, glossary_spec
from .handouts import answer_key_path, course_answer_key_spec, handout_path, module_print_specs
from .models import Lesson, Module
from .plain_text import plain
from .quick_inline import QuickInlineExtension
from .references import bibliography_path, bibliography_spec
from .template_errors import template_problem
from .catalogue import _, install as install_catalogue
from .interface_assets import GENERATED as INTERFACE_ASSETS, css_content


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


def worksheets_pack_path() -> str:
    """The page holding every worksheet in course order, for printing them all at once."""
    return "worksheets/printable.md"


def facilitation_path(module: Module) -> str:
    """The instructor edition's facilitation guide of a module."""
    return f"{module.id}/facilitation.md"


def my_work_path() -> str:
    return "my-work.md"


def course_map_path() -> str:
    return "course-map.json"


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
        # No stat of the template file on every include: builds make a new environment, and the
        # incremental build makes one again when a template file changes.
        auto_reload=False,
    )
    env.overrides_dir = templates_dir  # where a template error is the instructor's (template_errors.py)
    env.globals["edition"] = "learner"  # build_course sets "instructor" for the instructor edition
    env.filters.update(duration=duration, inline=inline_markdown, plain=plain, attr=escape_attribute, plural=plural,
                       tojson_attr=json_attribute, mixed_order=mixed_order)
    install_catalogue(env)  # _() and ngettext(), in the language of the build under way
    env.globals.update(branching_numbering=numbering, attempt_texts=attempt_texts, comparison=comparison,
                       comparisons=comparisons, css_content=css_content)
    return env


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to make, and a
class PageSpec:          # large course makes thousands of these on every rebuild
    """A page before rendering: its template and context, and the course values the page depends on.

    `inputs` holds every value the built-in templates of the page read, so two specs with equal inputs
    render to the same page; incremental.py re-renders only pages whose inputs changed. A template that
    starts reading another value must have it added here (tests/test_incremental.py changes every field
    of a course in turn and compares with a clean build, so a missing input fails a test).
    """

    template: str | None  # None: the course map, JSON made by course_map() rather than a template
    path: str
    title: str
    source: Path | None
    context: dict
    inputs: tuple


def page_specs(bundle: CourseBundle, edition: str = "learner") -> list[PageSpec]:
    """Every page of the course in navigation order, then the course map; ready to render."""
    course = bundle.course
    outlines = [_lesson_outline(bundle, module) for module in bundle.modules]
    outline = tuple((module.id, module.title, lessons) for module, lessons in zip(bundle.modules, outlines))
    specs = [PageSpec("home.md.j2", home_path(), _("Course home"), bundle.sources.get(("course", course.id)),
                      {}, (edition, course, outline))]
    for number, module in enumerate(bundle.modules, start=1):
        specs.append(PageSpec("module.md.j2", module_path(module), module.title,
                              bundle.sources.get(("module", module.id)), {"module": module, "number": number},
                              (edition, course.id, module, number, outlines[number - 1])))
        module_lessons = len(bundle.lessons_of(module))
        for lesson_number, lesson in enumerate(bundle.lessons_of(module), start=1):
            exercises = [bundle.exercises[eid] for eid in lesson.exercises]
            worksheet = bundle.worksheets[lesson.worksheet] if lesson.worksheet else None
            specs.append(PageSpec(
                "lesson.md.j2", lesson_path(module, lesson), lesson.title, bundle.sources.get(("lesson", lesson.id)),
                {"module": module, "module_number": number, "number": lesson_number, "lesson": lesson,
                 "exercises": exercises, "lessons_in_module": module_lessons},
                # A worksheet's minutes: the instructor edition's timing shows them.
                (edition, course.id, module.id, number, lesson_number, module_lessons, lesson, tuple(exercises),
                 (worksheet.id, worksheet.title, worksheet.minutes) if worksheet else None,
                 _compared(bundle, exercises), lesson_transcripts(bundle, lesson))))
        if edition == "instructor":
            lessons = tuple((lesson, tuple(bundle.exercises[eid] for eid in lesson.exercises),
                             bundle.worksheets[lesson.worksheet] if lesson.worksheet else None)
                            for lesson in bundle.lessons_of(module))
            specs.append(PageSpec("instructor/facilitation.md.j2", facilitation_path(module), _("Facilitation guide"),
                                  bundle.sources.get(("module", module.id)), {"module": module, "number": number},
                                  (edition, course.id, module, number, lessons)))
        specs += module_print_specs(PageSpec, bundle, edition, number, module)  # handout, answer key
    worksheets = bundle.used_worksheets()
    for worksheet in worksheets:
        # The course evaluation's page can also send its answers (ending.py).
        evaluation = (course.evaluation == worksheet.id, course.instructor_contact)
        specs.append(PageSpec("worksheet.md.j2", worksheet_path(worksheet.id), worksheet.title,
                              bundle.sources.get(("worksheet", worksheet.id)), {"worksheet": worksheet},
                              (edition, course.id, course.title, worksheet, _compared(bundle, [worksheet]), evaluation)))
    if worksheets:
        specs.append(PageSpec("worksheets_pack.md.j2", worksheets_pack_path(), _("Printable worksheets"), None,
                              {"worksheets": worksheets}, (edition, course.id, course.title, tuple(worksheets),
                                                           _compared(bundle, worksheets))))
    for extra in (glossary_spec(PageSpec, bundle, edition), bibliography_spec(PageSpec, bundle, edition),
                  course_answer_key_spec(PageSpec, bundle, edition)):
        if extra:
            specs.append(extra)
    practice = tuple((lesson_path(bundle.module_of_lesson[lesson.id], lesson), bundle.exercises[eid])
                     for lesson in bundle.lessons.values() for eid in lesson.exercises
                     if bundle.exercises[eid].type in PRACTICE_KINDS)
    # Short answers are written in lessons, not worksheets; My work lists them too, in course order.
    short_answers = tuple((module, lesson, bundle.exercises[eid]) for module in bundle.modules
                          for lesson in bundle.lessons_of(module) for eid in lesson.exercises
                          if bundle.exercises[eid].type == "short_answer")
    shapes = exercise_shapes(bundle)
    specs.append(PageSpec("my_work.md.j2", my_work_path(), _("My work"), None,
                          {"practice": practice, "short_answers": short_answers, "exercise_shapes": shapes},
                          (edition, course.id, tuple(worksheets), practice, shapes,
                           tuple((m.id, l.id, l.title, e.id, e.title) for m, l, e in short_answers),
                           _compared(bundle, comparison_items(bundle)))))
    specs += ending_specs(PageSpec, bundle, edition)  # the completion record, running the sessions
    titles = tuple((mid, title, tuple(lesson[:2] for lesson in lessons)) for mid, title, lessons in outline)
    specs.append(PageSpec(None, course_map_path(), "Course map", None, {}, (course.id, course.title, titles)))
    # The interface's words for the page scripts and style sheets, in the course's language.
    specs += [PageSpec(None, path, path, None, {}, ()) for path in INTERFACE_ASSETS]
    add_course_order(specs)  # Previous and Next as a learner goes: lesson, its worksheet, next lesson
    return specs


def exercise_shapes(bundle: CourseBundle) -> str:
    """What a saved attempt at each exercise of the course looks like, as JSON for My work: an imported
    file is checked against it (assets/course/import.js): the counts and ids a saved value may use.
    Ordering, matching and categorise save numbered items (1..items); a scenario the choices taken."""
    shapes = {}
    for exercise in bundle.exercises.values():
        shape = {"type": exercise.type}
        choices = getattr(exercise, "options", None) or getattr(exercise, "responses", None)
        if choices:
            shape["options"] = len(choices)
        if hasattr(exercise, "scale_min"):
            shape["min"], shape["max"] = exercise.scale_min, exercise.scale_max
        if exercise.type == "ordering":
            shape["items"] = len(exercise.items)
        elif exercise.type == "matching":
            shape["items"] = len(exercise.pairs)
        elif exercise.type == "categorise":
            shape["items"] = len(exercise.statements)
            shape["categories"] = [category.id for category in exercise.categories]
        elif exercise.type == "branching_scenario":
            shape["steps"] = len(exercise.steps)
        shapes[exercise.id] = shape
    return json.dumps(shapes, sort_keys=True, separators=(",", ":"))


def _lesson_outline(bundle: CourseBundle, module: Module) -> tuple:
    """What module and home pages show of each lesson: its link, title and time."""
    return tuple((lesson.id, lesson.title, lesson.minutes) for lesson in bundle.lessons_of(module))


def render_page(env: Environment, bundle: CourseBundle, spec: PageSpec) -> Page:
    if spec.template is None:
        make = INTERFACE_ASSETS.get(spec.path)
        return Page(path=spec.path, title=spec.title, content=make() if make else course_map(bundle))
    return _render(env, spec.template, spec.path, spec.title, bundle, spec.source, **spec.context)


def render_pages(bundle: CourseBundle, env: Environment, edition: str = "learner") -> list[Page]:
    """Every page of the course in navigation order, then the course map for the page scripts."""
    return [render_page(env, bundle, spec) for spec in page_specs(bundle, edition)]


def course_map(bundle: CourseBundle) -> str:
    """The course's modules and lessons with their page paths, as JSON for the page scripts.

    Learners' progress is keyed by lesson id; the scripts use this to find a lesson's page, to mark
    the navigation and to count progress per module.
    """
    data = {"course": bundle.course.id, "title": bundle.course.title, "home": home_path(), "modules": [
        {"id": module.id, "title": module.title, "path": module_path(module), "lessons": [
            {"id": lesson.id, "title": lesson.title, "path": lesson_path(module, lesson)}
            for lesson in bundle.lessons_of(module)]}
        for module in bundle.modules]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: the C encoder


def navigation(bundle: CourseBundle, pages: list[Page]) -> list:
    """The site navigation in course order: home, a section per module, then the worksheets."""
    by_path = {page.path: page for page in pages}
    nav: list = [by_path[home_path()]]
    if sessions_path() in by_path:
        nav.append(by_path[sessions_path()])
    for module in bundle.modules:
        section = [by_path[module_path(module)]] + [by_path[lesson_path(module, lesson)]
                                                     for lesson in bundle.lessons_of(module)]
        # The handout, then the instructor edition's guide and answer key close the section.
        for extra in (handout_path(module), facilitation_path(module), answer_key_path(module)):
            if extra in by_path:
                section.append(by_path[extra])
        nav.append(NavSection(module.title, section))
    worksheets = [page for page in pages if page.path.startswith("worksheets/")]
    if worksheets:
        nav.append(NavSection(_("Worksheets"), worksheets))
    for extra in (glossary_path(), bibliography_path(), answer_key_path()):
        if extra in by_path:
            nav.append(by_path[extra])
    if record_path() in by_path:
        nav.append(by_path[record_path()])
    nav.append(by_path[my_work_path()])
    return nav


def nav_config(nav: list) -> list:
    """The navigation as an MkDocs `nav` setting ({title: path} and {title: [...]}), which both
    engines read. Both show nav titles as HTML, and a course's titles are plain text: escaped."""
    return [{html_text(item.title): item.path} if isinstance(item, Page)
            else {html_text(item.title): nav_config(item.pages)} for item in nav]


def html_text(text: str) -> str:
    return html.escape(text, quote=False)


def _render(env: Environment, template: str, path: str, title: str, bundle: CourseBundle,
            source: Path | None, **context) -> Page:
    def link(target: str) -> str:
        """A relative link from this page to another generated page."""
        return posixpath.relpath(target, posixpath.dirname(path) or ".")

    try:
        content = env.get_template(template).render(
            course=bundle.course, bundle=bundle, page_path=path, link=link, module_path=module_path,
            lesson_path=lesson_path, worksheet_path=worksheet_path, my_work_path=my_work_path, **context)
    except Exception as error:
        # A mistake in a template override is the instructor's: its file and line, no traceback.
        problem = template_problem(error, getattr(env, "overrides_dir", None), path)
        if problem is None:
            raise
        raise ContentError([problem]) from None
    content = page_media_links(content.rstrip("\n") + "\n", path)  # media/x as seen from this page
    return Page(path=path, title=title, content=content, source=source)


def duration(minutes: int) -> str:
    """90 -> '1 h 30 min', in the course's language."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        # TRANSLATORS: a time in minutes, such as "10 min" in "about 10 min".
        return _("%(minutes)d min", minutes=rest)
    # TRANSLATORS: a time in hours and minutes, such as "1 h 30 min".
    return _("%(hours)d h %(minutes)d min", hours=hours, minutes=rest) if rest else _("%(hours)d h", hours=hours)


_INLINE = markdown.Markdown(extensions=["smarty", QuickInlineExtension()], output_format="html")
# Text that neither Markdown nor SmartyPants would change: it starts with a letter (no list, heading
# or code block) and has no markup, quotes, dashes or ellipses. Most labels are like this.
_PLAIN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9 ,;:?()/%+=.-]*")


def inline_markdown(text: str) -> str:
    """Markdown for one line of text (emphasis, code, links) as HTML, for use inside raw HTML."""
    if _PLAIN_TEXT.fullmatch(text) and "--" not in text and "..." not in text and text == text.rstrip():
        return text
    return _cached_inline_markdown(text)


@functools.lru_cache(maxsize=2**16)  # a worksheet's labels show again on the pack and My work pages
def _cached_inline_markdown(text: str) -> str:
    return full_inline_markdown(text)


def full_inline_markdown(text: str) -> str:
    html = _INLINE.reset().convert(text)
    return html.removeprefix("<p>").removesuffix("</p>")


PRACTICE_KINDS = ("branching_scenario", "ordering", "matching", "categorise")


def attempt_texts(exercise) -> dict:
    """The texts My work needs to show a saved attempt at a practice exercise (as HTML), by the
    numbers the attempt is saved with (see store.js)."""
    if exercise.type == "ordering":
        return {"items": [plain(item.text) for item in exercise.items]}
    if exercise.type == "matching":
        return {"items": [plain(pair.item) for pair in exercise.pairs],
                "matches": [plain(pair.match) for pair in exercise.pairs]}
    if exercise.type == "categorise":
        return {"items": [plain(statement.text) for statement in exercise.statements],
                "categories": {category.id: plain(category.title) for category in exercise.categories}}
    numbers = numbering(exercise)
    return {"steps": [{"choices": [plain(choice.text) for choice in step.choices],
                       "next": [{"step": numbers["step"][choice.next]} if choice.next in numbers["step"]
                                else {"ending": numbers["ending"][choice.next]} for choice in step.choices]}
                      for step in exercise.steps],
            "endings": [_verdict(ending.verdict) for ending in exercise.endings]}


def _verdict(verdict: str) -> str:
    """A branching scenario ending's verdict, as its page shows it."""
    return {"best": _("Best outcome"), "workable": _("Workable outcome"), "poor": _("Poor outcome")}[verdict]


def comparison(bundle: CourseBundle, later, prompt=None) -> dict:
    """What compare.js needs to show a check beside the earlier one it repeats (`compare_with`):
    both checks' store keys, titles and page addresses, and the scale. later: a self-assessment,
    or the worksheet of `prompt`."""
    if prompt is None:
        earlier = bundle.exercises[later.compare_with]
        return {"kind": "exercise", "min": later.scale_min, "max": later.scale_max,
                "statements": json.dumps([[statement.id, statement.reverse] for statement in later.statements]),
                **_check_side(bundle, "earlier", earlier), **_check_side(bundle, "later", later)}
    worksheet_id, prompt_id = prompt.compare_with.split("/")
    data = {"kind": "prompt", "min": prompt.min, "max": prompt.max,
            **_check_side(bundle, "earlier", bundle.worksheets[worksheet_id], prompt_id),
            **_check_side(bundle, "later", later, prompt.id)}
    if worksheet_id == later.id:  # asked twice on one worksheet: say which time is which
        # TRANSLATORS: a worksheet's title, when one worksheet asks the same rating twice.
        data["earlier-title"] = _("%(title)s, first rating", title=data["earlier-title"])
        data["later-title"] = _("%(title)s, second rating", title=data["later-title"])
    return data


def _check_side(bundle: CourseBundle, side: str, item, prompt_id: str | None = None) -> dict:
    if prompt_id is not None:
        return {side: f"{item.id}/{prompt_id}", f"{side}-title": item.title, f"{side}-page": worksheet_path(item.id),
                f"{side}-anchor": f"#ws-{item.id}-{prompt_id}"}
    lesson = next(lesson for lesson in bundle.lessons.values() if item.id in lesson.exercises)
    return {side: item.id, f"{side}-title": item.title, f"{side}-anchor": f"#exercise-{item.id}",
            f"{side}-page": lesson_path(bundle.module_of_lesson[lesson.id], lesson)}


def comparison_items(bundle: CourseBundle) -> list:
    """The exercises and worksheets of the course in the order lessons first show them."""
    exercises = dict.fromkeys(key for lesson in bundle.lessons.values() for key in lesson.exercises)
    return [bundle.exercises[key] for key in exercises] + bundle.used_worksheets()


def comparisons(bundle: CourseBundle) -> list[dict]:
    """Every check of the course that repeats an earlier one, in course order, for My work."""
    return _comparisons(bundle, comparison_items(bundle))


def _comparisons(bundle: CourseBundle, items) -> list[dict]:
    found = []
    for item in items:
        # A model's fields are in its __dict__: getattr with a default on a pydantic model raises and
        # catches inside, and page specs ask this of every exercise and worksheet on every rebuild.
        if item.__dict__.get("compare_with"):
            found.append(comparison(bundle, item))
        for prompt in item.__dict__.get("prompts", ()):
            if prompt.__dict__.get("compare_with"):
                found.append(comparison(bundle, item, prompt))
    return found


def _compared(bundle: CourseBundle, items) -> tuple:
    """A page's comparisons as page inputs: they show the earlier checks' titles and addresses."""
    return tuple(tuple(data.items()) for data in _comparisons(bundle, items))


def mixed_order(count: int, seed: str) -> list[int]:
    """0..count-1 in an order that looks random but is fixed by seed (render stays a pure function),
    and never the identity: items to order or match must not be shown already in place."""
    order = sorted(range(count), key=lambda index: hashlib.sha256(f"{seed}/{index}".encode()).digest())
    if count > 1 and order == list(range(count)):
        order = order[1:] + order[:1]
    return order


def escape_attribute(text) -> str:
    return str(escape(str(text)))


def json_attribute(value) -> str:
    """JSON for an HTML attribute that page scripts parse. Inside a `markdown` block, md_in_html
    writes attributes back with `&amp;lt;` turned into `&lt;`; JSON's own escape for `&` survives
    that, so HTML in the data (which scripts insert) keeps its entities and a `<` stays text."""
    return escape_attribute(json.dumps(value, sort_keys=True).replace("&", "\\u0026"))
