"""The review of red team 9's fixes (closing note of stop 21): members of a fixed
class the fixes first missed, and ordinary Markdown and attachments they refused.

* a setting line with a comment after it (``visibility: private  # keep off``)
  was neither refused by the filter nor read by the audit;
* a heading's or label's words in brackets (``## Salary (private)``) and a
  privacy word with a plain noun (``## Private details``) were no label;
* a link reference that leads somewhere (``[mentor]: https://…``) or a footnote
  named like a word (``[^draft]``) was refused as a marker;
* an attached page's hover rule (``a:hover{top:1px}``) made its sheet unreadable.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pytest
from sites import body_errors as _errors

from ivsite.audit import saidsettings
from ivsite.audit.saidsettings import _PAIR
from ivsite.markup import sheetstyle
from ivsite.markup.sheetstyle import unplaced
from ivsite.switches import markerwords
from ivsite.validate import settingforms
from ivsite.validate.settingforms import statements

COMMENTED = ["visibility: private  # keep off the site", 'visibility = "private"  # later',
             "draft = true # not ready", "visibility: mentor // for Ada"]


@pytest.mark.parametrize("line", COMMENTED)
def test_a_setting_with_a_comment_after_it_is_read_by_both_lines(line: str) -> None:
    assert [o for o, _ in statements(f"Intro.\n{line}")] == [1]
    assert any(settingforms.says_setting(*m.groups()) for m in _PAIR.finditer(line))
    assert ("privacy-field", 3) in _errors(f"Intro.\n\n{line}\n\nSecret plans.\n")


def test_without_the_comment_rule_it_is_published(monkeypatch: pytest.MonkeyPatch) -> None:
    before = re.compile(settingforms._STATEMENT.pattern.replace(r"(?:[ \t](?:#|//).*)?", ""))
    monkeypatch.setattr(settingforms, "_STATEMENT", before)
    monkeypatch.setattr(saidsettings, "_PAIR", re.compile(
        saidsettings._PAIR.pattern.replace(r"|[ \t]+(?:#|//)", ""), re.M))
    assert _errors(f"Intro.\n\n{COMMENTED[0]}\n\nSecret plans.\n") == []
    assert not any(m.group(2) == "private" for m in saidsettings._PAIR.finditer(COMMENTED[0]))


LABELS = ["## Salary (private)\n", "**Salary (private):** she earns 90k.\n",
          "## Compensation (confidential)\n", "## Private details\n", "## Secret stuff\n"]


@pytest.mark.parametrize("body", LABELS)
def test_a_label_in_brackets_or_with_a_plain_noun_is_refused(body: str) -> None:
    assert ("privacy-label", 1) in _errors(body), _errors(body)


def test_without_the_bracketed_reading_they_are_published(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.validate import bodymarkers

    monkeypatch.setattr(bodymarkers, "_ASIDE", re.compile(r"(?!)"))
    monkeypatch.setattr(markerwords, "FRAME_WORDS",
                        markerwords.FRAME_WORDS - {"details", "stuff"})
    assert all(_errors(body) == [] for body in LABELS), [_errors(b) for b in LABELS]


ORDINARY = [
    "My [mentor][mentor] helped.\n\n[mentor]: https://ada.example\n",
    "See my [personal site][personal].\n\n[personal]: https://me.example\n",
    "The [draft][draft] is online.\n\n[draft]: https://docs.example/d\n",
    "A claim.[^draft]\n\n[^draft]: From an early draft of the report.\n",
    "## Salary (estimated)\n", "## Private equity\n", "## Work (in progress)\n",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_ordinary_references_footnotes_and_headings_build(body: str) -> None:
    assert _errors(body) == []


def test_a_reference_used_as_a_comment_is_still_refused() -> None:
    assert ("privacy-markup", 1) in _errors("[private]: #\n\nPlans.\n")
    assert ("privacy-markup", 1) in _errors("[//]: # (begin private)\nPlans.\n")


def test_a_hover_rule_leaves_an_attached_page_readable() -> None:
    page = "<style>a:hover{position:relative;top:1px}a{position:static}</style><a>x</a>"
    assert unplaced(page) is None


def test_without_the_hover_rule_the_page_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheetstyle, "_ON_ACTION", re.compile(r"(?!)"))
    page = "<style>a:hover{position:relative;top:1px}a{position:static}</style><a>x</a>"
    assert unplaced(page) is not None


RTF_HIDING = [  # a name a word processor shows whole, split by what it does not show
    rb"{\rtf1\ansi\pard Interview with Jane Do{\*\bkmkstart _GoBack}{\*\bkmkend _GoBack}e\par}",
    rb"{\rtf1\ansi Ja{\field{\*\fldinst PAGE}{\fldrslt }}ne Doe}",
    rb"{\rtf1\ansi Jane {\v xx}Doe}",
]


@pytest.mark.parametrize("data", RTF_HIDING)
def test_an_rtf_name_split_by_unshown_groups_is_read_whole(data: bytes) -> None:
    from ivsite.readers.rtftext import rtf_readings

    assert any(b"Jane Doe" in r for r in rtf_readings(data))


def test_without_the_shown_reading_the_rtf_name_is_not_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.readers import rtftext

    monkeypatch.setattr(rtftext, "_shown", lambda data, declared: b"")
    assert not any(b"Jane Doe" in r for d in RTF_HIDING for r in rtftext.rtf_readings(d))


def test_a_large_spreadsheet_is_not_copied_as_quoted_printable() -> None:
    """A 2 MB CSV of formulas (``=A1``) and figures (``x=20``) is read once, not
    once more decoded: its copies spent the read's budget and refused it."""
    from ivsite.readers.encodedtext import encoded_parts
    from ivsite.readers.packed import Budget

    csv = b"total,=A1+B1,x=20\n" * 120_000
    assert encoded_parts(PurePosixPath("figures.csv"), csv, Budget()) == []
    card = b"N;ENCODING=QUOTED-PRINTABLE:Jane=20Doe\nNOTE:" + b"x" * (2 << 20)
    assert any(b"Jane Doe" in body
               for _, body in encoded_parts(PurePosixPath("card.vcf"), card, Budget()))


@pytest.mark.parametrize("line", ["Remote: yes (internal transfer: yes)",
                                  "Benefits: dental, mentorship program: yes",
                                  "Relocation: no; internal move: yes"])
def test_prose_split_at_brackets_states_no_setting(line: str) -> None:
    assert list(statements(line)) == []


def test_a_one_word_key_in_brackets_is_still_a_setting() -> None:
    assert [o for o, _ in statements('Intro.\n{"visibility": "private", "title": "x"}')] == [1]
    assert [o for o, _ in statements("(visibility: private)")] == [0]


def test_a_book_number_or_a_salary_range_in_a_private_body_is_no_phone() -> None:
    from ivsite.contacts.bodycontacts import body_contacts

    found = list(body_contacts("See ISBN 978-0-13-110362-7; pay 120000-140000; cell 416 555 0199"))
    assert found == [("phone", "416 555 0199", 0)]


def test_without_the_book_rule_the_isbn_is_a_phone(monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.contacts import bodycontacts

    monkeypatch.setattr(bodycontacts, "_BOOK_NUMBER", re.compile(r"(?!)"))
    assert any(kind == "phone" and "978" in number for kind, number, _ in
               bodycontacts.body_contacts("See ISBN 978-0-13-110362-7."))
