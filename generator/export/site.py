"""A fresh learner-edition build of the course for an LMS package, and the package's atomic write.

An LMS serves a package from a file store: no folder index, no web root, no `site_url`. So the
package build names every page by its file (`use_directory_urls: false`), leaves out what only a
web host uses (sitemaps, the 404 page, whose links are absolute), turns off instant navigation
(it needs `site_url`) and adds the page script that talks to the LMS (assets/lms.js).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import zipfile
from pathlib import Path

from ..errors import plural
from ..publish import staging_dir

LMS_SCRIPT = "assets/lms.js"
# Written by MkDocs for a web host only; an LMS never serves them.
HOST_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


class ExportError(Exception):
    """A problem that stops an export; its message says what to do."""


def build_package_site(config_file: Path, site_dir: Path):
    """Build the learner edition of the course configured in config_file into site_dir.

    Returns the built CourseBundle. Raises ExportError for the instructor edition or a failed
    build, with MkDocs's messages (content errors included).
    """
    problems = _Problems()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(problems)
    try:
        return _build(config_file, site_dir, problems)
    finally:
        logger.removeHandler(problems)


def _build(config_file: Path, site_dir: Path, problems: _Problems):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(str(config_file), site_dir=str(site_dir), use_directory_urls=False, site_url="")
    except (MkDocsException, OSError) as error:
        raise ExportError("\n".join(problems.lines + [f"{config_file}: {error}"])) from None
    course = config.plugins.get("course")
    if course is None:
        raise ExportError(f"{config_file}: the course plugin is not enabled in this configuration")
    if course.config.edition != "learner":
        raise ExportError(refusal("the course plugin in " + str(config_file) + " builds the instructor edition"))
    config.theme["features"] = [f for f in config.theme.get("features", []) if f != "navigation.instant"]
    scripts = [str(script) for script in config.extra_javascript]
    # Right after the store, so that the LMS's saved state is in place before any page script reads it.
    position = scripts.index("assets/store.js") + 1 if "assets/store.js" in scripts else 0
    config.extra_javascript.insert(position, LMS_SCRIPT)
    course.keep_course = True  # read below
    try:
        build(config)
    except MkDocsException:
        raise ExportError("\n".join(problems.lines + ["the course did not build; nothing was written"])) from None
    return course.result.bundle


def refusal(reason: str) -> str:
    return (f"{reason}: LMS packages hold the learner edition only, so that instructor notes and "
            "answer keys never reach learners. Share the instructor edition with `make instructor`.")


def package_files(site_dir: Path) -> list[str]:
    """The files of a package build that go into the package, as sorted posix paths."""
    names = []
    for path in sorted(site_dir.rglob("*")):
        name = path.relative_to(site_dir).as_posix()
        if path.is_file() and name not in HOST_ONLY:
            names.append(name)
    return names


def pages(names: list[str]) -> list[str]:
    return [name for name in names if name.endswith(".html")]


@contextlib.contextmanager
def staging_for(target: Path):
    """A staging folder beside target for an export's build and zip, removed at the end (and by the
    next export if this process is killed), as the site's own staged publishing does."""
    staging = staging_dir(target)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def write_zip(target: Path, site_dir: Path, names: list[str], extra: dict[str, str]) -> str:
    """Zip the named files of site_dir plus `extra` (name -> text) into target, atomically.

    The zip is written in a staging folder beside target and renamed over it once complete, so
    target is either the whole new package or left as it was. Returns a summary line.
    """
    target = Path(target).resolve()
    with staging_for(target) as staging:
        partial = staging / target.name
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in sorted(extra.items()):  # the manifest first, where LMSs look for it
                archive.writestr(_entry(name), text)
            for name in names:
                archive.writestr(_entry(name), (site_dir / name).read_bytes())
        os.replace(partial, target)
    return f"{plural(len(names) + len(extra), 'file')}, {plural(len(pages(names)), 'page')}"


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))  # no build date: same content, same zip
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


class _Problems(logging.Handler):
    """MkDocs's warnings and errors during a build, to report them with the export's own error."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())
