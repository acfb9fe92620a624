/* A page's side of the LMS session that the package's launch page holds (assets/lms-launch.js).
 *
 * Loaded only in LMS packages, right after store.js: before any page script reads the saved work,
 * it keeps that work per learner and puts in place what the LMS saved on an earlier launch (from
 * any computer). Then it sends every change and the page to resume at to the LMS, and warns the
 * learner when their work no longer fits in what the LMS keeps. Outside a launch frame (the package
 * opened as files, or an LMS without SCORM) it does nothing: the course works as the web site does.
 */
(function () {
  "use strict";
  var lms = null;
  try { lms = window.parent !== window ? window.parent.CourseLMS : null; } catch (error) { lms = null; }
  if (!lms || !window.CourseStore) return;

  CourseStore.useLearner(lms.learner);
  var restored = lms.takeRestored();  // built by the launch page in the record's own shape
  if (restored) {
    // A whole record is the learner's latest work; a shortened one only adds to what is kept here.
    CourseStore.update(function (data) {
      ["answers", "exercises", "progress"].forEach(function (part) {
        if (!restored.trimmed) data[part] = {};
        Object.keys(restored.record[part]).forEach(function (id) { data[part][id] = restored.record[part][id]; });
      });
      data.last = restored.record.last || data.last;
    });
  }

  var notice = null;
  function warn(encoded) {
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    if (!encoded.trimmed) {
      if (notice) notice.hidden = true;
      return;
    }
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "admonition warning course-lms-notice";
      notice.setAttribute("role", "status");
      content.insertBefore(notice, content.firstChild);
    }
    notice.hidden = false;
    notice.innerHTML = '<p class="admonition-title"></p><p></p>';
    // TRANSLATORS: the LMS is the learning platform (Moodle, Canvas...) the course was opened from.
    notice.firstChild.textContent = CourseText.t("Not all of your work fits in the LMS");
    notice.lastChild.textContent = CourseText.t("The LMS keeps up to %(limit)s characters of saved work for this " +
      "course, and yours takes %(length)s. All of it is still saved in this browser, but on another computer some " +
      "worksheet answers would be missing. To keep a full copy, export your work from the My work page.",
      { limit: lms.limit, length: encoded.length });
  }

  var last = null;
  function send() {
    last = lms.save(CourseStore.load());
    warn(last);
  }
  CourseStore.onChange(send);
  send();

  // The page to resume at, as a path inside the package.
  var root = new URL(".", window.parent.location.href).href;
  var here = location.href.split("#")[0].split("?")[0];
  if (here.indexOf(root) === 0) lms.visit(here.slice(root.length));
  document.addEventListener("DOMContentLoaded", function () { if (last) warn(last); });
})();
