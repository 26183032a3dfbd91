"""Stage 4 — the audience filter, on sites built through the real first stages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it.token import Token
from unit_helpers import Prepared, errors, prepare, write_site

from ivsite.audience.stage import build_view
from ivsite.audience.viewnote import AudienceView, ViewNote
from ivsite.audience.viewtokens import WITHHELD_LABEL
from ivsite.audit.secrets import Secret, withheld
from ivsite.core.diagnostics import Diagnostics

JANE = """\
---
date: 2026-03-04
visibility: public
person:
  name: Jane Doe
  role: Marketing Coordinator
  company: Acme
  email: jane@acme.example
  phone: "+1 416 555 0100"
  linkedin: https://www.linkedin.com/in/janedoe
alias: a marketing coordinator
referred_by: Sam Lee
referrals: [{name: Lee Park, role: Brand Manager}]
recording_file: ../audio/jane.m4a
tags: [marketing, Agency]
follow_up:
  thank_you: 2026-03-05
---
Intro about the agency.

See [[roles/secret-role]], [[roles/secret-role|my plan]] and [[roles/open-role]].
Also [a relative link](../roles/secret-role.md) and ![chart](../assets/public.png).

<!-- a hidden block comment -->

Inline <!-- an inline comment --> html.

::: private
Jane Doe said something off the record about salaries.
:::

::: mentor
Should I ask about ![board](../assets/mentor.png) next time?
:::

::: private
![sketch](../assets/private.png)
:::
"""
# Line numbers in JANE (1-based): body starts on line 19.
JANE_PRIVATE_PASSAGE_LINE = 29

CONSENTED = """\
---
date: 2026-02-01
visibility: mentor
person:
  name: Rosa Consent
  role: Analyst
consent:
  publish_name: true
---
Rosa Consent explained the job.
"""

HIDDEN = """\
---
title: Hidden Lunch Chat
date: 2026-01-10
person:
  name: Pat Hidden
---
Private conversation text that nobody else may read.
"""

FILES: dict[str, str | bytes] = {
    "content/interviews/2026-03-04-acme.md": JANE,
    "content/interviews/2026-02-01-bank.md": CONSENTED,
    "content/interviews/2026-01-10-lunch.md": HIDDEN,  # private by site default
    "content/roles/secret-role.md": "---\ntitle: Secret Role Title\nvisibility: private\n"
                                    "---\nsecret role body\n",
    "content/roles/open-role.md": "---\ntitle: Open Role\n---\nopen role body\n",
    "content/reflections/2026-03-10-thoughts.md": "---\ntitle: Mentor Thoughts\n"
                                                  "date: 2026-03-10\nvisibility: mentor\n"
                                                  "---\nthinking\n",
    "content/pages/about.md": "---\ntitle: About\n---\nabout me\n",
    "content/assets/public.png": b"public-bytes",
    "content/assets/mentor.png": b"mentor-bytes",
    "content/assets/private.png": b"private-bytes",
    "content/audio/jane.m4a": b"audio",
}


@pytest.fixture(scope="module")
def prep(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    root = write_site(tmp_path_factory.mktemp("site"), FILES)
    p = prepare(root)
    assert not p.diags.errors, errors(p.diags)
    return p


def view(prep: Prepared, audience: str) -> tuple[AudienceView, Diagnostics]:
    diags = Diagnostics()
    return build_view(prep.valid, prep.config, audience, diags), diags  # type: ignore[arg-type]


def note(v: AudienceView, note_id: str) -> ViewNote:
    [n] = [n for n in v.notes if n.id == note_id]
    return n


def walk(tokens: list[Token]) -> Iterator[Token]:
    for t in tokens:
        yield t
        if t.children:
            yield from walk(t.children)


def shown_text(tokens: list[Token]) -> str:
    """What a renderer prints from the tokens: leaf content and attribute values."""
    parts = []
    for t in walk(tokens):
        if t.type != "inline":
            parts.append(t.content)
        parts += [str(v) for v in t.attrs.values()]
    return "\n".join(parts)


def everything_in(tokens: list[Token]) -> str:
    """Every string any token carries, including an inline token's raw source."""
    parts = []
    for t in walk(tokens):
        parts += [t.content, t.info, *map(str, t.attrs.values()), *map(str, t.meta.values())]
    return "\n".join(parts)


