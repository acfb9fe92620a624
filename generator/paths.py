"""Every generated page gets a place of its own: ids that would put two pages, or a page and a file
of the theme, at one address are errors at the id's line.

The addresses are those of every page render emits in either edition, and the guide's, each traced
back to the content item whose id names it. A site
engine adds what it publishes itself (the theme's assets, a search index, a 404 page).
"""

from __future__ import annotations

from collections import defaultdict

from .check import CourseBundle
from .errors import Problem
from .load import display_path, load_file
from .ending import record_path, sessions_path
from .glossary import glossary_path
from .handouts import answer_key_path, handout_path
from .references import bibliography_path
from .interface_assets import GENERATED as INTERFACE_ASSETS
from .render import (course_map_path, facilitation_path, home_path, lesson_path, module_path, my_work_path,
                     worksheet_path, worksheets_pack_path)

# What any site of the course holds beside its pages: MkDocs and Material write these, and
# `course pdf` the PDFs. The MkDocs plugin adds what the theme and plugins of a build really publish.
SITE_RESERVED = {"assets/": "the theme's styles and scripts", "search/": "the search index",
                 "404.html": "the page for addresses that do not exist", "sitemap.xml": "the sitemap",
                 "pdf/": "the worksheets' PDFs"}


def address(path: str) -> str:
    """A page's address without its file name: 'a/b.md', 'a/b/index.md', 'a/b.html' -> 'a/b'.

    Two outputs with one address collide, whether pages are published as folders or as files.
    """
    for suffix in (".md", ".html"):
        path = path.removesuffix(suffix)
    return "" if path == "index" else path.removesuffix("/index")


def path_problems(bundle: CourseBundle, reserved: dict[str, str] = SITE_RESERVED) -> list[Problem]:
    """An error for each content id whose page would share its address with another output.

    reserved maps top-level outputs that are not pages (a file, or a folder ending in '/') to what
    they are.
    """
    at = defaultdict(list)  # address -> what is published there: (owner, or None for the course's own pages, path)
    for path, owner in emitted_pages(bundle):
        at[address(path)].append((owner, path))
    taken_at = {address(output.removesuffix("/")): f"{what} ({output})" for output, what in reserved.items()}
    folders = {output.removesuffix("/") for output in reserved if output.endswith("/")}
    problems, blamed_at = [], []
    for where, found in sorted(at.items()):
        top = where.split("/", 1)[0]
        taken = taken_at.get(where) or (taken_at[top] if top in folders else "")
        if len(found) < 2 and not taken:
            continue
        if taken and any(where.startswith(folder + "/") for folder in blamed_at):
            continue  # inside the folder of a module already reported: its lessons are no news
        blamed_at.append(where)
        # Blame the ids that name a page (a lesson's, a worksheet's); else the module whose folder it is.
        blamed = [entry for entry in found if entry[0] and entry[0][2]] or [entry for entry in found if entry[0]]
        for entry in blamed:
            others = [_describe(*other) for other in found if other != entry]
            problems.append(_problem(bundle, entry[0], where, " and ".join(filter(None, [taken] + others))))
    return problems


def emitted_pages(bundle: CourseBundle):
    """Every page path render.page_specs gives in either edition, and the guide's, each with the item
    whose id names it: (kind, id, whether the id is the page's own name), or None.

    Listed here rather than taken from page_specs, which makes every page's context: several times
    slower on a large course. A test holds the two lists equal.
    """
    from .guide import guide_pages  # the guide imports render, as this module does

    yield home_path(), None
    for module in bundle.modules:
        yield module_path(module), ("module", module.id, False)
        for lesson in bundle.lessons_of(module):
            yield lesson_path(module, lesson), ("lesson", lesson.id, True)
        yield facilitation_path(module), ("module", module.id, False)
        if any(bundle.lessons[lesson_id].exercises for lesson_id in module.lessons):
            yield handout_path(module), ("module", module.id, False)
        yield answer_key_path(module), ("module", module.id, False)
    worksheets = bundle.used_worksheets()
    for worksheet in worksheets:
        yield worksheet_path(worksheet.id), ("worksheet", worksheet.id, True)
    if worksheets:
        yield worksheets_pack_path(), None
    if bundle.glossary:
        yield glossary_path(), None
    if any(lesson.references for lesson in bundle.lessons.values()):
        yield bibliography_path(), None
    yield answer_key_path(), None
    yield my_work_path(), None
    if bundle.course.record is not None:
        yield record_path(), None
    yield sessions_path(), None
    yield course_map_path(), None
    yield from ((path, None) for path in INTERFACE_ASSETS)  # the interface's words for scripts and styles
    for page in guide_pages():
        yield page.path, None


def _describe(owner, path: str) -> str:
    if owner is None:
        return f"the generated page '{path}'"
    kind, item_id, _ = owner
    what = "facilitation guide" if kind == "module" and path.endswith("/facilitation.md") else "page"
    return f"the {what} of {kind} '{item_id}'"


def _problem(bundle: CourseBundle, owner, where: str, taken_by: str) -> Problem:
    kind, item_id, _ = owner
    path = bundle.sources.get((kind, item_id))
    message = f"{kind} '{item_id}' would be published at '{where}/', which is taken by {taken_by}"
    hint = "choose another id; the site cannot hold both"
    if path is None:
        return Problem("", 1, 1, "id", message, hint)
    source, _ = load_file(path, kind)
    return source.problem(("id",), message, hint=hint) if source.data is not None else \
        Problem(display_path(path), 1, 1, "id", message, hint)
