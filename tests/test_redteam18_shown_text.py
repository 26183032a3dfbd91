"""Red team 18, R18-B02 and R18-B08: a text file read as plain text while its
format's reader shows something else.

A caption file linked from a public page showed "Quentin Zabrowski" in a player
while, read as written, a cue number and a timing line stood between the two
words (a name said across two cues), or the format's markup did (YouTube's word
timings, ``<i>``, ``<font>``, ASS's ``\\N`` and ``{\\i1}``); a LaTeX source held
``Quentin \\emph{Zabrowski}``. Both built with exit 0. The class is any text
format whose markup splits or wraps words: captions of every common kind
(ivsite.readers.captions), TeX and BibTeX (ivsite.readers.texsource), and prose
with light markup, reStructuredText, AsciiDoc, Org, Markdown in a ``.txt``
(ivsite.readers.lightmarkup). Each is now also read as shown
(ivsite.readers.asshown), beside the file as written.

The filter never reads an attachment's words for names (it checks the link and
what a file hides: ivsite.readers.hiddentext), so for a name the audit is the
line: one build of every case is refused on each file; with the reading as shown
switched off the same build exits 0 with the files published; each reading finds
its name; and ordinary caption files, LaTeX and marked-up prose with no name
still build. What a file hides the filter does read: a label that says private
wrapped in the format's markup (``<i>Private:</i>``, ``\\section*{Private notes}``)
is refused by the filter, by the audit alone, and published with both off.
"""

from __future__ import annotations

import gzip
import io
import lzma
import re
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from sites import (
    OutputCorpus,
    assert_audit_refuses,
    assert_filter_refuses,
    assert_published,
    red_team_site,
)

from ivsite.names import gapforms
from ivsite.pipeline import build
from ivsite.readers import hiddentext, readable
from ivsite.readers.asshown import as_shown

_ASS = ("[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, "
        "Name, MarginL, MarginR, MarginV, Effect, Text\n")
CASES: dict[str, str] = {
    # Captions (R18-B02): cues, timings and inline markup between the words.
    "split.vtt": "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nThanks for coming, Quentin\n\n"
                 "2\n00:00:02.000 --> 00:00:03.000\nZabrowski, to our panel.\n",
    "split.srt": "1\r\n00:00:01,000 --> 00:00:02,000\r\nThanks for coming, Quentin\r\n\r\n2\r\n"
                 "00:00:02,000 --> 00:00:03,000\r\nZabrowski, to our panel.\r\n",
    "timed.vtt": "WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:03.000 "
                 "align:start position:0%\nthanks for coming<00:00:01.500><c> Quentin</c>"
                 "<00:00:02.120><c> Zabrowski</c>\n",
    "tags.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nThanks, <c.yellow>Quentin</c> "
                "<i>Zabrowski</i>.\n",
    "font.srt": "1\n00:00:01,000 --> 00:00:03,000\nThanks, <font color=\"#ffff00\">Quentin"
                "</font> <i>Zabrowski</i>.\n",
    "breaks.ass": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Thanks for coming,"
                         "\\NQuentin\\NZabrowski.\n",
    "override.ass": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,Thanks, {\\i1}"
                           "Quentin{\\i0} Zabrowski.\n",
    "karaoke.ssa": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\kf20}Quentin"
                          "{\\kf30} {\\kf25}Zabrowski\n",
    "order.srt": "2\n00:00:02,000 --> 00:00:03,000\nZabrowski, welcome.\n\n1\n"
                 "00:00:01,000 --> 00:00:02,000\nThanks for coming, Quentin\n",
    "split.sbv": "0:00:01.000,0:00:02.000\nThanks for coming, Quentin\n\n"
                 "0:00:02.000,0:00:03.000\nZabrowski, to our panel.\n",
    "split.lrc": "[ti:Panel]\n[00:01.00]Thanks for coming, Quentin\n[00:02.00]Zabrowski, "
                 "to our panel.\n",
    "split.sub": "{0}{25}Thanks for coming, Quentin\n{25}{50}{y:i}Zabrowski, to our panel.\n",
    "split.ttml": "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"1s\" end=\"2s\">"
                  "Thanks, <span tts:fontStyle=\"italic\">Quentin</span></p>\n<p begin=\"2s\" "
                  "end=\"3s\">Zabrowski</p></div></body></tt>\n",
    "split.smi": "<SAMI><BODY><SYNC Start=1000><P Class=ENCC>Thanks, Quentin\n<SYNC Start=2000>"
                 "<P Class=ENCC>Zabrowski\n</BODY></SAMI>\n",
    # LaTeX and BibTeX (R18-B08).
    "emph.tex": "\\documentclass{article}\n\\begin{document}\nThanks to Quentin \\emph{Zabrowski}"
                " for the talk.\n\\end{document}\n",
    "bold.tex": "Thanks to \\textbf{Quentin} \\emph{Zabrowski} for the talk.\n",
    "group.tex": "Thanks to {\\bf Quentin} {\\it Zabrowski} for the talk.\n",
    "comment.tex": "Thanks to Quentin % the guest\n   Zabrowski for the talk.\n",
    "macro.tex": "\\newcommand{\\guest}{Quentin}\nThanks to \\guest{} Zabrowski.\n",
    "href.tex": "Thanks to \\href{https://q.example}{Quentin} \\textcolor{red}{Zabrowski}.\n",
    "skip.tex": "Thanks to Quentin\\hskip 1em Zabrowski and Q\\kern-1ptuentin.\n",
    "refs.bib": "@misc{talk, author = {Quentin \\textsc{Zabrowski}}, title = {A talk}}\n",
    # Prose with light markup.
    "links.txt": "Thanks to [Quentin](https://a.example) [Zabrowski](https://b.example).\n",
    "footnote.txt": "Thanks to Quentin[^met-at-the-fair] Zabrowski.\n\n[^met-at-the-fair]: "
                    "at the fair\n",
    "breaks.txt": "Thanks to Quentin<br>Zabrowski.\n",
    "roles.rst": "Thanks to :emphasis:`Quentin` :strong:`Zabrowski`.\n",
    "subst.rst": ".. |guest| replace:: Quentin\n\nThanks to |guest| Zabrowski.\n",
    "attr.adoc": ":guest: Quentin\n\nThanks to {guest} Zabrowski.\n",
    "links.org": "Thanks to [[https://a.example][Quentin]] [[https://b.example][Zabrowski]].\n",
}

