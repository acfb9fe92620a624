"""Starter text from `course new` is a teaching warning at its file, line and field until replaced."""

from __future__ import annotations

import os
import re

from click.testing import CliRunner

from authoring import copy_course
from generator.cli import main
from generator.starters import Starter, starter_in, starter_texts, texts as starters


def test_a_new_lesson_and_worksheet_list_their_starter_text_and_fail_strict(tmp_path):
    content = copy_course(tmp_path)
    cwd = os.getcwd()
    os.chdir(tmp_path)  # messages name files relative to the working folder
    try:
        runner = CliRunner()
        made = runner.invoke(main, ["new", "lesson", "--module", "basics", "--title", "Asking for Help",
                                    "--worksheet-title", "People I Could Ask"])
        assert made.exit_code == 0, made.output
        result = runner.invoke(main, ["validate", "--strict", "content"])
    finally:
        os.chdir(cwd)
    lesson, worksheet = "content/01-basics/lessons/asking-for-help.yml", "content/01-basics/worksheets/people-i-could-ask.yml"
    hint = "\n  hint: replace it with your own words before publishing"
    assert result.exit_code == 1
    assert result.output.splitlines() == "".join([
        f"{lesson}:19:11: warning: objectives[0].text: starter text left in: 'Describe one thing learners can do "
        f"after this lesson'{hint}\n",
        f"{lesson}:30:7: warning: sections[0].body: starter text left in: 'Write the first part of the lesson "
        f"here, in Markdown. Each…'{hint}\n",
        f"{lesson}:40:5: warning: key_takeaways[0]: starter text left in: 'The one point to remember'{hint}\n",
        f"{lesson}:53:3: warning: instructor_notes: starter text left in: 'Timing, facilitation tips and common "
        f"questions. Only the in…'{hint}\n",
        f"{worksheet}:13:3: warning: intro: starter text left in: 'Say what the worksheet is for and how to fill "
        f"it in, online…'{hint}\n",
        f"{worksheet}:23:12: warning: prompts[0].label: starter text left in: 'Write the first question for the "
        f"learner here.'{hint}\n",
        f"{worksheet}:32:3: warning: instructor_notes: starter text left in: 'Timing, facilitation tips and common "
        f"questions. Only the in…'{hint}\n",
        "7 warnings\n",
        "failed in strict mode: warnings count as errors\n"]).splitlines()


def test_a_starter_sentence_is_found_inside_the_author_s_own_text():
    body = "Our own first sentence.\n" + starters()["lesson"]["body"].replace("Each section", "Each\n  section")
    assert starter_in(body) == ("Write the first part of the lesson here, in Markdown.", 24)
    assert starter_in("The one point to remember") == ("The one point to remember", 0)
    # A short starter counts only as the whole text: 'The right answer' may well be in a real option.
    assert starter_in("Pick the right answer, then say why.") is None
    assert starter_in("What do you do next?") is None  # a starter value that is fine to keep


def test_every_long_starter_sentence_of_every_language_is_found_inside_other_text():
    from generator.starters import _LONG_SENTENCE, _known

    sentences = {sentence for text in starter_texts() for sentence in re.split(r"(?<=[.;?!])\s+", text)
                 if len(sentence.split()) >= _LONG_SENTENCE}
    assert len(sentences) > 50 and sum(len(found) for found in _known()[1].values()) == len(sentences)
    for sentence in sentences:
        # Wrapped across lines inside words of the author's own, touching its first and last words.
        wrapped = "\n  ".join(sentence.split())
        text = f"Our own words come first, then x{wrapped}y and our own again."
        assert starter_in(text) == (sentence, text.index("x") + 1), sentence


def test_every_starter_is_known_and_every_other_value_of_a_starter_file_is_fine_to_keep():
    def leaves(value):
        if isinstance(value, dict):
            return [leaf for item in value.values() for leaf in leaves(item)]
        if isinstance(value, list):
            return [leaf for item in value for leaf in leaves(item)]
        return [value] if isinstance(value, str) else []

    texts = leaves(list(starters().values()))
    assert all(starter_in(text) for text in texts if isinstance(text, Starter))
    # The plain strings left are ids, kinds, labels and a default question: fine to publish as they are.
    assert sorted({text for text in texts if not isinstance(text, Starter)}) == [
        "Introduction", "Just starting", "Need", "On your way", "Support", "What do you do next?", "best", "best-ending",
        "first-kind", "first-moment", "first-statement", "poor", "poor-ending", "second-kind", "second-moment",
        "second-statement"]
    english = {" ".join(text.split()) for text in texts if isinstance(text, Starter)}
    assert len(english) == 62 and english <= starter_texts()  # the check knows the other languages' too
