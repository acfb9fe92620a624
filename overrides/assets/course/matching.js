/* Matching exercises: a select per item; check marks each pair right or not, reveal shows the right
 * matches, start again clears them. Saved: { "<item number>": number of the chosen match }. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;

  function setUpMatching(form) {
    var exerciseId = form.closest(".course-exercise").dataset.exercise;
    var feedbackOf = readJson(form.dataset.feedback, []);
    var rows = all(".course-match-row", form);
    var actions = C.exerciseActions(form);

    function selectOf(row) { return row.querySelector("select"); }
    function chosen() {
      var values = {};
      rows.forEach(function (row) { if (selectOf(row).value) values[row.dataset.pair] = Number(selectOf(row).value); });
      return values;
    }
    function optionText(row) { return selectOf(row).selectedOptions[0].textContent; }
    function clearMarks() {
      rows.forEach(function (row) { row.classList.remove("course-match-row--right", "course-match-row--wrong"); });
    }

    function mark(revealed) {
      var values = chosen();
      if (!revealed && !Object.keys(values).length) {
        C.showFeedback(actions.feedback, "neutral", t("Choose a match for each item first."));
        return;
      }
      var right = 0;
      var entries = rows.map(function (row) {
        var ok = values[row.dataset.pair] === Number(row.dataset.pair);
        if (ok) right += 1;
        row.classList.toggle("course-match-row--right", ok);
        row.classList.toggle("course-match-row--wrong", !ok);
        var label = row.querySelector("label").textContent;
        var names = { item: label, match: optionText(row) };
        if (ok) return { heading: t("%(item)s: right, %(match)s.", names), html: feedbackOf[row.dataset.pair - 1] };
        return { heading: values[row.dataset.pair] ? t("%(item)s: not %(match)s.", names) : t("%(item)s: no match chosen yet.", names) };
      });
      var title = revealed ? t("The right matches are chosen above.") : right === rows.length ? t("Right: every match fits.") :
        C.tn("%(right)s of %(num)s match is right. Change the others, then check again.",
             "%(right)s of %(num)s matches are right. Change the others, then check again.", rows.length, { right: right });
      C.showFeedback(actions.feedback, revealed ? "reveal" : right === rows.length ? "right" : right ? "partial" : "wrong",
                     title, entries);
      actions.retry.hidden = false;
    }

    form.addEventListener("change", function () {
      clearMarks();
      trySave(function () { CourseStore.setExercise(exerciseId, chosen()); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); mark(false); });
    actions.reveal.addEventListener("click", function () {
      rows.forEach(function (row) { selectOf(row).value = row.dataset.pair; });
      mark(true);
    });
    actions.retry.addEventListener("click", function () {
      rows.forEach(function (row) { selectOf(row).value = ""; });
      clearMarks();
      actions.feedback.innerHTML = "";
      actions.retry.hidden = true;
      trySave(function () { CourseStore.removeExercise(exerciseId); });
      selectOf(rows[0]).focus();
    });

    var saved = CourseStore.getExercise(exerciseId);
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      rows.forEach(function (row) {
        var value = saved[row.dataset.pair];
        // A match the exercise no longer has is left unchosen.
        if (selectOf(row).querySelector('option[value="' + value + '"]')) selectOf(row).value = String(value);
      });
    }
  }

  C.onPage(function () { all(".course-exercise .course-matching").forEach(setUpMatching); });
})();
