/*
 * ivsite unlock.js: opens passphrase-protected mentor pages in the browser.
 *
 * The page's main content was encrypted at build time by ivsite/crypto.py.
 * This script (plain ES2020, no dependencies, nothing loaded from another host)
 * asks for the passphrase, derives the key with WebCrypto and shows the page.
 *
 * Markup it expects (made by the theme's templates):
 *
 *   <main id="iv-main">
 *     <div id="iv-locked" data-salt="B64" data-iterations="600000" data-check="ENVELOPE"
 *          [data-aad="TEXT"]>
 *       <script type="application/octet-stream" id="iv-cipher">ENVELOPE</script>
 *       <form id="iv-unlock">
 *         <input type="password" id="iv-passphrase"> <button>Unlock</button>
 *         <p id="iv-unlock-error" role="alert"></p>
 *       </form>
 *     </div>
 *   </main>
 *   [<button type="button" id="iv-lock" hidden>Lock</button>]  (made here if absent)
 *
 * Scheme (must match ivsite/crypto.py):
 *   key      = PBKDF2(SHA-256, NFC(passphrase) as UTF-8, salt, iterations, 256 bits)
 *   envelope = base64(nonce[12] || ciphertext || tag[16]), AES-256-GCM,
 *              additional data = UTF-8 of data-aad ("" or absent: none)
 *   data-check is an envelope of "ivsite-key-check": it tells a wrong
 *   passphrase from a damaged page.
 *
 * The raw key bytes (base64) are kept in sessionStorage under
 * "ivsite-key:" + data-salt, so other pages of the same build open without
 * asking, until the tab is closed or the Lock button is used.
 *
 * A share link may carry the passphrase in the fragment: page.html#pass=...
 * It is read once and removed from the address bar at once.
 *
 * For other scripts:
 *   window.ivsiteDecrypt(envelope, aad = "") -> Promise<string>
 *     decrypts any envelope with the remembered key (rejects while locked);
 *   document "ivsite:unlocked" event (detail: {salt}) once the page is open;
 *   document.documentElement.dataset.unlocked === "1" after that.
 * The salt is taken from #iv-locked, or on a page without one from
 * <meta name="ivsite-salt" content="B64">.
 *
 * WebCrypto exists only in secure contexts: serve the site over https
 * (http://localhost and http://127.0.0.1 count as secure).
 */
