"""YAML as instructors write it: YAML 1.2 scalars, characters YAML refuses, and syntax errors with advice.

Used by load.py. PyYAML implements YAML 1.1, where `yes`, `on`, `1:30` and `2024-01-02` are not text;
editors and schema tools follow YAML 1.2, where they are. Resolving plain scalars the 1.2 way makes
the generator read a file as the instructor's editor does.
"""

from __future__ import annotations

import re

import yaml

from .errors import Problem

MAX_DEPTH = 50  # levels of lists and mappings; content needs about five

_TAG = "tag:yaml.org,2002:"
# The YAML 1.2 core schema: the only plain scalars that are not text.
_CORE = {
    "null": re.compile(r"^(?:~|null|Null|NULL|)$"),
    "bool": re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    "int": re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    "float": re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                        r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$"),
}
_FIRST = {"null": "~nN", "bool": "tTfF", "int": "-+0123456789", "float": "-+.0123456789"}

# Characters a YAML file may not hold (YAML's printable set, minus what editors show as nothing).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Characters PyYAML reads as line breaks although editors show none: they shift every later line.
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
_SEPARATOR_NAMES = {"\x85": "next line (U+0085)", "\u2028": "line separator (U+2028)",
                    "\u2029": "paragraph separator (U+2029)"}
_MAX_TEXT_PROBLEMS = 10


def yaml12(base: type) -> type:
    """A subclass of a PyYAML loader that resolves plain scalars by the YAML 1.2 core schema."""
    loader = type(f"Yaml12{base.__name__}", (base,), {"yaml_implicit_resolvers": {}})
    for name, pattern in _CORE.items():
        loader.add_implicit_resolver(_TAG + name, pattern, list(_FIRST[name]) + ([""] if name == "null" else []))
    return loader


def scalar_value(node) -> tuple[object, tuple[str, str] | None]:
    """The value of a scalar node, and (message, hint) when it cannot be read or holds a control character."""
    tag, text = node.tag.removeprefix(_TAG), node.value
    if tag == "str":
        bad = _FORBIDDEN.search(text)
        if bad:
            return None, (f"the text holds the control character {_codepoint(bad.group())}, written as an "
                          "escape in quotes", "remove the escape: such characters break pages and files")
        return text, None
    if not _CORE[tag].match(text):  # an explicit tag, such as !!int abc
        return None, (f"'{text}' cannot be read as !!{tag}", "remove the tag")
    if tag == "null":
        return None, None
    if tag == "bool":
        return text.lower() == "true", None
    if tag == "int":
        sign, digits = (-1, text[1:]) if text[:1] == "-" else (1, text.lstrip("+"))
        base = 8 if digits.startswith("0o") else 16 if digits.startswith("0x") else 10
        return sign * int(digits[2:] if base != 10 else digits, base), None
    return float(text.lower().replace(".inf", "inf").replace(".nan", "nan")), None


def text_problems(display: str, text: str) -> list[Problem]:
    """Problems with single characters, each at its own line and column (before YAML reads the text)."""
    problems = []
    for pattern, what, hint in (
            (_FORBIDDEN, lambda char: f"the control character {_codepoint(char)}, which YAML does not allow",
             "delete it: editors often show it as nothing or a box (it comes with text copied from PDFs "
             "and word processors)"),
            (_LINE_SEPARATORS, lambda char: f"a Unicode {_SEPARATOR_NAMES[char]}, which YAML reads as a "
                                            "line break",
             "delete it, or make it a real line break inside a block text (|); it usually comes with text "
             "pasted from a web page or a PDF")):
        for match in pattern.finditer(text):
            if len(problems) == _MAX_TEXT_PROBLEMS:
                return problems
            line, column = _line_column(text, match.start())
            problems.append(Problem(display, line, column, "", f"the file holds {what(match.group())}",
                                    hint=hint))
    return problems


