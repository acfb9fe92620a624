/* The shared core of the learner's page scripts: small DOM helpers, the page's kind, the course map,
 * page addresses, and `Course.onPage`, which runs a feature's set-up on every page.
 *
 * Each feature (an exercise kind, worksheets, progress, My work) is a file of its own in this folder
 * that registers its set-up with `Course.onPage`. All saved state goes through CourseStore (store.js).
 * Material's instant navigation swaps pages without reloading scripts, so every page is set up from
 * its `document$` observable; the markup works without these scripts, which only enhance it.
 */
(function () {
  "use strict";

  // The site root, from this script's own address (assets/course/core.js): right on any host and port.
  var SCRIPT = document.currentScript;
  var SITE_ROOT = new URL("../..", SCRIPT ? SCRIPT.src : location.href);
  var courseMapPromise = null;

  /* ---------------------------------------------------------------- small helpers */

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function readJson(text, fallback) {
    try { return JSON.parse(text); } catch (error) { return fallback; }
  }

  // Saving can fail (storage full or blocked); the learner must then see that nothing was saved.
  function trySave(action) {
    try { action(); return true; } catch (error) { return false; }
  }

  function setStatus(node, text) {
    // Writing the same text again would make screen readers repeat it at every keystroke.
    if (node && node.textContent !== text) node.textContent = text;
  }

  function pageInfo() {
    var meta = document.querySelector('meta[name="course-page"]');
    if (!meta) return { kind: "" };
    return { kind: meta.content, module: meta.dataset.module, lesson: meta.dataset.lesson,
             worksheet: meta.dataset.worksheet };
  }

  /* The generated course-map.json: modules and lessons in order with their page paths. */
  function courseMap() {
    if (!courseMapPromise) {
      courseMapPromise = fetch(new URL("course-map.json", SITE_ROOT).href)
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }
    return courseMapPromise;
  }

  // "growth-mindset/self-compassion.md" -> the page's address under the site root.
  function pageUrl(path) {
    return new URL(path.replace(/\.md$/, "/").replace(/(^|\/)index\/$/, "$1"), SITE_ROOT).href;
  }

  // A page's real link as the navigation has it (right whatever the URL style), else its usual address.
  function pageHref(path) {
    var key = pageKey(pageUrl(path));
    var link = all(".md-nav--primary a.md-nav__link[href]").filter(function (a) { return pageKey(a.href) === key; })[0];
    return link ? link.href : pageUrl(path);
  }

  // One key for the several spellings of a page address (dir/, dir/index.html, page.html).
  function pageKey(href) {
    var url = new URL(href, location.href);
    return url.origin + url.pathname.replace(/index\.html$/, "").replace(/\.html$/, "/").replace(/\/?$/, "/");
  }

  function lessons(map) {
    var list = [];
    map.modules.forEach(function (module) {
      module.lessons.forEach(function (lesson) { list.push({ module: module, lesson: lesson }); });
    });
    return list;
  }

  function isEmptyAnswer(value) {
    if (value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    return typeof value === "object" && Object.keys(value).length === 0;
  }

  /* Feedback in an exercise's live region: a title, then entries { heading, html } (html from the
   * course's own rendered Markdown). tone: right, wrong, partial, neutral or reveal. */
  function showFeedback(node, tone, title, entries) {
    node.className = "course-exercise-feedback course-exercise-feedback--" + tone;
    node.innerHTML = "";
    node.appendChild(element("p", { "class": "course-feedback-title" }, title));
    (entries || []).forEach(function (entry) {
      var item = element("div", { "class": "course-feedback-item" });
      item.appendChild(element("p", { "class": "course-feedback-option" }, entry.heading));
      if (entry.html) item.insertAdjacentHTML("beforeend", "<p>" + entry.html + "</p>");
      node.appendChild(item);
    });
  }

  // The check, reveal and retry buttons of an exercise form, shown now that scripts run.
  function exerciseActions(form) {
    form.querySelector(".course-exercise-actions").hidden = false;
    return { retry: form.querySelector('[data-action="retry"]'), reveal: form.querySelector('[data-action="reveal"]'),
             feedback: form.querySelector(".course-exercise-feedback") };
  }

  /* Runs setUp(pageInfo()) on this page and on every page instant navigation brings in. Features
   * subscribe in the order their scripts load (the order of extra_javascript in mkdocs.yml). */
  function onPage(setUp) {
    var run = function () { if (window.CourseStore) setUp(pageInfo()); };
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(run);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  window.Course = {
    all: all, element: element, readJson: readJson, trySave: trySave, setStatus: setStatus,
    pageInfo: pageInfo, courseMap: courseMap, pageUrl: pageUrl, pageHref: pageHref, pageKey: pageKey,
    lessons: lessons, isEmptyAnswer: isEmptyAnswer, onPage: onPage, showFeedback: showFeedback,
    exerciseActions: exerciseActions,
    // The interface's words in the course's language (text.js): Course.t("Saved"), Course.tn(...),
    // and numbers, dates and lists as that language writes them.
    t: window.CourseText.t, tn: window.CourseText.tn, number: window.CourseText.number,
    date: window.CourseText.date, list: window.CourseText.list
  };
})();
