/* Print side of the course: worksheets and lessons on paper.
 *
 * - Mirrors every worksheet answer into print-only elements (the ruled writing space of a text
 *   prompt, the cells of a table, the circles of a scale, the boxes of a checklist), so that a
 *   printout shows the learner's answer in place of blank lines. Answers come from CourseStore and
 *   from what is typed on the page; the form fields themselves are never written here.
 * - Shows the "Print" buttons (hidden without JavaScript, where they could not work).
 * - Gives short-answer exercises of a lesson ruled space to answer on paper.
 * - Marks the links whose address paper should not print: those within the site, and those
 *   whose text is their address already.
 * - Opens every collapsed block while printing and closes it again afterwards.
 */
(function () {
  "use strict";

  // --- reading answers --------------------------------------------------------------------------

  function storedAnswer(worksheetId, promptId) {
    if (!window.CourseStore) return undefined;
    try {
      return window.CourseStore.getAnswer(worksheetId, promptId);
    } catch (error) {
      return undefined;  // unreadable storage: print blank space rather than fail
    }
  }

  // The value shapes are those of the saved record (see store.js).
  var readField = {
    text: function (prompt) {
      var field = prompt.querySelector("textarea");
      return field ? field.value : "";
    },
    scale: function (prompt) {
      var checked = prompt.querySelector("input[type=radio]:checked");
      return checked ? Number(checked.value) : undefined;
    },
    checklist: function (prompt) {
      return Array.prototype.map.call(prompt.querySelectorAll("input[type=checkbox]:checked"),
        function (box) { return Number(box.value); });
    },
    table: function (prompt) {
      var cells = {};
      prompt.querySelectorAll("textarea[data-row][data-column]").forEach(function (field) {
        if (field.value) cells[field.dataset.row + "-" + field.dataset.column] = field.value;
      });
      return cells;
    }
  };

  function isEmpty(value) {
    if (value === undefined || value === null || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") return Object.keys(value).length === 0;
    return false;
  }

  // What the page shows once typed in wins; otherwise the saved answer; otherwise the field.
  function answerOf(worksheetId, prompt) {
    var read = readField[prompt.dataset.type];
    if (!read) return undefined;
    var onPage = read(prompt);
    if (prompt.dataset.printTouched) return onPage;
    var saved = storedAnswer(worksheetId, prompt.dataset.prompt);
    return isEmpty(saved) ? onPage : saved;
  }

  // --- writing the print-only copy ----------------------------------------------------------------

  function markLabels(prompt, selector, isMarked) {
    prompt.querySelectorAll(selector).forEach(function (input) {
      var label = input.closest("label");
      if (!label) return;
      if (isMarked(Number(input.value))) label.setAttribute("data-print-marked", "");
      else label.removeAttribute("data-print-marked");
    });
  }

  var mirror = {
    text: function (prompt, value) {
      var answer = prompt.querySelector(".course-print-answer");
      var text = typeof value === "string" ? value : "";
      if (answer) answer.textContent = text;  // the ruled space grows with it (print.css)
    },
    scale: function (prompt, value) {
      markLabels(prompt, "input[type=radio]", function (number) { return number === Number(value); });
    },
    checklist: function (prompt, value) {
      var ticked = Array.isArray(value) ? value.map(Number) : [];
      markLabels(prompt, "input[type=checkbox]", function (number) { return ticked.indexOf(number) !== -1; });
    },
    table: function (prompt, value) {
      var cells = value && typeof value === "object" ? value : {};
      prompt.querySelectorAll("textarea[data-row][data-column]").forEach(function (field) {
        var copy = field.parentNode.querySelector(".course-print-cell");
        var text = cells[field.dataset.row + "-" + field.dataset.column];
        if (copy) copy.textContent = typeof text === "string" ? text : "";
      });
    }
  };

  function refreshPrompt(worksheetId, prompt) {
    var write = mirror[prompt.dataset.type];
    if (write) write(prompt, answerOf(worksheetId, prompt));
  }

  function refreshAll() {
    document.querySelectorAll(".course-worksheet[data-worksheet]").forEach(function (worksheet) {
      worksheet.querySelectorAll(".course-prompt[data-prompt][data-type]").forEach(function (prompt) {
        refreshPrompt(worksheet.dataset.worksheet, prompt);
      });
    });
  }

  function watchFields(worksheet) {
    if (worksheet.dataset.printWatched) return;
    worksheet.dataset.printWatched = "true";
    var onEdit = function (event) {
      var prompt = event.target.closest(".course-prompt[data-prompt][data-type]");
      if (!prompt) return;
      prompt.dataset.printTouched = "true";
      refreshPrompt(worksheet.dataset.worksheet, prompt);
    };
    worksheet.addEventListener("input", onEdit);
    worksheet.addEventListener("change", onEdit);
  }

  // --- lesson handouts ---------------------------------------------------------------------------

  // A short-answer exercise gets ruled writing space on paper, as high as its field if it has one.
  function addExerciseLines() {
    document.querySelectorAll('.course-exercise[data-type="short_answer"]').forEach(function (exercise) {
      if (exercise.querySelector(".course-print-lines")) return;
      var field = exercise.querySelector("textarea");
      var count = field && field.rows > 1 ? field.rows : 5;
      var space = document.createElement("div");
      space.className = "course-print-only course-print-lines";
      space.setAttribute("aria-hidden", "true");
      space.style.setProperty("--course-lines", String(count));
      var answer = document.createElement("div");
      answer.className = "course-print-answer";
      var rules = document.createElement("div");
      rules.className = "course-print-rules";
      space.appendChild(answer);
      space.appendChild(rules);
      exercise.appendChild(space);
    });
  }

  // --- links ------------------------------------------------------------------------------------

  // A link out of the course prints its address after its text (print.css). Not a link within the
  // site (instant navigation makes those absolute), nor one whose text is the address already.
  function plainAddress(text) {
    return text.trim().replace(/^https?:\/\//, "").replace(/\/$/, "");
  }

  function markLinks() {
    document.querySelectorAll('.md-typeset a[href^="http://"], .md-typeset a[href^="https://"]').forEach(function (link) {
      if (link.host === window.location.host) link.setAttribute("data-print-internal", "");
      else if (plainAddress(link.textContent) === plainAddress(link.getAttribute("href"))) {
        link.setAttribute("data-print-bare", "");
      }
    });
  }

  // --- print buttons and collapsed blocks ---------------------------------------------------------

  function showPrintButtons() {
    document.querySelectorAll(".course-print-button").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.printReady) return;
      button.dataset.printReady = "true";
      button.addEventListener("click", function () { window.print(); });
    });
  }

  var opened = [];

  function beforePrint() {
    refreshAll();
    markLinks();
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      opened.push(details);
    });
  }

  function afterPrint() {
    opened.forEach(function (details) { details.removeAttribute("open"); });
    opened = [];
  }

  function setUpPage() {
    document.querySelectorAll(".course-worksheet[data-worksheet]").forEach(watchFields);
    showPrintButtons();
    addExerciseLines();
    markLinks();
    refreshAll();
  }

  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  // Answers saved from another tab, or restored into the store after load.
  window.addEventListener("storage", refreshAll);
  // Material's instant navigation swaps pages without a reload; document$ emits for each page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