def _line_column(text: str, index: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _codepoint(char: str) -> str:
    names = {"\x00": " (NUL)", "\t": " (tab)", "\x1b": " (escape)", "\x7f": " (delete)"}
    return f"U+{ord(char):04X}{names.get(char, '')}"


def find_too_deep(text: str, loader: type) -> tuple[int, int]:
    """Line and column of the first value nested deeper than MAX_DEPTH.

    From parser events, which need no recursion; libyaml's scanner stops at its own limit before
    handing out the events of the first levels, so the pure-Python parser is asked when it does.
    """
    try:
        return _first_too_deep(yaml.parse(text, Loader=loader))
    except yaml.YAMLError:
        return _first_too_deep(yaml.parse(text, Loader=yaml.SafeLoader))


def _first_too_deep(events) -> tuple[int, int]:
    depth = 0
    for event in events:
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)) \
                and depth > MAX_DEPTH:
            return event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return 1, 1


def syntax_problem(display: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at its place, in PyYAML's words (libyaml's or Python's), with advice."""
    mark = exc.problem_mark or exc.context_mark
    # A line without ':' is only noticed on the next one; the line to fix is where its key began.
    at_context = "expected ':'" in (exc.problem or "") and exc.context_mark is not None
    if at_context:
        mark = exc.context_mark
    line, column = mark.line + 1, mark.column + 1
    message = f"invalid YAML: {exc.problem}" if exc.problem else "invalid YAML"
    if exc.context and exc.context_mark and not at_context:
        message += f" ({exc.context} on line {exc.context_mark.line + 1})"
    lines = text.split("\n")
    char = lines[line - 1][column - 1:column] if line <= len(lines) else ""
    return Problem(display, line, column, "", message, hint=_advice(f"{exc.context} {exc.problem}", char))


# PyYAML's wording (libyaml's and the pure-Python reader's) -> what to do about it.
_ADVICE = [
    (("mapping values are not allowed",),
     "a text that contains ': ' needs quotes, for example  title: \"Networking: the basics\""),
    (("could not find expected ':'", "could not found expected ':'"),
     "this line needs 'field: value'; a text that runs over several lines needs quotes, or a "
     "block: 'field: |' with the text indented on the lines below"),
    (("found a tab character", "'\\t'"), "indent with spaces, not tabs (set your editor to insert spaces)"),
    (("found unexpected end of stream",), "a quoted text is not closed: add the closing quote"),
    (("expected ',' or ']'", "expected ',' or '}'"),
     "a list in [brackets] or a mapping in {braces} needs commas between items and its closing bracket; "
     "put an item that contains a comma, a colon or a bracket in quotes"),
    (("undefined alias",), "'*name' repeats a value marked '&name' above it; a text that starts with '*' "
                           "needs quotes"),
    (("duplicate anchor",), "each anchor ('&name') may be defined once in a file"),
    (("escape",), "inside double quotes a backslash starts an escape: write \\\\ for a backslash, or use "
                  "single quotes"),
    (("block sequence entries are not allowed",),
     "a list item ('- ') starts on a line of its own, indented under its field"),
    (("expected '-' indicator",),
     "the fields of a list item line up with its first field, after '- '; the items of one list start "
     "with '- ' in the same column"),
    (("while scanning an alias", "while scanning an anchor"),
     "'&' and '*' start anchors and aliases: put a text that starts with them in quotes"),
    (("block scalar",), "after '|' or '>' start the text on the next line, indented"),
    (("directive",), "a line that starts with '%' needs quotes"),
    (("expected a single document", "but found another document"),
     "a content file holds one document: remove the '---' line and what follows, or split it into files"),
    (("did not find expected key", "expected <block end>", "did not find expected node content",
      "expected the node content"),
     "check the indentation of this line and the one above: the fields of one mapping start in the same "
     "column, list items ('- ') are indented under their field, and a text that starts with one of "
     "[ ] { } > | * & ! % @ ` needs quotes"),
]


def _advice(wording: str, char: str) -> str:
    if "cannot start any token" in wording:
        if char == "\t":
            return "indent with spaces, not tabs (set your editor to insert spaces)"
        return f"a text that starts with '{char}' needs quotes" if char.strip() else "put the value in quotes"
    for needles, advice in _ADVICE:
        if any(needle in wording for needle in needles):
            return advice
    return "put text that YAML could misread in quotes, and check the indentation"
