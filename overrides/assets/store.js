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
 *     progress:  { "<lesson-id>": { complete: true } },
 *     last:      "<id of the last lesson page visited>",
 *     updated:   { "<part>/<id>": ms since 1970 } }               // when each value last changed here
 *                                                          // (answers/..., exercises/..., progress/...)
 * Keys are stable ids from the YAML, so reordering or renaming pages never loses an answer, and
 * answers to prompts that no longer exist are kept.
 *
 * An export file is the record plus "course" (the course id) and "exported" (an ISO date). Importing
 * one is import.js's work: it checks every value against the course and merges, newer wins.
 */
(function () {
  "use strict";
  var VERSION = 1;

  function courseId() {
    var meta = document.querySelector('meta[name="course-id"]');
    return meta ? meta.content : "course";
  }

  function key() {
    return "course:" + courseId() + ":v" + VERSION;
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
  }

  function update(change) {
    var data = load();
    change(data);
    save(data);
    return data;
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

  window.CourseStore = {
    VERSION: VERSION,
    key: key,
    courseId: courseId,
    empty: empty,
    isRecord: isRecord,
    load: load,
    save: save,
    update: update,
    isObject: isObject,
    exportRecord: exportRecord,
    available: available,
    clear: function () { localStorage.removeItem(key()); },
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
