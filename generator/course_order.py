"""The order a learner goes through the course, for each page's Previous and Next links.

Navigation lists the worksheets in a section of their own; a learner goes lesson, its worksheet, next
lesson. `add_course_order` gives every page spec (from render.page_specs) its neighbours in that order
(`pager`: previous and next, each a (path, title) pair or None), and every worksheet the lesson it
belongs to (`from_lesson`, the first lesson that uses it). Both become inputs of the page, so a change
of a neighbour's title renders the page again.
"""

from __future__ import annotations

_LAST = ("worksheets_pack.md.j2", "glossary.md.j2", "bibliography.md.j2", "record.md.j2",
         "my_work.md.j2")  # after the modules, in this order
# The instructor edition's page on running the sessions comes first, right after the home page.
_FIRST = ("instructor/sessions.md.j2",)
# Pages to print, not to read on the way: never a Previous or Next.
_PRINT_ONLY = ("handout.md.j2", "instructor/answer_keys.md.j2")


def add_course_order(specs: list) -> None:
    """Set `pager` on every page spec with a template, and `from_lesson` on worksheet specs."""
    by_worksheet = {spec.context["worksheet"].id: spec for spec in specs if spec.template == "worksheet.md.j2"}
    order = []
    for spec in specs:
        if spec.template in (None, "worksheet.md.j2") + _FIRST + _LAST + _PRINT_ONLY:
            continue
        order.append(spec)
        lesson = spec.context.get("lesson") if spec.template == "lesson.md.j2" else None
        sheet = by_worksheet.pop(lesson.worksheet, None) if lesson is not None and lesson.worksheet else None
        if sheet is not None:
            _set(sheet, "from_lesson", (spec.path, spec.title))
            order.append(sheet)
    order[1:1] = [spec for spec in specs if spec.template in _FIRST]
    order += list(by_worksheet.values())  # none in practice: every worksheet page is used by a lesson
    order += [spec for name in _LAST for spec in specs if spec.template == name]
    for index, spec in enumerate(order):
        previous = order[index - 1] if index else None
        following = order[index + 1] if index + 1 < len(order) else None
        _set(spec, "pager", tuple((page.path, page.title) if page else None for page in (previous, following)))
    for spec in by_worksheet.values():
        _set(spec, "from_lesson", None)


def _set(spec, name: str, value) -> None:
    spec.context[name] = value
    spec.inputs = spec.inputs + ((name, value),)
