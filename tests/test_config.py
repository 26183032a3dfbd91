"""site.toml: required title, unknown keys, wrong types, base_url, defaults."""

from __future__ import annotations

import pytest

from ivsite.core.diagnostics import Diagnostics
from ivsite.validate.config import SiteConfig, load_config


def load(text: str | bytes) -> tuple[SiteConfig | None, Diagnostics]:
    diags = Diagnostics()
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_config(data, diags), diags


def test_minimal_config_has_the_contract_defaults() -> None:
    cfg, diags = load('title = "Ana\'s career research"\n')
    assert cfg is not None and len(diags) == 0
    assert cfg.title == "Ana's career research"
    assert cfg.output_dir == "_site"
    assert cfg.theme == "default"
    assert cfg.language == "en"
    assert cfg.base_url == "/" and cfg.base_path == "/"
    v = cfg.visibility
    assert (v.interviews, v.reflections, v.roles, v.pages) == (
        "private", "private", "public", "public")
    assert cfg.share.enabled is False
    assert cfg.share.feedback_email == "" and cfg.share.passphrase_env is None


def test_full_contract_example_loads() -> None:
    cfg, diags = load(
        'title = "Ana\'s career research"\n'
        'author = "Ana Silva"\n'
        'base_url = "https://ana.example.org/"\n'
        'language = "en"\n'
        'theme = "default"\n'
        'output_dir = "_site"\n'
        "\n[visibility]\n"
        'interviews = "private"\nreflections = "mentor"\nroles = "public"\npages = "public"\n'
        "\n[share]\n"
        "enabled = true\n"
        'feedback_email = "ana@example.org"\n'
        'passphrase_env = "IVSITE_SHARE_PASSPHRASE"\n'
    )
    assert cfg is not None, [d.text() for d in diags]
    assert len(diags) == 0
    assert cfg.author == "Ana Silva"
    assert cfg.visibility.reflections == "mentor"
    assert cfg.share.enabled is True
    assert cfg.share.feedback_email == "ana@example.org"
    assert cfg.share.passphrase_env == "IVSITE_SHARE_PASSPHRASE"


def test_title_is_required() -> None:
    cfg, diags = load('author = "Ana"\n')
    assert cfg is None
    [d] = diags.errors
    assert d.code == "config-invalid" and d.path == "site.toml"
    assert "'title' is required" in d.message
    assert "title =" in d.hint


def test_missing_file_is_a_usage_error() -> None:
    diags = Diagnostics()
    assert load_config(None, diags) is None
    [d] = diags.errors
    assert d.code == "config-missing"


def test_utf8_bom_is_accepted() -> None:
    cfg, diags = load(b"\xef\xbb\xbftitle = \"T\"\n")
    assert cfg is not None and cfg.title == "T" and len(diags) == 0


def test_not_utf8_is_an_error() -> None:
    cfg, diags = load(b'title = "\xff\xfe"\n')
    assert cfg is None
    assert [d.code for d in diags.errors] == ["config-encoding"]


# Issue 9 (class 10): every unknown table or key is an error, not a warning as
# CONTRACT.md said; a misspelt [visibility] must never fall back to the defaults.


def test_unknown_top_level_key_is_an_error_with_did_you_mean_and_line() -> None:
    cfg, diags = load('title = "T"\nauthor = "A"\ntheem = "dark"\n')
    assert cfg is None
    [d] = diags.errors
    assert d.code == "config-unknown-key"
    assert d.line == 3
    assert "theem" in d.message
    assert d.hint == "did you mean 'theme'?"


