"""The authoring commands of `course`: `course schema`, `course docs`, `course messages` and `course new ...`.

Kept apart from cli.py so that the build commands and the authoring commands can change independently;
cli.py registers them on the `course` group.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from .build import check_course
from .errors import ContentError, did_you_mean, format_report, plural
from .guide import repository_docs
from .scaffold import (EXERCISE_TYPES, ScaffoldError, Scaffolded, first_lesson_title, new_exercise, new_lesson,
                       new_module, new_worksheet)
from .load import display_path
from .schema import write_schemas
from .teaching import is_starter_warning


@click.command()
@click.option("--out", "out_dir", default="schemas", show_default=True,
              type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write <kind>.schema.json files to.")
def schema(out_dir: Path) -> None:
    """Write a JSON Schema per content file kind, for editors that complete and check YAML."""
    for path in write_schemas(out_dir):
        click.echo(f"wrote {path}")


@click.command()
@click.option("--out", "out_dir", default="docs", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Folder to write the guide's pages to.")
def docs(out_dir: Path) -> None:
    """Write the authoring guide (how-to and content reference) as Markdown, from the models."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in repository_docs().items():
        (out_dir / name).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out_dir / name}")


@click.command()
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a catalogue is out of date.")
@click.option("--add", "new_locale", metavar="TAG", default=None,
              help="Start a catalogue for a new interface language (a BCP 47 tag such as fr or pt-BR).")
def messages(check: bool, new_locale: str | None) -> None:
    """Gather the interface's strings into generator/locales/course.pot and update every catalogue."""
    from .catalogue_extract import new_catalogue, stale_files, write_files
    from .language import canonical, language_problem
    if check:
        stale = stale_files()
        for path in stale:
            click.echo(f"{path}: out of date: run 'course messages'", err=True)
        raise SystemExit(1 if stale else 0)
    if new_locale is not None:
        # `pt_br` is taken as `pt-BR`; anything else wrong is said of what was typed.
        problem = language_problem(canonical(new_locale)) and language_problem(new_locale)
        if problem:
            _fail(f"--add: {problem}")
        click.echo(f"wrote {new_catalogue(canonical(new_locale))}")
    for path in write_files():
        click.echo(f"wrote {path}")


@click.group()
def new() -> None:
    """Start a new module, lesson, exercise or worksheet from a commented starter file.

    \b
    course new module --title "Staying in Touch"
    course new lesson --module growth-mindset --title "Asking for Help" --worksheet-title "My Asks"
    course new exercise --lesson asking-for-help --type scenario --title "The awkward ask"
    course new worksheet --lesson asking-for-help --title "People I Could Ask"

    Options left out are asked for. The new id is made from the title unless --id gives one.
    """


class _Kind(click.Choice):
    """A choice that says which allowed value a wrong one is close to, and lists them all."""

    def __init__(self, choices, what: str):
        super().__init__(choices)
        self.what = what

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        self.fail(f"'{value}' is not {self.what}{did_you_mean(value, self.choices)}; choose from: "
                  f"{', '.join(self.choices)}", param, ctx)


_EXERCISE_TYPE = _Kind(EXERCISE_TYPES, "an exercise type")
_content = click.option("--content", "content_dir", default="content", show_default=True,
                        type=click.Path(path_type=Path, file_okay=False), help="The course content folder.")
_id = click.option("--id", "new_id", default=None, help="The id (default: made from the title).")


@new.command("module")
@click.option("--title", prompt="Module title", help="The module title.")
@click.option("--lesson-title", default=None, help="Title of the module's first lesson.")
@click.option("--worksheet-title", default=None, help="Title of a new worksheet for that lesson ('' for none).")
@_id
@_content
def new_module_command(title, lesson_title, worksheet_title, new_id, content_dir) -> None:
    """A module folder with module.yml and a first lesson, added to course.yml's modules."""
    lesson_title = lesson_title or click.prompt("Title of its first lesson", default=first_lesson_title(content_dir))
    if worksheet_title is None:
        worksheet_title = click.prompt("Title of a reflection worksheet for that lesson (empty for none)",
                                       default="", show_default=False)
    _run(content_dir, new_module, content_dir, title, new_id, lesson_title, worksheet_title)


