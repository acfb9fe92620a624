"""The authoring guide: pages for instructors, generated from the models so they cannot go stale.

`guide_pages()` gives a how-to page and a reference of every content file kind and field (type,
required, default, description, example); `add_guide_pages()` puts them in a "For instructors" section
of the instructor edition (learners never see them), and `repository_docs()` gives the same pages as
plain Markdown for the repository's docs/ folder (`course docs`). The field helpers here also explain fields in the starter files of `course new`.
"""

from __future__ import annotations

import functools
import posixpath
import re
import types
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from markupsafe import escape
from pydantic_core import PydanticUndefined

from .models import (EXERCISE_KINDS, MAX_ID_LENGTH, PROMPT_KINDS, Course, Glossary, Lesson, Module, TextFormat,
                     Worksheet)
from .render import NavSection, Page

GUIDE_DIR = "for-instructors"
_HOWTO_PATH, _REFERENCE = f"{GUIDE_DIR}/writing-the-course.md", f"{GUIDE_DIR}/reference.md"

# Every file kind: its anchor in the reference, title, where its files live, and its model.
FILE_KINDS = [
    ("course", "The course", "`content/course.yml` (one per course)", Course),
    ("module", "A module", "`content/<module folder>/module.yml`", Module),
    ("lesson", "A lesson", "`content/<module folder>/lessons/<lesson id>.yml`", Lesson),
    ("exercise", "An exercise", "`content/<module folder>/exercises/<exercise id>.yml`", None),
    ("worksheet", "A worksheet", "`content/<module folder>/worksheets/<worksheet id>.yml`", Worksheet),
    ("glossary", "The glossary", "`content/glossary.yml` (optional, one per course)", Glossary),
]


def type_tag(model: type[BaseModel]) -> str | None:
    """The `type` value that selects a model in a union ('single_choice'), or None."""
    info = model.model_fields.get("type")
    if info is not None and get_origin(info.annotation) is Literal:
        return get_args(info.annotation)[0]
    return None


def field_description(name: str, info, model: type[BaseModel]) -> str:
    """The model's description of a field; the discriminating `type` field explains itself."""
    if info.description:
        return info.description
    tag = type_tag(model)
    if name == "type" and tag:
        return f"The kind of item; write exactly '{tag}'."
    return ""


def field_limits(info) -> str:
    """A field's bounds from its constraints: 'From 1 to 600.', '2 to 26 items.' (empty when none)."""
    low = high = None
    for rule in info.metadata:
        low = getattr(rule, "ge", None) if getattr(rule, "ge", None) is not None else low
        low = rule.gt + 1 if getattr(rule, "gt", None) is not None else low
        high = getattr(rule, "le", None) if getattr(rule, "le", None) is not None else high
        low = getattr(rule, "min_length", None) or low
        high = getattr(rule, "max_length", None) or high
    items = " items" if get_origin(info.annotation) is list else " characters" if info.annotation is str else ""
    if low is not None and high is not None:
        return f"From {low} to {high}{items}."
    if low is not None and items == " characters":
        return ""  # 'must not be empty': says nothing a reader would not assume
    if low is not None:
        return f"At least {low}{items.rstrip('s') if low == 1 else items}."
    return f"At most {high}{items}." if high is not None else ""


def field_default(info):
    """A field's default value, or PydanticUndefined when it is required."""
    if info.default_factory is not None:
        return info.default_factory()
    return info.default


def field_type(info) -> str:
    """A field's type in an instructor's words: 'text', 'id', 'whole number', 'list of ids'..."""
    if info.annotation is str and any(getattr(m, "pattern", None) for m in info.metadata):
        return "id"
    if info.annotation is str:
        return _text_type(info.metadata)
    return type_name(info.annotation)


def _text_type(metadata) -> str:
    """'plain text' or 'Markdown text', as models.PLAIN and models.MARKDOWN mark a text field."""
    formats = [m for m in metadata if isinstance(m, TextFormat)]
    return f"{formats[0].name} text".replace("text text", "text") if formats else "text"


