"""Problems found in course content, reported the way a compiler reports them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place in one content file."""

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {self.severity}: {what}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ContentError(Exception):
    """The content has errors; nothing should be written. Carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_report(self.problems))


def format_report(problems: list[Problem]) -> str:
    """All problems sorted by file and line, then a count."""
    problems = sorted(problems)
    lines = [str(problem) for problem in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    counts = [plural(errors, "error")] if errors else []
    if warnings:
        counts.append(plural(warnings, "warning"))
    lines.append(", ".join(counts) if counts else "no problems")
    return "\n".join(lines)


def plural(count: int, noun: str) -> str:
    """3, 'error' -> '3 errors'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def did_you_mean(word: str, candidates) -> str:
    """' (did you mean 'x'?)' when a candidate is close to word, else ''."""
    close = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def field_path(path: tuple) -> str:
    """('sections', 1, 'heading') -> 'sections[1].heading'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
