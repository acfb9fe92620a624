"""The starter texts that `course new` writes, and how to tell that one was left in a course.

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


class Starter(str):
    """A text of a starter file that stands for the instructor's own words."""


NOTES = Starter("Timing, facilitation tips and common questions. Only the instructor edition shows these.\n")

MODULE = {
    "overview": Starter("Say what this module covers and why it matters to the learner, in Markdown.\n"),
    "objectives": [Starter("Describe what learners can do after this module, starting with a verb")],
}

LESSON = {
    "body": Starter("Write the first part of the lesson here, in Markdown. Each section has a heading\n"
                    "and a body; add as many sections as the lesson needs.\n"),
    "objective": Starter("Describe one thing learners can do after this lesson"),
    "key_takeaways": [Starter("The one point to remember")],
}

WORKSHEET = {
    "intro": Starter("Say what the worksheet is for and how to fill it in, online or on paper.\n"),
    "label": Starter("Write the first question for the learner here."),
}

_QUESTION = Starter("Write the question here, in Markdown.\n")
_RIGHT = Starter("Say why it is right.")

EXERCISES = {
    "single_choice": {
        "prompt": _QUESTION,
        "options": [{"text": Starter("The right answer"), "correct": True, "feedback": _RIGHT},
                    {"text": Starter("A tempting wrong answer"),
                     "feedback": Starter("Say why it is not the best choice.")}]},
    "multiple_choice": {
        "prompt": _QUESTION,
        "options": [{"text": Starter("A right answer"), "correct": True, "feedback": _RIGHT},
                    {"text": Starter("Another right answer"), "correct": True,
                     "feedback": Starter("Say why it is right too.")},
                    {"text": Starter("A wrong answer"), "feedback": Starter("Say why it does not apply.")}]},
    "short_answer": {
        "prompt": _QUESTION,
        "model_answer": Starter("Write a good answer here; learners compare theirs with it.\n"), "lines": 4},
    "scenario": {
        "situation": Starter("Describe the situation here, with named people, in Markdown.\n"),
        "question": "What do you do next?",
        "responses": [{"text": Starter("A helpful response"), "rating": "best",
                       "feedback": Starter("Say what happens and why.")},
                      {"text": Starter("An unhelpful response"), "rating": "poor",
                       "feedback": Starter("Say what goes wrong.")}]},
    "self_assessment": {
        "prompt": Starter("Rate how much each statement sounds like you.\n"),
        "statements": [{"id": "first-statement", "text": Starter("A statement the learner rates")},
                       {"id": "second-statement", "text": Starter("A statement scored backwards"), "reverse": True}],
        "bands": [{"min": 2, "max": 5, "label": "Just starting", "feedback": Starter("What a low total means.")},
                  {"min": 6, "max": 10, "label": "On your way", "feedback": Starter("What a high total means.")}]},
    "branching_scenario": {
        "situation": Starter("Describe how the situation starts, with named people, in Markdown.\n"),
        "steps": [{"id": "first-moment", "text": Starter("What happens first.\n"),
                   "choices": [{"text": Starter("A helpful thing to do"), "feedback": Starter("Say what it changes."),
                                "next": "second-moment"},
                               {"text": Starter("An unhelpful thing to do"), "feedback": Starter("Say what goes wrong."),
                                "next": "poor-ending"}]},
                  {"id": "second-moment", "text": Starter("What happens next.\n"),
                   "choices": [{"text": Starter("The best thing to do"), "feedback": Starter("Say why it works."),
                                "next": "best-ending"},
                               {"text": Starter("A tempting mistake"), "feedback": Starter("Say why it does not work."),
                                "next": "poor-ending"}]}],
        "endings": [{"id": "best-ending", "verdict": "best", "text": Starter("How it turns out.\n"),
                     "debrief": Starter("Why it turned out well.\n")},
                    {"id": "poor-ending", "verdict": "poor", "text": Starter("How it turns out.\n"),
                     "debrief": Starter("Why it went wrong, and what would have helped.\n")}]},
    "ordering": {
        "prompt": Starter("Say what to put in order and by what rule, in Markdown.\n"),
        "items": [{"text": Starter("The first step"), "feedback": Starter("Why it comes first.")},
                  {"text": Starter("The second step"), "feedback": Starter("Why it comes next.")},
                  {"text": Starter("The last step"), "feedback": Starter("Why it comes last.")}],
        "feedback": Starter("Why this order works.\n")},
    "matching": {
        "prompt": Starter("Say what to match, in Markdown.\n"), "item_heading": "Need", "match_heading": "Support",
        "pairs": [{"item": Starter("A first need"), "match": Starter("What fits it"),
                   "feedback": Starter("Why they belong together.")},
                  {"item": Starter("A second need"), "match": Starter("What fits that"),
                   "feedback": Starter("Why they belong together.")}]},
    "categorise": {
        "prompt": Starter("Say what to sort and how, in Markdown.\n"),
        "categories": [{"id": "first-kind", "title": Starter("First kind")},
                       {"id": "second-kind", "title": Starter("Second kind")}],
        "statements": [{"text": Starter("A statement of the first kind"), "category": "first-kind",
                        "feedback": Starter("Why it belongs there.")},
                       {"text": Starter("A statement of the second kind"), "category": "second-kind",
                        "feedback": Starter("Why it belongs there.")}]},
}

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
def _known() -> tuple[frozenset[str], tuple[tuple[str, re.Pattern], ...]]:
    """Every starter text (words joined by single spaces), and its long sentences with a pattern
    that finds them across line breaks."""
    texts = {" ".join(text.split()) for text in _starters([NOTES, MODULE, LESSON, WORKSHEET, EXERCISES])}
    sentences = {sentence for text in texts for sentence in re.split(r"(?<=[.;?!])\s+", text)
                 if len(sentence.split()) >= _LONG_SENTENCE}
    patterns = tuple((sentence, re.compile(r"\s+".join(map(re.escape, sentence.split()))))
                     for sentence in sorted(sentences))
    return frozenset(texts), patterns


def starter_texts() -> frozenset[str]:
    """Every starter text, its words joined by single spaces."""
    return _known()[0]


def starter_in(text: str) -> tuple[str, int] | None:
    """(the starter text, its offset in text) when text is a starter text or holds a long sentence of
    one, else None."""
    texts, sentences = _known()
    words = " ".join(text.split())
    if words in texts:
        return words, len(text) - len(text.lstrip())
    found = [(match.start(), sentence) for sentence, pattern in sentences for match in [pattern.search(text)]
             if match]
    return (min(found)[1], min(found)[0]) if found else None  # the first in the text
