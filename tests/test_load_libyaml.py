"""The fast libyaml loader and the pure-Python one must read content identically.

load.py composes YAML with libyaml's CSafeLoader when the system has it (about ten times faster on
a large course). An instructor must get the same line and column for a problem, and the generator the
same data and positions, whichever loader ran. The wording of a YAML syntax error is libyaml's own and
may differ; the place may not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import load

from conftest import CONTENT

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML was built without libyaml")

BROKEN = {
    "unclosed quote": 'id: a\ntitle: "oops\nminutes: 3\n',
    "value indented under a value": "id: a\ntitle: x\n  minutes: 3\n",
    "tab indentation": "id: a\n\ttitle: x\n",
    "unclosed flow list": "id: a\nexercises: [a, b\nminutes: 3\n",
    "colon inside a plain value": "id: a\ntitle: x: y\n",
    "python tag": 'id: a\ntitle: !!python/object/apply:os.system ["ls"]\n',
    "custom tag": "id: a\ntitle: !shout bar\n",
    "tag on a mapping": "id: a\nsections: !!set {a, b}\n",
    "duplicate key": "id: a\ntitle: x\nid: b\n",
    "duplicate nested key": "id: a\nsections:\n  - heading: h\n    body: b\n    heading: again\n",
    "key that is a list": "id: a\n[x, y]: 1\n",
    "bad UTF-8": b"id: a\ntitle: caf\xe9\n",
    "bad UTF-8 on a later line": b"id: a\ntitle: ok\nbody: |\n  fine\n  \xff\xfe\n",
    "control character": "id: a\ntitle: x\x07y\n",
    "deep nesting": "id: a\nx: " + "[" * 900 + "]" * 900 + "\n",
    "recursive alias": "id: a\nx: &loop [1, *loop]\n",
    "control character in an escape": 'id: a\ntitle: "x\\x07y"\n',
    "line separator": "id: a\ntitle: x\u2028y\nminutes: 3\n",
    "undefined alias": "id: a\ntitle: *nope\n",
    "two documents": "id: a\n---\nid: b\n",
    "block scalar dedented": "id: a\nbody: |\n  one\n two\n",
    "list item inside a mapping": "id: a\n- b\n",
    "empty file": "",
    "comment only": "# nothing here\n",
    "a bare scalar": "hello\n",
    "a list at the top": "- a\n- b\n",
}

GOOD = {
    "byte order mark": "\ufeffid: a\ntitle: x\n",
    "anchors and aliases": "id: a\nbase: &b {x: 1, y: [1, 2]}\ncopy: *b\nlist: [*b, *b]\n",
    "scalars of every kind": ("id: a\nint: 12\nneg: -3\nfloat: 1.5\nexp: 1e3\ntruth: true\nlie: false\n"
                              "nothing: null\ntilde: ~\nquoted: '12'\noctal: 0o17\n"),
    "block scalars": "id: a\nliteral: |\n  one\n\n  two\nfolded: >-\n  three\n  four\nkeep: |+\n  x\n\n",
    "flow styles": 'id: a\nmap: {a: 1, "b c": [x, {d: e}]}\nseq: [ "q", \'s\', plain ]\n',
    "unicode": "id: a\ntitle: Café — naïve “quotes” 日本語 🙂\n",
    "deep nesting": "id: a\nx:\n  - - - y: [1, [2, [3]]]\n",
    "YAML 1.1 words and numbers that 1.2 reads as text": ("id: a\nwhen: 2024-01-02\nyes: yes\noff: off\n"
                                                         "time: 1:30\nsep: 1_000\nhex: 0x1F\n"),
    "crlf line ends": "id: a\r\ntitle: x\r\nbody: |\r\n  one\r\n  two\r\n",
}


def _load_with(loader, path: Path):
    """Everything load_file gives back, read with one loader."""
    original = load._Loader
    load._Loader = loader
    try:
        source, problems = load.load_file(path, "lesson")
    finally:
        load._Loader = original
    return source, problems


def _both(tmp_path: Path, name: str, text) -> tuple:
    path = tmp_path / f"{name.replace(' ', '-')}.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return _load_with(load._PythonLoader, path), _load_with(load._Loader, path)


def test_the_fast_loader_is_used_when_libyaml_is_present():
    assert issubclass(load._Loader, yaml.CSafeLoader)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_give_the_same_positions(tmp_path, name):
    (_, python_problems), (_, c_problems) = _both(tmp_path, name, BROKEN[name])
    assert python_problems, "the case must be a broken file"
    places = lambda problems: [(p.file, p.line, p.column, p.field, p.severity) for p in problems]  # noqa: E731
    assert places(c_problems) == places(python_problems)


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_files_give_the_same_data_and_positions(tmp_path, name):
    (python_source, python_problems), (c_source, c_problems) = _both(tmp_path, name, GOOD[name])
    assert python_problems == [] and c_problems == []
    assert c_source.data == python_source.data
    assert c_source.positions == python_source.positions
    assert c_source.key_positions == python_source.key_positions


def test_the_shipped_course_reads_the_same(tmp_path):
    files, problems = load.find_content_files(CONTENT)
    assert files and problems == []
    for path, kind in files:
        original = load._Loader
        try:
            load._Loader = load._PythonLoader
            python_source, _ = load.load_file(path, kind)
            load._Loader = original
            c_source, _ = load.load_file(path, kind)
        finally:
            load._Loader = original
        assert (c_source.data, c_source.positions, c_source.key_positions) == \
               (python_source.data, python_source.positions, python_source.key_positions), path
