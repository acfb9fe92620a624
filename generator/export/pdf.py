"""PDFs of the worksheets and the printable pack, rendered by headless Chromium from a built site.

Runs after the site is built, never inside `mkdocs build`, so the ordinary build needs no browser.
Pages that offer a PDF carry a slot in their HTML, `<!-- course:pdf NAME.pdf -->` (written by the
worksheet templates). Each such page is printed to `<site>/pdf/NAME.pdf` with the site's own print
stylesheet, and only then is a link to the file written into the slot: a site whose PDFs were not
built has no link to a missing file.
"""

from __future__ import annotations

import functools
import posixpath
import re
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ..publish import staged

PDF_DIR = "pdf"
PAPERS = {"a4": "A4", "letter": "Letter"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# The slot, and on a later run the link already written after it (so the command can run again).
_SLOT = re.compile(r"<!-- course:pdf (?P<name>[a-z0-9][a-z0-9/-]*\.pdf) -->(?:<a [^>]*>[^<]*</a><!-- /course:pdf -->)?")

class PdfError(Exception):
    """A problem that stops PDF rendering; its message says what to do."""


@dataclass(frozen=True)
class PdfPage:
    html: str  # path of the page's HTML file inside the site, e.g. "worksheets/x/index.html"
    name: str  # path of its PDF inside the site's pdf folder, e.g. "worksheets/x.pdf"


def find_pdf_pages(site_dir: Path) -> list[PdfPage]:
    """Every page of the built site that has a PDF slot, sorted by path."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        match = _SLOT.search(html.read_text(encoding="utf-8"))
        if match:
            pages.append(PdfPage(html.relative_to(site_dir).as_posix(), match["name"]))
    return pages


def render_pdfs(site_dir: Path, paper: str = "a4", browser=None) -> list[Path]:
    """Print every page with a PDF slot into site_dir/pdf/ and link it from its page.

    Returns the written PDF files. All PDFs are rendered before any file of the site is changed.
    `browser` is a running Playwright browser to use; by default Chromium is started for the run.
    """
    if paper not in PAPERS:
        raise PdfError(f"unknown paper size '{paper}': use one of {', '.join(PAPERS)}")
    site_dir = site_dir.resolve()
    pages = find_pdf_pages(site_dir) if site_dir.is_dir() else []
    if not pages:
        raise PdfError(f"{site_dir}: no worksheet pages found; build the site first (make site)")
    # Printed and linked in a copy of the site that replaces it only when every PDF is done: a
    # failed or stopped run leaves the site as it was.
    with staged(site_dir, copy_current=True) as staging:
        with serve(site_dir) as base_url:
            print_pages(base_url, pages, staging / PDF_DIR, paper, browser)
        for page in pages:
            link_pdf(staging, page, PAPERS[paper])
    return [site_dir / PDF_DIR / page.name for page in pages]


def print_pages(base_url: str, pages: list[PdfPage], out_dir: Path, paper: str, browser=None) -> None:
    """Print each page, as a fresh visitor with no saved answers, to out_dir/<name>."""
    if browser is not None:
        _print_with(browser, base_url, pages, out_dir, paper)
        return
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise PdfError("PDFs need Playwright: pip install -e '.[pdf]'") from None
    if not Path(CHROMIUM).exists():
        raise PdfError(f"PDFs need Chromium at {CHROMIUM}: apt-get install chromium")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                _print_with(browser, base_url, pages, out_dir, paper)
            finally:
                browser.close()
    except PlaywrightError as error:
        raise PdfError(f"Chromium failed: {error}") from None


def _print_with(browser, base_url: str, pages: list[PdfPage], out_dir: Path, paper: str) -> None:
    for page in pages:
        context = browser.new_context()  # empty storage: a blank worksheet to fill in by hand
        try:
            tab = context.new_page()
            tab.goto(base_url + page.html, wait_until="load")
            out = out_dir / page.name
            out.parent.mkdir(parents=True, exist_ok=True)
            print_to_pdf(tab, out, paper)
        finally:
            context.close()


def print_to_pdf(tab, path: Path, paper: str = "a4") -> None:
    """One open Playwright page to a PDF file.

    Margins, running heads and page numbers come from the site's print stylesheet (its @page rules),
    so a PDF looks like the page printed from the browser.
    """
    tab.pdf(path=str(path), format=PAPERS[paper], print_background=True)


def link_pdf(site_dir: Path, page: PdfPage, paper_label: str) -> None:
    """Write the link to the page's PDF into its slot, replacing a link from an earlier run."""
    html = site_dir / page.html
    href = posixpath.relpath(f"{PDF_DIR}/{page.name}", posixpath.dirname(page.html) or ".")
    link = (f'<!-- course:pdf {page.name} --><a class="md-button course-pdf-link" href="{href}" download>'
            f'Download PDF ({paper_label})</a><!-- /course:pdf -->')
    text = html.read_text(encoding="utf-8")
    html.write_text(_SLOT.sub(lambda match: link if match["name"] == page.name else match[0], text),
                    encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the browser drops connections it no longer needs (search index, sitemap) on close


class serve:
    """The site served over HTTP on a free localhost port while the block runs; yields its URL."""

    def __init__(self, site_dir: Path):
        handler = functools.partial(_QuietHandler, directory=str(site_dir))
        self.server = _QuietServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
