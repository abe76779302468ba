// Keyboard on the pseudonymisation page: j or ↓ next, k or ↑ previous, a accept, r reject.
(function () {
  "use strict";
  var table = document.querySelector("[data-redactions]");
  if (!table) {
    return;
  }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tr[data-redaction]"));
  if (rows.length === 0) {
    return;
  }
  function current() {
    var index = rows.indexOf(document.activeElement);
    return index;
  }
  function focus(index) {
    if (index >= 0 && index < rows.length) {
      rows[index].focus();
      rows[index].scrollIntoView({ block: "nearest" });
    }
  }
  var target = window.location.hash ? document.getElementById(window.location.hash.substring(1)) : null;
  if (target && rows.indexOf(target) >= 0) {
    target.focus();
  } else {
    var pending = rows.findIndex(function (row) { return row.dataset.status === "suggested"; });
    focus(pending >= 0 ? pending : 0);
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var index = current();
    if (event.key === "j" || event.key === "ArrowDown") {
      focus(index < 0 ? 0 : index + 1);
      event.preventDefault();
    } else if (event.key === "k" || event.key === "ArrowUp") {
      focus(index <= 0 ? 0 : index - 1);
      event.preventDefault();
    } else if ((event.key === "a" || event.key === "r") && index >= 0) {
      var form = rows[index].querySelector("form[data-key='" + (event.key === "a" ? "accept" : "reject") + "']");
      if (form) {
        form.submit();
        event.preventDefault();
      }
    }
  });
})();
