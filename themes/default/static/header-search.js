/*
 * ivsite: the header's search box, with Pagefind's own UI.
 *
 * Without script (or if pagefind-ui.js did not load) the header keeps a plain
 * form that goes to the search page. With it, the form gives way to Pagefind's
 * UI, which reads the index written into pagefind/ on this same site.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.header-search[data-mode='pagefind']");
  if (!form || typeof window.PagefindUI !== "function") {
    return;
  }
  var box = document.createElement("div");
  box.id = "iv-header-pagefind";
  box.className = "header-search header-pagefind";
  form.replaceWith(box);
  // An absolute address: Pagefind imports its bundle relative to its own script.
  var bundle = new URL(form.getAttribute("data-bundle") || "pagefind/", document.baseURI).href;
  new window.PagefindUI({
    element: "#iv-header-pagefind",
    bundlePath: bundle,
    showImages: false,
    showSubResults: false,
    excerptLength: 18,
    translations: { placeholder: "Search notes" },
  });
  // Pagefind names its input only by a title: give it a label (as the plain form had).
  var input = box.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.id = "iv-header-q";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = input.id;
    label.textContent = "Search notes";
    input.parentNode.insertBefore(label, input);
  }
})();