ORDINARY: dict[str, str] = {
    "talk.vtt": "WEBVTT\nKind: captions\n\n1\n00:00:01.000 --> 00:00:03.000\n"
                "<v Host>Welcome to the <i>panel</i> on hiring.\n\n2\n00:00:03.000 --> "
                "00:00:05.000\nWe talk about <c.yellow>portfolios</c>.\n",
    "talk.srt": "1\n00:00:01,000 --> 00:00:03,000\nWelcome to the panel.\n\n2\n"
                "00:00:03,000 --> 00:00:05,000\n<i>Portfolios</i> and interviews.\n",
    "talk.ass": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,Host,0,0,0,,Welcome,"
                       "\\Nthe {\\i1}panel{\\i0} starts.\n",
    "cv.tex": "\\documentclass{article}\n\\usepackage{hyperref}\n% my CV\n"
              "\\newcommand{\\me}{Maya Okafor}\n\\begin{document}\n\\section*{\\me}\n"
              "\\textbf{Analyst}, \\emph{Northfield} (2024--2026)~\\cite{x}\\\\\n"
              "\\href{https://example.org/}{my site}\n\\end{document}\n",
    "cv.sty": "%% cv.sty\n%% generated from cv.dtx\n\\ProvidesPackage{cv}\n"
              "\\newcommand{\\cvline}[1]{\\textbf{#1}}\n",
    "papers.bib": "@article{k, author = {Ada Lovelace and Charles Babbage}, title = "
                  "{{Notes} on the Engine}, year = 1843}\n",
    "guide.rst": ".. |site| replace:: my site\n\nSee |site| and :emphasis:`portfolios`.\n",
    "guide.adoc": ":toc:\n\n= Guide\n\nSee the [.big]#portfolio# link:https://example.org[site].\n",
    "todo.org": "* TODO Update [[https://example.org][portfolio]] /soon/\n",
    "notes.txt": "Read [the guide](https://example.org) about *portfolios*[^1].\n",
}


def _site(root: Path, files: dict[str, str]) -> Path:
    """The red team's interview (no consent) and a public page linking ``files``."""
    readable._read.cache_clear()
    links = "".join(f"The [file]({n}) from the panel.\n\n" for n in files)
    return red_team_site(root, {"pages/resources.md": ({"title": "Resources"}, links),
                                **{f"pages/{n}": d.encode() for n, d in files.items()}})


def test_the_audit_refuses_each_file(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", CASES), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output.rsplit("/", 1)[-1]: h.secret.kind for h in result.hits}
    assert set(hit) >= set(CASES), sorted(set(CASES) - set(hit))
    assert not (tmp_path / "out").exists()


def _readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readable, "as_shown", lambda suffix, text: [])
    monkeypatch.setattr(gapforms, "GAP_FORMS", False)  # "Quentin</c> <i>Zabrowski" (R18-04)
    readable._read.cache_clear()


def test_with_the_reading_off_the_build_publishes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    result = build(_site(tmp_path / "s", CASES), out=tmp_path / "out")
    assert result.status == 0, [h.text() for h in result.hits]
    published = {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files}
    assert published >= set(CASES)
    readable._read.cache_clear()


@pytest.mark.parametrize("name", CASES)
def test_each_reading_finds_the_name(name: str) -> None:
    shown = [" ".join(re.findall(r"[^\W_]+", r))
             for r in as_shown(PurePosixPath(name).suffix, CASES[name])]
    assert any("Quentin Zabrowski" in r or "QuentinZabrowski" in r for r in shown), shown