(() => {
  "use strict";

  const STORAGE_PREFIX = "ivsite-key:";
  const KEY_CHECK_TEXT = "ivsite-key-check";
  const MIN_ITERATIONS = 600000;
  const MIN_SALT_BYTES = 16;
  const NONCE_BYTES = 12;
  const TAG_BYTES = 16;

  const MESSAGES = {
    wrong: "That passphrase is not right.",
    empty: "Please type the passphrase.",
    working: "Unlocking\u2026",
    damaged: "This page could not be decrypted: it may be damaged. Please tell the site's owner.",
    unsupported:
      "This browser cannot unlock the page here: it needs a current browser and a secure (https) address.",
    locked: "ivsite: no key is remembered for this site yet; unlock a page first.",
  };

  const subtle = globalThis.crypto && globalThis.crypto.subtle ? globalThis.crypto.subtle : null;
  const encoder = new TextEncoder();

  let pageSalt = ""; // base64 salt of this page, once known
  let cachedKey = null; // CryptoKey for pageSalt, once known

  // ---- helpers -------------------------------------------------------------

  function b64ToBytes(text) {
    const bin = atob(String(text).replace(/\s+/g, ""));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
    return out;
  }

  function bytesToB64(bytes) {
    let bin = "";
    for (let i = 0; i < bytes.length; i += 1) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }

  function storageGet(name) {
    try {
      return window.sessionStorage.getItem(name);
    } catch (_err) {
      return null;
    }
  }

  function storageSet(name, value) {
    try {
      window.sessionStorage.setItem(name, value);
    } catch (_err) {
      /* storage disabled: the key is simply not remembered */
    }
  }

  function storageRemove(name) {
    try {
      window.sessionStorage.removeItem(name);
    } catch (_err) {
      /* nothing to remove */
    }
  }

  async function deriveRawKey(passphrase, saltBytes, iterations) {
    const material = await subtle.importKey(
      "raw",
      encoder.encode(passphrase.normalize("NFC")),
      "PBKDF2",
      false,
      ["deriveBits"],
    );
    const bits = await subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: saltBytes, iterations },
      material,
      256,
    );
    return new Uint8Array(bits);
  }

  function importAesKey(rawBytes) {
    return subtle.importKey("raw", rawBytes, { name: "AES-GCM" }, false, ["decrypt"]);
  }

  async function decryptEnvelope(key, envelope, aad) {
    const data = b64ToBytes(envelope);
    if (data.length < NONCE_BYTES + TAG_BYTES) throw new Error("ivsite: envelope too short");
    const params = { name: "AES-GCM", iv: data.slice(0, NONCE_BYTES), tagLength: TAG_BYTES * 8 };
    if (aad) params.additionalData = encoder.encode(aad);
    const plain = await subtle.decrypt(params, key, data.slice(NONCE_BYTES));
    return new TextDecoder("utf-8", { fatal: true }).decode(plain);
  }

  async function keyMatches(key, checkEnvelope) {
    try {
      return (await decryptEnvelope(key, checkEnvelope, "")) === KEY_CHECK_TEXT;
    } catch (_err) {
      return false;
    }
  }

  // Reads "pass=..." from the URL fragment once and removes it from the address bar.
  function takeFragmentPassphrase() {
    const fragment = window.location.hash.replace(/^#/, "");
    if (!fragment) return "";
    const parts = fragment.split("&");
    const index = parts.findIndex((part) => part.startsWith("pass="));
    if (index < 0) return "";
    const encoded = parts[index].slice("pass=".length);
    parts.splice(index, 1);
    const rest = parts.join("&");
    const url = window.location.pathname + window.location.search + (rest ? "#" + rest : "");
    try {
      window.history.replaceState(window.history.state, "", url);
    } catch (_err) {
      /* the passphrase stays visible, but the page still opens */
    }
    try {
      return decodeURIComponent(encoded);
    } catch (_err) {
      return encoded;
    }
  }

  function saltFromDocument() {
    if (pageSalt) return pageSalt;
    const locked = document.getElementById("iv-locked");
    if (locked && locked.dataset.salt) return locked.dataset.salt.trim();
    const meta = document.querySelector('meta[name="ivsite-salt"]');
    return meta && meta.content ? meta.content.trim() : "";
  }

  async function rememberedKey() {
    if (!subtle) throw new Error(MESSAGES.unsupported);
    const salt = saltFromDocument();
    if (cachedKey && salt === pageSalt) return cachedKey;
    const stored = salt ? storageGet(STORAGE_PREFIX + salt) : null;
    if (!stored) throw new Error(MESSAGES.locked);
    const key = await importAesKey(b64ToBytes(stored));
    if (salt === pageSalt) cachedKey = key;
    return key;
  }

  // Decrypts any envelope of this build with the remembered key.
  window.ivsiteDecrypt = async (envelope, aad = "") =>
    decryptEnvelope(await rememberedKey(), envelope, aad);

  // ---- the locked page -------------------------------------------------------

  function setMessage(ctx, text) {
    if (ctx.errorEl) ctx.errorEl.textContent = text;
    if (ctx.input) {
      if (text && text !== MESSAGES.working) ctx.input.setAttribute("aria-invalid", "true");
      else ctx.input.removeAttribute("aria-invalid");
    }
  }

  function setBusy(ctx, busy) {
    if (!ctx.form) return;
    ctx.form.setAttribute("aria-busy", busy ? "true" : "false");
    for (const control of ctx.form.querySelectorAll("button, input[type=submit]")) {
      control.disabled = busy;
    }
  }

  function showLockButton(ctx, main) {
    let button = document.getElementById("iv-lock");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.id = "iv-lock";
      button.className = "iv-lock";
      button.textContent = "Lock";
      button.title = "Forget the passphrase in this tab";
      if (main) main.prepend(button);
      else document.body.prepend(button);
    }
    button.hidden = false;
    button.addEventListener("click", () => {
      storageRemove(ctx.storageName);
      cachedKey = null;
      window.location.reload();
    });
  }

  // Shows the decrypted content; returns false if the page itself is damaged.
  async function reveal(ctx, key, moveFocus) {
    let html;
    try {
      html = await decryptEnvelope(key, ctx.cipherEl ? ctx.cipherEl.textContent : "", ctx.aad);
    } catch (_err) {
      if (ctx.form) ctx.form.hidden = true;
      if (ctx.errorEl) {
        // Keep the alert visible even though its form is hidden.
        ctx.locked.append(ctx.errorEl);
        ctx.errorEl.textContent = MESSAGES.damaged;
      }
      return false;
    }
    cachedKey = key;
    const main = document.getElementById("iv-main") || ctx.locked.closest("main");
    if (main) {
      main.innerHTML = html;
    } else {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      ctx.locked.replaceWith(...holder.childNodes);
    }
    showLockButton(ctx, main);
    document.documentElement.dataset.unlocked = "1";
    if (moveFocus && main) {
      if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
      main.focus({ preventScroll: true });
    }
    document.dispatchEvent(new CustomEvent("ivsite:unlocked", { detail: { salt: ctx.salt } }));
    return true;
  }

  async function attempt(ctx, passphrase) {
    if (ctx.busy) return;
    if (!passphrase) {
      setMessage(ctx, MESSAGES.empty);
      return;
    }
    ctx.busy = true;
    setBusy(ctx, true);
    setMessage(ctx, MESSAGES.working);
    try {
      const raw = await deriveRawKey(passphrase, ctx.saltBytes, ctx.iterations);
      const key = await importAesKey(raw);
      if (!(await keyMatches(key, ctx.check))) {
        setMessage(ctx, MESSAGES.wrong);
        if (ctx.input) ctx.input.select();
        return;
      }
      storageSet(ctx.storageName, bytesToB64(raw));
      await reveal(ctx, key, true);
    } catch (_err) {
      setMessage(ctx, MESSAGES.damaged);
    } finally {
      ctx.busy = false;
      setBusy(ctx, false);
    }
  }

  async function init() {
    const locked = document.getElementById("iv-locked");
    if (!locked) return;
    const ctx = {
      locked,
      cipherEl: document.getElementById("iv-cipher"),
      form: document.getElementById("iv-unlock"),
      input: document.getElementById("iv-passphrase"),
      errorEl: document.getElementById("iv-unlock-error"),
      salt: (locked.dataset.salt || "").trim(),
      iterations: Number(locked.dataset.iterations),
      check: (locked.dataset.check || "").trim(),
      aad: locked.dataset.aad || "",
      saltBytes: null,
      storageName: "",
      busy: false,
    };
    pageSalt = ctx.salt;
    ctx.storageName = STORAGE_PREFIX + ctx.salt;
    if (ctx.input && ctx.errorEl && ctx.errorEl.id && !ctx.input.hasAttribute("aria-describedby")) {
      ctx.input.setAttribute("aria-describedby", ctx.errorEl.id);
    }

    // Read (and hide) a share-link passphrase before anything can fail.
    const fragmentPass = takeFragmentPassphrase();

    if (!subtle) {
      setMessage(ctx, MESSAGES.unsupported);
      return;
    }
    try {
      ctx.saltBytes = b64ToBytes(ctx.salt);
    } catch (_err) {
      ctx.saltBytes = null;
    }
    if (
      !ctx.saltBytes ||
      ctx.saltBytes.length < MIN_SALT_BYTES ||
      !Number.isSafeInteger(ctx.iterations) ||
      ctx.iterations < MIN_ITERATIONS ||
      !ctx.check
    ) {
      setMessage(ctx, MESSAGES.damaged);
      return;
    }

    if (ctx.form) {
      ctx.form.addEventListener("submit", (event) => {
        event.preventDefault();
        attempt(ctx, ctx.input ? ctx.input.value : "");
      });
    }

    // A key remembered from another page of this build: open without asking.
    const stored = storageGet(ctx.storageName);
    if (stored) {
      if (ctx.form) ctx.form.hidden = true;
      let key = null;
      try {
        key = await importAesKey(b64ToBytes(stored));
      } catch (_err) {
        key = null;
      }
      if (key && (await keyMatches(key, ctx.check))) {
        await reveal(ctx, key, false);
        return;
      }
      storageRemove(ctx.storageName);
      if (ctx.form) ctx.form.hidden = false;
    }

    if (fragmentPass) {
      await attempt(ctx, fragmentPass);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => {
      init();
    });
  } else {
    init();
  }
})();
