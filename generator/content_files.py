"""What of the content folder a site publishes, and the files there that the generator never reads.

The course's YAML (with its instructor notes), template overrides and anything else left in
content/ (notes, editor backups, merge leftovers) stay private: a site holds its generated pages and
only the files of content/media/ that its pages use (`published_files`; see media.py). A file that looks like course content but is not
read (`lesson.yml~`, `Lesson.YML`, `lesson.yml.orig`) gets a warning, since its author may think it
is part of the course. That warning does not fail a strict build: such a file is never published,
and whatever the course misses without it (a lesson, an exercise) is an error or warning of its own.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote

from .errors import Problem
from .load import display_path
from .models import MEDIA_FOLDER

# Editor backups and swap files, merge and patch leftovers.
_LEFTOVER = re.compile(r"(~|\.(orig|rej|bak|backup|swp|swo|tmp|old)|#)$", re.IGNORECASE)
_COURSE_LIKE = re.compile(r"\.(ya?ml|j2)\b", re.IGNORECASE)
# Link targets in generated Markdown and HTML: ](target), src="target", href="target", poster="target". Each pattern
# starts with literal text, which the regex engine finds fast: pages of a large course are megabytes.
_LINKS = [re.compile(r"\]\(\s*<?([^)\s>]+)"), re.compile(r"""src=["']([^"']+)"""),
          re.compile(r"""href=["']([^"']+)"""), re.compile(r"""poster=["']([^"']+)""")]
_URL = re.compile(r"^([a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)  # a scheme, site-absolute, or anchor


def published_files(content_dir: Path, pages) -> set[str]:
    """The content files a site publishes as they are, by path below content_dir: the files of the
    media folder that a generated page uses (an image, a video, its captions, a download). Never a
    course file, a template, a backup, or a file outside content/media/.

    The one place that decides what leaves content/ besides the generated pages.
    """
    linked = set().union(*(_page_links(page.path, page.content) for page in pages))
    return {path for path in linked if _publishable(content_dir, path)}


def forget_page_links() -> None:
    """Let go of the pages _page_links keeps (a second copy of a whole course's Markdown) when no
    rebuild will ask for them again."""
    _page_links.cache_clear()


@functools.lru_cache(maxsize=2**15)  # an unchanged page (the same string) is not scanned again
def _page_links(page_path: str, content: str) -> frozenset[str]:
    """The site paths a page links to by relative links: ](x), src="x", href="x"."""
    folder, links = posixpath.dirname(page_path), set()
    for pattern in _LINKS:
        for match in pattern.finditer(content):
            target = unquote(re.split(r"[#?]", match[1])[0])
            # Links to pages (x.md, a folder) are MkDocs' business; media links name a file.
            if target and not _URL.match(target) and not target.endswith((".md", "/")):
                path = posixpath.normpath(posixpath.join(folder, target))
                if not path.startswith("../"):
                    links.add(path)
    return frozenset(links)


def _publishable(content_dir: Path, path: str) -> bool:
    name = posixpath.basename(path)
    private = (_COURSE_LIKE.search(name) or _LEFTOVER.search(name)
               or any(part.startswith(".") for part in path.split("/")))
    return not private and path.startswith(f"{MEDIA_FOLDER}/") and (content_dir / path).is_file()


def stray_files(content_dir: Path, templates_dir: Path | None = None) -> list[Problem]:
    """A warning for each file in content_dir that looks like course content but is never read."""
    problems = []
    for folder, subfolders, names in os.walk(content_dir, followlinks=True):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        in_templates = templates_dir is not None and _inside(Path(folder), templates_dir)
        for name in sorted(names):
            if _read_by_the_generator(name, in_templates):
                continue
            message = _what_is_wrong(name)
            if message:
                problems.append(Problem(display_path(Path(folder, name)), 1, 1, "", message,
                                        severity="warning"))
    return problems


def _read_by_the_generator(name: str, in_templates: bool) -> bool:
    if in_templates and name.endswith(".j2") and not name.startswith("."):
        return True
    # The files load.find_content_files reads (or reports as misplaced).
    return name.endswith((".yml", ".yaml")) and not name.startswith(".")


def _what_is_wrong(name: str) -> str:
    never = "it is not read and never published"
    yaml_like = re.search(r"\.ya?ml\b", name, re.IGNORECASE)
    if _LEFTOVER.search(name) and (_COURSE_LIKE.search(name) or name.endswith("~")):
        return f"not a course file: an editor backup or merge leftover; {never} (delete it when done)"
    if yaml_like:
        stem = name[:yaml_like.start()].lstrip(".")
        return (f"not a course file: course files end in lowercase '.yml' and are not hidden; {never} "
                f"(rename it to '{stem}.yml' if it belongs to the course)")
    if _COURSE_LIKE.search(name):
        return f"a template outside the templates folder: {never}"
    return ""


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True
