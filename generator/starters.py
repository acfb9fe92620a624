"""The starter texts that `course new` writes, and how to tell that one was left in a course.

The starters are in the course's language where the interface catalogue has them (catalogue.py),
and the check knows them in every language it has.

A starter file holds sentences that stand for the instructor's own words ("Write the first part of
the lesson here"). Each is a `Starter` here: scaffold.py builds its files from these values, and the
teaching check (`starter_in`) warns about any text of a course that still holds one, so that a
placeholder never publishes silently. One source: the two cannot drift apart.

Values that are fine to keep (a heading "Introduction", the question "What do you do next?", ids)
are plain strings and never warned about.
"""

from __future__ import annotations

import functools
import re

from .catalogue import _, catalogue_locales, current, speaking


class Starter(str):
    """A text of a starter file that stands for the instructor's own words."""


@functools.cache
def _texts(language: str) -> dict:
    """Every starter value in one language (the build's, through the catalogue)."""
    notes = Starter(_("Timing, facilitation tips and common questions. Only the instructor edition shows these.\n"))

    module = {
        "overview": Starter(_("Say what this module covers and why it matters to the learner, in Markdown.\n")),
        "objectives": [Starter(_("Describe what learners can do after this module, starting with a verb"))],
    }

    lesson = {
        "body": Starter(_("Write the first part of the lesson here, in Markdown. Each section has a heading\n"
                        "and a body; add as many sections as the lesson needs.\n")),
        "objective": Starter(_("Describe one thing learners can do after this lesson")),
        "key_takeaways": [Starter(_("The one point to remember"))],
    }

    worksheet = {
        "intro": Starter(_("Say what the worksheet is for and how to fill it in, online or on paper.\n")),
        "label": Starter(_("Write the first question for the learner here.")),
    }

    question = Starter(_("Write the question here, in Markdown.\n"))
    right = Starter(_("Say why it is right."))

    exercises = {
        "single_choice": {
            "prompt": question,
            "options": [{"text": Starter(_("The right answer")), "correct": True, "feedback": right},
                        {"text": Starter(_("A tempting wrong answer")),
                         "feedback": Starter(_("Say why it is not the best choice."))}]},
        "multiple_choice": {
            "prompt": question,
            "options": [{"text": Starter(_("A right answer")), "correct": True, "feedback": right},
                        {"text": Starter(_("Another right answer")), "correct": True,
                         "feedback": Starter(_("Say why it is right too."))},
                        {"text": Starter(_("A wrong answer")), "feedback": Starter(_("Say why it does not apply."))}]},
        "short_answer": {
            "prompt": question,
            "model_answer": Starter(_("Write a good answer here; learners compare theirs with it.\n")), "lines": 4},
        "scenario": {
            "situation": Starter(_("Describe the situation here, with named people, in Markdown.\n")),
            "question": _("What do you do next?"),
            "responses": [{"text": Starter(_("A helpful response")), "rating": "best",
                           "feedback": Starter(_("Say what happens and why."))},
                          {"text": Starter(_("An unhelpful response")), "rating": "poor",
                           "feedback": Starter(_("Say what goes wrong."))}]},
        "self_assessment": {
            "prompt": Starter(_("Rate how much each statement sounds like you.\n")),
            "statements": [{"id": "first-statement", "text": Starter(_("A statement the learner rates"))},
                           {"id": "second-statement", "text": Starter(_("A statement scored backwards")), "reverse": True}],
            "bands": [{"min": 2, "max": 5, "label": _("Just starting"), "feedback": Starter(_("What a low total means."))},
                      {"min": 6, "max": 10, "label": _("On your way"), "feedback": Starter(_("What a high total means."))}]},
        "branching_scenario": {
            "situation": Starter(_("Describe how the situation starts, with named people, in Markdown.\n")),
            "steps": [{"id": "first-moment", "text": Starter(_("What happens first.\n")),
                       "choices": [{"text": Starter(_("A helpful thing to do")), "feedback": Starter(_("Say what it changes.")),
                                    "next": "second-moment"},
                                   {"text": Starter(_("An unhelpful thing to do")), "feedback": Starter(_("Say what goes wrong.")),
                                    "next": "poor-ending"}]},
                      {"id": "second-moment", "text": Starter(_("What happens next.\n")),
                       "choices": [{"text": Starter(_("The best thing to do")), "feedback": Starter(_("Say why it works.")),
                                    "next": "best-ending"},
                                   {"text": Starter(_("A tempting mistake")), "feedback": Starter(_("Say why it does not work.")),
                                    "next": "poor-ending"}]}],
            "endings": [{"id": "best-ending", "verdict": "best", "text": Starter(_("How it turns out.\n")),
                         "debrief": Starter(_("Why it turned out well.\n"))},
                        {"id": "poor-ending", "verdict": "poor", "text": Starter(_("How it turns out.\n")),
                         "debrief": Starter(_("Why it went wrong, and what would have helped.\n"))}]},
        "ordering": {
            "prompt": Starter(_("Say what to put in order and by what rule, in Markdown.\n")),
            "items": [{"text": Starter(_("The first step")), "feedback": Starter(_("Why it comes first."))},
                      {"text": Starter(_("The second step")), "feedback": Starter(_("Why it comes next."))},
                      {"text": Starter(_("The last step")), "feedback": Starter(_("Why it comes last."))}],
            "feedback": Starter(_("Why this order works.\n"))},
        "matching": {
            "prompt": Starter(_("Say what to match, in Markdown.\n")), "item_heading": _("Need"), "match_heading": _("Support"),
            "pairs": [{"item": Starter(_("A first need")), "match": Starter(_("What fits it")),
                       "feedback": Starter(_("Why they belong together."))},
                      {"item": Starter(_("A second need")), "match": Starter(_("What fits that")),
                       "feedback": Starter(_("Why they belong together."))}]},
        "categorise": {
            "prompt": Starter(_("Say what to sort and how, in Markdown.\n")),
            "categories": [{"id": "first-kind", "title": Starter(_("First kind"))},
                           {"id": "second-kind", "title": Starter(_("Second kind"))}],
            "statements": [{"text": Starter(_("A statement of the first kind")), "category": "first-kind",
                            "feedback": Starter(_("Why it belongs there."))},
                           {"text": Starter(_("A statement of the second kind")), "category": "second-kind",
                            "feedback": Starter(_("Why it belongs there."))}]},
    }
    # TRANSLATORS: the heading of a new lesson's first section, and a new module's first lesson's title.
    introduction = _("Introduction")
    return {"notes": notes, "module": module, "lesson": lesson, "worksheet": worksheet, "exercises": exercises,
            "introduction": introduction}


