"""`course translations`: how far each translation of the course is, starter files, and source hashes.

\b
course translations                  each language: texts translated, untranslated and outdated
course translations start es         a starter translation beside every file that has none in es
course translations update FILE...   record the source texts FILE translates (all files when none)
"""

from __future__ import annotations

from pathlib import Path

import click

from .build import check_sources
from .errors import ContentError, format_report, plural
from .load import display_path, load_content
from .scaffold import schemas_dir
from .translation_status import record_hashes, starter_path, starter_translation, translation_warnings
from .translations import kind_shape, source_texts, translations_of

_content = click.option("--content", "content_dir", default="content", show_default=True,
                        type=click.Path(path_type=Path, file_okay=False), help="The course content folder.")


@click.group(invoke_without_command=True)
@_content
@click.pass_context
def translations(context, content_dir: Path) -> None:
    """How far each translation is; with a subcommand, start or record translations."""
    context.obj = content_dir
    if context.invoked_subcommand is not None:
        return
    sources, bundle, found = _course(content_dir)
    course = bundle.course
    if not course.translations:
        click.echo(f"{content_dir}: the course lists no translations (add `translations: [es]` to course.yml)")
        return
    warnings = translation_warnings(sources, found, course)
    if warnings:
        click.echo(format_report(warnings), err=True)
    total = sum(len(dict(source_texts(kind_shape(s.kind), s.data))) for s in sources if s.kind != "translation")
    for language in course.translations:
        done = sum(1 for t in found if t.language == language for text in t.texts.values() if text is not None)
        outdated = sum(1 for w in warnings if w.message.startswith("outdated") and f".{language}." in w.file)
        click.echo(f"{language}: {done} of {plural(total, 'text')} translated, {outdated} outdated")


@translations.command()
@click.argument("language")
@click.pass_obj
def start(content_dir: Path, language: str) -> None:
    """Write a starter translation into LANGUAGE beside every file that has none."""
    sources, bundle, found = _course(content_dir)
    if language not in bundle.course.translations:
        listed = ", ".join(bundle.course.translations) or "none"
        _fail(f"course.yml does not list '{language}' in translations (listed: {listed}): add it first")
    have = {id(t.source) for t in found if t.language == language}
    written = 0
    for source in sources:
        if source.kind == "translation" or id(source) in have:
            continue
        text = starter_translation(source, language, bundle.course.language, schemas_dir(content_dir))
        path = starter_path(source, language)
        if text is None or path.exists():
            continue
        path.write_text(text, encoding="utf-8")
        click.echo(f"created {display_path(path)}")
        written += 1
    click.echo(f"{plural(written, 'starter translation')} written: replace each ~ with its translation")


@translations.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.pass_obj
def update(content_dir: Path, files: tuple[Path, ...]) -> None:
    """Record, in each translation FILE, the source texts it now translates (every file when none).

    Run it once the translations in FILE are checked against their source: until the source changes
    again, they no longer count as outdated.
    """
    _, _, found = _course(content_dir)
    wanted = {path.resolve() for path in files}
    chosen = [t for t in found if not wanted or t.file.path.resolve() in wanted]
    missing = wanted - {t.file.path.resolve() for t in chosen}
    if missing:
        _fail("not a translation of this course: " + ", ".join(sorted(display_path(p) for p in missing)))
    for translation in chosen:
        text, count = record_hashes(translation)
        translation.file.path.write_text(text, encoding="utf-8")
        click.echo(f"recorded {plural(count, 'source text')} in {translation.file.display}")


def _course(content_dir: Path):
    """The loaded files, the course and its translations; exits with the problems when there are errors."""
    try:
        sources, problems = load_content(content_dir)
    except ContentError as error:
        _fail(str(error))
    bundle, _, problems = check_sources(content_dir, sources, problems)
    if bundle is None:
        _fail(format_report(problems))
    course = bundle.course
    found, problems = translations_of(sources, course.translations, course.language,
                                      next(s for s in sources if s.kind == "course"))
    if problems:
        _fail(format_report(problems))
    return sources, bundle, found


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise SystemExit(1)
