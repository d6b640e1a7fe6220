// Autosave of a draft answer: POST the form on change with its version number.
// The server answers 409 with both versions when someone saved in between; then
// the expert is offered the conflict screen instead of silently overwriting.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var status = form.querySelector(".autosave-status");
  var timer = null;
  function say(text) { if (status) status.textContent = text; }
  function save() {
    var data = new FormData(form);
    form.querySelectorAll("input[type=file]").forEach(function (f) { data.delete(f.name); });
    fetch(form.action, {
      method: "POST",
      body: data,
      headers: { "X-Autosave": "1" },
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    }).then(function (res) {
      if (res.status === 200) {
        form.querySelector("input[name=version]").value = res.body.version;
        say(form.dataset.savedText || "Saved");
        form.dataset.saved = res.body.version;
      } else if (res.status === 409) {
        say(form.dataset.conflictText || "Conflict: someone else saved this answer.");
        form.dataset.conflict = "1";
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = form.dataset.compareText || "Compare both versions";
        button.addEventListener("click", function () { form.submit(); });
        status.appendChild(document.createTextNode(" "));
        status.appendChild(button);
      } else {
        say(res.body.error || "Not saved");
      }
    }).catch(function () { say(form.dataset.offlineText || "Not saved (offline?)"); });
  }
  function later() {
    if (form.dataset.conflict) return;
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
})();
