"""Every generated page has an address of its own: an id that would take another page's place, or
a place the theme publishes into, is an error at that id's line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from learner_support import fixture_config

from generator.build import check_course
from generator.errors import ContentError
from generator.paths import address

MODULE = "10-basics/module.yml"
FIRST = "10-basics/lessons/first-steps.yml"
SECOND = "10-basics/lessons/second-steps.yml"
WORKSHEET = "10-basics/worksheets/all-prompts.yml"


def rename(content, kind: str, old: str, new: str) -> None:
    """Give a module, lesson or worksheet of the fixture course another id, everywhere it is used."""
    for path in content.rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if kind == "module":
            text = text.replace(f"id: {old}\n", f"id: '{new}'\n").replace(f"modules: [{old}]", f"modules: ['{new}']")
        else:
            text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text)
        path.write_text(text, encoding="utf-8")


def errors(content) -> list[tuple[str, int, int, str]]:
    with pytest.raises(ContentError) as caught:
        check_course(content)
    root = content.as_posix() + "/"
    return [(p.file.replace(root, ""), p.line, p.column, p.message) for p in caught.value.problems]


CASES = {
    "a lesson called index": (
        [("lesson", "first-steps", "index")],
        [(FIRST, "lesson 'index' would be published at 'basics/', which is taken by the page of module "
                 "'basics'")]),
    "a lesson called facilitation": (
        [("lesson", "second-steps", "facilitation")],
        [(SECOND, "lesson 'facilitation' would be published at 'basics/facilitation/', which is taken by "
                  "the facilitation guide of module 'basics'")]),
    "a worksheet called printable": (
        [("worksheet", "all-prompts", "printable")],
        [(WORKSHEET, "worksheet 'printable' would be published at 'worksheets/printable/', which is taken "
                     "by the generated page 'worksheets/printable.md'")]),
    "a module called my-work": (
        [("module", "basics", "my-work")],
        [(MODULE, "module 'my-work' would be published at 'my-work/', which is taken by the generated page "
                  "'my-work.md'")]),
    "a module called assets": (
        [("module", "basics", "assets")],
        [(MODULE, "module 'assets' would be published at 'assets/', which is taken by the theme's styles "
                  "and scripts (assets/)")]),
    "a module called search": (
        [("module", "basics", "search")],
        [(MODULE, "module 'search' would be published at 'search/', which is taken by the search index "
                  "(search/)")]),
    "a module called 404": (
        [("module", "basics", "404")],
        [(MODULE, "module '404' would be published at '404/', which is taken by the page for addresses "
                  "that do not exist (404.html)")]),
    "a lesson in the guide's folder": (
        [("module", "basics", "for-instructors"), ("lesson", "first-steps", "reference")],
        [(FIRST, "lesson 'reference' would be published at 'for-instructors/reference/', which is taken "
                 "by the generated page 'for-instructors/reference.md'")]),
    "a lesson and a worksheet at one address": (
        [("module", "basics", "worksheets"), ("lesson", "first-steps", "my-sheet"),
         ("worksheet", "all-prompts", "my-sheet")],
        [(FIRST, "lesson 'my-sheet' would be published at 'worksheets/my-sheet/', which is taken by the "
                 "page of worksheet 'my-sheet'"),
         (WORKSHEET, "worksheet 'my-sheet' would be published at 'worksheets/my-sheet/', which is taken by "
                     "the page of lesson 'my-sheet'")]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_colliding_ids_are_errors_at_their_line(fixture_course, case):
    renames, expected = CASES[case]
    for kind, old, new in renames:
        rename(fixture_course, kind, old, new)
    assert errors(fixture_course) == [(file, 1, 5, message) for file, message in expected]


def test_every_page_of_the_fixture_course_has_its_own_address(fixture_course):
    check_course(fixture_course)  # no error


def test_addresses_are_the_same_with_and_without_folder_urls():
    assert address("a/b.md") == address("a/b/index.md") == address("a/b.html") == "a/b"
    assert address("index.md") == "" and address("course-map.json") == "course-map.json"


def test_a_page_where_the_theme_publishes_a_file_fails_the_site_build(tmp_path, fixture_course):
    """The theme's files are read from the build itself: here an override that adds a folder."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "overrides", theme)
    (theme / "javascripts").mkdir()
    (theme / "javascripts" / "extra.js").write_text("// a file of the theme\n")
    rename(fixture_course, "module", "basics", "javascripts")
    config = fixture_config(tmp_path, "http://127.0.0.1:8000/", fixture_course)
    data = yaml.safe_load(config.read_text())
    data["theme"]["custom_dir"] = str(theme)
    config.write_text(yaml.safe_dump(data))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
                             str(tmp_path / "site")], capture_output=True, text=True, cwd=ROOT,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert ("10-basics/module.yml:1:5: error: id: module 'javascripts' would be published at 'javascripts/', "
            "which is taken by files of the theme or of a plugin (javascripts/)"
            in result.stderr), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


def test_the_pages_checked_are_the_pages_rendered(fixture_course):
    from generator.guide import guide_pages
    from generator.paths import emitted_pages
    from generator.render import page_specs

    bundle, _ = check_course(fixture_course)
    rendered = [spec.path for spec in page_specs(bundle, "instructor")] + [page.path for page in guide_pages()]
    assert sorted(path for path, _ in emitted_pages(bundle)) == sorted(rendered)
