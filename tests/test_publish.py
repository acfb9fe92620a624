"""Publishing: a failed build leaves the published site byte for byte as it was, a stopped one too,
and nothing from the content folder is published but generated pages."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
import yaml

from conftest import FIXTURES, ROOT, mkdocs_build
from learner_support import fixture_config

from generator.content_files import published_files, stray_files
from generator.publish import staged, staging_dir
from generator.render import Page

LESSON = "10-basics/lessons/first-steps.yml"


def tree_hash(folder) -> str:
    """One hash of every file's path and bytes below folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """The fixture course built once, to copy as the "previous site" of each test."""
    tmp = tmp_path_factory.mktemp("publish")
    shutil.copytree(FIXTURES / "course", tmp / "content")
    result = mkdocs_build(tmp / "site", fixture_config(tmp, "http://127.0.0.1:8000/", tmp / "content"))
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture
def project(tmp_path, good_site):
    """A copy of the fixture course with its built site, and the config that builds it."""
    shutil.copytree(FIXTURES / "course", tmp_path / "content")
    shutil.copytree(good_site, tmp_path / "site")
    return tmp_path, fixture_config(tmp_path, "http://127.0.0.1:8000/", tmp_path / "content")


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    # A teaching warning only: the lesson's minutes far from its parts.
    "teaching warning": ("minutes: 25", "minutes: 300", "Aborted with"),
    # A link MkDocs cannot resolve: a warning of MkDocs' own, after every page is written.
    "broken link": ("[link](https://example.org)", "[link](nowhere.md)", "nowhere.md"),
    "content error": ("minutes: 25", "minutes: many", "error: minutes"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_failed_strict_build_leaves_the_site_byte_identical(project, breakage):
    tmp, config = project
    before = tree_hash(tmp / "site")
    old, new, message = BREAKAGES[breakage]
    _edit(tmp / "content" / LESSON, old, new)
    result = mkdocs_build(tmp / "site", config)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and message in output, output
    assert "Traceback" not in output
    assert tree_hash(tmp / "site") == before
    # No staging left (.cache holds the Markdown conversions kept for the next build).
    assert sorted(p.name for p in tmp.iterdir() if p.name != ".cache") == ["content", "mkdocs.yml", "site"]


def test_a_successful_build_replaces_the_site_whole(project):
    tmp, config = project
    (tmp / "site" / "stale.html").write_text("from an older build")
    _edit(tmp / "content" / LESSON, "title: First Steps", "title: First Steps, Renamed")
    result = mkdocs_build(tmp / "site", config)
    assert result.returncode == 0, result.stderr
    assert not (tmp / "site" / "stale.html").exists()
    assert "First Steps, Renamed" in (tmp / "site" / "basics" / "first-steps" / "index.html").read_text()
    assert sorted(p.name for p in tmp.iterdir() if p.name != ".cache") == ["content", "mkdocs.yml", "site"]


STRAYS = {
    # name below content/: whether it gets a warning (it looks like course content)
    "notes.txt": False,
    "10-basics/lessons/first-steps.yml~": True,
    "10-basics/lessons/first-steps.yml.orig": True,
    "10-basics/lessons/.first-steps.yml.swp": True,
    "10-basics/lessons/#first-steps.yml#": True,
    "10-basics/lessons/Extra.YML": True,
    "10-basics/exercises/pick-one.yaml.bak": True,
    "10-basics/picture.png": False,
    "templates/lesson.md.j2~": True,
}


def test_nothing_from_content_is_published_and_look_alikes_are_named(project):
    tmp, config = project
    for name in STRAYS:
        path = tmp / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("instructor_notes: PRIVATE-NOTE do not publish\n", encoding="utf-8")
    # Media a page uses is published, as it is: only that (the fixture's figure, and this picture).
    (tmp / "content" / "media" / "used.png").write_bytes(b"\x89PNG used")
    (tmp / "content" / "media" / "unused.png").write_bytes(b"\x89PNG unused")
    _edit(tmp / "content" / LESSON, "[link](https://example.org)", "[link](https://example.org) "
          "![A used picture](media/used.png)")
    result = mkdocs_build(tmp / "site", config)
    # Not failing strict mode: such a file is never published, and nothing reads it.
    assert result.returncode == 0, result.stderr
    assert (tmp / "site" / "media" / "used.png").read_bytes() == b"\x89PNG used"
    for name, warned in STRAYS.items():
        assert (f"content/{name}:1:1: warning: not a course file" in result.stderr) == warned, name
    published = [p for p in (tmp / "site").rglob("*") if p.is_file()]
    assert not [p for p in published if "PRIVATE-NOTE" in p.read_text(encoding="utf-8", errors="replace")]
    source_names = {p.name for p in (tmp / "content").rglob("*") if p.is_file()}
    assert source_names & {p.name for p in published} == {"used.png", "three-steps.svg"}


def test_nothing_is_published_through_a_linked_docs_folder(tmp_path):
    """docs_dir may name a link to the content folder, and a folder inside it may be a link: the
    course's YAML is still kept out, and the media a page uses still goes in."""
    shutil.copytree(FIXTURES / "course", tmp_path / "real-content")
    (tmp_path / "content").symlink_to(tmp_path / "real-content", target_is_directory=True)
    shared = tmp_path / "shared-notes"
    shared.mkdir()
    (shared / "notes.txt").write_text("PRIVATE-NOTE do not publish\n", encoding="utf-8")
    (tmp_path / "real-content" / "linked").symlink_to(shared, target_is_directory=True)
    config = fixture_config(tmp_path, "http://127.0.0.1:8000/", tmp_path / "content")
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    published = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert not [p for p in published if p.suffix in (".yml", ".yaml")]
    assert not [p for p in published if "PRIVATE-NOTE" in p.read_text(encoding="utf-8", errors="replace")]
    assert (tmp_path / "site" / "media" / "three-steps.svg").is_file()


def test_nothing_is_published_through_a_link_to_content_inside_the_docs_folder(tmp_path):
    """docs_dir may hold the content folder through a link under another name: its YAML and notes
    are still kept out."""
    shutil.copytree(FIXTURES / "course", tmp_path / "content")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "course").symlink_to(tmp_path / "content", target_is_directory=True)
    (tmp_path / "content" / "notes.txt").write_text("PRIVATE-NOTE do not publish\n", encoding="utf-8")
    config = fixture_config(tmp_path, "http://127.0.0.1:8000/", tmp_path / "content")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["docs_dir"] = str(tmp_path / "docs")
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    published = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert not [p for p in published if p.suffix in (".yml", ".yaml")]
    assert not [p for p in published if "PRIVATE-NOTE" in p.read_text(encoding="utf-8", errors="replace")]
    assert (tmp_path / "site" / "basics" / "first-steps" / "index.html").is_file()


