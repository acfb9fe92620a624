"""The Zensical project: the generated pages in docs/ and a config made from mkdocs.yml."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import yaml

from ..build import BuildResult, build_course as full_build
from ..catalogue import speaking
from ..content_files import published_files
from ..errors import ContentError
# Reuses what did not change since the last build in this process: `course zensical serve` rebuilds often.
from ..incremental import build_course
from ..interface_assets import palette_toggles, with_interface_assets
from ..language import declared_language, interface_language, translated_site_name
from ..mkdocs_site.languages import alternates, translated_site_url
from ..preview_overlay import FOLDER as OVERLAY_FOLDER, SCRIPT as OVERLAY_SCRIPT
from ..render import Page, html_text, nav_config

DOCS = "docs"
STAGING = "site"  # Zensical builds here (inside the project, as it requires); published on success
# Zensical reads the MkDocs format; under this name a bare `zensical build` in the project finds it.
ZENSICAL_CONFIG = "mkdocs.yml"
_HEADER = ("# Generated from {source} by `course zensical` on every build: edit that file instead.\n"
           "# Zensical reads this MkDocs-format config; the pages it names are in docs/.\n")
# Settings that only the course plugin or MkDocs use; the project sets its own folders.
_DROPPED = {"INHERIT", "docs_dir", "site_dir", "exclude_docs"}


def read_mkdocs_config(path: Path) -> dict:
    """mkdocs.yml read safely, with INHERIT resolved as MkDocs does (mappings merged, others replaced)."""
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    return _merge(read_mkdocs_config(path.parent / parent), config)


def course_options(mkdocs_config: dict, base: Path) -> tuple[Path, Path | None, str]:
    """The course plugin's content folder, templates folder and edition, as mkdocs.yml sets them."""
    options = next((entry["course"] for entry in mkdocs_config.get("plugins", [])
                    if isinstance(entry, dict) and "course" in entry), None) or {}
    templates = options.get("templates_dir")
    return (base / options.get("content_dir", "content"), base / templates if templates else None,
            options.get("edition", "learner"))


def zensical_theme_dirs() -> list[Path]:
    """Zensical's own templates, which hold one partial per interface language (none if not installed)."""
    spec = importlib.util.find_spec("zensical")
    return [Path(spec.origin).parent / "templates"] if spec and spec.origin else []


def zensical_config(mkdocs_config: dict, result: BuildResult, base: Path, project: Path,
                    preview: bool = False, source_language: str | None = None,
                    content_dir: Path | None = None) -> dict:
    """The Zensical config: mkdocs.yml's settings plus what the course plugin would have added, and
    when previewing, the script that shows a failed save's problems over the page."""
    config = {key: value for key, value in mkdocs_config.items() if key not in _DROPPED}
    config["docs_dir"], config["site_dir"] = DOCS, STAGING
    config["plugins"] = [entry for entry in mkdocs_config.get("plugins", [])
                         if not (entry == "course" or isinstance(entry, dict) and "course" in entry)]
    theme = config["theme"] = dict(config.get("theme", {}))
    if theme.get("custom_dir"):  # relative to the config file, which now lives in the project
        theme["custom_dir"] = os.path.relpath(base / theme["custom_dir"], project)
    # Zensical's default "modern" variant restyles the whole site; "classic" is Material's look.
    theme.setdefault("variant", "classic")
    # The course says its language: Zensical's own labels follow it, as Material's do.
    theme["language"] = interface_language(result.bundle.course.language, zensical_theme_dirs(), "Zensical")
    if theme.get("palette"):  # the light and dark toggles' names, in the course's language
        with speaking(result.bundle.course.language):
            theme["palette"] = palette_toggles(theme["palette"])
    course = result.bundle.course
    if course.translations:  # a translation's site sits under /<tag>/ of the source language's
        source_language = source_language or course.language
        if course.language != source_language:
            config["site_url"] = translated_site_url(config.get("site_url"), course.language)
            config["site_name"] = translated_site_name(config.get("site_name", ""), content_dir, course.title)
        config["extra"] = {**config.get("extra", {}),
                           "alternate": alternates(source_language, course.translations, course.language)}
    config["nav"] = nav_config(result.nav)
    config["extra_css"], config["extra_javascript"] = with_interface_assets(config.get("extra_css", []),
                                                                            config.get("extra_javascript", []))
    # Page scripts key saved answers by the course id: the same key in both engines' sites.
    config["extra"] = {**config.get("extra", {}), "course_id": result.bundle.course.id}
    if preview:
        config["extra_javascript"] = [*config.get("extra_javascript", []), OVERLAY_SCRIPT]
    return config


