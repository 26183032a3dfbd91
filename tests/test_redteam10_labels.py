"""Red team 10, R10-19 and R10-29 (docs/redteam/2026-12-01-tenth.md): privacy
labels in other forms. A label opening a line was refused as ``PRIVATE: …`` but
published as ``CONFIDENTIAL - …``, ``Private — …``, ``[PRIVATE] …``, ``🔒
Private: …``, ``Don't publish this: …``, with a full-width colon (``非公開：…``,
``PRIVATE：…``), and a callout typed with a Korean or Japanese privacy word
(``> [!비공개]``) was no callout at all. Now a label ends at a colon (ASCII or
full-width), a dash or an arrow, may be bracketed (ASCII or CJK brackets) or
follow an emoji, and is a privacy phrase with words that open or close a passage
(contractions one word: ivsite.switches.markerwords.marker_spans); a callout's type is a
word of any script (ivsite.syntax.callouts).

As for red team 9's labels, the audit cannot be the second line: nothing
withholds the text a label stands over, so it holds no secret to look for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token
from sites import OutputCorpus, body_errors, red_team_site

from ivsite.markdown import passages
from ivsite.markdown.passages import Line
from ivsite.parse.stage import parse_cut
from ivsite.pipeline import build
from ivsite.switches import markerwords
from ivsite.syntax import callouts
from ivsite.validate import bodymarkers

R10_19 = ["CONFIDENTIAL - Kroggle's salary offer was 61k.",
          "Private — Blenheimer is interviewing.", "Private—Blenheimer is interviewing.",
          "[PRIVATE] Fandango team budget was cut.", "🔒 Private: Quillon asked me.",
          "Don't publish this: Marrowby reorganisation.", "Don’t share: plans.",
          "Do not publish this: plans.", "For my eyes only: plans.", "Just between us: plans.",
          "Entre nous : plans.", "Private note → plans.", "Off the record -- plans.",
          "Strictly confidential: plans.", "⚠️ Confidential – plans.", "Private -> plans.",
          "**Private** — plans.", "Vertraulich – Pläne.", "Privado - planes.",
          "Not for the site: plans.", "Not for sharing - plans."]
R10_29 = ["非公開：渡辺さんの給与は六百万円でした。", "PRIVATE：Kroggle's offer was 61k.",
          "機密：計画", "オフレコ：計画", "私密：计划", "保密：计划", "비공개：계획", "非公開:計画",
          "【非公開】計画", "（非公開）計画", "> [!비공개]\n> 연봉은 5천만 원이라고 했다.",
          "> [!非公開]\n> 来年の組織変更について聞きました。", "> [!대외비] 제목\n> 계획",
          "ＰＲＩＶＡＴＥ：plans", "非公開︰計画"]


@pytest.mark.parametrize("line", R10_19 + R10_29)
def test_a_label_in_another_form_is_an_error(line: str) -> None:
    codes = {code for code, _ in body_errors(f"Intro.\n\n{line}\n")}
    assert codes & {"privacy-label", "privacy-callout"}, codes
    assert body_errors(f"Intro.\n\n{line}\n", "private") == []


_WORDS = st.sampled_from(["PRIVATE", "Private", "Confidential", "Do not publish", "Don't publish",
                          "Off the record", "Not for publication", "Keep private", "非公開",
                          "Secret", "Vertraulich", "Privé", "Riservato", "비공개"])
_ENDS = st.sampled_from([": ", "：", " - ", " – ", " — ", "—", " -> ", " → ", " : "])


@settings(max_examples=60, deadline=None)
@given(_WORDS, _ENDS, st.sampled_from(["", "🔒 ", "⚠️ ", "> ", "- ", "* "]),
       st.sampled_from(["", " this", " please"]))
def test_every_form_of_a_label(word: str, end: str, before: str, after: str) -> None:
    label = f"{word}{after}"
    found = [t for _, _, t, how in bodymarkers.markers(*_tokens(f"{before}{label}{end}plans."))
             if how == "label" and markerwords.label_marker(t)]
    assert found, (before, label, end)
    bracketed = [t for _, _, t, how in bodymarkers.markers(*_tokens(f"{before}[{label}] plans."))
                 if how == "label" and markerwords.label_marker(t)]
    assert bracketed, (before, label)


def _tokens(body: str) -> tuple[list[Token], list[Line]]:
    cut = passages.cut(body + "\n")
    tokens, _, _ = parse_cut(cut, passages.KINDS)
    return tokens, list(cut.lines)


ORDINARY = ["Private equity — a career path.", "Confidential computing: notes.",
            "Private equity: a career path.", "Draft — revised in May.", "[Draft] cover letter.",
            "Personal — I moved cities.", "Internal mobility — how I moved.",
            "Note: the meeting moved.", "Kroggle - 61k.", "Secret sauce — how they win.",
            "[Update] news.", "Don't worry: it's fine.", "Public speaking — notes.",
            "🎉 Launch day: we shipped.", "Off-site — a fun day.", "Secretary — a role.",
            "Personal statement: a draft.", "Privacy policy — what we keep.",
            "Internal — a topic.", "Share this: a link.", "My notes — week 3.",
            "The private sector - jobs.", "会議：明日", "東京: 晴れ", "> [!メモ] 会議\n> 明日",
            "> [!保存] 手順\n> 明日", "> [!秘書] 仕事\n> 明日", "> [!비용] 예산\n> 계획",
            "> [!tip] Mind the gap\n> Yes."]


@pytest.mark.parametrize("line", ORDINARY)
def test_ordinary_prose_is_no_label(line: str) -> None:
    assert body_errors(f"Intro.\n\n{line}\n") == []


# ------------------------------------------------------------------- end to end

REPRODUCER = ("Intro.\n\nCONFIDENTIAL - CANARY-A Kroggle's salary offer was 61k.\n\n"
              "Private — CANARY-B Blenheimer.\n\n[PRIVATE] CANARY-C Fandango.\n\n"
              "🔒 Private: CANARY-D Quillon.\n\nDon't publish this: CANARY-E Marrowby.\n\n"
              "非公開：CANARY-F 渡辺さん。\n\nPRIVATE：CANARY-G Kroggle.\n\n"
              "> [!비공개]\n> CANARY-H 연봉.\n")
CANARIES = "ABCDEFGH"
_OLD_LEADS = (
    re.compile(r"^[ \t]*(?:\[[ xX]\][ \t]*)?\x01+([^\x01\x02]{1,60})\x02+[ \t]*"
               r"(?:$|[.:\u2013\u2014-])"),
    re.compile(r"\x01+([^\x01\x02]{1,60}?)[ \t]*:[ \t]*\x02+"),
    re.compile(r"\x01+([^\x01\x02]{1,60})\x02+[ \t]*:"),
    re.compile(r"^[ \t]*(?:\[[ xX]\][ \t]*)?([^\W\d][^:\x01\x02]{0,40}?)[ \t]*:(?!\S)"),
    re.compile(r"^[ \t]*(?:\[[ xX]\][ \t]*)?\(([^()\x01\x02]{1,40})\)"),
)
"""The labels red team 9 left (before red team 10)."""


def _site(root: Path) -> Path:
    return red_team_site(root, {"pages/about.md": ({"title": "About"}, REPRODUCER)})


def test_the_build_refuses_the_reproducers(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 1
    found = [(d.code, d.line) for d in result.diagnostics if d.path == "content/pages/about.md"]
    assert len(found) == 8, found
    assert not (tmp_path / "out").exists()


def test_without_the_new_forms_each_is_published(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bodymarkers, "_LEADS", _OLD_LEADS)
    monkeypatch.setattr(bodymarkers, "_WIDE", str.maketrans({}))
    monkeypatch.setattr(bodymarkers, "LEADING_SYMBOL", re.compile(r"(?!)"))  # R15-05's lock
    monkeypatch.setattr(markerwords, "marker_spans", lambda text: None)
    monkeypatch.setattr(callouts, "_HEAD", re.compile(r"\[!([A-Za-z][\w-]*)\]([+-]?)[ \t]*(.*)"))
    result = build(_site(tmp_path / "s"), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for c in CANARIES:
        assert corpus.find(f"CANARY-{c}") != [], c


def test_ordinary_prose_builds(tmp_path: Path) -> None:
    body = "\n\n".join(ORDINARY) + "\n\nNEARMISS-10\n"
    site = red_team_site(tmp_path / "s", {"pages/about.md": ({"title": "About"}, body)})
    result = build(site, out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics]
    corpus = OutputCorpus(tmp_path / "out")
    for text in ["NEARMISS-10", "Private equity", "Confidential computing"]:
        assert corpus.find(text) != [], text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["Private", "Confidential", "Secret", "Personal", "Internal", "Hidden",
                        "Draft", "PRIVATE"]),
       st.sampled_from(["equity", "computing", "sector", "sauce", "statement", "mobility",
                        "companies", "costs", "schools", "of hiring"]),
       _ENDS, st.sampled_from(["", "🎉 ", "> "]))
def test_a_privacy_word_with_a_topic_is_prose(word: str, topic: str, end: str,
                                              before: str) -> None:
    line = f"{before}{word} {topic}{end}a career path."
    assert body_errors(f"Intro.\n\n{line}\n") == [], line
    assert body_errors(f"Intro.\n\n[{word} {topic}] a career path.\n") == []
