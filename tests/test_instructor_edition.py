"""The instructor edition has notes, timings, answer keys and facilitation guides; the learner
edition has none of them."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT
from generator.build import check_course

ANSWER_KEY = re.compile(r'<div class="admonition success course-instructor course-answer-key">(.*?)</div>',
                        re.DOTALL)


def words(text: str) -> str:
    """Text reduced to its lowercase words, so Markdown, HTML and typography do not matter."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"\]\([^)]*\)", " ", text)  # the targets of Markdown links are not shown
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def site_text(site: Path) -> str:
    """Every word a reader (or the search box) can reach in a built site."""
    parts = [path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    parts += [f"{doc['title']} {doc['text']}" for doc in index["docs"]]
    return words(" ".join(parts))


def instructor_notes() -> list[str]:
    bundle, _ = check_course(CONTENT)
    items = [bundle.course, *bundle.modules, *bundle.lessons.values(), *bundle.worksheets.values()]
    notes = [item.instructor_notes for item in items if item.instructor_notes.strip()]
    assert notes, "the shipped course should have instructor notes to test with"
    return notes


def answer_key_texts(site: Path) -> list[str]:
    """The body of every answer key in a built site (without its title)."""
    keys = []
    for path in sorted(site.rglob("*.html")):
        for block in ANSWER_KEY.findall(path.read_text(encoding="utf-8")):
            keys.append(re.sub(r'<p class="admonition-title">.*?</p>', "", block, flags=re.DOTALL))
    return keys


def test_instructor_notes_are_only_in_the_instructor_edition(built_site, instructor_site):
    learner, instructor = site_text(built_site), site_text(instructor_site)
    for note in instructor_notes():
        assert words(note) in instructor, note
        assert words(note) not in learner, note


def test_answer_keys_for_every_exercise_only_in_the_instructor_edition(built_site, instructor_site):
    bundle, _ = check_course(CONTENT)
    used = sum(len(lesson.exercises) for lesson in bundle.lessons.values())
    lesson_pages = [instructor_site / module.id / lesson_id / "index.html"
                    for module in bundle.modules for lesson_id in module.lessons]
    on_lessons = sum(len(ANSWER_KEY.findall(page.read_text(encoding="utf-8"))) for page in lesson_pages)
    assert on_lessons == used  # one key under every exercise of every lesson
    keys = answer_key_texts(instructor_site)
    assert len(keys) == 4 * used  # and again in the module's facilitation guide, its answer key and the course's
    learner = site_text(built_site)
    for key in keys:
        assert words(key) and words(key) not in learner, key
    assert answer_key_texts(built_site) == []


def test_nothing_marked_for_instructors_reaches_the_learner_edition(built_site, instructor_site):
    for path in built_site.rglob("*.html"):
        assert "course-instructor" not in path.read_text(encoding="utf-8"), path
    assert any("course-instructor" in p.read_text(encoding="utf-8") for p in instructor_site.rglob("*.html"))


def test_a_facilitation_guide_per_module_with_timings(built_site, instructor_site):
    bundle, _ = check_course(CONTENT)
    for module in bundle.modules:
        assert not (built_site / module.id / "facilitation").exists()
        guide = (instructor_site / module.id / "facilitation" / "index.html").read_text(encoding="utf-8")
        assert "Module total" in guide
        lessons = bundle.lessons_of(module)
        for lesson in lessons:
            assert lesson.title in html.unescape(guide)
        total = sum(lesson.minutes for lesson in lessons)
        hours, minutes = divmod(total, 60)
        expected = f"{minutes} min" if not hours else f"{hours} h" + (f" {minutes} min" if minutes else "")
        assert f"<strong>{expected}</strong>" in guide


def test_the_instructor_edition_has_its_own_site_url(built_site, instructor_site):
    """Canonical links and the sitemap of each edition name its own pages, never the other's."""
    import yaml

    learner_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    instructor_url = next(line.split(":", 1)[1].strip() for line in
                          (ROOT / "mkdocs-instructor.yml").read_text(encoding="utf-8").splitlines()
                          if line.startswith("site_url:"))
    assert instructor_url != learner_url
    sitemap = (instructor_site / "sitemap.xml").read_text(encoding="utf-8")
    assert learner_url not in sitemap
    assert f"<loc>{instructor_url}growth-mindset/facilitation/</loc>" in sitemap
    facilitation = (instructor_site / "growth-mindset" / "facilitation" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{instructor_url}growth-mindset/facilitation/">' in facilitation
    assert learner_url in (built_site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def instructor_pages() -> dict[str, str]:
    """The shipped course's instructor edition as Markdown pages, by path (no site build)."""
    from generator.build import build_course

    return {page.path: page.content for page in build_course(CONTENT, edition="instructor").pages}


def _plan_minutes(bundle, lesson) -> int:
    # Worked out here from the YAML, apart from the generator's own sum.
    activity = {**bundle.exercises, **bundle.worksheets}
    return sum(step.minutes if step.minutes is not None else activity[step.activity].minutes
               for step in lesson.session_plan)


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{rest} min" if not hours else f"{hours} h" + (f" {rest} min" if rest else "")


def test_session_times_are_added_up_from_the_lessons(instructor_pages):
    bundle, _ = check_course(CONTENT)
    for module in bundle.modules:
        guide = instructor_pages[f"{module.id}/facilitation.md"]
        rows = [line for line in guide.splitlines() if re.match(r"\| \d+\. ", line)]
        assert len(rows) == len(module.sessions)
        for row, session in zip(rows, module.sessions):
            total = sum(_plan_minutes(bundle, bundle.lessons[key]) for key in session.lessons)
            assert row.endswith(f"| {_duration(total)} |"), row
        for lesson in bundle.lessons_of(module):
            assert f"| **{_duration(_plan_minutes(bundle, lesson))}** | **Session total**" in guide, lesson.id


def test_the_guides_show_activity_titles_one_time_format_and_whole_model_answers(instructor_pages):
    bundle, _ = check_course(CONTENT)
    for module in bundle.modules:
        guide = instructor_pages[f"{module.id}/facilitation.md"]
        for practised in re.findall(r"\*\(practised by: (.*?)\)\*", guide):
            assert not any(key in practised.split("; ") for key in {*bundle.exercises, *bundle.worksheets}), practised
        assert "practised by: Name the resistance" in guide or module.id != "growth-mindset"
        # An hour or more is always written "1 h 5 min", never "65 min".
        assert not re.search(r"\b([6-9]\d|\d{3,}) min\b", guide), re.search(r"\b([6-9]\d|\d{3,}) min\b", guide)
        assert "A good answer covers:" not in guide
    key = instructor_pages["growth-mindset/realistic-goals.md"]
    assert "    **A good answer:**\n\n    **Goal:**" in key


def test_a_branching_key_gives_the_reason_of_every_ending(instructor_pages):
    bundle, _ = check_course(CONTENT)
    key = instructor_pages["growth-mindset/self-compassion.md"]
    for ending in bundle.exercises["the-forgotten-name"].endings:
        assert words(ending.debrief) in words(key), ending.id
