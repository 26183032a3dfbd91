"""Small helpers for the unit tests: write a site from raw text, run the first
stages (load → parse → validate) the way ``Pipeline.prepare`` does.

Raw text rather than YAML dumps, so that tests can count lines exactly.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from ivsite.commands.cli import cli
from ivsite.core.diagnostics import Diagnostics
from ivsite.load.stage import LoadedSite, load_site
from ivsite.markdown.notes import ValidSite
from ivsite.parse.cache import ParseCache
from ivsite.pipeline import Pipeline
from ivsite.validate.config import SiteConfig, load_config
from ivsite.validate.stage import validate

DEFAULT_TOML = 'title = "Test site"\n'


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def write_site(root: Path, files: dict[str, str | bytes], toml: str | None = DEFAULT_TOML) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    if toml is not None:
        (root / "site.toml").write_text(toml, "utf-8")
    (root / "content").mkdir(exist_ok=True)
    for rel, value in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(value, bytes):
            path.write_bytes(value)
        else:
            path.write_text(dedent(value), "utf-8")
    return root


@dataclass
class Prepared:
    loaded: LoadedSite
    config: SiteConfig
    valid: ValidSite
    diags: Diagnostics


def prepare(root: Path) -> Prepared:
    """load_site → load_config → ParseCache(None).get → validate."""
    diags = Diagnostics()
    loaded = load_site(root, diags)
    config = load_config(loaded.config_bytes, diags)
    assert config is not None, [d.text() for d in diags]
    cache = ParseCache(None)
    parsed = [cache.get(src) for src in loaded.notes]
    sheet = Pipeline(root, persist_cache=False).theme_sheet(config.theme)
    valid = validate(loaded, parsed, config, diags, sheet=sheet)
    return Prepared(loaded, config, valid, diags)


def errors(diags: Diagnostics) -> list[str]:
    return [d.text() for d in diags if d.severity == "error"]


def run_in(site: Path, *args: str) -> Result:
    """The command line, run in ``site`` (as a user runs it from the site's folder)."""
    old = Path.cwd()
    os.chdir(site)
    try:
        return CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
