"""Synthetic courses of any size, shaped like the real one, for the benchmarks.

A course of N lessons has modules of ten lessons and, like the shipped course, two or three exercises
(39 in 17 lessons) and a worksheet per lesson (tests/test_benchmarks.py compares the two), and lesson texts of the real
course's length (three sections of about 115 words). Every file is valid and passes the teaching checks: objectives name the
activities that practise them, minutes add up, every exercise and worksheet is used. The same size
always gives the same files.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import yaml

LESSONS_PER_MODULE = 10
EXERCISES_PER_LESSON = 2
# The shipped course has 41 exercises in 18 lessons (5 more than two each): spread the same share evenly.
THIRD_EXERCISE_LESSONS, OF_LESSONS = 5, 18
EXERCISE_KINDS = ("single_choice", "scenario", "multiple_choice", "short_answer", "self_assessment")

_WORDS = (
    "network contact colleague mentor conversation follow-up introduction event meeting coffee goal "
    "habit practice feedback career growth skill confidence curiosity question answer listen share "
    "help offer ask thank remember plan week month small step message reply note story project team "
    "manager friend community conference workshop online profile learning change trust value honest "
    "kind clear specific simple useful regular steady patient generous open brief warm careful"
).split()


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes multi-line text as block scalars, the way instructors write it."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def _dump(root: Path, path: Path, kind: str, data: dict) -> None:
    """One content file, starting with the editor schema line that every content file carries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = "../" * len(path.relative_to(root).parts) + f"schemas/{kind}.schema.json"
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8")


