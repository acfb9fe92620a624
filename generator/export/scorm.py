"""`course export scorm`: the course as a SCORM 1.2 or SCORM 2004 4th edition package.

The whole course is one SCO: its launch page (launch.html) holds the LMS session and shows the
course pages in a frame (assets/lms-launch.js), so progress, answers and the score are course-wide,
as on the site. The manifest lists every file of the package.
"""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from ..language import html_direction
from .scored import practice_answers, scored_exercises
from .site import build_package_site, package_files, staging_for, write_zip

VERSIONS = ("1.2", "2004")
LAUNCH = "launch.html"
HOME = "index.html"

_NS = {
    "1.2": {"": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
            "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"},
    "2004": {"": "http://www.imsglobal.org/xsd/imscp_v1p1",
             "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
             "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
             "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
             "imsss": "http://www.imsglobal.org/xsd/imsss"},
}
_SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}


def export_scorm(config_file: Path, target: Path, version: str = "1.2") -> str:
    """Build the course afresh and write its SCORM package to target; returns a summary line."""
    with staging_for(target) as staging:
        site_dir = staging / "site"
        bundle = build_package_site(config_file, site_dir)
        return write_scorm(bundle, site_dir, target, version)


def write_scorm(bundle, site_dir: Path, target: Path, version: str) -> str:
    """Write the SCORM package of a package build (build_package_site) to target, atomically."""
    if version not in VERSIONS:
        raise ValueError(f"SCORM version must be one of {VERSIONS}")
    launch = launch_page(bundle, version)
    files = sorted(package_files(site_dir) + [LAUNCH])
    extra = {"imsmanifest.xml": manifest(bundle, files, version), LAUNCH: launch}
    return write_zip(target, site_dir, [name for name in files if name != LAUNCH], extra)


def lms_data(bundle, version: str) -> dict:
    """What the launch page needs to report status and score: lessons, right answers, pass mark."""
    return {
        "version": version,
        "home": HOME,
        "lessons": list(bundle.lessons),
        "scored": {exercise.id: {"multiple": exercise.multiple, "correct": exercise.correct}
                   for exercise in scored_exercises(bundle)},
        "practice": practice_answers(bundle),
        "mastery": bundle.course.mastery_score,
    }


def launch_page(bundle, version: str) -> str:
    title = html.escape(bundle.course.title)
    # "</" inside the JSON would end the script element early.
    data = json.dumps(lms_data(bundle, version), sort_keys=True).replace("</", "<\\/")
    return f"""<!doctype html>
<html lang="{bundle.course.language}"{html_direction(bundle.course.language)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>html, body {{ margin: 0; height: 100%; overflow: hidden; }}
iframe {{ display: block; border: 0; width: 100%; height: 100%; }}</style>
</head>
<body>
<iframe id="course-frame" title="{title}"></iframe>
<script id="course-lms-data" type="application/json">{data}</script>
<script src="assets/lms-launch.js"></script>
</body>
</html>
"""


def manifest(bundle, files: list[str], version: str) -> str:
    """imsmanifest.xml: one organisation with the course as its one SCO, listing every file."""
    ns = _NS[version]
    for prefix, uri in ns.items():
        ET.register_namespace(prefix, uri)
    cp, adlcp = ns[""], ns["adlcp"]
    course = bundle.course
    root = ET.Element(f"{{{cp}}}manifest", identifier=f"{course.id}-scorm", version="1")
    metadata = ET.SubElement(root, f"{{{cp}}}metadata")
    ET.SubElement(metadata, f"{{{cp}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{cp}}}schemaversion").text = _SCHEMA_VERSION[version]
    organizations = ET.SubElement(root, f"{{{cp}}}organizations", default="course")
    organization = ET.SubElement(organizations, f"{{{cp}}}organization", identifier="course")
    ET.SubElement(organization, f"{{{cp}}}title").text = course.title
    item = ET.SubElement(organization, f"{{{cp}}}item", identifier="course-item", identifierref="course-sco")
    ET.SubElement(item, f"{{{cp}}}title").text = course.title
    if course.mastery_score is not None:
        if version == "1.2":
            ET.SubElement(item, f"{{{adlcp}}}masteryscore").text = str(course.mastery_score)
        else:  # the LMS passes this on to the SCO as cmi.scaled_passing_score
            ss = ns["imsss"]
            sequencing = ET.SubElement(item, f"{{{ss}}}sequencing")
            objectives = ET.SubElement(sequencing, f"{{{ss}}}objectives")
            primary = ET.SubElement(objectives, f"{{{ss}}}primaryObjective", objectiveID="mastery",
                                    satisfiedByMeasure="true")
            ET.SubElement(primary, f"{{{ss}}}minNormalizedMeasure").text = f"{course.mastery_score / 100:g}"
    resources = ET.SubElement(root, f"{{{cp}}}resources")
    scorm_type = "scormtype" if version == "1.2" else "scormType"
    resource = ET.SubElement(resources, f"{{{cp}}}resource", {
        "identifier": "course-sco", "type": "webcontent", "href": LAUNCH, f"{{{adlcp}}}{scorm_type}": "sco"})
    for name in files:
        ET.SubElement(resource, f"{{{cp}}}file", href=name)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
