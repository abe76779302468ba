/* Fabrique: behaviour shared by all pages. Pages work without it; it adds confirmations,
   menus that close, and the background import with its progress bar. */
"use strict";

(function () {
  /** Fills {0}, {1}… in a translated message. */
  function fill(pattern, ...args) {
    return String(pattern || "").replace(/\{(\d+)\}/g, (m, i) => (args[+i] === undefined ? "" : String(args[+i])));
  }
  /**
   * A message with a plural, from its forms by plural keyword as the server wrote them (JSON in a
   * data attribute, see Page.plural): the form the page's language uses for the count, filled with
   * the count written in that language, then with the other arguments.
   */
  function plural(forms, count, ...args) {
    const lang = document.documentElement.lang || "en";
    const all = typeof forms === "string" ? JSON.parse(forms) : forms;
    const form = all[new Intl.PluralRules(lang).select(count)] || all.other || "";
    return fill(form, Number(count).toLocaleString(lang), ...args);
  }
  window.Fabrique = { fill, plural };

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // Menus (details elements) close with Escape and when clicking elsewhere.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[data-menu][open]").forEach((menu) => {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", (event) => {
    document.querySelectorAll("details[data-menu][open]").forEach((menu) => {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });

  document.querySelectorAll("[data-history-back]").forEach((button) => {
    if (window.history.length > 1) {
      button.hidden = false;
      button.addEventListener("click", () => window.history.back());
    }
  });

  const importPanel = document.querySelector("[data-import]");
  if (importPanel) setUpImport(importPanel);

  function setUpImport(panel) {
    const form = panel.querySelector("form");
    const input = form.querySelector('input[type="file"]');
    const zone = panel.querySelector("[data-dropzone]");
    const list = panel.querySelector("[data-file-list]");
    const progress = panel.querySelector("[data-progress]");
    const progressText = panel.querySelector("[data-progress-text]");
    const bar = panel.querySelector("[data-progress-bar]");
    const report = panel.querySelector("[data-report]");
    const msg = panel.dataset;
    const maxBytes = Number(msg.maxBytes);
    let chosen = [];

    function showChosen() {
      list.textContent = chosen.map((f) => f.name).join(", ");
    }
    input.addEventListener("change", () => {
      chosen = Array.from(input.files);
      showChosen();
    });
    ["dragenter", "dragover"].forEach((type) =>
      zone.addEventListener(type, (event) => {
        event.preventDefault();
        zone.classList.add("is-over");
      }));
    ["dragleave", "drop"].forEach((type) =>
      zone.addEventListener(type, () => zone.classList.remove("is-over")));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      chosen = Array.from(event.dataTransfer.files || []);
      showChosen();
    });

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (chosen.length === 0) {
        input.reportValidity();
        return;
      }
      const total = chosen.reduce((sum, f) => sum + f.size, 0);
      if (total > maxBytes) {
        report.textContent = msg.msgTooLarge;
        return;
      }
      const data = new FormData();
      chosen.forEach((file) => data.append("files", file, file.name));
      ["kind", "caseId", "confidentiality"].forEach((name) => data.append(name, form.elements[name].value));
      if (form.elements.allowDuplicates && form.elements.allowDuplicates.checked) data.append("allowDuplicates", "yes");
      form.querySelector('button[type="submit"]').disabled = true;
      progress.hidden = false;
      bar.removeAttribute("value");
      progressText.textContent = msg.msgUploading;
      report.textContent = "";
      try {
        const response = await fetch(`/api/inquiries/${panel.dataset.inquiryId}/imports`, {
          method: "POST", body: data, headers: { Accept: "application/json" },
        });
        const job = await response.json();
        if (!response.ok) throw new Error(job.detail || response.statusText);
        await follow(job.id);
      } catch (error) {
        progress.hidden = true;
        report.textContent = `${msg.msgFailed} ${error.message || ""}`;
        form.querySelector('button[type="submit"]').disabled = false;
      }
    });

    async function follow(id) {
      for (;;) {
        const response = await fetch(`/api/imports/${id}`, { headers: { Accept: "application/json" } });
        const job = await response.json();
        if (!response.ok) throw new Error(job.detail || response.statusText);
        if (job.total > 0) {
          bar.max = job.total;
          bar.value = job.done;
        }
        if (job.state === "done" || job.state === "failed") {
          finish(job);
          return;
        }
        if (job.currentFile) {
          progressText.textContent = fill(msg.msgProgress, job.done + 1, job.total, job.currentFile);
        }
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    }

    function finish(job) {
      if (job.state === "failed") {
        progressText.textContent = msg.msgFailed;
        form.querySelector('button[type="submit"]').disabled = false;
        return;
      }
      const imported = job.files.filter((f) => f.imported).length;
      progressText.textContent = fill(msg.msgDone, plural(msg.msgImportedCount, imported),
        plural(msg.msgRefusedCount, job.files.length - imported));
      bar.max = 1;
      bar.value = 1;
      const ul = document.createElement("ul");
      ul.className = "report";
      job.files.forEach((file) => {
        const li = document.createElement("li");
        li.className = file.imported ? "ok" : "refused";
        const name = document.createElement("strong");
        name.textContent = file.fileName;
        li.append(name, " — ");
        if (file.imported) {
          li.append(`${msg.msgImported} `);
          const a = document.createElement("a");
          a.href = `/sources/${file.sourceId}`;
          a.textContent = msg.msgOpen;
          li.append(a);
        } else {
          li.append(msg.msgRefused);
          file.problems.forEach((p) => {
            const span = document.createElement("span");
            span.className = "problem";
            span.textContent = p.message;
            li.append(span);
          });
        }
        ul.append(li);
      });
      report.replaceChildren(ul);
      chosen = [];
      input.value = "";
      list.textContent = "";
      form.querySelector('button[type="submit"]').disabled = false;
      if (imported > 0) refreshList();
    }

    async function refreshList() {
      // The list of sources is re-read from the server so that it shows the new sources.
      const response = await fetch(window.location.pathname, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const html = await response.text();
      const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("#list-heading");
      const current = document.querySelector("#list-heading");
      if (fresh && current) current.parentElement.replaceWith(fresh.parentElement);
    }
  }
})();
