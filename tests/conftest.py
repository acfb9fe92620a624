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
    """Run `mkdocs build --strict` into site_dir, as `make site` does; returns the finished process.

    Not `--quiet`: it raises MkDocs' log level above warnings, which strict mode then never counts,
    so a broken link would pass. The output is captured instead.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                           "-d", str(site_dir), *extra], capture_output=True, text=True, env=env, cwd=ROOT)


def zensical_build(site_dir: Path, config: Path = ROOT / "mkdocs.yml", project: Path | None = None,
                   *extra: str) -> subprocess.CompletedProcess:
    """Run `course zensical build` (strict, as mkdocs.yml sets) into site_dir; returns the finished process."""
    project = project or site_dir.with_name(f"{site_dir.name}-project")
    course = Path(sys.executable).parent / "course"
    return subprocess.run([str(course), "zensical", "build", "-f", str(config), "--project", str(project),
                           "--site", str(site_dir), *extra],
                          capture_output=True, text=True, cwd=ROOT)


# The browser tests of the learner side run against the site each engine builds.
ENGINES = ["mkdocs", "zensical"]
ENGINE_BUILDS = {"mkdocs": mkdocs_build, "zensical": zensical_build}


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
def zensical_site(tmp_path_factory) -> Path:
    """The shipped course built with Zensical, once per test run."""
    site = tmp_path_factory.mktemp("zensical") / "site"
    result = zensical_build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def zensical_site_url(zensical_site) -> str:
    with serve(zensical_site) as url:
        yield url


@pytest.fixture(scope="session", params=ENGINES)
def shipped(request) -> tuple[Path, str]:
    """The shipped course as each engine builds it in turn: its folder and its address."""
    if request.param == "mkdocs":
        return request.getfixturevalue("built_site"), request.getfixturevalue("site_url")
    return request.getfixturevalue("zensical_site"), request.getfixturevalue("zensical_site_url")


@pytest.fixture(scope="session", params=ENGINES)
def course_url(request, tmp_path_factory):
    """The learner fixture course (tests/learner_support.py), built by each engine in turn with the
    repository's mkdocs.yml and overrides, and served on localhost."""
    from learner_support import fixture_config

    tmp = tmp_path_factory.mktemp(f"learner-course-{request.param}")
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        result = ENGINE_BUILDS[request.param](site, fixture_config(tmp, url))
        assert result.returncode == 0, result.stderr
        yield url


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory) -> tuple[Path, str]:
    """The fixture course in English and Spanish (tests/fixtures/bilingual-course), built once by
    MkDocs with the repository's mkdocs.yml and overrides and served on localhost: its folder and address."""
    from learner_support import fixture_config

    tmp = tmp_path_factory.mktemp("bilingual-course")
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        config = fixture_config(tmp, url, FIXTURES / "bilingual-course" / "content")
        config.write_text(config.read_text(encoding="utf-8").replace("site_name: Networking for Career Growth",
                                                                     "site_name: Listening Well"), encoding="utf-8")
        result = mkdocs_build(site, config)
        assert result.returncode == 0, result.stderr
        yield site, url


@pytest.fixture
def end_previews():
    """Shut the course plugin down after the test, as `mkdocs serve` does when it stops: MkDocs keeps
    a plugin instance for the next configuration loaded in this process, and a test that started
    it in serve mode would leave later builds of the session previewing."""
    yield
    from mkdocs.config.defaults import MkDocsConfig

    plugin = MkDocsConfig.plugins.plugin_cache.get("course")
    if plugin is not None:
        plugin.on_shutdown()


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
