/* The document view: the text arrives in windows of code points, with the codings that overlap
   them, as the reader scrolls; far windows are let go so that long sources stay light. The reader
   selects a passage and applies a code from the side panel or the keyboard. */
"use strict";

(function () {
  const doc = document.getElementById("doc");
  if (!doc) return;
  const T = window.FabriqueText;
  const fill = window.Fabrique.fill;
  const msg = doc.dataset;
  const sourceId = Number(doc.dataset.sourceId);
  const inquiryId = Number(doc.dataset.inquiryId);
  const length = Number(doc.dataset.length);
  const bounds = doc.dataset.bounds.split(",").map(Number);
  const panel = document.querySelector(".code-panel");
  const list = panel.querySelector("#code-list");
  const quick = panel.querySelector("[data-quick]");
  const selectionInfo = panel.querySelector("[data-selection]");
  const details = panel.querySelector("[data-details]");
  const statusLine = panel.querySelector("[data-status]");
  const coders = new Map(Array.from(panel.querySelectorAll("[data-coders] li"))
    .map((li) => [Number(li.dataset.id), li.dataset.name]));
  const windows = [];          // {el, from, to, state: "empty"|"loading"|"loaded", data}
  let pending = null;          // the selected passage {start, end} in code points
  let chosen = null;           // the passage last chosen by the reader, kept across redraws
  let restoring = false;       // true while the text is redrawn after a change
  let active = null;           // the highlighted option of the quick-code list

  // ---- Codes of the side panel ----

  function codes() {
    return Array.from(list.querySelectorAll(".code-option"));
  }
  function codeInfo(codeId) {
    const li = list.querySelector(`.code-option[data-code-id="${codeId}"]`);
    return li ? { name: li.dataset.name, colour: li.dataset.colour } : { name: `#${codeId}`, colour: "#999999" };
  }
  function tint(hex, alpha) {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }

  // ---- API ----

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      headers: { Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status === 204) return null;
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.detail || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }
  /** After a change made here: the shared state is read again, and the page follows it. */
  function changedHere() {
    if (window.FabriqueLive) window.FabriqueLive.check();
  }
  function status(text, kind) {
    statusLine.textContent = text;
    statusLine.className = `status ${kind ? `is-${kind}` : ""}`;
  }
  function fail(error) {
    if (error.status === 404 || error.status === 409) {
      // What was shown is gone (undone, deleted, changed by someone else): the page catches up.
      status(msg.msgGone, "error");
      changedHere();
      return;
    }
    status(fill(msg.msgError, error.message), "error");
  }

  // ---- Windows ----

  function estimateHeight(chars) {
    const style = getComputedStyle(doc);
    const fontSize = parseFloat(style.fontSize) || 17;
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.7;
    const perLine = Math.max(20, (doc.clientWidth - 80) / (fontSize * 0.48));
    return Math.ceil(chars / perLine) * lineHeight;
  }

  function placeholder(win, height) {
    win.el.className = "doc-window is-placeholder";
    win.el.style.minHeight = `${Math.max(24, height)}px`;
    win.el.textContent = "";
    const label = document.createElement("span");
    label.setAttribute("aria-hidden", "true");
    label.textContent = msg.msgLoading;
    win.el.append(label);
    win.state = "empty";
    win.data = null;
  }

  for (let i = 0; i + 1 < bounds.length; i++) {
    const el = document.createElement("div");
    el.dataset.from = bounds[i];
    el.dataset.to = bounds[i + 1];
    doc.append(el);
    const win = { el, from: bounds[i], to: bounds[i + 1], state: "empty", data: null, index: i };
    windows.push(win);
    placeholder(win, estimateHeight(win.to - win.from));
  }

  async function load(win, force) {
    if (win.state === "loading" || (win.state === "loaded" && !force)) return;
    win.state = "loading";
    try {
      const data = await api("GET", `/api/sources/${sourceId}/window?from=${win.from}&to=${win.to}`);
      render(win, data);
    } catch (error) {
      win.state = "empty";
      fail(error);
    }
  }

  /** Draws a window: runs of text cut at every coding and turn boundary. */
  function render(win, data) {
    const text = data.text;
    const table = T.indexTable(text);
    const from = data.from;
    const to = data.to;
    const cuts = new Set([from, to]);
    const spans = data.spans.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    for (const s of spans) {
      if (s.start > from && s.start < to) cuts.add(s.start);
      if (s.end > from && s.end < to) cuts.add(s.end);
    }
    // Speaker labels (and the timestamps before them) are set apart; they stay part of the text.
    const labels = [];
    for (const turn of data.turns) {
      if (turn.start < from || turn.start >= to) continue;
      const at = table[turn.start - from];
      const name = text.indexOf(turn.speaker, at);
      if (name < 0 || name - at > 40) continue;
      const colon = text.indexOf(":", name + turn.speaker.length);
      if (colon < 0 || colon - name > 80) continue;
      const labelStart = from + T.utf16ToCp(text, name);
      const end = Math.min(to, from + T.utf16ToCp(text, colon + 1));
      if (labelStart > turn.start) {
        labels.push({ start: turn.start, end: labelStart, className: "timestamp", colour: "" });
      }
      labels.push({ start: labelStart, end, className: "speaker", colour: speakerColour(turn.speaker) });
      cuts.add(turn.start);
      cuts.add(labelStart);
      cuts.add(end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    let open = [];
    let next = 0;
    let label = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      if (a === b) continue;
      open = open.filter((s) => s.end > a);
      while (next < spans.length && spans[next].start <= a) {
        if (spans[next].end > a) open.push(spans[next]);
        next++;
      }
      const run = document.createElement("span");
      run.dataset.s = a;
      run.textContent = text.slice(table[a - from], table[b - from]);
      while (label < labels.length && labels[label].end <= a) label++;
      if (label < labels.length && labels[label].start <= a && a < labels[label].end) {
        run.classList.add(labels[label].className);
        if (labels[label].colour) run.style.color = labels[label].colour;
      }
      if (open.length > 0) {
        const shown = open.slice(0, 4);
        run.classList.add("coded");
        run.dataset.c = open.map((s) => s.codingId).join(",");
        run.style.backgroundColor = tint(codeInfo(shown[0].codeId).colour, open.length > 1 ? 0.26 : 0.18);
        run.style.boxShadow = shown
          .map((s, i) => `inset 0 -${(i + 1) * 3}px 0 ${codeInfo(s.codeId).colour}`)
          .join(", ");
        run.style.paddingBottom = `${Math.max(0, shown.length * 3 - 2)}px`;
        run.title = open.map((s) => codeInfo(s.codeId).name).join(" · ");
      }
      fragment.append(run);
    }
    win.el.className = "doc-window";
    win.el.style.minHeight = "";
    win.el.replaceChildren(fragment);
    win.data = data;
    win.state = "loaded";
  }

  const speakerColours = ["#1d4e89", "#8a3b12", "#205e3b", "#6b2d77", "#7a5300", "#3d4f5c"];
  const speakerIndex = new Map();
  function speakerColour(name) {
    if (!speakerIndex.has(name)) speakerIndex.set(name, speakerIndex.size % speakerColours.length);
    return speakerColours[speakerIndex.get(name)];
  }

  const near = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) load(windows[Number(entry.target.dataset.index)]);
    }
  }, { rootMargin: "1500px 0px" });
  const far = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const win = windows[Number(entry.target.dataset.index)];
      if (!entry.isIntersecting && win.state === "loaded" && !containsSelection(win)) {
        placeholder(win, win.el.getBoundingClientRect().height);
      }
    }
  }, { rootMargin: "6000px 0px" });
  windows.forEach((win) => {
    win.el.dataset.index = win.index;
    near.observe(win.el);
    far.observe(win.el);
  });

  function containsSelection(win) {
    const selection = window.getSelection();
    return selection.rangeCount > 0 && win.el.contains(selection.getRangeAt(0).commonAncestorContainer);
  }

  function windowsOver(start, end) {
    return windows.filter((w) => w.from < Math.max(end, start + 1) && w.to > start);
  }

  async function reload(start, end) {
    await Promise.all(windowsOver(start, end).filter((w) => w.state === "loaded").map((w) => load(w, true)));
  }

  async function reloadAll() {
    await Promise.all(windows.filter((w) => w.state === "loaded").map((w) => load(w, true)));
  }

  // ---- Selection ----

  function runOf(node) {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    return el && el.closest ? el.closest("[data-s]") : null;
  }
  function runEnd(run) {
    return Number(run.dataset.s) + T.cpLength(run.textContent);
  }
  function startOf(node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.dataset.s !== undefined) return Number(node.dataset.s);
      if (node.dataset.from !== undefined) return Number(node.dataset.from);
    }
    const run = runOf(node);
    return run ? Number(run.dataset.s) : null;
  }

  /** The code-point position of a DOM point inside the text, or null when it is outside. */
  function position(node, offset) {
    if (!doc.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const run = runOf(node);
      if (!run) {
        const win = node.parentElement.closest(".doc-window");
        return win ? Number(win.dataset.from) : null;
      }
      return Number(run.dataset.s) + T.utf16ToCp(node.data, offset);
    }
    const run = runOf(node);
    if (run) return offset === 0 ? Number(run.dataset.s) : runEnd(run);
    const children = node.childNodes;
    if (offset < children.length) {
      const found = startOf(children[offset]);
      if (found !== null) return found;
    }
    if (node === doc) return offset === 0 ? 0 : length;
    if (node.dataset && node.dataset.to !== undefined) {
      return offset === 0 ? Number(node.dataset.from) : Number(node.dataset.to);
    }
    return null;
  }

  /** The passage selected in the text, trimmed of surrounding white space, or null. */
  function selectedPassage() {
    const selection = window.getSelection();
    if (selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    let start = position(range.startContainer, range.startOffset);
    let end = position(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    const selected = selection.toString();
    const leading = selected.length - selected.trimStart().length;
    const trailing = selected.length - selected.trimEnd().length;
    if (leading < selected.length) {
      start += T.cpLength(selected.slice(0, leading));
      end -= T.cpLength(selected.slice(selected.length - trailing));
    }
    return end > start ? { start, end } : null;
  }

  /** The DOM point of a code-point position in a loaded window. */
  function domPoint(cp) {
    const runs = doc.querySelectorAll("[data-s]");
    let low = 0;
    let high = runs.length - 1;
    let found = null;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (Number(runs[mid].dataset.s) <= cp) {
        found = runs[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (!found || !found.firstChild) return null;
    const offset = T.cpToUtf16(found.textContent, cp - Number(found.dataset.s));
    return { node: found.firstChild, offset };
  }

  function selectPassage(start, end) {
    const a = domPoint(start);
    const b = domPoint(end);
    if (!a || !b) return;
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function showPending() {
    if (pending) {
      selectionInfo.textContent = window.Fabrique.plural(msg.msgSelected, pending.end - pending.start);
      selectionInfo.classList.add("has-selection");
    } else {
      selectionInfo.textContent = msg.msgSelect;
      selectionInfo.classList.remove("has-selection");
    }
  }

  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (selection.rangeCount === 0 || !doc.contains(selection.anchorNode)) return;
    pending = selection.isCollapsed ? null : selectedPassage();
    if (!restoring) chosen = pending;
    showPending();
    // other panels (journey evidence) follow the selected passage
    doc.dispatchEvent(new CustomEvent("fabrique:passage", { detail: pending }));
  });

  // ---- Coding ----

  async function applyCode(codeId) {
    if (!pending) {
      status(msg.msgSelect, "error");
      return;
    }
    if (!list.querySelector(`.code-option[data-code-id="${codeId}"]`)) {
      status(msg.msgGone, "error");
      return;
    }
    const passage = pending;
    try {
      await api("POST", `/api/sources/${sourceId}/codings`, { start: passage.start, end: passage.end, codeId });
      bump(codeId, 1);
      remember(codeId);
      status(fill(msg.msgCoded, codeInfo(codeId).name), "ok");
      await reload(passage.start, passage.end);
      selectPassage(passage.start, passage.end);
      pending = passage;
      showPending();
      changedHere();
    } catch (error) {
      fail(error);
    }
  }

  function bump(codeId, delta) {
    const count = list.querySelector(`.code-option[data-code-id="${codeId}"] .count`);
    if (count) {
      const value = Number(count.textContent.replace(/\D/g, "")) + delta;
      count.textContent = Math.max(0, value).toLocaleString(document.documentElement.lang);
    }
  }

  list.addEventListener("mousedown", (event) => {
    if (event.target.closest(".code-apply")) event.preventDefault();
  });
  list.addEventListener("click", (event) => {
    const option = event.target.closest(".code-option");
    if (option) applyCode(Number(option.dataset.codeId));
  });

  // ---- Quick code ----

  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function visibleOptions() {
    return codes().filter((li) => !li.hidden);
  }
  function setActive(li) {
    codes().forEach((o) => { o.classList.remove("is-active"); o.setAttribute("aria-selected", "false"); });
    active = li;
    if (li) {
      li.classList.add("is-active");
      li.setAttribute("aria-selected", "true");
      quick.setAttribute("aria-activedescendant", li.id);
      li.scrollIntoView({ block: "nearest" });
    } else {
      quick.removeAttribute("aria-activedescendant");
    }
  }
  let createItem = null;
  function filter() {
    const query = fold(quick.value.trim());
    codes().forEach((li) => { li.hidden = query !== "" && !fold(li.dataset.name).includes(query); });
    list.querySelectorAll(".code-group").forEach((li) => { li.hidden = query !== ""; });
    const visible = visibleOptions();
    const exact = visible.some((li) => fold(li.dataset.name) === query);
    if (createItem) createItem.remove();
    createItem = null;
    if (query !== "" && !exact) {
      createItem = document.createElement("li");
      createItem.className = "code-create muted";
      createItem.textContent = visible.length === 0
        ? `${msg.msgNoMatch} ${fill(msg.msgCreate, quick.value.trim())} (↵)`
        : `${fill(msg.msgCreate, quick.value.trim())} (⇧+↵)`;
      list.append(createItem);
    }
    setActive(query === "" ? null : visible[0] || null);
  }
  quick.addEventListener("input", filter);
  quick.addEventListener("keydown", async (event) => {
    const visible = visibleOptions();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (visible.length === 0) return;
      const index = visible.indexOf(active);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(visible[(index + step + visible.length) % visible.length]);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const name = quick.value.trim();
      if (active && !event.shiftKey) {
        await applyCode(Number(active.dataset.codeId));
      } else if (name !== "") {
        await createAndApply(name);
      } else {
        return;
      }
      quick.value = "";
      filter();
    } else if (event.key === "Escape") {
      quick.value = "";
      filter();
    }
  });

  async function createAndApply(name) {
    try {
      const code = await api("POST", `/api/inquiries/${inquiryId}/codes`, { name });
      const number = codes().length + 1;
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.id = `code-option-${code.id}`;
      li.className = "code-option depth-0";
      li.dataset.codeId = code.id;
      li.dataset.colour = code.colour;
      li.dataset.name = code.name;
      if (number <= 9) li.dataset.key = String(number);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "code-apply";
      button.tabIndex = -1;
      const key = document.createElement("span");
      key.className = "key";
      key.setAttribute("aria-hidden", "true");
      key.textContent = number <= 9 ? String(number) : "";
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = code.colour;
      const label = document.createElement("span");
      label.className = "code-name";
      label.textContent = code.name;
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = "0";
      button.append(key, swatch, label, count);
      li.append(button);
      list.append(li);
      const empty = panel.querySelector("[data-no-codes]");
      if (empty) empty.remove();
      document.dispatchEvent(new CustomEvent("fabrique:codes"));
      await applyCode(code.id);
    } catch (error) {
      fail(error);
    }
  }

  // ---- Recent codes ----

  function remember(codeId) {
    recent = [codeId, ...recent.filter((id) => id !== codeId)].slice(0, 9);
    rememberHook();
  }
  let recent = [];
  let rememberHook = () => {};

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement || target.isContentEditable;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/") {
      event.preventDefault();
      quick.focus();
    } else if (/^[1-9]$/.test(event.key)) {
      const option = list.querySelector(`.code-option[data-key="${event.key}"]`);
      if (option) {
        event.preventDefault();
        applyCode(Number(option.dataset.codeId));
      }
    } else if (event.key === "Escape" && !details.hidden) {
      details.hidden = true;
    }
  });

  // ---- Codings at a place ----

  function spanById(codingId) {
    for (const win of windows) {
      if (!win.data) continue;
      const found = win.data.spans.find((s) => s.codingId === codingId);
      if (found) return found;
    }
    return null;
  }

  function excerpt(span) {
    const parts = [];
    for (const win of windowsOver(span.start, span.end)) {
      if (!win.data) return "";
      const table = T.indexTable(win.data.text);
      const a = Math.max(span.start, win.from) - win.from;
      const b = Math.min(span.end, win.to) - win.from;
      parts.push(win.data.text.slice(table[a], table[b]));
    }
    const text = parts.join("").replace(/\s+/g, " ").trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }

  function button(label, className, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function showCodings(ids) {
    const spans = ids.map(spanById).filter(Boolean);
    if (spans.length === 0) return;
    const heading = document.createElement("h3");
    heading.textContent = msg.msgCodingsHere;
    heading.append(button("×", "icon-button", () => { details.hidden = true; }));
    heading.lastChild.setAttribute("aria-label", msg.msgClose);
    const items = spans.map((span) => {
      const info = codeInfo(span.codeId);
      const item = document.createElement("div");
      item.className = "coding-item";
      const head = document.createElement("div");
      head.className = "coding-item-head";
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = info.colour;
      const name = document.createElement("span");
      name.textContent = info.name;
      const by = document.createElement("span");
      by.className = "muted small";
      by.textContent = fill(msg.msgBy, coders.get(span.coderId) || `#${span.coderId}`);
      head.append(swatch, name, by);
      const quote = document.createElement("p");
      quote.className = "quote-excerpt";
      quote.textContent = excerpt(span);
      const change = document.createElement("div");
      change.className = "row";
      const select = document.createElement("select");
      select.setAttribute("aria-label", msg.msgChange);
      codes().forEach((li) => {
        const option = document.createElement("option");
        option.value = li.dataset.codeId;
        option.textContent = li.dataset.name;
        option.selected = Number(li.dataset.codeId) === span.codeId;
        select.append(option);
      });
      change.append(
        select,
        button(msg.msgApply, "button secondary", async () => {
          try {
            await api("PUT", `/api/codings/${span.codingId}`, { codeId: Number(select.value) });
            bump(span.codeId, -1);
            bump(Number(select.value), 1);
            status(msg.msgRecoded, "ok");
            details.hidden = true;
            await reload(span.start, span.end);
            changedHere();
          } catch (error) {
            fail(error);
          }
        }),
        button(msg.msgRemove, "button danger", async () => {
          try {
            await api("DELETE", `/api/codings/${span.codingId}`);
            bump(span.codeId, -1);
            status(msg.msgRemoved, "ok");
            details.hidden = true;
            await reload(span.start, span.end);
            changedHere();
          } catch (error) {
            fail(error);
          }
        }));
      item.append(head, quote, change, memoForm(span));
      return item;
    });
    details.replaceChildren(heading, ...items);
    details.hidden = false;
    details.focus();
  }

  function memoForm(span) {
    const wrap = document.createElement("details");
    wrap.className = "segment-memo";
    const summary = document.createElement("summary");
    summary.textContent = msg.msgMemo;
    const form = document.createElement("form");
    form.className = "stack";
    const title = document.createElement("input");
    title.name = "title";
    title.setAttribute("aria-label", msg.msgMemoTitle);
    title.placeholder = msg.msgMemoTitle;
    const body = document.createElement("textarea");
    body.name = "body";
    body.rows = 4;
    body.required = true;
    body.setAttribute("aria-label", msg.msgMemoBody);
    body.placeholder = msg.msgMemoBody;
    const onSource = span.segmentId === undefined;
    if (onSource && span.quote) body.value = `« ${span.quote} »\n\n`;
    const save = document.createElement("button");
    save.type = "submit";
    save.className = "button";
    save.textContent = msg.msgMemoSave;
    form.append(title, body, save);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await api("POST", `/api/inquiries/${inquiryId}/memos`, {
          targetKind: onSource ? "source" : "segment",
          targetId: onSource ? sourceId : span.segmentId,
          title: title.value,
          body: body.value,
        });
        wrap.open = false;
        title.value = "";
        body.value = "";
        status(msg.msgMemoSaved, "ok");
        changedHere();
      } catch (error) {
        fail(error);
      }
    });
    wrap.append(summary, form);
    return wrap;
  }

  doc.addEventListener("click", (event) => {
    const run = event.target.closest && event.target.closest(".coded");
    if (!run || !window.getSelection().isCollapsed) return;
    showCodings(run.dataset.c.split(",").map(Number));
  });

  // ---- Following the history (undo, redo, other coders) ----

  /** Reads the code panel again from the server: codes that were undone or deleted go away. */
  async function refreshPanel() {
    const response = await fetch(window.location.pathname, { headers: { Accept: "text/html" }, cache: "no-store" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const freshList = fresh.getElementById("code-list");
    if (!freshList) return;
    const activeId = active ? active.dataset.codeId : null;
    list.replaceChildren(...Array.from(freshList.childNodes).map((n) => document.importNode(n, true)));
    createItem = null;
    const empty = panel.querySelector("[data-no-codes]");
    const freshEmpty = fresh.querySelector("[data-no-codes]");
    if (empty && !freshEmpty) empty.remove();
    if (!empty && freshEmpty) list.after(document.importNode(freshEmpty, true));
    const known = new Set(codes().map((li) => Number(li.dataset.codeId)));
    recent = recent.filter((id) => known.has(id));
    filter();
    if (activeId) setActive(list.querySelector(`.code-option[data-code-id="${activeId}"]`));
    document.dispatchEvent(new CustomEvent("fabrique:codes"));
  }

  // An undo or a redo: the panel's status says what was undone or redone, not the action before.
  document.addEventListener("fabrique:history-step", (event) => {
    status(event.detail.sentence, event.detail.done ? "ok" : "");
  });

  document.addEventListener("fabrique:changed", async (event) => {
    event.preventDefault();
    details.hidden = true;
    restoring = true;
    try {
      await refreshPanel();
      await reloadAll();
    } finally {
      restoring = false;
    }
    // The passage the reader chose (or went to meanwhile) stays selected in the redrawn text.
    if (chosen) {
      selectPassage(chosen.start, chosen.end);
      pending = chosen;
      showPending();
    }
  });

  // ---- Keyboard-first coding ----
  // The text can be read and selected from the keyboard (Shift+arrows by character, with Ctrl or
  // Alt by word, Shift+up/down by line, Shift+Home/End to the line's ends), digits apply the
  // recent codes, n/p go to the next/previous coding, m writes a memo on the selection, Enter or /
  // opens the code picker and ? shows all of it.

  const recentKey = `fabrique.recent-codes.${inquiryId}`;
  const chips = panel.querySelector("[data-recent]");
  const shortcuts = document.getElementById("shortcuts");

  function loadRecent() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(recentKey) || "[]");
      return Array.isArray(stored) ? stored.map(Number).filter(Number.isFinite) : [];
    } catch (error) {
      return [];
    }
  }
  recent = loadRecent();

  /** The codes under the digits 1–9: the recent ones first, then the codebook's order. */
  function digitCodes() {
    const known = codes().map((li) => Number(li.dataset.codeId));
    const live = recent.filter((id) => known.includes(id));
    for (const id of known) {
      if (live.length >= 9) break;
      if (!live.includes(id)) live.push(id);
    }
    return live.slice(0, 9);
  }

  function showDigits() {
    const digits = digitCodes();
    codes().forEach((li) => {
      const index = digits.indexOf(Number(li.dataset.codeId));
      const key = li.querySelector(".key");
      if (key) key.textContent = index >= 0 ? String(index + 1) : "";
      if (index >= 0) li.dataset.key = String(index + 1);
      else delete li.dataset.key;
    });
    if (!chips) return;
    const shown = recent.filter((id) => digits.includes(id));
    chips.replaceChildren();
    chips.hidden = shown.length === 0;
    for (const id of shown) {
      const info = codeInfo(id);
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "recent-chip";
      chip.dataset.codeId = id;
      const key = document.createElement("kbd");
      key.textContent = String(digits.indexOf(id) + 1);
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = info.colour;
      chip.append(key, swatch, info.name);
      chips.append(chip);
    }
  }
  if (chips) {
    chips.addEventListener("mousedown", (event) => event.preventDefault());
    chips.addEventListener("click", (event) => {
      const chip = event.target.closest(".recent-chip");
      if (chip) applyCode(Number(chip.dataset.codeId));
    });
  }
  rememberHook = () => {
    try {
      window.localStorage.setItem(recentKey, JSON.stringify(recent));
    } catch (error) {
      // private browsing: the recent codes last as long as the page
    }
    showDigits();
  };
  showDigits();
  document.addEventListener("fabrique:codes", showDigits);

  /** A caret at the start of the first line of text in view, when the text has no selection. */
  function ensureCaret() {
    const selection = window.getSelection();
    if (selection.rangeCount > 0 && doc.contains(selection.anchorNode)) return true;
    const runs = Array.from(doc.querySelectorAll("[data-s]"));
    const top = doc.getBoundingClientRect().top > 0 ? 0 : 80;
    const first = runs.find((run) => run.getBoundingClientRect().bottom > top) || runs[0];
    if (!first || !first.firstChild) return false;
    selection.collapse(first.firstChild, 0);
    return true;
  }

  const directions = {
    ArrowLeft: ["backward", "character"], ArrowRight: ["forward", "character"],
    ArrowUp: ["backward", "line"], ArrowDown: ["forward", "line"],
    Home: ["backward", "lineboundary"], End: ["forward", "lineboundary"],
  };

  doc.addEventListener("keydown", (event) => {
    const move = directions[event.key];
    if (!move || event.metaKey) return;
    if (!event.shiftKey && (event.key === "ArrowUp" || event.key === "ArrowDown") && window.getSelection().isCollapsed) {
      return; // plain up and down scroll the page
    }
    if (!ensureCaret()) return;
    event.preventDefault();
    const granularity = (event.ctrlKey || event.altKey) && move[1] === "character" ? "word" : move[1];
    window.getSelection().modify(event.shiftKey ? "extend" : "move", move[0], granularity);
  });

  // Next and previous coding, over the whole text (the windows load on the way).
  let allSpans = null;
  document.addEventListener("fabrique:changed", () => { allSpans = null; });
  async function spansOfSource() {
    if (!allSpans) {
      const spans = await api("GET", `/api/sources/${sourceId}/codings`);
      allSpans = spans.slice().sort((a, b) => a.start - b.start || a.end - b.end);
    }
    return allSpans;
  }
  function caretAt() {
    const selection = window.getSelection();
    if (selection.rangeCount === 0 || !doc.contains(selection.anchorNode)) return null;
    const range = selection.getRangeAt(0);
    return {
      start: position(range.startContainer, range.startOffset),
      end: position(range.endContainer, range.endOffset),
    };
  }
  async function goToCoding(step) {
    try {
      const spans = await spansOfSource();
      if (spans.length === 0) {
        status(msg.msgNoCodings, "");
        return;
      }
      const here = caretAt();
      let index;
      if (step > 0) {
        const from = here ? here.start : -1;
        index = spans.findIndex((s) => s.start > from);
        if (index < 0) index = 0;
      } else {
        const from = here ? here.start : length + 1;
        index = -1;
        spans.forEach((s, i) => { if (s.start < from) index = i; });
        if (index < 0) index = spans.length - 1;
      }
      const span = spans[index];
      await Promise.all(windowsOver(span.start, span.end).map((w) => load(w)));
      const point = domPoint(span.start);
      if (point) point.node.parentElement.scrollIntoView({ block: "center" });
      selectPassage(span.start, span.end);
      pending = { start: span.start, end: span.end };
      chosen = pending;
      showPending();
      status(fill(msg.msgCodingOf, index + 1, spans.length, codeInfo(span.codeId).name), "");
    } catch (error) {
      fail(error);
    }
  }

  // A memo on the selection: on the coded passage it falls in, or on the source with the passage quoted.
  function memoOnSelection() {
    const passage = pending;
    if (!passage) {
      status(msg.msgSelect, "error");
      return;
    }
    const inside = [];
    for (const win of windowsOver(passage.start, passage.end)) {
      if (win.data) inside.push(...win.data.spans.filter((s) => s.start < passage.end && s.end > passage.start));
    }
    inside.sort((a, b) => Math.abs(a.start - passage.start) + Math.abs(a.end - passage.end)
      - (Math.abs(b.start - passage.start) + Math.abs(b.end - passage.end)));
    const heading = document.createElement("h3");
    heading.textContent = msg.msgMemoHere;
    heading.append(button("×", "icon-button", () => { details.hidden = true; }));
    heading.lastChild.setAttribute("aria-label", msg.msgClose);
    const form = inside.length > 0
      ? memoForm(inside[0])
      : memoForm({ sourceId, quote: excerpt(passage) });
    form.open = true;
    details.replaceChildren(heading, form);
    details.hidden = false;
    const field = form.querySelector("textarea");
    if (field) field.focus();
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement || target.isContentEditable;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "?") {
      event.preventDefault();
      if (shortcuts && !shortcuts.open) shortcuts.showModal();
    } else if (event.key === "n" || event.key === "p") {
      event.preventDefault();
      goToCoding(event.key === "n" ? 1 : -1);
    } else if (event.key === "m") {
      event.preventDefault();
      memoOnSelection();
    } else if (event.key === "Enter" && pending && doc.contains(target)) {
      event.preventDefault();
      quick.focus();
    }
  });
  document.querySelectorAll("[data-open-shortcuts]").forEach((opener) =>
    opener.addEventListener("click", () => shortcuts && shortcuts.showModal()));
  if (shortcuts) {
    shortcuts.querySelector("[data-close]").addEventListener("click", () => shortcuts.close());
  }

  // ---- The code panel as a drawer on narrow screens ----
  const toggle = document.querySelector("[data-panel-toggle]");
  if (toggle) {
    const narrow = window.matchMedia("(max-width: 1000px)");
    const setOpen = (open) => {
      panel.classList.toggle("is-open", open);
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    };
    toggle.addEventListener("mousedown", (event) => event.preventDefault());
    toggle.addEventListener("click", () => {
      const open = !panel.classList.contains("is-open");
      setOpen(open);
      if (open) quick.focus({ preventScroll: true });
    });
    quick.addEventListener("focus", () => { if (narrow.matches) setOpen(true); });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && panel.classList.contains("is-open")) setOpen(false);
    });
    doc.addEventListener("fabrique:passage", (event) => {
      toggle.classList.toggle("has-selection", Boolean(event.detail));
    });
  }

  // ---- Arriving at a passage (?at=start&end=end) ----

  const params = new URLSearchParams(window.location.search);
  const at = Number(params.get("at"));
  if (params.has("at") && at >= 0 && at < length) {
    const end = Math.min(length, Number(params.get("end")) || at + 1);
    const target = windowsOver(at, end);
    target[0].el.scrollIntoView({ block: "start" });
    Promise.all(target.map((w) => load(w))).then(() => {
      const point = domPoint(at);
      if (point) point.node.parentElement.scrollIntoView({ block: "center" });
      selectPassage(at, end);
      doc.querySelectorAll(".coded").forEach((run) => {
        const s = Number(run.dataset.s);
        if (s >= at && s < end) run.classList.add("flash");
      });
    });
  }
  showPending();
})();
