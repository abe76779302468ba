/* "Use as evidence for…": the passage selected in the document view becomes evidence for a
   choice, a tension, an intervention or a knowledge claim of the inquiry. */
"use strict";

(function () {
  const picker = document.querySelector("[data-evidence-picker]");
  const doc = document.getElementById("doc");
  if (!picker || !doc) return;
  const msg = picker.dataset;
  const target = picker.querySelector("[data-evidence-target]");
  const note = picker.querySelector("[data-evidence-note]");
  const use = picker.querySelector("[data-evidence-use]");
  const passageLine = picker.querySelector("[data-evidence-passage]");
  const statusLine = picker.querySelector("[data-evidence-status]");
  const empty = picker.querySelector("[data-evidence-empty]");
  const fields = picker.querySelector("[data-evidence-fields]");
  let passage = null;

  function label(kind) {
    const key = "msgKind" + kind.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
    return msg[key] || kind;
  }

  async function loadTargets() {
    const kinds = ["choice", "tension", "intervention", "knowledge-claim"];
    const query = kinds.map((k) => "kind=" + encodeURIComponent(k)).join("&");
    const response = await fetch(`/api/inquiries/${msg.inquiryId}/journey/elements?${query}`,
      { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(msg.msgError);
    const elements = await response.json();
    target.replaceChildren();
    for (const kind of kinds) {
      const group = document.createElement("optgroup");
      group.label = label(kind);
      for (const element of elements.filter((e) => e.kind === kind)) {
        const option = document.createElement("option");
        option.value = element.id;
        option.textContent = element.label;
        group.appendChild(option);
      }
      if (group.children.length) target.appendChild(group);
    }
    // With nothing to use passages for, the picker says how to start instead of an empty list.
    empty.hidden = elements.length > 0;
    fields.hidden = elements.length === 0;
    refresh();
  }

  function refresh() {
    use.disabled = !passage || !target.value;
    passageLine.textContent = passage
      ? window.Fabrique.plural(msg.msgSelected, passage.end - passage.start)
      : msg.msgSelect;
  }

  doc.addEventListener("fabrique:passage", (event) => {
    if (event.detail) passage = event.detail;
    refresh();
  });
  target.addEventListener("change", refresh);

  use.addEventListener("click", async () => {
    if (!passage || !target.value) return;
    statusLine.textContent = "";
    try {
      const response = await fetch("/api/journey/evidence", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          element: Number(target.value), source: Number(msg.sourceId),
          start: passage.start, end: passage.end, note: note.value || ""
        })
      });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || problem.title || msg.msgError);
      }
      const created = await response.json();
      statusLine.textContent = window.Fabrique && window.Fabrique.fill
        ? window.Fabrique.fill(msg.msgDone, target.selectedOptions[0].textContent)
        : msg.msgDone;
      statusLine.dataset.evidenceId = created.id;
      note.value = "";
      if (window.FabriqueLive) window.FabriqueLive.check();
    } catch (error) {
      statusLine.textContent = error.message;
    }
  });

  loadTargets().catch((error) => { statusLine.textContent = error.message; });
  // Elements added, changed or undone elsewhere show up in the list (live.js).
  document.addEventListener("fabrique:changed", () => {
    const chosen = target.value;
    loadTargets()
      .then(() => { if (chosen) target.value = chosen; refresh(); })
      .catch((error) => { statusLine.textContent = error.message; });
  });
})();