def texts() -> dict:
    """The starter values in the language spoken now (catalogue.speaking): notes, module, lesson,
    worksheet, exercises (by kind). `course new` speaks the course's language."""
    return _texts(current().language)


# A sentence this long is the starter's own even inside a longer text the instructor wrote around it.
_LONG_SENTENCE = 6


def _starters(value):
    if isinstance(value, Starter):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _starters(item)
    elif isinstance(value, list):
        for item in value:
            yield from _starters(item)


@functools.cache
def _known() -> tuple[frozenset[str], dict[str, list[tuple[str, re.Pattern]]]]:
    """Every starter text (words joined by single spaces), and its long sentences with a pattern
    that finds them across line breaks."""
    texts: set[str] = set()
    for language in ["en", *sorted(catalogue_locales())]:  # a Spanish starter left in any course is one too
        with speaking(language):
            texts |= {" ".join(text.split()) for text in _starters(list(_texts(language).values()))}
    sentences = {sentence for text in texts for sentence in re.split(r"(?<=[.;?!])\s+", text)
                 if len(sentence.split()) >= _LONG_SENTENCE}
    # Inside a text, a sentence's middle words are whole words of the text (spaces on both sides),
    # so a text needs one of them, its longest, before the sentence is looked for at all.
    by_word: dict[str, list] = {}
    for sentence in sorted(sentences):
        words = sentence.split()
        by_word.setdefault(max(words[1:-1], key=len), []).append(
            (sentence, re.compile(r"\s+".join(map(re.escape, words)))))
    return frozenset(texts), by_word


def starter_texts() -> frozenset[str]:
    """Every starter text, its words joined by single spaces."""
    return _known()[0]


def starter_in(text: str) -> tuple[str, int] | None:
    """(the starter text, its offset in text) when text is a starter text or holds a long sentence of
    one, else None."""
    texts, by_word = _known()
    split = text.split()
    words = " ".join(split)
    if words in texts:
        return words, len(text) - len(text.lstrip())
    # A sentence is looked for in the text's words first (a fast substring test); only the few found
    # are searched for again across the text's line breaks, for their offset.
    if by_word.keys().isdisjoint(split):
        return None
    found = [(pattern.search(text).start(), sentence) for word in by_word.keys() & set(split)
             for sentence, pattern in by_word[word] if sentence in words]
    return (min(found)[1], min(found)[0]) if found else None  # the first in the text
