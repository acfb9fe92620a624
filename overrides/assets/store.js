/* The learner's saved work: one versioned localStorage record per course.
 *
 * Every script reads and writes through CourseStore, never localStorage directly. The record:
 *   { version: 1,
 *     answers:   { "<worksheet-id>/<prompt-id>": value },   // text: string; scale: number;
 *                                                          // checklist: [item numbers, 1-based];
 *                                                          // table: { "<row>-<column>": string }
 *     exercises: { "<exercise-id>": value },               // the learner's last attempt:
 *                                                          // single choice, scenario: option number;
 *                                                          // multiple choice: [option numbers];
 *                                                          // short answer: string;
 *                                                          // self-assessment: { "<statement-id>": rating }
 *                                                          // ordering: [item numbers in the learner's order]
 *                                                          //   (an item's number is its right place);
 *                                                          // matching: { "<item number>": match number };
 *                                                          // categorise: { "<statement number>": "<category id>" };
 *                                                          // branching scenario: [choice numbers taken,
 *                                                          //   one per step from the first]
 *     progress:  { "<lesson-id>": { complete: true } },
 *     last:      "<id of the last lesson page visited>",
 *     updated:   { "<part>/<id>": ms since 1970 } }               // when each value last changed here
 *                                                          // (answers/..., exercises/..., progress/...)
 * Keys are stable ids from the YAML, so reordering or renaming pages never loses an answer, and
 * answers to prompts that no longer exist are kept.
 *
 * An export file is the record plus "course" (the course id) and "exported" (an ISO date). My work
 * imports one through course/import.js, which checks every value against the course and merges, newer
 * wins; importRecord here restores a record whole (an LMS's copy, lms.js).
 *
 * In an LMS package (assets/lms.js) the record is kept per learner, so that two learners sharing a
 * computer never see each other's work, and every change is also sent to the LMS (onChange).
 */
