/* Progress: the "Mark lesson complete" control, ticks in the site navigation, the progress bars of
 * the home, module and My work pages, and "continue where you left off". */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var element = C.element;
  var trySave = C.trySave;
  var setStatus = C.setStatus;
  var courseMap = C.courseMap;
  var pageUrl = C.pageUrl;
  var pageHref = C.pageHref;
  var pageKey = C.pageKey;
  var lessons = C.lessons;
  var t = C.t;

  function markNavigation(map) {
    var done = {};
    var progress = CourseStore.load().progress;
    lessons(map).forEach(function (entry) {
      if (progress[entry.lesson.id] && progress[entry.lesson.id].complete) done[pageKey(pageUrl(entry.lesson.path))] = true;
    });
    // The site navigation only, not the table of contents Material folds into it.
    all(".md-nav--primary a.md-nav__link[href]").forEach(function (link) {
      if (link.closest(".md-nav--secondary") || new URL(link.href).hash) return;
      var complete = Boolean(done[pageKey(link.href)]);
      link.classList.toggle("course-nav-complete", complete);
      var note = link.querySelector(".course-nav-mark");
      if (complete && !note) {
        note = element("span", { "class": "course-nav-mark" });
        note.appendChild(element("span", { "class": "course-visually-hidden" }, " " + t("(complete)")));
        link.appendChild(note);
      } else if (!complete && note) {
        note.remove();
      }
    });
  }

  function setUpCompleteControl(lessonId) {
    var article = document.querySelector(".md-content__inner");
    if (!article || article.querySelector(".course-complete")) return;
    var box = element("div", { "class": "course-complete" });
    // A toggle button: its name stays the same and aria-pressed carries the state.
    var button = element("button", { type: "button", "class": "md-button course-complete-button" },
                         t("Mark lesson complete"));
    var status = element("p", { "class": "course-complete-status", role: "status" });
    function render() {
      var complete = CourseStore.isComplete(lessonId);
      button.setAttribute("aria-pressed", String(complete));
      button.classList.toggle("md-button--primary", !complete);
      box.classList.toggle("course-complete--done", complete);
      return complete;
    }
    button.addEventListener("click", function () {
      var complete = !CourseStore.isComplete(lessonId);
      if (!trySave(function () { CourseStore.setComplete(lessonId, complete); })) {
        setStatus(status, t("Could not save: this browser does not allow the course to store progress."));
        return;
      }
      render();
      setStatus(status, complete ? t("This lesson is marked complete. Press the button again to undo.")
        : t("This lesson is no longer marked complete."));
      courseMap().then(function (map) { if (map) markNavigation(map); });
    });
    if (render()) setStatus(status, t("This lesson is marked complete."));
    box.appendChild(button);
    box.appendChild(status);
    article.appendChild(box);
  }

  function progressBar(done, total, label) {
    var wrap = element("div", { "class": "course-progress-row" });
    // TRANSLATORS: English says "lessons" whatever the total; the form follows the total (num).
    var text = C.tn("%(done)s of %(num)s lessons complete", "%(done)s of %(num)s lessons complete", total, { done: done });
    // TRANSLATORS: the name of a progress bar: what it measures (the whole course, or a module), then its value.
    var bar = element("progress", { max: String(total), value: String(done),
                                    "aria-label": t("%(part)s: %(progress)s", { part: label, progress: text }) });
    wrap.appendChild(bar);
    wrap.appendChild(element("span", { "class": "course-progress-text" }, text));
    return wrap;
  }

  function continueTarget(map) {
    var data = CourseStore.load();
    var list = lessons(map);
    var last = list.filter(function (entry) { return entry.lesson.id === data.last; })[0];
    var next = list.filter(function (entry) {
      return !(data.progress[entry.lesson.id] && data.progress[entry.lesson.id].complete);
    })[0];
    // The last lesson visited, unless it is done: then the first lesson not yet complete.
    if (last && !(data.progress[last.lesson.id] && data.progress[last.lesson.id].complete)) return { entry: last, resume: true };
    if (next) return { entry: next, resume: Boolean(data.last) };
    return null;
  }

  function renderProgress(box, map, withContinue) {
    var progress = CourseStore.load().progress;
    box.innerHTML = "";
    var isDone = function (lesson) { return Boolean(progress[lesson.id] && progress[lesson.id].complete); };
    if (withContinue) {
      box.appendChild(element("h2", { id: "your-progress" }, t("Your progress")));
      var target = continueTarget(map);
      var lead = element("p", { "class": "course-continue" });
      if (target) {
        lead.appendChild(document.createTextNode((target.resume ? t("Continue where you left off:") : t("Start here:")) + " "));
        lead.appendChild(element("a", { href: pageHref(target.entry.lesson.path), "class": "course-continue-link" },
          target.entry.lesson.title));
      } else {
        lead.textContent = t("You have completed every lesson. Well done.");
      }
      box.appendChild(lead);
    }
    var everything = lessons(map);
    var finished = everything.filter(function (entry) { return isDone(entry.lesson); }).length;
    box.appendChild(element("p", { "class": "course-progress-title" }, t("Whole course")));
    box.appendChild(progressBar(finished, everything.length, t("Whole course")));
    var list = element("ul", { "class": "course-progress-modules" });
    map.modules.forEach(function (module) {
      var item = element("li");
      item.appendChild(element("a", { href: pageHref(module.path) }, module.title));
      var done = module.lessons.filter(isDone).length;
      item.appendChild(progressBar(done, module.lessons.length, module.title));
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  // A module page: how much of this module is done, under its title.
  function renderModuleProgress(map, moduleId) {
    var module = map.modules.filter(function (m) { return m.id === moduleId; })[0];
    var title = document.querySelector(".md-content__inner h1");
    if (!module || !title || document.querySelector(".course-progress--module")) return;
    var progress = CourseStore.load().progress;
    var done = module.lessons.filter(function (lesson) {
      return progress[lesson.id] && progress[lesson.id].complete;
    }).length;
    var box = element("div", { "class": "course-progress course-progress--module" });
    box.appendChild(progressBar(done, module.lessons.length, module.title));
    title.insertAdjacentElement("afterend", box);
  }

  function setUpProgress(info) {
    courseMap().then(function (map) {
      if (!map) return;
      markNavigation(map);
      var box = document.querySelector("[data-course-progress]");
      if (box) renderProgress(box, map, box.dataset.courseProgress === "home");
      if (info.kind === "module" && info.module) renderModuleProgress(map, info.module);
    });
    if (info.kind === "lesson" && info.lesson) {
      trySave(function () { CourseStore.setLast(info.lesson); });
      setUpCompleteControl(info.lesson);
    }
  }

  // My work redraws the progress after an import or a clear.
  C.progress = { markNavigation: markNavigation, renderProgress: renderProgress };
  C.onPage(setUpProgress);
})();
