"""The MkDocs plugin: a thin adapter that adds the generated course pages as virtual files."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

# Incremental: `mkdocs serve` rebuilds on every save; unchanged files and pages are reused.
from .incremental import build_course
from .errors import ContentError, format_report
from .instructor import EDITIONS
from .render import Page
from .template_cache import COMPILED_TEMPLATES

log = get_plugin_logger(__name__)


class CoursePluginConfig(Config):
    content_dir = c.Type(str, default="content")
    templates_dir = c.Optional(c.Type(str))
    # "instructor" adds notes, timings, answer keys and facilitation guides (mkdocs-instructor.yml).
    edition = c.Choice(EDITIONS, default="learner")


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    def on_startup(self, *, command, dirty) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
        self.serving = command == "serve"
        self.last_good = None

    def on_config(self, config):
        base = Path(config.config_file_path).parent
        self.content_dir = (base / self.config.content_dir).resolve()
        self.templates_dir = (base / self.config.templates_dir).resolve() if self.config.templates_dir else None
        return config

    def on_pre_build(self, config) -> None:
        # MkDocs empties site_dir after this event and before on_files: failing here keeps the
        # last good site in place.
        try:
            self.result = build_course(self.content_dir, self.templates_dir, self.config.edition)
        except ContentError as error:
            if not (getattr(self, "serving", False) and self.last_good):
                raise PluginError(f"course content has errors:\n{error}") from None
            # The dev server blocks every request while a rebuild fails, so serve the last good
            # course and print the errors (not logged: a strict build would stop on them).
            print(f"course content has errors; still serving the last good version:\n{error}",
                  file=sys.stderr, flush=True)
            self.result = self.last_good
        else:
            self.last_good = self.result

    def on_files(self, files: Files, config) -> Files:
        result = self.result
        if result.warnings:
            for line in format_report(result.warnings).splitlines()[:-1]:
                log.warning(line)
        # The YAML sources (with instructor notes) and templates must never be published.
        for file in list(files):
            if file.src_uri.endswith((".yml", ".yaml", ".j2")):
                files.remove(file)
        for page in result.pages:
            generated = File.generated(config, page.path, content=page.content)
            if page.source is not None:
                generated.edit_uri = _relative_source(page.source, self.content_dir)
            files.append(generated)
        config.nav = [_nav_entry(item) for item in result.nav]
        self.titles = {page.path: page.title for page in result.pages}
        # Page scripts key saved answers and progress by the course id (overrides/main.html).
        config.extra["course_id"] = result.bundle.course.id
        return files

    def on_page_markdown(self, markdown, page, config, files):
        # Material writes a page's title into <title> through `striptags`, which undoes the escaping
        # of the nav title; a meta title is written as it is. Only titles that need escaping get one.
        title = getattr(self, "titles", {}).get(page.file.src_uri)
        if title is not None and _html_text(title) != title:
            page.meta["title"] = _html_text(title)
        return markdown

    def on_env(self, env, config, files):
        env.bytecode_cache = COMPILED_TEMPLATES  # Material's templates compile once per `mkdocs serve`
        return env

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


def _nav_entry(item):
    # Material shows nav titles as HTML; a course's titles are plain text.
    if isinstance(item, Page):
        return {_html_text(item.title): item.path}
    return {_html_text(item.title): [_nav_entry(child) for child in item.pages]}


def _html_text(text: str) -> str:
    return html.escape(text, quote=False)


def _relative_source(source: Path, content_dir: Path) -> str:
    try:
        return f"content/{source.resolve().relative_to(content_dir).as_posix()}"
    except ValueError:
        return source.name
