"""Helpers for the LMS package tests: one package build of the shipped course per test run, the
packages written from it, and an LMS page that offers scorm-again's runtime to a package in a frame."""

from __future__ import annotations

import atexit
import functools
import html.parser
import shutil
import tempfile
import zipfile
from pathlib import Path

from generator.export.scorm import write_scorm
from generator.export.site import build_package_site

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "tests" / "node_modules" / "scorm-again" / "dist"
WORK = Path(tempfile.mkdtemp(prefix="course-lms-tests-"))
atexit.register(shutil.rmtree, WORK, True)


@functools.cache
def package_build():
    """The shipped course built as for a package, once per run: (bundle, site folder)."""
    site = WORK / "site"
    bundle = build_package_site(ROOT / "mkdocs.yml", site)
    return bundle, site


@functools.cache
def scorm_package(version: str) -> Path:
    bundle, site = package_build()
    target = WORK / f"scorm{version}.zip"
    write_scorm(bundle, site, target, version)
    return target


def unpacked(package: Path) -> Path:
    """The package's files in a folder of their own (the LMS's file store)."""
    folder = WORK / f"{package.stem}-files"
    if not folder.exists():
        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder)
    return folder


class Links(html.parser.HTMLParser):
    """Every href and src of a page, except links inside the page and to other sites."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith(("#", "data:", "mailto:", "blob:")) \
                    and "://" not in value:
                self.found.append(value)


# The LMS: scorm-again's API as window.API (1.2) or window.API_1484_11 (2004), every call recorded
# in `calls` as [name, arguments..., result], and the package launched in a frame by `launch(state)`.
HARNESS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="runtime/scorm12.js"></script><script src="runtime/scorm2004.js"></script>
<script>
  var v12 = new URLSearchParams(location.search).get("version") !== "2004";
  var runtime = v12 ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  var calls = [];
  var api = {};
  (v12 ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "LMSGetLastError",
          "LMSGetErrorString", "LMSGetDiagnostic"]
       : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate", "GetLastError", "GetErrorString",
          "GetDiagnostic"]).forEach(function (name) {
    api[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      var result = runtime[name].apply(runtime, args);
      calls.push([name].concat(args, [String(result)]));
      return result;
    };
  });
  window[v12 ? "API" : "API_1484_11"] = api;
  function launch(state) {
    if (state) runtime.loadFromJSON(state);
    var frame = document.createElement("iframe");
    frame.id = "sco";
    frame.style.cssText = "width: 1200px; height: 900px; border: 0";
    frame.src = "package/launch.html";
    document.body.appendChild(frame);
  }
  function leave() { document.getElementById("sco").remove(); }
</script></head><body></body></html>
"""


def lms_folder(package: Path) -> Path:
    """A folder to serve: the LMS page, the runtime and the unpacked package under package/."""
    folder = WORK / f"{package.stem}-lms"
    if not folder.exists():
        shutil.copytree(unpacked(package), folder / "package")
        (folder / "runtime").mkdir()
        for name in ("scorm12.js", "scorm2004.js"):
            shutil.copy(RUNTIME / name, folder / "runtime" / name)
        (folder / "lms.html").write_text(HARNESS, encoding="utf-8")
    return folder


def _writing(characters: int) -> str:
    sentence = "I will ask one colleague a real question about their work this week. "
    return (sentence * (characters // len(sentence) + 1))[:characters].strip()


def full_record(bundle) -> dict:
    """The largest realistic saved work: every prompt and exercise answered, every writing space
    filled as on paper (60 characters a line), every table row filled, every lesson complete."""
    from generator.models import SelfAssessment, ShortAnswer
    from generator.export.scored import scored_exercises

    answers = {}
    for worksheet in bundle.worksheets.values():
        for prompt in worksheet.prompts:
            key = f"{worksheet.id}/{prompt.id}"
            if prompt.type == "text":
                answers[key] = _writing(60 * prompt.lines)
            elif prompt.type == "scale":
                answers[key] = prompt.max
            elif prompt.type == "checklist":
                answers[key] = list(range(1, len(prompt.items) + 1))
            elif prompt.type == "table":
                answers[key] = {f"{row}-{column}": _writing(24) for row in range(1, prompt.rows + 1)
                                for column in range(1, len(prompt.columns) + 1)}
    exercises = {exercise.id: exercise.correct if exercise.multiple else exercise.correct[0]
                 for exercise in scored_exercises(bundle)}
    for exercise in bundle.exercises.values():
        if isinstance(exercise, ShortAnswer):
            exercises[exercise.id] = _writing(60 * exercise.lines)
        elif isinstance(exercise, SelfAssessment):
            exercises[exercise.id] = {statement.id: exercise.scale_max for statement in exercise.statements}
    lessons = list(bundle.lessons)
    return {"version": 1, "answers": answers, "exercises": exercises,
            "progress": {lesson: {"complete": True} for lesson in lessons}, "last": lessons[-1]}
