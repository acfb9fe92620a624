"""PDFs of a built site's worksheets, printable pack, answer keys and handouts, printed by headless
Chromium.

Runs after the site is built, never inside `mkdocs build`, so the ordinary build needs no browser.
Pages that offer a PDF carry a slot in their HTML, `<!-- course:pdf NAME.pdf label="..." -->`
(written by their templates). Each such page is printed to `<site>/pdf/<paper>/NAME.pdf` with the
site's own print stylesheet, one folder per paper size so that A4 and Letter sit side by side, and
only then are links to the files written into the slot: a site whose PDFs were not built has no
link to a missing file.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..catalogue import _, speaking
from ..publish import staged
from .browser import CHROMIUM, CHROMIUM_ARGS, BrowserNotFound, find_browser, launch  # noqa: F401
from .paper import PAPERS, Fitted, page_metadata, print_pack, print_to_pdf, print_worksheet  # noqa: F401
from .server import serve  # noqa: F401 (the tests and benchmarks serve sites with it)

PDF_DIR = "pdf"
PACK = "printable-worksheets.pdf"

# The slot, and on a later run the links already written after it (so the command can run again).
_SLOT = re.compile(r'<!-- course:pdf (?P<name>[a-z0-9][a-z0-9/-]*\.pdf)(?: label="(?P<label>[^"]*)")? -->'
                   r'(?:(?:<a [^>]*>[^<]*</a>)*<!-- /course:pdf -->)?')
_LANG = re.compile(r"<html[^>]*\slang=\"([^\"]+)\"")


class PdfError(Exception):
    """A problem that stops PDF rendering; its message says what to do."""


@dataclass(frozen=True)
class PdfPage:
    html: str  # path of the page's HTML file inside the site, e.g. "worksheets/x/index.html"
    name: str  # path of its PDF inside a paper's folder, e.g. "worksheets/x.pdf"
    label: str = "the PDF"  # what the PDF is, for its link: "the blank form"

    @property
    def worksheet(self) -> str | None:
        """The worksheet id of a worksheet's own page."""
        match = re.fullmatch(r"worksheets/([a-z0-9-]+)\.pdf", self.name)
        return match[1] if match else None


def parse_papers(text: str) -> list[str]:
    """'a4', 'A4,letter' -> ['a4', 'letter']; raises PdfError naming an unknown size."""
    papers = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [paper for paper in papers if paper not in PAPERS]
    if unknown or not papers:
        raise PdfError(f"unknown paper size '{', '.join(unknown) or text}': use a4, letter or a4,letter")
    return list(dict.fromkeys(papers))


