"""The shipped course meets the teaching rules every lesson is written to.

The content is loaded through the generator's own pipeline, so these tests see exactly what the site
is built from. Every assertion message names the lesson (or file) at fault.
"""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest

from generator.build import check_course
from generator.errors import ContentError, format_report

CONTENT = Path(__file__).resolve().parent.parent / "content"
MIN_WORDS, MAX_WORDS = 300, 700

# Loaded once at collection, so that every lesson gets tests of its own (named after its id).
try:
    BUNDLE, WARNINGS = check_course(CONTENT)
    LOAD_ERROR = None
except ContentError as error:
    BUNDLE, WARNINGS, LOAD_ERROR = None, [], error
LESSONS = list(BUNDLE.lessons.values()) if BUNDLE else []


def _words(lesson) -> int:
    return sum(len(section.body.split()) for section in lesson.sections)


def _own_activities(lesson) -> set[str]:
    return set(lesson.exercises) | ({lesson.worksheet} if lesson.worksheet else set())


def test_the_course_validates_without_errors_or_warnings():
    assert LOAD_ERROR is None, f"the shipped course has content errors:\n{LOAD_ERROR}"
    assert not WARNINGS, f"the shipped course has warnings:\n{format_report(WARNINGS)}"


def test_the_course_has_outcomes_and_every_module_has_objectives():
    assert BUNDLE is not None, "the shipped course does not load; see the test above"
    assert BUNDLE.course.outcomes, "course.yml: the course lists no outcomes"
    for module in BUNDLE.modules:
        assert module.objectives, f"module '{module.id}': no objectives"


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_objectives_are_practised_by_its_own_activities(lesson):
    assert 2 <= len(lesson.objectives) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.objectives)} objectives, expected 2 to 4")
    own = _own_activities(lesson)
    for objective in lesson.objectives:
        assert objective.practised_by, (
            f"lesson '{lesson.id}': objective '{objective.text}' names no practising activity")
        strangers = set(objective.practised_by) - own
        assert not strangers, (
            f"lesson '{lesson.id}': objective '{objective.text}' is practised by {sorted(strangers)}, "
            f"which are not this lesson's exercises or worksheet ({sorted(own)})")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_body_has_two_to_four_sections_of_the_right_length(lesson):
    assert 2 <= len(lesson.sections) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.sections)} sections, expected 2 to 4")
    words = _words(lesson)
    assert MIN_WORDS <= words <= MAX_WORDS, (
        f"lesson '{lesson.id}': section bodies hold {words} words, expected {MIN_WORDS} to {MAX_WORDS}")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_has_takeaways_activities_and_instructor_notes(lesson):
    assert 3 <= len(lesson.key_takeaways) <= 4, (
        f"lesson '{lesson.id}': {len(lesson.key_takeaways)} key takeaways, expected 3 to 4")
    assert lesson.exercises, f"lesson '{lesson.id}': no exercises"
    assert lesson.worksheet, f"lesson '{lesson.id}': no worksheet"
    assert lesson.instructor_notes.strip(), f"lesson '{lesson.id}': no instructor notes"


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_lesson_minutes_match_its_reading_and_activities(lesson):
    # Reading at 200 words a minute, plus the time each activity says it takes.
    expected = math.ceil(_words(lesson) / 200)
    expected += sum(BUNDLE.exercises[exercise_id].minutes for exercise_id in lesson.exercises)
    if lesson.worksheet:
        expected += BUNDLE.worksheets[lesson.worksheet].minutes
    tolerance = max(5, lesson.minutes * 0.25)
    assert lesson.minutes > 0, f"lesson '{lesson.id}': minutes must be above 0"
    assert abs(lesson.minutes - expected) <= tolerance, (
        f"lesson '{lesson.id}': minutes is {lesson.minutes}, but reading and activities add up to "
        f"{expected} (allowed difference {tolerance:g})")


