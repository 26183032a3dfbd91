"""site.toml: the site's settings, validated with every problem reported.

Every unknown table or key is an error with a did-you-mean, not a warning: a
misspelt ``[visibility]`` table or key would otherwise fall back to the defaults
without a word, and site.toml is short enough that strictness costs nothing. A
wrong type is an error too.
"""

from __future__ import annotations

import re
import tomllib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..contacts.publiccontacts import entry_problem
from ..core.diagnostics import Diagnostics, did_you_mean
from ..core.folders import folder_problem
from ..core.urlparts import valid as valid_url
from .invisibledata import invisible_data
from .printedtexts import printed_text
from .settinglines import string_comments

Visibility = Literal["public", "mentor", "private"]
Kind = Literal["interviews", "reflections", "roles", "pages"]
CONFIG_PATH = "site.toml"


def is_theme_name(name: str) -> bool:
    """A plain folder name: no separator, drive, parent or hidden folder, so that
    ``themes/<name>`` cannot lead anywhere but into the site's themes/ folder."""
    return bool(name) and not name.startswith(".") and not any(
        ch in name for ch in ("/", "\\", ":", "\0"))


class VisibilityDefaults(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    interviews: Visibility = "private"
    reflections: Visibility = "private"
    roles: Visibility = "public"
    pages: Visibility = "public"


class ShareSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    enabled: bool = False
    feedback_email: str = ""
    passphrase_env: str | None = None
    """The environment variable that holds the passphrase; None: not encrypted."""

    @field_validator("passphrase_env")
    @classmethod
    def _passphrase_env(cls, v: str | None) -> str | None:
        """Set means encrypted: an empty value must not quietly mean 'unencrypted',
        and a value that is not a variable name is most likely the passphrase itself,
        written into a file that may be published or committed."""
        if v is None:
            return v
        if not v.strip():
            raise ValueError(
                "is empty; name the environment variable that holds the passphrase "
                "(e.g. IVSITE_SHARE_PASSPHRASE), or remove the line to share unencrypted"
            )
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", v):
            raise ValueError(
                "must be the name of an environment variable (letters, digits and _), "
                "such as IVSITE_SHARE_PASSPHRASE, not the passphrase itself"
            )
        return v


class FollowUpSettings(BaseModel):
    """``[follow_up]``: how often to keep in touch with a contact who said yes to it
    (``follow_up.keep_in_touch: true``); a note may give its own number of days."""

    model_config = ConfigDict(extra="forbid", strict=True)
    keep_in_touch_days: Annotated[int, Field(ge=1, le=3660)] = 90


class PrivacySettings(BaseModel):
    """``[privacy]``: ``public_contacts``, the email addresses and phone numbers that
    are public (a careers office's, a company's switchboard, the author's own), so
    that one written in a withheld note is not withheld everywhere (red team 10,
    R10-40; see ivsite.contacts.publiccontacts). Each entry is checked in load_config."""

    model_config = ConfigDict(extra="forbid", strict=True)
    public_contacts: list[str] = Field(default_factory=list)


class SiteConfig(BaseModel):
    """Every key of site.toml; only ``title`` is required."""

    model_config = ConfigDict(extra="forbid", strict=True)
    title: str
    author: str = ""
    base_url: str = "/"
    language: str = "en"
    theme: str = "default"
    output_dir: str = "_site"
    visibility: VisibilityDefaults = Field(default_factory=VisibilityDefaults)
    share: ShareSettings = Field(default_factory=ShareSettings)
    follow_up: FollowUpSettings = Field(default_factory=FollowUpSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    content: dict[str, Kind] = Field(default_factory=dict)
    """Folders (relative to the site folder) and the kind of note each holds; empty:
    the content/ layout (see ivsite.core.folders)."""

    @field_validator("content")
    @classmethod
    def _content(cls, v: dict[str, str]) -> dict[str, str]:
        for folder in v:
            problem = folder_problem(folder)
            if problem:
                raise ValueError(f"folder '{folder}' {problem}")
        return v

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, v: str) -> str:
        if not re.match(r"^(https?://[^/\s]+)?/", v) and not re.match(r"^https?://[^/\s]+$", v):
            raise ValueError(
                "must be an absolute URL (https://host/path/) or a path starting with /"
            )
        if not valid_url(v):  # an unclosed '[' (red team 4, J-trace)
            raise ValueError("is not a valid URL: check its host (a '[' must be closed, "
                             "and hold an IP address)")
        return v if v.endswith("/") else v + "/"

    @field_validator("language")
    @classmethod
    def _language(cls, v: str) -> str:
        """A language tag (``en``, ``pt-BR``, ``zh-Hant-TW``): it goes into every page's
        ``lang`` and to the search indexer, which fails on anything else."""
        if not re.fullmatch(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*", v):
            raise ValueError("must be a language tag such as 'en', 'de' or 'pt-BR' "
                             "(letters and digits in parts joined by '-')")
        return v

    @field_validator("theme")
    @classmethod
    def _theme(cls, v: str) -> str:
        """A theme is a folder in themes/, never a path that could reach outside the
        site (its templates are rendered and its static files published)."""
        if not is_theme_name(v):
            raise ValueError("must be the name of a folder in themes/ (no path), or 'default'")
        return v

    @field_validator("output_dir")
    @classmethod
    def _output_dir(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be empty")
        if "\0" in v:  # no file system takes it (red team 4, J-trace)
            raise ValueError("must not hold a NUL character")
        return v

    @property
    def base_path(self) -> str:
        """The path part of base_url, always starting and ending with '/'."""
        m = re.match(r"^https?://[^/]+(/.*)?$", self.base_url)
        path = (m.group(1) if m else self.base_url) or "/"
        return path if path.endswith("/") else path + "/"


KNOWN_KEYS: dict[tuple[str, ...], set[str]] = {
    (): set(SiteConfig.model_fields),
    ("visibility",): set(VisibilityDefaults.model_fields),
    ("share",): set(ShareSettings.model_fields),
    ("follow_up",): set(FollowUpSettings.model_fields),
    ("privacy",): set(PrivacySettings.model_fields),
}


def line_of(text: str, key: str, section: str = "") -> int:
    """Best-effort line of a key in TOML text (tomllib keeps no positions)."""
    in_section = section == ""
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            in_section = s.strip("[] ") == section
            if section and in_section and not key:
                return n
            continue
        if in_section and re.match(rf"^{re.escape(key)}\s*=", s):
            return n
    return 0


def load_config(data: bytes | None, diags: Diagnostics) -> SiteConfig | None:
    """Parse and validate site.toml; None when it is unusable (a usage error)."""
    if data is None:
        diags.error(
            CONFIG_PATH, 0, 0, "config-missing", "there is no site.toml here",
            "run ivsite from the site's folder, or `ivsite init` to make one",
        )
        return None
    try:
        text = data.decode("utf-8-sig")
        raw: dict[str, Any] = tomllib.loads(text)
    except UnicodeDecodeError:
        diags.error(CONFIG_PATH, 0, 0, "config-encoding", "site.toml is not UTF-8")
        return None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        diags.error(CONFIG_PATH, line, col, "config-syntax", f"site.toml is not valid TOML: {exc}")
        return None
    string_comments(CONFIG_PATH, text, raw, diags)  # a '#' line in a value (R11-03)
    hidden = invisible_data(CONFIG_PATH, text, diags)  # text in invisible characters (R12-02)
    # Unknown keys: errors, dropped so that every other problem is reported too.
    cleaned = dict(raw)
    unknown = False
    for section, known in KNOWN_KEYS.items():
        table: Any = cleaned
        for part in section:
            table = table.get(part) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            continue
        for key in list(table):
            if key not in known:
                unknown = True
                where = ".".join((*section, key))
                is_table = isinstance(table[key], dict)
                line = (line_of(text, "", where) if is_table else 0) \
                    or line_of(text, key, ".".join(section))
                diags.error(
                    CONFIG_PATH, line, 1, "config-unknown-key",
                    f"unknown {'table' if is_table else 'setting'} '{where}'; ivsite will "
                    "not guess what it was meant to change",
                    did_you_mean(key, known) or "remove it; the settings are listed in the "
                    "README",
                )
                del table[key]
    try:
        config = SiteConfig.model_validate(cleaned)
    except ValidationError as exc:
        for err in exc.errors():
            loc = [str(p) for p in err["loc"]]
            section_name = ".".join(loc[:-1]) if len(loc) > 1 else ""
            key = loc[-1] if loc else ""
            msg = err["msg"]
            if err["type"] == "missing":
                msg = f"'{'.'.join(loc)}' is required"
            else:
                msg = f"'{'.'.join(loc)}': {msg}"
            diags.error(
                CONFIG_PATH, line_of(text, key, section_name), 1, "config-invalid", msg,
                'for example: title = "My career research"' if key == "title" else "",
            )
        return None
    for key in ("title", "author"):  # printed on every page as written (R10-30)
        printed_text(CONFIG_PATH, line_of(text, key), f"'{key}'", getattr(config, key),
                     "comment-in-settings", diags)
    bad = False
    for value in config.privacy.public_contacts:  # one address or number each (R10-40)
        problem = entry_problem(value)
        if problem:
            bad = True
            diags.error(CONFIG_PATH, contact_line(text, value), 1, "config-invalid",
                        f"'privacy.public_contacts': {problem[0]}", problem[1])
    return None if unknown or bad or hidden else config


def contact_line(text: str, value: str) -> int:
    """The line of site.toml that lists ``value`` in ``public_contacts`` (that of the
    key when it is not found)."""
    key = line_of(text, "public_contacts", "privacy")
    for n, line in enumerate(text.splitlines()[max(key - 1, 0):], max(key, 1)):
        if f'"{value}"' in line or f"'{value}'" in line:
            return n
    return key
