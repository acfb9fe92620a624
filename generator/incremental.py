"""Incremental builds: reuse what did not change since the last build of the same course.

`mkdocs serve` rebuilds the whole site on every save. The cache lives here, at module level, keyed by
content folder and edition, so any build in the process can use it. A build reads again only the files
whose stamp (modification time, size, inode) changed, and whose bytes then really differ; validates
only those; runs the cross-file and teaching checks over the whole course (they are cheap); and
re-renders only the pages whose inputs (render.PageSpec.inputs) changed. A lesson's body edit
re-renders that lesson's page; a change of its minutes also its module page and the home page; of
its title, those and the course map.

The result is the same as build.build_course on the same content: same pages byte for byte, same
warnings, same errors (tests/test_incremental.py holds it to that).
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from .build import BuildResult, assemble, check_translations, course_environment
from .catalogue import current as current_interface, interface, speaking
from .check import CourseBundle, check
from .errors import ContentError, Problem
from .instructor import edition_globals
from .links import link_problems, resolve_links
from .load import SourceFile, display_path, find_content_files, load_file
from .media import media_problems, media_stamp, transcripts
from .paths import path_problems
from .render import Page, page_specs, render_page
from .teaching import file_warnings, minutes_warnings, reading_minutes, term_warnings
from .validate import Validation, validate

# File times can be coarse (a kernel tick, or whole seconds on some file systems): a file written
# within this long of when its stamp was taken might change again without its stamp changing, so
# its bytes are compared instead. The same rule as git's "racily clean" index entries.
RACY_NS = 2_000_000_000
_BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
_MAX_CACHES = 4  # content folders kept per process; tests build many temporary ones


@dataclass
class Regeneration:
    """What one build did again; the rest came from the previous build."""

    loaded: list[str] = field(default_factory=list)  # content files read again (display paths)
    rendered: list[str] = field(default_factory=list)  # pages rendered again (site paths)
    reused: int = 0  # pages taken unchanged from the previous build
    full: bool = True  # True when nothing could be reused (first build, templates changed)


@dataclass
class _Entry:
    """One content file as last read: enough to tell whether it changed, and what it gave."""

    stamp: tuple[int, int, int]
    checked_ns: int  # when the stamp was taken
    digest: bytes
    source: SourceFile
    problems: list[Problem]  # from loading
    validation: Validation | None = None  # None: not validated yet
    warnings: list[Problem] | None = None  # teaching warnings of this file alone (teaching.file_warnings)
    reading: int | None = None  # a lesson's reading minutes


class CourseCache:
    """The files, models and pages of the last build of one content folder."""

    def __init__(self, content_dir: Path, templates_dir: Path | None = None, edition: str = "learner",
                 directory_urls: bool = True):
        self.content_dir = content_dir
        self.directory_urls = directory_urls
        self.templates_dir = templates_dir
        self.edition = edition
        self._entries: dict[Path, _Entry] = {}
        self._listing: tuple | None = None  # (folder stamps, checked_ns, found files, problems)
        self._pages: dict[str, tuple[tuple, Page]] = {}
        self._templates: tuple | None = None  # (stamp, environment, has overrides)
        self._checked: tuple | None = None  # (state of the files, bundle, warnings) of the last check
        self._result: tuple | None = None  # (state of files and templates, BuildResult) of the last build
        self._resolved: tuple = (None, {})  # (link targets, path -> (rendered page, resolved page)) of the last build
        self.last = Regeneration()

    def build(self) -> BuildResult:
        """Every stage up to rendered pages, as build.build_course; raises ContentError on errors."""
        # A full garbage collection walks every object of the course (hundreds of milliseconds on a
        # large one) and a rebuild allocates enough to set one off. What a build leaves behind is
        # mostly freed by reference counting, so collections wait until it is done.
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._build()
        finally:
            if enabled:
                gc.enable()

    def _build(self) -> BuildResult:
        self.last = Regeneration()
        self._result, last = None, self._result
        bundle, warnings = self.check_course()
        if self.templates_dir is not None and not self.templates_dir.is_dir():
            raise ContentError([Problem(str(self.templates_dir), 1, 1, "", "templates folder not found")])
        # Same file entries (unchanged objects), media and templates: the last result still holds.
        state = (tuple(map(id, self._entries.values())), media_stamp(self.content_dir),
                 _templates_stamp(self.templates_dir), interface(bundle.course.language))
        if last is not None and last[0] == state:
            self.last.full, self.last.reused = False, len(last[1].pages)
            self._result = last
            return last[1]
        with speaking(bundle.course.language):  # the interface's words in the course's language
            result = assemble(bundle, self._render(bundle), warnings, self.edition, self.directory_urls,
                              self._resolve_links)
        self._result = (state, result)
        return result

    def check_course(self) -> tuple[CourseBundle, list[Problem]]:
        """Load, validate and check, as build.check_course, reading only files that changed."""
        if not self.content_dir.is_dir():
            raise ContentError([Problem(display_path(self.content_dir), 1, 1, "", "content folder not found")])
        found, problems = self._find()
        now = time.time_ns()
        entries, cached, stat = {}, self._entries, os.stat
        for path, kind in found:
            # The common case inline, unchanged since the last build: thousands of files per rebuild.
            old = cached.get(path)
            if old is not None and old.source.kind == kind:
                try:
                    info = stat(path)
                except OSError:
                    pass
                else:
                    if (old.stamp == (info.st_mtime_ns, info.st_size, info.st_ino)
                            and info.st_mtime_ns < old.checked_ns - RACY_NS):
                        entries[path] = old
                        continue
            entries[path] = self._entry(path, kind, now)
        self._entries = entries
        # Like a clean build, go on past files that did not load, to report every problem at once.
        problems = problems + [problem for entry in entries.values() for problem in entry.problems]
        # The same entry objects as at the last successful check: nothing was read again.
        state = (tuple(map(id, entries.values())), media_stamp(self.content_dir))
        if not problems and self._checked is not None and self._checked[0] == state:
            return self._checked[1], list(self._checked[2])
        self._checked = None
        files, partial = [], []
        for entry in entries.values():
            if entry.validation is None:
                entry.validation = validate([entry.source])
            problems.extend(entry.validation.problems)
            files.extend(entry.validation.files)
            partial += entry.validation.partial
        bundle, check_problems = check(files, partial)
        problems += check_problems + media_problems(self.content_dir, files)
        if bundle is not None and not any(p.severity == "error" for p in problems):
            problems += path_problems(bundle)  # ids that would put two pages at one address
            problems += link_problems(bundle, files)  # links by id and to pages, at their line
        if bundle is None or any(p.severity == "error" for p in problems):
            raise ContentError(problems)
        bundle.transcripts = transcripts(self.content_dir, files)
        problems += check_translations(self.content_dir, [entry.source for entry in entries.values()], bundle)
        if any(p.severity == "error" for p in problems):
            raise ContentError(problems)
        problems = sorted(problems + self._teaching(bundle, entries.values()))
        self._checked = (state, bundle, list(problems))
        return bundle, problems

    @staticmethod
    def _teaching(bundle: CourseBundle, entries) -> list[Problem]:
        """teaching.check_teaching, keeping what depends on one file alone with the file."""
        problems = []
        for entry in entries:
            for item in entry.validation.files:
                if entry.warnings is None:
                    entry.warnings = file_warnings(item)
                    entry.reading = reading_minutes(item.model) if item.source.kind == "lesson" else None
                problems += entry.warnings
                if item.source.kind == "lesson":  # also depends on its exercises' and worksheet's minutes
                    problems += minutes_warnings(item, bundle, entry.reading) + term_warnings(item, bundle)
        return problems

    def _find(self) -> tuple[list[tuple[Path, str]], list[Problem]]:
        """find_content_files, skipped while no folder of the course changed.

        Adding, removing or renaming a file changes its folder's modification time, so stamping the
        folders (a few hundred) is enough to know the listing still holds.
        """
        now = time.time_ns()
        if self._listing is not None:
            stamps, checked_ns, found, problems = self._listing
            if all(_folder_stamp(folder) == stamp and stamp[0] < checked_ns - RACY_NS
                   for folder, stamp in stamps.items()):
                return found, problems
        found, problems = find_content_files(self.content_dir)
        stamps = {}
        for folder, subfolders, _ in os.walk(self.content_dir, followlinks=True):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            stamps[folder] = _folder_stamp(folder)
        self._listing = (stamps, now, found, problems)
        return found, problems

    def _entry(self, path: Path, kind: str, now: int) -> _Entry:
        """A file whose stamp changed (check_course keeps the others): the cached entry when its bytes
        are the same, else the file read again."""
        old = self._entries.get(path)
        try:
            info = os.stat(path)
            stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            stamp = (0, -1, 0)
        raw = _read(path)
        digest = hashlib.blake2b(raw, digest_size=16).digest()
        if old is not None and old.source.kind == kind and old.digest == digest:
            old.stamp, old.checked_ns = stamp, now  # touched, or racy: same bytes, same result
            return old
        source, problems = load_file(path, kind)
        self.last.loaded.append(source.display)
        return _Entry(stamp, now, digest, source, problems)

    def _render(self, bundle: CourseBundle) -> list[Page]:
        env, overridden = self._environment()
        env.globals.update(edition_globals(bundle, self.edition))
        # An instructor's template may read any value of the course, so inputs say nothing about it.
        reuse = not overridden
        interface = current_interface()  # a page is made again when its language or catalogue changed
        pages, kept = [], {}
        for spec in page_specs(bundle, self.edition):
            key = (spec.inputs, spec.title, spec.source, interface)
            old = self._pages.get(spec.path)
            if reuse and old is not None and old[0] == key:
                page = old[1]
                self.last.reused += 1
            else:
                page = render_page(env, bundle, spec)
                self.last.rendered.append(spec.path)
            kept[spec.path] = (key, page)
            pages.append(page)
        self._pages = kept
        self.last.full = self.last.reused == 0
        return pages

    def _resolve_links(self, pages: list[Page], found, directory_urls: bool) -> list[Page]:
        """links.resolve_links, reusing the last build's result for a page rendered then (the same
        object) while no link target of the course moved. Resolving reads the pages and the glossary's
        tips of the targets (a section's heading anchors are for the link checks)."""
        last_found, last = self._resolved
        same = last_found is not None and (last_found.pages, last_found.tips) == (found.pages, found.tips)
        resolved, kept = [], {}
        for page in pages:
            old = last.get(page.path)
            if same and old is not None and old[0] is page:
                result = old[1]
            else:
                result = resolve_links([page], found, directory_urls)[0]
            kept[page.path] = (page, result)
            resolved.append(result)
        self._resolved = (found, kept)
        return resolved

    def _environment(self):
        """The Jinja environment, made again (and every page re-rendered) when a template changed."""
        stamp, overridden = _templates_stamp(self.templates_dir)
        if self._templates is None or self._templates[0] != stamp:
            self._templates = (stamp, course_environment(self.templates_dir), overridden)
            self._pages = {}
        return self._templates[1], self._templates[2]


def _folder_stamp(folder: str) -> tuple[int, int]:
    try:
        info = os.stat(folder)
    except OSError:
        return (0, -1)
    return (info.st_mtime_ns, info.st_ino)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""  # load_file reports the unreadable file


def _templates_stamp(templates_dir: Path | None) -> tuple[tuple, bool]:
    """A stamp of every template file, built-in and overriding; and whether any override exists."""
    stamps, overridden = [], False
    for root in (_BUILTIN_TEMPLATES, templates_dir):
        if root is None or not root.is_dir():
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                info = os.stat(os.path.join(folder, name))
                stamps.append((folder, name, info.st_mtime_ns, info.st_size))
                overridden = overridden or (root is templates_dir and name.endswith(".j2"))
    return tuple(sorted(stamps)), overridden


_CACHES: OrderedDict[tuple, CourseCache] = OrderedDict()


def cache_for(content_dir: Path, templates_dir: Path | None = None, edition: str = "learner",
              directory_urls: bool = True) -> CourseCache:
    """The cache of one content folder, edition and kind of address in this process, made on first use."""
    # Messages show paths relative to the working folder, so a cache is only good for one of them.
    key = (Path(content_dir).resolve(), Path(templates_dir).resolve() if templates_dir else None, edition,
           directory_urls, os.getcwd())
    cache = _CACHES.get(key)
    if cache is None:
        cache = _CACHES[key] = CourseCache(Path(content_dir), Path(templates_dir) if templates_dir else None,
                                           edition, directory_urls)
        while len(_CACHES) > _MAX_CACHES:
            _CACHES.popitem(last=False)
    _CACHES.move_to_end(key)
    return cache


def build_course(content_dir: Path, templates_dir: Path | None = None, edition: str = "learner",
                 directory_urls: bool = True) -> BuildResult:
    """build.build_course, reusing the unchanged files and pages of this process's last build."""
    return cache_for(content_dir, templates_dir, edition, directory_urls).build()
