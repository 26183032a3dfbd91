"""What emitters hand the writer: files by output path, assets by reference."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field

from ..core.sourcefiles import AssetRef

Made = bytes | Callable[[], bytes]


class Files(MutableMapping[str, bytes]):
    """Output files by path. A page may be given as the function that makes it
    (:meth:`later`), called each time its bytes are read: a writer that goes
    through the files one at a time then holds one page at a time, never a
    whole site of them (tens of thousands of pages, hundreds of megabytes)."""

    def __init__(self, items: Mapping[str, Made] | Iterable[tuple[str, Made]] = ()) -> None:
        self._made: dict[str, Made] = dict(items)

    def __getitem__(self, path: str) -> bytes:
        made = self._made[path]
        return made if isinstance(made, bytes) else made()

    def __setitem__(self, path: str, data: bytes) -> None:
        self._made[path] = data

    def later(self, path: str, make: Callable[[], bytes]) -> None:
        self._made[path] = make

    def __delitem__(self, path: str) -> None:
        del self._made[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._made)

    def __len__(self) -> int:
        return len(self._made)

    def __contains__(self, path: object) -> bool:
        return path in self._made

    def copy(self) -> Files:
        """Another mapping of the same files (pages not made by copying)."""
        return Files(self._made)

    def made(self) -> Files:
        """The same files, every page made now (for a writer that must not wait
        on a page, like the preview, which writes while requests wait)."""
        return Files({path: self[path] for path in self._made})

    def sorted(self) -> Files:
        return Files(sorted(self._made.items()))


@dataclass
class OutputPlan:
    files: Files = field(default_factory=Files)
    """Output-relative POSIX path (e.g. ``interviews/x/index.html``) to its bytes."""
    assets: dict[str, AssetRef] = field(default_factory=dict)
    """Output-relative path to the asset whose bytes the writer copies."""
    search_index: bool = False
    """Run Pagefind over the written HTML (public and plaintext mentor views)."""
    search_prefix: str = ""
    """Sub-folder that Pagefind indexes (``share/<token>/`` for the mentor copy)."""

    def __post_init__(self) -> None:
        if not isinstance(self.files, Files):
            self.files = Files(self.files)

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data
