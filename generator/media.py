"""Media: the course's images, videos, recordings and captions, in one folder, content/media/.

An author names a media file from that folder, 'media/<file name>', wherever it is used: in a lesson
section's `figure`, `video` and `audio` fields and in any Markdown text (`![alt](media/x.png)`,
`[the handout](media/x.pdf)`). The site publishes the folder's used files at `media/`, beside the
pages, so one name works on every page and in every edition and engine:

- `media_problems` checks every reference against the folder (file, line, did-you-mean) and refuses
  what would load from another site or bypass the captions rule (the site works offline);
- media_paths.py writes the references of every page relative to that page.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from .errors import Problem, did_you_mean
from .models import AUDIO_TYPES, CAPTION_TYPES, IMAGE_TYPES, MEDIA_FOLDER, VIDEO_TYPES, Lesson
from .links import file_links
from .teaching import problem_at
from .validate import Validated

_MEDIA_FIELDS = ("figure", "video", "audio")
_FILE_FIELDS = ("file", "captions", "poster")
# Targets in Markdown text: ![alt](target) and [text](target), and src/href/poster="target" in HTML.
_MARKDOWN_TARGET = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)")
_HTML_TARGET = re.compile(r"""<(\w+)\b[^>]*?\b(?:src|href|poster)\s*=\s*["']([^"']+)""", re.IGNORECASE)
_EMBED = re.compile(r"<(iframe|embed|object|video|audio|source|track)\b", re.IGNORECASE)
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
# In a generated page, a reference written from the media folder: ](media/..., src="media/...


def media_files(content_dir: Path) -> set[str]:
    """Every file in content/media/, as 'media/<path>', hidden files left out."""
    folder, found = content_dir / MEDIA_FOLDER, set()
    for parent, subfolders, names in os.walk(folder, followlinks=True):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = Path(parent).relative_to(content_dir).as_posix()
        found.update(f"{relative}/{name}" for name in names if not name.startswith("."))
    return found


def media_stamp(content_dir: Path) -> tuple:
    """Changes when a file of content/media/ is added, removed, renamed or saved again (a captions
    file's text is on the page, as its transcript)."""
    stamps = []
    for parent, subfolders, names in os.walk(content_dir / MEDIA_FOLDER, followlinks=True):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            info = os.stat(os.path.join(parent, name))
            stamps.append((parent, name, info.st_mtime_ns, info.st_size))
    return tuple(stamps)


def transcripts(content_dir: Path, validated: list[Validated]) -> dict[str, tuple[str, ...]]:
    """The transcript of every captions file that a lesson's video or recording names, by name:
    its cues' text in paragraphs (a new one where the speaker changes). Call on checked content."""
    names = {media.captions for item in validated if isinstance(item.model, Lesson)
             for section in item.model.sections for media in (section.video, section.audio) if media}
    return {name: caption_paragraphs(content_dir / name) for name in sorted(names)}


_VOICE = re.compile(r"^<v(?:\.[\w.-]+)*[ \t]+([^>]+)>")
_CUE_TAG = re.compile(r"</?[a-z][^>]*>|<\d[\d:.]*>", re.IGNORECASE)


def caption_paragraphs(path: Path) -> tuple[str, ...]:
    """The text of a WebVTT file's cues without timings, settings or tags, in paragraphs."""
    text = path.read_text(encoding="utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    paragraphs: list[list[str]] = []
    speaker = None
    for block in re.split(r"\n[ \t]*\n", text.strip())[1:]:  # the first block is the WEBVTT header
        rows = block.split("\n")
        timing = next((index for index, row in enumerate(rows) if "-->" in row), None)
        if timing is None or rows[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        cue = " ".join(row.strip() for row in rows[timing + 1:] if row.strip())
        voice = _VOICE.match(cue)
        words = html.unescape(_CUE_TAG.sub("", cue)).strip()
        if not words:
            continue
        if voice and voice[1].strip() != speaker:
            speaker = voice[1].strip()
            paragraphs.append([f"{speaker}: {words}"])
        elif paragraphs:
            paragraphs[-1].append(words)
        else:
            paragraphs.append([words])
    return tuple(" ".join(paragraph) for paragraph in paragraphs)


def media_problems(content_dir: Path, validated: list[Validated]) -> list[Problem]:
    """An error for each media reference of the course that names no file of content/media/, loads
    from another site, or plays media without the section fields (which require captions)."""
    available = media_files(content_dir)
    problems: list[Problem] = []
    for item in validated:
        if isinstance(item.model, Lesson):
            problems += _field_problems(item, content_dir, available)
        for path, text, _ in file_links(item):  # plain text shows '<video>' as typed
            if "](" in text or "<" in text:
                problems += _text_problems(item, path, text, available)
    return problems


def _field_problems(item: Validated, content_dir: Path, available: set[str]) -> list[Problem]:
    problems = []
    for index, section in enumerate(item.model.sections):
        for kind in _MEDIA_FIELDS:
            media = getattr(section, kind)
            for name in _FILE_FIELDS:
                value = getattr(media, name, None) if media else None
                if value is None:
                    continue
                path = ("sections", index, kind, name)
                if value not in available:
                    # Suggest only files of the kind the field takes: no video for a figure.
                    alike = {file for file in available if file.lower().endswith(_SUFFIXES[kind, name])}
                    problems.append(item.source.problem(path, _missing(value, alike), hint=_HINT))
                elif name == "captions" and not _is_webvtt(content_dir / value):
                    problems.append(item.source.problem(
                        path, f"'{value}' is not a WebVTT captions file: its first line must be 'WEBVTT'",
                        hint="save the captions as WebVTT (.vtt); most captioning tools export it"))
    return problems


_SUFFIXES = {("figure", "file"): IMAGE_TYPES, ("video", "file"): VIDEO_TYPES, ("video", "poster"): IMAGE_TYPES,
             ("video", "captions"): CAPTION_TYPES, ("audio", "file"): AUDIO_TYPES, ("audio", "captions"): CAPTION_TYPES}
_HINT = "put the file in content/media/ (the one folder for the course's media) and name it from there"


def _missing(value: str, available: set[str]) -> str:
    return f"no file '{value}' in content/media/{did_you_mean(value, available)}"


def _is_webvtt(path: Path) -> bool:
    with open(path, "rb") as file:
        start = file.read(16).removeprefix(b"\xef\xbb\xbf")
    return start.startswith(b"WEBVTT") and start[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def _text_problems(item: Validated, path: tuple, text: str, available: set[str]) -> list[Problem]:
    found = []  # (offset, message, hint)
    for match in _EMBED.finditer(text):
        tag = match[1].lower()
        if tag in ("video", "audio", "source", "track"):
            found.append((match.start(), f"a <{tag}> tag in the text: a video or recording is a section's "
                          "'video:' or 'audio:' field, which gives it a captions track",
                          "see 'Add pictures, video and sound' in the authoring guide"))
        else:
            found.append((match.start(), f"an <{tag}> loads a page of another site, and the course works "
                          "offline", "download what it shows into content/media/ and show it as a figure or "
                          "video, or link to the page instead"))
    targets = [(m.start(2), m[2], m[1] == "!") for m in _MARKDOWN_TARGET.finditer(text)]
    targets += [(m.start(2), m[2], m[1].lower() == "img") for m in _HTML_TARGET.finditer(text)
                if m[1].lower() not in ("video", "audio", "source", "track", "iframe", "embed", "object")]
    for offset, target, image in sorted(targets):
        message = _target_problem(target, image, available)
        if message:
            found.append((offset, *message))
    return [problem_at(item, path, text, offset, message, hint) for offset, message, hint in sorted(found)]


def _target_problem(target: str, image: bool, available: set[str]) -> tuple[str, str] | None:
    """What is wrong with one link or image target of Markdown text, or None."""
    if _REMOTE.match(target):
        if image and not target.lower().startswith("data:"):
            return (f"image '{target}' loads from another site, and the course works offline",
                    "download it into content/media/ and write 'media/<file name>'")
        return None  # a link out of the course
    name = re.split(r"[#?]", target)[0].removeprefix("./")
    last = name.rsplit("/", 1)[-1]
    if not name or name.startswith("/") or "." not in last or last.endswith((".md", ".html")):
        return None  # an anchor, or a page of the site: links are checked with the pages
    if name.startswith(f"{MEDIA_FOLDER}/"):
        return None if name in available else (_missing(name, available), _HINT)
    same_name = sorted(file for file in available if file.rsplit("/", 1)[-1] == last)
    hint = f"write 'media/{last}'" if not same_name else f"did you mean '{same_name[0]}'?"
    return (f"'{name}' is not in the media folder: media files live in content/media/ and are written "
            "'media/<file name>'", hint)
