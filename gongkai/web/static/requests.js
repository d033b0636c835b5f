// Keyboard of the 依申请公开 desk, beside app.js (which moves through the request list with j / k / Enter).
// On a request's page: "/" goes to the search box, j / k choose a search hit, l links the chosen one,
// a approves the draft (when the page offers it). Single keys are not active while typing in a field.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  var hits = Array.prototype.slice.call(document.querySelectorAll("tr.hit-row"));
  var selected = hits.length ? 0 : -1;
  function mark() {
    hits.forEach(function (r, i) { r.classList.toggle("selected", i === selected); });
    if (selected >= 0) { hits[selected].scrollIntoView({block: "nearest"}); }
  }
  mark();
  document.addEventListener("keydown", function (e) {
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var box = document.getElementById("search-q");
    if (e.key === "/" && box) { e.preventDefault(); box.focus(); box.select(); return; }
    if (hits.length && (e.key === "j" || e.key === "k")) {
      e.preventDefault();
      selected = e.key === "j" ? Math.min(hits.length - 1, selected + 1) : Math.max(0, selected - 1);
      mark();
      return;
    }
    if (e.key === "l" && selected >= 0) {
      var form = hits[selected].querySelector("form.link-form");
      if (form) { e.preventDefault(); form.requestSubmit(); }
      return;
    }
    var approve = document.getElementById("approve-form");
    if (e.key === "a" && approve) { e.preventDefault(); approve.requestSubmit(); }
  });
})();
