"""The one content-addressed store of a site's build results.

A value is stored under a key made of everything it is computed from (a note's
bytes, the digest of the site's shape it reads, the audience, the theme's
content stamp …), so a key can only ever find a value that a fresh computation
would make again. Two kinds of value:

* objects (a note checked, a note as an audience sees it), kept in memory for
  as long as the process builds the site (the live preview);
* bytes (a rendered page), kept in memory and, when the store has a folder
  (``.ivsite/cache/pages/``), on disk as one file per key, so that the next
  ``ivsite build`` renders only pages whose inputs changed.

Clean-up is exact, not periodic: :meth:`Store.end_build` drops every entry the
build did not ask for, in memory and on disk, so what is kept is what the site
is now, never what it was several saves ago.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from ..core.keyed import Keyed, digest
from .last_build import code_digest

__all__ = ["FLAG", "PLAIN", "Codec", "Store"]

V = TypeVar("V")
T = TypeVar("T")


class Codec(NamedTuple, Generic[T]):
    """How a kind of value is kept on disk (see :meth:`Store.keeping`): ``dump``
    gives bytes, or None for a value that cannot be kept; ``load`` gives the value
    back, or raises ValueError or TypeError for bytes it cannot read."""

    dump: Callable[[T], bytes | None]
    load: Callable[[bytes], T]


def _load_flag(data: bytes) -> bool:
    if data not in (b"0", b"1"):
        raise ValueError("not a flag")
    return data == b"1"


FLAG: Codec[bool] = Codec(lambda value: b"1" if value else b"0", _load_flag)
"""A yes or no (whether a slug names its person, ivsite.validate.consent)."""


PLAIN: Codec[Any] = Codec(marshal.dumps, marshal.loads)
"""Tuples, sets and numbers as they are (who is one person: ivsite.names.persons)."""


_UNREAD: Any = object()
"""No value read back (none kept, or bytes the codec cannot read)."""


class Store:
    """Values by key for one site; see the module docstring."""

    def __init__(self, folder: Path | None = None, read_only: bool = False,
                 remember: bool = False) -> None:
        """``read_only``: use what a build left in ``folder``, never write there
        (``check``, which writes nothing). ``remember``: keep in memory, too,
        every blob read from or made beside a read-only folder (the live preview:
        it starts from what the last ``ivsite build`` kept, then holds its own
        work between saves)."""
        self._values: dict[Hashable, Any] = {}
        self._used: set[Hashable] = set()
        self._blobs: dict[str, bytes] = {}
        self._blobs_used: set[str] = set()
        self._folder = folder
        self._read_only = read_only
        self._remember = remember and read_only
        self.made = 0
        """Values and blobs computed (not found) since the build began: for the
        preview's log and for tests that check work was kept, never for a decision."""

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept under ``key``, or ``make()`` kept there now."""
        self._used.add(key)
        try:
            return self._values[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value = make()
        self.made += 1
        self._values[key] = value
        return value

    def blob(self, key: str, make: Callable[[], bytes]) -> bytes:
        """Bytes kept under ``key`` (a :func:`digest`), in memory or on disk, or
        ``make()`` kept now."""
        data = self._found(key)
        if data is None:
            data = make()
            self.made += 1
            self._keep(key, data)
        return data

    def keeping(self, codecs: Mapping[str, Codec[Any]]) -> Keyed:
        """:meth:`get`, but a value whose key's first part names one of ``codecs``
        is kept on disk too, as the bytes its codec makes of it, so that the next
        process (the next ``ivsite build``) finds it: under a digest of the key
        and of ivsite's source, whose other code may make another value."""
        def keyed(key: Hashable, make: Callable[[], V]) -> V:
            codec = codecs.get(key[0]) if isinstance(key, tuple) and key else None
            if codec is None or self._folder is None:
                return self.get(key, make)
            self._used.add(key)
            if key in self._values and self._read_only:  # (nothing on disk to keep)
                return self._values[key]  # type: ignore[no-any-return]
            name = digest(code_digest(), key)
            self._blobs_used.add(name)  # kept on disk while a build asks for it
            if key in self._values:
                return self._values[key]  # type: ignore[no-any-return]
            data = self._found(name, remember=False)  # the value is kept, not its bytes
            try:
                value: V = codec.load(data) if data is not None else _UNREAD
            except (ValueError, TypeError, EOFError):  # damaged: made again
                value = _UNREAD
            if value is _UNREAD:
                value = make()
                self.made += 1
                kept = codec.dump(value)
                if kept is not None:
                    self._keep(name, kept)
            self._values[key] = value
            return value
        return keyed

    def _found(self, key: str, remember: bool = True) -> bytes | None:
        """The bytes kept under ``key``, in memory or on disk (and then in memory
        too, when this store remembers, unless not to ``remember`` them)."""
        self._blobs_used.add(key)
        data = self._blobs.get(key)
        if data is not None:
            return data
        path = self._path(key)
        if path is not None:
            try:
                data = path.read_bytes()
            except OSError:
                return None
            if self._remember and remember:
                self._blobs[key] = data
            return data
        return None

    def _keep(self, key: str, data: bytes) -> None:
        path = self._path(key)
        if path is not None and not self._read_only:
            _write(path, data)
        if self._folder is None or self._remember:
            self._blobs[key] = data

    def __len__(self) -> int:
        """Entries kept in memory (what the live preview holds between saves)."""
        return len(self._values) + len(self._blobs)

    def begin_build(self) -> None:
        self._used = set()
        self._blobs_used = set()
        self.made = 0

    def end_build(self) -> None:
        """Forget everything this build did not ask for (see the module docstring)."""
        self._values = {k: v for k, v in self._values.items() if k in self._used}
        self._blobs = {k: v for k, v in self._blobs.items() if k in self._blobs_used}
        if self._folder is not None and not self._read_only and self._folder.is_dir():
            for sub in self._folder.iterdir():
                for f in sub.iterdir() if sub.is_dir() else ():
                    if sub.name + f.name not in self._blobs_used:
                        f.unlink(missing_ok=True)

    def take_used(self) -> tuple[set[Hashable], set[str]]:
        """The keys asked for since the last call, forgotten here: a forked
        process that makes pages (ivsite.write.stage) hands them to its parent's store."""
        used = (self._used, self._blobs_used)
        self._used, self._blobs_used = set(), set()
        return used

    def add_used(self, used: object) -> None:
        """Keys another process's copy of this store was asked for (see
        :meth:`take_used`), which this build's clean-up keeps."""
        assert isinstance(used, tuple)
        values: set[Hashable] = used[0]
        blobs: set[str] = used[1]
        # The smaller set goes into the larger: one page's keys added back to
        # everything before it, page after page, must not copy the whole set each time.
        if len(values) > len(self._used):
            self._used, values = values, self._used
        if len(blobs) > len(self._blobs_used):
            self._blobs_used, blobs = blobs, self._blobs_used
        self._used |= values
        self._blobs_used |= blobs

    def _path(self, key: str) -> Path | None:
        return self._folder / key[:2] / key[2:] if self._folder is not None else None


def _write(path: Path, data: bytes) -> None:
    """Written whole or not at all: a build stopped half-way leaves no torn page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
