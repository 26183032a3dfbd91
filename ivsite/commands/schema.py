"""JSON Schemas of the front matter, for editors: one per kind, and one for all.

What front matter may say depends on the folder a note is in, and JSON Schema
sees only the front matter, never the file's path: no ``if``/``then`` can choose
a kind by folder. So each kind has its own schema (``ivsite schema interviews``),
which an editor applies by file glob (VS Code's ``yaml.schemas`` maps a schema to
globs); :func:`editor_settings` writes those globs from the site's folders. The
combined schema (``ivsite schema``) accepts what any kind accepts (``anyOf``: a
page is also a valid role, so ``oneOf`` would refuse every page). Each schema
says what validation says: ``visibility`` is one of three words (never empty), an
interview needs ``date`` and ``person``, a reflection a ``date``; a title may be
left out (the first heading or the file name stands in); other keys are marked
(``additionalProperties: false``), as ``ivsite check`` warns about them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.folders import Folders
from ..core.models import MODELS
from ..validate.note import REQUIRED

SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"
VISIBILITY = {"type": "string", "enum": ["public", "mentor", "private"],
              "description": "public | mentor | private; default from site.toml [visibility]"}


def kind_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind's front matter, self-contained."""
    model = MODELS[kind]
    schema: dict[str, Any] = model.model_json_schema(ref_template="#/$defs/{model}")
    for d in schema.get("$defs", {}).values():
        d["additionalProperties"] = False
    props = schema["properties"]
    props["visibility"] = VISIBILITY
    required = sorted({*schema.get("required", ()), *REQUIRED[kind]})
    for key in required:
        branches = props[key].get("anyOf")
        if branches:  # a required value may not be null
            kept = [b for b in branches if b.get("type") != "null"]
            props[key] = {**{k: v for k, v in props[key].items() if k != "anyOf"},
                          **(kept[0] if len(kept) == 1 else {"anyOf": kept})}
        props[key].pop("default", None)
    schema["required"] = required
    schema["additionalProperties"] = False
    schema["$schema"] = SCHEMA_DRAFT
    schema["title"] = f"ivsite {kind} front matter"
    schema["description"] = f"Front matter of a note in a folder of {kind}"
    return schema


def combined_schema() -> dict[str, Any]:
    """Any kind's front matter: for an editor that cannot tell folders apart."""
    defs: dict[str, Any] = {}
    branches = []
    for kind in MODELS:
        sub = kind_schema(kind)
        for name, d in sub.pop("$defs", {}).items():
            defs[name] = d
        sub.pop("$schema")
        defs[f"{kind}_note"] = sub
        branches.append({"$ref": f"#/$defs/{kind}_note"})
    return {"$schema": SCHEMA_DRAFT, "title": "ivsite front matter",
            "description": "Front matter of any ivsite note; per-kind schemas are stricter",
            "$defs": defs, "anyOf": branches}


def write_schemas(out: Path, folders: Folders) -> dict[str, list[str]]:
    """Write ``<kind>.schema.json`` for each kind and ``ivsite.commands.schema.json`` into
    ``out``; returns the ``yaml.schemas`` setting that applies them by folder."""
    out.mkdir(parents=True, exist_ok=True)
    for kind in MODELS:
        (out / f"{kind}.schema.json").write_text(json.dumps(kind_schema(kind), indent=2) + "\n",
                                                 "utf-8")
    (out / "ivsite.commands.schema.json").write_text(json.dumps(combined_schema(), indent=2) + "\n",
                                            "utf-8")
    return editor_settings(out, folders)


def editor_settings(out: Path, folders: Folders) -> dict[str, list[str]]:
    """Schema file → the globs of the folders that hold its kind."""
    settings: dict[str, list[str]] = {}
    for folder, kind in sorted(folders.mapped):
        settings.setdefault(f"{out.as_posix()}/{kind}.schema.json", []).append(
            f"{folder}**/*.md")
    return settings
