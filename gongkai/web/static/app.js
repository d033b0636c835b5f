// Keyboard shortcuts of the review UI. Not active while typing in a field.
// Queue: j / k move the selection, Enter opens it. Document: c confirms, x goes to the change form,
// r goes to the return form, Escape leaves a field.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.queue-row"));
  var selected = rows.length ? 0 : -1;
  function mark() {
    rows.forEach(function (r, i) { r.classList.toggle("selected", i === selected); });
  }
  mark();
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && typing(e)) { e.target.blur(); return; }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (rows.length) {
      if (e.key === "j") { selected = Math.min(rows.length - 1, selected + 1); mark(); e.preventDefault(); return; }
      if (e.key === "k") { selected = Math.max(0, selected - 1); mark(); e.preventDefault(); return; }
      if (e.key === "Enter" && selected >= 0) { window.location.href = rows[selected].dataset.href; e.preventDefault(); return; }
    }
    var confirmForm = document.getElementById("confirm-form");
    if (e.key === "c" && confirmForm) { e.preventDefault(); confirmForm.submit(); return; }
    if (e.key === "x" && document.getElementById("change-reason")) { e.preventDefault(); document.getElementById("change-reason").focus(); return; }
    if (e.key === "r" && document.getElementById("return-reason")) { e.preventDefault(); document.getElementById("return-reason").focus(); }
  });
})();
