"""`course pdf`: print a built site's worksheets, pack, answer keys and handouts to PDF."""

from __future__ import annotations

from pathlib import Path

import click

from .browser import ENV_VARIABLE
from .freshness import build_site, changed_since
from .pdf import PDF_DIR, PdfError, parse_papers, render_pdfs


@click.command()
@click.option("--site", "site_dir", default="site", show_default=True,
              type=click.Path(path_type=Path, file_okay=False), help="The built site (make site).")
@click.option("--paper", "papers", default="a4", show_default=True, metavar="SIZES",
              help="Paper size: a4, letter, or both side by side (a4,letter).")
@click.option("--browser", "browser", default=None, metavar="PATH",
              help=f"The Chromium or Chrome program to print with (or set {ENV_VARIABLE}); by default "
                   "the first found on PATH or where browsers are usually installed.")
@click.option("--content", "content_dir", default="content", show_default=True,
              type=click.Path(path_type=Path), help="The content the site is built from.")
@click.option("--config", "config", default="mkdocs.yml", show_default=True,
              type=click.Path(path_type=Path), help="The site's MkDocs configuration.")
@click.option("--build", "build_first", is_flag=True,
              help="Build the site first (as make site does) instead of refusing a stale one.")
def pdf(site_dir: Path, papers: str, browser: str | None, content_dir: Path, config: Path,
        build_first: bool) -> None:
    """Print each worksheet, the printable pack, answer keys and handouts of a built site to PDF.

    The PDFs go to SITE/pdf/<paper>/, and each page gets links to its PDFs. A site older than its
    content is refused (or rebuilt with --build). Needs Playwright and Chromium or Chrome; the
    ordinary site build needs neither.
    """
    try:
        paper_list = parse_papers(papers)
    except PdfError as error:
        raise click.BadParameter(str(error), param_hint="--paper") from None
    if build_first:
        result = build_site(config, site_dir)
        if result.returncode:
            _fail(f"building {site_dir} failed:\n{result.stderr.strip()}")
    else:
        stale = changed_since(site_dir, [content_dir, config, config.parent / "overrides"])
        if stale:
            _fail(f"{site_dir} is older than {stale}, changed since the site was built: rebuild it "
                  f"(make site) or run course pdf --build")
    try:
        written = render_pdfs(site_dir, paper_list, browser_option=browser,
                              log=lambda line: click.echo(line, err=True))
    except PdfError as error:
        _fail(str(error))
    sizes = " and ".join(size.upper() if size == "a4" else size.capitalize() for size in paper_list)
    click.echo(f"wrote {len(written)} PDFs ({sizes}) to {site_dir / PDF_DIR}")


def _fail(message: str) -> None:
    click.echo(message, err=True)
    raise SystemExit(1)
