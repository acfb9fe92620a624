"""One page of a site to a PDF: accessible (tagged, with bookmarks, language and the course as
author), worksheets fitted onto fewer sheets where a little less writing space per line does it,
and the printable pack laid out for double-sided printing.

The layout itself is the site's print stylesheet; this module only measures the result (with
pypdf) and adjusts what a stylesheet cannot know before printing: how many pages each worksheet
takes, and so where the blank backs, the contents' page numbers and "Page 1 of 2" go.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..catalogue import _
from ..interface_assets import css_content

PAPERS = {"a4": "A4", "letter": "Letter"}
DEFAULT_GAP_MM = 8.0  # print.css's --course-rule-gap: one line of handwriting
SMALLEST_GAP_MM = 6.0  # narrower than narrow-ruled paper is too tight to write on
DEFAULT_PROMPT_GAP_MM, FITTED_PROMPT_GAP_MM = 5.0, 2.5  # print.css's --course-prompt-gap
# Height of the printed text area (the page less print.css's @page margins of 15 and 16 mm), in mm.
TEXT_HEIGHT_MM = {"a4": 297 - 31, "letter": 279.4 - 31}
TEXT_WIDTH_MM = {"a4": 210 - 32, "letter": 215.9 - 32}
PX_PER_MM = 96 / 25.4


@dataclass(frozen=True)
class Metadata:
    """What the PDF says about itself, besides the page title Chromium takes from the page."""

    author: str
    subject: str


@dataclass(frozen=True)
class Fitted:
    """A printed worksheet: its number of pages and the line spacing that gave it."""

    pages: int
    gap_mm: float = DEFAULT_GAP_MM


def print_to_pdf(tab, path: Path, paper: str = "a4", metadata: Metadata | None = None) -> int:
    """One open Playwright page to a tagged PDF with bookmarks; returns its number of pages.

    Margins, running heads and page numbers come from the site's print stylesheet (its @page
    rules), so a PDF looks like the page printed from the browser. Chromium takes the language from
    the page's `lang` and the bookmarks from its headings.
    """
    tab.pdf(path=str(path), format=PAPERS[paper], print_background=True, tagged=True, outline=True)
    return finish(path, metadata)


def finish(path: Path, metadata: Metadata | None) -> int:
    """Write the course into the PDF's metadata (in place of Chromium's user agent); count pages."""
    from pypdf import PdfReader, PdfWriter

    if metadata is None:
        return len(PdfReader(path).pages)
    writer = PdfWriter(clone_from=PdfReader(path))  # keeps the structure tree, bookmarks, language
    writer.add_metadata({"/Author": metadata.author, "/Subject": metadata.subject,
                         "/Creator": "course pdf"})
    with open(path, "wb") as out:
        writer.write(out)
    return len(writer.pages)


def page_metadata(tab, course_title: str) -> Metadata:
    """The site's author if it names one (site_author in mkdocs.yml), else the course."""
    author = tab.evaluate("() => document.querySelector('meta[name=author]')?.content || ''")
    return Metadata(author=author or course_title, subject=course_title)


# --- worksheets: fewer sheets ---------------------------------------------------------------------

# Closer lines, and less space between prompts whenever the lines are closer than usual.
_SET_GAP = """([selector, gap, promptGap]) => {
    document.querySelectorAll(selector).forEach(element => {
        element.style.setProperty("--course-rule-gap", gap + "mm");
        element.style.setProperty("--course-prompt-gap", promptGap + "mm");
    });
}"""

# Height of the printed content and of its writing space (ruled lines, table rows), in px, laid out
# as print media at the width of the paper's text, and its number of prompts.
_MEASURE = """(selector) => {
    const sheet = document.querySelector(selector);
    const spaces = sheet.querySelectorAll(".course-print-lines, table.course-table tbody tr");
    return [sheet.getBoundingClientRect().height,
            Array.from(spaces).reduce((sum, space) => sum + space.getBoundingClientRect().height, 0),
            sheet.querySelectorAll(".course-prompt").length];
}"""


def print_worksheet(tab, path: Path, paper: str, metadata: Metadata | None = None,
                    selector: str = ".md-content__inner") -> Fitted:
    """Print a worksheet page; a worksheet just over a page (or two) is printed on one sheet less
    with its lines closer together, when no less than SMALLEST_GAP_MM of writing space is left."""
    pages = print_to_pdf(tab, path, paper, metadata)
    if pages < 2:
        return Fitted(pages)
    for gap in _closer_gaps(tab, paper, pages, selector):
        trial = path.with_suffix(".fit.pdf")
        tab.evaluate(_SET_GAP, [selector, gap, FITTED_PROMPT_GAP_MM])
        fewer = print_to_pdf(tab, trial, paper, metadata)
        if fewer < pages:
            trial.replace(path)
            return Fitted(fewer, gap)
        trial.unlink()
    tab.evaluate(_SET_GAP, [selector, DEFAULT_GAP_MM, DEFAULT_PROMPT_GAP_MM])
    return Fitted(pages)


