"""Finding the Chromium or Chrome that prints the PDFs, and saying clearly when it cannot start."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.export import browser as browser_module
from generator.export.browser import BrowserNotFound, find_browser, first_line, install_places


def program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_option_wins_over_the_environment_and_path(tmp_path):
    chosen = program(tmp_path / "my-chrome")
    env = {"COURSE_BROWSER": str(program(tmp_path / "env-chrome")), "PATH": str(tmp_path)}
    browser = find_browser(str(chosen), environ=env)
    assert browser.path == chosen and browser.found == "--browser"
    assert find_browser(None, environ=env).found == "COURSE_BROWSER"


def test_an_option_naming_no_file_is_refused_with_what_to_give(tmp_path):
    with pytest.raises(BrowserNotFound, match=r"--browser names .*missing, which is not a file"):
        find_browser(str(tmp_path / "missing"), environ={})


@pytest.mark.parametrize("name", ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
def test_a_browser_on_path_is_found_by_its_usual_names(tmp_path, name):
    found = program(tmp_path / "bin" / name)
    browser = find_browser(environ={"PATH": str(tmp_path / "bin")}, platform="linux")
    assert browser.path == found and browser.found == "on PATH"
    assert "on PATH" in browser.describe() and str(found) in browser.describe()


@pytest.mark.parametrize("platform, env, expected", [
    ("darwin", {"HOME": "/Users/ana"}, "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
    ("darwin", {"HOME": "/Users/ana"}, "/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium"),
    ("win32", {"PROGRAMFILES": r"C:\Program Files"}, r"C:\Program Files/Google\Chrome\Application\chrome.exe"),
    ("win32", {"LOCALAPPDATA": r"C:\Users\ana\AppData\Local"},
     r"C:\Users\ana\AppData\Local/Chromium\Application\chrome.exe"),
    ("linux", {}, "/usr/bin/chromium"),
    ("linux", {}, "/snap/bin/chromium"),
    ("linux", {}, "/opt/google/chrome/chrome"),
])
def test_the_usual_install_places_of_each_system_are_searched(platform, env, expected):
    assert Path(expected) in install_places(env, platform)


@pytest.fixture
def nothing_installed(monkeypatch):
    monkeypatch.setattr(browser_module, "install_places", lambda environ, platform: [])


def test_playwrights_own_chromium_is_the_last_resort(tmp_path, nothing_installed):
    downloaded = program(tmp_path / "ms-playwright" / "chrome")
    browser = find_browser(environ={"PATH": ""}, platform="linux", playwright_default=downloaded)
    assert browser.path is None and browser.found == "downloaded by Playwright"


def test_no_browser_anywhere_says_how_to_name_one(nothing_installed):
    with pytest.raises(BrowserNotFound) as error:
        find_browser(environ={"PATH": ""}, platform="linux")
    assert "--browser PATH or COURSE_BROWSER=PATH" in str(error.value)
    assert "\n" not in str(error.value)


def test_a_launch_failure_is_reduced_to_its_first_line():
    log = ("BrowserType.launch: Failed to launch the browser process!\n"
           "[pid=123][err] cannot open display\n" + "\n".join(f"line {n}" for n in range(16)) +
           "\nCall log:\n  - <launching> /x\n")
    assert first_line(Exception(log)) == "Failed to launch the browser process!"


def test_the_test_machines_chromium_is_found():
    assert find_browser(environ=dict(os.environ)).path is not None
