"""`course export cartridge`: the course as an IMS Common Cartridge 1.3 (.imscc).

The organisation is the course's structure: one item per module (the LMS's modules or units)
holding the module page, its lessons and, after each lesson with auto-scored exercises, a quiz of
them as a QTI 1.2 assessment in the Common Cartridge profile. Pages are web content that shares
one resource of the site's other files (styles, scripts, worksheets, My work).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..catalogue import _, speaking
from ..render import home_path, lesson_path, module_path, my_work_path
from .qti import assessment
from .scored import scored_exercises
from .site import build_package_site, package_files, staging_for, write_zip

CP = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment"


def export_cartridge(config_file: Path, target: Path) -> str:
    """Build the course afresh and write its Common Cartridge to target; returns a summary line."""
    with staging_for(target) as staging:
        site_dir = staging / "site"
        bundle = build_package_site(config_file, site_dir)
        return write_cartridge(bundle, site_dir, target)


def write_cartridge(bundle, site_dir: Path, target: Path) -> str:
    """Write the cartridge of a package build (build_package_site) to target, atomically."""
    with speaking(bundle.course.language):  # the quizzes' and units' titles in the course's language
        return _write_cartridge(bundle, site_dir, target)


def _write_cartridge(bundle, site_dir: Path, target: Path) -> str:
    files = package_files(site_dir)
    quizzes = {}  # lesson id -> (resource id, assessment.xml)
    by_lesson: dict[str, list] = {}
    for exercise in scored_exercises(bundle):
        by_lesson.setdefault(exercise.lesson_id, []).append(exercise)
    for lesson_id, exercises in by_lesson.items():
        ident = f"quiz-{lesson_id}"  # a resource id, and the folder of its assessment.xml
        quizzes[lesson_id] = (ident, assessment(ident, quiz_title(bundle.lessons[lesson_id].title), exercises))
    extra = {f"{ident}/assessment.xml": xml for ident, xml in quizzes.values()}
    extra["imsmanifest.xml"] = manifest(bundle, files, {k: v[0] for k, v in quizzes.items()})
    return write_zip(target, site_dir, files, extra)


def quiz_title(lesson_title: str) -> str:
    return _("Check your understanding: %(lesson)s", lesson=lesson_title)


def html_path(markdown_path: str) -> str:
    return markdown_path.removesuffix(".md") + ".html"


def manifest(bundle, files: list[str], quizzes: dict[str, str]) -> str:
    ET.register_namespace("", CP)
    ET.register_namespace("lomimscc", LOM)
    course = bundle.course
    root = ET.Element(f"{{{CP}}}manifest", identifier=f"{course.id}-cartridge")
    metadata = _el(root, "metadata")
    _el(metadata, "schema", "IMS Common Cartridge")
    _el(metadata, "schemaversion", "1.3.0")
    general = ET.SubElement(ET.SubElement(metadata, f"{{{LOM}}}lom"), f"{{{LOM}}}general")
    ET.SubElement(ET.SubElement(general, f"{{{LOM}}}title"), f"{{{LOM}}}string", language=course.language).text = course.title
    ET.SubElement(general, f"{{{LOM}}}language").text = course.language  # LOM: after the title

    organization = _el(_el(root, "organizations"), "organization", identifier="course",
                       structure="rooted-hierarchy")
    top = _el(organization, "item", identifier="course-root")
    resources = _el(root, "resources")
    pages = []
    # A first unit to start from (the course home, My work), then one per module.
    # Identifiers carry their kind: a module and a lesson may share an id.
    units = [("start", course.title, [("home", _("Course home"), home_path()), ("my-work", _("My work"), my_work_path())])]
    for module in bundle.modules:
        units.append((f"module-{module.id}", module.title, [(f"module-{module.id}", module.title, module_path(module))] +
                      [(f"lesson-{lesson.id}", lesson.title, lesson_path(module, lesson)) for lesson in bundle.lessons_of(module)]))
    for unit_id, unit_title, entries in units:
        unit = _el(top, "item", identifier=f"unit-{unit_id}")
        _el(unit, "title", unit_title)
        for ident, title, markdown_path in entries:
            _el(_el(unit, "item", identifier=f"item-{ident}", identifierref=f"page-{ident}"), "title", title)
            pages.append((f"page-{ident}", html_path(markdown_path)))
            quiz = quizzes.get(ident.removeprefix("lesson-")) if ident.startswith("lesson-") else None
            if quiz:
                _el(_el(unit, "item", identifier=f"item-{quiz}", identifierref=quiz), "title", quiz_title(title))
    shown = {path for _, path in pages}
    for ident, path in pages:
        resource = _el(resources, "resource", identifier=ident, type="webcontent", href=path)
        _el(resource, "file", href=path)
        _el(resource, "dependency", identifierref="site-files")
    shared = _el(resources, "resource", identifier="site-files", type="webcontent")
    for name in files:
        if name not in shown:
            _el(shared, "file", href=name)
    for ident in quizzes.values():
        _el(_el(resources, "resource", identifier=ident, type=ASSESSMENT), "file", href=f"{ident}/assessment.xml")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attributes) -> ET.Element:
    node = ET.SubElement(parent, f"{{{CP}}}{tag}", attributes)
    if text is not None:
        node.text = text
    return node
