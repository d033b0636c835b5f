// Keyboard shortcuts of the review UI. Single keys are not active while typing in a field.
// Queue: j / k move the selection, Enter opens it. Document: c confirms, x goes to the change form,
// r goes to the return form, u undoes the last action (while offered), n / p jump to the next / previous piece of evidence (its details are shown
// beside the text, for keyboard and screen-reader users alike), Escape leaves a field, Ctrl+Enter in a
// field submits its form.
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

  // Evidence: every highlighted piece becomes focusable; its tooltip text moves into the detail box.
  var hits = Array.prototype.slice.call(document.querySelectorAll("#text .gk-text mark"));
  var detail = document.getElementById("hit-detail");
  var current = -1;
  hits.forEach(function (m, i) {
    m.tabIndex = -1;
    m.id = "hit-" + i;
    m.dataset.detail = m.getAttribute("title") || "";
    m.addEventListener("focus", function () { show(i); });
  });
  function show(i) {
    if (i < 0 || i >= hits.length) { return; }
    if (current >= 0) { hits[current].classList.remove("current-hit"); }
    current = i;
    var m = hits[i];
    m.classList.add("current-hit");
    if (detail) {
      detail.textContent = "第 " + (i + 1) + " / " + hits.length + " 处：「" + m.textContent + "」 " +
        m.dataset.detail.split("\n").join("；");
      detail.classList.remove("hidden-text");
    }
  }
  function go(i) {
    if (!hits.length) { return; }
    i = Math.max(0, Math.min(hits.length - 1, i));
    hits[i].focus();
    hits[i].scrollIntoView({block: "center"});
    show(i);
  }
  // A finding in the list jumps to the first highlighted piece that carries its rule.
  Array.prototype.forEach.call(document.querySelectorAll("button.finding"), function (b) {
    b.addEventListener("click", function () {
      for (var i = 0; i < hits.length; i++) {
        if ((hits[i].dataset.rules || "").split(" ").indexOf(b.dataset.rule) >= 0) { go(i); return; }
      }
    });
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && typing(e) && e.target.form) {
      e.preventDefault(); e.target.form.requestSubmit(); return;
    }
    if (e.key === "Escape" && typing(e)) { e.target.blur(); return; }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (rows.length) {
      if (e.key === "j") { selected = Math.min(rows.length - 1, selected + 1); mark(); e.preventDefault(); return; }
      if (e.key === "k") { selected = Math.max(0, selected - 1); mark(); e.preventDefault(); return; }
      if (e.key === "Enter" && selected >= 0) { window.location.href = rows[selected].dataset.href; e.preventDefault(); return; }
    }
    if (e.key === "n" && hits.length) { e.preventDefault(); go(current + 1); return; }
    if (e.key === "p" && hits.length) { e.preventDefault(); go(current <= 0 ? 0 : current - 1); return; }
    var confirmForm = document.getElementById("confirm-form");
    // requestSubmit: a required field (a catalogue gap before publication) is asked for, not skipped
    if (e.key === "c" && confirmForm) { e.preventDefault(); confirmForm.requestSubmit(); return; }
    if (e.key === "x" && document.getElementById("change-reason")) { e.preventDefault(); document.getElementById("change-reason").focus(); return; }
    var undoForm = document.getElementById("undo-form");
    if (e.key === "u" && undoForm) { e.preventDefault(); undoForm.requestSubmit(); return; }
    if (e.key === "r" && document.getElementById("return-reason")) { e.preventDefault(); document.getElementById("return-reason").focus(); }
  });
})();