def _closer_gaps(tab, paper: str, pages: int, selector: str) -> list[float]:
    """Line spacings worth a try: the one that should save a sheet, and a little less in case."""
    tab.emulate_media(media="print")
    tab.set_viewport_size({"width": round(TEXT_WIDTH_MM[paper] * PX_PER_MM), "height": 1000})
    try:
        height, writing, prompts = tab.evaluate(_MEASURE, selector)
    finally:
        tab.emulate_media(media=None)
    saved_between = prompts * (DEFAULT_PROMPT_GAP_MM - FITTED_PROMPT_GAP_MM) * PX_PER_MM
    excess = height - (pages - 1) * TEXT_HEIGHT_MM[paper] * PX_PER_MM - saved_between
    if writing <= 0 or excess >= writing:
        return []
    needed = DEFAULT_GAP_MM * (1 - excess / writing)
    first = min(int(needed * 4) / 4, DEFAULT_GAP_MM - 0.25)  # down to a quarter millimetre
    return [gap for gap in (first, first - 0.5) if SMALLEST_GAP_MM <= gap < DEFAULT_GAP_MM]


# --- the printable pack -----------------------------------------------------------------------------

# Gives each worksheet of the pack its line spacing and "Page n of N", adds a blank back after the
# cover and after each worksheet of an odd number of pages, and writes the contents' page numbers.
_LAY_OUT_PACK = """([sheets, coverPages, blankText, pageNumbers]) => {
    document.querySelectorAll(".course-pack-blank, style[data-course-pack]").forEach(e => e.remove());
    const blank = () => {
        const page = document.createElement("div");
        page.className = "course-pack-blank";
        page.textContent = blankText;
        return page;
    };
    const cover = document.querySelector(".course-pack-cover");
    if (cover && coverPages % 2) cover.after(blank());
    let next = (cover ? coverPages + coverPages % 2 : 0) + 1;
    const end = getComputedStyle(document.body).direction === "rtl" ? "left" : "right";  // where lines end
    const rules = [];
    for (const sheet of document.querySelectorAll(".course-pack-sheet[data-worksheet]")) {
        const id = sheet.dataset.worksheet, [pages, gap] = sheets[id];
        sheet.style.setProperty("--course-rule-gap", gap + "mm");
        if (gap < 8) sheet.style.setProperty("--course-prompt-gap", "2.5mm");
        rules.push(`@page course-sheet-${id} { @bottom-${end} { content: ${pageNumbers[id]}; } }`);
        const entry = document.querySelector(`.course-pack-contents [data-worksheet="${id}"] .course-pack-contents-page`);
        if (entry) entry.textContent = String(next);
        if (pages % 2) sheet.after(blank());
        next += pages + pages % 2;
    }
    const style = document.createElement("style");
    style.dataset.coursePack = "";
    style.textContent = rules.join("\\n");
    document.body.appendChild(style);  // after the pack's own @page rules, so that it wins
    return next - 1;
}"""


def print_pack(tab, path: Path, paper: str, sheets: dict[str, Fitted], metadata: Metadata | None = None) -> int:
    """Print the pack page with each worksheet laid out as printed on its own (`sheets`, by id);
    returns the number of pages. The cover's length is measured by a first print when the
    cover turns out longer than a page."""
    rows = {worksheet_id: [fitted.pages, fitted.gap_mm] for worksheet_id, fitted in sheets.items()}
    blank = _("This page is left blank for double-sided printing.")
    # "Page 1 of 2" at the foot of each worksheet's pages, the count its own, in the course's language.
    numbers = {worksheet_id: css_content(_("Page %(page)s of %(pages)s", page="%(page)s", pages=str(fitted.pages)),
                                         page=f"counter(course-sheet-{worksheet_id})")
               for worksheet_id, fitted in sheets.items()}
    cover_pages = 1
    for _attempt in range(2):
        expected = tab.evaluate(_LAY_OUT_PACK, [rows, cover_pages, blank, numbers])
        pages = print_to_pdf(tab, path, paper, metadata)
        if pages == expected:
            return pages
        # A longer cover (a long contents list) moves everything after it: measure and lay out again.
        cover_pages = first_sheet_page(path) - 1 - cover_pages % 2  # less the blank back
    return pages


def first_sheet_page(path: Path) -> int:
    """The page (from 1) that the pack's first worksheet starts on, read from its bookmarks: the
    first bookmark after page 1, which is the cover's."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    starts, items = set(), list(reader.outline)
    while items:
        item = items.pop()
        if isinstance(item, list):
            items.extend(item)
        else:
            starts.add(reader.get_destination_page_number(item) + 1)
    return min((start for start in starts if start > 1), default=2)
