"""The print fixture course, built once per test run and served on localhost, for the print tests."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, mkdocs_build

from generator.export.pdf import serve

FIXTURE_CONFIG = FIXTURES / "print-course" / "mkdocs.yml"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The built fixture site; tests that write into a site work on a copy."""
    site = tmp_path_factory.mktemp("print-site")
    result = mkdocs_build(site, FIXTURE_CONFIG)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory):
    """The fixture course's instructor edition, built once per test run."""
    site = tmp_path_factory.mktemp("print-site-instructor")
    result = mkdocs_build(site, FIXTURES / "print-course" / "mkdocs-instructor.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def instructor_url(instructor_site):
    with serve(instructor_site) as url:
        yield url
