/* My work as a Markdown file, for reading and printing: progress, then every answer under its prompt
 * in the course's words. Typed text stays text: HTML and Markdown markers in it are escaped. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var isEmptyAnswer = C.isEmptyAnswer;
  var lessons = C.lessons;
  var t = C.t;
  var describeAnswer = function (prompt, value) { return C.myWork.describeAnswer(prompt, value); };

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // What the learner typed, as Markdown that shows exactly that: HTML as text, a line-starting list or
  // heading marker as text, and each line break kept (two trailing spaces), paragraphs apart.
  function markdownText(text) {
    return String(text).split(/\r?\n/).map(function (line) {
      return escapeHtml(line).replace(/^(\s*)([#*+-])(?=\s|$)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
    }).join("\n").replace(/([^\n])\n(?=[^\n])/g, "$1  \n");
  }

  var plain = function (html) { var box = element("div"); box.innerHTML = html; return box.textContent; };

  /* A saved answer as Markdown lines, in the words of its prompt (a My work prompt element; null
   * when the prompt is no longer in the course). The completion record and the evaluation use it too. */
  function answerMarkdown(prompt, value) {
    var description = describeAnswer(prompt, value);
    if (description.list) {
      return description.list.map(function (item) { return "- [" + (item.checked ? "x" : " ") + "] " + plain(item.html); });
    }
    if (description.table) {
      var cell = function (text) { return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>"); };
      return ["| " + description.table.columns.map(cell).join(" | ") + " |",
              "|" + description.table.columns.map(function () { return " --- |"; }).join("")]
        .concat(description.table.rows.map(function (row) { return "| " + row.map(cell).join(" | ") + " |"; }));
    }
    return [markdownText(description.text)];
  }

  function markdownExport(root, map) {
    var data = CourseStore.load();
    var lines = ["# " + t("My work: %(course)s", { course: map && map.title ? map.title : CourseStore.courseId() }), "",
                 t("Exported on %(date)s.", { date: C.date() }), ""];
    if (map) {
      lines.push("## " + t("Progress"), "");
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
        if (isEmptyAnswer(value)) lines.push("*" + t("Not answered yet.") + "*", "");
        else writeAnswer(prompt, value);
      });
    });
    var short = all("[data-course-short-answers] .course-my-work-prompt", root);
    if (short.length) lines.push("## " + t("Short answers in lessons"), "");
    short.forEach(function (prompt) {
      lines.push("### " + prompt.querySelector(".course-my-work-label").textContent.trim(), "");
      var value = data.exercises[prompt.dataset.exercise];
      if (isEmptyAnswer(value)) lines.push("*" + t("Not answered yet.") + "*", "");
      else writeAnswer(prompt, value);
    });
    if (C.myWork.practiceMarkdown) lines = lines.concat(C.myWork.practiceMarkdown());
    var orphanKeys = Object.keys(data.answers).filter(function (answerKey) {
      return !known[answerKey] && !isEmptyAnswer(data.answers[answerKey]);
    }).sort();
    if (orphanKeys.length) {
      lines.push("## " + t("Answers to prompts no longer in the course"), "");
      orphanKeys.forEach(function (answerKey) {
        lines.push("### " + answerKey, "");
        writeAnswer(null, data.answers[answerKey]);
      });
    }
    return lines.join("\n").replace(/\n+$/, "\n");
  }

  C.myWork.markdown = markdownExport;
  C.myWork.answerMarkdown = answerMarkdown;
})();
