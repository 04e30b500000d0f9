// Convene: refreshes the invitation counts (queued / sent / failed) every two seconds while
// some mails are still queued, so a large send can be watched without reloading the page.
(function () {
  "use strict";
  var box = document.getElementById("invite-counts");
  if (!box || !window.fetch) { return; }
  var url = box.getAttribute("data-progress");

  function set(id, n) {
    var el = document.getElementById(id);
    if (el) { el.textContent = String(n || 0); }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (!c) { return; }
        set("invite-queued", c.queued);
        set("invite-sent", c.sent);
        set("invite-failed", c.failed);
        if (c.queued > 0) { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  if (Number(document.getElementById("invite-queued").textContent) > 0) { window.setTimeout(poll, 2000); }
})();
