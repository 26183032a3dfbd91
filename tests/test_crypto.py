"""Tests of ivsite.mentor.crypto and of themes/default/static/unlock.js working together.

The browser tests use pytest-playwright's ``page`` with Debian's chromium, as set
up by ``browser_type_launch_args`` in tests/conftest.py.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_support import chromium_available, serve_directory
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ivsite.mentor.crypto import (
    ITERATIONS,
    KEY_CHECK_PLAINTEXT,
    NONCE_BYTES,
    SALT_BYTES,
    TAG_BYTES,
    DecryptionError,
    PageKey,
    decrypt_text,
    derive_key,
    encrypt_text,
    envelope_attributes,
    key_check,
    weakness,
)

ROOT = Path(__file__).resolve().parent.parent
UNLOCK_JS = ROOT / "themes" / "default" / "static" / "unlock.js"

# Non-ASCII on purpose: the browser and Python must encode it the same way.
PASSPHRASE = "Kōan ß correct-horse battery staple"
WRONG_PASSPHRASE = "correct horse battery staple"
B64_RE = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


@pytest.fixture(scope="module")
def key() -> PageKey:
    return derive_key(PASSPHRASE)


@pytest.fixture(scope="module")
def other_key() -> PageKey:
    return derive_key(WRONG_PASSPHRASE)


# ---- Python side -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "hello", "<h1>Notes</h1>\n<p>Ünïcödé ✓ 日本語 🙂</p>", "x" * 100_000],
    ids=["empty", "ascii", "unicode-html", "large"],
)
def test_round_trip(key: PageKey, text: str) -> None:
    assert decrypt_text(key, encrypt_text(key, text)) == text


def test_round_trip_with_aad(key: PageKey) -> None:
    envelope = encrypt_text(key, "secret", aad="/mentor/roles/ux/")
    assert decrypt_text(key, envelope, aad="/mentor/roles/ux/") == "secret"


def test_wrong_key_fails(key: PageKey, other_key: PageKey) -> None:
    envelope = encrypt_text(key, "secret")
    with pytest.raises(DecryptionError):
        decrypt_text(other_key, envelope)


def test_same_passphrase_other_salt_fails(key: PageKey) -> None:
    again = derive_key(PASSPHRASE)  # new random salt
    assert again.salt != key.salt
    assert again.key != key.key
    with pytest.raises(DecryptionError):
        decrypt_text(again, encrypt_text(key, "secret"))


def test_decryption_error_is_value_error() -> None:
    assert issubclass(DecryptionError, ValueError)


def test_aad_mismatch_fails(key: PageKey) -> None:
    envelope = encrypt_text(key, "secret", aad="page-a")
    with pytest.raises(DecryptionError):
        decrypt_text(key, envelope, aad="page-b")
    with pytest.raises(DecryptionError):
        decrypt_text(key, envelope)
    with pytest.raises(DecryptionError):
        decrypt_text(key, encrypt_text(key, "secret"), aad="page-a")


def test_different_nonce_each_call(key: PageKey) -> None:
    envelopes = [encrypt_text(key, "same text") for _ in range(50)]
    assert len(set(envelopes)) == 50
    nonces = {base64.b64decode(e)[:NONCE_BYTES] for e in envelopes}
    assert len(nonces) == 50


def test_iterations_at_least_600000(key: PageKey) -> None:
    assert ITERATIONS >= 600_000
    assert key.iterations == ITERATIONS
    with pytest.raises(ValueError, match="iterations"):
        derive_key(PASSPHRASE, iterations=599_999)
    with pytest.raises(ValueError, match="iterations"):
        PageKey(salt=key.salt, iterations=1000, key=key.key)


def test_salt_is_16_random_bytes(key: PageKey) -> None:
    assert SALT_BYTES == 16
    assert len(key.salt) == 16
    assert len(key.key) == 32
    with pytest.raises(ValueError, match="salt"):
        derive_key(PASSPHRASE, salt=b"short")


def test_given_salt_reproduces_key_and_matches_pbkdf2(key: PageKey) -> None:
    again = derive_key(PASSPHRASE, salt=key.salt)
    assert again == key
    expected = hashlib.pbkdf2_hmac(
        "sha256", PASSPHRASE.encode("utf-8"), key.salt, ITERATIONS, dklen=32
    )
    assert key.key == expected


def test_passphrase_is_nfc_normalised(key: PageKey) -> None:
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert derive_key(decomposed, salt=key.salt).key == key.key


def test_empty_passphrase_rejected() -> None:
    with pytest.raises(ValueError, match="empty"):
        derive_key("")


def test_envelope_format(key: PageKey) -> None:
    """base64 (standard alphabet, padded) of nonce[12] || ciphertext || tag[16]."""
    plaintext = "<p>Ünïcödé</p>"
    envelope = encrypt_text(key, plaintext)
    assert B64_RE.match(envelope)
    assert len(envelope) % 4 == 0
    assert html.escape(envelope, quote=True) == envelope  # safe in an attribute as is
    raw = base64.b64decode(envelope, validate=True)
    assert len(raw) == NONCE_BYTES + len(plaintext.encode("utf-8")) + TAG_BYTES
    # Independent decryption straight from the documented layout.
    nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
    assert AESGCM(key.key).decrypt(nonce, sealed, None).decode("utf-8") == plaintext
    # Whitespace (e.g. template indentation) is ignored.
    wrapped = "\n  " + envelope[:20] + "\n" + envelope[20:] + "  \n"
    assert decrypt_text(key, wrapped) == plaintext


def test_plaintext_not_in_envelope(key: PageKey) -> None:
    secret = "Mentor-only note: salary band 95k"
    envelope = encrypt_text(key, secret)
    assert secret not in envelope
    assert secret.encode() not in base64.b64decode(envelope)


@pytest.mark.parametrize(
    "bad",
    ["", "not base64!", "AAAA", base64.b64encode(b"x" * 27).decode()],
    ids=["empty", "not-base64", "too-short", "27-bytes"],
)
def test_malformed_envelope_fails(key: PageKey, bad: str) -> None:
    with pytest.raises(DecryptionError):
        decrypt_text(key, bad)


def test_tampered_envelope_fails(key: PageKey) -> None:
    raw = bytearray(base64.b64decode(encrypt_text(key, "secret text")))
    for index in (0, NONCE_BYTES, len(raw) - 1):  # nonce, ciphertext, tag
        tampered = bytearray(raw)
        tampered[index] ^= 0x01
        with pytest.raises(DecryptionError):
            decrypt_text(key, base64.b64encode(bytes(tampered)).decode())


def test_key_check(key: PageKey, other_key: PageKey) -> None:
    check = key_check(key)
    assert decrypt_text(key, check) == KEY_CHECK_PLAINTEXT == "ivsite-key-check"
    assert key_check(key) != check  # fresh nonce
    with pytest.raises(DecryptionError):
        decrypt_text(other_key, check)


def test_envelope_attributes_never_carry_the_key(key: PageKey) -> None:
    attrs = envelope_attributes(key)
    assert set(attrs) == {"data-salt", "data-iterations", "data-check"}
    assert base64.b64decode(attrs["data-salt"], validate=True) == key.salt
    assert int(attrs["data-iterations"]) == key.iterations >= 600_000
    assert decrypt_text(key, attrs["data-check"]) == KEY_CHECK_PLAINTEXT
    joined = " ".join(attrs.values())
    assert base64.b64encode(key.key).decode() not in joined
    assert key.key.hex() not in joined
    for value in attrs.values():
        assert html.escape(value, quote=True) == value


def test_repr_hides_key(key: PageKey) -> None:
    text = repr(key)
    assert key.key.hex() not in text
    assert repr(key.key) not in text
    assert "key=" not in text.replace("PageKey(", "")


# ---- browser side ---------------------------------------------------------------

SECRET_1 = "Mentor notes page one: the hiring manager prefers portfolios."
SECRET_2 = "Mentor notes page two: ask about the research ops team."
SEARCH_INDEX = {"pages": [{"url": "/mentor/one/", "title": "One", "text": "portfolio"}]}
CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'"
)
UNLOCK_TIMEOUT_MS = 30_000

browser_only = pytest.mark.skipif(
    not chromium_available(timeout=0), reason="Debian chromium (/usr/bin/chromium) is missing"
)


def locked_page(key: PageKey, title: str, body_html: str, *, cipher: str | None = None) -> str:
    """A page marked up as the theme's templates mark up a mentor page."""
    attrs = " ".join(
        f'{name}="{html.escape(value)}"' for name, value in envelope_attributes(key).items()
    )
    envelope = encrypt_text(key, body_html) if cipher is None else cipher
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>{html.escape(title)}</title>
<script src="unlock.js" defer></script>
</head>
<body>
<main id="iv-main">
  <div id="iv-locked" {attrs}>
    <script type="application/octet-stream" id="iv-cipher">
      {envelope}
    </script>
    <form id="iv-unlock">
      <label for="iv-passphrase">Passphrase</label>
      <input type="password" id="iv-passphrase" autocomplete="current-password">
      <button type="submit">Unlock</button>
      <p id="iv-unlock-error" role="alert"></p>
    </form>
  </div>