def test_the_course_has_enough_practice_of_every_kind():
    from collections import Counter

    from generator.models import EXERCISE_KINDS

    assert BUNDLE is not None, str(LOAD_ERROR)
    kinds = Counter(exercise.type for exercise in BUNDLE.exercises.values())
    assert len(BUNDLE.exercises) >= 14, f"only {len(BUNDLE.exercises)} exercises"
    for kind in EXERCISE_KINDS:
        name = kind.model_fields["type"].annotation.__args__[0]
        assert kinds[name] >= 2, f"exercise kind {name} is used {kinds[name]} times"
    assert len(BUNDLE.worksheets) >= 8, f"only {len(BUNDLE.worksheets)} worksheets"


def test_choice_questions_give_feedback_on_every_option():
    assert BUNDLE is not None, str(LOAD_ERROR)
    for exercise in BUNDLE.exercises.values():
        for option in getattr(exercise, "options", None) or getattr(exercise, "responses", None) or []:
            assert len(option.feedback.split()) >= 6, f"{exercise.id}: feedback too thin: {option.feedback!r}"


# --- one cast: a name is one person ---------------------------------------------------------------

# A cast line of course.yml's instructor notes: "- **Leila**, data analyst: her situation and arc"
CAST_LINE = re.compile(r"^- \*\*(?P<name>[^*]+)\*\*, (?P<job>[^:\n]+):", re.M)
# Capitalised words that start sentences in more than one lesson but name nobody.
NOT_NAMES = frozenset({"Dear", "Distinguish", "Dr", "Hi", "Higher", "Identify", "Invent", "Meanwhile"})
_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]+\b")
# Words ending so are verbs, adverbs and nouns that start sentences ("Batching", "Overall"), not names.
_NOT_A_NAME_ENDING = re.compile(r"(ing|ly|ion|ed|ise|ment|ness|ers|ts|all|able)$")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _lesson_text(bundle, lesson) -> str:
    """Everything a lesson shows or says: its own fields, its exercises and its worksheet. Its
    references are left out: their authors and publishers are real people and firms, not the cast."""
    parts = list(_strings(lesson.model_dump(exclude={"references"})))
    for exercise_id in lesson.exercises:
        parts += _strings(bundle.exercises[exercise_id].model_dump())
    if lesson.worksheet:
        parts += _strings(bundle.worksheets[lesson.worksheet].model_dump())
    return "\n".join(" ".join(part.split()) for part in parts)  # one space between words


def names_by_lesson(bundle) -> dict[str, set[str]]:
    """Every first name the lessons use, with the lessons that use it. A name is a capitalised word
    that the course never writes in lower case, is not a weekday, month or word of a title."""
    import calendar

    texts = {lesson.id: _lesson_text(bundle, lesson) for lesson in bundle.lessons.values()}
    lower_words = {word for text in texts.values() for word in re.findall(r"\b[a-zà-ÿ]+\b", text)}
    titles = [item.title for group in (bundle.lessons, bundle.exercises, bundle.worksheets)
              for item in getattr(bundle, group.__class__.__name__, group).values()]
    not_names = (set(NOT_NAMES) | set(calendar.day_name) | set(calendar.month_name)
                 | {word for title in titles for word in _CAPITALISED.findall(title)})
    found: dict[str, set[str]] = {}
    for lesson_id, text in texts.items():
        for word in _CAPITALISED.findall(text):
            if word.lower() in lower_words or word in not_names or _NOT_A_NAME_ENDING.search(word):
                continue
            found.setdefault(word, set()).add(lesson_id)
    return found


def cast(course) -> dict[str, str]:
    """The recurring cast written down in course.yml's instructor notes: name -> job."""
    return {match["name"]: match["job"].strip() for match in CAST_LINE.finditer(course.instructor_notes)}


