"""The authoring guide is generated from the models: every kind, every field, in the built site."""

from __future__ import annotations

import html

from conftest import ROOT
from generator.guide import (_nested_models, field_description, field_limits, guide_pages, reference_page,
                             repository_docs)
from generator.models import EXERCISE_KINDS, PROMPT_KINDS, Course, Lesson, Module, Worksheet

TOP_MODELS = [Course, Module, Lesson, Worksheet, *EXERCISE_KINDS, *PROMPT_KINDS]


def all_models():
    models = list(TOP_MODELS)
    for model in TOP_MODELS:
        models += [nested for nested in _nested_models(model) if nested not in models]
    return models


def test_every_field_of_every_model_is_described_with_its_facts():
    page = html.unescape(reference_page())
    for model in all_models():
        for name, info in model.model_fields.items():
            rows = [line for line in page.splitlines() if line.startswith(f"<tr><td><code>{name}</code></td>")]
            description = " ".join(filter(None, (field_description(name, info, model), field_limits(info))))
            matching = [row for row in rows if f"<td>{description}</td>" in row]
            assert matching, f"{model.__name__}.{name} is missing from the reference"
            required = "<td>required</td>" if info.is_required() else "<td>optional; default <code>"
            assert any(required in row for row in matching), f"{model.__name__}.{name}: required/optional"
            if info.examples:
                example = info.examples[0]
                example = str(example[0] if isinstance(example, list) else example)
                assert any(example in row for row in matching), f"{model.__name__}.{name}: example"


def test_every_file_kind_and_exercise_type_has_a_section():
    page = reference_page()
    for anchor in ("course", "module", "lesson", "exercise", "worksheet"):
        assert f"{{#{anchor}}}" in page
    for kind in (*EXERCISE_KINDS, *PROMPT_KINDS):
        assert f"`{kind.model_fields['type'].annotation.__args__[0]}`" in page


def test_the_howto_covers_the_common_tasks():
    howto = guide_pages()[0].content
    for heading in ("## Add a lesson", "## Add a worksheet", "## Preview", "## Publish", "## Set up your editor"):
        assert heading in howto
    for command in ("course new lesson", "course new worksheet", "make serve", "make site", "make instructor"):
        assert command in howto


def test_the_guide_is_a_section_of_the_instructor_edition_only(built_site, instructor_site):
    index = (instructor_site / "index.html").read_text(encoding="utf-8")
    assert "For instructors" in index  # in the navigation of every page
    reference = html.unescape((instructor_site / "for-instructors/reference/index.html").read_text(encoding="utf-8"))
    assert "practised_by" in reference
    assert Lesson.model_fields["minutes"].description in reference
    assert (instructor_site / "for-instructors/writing-the-course/index.html").is_file()
    # Learners never see it: not in the navigation, not as a page, not in search.
    assert not (built_site / "for-instructors").exists()
    assert "for-instructors" not in (built_site / "index.html").read_text(encoding="utf-8")
    search = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "for-instructors" not in search and "practised_by" not in search


def test_committed_docs_are_the_guide_of_the_current_models():
    for name, text in repository_docs().items():
        committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
        assert committed == text, f"docs/{name} is out of date: run `.venv/bin/course docs`"
    assert '<a id="exercise"></a>' in repository_docs()["reference.md"]  # the how-to's links land
    assert "](reference.md#exercise)" in repository_docs()["writing-the-course.md"]


def test_the_reference_states_the_limits():
    page = html.unescape(reference_page())
    assert "labelled A, B, C...; exactly one is correct. From 2 to 26 items.</td>" in page
    assert "so keep it stable. At most 64 characters.</td>" in page
    assert "Estimated time to complete the lesson, in minutes. From 1 to 600.</td>" in page
    assert "True/false fields take exactly `true` or `false`" in page