JANE_ID = "interviews/2026-03-04-acme"
CONSENTED_ID = "interviews/2026-02-01-bank"
HIDDEN_ID = "interviews/2026-01-10-lunch"


# ----------------------------------------------------------------- which notes


@pytest.mark.parametrize(
    ("audience", "ids"),
    [
        ("public", {JANE_ID, "roles/open-role", "pages/about"}),
        ("mentor", {JANE_ID, CONSENTED_ID, "roles/open-role", "pages/about",
                    "reflections/2026-03-10-thoughts"}),
        ("private", {JANE_ID, CONSENTED_ID, HIDDEN_ID, "roles/open-role", "roles/secret-role",
                     "pages/about", "reflections/2026-03-10-thoughts"}),
    ],
)
def test_which_notes_each_audience_sees(prep: Prepared, audience: str, ids: set[str]) -> None:
    v, _ = view(prep, audience)
    assert {n.id for n in v.notes} == ids
    assert v.withheld_note_count == 7 - len(ids)


# ----------------------------------------------------------------- passages


def test_public_view_drops_private_and_mentor_passages(prep: Prepared) -> None:
    v, _ = view(prep, "public")
    n = note(v, JANE_ID)
    assert n.passages == []
    text = shown_text(n.tokens)
    assert "off the record" not in text and "off the record" not in n.text
    assert "Should I ask" not in text and "Should I ask" not in n.text
    assert not any(t.type.startswith(("container_", "passage_")) for t in n.tokens)


def test_mentor_view_keeps_mentor_passages_marked(prep: Prepared) -> None:
    v, _ = view(prep, "mentor")
    n = note(v, JANE_ID)
    assert [(kind, anchor) for kind, anchor, _ in n.passages] == [
        ("mentor", "mentor-passage-1")]
    assert "Should I ask about" in n.passages[0][2]
    opens = [t for t in n.tokens if t.type == "passage_open"]
    assert [(t.meta["kind"], t.attrs["id"]) for t in opens] == [("mentor", "mentor-passage-1")]
    assert sum(t.type == "passage_close" for t in n.tokens) == 1
    assert "Should I ask about" in n.text
    assert "off the record" not in shown_text(n.tokens) and "off the record" not in n.text


def test_private_view_keeps_everything_marked_with_contact(prep: Prepared) -> None:
    v, _ = view(prep, "private")
    n = note(v, JANE_ID)
    assert [kind for kind, _, _ in n.passages] == ["private", "mentor", "private"]
    assert "off the record" in n.text and "Should I ask" in n.text
    c = n.contact
    assert c is not None
    assert (c.name, c.email, c.phone, c.linkedin) == (
        "Jane Doe", "jane@acme.example", "+1 416 555 0100",
        "https://www.linkedin.com/in/janedoe")
    assert c.referred_by == "Sam Lee"
    assert c.referrals == ("Lee Park, Brand Manager",)
    assert c.recording_file == "../audio/jane.m4a"
    assert c.follow_up.get("thank_you") == "2026-03-05"


@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_contact_is_absent_outside_the_private_view(prep: Prepared, audience: str) -> None:
    v, _ = view(prep, audience)
    for n in v.notes:
        assert n.contact is None
        blob = shown_text(n.tokens) + n.text + n.title + n.summary + n.display_name
        for secret in ("jane@acme.example", "555 0100", "linkedin.com/in/janedoe", "Sam Lee",
                       "Lee Park", "jane.m4a"):
            assert secret not in blob


def test_nested_passages_follow_the_inner_kind(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/pages/p.md": (
        "---\ntitle: P\n---\n"
        ":::: mentor\nfor the mentor\n\n::: private\nonly for me\n:::\n\nmentor again\n::::\n"
        "\npublic text\n")})
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)
    texts = {a: view(p, a)[0].notes[0].text for a in ("public", "mentor", "private")}
    assert texts["public"] == "public text"
    assert "for the mentor" in texts["mentor"] and "mentor again" in texts["mentor"]
    assert "only for me" not in texts["mentor"]
    assert "only for me" in texts["private"]


def test_passage_excerpt_never_shows_a_nested_private_passage(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/pages/p.md": (
        "---\ntitle: P\n---\n"
        ":::: mentor\n::: private\nMy salary floor is ninety thousand.\n:::\n\n"
        "What should I ask next?\n::::\n")})
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)
    v, _ = view(p, "mentor")
    [(kind, _, excerpt)] = v.notes[0].passages
    assert kind == "mentor"
    assert "salary" not in excerpt


