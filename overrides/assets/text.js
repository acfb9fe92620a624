/* The interface's words in the course's language, for every page script: `CourseText.t("Saved")`,
 * `CourseText.tn("%(num)s answer", "%(num)s answers", count)`; core.js gives them as Course.t and
 * Course.tn. The texts come from assets/course/messages.js, which the generator writes from the
 * language's catalogue (generator/catalogue.py); a text it lacks stays in English.
 * Values are named as in the catalogue: t("Lesson %(number)s of %(total)s", {number: 2, total: 6}).
 */
(function () {
  "use strict";

  function messages() {
    return window.CourseMessages || { texts: {}, plural: function (n) { return n === 1 ? 0 : 1; } };
  }

  function format(text, values) {
    if (!values) return text;
    return text.replace(/%\((\w+)\)[sd]|%%/g, function (match, name) {
      return name ? String(values[name]) : "%";
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

  window.CourseText = { t: t, tn: tn, language: function () { return messages().language || "en"; } };
})();
