"""The `course` command line: validate content, or write the generated Markdown to a folder.

Content problems exit with status 1 and a compiler-style list, never a traceback; usage errors exit 2.
"""

from __future__ import annotations

from pathlib import Path

import click

from .build import build_course, check_course, write_pages
from .cli_authoring import COMMANDS as AUTHORING_COMMANDS
from .cli_export import COMMANDS as EXPORT_COMMANDS
from .cli_translations import translations as translations_commands
from .errors import ContentError, format_report, plural
from .export.command import pdf as pdf_command
from .instructor import EDITIONS
from .zensical.cli import zensical as zensical_commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build a self-paced course from YAML content.

    \b
    course validate [CONTENT_DIR]   check the content and report every problem
    course build --out DIR          write the generated Markdown pages to DIR
    course pdf [--site DIR]         print the worksheets of a built site to PDF
    course export scorm|cartridge   package the course for a learning management system
    course zensical build           build the site with Zensical into site-zensical/
    course messages                 update the interface's translation catalogues
    course translations             how far the course's translations are; start or record them
    """


@main.command()
@click.argument("content_dir", default="content", type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Treat warnings (teaching checks) as errors: exit 1.")
def validate(content_dir: Path, strict: bool) -> None:
    """Check CONTENT_DIR (default: content) and list every problem, or summarise what was found."""
    try:
        bundle, warnings = check_course(content_dir)
    except ContentError as error:
        _fail(error)
    if warnings:
        click.echo(format_report(warnings), err=True)
        if strict:
            click.echo("failed in strict mode: warnings count as errors", err=True)
            raise SystemExit(1)
    counts = ", ".join(plural(len(items), noun) for items, noun in (
        (bundle.modules, "module"), (bundle.lessons, "lesson"), (bundle.exercises, "exercise"),
        (bundle.worksheets, "worksheet")))
    click.echo(f"{content_dir}: OK: {counts}")


@main.command()
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write the Markdown pages to (replaced whole).")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="The course content folder.")
@click.option("--templates", "templates_dir", default=None, type=click.Path(path_type=Path),
              help="A folder of templates that override the built-in ones.")
@click.option("--edition", type=click.Choice(EDITIONS), default="learner", show_default=True,
              help="'instructor' adds notes, timings, answer keys and facilitation guides.")
@click.option("--language", default=None, metavar="TAG",
              help="One of course.yml's translations: the pages in that language.")
def build(out_dir: Path, content_dir: Path, templates_dir: Path | None, edition: str, language: str | None) -> None:
    """Write the generated Markdown pages to a folder, for inspection or another site builder.

    Nothing is written when the content has errors.
    """
    try:
        result = build_course(content_dir, templates_dir, edition, language=language)
    except ContentError as error:
        _fail(error)
    if result.warnings:
        click.echo(format_report(result.warnings), err=True)
    media = write_pages(result.pages, out_dir, content_dir)
    click.echo(f"wrote {len(result.pages)} pages to {out_dir}" + (f" and {plural(media, 'media file')}" if media else ""))


for _command in AUTHORING_COMMANDS + EXPORT_COMMANDS:  # course schema, course new ..., course export ...
    main.add_command(_command)
main.add_command(zensical_commands)  # course zensical build|serve: the second engine
main.add_command(pdf_command)
main.add_command(translations_commands)  # course translations [start LANG | update FILE...]


def _fail(error: Exception) -> None:
    click.echo(str(error), err=True)
    raise SystemExit(1)
