/* Before-and-after checks: a check that repeats an earlier one (`compare_with` in the YAML) shows
 * both results side by side, on its own page and on My work. Each `.course-compare` element names
 * the two checks; the results are read from CourseStore and redrawn whenever it changes. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var readJson = C.readJson;
  var t = C.t;

  /* A self-assessment's total, counting reversed statements the other way round, or a note of how
   * far the learner got; statements: [[id, reversed], ...]. */
  function total(saved, statements, low, high) {
    var sum = 0;
    var rated = 0;
    statements.forEach(function (statement) {
      var value = saved && typeof saved === "object" ? saved[statement[0]] : undefined;
      if (typeof value !== "number") return;
      rated += 1;
      sum += statement[1] ? low + high - value : value;
    });
    // TRANSLATORS: a score out of the most it can be ("22 of 35").
    if (rated === statements.length) return t("%(score)s of %(most)s", { score: sum, most: high * statements.length });
    return rated ? C.tn("%(rated)s of %(num)s statement rated", "%(rated)s of %(num)s statements rated", statements.length,
                        { rated: rated }) : t("not rated yet");
  }

  function result(box, side) {
    var d = box.dataset;
    var low = Number(d.min);
    var high = Number(d.max);
    if (d.kind === "exercise") {
      return total(CourseStore.getExercise(d[side]), readJson(d.statements, []), low, high);
    }
    var parts = d[side].split("/");
    var value = CourseStore.getAnswer(parts[0], parts[1]);
    return typeof value === "number" ? t("%(score)s of %(most)s", { score: value, most: high }) : t("not rated yet");
  }

  function draw(box) {
    var table = element("table", { "class": "course-compare-table" });
    var head = table.appendChild(element("tr"));
    // TRANSLATORS: the heading of a column that names a self-check (a quiz or a rating) taken twice.
    head.appendChild(element("th", { scope: "col" }, t("Check")));
    head.appendChild(element("th", { scope: "col" }, box.dataset.kind === "exercise" ? t("Total") : t("Rating")));
    // TRANSLATORS: when a self-check was taken: the first time, and the time it was repeated.
    [["earlier", t("Before")], ["later", t("Now")]].forEach(function (side) {
      var row = table.appendChild(element("tr"));
      var name = row.appendChild(element("th", { scope: "row" }, side[1] + ": "));
      name.appendChild(element("a", { href: C.pageHref(box.dataset[side[0] + "Page"]) + box.dataset[side[0] + "Anchor"] },
                               box.dataset[side[0] + "Title"]));
      row.appendChild(element("td", {}, result(box, side[0])));
    });
    box.innerHTML = "";
    // On My work, where several are listed, each says which check it is about.
    box.appendChild(element("p", { "class": "course-compare-title" }, box.closest("[data-course-compare]")
      ? t("Before and after: %(check)s", { check: box.dataset.laterTitle }) : t("Before and after")));
    box.appendChild(table);
    box.hidden = false;
  }

  function drawAll() { all(".course-compare").forEach(draw); }

  C.onPage(drawAll);
  if (window.CourseStore) CourseStore.onChange(drawAll);
})();
