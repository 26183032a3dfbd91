"""The Markdown dialect: passages become tokens, wiki-links become tokens, code
stays literal, and the contract's extensions are on."""

from __future__ import annotations

from markdown_it.token import Token

from ivsite.markdown.dialect import parse_body


def types(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens]


def inline_children(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens if t.type == "inline" for c in (t.children or [])]


def test_private_container_becomes_tokens() -> None:
    tokens, _ = parse_body("::: private\nOff the record.\n:::\n")
    assert types(tokens) == [
        "container_private_open", "paragraph_open", "inline", "paragraph_close",
        "container_private_close",
    ]
    assert tokens[2].content == "Off the record."
    assert tokens[0].map == [0, 2]


def test_mentor_container_becomes_tokens() -> None:
    tokens, _ = parse_body("before\n\n::: mentor\nA question.\n:::\n\nafter\n")
    t = types(tokens)
    assert t.count("container_mentor_open") == 1 and t.count("container_mentor_close") == 1
    i = t.index("container_mentor_open")
    assert tokens[i + 2].content == "A question."
    assert tokens[t.index("container_mentor_close") + 2].content == "after"


def test_nested_containers_with_a_longer_outer_fence() -> None:
    src = ":::: mentor\nfor mentor\n\n::: private\nfor me\n:::\n\nmentor again\n::::\n\nafter\n"
    tokens, _ = parse_body(src)
    seq = [t.type for t in tokens if t.type.startswith("container_")]
    assert seq == ["container_mentor_open", "container_private_open",
                   "container_private_close", "container_mentor_close"]
    # "mentor again" is inside the mentor passage, "after" is outside both
    t = types(tokens)
    inner = [tok.content for tok in tokens[t.index("container_mentor_open"):
                                           t.index("container_mentor_close")]
             if tok.type == "inline"]
    assert inner == ["for mentor", "for me", "mentor again"]
    assert tokens[t.index("container_mentor_close") + 2].content == "after"


def test_container_inside_a_list_item() -> None:
    tokens, _ = parse_body("- item\n\n  ::: private\n  hidden in a list\n  :::\n- next\n")
    t = types(tokens)
    i = t.index("container_private_open")
    assert t.index("list_item_open") < i < t.index("list_item_close")
    assert tokens[i + 2].content == "hidden in a list"


def test_container_inside_a_blockquote() -> None:
    tokens, _ = parse_body("> ::: mentor\n> quoted question\n> :::\n")
    t = types(tokens)
    assert t[0] == "blockquote_open" and t[-1] == "blockquote_close"
    i = t.index("container_mentor_open")
    assert tokens[i + 2].content == "quoted question"


def test_container_in_fenced_code_is_literal() -> None:
    src = "```\n::: private\nnot a passage\n:::\n```\n"
    tokens, _ = parse_body(src)
    assert types(tokens) == ["fence"]
    assert tokens[0].content == "::: private\nnot a passage\n:::\n"


def test_container_in_indented_code_is_literal() -> None:
    tokens, _ = parse_body("    ::: private\n    code\n    :::\n")
    assert types(tokens) == ["code_block"]


def test_wikilink_tokens() -> None:
    tokens, _ = parse_body("See [[roles/ux]], [[a|b]] and [[a#x|b]].\n")
    links = [c for c in inline_children(tokens) if c.type == "wikilink"]
    assert [c.meta for c in links] == [
        {"target": "roles/ux", "label": ""},
        {"target": "a", "label": "b"},
        {"target": "a#x", "label": "b"},
    ]


def test_wikilink_by_title_keeps_spaces() -> None:
    tokens, _ = parse_body("[[Marketing Coordinator]]\n")
    [link] = [c for c in inline_children(tokens) if c.type == "wikilink"]
    assert link.meta == {"target": "Marketing Coordinator", "label": ""}


def test_wikilink_not_in_code_span_or_code_block() -> None:
    tokens, _ = parse_body("`[[roles/ux]]`\n\n```\n[[roles/pm]]\n```\n")
    assert not [c for c in inline_children(tokens) if c.type == "wikilink"]
    codes = [c.content for c in inline_children(tokens) if c.type == "code_inline"]
    assert codes == ["[[roles/ux]]"]


def test_empty_or_unclosed_brackets_are_text() -> None:
    tokens, _ = parse_body("[[]] and [[open\n")
    assert not [c for c in inline_children(tokens) if c.type == "wikilink"]


def test_extensions_tables_strikethrough_tasks_footnotes_deflists() -> None:
    src = (
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "~~gone~~\n\n"
        "- [ ] todo\n- [x] done\n\n"
        "Text[^1].\n\n[^1]: A note.\n\n"
        "Term\n: Definition\n"
    )
    tokens, env = parse_body(src)
    t = types(tokens)
    assert "table_open" in t
    assert "s_open" in types(inline_children(tokens))
    assert any("task-list-item" in str(tok.attrs.get("class", "")) for tok in tokens)
    assert "footnote_ref" in types(inline_children(tokens))
    assert "footnotes" in env
    assert "dl_open" in t


def test_raw_html_is_kept_as_tokens() -> None:
    tokens, _ = parse_body("<!-- note -->\n\nInline <!-- c --> here.\n")
    assert tokens[0].type == "html_block"
    assert "html_inline" in types(inline_children(tokens))
