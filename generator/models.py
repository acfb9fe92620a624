"""The content format: typed models, the one source of truth.

Every content file kind is a model here. The JSON Schema for editors and the authoring guide are
generated from these classes, so field descriptions and examples live only here.

Adding an exercise kind or a worksheet prompt kind takes one model class, added to EXERCISE_KINDS or
PROMPT_KINDS below, and one template named after its `type` in generator/templates/exercises/ or
generator/templates/prompts/.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal, Union

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema,
                      field_validator, model_validator)
from pydantic_core import PydanticCustomError

from .language import DEFAULT as DEFAULT_LANGUAGE, TAG_PATTERN, language_problem

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Ids name files and folders of the site (module/lesson.md), and key learners' saved answers.
MAX_ID_LENGTH = 64
# Names Windows will not give a file, whatever the extension: a site built there would lose the page.
RESERVED_NAMES = frozenset(["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt")
                                                           for n in range(1, 10)])
# Options and responses are labelled A to Z.
MAX_CHOICES = 26


class SchemaRule:
    """JSON Schema keywords added to a type's schema: a rule the validators here check, stated for
    editors and schema tools too (they underline what the generator would refuse)."""

    def __init__(self, keywords: dict):
        self.keywords = keywords

    def __get_pydantic_json_schema__(self, core_schema, handler):
        return {**handler(core_schema), **self.keywords}


def some_items(field: str, value, exactly_one: bool = False) -> dict:
    """The JSON Schema of a list in which some item (exactly one, if exactly_one) has field: value."""
    rule = {"contains": {"type": "object", "properties": {field: {"const": value}}, "required": [field]}}
    return {**rule, "minContains": 1, "maxContains": 1} if exactly_one else rule


# A list that names each id once (check.py: "listed twice"). On a list of items with ids of their own
# (prompts, steps), a schema can only refuse an item repeated whole: it cannot compare one field of
# two items, so repeated ids alone are left to `course validate`.
UNIQUE_ITEMS = {"uniqueItems": True}
# Text with something in it besides spaces (the validators strip or refuse blank text).
NOT_BLANK = SchemaRule({"pattern": r"\S"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_NAMES:
        raise PydanticCustomError("reserved_id", "'{id}' cannot be an id: Windows keeps it as a device "
                                  "name, so no file can be called that", {"id": value})
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank_text", "must not be empty (it holds only spaces)")
    return value


# The schema's pattern also leaves out the reserved names (a lookahead: JSON Schema patterns are
# ECMA-262 regular expressions).
_SCHEMA_SLUG_PATTERN = f"^(?!(?:{'|'.join(sorted(RESERVED_NAMES))})$)" + SLUG_PATTERN.removeprefix("^")
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID_LENGTH),
                 AfterValidator(_not_reserved), SchemaRule({"pattern": _SCHEMA_SLUG_PATTERN})]
# Only true and false (YAML 1.2, as editors read it): `yes`, `no`, `on` and `off` are text. The enum
# makes editors say "Valid values: true, false" for `yes`, not only that a boolean was expected.
Boolean = Annotated[bool, SchemaRule({"enum": [True, False]})]
YAML_BOOLEAN = "true or false (YAML 1.2: yes, no, on and off are text, not true/false)"


def _known_language(value: str) -> str:
    problem = language_problem(value)
    if problem:
        raise PydanticCustomError("language_tag", problem)
    return value


# A BCP 47 tag Babel knows (en, es, pt-BR); the schema gives editors its shape.
LanguageTag = Annotated[str, AfterValidator(_known_language), SchemaRule({"pattern": TAG_PATTERN})]


def choices_field(description: str, min_length: int = 2, rule: dict | None = None):
    """A list of labelled choices (options, responses, ...): at least two, at most A to Z; rule: what
    the JSON Schema states of its items besides (see some_items)."""
    return Field(min_length=min_length, max_length=MAX_CHOICES, description=description, json_schema_extra=rule)


@dataclass(frozen=True)
class TextFormat:
    """How a text field is shown. Plain text is shown exactly as written, on one line, wherever it
    appears (escaped for HTML and Markdown by render's `plain` filter); Markdown is converted."""

    name: str


PLAIN, MARKDOWN = TextFormat("plain text"), TextFormat("Markdown")
_RUNS_OF_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # any whitespace but the no-break spaces


def one_line(text: str) -> str:
    """Plain text on one line: a folded `title: >` or a stray line break becomes a single space."""
    return _RUNS_OF_SPACE.sub(" ", text).strip()


PlainText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(one_line), PLAIN,
                      NOT_BLANK]
OptionalPlainText = Annotated[str, AfterValidator(one_line), PLAIN]
Markdown = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank), MARKDOWN, NOT_BLANK]
OptionalMarkdown = Annotated[str, MARKDOWN]


# Only addresses a browser opens as a page, with a host: never javascript:, data: or file: links. One
# pattern for the models and the schemas (JSON Schema's regular expressions are ECMAScript's).
WEB_ADDRESS = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#:@]+(:[0-9]+)?([/?#]\S*)?$"


def _web_address(value: str) -> str:
    if re.match(WEB_ADDRESS, value) is None:
        shown = value if len(value) <= 60 else value[:59] + "…"
        raise PydanticCustomError("web_address", "'{url}' is not a web address: write it in full, starting "
                                  "with https:// or http://", {"url": shown})
    return value


WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_web_address),
                       SchemaRule({"pattern": WEB_ADDRESS})]


def _id_field(example: str):
    return Field(description="Identifier: lowercase letters, digits and hyphens. Other files refer to "
                             "it, and learners' saved answers are keyed by it, so keep it stable.",
                 examples=[example])


class ContentModel(BaseModel):
    """Base of every content model: unknown fields are errors, values are not changed.

    Strict: a number is never taken from true/false or from quoted text, nor true/false from a
    number or from 'yes' (YAML 1.2, as editors read it).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    # (low field, high field, whether high must be above low rather than at least low), for ranges
    # such as a scale's ends; reported at the high field, or at the low one when high is the default.
    ranges: ClassVar[tuple[tuple[str, str, bool], ...]] = ()

    @model_validator(mode="after")
    def _ranges_in_order(self):
        for low, high, above in self.ranges:
            low_value, high_value = getattr(self, low), getattr(self, high)
            if high_value > low_value or (not above and high_value == low_value):
                continue
            relation = "greater than" if above else "at least"
            if high in self.model_fields_set or low not in self.model_fields_set:
                raise PydanticCustomError("range_order", "must be {relation} {low} ({low_value}), found "
                                          "{high_value}", {"field": high, "relation": relation, "low": low,
                                                           "low_value": low_value, "high_value": high_value})
            relation = "less than" if above else "at most"
            raise PydanticCustomError("range_order", "must be {relation} {high} ({high_value} when not "
                                      "given), found {low_value}", {"field": low, "relation": relation,
                                                                    "high": high, "high_value": high_value,
                                                                    "low_value": low_value})
        return self


# --- course and modules -------------------------------------------------------------------------


# Enough to catch a typo or a name typed in the wrong field; the learner's mail program does the rest.
# No character that a mailto: link would have to escape.
EMAIL_PATTERN = r'^[^@\s<>"(),;:?&#%]+@[^@\s<>"(),;:?&#%]+\.[^@\s<>"(),;:?&#%.]+$'


def _email_address(value: str) -> str:
    if not re.fullmatch(EMAIL_PATTERN, value):
        raise PydanticCustomError("email_address", "'{value}' is not an email address (name@example.org)",
                                  {"value": value})
    return value


class Contact(ContentModel):
    """Who learners can send their course evaluation to."""

    name: PlainText = Field(description="How learners know the instructor; plain text.",
                            examples=["Amira Haddad"])
    email: Annotated[str, AfterValidator(_email_address)] = Field(
        description="The address an evaluation is emailed to. The learner's own mail program opens "
                    "with the text filled in; nothing is sent without them.", examples=["amira@example.org"],
        json_schema_extra={"pattern": EMAIL_PATTERN})  # editors underline a bad address too


class Record(ContentModel):
    """The completion record page: what the learner did in the course, kept by the learner."""

    title: PlainText = Field("My course record", description="The page title; plain text.")
    intro: OptionalMarkdown = Field("", description="A few words under the title, in Markdown.")
    action_plan: list[Slug] = Field(default_factory=list, description="Ids of the worksheets whose "
                                    "answers make up the learner's action plan, shown on the record "
                                    "in this order.", examples=[["continuous-learning-plan"]])


class Course(ContentModel):
    """The course: content/course.yml. Lists the modules in the order they are taught."""

    id: Slug = _id_field("networking-for-career-growth")
    title: PlainText = Field(description="The course title, shown on every page; plain text.",
                        examples=["Networking for Career Growth"])
    description: Markdown = Field(description="What the course is about, in Markdown; opens the home page.")
    audience: OptionalMarkdown = Field("", description="Who the course is for, in Markdown.")
    outcomes: list[PlainText] = Field(default_factory=list, description="What learners will be able to "
                                      "do after the course; each one plain text.")
    how_to_use: OptionalMarkdown = Field("", description="How to take the course online and on paper, in Markdown.")
    modules: list[Slug] = Field(min_length=1, description="Module ids in teaching order, each once.",
                                examples=[["growth-mindset", "continuous-learning"]], json_schema_extra=UNIQUE_ITEMS)
    language: LanguageTag = Field(DEFAULT_LANGUAGE, description="The language the course is written in, as a "
                                  "BCP 47 tag (en, es, de, pt-BR). It sets the language of the theme's own "
                                  "labels, of every page (<html lang>), of the PDFs and of LMS packages.",
                                  examples=["es"])
    translations: list[LanguageTag] = Field(default_factory=list, description="The languages the course is "
                                            "translated into, as BCP 47 tags, each once and not the course's own "
                                            "`language`. Each file may have a translation beside it, named with "
                                            "the tag (lessons/self-compassion.es.yml), holding only its texts. "
                                            "The site of each language is published under /<tag>/, with a "
                                            "language switcher on every page.",
                                            examples=[["es", "de"]], json_schema_extra=UNIQUE_ITEMS)
    mastery_score: int | None = Field(None, ge=0, le=100, description="The pass mark, in percent of the "
                                      "auto-scored exercises (choice and scenario) answered right. In an "
                                      "LMS package, a learner who completes every lesson passes at or "
                                      "above it and fails below; without it, they complete the course.",
                                      examples=[80])
    instructor_notes: OptionalMarkdown = Field("", description="Notes for instructors only, in Markdown; never shown to learners.")
    record: Record | None = Field(None, description="Gives the course a completion record "
                                            "page (my-record/): the lessons the learner completed, the "
                                            "date and their action plan, to print or download.")
    evaluation: Slug | None = Field(None, description="Id of the worksheet that is the course "
                                    "evaluation: its page can also download the answers as a file and, "
                                    "with instructor_contact, email them to the instructor.",
                                    examples=["course-evaluation"])
    instructor_contact: Contact | None = Field(None, description="Who receives evaluations "
                                                         "by email; without it, learners download them.")
    materials: list[Markdown] = Field(default_factory=list, description="What an instructor needs to "
                                      "run the sessions, one item each, in Markdown; instructor edition "
                                      "only (the page Running the sessions).")
    online_sessions: OptionalMarkdown = Field("", description="How to run a session online, in Markdown; "
                                              "instructor edition only (the page Running the sessions).")


class Cut(ContentModel):
    """An activity a session can leave out when time runs short, and what to do instead."""

    skip: Slug = Field(description="Id of a lesson of the module, or of an exercise or worksheet of "
                                   "one of its lessons; the time it saves is its minutes.",
                       examples=["four-strategies-in-action"])
    instead: Markdown = Field(description="What to do instead (set it as homework, a shorter version), "
                                          "in Markdown.")


class Session(ContentModel):
    """One workshop session of a module: the lessons it runs. Its time is the sum of their session plans."""

    title: PlainText = Field(description="The session's name; plain text.", examples=["Resistance and mindset"])
    lessons: list[Slug] = Field(min_length=1, description="Ids of the module's lessons run in this session, in order.",
                                examples=[["why-we-resist", "self-compassion"]])


class Module(ContentModel):
    """A module: <module folder>/module.yml. Lists its lessons in teaching order."""

    id: Slug = _id_field("growth-mindset")
    title: PlainText = Field(description="The module title; plain text.", examples=["Growing Past Networking Resistance"])
    overview: Markdown = Field(description="What the module covers and why, in Markdown.")
    objectives: list[PlainText] = Field(default_factory=list,
                                        description="What learners can do after the module; plain text.")
    lessons: list[Slug] = Field(min_length=1, description="Lesson ids in teaching order, each once.",
                                examples=[["why-we-resist", "self-compassion"]], json_schema_extra=UNIQUE_ITEMS)
    sessions: list[Session] = Field(default_factory=list, description="How a workshop runs the module: "
                                    "every lesson in one session. The facilitation guide adds up each "
                                    "session's time from its lessons' session plans.")
    instructor_notes: OptionalMarkdown = Field("", description="Notes for instructors only, in Markdown; never shown to learners.")
    short_on_time: list[Cut] = Field(default_factory=list, description="What a session of this module "
                                     "can leave out when time runs short, most expendable first; "
                                     "instructor edition only (its facilitation guide).")


# --- lessons ------------------------------------------------------------------------------------


# Media live in one folder per course, content/media/, and are named from it ("media/ladder.svg")
# everywhere: in these fields and in Markdown. The site publishes them at media/, beside the pages.
MEDIA_FOLDER = "media"
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif")
VIDEO_TYPES = (".mp4", ".webm", ".ogv", ".m4v")
AUDIO_TYPES = (".mp3", ".ogg", ".oga", ".m4a", ".wav", ".opus", ".flac")
CAPTION_TYPES = (".vtt",)


def _media_file(what: str, suffixes: tuple[str, ...]):
    """A path to a file in content/media/ of one kind: 'media/<name>' ending in one of suffixes."""

    def check(value: str) -> str:
        if re.match(r"^([a-z][a-z0-9+.-]*:|//)", value, re.IGNORECASE):
            raise PydanticCustomError("media_url", "'{value}' is on another site: the course works offline, "
                                      "so its media are files in content/media/", {"value": value})
        name = value.removeprefix("./")
        if not name.startswith(f"{MEDIA_FOLDER}/") or ".." in name.split("/") or name.endswith("/"):
            raise PydanticCustomError("media_place", "'{value}' is not in the media folder: media files live "
                                      "in content/media/ and are written 'media/<file name>'", {"value": value})
        if not name.lower().endswith(suffixes):
            raise PydanticCustomError("media_type", "'{value}' is not {what}: use a file ending in {suffixes}",
                                      {"value": value, "what": what, "suffixes": ", ".join(suffixes)})
        return name

    return Annotated[str, AfterValidator(check)]


ImageFile = _media_file("an image", IMAGE_TYPES)
VideoFile = _media_file("a video", VIDEO_TYPES)
AudioFile = _media_file("an audio file", AUDIO_TYPES)
CaptionsFile = _media_file("a captions track (WebVTT)", CAPTION_TYPES)


def _media_path_field(description: str, example: str, suffixes: tuple[str, ...]):
    pattern = rf"^(\./)?{MEDIA_FOLDER}/.+\.({'|'.join(s[1:] for s in suffixes)})$"
    return Field(description=description, examples=[example],
                 json_schema_extra={"pattern": pattern})  # for editors; the validator says why


class Figure(ContentModel):
    """An image with its alt text and an optional caption, shown after the section's text."""

    file: ImageFile = _media_path_field("The image in content/media/, written 'media/<file name>' (PNG, JPEG, "
                                        "GIF, SVG, WebP or AVIF).", "media/ladder-of-asks.svg", IMAGE_TYPES)
    alt: PlainText = Field(description="What the image shows, for learners who cannot see it (screen readers "
                           "read it aloud, and it shows if the image cannot load); plain text.",
                           examples=["A ladder of five rungs, from 'say hello' at the bottom to 'ask for an "
                                     "introduction' at the top"])
    caption: OptionalMarkdown = Field("", description="Shown under the image, in Markdown: what to notice, "
                                      "or where it comes from.",
                                      examples=["Each rung asks a little more of the other person."])


