"""The problems of a failed save, shown over the open page while previewing.

`make serve` and `make serve-zensical` keep serving the last good site when a save has errors and
print them in the terminal; the instructor is looking at the browser. Both previews add a small
script to every page (overlay.js) and keep, beside it, the problems of the last build
(problems.json: none after a good one). After each rebuild the page reloads, the script reads the
problems and shows them in a dialog over the page. Only the preview servers add either file: a
published site (`make site`, `course zensical build`, the exports) has neither.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path

from ..errors import Problem, format_report

# Not an id (ids have no underscore), so no page of the course can be published there.
FOLDER = "_course_preview"
SCRIPT = f"{FOLDER}/overlay.js"
PROBLEMS = f"{FOLDER}/problems.json"
# `make serve` only: a rebuild shown through Material's instant navigation (live-update.js).
LIVE_UPDATE = f"{FOLDER}/live-update.js"


def problems_json(problems: list[Problem]) -> str:
    """What overlay.js reads: every problem (file, line, column, field, message, hint) and the count."""
    problems = sorted(problems)
    summary = format_report(problems).splitlines()[-1] if problems else ""
    return json.dumps({"summary": summary, "problems": [asdict(problem) for problem in problems]},
                      ensure_ascii=False, indent=1) + "\n"


def write_overlay(folder: Path, problems: list[Problem], live_update: bool = False) -> None:
    """Write the script and the problems of the last build into folder (a site, or a project's docs),
    and live-update.js too if asked; a file that has not changed is left alone, so a watching server
    does not rebuild for nothing."""
    files = [(SCRIPT, _script("overlay.js")), (PROBLEMS, problems_json(problems))]
    if live_update:
        files.append((LIVE_UPDATE, _script("live-update.js")))
    for name, text in files:
        path = folder / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f".{path.name}.new")  # a server never reads a half-written file
        scratch.write_text(text, encoding="utf-8")
        scratch.replace(path)


def _script(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
