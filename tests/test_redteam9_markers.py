"""Red team 9: body labels ivsite does not honour, and other languages' privacy words
(docs/redteam/2026-12-01-ninth.md).

R9-13, R9-14, R9-15, R9-25 (b, c, d): a passage marked private by a link
reference used as a comment (``[//]: # (begin private)``), a heading (``##
Private``), a label (``**Do not publish:**``), an id (``<span
id="private-start">``), an attribute list (``{.private}``, ``{: .private}``) or
an empty link titled private was published with exit 0. Now each is an error of
the filter (``privacy-label`` or ``privacy-markup``, ivsite.validate.bodymarkers and
ivsite.switches.markerwords). The audit cannot be the second line here: nothing withholds
the text such a label stands over, so the audit holds no secret to look for
(the marker itself is the only sign, and reading it is this rule).

R9-21: a folder ``bozze/``, ``非公開/`` or ``prywatne/`` and the tags ``bozza``,
``riservato`` published the note. Now the major languages' words are privacy
words (ivsite.switches.worldwords): the note in such a folder is private (and, with the
filter's reading of the path off, the build's own audit refuses it); a public
note with such a tag is a ``privacy-tag`` error (a tag is a topic to the audit,
so there the filter is the only line, as for the English tags).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import OutputCorpus, body_errors, red_team_site

from ivsite.pipeline import build
from ivsite.switches import fmchecks, lookalike, pathprivacy
from ivsite.switches.lookalike import privacy_tag
from ivsite.switches.pathprivacy import path_privacy
from ivsite.switches.worldwords import LANGUAGES
from ivsite.validate import bodyprivacy
from ivsite.validate import note as validate

LABELLED = {  # the class of each finding, one member a line; (body, code, line)
    "R9-13 reference comment": ("Intro.\n\n[//]: # (begin private)\nPlans.\n",
                                "privacy-markup", 3),
    "R9-13 reference <>": ("[comment]: <> (private)\n\nPlans.\n", "privacy-markup", 1),
    "R9-13 reference label": ("[private]: #\n\nPlans.\n", "privacy-markup", 1),
    "R9-13 quoted title": ('[//]: # "end draft"\n', "privacy-markup", 1),
    "R9-14 heading": ("## Private\n\nPlans.\n", "privacy-label", 1),
    "R9-14 off the record": ("Intro.\n\n## Off the record\n", "privacy-label", 3),
    "R9-14 do not publish": ("### Do not publish\n", "privacy-label", 1),
    "R9-14 my private notes": ("# My private notes\n", "privacy-label", 1),
    "R9-14 bold paragraph": ("**Private notes**\n\nPlans.\n", "privacy-label", 1),
    "R9-14 quote": ("> **Private**\n> Plans.\n", "privacy-label", 1),
    "R9-14 other language": ("## Riservato\n", "privacy-label", 1),
    "R9-15 bold label": ("**Do not publish:** Plans.\n", "privacy-label", 1),
    "R9-15 mid-line label": ("Intro. **Confidential:** Plans.\n", "privacy-label", 1),
    "R9-15 emphasis then colon": ("Intro\n*Private*: Plans.\n", "privacy-label", 2),
    "R9-15 capitals": ("PRIVATE: Plans.\n", "privacy-label", 1),
    "R9-15 parenthesis": ("(off the record) Plans.\n", "privacy-label", 1),
    "R9-15 task": ("- [ ] private: Plans.\n", "privacy-label", 1),
    "R9-25 id span": ('<span id="private-start"></span>\nPlans.\n', "privacy-markup", 1),
    "R9-25 name": ('<a name="secret-begin"></a>\n', "privacy-markup", 1),
    "R9-25 html title": ('<span title="Off the record">Plans.</span>\n', "privacy-markup", 1),
    "R9-25b heading class": ("## Salary {.private}\n", "privacy-markup", 1),
    "R9-25b heading id": ("## Pay {#private-start}\n", "privacy-markup", 1),
    # A setting written in the attribute list: read as the setting it states.
    "R9-25b key value": ("## Pay {visibility=private}\n", "privacy-field", 1),
    "R9-25b span": ("A [Plans]{.secret} here.\n", "privacy-markup", 1),
    "R9-25c kramdown": ("Plans.\n{: .private}\n", "privacy-markup", 2),
    "R9-25c kramdown id": ("Plans.\n{:#draft-only}\n", "privacy-markup", 2),
    "R9-25d empty link title": ('[](# "private")\nPlans.\n', "privacy-label", 1),
    "R9-25d link title": ('[x](https://example.org "Confidential")\n', "privacy-label", 1),
    "R9-25d empty fragment": ("[](#private-start)\nPlans.\n", "privacy-markup", 1),
    "footnote label": ("Text[^private]\n\n[^private]: Plans.\n", "privacy-label", 3),
    "block id": ("Intro.\n\nPlans ^private\n", "privacy-markup", 3),
    "definition term": ("Private\n: Plans.\n", "privacy-label", 1),
    "setext heading": ("Off the record\n==============\n", "privacy-label", 1),
    "html heading": ("<h2>Private</h2>\n\nPlans.\n", "privacy-label", 1),
    "inline html heading": ("A <h3>Off the record</h3> b\n", "privacy-label", 1),
}


@pytest.mark.parametrize(("body", "code", "line"), list(LABELLED.values()), ids=list(LABELLED))
def test_a_label_that_says_private_is_an_error(body: str, code: str, line: int) -> None:
    assert (code, line) in body_errors(body), body_errors(body)
    assert (code, line) in body_errors(body, "mentor")


def test_mentor_only_is_an_error_where_the_public_reads_it() -> None:
    """"Mentor only" in a public note: the author forgot the fence. In a mentor
    note it was an error too, until red team 12 (R12-05): the mentor is who reads
    a mentor note, so the label is true there (tests/test_redteam12_scope.py)."""
    assert ("privacy-label", 1) in body_errors("## Mentor only\n")
    assert ("privacy-label", 1) in body_errors("## Mentor only, do not publish\n", "mentor")


ORDINARY = [
    "## Private equity\n", "## Privacy\n", "## Personal\n", "## Internal\n", "## Mentor\n",
    "## Drafts\n", "## Work in progress\n", "## Personal projects\n", "## Hidden costs\n",
    "## Secrets of hiring\n", "## The secret of good interviews\n", "## Keeping things private\n",
    "Keep your salary **private**.\n", "**Private** equity firms pay well.\n",
    "Note: private equity is hard.\n", "**Important:** bring a CV.\n", "Mentor: Jane Smith\n",
    "Private companies: they pay less.\n", "Personal: I like it.\n", "Draft: v2 of my CV.\n",
    "(see below) the plan.\n", "- [x] private repo set up\n",
    "[docs]: https://example.org/private-docs\n\nSee [docs].\n",
    '[home](https://example.org "Homepage")\n', "[](#salary)\n",
    "## Salary {.note}\n", "A [word]{.smallcaps}.\n", "Use `{.private}` and `[//]: # (private)`.\n",
    "```\n## Private\n[//]: # (private)\n```\n", "::: private\n## Private\n[//]: # (end)\n:::\n",
    '<span id="salary-table" class="note">x</span>\n', '<abbr title="Private equity">PE</abbr>\n',
    "| Topic | Notes |\n|---|---|\n| pay | fine |\n", "Private equity\n: a kind of fund\n",
    "<h2>Private equity</h2>\n", "Para with an id ^intro\n", "Text[^1].\n\n[^1]: A note.\n",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_ordinary_text_about_privacy_is_not(body: str) -> None:
    assert body_errors(body) == []


def test_a_private_note_may_hold_them() -> None:
    for body, _, _ in LABELLED.values():
        assert body_errors(body, "private") == []


# ------------------------------------------------------------------- end to end

SITE_NOTES = {  # each reproducer's body, with its own canary, and the error it gets
    "R9-13": ("Public intro.\n\n[//]: # (begin private)\nCANARY-R913 plans.\n"
              "[//]: # (end private)\n", "privacy-markup"),
    "R9-14": ("Public intro.\n\n## Private\n\nCANARY-R914 plans.\n", "privacy-label"),
    "R9-15": ("**Do not publish:** CANARY-R915 plans.\n", "privacy-label"),
    "R9-25": ('Public intro.\n\n<span id="private-start"></span>\nCANARY-R925 plans.\n'
              '<span id="private-end"></span>\n', "privacy-markup"),
    "R9-25b": ("## Salary {.private}\n\nCANARY-R925B plans.\n", "privacy-markup"),
    "R9-25c": ("CANARY-R925C plans.\n{: .private}\n", "privacy-markup"),
    "R9-25d": ('[](# "private")\nCANARY-R925D plans.\n', "privacy-label"),
}


def _marked_site(root: Path) -> Path:
    return red_team_site(root, {f"roles/{f.lower()}.md": ({"title": f}, body)
                                for f, (body, _) in SITE_NOTES.items()})


def test_the_build_refuses_each_reproducer(tmp_path: Path) -> None:
    result = build(_marked_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    found = {(d.path, d.code) for d in result.diagnostics if d.severity == "error"}
    for finding, (_, code) in SITE_NOTES.items():
        assert (f"content/roles/{finding.lower()}.md", code) in found, (finding, found)
    assert not (tmp_path / "out").exists()


def test_without_the_rule_each_is_published(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodyprivacy, "markers", lambda tokens, lines: iter(()))
    monkeypatch.setattr(bodyprivacy, "_marker_attribute", lambda name, value: False)
    # A reference link '[//]' that opens a line reads as AsciiDoc's '//' (R11-15).
    monkeypatch.setattr(bodyprivacy, "tool_comments", lambda text: iter(()))
    result = build(_marked_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for finding in SITE_NOTES:
        canary = f"CANARY-{finding.replace('-', '').upper()} plans"
        assert corpus.find(canary) != [], finding


def test_ordinary_text_builds(tmp_path: Path) -> None:
    site = red_team_site(tmp_path / "s", {
        "roles/ordinary.md": ({"title": "Ordinary"}, "\n\n".join(ORDINARY) + "\nNEARMISS-9\n"),
        "roles/privateer/ship.md": ({"title": "Ship"}, "NEARMISS-PATH ahoy.\n"),
        "roles/x.md": ({"title": "Tagged", "tags": ["personnel", "intern", "concept"]},
                       "NEARMISS-TAGS\n")})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for text in ["NEARMISS-9", "Private equity", "Keeping things private", "Personal projects",
                 "NEARMISS-PATH", "NEARMISS-TAGS"]:
        assert corpus.find(text) != [], text


# ------------------------------------------------------------------- R9-21

WORDS = {  # the translations, written as an author would, independent of the module's list
    "Italian": ["bozze", "Bozza", "riservato", "riservata", "privato", "segreto", "non pubblicare"],
    "Portuguese": ["rascunhos", "rascunho", "sigiloso", "não publicar"],
    "Dutch": ["vertrouwelijk", "niet publiceren"],
    "Polish": ["prywatne", "Prywatny", "poufne", "szkice", "nie publikować"],
    "Scandinavian": ["utkast", "hemligt", "fortrolig"],
    "Russian": ["черновики", "Личное", "секретно"],
    "Greek": ["ιδιωτικό", "εμπιστευτικό"],
    "Turkish": ["taslak", "gizli"],
    "Arabic": ["خاص", "مسودة"],
    "Hebrew": ["פרטי", "טיוטה"],
    "Hindi": ["निजी", "गोपनीय"],
    "Chinese": ["草稿", "机密", "不公开"],
    "Japanese": ["非公開", "下書き", "社外秘"],
    "Korean": ["비공개", "초안"],
    "Vietnamese": ["riêng tư", "bản nháp"],
    "Thai": ["ส่วนตัว"],
}
NOT_PRIVACY = ["concept", "particular", "intern", "personnel", "privatization", "secretary",
               "agenda", "internship", "gizmo", "salary", "メモ", "日本語", "personality"]


def test_each_language_s_word_says_private() -> None:
    for language, words in WORDS.items():
        for word in words:
            assert path_privacy(f"pages/{word}/x.md") == f"{word}/", (language, word)
            assert privacy_tag(word), (language, word)
    for words in LANGUAGES.values():
        for word in words:
            assert path_privacy(f"pages/{word}/x.md") == f"{word}/", word


def test_an_unspaced_script_s_word_is_found_inside_a_word() -> None:
    for folder in ["非公開メモ", "私の下書き", "비공개메모", "ส่วนตัวของฉัน"]:
        assert path_privacy(f"pages/{folder}/x.md") == f"{folder}/", folder


def test_ordinary_words_near_them_are_not() -> None:
    for word in NOT_PRIVACY:
        assert path_privacy(f"pages/{word}/x.md") is None, word
        assert not privacy_tag(word), word


FOLDERS = ["bozze", "非公開", "prywatne"]


def _world_site(root: Path, public: bool = False) -> Path:
    front = {"visibility": "public"} if public else {}
    return red_team_site(root, {
        **{f"roles/{folder}/x{i}.md": ({"title": f"In {folder}", **front},
                                       f"CANARY-R921-{i} plans about campaigns.\n")
           for i, folder in enumerate(FOLDERS)},
        "roles/tagged.md": ({"title": "Tagged", "tags": ["bozza", "riservato"]},
                            "CANARY-R921D plans.\n")})


def test_the_filter_refuses_the_tags_and_public_notes_there(tmp_path: Path) -> None:
    result = build(_world_site(tmp_path / "s", public=True), out=tmp_path / "out")
    assert result.status == 1
    found = {(d.path, d.code) for d in result.diagnostics if d.severity == "error"}
    assert ("content/roles/tagged.md", "privacy-tag") in found, found
    for i, folder in enumerate(FOLDERS):
        assert (f"content/roles/{folder}/x{i}.md", "path-says-private") in found, found


def test_the_audit_alone_refuses_a_note_there(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "path_privacy", lambda rel: None)
    monkeypatch.setattr(fmchecks, "path_privacy", lambda rel: None)
    site = red_team_site(tmp_path / "s", {
        f"roles/{folder}/x{i}.md": ({"title": f"In {folder}"}, f"CANARY-R921-{i} plans.\n")
        for i, folder in enumerate(FOLDERS)})
    result = build(site, out=tmp_path / "out")
    assert result.status == 1
    sources = {h.secret.source for h in result.hits}
    for i, folder in enumerate(FOLDERS):
        assert f"content/roles/{folder}/x{i}.md" in sources, sources
    assert not (tmp_path / "out").exists()


BEFORE = {w for w in lookalike.WITHHELD
          if w not in {lookalike.normalise(x) for words in LANGUAGES.values() for x in words}
          or w in {lookalike.normalise(x) for x in
                   (*lookalike.FRENCH, *lookalike.SPANISH, *lookalike.GERMAN)}}
"""The privacy words before red team 9: English, French, Spanish and German."""


def test_without_the_words_each_is_published(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookalike, "WITHHELD", tuple(BEFORE))
    monkeypatch.setattr(pathprivacy, "hidden_privacy_word", lambda word: None)
    result = build(_world_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for canary in ["CANARY-R921-0", "CANARY-R921-1", "CANARY-R921-2", "CANARY-R921D"]:
        assert corpus.find(canary) != [], canary