</main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, key: PageKey) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("locked-site")
    shutil.copy(UNLOCK_JS, root / "unlock.js")
    (root / "favicon.ico").write_bytes(b"")  # chromium asks for it; a 404 logs a console error
    (root / "one.html").write_text(
        locked_page(key, "One", f"<h1>One</h1><p id='secret'>{SECRET_1}</p>"), encoding="utf-8"
    )
    (root / "two.html").write_text(
        locked_page(key, "Two", f"<h1>Two</h1><p id='secret'>{SECRET_2}</p>"), encoding="utf-8"
    )
    damaged = bytearray(base64.b64decode(encrypt_text(key, f"<p>{SECRET_1}</p>")))
    damaged[-1] ^= 0xFF
    (root / "damaged.html").write_text(
        locked_page(key, "Damaged", "", cipher=base64.b64encode(bytes(damaged)).decode()),
        encoding="utf-8",
    )
    (root / "search-index.enc").write_text(
        encrypt_text(key, json.dumps(SEARCH_INDEX)), encoding="utf-8"
    )
    for name in ("one.html", "two.html", "damaged.html", "search-index.enc"):
        published = (root / name).read_text(encoding="utf-8")
        assert SECRET_1 not in published and SECRET_2 not in published
        assert base64.b64encode(key.key).decode() not in published
    with serve_directory(root) as base_url:
        yield {"root": root, "url": base_url}