def test_passage_excerpt_never_names_a_withheld_link_target(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/pages/p.md": "---\ntitle: P\n---\n::: mentor\n"
                              "Compare with [[roles/hidden-plan]] please.\n:::\n",
        "content/roles/hidden-plan.md": "---\ntitle: Hidden Plan\nvisibility: private\n---\nx\n",
    })
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)
    v, _ = view(p, "mentor")
    [(_, _, excerpt)] = v.notes[0].passages
    assert "hidden-plan" not in excerpt and "Hidden Plan" not in excerpt


# ----------------------------------------------------------------- names and titles


def test_display_name_is_the_alias_without_consent(prep: Prepared) -> None:
    for audience in ("public", "mentor"):
        n = note(view(prep, audience)[0], JANE_ID)
        assert n.display_name == "a marketing coordinator"
        assert n.name_published is False
        assert n.title == "Conversation with a marketing coordinator"


def test_display_name_is_the_real_name_with_consent(prep: Prepared) -> None:
    n = note(view(prep, "mentor")[0], CONSENTED_ID)
    assert n.display_name == "Rosa Consent" and n.name_published is True
    assert n.title == "Conversation with Rosa Consent"


def test_private_view_shows_real_names(prep: Prepared) -> None:
    v, _ = view(prep, "private")
    n = note(v, JANE_ID)
    assert n.display_name == "Jane Doe" and n.title == "Conversation with Jane Doe"
    assert note(v, HIDDEN_ID).title == "Hidden Lunch Chat"


def test_display_name_without_alias_describes_the_role(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/interviews/x.md": (
        "---\ndate: 2026-01-01\nvisibility: public\nperson:\n  name: Kim Noalias\n"
        "  role: Designer\n  company: Globex\n---\ntext\n")})
    p = prepare(tmp_path)
    n = view(p, "public")[0].notes[0]
    assert n.display_name == "a Designer at Globex"
    assert n.title == "Conversation with a Designer at Globex"
    assert "Kim" not in n.title


# ----------------------------------------------------------------- links


def test_wikilink_to_withheld_note_becomes_its_label_or_a_private_note(prep: Prepared) -> None:
    for audience in ("public", "mentor"):
        n = note(view(prep, audience)[0], JANE_ID)
        children = [c for t in n.tokens if t.type == "inline" for c in t.children or []]
        texts = [c.content for c in children if c.type == "text"]
        assert WITHHELD_LABEL in texts
        assert "my plan" in texts
        hrefs = [c.attrs.get("href") for c in children if c.type == "link_open"]
        assert hrefs == ["ivsite:note/roles/open-role"]  # the only link left
        assert not any(c.type == "wikilink" for c in children)
        shown = shown_text(n.tokens)
        assert "secret-role" not in shown and "Secret Role Title" not in shown
        assert "secret-role" not in n.text and "Secret Role Title" not in n.text
        assert "roles/secret-role" not in n.links_to


def test_no_token_carries_a_withheld_target_or_comment(prep: Prepared) -> None:
    """Nothing in the view leads back to withheld material, raw inline source included."""
    n = note(view(prep, "public")[0], JANE_ID)
    blob = everything_in(n.tokens)
    assert "secret-role" not in blob
    assert "Secret Role Title" not in blob
    assert "hidden block comment" not in blob
    assert "an inline comment" not in blob


def test_wikilink_to_visible_note_links_with_its_title(prep: Prepared) -> None:
    n = note(view(prep, "public")[0], JANE_ID)
    children = [c for t in n.tokens if t.type == "inline" for c in t.children or []]
    i = next(i for i, c in enumerate(children)
             if c.type == "link_open" and c.attrs["href"] == "ivsite:note/roles/open-role")
    assert children[i + 1].content == "Open Role"
    assert n.links_to == ["roles/open-role"]


def test_private_view_links_to_everything(prep: Prepared) -> None:
    n = note(view(prep, "private")[0], JANE_ID)
    hrefs = [c.attrs.get("href") for t in n.tokens if t.type == "inline"
             for c in t.children or [] if c.type == "link_open"]
    assert hrefs.count("ivsite:note/roles/secret-role") == 3
    assert "Secret Role Title" in n.text


