/* Importing a JSON export: every value is checked against what the course says it should be, then
 * merged with the saved work, newer wins (by the time each value last changed); an empty answer never
 * replaces one that has text, and an import never un-marks a completed lesson. `plan` says what an
 * import would change and changes nothing; `apply` writes that plan, or says why it could not. */
(function () {
  "use strict";
  var C = window.Course;
  var isObject = function (value) { return CourseStore.isObject(value); };
  var t = C.t;
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;  // the content's ids (models.py SLUG_PATTERN)

  function own(object, id) { return Object.prototype.hasOwnProperty.call(object, id) ? object[id] : undefined; }

  function isCount(value, low, high) {
    return typeof value === "number" && Math.floor(value) === value && value >= low && value <= high;
  }

  function numbers(value, low, high) {
    return Array.isArray(value) && value.every(function (n) { return isCount(n, low, high); });
  }

  // An object keyed by item numbers (1..count), each value accepted by `fits`.
  function numbered(value, count, fits) {
    return isObject(value) && Object.keys(value).every(function (key) {
      return /^[1-9][0-9]*$/.test(key) && Number(key) <= count && fits(value[key]);
    });
  }

  // A value of a kind the course does not (or no longer) describe: one of the record's shapes.
  function anyShape(value) { return CourseStore.isAnswerValue(value); }

  // Whether a value fits a prompt or exercise; `shape` comes from the page (My work's data-* attributes).
  function fits(shape, value) {
    if (!shape) return anyShape(value);
    switch (shape.type) {
      case "text": case "short_answer": return typeof value === "string";
      case "scale": return isCount(value, shape.min, shape.max);
      case "checklist": return numbers(value, 1, shape.items);
      case "single_choice": case "scenario": return isCount(value, 1, shape.options);
      case "multiple_choice": return numbers(value, 1, shape.options);
      case "table":
        return isObject(value) && Object.keys(value).every(function (cell) {
          var parts = cell.split("-").map(Number);
          return parts.length === 2 && isCount(parts[0], 1, shape.rows) && isCount(parts[1], 1, shape.columns) &&
            typeof value[cell] === "string";
        });
      case "self_assessment":
        return isObject(value) && Object.keys(value).every(function (id) {
          return ID.test(id) && isCount(value[id], shape.min, shape.max);
        });
      case "ordering":  // every item's number once, in the learner's order
        return numbers(value, 1, shape.items) && value.length === shape.items &&
          value.slice().sort(function (a, b) { return a - b; }).every(function (n, i) { return n === i + 1; });
      case "matching":  // item number -> the number of the match chosen for it
        return numbered(value, shape.items, function (match) { return isCount(match, 1, shape.items); });
      case "categorise":  // statement number -> the id of the category chosen for it
        return numbered(value, shape.items, function (id) { return shape.categories.indexOf(id) >= 0; });
      case "branching_scenario":  // the choices taken, one per step passed: no step twice (no loops)
        return numbers(value, 1, 4) && value.length <= shape.steps;
      default: return anyShape(value);  // a kind this script does not know in detail
    }
  }

  /* Why a file cannot be imported, in the learner's words; null when every value in it is usable. */
  function problem(data, shapes) {
    if (!isObject(data)) return t("This file is not a course export: it holds no saved work.");
    if (data.version !== CourseStore.VERSION) {
      return t("This file is not a course export of a version this site reads (version %(version)s).",
               { version: CourseStore.VERSION });
    }
    if (data.course !== undefined && data.course !== CourseStore.courseId()) {
      return t("This file holds work from another course (%(course)s).", { course: String(data.course) });
    }
    var parts = ["answers", "exercises", "progress"];
    for (var i = 0; i < parts.length; i++) {
      // TRANSLATORS: part is the name of a part of the file's data (answers, exercises, progress): not translated.
      if (!isObject(data[parts[i]])) return t("This file is not a course export: \"%(part)s\" is missing.", { part: parts[i] });
    }
    var checks = {
      answers: function (id, value) {
        var ids = id.split("/");
        return ids.length === 2 && ID.test(ids[0]) && ID.test(ids[1]) && fits(own(shapes.answers, id), value);
      },
      exercises: function (id, value) { return ID.test(id) && fits(own(shapes.exercises, id), value); },
      progress: function (id, value) { return ID.test(id) && isObject(value) && typeof value.complete === "boolean"; }
    };
    for (i = 0; i < parts.length; i++) {
      var part = parts[i];
      var bad = Object.keys(data[part]).filter(function (id) { return !checks[part](id, data[part][id]); })[0];
      if (bad !== undefined) return CourseStore.damaged(part, bad);
    }
    if (data.last !== undefined && data.last !== null && (typeof data.last !== "string" || !ID.test(data.last))) {
      return t("This file is damaged: the last page visited cannot be read.");
    }
    if (data.updated !== undefined && !isObject(data.updated)) return t("This file is damaged: its dates cannot be read.");
    return null;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  /* What importing `data` would change: { problem } or { changes: [{part, id, value, action}], kept }.
   * action: "add" (nothing here yet), "replace" (the file's is newer), "complete" (a lesson). */
  function plan(data, shapes) {
    var why = problem(data, shapes);
    if (why) return { problem: why };
    var saved = CourseStore.load();
    var here = saved.updated || {};
    var fileTimes = isObject(data.updated) ? data.updated : {};
    var exported = Date.parse(data.exported) || 0;  // older exports carry no time per value
    var changes = [];
    var kept = 0;
    ["answers", "exercises"].forEach(function (part) {
      Object.keys(data[part]).sort().forEach(function (id) {
        var value = data[part][id];
        var mine = own(saved[part], id);
        if (C.isEmptyAnswer(value) || same(value, mine)) return;
        if (C.isEmptyAnswer(mine)) {
          changes.push({ part: part, id: id, value: value, action: "add" });
        } else if ((Number(fileTimes[part + "/" + id]) || exported) > (Number(here[part + "/" + id]) || 0)) {
          changes.push({ part: part, id: id, value: value, action: "replace" });
        } else {
          kept += 1;
        }
      });
    });
    Object.keys(data.progress).sort().forEach(function (id) {
      var mine = own(saved.progress, id);
      if (data.progress[id].complete && !(mine && mine.complete)) {
        changes.push({ part: "progress", id: id, value: { complete: true }, action: "complete" });
      }
    });
    return { changes: changes, kept: kept, last: data.last || null };
  }

  /* Writes a plan; returns null, or why nothing could be written (storage full or blocked). */
  function apply(planned) {
    try {
      CourseStore.update(function (saved) {
        if (!isObject(saved.updated)) saved.updated = {};
        planned.changes.forEach(function (change) {
          saved[change.part][change.id] = change.value;
          saved.updated[change.part + "/" + change.id] = Date.now();
        });
        if (!saved.last && planned.last) saved.last = planned.last;
      });
      return null;
    } catch (error) {
      if (error && (error.name === "QuotaExceededError" || error.code === 22)) {
        return t("This browser has no room left to store the file's work (its storage for this site is full).");
      }
      return t("This browser does not let this site store anything (private browsing or blocked site data).");
    }
  }

  C.imports = { problem: problem, plan: plan, apply: apply, fits: fits };
})();
