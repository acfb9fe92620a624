/* My work, worksheet by worksheet: a summary at the top ("12 of 74 prompts answered"), worksheets not
 * started folded to one line, and a button that clears one worksheet's answers, with an undo. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var t = C.t;
  var tn = C.tn;
  var undo = {};  // worksheet id -> its answers as they were before "Clear", until undone or left

  function answerKeys(section) {
    return all(".course-my-work-prompt", section).map(function (prompt) {
      return section.dataset.worksheet + "/" + prompt.dataset.prompt;
    });
  }

  function clearSheet(root, section, title) {
    var data = CourseStore.load();
    var before = {};
    answerKeys(section).forEach(function (key) { if (key in data.answers) before[key] = data.answers[key]; });
    if (!C.trySave(function () {
      Object.keys(before).forEach(function (key) {
        var ids = key.split("/");
        CourseStore.removeAnswer(ids[0], ids[1]);
      });
    })) return;
    undo[section.dataset.worksheet] = before;
    C.myWork.render(root);
    var again = section.querySelector('[data-action="undo-clear"]');
    if (again) again.focus();
  }

  function undoClear(root, section) {
    var before = undo[section.dataset.worksheet] || {};
    delete undo[section.dataset.worksheet];
    C.trySave(function () {
      Object.keys(before).forEach(function (key) {
        var ids = key.split("/");
        CourseStore.setAnswer(ids[0], ids[1], before[key]);
      });
    });
    C.myWork.render(root);
    var button = section.querySelector('[data-action="clear-sheet"]');
    if (button) button.focus();
  }

  // One line under a worksheet's title: how much is answered, and its Clear (or Undo) button.
  function stateLine(root, section, answered, total, withClear) {
    var old = section.querySelector(".course-my-work-sheet-state");
    if (old) old.remove();
    var title = section.querySelector("h3") ? section.querySelector("h3").textContent.replace(/¶$/, "").trim() : "";
    var line = element("p", { "class": "course-my-work-sheet-state" });
    var pending = undo[section.dataset.worksheet];
    if (pending && !answered) {
      line.appendChild(document.createTextNode(t("Your answers to this worksheet were cleared.") + " "));
      var back = element("button", { type: "button", "class": "md-button", "data-action": "undo-clear" }, t("Undo"));
      back.addEventListener("click", function () { undoClear(root, section); });
      line.appendChild(back);
    } else if (!answered) {
      line.textContent = tn("Not started yet: %(num)s prompt.", "Not started yet: %(num)s prompts.", total);
    } else {
      line.textContent = tn("%(answered)s of %(num)s prompt answered.", "%(answered)s of %(num)s prompts answered.", total,
                            { answered: answered }) + " ";
      if (withClear) {
        var clear = element("button", { type: "button", "class": "md-button", "data-action": "clear-sheet" },
                            t("Clear these answers"));
        clear.appendChild(element("span", { "class": "course-visually-hidden" }, " (" + title + ")"));
        clear.addEventListener("click", function () { clearSheet(root, section, title); });
        line.appendChild(clear);
      }
    }
    var heading = section.querySelector("h3");
    if (heading) heading.insertAdjacentElement("afterend", line);
  }

  function decorate(root, data) {
    var totals = { prompts: 0, answered: 0, sheets: 0, started: 0 };
    all(".course-my-work-worksheet", root).forEach(function (section) {
      var keys = answerKeys(section);
      var answered = keys.filter(function (key) { return !C.isEmptyAnswer(data.answers[key]); }).length;
      if (answered) delete undo[section.dataset.worksheet];
      totals.prompts += keys.length;
      totals.answered += answered;
      totals.sheets += 1;
      totals.started += answered ? 1 : 0;
      // Not started: fold its prompts away, so the page is not a long list of "Not answered yet".
      all(".course-my-work-prompt", section).forEach(function (prompt) { prompt.hidden = !answered; });
      section.classList.toggle("course-my-work-worksheet--empty", !answered);
      stateLine(root, section, answered, keys.length, true);
    });
    var short = all("[data-course-short-answers] .course-my-work-prompt", root);
    var written = short.filter(function (prompt) { return !C.isEmptyAnswer(data.exercises[prompt.dataset.exercise]); }).length;
    var summary = document.querySelector("[data-course-summary]");
    if (!summary) return;
    // TRANSLATORS: the first count of "12 of 74 prompts answered, in 3 of 9 worksheets."
    var prompts = tn("%(answered)s of %(num)s prompt", "%(answered)s of %(num)s prompts", totals.prompts,
                     { answered: totals.answered });
    // TRANSLATORS: the second count of "12 of 74 prompts answered, in 3 of 9 worksheets."
    var sheets = tn("%(started)s of %(num)s worksheet", "%(started)s of %(num)s worksheets", totals.sheets,
                    { started: totals.started });
    // TRANSLATORS: prompts and worksheets are the two counts ("12 of 74 prompts", "3 of 9 worksheets").
    var text = t("%(prompts)s answered, in %(worksheets)s.", { prompts: prompts, worksheets: sheets });
    if (short.length) {
      text += " " + tn("%(written)s of %(num)s short answer in lessons written.",
                       "%(written)s of %(num)s short answers in lessons written.", short.length, { written: written });
    }
    summary.textContent = text;
  }

  C.myWorkSheets = { decorate: decorate };
  C.onPage(function () { undo = {}; });
})();
