"""The bad-input corpus (tests/corpus.py) through `course validate`: one precise error or a clean pass.

Each case changes one file of the fixture course. A broken case must exit 1 with exactly its one
error, at the right file and line, naming the field, and no traceback; a valid one must exit 0.
A few cases also go through `mkdocs build`, where the plugin must report the same.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import incremental
from generator.build import build_course, check_course, write_pages
from generator.errors import ContentError
from generator.cli import main

from conftest import mkdocs_build
from corpus import FIXTURE, Case, all_cases
from learner_support import fixture_config

# CORPUS_FULL=1 runs every mutation of every value, key and file (about 2,400 cases, a few minutes).
CASES = all_cases(full=bool(os.environ.get("CORPUS_FULL")))
_REPORT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<text>.*)$")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """One copy of the fixture course; each case changes it and puts it back (faster than a copy each)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(FIXTURE, root / "content")
    return root


def run_case(workspace: Path, case: Case):
    content = workspace / "content"
    case.apply(content)
    cwd = os.getcwd()
    os.chdir(workspace)  # messages name files relative to the working folder, as for an instructor
    try:
        result = CliRunner().invoke(main, ["validate", "content"])
    finally:
        os.chdir(cwd)
        shutil.rmtree(content)
        shutil.copytree(FIXTURE, content)
    return result


def reported(output: str) -> list[dict]:
    return [match.groupdict() for match in map(_REPORT_LINE.match, output.splitlines()) if match]


def test_the_corpus_is_wide():
    assert len(CASES) >= 300
    assert len({case.name for case in CASES}) == len(CASES)
    assert sum(case.expected is None for case in CASES) >= 50  # valid but unusual inputs


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(workspace, case):
    result = run_case(workspace, case)
    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    errors = [item for item in reported(output) if item["severity"] == "error"]
    if case.expected is None:
        assert result.exit_code == 0, output
        assert errors == []
        return
    expected = case.expected
    assert result.exit_code == 1, output
    assert len(errors) == case.errors, output
    error = errors[0]
    assert error["file"] == f"content/{expected.file}", output  # no error about another file
    if expected.line is not None:
        assert int(error["line"]) == expected.line, output
    if expected.column is not None:
        assert int(error["column"]) == expected.column, output
    assert expected.fragment in error["text"], output
    if expected.field is not None:
        prefix = f"{expected.field}: " if expected.field else ""
        assert error["text"].startswith(prefix), output
        if not expected.field:  # then the message itself names the field, or the problem is the whole file
            assert not re.match(r"^[\w\[\].]+: ", error["text"].removeprefix("invalid YAML: ")), output


VALID_BY_HAND = [case for case in CASES if case.expected is None and case.name.startswith("hand:")]


@pytest.mark.parametrize("case", VALID_BY_HAND, ids=[case.name for case in VALID_BY_HAND])
def test_valid_case_renders_and_writes(tmp_path, case):
    """What validation accepts, the later stages handle: no limit is left to fail in a template."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    case.apply(content)
    for edition in ("learner", "instructor"):
        result = build_course(content, edition=edition)
        write_pages(result.pages, tmp_path / edition)
        assert (tmp_path / edition / "index.md").is_file()


SAMPLE = [case for case in CASES if case.expected is not None][::20]


def _problems(check, content):
    try:
        return check(content)[1]
    except ContentError as error:
        return error.problems


@pytest.mark.parametrize("case", SAMPLE, ids=[case.name for case in SAMPLE])
def test_case_gives_the_same_problems_incrementally(tmp_path, case):
    """`mkdocs serve` reads a broken save through the incremental cache: the same one error."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    cache = incremental.CourseCache(content)
    cache.check_course()  # a good build first, as when the instructor starts `make serve`
    case.apply(content)
    assert _problems(lambda c: cache.check_course(), content) == _problems(check_course, content)


# The plugin path: the same problems through `mkdocs build`, with nothing written.
PLUGIN_CASES = [case for case in all_cases(full=True) if case.name in {
    "10-basics/module.yml:overview=key-misspelt", "10-basics/exercises/pick-one.yml:options[0].correct=yes",
    "10-basics/worksheets/all-prompts.yml=deep-nesting", "10-basics/lessons/first-steps.yml=nul-byte",
    "hand:scale-one-point"}]


def test_plugin_cases_are_found():
    assert len(PLUGIN_CASES) == 5


@pytest.mark.parametrize("case", PLUGIN_CASES, ids=[case.name for case in PLUGIN_CASES])
def test_case_through_mkdocs(tmp_path, case):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    case.apply(content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site")
    result = mkdocs_build(site, fixture_config(tmp_path / "config", "http://127.0.0.1:8000/", content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [item for item in reported(result.stderr) if item["severity"] == "error"]
    assert len(errors) == 1, result.stderr
    assert errors[0]["file"].endswith(case.expected.file) and int(errors[0]["line"]) == case.expected.line
    assert case.expected.fragment in errors[0]["text"]
    assert [p.name for p in site.iterdir()] == ["index.html"]
