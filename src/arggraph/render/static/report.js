/* The report's own behaviour: printing with every map. Maps draw lazily while the
 * reader scrolls; each drawn map leaves a picture of itself that only print shows, and
 * "Print with every map" opens every part, draws every map, then prints.
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

  function watch() {
    // snapshot each map once it is drawn, so printing later shows it
    var observer = new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        var section = change.target;
        if (section.getAttribute("data-state") === "ready") {
          window.requestAnimationFrame(function () { snapshot(section); });
        }
      });
    });
    sections().forEach(function (section) {
      observer.observe(section, { attributes: true, attributeFilter: ["data-state"] });
    });
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
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details").forEach(function (d) { d.open = true; });
      sections().forEach(snapshot);
    });
  }

  window.arggraphReport = { prepareForPrint: prepareForPrint };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
