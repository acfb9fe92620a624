/* Accessibility fixes to Material's own markup, made on every page:
 * - a navigation section with an index page (navigation.indexes) is a <nav> labelled by an icon-only
 *   label, so it has no name, and two of them fail axe's landmark-unique on a phone: name each after
 *   its section's title ("Practice section": the table of contents may have a "Practice" heading);
 * - a table too wide for the screen scrolls inside Material's wrapper, which keyboard users must be
 *   able to focus to scroll (axe scrollable-region-focusable). */
(function () {
  "use strict";
  var C = window.Course;

  function nameNavigationSections() {
    C.all("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (label && label.textContent.trim()) return;
      var title = nav.querySelector(":scope > .md-nav__title");
      var name = title ? title.textContent.trim() : "";
      if (!name) return;
      nav.removeAttribute("aria-labelledby");
      // TRANSLATORS: the name of a navigation section, after the title of a part of the course.
      nav.setAttribute("aria-label", C.t("%(title)s section", { title: name }));
    });
  }

  function focusableScrollAreas() {
    C.all(".md-typeset__scrollwrap, .md-typeset table:not([class])").forEach(function (area) {
      if (area.scrollWidth > area.clientWidth && !area.hasAttribute("tabindex")) area.setAttribute("tabindex", "0");
    });
  }

  C.onPage(function () {
    nameNavigationSections();
    // Material wraps tables while it sets the page up; look once that is done.
    setTimeout(focusableScrollAreas, 0);
  });
  window.addEventListener("resize", function () { focusableScrollAreas(); });
})();
