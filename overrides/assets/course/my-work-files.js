/* My work's actions: export all saved work as JSON (to import elsewhere) or Markdown (to read),
 * import a JSON export (import.js checks and merges it; the learner sees what it will change first),
 * and clear everything. */
(function () {
  "use strict";
  var C = window.Course;
  var element = C.element;
  var readJson = C.readJson;
  var courseMap = C.courseMap;
  var plural = C.plural;

  function download(filename, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function setUpMyWork(root) {
    var actions = document.querySelector("[data-course-actions]");
    var status = actions.querySelector(".course-my-work-status");
    var fileInput = actions.querySelector('[data-action="import"]');
    var preview = actions.querySelector("[data-course-import-preview]");
    actions.hidden = false;
    C.myWork.render(root);

    function say(text, problem) {
      status.classList.toggle("course-my-work-status--error", Boolean(problem));
      status.setAttribute("role", problem ? "alert" : "status");
      status.textContent = text;
    }

    function refresh() {
      C.myWork.render(root);
      courseMap().then(function (map) {
        if (!map) return;
        C.progress.markNavigation(map);
        var box = document.querySelector("[data-course-progress]");
        if (box) C.progress.renderProgress(box, map, false);
      });
    }

    actions.querySelector('[data-action="export-json"]').addEventListener("click", function () {
      download(CourseStore.courseId() + "-my-work.json", "application/json",
        JSON.stringify(CourseStore.exportRecord(), null, 2) + "\n");
      say("Exported your work as a JSON file.");
    });
    actions.querySelector('[data-action="export-markdown"]').addEventListener("click", function () {
      courseMap().then(function (map) {
        download(CourseStore.courseId() + "-my-work.md", "text/markdown", C.myWork.markdown(root, map));
        say("Exported your work as a Markdown file.");
      });
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        fileInput.value = "";
        var data = readJson(text, undefined);
        var planned = data === undefined ? { problem: "This file is not a course export: it is not JSON." }
          : C.imports.plan(data, C.myWork.shapes(root));
        preview.hidden = true;
        if (planned.problem) {
          say("Nothing was imported. " + planned.problem, true);
        } else if (!planned.changes.length) {
          say("Nothing to import from " + file.name + ": everything in it is already here" +
              (planned.kept ? ", or older than what is here." : "."));
        } else {
          showPreview(planned, file.name);
        }
      });
    });

    // Before anything changes: what the import will add and replace, and what it will keep.
    function showPreview(planned, name) {
      var count = function (action) { return planned.changes.filter(function (c) { return c.action === action; }).length; };
      preview.innerHTML = "";
      preview.appendChild(element("p", { "class": "course-my-work-preview-title", tabindex: "-1" },
        "Importing " + name + " will change this:"));
      var list = preview.appendChild(element("ul"));
      planned.changes.forEach(function (change) {
        var verb = { add: "Add", replace: "Replace with the file's newer answer", complete: "Mark complete" }[change.action];
        list.appendChild(element("li", {}, verb + ": " + describeKey(change)));
      });
      if (planned.kept) {
        preview.appendChild(element("p", {}, "Kept as they are here, because they are newer than the file's: " +
          plural(planned.kept, "answer") + "."));
      }
      var buttons = preview.appendChild(element("p"));
      var go = buttons.appendChild(element("button", { type: "button", "class": "md-button md-button--primary" }, "Import these changes"));
      var cancel = buttons.appendChild(element("button", { type: "button", "class": "md-button" }, "Cancel"));
      preview.hidden = false;
      say("");
      preview.firstChild.focus();
      cancel.addEventListener("click", function () {
        preview.hidden = true;
        say("Nothing was imported.");
        fileInput.focus();
      });
      go.addEventListener("click", function () {
        var problem = C.imports.apply(planned);
        preview.hidden = true;
        fileInput.focus();
        if (problem) {
          say("Nothing was imported. " + problem, true);
          return;
        }
        refresh();
        var of = function (part) { return planned.changes.filter(function (c) { return c.part === part; }).length; };
        var parts = [];
        if (of("answers")) parts.push(plural(of("answers"), "answer"));
        if (of("exercises")) parts.push(plural(of("exercises"), "exercise answer"));
        if (of("progress")) parts.push("the completion of " + plural(of("progress"), "lesson"));
        say("Imported " + parts.join(", ").replace(/, ([^,]*)$/, " and $1") + " from " + name +
            (count("replace") ? " (" + plural(count("replace"), "newer answer") + " among them)." : "."));
      });
    }

    // A saved value's name as the page gives it: the prompt's label and worksheet, or the exercise.
    function describeKey(change) {
      var text = function (node) { return node ? node.textContent.replace(/¶$/, "").trim() : ""; };
      if (change.part === "answers") {
        var ids = change.id.split("/");
        var section = root.querySelector('.course-my-work-worksheet[data-worksheet="' + ids[0] + '"]');
        var prompt = section && section.querySelector('[data-prompt="' + ids[1] + '"] .course-my-work-label');
        return prompt ? text(prompt) + " (" + text(section.querySelector("h3")) + ")" : change.id;
      }
      if (change.part === "exercises") {
        return text(root.querySelector('[data-exercise="' + change.id + '"] .course-my-work-label')) || "exercise " + change.id;
      }
      return "lesson " + change.id;
    }

    actions.querySelector('[data-action="clear"]').addEventListener("click", function () {
      if (!window.confirm("Clear all your answers and progress in this course from this browser? " +
                          "This cannot be undone; export your work first to keep a copy.")) {
        say("Nothing was cleared.");
        return;
      }
      CourseStore.clear();
      refresh();
      say("All your work in this course was cleared from this browser.");
    });
  }

  C.download = download;  // the completion record and the evaluation download files too

  C.onPage(function () {
    var myWork = document.querySelector("[data-course-my-work]");
    if (myWork) setUpMyWork(myWork);
  });
})();