def test_only_used_media_is_published(tmp_path):
    for name in ("media/stairs.png", "media/unused.png", "media/notes.yml", "media/.hidden.png",
                 "media/stairs.png.orig", "media/talk.mp4", "media/talk.vtt", "media/still.jpg",
                 "images/beside.png", "10-basics/lessons/first-steps.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    links = ("![a](../media/stairs.png) <img src=\"../media/stairs.png#top\"> [b](https://example.org) "
             "[c](../10-basics/lessons/first-steps.yml) [d](../media/notes.yml) [e](../media/.hidden.png) "
             "[f](../media/stairs.png.orig) [g](#anchor) [h](../../outside.png) [i](/media/unused.png) "
             "[j](../images/beside.png) <video src=\"../media/talk.mp4\" poster=\"../media/still.jpg\">"
             "<track src=\"../media/talk.vtt\"></video>")
    pages = [Page("basics/first-steps.md", "First", links), Page("index.md", "Home", "[x](media/stairs.png)")]
    # Only the media folder's files, and of those only what a page uses and may be shown.
    assert published_files(tmp_path, pages) == {"media/stairs.png", "media/talk.mp4", "media/talk.vtt",
                                                "media/still.jpg"}


def test_stray_files_say_what_they_are(tmp_path):
    assert stray_files(FIXTURES / "course") == []  # a clean course has none
    for name in ("lesson.yml~", "Lesson.YML", "notes.txt", "lesson.yml"):
        (tmp_path / name).write_text("x")
    problems = {p.file.rsplit("/", 1)[-1]: (p.line, p.column, p.severity, p.message) for p in stray_files(tmp_path)}
    assert problems == {
        "Lesson.YML": (1, 1, "warning", "not a course file: course files end in lowercase '.yml' and are not "
                       "hidden; it is not read and never published (rename it to 'Lesson.yml' if it belongs "
                       "to the course)"),
        "lesson.yml~": (1, 1, "warning", "not a course file: an editor backup or merge leftover; it is not "
                        "read and never published (delete it when done)")}


def test_staged_keeps_the_target_when_the_block_fails(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "page.html").write_text("old")
    with pytest.raises(RuntimeError):
        with staged(target) as staging:
            (staging / "page.html").write_text("new, half done")
            raise RuntimeError("stopped")
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert (target / "page.html").read_text() == "old"
    with staged(target, copy_current=True) as staging:
        (staging / "more.html").write_text("added")
    assert sorted(p.name for p in target.iterdir()) == ["more.html", "page.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_stopped_build_leaves_the_target_and_no_staging(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "page.html").write_text("old")
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from generator.publish import staged
        with staged(Path({str(target)!r})) as staging:
            (staging / "page.html").write_text("half")
            print("writing", flush=True)
            time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=20) == 128 + signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert (target / "page.html").read_text() == "old"


def test_staging_left_by_a_killed_process_is_removed_by_the_next(tmp_path):
    target = tmp_path / "site"
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    (tmp_path / f".site.staging-{child.pid}-x").mkdir()  # that process is gone
    staging = staging_dir(target)
    assert [p.name for p in tmp_path.iterdir()] == [staging.name]


def test_a_stopped_course_pdf_leaves_the_site_as_it_was(tmp_path, good_site):
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = tree_hash(site)
    child = subprocess.Popen([sys.executable, "-c", "from generator.cli import main; main()", "pdf", "--site", str(site)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".site.staging-*/pdf/**/*.pdf")):  # the first PDF is written
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert tree_hash(site) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
