/* Completed lessons marked where the course lists them: the home page's syllabus and a module page's
 * lesson table (the navigation's ticks are progress.js's). */
(function () {
  "use strict";
  var C = window.Course;

  function markLessonLists(map) {
    var progress = CourseStore.load().progress;
    var done = {};
    C.lessons(map).forEach(function (entry) {
      var key = C.pageKey(C.pageUrl(entry.lesson.path));
      done[key] = Boolean(progress[entry.lesson.id] && progress[entry.lesson.id].complete);
    });
    C.all(".md-content table a[href], .md-content ol > li > a[href]").forEach(function (link) {
      var key = C.pageKey(link.href);
      if (!(key in done) || new URL(link.href).hash) return;
      var mark = link.parentNode.querySelector(".course-lesson-done");
      if (done[key] && !mark) {
        mark = C.element("span", { "class": "course-lesson-done" });
        mark.appendChild(C.element("span", { "aria-hidden": "true" }, "\u2713 "));
        // TRANSLATORS: beside a lesson in the syllabus once the learner has marked it complete.
        mark.appendChild(document.createTextNode(C.t("Complete")));
        link.parentNode.appendChild(mark);
      } else if (!done[key] && mark) {
        mark.remove();
      }
    });
  }

  C.onPage(function (info) {
    if (info.kind !== "home" && info.kind !== "module") return;
    C.courseMap().then(function (map) { if (map) markLessonLists(map); });
  });
})();
