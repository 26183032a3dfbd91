"""Red team 4 (docs/redteam/2026-11-30-fourth.md), front-matter findings.

J2: a second front-matter block at the top of the body, or a body line that is
only a misplaced setting (``visibility: private``), would be printed and the note
published. J8: other generators' "do not publish" keys (Zola's ``render =
false``, Hugo's ``headless``, Eleventy's ``permalink: false`` …) were only
unknown-key warnings. J13: an e-mail address or phone number pasted into a
published interview field was published. J15: a ``#`` line inside a ``>`` block
is text, not a comment. Each is refused; each test with the check switched off
shows the build exit 0 with the canary published, so the check is what keeps it out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audit import visibility as auditvisibility
from ivsite.contacts.shape import contact_shape
from ivsite.markdown import frontmatter
from ivsite.parse import stage as parse
from ivsite.pipeline import build
from ivsite.switches import fmchecks
from ivsite.validate import bodymarkers, bodyprivacy
from ivsite.validate import note as validate

TOML = 'title = "Site"\nbase_url = "https://example.org/"\n'
HOME = "---\ntitle: Home\n---\nWelcome.\n"


def built(tmp_path: Path, files: dict[str, str]) -> tuple[int, set[str], str]:
    site = write_site(tmp_path / "s", {"content/pages/index.md": HOME, **files}, TOML)
    out = tmp_path / "out"
    result = build(site, out=out)
    published = "".join(p.read_text("utf-8", "replace") for p in out.rglob("*")
                        if p.is_file()) if out.exists() else ""
    return result.status, {d.code for d in result.diagnostics.errors}, published


def page(text: str) -> dict[str, str]:
    return {"content/pages/s.md": text}


# J2 ---------------------------------------------------------------------------

SECOND = {
    "yaml-yaml": "---\ntitle: Salary\n---\n---\nvisibility: private\ntags: [money]\n---\n"
                 "CANARY-J2 floor is 95000.\n",
    "blank-between": "---\ntitle: Salary\n---\n\n---\nvisibility: private\n---\n"
                     "CANARY-J2 floor.\n",
    "toml-yaml": '+++\ntitle = "Salary"\n+++\n---\nvisibility: private\n---\nCANARY-J2 floor.\n',
    "tags-only": "---\ntitle: Salary\n---\n---\ntags: [private]\n---\nCANARY-J2 floor.\n",
    "toml-second": '---\ntitle: Salary\n---\n+++\nvisibility = "private"\n+++\nCANARY-J2.\n',
}


@pytest.mark.parametrize("text", SECOND.values(), ids=SECOND.keys())
def test_a_second_front_matter_block_is_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, page(text))
    assert status == 1 and "second-front-matter" in codes, codes
    assert "CANARY-J2" not in published


def test_the_error_points_at_the_block_and_says_merge(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/pages/index.md": HOME,
                                       **page(SECOND["blank-between"])}, TOML)
    result = build(site, out=tmp_path / "out")
    [err] = [d for d in result.diagnostics.errors if d.code == "second-front-matter"]
    assert (err.path, err.line) == ("content/pages/s.md", 5)
    assert "merge" in err.hint


def test_a_second_block_unchecked_is_published(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "second_front_matter", lambda path, fm: [])
    # Read as Markdown, "tags: [private]" over "---" is a heading: its bracketed
    # word is a label of its own (red team 9's review), another line's refusal.
    monkeypatch.setattr(bodymarkers, "_ASIDE", re.compile(r"(?!)"))
    status, _, published = built(tmp_path, page(SECOND["tags-only"]))
    assert status == 0 and "CANARY-J2" in published


def test_the_visibility_line_of_a_second_block_is_refused_on_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "second_front_matter", lambda path, fm: [])
    status, codes, published = built(tmp_path, page(SECOND["yaml-yaml"]))
    assert (status, codes) == (1, {"privacy-field"}) and "CANARY-J2" not in published
    monkeypatch.setattr(bodyprivacy, "statements", lambda text: iter(()))
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)  # the audit's reading
    status, _, published = built(tmp_path / "off", page(SECOND["yaml-yaml"]))
    assert status == 0 and "CANARY-J2" in published and "visibility: private" in published


@pytest.mark.parametrize("text", [
    "---\ntitle: T\n---\n\n---\n\nCANARY-J2 after a break.\n",
    "---\ntitle: T\n---\n---\nJust a sentence between rules.\n---\nCANARY-J2.\n",
], ids=["break", "prose-between-rules"])
def test_rules_around_prose_still_build(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, page(text))
    assert (status, codes) == (0, set()) and "CANARY-J2" in published


SETTING_LINES = ["visibility: private", "Visibility: mentor", "**Visibility:** private",
                 "draft: true", "Private: yes", "off_the_record: true"]


@pytest.mark.parametrize("line", SETTING_LINES)
def test_a_misplaced_setting_line_is_refused(tmp_path: Path, line: str) -> None:
    status, codes, published = built(tmp_path, page(f"---\ntitle: T\n---\n{line}\n\n"
                                                    "CANARY-J2 salary.\n"))
    assert (status, codes) == (1, {"privacy-field"})
    assert "CANARY-J2" not in published


@pytest.mark.parametrize("line", SETTING_LINES[:3])
def test_a_misplaced_setting_line_unchecked_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    monkeypatch.setattr(bodyprivacy, "statements", lambda text: iter(()))
    monkeypatch.setattr(auditvisibility, "said_level", lambda note: None)  # the audit's reading
    status, _, published = built(tmp_path, page(f"---\ntitle: T\n---\n{line}\n\n"
                                                "CANARY-J2 salary.\n"))
    assert status == 0 and "CANARY-J2" in published


@pytest.mark.parametrize("line", ["Mentor: Jane Smith", "Audience: product managers",
                                  "Public speaking: practise weekly", "Status: done"])
def test_ordinary_label_lines_still_build(tmp_path: Path, line: str) -> None:
    status, codes, published = built(tmp_path, page(f"---\ntitle: T\n---\n{line}\n\n"
                                                    "CANARY-J2 text.\n"))
    assert (status, codes) == (0, set()) and "CANARY-J2" in published


# J8 ---------------------------------------------------------------------------

def toml_page(lines: str) -> str:
    return f'+++\ntitle = "Salary"\n{lines}\n+++\nCANARY-J8 floor is 95000.\n'


def yaml_page(lines: str) -> str:
    return f"---\ntitle: Salary\n{lines}\n---\nCANARY-J8 floor is 95000.\n"


NOT_PUBLISHED = {
    "zola-render": toml_page("render = false"),
    "hugo-headless": toml_page("headless = true"),
    "hugo-_build": toml_page('[_build]\nrender = "never"'),
    "hugo-build-list": toml_page('[build]\nlist = "never"'),
    "yaml-build": yaml_page("build: {render: never}"),
    "expirydate": toml_page("expirydate = 2020-01-01"),
    "expiryDate": yaml_page("expiryDate: 2020-01-01"),
    "eleventy-permalink": yaml_page("permalink: false"),
    "zola-search": toml_page("in_search_index = false"),
    **{kv: yaml_page(kv) for kv in (
        "noindex: true", "exclude: true", "ignore: true", "keep_local: true",
        "local_only: true", "for_my_eyes_only: true", "sharing: none", "status: wip",
        "cssclasses: [private]")},
}


@pytest.mark.parametrize("text", NOT_PUBLISHED.values(), ids=NOT_PUBLISHED.keys())
def test_other_tools_do_not_publish_keys_are_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, page(text))
    assert (status, codes) == (1, {"privacy-key"})
    assert "CANARY-J8" not in published


def test_the_hint_names_the_tool(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/pages/index.md": HOME,
                                       **page(NOT_PUBLISHED["zola-render"])}, TOML)
    [err] = build(site, out=tmp_path / "out").diagnostics.errors
    assert (err.code, err.line) == ("privacy-key", 3)
    assert "Zola" in err.message and "visibility: private" in err.hint


# "wip" is a privacy word of its own (the one list, ivsite.switches.lookalike), so
# `status: wip` is refused as a privacy value with this rule off too; so is
# "formyeyesonly" (red team 10's labels), and with it `for_my_eyes_only: true`;
# and, since red team 11 (R11-10), "keeplocal" and "localonly", privacy words in
# every place (a folder, a tag) and so as keys whatever their value. Since red
# team 16 (R16-08) the audit holds a search engine's opt-out (`noindex: true`,
# Zola's `in_search_index = false`) withheld on its own (ivsite.audit.saidsettings).
@pytest.mark.parametrize("key", [k for k in NOT_PUBLISHED
                                 if k not in ("status: wip", "for_my_eyes_only: true",
                                              "keep_local: true", "local_only: true",
                                              "noindex: true", "zola-search")])
def test_other_tools_keys_unchecked_are_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    monkeypatch.setattr(fmchecks, "not_published", lambda key, value: None)
    status, _, published = built(tmp_path, page(NOT_PUBLISHED[key]))
    assert status == 0 and "CANARY-J8" in published


@pytest.mark.parametrize("text", [
    toml_page("render = true"), yaml_page("headless: false"), yaml_page("permalink: /s/"),
    yaml_page("noindex: false"), yaml_page("status: done"), yaml_page("cssclasses: [wide]"),
    toml_page('[_build]\nrender = "always"')])
def test_keys_that_publish_stay_warnings(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, page(text))
    assert (status, codes) == (0, set()) and "CANARY-J8" in published


# J13 --------------------------------------------------------------------------

def interview(person: str, extra: str = "") -> dict[str, str]:
    return {"content/interviews/iv.md": (
        f"---\nvisibility: public\ndate: 2026-02-10\nperson:\n{person}{extra}"
        "consent:\n  publish_name: true\n---\nHello.\n")}


CONTACTS = {
    "name-email": '  name: "Jane Doe <jane@acme.example>"\n  company: Acme\n',
    "location-phone": '  name: Jane Doe\n  location: "Toronto (cell 416-555-0100)"\n',
    "name-spelt": '  name: "Jane Doe, jane [at] acme [dot] example"\n',
    "role-phone": '  name: Jane Doe\n  role: "PM, 416 • 555 • O100"\n',
}


@pytest.mark.parametrize("person", CONTACTS.values(), ids=CONTACTS.keys())
def test_a_contact_in_a_published_field_is_refused(tmp_path: Path, person: str) -> None:
    status, codes, published = built(tmp_path, interview(person))
    assert (status, codes) == (1, {"contact-in-text"})
    assert "Jane Doe" not in published


@pytest.mark.parametrize("extra", ['summary: "write to jane@acme.example"\n',
                                   'alias: "PM at +1 416 555 0100"\n',
                                   'tags: ["jane@acme.example"]\n',
                                   'title: "Jane (jane at acme dot com)"\n'])
def test_top_level_fields_too(tmp_path: Path, extra: str) -> None:
    status, codes, _ = built(tmp_path, interview("  name: Jane Doe\n", extra))
    assert (status, codes) == (1, {"contact-in-text"})


def test_the_error_points_at_the_field(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/pages/index.md": HOME,
                                       **interview(CONTACTS["location-phone"])}, TOML)
    [err] = build(site, out=tmp_path / "out").diagnostics.errors
    assert (err.code, err.line) == ("contact-in-text", 6)
    assert "person.location" in err.message and "person.phone" in err.hint


@pytest.mark.parametrize("key", ["name-email", "location-phone"])
def test_a_contact_in_a_field_unchecked_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    monkeypatch.setattr(validate, "contacts_in_fields", lambda *args: False)
    status, _, published = built(tmp_path, interview(CONTACTS[key]))
    assert status == 0
    assert "jane@acme.example" in published or "416-555-0100" in published


def test_a_consented_name_is_still_published(tmp_path: Path) -> None:
    status, codes, published = built(tmp_path, interview(
        "  name: Jane Doe\n  role: Senior PM (2019–2024)\n  company: Acme.io\n"
        "  location: Toronto\n", "summary: Met at Acme. Then lunch at 12:30 on 2026-02-10.\n"))
    assert (status, codes) == (0, set()) and "Jane Doe" in published


@pytest.mark.parametrize("text", [
    "jane@acme.example", "Jane Doe <jane@acme.example>", "jane [at] acme [dot] example",
    "jane(at)acme(dot)example", "JANE AT ACME DOT COM", "j a n e @ a c m e . c o m",
    "jane+jobs@acme.example"])
def test_email_shapes(text: str) -> None:
    assert contact_shape(text) == "an e-mail address"


@pytest.mark.parametrize("text", ["416-555-0100", "+1 (416) 555-0100", "416 • 555 • O199",
                                  "\u0664\u0661\u0666 \u0665\u0665\u0665 \u0660\u0661\u0669\u0669",
                                  "416.555.0100 ext. 23"])
def test_phone_shapes(text: str) -> None:
    assert contact_shape(text) == "a phone number"


@pytest.mark.parametrize("text", [
    "Jane Doe", "Engineer at Acme. Then more", "Engineer at shopify.com", "Toronto",
    "2019-2024 at Acme", "2026-02-10", "raised $1,200,000", "Lil Oil 2024",
    "Meet at the cafe. Dot.", "PM @ Acme"])
def test_prose_is_no_contact(text: str) -> None:
    assert contact_shape(text) is None


# J15 --------------------------------------------------------------------------

FOLDED = ("---\ntitle: About my search\nsummary: >\n  A summary of where my search stands.\n"
          "  # the Zephyr offer is 120k, which I keep to the call\n---\nBody.\n")


@pytest.mark.parametrize("text", [
    FOLDED, FOLDED.replace(">", "|"),
    "---\ntitle: T\nsummary: >-\n  Fine.\n  # Zephyr 120k\n---\nB.\n",
    "---\ntitle: T\nextra:\n  - >\n    Text.\n    # Zephyr\n---\nB.\n"])
def test_a_hash_line_in_a_block_scalar_is_refused(tmp_path: Path, text: str) -> None:
    status, codes, published = built(tmp_path, page(text))
    assert status == 1 and "comment-in-front-matter" in codes, codes
    assert "Zephyr" not in published


def test_the_error_points_at_the_line(tmp_path: Path) -> None:
    site = write_site(tmp_path / "s", {"content/pages/index.md": HOME, **page(FOLDED)}, TOML)
    [err] = build(site, out=tmp_path / "out").diagnostics.errors
    assert (err.code, err.line, err.col) == ("comment-in-front-matter", 5, 3)
    assert "not a YAML comment inside a '>' block" in err.hint


def test_a_hash_line_unchecked_is_published(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frontmatter, "block_comments", lambda *args: [])
    status, _, published = built(tmp_path, page(FOLDED))
    assert status == 0 and "Zephyr offer" in published


@pytest.mark.parametrize("text", [
    "---\ntitle: T\nsummary: >\n  A summary.\n# a real comment after the block\n---\nBody.\n",
    "---\ntitle: T\nsummary: A summary\n  # a real comment on a continuation\n---\nBody.\n",
    "---\ntitle: T\nsummary: >\n  Issue #42 was fixed.\n---\nBody.\n"])
def test_real_comments_and_hashes_in_text_still_build(tmp_path: Path, text: str) -> None:
    status, codes, _ = built(tmp_path, page(text))
    assert (status, codes) == (0, set())
