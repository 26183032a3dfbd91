/*
 * ivsite search.js: the search page.
 *
 * The form #iv-search says where its index is:
 *   data-mode="pagefind"   data-index = relative URL of pagefind/pagefind.js
 *                          (the public site; Pagefind indexed the written pages)
 *   data-mode="json"       data-index = search-index.json (the live preview):
 *                          {"shards": [...]}, each shard a JSON list of notes
 *   data-mode="encrypted"  data-index = search-index.json.enc, an envelope that
 *                          window.ivsiteDecrypt (unlock.js) opens once unlocked
 *   data-root              relative URL of the site root, for result links
 * The last two do a simple case-insensitive match of every word typed. Results
 * are built with DOM methods (never innerHTML of indexed text). Nothing is
 * loaded from another host.
 */
(() => {
  "use strict";

  const MAX_RESULTS = 30;
  const EXCERPT_WORDS = 30;

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children) {
      if (child == null) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // Pagefind's excerpt is HTML with <mark>: keep its text and marks, nothing else.
  function safeExcerpt(html) {
    const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    const out = document.createDocumentFragment();
    for (const node of doc.body.firstChild ? doc.body.firstChild.childNodes : []) {
      if (node.nodeType === Node.TEXT_NODE) out.append(node.textContent);
      else if (node.nodeName === "MARK") out.append(h("mark", {}, node.textContent));
      else out.append(node.textContent || "");
    }
    return out;
  }

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // A plain-text excerpt around the first hit, with every hit marked.
  function markedExcerpt(text, terms) {
    const lower = text.toLowerCase();
    let first = -1;
    for (const t of terms) {
      const at = lower.indexOf(t);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    const all = text.split(/\s+/);
    let start = 0;
    if (first > 0) start = Math.max(0, text.slice(0, first).split(/\s+/).length - 8);
    const slice = all.slice(start, start + EXCERPT_WORDS).join(" ");
    const frag = document.createDocumentFragment();
    if (start > 0) frag.append("… ");
    const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const parts = escaped.length ? slice.split(new RegExp(`(${escaped.join("|")})`, "gi")) : [slice];
    parts.forEach((part, i) => frag.append(i % 2 ? h("mark", {}, part) : part));
    if (start + EXCERPT_WORDS < all.length) frag.append(" …");
    return frag;
  }

  function simpleSearch(docs, root, query) {
    const terms = words(query);
    if (!terms.length) return { total: 0, items: [] };
    const hits = [];
    for (const doc of docs) {
      const title = String(doc.title || "").toLowerCase();
      const hay = `${title} ${String(doc.summary || "").toLowerCase()} ${String(doc.text || "").toLowerCase()}`;
      if (!terms.every((t) => hay.includes(t))) continue;
      let score = 0;
      for (const t of terms) {
        if (title.includes(t)) score += 10;
        score += hay.split(t).length - 1;
      }
      hits.push({ doc, score });
    }
    hits.sort((a, b) => b.score - a.score || String(a.doc.title).localeCompare(String(b.doc.title)));
    return {
      total: hits.length,
      items: hits.slice(0, MAX_RESULTS).map(({ doc }) => ({
        href: root + doc.url,
        title: doc.title,
        excerpt: () => markedExcerpt(String(doc.text || doc.summary || ""), terms),
      })),
    };
  }

  function pagefindEngine(pagefind, root) {
    return async (query) => {
      const found = await pagefind.search(query);
      if (!found) return { total: 0, items: [] };
      const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      return {
        total: found.results.length,
        items: data.map((d) => ({
          href: root + String(d.url || "").replace(/^\//, ""),
          title: (d.meta && d.meta.title) || d.url,
          excerpt: () => safeExcerpt(d.excerpt || ""),
        })),
      };
    };
  }

  function init() {
    const form = document.getElementById("iv-search");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    const input = document.getElementById("iv-search-input");
    const status = document.getElementById("iv-search-status");
    const list = document.getElementById("iv-search-results");
    const mode = form.dataset.mode;
    const indexUrl = form.dataset.index;
    const root = form.dataset.root || "./";
    let engine = null;
    let pending = 0;

    async function fetchText(url) {
      const response = await fetch(url, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    }

    async function loadEngine() {
      if (engine) return engine;
      if (mode === "pagefind") {
        const pagefind = await import(new URL(indexUrl, document.baseURI).href);
        // Result URLs are made relative to this page, so the site works under any path.
        await pagefind.options({ baseUrl: "/" });
        engine = pagefindEngine(pagefind, root);
      } else {
        let text = await fetchText(indexUrl);
        if (mode === "encrypted") text = await window.ivsiteDecrypt(text.trim());
        let docs = JSON.parse(text);
        if (!Array.isArray(docs)) {
          // The live preview's index comes in shards, so a save rewrites only one.
          const base = new URL(indexUrl, document.baseURI);
          const parts = await Promise.all(
            docs.shards.map(async (name) => JSON.parse(await fetchText(new URL(name, base).href))));
          docs = parts.flat();
        }
        engine = async (query) => simpleSearch(docs, root, query);
      }
      return engine;
    }

    function show(query, result) {
      list.replaceChildren();
      for (const item of result.items) {
        list.append(
          h("li", { class: "card" },
            h("h2", { class: "card-title" }, h("a", { href: item.href }, item.title)),
            h("p", { class: "excerpt" }, item.excerpt())),
        );
      }
      if (!result.total) status.textContent = `No notes match “${query}”.`;
      else if (result.total === 1) status.textContent = `One note matches “${query}”.`;
      else status.textContent = `${result.total} notes match “${query}”.`;
    }

    async function run(query, remember) {
      const ticket = ++pending;
      query = query.trim();
      if (!query) {
        list.replaceChildren();
        status.textContent = "";
        return;
      }
      if (!engine) status.textContent = "Loading the search index…";
      try {
        const search = await loadEngine();
        const result = await search(query);
        if (ticket === pending) show(query, result);
      } catch (_err) {
        if (ticket === pending) {
          status.textContent =
            "Search is not available here. It works when the site is served over http(s); " +
            "every note is also listed on the section pages.";
        }
        return;
      }
      if (remember) {
        try {
          const url = `${window.location.pathname}?q=${encodeURIComponent(query)}`;
          window.history.replaceState(window.history.state, "", url);
        } catch (_err) {
          /* file:// pages may refuse */
        }
      }
    }

    let timer = 0;
    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => run(input.value, false), 250);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      run(input.value, true);
    });
    const initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      run(initial, false);
    }
  }

  function start() {
    // A locked page holds its form only once unlock.js has opened it.
    if (document.getElementById("iv-locked")) {
      document.addEventListener("ivsite:unlocked", init);
    } else {
      init();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
