/* The codebook tree: drag a code onto another to move it under it, or onto the zone below the
   tree to move it to the top level. The arrows and the code's page do the same without a mouse. */
"use strict";

(function () {
  // The tree is drawn again when the inquiry changes (live.js): its handlers are set up again.
  document.addEventListener("fabrique:refreshed", setUp);
  setUp();
  function setUp() {
    const tree = document.querySelector("[data-tree]");
    if (!tree || tree.dataset.ready) return;
    tree.dataset.ready = "true";
    const rootDrop = document.querySelector("[data-root-drop]");
    let dragged = null;

    async function move(codeId, parentId) {
      const response = await fetch(`/api/codes/${codeId}/move`, {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ parentId, position: null }),
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        window.alert(window.Fabrique.fill(tree.dataset.msgError, problem.detail || response.statusText));
        return;
      }
      if (window.FabriqueLive) window.FabriqueLive.check();
      else window.location.reload();
    }

    tree.addEventListener("dragstart", (event) => {
      dragged = event.target.closest(".tree-row");
      if (!dragged) return;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.codeId);
      dragged.classList.add("is-dragging");
      rootDrop.hidden = false;
    });
    tree.addEventListener("dragend", () => {
      if (dragged) dragged.classList.remove("is-dragging");
      dragged = null;
      rootDrop.hidden = true;
      document.querySelectorAll(".is-target").forEach((el) => el.classList.remove("is-target"));
    });
    tree.addEventListener("dragover", (event) => {
      const row = event.target.closest(".tree-row");
      if (!dragged || !row || row === dragged) return;
      event.preventDefault();
      document.querySelectorAll(".tree-row.is-target").forEach((el) => el.classList.remove("is-target"));
      row.classList.add("is-target");
    });
    tree.addEventListener("dragleave", (event) => {
      const row = event.target.closest(".tree-row");
      if (row) row.classList.remove("is-target");
    });
    tree.addEventListener("drop", (event) => {
      const row = event.target.closest(".tree-row");
      if (!dragged || !row || row === dragged) return;
      event.preventDefault();
      move(Number(dragged.dataset.codeId), Number(row.dataset.codeId));
    });
    rootDrop.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      rootDrop.classList.add("is-target");
    });
    rootDrop.addEventListener("dragleave", () => rootDrop.classList.remove("is-target"));
    rootDrop.addEventListener("drop", (event) => {
      if (!dragged) return;
      event.preventDefault();
      move(Number(dragged.dataset.codeId), null);
    });
  }
})();
