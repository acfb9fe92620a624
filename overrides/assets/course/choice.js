/* Single choice, multiple choice and scenario exercises: check the chosen options, show the feedback
 * of each, try again, reveal the answer. Saved: the option number (or numbers) last checked. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;
  var tn = C.tn;

  function setUpChoice(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var multiple = exercise.dataset.type === "multiple_choice";
    var answers = readJson(form.dataset.answers, []);
    var inputs = all("input", form);
    var feedback = form.querySelector(".course-exercise-feedback");
    var retry = form.querySelector('[data-action="retry"]');
    var reveal = form.querySelector('[data-action="reveal"]');
    form.querySelector(".course-exercise-actions").hidden = false;
    // The collapsed answer block is for reading without scripts: here "Show the answer" gives it,
    // and only when asked (a green block under every question reads as "correct").
    var block = exercise.querySelector("details.course-answer");
    if (block) block.hidden = true;
    // In a choose-all question a wrong option is simply wrong; in a choose-one, not the best choice.
    // TRANSLATORS: the verdict on one option the learner chose, after its letter ("B. Incorrect").
    var wrongLabel = multiple ? t("Incorrect") : t("Not the best choice");

    function chosen() {
      return inputs.filter(function (input) { return input.checked; })
        .map(function (input) { return Number(input.value); });
    }

    function letter(number) { return String.fromCharCode(64 + number); }

    function mark(numbers, className) {
      inputs.forEach(function (input) {
        input.closest(".course-option").classList.toggle(className, numbers.indexOf(Number(input.value)) >= 0);
      });
    }

    function clearMarks() {
      ["course-option--right", "course-option--wrong", "course-option--answer"].forEach(function (name) { mark([], name); });
    }

    function show(title, items, tone) {
      feedback.className = "course-exercise-feedback course-exercise-feedback--" + tone;
      feedback.innerHTML = "";
      feedback.appendChild(element("p", { "class": "course-feedback-title" }, title));
      items.forEach(function (number) {
        var answer = answers[number - 1];
        var item = element("div", { "class": "course-feedback-item" });
        var heading = letter(number) + ". " + (answer.rating || (answer.correct ? t("Correct") : wrongLabel));
        item.appendChild(element("p", { "class": "course-feedback-option" }, heading));
        item.insertAdjacentHTML("beforeend", answer.feedback);
        feedback.appendChild(item);
      });
    }

    function check(save) {
      var picked = chosen();
      if (!picked.length) {
        show(multiple ? t("Choose at least one answer first.") : t("Choose an answer first."), [], "neutral");
        return;
      }
      var right = picked.filter(function (n) { return answers[n - 1].correct; });
      var wrong = picked.filter(function (n) { return !answers[n - 1].correct; });
      var expected = answers.filter(function (answer) { return answer.correct; }).length;
      var title;
      var tone;
      if (!wrong.length && right.length === expected) {
        title = multiple ? t("Correct: you chose every right answer.") : t("Correct.");
        tone = "right";
      } else if (multiple && !wrong.length) {
        title = tn("Right so far: %(right)s of %(num)s right answer chosen. There is more.",
                   "Right so far: %(right)s of %(num)s right answers chosen. There is more.", expected,
                   { right: right.length });
        tone = "partial";
      } else if (multiple) {
        title = tn("Not quite: %(num)s of your choices is not right. Read why, then try again.",
                   "Not quite: %(num)s of your choices are not right. Read why, then try again.", wrong.length);
        tone = "wrong";
      } else {
        title = t("Not the best choice. Read why, then try again.");
        tone = "wrong";
      }
      clearMarks();
      mark(right, "course-option--right");
      mark(wrong, "course-option--wrong");
      show(title, picked, tone);
      retry.hidden = false;
      if (save) trySave(function () { CourseStore.setExercise(exerciseId, multiple ? picked : picked[0]); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(true);
    });
    retry.addEventListener("click", function () {
      inputs.forEach(function (input) { input.checked = false; });
      clearMarks();
      feedback.innerHTML = "";
      retry.hidden = true;
      inputs[0].focus();
    });
    reveal.addEventListener("click", function () {
      var correct = [];
      answers.forEach(function (answer, index) { if (answer.correct) correct.push(index + 1); });
      clearMarks();
      mark(correct, "course-option--answer");
      var letters = correct.map(letter).join(", ");
      show(correct.length > 1 ? t("The right answers are %(letters)s.", { letters: letters })
        : t("The best answer is %(letters)s.", { letters: letters }), correct, "reveal");
      retry.hidden = false;
    });

    var saved = CourseStore.getExercise(exerciseId);
    if (saved !== undefined) {
      // An option saved before the exercise lost options no longer exists: ignore it.
      var numbers = (Array.isArray(saved) ? saved : [saved]).filter(function (n) { return n >= 1 && n <= answers.length; });
      inputs.forEach(function (input) { input.checked = numbers.indexOf(Number(input.value)) >= 0; });
      if (chosen().length) check(false);
    }
  }

  C.onPage(function () { all(".course-exercise .course-choice").forEach(setUpChoice); });
})();
