/* My work's practice section: the learner's last attempt at each branching scenario, ordering,
 * matching and categorise exercise, read from CourseStore, on the page and in the Markdown export. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var t = C.t;
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  function plain(html) { var box = element("div"); box.innerHTML = html; return box.textContent; }

  /* The attempt as { lines: [html], ending } or null when there is none (or it no longer fits). */
  function describe(type, shown, value) {
    if (type === "ordering" && Array.isArray(value) && value.length) {
      return { ordered: true, lines: value.filter(function (n) { return shown.items[n - 1]; })
        .map(function (n) { return shown.items[n - 1]; }) };
    }
    if ((type === "matching" || type === "categorise") && value && typeof value === "object" && !Array.isArray(value)) {
      var lines = shown.items.map(function (item, index) {
        var chosen = value[index + 1];
        var answer = type === "matching" ? shown.matches[chosen - 1] : shown.categories[chosen];
        return answer ? item + ": " + answer : null;
      }).filter(Boolean);
      return lines.length ? { lines: lines } : null;
    }
    if (type === "branching_scenario" && Array.isArray(value) && value.length) {
      var at = { step: 1 };
      var taken = [];
      for (var i = 0; i < value.length && at.step; i++) {
        var step = shown.steps[at.step - 1];
        if (!step || !step.choices[value[i] - 1]) break;
        taken.push(t("Step %(number)s:", { number: at.step }) + " " + LETTERS[value[i] - 1] + ". " + step.choices[value[i] - 1]);
        at = step.next[value[i] - 1];
      }
      return { ordered: true, lines: taken,
               ending: at.ending ? t("Ending %(number)s: %(verdict)s", { number: at.ending, verdict: shown.endings[at.ending - 1] })
                 : t("Not finished: stopped at step %(number)s.", { number: at.step }) };
    }
    return null;
  }

  function sections() {
    return all("[data-course-practice] .course-my-work-exercise").map(function (section) {
      return { section: section, title: section.querySelector("h3 a:not(.headerlink)").textContent.trim(),
               attempt: describe(section.dataset.type, readJson(section.dataset.shown, {}),
                                 CourseStore.getExercise(section.dataset.exercise)) };
    });
  }

  function renderPractice() {
    sections().forEach(function (entry) {
      var slot = entry.section.querySelector(".course-my-work-answer");
      slot.innerHTML = "";
      if (!entry.attempt) {
        slot.appendChild(element("p", { "class": "course-my-work-empty" }, t("Not tried yet.")));
        return;
      }
      var list = slot.appendChild(element(entry.attempt.ordered ? "ol" : "ul"));
      entry.attempt.lines.forEach(function (html) { list.appendChild(element("li")).innerHTML = html; });
      if (entry.attempt.ending) slot.appendChild(element("p", { "class": "course-my-work-text" }, entry.attempt.ending));
    });
  }

  function practiceMarkdown() {
    var entries = sections();
    if (!entries.length) return [];
    var lines = ["## " + t("Your practice"), ""];
    entries.forEach(function (entry) {
      lines.push("### " + entry.title, "");
      if (!entry.attempt) { lines.push("*" + t("Not tried yet.") + "*", ""); return; }
      entry.attempt.lines.forEach(function (html, index) {
        lines.push((entry.attempt.ordered ? (index + 1) + ". " : "- ") + plain(html));
      });
      if (entry.attempt.ending) lines.push("", entry.attempt.ending);
      lines.push("");
    });
    return lines;
  }

  C.myWork.renderPractice = renderPractice;
  C.myWork.practiceMarkdown = practiceMarkdown;
})();
