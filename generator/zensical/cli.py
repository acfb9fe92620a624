"""`course zensical build` and `course zensical serve`: the course built or previewed with Zensical."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ContentError, format_report
from .project import generate_project, read_mkdocs_config
from .serve import serve_project
from .site import ZensicalError, build_site

_CONFIG = click.option("-f", "--config-file", "mkdocs_yml", default="mkdocs.yml", show_default=True,
                       type=click.Path(path_type=Path, dir_okay=False, exists=True),
                       help="The MkDocs config whose theme and course plugin settings to use.")
_PROJECT = click.option("--project", default="build/zensical", show_default=True,
                        type=click.Path(path_type=Path, file_okay=False),
                        help="Folder of the generated Zensical project (pages and config).")


@click.group()
def zensical() -> None:
    """Build or preview the course with Zensical instead of MkDocs."""


@zensical.command()
@_CONFIG
@_PROJECT
@click.option("--site", "site_dir", default="site-zensical", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="Where the built site goes (replaced whole).")
@click.option("--strict/--no-strict", default=None,
              help="Fail on warnings: content teaching checks and Zensical's link checks.  [default: the config's strict]")
def build(mkdocs_yml: Path, project: Path, site_dir: Path, strict: bool | None) -> None:
    """Write the course as a Zensical project and build it into SITE.

    SITE changes only when everything succeeded: content errors and a failed Zensical build leave it as it was.
    """
    if strict is None:
        strict = bool(read_mkdocs_config(mkdocs_yml).get("strict", False))
    try:
        result = generate_project(mkdocs_yml, project, strict=strict)
        if result.warnings:
            click.echo(format_report(result.warnings), err=True)
        # A course in several languages: a project per translation, built into site/<tag>/.
        translations = tuple((tag, project.with_name(f"{project.name}-{tag}")) for tag in result.bundle.course.translations)
        for tag, translated in translations:
            generate_project(mkdocs_yml, translated, strict=strict, language=tag)
        build_site(project, site_dir, strict=strict, language=result.bundle.course.language,
                   translations=translations)
    except ContentError as error:
        _fail(f"{error}\nnothing was built; {site_dir} was left as it was")
    except ZensicalError as error:
        _fail(f"zensical build failed:\n{error}\n{site_dir} was left as it was")
    languages = f" in {len(translations) + 1} languages" if translations else ""
    click.echo(f"built {len(result.pages)} pages{languages} with Zensical into {site_dir}")


@zensical.command()
@_CONFIG
@_PROJECT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True,
              help="Address to serve at; instant navigation needs it to match site_url.")
def serve(mkdocs_yml: Path, project: Path, dev_addr: str) -> None:
    """Preview with `zensical serve`: every saved content file regenerates the pages it changed."""
    try:
        serve_project(mkdocs_yml, project, dev_addr)
    except ContentError as error:
        _fail(str(error))


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise SystemExit(1)
