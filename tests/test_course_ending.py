"""The shipped course's ending and session kit, held by tests: it ends with a comparable self-check,
a completion record and an evaluation; every module has cuts for a short session; the glossary
explains the idioms; the research the course draws on is credited."""

from __future__ import annotations

from conftest import CONTENT

from generator.build import check_course

BUNDLE, _ = check_course(CONTENT)
LESSONS = list(BUNDLE.lessons.values())


def test_the_final_self_check_repeats_the_first_one():
    assessments = [BUNDLE.exercises[eid] for lesson in LESSONS for eid in lesson.exercises
                   if BUNDLE.exercises[eid].type == "self_assessment"]
    first, last = assessments[0], assessments[-1]
    assert last.id in LESSONS[-1].exercises and last.compare_with == first.id
    assert [(s.id, s.text, s.reverse) for s in last.statements] == [(s.id, s.text, s.reverse) for s in first.statements]
    assert (last.scale_min, last.scale_max) == (first.scale_min, first.scale_max)


def test_the_course_ends_with_a_record_and_an_evaluation():
    course = BUNDLE.course
    assert course.record is not None and course.record.action_plan == ["continuous-learning-plan"]
    assert course.evaluation == LESSONS[-1].worksheet
    body = " ".join(section.body for section in LESSONS[-1].sections)
    assert "../my-record.md" in body and "not a certificate" in body


def test_instructors_get_materials_online_guidance_and_cuts_for_every_module():
    assert BUNDLE.course.materials and "breakout rooms" in BUNDLE.course.online_sessions
    assert all(module.short_on_time for module in BUNDLE.modules)


def test_the_glossary_explains_the_idioms():
    terms = {term.id: term for term in BUNDLE.glossary.terms}
    for idiom in ("working-a-room", "pick-someones-brain", "schmoozing", "small-talk", "comfort-zone"):
        assert idiom in terms


def test_the_research_the_course_draws_on_is_credited():
    references = {(ref.author.split(",")[0], ref.year) for lesson in LESSONS for ref in lesson.references}
    assert {("Dweck", 2006), ("Neff", 2011), ("Neff", 2003), ("Locke", 2002)} <= references


def test_every_module_has_a_figure_with_alt_text_and_a_caption():
    for module in BUNDLE.modules:
        figures = [section.figure for lesson in BUNDLE.lessons_of(module) for section in lesson.sections
                   if section.figure]
        assert figures, f"module '{module.id}' has no figure"
        assert all(figure.alt and figure.caption for figure in figures)
        for figure in figures:  # drawn with real text, so it stays sharp and searchable
            assert "<text" in (CONTENT / figure.file).read_text(encoding="utf-8")