class _Text:
    """Deterministic filler prose."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)

    def words(self, count: int) -> str:
        return " ".join(self.random.choice(_WORDS) for _ in range(count))

    def sentence(self, count: int = 10) -> str:
        text = self.words(count)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, words: int) -> str:
        sentences, left = [], words
        while left > 0:
            size = min(left, self.random.randint(8, 16))
            sentences.append(self.sentence(size))
            left -= size
        # Wrapped like hand-written YAML, so the loader sees realistic lines.
        lines, line = [], ""
        for word in " ".join(sentences).split():
            if len(line) + len(word) > 95:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        return "\n".join(lines + [line])

    def title(self, words: int = 3) -> str:
        return self.words(words).capitalize()


def plan(lessons: int) -> dict:
    """How many of each file a course of this many lessons has."""
    modules = math.ceil(lessons / LESSONS_PER_MODULE)
    exercises = sum(_exercise_count(i) for i in range(lessons))
    worksheets = sum(_has_worksheet(i) for i in range(lessons))
    return {"modules": modules, "lessons": lessons, "exercises": exercises, "worksheets": worksheets}


def _exercise_count(index: int) -> int:
    # 5 * index runs through every remainder of 18 once in 18 lessons (5 and 18 share no factor).
    return EXERCISES_PER_LESSON + ((THIRD_EXERCISE_LESSONS * index) % OF_LESSONS < THIRD_EXERCISE_LESSONS)


def _has_worksheet(index: int) -> bool:
    return True  # every lesson of the shipped course has its worksheet


def lesson_id(index: int) -> str:
    return f"lesson-{index + 1:05d}"


def make_course(content_dir: Path, lessons: int, seed: int = 1) -> dict:
    """Write a course of `lessons` lessons into content_dir (which must not exist yet); returns plan()."""
    if lessons < 1:
        raise ValueError("a course needs at least one lesson")
    content_dir.mkdir(parents=True)
    text = _Text(seed)
    module_ids = []
    exercise_number = 0
    for module_index in range(math.ceil(lessons / LESSONS_PER_MODULE)):
        module_id = f"module-{module_index + 1:04d}"
        module_ids.append(module_id)
        folder = content_dir / module_id
        first = module_index * LESSONS_PER_MODULE
        indexes = range(first, min(first + LESSONS_PER_MODULE, lessons))
        for index in indexes:
            exercise_ids = []
            exercise_minutes = 0
            for _ in range(_exercise_count(index)):
                exercise_number += 1
                exercise = _exercise(text, f"exercise-{exercise_number:05d}", exercise_number)
                exercise_ids.append(exercise["id"])
                exercise_minutes += exercise["minutes"]
                _dump(content_dir, folder / "exercises" / f"{exercise['id']}.yml", "exercise", exercise)
            worksheet = _worksheet(text, f"worksheet-{index + 1:05d}") if _has_worksheet(index) else None
            if worksheet:
                _dump(content_dir, folder / "worksheets" / f"{worksheet['id']}.yml", "worksheet", worksheet)
            lesson = _lesson(text, lesson_id(index), exercise_ids, exercise_minutes, worksheet)
            _dump(content_dir, folder / "lessons" / f"{lesson['id']}.yml", "lesson", lesson)
        _dump(content_dir, folder / "module.yml", "module", {
            "id": module_id,
            "title": f"Module {module_index + 1}: {text.title()}",
            "overview": text.paragraph(60) + "\n",
            "objectives": [text.sentence(9) for _ in range(3)],
            "lessons": [lesson_id(index) for index in indexes],
            "instructor_notes": text.paragraph(30) + "\n",
        })
    _dump(content_dir, content_dir / "course.yml", "course", {
        "id": "synthetic-course",
        "title": f"A Synthetic Course of {lessons} Lessons",
        "description": text.paragraph(60) + "\n",
        "audience": text.paragraph(30) + "\n",
        "outcomes": [text.sentence(10) for _ in range(4)],
        "how_to_use": text.paragraph(40) + "\n",
        "modules": module_ids,
        "instructor_notes": text.paragraph(30) + "\n",
    })
    return plan(lessons)


def _lesson(text: _Text, identifier: str, exercise_ids: list[str], exercise_minutes: int,
            worksheet: dict | None) -> dict:
    sections = [{"heading": text.title(4), "body": text.paragraph(90) + "\n\n" + text.paragraph(25) + "\n"}
                for _ in range(3)]
    words = sum(len(section["body"].split()) for section in sections)
    activities = exercise_ids + ([worksheet["id"]] if worksheet else [])
    minutes = math.ceil(words / 200) + exercise_minutes + (worksheet["minutes"] if worksheet else 0)
    lesson = {
        "id": identifier,
        "title": text.title(4),
        "minutes": minutes,
        "objectives": [{"text": text.sentence(9), "practised_by": [activity]} for activity in activities[:2]],
        "sections": sections,
        "key_takeaways": [text.sentence(8) for _ in range(3)],
        "exercises": exercise_ids,
    }
    if worksheet:
        lesson["worksheet"] = worksheet["id"]
    lesson["instructor_notes"] = text.paragraph(35) + "\n"
    return lesson


def _exercise(text: _Text, identifier: str, number: int) -> dict:
    kind = EXERCISE_KINDS[number % len(EXERCISE_KINDS)]
    base = {"id": identifier, "type": kind, "title": text.title(3), "minutes": 5}
    if kind in ("single_choice", "multiple_choice"):
        correct = {0} if kind == "single_choice" else {0, 2}
        options = [{"text": text.sentence(10), "correct": index in correct, "feedback": text.paragraph(25) + "\n"}
                   for index in range(4)]
        return base | {"prompt": text.paragraph(30) + "\n", "options": options}
    if kind == "short_answer":
        return base | {"prompt": text.paragraph(30) + "\n", "model_answer": text.paragraph(40) + "\n", "lines": 5}
    if kind == "scenario":
        responses = [{"text": text.sentence(12), "rating": rating, "feedback": text.paragraph(25) + "\n"}
                     for rating in ("poor", "best", "okay")]
        return base | {"situation": text.paragraph(45) + "\n", "question": text.sentence(8),
                       "responses": responses}
    statements = [{"id": f"statement-{index + 1}", "text": text.sentence(10), "reverse": index == 1}
                  for index in range(3)]
    bands = [{"min": low, "max": high, "label": text.title(2), "feedback": text.paragraph(20) + "\n"}
             for low, high in ((3, 7), (8, 11), (12, 15))]
    return base | {"prompt": text.paragraph(20) + "\n", "statements": statements, "bands": bands}


def _worksheet(text: _Text, identifier: str) -> dict:
    return {
        "id": identifier,
        "title": text.title(4),
        "intro": text.paragraph(40) + "\n",
        "minutes": 10,
        "prompts": [
            {"id": "recent-moment", "type": "text", "label": text.sentence(12), "help": text.sentence(14),
             "lines": 5},
            {"id": "sources", "type": "checklist", "label": text.sentence(7),
             "items": [text.sentence(6) for _ in range(5)]},
            {"id": "comfort", "type": "scale", "label": text.sentence(12), "min": 1, "max": 5,
             "min_label": "Not at all", "max_label": "Completely"},
            {"id": "rewrites", "type": "table", "label": text.sentence(9),
             "columns": ["Thought", "Rewrite", "Next step"], "rows": 3},
            {"id": "first-step", "type": "text", "label": text.sentence(9), "lines": 2},
        ],
        "instructor_notes": text.paragraph(25) + "\n",
    }