class Video(ContentModel):
    """A video file of the course, played in the page, with a captions track."""

    file: VideoFile = _media_path_field("The video in content/media/ (MP4 or WebM play in every current "
                                        "browser).", "media/first-coffee-chat.mp4", VIDEO_TYPES)
    captions: CaptionsFile = _media_path_field(
        "Its captions, a WebVTT file in content/media/: what is said, for learners who cannot hear it or "
        "watch without sound.", "media/first-coffee-chat.vtt", CAPTION_TYPES)
    title: PlainText = Field(description="What the video shows, shown under it and read out by screen readers; "
                             "plain text.", examples=["A first coffee chat, start to finish (3 minutes)"])
    poster: ImageFile | None = Field(None, description="An image shown before the video plays, in content/media/.",
                                     examples=["media/first-coffee-chat.jpg"])


class Audio(ContentModel):
    """A sound file of the course, played in the page, with a captions track."""

    file: AudioFile = _media_path_field("The sound file in content/media/ (MP3, Ogg, M4A, WAV, Opus or FLAC).",
                                        "media/elevator-pitch.mp3", AUDIO_TYPES)
    captions: CaptionsFile = _media_path_field(
        "Its captions, a WebVTT file in content/media/: what is said, for learners who cannot hear it.",
        "media/elevator-pitch.vtt", CAPTION_TYPES)
    title: PlainText = Field(description="What the recording is, shown with the player; plain text.",
                             examples=["A thirty-second introduction, read aloud"])