(function () {
  "use strict";
  var VERSION = 1;
  var learner = "";
  var listeners = [];
  var t = window.CourseText.t;  // loaded before core.js

  function courseId() {
    var meta = document.querySelector('meta[name="course-id"]');
    return meta ? meta.content : "course";
  }

  function key() {
    return "course:" + courseId() + ":v" + VERSION + (learner ? ":learner:" + learner : "");
  }

  function empty() {
    return { version: VERSION, answers: {}, exercises: {}, progress: {}, last: null, updated: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isRecord(data) {
    return isObject(data) && data.version === VERSION && isObject(data.answers) &&
      isObject(data.exercises) && isObject(data.progress);
  }

  function load() {
    try {
      var data = JSON.parse(localStorage.getItem(key()));
      return isRecord(data) ? data : empty();
    } catch (error) {
      return empty();
    }
  }

  function save(data) {
    localStorage.setItem(key(), JSON.stringify(data));
    changed();
  }

  function changed() {
    listeners.forEach(function (listener) { listener(); });
  }

  function update(change) {
    var data = load();
    change(data);
    save(data);
    return data;
  }

  // A saved answer is one of the documented value shapes; anything else marks a file as not ours.
  function isAnswerValue(value) {
    if (typeof value === "string") return true;
    if (typeof value === "number") return isFinite(value);
    if (Array.isArray(value)) return value.every(function (item) { return typeof item === "number" && isFinite(item); });
    if (isObject(value)) {
      return Object.keys(value).every(function (cell) {
        return typeof value[cell] === "string" || typeof value[cell] === "number";
      });
    }
    return false;
  }

  /* Why an import file cannot be used, in words for the learner; null when it is a valid export of
   * this course. Checks everything before anything is written, so a refused file changes nothing. */
  function importProblem(data) {
    if (!isObject(data)) return t("This file is not a course export: it holds no saved work.");
    if (data.version !== VERSION) {
      return t("This file is not a course export of a version this site reads (version %(version)s).", { version: VERSION });
    }
    if (data.course !== undefined && data.course !== courseId()) {
      return t("This file holds work from another course (%(course)s).", { course: String(data.course) });
    }
    var parts = ["answers", "exercises", "progress"];
    for (var i = 0; i < parts.length; i++) {
      // TRANSLATORS: part is the name of a part of the file's data (answers, exercises, progress): not translated.
      if (!isObject(data[parts[i]])) return t("This file is not a course export: \"%(part)s\" is missing.", { part: parts[i] });
    }
    var answerKeys = Object.keys(data.answers);
    for (i = 0; i < answerKeys.length; i++) {
      if (answerKeys[i].indexOf("/") < 1 || !isAnswerValue(data.answers[answerKeys[i]])) return damaged("answers", answerKeys[i]);
    }
    var exerciseKeys = Object.keys(data.exercises);
    for (i = 0; i < exerciseKeys.length; i++) {
      if (!isAnswerValue(data.exercises[exerciseKeys[i]])) return damaged("exercises", exerciseKeys[i]);
    }
    var lessons = Object.keys(data.progress);
    for (i = 0; i < lessons.length; i++) {
      if (!isObject(data.progress[lessons[i]]) || typeof data.progress[lessons[i]].complete !== "boolean") {
        return damaged("progress", lessons[i]);
      }
    }
    if (data.last !== undefined && data.last !== null && typeof data.last !== "string") {
      return t("This file is damaged: the last page visited cannot be read.");
    }
    return null;
  }

  // Why an import file is refused when one of its values (an id of part) cannot be read.
  function damaged(part, id) {
    if (part === "answers") return t("This file is damaged: the answer \"%(id)s\" cannot be read.", { id: id });
    if (part === "exercises") return t("This file is damaged: the exercise \"%(id)s\" cannot be read.", { id: id });
    return t("This file is damaged: the progress of \"%(id)s\" cannot be read.", { id: id });
  }

  function exportRecord() {
    var data = load();
    return {
      version: VERSION, course: courseId(), exported: new Date().toISOString(),
      answers: data.answers, exercises: data.exercises, progress: data.progress, last: data.last,
      updated: data.updated || {}
    };
  }

  // When each value was last changed here (ms since 1970), so that an import keeps the newer one.
  function touch(data, part, id) {
    if (!isObject(data.updated)) data.updated = {};
    data.updated[part + "/" + id] = Date.now();
  }

  // Whether this browser lets the course keep anything (private modes and blocked site data do not).
  function available() {
    try {
      var probe = key() + ":probe";
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* Adds a valid export to the saved work: the file's values win where both have one. Returns the
   * problem (and writes nothing) when the file is not a valid export. */
  function importRecord(data) {
    var problem = importProblem(data);
    if (problem) return problem;
    update(function (saved) {
      ["answers", "exercises", "progress"].forEach(function (part) {
        Object.keys(data[part]).forEach(function (id) { saved[part][id] = data[part][id]; });
      });
      if (data.last) saved.last = data.last;
    });
    return null;
  }

  window.CourseStore = {
    VERSION: VERSION,
    key: key,
    courseId: courseId,
    empty: empty,
    isRecord: isRecord,
    load: load,
    save: save,
    update: update,
    importProblem: importProblem,
    damaged: damaged,
    exportRecord: exportRecord,
    importRecord: importRecord,
    isObject: isObject,
    isAnswerValue: isAnswerValue,
    available: available,
    clear: function () { localStorage.removeItem(key()); changed(); },
    useLearner: function (id) { learner = id ? String(id) : ""; },
    onChange: function (listener) { listeners.push(listener); },
    getAnswer: function (worksheetId, promptId) { return load().answers[worksheetId + "/" + promptId]; },
    setAnswer: function (worksheetId, promptId, value) {
      return update(function (data) {
        data.answers[worksheetId + "/" + promptId] = value;
        touch(data, "answers", worksheetId + "/" + promptId);
      });
    },
    removeAnswer: function (worksheetId, promptId) {
      return update(function (data) {
        delete data.answers[worksheetId + "/" + promptId];
        touch(data, "answers", worksheetId + "/" + promptId);
      });
    },
    getExercise: function (exerciseId) { return load().exercises[exerciseId]; },
    setExercise: function (exerciseId, value) {
      return update(function (data) { data.exercises[exerciseId] = value; touch(data, "exercises", exerciseId); });
    },
    removeExercise: function (exerciseId) {
      return update(function (data) { delete data.exercises[exerciseId]; });
    },
    isComplete: function (lessonId) {
      var entry = load().progress[lessonId];
      return Boolean(entry && entry.complete);
    },
    setComplete: function (lessonId, complete) {
      return update(function (data) {
        if (complete) data.progress[lessonId] = { complete: true };
        else delete data.progress[lessonId];
        touch(data, "progress", lessonId);
      });
    },
    setLast: function (lessonId) {
      return update(function (data) { data.last = lessonId; });
    }
  };
})();
