/* The journey graph of a case: data objects and interventions with their inputs and outputs,
   choices and tensions linked to what they are about. Pan, zoom, filter by kind, click a node to
   see it and open it. A plain list mirrors the graph for screen readers (and tests). */
"use strict";

(function () {
  const container = document.getElementById("journey-graph");
  if (!container || !window.cytoscape) return;
  const detail = document.querySelector("[data-graph-detail]");
  const filters = document.querySelector("[data-graph-filters]");
  const caseId = container.dataset.caseId;

  const style = [
    { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap",
      "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 4, color: "#222" } },
    { selector: 'node[kind = "data-object"]', style: { shape: "round-rectangle",
      "background-color": "#0072b2", width: 36, height: 24 } },
    { selector: 'node[kind = "intervention"]', style: { shape: "diamond",
      "background-color": "#e69f00", width: 30, height: 30 } },
    { selector: 'node[kind = "choice"]', style: { shape: "hexagon", "background-color": "#009e73" } },
    { selector: 'node[kind = "tension"]', style: { shape: "star", "background-color": "#d55e00" } },
    { selector: 'node[kind = "actor"], node[kind = "use"], node[kind = "procedure"], node[kind = "knowledge-claim"]',
      style: { shape: "ellipse", "background-color": "#999999", width: 18, height: 18 } },
    { selector: 'node[knownBy = "disputed"]', style: { "border-width": 3, "border-color": "#cc79a7" } },
    // Elements that no passage of the field material backs: a dashed outline.
    { selector: 'node[evidence = 0][kind != "actor"]',
      style: { "border-width": 2, "border-style": "dashed", "border-color": "#555" } },
    { selector: "edge", style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle",
      "line-color": "#888", "target-arrow-color": "#888" } },
    { selector: 'edge[kind = "about"]', style: { "line-style": "dashed", "line-color": "#bbb",
      "target-arrow-color": "#bbb" } },
    // An input or output of a data object with several versions names the version it used or made.
    { selector: "edge[version]", style: { label: "data(version)", "font-size": 9,
      "text-background-color": "#fff", "text-background-opacity": 1, color: "#444" } },
    { selector: ":selected", style: { "border-width": 3, "border-color": "#000" } }
  ];

  function mirror(nodes) {
    let list = document.querySelector("[data-graph-nodes]");
    if (!list) {
      list = document.createElement("ul");
      list.className = "visually-hidden";
      list.setAttribute("data-graph-nodes", "");
      container.after(list);
    }
    list.replaceChildren(...nodes.map((n) => {
      const li = document.createElement("li");
      li.dataset.id = n.id;
      li.dataset.kind = n.kind;
      li.textContent = n.label;
      return li;
    }));
  }

  function show(node) {
    const data = node.data();
    detail.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = data.label;
    const link = document.createElement("a");
    link.href = `/journey/elements/${data.id}`;
    link.textContent = container.dataset.msgOpen;
    detail.append(title, " ", document.createTextNode(data.type || data.status || ""), " ", link);
  }

  fetch(`/api/cases/${caseId}/journey`, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((graph) => {
      const elements = graph.nodes
        .map((n) => ({ group: "nodes", data: { ...n, id: String(n.id) } }))
        .concat(graph.edges.map((e) => ({ group: "edges",
          data: { id: e.id, source: String(e.source), target: String(e.target), kind: e.kind,
            ...(e.version ? { version: e.version } : {}) } })));
      const cy = window.cytoscape({
        container, elements, style,
        layout: { name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 20 },
        wheelSensitivity: 0.3
      });
      cy.on("tap", "node", (event) => show(event.target));
      filters.addEventListener("change", () => {
        const hidden = Array.from(filters.querySelectorAll("input:not(:checked)")).map((i) => i.value);
        cy.nodes().forEach((node) => {
          node.style("display", hidden.includes(node.data("kind")) ? "none" : "element");
        });
      });
      window.fabriqueJourneyGraph = cy;
      container.dataset.ready = "true";
      mirror(graph.nodes);
    })
    .catch(() => { container.textContent = "—"; });
})();
