// Convene check-in: filters the list as the organiser types and ticks people without a reload.
// Without it the search form and the per-person forms work as plain HTML.
(function () {
  "use strict";
  var list = document.getElementById("checkin-list");
  var q = document.getElementById("q");
  var none = document.getElementById("checkin-nomatch");
  if (!list || !window.fetch) { return; }

  var letters = { "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h" };
  var marks = /[\u0300-\u036f]/g;
  try { marks = new RegExp("\\p{Mn}", "gu"); } catch (e) { /* an older engine: the common marks only */ }

  // fold is the server's textfold.Fold, which data-search is folded with: lower case, accents
  // dropped, ß as ss, ø as o…, so "muller" finds Müller.
  function fold(s) {
    s = s.toLowerCase();
    if (s.normalize) { s = s.normalize("NFD").replace(marks, ""); }
    return s.replace(/[ßøłđðþæœıħ]/g, function (c) { return letters[c]; });
  }

  function filter() {
    var words = fold(q.value).trim().split(/\s+/).filter(Boolean);
    var shown = 0;
    list.querySelectorAll("li.door-person").forEach(function (li) {
      var hay = fold(li.getAttribute("data-search") || "");
      var ok = words.every(function (w) { return hay.indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) { shown++; }
    });
    if (none) { none.hidden = shown > 0; }
  }

  function show(form, entry, counter) {
    var li = form.closest("li");
    var btn = form.querySelector("button.tick");
    var undo = form.querySelector("input[name=undo]");
    li.classList.toggle("in", entry.checked_in);
    btn.classList.toggle("done", entry.checked_in);
    btn.setAttribute("aria-pressed", String(entry.checked_in));
    btn.firstChild.nodeValue = entry.checked_in ? "✓ " + btn.getAttribute("data-out") : btn.getAttribute("data-in");
    if (entry.checked_in && !undo) {
      undo = document.createElement("input");
      undo.type = "hidden"; undo.name = "undo"; undo.value = "1";
      form.appendChild(undo);
    } else if (!entry.checked_in && undo) {
      undo.remove();
    }
    document.getElementById("count-invited").textContent = counter.invited;
    document.getElementById("count-others").textContent = counter.others;
    document.getElementById("count-others-part").hidden = !counter.others;
    document.getElementById("count-walk-ins").textContent = counter.walk_ins;
    document.getElementById("count-walk-ins-part").hidden = !counter.walk_ins;
    document.getElementById("count-speakers").textContent = counter.speakers;
    document.getElementById("count-speakers-part").hidden = !counter.speakers;
  }

  function tick(ev) {
    var form = ev.target.closest("form.door-tick");
    if (!form) { return; }
    ev.preventDefault();
    var btn = form.querySelector("button.tick");
    btn.disabled = true;
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "Accept": "application/json" } })
      .then(function (res) { return res.ok ? res.json() : Promise.reject(res.status); })
      .then(function (body) { show(form, body.items[0], body.counter); btn.disabled = false; })
      .catch(function () { btn.disabled = false; form.submit(); });
  }

  if (q) { q.addEventListener("input", filter); }
  list.addEventListener("submit", tick);
}());