def type_name(annotation) -> str:
    """An annotation in an instructor's words: 'text', 'whole number', 'list of ids'..."""
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *meta = get_args(annotation)
        if inner is str and any(getattr(m, "pattern", None) for m in meta):
            return "id"
        if get_origin(inner) is Union and type_tag(get_args(inner)[0]):
            return "one of the kinds below"
        if inner is str:
            return _text_type(meta)
        return type_name(inner)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        return " or ".join(type_name(a) for a in members) + (" or nothing" if len(members) < len(get_args(annotation)) else "")
    if origin is list:
        item = get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return f"list of {item.__name__.lower()}s (see below)"
        name = type_name(item)
        if name.endswith(" text"):
            return f"list of {name} items"
        return f"list of {name}" if name.endswith("below") else f"list of {name}s"
    if origin is Literal:
        return " or ".join(f"`{value}`" for value in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"{annotation.__name__.lower()} (see below)"
    return {str: "text", int: "whole number", bool: "true/false", float: "number"}.get(annotation, str(annotation))


def _yaml_inline(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_inline(v) for v in value) + "]"
    if value == "":
        return "''"
    if value is None:
        return "nothing"
    return str(value)


def fields_table(model: type[BaseModel]) -> list[str]:
    """A table of a model's fields, as HTML: the reference has many, and raw HTML keeps builds fast."""
    def code(value) -> str:
        return f"<code>{escape(_yaml_inline(value))}</code>"

    lines = ["<table>",  # no class: Material styles plain tables
             "<thead><tr><th>Field</th><th>Type</th><th>Required?</th><th>Description</th>"
             "<th>Example</th></tr></thead>", "<tbody>"]
    for name, info in model.model_fields.items():
        default = field_default(info)
        required = info.is_required()
        example = code(info.examples[0]) if info.examples else ""
        if name == "type" and type_tag(model):
            example = code(type_tag(model))
        need = "required" if required or default is PydanticUndefined else f"optional; default {code(default)}"
        kind = escape(field_type(info)).replace("`", "")
        lines.append(f"<tr><td><code>{name}</code></td><td>{kind}</td><td>{need}</td>"
                     f"<td>{escape(' '.join(filter(None, (field_description(name, info, model), field_limits(info)))))}</td>"
                     f"<td>{example}</td></tr>")
    return lines + ["</tbody>", "</table>"]


def _nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Models used inside a model's fields (Section, Objective, Option...), in field order."""
    found = []

    def walk(annotation):
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found and not type_tag(annotation):
                found.append(annotation)
                for info in annotation.model_fields.values():
                    walk(info.annotation)
        for arg in get_args(annotation) if origin else ():
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return found


def _doc(model) -> str:
    return " ".join((model.__doc__ or "").split())


def reference_page() -> str:
    """Every file kind and every field, from the models."""
    out = ["---", "course_page: guide", "---", "", "# Content reference", "",
           "Every content file, every field. This page is generated from the program's own description "
           "of the content, so it always matches what `course validate` accepts.", "",
           "Text fields marked *in Markdown* (type *Markdown text*) accept **bold**, *italics*, links, "
           "lists and tables. Fields of type *plain text* (titles, labels, options, headings) show exactly "
           "what you write, on one line: `*`, `|` or `<b>` appear as typed, and line breaks become spaces. "
           "In Markdown, link to a part of the course by its id: `[text](lesson:<id>)`, "
           "`[text](lesson:<id>#<heading>)`, `[text](worksheet:<id>)`, `[text](exercise:<id>)` and "
           "`[text](term:<id>)` (see [Writing the course](writing-the-course.md#link-to-a-lesson-a-worksheet-an-exercise-or-a-term)). "
           f"Ids use lowercase letters, digits and hyphens (`my-first-lesson`), at most {MAX_ID_LENGTH} "
           "characters. True/false fields take exactly `true` or `false` (`yes` and `no` are text, as in "
           "YAML 1.2), and whole numbers are written without quotes.", ""]
    for anchor, title, where, model in FILE_KINDS:
        out += [f"## {title} {{#{anchor}}}", "", f"File: {where}.", ""]
        if model is None:
            out += ["Every exercise has `id`, `title`, `minutes` and a `type`; the `type` decides the other "
                    "fields. The kinds:", ""]
            for kind in EXERCISE_KINDS:
                out += [f"### `{type_tag(kind)}` {{#exercise-{type_tag(kind).replace('_', '-')}}}", "",
                        _doc(kind), ""] + fields_table(kind) + [""]
                for nested in _nested_models(kind):
                    out += [f"#### {nested.__name__} (inside `{type_tag(kind)}`)", "", _doc(nested), ""]
                    out += fields_table(nested) + [""]
            continue
        out += [_doc(model), ""] + fields_table(model) + [""]
        for nested in _nested_models(model):
            out += [f"### {nested.__name__} (inside a {anchor})", "", _doc(nested), ""] + fields_table(nested) + [""]
        if model is Worksheet:
            out += ["### Prompt kinds", "", "Each prompt has a `type`; it decides the other fields.", ""]
            for kind in PROMPT_KINDS:
                out += [f"#### `{type_tag(kind)}` prompt", "", _doc(kind), ""] + fields_table(kind) + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def howto_page() -> str:
    """The common tasks, step by step."""
    return _HOWTO


@functools.cache  # a function of the models alone: made once per process
def guide_pages() -> tuple[Page, ...]:
    return (Page(_HOWTO_PATH, "Writing the course", howto_page()), Page(_REFERENCE, "Content reference", reference_page()))


def add_guide_pages(pages: list[Page], nav: list) -> tuple[list[Page], list]:
    """The guide as a "For instructors" section at the end of the (instructor edition's) site."""
    guide = guide_pages()
    return pages + list(guide), nav + [NavSection("For instructors", list(guide))]


def repository_docs() -> dict[str, str]:
    """{file name: Markdown} of the guide for docs/: no front matter, and heading anchors written as
    HTML, which every Markdown viewer (GitHub's included) keeps, unlike the `{#id}` of attr_list."""
    docs = {}
    for page in guide_pages():
        text = re.sub(r"\A---\n.*?\n---\n+", "", page.content, flags=re.S)
        text = re.sub(r"^(#+ .*?) \{#([a-z0-9-]+)\}$", r'<a id="\2"></a>\n\n\1', text, flags=re.M)
        docs[posixpath.basename(page.path)] = text
    return docs


_HOWTO = """---
course_page: guide
---

# Writing the course

This course is written as YAML files in the `content/` folder; the site is built from them. You
never edit the web pages themselves. This guide shows the common tasks; the
[content reference](reference.md) lists every field of every file.

## The files

```
content/
  course.yml              the course; lists its modules
  01-growth-mindset/      a module's folder
    module.yml            the module; lists its lessons
    lessons/<id>.yml      a lesson
    exercises/<id>.yml    an exercise, used by a lesson
    worksheets/<id>.yml   a worksheet, used by a lesson
```

Folder names are for people; ids link the files. Order is always written down: `course.yml`
lists module ids, each `module.yml` lists lesson ids, and each lesson lists its exercise ids and
names its worksheet.

## Set up your editor once

Every content file starts with a line such as

```yaml
# yaml-language-server: $schema=../../../schemas/lesson.schema.json
```

It points your editor at a description of that kind of file. In **VS Code**, install the *YAML*
extension (by Red Hat); then, as you type, it suggests field names, shows what each field means
when you hover over it, and underlines mistakes. Other editors that use yaml-language-server
(Neovim, Helix, Zed, Emacs, Sublime Text with LSP) read the same line; the project's README says
how to set up those and JetBrains IDEs. Files made with
`course new` already have it.

## Add a lesson

The commands below run in the project folder, once `make site` has set the project up.

1. Create it (leave out options and you are asked for them):

    ```sh
    .venv/bin/course new lesson --module growth-mindset --title "Asking for Help" --worksheet-title "People I Could Ask"
    ```

    This writes `lessons/asking-for-help.yml` in the module's folder, with every field explained in
    a comment, and adds `asking-for-help` to the end of the module's `lessons` list in `module.yml`.
    With `--worksheet-title` it also creates the lesson's worksheet (see below). To put the lesson
    elsewhere in the module, move its id in that list.

2. Open the new file and write: the `title`, the `objectives` (what learners will be able to do,
   each starting with a verb such as *describe*, *plan* or *rewrite*), the `sections` (a
   `heading` and a Markdown `body` each) and the `key_takeaways`.

3. Set `minutes` to the time the lesson takes: reading time (200 words a minute) plus its
   exercises and worksheet. `course validate` tells you when it is far off.

4. Check it: `.venv/bin/course validate`. Problems are listed with file, line and field, such as

    ```
    content/01-growth-mindset/lessons/asking-for-help.yml:12:5: error: sections[0]: missing required field 'body'
    ```

## Add a worksheet

A worksheet is a page of reflection prompts that learners fill in online (saved in their
browser) or print and complete by hand. A lesson has at most one.

1. Create it for a lesson:

    ```sh
    .venv/bin/course new worksheet --lesson asking-for-help --title "People I Could Ask"
    ```

    This writes `worksheets/people-i-could-ask.yml` and sets `worksheet: people-i-could-ask` in
    the lesson. An objective of the lesson that names no activity yet (`practised_by: []`) now
    names the worksheet.

2. Write its `intro` and its `prompts`. Each prompt has an `id` (keep it stable: learners' saved
   answers are keyed by it), a `label`, and a `type`:
    - `text`: a question answered in writing; `lines` sizes the writing space on screen and paper;
    - `scale`: a rating from `min` to `max`, with `min_label` and `max_label`;
    - `table`: named `columns` and a number of empty `rows`, such as a contact log;
    - `checklist`: `items` to tick.

## Add an exercise

```sh
.venv/bin/course new exercise --lesson asking-for-help --type scenario --title "The awkward ask"
```

The kinds are `single_choice`, `multiple_choice`, `short_answer`, `scenario` and
`self_assessment`; the [content reference](reference.md#exercise) lists the fields of each.
The new exercise is added to the lesson's `exercises`.

## Add a module

```sh
.venv/bin/course new module --title "Staying in Touch" --lesson-title "Why Keep in Touch"
```

This makes a numbered folder with `module.yml` and a first lesson, and adds the module to
`course.yml`.

## Add pictures, video and sound

Every picture, video, recording, captions file and download of the course goes in one folder,
`content/media/` (subfolders are fine). Wherever you use a file you name it from there, the same
way in every file of the course: `media/ladder-of-asks.svg`. The site publishes the files that
pages use, and only those, at `media/`; a file you no longer use stays private.

A **figure** is an image with its alt text and an optional caption, shown after a section's text:

```yaml
sections:
  - heading: Small asks first
    body: Start with an ask that is easy to say yes to.
    figure:
      file: media/ladder-of-asks.svg
      alt: A ladder of five rungs, from "say hello" at the bottom to "ask for an introduction" at the top
      caption: Each rung asks a little more of the other person.
```

`alt` is required: it is what a learner who uses a screen reader hears instead of seeing the
image, so say what the image shows, not what it is called. The caption (Markdown) is shown to
everyone under the image. A picture inside the text works too: `![what it shows](media/x.png)`.

A **video** or a **recording** plays in the page from a file of the course, with a captions file
(WebVTT, `.vtt`, which most captioning tools export) for learners who cannot hear it:

```yaml
    video:
      file: media/first-coffee-chat.mp4
      captions: media/first-coffee-chat.vtt
      title: A first coffee chat, start to finish (3 minutes)
      poster: media/first-coffee-chat.jpg   # optional: shown before it plays
    audio:
      file: media/elevator-pitch.mp3
      captions: media/elevator-pitch.vtt
      title: A thirty-second introduction, read aloud
```

Under the player, a *Transcript* block holds what the captions say, for learners who would rather
read (a browser shows no captions for a recording). On paper a video or recording prints as its
title, with a note that it is in the online course, and its transcript.
The site works offline, so nothing is loaded from other sites: an image from another address, a
`<iframe>` (a video-sharing site's player) or a hand-written `<video>` tag is an error. Download
the file into `content/media/` instead, or link to the page (`[watch it](https://...)`).
`course validate` checks every file name at its line, with a suggestion when one is misspelt:

```
content/01-growth-mindset/lessons/asking-for-help.yml:14:13: error: sections[0].figure.file: no file 'media/ladder-of-ask.svg' in content/media/ (did you mean 'media/ladder-of-asks.svg'?)
```

## Link to a lesson, a worksheet, an exercise or a term

In any Markdown text, link to another part of the course by its id, never by a page address:

```text
Use [the routine](lesson:self-compassion) after an awkward moment.
Go back to [the three steps](lesson:self-compassion#the-routine) of that lesson.
Fill in [your fears](worksheet:my-networking-fears), then try [the quiz](exercise:spot-the-growth-belief).
Nobody enjoys [working a room](term:working-a-room) at first.
```

- `lesson:<id>` links to a lesson's page; `lesson:<id>#<heading>` to one of its section headings,
  written as the heading in lowercase with hyphens for spaces and without punctuation
  (`The Routine, Step by Step` is `#the-routine-step-by-step`);
- `worksheet:<id>` links to a worksheet's page, `exercise:<id>` to an exercise on its lesson's page;
- `term:<id>` links to a term of the glossary (below). The first link to a term on a page also shows
  its definition when the learner points at the link or moves to it with the Tab key.

The generator writes the right address on every page where the text appears (the lesson, the
printable handouts and packs, the instructor edition, either site engine), so links keep working
when a module folder or an id changes. `course validate` reports a link to an id that does not
exist at its file, line and column, with the closest id:

```
content/02-continuous-learning/lessons/reflecting-on-experiences.yml:53:36: error: sections[2].body: link 'lesson:self-compasion': no lesson with id 'self-compasion' (did you mean 'self-compassion'?)
```

Relative links to generated pages (`[a lesson](../growth-mindset/self-compassion.md)`, relative to
the page the text is on, whose address uses the module's id, not its folder's name) are checked the
same way; links by id are easier to get right.

## Add terms to the glossary

`content/glossary.yml` (optional) defines the words and idioms learners may not know. It becomes
the *Glossary* page, listed alphabetically.

```yaml
# yaml-language-server: $schema=../schemas/glossary.schema.json
terms:
  - id: working-a-room
    term: working a room
    aliases:
      - work the room
    definition: Moving around a gathering to meet several people in turn.
```

Link a term's first use in a lesson as `[working a room](term:working-a-room)`. A teaching check
warns when a lesson's objective *uses* a term (its `term` or one of its `aliases`, as whole words,
in any case) and no section or exercise of that lesson links to it, since the learner would meet
the word without its definition.

## Cite your sources: further reading

A lesson's `references` list the works it draws on or recommends. They are shown under *Further
reading* at the end of the lesson and collected, sorted by author and without repeats, on the
*Bibliography* page.

```yaml
references:
  - author: Neff, Kristin
    title: "Self-Compassion: The Proven Power of Being Kind to Yourself"
    year: 2011
    publisher: William Morrow
  - author: Dweck, Carol S.
    title: "Mindset: The New Psychology of Success"
    year: 2006
    url: https://example.org/mindset
```

`author`, `title` and `year` are required, and a `url` (a full `https://` address) or a
`publisher`, so that learners can find the work. Write the author family name first: the
bibliography sorts by it.

## Write the course in another language

Say the course's language in `course.yml`, as a BCP 47 tag:

```yaml
language: es        # Spanish; de is German, pt-BR Brazilian Portuguese, ar Arabic
```

Everything the course shows around your words then speaks that language: the buttons and messages
of exercises and worksheets ("Comprobar mi respuesta"), My work, the progress, the page titles the
course adds (Mi trabajo, Glosario), the labels of printed worksheets and PDFs ("Nombre", "Página 1
de 3"), the theme's own search and navigation, and every page's `<html lang>`. A right-to-left
language (`ar`, `he`) mirrors the layout. Your own text is published as you wrote it: write it in
the course's language. `course new` writes its starter texts in that language too, where it has
them.

The interface's words come from a translation catalogue per language, in
`generator/locales/<tag>/LC_MESSAGES/course.po` (English is built in; Spanish, German and Arabic
come with the generator). When the course's language has no catalogue, or its catalogue lacks a
string, those strings stay in English and the build warns which, at the `language` line:

```text
content/course.yml:3:11: warning: language: 2 interface strings have no German ('de') translation in generator/locales/de/LC_MESSAGES/course.po, so they stay in English: 'Check my answer', 'Saved'
  hint: write their msgstr there, then rebuild
```

To add a language, run `course messages --add fr`: it writes a French catalogue with every string
untranslated. Fill in each `msgstr` (any PO editor, such as Poedit, or a text editor will do),
keeping the `%(name)s` placeholders; plural strings have one `msgstr[n]` per plural form of the
language. Whoever changes the generator's interface runs `course messages` to add new strings to
every catalogue.

## Teach in several languages

Write the course in one language, then list in `course.yml` the languages it is translated into:

```yaml
language: en          # the language the files are written in
translations:         # BCP 47 tags: es, de, pt-BR; each once, not the course's own
  - es
```

A translation sits beside the file it translates, named with the language's tag, and holds only
that file's *texts* (every field the reference calls plain text or Markdown), in the same nesting:

```yaml
# content/01-growth-mindset/lessons/self-compassion.es.yml
title: Practicar la autocompasión
objectives:
  - text: Describir la autocompasión tras un momento incómodo
sections:
  - heading: Por qué ayuda ser amable contigo
    body: Texto en *Markdown*, como en el original.
```

Everything else comes from the source file in every language: ids, the order of modules,
lessons and list items, exercise and prompt kinds, numbers, `correct` and other true/false
settings, links by id and media files. So a list in a translation has one item for each of the
source's, in the same order (an item may be `{}`, or a field `~`, while it is not translated:
the site shows the source's text there). A translation that sets `id`, `correct` or `minutes`, a
field the source does not have, a list of another length, or a file with no source beside it, is
an error at its line. A text the source leaves to its default (a self-assessment's
"Strongly disagree") is translated by writing it in the source file first.

Start translating with

```sh
.venv/bin/course translations start es
```

which writes a starter beside every file that has none: each text as `~`, with the source's
text in a comment above it. Replace each `~` with the translation. `.venv/bin/course
translations` says how far each language is.

**Keeping translations up to date.** Each translation records which source text it translated:
once you have checked a file, run

```sh
.venv/bin/course translations update content/01-growth-mindset/lessons/self-compassion.es.yml
```

It writes a `source_hashes:` block at the end of the file (a short hash of each source text;
leave it to the command). When someone later changes a text in the source file, the teaching
check says which translation is *outdated*, at its line; bring it up to date and run `update`
on the file again. A text with no translation is reported as *untranslated*. Both are warnings, so
`make site` publishes only a complete, current translation (`make serve` still previews).

**What learners get.** `make site` builds one site per language: the course's own language at
the site's root and each translation under `/<tag>/` (`site/es/`), each with its interface,
search and `<html lang>` in its language, and a language switcher in the header that leads to
the same page in the other language. Learners keep their answers and progress when they switch:
the pages and ids are the same in every language. `COURSE_LANGUAGE=es make serve` previews the
Spanish site (at the preview's usual address; its switcher works in the built site).

## Preview

```sh
make serve
```

Open <http://127.0.0.1:8000>. Each time you save a file the site is rebuilt and the open page
shows the change where you are reading, without reloading: only the pages your save changed are
rebuilt (every page when a title or the order changed, as every page's navigation shows them).
If a file has a mistake, the terminal lists the problems, a box over the page lists them too, and
the browser keeps showing the last good version until you fix them.

## Teaching checks

Besides errors, `course validate` reports *warnings* about teaching quality. The published site
is only built when there are none:

- every lesson objective names, in `practised_by`, an exercise or the worksheet of its lesson
  that practises it;
- a lesson's `minutes` are within 5 minutes (or a quarter, if more) of its reading time plus its
  exercises' and worksheet's `minutes`;
- every image in a text has alt text: `![what the picture shows](media/picture.png)`;
- no section is empty;
- the course has `outcomes` and every module has `objectives`;
- every exercise and worksheet is used by a lesson;
- no starter text is left: every sentence `course new` wrote for you to replace ("Write the first
  part of the lesson here", "Say why it is right.") is reported at its line until you do;
- a lesson's, exercise's or worksheet's `id` is its file's name (`lessons/asking-for-help.yml`
  has `id: asking-for-help`), since other files name it by its id.

- a glossary term that a lesson's objectives use is linked (and so defined) in that lesson;
- in a course with `translations`, every text is translated in every language, and no translation
  is older than its source text (see *Teach in several languages*).

`course validate --strict` fails on warnings too.

## Publish

```sh
make site
```

builds the learner site into `site/`: plain files that work on any static web host (copy the
folder) and offline. `make instructor` builds the instructor edition into `site-instructor/`:
the same course plus instructor notes, timings, answer keys and a facilitation guide for each
module. Keep that one for instructors.

## Instructor notes

`instructor_notes` on the course, a module, a lesson or a worksheet appear only in the
instructor edition, never on the learner site. Use them for timing, facilitation tips and the
questions learners often ask.
"""
