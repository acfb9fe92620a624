/* The launch page of a SCORM package (launch.html): finds the LMS's API, opens the course in a
 * frame and keeps one LMS session for the whole visit, whatever page the learner is on. The pages
 * reach it as window.CourseLMS (assets/lms.js). With no LMS it opens the course home page itself,
 * so that the package works exactly as the web site does.
 *
 * Reported: the status (incomplete; completed once every lesson is marked complete, or passed /
 * failed against the mastery score), the score over the auto-scored exercises, the page to resume
 * at, and the learner's saved work as suspend_data in a compact form:
 *   {"v":1,"p":[completed lesson ids],"l":"last lesson","x":{exercise id: value},
 *    "w":{worksheet id: {prompt id: value}},"t":1 when answers were left out to fit the limit}
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("course-lms-data").textContent);
  var frame = document.getElementById("course-frame");
  var v12 = data.version === "1.2";
  var LIMIT = v12 ? 4096 : 64000;  // characters of cmi.suspend_data
  var CMI = v12 ? {
    status: "cmi.core.lesson_status", location: "cmi.core.lesson_location", exit: "cmi.core.exit",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
    learner: "cmi.core.student_id", mastery: "cmi.student_data.mastery_score", time: "cmi.core.session_time"
  } : {
    status: "cmi.completion_status", success: "cmi.success_status", location: "cmi.location", exit: "cmi.exit",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", scaled: "cmi.score.scaled",
    learner: "cmi.learner_id", mastery: "cmi.scaled_passing_score", time: "cmi.session_time"
  };

  // The standard's search: this window and its parents, then the window that opened it and its parents.
  function findIn(win) {
    var name = v12 ? "API" : "API_1484_11";
    for (var depth = 0; win && depth < 10; depth++) {
      try { if (win[name]) return win[name]; } catch (error) { return null; }  // another origin
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findIn(window) || findIn(window.opener);
  var call = api && (v12 ? {
    init: function () { return api.LMSInitialize(""); }, get: function (n) { return api.LMSGetValue(n); },
    set: function (n, v) { return api.LMSSetValue(n, v); }, commit: function () { return api.LMSCommit(""); },
    finish: function () { return api.LMSFinish(""); }
  } : {
    init: function () { return api.Initialize(""); }, get: function (n) { return api.GetValue(n); },
    set: function (n, v) { return api.SetValue(n, v); }, commit: function () { return api.Commit(""); },
    finish: function () { return api.Terminate(""); }
  });
  if (!call || String(call.init()) !== "true") {
    frame.src = data.home;  // no LMS: the course on its own, saved in this browser only
    return;
  }

  var started = Date.now();
  var sent = {};
  var commitTimer = null;
  var finished = false;

  function set(name, value) {
    value = String(value);
    if (sent[name] === value) return;
    sent[name] = value;
    call.set(name, value);
    clearTimeout(commitTimer);
    commitTimer = setTimeout(commit, 1000);  // one commit for a burst of changes, such as typing
  }

  function commit() {
    clearTimeout(commitTimer);
    commitTimer = null;
    call.commit();
  }

  function masteryScore() {
    var value = call.get(CMI.mastery);
    if (value !== "" && value !== null && isFinite(Number(value))) return v12 ? Number(value) : Number(value) * 100;
    return data.mastery;  // from course.yml; null: no pass mark, the course is simply completed
  }
  var mastery = masteryScore();

  /* ---------------------------------------------------------------- suspend_data */

  // keep: null for the whole record, else which answers and written exercise answers to keep.
  function compact(record, keep) {
    var out = { v: 1 };
    var done = Object.keys(record.progress).filter(function (id) { return record.progress[id].complete; });
    if (done.length) out.p = done;
    if (record.last) out.l = record.last;
    Object.keys(record.exercises).forEach(function (id) {
      if (keep && typeof record.exercises[id] === "string" && !keep["x " + id]) return;
      (out.x = out.x || {})[id] = record.exercises[id];
    });
    Object.keys(record.answers).forEach(function (key) {
      if (keep && !keep["a " + key]) return;
      var cut = key.indexOf("/");
      out.w = out.w || {};
      (out.w[key.slice(0, cut)] = out.w[key.slice(0, cut)] || {})[key.slice(cut + 1)] = record.answers[key];
    });
    if (keep) out.t = 1;
    return out;
  }

  /* The whole record; beyond the LMS's limit, progress and choices with as many written answers
   * (exercises first, then worksheets, in the order they were first saved) as fit. */
  function encode(record) {
    var text = JSON.stringify(compact(record, null));
    if (text.length <= LIMIT) return { text: text, length: text.length, trimmed: false };
    var keep = {};
    var used = JSON.stringify(compact(record, keep)).length + 16;  // + the braces of "x" and "w"
    var sheets = {};
    var add = function (name, cost) {
      if (used + cost > LIMIT) return false;
      keep[name] = true;
      used += cost;
      return true;
    };
    Object.keys(record.exercises).forEach(function (id) {
      var value = record.exercises[id];
      if (typeof value === "string") add("x " + id, JSON.stringify(id).length + JSON.stringify(value).length + 2);
    });
    Object.keys(record.answers).forEach(function (key) {
      var sheet = key.slice(0, key.indexOf("/"));
      var cost = JSON.stringify(key.slice(sheet.length + 1)).length + JSON.stringify(record.answers[key]).length + 2;
      if (add("a " + key, cost + (sheets[sheet] ? 0 : JSON.stringify(sheet).length + 4))) sheets[sheet] = true;
    });
    return { text: JSON.stringify(compact(record, keep)), length: text.length, trimmed: true };
  }

  function decode(text) {
    var saved;
    try { saved = JSON.parse(text); } catch (error) { return null; }
    if (!saved || saved.v !== 1) return null;
    var record = { version: 1, answers: {}, exercises: saved.x || {}, progress: {}, last: saved.l || null };
    (saved.p || []).forEach(function (id) { record.progress[id] = { complete: true }; });
    Object.keys(saved.w || {}).forEach(function (sheet) {
      Object.keys(saved.w[sheet]).forEach(function (prompt) { record.answers[sheet + "/" + prompt] = saved.w[sheet][prompt]; });
    });
    return { record: record, trimmed: Boolean(saved.t) };
  }

  /* ---------------------------------------------------------------- status and score */

  function isRight(id, value) {
    var correct = data.scored[id].correct;
    if (data.scored[id].multiple) {
      var picked = Array.isArray(value) ? value.slice().sort() : [];
      return picked.join() === correct.slice().sort().join();
    }
    return correct.indexOf(value) >= 0;
  }

  function report(record) {
    var ids = Object.keys(data.scored);
    var score = null;
    if (ids.length) {
      var right = ids.filter(function (id) { return record.exercises[id] !== undefined && isRight(id, record.exercises[id]); });
      score = Math.round(100 * right.length / ids.length);
      set(CMI.min, 0);
      set(CMI.max, 100);
      set(CMI.raw, score);
      if (!v12) set(CMI.scaled, score / 100);
    }
    var complete = data.lessons.every(function (id) { return record.progress[id] && record.progress[id].complete; });
    var verdict = complete && mastery !== null && score !== null ? (score >= mastery ? "passed" : "failed") : null;
    if (v12) {
      set(CMI.status, verdict || (complete ? "completed" : "incomplete"));
    } else {
      set(CMI.status, complete ? "completed" : "incomplete");
      set(CMI.success, verdict || "unknown");
    }
  }

  /* ---------------------------------------------------------------- the pages' side */

  var restored = decode(call.get("cmi.suspend_data") || "");
  var resume = call.get(CMI.location) || "";

  window.CourseLMS = {
    learner: call.get(CMI.learner) || "",
    limit: LIMIT,
    // The work saved in the LMS, handed to the first page only: later pages have it already.
    takeRestored: function () { var once = restored; restored = null; return once; },
    save: function (record) {
      var encoded = encode(record);
      set("cmi.suspend_data", encoded.text);
      report(record);
      return encoded;
    },
    visit: function (path) { set(CMI.location, path); }
  };

  function finish() {
    if (finished) return;
    finished = true;
    call.set(CMI.exit, "suspend");  // keep the attempt, so the next launch resumes it
    call.set(CMI.time, sessionTime((Date.now() - started) / 1000));
    commit();
    call.finish();
  }

  function sessionTime(seconds) {
    if (!v12) return "PT" + Math.round(seconds) + "S";
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var s = Math.round(seconds);
    return pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
  }

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  // Resume at the page the learner left, if it is a page of this package.
  frame.src = /^[a-z0-9][a-z0-9_\/-]*\.html$/.test(resume) && resume.indexOf("..") < 0 ? resume : data.home;
})();