@pytest.fixture
def watched_page(page: Any, site: dict[str, Any]) -> Iterator[Any]:
    """The playwright page, failing the test on script errors or off-host requests."""
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on(
        "request",
        lambda req: None if req.url.startswith(site["url"] + "/") else foreign.append(req.url),
    )
    yield page
    assert errors == []
    assert foreign == []


def _storage_name(key: PageKey) -> str:
    return "ivsite-key:" + base64.b64encode(key.salt).decode()


@browser_only
@pytest.mark.browser
def test_browser_wrong_passphrase(watched_page: Any, site: dict[str, Any], key: PageKey) -> None:
    from playwright.sync_api import expect

    page = watched_page
    page.goto(site["url"] + "/one.html")
    page.fill("#iv-passphrase", WRONG_PASSPHRASE)
    page.click("#iv-unlock button[type=submit]")
    expect(page.locator("#iv-unlock-error")).to_have_text(
        "That passphrase is not right.", timeout=UNLOCK_TIMEOUT_MS
    )
    expect(page.locator("#iv-passphrase")).to_be_visible()
    assert SECRET_1 not in page.content()
    assert page.evaluate("document.documentElement.dataset.unlocked") is None
    assert page.evaluate(f"sessionStorage.getItem({json.dumps(_storage_name(key))})") is None


@browser_only
@pytest.mark.browser
def test_browser_right_passphrase_then_second_page_and_lock(
    watched_page: Any, site: dict[str, Any], key: PageKey
) -> None:
    from playwright.sync_api import expect

    page = watched_page
    page.add_init_script(
        "document.addEventListener('ivsite:unlocked', () => {"
        " window.__ivUnlockedEvents = (window.__ivUnlockedEvents || 0) + 1; });"
    )
    page.goto(site["url"] + "/one.html")
    # Nothing readable before the passphrase is given.
    assert SECRET_1 not in page.inner_text("body")
    page.fill("#iv-passphrase", PASSPHRASE)
    page.press("#iv-passphrase", "Enter")
    expect(page.locator("#iv-main #secret")).to_have_text(SECRET_1, timeout=UNLOCK_TIMEOUT_MS)
    expect(page.locator("#iv-unlock")).to_have_count(0)
    assert page.evaluate("document.documentElement.dataset.unlocked") == "1"
    assert page.evaluate("window.__ivUnlockedEvents") == 1
    # The browser derived exactly the key that Python derived.
    stored = page.evaluate(f"sessionStorage.getItem({json.dumps(_storage_name(key))})")
    assert stored == base64.b64encode(key.key).decode()

    # A second page of the same build opens from sessionStorage, without the form.
    page.goto(site["url"] + "/two.html")
    expect(page.locator("#iv-main #secret")).to_have_text(SECRET_2, timeout=UNLOCK_TIMEOUT_MS)
    expect(page.locator("#iv-unlock")).to_have_count(0)
    assert page.evaluate("document.documentElement.dataset.unlocked") == "1"
    assert page.evaluate("window.__ivUnlockedEvents") == 1

    # Other scripts (search) decrypt with the remembered key.
    index_text = page.evaluate(
        "async () => window.ivsiteDecrypt((await (await fetch('search-index.enc')).text()))"
    )
    assert json.loads(index_text) == SEARCH_INDEX
    wrong_aad = page.evaluate(
        "async (env) => { try { await window.ivsiteDecrypt(env, 'other'); return 'opened'; }"
        " catch (e) { return 'refused'; } }",
        encrypt_text(key, "x", aad="mine"),
    )
    assert wrong_aad == "refused"

    # Lock forgets the key for this salt and shows the form again.
    lock = page.locator("#iv-lock")
    expect(lock).to_be_visible()
    with page.expect_navigation():
        lock.click()
    expect(page.locator("#iv-passphrase")).to_be_visible()
    assert page.evaluate(f"sessionStorage.getItem({json.dumps(_storage_name(key))})") is None
    assert SECRET_2 not in page.inner_text("body")
    assert page.evaluate("document.documentElement.dataset.unlocked") is None