class Section(ContentModel):
    """One titled part of a lesson's body."""

    heading: PlainText = Field(description="The section heading; plain text.", examples=["Why kindness to yourself helps"])
    body: Markdown = Field(description="The section text, in Markdown.")
    figure: Figure | None = Field(None, description="An image shown after the text, with alt text and a caption.")
    video: Video | None = Field(None, description="A video shown after the text (and after the figure).")
    audio: Audio | None = Field(None, description="A recording shown after the text (and after the figure and "
                                "video).")


class Objective(ContentModel):
    """A learning objective and the activities of its lesson that practise it."""

    text: PlainText = Field(description="What the learner will be able to do, starting with an "
                                        "observable verb; plain text.", examples=["Rewrite a fixed-mindset thought as a growth one"])
    practised_by: list[Slug] = Field(default_factory=list, description="Ids of this lesson's exercises "
                                     "or worksheet that practise the objective.",
                                     examples=[["spot-the-growth-belief"]])

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value):
        # A plain line of text is an objective that names no activity yet.
        return {"text": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        # Editors must accept the plain-line form too, as the validator above does.
        schema = handler(core_schema)
        line = {"type": "string", "minLength": 1, "description": "The objective as a line of text; it "
                "names no activity yet, so add 'practised_by' soon."}
        return {"anyOf": [schema, line]}


class Reference(ContentModel):
    """A work the lesson draws on or suggests reading: listed under "Further reading" on the lesson
    page and in the course bibliography. Give a `url`, a `publisher`, or both."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [
        {"required": ["url"], "properties": {"url": {"type": "string"}}},
        {"required": ["publisher"], "properties": {"publisher": {"type": "string", "minLength": 1}}}]})

    author: PlainText = Field(description="Who wrote it, family name first ('Dweck, Carol S.'); several "
                                          "authors separated by semicolons. The bibliography sorts by it; "
                                          "plain text.", examples=["Neff, Kristin"])
    title: PlainText = Field(description="The title of the work; plain text.",
                             examples=["Self-Compassion: The Proven Power of Being Kind to Yourself"])
    year: int = Field(ge=1450, le=2100, description="The year it was published.", examples=[2011])
    url: WebAddress | None = Field(None, description="Where to read it: a web address starting with "
                                   "https:// (or http://).", examples=["https://self-compassion.org/"])
    publisher: OptionalPlainText = Field("", description="Who published it (a publisher, journal or "
                                         "organisation); plain text.", examples=["William Morrow"])

    @field_validator("year")
    @classmethod
    def _not_in_future(cls, year):
        this_year = datetime.date.today().year
        if year > this_year + 1:  # a book announced for next year is fine
            raise PydanticCustomError("future_year", "{year} is in the future (this year is {now})",
                                      {"year": year, "now": this_year})
        return year

    @model_validator(mode="after")
    def _url_or_publisher(self):
        if self.url is None and not self.publisher:
            raise PydanticCustomError("reference_source", "a reference needs a 'url' or a 'publisher', "
                                      "so that learners can find it")
        return self


class PlanStep(ContentModel):
    """One step of a lesson's session plan: something the group does, or one of the lesson's activities."""

    minutes: int | None = Field(None, gt=0, le=240, description="How long the step takes. An activity's "
                                "step takes the activity's own minutes unless given.")
    do: OptionalPlainText = Field("", description="What the group does, or how to run the activity; plain text.",
                                  examples=["Opening round: one thing you have put off"])
    activity: Slug | None = Field(None, description="The id of one of this lesson's exercises or its worksheet.",
                                  examples=["name-the-resistance"])

    @model_validator(mode="after")
    def _says_what_and_how_long(self):
        if self.activity is None and not self.do:
            raise PydanticCustomError("plan_step", "a step names an 'activity' or says what to 'do'")
        if self.activity is None and self.minutes is None:
            raise PydanticCustomError("plan_step", "a step that is not an activity needs its 'minutes'")
        return self


class Lesson(ContentModel):
    """A lesson: <module folder>/lessons/<id>.yml."""

    id: Slug = _id_field("self-compassion")
    title: PlainText = Field(description="The lesson title; plain text.", examples=["Practising Self-Compassion"])
    minutes: int = Field(gt=0, le=600, description="Estimated time to complete the lesson, in minutes.",
                         examples=[20])
    objectives: list[Objective] = Field(min_length=1, description="What the learner will be able to "
                                        "do: a line of text, or text and practised_by.")
    sections: list[Section] = Field(min_length=1, description="The lesson body, in order.")
    key_takeaways: list[PlainText] = Field(default_factory=list, description="Short points to remember; "
                                       "each one plain text.")
    exercises: list[Slug] = Field(default_factory=list, description="Ids of the exercises of this lesson, "
                                  "each once.", examples=[["reframe-the-inner-critic"]],
                                  json_schema_extra=UNIQUE_ITEMS)
    worksheet: Slug | None = Field(None, description="Id of the reflection worksheet for this lesson.",
                                   examples=["my-networking-fears"])
    references: list[Reference] = Field(default_factory=list, description="Works the lesson draws on or "
                                        "suggests, shown as \"Further reading\" and in the course bibliography.")
    session_plan: list[PlanStep] = Field(default_factory=list, description="How to run the lesson in a "
                                         "workshop, step by step; every exercise and the worksheet has a "
                                         "step. The instructor edition adds up its time.")
    instructor_notes: OptionalMarkdown = Field("", description="Notes for instructors only, in Markdown; never shown to learners.")


# --- exercises ----------------------------------------------------------------------------------


class ExerciseBase(ContentModel):
    id: Slug = _id_field("spot-the-fixed-mindset")
    title: PlainText = Field(description="The exercise title; plain text.", examples=["Spot the fixed mindset"])
    minutes: int = Field(5, gt=0, le=120, description="Estimated time to do the exercise, in minutes.")


class Option(ContentModel):
    """One answer of a choice question."""

    text: PlainText = Field(description="The option as the learner sees it; plain text.")
    correct: Boolean = Field(False, description=f"Whether choosing this option is right: {YAML_BOOLEAN}.")
    feedback: Markdown = Field(description="Shown when the learner chooses this option: why it is "
                                           "right or wrong, in Markdown.")


class SingleChoice(ExerciseBase):
    """A question with one right option."""

    type: Literal["single_choice"]
    prompt: Markdown = Field(description="The question, in Markdown.")
    options: list[Option] = choices_field("The options, labelled A, B, C...; exactly one is correct.",
                                          rule=some_items("correct", True, exactly_one=True))

    @field_validator("options")
    @classmethod
    def _exactly_one_correct(cls, options):
        if sum(option.correct for option in options) != 1:
            raise ValueError("exactly one option must have 'correct: true'")
        return options


class MultipleChoice(ExerciseBase):
    """A question where several options can be right."""

    type: Literal["multiple_choice"]
    prompt: Markdown = Field(description="The question, in Markdown.")
    options: list[Option] = choices_field("The options, labelled A, B, C...; at least one is correct.",
                                          rule=some_items("correct", True))

    @field_validator("options")
    @classmethod
    def _some_correct(cls, options):
        if not any(option.correct for option in options):
            raise ValueError("at least one option must have 'correct: true'")
        return options


class ShortAnswer(ExerciseBase):
    """A question answered in the learner's own words, compared with a model answer."""

    type: Literal["short_answer"]
    prompt: Markdown = Field(description="The question, in Markdown.")
    model_answer: Markdown = Field(description="A good answer, in Markdown, shown after the learner "
                                                "has written theirs.")
    lines: int = Field(4, ge=1, le=30, description="Lines of writing space for the answer.")


class ScenarioResponse(ContentModel):
    """One possible response to a scenario."""

    text: PlainText = Field(description="The response as the learner sees it; plain text.")
    rating: Literal["best", "okay", "poor"] = Field(description="How good this response is.")
    feedback: Markdown = Field(description="What happens, or why this response helps or hurts, in "
                                           "Markdown.")


class Scenario(ExerciseBase):
    """A short situation and a choice of responses, each with its own feedback."""

    type: Literal["scenario"]
    situation: Markdown = Field(description="The situation, in Markdown.")
    question: PlainText = Field(description="What the learner decides; plain text.", examples=["What do you do next?"])
    responses: list[ScenarioResponse] = choices_field("The responses, labelled A, B, C...; at least "
                                                      "one is rated 'best'.", rule=some_items("rating", "best"))

    @field_validator("responses")
    @classmethod
    def _has_best(cls, responses):
        if not any(response.rating == "best" for response in responses):
            raise ValueError("at least one response must have 'rating: best'")
        return responses


class Statement(ContentModel):
    """One statement of a self-assessment."""

    id: Slug = _id_field("enjoy-meeting-strangers")
    text: PlainText = Field(description="The statement the learner rates; plain text.")
    reverse: Boolean = Field(False, description="Score this statement backwards (agreeing scores low): "
                             f"{YAML_BOOLEAN}.")


class Band(ContentModel):
    """A range of total scores and what it means."""

    ranges = (("min", "max", False),)

    min: int = Field(description="Lowest total in this band.")
    max: int = Field(description="Highest total in this band; at least its min.")
    label: PlainText = Field(description="A short name for the band; plain text.", examples=["Ready to stretch"])
    feedback: Markdown = Field(description="What this total means and what to do next, in Markdown.")


class SelfAssessment(ExerciseBase):
    """Statements rated on a scale; the total falls into a scored band."""

    ranges = (("scale_min", "scale_max", True),)  # a scale has two points at least

    type: Literal["self_assessment"]
    prompt: Markdown = Field(description="How to rate the statements, in Markdown.")
    scale_min: int = Field(1, ge=0, description="The lowest rating.")
    scale_max: int = Field(5, le=10, description="The highest rating, above scale_min.")
    min_label: OptionalPlainText = Field("Strongly disagree", description="What the lowest rating means; "
                                         "plain text.")
    max_label: OptionalPlainText = Field("Strongly agree", description="What the highest rating means; "
                                         "plain text.")
    statements: list[Statement] = Field(min_length=1, description="The statements to rate; each id once.",
                                        json_schema_extra=UNIQUE_ITEMS)
    compare_with: Slug | None = Field(None, description="The id of an earlier self-assessment that this one "
                                      "repeats: the same statements on the same scale. Learners see both "
                                      "totals side by side, here and on My work.",
                                      examples=["resistance-self-check"])
    bands: list[Band] = Field(min_length=1, description="Score bands; together they cover every "
                              "possible total exactly once.")

    @field_validator("bands")
    @classmethod
    def _bands_cover_totals(cls, bands, info):
        statements = info.data.get("statements")
        low, high = info.data.get("scale_min"), info.data.get("scale_max")
        if statements is None or low is None or high is None or low >= high:
            return bands  # reported on those fields
        lowest, highest = low * len(statements), high * len(statements)
        expected = lowest
        for band in sorted(bands, key=lambda b: b.min):
            if band.min != expected:
                raise ValueError(f"bands must cover every total from {lowest} to {highest} once, "
                                 f"in order; the band starting at {band.min} should start at {expected}")
            expected = band.max + 1
        if expected != highest + 1:
            raise ValueError(f"bands must cover every total from {lowest} to {highest}; "
                             f"they stop at {expected - 1}")
        return bands

    @property
    def total_range(self) -> tuple[int, int]:
        return self.scale_min * len(self.statements), self.scale_max * len(self.statements)


class OrderingItem(ContentModel):
    """One item to put in order."""

    text: PlainText = Field(description="The item as the learner sees it; plain text.",
                       examples=["Send a short thank-you that names one thing you talked about"])
    feedback: OptionalMarkdown = Field("", description="Why the item belongs in this place, in Markdown; "
                                      "shown after checking.")


class Ordering(ExerciseBase):
    """Items to put in order (the steps of a plan, priorities). Written in the right order; learners
    see them in a fixed shuffled order and move them with buttons."""

    type: Literal["ordering"]
    prompt: Markdown = Field(description="What to put in order and by what rule, in Markdown.",
                         examples=["Put the steps of a follow-up in the order you would take them."])
    items: list[OrderingItem] = Field(min_length=3, max_length=10, json_schema_extra=UNIQUE_ITEMS,
                                      description="The items, in the right order (first first); no text twice.")
    feedback: OptionalMarkdown = Field("", description="Why this order works, in Markdown; shown after checking.")

    @field_validator("items")
    @classmethod
    def _distinct_items(cls, items):
        _require_distinct([item.text for item in items], "item")
        return items


class MatchingPair(ContentModel):
    """One item on the left and the one response on the right that fits it."""

    item: PlainText = Field(description="The left side: a situation, a need; plain text.",
                       examples=["You want someone to tell you how your pitch sounds"])
    match: PlainText = Field(description="The right side that fits it: a response, a kind of support; "
                                         "plain text.",
                        examples=["A peer who will listen and give honest feedback"])
    feedback: Markdown = Field(description="Why the two belong together, in Markdown; shown after checking.")


class Matching(ExerciseBase):
    """Pair each item on the left with the one that fits on the right, one to one."""

    type: Literal["matching"]
    prompt: Markdown = Field(description="What to match, in Markdown.",
                         examples=["Match each need with the kind of support that fits it best."])
    item_heading: PlainText = Field("Item", description="The heading of the left column; plain text.",
                                   examples=["Need"])
    match_heading: PlainText = Field("Match", description="The heading of the right column; plain text.",
                                examples=["Kind of support"])
    pairs: list[MatchingPair] = Field(min_length=2, max_length=8, json_schema_extra=UNIQUE_ITEMS,
                                      description="The pairs, each item with its match; no item or match "
                                      "twice. Learners see the matches in a fixed shuffled order.")

    @field_validator("pairs")
    @classmethod
    def _distinct_sides(cls, pairs):
        _require_distinct([pair.item for pair in pairs], "item")
        _require_distinct([pair.match for pair in pairs], "match")
        return pairs


class Category(ContentModel):
    """One category statements are sorted into."""

    id: Slug = _id_field("growth")
    title: PlainText = Field(description="The category's name as the learner sees it; plain text.",
                        examples=["Growth belief"])
    description: OptionalPlainText = Field("", description="What belongs here, in one line; plain text.")


class SortedStatement(ContentModel):
    """A statement and the category it belongs to."""

    text: PlainText = Field(description="The statement to sort; plain text.",
                       examples=["I'm just not a people person, so networking isn't for me."])
    category: Slug = Field(description="The id of the category it belongs to.", examples=["fixed"])
    feedback: Markdown = Field(description="Why it belongs there, in Markdown; shown after checking.")


class Categorise(ExerciseBase):
    """Statements to sort into two to five categories; each statement's feedback says why it belongs
    where it does."""

    type: Literal["categorise"]
    prompt: Markdown = Field(description="What to sort and how, in Markdown.",
                         examples=["Sort each thought: does it come from a fixed or a growth mindset?"])
    categories: list[Category] = Field(min_length=2, max_length=5, description="The categories; each id once.",
                                       json_schema_extra=UNIQUE_ITEMS)
    statements: list[SortedStatement] = Field(min_length=2, max_length=16,
                                              description="The statements, each with its category.")


class Ending(ContentModel):
    """Where a path through a branching scenario ends."""

    id: Slug = _id_field("warm-exit")
    verdict: Literal["best", "workable", "poor"] = Field(description="How well this ending turns out.")
    text: Markdown = Field(description="What happens in the end, in Markdown.")
    debrief: Markdown = Field(description="Why it turned out this way and what to take from it, in "
                                          "Markdown; shown when the learner reaches this ending.")


class BranchChoice(ContentModel):
    """One choice at a step: what the learner does, what it leads to."""

    text: PlainText = Field(description="What the learner says or does; plain text.",
                       examples=["Admit you have forgotten and ask again"])
    feedback: Markdown = Field(description="What the choice does, in Markdown; shown right after it is made.")
    next: Slug = Field(description="The id of the step or ending this choice leads to.",
                       examples=["they-laugh"])


class Step(ContentModel):
    """One moment of a branching scenario and the choices the learner has there."""

    id: Slug = _id_field("the-blank")
    text: Markdown = Field(description="What happens at this step, in Markdown.")
    choices: list[BranchChoice] = Field(min_length=2, max_length=4, description="What the learner can do.")


class BranchingScenario(ExerciseBase):
    """A situation in steps: each choice has feedback and leads to another step or to an ending.
    The first step is the start; every step must be reachable from it, and every path must end."""

    type: Literal["branching_scenario"]
    situation: Markdown = Field(description="How the situation starts, in Markdown.")
    steps: list[Step] = Field(min_length=1, max_length=12, json_schema_extra=UNIQUE_ITEMS,
                              description="The steps; the first is the start. Steps and endings have ids "
                                          "of their own.")
    endings: list[Ending] = Field(min_length=2, max_length=8, description="The endings; at least one "
                                  "has 'verdict: best'.",
                                  json_schema_extra={**some_items("verdict", "best"), **UNIQUE_ITEMS})

    @field_validator("endings")
    @classmethod
    def _has_best(cls, endings):
        if not any(ending.verdict == "best" for ending in endings):
            raise ValueError("at least one ending must have 'verdict: best'")
        return endings


def _require_distinct(texts: list[str], name: str) -> None:
    # Two identical texts could not be told apart by the learner, nor their answers by the page.
    seen = set()
    for number, text in enumerate(texts, start=1):
        if text in seen:
            raise ValueError(f"{name} {number} repeats an earlier {name}: '{text}'")
        seen.add(text)


EXERCISE_KINDS = (SingleChoice, MultipleChoice, ShortAnswer, Scenario, SelfAssessment, BranchingScenario,
                  Ordering, Matching, Categorise)
Exercise = Annotated[Union[EXERCISE_KINDS], Field(discriminator="type")]


# --- worksheets ---------------------------------------------------------------------------------


PROMPT_REFERENCE_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"


def _prompt_reference(value: str) -> str:
    if not re.fullmatch(PROMPT_REFERENCE_PATTERN, value):
        raise PydanticCustomError("prompt_reference", "must be a worksheet id and a prompt id joined by '/', "
                                  "such as 'my-baseline/confidence'")
    return value


PromptReference = Annotated[str, AfterValidator(_prompt_reference),
                            WithJsonSchema({"type": "string", "pattern": PROMPT_REFERENCE_PATTERN})]


class PromptBase(ContentModel):
    id: Slug = _id_field("biggest-fear")
    label: PlainText = Field(description="The question or instruction, as the learner sees it; plain text.")
    help: OptionalMarkdown = Field("", description="An optional hint shown under the label, in Markdown.")


class TextPrompt(PromptBase):
    """A question answered in writing."""

    type: Literal["text"]
    lines: int = Field(4, ge=1, le=40, description="Lines of writing space, online and on paper.")


class ScalePrompt(PromptBase):
    """A rating on a numbered scale."""

    ranges = (("min", "max", True),)  # a scale has two points at least

    type: Literal["scale"]
    min: int = Field(1, ge=0, description="The lowest rating.")
    max: int = Field(5, le=10, description="The highest rating, above min.")
    min_label: OptionalPlainText = Field("", description="What the lowest rating means; plain text.", examples=["Not at all"])
    max_label: OptionalPlainText = Field("", description="What the highest rating means; plain text.", examples=["Completely"])
    compare_with: PromptReference | None = Field(None, description="An earlier scale that this one asks "
                                                 "again, as worksheet-id/prompt-id: the same question on the "
                                                 "same scale. Learners see both ratings side by side, here "
                                                 "and on My work.", examples=["my-baseline/confidence"])


class TablePrompt(PromptBase):
    """A table with named columns and empty rows to fill in."""

    type: Literal["table"]
    columns: list[PlainText] = Field(min_length=1, max_length=8, description="Column headings, plain text.",
                                examples=[["Person", "How they can help", "Next step"]])
    rows: int = Field(5, ge=1, le=40, description="Number of empty rows.")
    row_lines: int | None = Field(None, ge=1, le=10, description="Height of each row on paper, in "
                                  "lines of handwriting. Default: 1 line for up to 3 columns, 2 for "
                                  "4 columns, 3 for 5 or more (narrow cells need more lines).",
                                  examples=[2])

    @property
    def lines_per_row(self) -> int:
        """The printed height of a row in lines: the YAML's, or what its column width needs."""
        if self.row_lines is not None:
            return self.row_lines
        return 1 if len(self.columns) <= 3 else 2 if len(self.columns) == 4 else 3


class ChecklistPrompt(PromptBase):
    """A list of items to tick."""

    type: Literal["checklist"]
    items: list[PlainText] = Field(min_length=1, description="The items to tick; plain text.")


PROMPT_KINDS = (TextPrompt, ScalePrompt, TablePrompt, ChecklistPrompt)
Prompt = Annotated[Union[PROMPT_KINDS], Field(discriminator="type")]


class Worksheet(ContentModel):
    """A reflection worksheet: <module folder>/worksheets/<id>.yml. Filled in online or on paper."""

    id: Slug = _id_field("my-networking-fears")
    title: PlainText = Field(description="The worksheet title; plain text.", examples=["My Networking Fears"])
    intro: OptionalMarkdown = Field("", description="What the worksheet is for and how to fill it in, in Markdown.")
    minutes: int = Field(10, gt=0, le=240, description="Estimated time to fill it in, in minutes.")
    prompts: list[Prompt] = Field(min_length=1, description="The prompts, in order; each id once.",
                                  json_schema_extra=UNIQUE_ITEMS)
    instructor_notes: OptionalMarkdown = Field("", description="Notes for instructors only, in Markdown; never shown to learners.")


# --- glossary -----------------------------------------------------------------------------------


class Term(ContentModel):
    """One term of the glossary. Link to it from any Markdown text as `[text](term:<id>)`."""

    id: Slug = _id_field("working-a-room")
    term: PlainText = Field(description="The term as learners read it; plain text.", examples=["working a room"])
    definition: Markdown = Field(description="What it means, in a sentence or two of Markdown; shown on the "
                                 "glossary page and when a learner points at or tabs to a link to the term.",
                                 examples=["Moving around an event to meet several people, a few minutes each."])
    aliases: list[PlainText] = Field(default_factory=list, description="Other forms of the term (a plural, "
                                     "a variant spelling) that count as using it in a lesson's objectives; "
                                     "plain text.", examples=[["work the room"]])


class Glossary(ContentModel):
    """The glossary: content/glossary.yml (optional, one per course). Shown as the Glossary page."""

    title: PlainText = Field("Glossary", description="The glossary page's title, in the navigation too; "
                             "plain text.", examples=["Glossary"])
    intro: OptionalMarkdown = Field("", description="What the glossary is for, in Markdown; shown above the "
                                    "terms.")
    terms: list[Term] = Field(min_length=1, description="The terms; the glossary page lists them "
                              "alphabetically.")


def is_id(value) -> bool:
    """Whether value would pass as an id (for reading what a file that failed validation refers to)."""
    return (isinstance(value, str) and len(value) <= MAX_ID_LENGTH and value not in RESERVED_NAMES
            and re.fullmatch(SLUG_PATTERN, value) is not None)


# The fields that name other files, by kind: (field, kind it names, one id rather than a list).
REFERENCE_FIELDS = {"course": (("modules", "module", False),), "module": (("lessons", "lesson", False),),
                    "lesson": (("exercises", "exercise", False), ("worksheet", "worksheet", True))}

# The root model of each content file kind.
MODEL_OF_KIND = {"course": Course, "module": Module, "lesson": Lesson, "exercise": Exercise,
                 "worksheet": Worksheet, "glossary": Glossary}
