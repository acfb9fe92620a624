"""The Common Cartridge of the shipped course: a v1p3 manifest with the course's structure, its
files, and QTI quizzes that give the right answer and each option's feedback as in the YAML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

from generator.export.scored import scored_exercises
from lms_support import cartridge_package, link_problems, package_build, package_text
from test_instructor_edition import instructor_notes, words

CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS = {"cp": CP, "q": QTI}


def read(name: str) -> bytes:
    with zipfile.ZipFile(cartridge_package()) as archive:
        return archive.read(name)


def manifest() -> ET.Element:
    return ET.fromstring(read("imsmanifest.xml"))


def namespaces(xml: bytes) -> set[str]:
    return set(re.findall(rb'xmlns(?::\w+)?="([^"]+)"', xml))


def test_every_namespace_of_the_cartridge_is_v1p3():
    with zipfile.ZipFile(cartridge_package()) as archive:
        xml_files = [name for name in archive.namelist() if name.endswith(".xml")]
        found = set().union(*(namespaces(archive.read(name)) for name in xml_files))
    assert found, "no namespaces found"
    # QTI 1.2's own namespace is the one the Common Cartridge profile of QTI uses.
    assert {ns for ns in found if b"v1p3" not in ns} == {QTI.encode()}
    root = manifest()
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "IMS Common Cartridge"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.3.0"


def test_the_organisation_is_the_course_structure_with_its_quizzes():
    bundle, _ = package_build()
    root = manifest()
    organization = root.find("cp:organizations/cp:organization", NS)
    assert organization.get("structure") == "rooted-hierarchy"
    (top,) = organization.findall("cp:item", NS)
    units = top.findall("cp:item", NS)
    assert [unit.findtext("cp:title", namespaces=NS) for unit in units] == \
        [bundle.course.title] + [module.title for module in bundle.modules]
    resources = {r.get("identifier"): r for r in root.iter(f"{{{CP}}}resource")}
    quizzed = {exercise.lesson_id for exercise in scored_exercises(bundle)}
    for module, unit in zip(bundle.modules, units[1:]):
        expected = [module.title]
        for lesson in bundle.lessons_of(module):
            expected.append(lesson.title)
            if lesson.id in quizzed:
                expected.append(f"Check your understanding: {lesson.title}")
        items = unit.findall("cp:item", NS)
        assert [item.findtext("cp:title", namespaces=NS) for item in items] == expected
        for item in items:
            resource = resources[item.get("identifierref")]
            kind = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment" if "Check your" in item.findtext("cp:title", namespaces=NS) \
                else "webcontent"
            assert resource.get("type") == kind


def test_every_file_named_is_in_the_cartridge_and_every_file_is_named():
    root = manifest()
    listed = [file.get("href") for file in root.iter(f"{{{CP}}}file")]
    assert len(listed) == len(set(listed)), "a file is listed twice"
    with zipfile.ZipFile(cartridge_package()) as archive:
        names = set(archive.namelist())
    assert set(listed) == names - {"imsmanifest.xml"}
    identifiers = {r.get("identifier") for r in root.iter(f"{{{CP}}}resource")}
    references = {e.get("identifierref") for e in root.iter() if e.get("identifierref")}
    assert references <= identifiers
    for resource in root.iter(f"{{{CP}}}resource"):
        if resource.get("href"):
            assert resource.get("href") in names


def test_every_link_of_every_page_names_a_file_in_the_cartridge():
    assert link_problems(cartridge_package()) == []


def test_the_quizzes_give_the_right_answers_and_each_option_s_feedback_as_the_yaml():
    bundle, _ = package_build()
    root = manifest()
    items = {}
    for resource in root.iter(f"{{{CP}}}resource"):
        if resource.get("type").startswith("imsqti"):
            quiz = ET.fromstring(read(resource.find("cp:file", NS).get("href")))
            for item in quiz.iter(f"{{{QTI}}}item"):
                items[item.get("ident")] = item
    scored = scored_exercises(bundle)
    assert set(items) == {exercise.id for exercise in scored}
    for exercise_id, item in items.items():
        exercise = bundle.exercises[exercise_id]
        options = exercise.responses if exercise.type == "scenario" else exercise.options
        right = {str(n) for n, o in enumerate(options, 1)
                 if (o.rating == "best" if exercise.type == "scenario" else o.correct)}
        labels = [label.get("ident") for label in item.iter(f"{{{QTI}}}response_label")]
        assert labels == [str(n) for n in range(1, len(options) + 1)]
        texts = [label.findtext(".//q:mattext", namespaces=NS) for label in item.iter(f"{{{QTI}}}response_label")]
        assert [words(t) for t in texts] == [words(o.text) for o in options]
        cardinality = item.find(".//q:response_lid", NS).get("rcardinality")
        assert cardinality == ("Multiple" if exercise.type == "multiple_choice" else "Single")
        # The condition that scores 100 names exactly the right options (the others under <not>).
        (scoring,) = [c for c in item.iter(f"{{{QTI}}}respcondition") if c.find("q:setvar", NS) is not None]
        assert scoring.findtext("q:setvar", namespaces=NS) == "100"
        chosen = {v.text for v in scoring.iter(f"{{{QTI}}}varequal")}
        excluded = {v.text for n in scoring.iter(f"{{{QTI}}}not") for v in n.iter(f"{{{QTI}}}varequal")}
        assert chosen - excluded == right
        # Each option, when chosen, shows its own feedback.
        feedback = {f.get("ident"): f.findtext(".//q:mattext", namespaces=NS) for f in item.iter(f"{{{QTI}}}itemfeedback")}
        for number, option in enumerate(options, 1):
            (shown,) = [c.find("q:displayfeedback", NS).get("linkrefid") for c in item.iter(f"{{{QTI}}}respcondition")
                        if c.find("q:displayfeedback", NS) is not None and c.findtext(".//q:varequal", namespaces=NS) == str(number)]
            assert words(feedback[shown]) == words(option.feedback)


def test_the_cartridge_holds_no_instructor_notes():
    text = words(package_text(cartridge_package()))
    for note in instructor_notes():
        assert words(note) not in text, note


def test_the_cartridge_s_own_titles_speak_the_course_s_language(tmp_path, monkeypatch):
    import shutil
    from conftest import FIXTURES
    from generator.build import check_course
    from generator.export import cartridge
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "course", content)
    with (content / "course.yml").open("a", encoding="utf-8") as course:
        course.write("\nlanguage: es\n")
    bundle, _ = check_course(content)
    written = {}
    monkeypatch.setattr(cartridge, "package_files", lambda site_dir: [])
    monkeypatch.setattr(cartridge, "write_zip", lambda target, site_dir, files, extra: written.update(extra))
    cartridge.write_cartridge(bundle, tmp_path, tmp_path / "course.zip")
    titles = [title.text for title in ET.fromstring(written["imsmanifest.xml"]).iter(f"{{{CP}}}title")]
    assert "Inicio del curso" in titles and "Mi trabajo" in titles
    assert "Comprueba lo que has aprendido: First Steps" in titles, titles
