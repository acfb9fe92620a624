"""The authoring commands of `course`: `course schema` and `course new ...`.

Kept apart from cli.py so that the build commands and the authoring commands can change independently;
cli.py registers them on the `course` group.
"""

from __future__ import annotations

from pathlib import Path

import click

from .schema import write_schemas


@click.command()
@click.option("--out", "out_dir", default="schemas", show_default=True,
              type=click.Path(path_type=Path, file_okay=False),
              help="Folder to write <kind>.schema.json files to.")
def schema(out_dir: Path) -> None:
    """Write a JSON Schema per content file kind, for editors that complete and check YAML."""
    for path in write_schemas(out_dir):
        click.echo(f"wrote {path}")


COMMANDS = [schema]
