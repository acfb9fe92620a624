"""QTI 1.2 assessments in the Common Cartridge 1.3 profile: a lesson's auto-scored exercises as a
quiz the LMS marks itself, with the feedback of each option.

Single choice and scenarios are `cc.multiple_choice.v0p1` (any right choice scores 100), multiple
choice is `cc.multiple_response.v0p1` (exactly the right set scores 100).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown

from ..plain_text import plain
from .scored import ScoredExercise

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
RESPONSE = "response1"


def html(text: str) -> str:
    """Markdown as HTML, as the site shows it (QTI carries it as escaped text/html)."""
    return markdown.markdown(text.strip(), extensions=["smarty"], output_format="html")


def assessment(ident: str, title: str, exercises: list[ScoredExercise]) -> str:
    """The assessment.xml of a quiz holding the given exercises, in order."""
    ET.register_namespace("", QTI)
    root = ET.Element(f"{{{QTI}}}questestinterop")
    test = _el(root, "assessment", ident=ident, title=title)
    _metadata(test, cc_profile="cc.exam.v0p1", qmd_assessmenttype="Examination", cc_maxattempts="unlimited")
    section = _el(test, "section", ident=f"{ident}-section")
    for exercise in exercises:
        _item(section, exercise)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _item(section: ET.Element, exercise: ScoredExercise) -> None:
    item = _el(section, "item", ident=exercise.id, title=exercise.title)
    profile = "cc.multiple_response.v0p1" if exercise.multiple else "cc.multiple_choice.v0p1"
    _metadata(_el(item, "itemmetadata"), cc_profile=profile, cc_weighting="1")
    presentation = _el(item, "presentation")
    question = html(exercise.prompt) + (f"\n<p><strong>{plain(exercise.ask)}</strong></p>" if exercise.ask else "")
    _material(presentation, question)
    response = _el(presentation, "response_lid", ident=RESPONSE,
                   rcardinality="Multiple" if exercise.multiple else "Single")
    choices = _el(response, "render_choice")
    for number, choice in enumerate(exercise.choices, 1):
        _material(_el(choices, "response_label", ident=str(number)), plain(choice.text))

    processing = _el(item, "resprocessing")
    _el(_el(processing, "outcomes"), "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")
    for number in range(1, len(exercise.choices) + 1):  # the feedback of every option chosen
        condition = _el(processing, "respcondition", {"continue": "Yes"})
        _el(_el(condition, "conditionvar"), "varequal", str(number), respident=RESPONSE)
        _el(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{number}_fb")
    condition = _el(processing, "respcondition", {"continue": "No"})
    test = _el(condition, "conditionvar")
    if exercise.multiple:
        test = _el(test, "and")
        for number in range(1, len(exercise.choices) + 1):
            parent = test if number in exercise.correct else _el(test, "not")
            _el(parent, "varequal", str(number), respident=RESPONSE)
    else:
        parent = _el(test, "or") if len(exercise.correct) > 1 else test
        for number in exercise.correct:
            _el(parent, "varequal", str(number), respident=RESPONSE)
    _el(condition, "setvar", "100", action="Set", varname="SCORE")

    for number, choice in enumerate(exercise.choices, 1):
        feedback = _el(item, "itemfeedback", ident=f"{number}_fb")
        _material(_el(feedback, "flow_mat"), html(choice.feedback))


def _metadata(parent: ET.Element, **fields: str) -> None:
    metadata = _el(parent, "qtimetadata")
    for label, entry in fields.items():
        field = _el(metadata, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


def _material(parent: ET.Element, text: str) -> None:
    _el(_el(parent, "material"), "mattext", text, texttype="text/html")


def _el(parent: ET.Element, tag: str, text: str | None = None, attributes: dict | None = None, **more) -> ET.Element:
    if isinstance(text, dict):  # _el(parent, tag, {"continue": "Yes"}): an attribute named like a keyword
        text, attributes = None, text
    node = ET.SubElement(parent, f"{{{QTI}}}{tag}", {**(attributes or {}), **more})
    if text is not None:
        node.text = text
    return node
