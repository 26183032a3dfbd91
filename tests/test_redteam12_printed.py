"""Red team 12: what ivsite itself prints, or what the author owns, judged as if an
interviewee wrote it; and the mentor link's own secrets (R12-01, R12-03, R12-09,
R12-14, R12-15).

Each protection has a test that fails when it is switched off (monkeypatched out).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sites import run_cli, write_site

from ivsite.pipeline import checks, stages

TOKEN = "Rt12TokenAbcdefGhijklmN"
PASS = "violet-harbour-lantern-97"
PASS_ENV = "IVSITE_SHARE_PASSPHRASE"
SHARED: dict[str, Any] = {
    "title": "Career research", "author": "Ana Silva", "base_url": "https://ana.example.org/",
    "share": {"enabled": True, "feedback_email": "ana@example.org",
              "passphrase_env": PASS_ENV},
}
MENTOR_NOTE = ({"title": "Doubts", "date": "2026-04-01", "visibility": "mentor"},
               "I doubt the salary offers are fair.\n")


def _shared_site(root: Path, about: str, config: dict[str, Any] | None = None) -> Path:
    site = write_site(root, {"reflections/2026-04-01-doubts.md": MENTOR_NOTE,
                             "pages/about.md": ({"title": "About"}, about)},
                      config or SHARED)
    (site / ".ivsite").mkdir()
    (site / ".ivsite/share.toml").write_text(
        f'token = "{TOKEN}"\nsalt = "ROC5axMZasS+x2P08P2hNQ=="\n', "utf-8")
    return site


def _build(site: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setenv(PASS_ENV, PASS)
    result = run_cli(site, "build")
    assert result.exception is None, result.exception
    return result.exit_code, result.stderr


def _published(site: Path, text: str) -> list[str]:
    """Public files (outside the mentor copy) that hold ``text``."""
    return [p.relative_to(site / "_site").as_posix() for p in (site / "_site").rglob("*")
            if p.is_file() and "share" not in p.relative_to(site / "_site").parts[:1]
            and text.encode() in p.read_bytes()]


def _validator_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stages, "refuse_link_secrets", lambda *args: None)


# ------------------------------------------------------------------ R12-01

LINK_SPELLINGS = [
    f"https://ana.example.org/share/{TOKEN}/#pass={PASS}",
    f"https://ana.example.org/share/{TOKEN}/",
    f"share/{quote(TOKEN, safe='')}".replace("R", "%52"),
    f"the code is {TOKEN[:8]}-{TOKEN[8:15]} {TOKEN[15:]}",
    f"the words are {PASS.replace('-', ' ')}",
    f"`{PASS.upper()}`",
]


@pytest.mark.parametrize("said", LINK_SPELLINGS)
def test_the_validator_refuses_the_mentor_links_secrets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: str) -> None:
    site = _shared_site(tmp_path / "s", f"My mentor reads {said} each week.\n")
    status, err = _build(site, monkeypatch)
    assert status == 1
    assert "content/pages/about.md:4:1: error[mentor-link-secret]" in err
    assert "hint:" in err


def test_a_mentor_link_as_base_url_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = {**SHARED, "base_url": f"https://ana.example.org/share/{TOKEN}/"}
    site = _shared_site(tmp_path / "s", "Hello.\n", config)
    status, err = _build(site, monkeypatch)
    assert status == 1 and "site.toml:3:1: error[mentor-link-secret]" in err


@pytest.mark.parametrize("said", LINK_SPELLINGS)
def test_the_audit_alone_refuses_the_mentor_links_secrets(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: str) -> None:
    _validator_off(monkeypatch)
    site = _shared_site(tmp_path / "s", f"My mentor reads {said} each week.\n")
    status, err = _build(site, monkeypatch)
    assert status == 1
    assert re.search(r"error\[audit\]: mentor link (token|passphrase) would be published in "
                     r"about/index\.html", err)


def test_the_audit_alone_refuses_a_mentor_link_as_base_url(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _validator_off(monkeypatch)
    config = {**SHARED, "base_url": f"https://ana.example.org/share/{TOKEN}/"}
    status, err = _build(_shared_site(tmp_path / "s", "Hello.\n", config), monkeypatch)
    assert status == 1 and "mentor link token would be published in sitemap.xml" in err


def test_without_either_check_the_mentor_link_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _validator_off(monkeypatch)
    monkeypatch.setattr(checks, "link_secrets", lambda *args, **kwargs: [])
    site = _shared_site(tmp_path / "s", f"My mentor reads {LINK_SPELLINGS[0]} each week.\n")
    status, _ = _build(site, monkeypatch)
    assert status == 0
    assert _published(site, TOKEN) == ["about/index.html"]
    assert _published(site, PASS) == ["about/index.html"]


def test_the_mentor_copy_with_its_own_paths_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _shared_site(tmp_path / "s", "My mentor reads my drafts each week.\n")
    status, err = _build(site, monkeypatch)
    assert status == 0, err
    assert (site / "_site/share" / TOKEN / "index.html").is_file()
    assert _published(site, TOKEN) == [] and _published(site, PASS) == []


@pytest.mark.parametrize(("passphrase", "said", "found"), [
    ("x", "#pass=x", True), ("x", "x marks the spot", False),
    ("s0rt!", "open /share/t/#pass=s0rt!", True), ("s0rt!", "sort it", False),
    ("tangerine", "a tangerine tree", True), ("tangerine", "tangerines", False),
])
def test_a_short_passphrase_is_looked_for_as_words(passphrase: str, said: str,
                                                   found: bool) -> None:
    from ivsite.names.people import LINK_PASSPHRASE_KIND, matcher_of
    from ivsite.text.textmatch import searchable
    matcher = matcher_of([(LINK_PASSPHRASE_KIND, passphrase, "p")])
    assert bool(matcher.find_in(searchable(said))) is found


def test_the_passphrase_is_kept_on_disk_by_a_slow_digest_alone() -> None:
    from ivsite.audit import cache
    from ivsite.audit.secret import Secret
    from ivsite.names.people import LINK_PASSPHRASE_KIND
    secret = Secret(LINK_PASSPHRASE_KIND, PASS, "site.toml", 0)
    assert PASS not in repr(cache._kept(secret))
    assert cache.secret_ids([secret]) != cache.secret_ids(
        [Secret(LINK_PASSPHRASE_KIND, PASS + "x", "site.toml", 0)])


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["-", "_", " ", "%2D", "&#45;", "\u00ad", ""]),
       st.integers(1, len(TOKEN) - 1))
def test_the_token_is_found_however_it_is_split(sep: str, at: int) -> None:
    from ivsite.names.people import LINK_SECRET_KIND, matcher_of
    from ivsite.text.textmatch import searchable
    matcher = matcher_of([(LINK_SECRET_KIND, TOKEN, "token")])
    assert matcher.find_in(searchable(f"see /share/{TOKEN[:at]}{sep}{TOKEN[at:]}/ now"))
    assert not matcher.find_in(searchable(f"see /share/{TOKEN[:at]}/"))


# ------------------------------------------------------------------ R12-03


def _author_site(root: Path, author: str, private: str, public: str, body: str = "",
                 title: str = "") -> Path:
    private_note = ({"date": "2026-03-02", "person": {"name": private, "role": "Senior Analyst",
                                                      "company": "Northbank"},
                     "alias": "a senior analyst at a bank", "status": "done",
                     "role": "data-analyst", "interest": 4}, "Private notes about the talk.\n")
    public_note = ({"date": "2026-03-09", "visibility": "public",
                    "person": {"name": public, "role": "Data Scientist",
                               "company": "Lakeshore Insurance"},
                    "alias": "a data scientist at an insurer", "status": "done"},
                   body or "We talked about analytics careers and which courses helped.\n")
    return write_site(root, {
        "roles/data-analyst.md": ({"title": "Data Analyst"}, "Analysts write SQL every day.\n"),
        "interviews/2026-03-02-bank.md": private_note,
        "interviews/2026-03-09-insurer.md": public_note,
    }, {"title": title or f"{author}: career research", "author": author,
        "base_url": "https://example.org/"})


@settings(max_examples=6, deadline=None)
@given(st.sampled_from([("Sarah", "Kim"), ("Minh", "Nguyen"), ("Ana", "García"),
                        ("David", "Lee")]),
       st.sampled_from(["Park", "Okafor"]), st.sampled_from(["Joon", "Priya"]))
def test_the_authors_own_name_is_no_interviewees_name_part(
        tmp_path_factory: pytest.TempPathFactory, author: tuple[str, str],
        other_family: str, other_given: str) -> None:
    given_name, family = author
    site = _author_site(tmp_path_factory.mktemp("s"), f"{given_name} {family}",
                        f"{given_name} {other_family}", f"{other_given} {family}")
    result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr


def test_a_title_with_the_authors_given_name_alone_builds(tmp_path: Path) -> None:
    site = _author_site(tmp_path / "s", "Sarah Kim", "Sarah Park", "Joon Kim",
                        title="Sarah's career notes")
    result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr


def test_without_the_mask_the_authors_name_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "owned_names", lambda *args: ())
    site = _author_site(tmp_path / "s", "Sarah Kim", "Sarah Park", "Joon Kim")
    result = run_cli(site, "build")
    assert result.exit_code == 1
    # On the role page, and on every page that links to the person (R12-12).
    assert "name part would be published in " in result.stderr, result.stderr


def test_the_authors_name_in_a_note_passes_the_filter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.audience import namecheck
    body = "Sarah Kim here: I asked which courses helped.\n"
    site = _author_site(tmp_path / "s", "Sarah Kim", "Sarah Park", "Joon Kim", body)
    assert run_cli(site, "build").exit_code == 0
    monkeypatch.setattr(namecheck, "owned_names", lambda *args: ())
    refused = run_cli(_author_site(tmp_path / "t", "Sarah Kim", "Sarah Park", "Joon Kim", body),
                      "build")
    assert refused.exit_code == 1 and "2026-03-09-insurer.md" in refused.stderr


@pytest.mark.parametrize(("body", "title"), [
    ("Joon Kim said analytics pays.\n", ""),  # the full name
    ("Kim said analytics pays.\n", ""),  # a part outside the author's name
    ("Joon said analytics pays.\n", ""),
    ("", "Sarah Kim: talks with Joon Kim"),  # a title that names them
    ("", "Sarah Park's research"),
    ("", "Joon's research"),  # a part of his name, not of the author's
])
def test_a_real_leak_beside_the_authors_name_is_still_refused(
        tmp_path: Path, body: str, title: str) -> None:
    site = _author_site(tmp_path / "s", "Sarah Kim", "Sarah Park", "Joon Kim", body, title)
    result = run_cli(site, "build")
    assert result.exit_code == 1, result.stderr


# ------------------------------------------------------------------ R12-09

FEEDBACK: dict[str, Any] = {
    "title": "Career research", "author": "Ana Silva", "base_url": "https://ana.example.org/",
    "share": {"enabled": True, "feedback_email": "ana.silva@example.org"},
}


def _feedback_site(root: Path, email: str = "rowan@harbour.example") -> Path:
    talk = ({"date": "2026-03-01", "person": {"name": "Rowan Ellery", "role": "Analyst",
                                              "company": "Harbour Bank", "email": email},
             "alias": "an analyst at a bank", "status": "done"},
            "I wrote to Rowan from Ana.Silva@example.org on Monday; she answered.\n")
    return write_site(root, {"interviews/2026-03-01-talk.md": talk,
                             "pages/about.md": ({"title": "About"}, "Hello.\n")}, FEEDBACK)


def test_the_authors_feedback_email_is_a_public_contact(tmp_path: Path) -> None:
    result = run_cli(_feedback_site(tmp_path / "s"), "build")
    assert result.exit_code == 0, result.stderr


def test_without_it_the_feedback_email_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.validate import publicrecorded
    only_listed = publicrecorded.declared
    monkeypatch.setattr(publicrecorded, "declared", lambda config, text: [
        x for x in only_listed(config, text) if x[1] != "[share] feedback_email"])
    result = run_cli(_feedback_site(tmp_path / "s"), "build")
    assert result.exit_code == 1
    assert "contact field email would be published in share/" in result.stderr
    assert "list it in site.toml's [privacy] public_contacts" in result.stderr


def test_a_feedback_email_that_is_a_persons_is_refused(tmp_path: Path) -> None:
    result = run_cli(_feedback_site(tmp_path / "s", "ana.silva@example.org"), "build")
    assert result.exit_code == 1
    assert "site.toml:7:1: error[public-contact-recorded]: 'ana.silva@example.org' in " \
        "[share] feedback_email is the email recorded as 'person.email'" in result.stderr


# ------------------------------------------------------------------ R12-15


def _month_site(root: Path, body: str = "We talked about research operations.\n") -> Path:
    def talk(day: str, name: str, text: str) -> tuple[dict[str, Any], str]:
        return ({"date": day, "visibility": "public",
                 "person": {"name": name, "role": "UX Researcher", "company": "Northwind"},
                 "alias": "a researcher at a software company", "status": "done"}, text)
    return write_site(root, {
        "interviews/2026-04-12-talk.md": talk("2026-04-12", "April Chen", "Portfolios.\n"),
        "interviews/2026-06-03-talk.md": talk("2026-06-03", "June Okafor", body),
        "interviews/2026-05-20-talk.md": talk("2026-05-20", "May Lindqvist", "Studies.\n"),
    })


def test_a_month_in_ivsites_date_label_is_no_given_name(tmp_path: Path) -> None:
    result = run_cli(_month_site(tmp_path / "s"), "build")
    assert result.exit_code == 0, result.stderr


def test_without_the_date_rule_the_date_label_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.text import wordpairs
    monkeypatch.setattr(wordpairs, "in_date", lambda *args: False)
    result = run_cli(_month_site(tmp_path / "s"), "build")
    assert result.exit_code == 1
    assert "name part would be published in interviews/2026-06-03-talk/index.html" \
        in result.stderr


@pytest.mark.parametrize("body", ["Then June said research pays.\n",
                                  "I met with June at noon.\n", "We agreed, June and I.\n"])
def test_the_given_name_in_the_persons_note_is_still_refused(tmp_path: Path, body: str) -> None:
    result = run_cli(_month_site(tmp_path / "s", body), "build")
    assert result.exit_code == 1
    assert "2026-06-03-talk.md" in result.stderr


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["April", "May", "June", "August"]), st.integers(1, 31),
       st.integers(1990, 2040), st.sampled_from(["{d} {m} {y}", "{m} {d}, {y}", "{m} {y}",
                                                 "{d}th of {m}", "{m} {d}", "{d}. {m} {y}"]),
       st.sampled_from(["We met on ", "Notes from ", "— ", "in "]))
def test_a_month_beside_a_number_is_a_date(month: str, day: int, year: int, shape: str,
                                           lead: str) -> None:
    from ivsite.text.wordpairs import _capitalised_alone
    text = lead + shape.format(d=day, m=month, y=year) + " we talked."
    assert not _capitalised_alone(month.casefold(), text, amid=True)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["April", "May", "June", "August"]),
       st.sampled_from(["I met with {m} today.", "Then {m} said so.", "We agreed, {m} and I.",
                        "I asked {m} 3 questions, then {m} left."]))
def test_a_month_name_as_a_name_still_counts(month: str, shape: str) -> None:
    from ivsite.text.wordpairs import _capitalised_alone
    assert _capitalised_alone(month.casefold(), shape.format(m=month), amid=True)


# ------------------------------------------------------------------ R12-14


def _tag_site(root: Path, private: str, tag: str, body: str = "") -> Path:
    talk = ({"date": "2026-03-01", "person": {"name": private, "role": "HR Business Partner",
                                              "company": "Maison Lumière"},
             "alias": "an HR partner at a cosmetics company", "status": "done"}, "Private.\n")
    pay = ({"title": "What entry-level analysts earn", "date": "2026-04-01",
            "visibility": "public", "tags": [tag, "research"]},
           body or "I compared three surveys of starting pay for analysts.\n")
    return write_site(root, {"interviews/2026-03-01-talk.md": talk,
                             "reflections/2026-04-01-pay.md": pay})


TAG_HANDLES = [("Sophie Alary", "salary"), ("Cara Hance", "chance"),
               ("Sam Ummer", "summer"), ("Rita Eason", "reason"), ("Paul Lanning", "planning")]


@pytest.mark.parametrize(("private", "tag"), TAG_HANDLES)
def test_a_tag_that_is_a_private_persons_handle_builds(
        tmp_path: Path, private: str, tag: str) -> None:
    result = run_cli(_tag_site(tmp_path / "s", private, tag, f"More on #{tag} soon.\n"), "build")
    assert result.exit_code == 0, result.stderr


def test_without_the_tag_rule_the_tag_pages_are_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ivsite.names import handles, nameforms
    old = r"(?:(?<=[@/#~+:=_0-9])|(?<=[^\W_]\.))"
    monkeypatch.setattr(nameforms, "handle_form", lambda run: handles._form(run, old))
    result = run_cli(_tag_site(tmp_path / "s", "Sophie Alary", "salary"), "build")
    assert result.exit_code == 1
    assert "unconsented name would be published in tags/salary/index.html" in result.stderr


@pytest.mark.parametrize("said", [
    "Ask @salary about it.", "See instagram.com/salary for more.",
    "Write to salary@mail.example today.", "Her site is salary.dev now.",
    "The files are in salary_2026 here.",
])
def test_a_handle_that_is_a_word_is_still_refused(tmp_path: Path, said: str) -> None:
    result = run_cli(_tag_site(tmp_path / "s", "Sophie Alary", "pay", f"{said}\n"), "build")
    assert result.exit_code == 1, said
    assert "Sophie Alary" in result.stderr


@pytest.mark.parametrize("said", ["Tagged #qzabrowski today.", "See /tags/qzabrowski/ too."])
def test_a_run_no_word_opens_so_is_refused_as_a_tag_too(tmp_path: Path, said: str) -> None:
    result = run_cli(_tag_site(tmp_path / "s", "Quentin Zabrowski", "pay", f"{said}\n"), "build")
    assert result.exit_code == 1