def test_relative_md_link_to_withheld_note_keeps_text_loses_link(prep: Prepared) -> None:
    n = note(view(prep, "public")[0], JANE_ID)
    children = [c for t in n.tokens if t.type == "inline" for c in t.children or []]
    i = next(i for i, c in enumerate(children) if c.content == "a relative link")
    assert children[i - 1].type != "link_open"
    assert children[i + 1].type != "link_close"
    assert sum(c.type == "link_open" for c in children) == sum(
        c.type == "link_close" for c in children)
    assert "a relative link" in n.text


def test_wikilink_fragment_becomes_a_slug(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/pages/a.md": "---\ntitle: A\n---\n[[pages/b#Skills Needed|skills]]\n",
        "content/pages/b.md": "---\ntitle: B\n---\n## Skills Needed\n",
    })
    p = prepare(tmp_path)
    a = note(view(p, "public")[0], "pages/a")
    [link] = [c for t in a.tokens if t.type == "inline" for c in t.children or []
              if c.type == "link_open"]
    assert link.attrs["href"] == "ivsite:note/pages/b#skills-needed"


# ----------------------------------------------------------------- assets and comments


@pytest.mark.parametrize(
    ("audience", "assets"),
    [
        ("public", {"content/assets/public.png"}),
        ("mentor", {"content/assets/public.png", "content/assets/mentor.png"}),
        ("private", {"content/assets/public.png", "content/assets/mentor.png",
                     "content/assets/private.png"}),
    ],
)
def test_assets_only_from_visible_text(prep: Prepared, audience: str, assets: set[str]) -> None:
    n = note(view(prep, audience)[0], JANE_ID)
    assert {a.rel for a in n.assets} == assets
    srcs = {c.attrs["src"] for t in n.tokens if t.type == "inline" for c in t.children or []
            if c.type == "image"}
    assert srcs == {"ivsite:asset/" + a[len("content/"):] for a in assets}


def test_recording_file_is_never_an_asset(prep: Prepared) -> None:
    for audience in ("public", "mentor", "private"):
        for n in view(prep, audience)[0].notes:
            assert "content/audio/jane.m4a" not in {a.rel for a in n.assets}


def test_html_comments_removed_from_blocks_and_inline(prep: Prepared) -> None:
    for audience in ("public", "mentor", "private"):
        n = note(view(prep, audience)[0], JANE_ID)
        html_tokens = [t for t in walk(n.tokens) if t.type in ("html_block", "html_inline")]
        # Cut out of the source before parsing: no token is left holding one.
        for t in html_tokens:
            assert "<!--" not in t.content
            assert "comment" not in t.content
        assert "comment" not in n.text


def test_unclosed_html_comment_is_an_error_and_withholds_the_note(tmp_path: Path) -> None:
    write_site(tmp_path, {"content/pages/a.md": "---\ntitle: A\n---\n"
                                                "<!-- never closed\nsecret plans\n"})
    p = prepare(tmp_path)
    assert [(d.code, d.line) for d in p.diags.errors] == [("comment-unclosed", 4)]
    assert view(p, "public")[0].notes == []


def test_source_tokens_are_not_mutated(prep: Prepared) -> None:
    jane = prep.valid.by_key["interviews/2026-03-04-acme"]
    before = [(t.type, t.content, dict(t.attrs)) for t in walk(jane.tokens)]
    for audience in ("public", "mentor", "private"):
        view(prep, audience)
    after = [(t.type, t.content, dict(t.attrs)) for t in walk(jane.tokens)]
    assert before == after


def test_tags_and_dates(prep: Prepared) -> None:
    n = note(view(prep, "public")[0], JANE_ID)
    assert n.tags == ["Agency", "marketing"]
    assert n.date == dt.date(2026, 3, 4)


# ----------------------------------------------------------------- unconsented names


def named_site(tmp_path: Path, body: str, front: str = "") -> Prepared:
    write_site(tmp_path, {"content/interviews/x.md": (
        "---\ndate: 2026-01-01\nvisibility: public\nperson:\n  name: Jane Doe\n"
        f"alias: a coordinator\n{front}---\n{body}")})
    return prepare(tmp_path)


def name_diags(p: Prepared, audience: str) -> list[tuple[str, int]]:
    _, diags = view(p, audience)
    return [(d.path, d.line) for d in diags if d.code == "name-without-consent"]


def test_unconsented_name_in_public_text_is_an_error_at_its_line(tmp_path: Path) -> None:
    p = named_site(tmp_path, "First line.\n\nI met jane doe at a meetup.\n")
    # front matter is 7 lines, body starts on line 8; the name is on line 10
    assert name_diags(p, "public") == [("content/interviews/x.md", 10)]
    [d] = [d for d in view(p, "public")[1]]
    assert d.severity == "error" and "alias" in d.hint


def test_name_in_a_private_passage_is_fine(tmp_path: Path) -> None:
    p = named_site(tmp_path, "Intro.\n\n::: private\nJane Doe told me this.\n:::\n")
    assert name_diags(p, "public") == []
    assert name_diags(p, "mentor") == []
    assert name_diags(p, "private") == []


def test_name_in_a_mentor_passage_is_an_error_for_the_mentor_only(tmp_path: Path) -> None:
    p = named_site(tmp_path, "Intro.\n\n::: mentor\nJane Doe told me this.\n:::\n")
    assert name_diags(p, "public") == []
    assert name_diags(p, "mentor") == [("content/interviews/x.md", 11)]


def test_name_in_the_title_is_an_error_at_the_title(tmp_path: Path) -> None:
    p = named_site(tmp_path, "Body.\n", front="title: Lunch with Jane Doe\n")
    assert name_diags(p, "public") == [("content/interviews/x.md", 7)]


def test_name_across_a_line_break_is_found(tmp_path: Path) -> None:
    p = named_site(tmp_path, "I met Jane\nDoe at a meetup.\n")
    assert name_diags(p, "public") == [("content/interviews/x.md", 8)]


def test_name_split_by_emphasis_is_found(tmp_path: Path) -> None:
    p = named_site(tmp_path, "I met Jane **Doe** at a meetup.\n")
    assert name_diags(p, "public") == [("content/interviews/x.md", 8)]


def test_name_in_a_link_url_is_found(tmp_path: Path) -> None:
    # the build's audit reads "jane-doe" in an href as the name: check must agree
    p = named_site(tmp_path, "See [her talk](https://example.org/talks/jane-doe).\n")
    assert name_diags(p, "public") == [("content/interviews/x.md", 8)]


def test_name_in_code_is_found(tmp_path: Path) -> None:
    p = named_site(tmp_path, "Para.\n\n```\nemail Jane Doe\n```\n")
    assert name_diags(p, "public") == [("content/interviews/x.md", 10)]


def test_consented_name_is_no_error(tmp_path: Path) -> None:
    p = named_site(tmp_path, "I met Jane Doe.\n", front="consent:\n  publish_name: true\n")
    assert name_diags(p, "public") == []
    n = view(p, "public")[0].notes[0]
    assert n.display_name == "Jane Doe"


def test_name_of_another_unconsented_person_in_any_note_is_an_error(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/interviews/x.md": "---\ndate: 2026-01-01\nperson:\n  name: Pat Quiet\n"
                                   "---\nprivate note\n",
        "content/pages/about.md": "---\ntitle: About\n---\nThanks to Pat Quiet.\n",
    })
    p = prepare(tmp_path)
    assert name_diags(p, "public") == [("content/pages/about.md", 4)]


