/* The interface's words in the course's language, for every page script: `CourseText.t("Saved")`,
 * `CourseText.tn("%(num)s answer", "%(num)s answers", count)`; core.js gives them as Course.t and
 * Course.tn. The texts come from assets/course/messages.js, which the generator writes from the
 * language's catalogue (generator/catalogue.py); a text it lacks stays in English.
 * Values are named as in the catalogue: t("Lesson %(number)s of %(total)s", {number: 2, total: 6});
 * a value that is a number is written as the course's language writes numbers (1,234 / 1.234).
 */
(function () {
  "use strict";

  function messages() {
    return window.CourseMessages || { texts: {}, plural: function (n) { return n === 1 ? 0 : 1; } };
  }

  function language() { return messages().language || "en"; }

  // The tag numbers, dates and lists are written in: the course's English is British ("2 December
  // 2026", "A, B and C"), as it always was.
  function locale() { return language() === "en" ? "en-GB" : language(); }

  function number(value) { return Number(value).toLocaleString(locale()); }

  // A day as the course's language writes it: "2 December 2026", "2 de diciembre de 2026".
  function date(day) {
    return (day || new Date()).toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric" });
  }

  // ["3 answers", "1 lesson"] -> "3 answers and 1 lesson", in the course's language.
  function list(items) {
    if (window.Intl && Intl.ListFormat) return new Intl.ListFormat(locale(), { type: "conjunction" }).format(items);
    return items.join(", ");
  }

  function format(text, values) {
    if (!values) return text;
    return text.replace(/%\((\w+)\)[sd]|%%/g, function (match, name) {
      if (!name) return "%";
      return typeof values[name] === "number" ? number(values[name]) : String(values[name]);
    });
  }

  function t(text, values) {
    var found = messages().texts[text];
    return format(typeof found === "string" && found ? found : text, values);
  }

  function tn(singular, plural, count, values) {
    var forms = messages().texts[singular];
    var chosen = Array.isArray(forms) ? forms[messages().plural(count)] : null;
    var all = { num: count };
    Object.keys(values || {}).forEach(function (name) { all[name] = values[name]; });
    return format(chosen || (count === 1 ? singular : plural), all);
  }

  // Built pages say a right-to-left direction on <html> (the generator writes it; the themes put it on
  // <body> only); Zensical's preview serves its own pages, so the root gets it here.
  if (messages().direction === "rtl") document.documentElement.dir = "rtl";

  window.CourseText = { t: t, tn: tn, language: language, number: number, date: date, list: list };
})();
