"""Helpers for the tests that look for English in a course built in another language: the course
built in that language and served, the English words of the interface catalogue that the language
says differently, and a search for those words in what a page shows."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from conftest import mkdocs_build
from generator.catalogue import TEMPLATE, catalogue_path
from learner_support import fixture_config, serve

_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


def site_in_language(tmp: Path, source: Path, language: str):
    """Yields (site, url): the course in the folder `source` with `language` in its course.yml, built
    strict (a missing translation would warn) into tmp/site and served."""
    content = tmp / "content"
    shutil.copytree(source, content)
    course = content / "course.yml"
    text = re.sub(r"(?m)^language:.*\n", "", course.read_text(encoding="utf-8"))
    course.write_text(text + f"language: {language}\n", encoding="utf-8")
    site = tmp / "site"
    site.mkdir()
    with serve(site) as url:
        result = mkdocs_build(site, fixture_config(tmp, url, content))
        assert result.returncode == 0, result.stderr
        yield site, url


def english_pieces(scripts: bool, content: Path, language: str = "es", shortest: int = 4) -> list[str]:
    """The pieces of text (between placeholders) of the English interface strings that `language`
    says differently: the page scripts' strings (`scripts`) or the rest. Left out: pieces shorter
    than `shortest` or without a word in them ("OK", punctuation), and the words of the course's own
    content (YAML files under `content`), which is English and may well say "Next steps" itself."""
    with TEMPLATE.open("rb") as handle:
        english = read_po(handle)
    with catalogue_path(language).open("rb") as handle:
        translated = read_po(handle, locale=language.replace("-", "_"))
    own = "\n".join(path.read_text(encoding="utf-8") for path in content.rglob("*.yml"))
    word = re.compile(rf"[A-Za-z]{{{min(shortest, 3)}}}")
    pieces = set()
    for message in english:
        if not message.id or any(file.endswith(".js") for file, _ in message.locations) != scripts:
            continue
        found = translated.get(message.id)
        translations = () if found is None else found.string if isinstance(found.string, tuple) else (found.string,)
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in _PLACEHOLDER.split(text):
                piece = piece.strip(" .,:;()·–-“”\"\n")
                if len(piece) < shortest or not word.search(piece):
                    continue
                if any(piece in string for string in translations) or _words(piece).search(own):
                    continue  # the same in the translation (a name, a format), or the course's own words
                pieces.add(piece)
    return sorted(pieces)


def english_in(text: str, pieces: list[str]) -> list[str]:
    return [piece for piece in pieces if _words(piece).search(text)]


def _words(piece: str) -> re.Pattern:
    return re.compile(rf"(?<![A-Za-z]){re.escape(piece)}(?![A-Za-z])")
