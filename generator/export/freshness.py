"""Is a built site older than what it is built from? `course pdf` must not print a stale site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Written by the course plugin on every build; the site's home page as a fallback.
BUILD_MARKERS = ("course-map.json", "index.html")


def built_at(site_dir: Path) -> float | None:
    """When the site was last built (seconds since the epoch), or None if it was never built."""
    for marker in BUILD_MARKERS:
        if (site_dir / marker).is_file():
            return (site_dir / marker).stat().st_mtime
    return None


def changed_since(site_dir: Path, sources: list[Path]) -> Path | None:
    """The most recently changed source file that is newer than the site, if any."""
    built = built_at(site_dir)
    if built is None:
        return None  # not a built site: reported as such by the caller
    newest: tuple[float, Path] | None = None
    for source in sources:
        files = [source] if source.is_file() else (p for p in source.rglob("*") if p.is_file())
        for path in files:
            changed = path.stat().st_mtime
            if changed > built and (newest is None or changed > newest[0]):
                newest = (changed, path)
    return newest[1] if newest else None


def build_site(config: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the config into site_dir, as `make site` runs it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                           "-d", str(site_dir.resolve())], capture_output=True, text=True, env=env,
                          cwd=config.parent)
