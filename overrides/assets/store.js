/* The learner's saved work: one versioned localStorage record per course.
 *
 * Every script reads and writes through CourseStore, never localStorage directly. The record:
 *   { version: 1,
 *     answers:   { "<worksheet-id>/<prompt-id>": value },   // text: string; scale: number;
 *                                                          // checklist: [item numbers, 1-based];
 *                                                          // table: { "<row>-<column>": string }
 *     exercises: { "<exercise-id>": value },               // the learner's last attempt
 *     progress:  { "<lesson-id>": { complete: true } },
 *     last:      "<path of the last lesson page visited>" }
 * Keys are stable ids from the YAML, so reordering or renaming pages never loses an answer, and
 * answers to prompts that no longer exist are kept.
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
    return { version: VERSION, answers: {}, exercises: {}, progress: {}, last: null };
  }

  function isRecord(data) {
    var isObject = function (value) { return value !== null && typeof value === "object" && !Array.isArray(value); };
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

  window.CourseStore = {
    VERSION: VERSION,
    key: key,
    empty: empty,
    isRecord: isRecord,
    load: load,
    save: save,
    update: update,
    getAnswer: function (worksheetId, promptId) { return load().answers[worksheetId + "/" + promptId]; },
    setAnswer: function (worksheetId, promptId, value) {
      return update(function (data) { data.answers[worksheetId + "/" + promptId] = value; });
    }
  };
})();
