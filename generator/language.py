"""The course's language: a BCP 47 tag in course.yml (`language: es`, `pt-BR`), checked against the
languages Babel knows, and the interface language each engine's theme is given for it.

The tag is written as BCP 47 spells it (language lowercase, script titlecase, region uppercase), so
one course never has two spellings of its language in its pages, PDFs and packages.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

DEFAULT = "en"
# language, then an optional script (Latn, Hant) and an optional region (BR, 419): what courses use.
TAG_PATTERN = r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$"  # the same, for the JSON schemas
_TAG = re.compile(r"^(?P<language>[a-z]{2,3})(?:-(?P<script>[A-Z][a-z]{3}))?(?:-(?P<region>[A-Z]{2}|[0-9]{3}))?$")
_TAG_ANY_CASE = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z]{4})?(?:[-_](?:[a-zA-Z]{2}|[0-9]{3}))?$")


def canonical(tag: str) -> str:
    """The tag in BCP 47's usual case, with hyphens: `PT_br` -> `pt-BR`, `zh-hant` -> `zh-Hant`."""
    parts = re.split(r"[-_]", tag)
    spelled = [parts[0].lower()]
    for part in parts[1:]:
        spelled.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(spelled)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Language names, in English and in each language itself, to their codes: `spanish` -> `es`."""
    names = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            names.setdefault(name.lower(), code)
    for code in list(names.values()):
        try:
            own = Locale.parse(code).get_display_name(code)
        except (UnknownLocaleError, ValueError):
            continue
        if own:
            names.setdefault(own.lower(), code)
    return names


def language_problem(tag: str) -> str | None:
    """Why `tag` cannot be the course's language, in the words of an error message; None if it can."""
    if not _TAG.match(tag):
        if _TAG_ANY_CASE.match(tag):
            return f"'{tag}' is written '{canonical(tag)}' in a language tag"
        code = _names().get(tag.strip().lower())
        hint = f": did you mean '{code}'?" if code else ": write a BCP 47 tag such as en, es, de or pt-BR"
        return f"'{tag}' is not a language tag{hint}"
    try:
        Locale.parse(tag, sep="-")
    except (UnknownLocaleError, ValueError):
        return f"no language is known by the tag '{tag}': write a BCP 47 tag such as en, es, de or pt-BR"
    return None


@lru_cache(maxsize=32)
def is_right_to_left(tag: str) -> bool:
    return Locale.parse(tag, sep="-").character_order == "right-to-left"


def html_direction(tag: str) -> str:
    """The `dir` attribute for an element in this language: ` dir="rtl"`, or nothing (left to right
    is every page's default, and English pages stay as they were)."""
    return ' dir="rtl"' if is_right_to_left(tag) else ""


def theme_language(tag: str, available: set[str]) -> str | None:
    """Which of a theme's interface languages serves `tag`: the tag itself, then its language and
    script, then its language alone (`pt-BR`, `zh-Hant`, `pt`). None when the theme has none of them."""
    match = _TAG.match(tag)
    if not match:
        return None
    language, script, region = match.group("language", "script", "region")
    candidates = [tag, f"{language}-{script}" if script else None, f"{language}-{region}" if region else None, language]
    return next((code for code in candidates if code and code in available), None)


def theme_languages(theme_dirs: list[Path]) -> set[str]:
    """The interface languages a theme has: Material and Zensical keep one partial per language."""
    return {path.stem for folder in theme_dirs for path in (Path(folder) / "partials" / "languages").glob("*.html")
            if path.stem != "custom"}


def declared_language(content_dir: Path) -> str:
    """The language course.yml gives, read ahead of the build for the theme's set-up; the default
    when it gives none or a wrong one (the build itself then reports what is wrong)."""
    from .load import load_file  # the loader imports the models, which import this module
    path = content_dir / "course.yml"
    if not path.is_file():
        return DEFAULT
    source, _ = load_file(path, "course")
    tag = source.data.get("language") if isinstance(source.data, dict) else None
    return tag if isinstance(tag, str) and language_problem(tag) is None else DEFAULT


def declared_title(content_dir: Path) -> str | None:
    """The course's title as course.yml gives it, read ahead of the build (None when it gives none)."""
    from .load import load_file
    path = content_dir / "course.yml"
    source = load_file(path, "course")[0] if path.is_file() else None
    title = source.data.get("title") if source and isinstance(source.data, dict) else None
    return title if isinstance(title, str) else None


def translated_site_name(site_name: str, content_dir: Path, translated_title: str) -> str:
    """A translation's site name: its course title, where the site is named after the course."""
    return translated_title if site_name == declared_title(content_dir) else site_name


def declared_translations(content_dir: Path) -> list[str]:
    """The translations course.yml lists, read ahead of the build as declared_language is: only the
    well-written tags, each once, other than the course's own language (the build reports the rest)."""
    from .load import load_file
    path = content_dir / "course.yml"
    if not path.is_file():
        return []
    source, _ = load_file(path, "course")
    data = source.data if isinstance(source.data, dict) else {}
    listed = data.get("translations") if isinstance(data.get("translations"), list) else []
    own = declared_language(content_dir)
    return list(dict.fromkeys(tag for tag in listed
                              if isinstance(tag, str) and language_problem(tag) is None and tag != own))


def interface_language(tag: str, theme_dirs: list[Path], engine: str) -> str:
    """The theme language for the course's tag; English, with a note on stderr, when the theme has
    no interface in that language (the note is not a warning: a strict build must not fail on it)."""
    chosen = theme_language(tag, theme_languages(theme_dirs))
    if chosen is None:
        print(f"course.yml: language '{tag}': {engine} has no interface in this language; its own labels "
              "(search, navigation, the palette switch) stay in English", file=sys.stderr, flush=True)
        return DEFAULT
    return chosen


def language_name(tag: str) -> str:
    """The language's name in English, for messages: `es` -> `Spanish`, `pt-BR` -> `Portuguese (Brazil)`."""
    return Locale.parse(tag, sep="-").english_name or tag
