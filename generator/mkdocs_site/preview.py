"""`mkdocs serve --dirty` rebuilding only the pages a save changed.

MkDocs rebuilds every page on every save, although the generator knows which pages changed. Under
`--dirty` MkDocs keeps the site folder and skips a page whose file says it is not modified; the
course's files say so when their Markdown is the same as at the last build and nothing every page
shows changed: the navigation (titles, order, paths), mkdocs.yml, or the theme overrides. A title
edit therefore rebuilds every page, as every sidebar shows it; a body edit rebuilds one.

Pages that are rebuilt take their HTML from a cache of Markdown conversions when their Markdown did
not change (with or without `--dirty`): the usual case after a title edit. A page whose conversion
logged a warning (a broken link) is not cached, so the warning shows on every rebuild.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import FileSystemLoader
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from .conversion_cache import LogCount, conversion, files_digest, restore


def quiet_dirty_warning() -> None:
    """MkDocs warns on every `--dirty` build that the navigation may be stale; with the course's
    files telling it what changed, it is not, so the warning is dropped."""
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed"))


class CourseFile(File):
    """A generated page that can tell MkDocs' `--dirty` build it is unchanged since the last build."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class Preview:
    """What the last build of this `mkdocs serve` had: page contents, and what every page shows."""

    def __init__(self):
        self._contents: dict[str, tuple] = {}  # src_uri -> (Markdown, built page) of the last build
        self._shared = None  # what every page shows, at the last build
        self._converted: dict[str, tuple] = {}  # src_uri -> (key, what Page.render made)
        self._files_key = None

    def mark(self, files: list[CourseFile], shared, site_dir: str) -> int:
        """Mark the files whose page is the same as at the last build, delete the built pages of
        files gone since (`--dirty` keeps them); returns how many pages changed."""
        same_shared = shared == self._shared
        contents, changed = {}, 0
        for file in files:
            content = contents[file.src_uri] = (file.content_string, file.dest_uri)
            file.unchanged = same_shared and self._contents.get(file.src_uri) == content
            changed += not file.unchanged
        for uri, (_, dest) in self._contents.items():
            if uri not in contents and (Path(site_dir) / dest).is_file():
                (Path(site_dir) / dest).unlink()
        self._contents, self._shared = contents, shared
        self._converted = {uri: saved for uri, saved in self._converted.items() if uri in contents}
        return changed

    def cache_conversion(self, page: Page, files: Files) -> None:
        """Let page.render reuse the HTML of the same Markdown converted in an earlier build."""
        if self._files_key is None or self._files_key[0] is not files:
            # Links are resolved against the site's files: another set of files, another result.
            self._files_key = (files, files_digest(files))
        files_key = self._files_key[1]
        render = page.render

        def cached_render(config, files):
            key = (page.markdown, files_key)
            hit = self._converted.get(page.file.src_uri)
            if hit is not None and hit[0] == key:
                restore(page, hit[1], files, hit[1]["toc"])
                return
            with LogCount() as warnings:
                render(config, files)
            if warnings.count:
                self._converted.pop(page.file.src_uri, None)
            else:
                self._converted[page.file.src_uri] = (key, conversion(page, page.toc))

        page.render = cached_render


def shared_state(config_file: str | None, nav_entries: list, theme_dir: str | None) -> tuple:
    """What every page's HTML shows besides its own Markdown: the navigation, the configuration and
    the theme overrides (as file stamps)."""
    paths = [config_file] if config_file else []
    if theme_dir and os.path.isdir(theme_dir):
        paths += sorted(os.path.join(folder, name) for folder, _, names in os.walk(theme_dir) for name in names)
    stamps = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps.append((path, info.st_mtime_ns, info.st_size))
    return repr(nav_entries), tuple(stamps)


class ThemeListing:
    """`mkdocs serve` lists every file of the theme on every save to find its static files: 14,500
    files of Material (its icons), half a second. Material's folders do not change while serving, so
    they are listed once; the overrides folder (custom_dir) is listed again on every build."""

    def __init__(self):
        self._fixed: dict[tuple, list[str]] = {}

    def install(self, theme) -> None:
        get_env = theme.get_env

        def env_with_cached_listing():
            env = get_env()
            env.list_templates = lambda extensions=None, filter_func=None: self._list(theme, filter_func)
            return env

        theme.get_env = env_with_cached_listing

    def _list(self, theme, filter_func) -> list[str]:
        custom = [theme.custom_dir] if theme.custom_dir else []
        fixed_dirs = tuple(folder for folder in theme.dirs if folder not in custom)
        key = (fixed_dirs, tuple(sorted(theme.static_templates)))
        if key not in self._fixed:
            self._fixed[key] = [name for name in FileSystemLoader(list(fixed_dirs)).list_templates()
                                if filter_func is None or filter_func(name)]
        names = set(self._fixed[key])
        if custom:
            names.update(name for name in FileSystemLoader(custom).list_templates()
                         if filter_func is None or filter_func(name))
        return sorted(names)
