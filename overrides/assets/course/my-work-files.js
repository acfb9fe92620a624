/* My work's actions: export all saved work as JSON (to import elsewhere) or Markdown (to read),
 * import a JSON export (CourseStore refuses a bad file whole), and clear everything. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var isEmptyAnswer = C.isEmptyAnswer;
  var courseMap = C.courseMap;
  var lessons = C.lessons;

  var describeAnswer = function (prompt, value) { return C.myWork.describeAnswer(prompt, value); };

  function download(filename, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function textOf(html) { var box = element("div"); box.innerHTML = html; return box.textContent; }

  /* A saved answer as Markdown lines, using the labels the course gives its prompt (null when the
   * prompt is no longer in the course). Also used by the completion record and the evaluation. */
  function answerMarkdown(prompt, value) {
    var description = describeAnswer(prompt, value);
    var lines = [];
    if (description.list) {
      description.list.forEach(function (item) { lines.push("- [" + (item.checked ? "x" : " ") + "] " + textOf(item.html)); });
    } else if (description.table) {
      var cell = function (text) { return text.replace(/\|/g, "\\|").replace(/\n/g, " "); };
      lines.push("| " + description.table.columns.map(cell).join(" | ") + " |");
      lines.push("|" + description.table.columns.map(function () { return " --- |"; }).join(""));
      description.table.rows.forEach(function (row) { lines.push("| " + row.map(cell).join(" | ") + " |"); });
    } else {
      lines.push(description.text);
    }
    return lines;
  }

  function markdownExport(root, map) {
    var data = CourseStore.load();
    var lines = ["# My work: " + (map && map.title ? map.title : CourseStore.courseId()), "",
                 "Exported on " + new Date().toISOString().slice(0, 10) + ".", ""];
    if (map) {
      lines.push("## Progress", "");
      lessons(map).forEach(function (entry) {
        var done = data.progress[entry.lesson.id] && data.progress[entry.lesson.id].complete;
        lines.push("- [" + (done ? "x" : " ") + "] " + entry.module.title + ": " + entry.lesson.title);
      });
      lines.push("");
    }
    var known = {};
    var writeAnswer = function (prompt, value) { lines = lines.concat(answerMarkdown(prompt, value), [""]); };
    all(".course-my-work-worksheet", root).forEach(function (section) {
      lines.push("## " + section.querySelector("h3").firstChild.textContent.trim(), "");
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var answerKey = section.dataset.worksheet + "/" + prompt.dataset.prompt;
        known[answerKey] = true;
        lines.push("### " + prompt.querySelector(".course-my-work-label").textContent.trim(), "");
        var value = data.answers[answerKey];
        if (isEmptyAnswer(value)) lines.push("*Not answered yet.*", "");
        else writeAnswer(prompt, value);
      });
    });
    if (C.myWork.practiceMarkdown) lines = lines.concat(C.myWork.practiceMarkdown());
    var orphanKeys = Object.keys(data.answers).filter(function (answerKey) { return !known[answerKey]; }).sort();
    if (orphanKeys.length) {
      lines.push("## Answers to prompts no longer in the course", "");
      orphanKeys.forEach(function (answerKey) {
        lines.push("### " + answerKey, "");
        writeAnswer(null, data.answers[answerKey]);
      });
    }
    return lines.join("\n").replace(/\n+$/, "\n");
  }

  function setUpMyWork(root) {
    var actions = document.querySelector("[data-course-actions]");
    var status = actions.querySelector(".course-my-work-status");
    var fileInput = actions.querySelector('[data-action="import"]');
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
        download(CourseStore.courseId() + "-my-work.md", "text/markdown", markdownExport(root, map));
        say("Exported your work as a Markdown file.");
      });
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = readJson(text, undefined);
        var problem = data === undefined ? "This file is not a course export: it is not JSON." : CourseStore.importRecord(data);
        fileInput.value = "";
        if (problem) {
          say("Nothing was imported. " + problem, true);
          return;
        }
        refresh();
        say("Imported " + Object.keys(data.answers).length + " answers and the progress of " +
            Object.keys(data.progress).length + " lessons from " + file.name + ".");
      });
    });
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

  C.download = download;
  C.myWork.answerMarkdown = answerMarkdown;

  C.onPage(function () {
    var myWork = document.querySelector("[data-course-my-work]");
    if (myWork) setUpMyWork(myWork);
  });
})();
