// While previewing (`make serve`, `make serve-zensical`): the problems of a save that failed, in a
// dialog over the last good page. The script reads problems.json beside it every second (the
// preview writes it after every build, empty after a good one: Zensical's server reloads only the
// pages that changed) and shows, replaces or removes the dialog. Escape or the Dismiss button
// closes it until the problems change. Published sites never load this script.
(function () {
  "use strict";
  if (window.coursePreviewOverlay) return; // instant navigation may run the page's scripts again
  window.coursePreviewOverlay = true;

  var ID = "course-preview-problems";
  var POLL_MS = 1000;
  var source = new URL("problems.json", document.currentScript.src);
  var current = ""; // the text of problems.json last read
  var dismissed = ""; // the text of the report the instructor closed

  var STYLE = [
    "#ID{max-width:min(52rem,calc(100vw - 2rem));max-height:calc(100vh - 4rem);overflow:auto;",
    "padding:1.2rem 1.4rem;border:0;border-left:.4rem solid #c62828;border-radius:.3rem;",
    "background:var(--md-default-bg-color,#fff);color:var(--md-default-fg-color,#1f1f1f);",
    "font:400 .8rem/1.5 var(--md-text-font-family,system-ui,sans-serif);box-shadow:0 .4rem 1.6rem #0006}",
    "#ID::backdrop{background:#000a}",
    "#ID h2{margin:0 0 .4rem;font-size:1.1rem;line-height:1.3}",
    "#ID p{margin:0 0 .8rem}",
    "#ID ol{margin:0 0 1rem;padding-left:1.4rem}",
    "#ID li{margin:0 0 .7rem}",
    "#ID code{font:.75rem/1.4 var(--md-code-font-family,ui-monospace,monospace);word-break:break-all;",
    "background:var(--md-code-bg-color,#f5f5f5);color:inherit;padding:.1rem .3rem;border-radius:.2rem}",
    "#ID .course-preview-severity{font-weight:700;text-transform:uppercase;font-size:.65rem;",
    "letter-spacing:.05em}",
    "#ID .course-preview-hint{display:block;margin-top:.2rem}",
    "#ID button{font:inherit;font-weight:700;padding:.4rem 1rem;border-radius:.2rem;cursor:pointer;",
    "border:.1rem solid currentColor;background:transparent;color:inherit}",
    "#ID button:focus-visible{outline:.15rem solid var(--md-accent-fg-color,#c62828);outline-offset:.15rem}",
  ].join("").split("#ID").join("#" + ID);

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text; // the messages are shown as text, never as HTML
    if (className) node.className = className;
    return node;
  }

  function problemItem(problem) {
    var item = element("li");
    var space = function () { item.appendChild(document.createTextNode(" ")); };
    item.appendChild(element("code", problem.file + ":" + problem.line + ":" + problem.column));
    space();
    item.appendChild(element("span", problem.severity, "course-preview-severity"));
    space();
    if (problem.field) item.appendChild(element("strong", problem.field + ":"));
    if (problem.field) space();
    item.appendChild(document.createTextNode(problem.message));
    if (problem.hint) item.appendChild(element("span", "hint: " + problem.hint, "course-preview-hint"));
    return item;
  }

  function dialog(report) {
    var box = element("dialog");
    box.id = ID;
    box.setAttribute("aria-labelledby", ID + "-title");
    box.setAttribute("aria-describedby", ID + "-about");
    box.appendChild(element("style", STYLE));
    var title = element("h2", "The last save has problems: " + report.summary);
    title.id = ID + "-title";
    box.appendChild(title);
    var about = element("p", "Nothing was published from it: the page underneath is the last good " +
      "version. Fix the files and save; this goes away on the next good save.");
    about.id = ID + "-about";
    box.appendChild(about);
    var list = element("ol");
    report.problems.forEach(function (problem) { list.appendChild(problemItem(problem)); });
    box.appendChild(list);
    var close = element("button", "Dismiss (Esc)");
    close.type = "button";
    close.addEventListener("click", function () { box.close(); });
    box.appendChild(close);
    return box;
  }

  function show(text) {
    var old = document.getElementById(ID);
    // Unchanged: leave the dialog, or its dismissal, alone (instant navigation may remove it).
    if (text === current && (old || text === dismissed)) return;
    current = text;
    if (old) old.remove();
    var report = text && text !== dismissed ? JSON.parse(text) : { problems: [] };
    if (!report.problems.length) return;
    var box = dialog(report);
    box.addEventListener("close", function () { dismissed = text; box.remove(); });
    document.body.appendChild(box);
    box.showModal(); // modal: focus moves into it, Escape closes it
    box.querySelector("button").focus();
  }

  function read() {
    return fetch(source, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(show, function () { /* the server is restarting: ask again */ });
  }

  function check() {
    read().then(function () { setTimeout(check, POLL_MS); });
  }

  // live-update.js shows a new build without reloading the page: its problems go with it at once.
  window.addEventListener("course-preview-build", read);
  check();
})();
