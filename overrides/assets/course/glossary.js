/* Term links: the definition beside a link to a glossary term shows on hover and keyboard focus
 * (glossary.css, no script needed). This script adds what CSS cannot: Escape hides the open
 * definition (WCAG 1.4.13), and a definition that would run off the side of the screen is moved in.
 */
(function () {
  "use strict";
  var C = window.Course;
  var MARGIN = 8;

  function place(term) {
    var tip = term.querySelector(".course-term__tip");
    if (!tip) return;
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    var limit = document.documentElement.clientWidth - MARGIN;
    if (box.right > limit) tip.style.left = Math.min(0, limit - box.right) + "px";
    box = tip.getBoundingClientRect();
    if (box.left < MARGIN) tip.style.left = (parseFloat(tip.style.left || "0") + MARGIN - box.left) + "px";
  }

  function setUpTerm(term) {
    var show = function () { term.classList.remove("course-term--dismissed"); place(term); };
    term.addEventListener("mouseenter", show);
    term.addEventListener("focusin", show);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    C.all(".course-term:hover, .course-term:focus-within").forEach(function (term) {
      term.classList.add("course-term--dismissed");
    });
  });

  C.onPage(function () { C.all(".course-term").forEach(setUpTerm); });
})();
