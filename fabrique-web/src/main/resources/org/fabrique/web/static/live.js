/* One client state that follows the inquiry's history. The server numbers the state of an
   inquiry by its latest history line (GET /api/inquiries/{id}/state); this script asks for it
   after every change made here, when the tab comes back, and every few seconds. When the number
   moves (an action, an undo or a redo, here or by another coder) it tells the page
   ("fabrique:changed" on document) and replaces the parts of the page marked data-live with
   their fresh version, so that lists, counts and panels never show what is gone.
   The undo and redo buttons of the header name what they would undo or redo; Ctrl/Cmd+Z and
   Shift+Ctrl/Cmd+Z (or Ctrl+Y) press them. Without this script they are plain forms. */
"use strict";

(function () {
  const tools = document.querySelector("[data-history-tools]");
  if (!tools || window.FabriqueLive) return;
  const fill = (pattern, ...args) =>
    String(pattern || "").replace(/\{(\d+)\}/g, (m, i) => (args[+i] === undefined ? "" : String(args[+i])));
  const msg = tools.dataset;
  const inquiryId = tools.dataset.inquiryId;
  const undoButton = tools.querySelector("[data-undo]");
  const redoButton = tools.querySelector("[data-redo]");
  const statusLine = tools.querySelector("[data-history-status]");
  const POLL_MS = 4000;
  let version = null;
  let checking = null;
  let stale = false;

  // Below 1100 px the status line is a note at the foot of the screen (over the code drawer too),
  // shown for a few seconds: the header has no room for it there.
  const narrow = window.matchMedia("(max-width: 1100px)");
  let fading = null;
  function say(text, kind) {
    statusLine.textContent = text;
    statusLine.title = text;
    statusLine.className = `history-status ${kind ? `is-${kind}` : ""}`;
    window.clearTimeout(fading);
    if (narrow.matches && text) {
      fading = window.setTimeout(() => {
        statusLine.textContent = "";
      }, 6000);
    }
  }

  function label(button, text, pattern, none, plain) {
    const span = button.querySelector("[data-label]");
    span.textContent = text ? fill(pattern, text) : plain;
    button.title = text ? fill(pattern, text) : none;
    button.setAttribute("aria-disabled", text ? "false" : "true");
    button.classList.toggle("is-empty", !text);
  }

  function show(state) {
    label(undoButton, state.undo, msg.msgUndoNext, msg.msgUndoNone, msg.msgUndo);
    label(redoButton, state.redo, msg.msgRedoNext, msg.msgRedoNone, msg.msgRedo);
  }

  async function json(method, url) {
    const response = await fetch(url, { method, headers: { Accept: "application/json" }, cache: "no-store" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.detail || data.title || response.statusText);
    return data;
  }

  /** Asks where the inquiry stands; tells the page when it moved. A change made while a question
      is under way asks again once it is answered: the answer may predate the change. */
  let again = false;
  function check() {
    if (checking) {
      again = true;
      return checking;
    }
    checking = (async () => {
      try {
        const state = await json("GET", `/api/inquiries/${inquiryId}/state`);
        show(state);
        if (version !== null && state.version !== version) {
          version = state.version;
          await changed(state);
        }
        version = state.version;
        return state;
      } catch (error) {
        return null;
      } finally {
        checking = null;
        if (again) {
          again = false;
          check();
        }
      }
    })();
    return checking;
  }

  // ---- The page follows ----

  function editing(region) {
    const focused = document.activeElement;
    if (focused && region.contains(focused) && focused.matches("input, textarea, select, [contenteditable]")) {
      return true;
    }
    return Array.from(region.querySelectorAll("textarea, input[type=text], input:not([type])"))
      .some((field) => field.value !== field.defaultValue);
  }

  async function refreshRegions() {
    const regions = Array.from(document.querySelectorAll("[data-live][id]"));
    if (regions.length === 0) return false;
    const response = await fetch(window.location.href, { headers: { Accept: "text/html" }, cache: "no-store" });
    if (!response.ok) return false;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    let kept = false;
    for (const region of regions) {
      const replacement = fresh.getElementById(region.id);
      if (editing(region)) {
        kept = true;
        continue;
      }
      if (replacement) region.replaceWith(document.importNode(replacement, true));
      else region.remove();
    }
    document.dispatchEvent(new CustomEvent("fabrique:refreshed"));
    return !kept;
  }

  function offerReload() {
    if (stale) return;
    stale = true;
    const note = document.createElement("div");
    note.className = "notice live-notice";
    note.setAttribute("role", "status");
    note.append(`${msg.msgChanged} `);
    const again = document.createElement("button");
    again.type = "button";
    again.className = "link-button";
    again.textContent = msg.msgReload;
    again.addEventListener("click", () => window.location.reload());
    note.append(again);
    const main = document.getElementById("main");
    main.prepend(note);
  }

  /** The page's own scripts follow the change (document view), then the marked regions. */
  async function changed(state) {
    const event = new CustomEvent("fabrique:changed", { detail: state, cancelable: true });
    const handledByScript = !document.dispatchEvent(event) || document.body.hasAttribute("data-live-page");
    const refreshed = await refreshRegions().catch(() => false);
    if (!handledByScript && !refreshed) offerReload();
  }

  // ---- Undo and redo ----

  async function step(kind) {
    try {
      const result = await json("POST", `/api/inquiries/${inquiryId}/${kind}`);
      const sentence = result.done
        ? fill(kind === "undo" ? msg.msgUndone : msg.msgRedone, result.line ? result.line.text : "")
        : kind === "undo" ? msg.msgUndoNone : msg.msgRedoNone;
      say(sentence, result.done ? "ok" : "");
      // The page's own status lines (the code panel's) say it too, instead of what came before.
      document.dispatchEvent(new CustomEvent("fabrique:history-step", {
        detail: { kind, done: Boolean(result.done), sentence },
      }));
      if (result.state) show(result.state);
      await check();
    } catch (error) {
      say(fill(msg.msgError, error.message), "error");
    }
  }

  function liveCapable() {
    return document.body.hasAttribute("data-live-page") || document.querySelector("[data-live][id]") !== null;
  }

  [[undoButton, "undo"], [redoButton, "redo"]].forEach(([button, kind]) => {
    button.form.addEventListener("submit", (event) => {
      // Pages that cannot follow a change in place keep the plain form (the server redirects back).
      if (!liveCapable()) return;
      event.preventDefault();
      step(kind);
    });
  });

  function typing(target) {
    return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === "z" || key === "y") {
      event.preventDefault();
      const button = key === "y" || event.shiftKey ? redoButton : undoButton;
      button.form.requestSubmit ? button.form.requestSubmit() : button.form.submit();
    }
  });

  // ---- When to ask ----

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") check();
  });
  window.addEventListener("focus", () => check());
  window.setInterval(() => {
    if (document.visibilityState === "visible") check();
  }, POLL_MS);

  window.FabriqueLive = {
    /** Call after a change made by the page: the state is read again at once. */
    check,
    /** The version the page shows. */
    version: () => version,
  };
  check();
})();
