"""`course export`: the learner edition only, content errors reported, packages written whole or not at all."""

from __future__ import annotations

import shutil
import zipfile

from click.testing import CliRunner

from conftest import ROOT
from generator.cli import main
from learner_support import LEARNER_COURSE, fixture_config


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_instructor_edition_is_refused_with_a_reason(tmp_path):
    for args in (["export", "--edition", "instructor"], ["export", "scorm", "--edition", "instructor"]):
        result = run(*args, "--out", tmp_path / "x.zip") if len(args) > 3 else run(*args)
        assert result.exit_code == 2, result.output
        assert "learner edition only" in result.output and "instructor notes" in result.output
    result = run("export", "scorm", "--config", ROOT / "mkdocs-instructor.yml", "--out", tmp_path / "x.zip")
    assert result.exit_code == 1 and "learner edition only" in result.output
    assert not list(tmp_path.iterdir())


def test_a_package_is_replaced_whole_or_left_as_it_was(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(LEARNER_COURSE / "content", content)
    config = fixture_config(tmp_path / "config", "http://127.0.0.1:8000/", content)
    target = tmp_path / "out" / "course.zip"
    result = run("export", "scorm", "--version", "2004", "--config", config, "--out", target)
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.output
    before = target.read_bytes()
    assert "imsmanifest.xml" in zipfile.ZipFile(target).namelist()

    course = content / "course.yml"
    course.write_text(course.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = run("export", "scorm", "--config", config, "--out", target)
    assert result.exit_code == 1
    assert "course.yml" in result.output and "titel" in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["course.zip"]  # no partial file left
