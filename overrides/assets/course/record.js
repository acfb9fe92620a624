/* The completion record page: the lessons the learner marked complete, today's date and the answers
 * of the action plan's worksheets, from the work saved in this browser; printed or downloaded as
 * Markdown. It is the learner's own record, made on their device: nothing is sent anywhere. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var isEmptyAnswer = C.isEmptyAnswer;
  var t = C.t;

  function today() { return C.date(); }

  function fill(root) {
    var data = CourseStore.load();
    var lessons = all("[data-lesson]", root);
    var done = lessons.filter(function (item) {
      var entry = data.progress[item.dataset.lesson];
      return Boolean(entry && entry.complete);
    });
    lessons.forEach(function (item) {
      var complete = done.indexOf(item) >= 0;
      item.classList.toggle("course-record-done", complete);
      // TRANSLATORS: beside a lesson in the completion record: completed by the learner, or not yet.
      item.querySelector(".course-record-mark").textContent = complete ? t("Completed") : t("Not yet");
    });
    // TRANSLATORS: English says "lessons" whatever the total; the form follows the total (num).
    root.querySelector("[data-record-summary]").textContent = C.tn("You marked %(done)s of %(num)s lessons complete.",
      "You marked %(done)s of %(num)s lessons complete.", lessons.length, { done: done.length });
    root.querySelector("[data-record-date]").textContent = today();
    all(".course-my-work-worksheet", root).forEach(function (section) {
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var value = data.answers[section.dataset.worksheet + "/" + prompt.dataset.prompt];
        var slot = prompt.querySelector(".course-my-work-answer");
        slot.innerHTML = "";
        if (isEmptyAnswer(value)) slot.appendChild(element("p", { "class": "course-my-work-empty" }, t("Not answered yet.")));
        else slot.appendChild(C.myWork.answerNode(C.myWork.describeAnswer(prompt, value)));
      });
    });
  }

  function markdown(root) {
    var data = CourseStore.load();
    var name = root.querySelector("[data-record-name]").value.trim();
    var lines = ["# " + document.querySelector("h1").textContent.replace(/¶$/, "").trim(), "",
                 root.querySelector(".course-record-kept-by").textContent.trim(), ""];
    if (name) lines.push(t("Name: %(name)s", { name: name }), "");
    lines.push(t("Record made on %(date)s.", { date: today() }), "", "## " + t("Lessons completed"), "",
               root.querySelector("[data-record-summary]").textContent, "");
    all("ul[data-module]", root).forEach(function (list) {
      lines.push("### " + list.previousElementSibling.textContent.replace(/¶$/, "").trim(), "");
      all("[data-lesson]", list).forEach(function (item) {
        var complete = item.classList.contains("course-record-done");
        lines.push("- [" + (complete ? "x" : " ") + "] " + item.querySelector(".course-record-lesson").textContent);
      });
      lines.push("");
    });
    var sections = all(".course-my-work-worksheet", root);
    if (sections.length) lines.push("## " + t("My action plan"), "");
    sections.forEach(function (section) {
      lines.push("### " + section.querySelector("h3").firstChild.textContent.trim(), "");
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        lines.push("#### " + prompt.querySelector(".course-my-work-label").textContent.trim(), "");
        var value = data.answers[section.dataset.worksheet + "/" + prompt.dataset.prompt];
        lines = lines.concat(isEmptyAnswer(value) ? ["*" + t("Not answered yet.") + "*"] : C.myWork.answerMarkdown(prompt, value), [""]);
      });
    });
    return lines.join("\n").replace(/\n+$/, "\n");
  }

  function setUp(root) {
    var actions = document.querySelector("[data-record-actions]");
    var status = actions.querySelector(".course-my-work-status");
    actions.hidden = false;
    fill(root);
    actions.querySelector('[data-action="print-record"]').addEventListener("click", function () { window.print(); });
    actions.querySelector('[data-action="download-record"]').addEventListener("click", function () {
      fill(root);
      // TRANSLATORS: the name of the completion record's file: letters, digits and hyphens only.
      C.download(t("%(course)s-record.md", { course: CourseStore.courseId() }), "text/markdown", markdown(root));
      status.textContent = t("Downloaded your record as a Markdown file.");
    });
  }

  C.onPage(function (page) {
    var root = document.querySelector("[data-course-record]");
    if (page.kind === "record" && root) setUp(root);
  });
})();