@browser_only
@pytest.mark.browser
def test_browser_passphrase_in_fragment(watched_page: Any, site: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    page = watched_page
    page.goto(site["url"] + "/one.html#pass=" + quote(PASSPHRASE, safe=""))
    expect(page.locator("#iv-main #secret")).to_have_text(SECRET_1, timeout=UNLOCK_TIMEOUT_MS)
    assert "pass=" not in page.url
    assert page.evaluate("location.hash") == ""


@browser_only
@pytest.mark.browser
def test_browser_wrong_passphrase_in_fragment(watched_page: Any, site: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    page = watched_page
    page.goto(site["url"] + "/one.html#pass=" + quote(WRONG_PASSPHRASE, safe=""))
    expect(page.locator("#iv-unlock-error")).to_have_text(
        "That passphrase is not right.", timeout=UNLOCK_TIMEOUT_MS
    )
    assert "pass=" not in page.url
    assert SECRET_1 not in page.content()


@browser_only
@pytest.mark.browser
def test_browser_damaged_page_is_not_called_a_wrong_passphrase(
    watched_page: Any, site: dict[str, Any]
) -> None:
    from playwright.sync_api import expect

    page = watched_page
    page.goto(site["url"] + "/damaged.html")
    page.fill("#iv-passphrase", PASSPHRASE)
    page.click("#iv-unlock button[type=submit]")
    expect(page.locator("#iv-unlock-error")).to_contain_text(
        "could not be decrypted", timeout=UNLOCK_TIMEOUT_MS
    )
    assert SECRET_1 not in page.content()
    assert page.evaluate("document.documentElement.dataset.unlocked") is None


@browser_only
@pytest.mark.browser
def test_browser_normalises_the_passphrase(watched_page: Any, site: dict[str, Any]) -> None:
    """A passphrase typed in decomposed form (NFD) opens the page, as in Python."""
    from playwright.sync_api import expect

    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    page = watched_page
    page.goto(site["url"] + "/one.html")
    page.fill("#iv-passphrase", decomposed)
    page.click("#iv-unlock button[type=submit]")
    expect(page.locator("#iv-main #secret")).to_have_text(SECRET_1, timeout=UNLOCK_TIMEOUT_MS)


# Issue 9 (class 12): a weak passphrase is worth a warning (the build names the variable).


@pytest.mark.parametrize(("passphrase", "why"), [
    ("short", "shorter than 12"),
    ("elevenchars", "shorter than 12"),
    ("zzzzzzzzzzzzzzzzzzzz", "repeated"),
    ("password1234", "first passphrases"),
    ("Correct horse battery staple!", "first passphrases"),
    ("  Pass Word 1234 ", "first passphrases"),
])
def test_weak_passphrases_are_named(passphrase: str, why: str) -> None:
    assert why in weakness(passphrase)


@pytest.mark.parametrize("passphrase", ["plum kettle orbit lantern", "Kōan correct horse battery "
                                        "staple", "x7#Qw!9z@Lp2"])
def test_good_passphrases_pass(passphrase: str) -> None:
    assert weakness(passphrase) == ""