@pytest.mark.parametrize(
    ("text", "line", "where", "hint"),
    [
        ('title = "T"\n\n[visibility]\nroles = "public"\ninterview = "public"\n', 5,
         "visibility.interview", "did you mean 'interviews'?"),
        ('title = "T"\n\n[visibility]\nInterviews = "public"\n', 4,
         "visibility.Interviews", "did you mean 'interviews'?"),
        ('title = "T"\n[Visibility]\ninterviews = "public"\n', 2, "Visibility",
         "did you mean 'visibility'?"),
        ('title = "T"\n[visibilty]\ninterviews = "public"\n', 2, "visibilty",
         "did you mean 'visibility'?"),
        ('title = "T"\n[share]\nenable = true\n', 3, "share.enable", "did you mean 'enabled'?"),
        ('title = "T"\n[shares]\nenabled = true\n', 2, "shares", "did you mean 'share'?"),
        ('title = "T"\n[share]\npassphrase = "x"\n', 3, "share.passphrase",
         "did you mean 'passphrase_env'?"),
        ('title = "T"\nxyzzy = 1\n', 2, "xyzzy", "remove it"),
    ],
    ids=["visibility-key", "visibility-key-case", "Visibility-table", "visibilty-table",
         "share-key", "shares-table", "share-passphrase", "no-close-match"],
)
def test_unknown_table_or_key_is_an_error(text: str, line: int, where: str, hint: str) -> None:
    cfg, diags = load(text)
    assert cfg is None, "an unknown table or key must not fall back to the defaults"
    [d] = diags.errors
    assert (d.code, d.line) == ("config-unknown-key", line)
    assert f"'{where}'" in d.message
    assert hint in d.hint


def test_unknown_key_is_reported_with_the_other_problems() -> None:
    cfg, diags = load('title = 3\n[visibility]\ninterview = "public"\n')
    assert cfg is None
    assert sorted(d.code for d in diags.errors) == ["config-invalid", "config-unknown-key"]


@pytest.mark.parametrize(
    ("text", "line", "where"),
    [
        ('title = 3\n', 1, "'title'"),
        ('title = "T"\nauthor = ["a"]\n', 2, "'author'"),
        ('title = "T"\n[share]\nenabled = "yes"\n', 3, "'share.enabled'"),
        ('title = "T"\n[visibility]\nroles = "Public"\n', 3, "'visibility.roles'"),
        ('title = "T"\nvisibility = "public"\n', 2, "'visibility'"),
        ('title = "T"\noutput_dir = "  "\n', 2, "'output_dir'"),
    ],
)
def test_wrong_type_is_an_error_at_its_line(text: str, line: int, where: str) -> None:
    cfg, diags = load(text)
    assert cfg is None
    assert diags.errors, "a wrong type must be an error"
    d = diags.errors[0]
    assert d.code == "config-invalid"
    assert d.line == line
    assert where in d.message


def test_toml_syntax_error_names_the_line() -> None:
    cfg, diags = load('title = "T"\nauthor = "A"\ntheme = "unterminated\n')
    assert cfg is None
    [d] = diags.errors
    assert d.code == "config-syntax"
    assert d.line == 3 and d.col > 0


@pytest.mark.parametrize(
    ("base_url", "normalised", "path"),
    [
        ("https://ana.example.org/", "https://ana.example.org/", "/"),
        ("https://ana.example.org", "https://ana.example.org/", "/"),
        ("https://ana.example.org/career", "https://ana.example.org/career/", "/career/"),
        ("https://ana.example.org/a/b/", "https://ana.example.org/a/b/", "/a/b/"),
        ("http://localhost:8080/x", "http://localhost:8080/x/", "/x/"),
        ("/sub", "/sub/", "/sub/"),
        ("/", "/", "/"),
    ],
)
def test_base_url_is_normalised_and_gives_base_path(
    base_url: str, normalised: str, path: str
) -> None:
    cfg, diags = load(f'title = "T"\nbase_url = "{base_url}"\n')
    assert cfg is not None, [d.text() for d in diags]
    assert cfg.base_url == normalised
    assert cfg.base_path == path


@pytest.mark.parametrize("bad", ["ana.example.org", "ftp://x.org/", "career/", ""])
def test_base_url_that_is_neither_absolute_nor_rooted_is_an_error(bad: str) -> None:
    cfg, diags = load(f'title = "T"\nbase_url = "{bad}"\n')
    assert cfg is None
    [d] = diags.errors
    assert d.line == 2 and "base_url" in d.message


def test_every_problem_is_reported_at_once() -> None:
    cfg, diags = load('title = 1\nauthr = "A"\n[share]\nenabled = "no"\n')
    assert cfg is None
    assert not diags.warnings
    assert {d.line for d in diags.errors} == {1, 2, 4}
