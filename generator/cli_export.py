"""`course export ...`: the course as packages for a learning management system.

Each export builds the learner edition afresh from the MkDocs configuration and writes one zip,
atomically. The instructor edition is never exported: `--edition instructor` is refused.
"""

from __future__ import annotations

from pathlib import Path

import click

from .export.scorm import VERSIONS, export_scorm
from .export.site import ExportError, refusal
from .instructor import EDITIONS


def _learner_only(ctx, param, value):
    if value != "learner":
        raise click.UsageError(refusal(f"--edition {value}"), ctx)
    return value


_edition = click.option("--edition", type=click.Choice(EDITIONS), default="learner", show_default=True,
                        callback=_learner_only, expose_value=False, is_eager=True,
                        help="Packages hold the learner edition only; 'instructor' is refused.")
_config = click.option("--config", "config_file", default="mkdocs.yml", show_default=True,
                       type=click.Path(path_type=Path, dir_okay=False),
                       help="The MkDocs configuration of the course.")


@click.group()
@_edition
def export() -> None:
    """Package the course for a learning management system.

    \b
    course export scorm                  SCORM 1.2 (Moodle, Blackboard, most LMSs)
    course export scorm --version 2004   SCORM 2004 4th edition
    """


@export.command()
@_edition
@_config
@click.option("--version", type=click.Choice(VERSIONS), default="1.2", show_default=True,
              help="SCORM 1.2, or 2004 (4th edition), which keeps 64,000 characters of saved work.")
@click.option("--out", "target", default=None, type=click.Path(path_type=Path, dir_okay=False),
              help="The package to write [default: build/scorm12.zip or build/scorm2004.zip].")
def scorm(config_file: Path, version: str, target: Path | None) -> None:
    """A SCORM package: completion, score, the page to resume at and the learner's work."""
    name = f"scorm{version.replace('.', '')}.zip"
    _run(lambda: export_scorm(config_file, target or Path("build") / name, version), target or Path("build") / name)


def _run(action, target: Path) -> None:
    try:
        summary = action()
    except ExportError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1)
    click.echo(f"wrote {target} ({summary})")


COMMANDS = [export]
