"""Running `zensical build` on the project, publishing its output only when the build succeeds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from ..language import DEFAULT, is_right_to_left
from ..mkdocs_site.final_html import set_language
from ..publish import staged
from .project import STAGING, ZENSICAL_CONFIG

_COLOURS = re.compile(r"\x1b\[[0-9;]*m")  # Zensical colours its report even when not on a terminal


class ZensicalError(Exception):
    """Zensical refused the project (a broken link in strict mode, a bad setting); its report."""


def build_site(project: Path, site_dir: Path, strict: bool = True, language: str = DEFAULT,
               translations: tuple[tuple[str, Path], ...] = ()) -> None:
    """Build the project and move the result to site_dir, replacing it whole; each translation's
    project (tag, folder) is built into site_dir/<tag>/ first.

    Zensical writes into the project's own site folder (it accepts none outside the project); that
    output replaces site_dir only once every build has succeeded, so a failed build leaves the last
    good site in place. In a right-to-left language the pages' <html> says so, as the MkDocs
    plugin writes it (the theme puts the direction on <body> only).
    """
    with staged(site_dir) as staging:
        staging.rmdir()
        _build(project, staging, strict, language)
        for tag, translated in translations:
            _build(translated, staging / tag, strict, tag)


def _build(project: Path, target: Path, strict: bool, language: str) -> None:
    output = project / STAGING
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "-f", str(project / ZENSICAL_CONFIG)]
    try:
        finished = subprocess.run(command + (["--strict"] if strict else []), capture_output=True, text=True)
        if finished.returncode != 0:
            raise ZensicalError(_report(finished.stdout + finished.stderr))
        if is_right_to_left(language):
            _set_language(output, language)
        shutil.move(output, target)  # a rename when both are on one file system
    finally:
        shutil.rmtree(output, ignore_errors=True)


def _set_language(output: Path, language: str) -> None:
    for page in output.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(set_language(text, language), encoding="utf-8")


def _report(output: str) -> str:
    """Zensical's own messages, without the Python traceback it prints after them."""
    lines = _COLOURS.sub("", output).rstrip().splitlines()
    if "Traceback (most recent call last):" in lines:
        cut = lines.index("Traceback (most recent call last):")
        lines = lines[:cut] + [re.sub(r"^\w+Error: ", "", lines[-1])]  # the last line says why it stopped
    return "\n".join(line for line in lines if line.strip() and line != "Build started")
