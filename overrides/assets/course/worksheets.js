/* Reflection worksheets: every prompt saves as the learner types and says so next to itself; saved
 * answers are filled in again on return. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var trySave = C.trySave;
  var setStatus = C.setStatus;
  var isEmptyAnswer = C.isEmptyAnswer;
  var t = C.t;

  function readPrompt(prompt) {
    var type = prompt.dataset.type;
    if (type === "text") return prompt.querySelector("textarea").value;
    if (type === "scale") {
      var checked = prompt.querySelector("input:checked");
      return checked ? Number(checked.value) : undefined;
    }
    if (type === "checklist") {
      return all("input:checked", prompt).map(function (input) { return Number(input.value); });
    }
    if (type === "table") {
      var cells = {};
      all("textarea", prompt).forEach(function (cell) {
        if (cell.value) cells[cell.dataset.row + "-" + cell.dataset.column] = cell.value;
      });
      return cells;
    }
    return undefined;
  }

  function fillPrompt(prompt, value) {
    var type = prompt.dataset.type;
    if (value === undefined || value === null) return;
    if (type === "text" && typeof value === "string") prompt.querySelector("textarea").value = value;
    if (type === "scale") {
      all("input", prompt).forEach(function (input) { input.checked = Number(input.value) === value; });
    }
    if (type === "checklist" && Array.isArray(value)) {
      all("input", prompt).forEach(function (input) { input.checked = value.indexOf(Number(input.value)) >= 0; });
    }
    if (type === "table" && typeof value === "object") {
      all("textarea", prompt).forEach(function (cell) {
        var text = value[cell.dataset.row + "-" + cell.dataset.column];
        if (typeof text === "string") cell.value = text;
      });
    }
  }

  function setUpWorksheet(sheet) {
    var worksheetId = sheet.dataset.worksheet;
    var notice = element("p", { "class": "course-save-notice" });
    sheet.parentNode.insertBefore(notice, sheet);
    var saved = CourseStore.load().answers;
    var restored = 0;
    all(".course-prompt[data-prompt]", sheet).forEach(function (prompt) {
      var value = saved[worksheetId + "/" + prompt.dataset.prompt];
      if (!isEmptyAnswer(value)) restored += 1;
      fillPrompt(prompt, value);
      // Each prompt says "Saved" next to itself, where the learner is looking.
      var status = element("p", { "class": "course-save-status", role: "status" });
      prompt.appendChild(status);
      var onChange = function () {
        var answer = readPrompt(prompt);
        var ok = trySave(function () {
          if (isEmptyAnswer(answer)) CourseStore.removeAnswer(worksheetId, prompt.dataset.prompt);
          else CourseStore.setAnswer(worksheetId, prompt.dataset.prompt, answer);
        });
        status.classList.toggle("course-save-status--error", !ok);
        // TRANSLATORS: said beside a worksheet prompt once the learner's answer to it is saved.
        setStatus(status, ok ? t("Saved") : t("Not saved: this browser does not let the course store your answers."));
      };
      prompt.addEventListener("input", onChange);
      prompt.addEventListener("change", onChange);
    });
    notice.textContent = restored ? t("Your saved answers are filled in. Changes save in this browser as you type.")
      // TRANSLATORS: "My work" is the name of the page that gathers the learner's answers.
      : t("Your answers save in this browser as you type. Find them all on the My work page.");
  }

  C.onPage(function () { all(".course-worksheet[data-worksheet]").forEach(setUpWorksheet); });
})();
