"""The MkDocs plugin: a strict build of the shipped course, failures that write nothing, live reload."""

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.build import check_course
from conftest import CONTENT, ROOT, mkdocs_build


def test_every_lesson_has_a_page_with_title_objectives_and_sections(built_site):
    bundle, _ = check_course(CONTENT)
    for module in bundle.modules:
        for lesson in bundle.lessons_of(module):
            html = (built_site / module.id / lesson.id / "index.html").read_text()
            assert re.search(rf"<h1[^>]*>{re.escape(_html(lesson.title))}<", html), lesson.id
            for objective in lesson.objectives:
                assert _html(objective.text) in html, (lesson.id, objective.text)
            for section in lesson.sections:
                assert f">{_html(section.heading)}<" in html, (lesson.id, section.heading)


def test_navigation_follows_course_order(built_site):
    bundle, _ = check_course(CONTENT)
    html = (built_site / "index.html").read_text()
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    positions = [nav.index(_html(lesson.title)) for lesson in bundle.lessons.values()]
    assert positions == sorted(positions)


def test_yaml_sources_are_not_published(built_site):
    assert not list(built_site.rglob("*.yml")) and not list(built_site.rglob("*.j2"))


def test_content_errors_fail_the_build_and_keep_the_old_site(tmp_path):
    project = _copy_project(tmp_path)
    lesson = next((project / "content").rglob("lessons/*.yml"))
    lesson.write_text(lesson.read_text().replace("minutes:", "minutes: [oops]\nminuets:", 1))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site")
    result = mkdocs_build(site, project / "mkdocs.yml")
    assert result.returncode == 1
    assert "course content has errors" in result.stderr
    assert re.search(rf"{re.escape(lesson.name)}:\d+:\d+: error: unknown field 'minuets'", result.stderr)
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "last good site"


def test_serve_rebuilds_on_a_yaml_save_and_survives_a_broken_one(tmp_path):
    project = _copy_project(tmp_path)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f",
                               str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=project,
                              env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(lambda: "Networking for Career Growth" in _get(url), "the first build")
        course = project / "content" / "course.yml"
        course.write_text(course.read_text().replace("title: Networking for Career Growth",
                                                     "title: Networking Live Edit", 1))
        _wait_for(lambda: "Networking Live Edit" in _get(url), "a rebuild after saving course.yml")
        course.write_text(course.read_text().replace("title: Networking Live Edit", "title: [broken", 1))
        time.sleep(3)
        # The last good site is still served. A loaded machine can take longer than _get's timeout to
        # answer while the broken file is read again; only an answer counts, not a timeout.
        _wait_for(lambda: _get(url) != "", "an answer after saving a broken course.yml")
        assert "Networking Live Edit" in _get(url)
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert "still serving the last good version" in output
    assert "course.yml:" in output and "error: invalid YAML" in output


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&rsquo;").replace('"', "&quot;")


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    return project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def _wait_for(condition, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}")
