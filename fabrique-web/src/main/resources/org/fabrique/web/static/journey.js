/* The journey graph of a case: data objects and interventions with their inputs and outputs,
   choices and tensions linked to what they are about, laid out in layers from left to right (dagre).
   A dataset with several versions has a node per version (its label says which), between the run
   that made it and the runs that read it.
   The server sends the whole graph of a small case, else the part within two steps of an element:
   nodes with more beyond them have a double outline and can be expanded; the whole graph comes on
   request. Pan, zoom, filter by kind (hides), highlight by actor, category of actor, dimension and
   date (the server says which elements pass; the others are drawn pale), click a node to see it and
   open it. A plain list mirrors the graph for screen readers (and tests). */
"use strict";

(function () {
  const container = document.getElementById("journey-graph");
  if (!container || !window.cytoscape) return;
  // When this script began, for benchmarks (after the page's HTML and the libraries' scripts).
  container.dataset.scriptAt = String(Math.round(performance.now()));
  const detail = document.querySelector("[data-graph-detail]");
  const filters = document.querySelector("[data-graph-filters]");
  const lit = document.querySelector("[data-graph-lit]");
  const problem = document.querySelector("[data-graph-problem]");
  const caseId = container.dataset.caseId;

  const style = [
    { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap",
      "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 4, color: "#222" } },
    { selector: 'node[kind = "data-object"]', style: { shape: "round-rectangle",
      "background-color": "#0072b2", width: 36, height: 24 } },
    // A version of a dataset that has several: a node of its own, paler than its dataset.
    { selector: "node[version]", style: { "background-color": "#56b4e9", width: 30, height: 20 } },
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
    // From a dataset to each of its versions.
    { selector: 'edge[kind = "version"]', style: { "line-style": "dotted", "line-color": "#56b4e9",
      "target-arrow-color": "#56b4e9" } },
    // More lies beyond this node: expand it from its detail.
    { selector: "node[?border]", style: { "border-width": 4, "border-style": "double", "border-color": "#333" } },
    // Elements that do not pass the filters by actor, dimension and date: pale, not hidden.
    { selector: "node[!matches]", style: { opacity: 0.2 } },
    { selector: "edge.dimmed", style: { opacity: 0.15 } },
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
      li.dataset.element = String(n.element || n.id);
      li.dataset.kind = n.kind;
      if (n.version) li.dataset.version = n.version;
      li.dataset.matches = String(n.matches !== false);
      li.textContent = n.label;
      return li;
    }));
  }

  const focusBar = document.querySelector("[data-graph-focus]");
  const api = `/api/cases/${caseId}/journey`;
  let cy = null;
  // The view asked for (the default focus, a focus or the whole graph), without the filters.
  let view = api;

  /* The address of a view with the filters by actor, dimension and date chosen. */
  function filtered(url) {
    if (!lit) return url;
    const params = new URLSearchParams();
    lit.querySelectorAll("select, input").forEach((field) => {
      if (field.value) params.append(field.name, field.value);
    });
    const query = params.toString();
    if (!query) return url;
    return url + (url.includes("?") ? "&" : "?") + query;
  }

  function dim() {
    cy.edges().forEach((edge) => {
      const pale = edge.source().data("matches") === false || edge.target().data("matches") === false;
      if (pale) edge.addClass("dimmed"); else edge.removeClass("dimmed");
    });
  }

  function toElements(graph) {
    return graph.nodes
      .map((n) => {
        const data = { ...n, id: String(n.id), element: String(n.element || n.id) };
        // Cytoscape's [version] selector matches a null too: only versions carry the field.
        if (!n.version) delete data.version;
        return { group: "nodes", data };
      })
      .concat(graph.edges.map((e) => ({ group: "edges",
        data: { id: e.id, source: String(e.source), target: String(e.target), kind: e.kind } })));
  }

  /* Layers from left to right, computed by dagre and given to Cytoscape as positions. */
  function layout() {
    const visible = cy.elements(":visible");
    if (!window.dagre) {
      visible.layout({ name: "breadthfirst", directed: true, spacingFactor: 1.1, padding: 20 }).run();
      return;
    }
    const g = new window.dagre.graphlib.Graph();
    g.setGraph({ rankdir: "LR", nodesep: 25, ranksep: 70, edgesep: 10 });
    g.setDefaultEdgeLabel(() => ({}));
    visible.nodes().forEach((n) => g.setNode(n.id(), { width: 60, height: 45 }));
    visible.edges().forEach((e) => g.setEdge(e.source().id(), e.target().id()));
    window.dagre.layout(g);
    visible.nodes().layout({ name: "preset", fit: true, padding: 20,
      positions: (n) => { const p = g.node(n.id()); return { x: p.x, y: p.y }; } }).run();
  }

  function applyFilters() {
    const hidden = Array.from(filters.querySelectorAll("input:not(:checked)")).map((i) => i.value);
    cy.nodes().forEach((node) => {
      node.style("display", hidden.includes(node.data("kind")) ? "none" : "element");
    });
  }

  function describe(graph) {
    if (!focusBar) return;
    focusBar.replaceChildren();
    if (graph.focus === null || graph.focus === undefined) return;
    const focused = graph.nodes.find((n) => String(n.id) === String(graph.focus));
    const text = document.createElement("span");
    text.textContent = container.dataset.msgFocused
      .replace("{0}", String(graph.depth)).replace("{1}", focused ? focused.label : String(graph.focus));
    const whole = document.createElement("button");
    whole.type = "button";
    whole.className = "button secondary";
    whole.textContent = container.dataset.msgWhole;
    whole.addEventListener("click", () => { view = `${api}?whole=true`; load(view, false); });
    focusBar.append(text, " ", whole);
  }

  function show(node) {
    const data = node.data();
    detail.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = data.label;
    const link = document.createElement("a");
    link.href = `/journey/elements/${data.element}`;
    link.textContent = container.dataset.msgOpen;
    detail.append(title, " ", document.createTextNode(data.type || data.status || ""), " ", link);
    if (data.border) {
      const expand = document.createElement("button");
      expand.type = "button";
      expand.className = "button secondary";
      expand.textContent = container.dataset.msgExpand;
      expand.addEventListener("click", () => load(`${api}?focus=${data.element}&depth=1`, true));
      detail.append(" ", expand);
    }
  }

  /* Shows a graph from the server, or adds it to the one shown (expanding a border node). */
  function load(url, merge) {
    delete container.dataset.ready;
    return fetch(filtered(url), { headers: { Accept: "application/json" } })
      .then((response) => response.json().then((body) => {
        if (!response.ok) throw body;
        return body;
      }))
      .then((graph) => {
        if (problem) { problem.hidden = true; problem.textContent = ""; }
        if (!cy) {
          cy = window.cytoscape({ container, elements: [], style, wheelSensitivity: 0.3 });
          cy.on("tap", "node", (event) => show(event.target));
          filters.addEventListener("change", () => { applyFilters(); layout(); });
          window.fabriqueJourneyGraph = cy;
        }
        const elements = toElements(graph);
        if (merge) {
          elements.forEach((el) => {
            const known = cy.getElementById(el.data.id);
            if (known.nonempty()) {
              if (el.group === "nodes") known.data("border", el.data.border && known.data("border"));
            } else {
              // nodes come first, and the server sends only edges between nodes it sends
              cy.add(el);
            }
          });
          const expanded = cy.getElementById(String(graph.focus));
          if (expanded.nonempty()) expanded.data("border", false);
        } else {
          cy.elements().remove();
          cy.add(elements);
          describe(graph);
        }
        dim();
        applyFilters();
        layout();
        mirror(cy.nodes().map((n) => n.data()));
        // Drawn: the time since the page was asked for, for tests and benchmarks.
        container.dataset.renderedAt = String(Math.round(performance.now()));
        container.dataset.ready = "true";
      })
      .catch((failure) => {
        // A problem of the server (a refused filter) is shown above the graph, which stays as it was.
        if (problem && failure && (failure.detail || failure.title)) {
          problem.textContent = failure.detail || failure.title;
          problem.hidden = false;
          container.dataset.ready = "true";
        } else if (!cy) {
          container.textContent = "—";
        }
      });
  }

  if (lit) {
    lit.addEventListener("change", () => load(view, false));
    const clear = lit.querySelector("[data-graph-lit-clear]");
    if (clear) clear.addEventListener("click", () => {
      lit.querySelectorAll("select, input").forEach((field) => { field.value = ""; });
      load(view, false);
    });
  }
  load(api, false);
})();