@new.command("lesson")
@click.option("--module", "module_id", default=None, help="Id of the module the lesson belongs to.")
@click.option("--title", default=None, help="The lesson title.")
@click.option("--worksheet-title", default=None, help="Title of a new worksheet for the lesson ('' for none).")
@_id
@_content
def new_lesson_command(module_id, title, worksheet_title, new_id, content_dir) -> None:
    """A lesson, added last to its module's lessons."""
    interactive = title is None
    module_id = module_id or click.prompt("Module", type=click.Choice(_ids(content_dir, "module")))
    title = title or click.prompt("Lesson title")
    if worksheet_title is None:
        worksheet_title = click.prompt("Title of a reflection worksheet for it (empty for none)", default="",
                                       show_default=False) if interactive else ""
    _run(content_dir, new_lesson, content_dir, title, module_id, new_id, worksheet_title)


@new.command("exercise")
@click.option("--lesson", "lesson_id", default=None, help="Id of the lesson the exercise belongs to.")
@click.option("--type", "exercise_type", default=None, type=_EXERCISE_TYPE, help="The kind.")
@click.option("--title", default=None, help="The exercise title.")
@_id
@_content
def new_exercise_command(lesson_id, exercise_type, title, new_id, content_dir) -> None:
    """An exercise, added to a lesson's exercises."""
    lesson_id = lesson_id or click.prompt("Lesson", type=click.Choice(_ids(content_dir, "lesson")))
    exercise_type = exercise_type or click.prompt("Type", type=_EXERCISE_TYPE,
                                                  default=EXERCISE_TYPES[0])
    title = title or click.prompt("Exercise title")
    _run(content_dir, new_exercise, content_dir, title, lesson_id, exercise_type, new_id)


@new.command("worksheet")
@click.option("--lesson", "lesson_id", default=None, help="Id of the lesson the worksheet belongs to.")
@click.option("--title", default=None, help="The worksheet title.")
@_id
@_content
def new_worksheet_command(lesson_id, title, new_id, content_dir) -> None:
    """A reflection worksheet, set as a lesson's worksheet."""
    lesson_id = lesson_id or click.prompt("Lesson", type=click.Choice(_ids(content_dir, "lesson")))
    title = title or click.prompt("Worksheet title")
    _run(content_dir, new_worksheet, content_dir, title, lesson_id, new_id)


def _ids(content_dir: Path, kind: str) -> list[str]:
    """The ids of a kind, for a prompt's choices."""
    try:
        bundle, _ = check_course(content_dir)
    except ContentError as error:
        _fail(f"fix these problems first:\n{error}")
    return [module.id for module in bundle.modules] if kind == "module" else list(bundle.lessons)


def _run(content_dir: Path, action, *args) -> None:
    try:
        result: Scaffolded = action(*args)
    except ScaffoldError as error:
        _fail(str(error))
    for path in result.created:
        click.echo(f"created {path}")
    for path in result.edited:
        click.echo(f"edited  {path}")
    for note in result.notes:
        click.echo(f"note: {note}")
    # The new files should validate at once. Only their own warnings are news here (the rest of the
    # course is `course validate`'s business), and their starter text is one note per file.
    try:
        _, warnings = check_course(content_dir)
    except ContentError as error:
        _fail(f"the new files are written, but the course has errors to fix:\n{error}")
    touched = {display_path(path) for path in result.created + result.edited}
    own = [warning for warning in warnings if warning.file in touched]
    starters = Counter(warning.file for warning in own if is_starter_warning(warning))
    own = [warning for warning in own if not is_starter_warning(warning)]
    if own:
        click.echo(format_report(own), err=True)
    for file, count in starters.items():
        click.echo(f"note: {file} holds {plural(count, 'starter text')} to replace with your own words "
                   "(`course validate` says where)")
    click.echo("next: edit the new file(s), then preview with `make serve` or check with `course validate`")


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(1)


COMMANDS = [schema, docs, messages, new]
