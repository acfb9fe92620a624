/* Term links: the definition beside a link to a glossary term shows on hover and keyboard focus
 * (glossary.css, no script needed). This script adds what CSS cannot: Escape hides the open
 * definition (WCAG 1.4.13), and a definition that would run off the side of the screen is moved in,
 * in a left-to-right page as in a right-to-left one.
 */
(function () {
  "use strict";
  var C = window.Course;
  var MARGIN = 8;

  // The definition starts under the term's start (its left, or its right in a right-to-left page):
  // a definition running past the screen's end edge is moved back, but never past its start edge.
  function place(term) {
    var tip = term.querySelector(".course-term__tip");
    if (!tip) return;
    tip.style.removeProperty("inset-inline-start");
    var rtl = getComputedStyle(tip).direction === "rtl";
    var width = document.documentElement.clientWidth;
    function overflow() {  // how far the definition is past the margin at its end and at its start
      var box = tip.getBoundingClientRect();
      var right = box.right - (width - MARGIN), left = MARGIN - box.left;
      return rtl ? { end: left, start: right } : { end: right, start: left };
    }
    var shift = Math.min(0, -overflow().end);  // towards the start
    if (shift) tip.style.setProperty("inset-inline-start", shift + "px");
    var start = overflow().start;
    if (start > 0) tip.style.setProperty("inset-inline-start", (shift + start) + "px");
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