def cast_problems(bundle) -> list[str]:
    """Every way the lessons break the cast: a name in two lessons that is not in the cast, a cast
    member given another job, a cast member with no arc, two names too alike to tell apart."""
    members, names = cast(bundle.course), names_by_lesson(bundle)
    problems = [f"'{name}' appears in {len(lessons)} lessons ({', '.join(sorted(lessons))}) but is not in the "
                f"cast of course.yml: rename all but one, or add them to the cast"
                for name, lessons in sorted(names.items()) if len(lessons) > 1 and name not in members]
    texts = {lesson.id: _lesson_text(bundle, lesson) for lesson in bundle.lessons.values()}
    for name, job in members.items():
        lessons = names.get(name, set())
        if len(lessons) < 2:
            problems.append(f"cast member '{name}' appears in {len(lessons)} lesson(s): a cast member has an arc")
        # "Leila, a data analyst", "Tomás, the civil engineer", "Leila is a data analyst"
        described = re.compile(rf"\b{re.escape(name)}(?:,| is| was) (?:a|an|the) ([a-z][a-z -]*[a-z])")
        for lesson_id, text in texts.items():
            for match in described.finditer(text):
                if not match[1].startswith(job):
                    problems.append(f"lesson '{lesson_id}': {name} is described as '{match[1]}', but the cast "
                                    f"says '{job}'")
    alike: dict[str, str] = {}
    for name in names:
        key = re.sub(r"(.)\1", r"\1", name.lower()).removesuffix("h")  # Hana and Hannah, Ana and Anna
        if key in alike and alike[key] != name:
            problems.append(f"'{alike[key]}' and '{name}' are too alike to be two people")
        alike[key] = name
    return problems


def test_a_name_is_one_person_and_the_cast_is_written_down():
    assert BUNDLE is not None, str(LOAD_ERROR)
    assert len(cast(BUNDLE.course)) >= 5, "course.yml: the instructor notes list no cast"
    assert not cast_problems(BUNDLE), "\n".join(cast_problems(BUNDLE))


def test_the_cast_check_finds_a_name_used_for_two_people():
    # The check above must be able to fail: give a one-lesson name to a second person.
    assert BUNDLE is not None, str(LOAD_ERROR)
    lesson = BUNDLE.lessons["digital-tools"]
    section = lesson.sections[0].model_copy(update={"body": lesson.sections[0].body + "\nPriya, a nurse, agrees."})
    lessons = dict(BUNDLE.lessons, **{lesson.id: lesson.model_copy(update={"sections": [section]})})
    broken = dataclasses.replace(BUNDLE, lessons=lessons)
    assert any("'Priya' appears in 2 lessons" in problem for problem in cast_problems(broken))
    section = section.model_copy(update={"body": "Marcus, a nurse, agrees with Hannah."})
    lessons[lesson.id] = lesson.model_copy(update={"sections": [section]})
    problems = cast_problems(dataclasses.replace(BUNDLE, lessons=lessons))
    assert any("Marcus is described as 'nurse'" in problem for problem in problems), problems


# --- titles in our own words ----------------------------------------------------------------------

SEEDS = Path("/work/shared/seeds")
_STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "to", "up", "out", "on", "in", "for", "with", "your", "my"})


def title_words(title: str) -> frozenset[str]:
    """A title's words without case, punctuation, chapter numbers, small words or spelling variants."""
    text = re.sub(r"^chapter \d+:", "", title.lower()).replace("practis", "practic")
    return frozenset(word for word in re.findall(r"[a-z]+", text) if word not in _STOP_WORDS)


def source_headings(text: str) -> list[str]:
    """The headings of a plain-text chapter: lines underlined with = or -."""
    lines = text.splitlines()
    return [line.strip() for line, under in zip(lines, lines[1:])
            if line.strip() and re.fullmatch(r"(=+|-+)", under.strip())]


