"""Stage 3b, teaching checks: content that is valid but teaches less well than it could.

Every finding is a warning (a strict build turns warnings into failures):

- a lesson objective that no exercise or worksheet of its lesson practises (objectives name the
  activities that practise them in `practised_by`);
- a lesson whose `minutes` differ from its parts by more than max(5, 25% of minutes), the parts being
  reading time (words in section bodies / 200, rounded up), its exercises' and its worksheet's minutes;
- an image without alt text, in any Markdown text of any file;
- an empty section;
- a course without `outcomes`, a module without `objectives`;
- a category of a categorise exercise that no statement belongs to;
- a branching scenario whose minutes do not fit its steps: at least a minute for each step of its
  longest path, at most three minutes for each of its steps;
- starter text that `course new` wrote and nobody replaced (starters.py), in any field;
- a lesson, exercise or worksheet whose id is not its file's name: other files name it by its id,
  so a did-you-mean would point at a name the author does not see in the folder;
- a glossary term used in a lesson's objectives (its term or an alias, as whole words in any case)
  that no link `[...](term:ID)` in the lesson's sections or exercises defines for the learner;
- interface strings with no translation in the course's language: they stay in English (catalogue.py);
- in a course with translations: texts not translated, or translated from a source text that has
  changed since (translation_status.py);
- a lesson's session plan that leaves out one of its exercises or its worksheet, or names another
  lesson's; a module's sessions that leave out one of its lessons or run one twice.

(An exercise or worksheet that no lesson uses is reported by the check stage.)
"""

from __future__ import annotations

import math
import re

from .branching import graph_problems, longest_path
from .catalogue import catalogue_path, interface
from .language import language_name
from .check import CourseBundle
from .errors import Problem, did_you_mean, plural
from .glossary import uses_term
from .links import file_links, markdown_texts, source_links
from .load import display_path
from .models import BranchingScenario, Categorise, Lesson, Module
from .starters import starter_in
from .validate import Validated

