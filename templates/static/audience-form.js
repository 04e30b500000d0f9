// Convene: shows an audience's size live while its form is edited. Without it the form still works.
(function () {
  "use strict";
  var form = document.getElementById("audience-form");
  var out = document.getElementById("audience-size");
  var errOut = document.getElementById("audience-size-error");
  if (!form || !out || !window.fetch) { return; }
  var timer = null;
  var seq = 0;
  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (key !== "csrf_token") { params.append(key, value); }
    });
    return params.toString();
  }
  function refresh() {
    var mine = ++seq;
    fetch("/audiences/preview?" + query(), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (res) { return res.ok ? res.json() : Promise.reject(res.status); })
      .then(function (body) {
        if (mine !== seq) { return; }
        out.textContent = String(body.size);
        var msgs = body.errors ? Object.keys(body.errors).map(function (k) { return body.errors[k]; }) : [];
        errOut.textContent = msgs.join(" ");
        form.setAttribute("data-preview", String(mine));
      })
      .catch(function () { if (mine === seq) { out.textContent = "?"; } });
  }
  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(refresh, 250);
  }
  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
}());
