/* Highlights the hits of a search in the document view, without touching its text: the hits are
   CSS highlights (ranges over the text nodes of the runs), redrawn whenever a window of text is
   drawn. Opened from the concordance with ?q=…&mode=…&at=START, the page scrolls to that hit. */
"use strict";

(function () {
  const doc = document.getElementById("doc");
  const params = new URLSearchParams(location.search);
  const query = params.get("q");
  if (!doc || !query) return;
  const T = window.FabriqueText;
  const sourceId = Number(doc.dataset.sourceId);
  const at = params.has("at") ? Number(params.get("at")) : null;
  let hits = [];
  let scrolled = false;

  function windowOf(cp) {
    return Array.from(doc.querySelectorAll(":scope > [data-from]"))
      .find((el) => Number(el.dataset.from) <= cp && cp < Number(el.dataset.to));
  }

  function draw() {
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    const highlight = new Highlight();
    const runs = Array.from(doc.querySelectorAll("span[data-s]"));
    let first = null;
    for (const run of runs) {
      const node = run.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      const start = Number(run.dataset.s);
      const end = start + T.cpLength(node.data);
      for (const hit of hits) {
        if (hit.end <= start || hit.start >= end) continue;
        const range = new Range();
        range.setStart(node, T.cpToUtf16(node.data, Math.max(hit.start, start) - start));
        range.setEnd(node, T.cpToUtf16(node.data, Math.min(hit.end, end) - start));
        highlight.add(range);
        if (at !== null && hit.start === at && Math.max(hit.start, start) === hit.start) first = run;
      }
    }
    CSS.highlights.set("search-hit", highlight);
    doc.dataset.searchHits = String(hits.length);
    doc.dataset.searchHighlighted = String(highlight.size);
    if (first && !scrolled) {
      scrolled = true;
      first.id = "hit";
      first.scrollIntoView({ block: "center" });
    }
  }

  async function start() {
    const mode = params.get("mode") || "query";
    const response = await fetch(
      `/api/sources/${sourceId}/highlights?q=${encodeURIComponent(query)}&mode=${encodeURIComponent(mode)}`,
      { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    hits = await response.json();
    if (at !== null) {
      const target = windowOf(at);
      if (target) target.scrollIntoView({ block: "start" });
    }
    draw();
    new MutationObserver(draw).observe(doc, { childList: true, subtree: true });
  }

  start();
})();