def find_pdf_pages(site_dir: Path) -> list[PdfPage]:
    """Every page of the built site that has a PDF slot, sorted by path."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        match = _SLOT.search(html.read_text(encoding="utf-8"))
        if match:
            pages.append(PdfPage(html.relative_to(site_dir).as_posix(), match["name"], match["label"] or "the PDF"))
    return pages


def render_pdfs(site_dir: Path, papers: list[str] | str = "a4", browser=None, browser_option: str | None = None,
                log=None) -> list[Path]:
    """Print every page with a PDF slot into site_dir/pdf/<paper>/ and link it from its page.

    Returns the written PDF files. All PDFs are rendered before any file of the site is changed.
    `browser` is a running Playwright browser to use; otherwise the program named by
    `browser_option` (or COURSE_BROWSER, or the first Chromium or Chrome found) is started for the
    run, and `log` is told which.
    """
    papers = parse_papers(papers) if isinstance(papers, str) else papers
    site_dir = site_dir.resolve()
    pages = find_pdf_pages(site_dir) if site_dir.is_dir() else []
    if not pages:
        raise PdfError(f"{site_dir}: no worksheet pages found; build the site first (make site)")
    course_title = _course_title(site_dir)
    # Printed and linked in a copy of the site that replaces it only when every PDF is done: a
    # failed or stopped run leaves the site as it was. The words added speak the course's language.
    with speaking(_site_language(site_dir)), staged(site_dir, copy_current=True) as staging:
        with serve(site_dir) as base_url:
            _with_browser(browser, browser_option, log, lambda running: [
                print_pages(running, base_url, pages, staging / PDF_DIR / paper, paper, course_title)
                for paper in papers])
        for page in pages:
            link_pdf(staging, page)
    return [site_dir / PDF_DIR / paper / page.name for paper in papers for page in pages]


def _with_browser(browser, browser_option: str | None, log, work) -> None:
    if browser is not None:
        work(browser)
        return
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("PDFs need Playwright and pypdf: pip install -e '.[pdf]'") from None
    try:
        with sync_playwright() as playwright:
            chosen = find_browser(browser_option, playwright_default=Path(playwright.chromium.executable_path))
            if log:
                log(f"printing with {chosen.describe()}")
            running = launch(playwright, chosen)
            try:
                work(running)
            finally:
                running.close()
    except BrowserNotFound as error:
        raise PdfError(str(error)) from None
    except PlaywrightError as error:
        raise PdfError(f"Chromium failed while printing: {str(error).splitlines()[0]}") from None


def print_pages(browser, base_url: str, pages: list[PdfPage], out_dir: Path, paper: str,
                course_title: str = "") -> None:
    """Print each page, as a fresh visitor with no saved answers, to out_dir/<name>: the worksheets
    first, since the pack is laid out from how each of them printed."""
    fitted: dict[str, Fitted] = {}
    ordered = sorted(pages, key=lambda page: (page.worksheet is None, page.name == PACK))
    for page in ordered:
        context = browser.new_context()  # empty storage: a blank worksheet to fill in by hand
        try:
            tab = context.new_page()
            tab.goto(base_url + page.html, wait_until="load")
            out = out_dir / page.name
            out.parent.mkdir(parents=True, exist_ok=True)
            metadata = page_metadata(tab, course_title)
            if page.worksheet:
                fitted[page.worksheet] = print_worksheet(tab, out, paper, metadata)
            elif page.name == PACK:
                print_pack(tab, out, paper, fitted, metadata)
            else:
                print_to_pdf(tab, out, paper, metadata)
        finally:
            context.close()


def link_pdf(site_dir: Path, page: PdfPage) -> None:
    """Write links to the page's PDFs, one per paper size the site has, into its slot."""
    html = site_dir / page.html
    links = []
    for paper, paper_label in PAPERS.items():
        if (site_dir / PDF_DIR / paper / page.name).is_file():
            href = posixpath.relpath(f"{PDF_DIR}/{paper}/{page.name}", posixpath.dirname(page.html) or ".")
            # TRANSLATORS: what is "the blank form", "the handout"...; paper is A4 or Letter.
            text = _("Download %(what)s (%(paper)s PDF)", what=page.label, paper=paper_label)
            links.append(f'<a class="md-button course-pdf-link" href="{href}" download>{escape(text)}</a>')
    label = f' label="{page.label}"' if page.label != "the PDF" else ""
    slot = f"<!-- course:pdf {page.name}{label} -->{''.join(links)}<!-- /course:pdf -->"
    text = html.read_text(encoding="utf-8")
    html.write_text(_SLOT.sub(lambda match: slot if match["name"] == page.name else match[0], text),
                    encoding="utf-8")


def _site_language(site_dir: Path) -> str:
    """The course's language, as its home page's <html lang> says (the build wrote it)."""
    try:
        found = _LANG.search((site_dir / "index.html").read_text(encoding="utf-8"))
    except OSError:
        found = None
    return found[1] if found else "en"


def _course_title(site_dir: Path) -> str:
    """The course's title, from the course map the site carries for its page scripts."""
    try:
        return json.loads((site_dir / "course-map.json").read_text(encoding="utf-8"))["title"]
    except (OSError, ValueError, KeyError):
        return ""
