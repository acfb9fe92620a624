/* The My work page: every worksheet answer under its prompt, in the course's words, the short answers
 * written in lessons, and the answers to prompts no longer in the course. Each worksheet's summary,
 * folding and reset are in my-work-sheets.js; export, import and clear in my-work-files.js. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var isEmptyAnswer = C.isEmptyAnswer;
  var t = C.t;

  function describeAnswer(prompt, value) {
    // A prompt's answer as readable lines, using the labels the course gives the prompt.
    var type = prompt ? prompt.dataset.type : null;
    if (type === "checklist" && Array.isArray(value)) {
      var items = readJson(prompt.dataset.items, []);
      return { list: items.map(function (item, index) {
        return { html: item, checked: value.indexOf(index + 1) >= 0 };
      }) };
    }
    if (type === "scale" && typeof value === "number") {
      // An end of the scale with the course's name for it: "1 (Not at all)".
      var end = function (number, label) { return C.number(number) + (label ? " (" + label + ")" : ""); };
      // TRANSLATORS: the learner's rating on a worksheet's scale; low and high are its ends.
      return { text: t("%(value)s on a scale from %(low)s to %(high)s", { value: value,
        low: end(prompt.dataset.min, prompt.dataset.minLabel), high: end(prompt.dataset.max, prompt.dataset.maxLabel) }) };
    }
    if (type === "table" && value && typeof value === "object" && !Array.isArray(value)) {
      var columns = readJson(prompt.dataset.columns, []);
      var rows = {};
      Object.keys(value).forEach(function (cell) { rows[cell.split("-")[0]] = true; });
      var rowNumbers = Object.keys(rows).map(Number).sort(function (a, b) { return a - b; });
      return { table: { columns: columns, rows: rowNumbers.map(function (row) {
        return columns.map(function (column, index) { return value[row + "-" + (index + 1)] || ""; });
      }) } };
    }
    if (typeof value === "string") return { text: value };
    return { text: JSON.stringify(value) };
  }

  function answerNode(description) {
    if (description.list) {
      var list = element("ul", { "class": "course-my-work-checklist" });
      description.list.forEach(function (item) {
        var li = element("li", { "class": item.checked ? "course-checked" : "course-unchecked" });
        li.appendChild(element("span", { "class": "course-visually-hidden" }, (item.checked ? t("Ticked:") : t("Not ticked:")) + " "));
        var label = element("span");
        label.innerHTML = item.html;
        li.appendChild(label);
        list.appendChild(li);
      });
      return list;
    }
    if (description.table) {
      var table = element("table");
      var head = element("tr");
      description.table.columns.forEach(function (column) { head.appendChild(element("th", { scope: "col" }, column)); });
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      description.table.rows.forEach(function (row) {
        var tr = body.appendChild(element("tr"));
        row.forEach(function (cell) { tr.appendChild(element("td", {}, cell)); });
      });
      return table;
    }
    return element("p", { "class": "course-my-work-text" }, description.text);
  }

  function fill(prompt, value) {
    var slot = prompt.querySelector(".course-my-work-answer");
    slot.innerHTML = "";
    if (isEmptyAnswer(value)) slot.appendChild(element("p", { "class": "course-my-work-empty" }, t("Not answered yet.")));
    else slot.appendChild(answerNode(describeAnswer(prompt, value)));
  }

  // Each worksheet's saved answers by prompt, and the short answers written in lessons.
  function renderMyWork(root) {
    var data = CourseStore.load();
    var known = {};
    all(".course-my-work-worksheet", root).forEach(function (section) {
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var answerKey = section.dataset.worksheet + "/" + prompt.dataset.prompt;
        known[answerKey] = true;
        fill(prompt, data.answers[answerKey]);
      });
    });
    all("[data-course-short-answers] .course-my-work-prompt", root).forEach(function (prompt) {
      fill(prompt, data.exercises[prompt.dataset.exercise]);
    });
    var orphans = root.querySelector("[data-course-orphans]");
    orphans.innerHTML = "";
    var orphanKeys = Object.keys(data.answers).filter(function (answerKey) {
      return !known[answerKey] && !isEmptyAnswer(data.answers[answerKey]);
    }).sort();
    if (orphanKeys.length) {
      orphans.appendChild(element("h3", { id: "answers-to-removed-prompts" }, t("Answers to prompts no longer in the course")));
      orphans.appendChild(element("p", {}, t("These answers belong to prompts that have since been removed or renamed. " +
        "They stay saved here and are included when you export.")));
    }
    orphanKeys.forEach(function (answerKey) {
      var item = element("div", { "class": "course-my-work-prompt" });
      item.appendChild(element("p", { "class": "course-my-work-label" }, answerKey));
      item.appendChild(answerNode(describeAnswer(null, data.answers[answerKey])));
      orphans.appendChild(item);
    });
    orphans.hidden = orphanKeys.length === 0;
    if (C.myWork.renderPractice) C.myWork.renderPractice();
    if (C.myWorkSheets) C.myWorkSheets.decorate(root, data);
  }

  // What the page says a saved value should look like, for checking an imported file (import.js).
  function shapes(root) {
    var answers = {};
    all(".course-my-work-worksheet", root).forEach(function (section) {
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var d = prompt.dataset;
        answers[section.dataset.worksheet + "/" + d.prompt] = {
          type: d.type, min: Number(d.min), max: Number(d.max), items: readJson(d.items || "[]", []).length,
          columns: readJson(d.columns || "[]", []).length, rows: Number(d.rows)
        };
      });
    });
    return { answers: answers, exercises: readJson(root.dataset.exercises || "{}", {}) };
  }

  C.myWork = { describeAnswer: describeAnswer, answerNode: answerNode, render: renderMyWork, shapes: shapes };
})();