def write_project(result: BuildResult, config: dict, project: Path, source: str = "mkdocs.yml",
                  content_dir: Path | None = None, preview: bool = False) -> list[str]:
    """Bring the project up to date; returns the paths of the pages (and media files) that changed.

    Only pages whose content changed are rewritten (the rest keep their times, so `zensical serve`
    rebuilds only those), and pages the course no longer has are removed, as is the preview's
    overlay unless previewing. The media of content_dir that the pages use are copied beside them,
    as the MkDocs plugin publishes them.
    """
    docs = project / DOCS
    docs.mkdir(parents=True, exist_ok=True)
    scratch = project / ".incoming"  # outside docs/: Zensical never sees a half-written page
    changed = [page.path for page in result.pages
               if _write_if_changed(docs / page.path, _with_page_title(page), scratch)]
    media = sorted(published_files(content_dir, result.pages)) if content_dir is not None else []
    changed += [name for name in media if _write_if_changed(docs / name, (content_dir / name).read_bytes(), scratch)]
    wanted = {page.path for page in result.pages} | set(media)
    for file in sorted(docs.rglob("*"), reverse=True):  # children before their folders
        relative = file.relative_to(docs).as_posix()
        if preview and relative.split("/")[0] == OVERLAY_FOLDER:
            continue
        if file.is_file() and relative not in wanted:
            file.unlink()
        elif file.is_dir() and not any(file.iterdir()):
            file.rmdir()
    text = _HEADER.format(source=source) + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    _write_if_changed(project / ZENSICAL_CONFIG, text, scratch)
    if scratch.exists():
        scratch.rmdir()
    return changed


def _with_page_title(page: Page) -> str:
    """The page, with its title for <title> in its front matter when the title needs escaping.

    As in the MkDocs plugin: the theme writes the nav title into <title> through `striptags`,
    which undoes its escaping; a meta title is written as it is.
    """
    escaped = html_text(page.title)
    if escaped == page.title or page.path.endswith(".json"):
        return page.content
    meta = f"title: {json.dumps(escaped)}\n"  # a JSON string is a YAML string
    if page.content.startswith("---\n"):
        return "---\n" + meta + page.content.removeprefix("---\n")
    return f"---\n{meta}---\n\n{page.content}"


def _write_if_changed(path: Path, text: str | bytes, scratch: Path) -> bool:
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    scratch.mkdir(exist_ok=True)
    temporary = scratch / path.name
    temporary.write_bytes(data)
    temporary.replace(path)
    return True


def _merge(parent: dict, child: dict) -> dict:
    merged = dict(parent)
    for key, value in child.items():
        both_mappings = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merge(merged[key], value) if both_mappings else value
    return merged


def generate_project(mkdocs_yml: Path, project: Path, strict: bool = False, preview: bool = False,
                     language: str | None = None) -> BuildResult:
    """Build the course that mkdocs_yml's course plugin names and write it as a Zensical project;
    language: one of the course's translations, for that language's project.

    Raises ContentError, writing nothing, when the content has errors (or, when strict, warnings).
    """
    mkdocs_config = read_mkdocs_config(mkdocs_yml)
    base = mkdocs_yml.parent
    content_dir, templates_dir, edition = course_options(mkdocs_config, base)
    directory_urls = mkdocs_config.get("use_directory_urls", True)
    if language is None:
        result = build_course(content_dir, templates_dir, edition, directory_urls)
    else:  # a translation is built whole: the incremental cache keeps the source language's files
        result = full_build(content_dir, templates_dir, edition, directory_urls, language=language)
    if strict and result.warnings:
        raise ContentError(result.warnings)
    config = zensical_config(mkdocs_config, result, base.resolve(), project.resolve(), preview,
                             declared_language(content_dir), content_dir)
    write_project(result, config, project, source=os.path.relpath(mkdocs_yml, project), content_dir=content_dir,
                  preview=preview)
    return result
