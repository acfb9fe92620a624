"""SCORM packages of the shipped course: the manifest, the files, the links, what the launch page
reports against, and that nothing for instructors gets in."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from generator.export.scored import scored_exercises
from generator.preview_overlay import FOLDER
from lms_support import cartridge_package, link_problems, package_build, package_text, scorm_package, unpacked
from test_instructor_edition import instructor_notes, words

CP = {"1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}
ADLCP = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}


@pytest.fixture(params=["1.2", "2004"])
def version(request):
    return request.param


def manifest(version):
    with zipfile.ZipFile(scorm_package(version)) as archive:
        return ET.fromstring(archive.read("imsmanifest.xml")), set(archive.namelist())


def test_the_manifest_names_the_version_and_one_sco(version):
    root, _ = manifest(version)
    ns = {"cp": CP[version]}
    assert root.tag == f"{{{CP[version]}}}manifest"
    assert root.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == \
        {"1.2": "1.2", "2004": "2004 4th Edition"}[version]
    organizations = root.find("cp:organizations", ns)
    assert len(organizations.findall("cp:organization", ns)) == 1
    items = organizations.findall(".//cp:item", ns)
    resources = root.findall("cp:resources/cp:resource", ns)
    assert [item.get("identifierref") for item in items] == [r.get("identifier") for r in resources]
    scorm_type = "scormtype" if version == "1.2" else "scormType"
    assert resources[0].get(f"{{{ADLCP[version]}}}{scorm_type}") == "sco"
    assert resources[0].get("href") == "launch.html"


def test_every_file_named_is_in_the_zip_and_every_file_is_named(version):
    root, names = manifest(version)
    listed = {file.get("href") for file in root.iter(f"{{{CP[version]}}}file")}
    assert listed == names - {"imsmanifest.xml"}
    assert "launch.html" in listed and "index.html" in listed
    assert not names & {"404.html", "sitemap.xml", "sitemap.xml.gz"}  # for web hosts; absolute links


def test_every_link_of_every_page_names_a_file_in_the_package(version):
    assert link_problems(scorm_package(version)) == []


def test_the_launch_page_knows_the_lessons_the_right_answers_and_the_pass_mark(version):
    bundle, _ = package_build()
    launch = (unpacked(scorm_package(version)) / "launch.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script id="course-lms-data" type="application/json">(.*?)</script>',
                                launch, re.DOTALL)[1])
    assert data["version"] == version and data["lessons"] == list(bundle.lessons)
    assert data["mastery"] == bundle.course.mastery_score == 70
    scored = {e.id: e for e in scored_exercises(bundle)}
    assert set(data["scored"]) == set(scored)
    for exercise_id, expected in data["scored"].items():
        exercise = bundle.exercises[exercise_id]
        if exercise.type == "scenario":
            right = [n for n, r in enumerate(exercise.responses, 1) if r.rating == "best"]
        else:
            right = [n for n, o in enumerate(exercise.options, 1) if o.correct]
        assert expected == {"multiple": exercise.type == "multiple_choice", "correct": right}
    # The practice kinds: each with its right attempts, in the shapes the pages save.
    practice = data["practice"]
    assert {bundle.exercises[eid].type for eid in practice} == {"branching_scenario", "ordering", "matching", "categorise"}
    assert practice["order-the-follow-up"] == [[1, 2, 3, 4, 5]]
    assert practice["the-forgotten-name"] == [[1, 1], [2, 1], [3, 1, 1]]  # every path to the best ending


def test_the_package_holds_no_instructor_notes(version):
    raw = package_text(scorm_package(version))
    text = words(raw)
    for note in instructor_notes():
        assert words(note) not in text, note
    assert "course-instructor" not in raw  # the class of every instructor-only block


def test_packages_have_no_preview_overlay(version):
    # Only `make serve` and `make serve-zensical` add it (generator/preview_overlay).
    for package in (scorm_package(version), cartridge_package()):
        assert FOLDER not in package_text(package)
        assert not [path for path in unpacked(package).rglob("*") if FOLDER in path.as_posix()]
