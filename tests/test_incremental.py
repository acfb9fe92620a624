"""Incremental builds: the same result as a clean build, doing again only what an edit touched."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from generator import build, incremental
from generator.errors import ContentError

from conftest import CONTENT, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "course"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

sys.path.insert(0, str(ROOT))
from benchmarks.synthetic import make_course, plan  # noqa: E402

M1 = "module-0001"


def _outcome(run, *args):
    """Pages, nav titles and warnings of a build, or the problems when it fails."""
    try:
        result = run(*args)
    except ContentError as error:
        return ("error", [str(p) for p in error.problems])
    pages = {page.path: (page.title, page.content, page.source) for page in result.pages}
    order = [page.path for page in result.pages]
    return ("ok", order, pages, _nav(result.nav), [str(p) for p in result.warnings])


def _nav(items):
    return [(item.title, getattr(item, "path", None), _nav(getattr(item, "pages", []))) for item in items]


def _same_as_clean(content: Path, templates: Path | None = None, may_fail: bool = False,
                   edition: str = "learner"):
    """Build incrementally, compare with a clean build, and return what was done again."""
    cache = incremental.cache_for(content, templates, edition)
    got = _outcome(cache.build)
    assert got == _outcome(build.build_course, content, templates, edition)
    assert may_fail or got[0] == "ok", got
    return cache.last


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _set(path: Path, key: str, value) -> None:
    """Set one top-level field of a content file, keeping the rest of the file as it is."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            lines[index] = f"{key}: {value}\n"
            break
    else:
        raise AssertionError(f"no {key} in {path}")
    path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def course(tmp_path) -> Path:
    content = tmp_path / "content"
    make_course(content, 12)  # two modules: ten lessons and two
    _same_as_clean(content)  # the first build, which later builds start from
    return content


def lesson(content: Path, number: int, module: str = M1) -> Path:
    return content / module / "lessons" / f"lesson-{number:05d}.yml"


def test_first_build_renders_every_page_and_matches_a_clean_build(tmp_path):
    content = tmp_path / "content"
    make_course(content, 3)
    done = _same_as_clean(content)
    assert done.full and done.reused == 0
    # home, module, lessons, its exercises handout, worksheets, pack, My work, map, the interface's words
    assert len(done.rendered) == 1 + 1 + 3 + 1 + 3 + 3 + 2
    assert len(done.loaded) == 1 + 1 + 3 + plan(3)["exercises"] + 3  # course, module, lessons, exercises, worksheets


def test_the_shipped_course_builds_the_same_incrementally():
    assert _same_as_clean(CONTENT).rendered  # from an empty cache or a warm one, same pages


def test_nothing_changed_nothing_done(course):
    done = _same_as_clean(course)
    assert done.loaded == [] and done.rendered == [] and not done.full


def test_touching_a_file_without_changing_it_renders_nothing(course):
    path = lesson(course, 3)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    done = _same_as_clean(course)
    assert done.loaded == [] and done.rendered == []


def test_a_lesson_body_edit_renders_only_that_lesson(course):
    path = lesson(course, 3)
    _edit(path, "body: |\n", "body: |\n    An added opening sentence.\n\n")
    done = _same_as_clean(course)
    assert [Path(p).name for p in done.loaded] == ["lesson-00003.yml"]
    assert done.rendered == [f"{M1}/lesson-00003.md"]


def test_a_lesson_title_edit_renders_the_lesson_its_module_home_and_the_course_map(course):
    _set(lesson(course, 3), "title", "A new title")
    # ...and the module's exercises handout, whose sections are the lessons' titles, and the lesson's
    # neighbours in course order, whose Previous or Next names it: the worksheet before it and its own
    # worksheet (which also names its lesson).
    assert sorted(_same_as_clean(course).rendered) == ["course-map.json", "index.md", f"{M1}/exercises-handout.md",
                                                       f"{M1}/index.md", f"{M1}/lesson-00003.md",
                                                       "worksheets/worksheet-00002.md", "worksheets/worksheet-00003.md"]


def test_a_lesson_minutes_edit_renders_the_lesson_its_module_and_home(course):
    path = lesson(course, 4)
    minutes = yaml.safe_load(path.read_text())["minutes"]
    _set(path, "minutes", minutes + 1)
    assert sorted(_same_as_clean(course).rendered) == ["index.md", f"{M1}/index.md", f"{M1}/lesson-00004.md"]


def test_a_lesson_in_another_module_leaves_the_first_module_alone(course):
    _set(lesson(course, 11, "module-0002"), "title", "Elsewhere")
    assert sorted(_same_as_clean(course).rendered) == ["course-map.json", "index.md", "module-0002/exercises-handout.md",
                                                       "module-0002/index.md", "module-0002/lesson-00011.md",
                                                       "worksheets/worksheet-00011.md"]


def test_an_exercise_edit_renders_the_lessons_that_use_it(course):
    # Lesson 1 has exercises 1 and 2 (every lesson has two); the module's handout shows them too.
    _set(course / M1 / "exercises" / "exercise-00002.yml", "title", "Renamed exercise")
    assert sorted(_same_as_clean(course).rendered) == [f"{M1}/exercises-handout.md", f"{M1}/lesson-00001.md"]


# Worksheet edits also render the pages that hold every worksheet: the printable pack and My work.
WORKSHEET_LISTS = ["my-work.md", "worksheets/printable.md"]


def test_a_worksheet_prompt_edit_renders_the_worksheet_and_the_lists(course):
    _edit(course / M1 / "worksheets" / "worksheet-00003.yml", "lines: 5", "lines: 7")
    assert sorted(_same_as_clean(course).rendered) == sorted(["worksheets/worksheet-00003.md"] + WORKSHEET_LISTS)


