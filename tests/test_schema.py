"""Issue 11: the editor schemas say what validation says.

Every note of the example site (content/) and of the vault test site is read as
an editor sees it (YAML, or TOML, with dates as text: an editor's YAML support
does not make date objects) and checked with the ``jsonschema`` package against
its kind's schema and the combined one: valid notes pass; each kind of invalid
front matter fails, as ``ivsite check`` fails it."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from ivsite.commands.cli import cli
from ivsite.commands.schema import combined_schema, kind_schema
from ivsite.core.folders import read_folders

ROOT = Path(__file__).resolve().parent.parent
VAULT = Path(__file__).resolve().parent / "fixtures" / "vault"


class _EditorLoader(yaml.SafeLoader):
    """Dates stay text, as in an editor's YAML."""


_EditorLoader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node))  # type: ignore[arg-type]


def _front(text: str) -> dict[str, Any] | None:
    lines = text.split("\n")
    if lines[0].strip() == "---":
        end = lines.index("---", 1)
        return yaml.load("\n".join(lines[1:end]), Loader=_EditorLoader) or {}
    if lines[0].strip() == "+++":
        end = lines.index("+++", 1)
        data = tomllib.loads("\n".join(lines[1:end]))
        return json.loads(json.dumps(data, default=lambda v: v.isoformat()
                                     if isinstance(v, dt.date) else str(v)))
    return None  # no front matter: nothing for an editor to check


def _notes(site: Path) -> list[tuple[str, str, dict[str, Any]]]:
    folders = read_folders((site / "site.toml").read_bytes())
    out = []
    for path in sorted(site.rglob("*.md")):
        rel = path.relative_to(site).as_posix()
        kind = folders.kind(rel)
        front = _front(path.read_text("utf-8")) if kind else None
        if front is not None:
            out.append((rel, kind, front))
    return out


NOTES = [(f"{site.name}:{rel}", kind, front) for site in (ROOT, VAULT)
         for rel, kind, front in _notes(site)]


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_the_sites_have_notes_of_every_kind() -> None:
    assert {kind for _, kind, _ in NOTES} == {"interviews", "reflections", "roles", "pages"}
    assert any(name.startswith("vault:") for name, _, _ in NOTES)


@pytest.mark.parametrize(("name", "kind", "front"), NOTES, ids=[n[0] for n in NOTES])
def test_every_valid_note_passes_its_kinds_schema_and_the_combined_one(
        name: str, kind: str, front: dict[str, Any]) -> None:
    _validator(kind_schema(kind)).validate(front)
    _validator(combined_schema()).validate(front)


INVALID = [
    ("interviews", {"date": "2026-03-04"}, "person is required"),
    ("interviews", {"person": {"name": "A"}}, "date is required"),
    ("reflections", {"title": "R"}, "date is required"),
    ("roles", {"title": "R", "visibility": "Private"}, "visibility in capitals"),
    ("pages", {"title": "P", "visibility": None}, "empty visibility"),
    ("pages", {"title": "P", "visibility": True}, "visibility: yes"),
    ("reflections", {"date": "2026-02-30"}, "a date that does not exist"),
    ("reflections", {"date": "4 March 2026"}, "a date in words"),
    ("interviews", {"date": "2026-03-04", "person": {"name": "A", "emial": "x"}},
     "a typo in person"),
    ("roles", {"title": "R", "private": True}, "a privacy look-alike"),
    ("roles", {"title": "R", "status": "maybe"}, "a status that is not one"),
    ("pages", {"title": "P", "slug": "Not A Slug"}, "a bad slug"),
    ("interviews", {"date": "2026-03-04", "person": {"name": "A"}, "interest": 9},
     "interest out of range"),
    ("roles", {"title": "Two\nlines"}, "a title on two lines"),
]


@pytest.mark.parametrize(("kind", "front", "why"), INVALID, ids=[i[2] for i in INVALID])
def test_each_kind_of_invalid_front_matter_fails(kind: str, front: dict[str, Any],
                                                 why: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        _validator(kind_schema(kind)).validate(front)


def test_title_may_be_left_out_as_validation_allows() -> None:
    _validator(kind_schema("roles")).validate({})
    _validator(kind_schema("pages")).validate({"tags": "one-tag", "aliases": "Other"})


def test_cli_prints_one_kind_and_writes_every_kind_with_editor_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = CliRunner().invoke(cli, ["schema", "interviews"])
    assert r.exit_code == 0 and json.loads(r.stdout)["required"] == ["date", "person"]
    r = CliRunner().invoke(cli, ["schema"])
    assert len(json.loads(r.stdout)["anyOf"]) == 4
    r = CliRunner().invoke(cli, ["-C", str(VAULT), "schema", "--out", str(tmp_path / "s")])
    assert r.exit_code == 0, r.output
    settings = json.loads(r.stdout)["yaml.schemas"]
    assert settings[f"{tmp_path}/s/interviews.schema.json"] == ["People/Interviews/**/*.md"]
    assert settings[f"{tmp_path}/s/roles.schema.json"] == ["Career/Roles/**/*.md"]
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "interviews.schema.json", "ivsite.commands.schema.json", "pages.schema.json",
        "reflections.schema.json", "roles.schema.json"]
