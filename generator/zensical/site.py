"""Running `zensical build` on the project, publishing its output only when the build succeeds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .project import STAGING, ZENSICAL_CONFIG

_COLOURS = re.compile(r"\x1b\[[0-9;]*m")  # Zensical colours its report even when not on a terminal


class ZensicalError(Exception):
    """Zensical refused the project (a broken link in strict mode, a bad setting); its report."""


def build_site(project: Path, site_dir: Path, strict: bool = True) -> None:
    """Build the project and move the result to site_dir, replacing it whole.

    Zensical writes into the project's own site folder; site_dir changes only once that build has
    succeeded, so a failed build leaves the last good site in place.
    """
    staging = project / STAGING
    shutil.rmtree(staging, ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "-f", str(project / ZENSICAL_CONFIG)]
    finished = subprocess.run(command + (["--strict"] if strict else []), capture_output=True, text=True)
    if finished.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise ZensicalError(_report(finished.stdout + finished.stderr))
    _replace_dir(staging, site_dir.resolve())


def _report(output: str) -> str:
    """Zensical's own messages, without the Python traceback it prints after them."""
    lines = _COLOURS.sub("", output).rstrip().splitlines()
    if "Traceback (most recent call last):" in lines:
        cut = lines.index("Traceback (most recent call last):")
        lines = lines[:cut] + [re.sub(r"^\w+Error: ", "", lines[-1])]  # the last line says why it stopped
    return "\n".join(line for line in lines if line.strip() and line != "Build started")


def _replace_dir(new: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        shutil.move(new, target)
        return
    incoming = target.with_name(f".{target.name}-new")
    old = target.with_name(f".{target.name}-old")
    for leftover in (incoming, old):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.move(new, incoming)  # a rename when on the same file system, else a copy
    target.rename(old)
    incoming.rename(target)
    shutil.rmtree(old)
