// newsfuse web page: vanilla JS, no dependencies, no build step.
// Everything that comes from an article is put on the page with textContent or
// text nodes, never as markup.
"use strict";

(function () {
  const SEPARATOR = /^[ \t]*(?:\|{5,}|-{3,})[ \t]*$/m;
  const SEPARATOR_G = /^[ \t]*(?:\|{5,}|-{3,})[ \t]*$/gm;

  const $ = (id) => document.getElementById(id);
  const form = $("input-form");
  const list = $("articles");
  const template = $("article-template");
  const statusEl = $("status");
  const result = $("result");
  const briefEl = $("brief");
  const sourcesEl = $("sources");
  const statsEl = $("stats");
  const dialog = $("source-dialog");
  const submitBtn = $("submit");

  const fileInput = $("files");
  const fileList = $("file-list");
  const notesEl = $("notes");
  const disputesEl = $("disputes");

  let lastBrief = null;
  let lastOpener = null;
  let chosenFiles = []; // File objects, in the order chosen
  let maxBodyBytes = null; // the server's --max-body-mb, from /api/health
  let maxDocuments = null; // the server's --max-documents, from /api/health

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null) continue;
        if (k === "text") node.textContent = v;
        else if (k === "className") node.className = v;
        else if (k === "dataset") Object.assign(node.dataset, v);
        else node.setAttribute(k, String(v));
      }
    }
    for (const c of children || []) node.append(c);
    return node;
  }

  function setStatus(message, kind) {
    statusEl.textContent = message;
    statusEl.className = "status" + (kind ? " " + kind : "");
  }

  // ---- article boxes ------------------------------------------------------

  function renumber() {
    const items = list.querySelectorAll("li.article");
    items.forEach((li, i) => {
      const n = i + 1;
      li.querySelector(".article-label").textContent = "Article " + n;
      li.querySelector(".text").setAttribute("aria-label", "Article " + n + " text");
      li.querySelector(".outlet").setAttribute("aria-label", "Article " + n + " outlet");
      li.querySelector(".date").setAttribute("aria-label", "Article " + n + " date");
      const remove = li.querySelector(".remove");
      remove.setAttribute("aria-label", "Remove article " + n);
      remove.disabled = items.length === 1;
    });
  }

  function addArticle(text, focus) {
    const li = template.content.firstElementChild.cloneNode(true);
    const area = li.querySelector(".text");
    if (text) area.value = text;
    area.addEventListener("paste", onPaste);
    li.querySelector(".remove").addEventListener("click", () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      renumber();
      if (next) next.querySelector(".text").focus();
      setStatus(list.children.length + " article box(es).");
    });
    list.append(li);
    renumber();
    if (focus) area.focus();
    return li;
  }

  function splitArticles(text) {
    return text.split(SEPARATOR_G).map((s) => s.trim()).filter((s) => s.length > 0);
  }

  // Pasting a block with separator lines fills one box per article.
  function onPaste(event) {
    const data = event.clipboardData && event.clipboardData.getData("text/plain");
    if (!data || !SEPARATOR.test(data)) return;
    const parts = splitArticles(data);
    if (parts.length < 2) return;
    event.preventDefault();
    const area = event.target;
    let li = area.closest("li.article");
    if (area.value.trim() === "") {
      area.value = parts.shift();
    }
    for (const part of parts) {
      const fresh = addArticle(part, false);
      li.after(fresh);
      li = fresh;
    }
    renumber();
    setStatus("Pasted text split into " + (parts.length + 1) + " articles.");
  }

  const LOOKS_LIKE_HTML = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

  // One document per box (or per separated part of a box). A box without an
  // outlet name is cited as "Article N", so the brief never shows a bare id.
  function collectDocuments() {
    const docs = [];
    for (const li of list.querySelectorAll("li.article")) {
      const text = li.querySelector(".text").value;
      const outlet = li.querySelector(".outlet").value.trim();
      const date = li.querySelector(".date").value.trim();
      for (const part of splitArticles(text)) {
        const doc = { text: part, source: outlet || "Article " + (docs.length + 1) };
        if (date) doc.date = date;
        if (LOOKS_LIKE_HTML.test(part)) doc.html = true; // the server extracts the article from the page
        docs.push(doc);
      }
    }
    return docs;
  }

  // ---- files ----------------------------------------------------------------
  // Chosen with the file input or dropped anywhere on the page; read with FileReader as base64 when the form
  // is sent, and read by the server as `newsfuse summarize FILE` reads them. Nothing is uploaded before that.

  function sizeText(n) {
    if (n >= 1e6) return (n / 1e6).toFixed(1) + " MB";
    if (n >= 1e3) return Math.round(n / 1e3) + " kB";
    return n + " bytes";
  }

  function renderFiles() {
    fileList.replaceChildren();
    chosenFiles.forEach((file, i) => {
      const li = el("li", { className: "file" });
      const label = el("span", { className: "file-label" }, [
        el("span", { className: "file-name", text: file.name }), " ",
        el("span", { className: "file-size", text: "(" + sizeText(file.size) + ")" }),
      ]);
      const remove = el("button", {
        type: "button", className: "remove secondary", "aria-label": "Remove file " + file.name, text: "Remove",
      });
      remove.addEventListener("click", () => {
        chosenFiles = chosenFiles.filter((f) => f !== file);
        renderFiles();
        setStatus("Removed the file " + file.name + ".");
        const buttons = fileList.querySelectorAll(".remove");
        (buttons[Math.min(i, buttons.length - 1)] || fileInput).focus();
      });
      li.append(label, remove);
      fileList.append(li);
    });
    const total = chosenFiles.reduce((n, f) => n + f.size, 0);
    $("files-count").textContent = chosenFiles.length
      ? chosenFiles.length + (chosenFiles.length === 1 ? " file" : " files") + " chosen, " + sizeText(total) + "."
      : "";
  }

  function fileKey(f) {
    return f.name + "\u0000" + f.size + "\u0000" + f.lastModified;
  }

  // a few names, then how many more: the status line is read out by screen readers
  function someNames(names) {
    return names.length > 3 ? names.slice(0, 3).join(", ") + " and " + (names.length - 3) + " more" : names.join(", ");
  }

  function addFiles(files) {
    const seen = new Set(chosenFiles.map(fileKey)); // (thousands of dropped files: no pairwise comparison)
    const added = [];
    for (const f of Array.from(files || [])) {
      if (seen.has(fileKey(f))) continue;
      seen.add(fileKey(f));
      chosenFiles.push(f);
      added.push(f.name);
    }
    renderFiles();
    if (added.length) setStatus("Added " + (added.length === 1 ? "the file " : added.length + " files: ") + someNames(added) + ".");
  }

  fileInput.addEventListener("change", () => {
    addFiles(fileInput.files);
    fileInput.value = ""; // (the same file can be chosen again after its removal)
  });

  // Files dropped anywhere on the page are added (and never opened by the browser in place of the page);
  // text dragged into a box is left to the box.
  function dragsFiles(event) {
    return !!event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files");
  }
  let dragDepth = 0;
  document.addEventListener("dragenter", (e) => {
    if (!dragsFiles(e)) return;
    e.preventDefault();
    dragDepth += 1;
    document.body.classList.add("dragging");
  });
  document.addEventListener("dragover", (e) => {
    if (!dragsFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (e) => {
    if (!dragsFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove("dragging");
  });
  document.addEventListener("drop", (e) => {
    if (!dragsFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    document.body.classList.remove("dragging");
    addFiles(e.dataTransfer.files);
  });

  function readBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.addEventListener("load", () => {
        const url = String(reader.result); // data:<type>;base64,<data>
        resolve(url.slice(url.indexOf(",") + 1));
      });
      reader.addEventListener("error", () => {
        reject(new Error("could not read the file " + file.name + (reader.error ? " (" + reader.error.message + ")" : "")));
      });
      reader.readAsDataURL(file);
    });
  }

  // ---- submit -------------------------------------------------------------

  async function onSubmit(event) {
    event.preventDefault();
    const documents = collectDocuments();
    const urlsBox = $("urls");
    const urls = urlsBox && !$("urls-section").hidden
      ? urlsBox.value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean)
      : [];
    const words = Number($("words").value);
    const files = chosenFiles.slice();
    if (documents.length + urls.length + files.length === 0) {
      setStatus("Paste at least one article or choose a file (two or more give a better brief).", "error");
      list.querySelector(".text").focus();
      return;
    }
    if (!Number.isInteger(words) || words < 1 || words > 5000) {
      setStatus("Length must be a whole number of words from 1 to 5000.", "error");
      $("words").focus();
      return;
    }
    const count = documents.length + urls.length + files.length;
    if (maxDocuments && count > maxDocuments) { // refused before thousands of files are read as base64
      const what = [[documents.length, "article"], [urls.length, "URL"], [files.length, "file"]]
        .filter(([n]) => n).map(([n, w]) => n + " " + w + (n === 1 ? "" : "s")).join(", ");
      setStatus("Too many to send: " + what + "; this server takes at most " + maxDocuments + " per request. Remove some.", "error");
      (fileList.querySelector(".remove") || fileInput).focus();
      return;
    }
    const body = { documents: documents, words: words };
    if (urls.length) body.urls = urls;
    // base64 sends 4 bytes for every 3 of a file: a request over the server's limit is refused before it is sent
    const sending = files.reduce((n, f) => n + 4 * Math.ceil(f.size / 3), JSON.stringify(body).length);
    if (maxBodyBytes && sending > maxBodyBytes) {
      setStatus("Too much to send: the files and texts come to " + sizeText(sending) + " in base64 (4/3 of the files' size); " +
        "this server takes at most " + sizeText(maxBodyBytes) + " per request. Remove a file.", "error");
      (fileList.querySelector(".remove") || fileInput).focus();
      return;
    }
    submitBtn.disabled = true;
    form.setAttribute("aria-busy", "true");
    const parts = [];
    if (documents.length) parts.push(documents.length + " article(s)");
    if (files.length) parts.push(files.length + " file(s)");
    if (urls.length) parts.push(urls.length + " URL(s)");
    const started = performance.now();
    try {
      if (files.length) {
        setStatus("Reading " + files.length + " file(s)…", "busy");
        body.files = [];
        for (const f of files) body.files.push({ name: f.name, data: await readBase64(f) });
      }
      setStatus("Summarizing " + parts.join(", ") + "…", "busy");
      const response = await fetch("/api/summarize?include_text=true", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify(body),
      });
      let payload = null;
      try {
        payload = await response.json();
      } catch (e) {
        payload = null;
      }
      if (!response.ok) {
        const message = payload && typeof payload.error === "string" ? payload.error : "the server answered " + response.status;
        setStatus("Could not summarize: " + message, "error");
        return;
      }
      renderBrief(payload);
      const secs = ((performance.now() - started) / 1000).toFixed(1);
      const noted = Array.isArray(payload.notes) && payload.notes.length
        ? " " + payload.notes.length + " note(s) on the input above the brief." : "";
      setStatus("Brief ready: " + payload.sentences.length + " sentence(s) from " + payload.sources.length + " source(s) in " + secs + " s." + noted, "ok");
      $("brief-heading").focus();
    } catch (e) {
      const message = e && e.message ? e.message : String(e);
      setStatus(/^could not read the file /.test(message) ? "Could not summarize: " + message : "Could not reach the server: " + message, "error");
    } finally {
      submitBtn.disabled = false;
      form.removeAttribute("aria-busy");
    }
  }

  // ---- rendering the brief ----------------------------------------------

  function sourceLabel(src) {
    return src.name || src.title || src.id;
  }

  function renderBrief(brief) {
    lastBrief = brief;
    const index = new Map();
    brief.sources.forEach((s, i) => index.set(s.id, i));
    briefEl.replaceChildren();
    sourcesEl.replaceChildren();
    // what the server skipped or left out (a file it cannot read beside others, a feed's other news)
    const notes = Array.isArray(brief.notes) ? brief.notes : [];
    notesEl.replaceChildren(...notes.map((n) => el("li", { text: String(n) })));
    notesEl.hidden = notes.length === 0;

    brief.sentences.forEach((sentence, si) => {
      const backers = sentence.sources.filter((id) => index.has(id));
      const names = backers.map((id) => sourceLabel(brief.sources[index.get(id)]));
      const li = el("li", { className: "sentence" });
      li.append(el("span", { className: "sentence-text", text: sentence.text }));
      const marks = el("span", { className: "marks" });
      const ordered = backers.map((id) => index.get(id)).sort((a, b) => a - b);
      for (const i of ordered) {
        const src = brief.sources[i];
        const isOrigin = src.id === sentence.origin;
        const who = sourceLabel(src) + (src.date ? " (" + src.date + ")" : "");
        const quoted = isOrigin ? " The brief quotes this outlet's sentence." : "";
        const others = names.length > 1 ? " Reported by " + names.length + " outlets: " + names.join(", ") + "." : " Reported by this outlet only.";
        const button = el("button", {
          type: "button",
          className: "cite" + (isOrigin ? " origin" : ""),
          title: "[" + (i + 1) + "] " + who + "." + quoted + others + " Open the article with this sentence highlighted.",
          "aria-label": "Source " + (i + 1) + ": " + who + "." + quoted + others + " Open the article with this sentence highlighted.",
          dataset: { sentence: String(si), source: String(i) },
          text: "[" + (i + 1) + "]",
        });
        button.addEventListener("click", onCite);
        marks.append(button);
      }
      li.append(" ", marks);
      const n = sentence.outlets;
      const r = sentence.reports || 0;
      // fewer independent reports than outlets: some outlets republished one wire copy
      const independent = r > 0 && r < n ? ", " + r + " independent report" + (r === 1 ? "" : "s") : "";
      li.append(" ", el("span", {
        className: "count" + (n > 1 ? " many" : ""),
        title: names.join(", ") + (independent ? " (some carry the same wire copy)" : ""),
        text: n + (n === 1 ? " outlet" : " outlets") + independent,
      }));
      briefEl.append(li);
    });

    brief.sources.forEach((src, i) => {
      const li = el("li", { className: "source", id: "source-" + (i + 1) });
      li.append(el("span", { className: "source-num", text: "[" + (i + 1) + "]" }), " ");
      li.append(el("strong", { className: "source-name", text: sourceLabel(src) }));
      if (src.title && src.title !== src.name) li.append(" — ", el("span", { className: "source-title", text: src.title }));
      if (src.date) li.append(" · ", el("time", { className: "source-date", text: src.date }));
      if (src.url && /^https?:\/\//i.test(src.url)) {
        li.append(" · ", el("a", { href: src.url, rel: "noopener noreferrer nofollow", target: "_blank", text: "original" }));
      }
      if (typeof src.text === "string") {
        const read = el("button", {
          type: "button",
          className: "link",
          "aria-label": "Read source " + (i + 1) + ", " + sourceLabel(src),
          dataset: { source: String(i) },
          text: "read",
        });
        read.addEventListener("click", (e) => openSource(i, null, e.currentTarget));
        li.append(" · ", read);
      }
      sourcesEl.append(li);
    });

    // a count the brief states that outlets give differently: "Figures differ: 9 dead [5]; 7 dead [2,3,4,6]."
    const disputes = Array.isArray(brief.disputes) ? brief.disputes : [];
    disputesEl.replaceChildren(...disputes.map((d) => {
      const li = el("li", { className: "dispute" });
      li.append(el("strong", { text: "Figures differ:" }));
      (d.figures || []).forEach((f, k) => {
        const nums = (f.sources || []).filter((id) => index.has(id)).map((id) => index.get(id) + 1).sort((a, b) => a - b);
        const names = nums.map((n) => sourceLabel(brief.sources[n - 1]));
        li.append((k ? "; " : " ") + f.count + " " + d.kind + " ");
        li.append(el("span", { className: "dispute-sources", title: names.join(", "), text: "[" + nums.join(",") + "]" }));
      });
      li.append(".");
      return li;
    }));
    disputesEl.hidden = disputes.length === 0;

    const st = brief.stats || {};
    statsEl.textContent = (st.words !== undefined ? st.words + " words" : "") +
      (st.documents !== undefined ? " from " + st.documents + " documents" : "") +
      (st.sentences_in !== undefined ? " (" + st.sentences_in + " sentences read)" : "") +
      (st.seconds !== undefined ? " in " + st.seconds + " s." : "");
    result.hidden = false;
  }

  // ---- a source in context -------------------------------------------------

  function onCite(event) {
    const b = event.currentTarget;
    openSource(Number(b.dataset.source), Number(b.dataset.sentence), b);
  }

  const STOP = new Set(("a an and are as at be been but by for from had has have he her his in into is it its " +
    "not of on or said says she that the their them they this to was were which who will with would").split(" "));

  // Content words, lightly stemmed, for matching a sentence to another outlet's wording.
  function words(s) {
    return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [])
      .filter((w) => !STOP.has(w))
      .map((w) => (w.length > 4 && w.endsWith("s") ? w.slice(0, -1) : w));
  }

  // Where `sentence` is in `text`: exact offsets for its origin, else a verbatim
  // match, else the sentence of `text` sharing most words with it.
  function locate(text, sentence, isOrigin) {
    if (isOrigin && sentence.end > sentence.start && text.slice(sentence.start, sentence.end) === sentence.text) {
      return { start: sentence.start, end: sentence.end, exact: true };
    }
    const at = text.indexOf(sentence.text);
    if (at >= 0) return { start: at, end: at + sentence.text.length, exact: true };
    if (isOrigin && sentence.end > sentence.start && sentence.end <= text.length) {
      return { start: sentence.start, end: sentence.end, exact: true };
    }
    const target = new Set(words(sentence.text));
    if (target.size === 0) return null;
    let best = null;
    const re = /[^.!?\n]+(?:[.!?]+["'”’)\]]*|\n|$)/g;
    let m;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const w = words(m[0]);
      if (!w.length) continue;
      let shared = 0;
      for (const x of new Set(w)) if (target.has(x)) shared++;
      const score = shared / Math.sqrt(target.size * new Set(w).size);
      if (!best || score > best.score) {
        const lead = m[0].length - m[0].trimStart().length;
        best = { start: m.index + lead, end: m.index + m[0].trimEnd().length, score: score, exact: false };
      }
    }
    return best && best.score >= 0.2 ? best : null;
  }

  function openSource(sourceIndex, sentenceIndex, opener) {
    if (!lastBrief) return;
    const src = lastBrief.sources[sourceIndex];
    if (!src) return;
    lastOpener = opener || null;
    const text = typeof src.text === "string" ? src.text : "";
    $("dialog-title").textContent = "[" + (sourceIndex + 1) + "] " + sourceLabel(src);
    const meta = [];
    if (src.title && src.title !== src.name) meta.push(src.title);
    if (src.date) meta.push(src.date);
    if (src.url) meta.push(src.url);
    $("dialog-meta").textContent = meta.join(" · ");
    const box = $("dialog-text");
    box.replaceChildren();
    let note = "";
    let mark = null;
    if (sentenceIndex !== null && lastBrief.sentences[sentenceIndex]) {
      const sentence = lastBrief.sentences[sentenceIndex];
      const spot = text ? locate(text, sentence, sentence.origin === src.id) : null;
      if (spot) {
        box.append(document.createTextNode(text.slice(0, spot.start)));
        mark = el("mark", { text: text.slice(spot.start, spot.end) });
        box.append(mark, document.createTextNode(text.slice(spot.end)));
        note = spot.exact
          ? "The highlighted sentence is the one quoted in the brief."
          : "This outlet reports the same fact in its own words; the closest passage is highlighted.";
      } else {
        box.append(document.createTextNode(text));
        note = text ? "This outlet reports the sentence's content, but no single passage matches it closely." : "";
      }
    } else {
      box.append(document.createTextNode(text));
    }
    if (!text) note = "The server did not send this article's text.";
    $("dialog-note").textContent = note;
    if (typeof dialog.showModal === "function") {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    box.scrollTop = 0;
    if (mark) {
      mark.scrollIntoView({ block: "center" });
    }
    $("dialog-close").focus();
  }

  function closeDialog() {
    if (typeof dialog.close === "function") dialog.close();
    else dialog.removeAttribute("open");
  }

  dialog.addEventListener("close", () => {
    if (lastOpener && document.contains(lastOpener)) lastOpener.focus();
  });
  $("dialog-close").addEventListener("click", closeDialog);
  dialog.addEventListener("click", (e) => {
    if (e.target === dialog) closeDialog(); // a click on the backdrop
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && dialog.open) {
      e.preventDefault();
      closeDialog();
    }
  });

  // ---- start ---------------------------------------------------------------

  form.addEventListener("submit", onSubmit);
  form.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit ? form.requestSubmit() : submitBtn.click();
    }
  });
  $("add-article").addEventListener("click", () => {
    addArticle("", true);
    setStatus(list.children.length + " article boxes.");
  });
  addArticle("", false);
  addArticle("", false);

  fetch("/api/health", { headers: { "Accept": "application/json" } })
    .then((r) => (r.ok ? r.json() : null))
    .then((h) => {
      if (h && h.urls === false) $("urls-section").hidden = true;
      if (h && h.limits && Number.isFinite(h.limits.max_body_bytes)) maxBodyBytes = h.limits.max_body_bytes;
      if (h && h.limits && Number.isFinite(h.limits.max_documents)) maxDocuments = h.limits.max_documents;
    })
    .catch(() => {});
})();
