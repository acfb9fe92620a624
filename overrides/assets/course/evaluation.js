/* The course evaluation's page: its saved answers as a text file to download, and, when the course
 * names an instructor, as an email the learner's own mail program opens, filled in. The page sends
 * nothing itself; the link is rebuilt whenever an answer is saved. */
(function () {
  "use strict";
  var C = window.Course;
  var all = C.all;
  var isEmptyAnswer = C.isEmptyAnswer;
  var t = C.t;
  // Mail programs cut long mailto: links; beyond this the email says to attach the downloaded file.
  var MAX_MAILTO = 1800;

  function evaluationText(box) {
    var data = CourseStore.load();
    var section = box.querySelector(".course-my-work-worksheet");
    var lines = [box.dataset.title + ": " + box.dataset.courseTitle, ""];
    all(".course-my-work-prompt", section).forEach(function (prompt) {
      lines.push(prompt.querySelector(".course-my-work-label").textContent.trim());
      var value = data.answers[section.dataset.worksheet + "/" + prompt.dataset.prompt];
      // Written answers as typed: an email is plain text, not Markdown.
      var answer = isEmptyAnswer(value) ? [t("(not answered)")]
        : typeof value === "string" ? [value] : C.myWork.answerMarkdown(prompt, value);
      lines = lines.concat(answer, [""]);
    });
    return lines.join("\n").replace(/\n+$/, "\n");
  }

  function mailto(link, text) {
    var address = link.getAttribute("href").split("?")[0];
    var subject = link.dataset.subject;
    var body = text;
    if (encodeURIComponent(body).length > MAX_MAILTO) {
      body = t("My evaluation is too long for this email: I attach it as the file I downloaded from the course.") + "\n";
    }
    link.href = address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
  }

  function setUp(box) {
    var actions = box.querySelector("[data-evaluation-actions]");
    var status = actions.querySelector(".course-my-work-status");
    var email = actions.querySelector('[data-action="email-evaluation"]');
    actions.hidden = false;
    actions.querySelector('[data-action="download-evaluation"]').addEventListener("click", function () {
      // TRANSLATORS: the name of the course evaluation's file: letters, digits and hyphens only.
      C.download(t("%(course)s-evaluation.txt", { course: CourseStore.courseId() }), "text/plain", evaluationText(box));
      status.textContent = t("Downloaded your evaluation as a text file.");
    });
    if (!email) return;
    email.dataset.subject = decodeURIComponent(email.getAttribute("href").split("?subject=")[1] || "");
    var refresh = function () { if (document.body.contains(email)) mailto(email, evaluationText(box)); };
    refresh();
    CourseStore.onChange(refresh);
    // Opening the link must carry what was typed last, even before the save of the last keystroke.
    email.addEventListener("focus", refresh);
  }

  C.onPage(function () {
    var box = document.querySelector("[data-course-evaluation]");
    if (box) setUp(box);
  });
})();
