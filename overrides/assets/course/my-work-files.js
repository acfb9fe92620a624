/* My work's actions: export all saved work as JSON (to import elsewhere) or Markdown (to read),
 * import a JSON export (import.js checks and merges it; the learner sees what it will change first),
 * and clear everything. */
(function () {
  "use strict";
  var C = window.Course;
  var element = C.element;
  var readJson = C.readJson;
  var courseMap = C.courseMap;
  var t = C.t;
  var tn = C.tn;

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
      download(fileName(), "application/json", JSON.stringify(CourseStore.exportRecord(), null, 2) + "\n");
      say(t("Exported your work as a JSON file."));
    });
    actions.querySelector('[data-action="export-markdown"]').addEventListener("click", function () {
      courseMap().then(function (map) {
        download(fileName().replace(/\.json$/, ".md"), "text/markdown", C.myWork.markdown(root, map));
        say(t("Exported your work as a Markdown file."));
      });
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        fileInput.value = "";
        var data = readJson(text, undefined);
        var planned = data === undefined ? { problem: t("This file is not a course export: it is not JSON.") }
          : C.imports.plan(data, C.myWork.shapes(root));
        preview.hidden = true;
        if (planned.problem) {
          say(t("Nothing was imported. %(problem)s", { problem: planned.problem }), true);
        } else if (!planned.changes.length) {
          say(planned.kept ? t("Nothing to import from %(file)s: everything in it is already here, or older than what is here.",
                               { file: file.name })
            : t("Nothing to import from %(file)s: everything in it is already here.", { file: file.name }));
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
        t("Importing %(file)s will change this:", { file: name })));
      var list = preview.appendChild(element("ul"));
      planned.changes.forEach(function (change) {
        var item = { item: describeKey(change) };
        // TRANSLATORS: what an import does to one saved answer or lesson, named after the colon.
        var line = { add: t("Add: %(item)s", item), replace: t("Replace with the file's newer answer: %(item)s", item),
                     complete: t("Mark complete: %(item)s", item) }[change.action];
        list.appendChild(element("li", {}, line));
      });
      if (planned.kept) {
        preview.appendChild(element("p", {}, tn("Kept as they are here, because they are newer than the file's: %(num)s answer.",
          "Kept as they are here, because they are newer than the file's: %(num)s answers.", planned.kept)));
      }
      var buttons = preview.appendChild(element("p"));
      var go = buttons.appendChild(element("button", { type: "button", "class": "md-button md-button--primary" }, t("Import these changes")));
      var cancel = buttons.appendChild(element("button", { type: "button", "class": "md-button" }, t("Cancel")));
      preview.hidden = false;
      say("");
      preview.firstChild.focus();
      cancel.addEventListener("click", function () {
        preview.hidden = true;
        say(t("Nothing was imported."));
        fileInput.focus();
      });
      go.addEventListener("click", function () {
        var problem = C.imports.apply(planned);
        preview.hidden = true;
        fileInput.focus();
        if (problem) {
          say(t("Nothing was imported. %(problem)s", { problem: problem }), true);
          return;
        }
        refresh();
        var of = function (part) { return planned.changes.filter(function (c) { return c.part === part; }).length; };
        var parts = [];
        // TRANSLATORS: the parts of "Imported %(what)s from %(file)s.", listed as the language lists things.
        if (of("answers")) parts.push(tn("%(num)s answer", "%(num)s answers", of("answers")));
        if (of("exercises")) parts.push(tn("%(num)s exercise answer", "%(num)s exercise answers", of("exercises")));
        if (of("progress")) parts.push(tn("the completion of %(num)s lesson", "the completion of %(num)s lessons", of("progress")));
        var values = { what: C.list(parts), file: name,
                       newer: tn("%(num)s newer answer", "%(num)s newer answers", count("replace")) };
        say(count("replace") ? t("Imported %(what)s from %(file)s (%(newer)s among them).", values)
          : t("Imported %(what)s from %(file)s.", values));
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
        return text(root.querySelector('[data-exercise="' + change.id + '"] .course-my-work-label')) ||
          t("exercise %(id)s", { id: change.id });
      }
      return t("lesson %(id)s", { id: change.id });
    }

    actions.querySelector('[data-action="clear"]').addEventListener("click", function () {
      if (!window.confirm(t("Clear all your answers and progress in this course from this browser? " +
                            "This cannot be undone; export your work first to keep a copy."))) {
        say(t("Nothing was cleared."));
        return;
      }
      CourseStore.clear();
      refresh();
      say(t("All your work in this course was cleared from this browser."));
    });
  }

  // The export's file name, in the course's language: "my-course-my-work.json".
  function fileName() {
    // TRANSLATORS: the name of the file a learner's work is exported to: letters, digits and hyphens only.
    return t("%(course)s-my-work.json", { course: CourseStore.courseId() });
  }

  C.download = download;  // the completion record and the evaluation download files too

  C.onPage(function () {
    var myWork = document.querySelector("[data-course-my-work]");
    if (myWork) setUpMyWork(myWork);
  });
})();
