// While previewing with `make serve`: a save shows in the open page through Material's instant
// navigation instead of a whole reload. MkDocs' live-reload script reloads the page once the site
// was rebuilt, and at a thousand lessons the theme's scripts then take a second to set the whole
// navigation up again; instant navigation fetches the page and swaps it in, as after a click on a
// link, in about half that time. Without instant navigation MkDocs' reload goes on as before.
(function () {
  "use strict";
  if (window.coursePreviewLiveUpdate) return; // instant navigation may run the page's scripts again
  window.coursePreviewLiveUpdate = true;

  var LIVERELOAD = /^\/livereload\/([0-9]+)\/([0-9]+)$/;
  var open = XMLHttpRequest.prototype.open;
  var epoch = null; // the build the page shows, once this script polls instead of MkDocs' own

  function instant() {
    var config = document.getElementById("__config");
    var features = config ? JSON.parse(config.textContent).features || [] : [];
    return Boolean(window.location$ && window.document$) && features.indexOf("navigation.instant") >= 0;
  }

  // Material fetches a page again only for an address whose path differs from the last one it was
  // sent, so the same page is asked for as "lesson/" and "lesson/index.html" in turn (one file,
  // and its relative links resolve the same). Addresses ending in ".html" have no second spelling:
  // those pages reload as before.
  var sent = location.pathname;
  if (window.location$) window.location$.subscribe(function (url) { sent = url.pathname; });

  function otherSpelling(path) {
    if (/\/$/.test(path)) return path + "index.html";
    if (/\/index\.html$/.test(path)) return path.replace(/index\.html$/, "");
    return null;
  }

  function update() {
    var path = location.pathname;
    var ask = path === sent ? otherSpelling(path) : path;
    if (ask === null) return location.reload();
    var top = window.scrollY;
    var swapped = false; // document$ replays the page shown now at once: wait for the new one
    var once = window.document$.subscribe(function () {
      if (!swapped) return;
      once.unsubscribe();
      setTimeout(function () { window.scrollTo(0, top); }, 0); // after Material's scroll to the top
      window.dispatchEvent(new Event("course-preview-build")); // overlay.js: this build's problems
    });
    swapped = true;
    window.location$.next(new URL(ask + location.search + location.hash, location.href));
  }

  // Ask the server for the next build, as MkDocs' script does, from the build the page now shows.
  function poll(id) {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      var built = parseFloat(this.responseText);
      if (this.status === 200 && built > epoch) {
        epoch = built;
        update();
      }
      setTimeout(function () { poll(id); }, this.status === 200 ? 0 : 3000);
    };
    open.call(request, "GET", "/livereload/" + epoch + "/" + id);
    request.send();
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    var match = LIVERELOAD.exec(String(url));
    if (match && instant()) {
      var request = this;
      var reload = request.onloadend;
      request.onloadend = function () {
        if (epoch !== null) return; // this script polls now: MkDocs' own loop ends here
        var built = parseFloat(this.responseText);
        if (this.status !== 200 || !(built > parseFloat(match[1]))) return reload.apply(request, arguments);
        epoch = built;
        update();
        poll(match[2]);
      };
    }
    return open.apply(this, arguments);
  };
})();
