/*
 * ivsite filter.js: the filter bar of the interviews list.
 *
 * Without JavaScript the form stays hidden and every interview is listed. With
 * it, the selects (role, company, format, tag, year) hide the list items whose
 * data-* attributes do not match; the choice is kept in the address (?tag=ux).
 * Plain ES2020, nothing loaded from anywhere.
 */
(() => {
  "use strict";

  function matches(item, select) {
    if (!select.value) return true;
    const key = select.dataset.filter;
    const value = item.dataset[key] || "";
    if (key === "tag") return value.includes("|" + select.value + "|");
    return value === select.value;
  }

  function keepInAddress(selects) {
    const query = new URLSearchParams();
    for (const s of selects) if (s.value) query.set(s.name, s.value);
    const text = query.toString();
    try {
      const url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    } catch (_err) {
      /* file:// pages may refuse; filtering still works */
    }
  }

  function init() {
    const form = document.getElementById("iv-filters");
    const list = document.getElementById("iv-interview-list");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "1";
    const items = Array.from(list.children);
    const selects = Array.from(form.querySelectorAll("select[data-filter]"));
    const status = document.getElementById("iv-filter-status");

    const params = new URLSearchParams(window.location.search);
    for (const s of selects) {
      const wanted = params.get(s.name);
      if (wanted && Array.from(s.options).some((o) => o.value === wanted)) s.value = wanted;
    }

    function apply(remember) {
      let shown = 0;
      for (const item of items) {
        const ok = selects.every((s) => matches(item, s));
        item.hidden = !ok;
        if (ok) shown += 1;
      }
      const active = selects.some((s) => s.value);
      if (status) {
        status.textContent = active
          ? `Showing ${shown} of ${items.length} interviews.`
          : `Showing all ${items.length} interviews.`;
      }
      if (remember) keepInAddress(selects);
    }

    form.addEventListener("change", () => apply(true));
    form.addEventListener("reset", () => window.setTimeout(() => apply(true), 0));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply(true);
    });
    form.hidden = false;
    apply(false);
  }

  function start() {
    init();
    // In the passphrase-protected mentor view the list appears only once unlocked.
    document.addEventListener("ivsite:unlocked", init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
