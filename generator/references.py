"""References: a lesson's `references`, shown as "Further reading" on its page, and the course
bibliography, which collects every lesson's references, sorted and without repeats."""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import _
from .check import CourseBundle
from .models import Reference

BIBLIOGRAPHY_TEMPLATE = "bibliography.md.j2"


def bibliography_path() -> str:
    return "bibliography.md"


@dataclass(frozen=True)
class Entry:
    """One work of the bibliography and the lessons that cite it, in course order."""

    reference: Reference
    lessons: tuple  # (lesson id, lesson title, lesson page path)


def _key(reference: Reference) -> tuple:
    """Two references are one work when author, title and year agree, whatever the case or spacing."""
    return (" ".join(reference.author.casefold().split()), " ".join(reference.title.casefold().split()),
            reference.year)


def bibliography(bundle: CourseBundle) -> list[Entry]:
    """Every work the lessons cite, once, sorted by author, year and title."""
    from .render import lesson_path

    works: dict[tuple, tuple[Reference, list]] = {}
    for lesson in bundle.lessons.values():
        page = lesson_path(bundle.module_of_lesson[lesson.id], lesson)
        for reference in lesson.references:
            reference_, cited = works.setdefault(_key(reference), (reference, []))
            if lesson.id not in [entry[0] for entry in cited]:
                cited.append((lesson.id, lesson.title, page))
    return [Entry(reference, tuple(cited)) for key, (reference, cited) in sorted(works.items())]


def bibliography_spec(spec_type, bundle: CourseBundle, edition: str):
    """The bibliography page, or None when no lesson has references."""
    entries = bibliography(bundle)
    if not entries:
        return None
    return spec_type(BIBLIOGRAPHY_TEMPLATE, bibliography_path(), _("Bibliography"), None, {"entries": entries},
                     (edition, bundle.course.id, tuple(entries)))
