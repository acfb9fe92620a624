"""Finding and starting the Chromium (or Chrome) that prints the PDFs.

A browser is looked for where a user's system has it: the `--browser` option, then the
COURSE_BROWSER environment variable, then the usual program names on PATH, then the usual install
places on Linux, macOS and Windows, then a browser that Playwright downloaded itself. The first
that exists is used, and `course pdf` says which.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_VARIABLE = "COURSE_BROWSER"
CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium, which the tests drive
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def install_places(environ=os.environ, platform: str = sys.platform) -> list[Path]:
    """Where Chromium and Chrome are usually installed on this kind of system."""
    if platform == "darwin":
        apps = ["Google Chrome.app/Contents/MacOS/Google Chrome", "Chromium.app/Contents/MacOS/Chromium"]
        roots = [Path("/Applications"), Path(environ.get("HOME", "~")) / "Applications"]
        return [root / app for root in roots for app in apps]
    if platform.startswith("win"):
        roots = [environ.get(name) for name in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
        apps = [r"Google\Chrome\Application\chrome.exe", r"Chromium\Application\chrome.exe"]
        return [Path(root) / app for root in roots if root for app in apps]
    return [Path(place) for place in (CHROMIUM, "/usr/bin/chromium-browser", "/snap/bin/chromium",
                                      "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
                                      "/opt/google/chrome/chrome")]


@dataclass(frozen=True)
class Browser:
    path: Path | None  # None: the Chromium that Playwright downloaded (`playwright install chromium`)
    found: str  # how it was found, for the message that says which browser is used

    def describe(self) -> str:
        return f"{self.path or 'Playwright’s own Chromium'} ({self.found})"


class BrowserNotFound(Exception):
    """No Chromium or Chrome: the message says where it was looked for and what to do."""


def find_browser(option: str | None = None, environ=os.environ, platform: str = sys.platform,
                 playwright_default: Path | None = None) -> Browser:
    """The browser to print with: the option's, the environment variable's, or the first found."""
    for given, found in ((option, "--browser"), (environ.get(ENV_VARIABLE), ENV_VARIABLE)):
        if given:
            path = Path(given).expanduser()
            if not path.is_file():
                raise BrowserNotFound(f"{found} names {given}, which is not a file: give the path of "
                                      "a Chromium or Chrome program")
            return Browser(path, found)
    for name in PATH_NAMES:
        on_path = shutil.which(name, path=environ.get("PATH"))
        if on_path:
            return Browser(Path(on_path), "on PATH")
    for place in install_places(environ, platform):
        if place.is_file():
            return Browser(place, "installed")
    if playwright_default is not None and playwright_default.is_file():
        return Browser(None, "downloaded by Playwright")
    raise BrowserNotFound("no Chromium or Chrome found on PATH or where they are usually installed: "
                          f"install one, or name it with --browser PATH or {ENV_VARIABLE}=PATH")


def launch(playwright, browser: Browser):
    """Start the browser headless; a failure is one line saying which program failed and why."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return playwright.chromium.launch(
            executable_path=str(browser.path) if browser.path else None, args=CHROMIUM_ARGS)
    except PlaywrightError as error:
        raise BrowserNotFound(f"could not start {browser.describe()}: {first_line(error)}") from None


def first_line(error: Exception) -> str:
    """The first meaningful line of a Playwright error, without its call log and browser output."""
    for line in str(error).splitlines():
        line = line.strip().removeprefix("BrowserType.launch:").strip()
        if line and not line.startswith(("=", "Call log", "Browser logs")):
            return line
    return type(error).__name__