def borrowed_titles(titles: dict[str, str], headings: list[str]) -> list[str]:
    """Titles equal to a source heading, or holding all of its words (a heading of two words or more)."""
    problems = []
    for where, title in titles.items():
        words = title_words(title)
        for heading in headings:
            source = title_words(heading)
            if words == source or (len(source) >= 2 and source <= words):
                problems.append(f"{where}: title '{title}' repeats the source heading '{heading}'")
    return problems


def _all_titles(bundle) -> dict[str, str]:
    titles = {"course.yml": bundle.course.title}
    titles.update({f"module '{module.id}'": module.title for module in bundle.modules})
    for kind, items in (("lesson", bundle.lessons), ("exercise", bundle.exercises), ("worksheet", bundle.worksheets)):
        titles.update({f"{kind} '{key}'": item.title for key, item in items.items()})
    return titles


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source chapters are not on this machine")
def test_no_title_is_a_heading_of_the_source_chapters():
    assert BUNDLE is not None, str(LOAD_ERROR)
    headings = [heading for path in sorted(SEEDS.glob("*.txt")) for heading in source_headings(path.read_text())]
    assert len(headings) >= 10, f"found only {len(headings)} headings in {SEEDS}"
    problems = borrowed_titles(_all_titles(BUNDLE), headings)
    assert not problems, "\n".join(problems)


def test_the_title_check_finds_a_borrowed_heading():
    headings = source_headings("Chapter 7: Staying Informed\n=====\n\nPracticing Self-Compassion\n-----\ntext\n")
    assert headings == ["Chapter 7: Staying Informed", "Practicing Self-Compassion"]
    problems = borrowed_titles({"lesson 'a'": "Practising self-compassion!", "lesson 'b'": "Staying Informed and Up to Date",
                                "lesson 'c'": "Being Kind to Yourself"}, headings)
    assert [problem.split(":")[0] for problem in problems] == ["lesson 'a'", "lesson 'b'"]


# --- one threshold on the 1-10 confidence scale ---------------------------------------------------

RULE_LESSON, RULE_NAME = "realistic-goals", "seven-out-of-ten check"
# "below 7", "less than 7", "7 or more", "6 or lower": the threshold numbers a text may state.
_THRESHOLD = re.compile(r"\b(?:below|under|less than) (\d+)\b|\b(\d+) or (?:more|higher|above)\b|\b(\d+) or (?:lower|less|below)\b")


def threshold_problems(bundle) -> list[str]:
    rule_text = " ".join(section.body for section in bundle.lessons[RULE_LESSON].sections)
    statement = rule_text[rule_text.index(RULE_NAME):]
    threshold = int(re.search(r"\bBelow (\d+)", statement)[1])
    problems = [] if threshold == 7 else [f"the {RULE_NAME} says {threshold}, but its name says seven"]
    for where, text in _all_texts(bundle):
        for sentence in re.split(r"(?<=[.!?])\s", " ".join(text.split())):
            if "confiden" not in sentence.lower():
                continue
            for below, at_least, at_most in _THRESHOLD.findall(sentence):
                if (below or at_least) and int(below or at_least) != threshold or at_most and int(at_most) != threshold - 1:
                    problems.append(f"{where}: '{sentence}' disagrees with the {RULE_NAME} (below {threshold})")
    for worksheet in bundle.worksheets.values():
        for prompt in worksheet.prompts:
            plan = prompt.type == "scale" and prompt.max == 10 and re.search(r"confident .*\b(plan|goal)\b", prompt.label)
            if plan and RULE_NAME not in prompt.help:
                problems.append(f"worksheet '{worksheet.id}', prompt '{prompt.id}': a confidence rating of a plan "
                                f"must apply the {RULE_NAME}")
    return problems


def _all_texts(bundle):
    for kind, items in (("lesson", bundle.lessons), ("exercise", bundle.exercises), ("worksheet", bundle.worksheets)):
        for key, item in items.items():
            yield from ((f"{kind} '{key}'", text) for text in _strings(item.model_dump()))