def test_ordinary_files_still_build(tmp_path: Path) -> None:
    result = build(_site(tmp_path / "s", ORDINARY), out=tmp_path / "out")
    assert result.status == 0, [d.text() for d in result.diagnostics] + \
        [h.text() for h in result.hits]
    published = {p.rsplit("/", 1)[-1] for p in OutputCorpus(tmp_path / "out").files}
    assert published >= set(ORDINARY)


# A label that says private, wrapped in the format's markup: the filter reads a
# linked text file's privacy labels (ivsite.readers.hiddentext) in the file as
# shown too, and so does the audit on its own.
LABELLED: dict[str, str] = {
    "label.vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<i>Private:</i> QQVTT she is leaving.\n",
    "label.srt": "1\n00:00:01,000 --> 00:00:03,000\n<b>Off the record</b>: QQSRT she is leaving.\n",
    "label.ass": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\i1}Private:{\\i0} "
                        "QQASS she is leaving.\n",
    "heading.tex": "\\section*{Private notes}\nQQTEXHEAD she is leaving.\n",
    "label.tex": "\\textbf{Private:} QQTEXLABEL she is leaving.\n",
    "label.txt": "<b>Private:</b> QQTXT she is leaving.\n",
    "label.rst": ":strong:`Private:` QQRST she is leaving.\n",
}


def _labelled_site(root: Path, name: str) -> Path:
    links = f"The [file]({name}) from the panel.\n"
    return red_team_site(root, {"pages/resources.md": ({"title": "Resources"}, links),
                                f"pages/{name}": LABELLED[name].encode()})


@pytest.mark.parametrize("name", LABELLED)
def test_the_filter_refuses_a_label_the_markup_wraps(tmp_path: Path, name: str) -> None:
    assert_filter_refuses(_labelled_site(tmp_path / "s", name), tmp_path / "out",
                          "content/pages/resources.md", code="hidden-in-file")


@pytest.mark.parametrize("name", LABELLED)
def test_the_audit_alone_refuses_it_and_with_both_off_it_is_published(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(hiddentext, "hidden_in", lambda suffix, data: None)  # the filter's
    assert_audit_refuses(_labelled_site(tmp_path / "s", name), tmp_path / "out",
                         f"pages/{name}")
    monkeypatch.setattr(hiddentext, "as_shown", lambda suffix, text: [])
    canary = re.search(r"QQ[A-Z]+", LABELLED[name])
    assert canary is not None
    assert_published(_labelled_site(tmp_path / "t", name), tmp_path / "out", canary.group(0))


def test_ordinary_labels_still_pass() -> None:
    assert hiddentext.hidden_in(".vtt", b"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n"
                                b"<i>Host:</i> welcome.\n") is None
    assert hiddentext.hidden_in(".tex", b"\\section{Experience}\n\\textbf{Analyst}: "
                                b"dashboards.\n") is None


def test_packed_captions_are_read_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caption file or LaTeX source in a ZIP, or gzipped (``panel.srt.gz``), is
    read as its inner file's kind."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("subs/split.srt", CASES["split.srt"])
        z.writestr("cv/emph.tex", CASES["emph.tex"])
    packed = {"panel.zip": buf.getvalue(),
              "split.srt.gz": gzip.compress(CASES["split.srt"].encode()),
              "emph.tex.xz": lzma.compress(CASES["emph.tex"].encode())}

    def named(name: str) -> bool:
        readable._read.cache_clear()
        return any(re.search(r"Quentin\s+Zabrowski", t)
                   for t in readable.readable_texts(PurePosixPath(name), packed[name]))
    assert all(named(n) for n in packed)
    _readings_off(monkeypatch)
    assert not any(named(n) for n in packed)
    readable._read.cache_clear()


ALREADY_HELD: dict[str, str] = {
    "cells.csv": "first,last,role\nQuentin,Zabrowski,designer\n",
    "quoted.csv": '"first","last"\n"Quentin","Zabrowski"\n',
    "cells.tsv": "first\tlast\nQuentin\tZabrowski\n",
    "groups.rtf": "{\\rtf1\\ansi {\\b Quen}tin {\\i Zab}rowski\\par}",
    "switches.rtf": "{\\rtf1\\ansi \\b Quentin\\b0  \\i Zabrowski\\i0\\par}",
    "footnote-mark.txt": "Thanks to Quentin[^1] Zabrowski.\n",
    "syllables.ass": _ASS + "Dialogue: 0,0:00:01.00,0:00:03.00,Default,,0,0,0,,{\\k20}Quen"
                            "{\\k30}tin {\\k25}Zab{\\k20}row{\\k30}ski\n",
}
"""Neighbours of the class that the file as written already gives away (a name in
two cells, RTF's groups and switches, read by ivsite.readers.rtftext): kept
refused, with or without the reading as shown."""


def test_names_across_cells_and_rtf_groups_stay_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _readings_off(monkeypatch)
    result = build(_site(tmp_path / "s", ALREADY_HELD), out=tmp_path / "out")
    assert result.status == 1, [d.text() for d in result.diagnostics]
    hit = {h.output.rsplit("/", 1)[-1] for h in result.hits}
    assert hit >= set(ALREADY_HELD), sorted(set(ALREADY_HELD) - hit)
    readable._read.cache_clear()