# ----------------------------------------------------------------- withheld()


def secrets(prep: Prepared, audience: str) -> list[Secret]:
    return withheld(prep.valid, audience)  # type: ignore[arg-type]


def find(found: list[Secret], kind: str, text: str) -> Secret:
    hits = [s for s in found if s.kind == kind and text in s.text]
    assert hits, f"no {kind} secret containing {text!r} in {found}"
    return hits[0]


def test_withheld_lists_contact_fields_with_source_and_line(prep: Prepared) -> None:
    found = secrets(prep, "public")
    src = "content/interviews/2026-03-04-acme.md"
    assert find(found, "contact field email", "jane@acme.example") == Secret(
        "contact field email", "jane@acme.example", src, 8)
    assert find(found, "contact field phone", "+1 416 555 0100").line == 9
    assert find(found, "contact field linkedin", "linkedin.com/in/janedoe").line == 10


def test_withheld_lists_unconsented_names_and_referrals(prep: Prepared) -> None:
    found = secrets(prep, "public")
    src = "content/interviews/2026-03-04-acme.md"
    jane = find(found, "unconsented name", "Jane Doe")
    assert (jane.source, jane.line) == (src, 5)
    assert find(found, "referred_by", "Sam Lee").line == 12
    assert find(found, "referral", "Lee Park").line == 13
    assert find(found, "unconsented name", "Pat Hidden").source == (
        "content/interviews/2026-01-10-lunch.md")


