"""The mentor link's own secrets: its token (the path ``share/<token>/``) and the
passphrase that opens an encrypted mentor view (red team 12, R12-01).

Each is the mentor view's only protection, and neither comes from a note, so the
audit of the notes' withheld text never looked for them: an author who wrote the
mentor link, ``#pass=`` and all, in a public page published both. Here they are
read from where ivsite keeps them (``.ivsite/share.toml``, the environment
variable ``[share] passphrase_env`` names), never from what the build was
handed, so that the audit finds them on its own. A note or site.toml line that
holds one is refused before anything is made (:func:`refuse_link_secrets`); the
audit looks for the passphrase in every layer and for the token everywhere but
in the mentor copy's own folder, whose paths and links are made of it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..audit.secrets import Secret
from ..core.diagnostics import Diagnostics
from ..load.stage import LoadedSite
from ..mentor import share
from ..names.people import LINK_PASSPHRASE_KIND, LINK_SECRET_KIND, LINK_TOKEN_KIND, matcher_of
from ..text.textmatch import searchable
from ..validate.config import SiteConfig

TOKEN, PASSPHRASE = "the mentor link's token", "the mentor view's passphrase"


def link_values(root: Path, config: SiteConfig) -> dict[str, str]:
    """The token and the passphrase, those that are set, by what they are."""
    found = {TOKEN: share.read_token(root) or ""}
    if config.share.passphrase_env:
        found[PASSPHRASE] = os.environ.get(config.share.passphrase_env, "")
    return {what: value for what, value in found.items() if value.strip()}


def link_secrets(root: Path, config: SiteConfig, *, token: bool) -> list[Secret]:
    """What the audit looks for: the passphrase, and the token unless ``token`` is
    False (in the mentor copy's own folder)."""
    return [Secret(LINK_PASSPHRASE_KIND, value, "site.toml", 0) if what == PASSPHRASE else
            Secret(LINK_TOKEN_KIND, value, f"{share.STATE_DIR}/{share.SHARE_FILE}", 0)
            for what, value in link_values(root, config).items() if token or what != TOKEN]


def audit_base_url(root: Path, config: SiteConfig) -> str:
    """``base_url`` for the audit, which takes the site's own address out of a text
    before it looks: none when the address holds a link secret (a mentor link
    pasted as ``base_url``), so that it is looked for there too."""
    values = link_values(root, config)
    if values and matcher_of((LINK_SECRET_KIND, v, w) for w, v in values.items()).find_in(
            searchable(config.base_url)):
        return ""
    return config.base_url


def refuse_link_secrets(root: Path, config: SiteConfig, loaded: LoadedSite,
                        diags: Diagnostics) -> None:
    """An error for each note and site.toml line that holds the token or the
    passphrase, in any spelling the audit reads (percent-encoded, split by dashes)."""
    values = link_values(root, config)
    if not values:
        return
    matcher = matcher_of((LINK_SECRET_KIND, v, w) for w, v in values.items())
    texts = [("site.toml", loaded.config_bytes or b""),
             *((src.rel, src.data) for src in loaded.notes if src.data)]
    for rel, data in texts:
        text = data.decode("utf-8", "replace")
        if not matcher.find_in(searchable(text)):
            continue
        lines = text.splitlines()
        at = [(i, found) for i, line in enumerate(lines, 1)
              for found in matcher.find_in(searchable(line))] or \
            [(1, w) for w in matcher.find_in(searchable(text))]
        for line, what in dict.fromkeys(at):
            diags.error(rel, line, 1, "mentor-link-secret",
                        f"this holds {what}, which would let anyone read the mentor view",
                        "take it out: give the mentor the link and the passphrase apart "
                        "from the site (`ivsite share --rotate` makes a new link if it "
                        "was published)")
