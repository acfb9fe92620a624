"""The glossary: content/glossary.yml as a page of the site, and the definitions that term links show.

A link `[text](term:ID)` goes to the term's entry on the glossary page; the first such link on a
page also carries the definition, shown when the learner points at the link or tabs to it (links.py
writes it; course.css shows it). A teaching check (teaching.py) warns about a lesson objective that
uses a glossary term which no link in the lesson defines.
"""

from __future__ import annotations

import re

from .catalogue import _
from .models import Glossary, Term

GLOSSARY_TEMPLATE = "glossary.md.j2"


def glossary_path() -> str:
    return "glossary.md"


def sorted_terms(glossary: Glossary) -> list[Term]:
    """The terms in alphabetical order, as the glossary page lists them."""
    return sorted(glossary.terms, key=lambda term: (term.term.casefold(), term.id))


def glossary_spec(spec_type, bundle, edition: str):
    """The glossary page, or None for a course without a glossary."""
    if bundle.glossary is None:
        return None
    title = glossary_title(bundle.glossary)
    return spec_type(GLOSSARY_TEMPLATE, glossary_path(), title, bundle.sources.get(("glossary", "glossary")),
                     {"glossary": bundle.glossary, "page_title": title, "terms": sorted_terms(bundle.glossary)},
                     (edition, bundle.course.id, bundle.glossary))


def glossary_title(glossary: Glossary) -> str:
    """The glossary.yml's own title, or the interface's word for a glossary when it keeps the default."""
    return _("Glossary") if glossary.title == Glossary.model_fields["title"].default else glossary.title


def term_tip(term: Term) -> str:
    """The definition as inline HTML, for the tip beside a term link (one paragraph)."""
    from .render import inline_markdown  # cached: every build asks again

    return re.sub(r"\s*</p>\s*<p>\s*", " ", inline_markdown(term.definition.strip()))


def term_names(term: Term) -> list[str]:
    return [term.term] + list(term.aliases)


def uses_term(text: str, term: Term) -> bool:
    """Whether plain text uses the term or one of its aliases: the words themselves, in any case."""
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) for name in term_names(term))
