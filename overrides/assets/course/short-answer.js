/* Short-answer exercises: the answer saves as the learner types; "compare" opens the model answer. */
(function () {
  "use strict";
  var C = window.Course;
  var trySave = C.trySave;
  var setStatus = C.setStatus;
  var t = C.t;

  function setUpShortAnswer(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var field = form.querySelector("textarea");
    var feedback = form.querySelector(".course-exercise-feedback");
    var details = exercise.querySelector("details.course-answer");
    form.querySelector(".course-exercise-actions").hidden = false;
    if (details) details.hidden = true;  // the model answer shows when the learner compares

    var saved = CourseStore.getExercise(exerciseId);
    if (typeof saved === "string") field.value = saved;
    field.addEventListener("input", function () {
      var ok = trySave(function () { CourseStore.setExercise(exerciseId, field.value); });
      setStatus(feedback, ok ? "" : t("Your answer could not be saved in this browser."));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!field.value.trim()) {
        setStatus(feedback, t("Write your answer first, then compare it with the model answer."));
        field.focus();
        return;
      }
      if (details) {
        details.hidden = false;
        details.open = true;
        details.scrollIntoView({ block: "nearest" });
      }
      setStatus(feedback, t("The model answer is open below your answer. What did you include, and what did you miss?"));
    });
  }

  C.onPage(function () { C.all(".course-exercise .course-short-answer").forEach(setUpShortAnswer); });
})();
