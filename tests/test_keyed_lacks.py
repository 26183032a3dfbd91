"""A stage that shares its per-note work out over processes sends out only the
notes its store lacks: a save in the live preview filtered every note of the site
again in forked processes and threw the results away, because the store was asked
only after the pool had run (1.2 s of a 1.3 s save at 1,000 notes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from sites import write_site

from ivsite.audience import stage as audience_stage
from ivsite.core.keyed import compute, lacks
from ivsite.incremental.store import Store
from ivsite.preview import Preview, ReloadHub

NOTES = 60


def test_lacks_asks_without_making() -> None:
    store = Store()
    assert lacks(store.get, "a")
    assert len(store) == 0, "asking must not keep anything"
    assert store.get("a", lambda: 1) == 1
    assert not lacks(store.get, "a")
    assert lacks(compute, "a"), "without a store every value is made"


def _site(root: Path) -> Path:
    content = {
        f"reflections/r{i:03}.md": ({"title": f"Reflection {i}", "visibility": "public",
                                     "date": "2025-01-01"}, f"Reflection number {i}.\n")
        for i in range(NOTES)
    }
    return write_site(root, content)


def test_a_save_filters_only_the_note_it_changed(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pooled: list[int] = []

    def apart(fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        pooled.append(len(items))
        return iter([fn(item) for item in items])

    # Pool whatever is large enough on any machine, here, so the test sees what goes out.
    monkeypatch.setattr(audience_stage, "processes_for", lambda jobs: 2 if jobs >= 2 else 0)
    monkeypatch.setattr(audience_stage, "apart", apart)
    root = _site(tmp_path / "site")
    preview = Preview(root, "public", ReloadHub())
    try:
        assert preview.rebuild().ok
        assert pooled == [NOTES], "a first build filters every note, pooled"
        pooled.clear()
        note = root / "content" / "reflections" / "r007.md"
        note.write_text(note.read_text() + "\nA new sentence.\n")
        rebuilt = preview.rebuild({"content/reflections/r007.md"})
        assert rebuilt.ok
        assert pooled == [], f"a save of one note sent {pooled} notes to the pool"
        page = (preview.folder / "reflections" / "r007" / "index.html").read_text()
        assert "A new sentence." in page
    finally:
        preview.close()
