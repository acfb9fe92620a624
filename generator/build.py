"""The whole pipeline in one call, shared by the MkDocs plugin and the command line."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from .catalogue import speaking
from .check import CourseBundle, check
from .content_files import published_files
from .errors import ContentError, Problem
from .guide import add_guide_pages
from .instructor import edition_globals
from .language import language_name
from .links import link_problems, resolve_links, targets
from .load import SourceFile, display_path, load_content
from .media import media_problems, transcripts
from .paths import path_problems
from .publish import staged
from .render import Page, make_environment, navigation, render_pages
from .teaching import check_teaching, untranslated_interface
from .translation_status import translation_warnings
from .translations import translate, translations_of
from .template_cache import COMPILED_TEMPLATES
from .validate import validate


@dataclass
class BuildResult:
    bundle: CourseBundle
    pages: list[Page]
    nav: list
    warnings: list[Problem]


def check_course(content_dir: Path, language: str | None = None) -> tuple[CourseBundle, list[Problem]]:
    """Load, validate and check; returns the bundle and its warnings, or raises ContentError.

    language: one of course.yml's `translations`, for the course in that language (its texts from
    the translation files); None for the course as written, with every translation checked too.
    """
    sources, problems = load_content(content_dir)
    bundle, validated, problems = check_sources(content_dir, sources, problems)
    if bundle is None:
        raise ContentError(problems)
    if language is not None and language != bundle.course.language:
        return translated_course(content_dir, sources, bundle, language)
    problems += check_teaching(bundle, validated) + check_translations(content_dir, sources, bundle)
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return bundle, sorted(problems)


def check_sources(content_dir: Path, sources: list[SourceFile], problems: list[Problem]):
    """Validate and check loaded files: (bundle or None when there are errors, the valid files, problems)."""
    validation = validate(sources)
    bundle, check_problems = check(validation.files, validation.partial)
    problems = problems + validation.problems + check_problems + media_problems(content_dir, validation.files)
    if bundle is not None and not any(p.severity == "error" for p in problems):
        problems += path_problems(bundle)  # ids that would put two pages at one address
        problems += link_problems(bundle, validation.files)  # links by id and to pages, at their line
    if bundle is None or any(p.severity == "error" for p in problems):
        return None, validation.files, problems
    bundle.transcripts = transcripts(content_dir, validation.files)
    return bundle, validation.files, problems


def check_translations(content_dir: Path, sources: list[SourceFile], bundle: CourseBundle) -> list[Problem]:
    """The translation files checked against their sources, each language's course checked as a whole
    (a broken link in a translated text), and what is untranslated or outdated (warnings)."""
    course = bundle.course
    found, problems = translations_of(sources, course.translations, course.language,
                                      next((s for s in sources if s.kind == "course"), None))
    if any(p.severity == "error" for p in problems) or not course.translations:
        return problems
    # Each translation's site is published in a folder named by its tag, beside the course's pages.
    problems += path_problems(bundle, {f"{tag}/": f"the {language_name(tag)} site" for tag in course.translations})
    for language in course.translations:
        try:
            problems += translated_course(content_dir, sources, bundle, language, found)[1]
        except ContentError as error:
            problems += error.problems
    return problems + translation_warnings(sources, found, course)


def translated_course(content_dir: Path, sources: list[SourceFile], bundle: CourseBundle, language: str,
                      found: list | None = None) -> tuple[CourseBundle, list[Problem]]:
    """The course in one of its translations: its bundle, and what its interface lacks (warnings)."""
    course = bundle.course
    if language not in course.translations:
        listed = ", ".join(course.translations) or "none"
        course_yml = next(path for (kind, _), path in bundle.sources.items() if kind == "course")
        raise ContentError([Problem(display_path(course_yml), 1, 1, "translations",
                                    f"the course has no translation '{language}' (listed: {listed})")])
    if found is None:
        found, problems = translations_of(sources, course.translations, course.language, None)
        if problems:
            raise ContentError(problems)
    translated, validated, problems = check_sources(content_dir, translate(sources, found, language), [])
    errors = [problem for problem in problems if problem.severity == "error"]
    if translated is None or errors:
        raise ContentError(errors)
    course_file = next(item for item in validated if item.source.kind == "course")
    return translated, untranslated_interface(course_file)


def build_course(content_dir: Path, templates_dir: Path | None = None, edition: str = "learner",
                 directory_urls: bool = True, language: str | None = None) -> BuildResult:
    """Every stage up to rendered pages; raises ContentError when the content has errors.

    edition "instructor" adds instructor notes, timings, answer keys and facilitation guides.
    directory_urls: whether the site engine publishes a page at a/b/ (else a/b.html), for links
    written into HTML, which no engine rewrites. language: one of the course's translations.
    """
    bundle, warnings = check_course(content_dir, language)
    if templates_dir is not None and not templates_dir.is_dir():
        raise ContentError([Problem(str(templates_dir), 1, 1, "", "templates folder not found")])
    env = course_environment(templates_dir)
    env.globals.update(edition_globals(bundle, edition))
    with speaking(bundle.course.language):  # the interface's words in the course's language
        return assemble(bundle, render_pages(bundle, env, edition), warnings, edition, directory_urls)


def course_environment(templates_dir: Path | None) -> Environment:
    env = make_environment(templates_dir)
    env.bytecode_cache = COMPILED_TEMPLATES  # compiled once per process, not on every rebuild
    return env


def assemble(bundle: CourseBundle, pages: list[Page], warnings: list[Problem],
             edition: str = "learner", directory_urls: bool = True, resolve=resolve_links) -> BuildResult:
    """The rendered course pages with their links by id resolved and their navigation; the instructor
    edition adds the authoring guide. resolve: links.resolve_links or one that reuses its results.

    Learners never see the guide: it is for whoever writes the course (also in docs/, `course docs`).
    """
    pages = resolve(pages, targets(bundle), directory_urls)
    nav = navigation(bundle, pages)
    if edition == "instructor":
        pages, nav = add_guide_pages(pages, nav)  # generated from the models
    return BuildResult(bundle, pages, nav, warnings)


def write_pages(pages: list[Page], out_dir: Path, content_dir: Path | None = None) -> int:
    """Write pages to out_dir, with the media of content_dir they use, replacing out_dir whole only
    once every file is written. Returns how many media files were copied."""
    media = sorted(published_files(content_dir, pages)) if content_dir is not None else []
    with staged(out_dir) as staging:
        for page in pages:
            target = staging / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.content, encoding="utf-8")
        for name in media:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content_dir / name, staging / name)
    return len(media)
