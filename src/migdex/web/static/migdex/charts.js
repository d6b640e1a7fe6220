// Render every chart on the page with vega-embed (served locally; see explorer.assets).
(function () {
  "use strict";
  function render() {
    if (typeof window.vegaEmbed !== "function") { return; }
    var labels = document.getElementById("chart-labels");
    var i18n = labels ? JSON.parse(labels.textContent) : {};
    document.querySelectorAll("[data-chart-spec]").forEach(function (el) {
      var source = document.getElementById(el.getAttribute("data-chart-spec"));
      if (!source) { return; }
      var spec = JSON.parse(source.textContent);
      window.vegaEmbed(el, spec, {
        renderer: "svg",
        actions: { export: true, source: false, compiled: false, editor: false },
        downloadFileName: el.getAttribute("data-filename") || "chart",
        i18n: i18n
      }).then(function () {
        el.setAttribute("data-rendered", "1");
      }).catch(function (err) {
        el.setAttribute("data-error", String(err));
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
