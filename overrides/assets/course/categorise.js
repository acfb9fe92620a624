/* Categorise exercises: a radio group per statement; check says for each statement whether it is in
 * the right category and why, reveal sorts them all, start again clears them.
 * Saved: { "<statement number>": "<category id>" }. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;

  function setUpCategorise(form) {
    var exerciseId = form.closest(".course-exercise").dataset.exercise;
    var answers = readJson(form.dataset.answers, []);
    var titles = readJson(form.dataset.titles, {});
    var groups = all(".course-sort", form);
    var actions = C.exerciseActions(form);

    function checkedIn(group) { var input = group.querySelector("input:checked"); return input ? input.value : ""; }
    function chosen() {
      var values = {};
      groups.forEach(function (group) { if (checkedIn(group)) values[group.dataset.statement] = checkedIn(group); });
      return values;
    }
    function clearMarks() {
      groups.forEach(function (group) { group.classList.remove("course-sort--right", "course-sort--wrong"); });
    }

    function mark(revealed) {
      var values = chosen();
      if (!revealed && !Object.keys(values).length) {
        C.showFeedback(actions.feedback, "neutral", t("Sort at least one statement first."));
        return;
      }
      var right = 0;
      var entries = groups.map(function (group) {
        var number = group.dataset.statement;
        var answer = answers[number - 1];
        var ok = values[number] === answer.category;
        if (ok) right += 1;
        group.classList.toggle("course-sort--right", ok);
        group.classList.toggle("course-sort--wrong", !ok);
        // TRANSLATORS: number is a statement's number, category the name of a category of the exercise.
        if (ok) return { heading: t("%(number)s. Right: %(category)s.", { number: number, category: titles[answer.category] }),
                         html: answer.feedback };
        return { heading: values[number] ? t("%(number)s. Not %(category)s. Think again.", { number: number, category: titles[values[number]] })
          : t("%(number)s. Not sorted yet.", { number: number }) };
      });
      var title = revealed ? t("Each statement is now in its category.") :
        right === groups.length ? t("Right: every statement is where it belongs.") :
        C.tn("%(right)s of %(num)s statement is in the right category. Move the others, then check again.",
             "%(right)s of %(num)s statements are in the right category. Move the others, then check again.",
             groups.length, { right: right });
      C.showFeedback(actions.feedback, revealed ? "reveal" : right === groups.length ? "right" : right ? "partial" : "wrong",
                     title, entries);
      actions.retry.hidden = false;
    }

    form.addEventListener("change", function () {
      clearMarks();
      trySave(function () { CourseStore.setExercise(exerciseId, chosen()); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); mark(false); });
    actions.reveal.addEventListener("click", function () {
      groups.forEach(function (group) {
        var category = answers[group.dataset.statement - 1].category;
        all("input", group).forEach(function (input) { input.checked = input.value === category; });
      });
      mark(true);
    });
    actions.retry.addEventListener("click", function () {
      all("input", form).forEach(function (input) { input.checked = false; });
      clearMarks();
      actions.feedback.innerHTML = "";
      actions.retry.hidden = true;
      trySave(function () { CourseStore.removeExercise(exerciseId); });
      groups[0].querySelector("input").focus();
    });

    var saved = CourseStore.getExercise(exerciseId);
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      groups.forEach(function (group) {
        all("input", group).forEach(function (input) { input.checked = saved[group.dataset.statement] === input.value; });
      });
    }
  }

  C.onPage(function () { all(".course-exercise .course-categorise").forEach(setUpCategorise); });
})();
