/* When the browser will not let the course store anything (private browsing, blocked site data),
 * pages where the learner writes or marks progress say so at the top, and what to do. */
(function () {
  "use strict";
  var C = window.Course;

  C.onPage(function (info) {
    var writes = document.querySelector(".course-worksheet, .course-exercise, [data-course-my-work]");
    if (!(writes || info.kind === "lesson") || CourseStore.available()) return;
    var article = document.querySelector(".md-content__inner");
    if (!article || article.querySelector(".course-storage-notice")) return;
    var notice = C.element("p", { "class": "course-notice course-storage-notice", role: "note" },
      C.t("This browser is not letting the course save anything here (private browsing, or site data " +
          "blocked for this site), so your answers and progress will be gone when you close the page. " +
          "To keep them, allow this site to store data in your browser's site settings or use a normal " +
          "window; until then, print worksheets and write on paper."));
    var title = article.querySelector("h1");
    if (title) title.insertAdjacentElement("afterend", notice);
    else article.insertBefore(notice, article.firstChild);
  });
})();
