"""A Zensical preview: `zensical serve` on the project, with the pages regenerated on every save.

`zensical serve` watches the project's docs folder and config, not the YAML content. This loop
watches the content (and mkdocs.yml) instead and writes only the pages that changed into docs/;
Zensical then rebuilds those and reloads the browser. A save with errors prints them and changes
nothing, so the last good version stays served; its problems are also written beside the pages for
the overlay script (generator/preview_overlay), which shows them over the open page.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from ..errors import ContentError, format_report
from ..preview_overlay import write_overlay
from .project import DOCS, ZENSICAL_CONFIG, course_options, generate_project, read_mkdocs_config

POLL_SECONDS = 0.1  # a save shows within the 2 s target with room to spare


def serve_project(mkdocs_yml: Path, project: Path, dev_addr: str) -> None:
    """Serve until interrupted; raises ContentError when the content has errors at the start."""
    generate_project(mkdocs_yml, project, preview=True)
    write_overlay(project / DOCS, [])
    watched = _watched(mkdocs_yml)
    stamp = _stamp(watched)
    command = [sys.executable, "-m", "zensical", "serve", "-f", str(project / ZENSICAL_CONFIG), "-a", dev_addr]
    server = subprocess.Popen(command)
    # `kill` stops the preview as Ctrl+C does, Zensical's server with it.
    stop = signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            if (new := _stamp(watched)) != stamp:
                stamp = new
                _regenerate(mkdocs_yml, project)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, stop)
        server.terminate()
        server.wait()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _regenerate(mkdocs_yml: Path, project: Path) -> None:
    try:
        result = generate_project(mkdocs_yml, project, preview=True)
    except ContentError as error:
        print(f"course content has errors; still serving the last good version:\n{error}",
              file=sys.stderr, flush=True)
        write_overlay(project / DOCS, error.problems)
        return
    write_overlay(project / DOCS, [])
    if result.warnings:
        print(format_report(result.warnings), file=sys.stderr, flush=True)


def _watched(mkdocs_yml: Path) -> list[Path]:
    content_dir, templates_dir, _ = course_options(read_mkdocs_config(mkdocs_yml), mkdocs_yml.parent)
    return [mkdocs_yml, content_dir] + ([templates_dir] if templates_dir else [])


def _stamp(paths: list[Path]) -> frozenset:
    """Every watched file's name, time and size: any save, new file or removal changes it."""
    entries = set()
    for path in paths:
        files = [path] if path.is_file() else (Path(root) / name for root, _, names in os.walk(path)
                                               for name in names)
        for file in files:
            try:
                info = file.stat()
            except FileNotFoundError:
                continue
            entries.add((str(file), info.st_mtime_ns, info.st_size))
    return frozenset(entries)
