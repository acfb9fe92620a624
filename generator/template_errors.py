"""Mistakes in template overrides, reported like content errors: at the template's own file and line.

Jinja rewrites a traceback so that the frames of template code carry the template's file name and
line; the innermost such frame in the overrides folder is where the instructor's mistake is. A
failure that no override template is part of is a bug of the generator, and keeps its traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

from .errors import Problem
from .load import display_path


def template_problem(error: Exception, templates_dir: Path | None, page_path: str) -> Problem | None:
    """The error as a Problem at its template file and line, or None if no override caused it."""
    frames = [(frame.f_code.co_filename, line) for frame, line in traceback.walk_tb(error.__traceback__)]
    if isinstance(error, TemplateSyntaxError) and error.filename:
        frames.append((error.filename, error.lineno))
    in_templates = [(file, line) for file, line in frames if file.endswith(".j2")]
    overrides = [(file, line) for file, line in in_templates if _inside(file, templates_dir)]
    if overrides:
        file, line = overrides[-1]
    elif isinstance(error, TemplateError) and templates_dir is not None and in_templates:
        file, line = in_templates[-1]  # a built-in template, given what an override passed it
    else:
        return None
    return Problem(display_path(Path(file)), line or 1, 1, "", f"template: {_describe(error)}",
                   hint=f"while rendering the page '{page_path}'")


def _describe(error: Exception) -> str:
    if isinstance(error, TemplateNotFound):
        return f"no template named '{error.name}'"
    if isinstance(error, TemplateSyntaxError):
        return error.message or "syntax error"
    return str(error) or type(error).__name__


def _inside(file: str, folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        Path(file).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True