WORDS_PER_MINUTE = 200
_MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\][(\[]")
_HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def check_teaching(bundle: CourseBundle, validated: list[Validated]) -> list[Problem]:
    """Every teaching warning of the course, with file, line and field."""
    problems: list[Problem] = []
    for item in validated:
        problems += file_warnings(item)
        if item.source.kind == "lesson":
            problems += minutes_warnings(item, bundle) + term_warnings(item, bundle)
    return problems


def file_warnings(item: Validated) -> list[Problem]:
    """The warnings that one file alone decides (an incremental build keeps them per file)."""
    kind, model = item.source.kind, item.model
    problems = []
    if kind == "course":
        problems += untranslated_interface(item)
    if kind == "course" and not model.outcomes:
        problems.append(_warning(item, ("outcomes",), "the course has no outcomes: say what learners "
                                 "will be able to do after it", "add 'outcomes:' with a list of lines"))
    if kind == "module" and not model.objectives:
        problems.append(_warning(item, ("objectives",), f"module '{model.id}' has no objectives",
                                 "add 'objectives:' with what learners can do after the module"))
    if kind == "module":
        problems += _sessions_cover_lessons(item)
    if kind == "lesson":
        problems += _objectives_practised(item)
        problems += _empty_sections(item)
        problems += _plan_covers_activities(item)
    if isinstance(model, Categorise):
        problems += _unused_categories(item)
    if isinstance(model, BranchingScenario):
        problems += _branching_minutes(item)
    return problems + _images_without_alt(item) + _starter_text(item) + _id_not_file_name(item)


def untranslated_interface(item: Validated) -> list[Problem]:
    """The interface strings that stay in English in the course's language (catalogue.py)."""
    language = item.model.language
    found = interface(language)
    if not found.missing:
        return []
    count, name = len(found.missing), f"{language_name(language)} ('{language}')"
    listed = ", ".join(f"'{_short(text, 40)}'" for text in found.missing[:8])
    listed += f" and {count - 8} more" if count > 8 else ""
    if found.locale is None:
        return [_warning(item, ("language",), f"the interface has no catalogue in {name}: its {count} strings stay "
                         f"in English ({listed})", f"start one with 'course messages --add {language}' and translate it")]
    where = display_path(catalogue_path(found.locale))
    return [_warning(item, ("language",), f"{plural(count, 'interface string')} {'has' if count == 1 else 'have'} "
                     f"no {name} translation in {where}, so {'it stays' if count == 1 else 'they stay'} in English: "
                     f"{listed}", "write their msgstr there, then rebuild")]


_STARTER = "starter text left in"


def is_starter_warning(problem: Problem) -> bool:
    """Whether a warning is about starter text (`course new` sums these up per file)."""
    return problem.message.startswith(_STARTER)


def _starter_text(item: Validated) -> list[Problem]:
    problems = []
    for path, text in strings(item.source.data, ()):
        found = starter_in(text) if len(text) > 8 else None
        if found:
            starter, offset = found
            problems.append(problem_at(item, path, text, offset, f"{_STARTER}: '{_short(starter, 60)}'",
                                       "replace it with your own words before publishing", "warning"))
    return problems


def _id_not_file_name(item: Validated) -> list[Problem]:
    kind, name = item.source.kind, item.source.path.stem
    if kind not in ("lesson", "exercise", "worksheet") or item.model.id == name:
        return []
    return [_warning(item, ("id",), f"the id '{item.model.id}' is not the file's name '{item.source.path.name}': "
                     f"other files name this {kind} '{item.model.id}'",
                     f"rename the file to '{item.model.id}.yml', or set id: {name}")]


def _unused_categories(item: Validated) -> list[Problem]:
    used = {statement.category for statement in item.model.statements}
    return [_warning(item, ("categories", index), f"no statement belongs to category '{category.id}'",
                     "sort at least one statement into every category, or remove it")
            for index, category in enumerate(item.model.categories) if category.id not in used]


def _branching_minutes(item: Validated) -> list[Problem]:
    scenario: BranchingScenario = item.model
    if graph_problems(item):
        return []  # a broken graph is an error already; its paths mean nothing yet
    low, high = longest_path(scenario), 3 * len(scenario.steps)
    if low <= scenario.minutes <= high:
        return []
    return [_warning(item, ("minutes",), f"{scenario.minutes} minutes do not fit {len(scenario.steps)} "
                     f"steps whose longest path has {longest_path(scenario)}: a learner reads, decides and "
                     "reads the feedback at each step", f"set minutes between {low} and {high}")]


def reading_minutes(lesson: Lesson) -> int:
    """Time to read the section bodies at 200 words a minute, rounded up."""
    words = sum(len(section.body.split()) for section in lesson.sections)
    return math.ceil(words / WORDS_PER_MINUTE)


def expected_minutes(lesson: Lesson, bundle: CourseBundle, reading: int | None = None) -> tuple[int, int, int]:
    """(reading, exercises, worksheet) minutes of a lesson; `reading` when already known."""
    exercises = sum(bundle.exercises[eid].minutes for eid in lesson.exercises if eid in bundle.exercises)
    worksheet = bundle.worksheets[lesson.worksheet].minutes if lesson.worksheet in bundle.worksheets else 0
    return reading_minutes(lesson) if reading is None else reading, exercises, worksheet


def minutes_tolerance(minutes: int) -> float:
    return max(5, 0.25 * minutes)


def _warning(item: Validated, path: tuple, message: str, hint: str = "", line: int | None = None) -> Problem:
    problem = item.source.problem(path, message, hint=hint, severity="warning")
    if line is not None:
        problem = Problem(problem.file, line, 1, problem.field, message, hint, "warning")
    return problem


def _objectives_practised(item: Validated) -> list[Problem]:
    lesson: Lesson = item.model
    activities = list(lesson.exercises) + ([lesson.worksheet] if lesson.worksheet else [])
    listed = ", ".join(activities) if activities else "none yet: add an exercise or a worksheet"
    problems = []
    for index, objective in enumerate(lesson.objectives):
        known = [key for key in objective.practised_by if key in activities]
        for position, key in enumerate(objective.practised_by):
            if key not in activities:
                problems.append(_warning(item, ("objectives", index, "practised_by", position),
                                         f"'{key}' is not an exercise or the worksheet of this lesson"
                                         f"{did_you_mean(key, activities)}",
                                         f"this lesson's activities: {listed}"))
        if not known:
            problems.append(_warning(item, ("objectives", index),
                                     f"objective '{_short(objective.text)}' is not practised by any "
                                     "exercise or worksheet of this lesson",
                                     f"write it as 'text: ...' with 'practised_by: [ids]'; "
                                     f"this lesson's activities: {listed}"))
    return problems


def _plan_covers_activities(item: Validated) -> list[Problem]:
    lesson: Lesson = item.model
    if not lesson.session_plan:
        return []
    activities = list(lesson.exercises) + ([lesson.worksheet] if lesson.worksheet else [])
    problems = [_warning(item, ("session_plan", index, "activity"), f"'{step.activity}' is not an exercise or the "
                         f"worksheet of this lesson{did_you_mean(step.activity, activities)}")
                for index, step in enumerate(lesson.session_plan) if step.activity not in activities + [None]]
    planned = {step.activity for step in lesson.session_plan}
    return problems + [_warning(item, ("session_plan",), f"'{key}' has no step in the session plan",
                                f"add a step '- activity: {key}', so that the session makes time for it")
                       for key in activities if key not in planned]


def _sessions_cover_lessons(item: Validated) -> list[Problem]:
    module: Module = item.model
    problems, session_of = [], {}
    for number, session in enumerate(module.sessions, start=1):
        for index, key in enumerate(session.lessons):
            at = ("sessions", number - 1, "lessons", index)
            if key not in module.lessons:
                problems.append(_warning(item, at, f"'{key}' is not a lesson of this module"
                                         f"{did_you_mean(key, module.lessons)}"))
            elif key in session_of:
                problems.append(_warning(item, at, f"lesson '{key}' is already in session {session_of[key]}"))
            else:
                session_of[key] = number
    if module.sessions:
        problems += [_warning(item, ("sessions",), f"lesson '{key}' is in no session",
                              "add it to the lessons of one session") for key in module.lessons if key not in session_of]
    return problems


def _empty_sections(item: Validated) -> list[Problem]:
    problems = []
    for index, section in enumerate(item.model.sections):
        if not re.sub(r"<!--.*?-->", "", section.body, flags=re.DOTALL).strip():
            problems.append(_warning(item, ("sections", index, "body"),
                                     f"section '{_short(section.heading)}' is empty",
                                     "write its text, or remove the section"))
    return problems


def minutes_warnings(item: Validated, bundle: CourseBundle, reading: int | None = None) -> list[Problem]:
    """A lesson whose minutes differ from its parts. `reading`: its reading minutes, if known."""
    lesson: Lesson = item.model
    reading, exercises, worksheet = expected_minutes(lesson, bundle, reading)
    parts = reading + exercises + worksheet
    tolerance = minutes_tolerance(lesson.minutes)
    if abs(lesson.minutes - parts) <= tolerance:
        return []
    return [_warning(item, ("minutes",),
                     f"the lesson says {lesson.minutes} minutes but its parts add up to {parts} "
                     f"(reading {reading} + exercises {exercises} + worksheet {worksheet})",
                     f"set minutes within {tolerance:g} of {parts}, or adjust the exercises' and "
                     "worksheet's minutes")]


def term_warnings(item: Validated, bundle: CourseBundle) -> list[Problem]:
    """An objective that uses a glossary term which the lesson never links (and so never defines)."""
    lesson: Lesson = item.model
    if bundle.glossary is None:
        return []
    texts = [text for _, text in markdown_texts(lesson)]
    texts += [text for eid in lesson.exercises if eid in bundle.exercises
              for _, text in markdown_texts(bundle.exercises[eid])]
    linked = {url.removeprefix("term:").partition("#")[0] for text in texts for _, url in source_links(text)
              if url.startswith("term:")}
    problems = []
    for index, objective in enumerate(lesson.objectives):
        for term in bundle.glossary.terms:
            if term.id not in linked and uses_term(objective.text, term):
                problems.append(_warning(item, ("objectives", index),
                                         f"objective '{_short(objective.text)}' uses the glossary term "
                                         f"'{term.term}', which this lesson never defines",
                                         f"link its first use in a section, as [{term.term}](term:{term.id}): "
                                         "the link shows the definition"))
    return problems


def _images_without_alt(item: Validated) -> list[Problem]:
    problems = []
    for path, text, _ in file_links(item):  # the file's Markdown texts, kept from the link checks
        for offset in _images_missing_alt(text):
            line = line_in_file(item, path, text, offset)
            problems.append(_warning(item, path, "image without alt text: describe the image for "
                                     "learners who cannot see it", "write ![what the image shows](file) "
                                     "or <img alt=\"...\">", line=line))
    return problems


def _images_missing_alt(text: str) -> list[int]:
    """Offsets in text of every image whose alt text is missing or blank."""
    if "![" not in text and "<" not in text:
        return []  # no image at all, the usual case
    offsets = [m.start() for m in _MARKDOWN_IMAGE.finditer(text) if not m.group(1).strip()]
    for match in _HTML_IMAGE.finditer(text):
        alt = _HTML_ALT.search(match.group(0))
        if alt is None or not "".join(group or "" for group in alt.groups()).strip():
            offsets.append(match.start())
    return sorted(offsets)


def strings(data, path: tuple):
    """(path, text) of every string value in a file's data, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))


def line_in_file(item: Validated, path: tuple, text: str, offset: int) -> int:
    """The file line of text[offset]: exact in literal blocks (|), else the line the value starts on."""
    line, column = item.source.position(path)
    try:
        source_line = item.source.path.read_text(encoding="utf-8-sig").splitlines()[line - 1]
    except (OSError, IndexError):
        return line
    if source_line[column - 1:column] == "|":
        return line + 1 + text.count("\n", 0, offset)
    return line


def problem_at(item: Validated, path: tuple, text: str, offset: int, message: str, hint: str = "",
               severity: str = "error") -> Problem:
    """A problem at the line and column of text[offset] in the file, where the value at path is text:
    exact in literal blocks (|), else at the value."""
    problem = item.source.problem(path, message, hint=hint, severity=severity)
    line = line_in_file(item, path, text, offset)
    if line == problem.line:
        return problem
    try:
        source_line = item.source.path.read_text(encoding="utf-8-sig").splitlines()[line - 1]
    except (OSError, IndexError):
        source_line = ""
    indent = len(source_line) - len(source_line.lstrip(" "))
    column = indent + offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(problem.file, line, column, problem.field, message, hint, severity)


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