def test_consented_names_are_not_secrets(prep: Prepared) -> None:
    for audience in ("public", "mentor"):
        assert not [s for s in secrets(prep, audience) if "Rosa Consent" in s.text
                    and s.kind == "unconsented name"]


def test_withheld_lists_withheld_titles_and_passages(prep: Prepared) -> None:
    found = secrets(prep, "public")
    t = find(found, "withheld title", "Secret Role Title")
    assert (t.source, t.line) == ("content/roles/secret-role.md", 2)
    assert find(found, "withheld title", "Hidden Lunch Chat").line == 2
    assert find(found, "withheld title", "Mentor Thoughts")  # mentor note, public audience
    p = find(found, "private passage", "off the record")
    assert (p.source, p.line) == ("content/interviews/2026-03-04-acme.md",
                                  JANE_PRIVATE_PASSAGE_LINE)
    assert find(found, "mentor passage", "Should I ask about")
    assert find(found, "withheld note", "Private conversation text").line == 7


def test_withheld_for_mentor_keeps_mentor_material_visible(prep: Prepared) -> None:
    found = secrets(prep, "mentor")
    assert not [s for s in found if s.kind == "mentor passage"]
    assert not [s for s in found if "Mentor Thoughts" in s.text]
    assert find(found, "private passage", "off the record")
    assert find(found, "withheld title", "Secret Role Title")


def test_withheld_lists_comments(prep: Prepared) -> None:
    found = secrets(prep, "public")
    assert find(found, "HTML comment", "a hidden block comment").line == 24
    assert find(found, "HTML comment", "an inline comment").line == 26


def test_visible_titles_are_not_secrets(prep: Prepared) -> None:
    assert not [s for s in secrets(prep, "public") if "Open Role" in s.text]


def test_name_in_a_published_person_field_is_an_error(tmp_path: Path) -> None:
    # company, role, industry and location are shown in the public view
    write_site(tmp_path, {"content/interviews/x.md": (
        "---\ndate: 2026-01-01\nvisibility: public\nperson:\n  name: Jane Doe\n"
        "  company: Jane Doe Design\nalias: a designer\n---\nHello.\n")})
    p = prepare(tmp_path)
    assert name_diags(p, "public") == [("content/interviews/x.md", 6)]


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Jane Doe", "2026-01-01-jane-doe"), ("Li Wu", "2026-01-01-li-wu")],
)
def test_page_id_never_carries_an_unconsented_name(tmp_path: Path, name: str,
                                                   stem: str) -> None:
    write_site(tmp_path, {f"content/interviews/{stem}.md": (
        f"---\ndate: 2026-01-01\nvisibility: public\nperson:\n  name: {name}\n"
        "alias: an engineer\n---\nHello.\n")})
    p = prepare(tmp_path)
    # an error (class 6 of issue 9), and still a neutral address for a preview
    assert [d.code for d in p.diags.errors] == ["slug-names-person"], errors(p.diags)
    [n] = view(p, "public")[0].notes
    words = name.lower().split()
    assert not all(w in n.id.split("/")[-1].split("-") for w in words), n.id


def test_wikilink_by_title_or_with_fragment_to_withheld_note(tmp_path: Path) -> None:
    write_site(tmp_path, {
        "content/pages/a.md": "---\ntitle: A\n---\n"
                              "One [[Secret Plan Title]], two [[roles/plan#Part Two]].\n",
        "content/roles/plan.md": "---\ntitle: Secret Plan Title\nvisibility: private\n---\n"
                                 "## Part Two\n",
    })
    p = prepare(tmp_path)
    assert not p.diags.errors, errors(p.diags)
    n = view(p, "public")[0].notes[0]
    assert n.text == f"One {WITHHELD_LABEL} , two {WITHHELD_LABEL} ."
    shown = shown_text(n.tokens)
    assert "Secret Plan" not in shown and "plan" not in shown.lower().replace(
        WITHHELD_LABEL, "")
