// On a phone, list tables stack each row's cells (convene.css hides the header row); this gives
// every cell its column's name as data-label, which the stacked view shows before the value.
document.querySelectorAll("table.list").forEach(function (table) {
  var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    var hidden = th.querySelector(".sr"); // a column named for screen readers only: no label
    return hidden && hidden.textContent.trim() === th.textContent.trim() ? "" : th.textContent.trim();
  });
  table.querySelectorAll("tbody tr").forEach(function (tr) {
    Array.prototype.forEach.call(tr.children, function (cell, i) {
      if (names[i] && !cell.hasAttribute("data-label") && cell.textContent.trim() !== "") {
        cell.setAttribute("data-label", names[i]);
      }
    });
  });
});
