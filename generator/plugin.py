"""The MkDocs plugin: a thin adapter that adds the generated course pages as virtual files."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler, get_relative_url

from . import build, incremental
from .content_files import forget_page_links, published_files, stray_files
from .catalogue import speaking
from .errors import ContentError, format_report
from .instructor import EDITIONS
from .interface_assets import palette_toggles, with_interface_assets
from .media_paths import html_media_urls
from .language import declared_language, declared_translations, interface_language, translated_site_name
from .paths import SITE_RESERVED, path_problems
from .preview_overlay import LIVE_UPDATE as LIVE_UPDATE_SCRIPT, SCRIPT as OVERLAY_SCRIPT, write_overlay
from .publish import replace_dir, staging_dir
from .quick_inline import QuickInlineExtension
from .render import html_text, nav_config
from .mkdocs_site import final_html, script_tags, search_index, sidebar
from .mkdocs_site.conversion_cache import ConversionCache
from .mkdocs_site.converter import SharedConverter
from .mkdocs_site.languages import LANGUAGE_VARIABLE, alternates, build_translations, translated_site_url
from .mkdocs_site.preview import CourseFile, Preview, ThemeListing, quiet_dirty_warning, shared_state
from .template_cache import COMPILED_TEMPLATES

log = get_plugin_logger(__name__)


class CoursePluginConfig(Config):
    content_dir = c.Type(str, default="content")
    templates_dir = c.Optional(c.Type(str))
    # "instructor" adds notes, timings, answer keys and facilitation guides (mkdocs-instructor.yml).
    edition = c.Choice(EDITIONS, default="learner")
    # Keep pages' Markdown conversions in .cache/course-markdown/ for the next build (conversion_cache.py).
    markdown_cache = c.Type(bool, default=True)


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    # Until on_startup, which the build API does not call.
    serving, dirty, last_good, preview, theme_listing = False, False, None, None, None
    # Whether self.result stays after the build, for what reads the course then (the LMS exports).
    keep_course = False

    def on_startup(self, *, command, dirty) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        self.dirty = dirty
        self.last_good = None
        self.preview_problems = []  # of the last build, for the overlay (generator/preview_overlay)
        # `mkdocs serve`: rebuild only the pages a save changed (all of them without --dirty).
        self.preview = Preview() if self.serving else None
        self.theme_listing = ThemeListing() if self.serving else None
        if self.serving and dirty:
            quiet_dirty_warning()

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for the next configuration loaded in the same process (it has
        # on_startup): a build there must not go on previewing.
        self.serving, self.dirty, self.last_good, self.preview, self.theme_listing = False, False, None, None, None

    @event_priority(100)  # before the search plugin, which takes its language from the theme
    def on_config(self, config):
        base = Path(config.config_file_path).parent
        self.content_dir = (base / self.config.content_dir).resolve()
        self.templates_dir = (base / self.config.templates_dir).resolve() if self.config.templates_dir else None
        # The course says its language; the theme's own labels and <html lang> follow it. A course in
        # several languages builds the source language, then each translation under /<tag>/.
        self.source_language = self.language = declared_language(self.content_dir)
        self.translations = declared_translations(self.content_dir)
        self.translation = os.environ.get(LANGUAGE_VARIABLE) or None
        if self.translation == self.source_language:
            self.translation = None
        if self.translation is not None:
            if self.translation not in self.translations:
                listed = ", ".join(self.translations) or "none"
                raise PluginError(f"{LANGUAGE_VARIABLE}={self.translation}: course.yml lists no such translation "
                                  f"(its translations: {listed})")
            self.language = self.translation
            if not self.serving:  # `mkdocs serve` serves at the address it was given, whatever on_config says
                config.site_url = translated_site_url(config.site_url, self.translation)
        if self.translations:  # Material's language switcher (overrides/partials/alternate.html)
            config.extra["alternate"] = alternates(self.source_language, self.translations, self.language)
        config.theme["language"] = interface_language(self.language, config.theme.dirs, "Material for MkDocs")
        if config.theme.get("palette"):  # the light and dark toggles' names, in the course's language
            with speaking(self.language):
                config.theme["palette"] = palette_toggles(config.theme["palette"])
        # Last, after the extensions whose inline passes it takes over (smarty's among them).
        config.markdown_extensions.append(QuickInlineExtension())
        config.extra_css, config.extra_javascript = with_interface_assets(config.extra_css, config.extra_javascript,
                                                                          ExtraScriptValue)
        # The site is built into a staging folder and replaces the published one only when the
        # whole build succeeded (on_post_build). `mkdocs serve` builds into a folder of its own, and
        # a --dirty build adds to the published site on purpose.
        self.published_dir = None
        if not getattr(self, "serving", False) and not getattr(self, "dirty", False):
            self.published_dir = Path(config.site_dir).resolve()
            self.staging = staging_dir(self.published_dir)
            config.site_dir = str(self.staging)
            # Strict mode fails a build on any warning of a `mkdocs.*` logger, but only after
            # on_post_build: count them too, to know whether this build will fail.
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)
        if self.theme_listing:
            self.theme_listing.install(config.theme)
        return config

    def on_pre_build(self, config) -> None:
        cache = (ConversionCache.for_build(config, f"{self.config.edition} {self.translation}")
                 if self.config.markdown_cache else None)
        self.converter = SharedConverter(config, cache)
        # Every search plugin's on_config has run (and made its index) by now.
        search_index.install(config.plugins)
        try:
            # `mkdocs serve` rebuilds on every save: the incremental build reuses unchanged files and
            # pages. A one-off build does not keep the files it read (their data and positions).
            if self.translation is not None:
                self.result = build.build_course(self.content_dir, self.templates_dir, self.config.edition,
                                                 config.use_directory_urls, language=self.translation)
                config.site_name = translated_site_name(config.site_name, self.content_dir,
                                                        self.result.bundle.course.title)
            else:
                make = incremental.build_course if self.serving else build.build_course
                self.result = make(self.content_dir, self.templates_dir, self.config.edition,
                                   config.use_directory_urls)
        except ContentError as error:
            if not self._keep_last_good(error):
                raise PluginError(f"course content has errors:\n{error}") from None
        else:
            self.preview_problems = []

    def _keep_last_good(self, error: ContentError) -> bool:
        """While serving, go on with the last good course instead of a broken one, and tell of its
        problems in the terminal and over the open page; False when there is none to go on with."""
        if not (getattr(self, "serving", False) and self.last_good):
            return False
        # The dev server blocks every request while a rebuild fails, so serve the last good
        # course and print the errors (not logged: a strict build would stop on them).
        print(f"course content has errors; still serving the last good version:\n{error}",
              file=sys.stderr, flush=True)
        self.result, self.preview_problems = self.last_good, error.problems
        return True

    def on_files(self, files: Files, config) -> Files:
        # Nothing from the content folder is published but the media that pages link to: not the
        # YAML (with its instructor notes), templates, notes or backups.
        public = {os.path.join(self.content_dir, path) for path in published_files(self.content_dir, self.result.pages)}
        located = _content_location(config.docs_dir, self.content_dir)
        for file in [file for file in files if file.abs_src_path]:
            path = located(file.abs_src_path)
            if path is not None and path not in public:
                files.remove(file)
        # An id whose page would take the place of a file of the theme or of a plugin.
        problems = path_problems(self.result.bundle, _engine_outputs(files, config))
        if problems and not self._keep_last_good(ContentError(problems)):
            raise PluginError(f"course content has errors:\n{format_report(problems)}")
        result = self.result
        self.last_good = result if self.serving else None
        if result.warnings:
            for line in format_report(result.warnings).splitlines()[:-1]:
                log.warning(line)
        for problem in stray_files(self.content_dir, self.templates_dir):
            print(problem, file=sys.stderr, flush=True)  # not logged: strict builds do not stop on these
        generated = []
        for page in result.pages:
            file = (CourseFile if self.preview else File).generated(config, page.path, content=page.content)
            if page.source is not None:
                file.edit_uri = _relative_source(page.source, self.content_dir)
            files.append(file)
            generated.append(file)
        config.nav = nav_config(result.nav)  # titles escaped: Material shows them as HTML
        self.titles = {page.path: page.title for page in result.pages}
        self.final_parts = {}  # src_uri -> the parts of its page set aside from Markdown
        if self.preview:
            shared = shared_state(config.config_file_path, config.nav, config.theme.custom_dir)
            changed = self.preview.mark(generated, shared, config.site_dir)
            log.debug(f"{changed} of {len(generated)} pages changed")
        # Page scripts key saved answers and progress by the course id (overrides/main.html).
        config.extra["course_id"] = result.bundle.course.id
        if not self.serving and not self.keep_course:
            # A one-off build needs nothing of the course past this point but the pages' Markdown,
            # which the files now hold: let the course (its models, sources and positions) go.
            self.result = None
            forget_page_links()
        return files

    def on_pre_page(self, page, config, files):
        self.converter.install(page)  # one Markdown instance for all pages, when it can be
        if self.preview and isinstance(page.file, CourseFile):
            self.preview.cache_conversion(page, files)
        return page

    def on_page_markdown(self, markdown, page, config, files):
        # Material writes a page's title into <title> through `striptags`, which undoes the escaping
        # of the nav title; a meta title is written as it is. Only titles that need escaping get one.
        title = getattr(self, "titles", {}).get(page.file.src_uri)
        if title is not None and html_text(title) != title:
            page.meta["title"] = html_text(title)
        if not self.serving and title is not None:
            # The page holds its Markdown now; a one-off build need not keep a second copy.
            page.file.content_string = ""
        markdown, self.final_parts[page.file.src_uri] = final_html.set_aside(markdown)
        return markdown

    def on_post_page(self, output, page, config):
        # Material writes the tag of its own translation (`es` for a course in `es-MX`).
        output = final_html.set_language(output, self.language)
        if not self.serving:
            return output
        # Previewing only: the scripts that show a failed save's problems over the page and a good
        # save in place (generator/preview_overlay).
        body_end = output.rfind("</body>")
        tag = "".join(f'<script src="{get_relative_url(script, page.url)}"></script>\n'
                      for script in (OVERLAY_SCRIPT, LIVE_UPDATE_SCRIPT))
        return output[:body_end] + tag + output[body_end:] if body_end >= 0 else output + tag

    def on_post_template(self, output_content, template_name, config):
        return final_html.set_language(output_content, self.language)  # 404.html

    def on_page_content(self, html, page, config, files):
        parts = self.final_parts.pop(page.file.src_uri, [])
        if parts:
            page.present_anchor_ids = (page.present_anchor_ids or set()) | final_html.anchor_ids(parts)
        # MkDocs rewrites Markdown's links for the page's address, not raw HTML's (a <video>, an <img>
        # in an exercise); Zensical rewrites both.
        return html_media_urls(final_html.put_back(html, parts), page.file.src_uri, page.url)

    def on_env(self, env, config, files):
        env.bytecode_cache = COMPILED_TEMPLATES  # Material's templates compile once per `mkdocs serve`
        # The sidebar is drawn once per build, not once per page (pages x nav items at 1,000 lessons).
        sidebar.install(env)
        script_tags.install(env)  # some thirty tags, the same at every page of a depth
        return env

    @event_priority(-100)  # after every other plugin has written its files into the site
    def on_post_build(self, config) -> None:
        if self.converter.cache is not None and not self.serving and not self.dirty:
            self.converter.cache.prune()  # every page was converted or read: the rest are gone
        if self.serving:  # the problems of this build (none when it was good) for the overlay
            write_overlay(Path(config.site_dir), self.preview_problems, live_update=True)
        if self.published_dir is None:
            return
        # MkDocs' own counter (from the start of the build) and ours, whichever is there.
        counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
        if config.strict and any(counter.get_counts() for counter in counters):
            return  # MkDocs aborts the build right after this event; on_build_error cleans up
        if self.translations and self.translation is None:  # each into its folder of this site
            build_translations(config.config_file_path, Path(config.site_dir), self.translations, config.strict)
        replace_dir(Path(config.site_dir), self.published_dir)
        config.site_dir = str(self.published_dir)  # for what runs after the build (gh-deploy)
        self._end_staging()

    def on_build_error(self, error) -> None:
        if getattr(self, "published_dir", None) is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self._end_staging()

    def _end_staging(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.published_dir = None

    def on_serve(self, server, config, builder):
        # Saving a YAML file rebuilds and reloads the browser, wherever content/ lives.
        server.watch(str(self.content_dir))
        if self.templates_dir and self.templates_dir.is_dir():
            server.watch(str(self.templates_dir))
        # MkDocs polls for changes every 0.5 s; poll the few content files every 0.1 s so that a save
        # shows within a second. (No public setting exists; if watchdog changes, the default stays.)
        for emitter in getattr(server.observer, "emitters", ()):
            if hasattr(emitter, "_timeout"):
                emitter._timeout = 0.1
        return server


def _engine_outputs(files: Files, config) -> dict[str, str]:
    """What this build publishes besides the course's pages: the theme's and plugins' files (the
    content folder's are removed by now) and the theme's own pages, by top-level file or folder."""
    outputs = dict(SITE_RESERVED)
    for file in files:
        top, _, rest = file.dest_uri.partition("/")
        outputs.setdefault(f"{top}/" if rest else top, "files of the theme or of a plugin")
    for name in config.theme.static_templates:
        outputs.setdefault(name, "a page of the theme")
    return outputs


def _content_location(docs_dir: str, content_dir: Path):
    """file path -> its real path if it is inside content_dir, else None; for the files MkDocs lists.

    Without asking the file system about each of thousands of files: a path below the docs folder
    is read with the folder's real path in place of its name (docs_dir may be a link to content/),
    and one below content/ by its name is taken as inside it, so a linked folder there never
    carries a file out. Only a file of the docs folder outside content/ by name is resolved, in
    case a link brings it in (none, when the docs folder is content/ itself).
    """
    docs = os.path.normpath(os.path.abspath(docs_dir))
    real_docs = os.path.realpath(docs)
    content = os.path.join(content_dir, "")

    def located(path: str) -> str | None:
        path = os.path.normpath(path)
        if path == docs or path.startswith(docs + os.sep):
            path = real_docs + path[len(docs):]
        if path.startswith(content):
            return path
        if path.startswith(os.path.join(real_docs, "")):
            path = os.path.realpath(path)
            return path if path.startswith(content) else None
        return None
    return located


def _relative_source(source: Path, content_dir: Path) -> str:
    try:  # the loader's paths are below the content folder as given: no need to resolve each
        return f"content/{source.relative_to(content_dir).as_posix()}"
    except ValueError:
        pass
    try:
        return f"content/{source.resolve().relative_to(content_dir).as_posix()}"
    except ValueError:
        return source.name
