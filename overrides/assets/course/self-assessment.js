/* Self-assessment exercises: rate each statement; the total (reversed statements counted the other
 * way round) falls in a band whose feedback is shown. Saved: { "<statement-id>": rating }. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;

  function setUpSelfAssessment(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var low = Number(form.dataset.min);
    var high = Number(form.dataset.max);
    var bands = readJson(form.dataset.bands, []);
    var statements = all(".course-rating", form);
    var result = form.querySelector(".course-exercise-feedback");

    function ratings() {
      var values = {};
      statements.forEach(function (fieldset) {
        var checked = fieldset.querySelector("input:checked");
        if (checked) values[fieldset.dataset.statement] = Number(checked.value);
      });
      return values;
    }

    function update() {
      var values = ratings();
      var total = 0;
      var rated = 0;
      statements.forEach(function (fieldset) {
        var value = values[fieldset.dataset.statement];
        if (value === undefined) return;
        rated += 1;
        total += fieldset.hasAttribute("data-reverse") ? low + high - value : value;
      });
      result.innerHTML = "";
      if (!rated) return;
      if (rated < statements.length) {
        result.className = "course-exercise-feedback course-exercise-feedback--neutral";
        result.appendChild(element("p", { "class": "course-feedback-title" },
          C.tn("Total so far: %(total)s (%(rated)s of %(num)s statement rated).",
               "Total so far: %(total)s (%(rated)s of %(num)s statements rated).", statements.length,
               { total: total, rated: rated })));
        return;
      }
      var band = bands.filter(function (b) { return total >= b.min && total <= b.max; })[0];
      result.className = "course-exercise-feedback course-exercise-feedback--reveal";
      result.appendChild(element("p", { "class": "course-feedback-title" },
        // TRANSLATORS: band is the course's name for the range the total falls in ("Ready to stretch").
        band ? t("Your total: %(total)s. %(band)s.", { total: total, band: band.label })
          : t("Your total: %(total)s.", { total: total })));
      if (band) result.insertAdjacentHTML("beforeend", band.feedback);
    }

    var saved = CourseStore.getExercise(exerciseId);
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      statements.forEach(function (fieldset) {
        var value = saved[fieldset.dataset.statement];
        all("input", fieldset).forEach(function (input) { input.checked = Number(input.value) === value; });
      });
    }
    update();
    form.addEventListener("change", function () {
      trySave(function () { CourseStore.setExercise(exerciseId, ratings()); });
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  C.onPage(function () { all(".course-exercise .course-self-assessment").forEach(setUpSelfAssessment); });
})();
