/* Ordering exercises: move items with Up and Down buttons (keyboard or pointer), check which
 * positions are right, reveal the right order, start again. Saved: the item numbers (each item's
 * right position) in the learner's current order. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var trySave = C.trySave;
  var t = C.t;

  function setUpOrdering(form) {
    var exerciseId = form.closest(".course-exercise").dataset.exercise;
    var list = form.querySelector(".course-ordering-list");
    var feedbackOf = readJson(form.dataset.feedback, []);
    var overall = readJson(form.dataset.overall, "");
    var actions = C.exerciseActions(form);
    var mixed = currentOrder();
    // Without scripts there are no buttons, so the instruction mentions them only now.
    var instruction = form.querySelector(".course-instruction .course-screen-only");
    // TRANSLATORS: Up and Down are the names of the buttons beside each item: keep them the same.
    instruction.textContent += " " + t("Move an item with its Up and Down buttons, then check your order.");
    var announce = element("p", { "class": "course-visually-hidden", role: "status" });
    form.appendChild(announce);

    function items() { return all(".course-ordering-item", list); }
    function currentOrder() { return all(".course-ordering-item", list).map(function (li) { return Number(li.dataset.item); }); }
    function textOf(li) { return li.querySelector(".course-ordering-text").textContent; }

    function arrange(order) {
      var byNumber = {};
      items().forEach(function (li) { byNumber[li.dataset.item] = li; });
      order.forEach(function (number) { list.appendChild(byNumber[number]); });
      refreshButtons();
    }

    function refreshButtons() {
      var lis = items();
      lis.forEach(function (li, index) {
        li.querySelector('[data-move="-1"]').setAttribute("aria-disabled", String(index === 0));
        li.querySelector('[data-move="1"]').setAttribute("aria-disabled", String(index === lis.length - 1));
      });
    }

    function clearMarks() {
      items().forEach(function (li) {
        li.classList.remove("course-ordering-item--right", "course-ordering-item--wrong");
        li.querySelector(".course-ordering-mark").textContent = "";
      });
    }

    function save() { trySave(function () { CourseStore.setExercise(exerciseId, currentOrder()); }); }

    function move(li, step, button) {
      var lis = items();
      var index = lis.indexOf(li);
      var target = index + step;
      if (target < 0 || target >= lis.length) {
        C.setStatus(announce, step < 0 ? t("“%(item)s” is already first.", { item: textOf(li) })
          : t("“%(item)s” is already last.", { item: textOf(li) }));
        return;
      }
      if (step < 0) list.insertBefore(li, lis[target]);
      else list.insertBefore(li, lis[target].nextSibling);
      clearMarks();
      refreshButtons();
      button.focus();  // moving the item must not lose the keyboard's place
      announce.textContent = t("“%(item)s” moved to position %(position)s of %(total)s.",
                               { item: textOf(li), position: target + 1, total: lis.length });
      save();
    }

    items().forEach(function (li) {
      var controls = element("span", { "class": "course-ordering-controls" });
      [["-1", t("Up"), t("Move up: %(item)s", { item: textOf(li) })],
       ["1", t("Down"), t("Move down: %(item)s", { item: textOf(li) })]].forEach(function (spec) {
        var button = element("button", { type: "button", "class": "md-button course-ordering-move", "data-move": spec[0],
                                          "aria-label": spec[2] }, spec[1]);
        button.addEventListener("click", function () { move(li, Number(spec[0]), button); });
        controls.appendChild(button);
      });
      li.appendChild(element("span", { "class": "course-ordering-mark" }));
      li.appendChild(controls);
    });

    function mark(showAll) {
      var right = 0;
      items().forEach(function (li, index) {
        var ok = Number(li.dataset.item) === index + 1;
        if (ok) right += 1;
        li.classList.toggle("course-ordering-item--right", ok);
        li.classList.toggle("course-ordering-item--wrong", !ok);
        li.querySelector(".course-ordering-mark").textContent = ok ? t("Right place") : t("Not here");
      });
      var total = items().length;
      var entries = items().filter(function (li, index) { return showAll || Number(li.dataset.item) === index + 1; })
        .map(function (li) {
          return { heading: li.dataset.item + ". " + textOf(li), html: feedbackOf[Number(li.dataset.item) - 1] };
        });
      if (right === total) {
        if (overall) entries.push({ heading: t("Why this order"), html: overall });
        C.showFeedback(actions.feedback, showAll ? "reveal" : "right",
                       showAll ? t("The right order is shown above.") : t("Right: every item is in its place."), entries);
      } else {
        // TRANSLATORS: “Not here” is the mark beside each item in a wrong place: keep it the same.
        var title = C.tn("%(right)s of %(num)s item is in the right place. Move the items marked “Not here”, then check again.",
                         "%(right)s of %(num)s items are in the right place. Move the items marked “Not here”, then check again.",
                         total, { right: right });
        C.showFeedback(actions.feedback, right ? "partial" : "wrong", title, entries);
      }
      actions.retry.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      mark(false);
      save();
    });
    actions.reveal.addEventListener("click", function () {
      arrange(currentOrder().slice().sort(function (a, b) { return a - b; }));
      mark(true);
    });
    actions.retry.addEventListener("click", function () {
      arrange(mixed);
      clearMarks();
      actions.feedback.innerHTML = "";
      actions.retry.hidden = true;
      trySave(function () { CourseStore.removeExercise(exerciseId); });
      items()[0].querySelector("button").focus();
    });

    var saved = CourseStore.getExercise(exerciseId);
    // A saved order is used only if it holds exactly this exercise's items.
    if (Array.isArray(saved) && saved.slice().sort().join() === mixed.slice().sort().join()) arrange(saved);
    else refreshButtons();
  }

  C.onPage(function () { all(".course-exercise .course-ordering").forEach(setUpOrdering); });
})();
