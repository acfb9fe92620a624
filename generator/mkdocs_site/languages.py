"""A course in several languages as MkDocs sites: the source language at the site's root, each
translation under /<tag>/, with Material's language switcher on every page.

The build of the source language builds the others, each in a process of its own (an MkDocs build
keeps plugin state per process) with COURSE_LANGUAGE set, into its staging folder: the published
site is replaced only when every language has built (plugin.py, publish.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from babel import Locale
from mkdocs.exceptions import PluginError

from ..language import language_name

# Which translation an MkDocs build makes (unset: the source language, and every translation after it).
# `COURSE_LANGUAGE=es make serve` previews the Spanish site.
LANGUAGE_VARIABLE = "COURSE_LANGUAGE"


def autonym(tag: str) -> str:
    """A language's name in itself, as a switcher shows it: `es` -> `Español`."""
    locale = Locale.parse(tag, sep="-")
    name = locale.get_display_name(locale) or tag
    return name[:1].upper() + name[1:]


def alternates(source: str, translations: list[str], current: str) -> list[dict]:
    """Material's `extra.alternate`: each language with the way from this site's root to its own.

    overrides/partials/alternate.html adds the page's own address, so the switcher leads to the same
    page in the other language (every language has the same pages at the same addresses).
    """
    def root(tag: str) -> str:
        if tag == current:
            return ""
        up = "" if current == source else "../"
        return up if tag == source else f"{up}{tag}/"

    return [{"name": autonym(tag), "link": root(tag), "lang": tag} for tag in [source, *translations]]


def translated_site_url(site_url: str | None, tag: str) -> str | None:
    return f"{site_url.rstrip('/')}/{tag}/" if site_url else site_url


def build_translations(config_file: str, site_dir: Path, translations: list[str], strict: bool) -> None:
    """Build each translation's site into site_dir/<tag>/; PluginError naming the first that fails."""
    for tag in translations:
        command = [sys.executable, "-m", "mkdocs", "build", "-f", config_file, "-d", str(site_dir / tag)]
        environment = dict(os.environ, **{LANGUAGE_VARIABLE: tag})
        # Its log goes where this build's goes; strict as this build is.
        completed = subprocess.run(command + (["--strict"] if strict else ["--no-strict"]), env=environment)
        if completed.returncode != 0:
            raise PluginError(f"the {language_name(tag)} ('{tag}') site did not build (see above): "
                              "nothing was published")
