"""While previewing (`mkdocs serve`), a broken save reports its problems and the last good site stays;
a plain build still fails on them."""

from __future__ import annotations


import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from authoring import copy_course, edit, site_config

LESSON = "01-basics/lessons/first-steps.yml"


def config_for(tmp_path, command):
    config = load_config(str(site_config(tmp_path)), site_dir=str(tmp_path / "site"), strict=False)
    config.plugins.on_startup(command=command, dirty=False)
    return config


def test_a_broken_save_keeps_the_last_good_site_while_serving(tmp_path, capsys):
    content = copy_course(tmp_path)
    config = config_for(tmp_path, "serve")
    build(config)
    page = tmp_path / "site/basics/first-steps/index.html"
    assert "Start small" in page.read_text(encoding="utf-8")

    edit(content / LESSON, "minutes: 20", "minutes: [20")
    build(config)  # no exception: the server goes on serving
    printed = capsys.readouterr().err
    assert f"{LESSON}:5:11: error: invalid YAML" in printed and "still serving the last good version" in printed
    assert "Start small" in page.read_text(encoding="utf-8")

    edit(content / LESSON, "minutes: [20", "minutes: 20")
    edit(content / LESSON, "heading: Start small", "heading: Start smaller")
    build(config)
    assert "Start smaller" in page.read_text(encoding="utf-8")


def test_a_plain_build_fails_on_broken_content(tmp_path):
    content = copy_course(tmp_path)
    config = config_for(tmp_path, "build")
    build(config)
    edit(content / LESSON, "minutes: 20", "minutes: [20")
    with pytest.raises(Abort):
        build(config)