def test_a_worksheet_title_edit_also_renders_the_lesson_that_links_it(course):
    _set(course / M1 / "worksheets" / "worksheet-00003.yml", "title", "Renamed worksheet")
    # The next lesson too: its Previous is this worksheet.
    assert sorted(_same_as_clean(course).rendered) == sorted(
        [f"{M1}/lesson-00003.md", f"{M1}/lesson-00004.md", "worksheets/worksheet-00003.md"] + WORKSHEET_LISTS)


def test_a_module_overview_edit_renders_only_the_module_page(course):
    _edit(course / M1 / "module.yml", "overview: |\n", "overview: |\n  A new first line.\n")
    assert _same_as_clean(course).rendered == [f"{M1}/index.md"]


def test_reordering_lessons_renumbers_the_lessons_that_moved(course):
    _edit(course / M1 / "module.yml", "- lesson-00001\n- lesson-00002\n", "- lesson-00002\n- lesson-00001\n")
    done = _same_as_clean(course)
    # Their worksheets swap places too, on the pages that list every worksheet in course order.
    # And the pages whose Previous or Next changed: both worksheets and the lesson after them.
    assert sorted(done.rendered) == sorted(["course-map.json", "index.md", f"{M1}/index.md", f"{M1}/lesson-00001.md",
                                            f"{M1}/lesson-00002.md", f"{M1}/lesson-00003.md", f"{M1}/exercises-handout.md",
                                            "worksheets/worksheet-00001.md", "worksheets/worksheet-00002.md"]
                                           + WORKSHEET_LISTS)


def test_a_same_size_edit_within_one_clock_tick_is_still_seen(course):
    path = lesson(course, 5)
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    title = yaml.safe_load(text)["title"]
    path.write_text(text.replace(f"title: {title}", f"title: {title[::-1]}", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time, same inode
    assert f"{M1}/lesson-00005.md" in _same_as_clean(course).rendered


def test_adding_a_lesson_matches_a_clean_build(course):
    shutil.copy(lesson(course, 2), lesson(course, 99))
    _edit(lesson(course, 99), "id: lesson-00002", "id: lesson-00099")
    _edit(course / M1 / "module.yml", "- lesson-00010\n", "- lesson-00010\n- lesson-00099\n")
    done = _same_as_clean(course)
    # The module's lessons say "Lesson 3 of 11" now; the other module's lessons are left alone.
    assert f"{M1}/lesson-00099.md" in done.rendered and "module-0002/lesson-00011.md" not in done.rendered


def test_errors_and_their_repair_match_a_clean_build(course):
    exercise = course / M1 / "exercises" / "exercise-00002.yml"
    saved = exercise.read_bytes()
    exercise.unlink()
    _set(lesson(course, 4), "minutes", "many")
    outcome = _outcome(incremental.build_course, course)
    assert outcome[0] == "error"
    assert any("exercise-00002" in p for p in outcome[1]) and any("minutes" in p for p in outcome[1])
    assert outcome == _outcome(build.build_course, course)
    exercise.write_bytes(saved)
    _set(lesson(course, 4), "minutes", 30)
    assert _same_as_clean(course).rendered  # repaired: builds again, the same as a clean build


def test_a_broken_yaml_file_matches_a_clean_build(course):
    _edit(lesson(course, 2), "title:", "title: [unclosed\n")
    assert _outcome(incremental.build_course, course)[0] == "error"
    assert _outcome(incremental.build_course, course) == _outcome(build.build_course, course)


def test_template_overrides_disable_page_reuse(course, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "lesson.md.j2").write_text('{% extends "builtin/lesson.md.j2" %}\n', encoding="utf-8")
    _same_as_clean(course, templates)
    _edit(lesson(course, 3), "body: |\n", "body: |\n    Added.\n\n")
    done = _same_as_clean(course, templates)
    assert len(done.rendered) == len(done.rendered) + done.reused and done.reused == 0


def test_a_changed_template_renders_every_page_again(course, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "README.md").write_text("no overrides yet\n", encoding="utf-8")
    _same_as_clean(course, templates)
    assert _same_as_clean(course, templates).rendered == []
    (templates / "home.md.j2").write_text('{% extends "builtin/home.md.j2" %}\n', encoding="utf-8")
    assert _same_as_clean(course, templates).full


# Every value of every file changed in turn: a page input that render.page_specs forgot to name would
# leave a stale page here. The fixture course uses every exercise and prompt kind and instructor notes;
# the instructor edition shows the most of it.


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    else:
        yield path, data


def _changed(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        # Ids stay ids (so references break loudly), text gets a visible change.
        return f"{value}-x" if value.replace("-", "").isalnum() and value == value.lower() else f"{value} (changed)"
    return "changed"


def _replace(data, path, value):
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replace(copy[path[0]], path[1:], value)
    return copy


@pytest.mark.parametrize("edition", ["learner", "instructor"])
def test_every_change_to_every_value_matches_a_clean_build(tmp_path, edition):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content, ignore=shutil.ignore_patterns("templates"))
    _same_as_clean(content, edition=edition)
    checked = 0
    for path in sorted(content.rglob("*.yml")):
        original = path.read_bytes()
        data = yaml.load(original, Loader=LOADER)  # the generator's loader: the fixture uses its leeway
        for leaf, value in _leaves(data):
            path.write_text(yaml.safe_dump(_replace(data, leaf, _changed(value)), sort_keys=False),
                            encoding="utf-8")
            _same_as_clean(content, may_fail=True, edition=edition)
            checked += 1
        path.write_bytes(original)
    assert checked > 100