def test_every_confidence_threshold_is_the_one_rule():
    assert BUNDLE is not None, str(LOAD_ERROR)
    problems = threshold_problems(BUNDLE)
    assert not problems, "\n".join(problems)


def test_the_threshold_check_finds_another_number():
    assert BUNDLE is not None, str(LOAD_ERROR)
    worksheet = BUNDLE.worksheets["my-networking-week"]
    prompts = [prompt.model_copy(update={"help": "If you rate your confidence 4 or lower, make the steps smaller."})
               if prompt.id == "week-confidence" else prompt for prompt in worksheet.prompts]
    worksheets = dict(BUNDLE.worksheets, **{worksheet.id: worksheet.model_copy(update={"prompts": prompts})})
    problems = threshold_problems(dataclasses.replace(BUNDLE, worksheets=worksheets))
    assert any("'If you rate your confidence 4 or lower" in problem for problem in problems), problems
    assert any("prompt 'week-confidence': a confidence rating of a plan" in problem for problem in problems), problems


# --- one self-compassion routine ------------------------------------------------------------------

ROUTINE = ("Notice", "Common ground", "Kind next step")


def test_the_self_compassion_routine_has_the_same_three_steps_everywhere():
    assert BUNDLE is not None, str(LOAD_ERROR)
    lesson = BUNDLE.lessons["self-compassion"]
    body = "\n".join(section.body for section in lesson.sections)
    for step in ROUTINE:
        assert f"**{step}:**" in body, f"lesson 'self-compassion': the routine does not list '{step}'"
        assert f"*{step}:*" in body, f"lesson 'self-compassion': Mei's example skips '{step}'"
        assert any(step.lower() in takeaway.lower() for takeaway in lesson.key_takeaways), step
        labels = [prompt.label for prompt in BUNDLE.worksheets["setback-reset"].prompts]
        assert any(label.startswith(step + ":") or label.startswith(step + ",") for label in labels), step


# --- session plans that add up --------------------------------------------------------------------

MAX_SESSION = 120  # minutes: a workshop session longer than two hours loses the room


def test_every_lesson_has_a_session_plan_that_fits_its_minutes():
    from generator.instructor import edition_globals
    from generator.teaching import minutes_tolerance

    assert BUNDLE is not None, str(LOAD_ERROR)
    plan = edition_globals(BUNDLE, "instructor")["session_plan"]
    for lesson in LESSONS:
        assert lesson.session_plan, f"lesson '{lesson.id}': no session plan"
        total = sum(row.minutes for row in plan(lesson))
        assert abs(total - lesson.minutes) <= minutes_tolerance(lesson.minutes), (
            f"lesson '{lesson.id}': its session plan takes {total} minutes, the lesson {lesson.minutes}")


def test_every_module_runs_in_sessions_of_two_hours_at_most():
    from generator.instructor import edition_globals

    assert BUNDLE is not None, str(LOAD_ERROR)
    sessions = edition_globals(BUNDLE, "instructor")["sessions"]
    for module in BUNDLE.modules:
        assert module.sessions, f"module '{module.id}': no sessions"
        for title, _, minutes in sessions(module):
            assert minutes <= MAX_SESSION, f"module '{module.id}', session '{title}': {minutes} minutes"


def test_no_time_is_typed_into_the_notes():
    # Times are worked out from the lessons by the instructor edition; a typed sum goes stale.
    assert BUNDLE is not None, str(LOAD_ERROR)
    notes = {"course.yml": BUNDLE.course.instructor_notes}
    notes.update({f"module '{module.id}'": module.instructor_notes for module in BUNDLE.modules})
    notes.update({f"lesson '{lesson.id}'": lesson.instructor_notes for lesson in LESSONS})
    for where, text in notes.items():
        typed = re.findall(r"\b\d+ (?:minutes?|min|hours?|h)\b|\btwo hours\b|\bsessions? per module\b", text)
        assert not typed, f"{where}: instructor notes type a time ({typed}); let the session plans add it up"
