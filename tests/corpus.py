"""A corpus of broken and unusual course files, generated from the fixture course.

Every case changes one file of tests/fixtures/course (or adds one) and says what `course validate`
must answer: the file, line (and column where it is certain) and a fragment of the one error, or
that the content is valid. Most cases come from walking every value and key of every fixture
file and applying the mutations that fit its type; the rest are written out by hand below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from generator.errors import field_path
from generator.load import _KIND_BY_FOLDER, _Loader
from generator.models import MODEL_OF_KIND
from generator.validate import _union_members, _unwrap

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "course"

# Fields whose text may be empty (plain str in the models); every other text field must say something.
MAY_BE_EMPTY = {"audience", "how_to_use", "instructor_notes", "help", "intro", "min_label", "max_label", "caption",
                "publisher"}  # a reference with a url may leave its publisher out
# Fields that name a file of content/media/ (a figure's, a video's or a recording's).
MEDIA_FIELDS = {"file", "captions", "poster"}
REFERENCE_LISTS = {"modules": "module", "lessons": "lesson", "exercises": "exercise", "worksheet": "worksheet"}
# Upper bounds of whole numbers, by (file kind, field).
UPPER = {("lesson", "minutes"): 600, ("exercise", "minutes"): 120, ("worksheet", "minutes"): 240,
         ("exercise", "lines"): 30, ("worksheet", "lines"): 40, ("worksheet", "rows"): 40, ("lesson", "year"): 2100}
# Numbers that other rules tie together (scales, bands): written out by hand instead.
TIED_NUMBERS = {"min", "max", "scale_min", "scale_max"}


@dataclass(frozen=True)
class Expected:
    """The one error a case must give; None fields are not checked."""

    file: str
    line: int | None
    fragment: str
    field: str | None = None
    column: int | None = None


# Headings of the fixture that a link names (first-steps links to second-steps#only-section), by file
# and heading, with the error a changed heading gives at the link.
LINKED_HEADINGS = {("10-basics/lessons/second-steps.yml", "Only section"): Expected(
    "10-basics/lessons/first-steps.yml", 12, "lesson 'second-steps' has no heading '#only-section'",
    "sections[0].body", 85)}


@dataclass(frozen=True)
class Case:
    name: str
    edits: dict[str, bytes | None]  # relative path -> new bytes (None: delete the file)
    expected: Expected | None  # None: valid, `course validate` exits 0
    errors: int = 1  # how many errors the case gives (a cascade would give more)

    def apply(self, content: Path) -> None:
        for relative, data in self.edits.items():
            path = content / relative
            if data is None:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)


def fixture_files() -> dict[str, str]:
    return {path.relative_to(FIXTURE).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(FIXTURE.rglob("*.yml"))}


def kind_of(relative: str) -> str:
    parts = relative.split("/")
    if relative in ("course.yml", "glossary.yml"):
        return relative.removesuffix(".yml")
    return "module" if parts[-1] == "module.yml" else _KIND_BY_FOLDER[parts[-2]]


def a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# --- walking a file: every value and key with its path, node, and the model field it fills -----


@dataclass
class Leaf:
    path: tuple
    node: yaml.Node
    key: yaml.Node | None  # the key node of a mapping value
    flow: bool  # inside a flow collection ({...} or [...])
    model: type | None  # the model whose field this is (None for list items of plain values)


def walk(text: str, kind: str) -> list[Leaf]:
    root = yaml.compose(text, Loader=_Loader)
    leaves: list[Leaf] = []

    def model_for(annotation, value):
        members = _union_members(annotation)
        if members:
            return members.get(value.get("type")) if isinstance(value, dict) else None
        annotation = _unwrap(annotation)
        return annotation if isinstance(annotation, type) and hasattr(annotation, "model_fields") else None

    def visit(node, path, model, flow, key=None):
        if isinstance(node, yaml.MappingNode):
            value = _value(node)
            for key_node, value_node in node.value:
                name = key_node.value
                info = model.model_fields.get(name) if model else None
                child = None
                if info is not None:
                    inner = _unwrap(info.annotation)
                    child = inner if getattr(inner, "__origin__", None) is list else model_for(info.annotation, value.get(name))
                leaves.append(Leaf(path + (name,), value_node, key_node, node.flow_style, model))
                visit(value_node, path + (name,), child, node.flow_style, key_node)
        elif isinstance(node, yaml.SequenceNode):
            item_annotation = model.__args__[0] if model is not None and hasattr(model, "__args__") else None
            for index, item in enumerate(node.value):
                value = _value(item)
                item_model = model_for(item_annotation, value) if item_annotation is not None else None
                if not isinstance(item, (yaml.MappingNode, yaml.SequenceNode)):
                    leaves.append(Leaf(path + (index,), item, None, node.flow_style, None))
                visit(item, path + (index,), item_model, node.flow_style)

    root_model = model_for(MODEL_OF_KIND[kind], yaml.load(text, Loader=_Loader))
    visit(root, (), root_model, False)
    return leaves


def _value(node: yaml.Node):
    return yaml.load(yaml.serialize(node), Loader=_Loader)


def _replace(text: str, node: yaml.Node, new: str) -> str:
    return text[:node.start_mark.index] + new + text[node.end_mark.index:]


# --- mutations of values, by what the value is ---------------------------------------------------

TEXT_ERRORS = [("list", "[a, b]", "expected text, found a list"),
               ("mapping", "{a: 1}", "expected text, found a mapping"),
               ("number", "5", "expected text, found the number 5"),
               ("boolean", "true", "expected text, found 'true' (true/false)"),
               ("null", "null", "expected text, found nothing"),
               ("escape", '"bell\\a"', "the text holds the control character U+0007")]
TEXT_EMPTY = [("empty", "''", "must not be empty"), ("spaces", "'   '", "must not be empty (it holds only spaces)")]
TEXT_VALID = [("unicode", '"Café — naïve “quoted” 日本語 עברית 🙂"'), ("yes", "yes"), ("time", "'1:30'"),
              ("date", "2024-01-02"), ("html", "'<b>bold</b> & <i>x</i>'"), ("hash", "'# not a comment'"),
              ("long", '"' + "word " * 3000 + '"'), ("none-word", "None"), ("number-text", "'42'")]
ID_ERRORS = [("spaces", "Bad Id", "'Bad Id' is not a valid id"), ("capitals", "Pick-One", "is not a valid id"),
             ("underscore", "pick_one", "is not a valid id"), ("trailing-hyphen", "end-", "is not a valid id"),
             ("too-long", "a" * 65, "is too long: at most 64 characters, found 65"),
             ("device-name", "nul", "'nul' cannot be an id"), ("number", "5", "expected text, found the number 5"),
             ("null", "null", "expected text, found nothing")]
INT_ERRORS = [("text", "many", "expected a whole number, found the text 'many'"),
              ("yes", "yes", "expected a whole number, found the text 'yes'"),
              ("boolean", "true", "expected a whole number, found 'true' (true/false)"),
              ("fraction", "2.5", "expected a whole number, found the number 2.5"),
              ("quoted", '"3"', "expected a whole number, found the text '3'"),
              ("null", "null", "expected a whole number, found nothing"),
              ("list", "[1]", "expected a whole number, found a list"),
              ("infinite", ".inf", "expected a whole number, found the number inf")]
BOOL_ERRORS = [("yes", "yes", "expected true or false, found the text 'yes'"),
               ("no", "no", "expected true or false, found the text 'no'"),
               ("on", "on", "expected true or false, found the text 'on'"),
               ("off", "off", "expected true or false, found the text 'off'"),
               ("one", "1", "expected true or false, found the number 1"),
               ("quoted", '"true"', "expected true or false, found the text 'true'"),
               ("null", "null", "expected true or false, found nothing")]


def value_cases(relative: str, text: str) -> list[Case]:
    kind = kind_of(relative)
    cases = []
    for leaf in walk(text, kind):
        node = leaf.node
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
            continue
        value = _value(node)
        name = next((part for part in reversed(leaf.path) if isinstance(part, str)), "")
        where = (field_path(leaf.path), node.start_mark.line + 1, node.start_mark.column + 1)
        label = f"{relative}:{field_path(leaf.path)}"

        def case(mutation, new, fragment=None, **overrides):
            expected = None
            if fragment is not None:
                field, line, column = where
                if new[:1] in "[{" and leaf.key is not None:  # a list or mapping is shown at its key
                    line, column = leaf.key.start_mark.line + 1, leaf.key.start_mark.column + 1
                expected = Expected(overrides.get("file", relative), overrides.get("line", line), fragment,
                                    overrides.get("field", field), overrides.get("column", column))
            cases.append(Case(f"{label}={mutation}", {relative: _replace(text, node, new).encode()}, expected))

        if name == "type":
            case("empty", "''", "the type is empty: say which kind this is")
            case("null", "~", "the type is empty: say which kind this is")
            case("misspelt", value.replace("_", "-") + "s", f"unknown type '{value.replace('_', '-')}s' "
                 f"(did you mean '{value}'?)")
            case("number", "5", "expected a type name, found the number 5")
            case("list", "[a]", "expected a type name, found a list")
        elif name == "rating":
            case("misspelt", "bset", "expected 'best', 'okay' or 'poor', found the text 'bset' (did you mean 'best'?)")
        elif name == "id" or name in REFERENCE_LISTS or name == "practised_by":
            for mutation, new, fragment in ID_ERRORS:
                case(mutation, new, None if (name, mutation) == ("worksheet", "null") else fragment)
            if name in REFERENCE_LISTS:
                target = REFERENCE_LISTS[name]
                case("misspelt", value + "x", f"no {target} with id '{value}x' (did you mean '{value}'?)")
        elif name in MEDIA_FIELDS:
            for mutation, new, fragment in TEXT_ERRORS:
                case(mutation, new, fragment)
            misspelt = value.replace(".", "x.", 1)
            case("misspelt", misspelt, f"no file '{misspelt}' in content/media/ (did you mean '{value}'?)")
            case("outside", value.removeprefix("media/"), "is not in the media folder")
            case("parent-folder", "../" + value, "is not in the media folder")
            case("remote", "https://example.org/" + value, "is on another site: the course works offline")
            case("other-kind", value.rsplit(".", 1)[0] + ".txt", "use a file ending in")
        elif isinstance(value, bool):
            for mutation, new, fragment in BOOL_ERRORS:
                case(mutation, new, fragment)
            for spelling in ("True", "TRUE") if value else ("False", "FALSE"):
                case(spelling, spelling)
        elif isinstance(value, int):
            if name in TIED_NUMBERS:
                continue
            for mutation, new, fragment in INT_ERRORS:
                case(mutation, new, fragment)
            upper = UPPER[(kind, name)]
            case("too-big", str(upper + 1), f"must be at most {upper}, found the number {upper + 1}")
            case("zero", "0", "found the number 0")
            valid = 2006 if name == "year" else 2  # a year is at least 1450
            case("hexadecimal", hex(valid))
            case("plus-sign", f"+{valid}")
        elif name == "url":  # a web address: any other text is refused, and it may be left out
            for mutation, new, fragment in TEXT_ERRORS + TEXT_EMPTY:
                case(mutation, new, None if mutation == "null" else fragment)
            for mutation, new in TEXT_VALID + [("javascript", "'javascript:alert(1)'")]:
                case(mutation, new, "is not a web address")
        elif isinstance(value, str):
            for mutation, new, fragment in TEXT_ERRORS:
                case(mutation, new, fragment)
            for mutation, new, fragment in TEXT_EMPTY:
                case(mutation, new, None if name in MAY_BE_EMPTY else fragment)
            # A heading that a link of another lesson names (lesson:id#heading): a new heading breaks it.
            broken = LINKED_HEADINGS.get((relative, value)) if name == "heading" else None
            for mutation, new in TEXT_VALID:
                if broken:
                    case(mutation, new, broken.fragment, file=broken.file, line=broken.line, field=broken.field,
                         column=broken.column)
                else:
                    case(mutation, new)
            case("starts-with-at", "@home", "invalid YAML: ", field="", column=None)
            if not leaf.flow:
                case("tagged", "!!python/name:os.system", "YAML tag '!!python/name:os.system' is not allowed")
            if not leaf.flow and leaf.key is None:  # a list item: 'a: b' is a mapping there
                case("unquoted-colon", "Networking: the basics", "expected text, found a mapping")
            elif not leaf.flow:
                case("unquoted-colon", "Networking: the basics", "invalid YAML: mapping values are not allowed",
                     field="", column=node.start_mark.column + 11)
    return cases


# --- mutations of keys: misspelt, missing, repeated, unknown --------------------------------------


def key_cases(relative: str, text: str) -> list[Case]:
    kind = kind_of(relative)
    cases = []
    for leaf in walk(text, kind):
        if leaf.key is None or leaf.model is None:
            continue
        name, parent = leaf.path[-1], leaf.path[:-1]
        key, value = leaf.key, leaf.node
        label = f"{relative}:{field_path(leaf.path)}"
        misspelt = name + name[-1]
        cases.append(Case(f"{label}=key-misspelt", {relative: _replace(text, key, misspelt).encode()},
                          Expected(relative, key.start_mark.line + 1, f"unknown field '{misspelt}' (did you "
                                   f"mean '{name}'?)", field_path(parent), key.start_mark.column + 1)))
        # Deleted: from the key to the end of its value, with the separator after it.
        start, end = key.start_mark.index, value.end_mark.index
        if leaf.flow:
            end = end + 2 if text[end:end + 2] == ", " else end
            if text[end:end + 1] == "}" and text[start - 2:start] == ", ":
                start -= 2
        else:
            start = text.rfind("\n", 0, start) + 1
            if isinstance(value, (yaml.MappingNode, yaml.SequenceNode)) and not value.flow_style:  # a block
                end = text.rfind("\n", 0, end) + 1  # collection ends where the next line starts
            else:
                end = text.find("\n", end - 1) + 1 if not text[end - 1:end] == "\n" else end
        deleted = text[:start] + text[end:]
        info = leaf.model.model_fields[name]
        first_of_item = not leaf.flow and text[text.rfind("\n", 0, key.start_mark.index) + 1:key.start_mark.index].strip()
        if first_of_item:  # '- key: value': deleting or repeating the line would change the list
            pass
        elif info.is_required():
            parent_node_line = _parent_line(text, kind, parent)
            expected = Expected(relative, parent_node_line, f"missing required field '{name}'", field_path(parent))
            cases.append(Case(f"{label}=key-deleted", {relative: deleted.encode()}, expected))
        elif name != "correct":  # without it, a choice question has no right answer: a hand case below
            cases.append(Case(f"{label}=key-deleted", {relative: deleted.encode()}, None))
        if not leaf.flow and not first_of_item and value.start_mark.line == value.end_mark.line:
            line_start = text.rfind("\n", 0, key.start_mark.index) + 1
            line_end = text.find("\n", key.start_mark.index) + 1
            repeated = text[:line_end] + text[line_start:line_end] + text[line_end:]
            cases.append(Case(f"{label}=key-repeated", {relative: repeated.encode()},
                              Expected(relative, key.start_mark.line + 2, f"duplicate field '{name}' (first "
                                       f"given on line {key.start_mark.line + 1})", field_path(leaf.path))))
    for leaf in walk(text, kind):
        if isinstance(leaf.node, yaml.MappingNode) and leaf.node.flow_style:
            brace = leaf.node.start_mark.index + 1
            extra = text[:brace] + "colour: blue, " + text[brace:]
            cases.append(Case(f"{relative}:{field_path(leaf.path)}=unknown-field", {relative: extra.encode()},
                              Expected(relative, leaf.node.start_mark.line + 1, "unknown field 'colour'",
                                       field_path(leaf.path), leaf.node.start_mark.column + 2)))
    lines = text.count("\n")
    cases.append(Case(f"{relative}=unknown-field", {relative: (text + "colour: blue\n").encode()},
                      Expected(relative, lines + 1, "unknown field 'colour'", "", 1)))
    return cases


def _parent_line(text: str, kind: str, parent: tuple) -> int:
    """Where a problem of the mapping at parent shows: the line of its key, or its own (a list item's)."""
    node, key = yaml.compose(text, Loader=_Loader), None
    for part in parent:
        if isinstance(part, int):
            node, key = node.value[part], None
        else:
            key, node = next((k, v) for k, v in node.value if k.value == part)
    return (key or node).start_mark.line + 1


# --- whole-file mutations: encodings, characters, documents, nesting ------------------------------


def file_cases(relative: str, text: str) -> list[Case]:
    kind = kind_of(relative)
    lines = text.splitlines(keepends=True)
    title_line = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    title_col = len("title: ") + 1
    with_title = lambda new: "".join(lines[:title_line] + [new] + lines[title_line + 1:])  # noqa: E731
    title = lines[title_line]
    end = len(lines) + 1
    cases = [
        ("empty", b"", Expected(relative, 1, f"file is empty: expected the fields of {a(kind)}")),
        ("comments-only", b"# to do\n", Expected(relative, 1, f"file is empty: expected the fields of {a(kind)}")),
        ("a-list", b"- a\n- b\n", Expected(relative, 1, f"expected the fields of {a(kind)} (key: value lines), found a list")),
        ("a-text", b"hello\n", Expected(relative, 1, f"expected the fields of {a(kind)} (key: value lines), found the text 'hello'")),
        ("nul-byte", with_title(title[:title_col] + "\x00" + title[title_col:]).encode(),
         Expected(relative, title_line + 1, "control character U+0000 (NUL)", "", title_col + 1)),
        ("bell", with_title(title[:title_col] + "\x07" + title[title_col:]).encode(),
         Expected(relative, title_line + 1, "control character U+0007", "", title_col + 1)),
        ("line-separator", with_title(title.rstrip("\n") + "\u2028more\n").encode(),
         Expected(relative, title_line + 1, "Unicode line separator (U+2028)", "", len(title))),
        ("paragraph-separator", with_title(title.rstrip("\n") + "\u2029more\n").encode(),
         Expected(relative, title_line + 1, "Unicode paragraph separator (U+2029)", "", len(title))),
        ("latin-1", with_title("title: Caf\xe9\n").encode("latin-1"),
         Expected(relative, title_line + 1, "file is not valid UTF-8 (byte 0xe9)", "", 11)),
        ("utf-16", text.encode("utf-16"), Expected(relative, 1, "file is not valid UTF-8 (byte 0xff)", "", 1)),
        ("tab-indent", with_title("title:\n\tTitle\n").encode(),
         Expected(relative, title_line + 2, "invalid YAML", "")),
        ("second-document", (text + "---\nid: other\n").encode(), Expected(relative, end, "invalid YAML", "")),
        ("deep-nesting", (text + "deep: " + "[" * 900 + "]" * 900 + "\n").encode(),
         Expected(relative, end, "lists and mappings are nested more than 50 levels deep", "")),
        ("deep-block-nesting", (text + "deep:\n" + "".join("  " * i + "-\n" for i in range(1, 200))).encode(),
         Expected(relative, end + 51, "lists and mappings are nested more than 50 levels deep", "")),
        ("recursive-alias", (text + "loop: &loop [1, *loop]\n").encode(),
         Expected(relative, end, "this alias refers to the list or mapping it is inside", "loop[1]")),
        ("alias-bomb", (text + "".join(f"b{n}: &b{n} [" + ", ".join([f"*b{n - 1}" if n else "x"] * 9) + "]\n"
                                       for n in range(8))).encode(),
         Expected(relative, end, "file is too large or uses too many aliases", "")),
        ("python-tag", with_title("title: !!python/object/apply:os.system ['true']\n").encode(),
         Expected(relative, title_line + 1, "YAML tag '!!python/object/apply:os.system' is not allowed", "title")),
        ("timestamp-tag", with_title("title: !!timestamp 2024-01-02\n").encode(),
         Expected(relative, title_line + 1, "YAML tag '!!timestamp' is not allowed", "title")),
        ("custom-tag", with_title("title: !shout hello\n").encode(),
         Expected(relative, title_line + 1, "YAML tag '!shout' is not allowed", "title")),
        ("unclosed-quote", with_title("title: 'Unclosed\n").encode(), Expected(relative, None, "invalid YAML", "")),
        ("unclosed-list", with_title("title: [Unclosed\n").encode(), Expected(relative, None, "invalid YAML", "")),
        ("key-without-colon", with_title("title First Steps\n").encode(),
         Expected(relative, title_line + 1, "invalid YAML: could not find expected ':'", "")),
        ("value-indented-under-value", with_title(title + "  extra: 1\n").encode(),
         Expected(relative, title_line + 2, "invalid YAML: mapping values are not allowed", "")),
        # Valid, if unusual.
        ("byte-order-mark", b"\xef\xbb\xbf" + text.encode(), None),
        ("crlf", text.replace("\n", "\r\n").encode(), None),
        ("trailing-spaces", text.replace("\n", "   \n").encode(), None),
        ("no-final-newline", text.rstrip("\n").encode(), None),
        ("comments-between-fields", "".join(("# note\n" if line[:1].isalpha() else "") + line
                                            for line in lines).encode(), None),
        ("document-markers", ("---\n" + text + "...\n").encode(), None),
        ("emoji-title", with_title('title: "🙂 Ünïcödé — 日本語 ✓"\n').encode(), None),
        ("folded-title", with_title("title: >-\n  A title folded\n  over two lines\n").encode(), None),
        ("long-title", with_title(f"title: {'Long ' * 400}end\n").encode(), None),
        ("anchored-title", with_title("title: &t Anchored\n").encode(), None),
    ]
    return [Case(f"{relative}={name}", {relative: data}, expected) for name, data, expected in cases]


# --- by hand: rules across fields and across files ------------------------------------------------

L1, L2 = "10-basics/lessons/first-steps.yml", "10-basics/lessons/second-steps.yml"
MOD, WS = "10-basics/module.yml", "10-basics/worksheets/all-prompts.yml"
ONE, SOME, RATE, WHAT = ("10-basics/exercises/pick-one.yml", "10-basics/exercises/pick-some.yml",
                         "10-basics/exercises/rate-yourself.yml", "10-basics/exercises/what-now.yml")


def _edit(files, relative, *pairs) -> dict[str, bytes]:
    text = files[relative]
    for old, new in zip(pairs[::2], pairs[1::2]):
        assert old in text, (relative, old)
        text = text.replace(old, new, 1)
    return {relative: text.encode()}


LONG_ID = "a-very-long-lesson-id-that-is-exactly-as-long-as-an-id-may-be-64"[:64]


def hand_cases(files: dict[str, str]) -> list[Case]:
    E = Expected
    options = lambda count: "".join(f"  - {{text: Option {n}, feedback: Feedback {n}.}}\n"  # noqa: E731
                                    for n in range(count))
    long_body = "      " + "Words that go on. " * 6000 + "\n"
    cases = [
        ("single-choice-none-correct", _edit(files, ONE, "    correct: true\n", ""),
         E(ONE, 5, "exactly one option must have 'correct: true'", "options")),
        ("single-choice-two-correct", _edit(files, ONE, "    feedback: No, because it is not.",
                                            "    feedback: No, because it is not.\n    correct: true"),
         E(ONE, 5, "exactly one option must have 'correct: true'", "options")),
        ("multiple-choice-none-correct", _edit(files, SOME, "correct: true", "correct: false",
                                               "correct: true", "correct: false"),
         E(SOME, 5, "at least one option must have 'correct: true'", "options")),
        ("one-option", _edit(files, ONE, "  - text: That one\n    feedback: No, because it is not.\n", ""),
         E(ONE, 5, "needs at least 2 items, found 1", "options")),
        ("27-options", _edit(files, SOME, "  - {text: Gamma, feedback: Gamma is wrong.}\n", options(25)),
         E(SOME, 5, "allows at most 26 items, found 27", "options")),
        ("26-options", _edit(files, SOME, "  - {text: Gamma, feedback: Gamma is wrong.}\n", options(24)), None),
        ("scenario-without-best", _edit(files, WHAT, "rating: best", "rating: okay"),
         E(WHAT, 6, "at least one response must have 'rating: best'", "responses")),
        ("bands-with-a-gap", _edit(files, RATE, "{min: 6, max: 10,", "{min: 7, max: 10,"),
         E(RATE, 8, "bands must cover every total from 2 to 10", "bands")),
        ("bands-stop-short", _edit(files, RATE, "{min: 6, max: 10,", "{min: 6, max: 9,"),
         E(RATE, 8, "they stop at 9", "bands")),
        ("band-upside-down", _edit(files, RATE, "{min: 6, max: 10,", "{min: 6, max: 5,"),
         E(RATE, 10, "must be at least min (6), found 5", "bands[1].max")),
        ("scale-reversed", _edit(files, RATE, "prompt: Rate each statement.",
                                 "prompt: Rate each statement.\nscale_min: 5\nscale_max: 1"),
         E(RATE, 6, "must be greater than scale_min (5), found 1", "scale_max", 12)),
        ("scale-one-point", _edit(files, RATE, "prompt: Rate each statement.",
                                  "prompt: Rate each statement.\nscale_min: 3\nscale_max: 3"),
         E(RATE, 6, "must be greater than scale_min (3), found 3", "scale_max", 12)),
        ("scale-min-above-default-max", _edit(files, RATE, "prompt: Rate each statement.",
                                              "prompt: Rate each statement.\nscale_min: 8"),
         E(RATE, 5, "must be less than scale_max (5 when not given), found 8", "scale_min", 12)),
        ("scale-max-above-10", _edit(files, RATE, "prompt: Rate each statement.",
                                     "prompt: Rate each statement.\nscale_max: 11"),
         E(RATE, 5, "must be at most 10, found the number 11", "scale_max")),
        ("scale-0-to-10", _edit(files, RATE, "prompt: Rate each statement.",
                                "prompt: Rate each statement.\nscale_min: 0\nscale_max: 10",
                                "{min: 2, max: 5,", "{min: 0, max: 5,", "{min: 6, max: 10,", "{min: 6, max: 20,"),
         None),
        ("prompt-scale-reversed", _edit(files, WS, "min: 1, max: 5", "min: 5, max: 1"),
         E(WS, 6, "must be greater than min (5), found 1", "prompts[1].max")),
        ("prompt-scale-one-point", _edit(files, WS, "min: 1, max: 5", "min: 4, max: 4"),
         E(WS, 6, "must be greater than min (4), found 4", "prompts[1].max")),
        ("prompt-scale-min-above-default", _edit(files, WS, "min: 1, max: 5,", "min: 7,"),
         E(WS, 6, "must be less than max (5 when not given), found 7", "prompts[1].min")),
        ("prompt-scale-negative", _edit(files, WS, "min: 1, max: 5", "min: -1, max: 5"),
         E(WS, 6, "must be at least 0, found the number -1", "prompts[1].min")),
        ("duplicate-prompt-id", _edit(files, WS, "{id: contacts,", "{id: thoughts,"),
         E(WS, 7, "duplicate id 'thoughts' in prompts", "prompts[2].id")),
        ("duplicate-statement-id", _edit(files, RATE, "{id: second,", "{id: first,"),
         E(RATE, 7, "duplicate id 'first' in statements", "statements[1].id")),
        ("nine-columns", _edit(files, WS, "columns: [Name, Why]", "columns: [a, b, c, d, e, f, g, h, i]"),
         E(WS, 7, "allows at most 8 items, found 9", "prompts[2].columns")),
        ("no-columns", _edit(files, WS, "columns: [Name, Why]", "columns: []"),
         E(WS, 7, "needs at least 1 item, found 0", "prompts[2].columns")),
        ("no-prompts", _edit(files, WS, files[WS][files[WS].index("prompts:"):], "prompts: []\n"),
         E(WS, 4, "needs at least 1 item, found 0", "prompts")),
        ("no-sections", _edit(files, L2, "sections:\n  - heading: Only section\n    body: Text.\n", "sections: []\n"),
         E(L2, 6, "needs at least 1 item, found 0", "sections")),
        ("objective-as-a-mapping-without-text", _edit(files, L2, "{text: Handle a scenario, ", "{"),
         E(L2, 5, "missing required field 'text'", "objectives[0]")),
        ("lesson-listed-twice", _edit(files, MOD, "second-steps]", "second-steps, first-steps]"),
         E(MOD, 6, "lesson 'first-steps' is listed twice", "lessons[2]")),
        ("exercise-listed-twice", _edit(files, L1, "explain-it]\nworksheet", "explain-it, pick-one]\nworksheet"),
         E(L1, 21, "exercise 'pick-one' is listed twice", "exercises[3]")),
        ("lesson-left-out-of-its-module", _edit(files, MOD, "[first-steps, second-steps]", "[first-steps]"),
         E(L2, 1, "lesson 'second-steps' is not reachable from course.yml: no module.yml lists it", "id")),
        ("lesson-renamed", _edit(files, L2, "id: second-steps", "id: second-step"),
         E(MOD, 6, "no lesson with id 'second-steps' (did you mean 'second-step'?)", "lessons[1]")),
        ("exercise-renamed", _edit(files, WHAT, "id: what-now", "id: what-next"),
         E(L2, 9, "no exercise with id 'what-now'", "exercises[0]")),
        ("duplicate-exercise-file", {"10-basics/exercises/zz-pick-one.yml": files[ONE].encode()},
         E("10-basics/exercises/zz-pick-one.yml", 1, "duplicate exercise id 'pick-one'", "id")),
        ("stray-yaml-file", {"10-basics/notes.yml": b"id: notes\n"},
         E("10-basics/notes.yml", 1, "file is not reachable from course.yml", "")),
        ("no-course-file", {"course.yml": None}, E("course.yml", 1, "no course.yml", "")),
        ("module-not-in-course", {"20-more/module.yml": b"id: more\ntitle: More\noverview: More.\n"
                                                        b"objectives: [Do more]\nlessons: [first-steps]\n"},
         E("20-more/module.yml", 1, "module 'more' is not reachable from course.yml", "id")),
        # Valid, if unusual.
        ("objectives-as-plain-lines", _edit(files, L2, "  - {text: Handle a scenario, practised_by: [what-now, "
                                            "all-prompts]}", "  - Handle a scenario"), None),
        ("very-long-body", _edit(files, L2, "    body: Text.\n", "    body: |\n" + long_body), None),
        ("yes-as-text", _edit(files, L1, "title: First Steps", "title: yes"), None),
        ("aliases-reused", _edit(files, WS, "help: Be honest.", "help: &honest Be honest.",
                                 "label: Steps done,", "label: Steps done, help: *honest,"), None),
        ("no-optional-fields", {"course.yml": b"id: fixture-course\ntitle: T\ndescription: D.\noutcomes: [O]\n"
                                              b"modules: [basics]\n"}, None),
        ("null-worksheet", _edit(files, L2, "worksheet: all-prompts", "worksheet: null"), None),
        ("26-responses", _edit(files, WHAT, "  - {text: The bad thing, rating: poor, feedback: It backfires.}\n",
                               "".join(f"  - {{text: Response {n}, rating: poor, feedback: No {n}.}}\n"
                                       for n in range(24))), None),
        ("longest-ids", {**_edit(files, MOD, "second-steps]", LONG_ID + "]"),
                         **_edit(files, L2, "id: second-steps", "id: " + LONG_ID),
                         **_edit(files, L1, "(lesson:second-steps#", f"(lesson:{LONG_ID}#")}, None),
        ("widest-table", _edit(files, WS, "columns: [Name, Why], rows: 2",
                               "columns: [a, b, c, d, e, f, g, h], rows: 40"), None),
        ("template-syntax-as-text", _edit(files, L1, "title: First Steps", "title: \"{{ 7 * 7 }} {% if x %}\"",
                                          "body: More text.", "body: \"{# not a comment #} {{ self }}\""), None),
        ("checklist-of-500", _edit(files, WS, "items: [Read the lesson, Did the exercise]",
                                   "items: [" + ", ".join(f"Item {n}" for n in range(500)) + "]"), None),
        ("unicode-everywhere", _edit(files, WHAT, "title: What now?", 'title: "Et maintenant ? — ¿Qué hago? 🤔"',
                                     "situation: Something happens.", "situation: |\n  Quelque chose arrive… 日本語\n"),
         None),
    ]
    return [Case(f"hand:{name}", edits, expected) for name, edits, expected in cases]


def all_cases(full: bool = False) -> list[Case]:
    """The corpus. Each value, key and file gets a few of the mutations that fit it, chosen in turn so
    that every mutation is used somewhere; full=True gives every mutation of everything (thousands)."""
    files = fixture_files()
    cases = []
    for relative, text in files.items():
        for generated, share in ((value_cases(relative, text), 3), (key_cases(relative, text), 1),
                                 (file_cases(relative, text), 14)):
            cases += generated if full else _in_turn(generated, share)
    return cases + hand_cases(files)


_turn = [0]


def _in_turn(cases: list[Case], share: int) -> list[Case]:
    """`share` cases of each group (cases of one value, key or file), starting where the last group stopped."""
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.name.rsplit("=", 1)[0], []).append(case)
    picked = []
    for group in groups.values():
        start = _turn[0] % len(group)
        picked += (group[start:] + group[:start])[:share]
        _turn[0] += share
    return picked
