"""How fast `mkdocs serve` shows a saved YAML change, and whether a broken save keeps it serving.

Serves a copy of the shipped course (content/ and mkdocs.yml, so the repository is never touched) the
way `make serve` does, opens a lesson in Chromium, then:

1. saves a new heading into the lesson's YAML several times and measures, each time, how long until
   the open page shows it (live reload);
2. saves broken YAML and checks that the terminal shows the error with file and line, that the server
   still answers with the last good page, and that fixing the file brings the preview back.

Run: .venv/bin/python benchmarks/preview_latency.py [ROUNDS]
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from generator.export.pdf import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
LESSON = "01-growth-mindset/lessons/self-compassion.yml"
LESSON_URL = "growth-mindset/self-compassion/"
HEADING = "The inner critic after an awkward moment"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float, step: float = 0.01) -> float | None:
    """Seconds until predicate() is true, or None after timeout."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(step)
    return None


def main(rounds: int) -> int:
    work = Path(tempfile.mkdtemp(prefix="preview-"))
    shutil.copytree(ROOT / "content", work / "content")
    shutil.copytree(ROOT / "schemas", work / "schemas")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    port = free_port()
    log = open(work / "serve.log", "w+", encoding="utf-8")
    # As `make serve` runs it.
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=work, stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    url = f"http://127.0.0.1:{port}/{LESSON_URL}"
    lesson = work / "content" / LESSON
    original = lesson.read_text(encoding="utf-8")
    failures = 0
    try:
        if wait_for(lambda: _get(url) is not None, 60, 0.2) is None:
            print("server did not start:\n" + (work / "serve.log").read_text())
            return 1
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url)
            times = []
            for number in range(1, rounds + 1):
                token = f"Saved heading {number}"
                time.sleep(1.0)  # let the previous reload settle
                lesson.write_text(original.replace(HEADING, token), encoding="utf-8")
                saved = time.monotonic()
                try:
                    page.wait_for_function(f"document.body && document.body.innerText.includes({token!r})",
                                           timeout=15000, polling=10)
                    times.append(time.monotonic() - saved)
                except Exception:
                    print(f"round {number}: the change did not show within 15 s")
                    failures += 1
            builds = [float(m) for m in re.findall(r"Documentation built in ([\d.]+) seconds",
                                                      (work / "serve.log").read_text())[1:]]
            if builds:
                print(f"site rebuilds (from the serve log): median {statistics.median(builds):.2f} s, "
                      f"max {max(builds):.2f} s")
            if times:
                print(f"save -> visible in the open page, {len(times)} saves: median {statistics.median(times):.2f} s, "
                      f"max {max(times):.2f} s, all: {', '.join(f'{t:.2f}' for t in times)}")

            # A broken save: errors in the terminal, the last good page still served.
            mark = log.tell()
            lesson.write_text(original.replace("minutes: ", "minutes: [", 1), encoding="utf-8")
            shown = wait_for(lambda: "course content has errors" in (work / "serve.log").read_text()[mark:], 15)
            output = (work / "serve.log").read_text()[mark:]
            located = f"{LESSON}:" in output
            time.sleep(1.0)  # the rebuild after the error
            still = _get(url)
            serving = still is not None and f"Saved heading {rounds}" in still
            print(f"broken save: error shown after {shown if shown is None else round(shown, 2)} s; names file and "
                  f"line: {located}; server still answers with the last good page: {serving}")
            print("  " + "\n  ".join(line for line in output.splitlines() if "error" in line.lower())[:600])
            failures += shown is None or not located or not serving
            lesson.write_text(original.replace(HEADING, "Fixed again"), encoding="utf-8")
            fixed = time.monotonic()
            try:
                page.wait_for_function("document.body && document.body.innerText.includes('Fixed again')",
                                       timeout=15000, polling=10)
                print(f"fixed save: the open page shows it after {time.monotonic() - fixed:.2f} s")
            except Exception as error:
                print(f"fixed save: the preview did not come back ({error})")
                failures += 1
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
