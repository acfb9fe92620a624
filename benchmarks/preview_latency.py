"""How fast `mkdocs serve` shows a saved YAML change, and whether a broken save keeps it serving.

Serves a copy of the shipped course (content/ and mkdocs.yml, so the repository is never touched), or
a synthetic course of --lessons N, the way `make serve` does, opens a lesson in Chromium, then:

1. saves a new heading into the lesson's YAML several times and measures, each time, how long until
   the open page shows it (live reload);
2. saves a new lesson title once: every page's sidebar shows it, so every page is rebuilt;
3. saves broken YAML and checks that the terminal shows the error with file and line, that the server
   still answers with the last good page, and that fixing the file brings the preview back.

Run: .venv/bin/python benchmarks/preview_latency.py [--lessons N] [--rounds R] [--json]
(benchmarks/run.py runs it at 100 and 1,000 lessons for `make bench`.)
"""

from __future__ import annotations

import argparse
import json
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.export.pdf import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LESSON = "01-growth-mindset/lessons/self-compassion.yml"
LESSON_URL = "growth-mindset/self-compassion/"
HEADING = "The inner critic after an awkward moment"
# As `make serve` runs it.
SERVE = ["serve", "--dirty", "--no-strict"]


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


def _course(work: Path, lessons: int | None) -> tuple[str, str, str, str]:
    """The course to serve in work/content: (lesson file, its page URL, a heading in it, its title)."""
    if lessons is None:
        shutil.copytree(ROOT / "content", work / "content")
        lesson, url, heading = LESSON, LESSON_URL, HEADING
    else:
        from benchmarks.synthetic import make_course

        make_course(work / "content", lessons)
        (work / "content" / "templates").mkdir(exist_ok=True)  # mkdocs.yml names the course's templates folder
        files = sorted((work / "content").glob("*/lessons/*.yml"))
        path = files[len(files) // 2]
        lesson, module = path.relative_to(work / "content").as_posix(), path.parent.parent.name
        url = f"{module}/{path.stem}/"
        heading = re.search(r"^- heading: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)
    title = re.search(r"^title: (.+)$", (work / "content" / lesson).read_text(encoding="utf-8"), re.M).group(1)
    return lesson, url, heading, title


def main(rounds: int, lessons: int | None = None) -> dict:
    """Runs the measurements; returns what they found (failures counts what went wrong)."""
    work = Path(tempfile.mkdtemp(prefix="preview-"))
    shutil.copytree(ROOT / "schemas", work / "schemas")
    lesson_file, lesson_url, heading, title = _course(work, lessons)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    port = free_port()
    log = open(work / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=work, stdout=log, stderr=subprocess.STDOUT,
                              env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    url = f"http://127.0.0.1:{port}/{lesson_url}"
    lesson = work / "content" / lesson_file
    original = lesson.read_text(encoding="utf-8")
    failures = 0
    report = {"lessons": lessons, "rounds": rounds}
    patience = 15000 + (lessons or 0) * 30  # ms to wait for a change to show; a larger course may take longer
    try:
        started = wait_for(lambda: _get(url) is not None, 60 + (lessons or 0) * 0.6, 0.2)
        if started is None:
            print("server did not start:\n" + (work / "serve.log").read_text())
            return dict(report, failures=1)
        report["first_build_s"] = started
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url)
            times = []
            for number in range(1, rounds + 1):
                token = f"Saved heading {number}"
                time.sleep(1.0)  # let the previous reload settle
                lesson.write_text(original.replace(heading, token), encoding="utf-8")
                saved = time.monotonic()
                try:
                    page.wait_for_function(f"document.body && document.body.innerText.includes({token!r})",
                                           timeout=patience, polling=10)
                    times.append(time.monotonic() - saved)
                except Exception:
                    print(f"round {number}: the change did not show within {patience / 1000:.0f} s")
                    failures += 1
            builds = [float(m) for m in re.findall(r"Documentation built in ([\d.]+) seconds",
                                                      (work / "serve.log").read_text())[1:]]
            if builds:
                print(f"site rebuilds (from the serve log): median {statistics.median(builds):.2f} s, "
                      f"max {max(builds):.2f} s")
                report["rebuild_s"] = statistics.median(builds)
            if times:
                print(f"save -> visible in the open page, {len(times)} saves: median {statistics.median(times):.2f} s, "
                      f"max {max(times):.2f} s, all: {', '.join(f'{t:.2f}' for t in times)}")
                report["visible_s"], report["visible_max_s"] = statistics.median(times), max(times)

            # A new title: every page's sidebar shows it.
            time.sleep(1.0)
            lesson.write_text(original.replace(heading, f"Saved heading {rounds}").replace(
                f"title: {title}", "title: A title saved just now", 1), encoding="utf-8")
            saved = time.monotonic()
            try:
                page.wait_for_function("document.querySelector('.md-nav--primary') && "
                                       "document.querySelector('.md-nav--primary').innerText.includes("
                                       "'A title saved just now')", timeout=patience * 2, polling=20)
                report["title_visible_s"] = time.monotonic() - saved
                print(f"title save -> visible in the open page's sidebar: {report['title_visible_s']:.2f} s")
            except Exception:
                print("title save: the new title did not show")
                failures += 1

            # A broken save: errors in the terminal, the last good page still served.
            mark = log.tell()
            lesson.write_text(original.replace("minutes: ", "minutes: [", 1), encoding="utf-8")
            shown = wait_for(lambda: "course content has errors" in (work / "serve.log").read_text()[mark:], 15)
            output = (work / "serve.log").read_text()[mark:]
            located = f"{lesson_file}:" in output
            time.sleep(1.0)  # the rebuild after the error
            still = _get(url)
            serving = still is not None and f"Saved heading {rounds}" in still
            print(f"broken save: error shown after {shown if shown is None else round(shown, 2)} s; names file and "
                  f"line: {located}; server still answers with the last good page: {serving}")
            print("  " + "\n  ".join(line for line in output.splitlines() if "error" in line.lower())[:600])
            report["broken_save_kept"] = shown is not None and located and serving
            failures += not report["broken_save_kept"]
            lesson.write_text(original.replace(heading, "Fixed again"), encoding="utf-8")
            fixed = time.monotonic()
            try:
                page.wait_for_function("document.body && document.body.innerText.includes('Fixed again')",
                                       timeout=patience, polling=10)
                print(f"fixed save: the open page shows it after {time.monotonic() - fixed:.2f} s")
            except Exception as error:
                print(f"fixed save: the preview did not come back ({error})")
                failures += 1
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    return dict(report, failures=failures)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, help="a synthetic course of this many lessons (default: the shipped one)")
    parser.add_argument("--rounds", type=int, default=5, help="saves of a new heading")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on the last line")
    args = parser.parse_args()
    found = main(args.rounds, args.lessons)
    if args.json:
        print(json.dumps(found))
    sys.exit(1 if found["failures"] else 0)
