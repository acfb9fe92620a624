"""Shared fixtures: the repository's paths, a built site served on localhost, and a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.export.pdf import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def mkdocs_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", *extra: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into site_dir; returns the finished process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                           "-d", str(site_dir), *extra], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped course, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory) -> Path:
    """The shipped course's instructor edition (mkdocs-instructor.yml), built once per test run."""
    site = tmp_path_factory.mktemp("instructor-site")
    result = mkdocs_build(site, ROOT / "mkdocs-instructor.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site served over HTTP on a free localhost port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download a browser here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (empty storage) and page for each test."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def fixture_course(tmp_path) -> Path:
    """A private copy of tests/fixtures/course that a test may break."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "course", target)
    return target
