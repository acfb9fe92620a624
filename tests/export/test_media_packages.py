"""LMS packages carry the media their pages use, at the addresses the pages name."""

from __future__ import annotations

import posixpath
import zipfile

import pytest

from generator.export.cartridge import write_cartridge
from generator.export.scorm import write_scorm
from generator.export.site import build_package_site
from learner_support import fixture_config
from lms_support import Links

MEDIA = {"media/three-steps.svg", "media/hello.webm", "media/hello.vtt"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    """The learner fixture course (a figure and a captioned video) as a SCORM 2004 package and a cartridge."""
    tmp = tmp_path_factory.mktemp("media-packages")
    bundle = build_package_site(fixture_config(tmp, "http://127.0.0.1:8000/"), tmp / "site")
    write_scorm(bundle, tmp / "site", tmp / "scorm.zip", "2004")
    write_cartridge(bundle, tmp / "site", tmp / "course.imscc")
    return {"scorm": tmp / "scorm.zip", "cartridge": tmp / "course.imscc"}


@pytest.mark.parametrize("kind", ["scorm", "cartridge"])
def test_a_package_holds_the_media_of_its_pages_where_they_point(packages, kind):
    with zipfile.ZipFile(packages[kind]) as archive:
        names = set(archive.namelist())
        parser = Links()
        parser.feed(archive.read("basics/second-lesson.html").decode("utf-8"))
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    assert {name for name in names if name.startswith("media/")} == MEDIA  # what pages use, nothing more
    used = {posixpath.normpath(posixpath.join("basics", link)) for link in parser.found if "media/" in link}
    assert used == MEDIA
    assert all(f'href="{name}"' in manifest for name in MEDIA)
