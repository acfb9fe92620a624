/* Branching scenarios, played one step at a time: choose, read what the choice did, go on to the
 * next step or an ending. Back one step, restart, and show the best path. The numbered steps on
 * the page (for reading without scripts and for paper) are hidden while the player runs.
 * Saved: the choice numbers taken, one per step from the first, so the path shows again on return. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  function setUpBranching(box) {
    var exerciseId = box.closest(".course-exercise").dataset.exercise;
    var data = readJson(box.dataset.scenario, null);
    if (!data || box.querySelector(".course-branching-player")) return;
    var steps = all(".course-branching-step", box);
    var endings = all(".course-branching-ending", box);
    var path = [];  // choice numbers taken, from the first step

    var player = element("div", { "class": "course-branching-player" });
    var trail = element("ol", { "class": "course-branching-trail", "aria-label": t("Your path so far") });
    var now = element("div", { "class": "course-branching-now", tabindex: "-1", role: "group" });
    var status = element("div", { "class": "course-exercise-feedback", role: "status", "aria-live": "polite" });
    var controls = element("div", { "class": "course-exercise-actions" });
    var back = element("button", { type: "button", "class": "md-button" }, t("Back one step"));
    var restart = element("button", { type: "button", "class": "md-button" }, t("Restart"));
    var reveal = element("button", { type: "button", "class": "md-button" }, t("Show the best path"));
    [back, restart, reveal].forEach(function (button) { controls.appendChild(button); });
    [trail, status, now, controls].forEach(function (part) { player.appendChild(part); });
    box.appendChild(player);
    box.classList.add("course-branching--live");

    function label(node) { return node.querySelector(".course-branching-label").textContent; }
    function textHtml(node) { return node.querySelector(".course-branching-text").innerHTML; }
    // TRANSLATORS: before a choice taken at a step of a branching scenario ("Step 2: A. Ask them").
    function stepLabel(number) { return t("Step %(number)s:", { number: number }) + " "; }
    function choiceText(stepNumber, choice) {
      return all(".course-branching-choice", steps[stepNumber - 1])[choice - 1].textContent;
    }

    // Where the path leads: { step: n } or { ending: n }; null if a saved choice no longer exists.
    function walk(choices) {
      var at = { step: 1 };
      for (var i = 0; i < choices.length; i++) {
        var choice = at.step && data.steps[at.step - 1].choices[choices[i] - 1];
        if (!choice) return null;
        at = choice.next;
      }
      return at;
    }

    function save() { trySave(function () { CourseStore.setExercise(exerciseId, path.slice()); }); }

    function render(focus) {
      var at = walk(path);
      trail.innerHTML = "";
      var stepNumber = 1;
      path.forEach(function (choice) {
        var taken = data.steps[stepNumber - 1].choices[choice - 1];
        var item = element("li");
        item.appendChild(element("span", { "class": "course-branching-trail-step" }, stepLabel(stepNumber)));
        item.appendChild(document.createTextNode(LETTERS[choice - 1] + ". " + choiceText(stepNumber, choice)));
        trail.appendChild(item);
        stepNumber = taken.next.step;
      });
      trail.hidden = path.length === 0;
      now.innerHTML = "";
      if (at.step) showStep(at.step);
      else showEnding(at.ending);
      back.disabled = path.length === 0;
      restart.disabled = path.length === 0;
      if (focus) now.focus();
    }

    function showStep(number) {
      var node = steps[number - 1];
      now.setAttribute("aria-label", label(node));
      now.appendChild(element("p", { "class": "course-branching-label" }, label(node)));
      now.appendChild(element("div", { "class": "course-branching-text" })).innerHTML = textHtml(node);
      var question = element("fieldset", { "class": "course-branching-options" });
      question.appendChild(element("legend", { "class": "course-instruction" }, t("What do you do?")));
      data.steps[number - 1].choices.forEach(function (choice, index) {
        var button = element("button", { type: "button", "class": "md-button course-branching-option" },
                             LETTERS[index] + ". " + choiceText(number, index + 1));
        button.addEventListener("click", function () { choose(number, index + 1); });
        question.appendChild(button);
      });
      now.appendChild(question);
    }

    function showEnding(number) {
      var node = endings[number - 1];
      var ending = data.endings[number - 1];
      now.setAttribute("aria-label", label(node) + ": " + ending.label);
      now.className = "course-branching-now course-branching-now--" + ending.verdict;
      now.appendChild(element("p", { "class": "course-branching-label" }, label(node) + ": " + ending.label));
      now.appendChild(element("div", { "class": "course-branching-text" })).innerHTML = textHtml(node);
      var debrief = element("div", { "class": "course-branching-debrief" });
      debrief.insertAdjacentHTML("beforeend", "<p>" + ending.debrief + "</p>");
      now.appendChild(debrief);
    }

    function choose(stepNumber, choice) {
      path.push(choice);
      save();
      var taken = data.steps[stepNumber - 1].choices[choice - 1];
      C.showFeedback(status, "neutral", t("You chose %(letter)s: %(choice)s",
                                          { letter: LETTERS[choice - 1], choice: choiceText(stepNumber, choice) }),
                     [{ heading: t("What happens"), html: taken.feedback }]);
      now.className = "course-branching-now";
      render(true);
    }

    back.addEventListener("click", function () {
      path.pop();
      save();
      now.className = "course-branching-now";
      C.showFeedback(status, "neutral", path.length ? t("Back to step %(number)s.", { number: walk(path).step })
        : t("Back to the first step."));
      render(true);
    });
    restart.addEventListener("click", function () {
      path = [];
      trySave(function () { CourseStore.removeExercise(exerciseId); });
      now.className = "course-branching-now";
      C.showFeedback(status, "neutral", t("Restarted at the first step."));
      render(true);
    });
    reveal.addEventListener("click", function () {
      var entries = data.best.map(function (pair) {
        var choice = data.steps[pair[0] - 1].choices[pair[1] - 1];
        return { heading: stepLabel(pair[0]) + LETTERS[pair[1] - 1] + ". " + choiceText(pair[0], pair[1]), html: choice.feedback };
      });
      var last = data.best[data.best.length - 1];
      var end = data.steps[last[0] - 1].choices[last[1] - 1].next.ending;
      // TRANSLATORS: an ending of a branching scenario and the course's verdict on it ("Ending 2: Poor outcome").
      entries.push({ heading: t("Ending %(number)s: %(verdict)s", { number: end, verdict: data.endings[end - 1].label }),
                     html: data.endings[end - 1].debrief });
      C.showFeedback(status, "reveal", t("The best path:"), entries);
    });

    var saved = CourseStore.getExercise(exerciseId);
    if (Array.isArray(saved) && walk(saved)) path = saved.slice();
    render(false);
    if (path.length) C.showFeedback(status, "neutral", t("Your path from last time is shown; go on, go back or restart."));
  }

  C.onPage(function () { all(".course-exercise .course-branching").forEach(setUpBranching); });
})();
