"""What emitters hand the writer: files by output path, assets by reference."""

from __future__ import annotations

from dataclasses import dataclass, field

from .load import AssetRef


@dataclass
class OutputPlan:
    files: dict[str, bytes] = field(default_factory=dict)
    """Output-relative POSIX path (e.g. ``interviews/x/index.html``) to its bytes."""
    assets: dict[str, AssetRef] = field(default_factory=dict)
    """Output-relative path to the asset whose bytes the writer copies."""
    search_index: bool = False
    """Run Pagefind over the written HTML (public and plaintext mentor views)."""
    search_prefix: str = ""
    """Sub-folder that Pagefind indexes (``share/<token>/`` for the mentor copy)."""

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data

    def merge(self, other: OutputPlan, prefix: str = "") -> None:
        for path, data in other.files.items():
            self.files[prefix + path] = data
        for path, ref in other.assets.items():
            self.assets[prefix + path] = ref
