/* The report's own behaviour: links that open the parts they point into, and printing
 * with every map. Maps draw lazily while the reader opens and scrolls; when printing,
 * every drawn map becomes a picture that only print shows (a canvas does not print
 * reliably), and "Print with every map" first opens every part and draws every map.
 * window.arggraphReport.prepareForPrint() does the same without printing (tests). */
(function () {
  "use strict";

  function snapshot(section) {
    var canvas = section.querySelector(".ag-canvas canvas");
    if (!canvas || !canvas.width || !canvas.height) return false;
    var img = section.querySelector("img.ag-print-snapshot");
    if (!img) {
      img = document.createElement("img");
      img.className = "ag-print-snapshot";
      img.alt = section.getAttribute("aria-label") || "Map";
      section.appendChild(img);
    }
    img.src = canvas.toDataURL("image/png");
    return true;
  }

  function whenReady(section) {
    return new Promise(function (resolve) {
      var waited = 0;
      (function poll() {
        if (section.getAttribute("data-state") === "ready" || waited > 30000) {
          // one more frame so the last drawing is on the canvas
          window.requestAnimationFrame(function () { resolve(section); });
          return;
        }
        waited += 50;
        window.setTimeout(poll, 50);
      })();
    });
  }

  function sections() {
    return Array.prototype.slice.call(document.querySelectorAll("section.ag-view"));
  }

  function prepareForPrint() {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    if (window.arggraph && window.arggraph.initAll) window.arggraph.initAll();
    return Promise.all(sections().map(whenReady)).then(function (all) {
      return all.filter(snapshot).length;
    });
  }

  function reveal(id) {
    // open every collapsed part around a link's target, so the link lands on it
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView();
  }

  function watch() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href^='#']");
      if (!link) return;
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      window.setTimeout(function () { reveal(id); }, 0);
    });
    window.addEventListener("hashchange", function () {
      reveal(decodeURIComponent(location.hash.slice(1)));
    });
    if (location.hash) reveal(decodeURIComponent(location.hash.slice(1)));
    var button = document.querySelector("button.ag-print");
    if (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        button.textContent = "Drawing every map…";
        prepareForPrint().then(function () {
          button.disabled = false;
          button.textContent = "Print with every map";
          window.print();
        });
      });
    }
    // a map drawn while its part was closed is redrawn at its size when the part opens
    document.querySelectorAll("details").forEach(function (d) {
      d.addEventListener("toggle", function () {
        if (!d.open || !window.arggraph) return;
        d.querySelectorAll("section.ag-view[data-state='ready']").forEach(function (section) {
          var view = window.arggraph.views[section.getAttribute("data-key")];
          if (view && view.network) {
            view.network.redraw();
            view.network.fit();
          }
        });
      });
    });
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details").forEach(function (d) { d.open = true; });
      sections().forEach(snapshot);
    });
  }

  window.arggraphReport = { prepareForPrint: prepareForPrint };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
