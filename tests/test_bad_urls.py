"""Red team 4, J-trace: an address ``urlsplit`` refuses (an unclosed or invalid
bracketed host, ``http://[x``) in a note's raw HTML, in ``base_url``, and a NUL in
``output_dir`` ended in "internal error" and a traceback (exit 2). Raw HTML now
reads such an address as one with an outside host (ivsite.core.urlparts), so the page
is made and audited; site.toml's are configuration errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_cli_no_traceback import no_traceback
from unit_helpers import write_site

from ivsite.commands.cli import cli
from ivsite.core.urlparts import split_url

INDEX = "---\ntitle: Home\n---\nWelcome.\n"
TOML = 'title = "Site"\nbase_url = "https://example.org/"\n'


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("html", [
    '<img src="http://[x">', '<a href="https://[::1/">x</a>', '<a href="//[::1/x">x</a>',
    '<img srcset="https://[::1/a.png 1x">',
    '<div style="background:url(https://[::1/a.png)">x</div>',
    '<a href="http://[x]/">x</a>', '<a href="http://a\uff03b/">x</a>',
])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_bad_address_in_raw_html_is_harmless(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, html: str, command: str) -> None:
    write_site(tmp_path, {"content/pages/index.md": INDEX,
                          "content/pages/p.md": f"---\ntitle: P\n---\n{html}\n"}, toml=TOML)
    monkeypatch.chdir(tmp_path)
    r = run(command)
    no_traceback(r)
    if html.startswith(("<img", "<div")):  # it would load from another host (red team 6, L7)
        assert r.exit_code == 1 and "remote-resource" in r.output, r.output
        return
    assert r.exit_code == 0, r.output
    if command == "build":
        assert (tmp_path / "_site/p/index.html").is_file()


def test_a_bad_address_keeps_its_path_for_the_checks() -> None:
    parts = split_url("https://[::1/interviews/s\u00e9cret/")
    assert parts.scheme == "https" and parts.netloc and parts.netloc != "example.org"
    assert parts.path == "/interviews/s%C3%A9cret/"


@pytest.mark.parametrize(("line", "field", "said"), [
    ('base_url = "https://[::1/"', "base_url", "not a valid URL"),
    ('base_url = "https://[x]/"', "base_url", "not a valid URL"),
    ('output_dir = "\\u0000"', "output_dir", "NUL"),
    ('output_dir = "out\\u0000put"', "output_dir", "NUL"),
])
@pytest.mark.parametrize("command", ["check", "build", "share"])
def test_a_bad_site_toml_value_is_a_configuration_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, field: str, said: str,
        command: str) -> None:
    write_site(tmp_path, {"content/pages/index.md": INDEX}, toml=f'title = "Site"\n{line}\n')
    monkeypatch.chdir(tmp_path)
    r = run(command)
    no_traceback(r)
    assert r.exit_code == 2, r.output
    assert f"site.toml:2:1: error[config-invalid]: '{field}'" in r.stderr and said in r.stderr
