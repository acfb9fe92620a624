/* The learner's side of the course: exercises that answer back, worksheets that save as the learner
 * types, lessons marked complete, progress, and the "My work" page. All saved state goes through
 * CourseStore (store.js).
 *
 * Material's instant navigation swaps pages without reloading scripts, so every page is set up from
 * its `document$` observable; the markup works without this script, which only enhances it.
 */
(function () {
  "use strict";

  // The site root, from this script's own address (assets/course.js): correct on any host and port.
  var SCRIPT = document.currentScript;
  var SITE_ROOT = new URL("..", SCRIPT ? SCRIPT.src : location.href);
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

  /* ---------------------------------------------------------------- exercises */

  function setUpChoice(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var multiple = exercise.dataset.type === "multiple_choice";
    var answers = readJson(form.dataset.answers, []);
    var inputs = all("input", form);
    var feedback = form.querySelector(".course-exercise-feedback");
    var retry = form.querySelector('[data-action="retry"]');
    var reveal = form.querySelector('[data-action="reveal"]');
    form.querySelector(".course-exercise-actions").hidden = false;

    function chosen() {
      return inputs.filter(function (input) { return input.checked; })
        .map(function (input) { return Number(input.value); });
    }

    function letter(number) { return String.fromCharCode(64 + number); }

    function mark(numbers, className) {
      inputs.forEach(function (input) {
        input.closest(".course-option").classList.toggle(className, numbers.indexOf(Number(input.value)) >= 0);
      });
    }

    function clearMarks() {
      ["course-option--right", "course-option--wrong", "course-option--answer"].forEach(function (name) { mark([], name); });
    }

    function show(title, items, tone) {
      feedback.className = "course-exercise-feedback course-exercise-feedback--" + tone;
      feedback.innerHTML = "";
      feedback.appendChild(element("p", { "class": "course-feedback-title" }, title));
      items.forEach(function (number) {
        var answer = answers[number - 1];
        var item = element("div", { "class": "course-feedback-item" });
        var heading = letter(number) + ". " + (answer.rating || (answer.correct ? "Correct" : "Not the best choice"));
        item.appendChild(element("p", { "class": "course-feedback-option" }, heading));
        item.insertAdjacentHTML("beforeend", answer.feedback);
        feedback.appendChild(item);
      });
    }

    function check(save) {
      var picked = chosen();
      if (!picked.length) {
        show(multiple ? "Choose at least one answer first." : "Choose an answer first.", [], "neutral");
        return;
      }
      var right = picked.filter(function (n) { return answers[n - 1].correct; });
      var wrong = picked.filter(function (n) { return !answers[n - 1].correct; });
      var expected = answers.filter(function (answer) { return answer.correct; }).length;
      var title;
      var tone;
      if (!wrong.length && right.length === expected) {
        title = multiple ? "Correct: you chose every right answer." : "Correct.";
        tone = "right";
      } else if (multiple && !wrong.length) {
        title = "Right so far: " + right.length + " of " + expected + " right answers chosen. There is more.";
        tone = "partial";
      } else if (multiple) {
        title = "Not quite: " + wrong.length + (wrong.length > 1 ? " of your choices are" : " of your choices is") +
          " not right. Read why, then try again.";
        tone = "wrong";
      } else {
        title = "Not the best choice. Read why, then try again.";
        tone = "wrong";
      }
      clearMarks();
      mark(right, "course-option--right");
      mark(wrong, "course-option--wrong");
      show(title, picked, tone);
      retry.hidden = false;
      if (save) trySave(function () { CourseStore.setExercise(exerciseId, multiple ? picked : picked[0]); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(true);
    });
    retry.addEventListener("click", function () {
      inputs.forEach(function (input) { input.checked = false; });
      clearMarks();
      feedback.innerHTML = "";
      retry.hidden = true;
      inputs[0].focus();
    });
    reveal.addEventListener("click", function () {
      var correct = [];
      answers.forEach(function (answer, index) { if (answer.correct) correct.push(index + 1); });
      clearMarks();
      mark(correct, "course-option--answer");
      var letters = correct.map(letter).join(", ");
      show((correct.length > 1 ? "The right answers are " : "The best answer is ") + letters + ".", correct, "reveal");
      retry.hidden = false;
    });

    var saved = CourseStore.getExercise(exerciseId);
    if (saved !== undefined) {
      // An option saved before the exercise lost options no longer exists: ignore it.
      var numbers = (Array.isArray(saved) ? saved : [saved]).filter(function (n) { return n >= 1 && n <= answers.length; });
      inputs.forEach(function (input) { input.checked = numbers.indexOf(Number(input.value)) >= 0; });
      if (chosen().length) check(false);
    }
  }

  function setUpShortAnswer(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var field = form.querySelector("textarea");
    var feedback = form.querySelector(".course-exercise-feedback");
    var details = exercise.querySelector("details");
    form.querySelector(".course-exercise-actions").hidden = false;

    var saved = CourseStore.getExercise(exerciseId);
    if (typeof saved === "string") field.value = saved;
    field.addEventListener("input", function () {
      var ok = trySave(function () { CourseStore.setExercise(exerciseId, field.value); });
      setStatus(feedback, ok ? "" : "Your answer could not be saved in this browser.");
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!field.value.trim()) {
        setStatus(feedback, "Write your answer first, then compare it with the model answer.");
        field.focus();
        return;
      }
      if (details) {
        details.open = true;
        details.scrollIntoView({ block: "nearest" });
      }
      setStatus(feedback, "The model answer is open below your answer. What did you include, and what did you miss?");
    });
  }

  function setUpSelfAssessment(form) {
    var exercise = form.closest(".course-exercise");
    var exerciseId = exercise.dataset.exercise;
    var low = Number(form.dataset.min);
    var high = Number(form.dataset.max);
    var bands = readJson(form.dataset.bands, []);
    var statements = all(".course-rating", form);
    var result = form.querySelector(".course-exercise-feedback");

    function ratings() {
      var values = {};
      statements.forEach(function (fieldset) {
        var checked = fieldset.querySelector("input:checked");
        if (checked) values[fieldset.dataset.statement] = Number(checked.value);
      });
      return values;
    }

    function update() {
      var values = ratings();
      var total = 0;
      var rated = 0;
      statements.forEach(function (fieldset) {
        var value = values[fieldset.dataset.statement];
        if (value === undefined) return;
        rated += 1;
        total += fieldset.hasAttribute("data-reverse") ? low + high - value : value;
      });
      result.innerHTML = "";
      if (!rated) return;
      if (rated < statements.length) {
        result.className = "course-exercise-feedback course-exercise-feedback--neutral";
        result.appendChild(element("p", { "class": "course-feedback-title" },
          "Total so far: " + total + " (" + rated + " of " + statements.length + " statements rated)."));
        return;
      }
      var band = bands.filter(function (b) { return total >= b.min && total <= b.max; })[0];
      result.className = "course-exercise-feedback course-exercise-feedback--reveal";
      result.appendChild(element("p", { "class": "course-feedback-title" },
        "Your total: " + total + (band ? ". " + band.label + "." : ".")));
      if (band) result.insertAdjacentHTML("beforeend", band.feedback);
    }

    var saved = CourseStore.getExercise(exerciseId);
    if (saved && typeof saved === "object" && !Array.isArray(saved)) {
      statements.forEach(function (fieldset) {
        var value = saved[fieldset.dataset.statement];
        all("input", fieldset).forEach(function (input) { input.checked = Number(input.value) === value; });
      });
    }
    update();
    form.addEventListener("change", function () {
      trySave(function () { CourseStore.setExercise(exerciseId, ratings()); });
      update();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* ---------------------------------------------------------------- worksheets */

  function readPrompt(prompt) {
    var type = prompt.dataset.type;
    if (type === "text") return prompt.querySelector("textarea").value;
    if (type === "scale") {
      var checked = prompt.querySelector("input:checked");
      return checked ? Number(checked.value) : undefined;
    }
    if (type === "checklist") {
      return all("input:checked", prompt).map(function (input) { return Number(input.value); });
    }
    if (type === "table") {
      var cells = {};
      all("textarea", prompt).forEach(function (cell) {
        if (cell.value) cells[cell.dataset.row + "-" + cell.dataset.column] = cell.value;
      });
      return cells;
    }
    return undefined;
  }

  function fillPrompt(prompt, value) {
    var type = prompt.dataset.type;
    if (value === undefined || value === null) return;
    if (type === "text" && typeof value === "string") prompt.querySelector("textarea").value = value;
    if (type === "scale") {
      all("input", prompt).forEach(function (input) { input.checked = Number(input.value) === value; });
    }
    if (type === "checklist" && Array.isArray(value)) {
      all("input", prompt).forEach(function (input) { input.checked = value.indexOf(Number(input.value)) >= 0; });
    }
    if (type === "table" && typeof value === "object") {
      all("textarea", prompt).forEach(function (cell) {
        var text = value[cell.dataset.row + "-" + cell.dataset.column];
        if (typeof text === "string") cell.value = text;
      });
    }
  }

  function isEmptyAnswer(value) {
    if (value === undefined || value === "") return true;
    if (Array.isArray(value)) return value.length === 0;
    return typeof value === "object" && Object.keys(value).length === 0;
  }

  function setUpWorksheet(sheet) {
    var worksheetId = sheet.dataset.worksheet;
    var notice = element("p", { "class": "course-save-notice" });
    sheet.parentNode.insertBefore(notice, sheet);
    var saved = CourseStore.load().answers;
    var restored = 0;
    all(".course-prompt[data-prompt]", sheet).forEach(function (prompt) {
      var value = saved[worksheetId + "/" + prompt.dataset.prompt];
      if (!isEmptyAnswer(value)) restored += 1;
      fillPrompt(prompt, value);
      // Each prompt says "Saved" next to itself, where the learner is looking.
      var status = element("p", { "class": "course-save-status", role: "status" });
      prompt.appendChild(status);
      var onChange = function () {
        var answer = readPrompt(prompt);
        var ok = trySave(function () {
          if (isEmptyAnswer(answer)) CourseStore.removeAnswer(worksheetId, prompt.dataset.prompt);
          else CourseStore.setAnswer(worksheetId, prompt.dataset.prompt, answer);
        });
        status.classList.toggle("course-save-status--error", !ok);
        setStatus(status, ok ? "Saved" : "Not saved: this browser does not let the course store your answers.");
      };
      prompt.addEventListener("input", onChange);
      prompt.addEventListener("change", onChange);
    });
    notice.textContent = restored ? "Your saved answers are filled in. Changes save in this browser as you type."
      : "Your answers save in this browser as you type. Find them all on the My work page.";
  }

  /* ---------------------------------------------------------------- progress */

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
        note.appendChild(element("span", { "class": "course-visually-hidden" }, " (complete)"));
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
                         "Mark lesson complete");
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
        setStatus(status, "Could not save: this browser does not allow the course to store progress.");
        return;
      }
      render();
      setStatus(status, complete ? "This lesson is marked complete. Press the button again to undo."
        : "This lesson is no longer marked complete.");
      courseMap().then(function (map) { if (map) markNavigation(map); });
    });
    if (render()) setStatus(status, "This lesson is marked complete.");
    box.appendChild(button);
    box.appendChild(status);
    article.appendChild(box);
  }

  function progressBar(done, total, label) {
    var wrap = element("div", { "class": "course-progress-row" });
    var text = done + " of " + total + " lessons complete";
    var bar = element("progress", { max: String(total), value: String(done), "aria-label": label + ": " + text });
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
      box.appendChild(element("h2", { id: "your-progress" }, "Your progress"));
      var target = continueTarget(map);
      var lead = element("p", { "class": "course-continue" });
      if (target) {
        lead.appendChild(document.createTextNode(target.resume ? "Continue where you left off: " : "Start here: "));
        lead.appendChild(element("a", { href: pageHref(target.entry.lesson.path), "class": "course-continue-link" },
          target.entry.lesson.title));
      } else {
        lead.textContent = "You have completed every lesson. Well done.";
      }
      box.appendChild(lead);
    }
    var everything = lessons(map);
    var finished = everything.filter(function (entry) { return isDone(entry.lesson); }).length;
    box.appendChild(element("p", { "class": "course-progress-title" }, "Whole course"));
    box.appendChild(progressBar(finished, everything.length, "Whole course"));
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

  /* ---------------------------------------------------------------- My work */

  function describeAnswer(prompt, value) {
    // A prompt's answer as readable lines, using the labels the course gives the prompt.
    var type = prompt ? prompt.dataset.type : null;
    if (type === "checklist" && Array.isArray(value)) {
      var items = readJson(prompt.dataset.items, []);
      return { list: items.map(function (item, index) {
        return { html: item, checked: value.indexOf(index + 1) >= 0 };
      }) };
    }
    if (type === "scale" && typeof value === "number") {
      var text = value + " on a scale from " + prompt.dataset.min +
        (prompt.dataset.minLabel ? " (" + prompt.dataset.minLabel + ")" : "") + " to " + prompt.dataset.max +
        (prompt.dataset.maxLabel ? " (" + prompt.dataset.maxLabel + ")" : "");
      return { text: text };
    }
    if (type === "table" && value && typeof value === "object" && !Array.isArray(value)) {
      var columns = readJson(prompt.dataset.columns, []);
      var rows = {};
      Object.keys(value).forEach(function (cell) { rows[cell.split("-")[0]] = true; });
      var rowNumbers = Object.keys(rows).map(Number).sort(function (a, b) { return a - b; });
      return { table: { columns: columns, rows: rowNumbers.map(function (row) {
        return columns.map(function (column, index) { return value[row + "-" + (index + 1)] || ""; });
      }) } };
    }
    if (typeof value === "string") return { text: value };
    return { text: JSON.stringify(value) };
  }

  function answerNode(description) {
    if (description.list) {
      var list = element("ul", { "class": "course-my-work-checklist" });
      description.list.forEach(function (item) {
        var li = element("li", { "class": item.checked ? "course-checked" : "course-unchecked" });
        li.appendChild(element("span", { "class": "course-visually-hidden" }, item.checked ? "Ticked: " : "Not ticked: "));
        var label = element("span");
        label.innerHTML = item.html;
        li.appendChild(label);
        list.appendChild(li);
      });
      return list;
    }
    if (description.table) {
      var table = element("table");
      var head = element("tr");
      description.table.columns.forEach(function (column) { head.appendChild(element("th", { scope: "col" }, column)); });
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      description.table.rows.forEach(function (row) {
        var tr = body.appendChild(element("tr"));
        row.forEach(function (cell) { tr.appendChild(element("td", {}, cell)); });
      });
      return table;
    }
    return element("p", { "class": "course-my-work-text" }, description.text);
  }

  function renderMyWork(root) {
    var data = CourseStore.load();
    var known = {};
    all(".course-my-work-worksheet", root).forEach(function (section) {
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var answerKey = section.dataset.worksheet + "/" + prompt.dataset.prompt;
        known[answerKey] = true;
        var slot = prompt.querySelector(".course-my-work-answer");
        slot.innerHTML = "";
        var value = data.answers[answerKey];
        if (isEmptyAnswer(value)) slot.appendChild(element("p", { "class": "course-my-work-empty" }, "Not answered yet."));
        else slot.appendChild(answerNode(describeAnswer(prompt, value)));
      });
    });
    var orphans = root.querySelector("[data-course-orphans]");
    orphans.innerHTML = "";
    var orphanKeys = Object.keys(data.answers).filter(function (answerKey) { return !known[answerKey]; }).sort();
    if (orphanKeys.length) {
      orphans.appendChild(element("h3", { id: "answers-to-removed-prompts" }, "Answers to prompts no longer in the course"));
      orphans.appendChild(element("p", {}, "These answers belong to prompts that have since been removed or renamed. " +
        "They stay saved here and are included when you export."));
    }
    orphanKeys.forEach(function (answerKey) {
      var item = element("div", { "class": "course-my-work-prompt" });
      item.appendChild(element("p", { "class": "course-my-work-label" }, answerKey));
      item.appendChild(answerNode(describeAnswer(null, data.answers[answerKey])));
      orphans.appendChild(item);
    });
    orphans.hidden = orphanKeys.length === 0;
  }

  function download(filename, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = element("a", { href: url, download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function markdownExport(root, map) {
    var data = CourseStore.load();
    var lines = ["# My work: " + (map && map.title ? map.title : CourseStore.courseId()), "",
                 "Exported on " + new Date().toISOString().slice(0, 10) + ".", ""];
    if (map) {
      lines.push("## Progress", "");
      lessons(map).forEach(function (entry) {
        var done = data.progress[entry.lesson.id] && data.progress[entry.lesson.id].complete;
        lines.push("- [" + (done ? "x" : " ") + "] " + entry.module.title + ": " + entry.lesson.title);
      });
      lines.push("");
    }
    var known = {};
    var plain = function (html) { var box = element("div"); box.innerHTML = html; return box.textContent; };
    var writeAnswer = function (prompt, value) {
      var description = describeAnswer(prompt, value);
      if (description.list) {
        description.list.forEach(function (item) { lines.push("- [" + (item.checked ? "x" : " ") + "] " + plain(item.html)); });
      } else if (description.table) {
        var cell = function (text) { return text.replace(/\|/g, "\\|").replace(/\n/g, " "); };
        lines.push("| " + description.table.columns.map(cell).join(" | ") + " |");
        lines.push("|" + description.table.columns.map(function () { return " --- |"; }).join(""));
        description.table.rows.forEach(function (row) { lines.push("| " + row.map(cell).join(" | ") + " |"); });
      } else {
        lines.push(description.text);
      }
      lines.push("");
    };
    all(".course-my-work-worksheet", root).forEach(function (section) {
      lines.push("## " + section.querySelector("h3").firstChild.textContent.trim(), "");
      all(".course-my-work-prompt", section).forEach(function (prompt) {
        var answerKey = section.dataset.worksheet + "/" + prompt.dataset.prompt;
        known[answerKey] = true;
        lines.push("### " + prompt.querySelector(".course-my-work-label").textContent.trim(), "");
        var value = data.answers[answerKey];
        if (isEmptyAnswer(value)) lines.push("*Not answered yet.*", "");
        else writeAnswer(prompt, value);
      });
    });
    var orphanKeys = Object.keys(data.answers).filter(function (answerKey) { return !known[answerKey]; }).sort();
    if (orphanKeys.length) {
      lines.push("## Answers to prompts no longer in the course", "");
      orphanKeys.forEach(function (answerKey) {
        lines.push("### " + answerKey, "");
        writeAnswer(null, data.answers[answerKey]);
      });
    }
    return lines.join("\n").replace(/\n+$/, "\n");
  }

  function setUpMyWork(root) {
    var actions = document.querySelector("[data-course-actions]");
    var status = actions.querySelector(".course-my-work-status");
    var fileInput = actions.querySelector('[data-action="import"]');
    actions.hidden = false;
    renderMyWork(root);

    function say(text, problem) {
      status.classList.toggle("course-my-work-status--error", Boolean(problem));
      status.setAttribute("role", problem ? "alert" : "status");
      status.textContent = text;
    }

    function refresh() {
      renderMyWork(root);
      courseMap().then(function (map) {
        if (!map) return;
        markNavigation(map);
        var box = document.querySelector("[data-course-progress]");
        if (box) renderProgress(box, map, false);
      });
    }

    actions.querySelector('[data-action="export-json"]').addEventListener("click", function () {
      download(CourseStore.courseId() + "-my-work.json", "application/json",
        JSON.stringify(CourseStore.exportRecord(), null, 2) + "\n");
      say("Exported your work as a JSON file.");
    });
    actions.querySelector('[data-action="export-markdown"]').addEventListener("click", function () {
      courseMap().then(function (map) {
        download(CourseStore.courseId() + "-my-work.md", "text/markdown", markdownExport(root, map));
        say("Exported your work as a Markdown file.");
      });
    });
    fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = readJson(text, undefined);
        var problem = data === undefined ? "This file is not a course export: it is not JSON." : CourseStore.importRecord(data);
        fileInput.value = "";
        if (problem) {
          say("Nothing was imported. " + problem, true);
          return;
        }
        refresh();
        say("Imported " + Object.keys(data.answers).length + " answers and the progress of " +
            Object.keys(data.progress).length + " lessons from " + file.name + ".");
      });
    });
    actions.querySelector('[data-action="clear"]').addEventListener("click", function () {
      if (!window.confirm("Clear all your answers and progress in this course from this browser? " +
                          "This cannot be undone; export your work first to keep a copy.")) {
        say("Nothing was cleared.");
        return;
      }
      CourseStore.clear();
      refresh();
      say("All your work in this course was cleared from this browser.");
    });
  }

  /* ---------------------------------------------------------------- set-up of each page */

  function setUpPage() {
    if (!window.CourseStore) return;
    var info = pageInfo();
    all(".course-exercise .course-choice").forEach(setUpChoice);
    all(".course-exercise .course-short-answer").forEach(setUpShortAnswer);
    all(".course-exercise .course-self-assessment").forEach(setUpSelfAssessment);
    all(".course-worksheet[data-worksheet]").forEach(setUpWorksheet);
    var myWork = document.querySelector("[data-course-my-work]");
    if (myWork) setUpMyWork(myWork);
    setUpProgress(info);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }
})();
