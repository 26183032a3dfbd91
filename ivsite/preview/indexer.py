"""The search index of a public or mentor preview: Pagefind, run as ``ivsite build``
runs it, so that the header's search box and the search page work in the preview
as on the published site.

A build indexes each layer's pages in a folder of their own, before a shared mentor
view is moved in under ``share/<token>/``, so the public index never holds a mentor
page. The preview serves one folder with every layer in it; so each layer is indexed
from a folder of hard links to its own pages alone, into a bundle that then replaces
the layer's ``pagefind/`` at once (:func:`swap_in`): a request never reads half an
index, and the output check that follows reads the new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..write.stage import Layer, start_pagefind, wait_pagefind

BUNDLE = "pagefind"


@dataclass
class Bundle:
    """A layer's new index, in a temporary folder until it is swapped in."""

    prefix: str
    scratch: Path
    """Holds the links to the layer's pages and, under ``pagefind/``, the index."""


def scratch_prefix(folder: Path) -> str:
    """The start of the name of the folders the preview of ``folder`` indexes in."""
    return f".{folder.name}-index-"


def make(folder: Path, layers: list[Layer]) -> list[Bundle]:
    """Index each layer that Pagefind indexes in a build. Raises
    subprocess.SubprocessError when the indexer fails (the bundles made are removed)."""
    bundles: list[Bundle] = []
    try:
        for layer in layers:
            if not layer.plan.search_index:
                continue
            # Beside the folder (one file system, for the swap), named after it:
            # previews side by side in one temporary folder keep theirs apart.
            scratch = Path(tempfile.mkdtemp(prefix=scratch_prefix(folder), dir=folder.parent))
            bundles.append(Bundle(layer.prefix, scratch))
            for rel in layer.plan.files:
                if rel.endswith(".html"):
                    _link(folder / layer.prefix / rel, scratch / rel)
        wait_pagefind(start_pagefind([b.scratch for b in bundles]))
    except BaseException:
        discard(bundles)
        raise
    return bundles


def swap_in(folder: Path, bundles: list[Bundle]) -> None:
    """Put each new index in place of the layer's old one (call with the preview's
    folder locked), and remove the scratch folders."""
    for b in bundles:
        target = folder / b.prefix / BUNDLE
        old = target.with_name(f".{BUNDLE}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(b.scratch / BUNDLE, target)
        shutil.rmtree(old, ignore_errors=True)
    discard(bundles)


def discard(bundles: list[Bundle]) -> None:
    for b in bundles:
        shutil.rmtree(b.scratch, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    """A hard link (a copy where the file system has none)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)

