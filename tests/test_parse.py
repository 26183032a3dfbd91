"""Stage 2 — parse: front matter + tokens, container problems at the right line,
and the parse cache (in memory by digest, on disk across runs)."""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

import pytest

from ivsite.core.sourcefiles import SourceFile
from ivsite.parse import cache as parsecache
from ivsite.parse.cache import ParseCache
from ivsite.parse.stage import parse_note

HEADER = "---\ntitle: A note\n---\n"  # the body starts on line 4


def src(text: str, rel: str = "content/pages/x.md", collection: str = "pages") -> SourceFile:
    data = text.encode("utf-8")
    return SourceFile(rel, collection, data, hashlib.sha256(data).hexdigest())


def codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in parse_note(src(text)).diagnostics]


def test_front_matter_and_tokens() -> None:
    p = parse_note(src(HEADER + "Hello.\n\n::: private\nsecret\n:::\n"))
    assert p.fm is not None
    assert p.fm.data == {"title": "A note"}
    assert p.fm.body_line == 4
    assert "container_private_open" in [t.type for t in p.tokens]
    assert p.diagnostics == []


def test_unknown_container_is_an_error_at_its_line() -> None:
    p = parse_note(src(HEADER + "intro\n\n::: Private\ntext\n:::\n"))
    [d] = p.diagnostics
    assert (d.code, d.severity, d.line, d.path) == (
        "container-unknown", "error", 6, "content/pages/x.md")
    assert "lower case" in d.hint


def test_unknown_container_word() -> None:
    [d] = parse_note(src(HEADER + "::: secret\ntext\n:::\n")).diagnostics
    assert d.code == "container-unknown" and "secret" in d.message and d.line == 4


def test_bare_fence_where_no_passage_is_open_is_an_error() -> None:
    assert codes(HEADER + "text\n\n:::\n") == [("container-stray-close", 6)]


def test_unclosed_container_is_reported_at_its_opener() -> None:
    text = HEADER + "first\n\nsecond\n\n::: private\nnever closed\n\nstill inside\n"
    assert codes(text) == [("container-unclosed", 8)]


def test_nested_with_equal_fences_nest_as_a_stack() -> None:
    # A fence closes the innermost open passage: 'after' stays in the mentor one.
    text = HEADER + "::: mentor\nm\n::: private\np\n:::\nafter\n:::\n"
    assert codes(text) == []
    p = parse_note(src(text))
    assert [line.kinds for line in p.cut.lines if line.text == "after"] == [("mentor",)]


def test_properly_nested_containers_have_no_problems() -> None:
    text = HEADER + ":::: mentor\nm\n\n::: private\np\n:::\n::::\n"
    assert codes(text) == []


def test_containers_in_fenced_code_are_literal() -> None:
    assert codes(HEADER + "```\n::: Private\n```\n") == []


def test_a_fence_in_indented_code_is_ambiguous() -> None:
    # Markdown reads it as code, the author may have meant a passage: an error.
    assert codes(HEADER + "text\n\n    ::: private\n") == [("passage-in-code", 6)]


def test_line_numbers_follow_a_longer_front_matter() -> None:
    header = "---\ntitle: A\ntags: [a, b]\nsummary: one line\n---\n"  # body on line 6
    assert codes(header + "::: draft\nx\n:::\n") == [("container-unknown", 6)]


def test_crlf_and_bom_are_accepted() -> None:
    data = "\ufeff---\r\ntitle: A\r\n---\r\n::: private\r\nx\r\n:::\r\n".encode()
    p = parse_note(SourceFile("content/pages/x.md", "pages", data, "d"))
    assert p.fm is not None and p.fm.data == {"title": "A"}
    assert p.diagnostics == []
    assert "container_private_open" in [t.type for t in p.tokens]


def test_no_front_matter_is_all_body() -> None:
    """Issue 11: a vault's notes mostly have none; the kind's default decides."""
    p = parse_note(src("just a body\n"))
    assert p.fm is not None and not p.fm.present and p.fm.data == {}
    assert p.fm.body_line == 1 and [t.type for t in p.tokens][:1] == ["paragraph_open"]
    assert p.diagnostics == []


@pytest.mark.parametrize("text", [
    "----\ntitle: A\n---\nbody\n",
    "---yaml\ntitle: A\n---\nbody\n",
    "title: A\nvisibility: private\n---\nbody\n",
    "+++\ntitle = \n+++\nbody\n",
    "+++\ntitle = \"A\"\n",
])
def test_what_starts_like_front_matter_but_cannot_be_read_is_an_error(text: str) -> None:
    p = parse_note(src(text))
    assert p.fm is None and p.tokens == []
    assert p.diagnostics[0].code in (
        "front-matter-start", "toml", "front-matter-unclosed")


def test_cache_returns_the_same_object_for_the_same_digest() -> None:
    cache = ParseCache(None)
    s = src(HEADER + "body\n")
    first = cache.get(s)
    assert cache.get(s) is first
    # same bytes under a fresh SourceFile: still a hit
    assert cache.get(src(HEADER + "body\n")) is first
    changed = cache.get(src(HEADER + "other\n"))
    assert changed is not first
    assert [t.content for t in changed.tokens if t.type == "inline"] == ["other"]


def test_cache_does_not_reparse_a_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ParseCache(None)
    s = src(HEADER + "body\n")
    cache.get(s)

    def boom(_: SourceFile) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsecache, "parse_note", boom)
    cache.get(s)


def test_cache_is_keyed_by_path_too() -> None:
    cache = ParseCache(None)
    a = cache.get(src(HEADER + "same\n", rel="content/pages/a.md"))
    b = cache.get(src(HEADER + "same\n", rel="content/pages/b.md"))
    assert a is not b
    assert b.source.rel == "content/pages/b.md"


def test_cache_persists_to_disk_and_reloads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    s = src(HEADER + "Hello **world**.\n\n::: mentor\nq\n:::\n")
    cache = ParseCache(folder)
    original = cache.get(s)
    cache.save()
    files = list(folder.iterdir())
    assert len(files) == 1 and files[0].stat().st_size > 0

    def boom(_: str) -> None:
        raise AssertionError("the reloaded cache parsed the Markdown again")

    monkeypatch.setattr(parsecache, "parse_body", boom)
    reloaded = ParseCache(folder).get(s)
    assert [t.type for t in reloaded.tokens] == [t.type for t in original.tokens]
    assert reloaded.fm is not None and reloaded.fm.data == {"title": "A note"}


def test_corrupt_cache_file_is_only_a_slower_build(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    cache.get(src(HEADER + "x\n"))
    cache.save()
    [f] = list(tmp_path.iterdir())
    f.write_bytes(b"not a pickle")
    fresh = ParseCache(tmp_path)
    p = fresh.get(src(HEADER + "x\n"))
    assert p.fm is not None


def test_prune_forgets_notes_that_are_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ParseCache(None)
    keep, gone = src(HEADER + "keep\n", "content/pages/k.md"), src(HEADER + "gone\n")
    kept = cache.get(keep)
    first_gone = cache.get(gone)
    cache.prune({(keep.rel, keep.digest)})
    assert cache.get(keep) is kept
    assert cache.get(gone) is not first_gone


def test_a_corrupt_entry_is_parsed_again(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    s = src(HEADER + "Hello *world*.\n")
    first = cache.get(s)
    cache.save()
    [f] = list(tmp_path.iterdir())
    entries = marshal.loads(f.read_bytes())
    f.write_bytes(marshal.dumps({h: marshal.dumps((("short",),), 4) for h in entries}))
    assert ParseCache(tmp_path).get(s) == first
