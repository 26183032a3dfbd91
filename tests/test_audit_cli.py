"""``ivsite audit DIR [--audience public|mentor]`` from the command line.

It must stay quiet on a fresh, clean build (the fixture site of
tests/test_mentor_share.py and the repository's own example site), and find a
canary of every kind planted into an output file: exit 1, one report line per
hit naming the output path and the source path:line. A missing folder is a
usage error (exit 2).
"""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sites import (
    PRIVATE_ASSET,
    UNCONSENTED_NAME,
    CliResult,
    canary,
    output_files,
    put,
    run_cli,
)
from test_mentor_share import mentor_site, token_of

REPO = Path(__file__).resolve().parent.parent
PUBLIC_INTERVIEW = "content/interviews/public-alias.md"
PRIVATE_NOTE = f"content/reflections/{canary('privstem').lower()}.md"
PRIVATE_SLUG_NOTE = f"content/reflections/{canary('privfile').lower()}.md"
PRIVATE_ASSET_SOURCE = f"content/files/{canary('privasset').lower()}.txt"
MENTOR_REFLECTION = "content/reflections/mentor-review.md"


def line_of(site: Path, source: str, needle: str) -> int:
    for number, line in enumerate((site / source).read_text("utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in {source}")


def audit(site: Path, folder: Path, *args: str) -> CliResult:
    result = run_cli(site, "audit", str(folder), *args)
    assert result.exception is None, repr(result.exception)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def report_lines(result: CliResult) -> list[str]:
    return [line for line in result.stderr.splitlines() if " is in the output: " in line]


def assert_reported(result: CliResult, output: str, source: str, line: int | None) -> None:
    where = f"{source}:{line}" if line is not None else f"{source}:"
    lines = report_lines(result)
    assert any(row.startswith(f"{output}: ") and where in row for row in lines), (
        f"no report line names {output} and {where}:\n{result.stderr}")


def plant_html(folder: Path, rel: str, fragment: str) -> None:
    """Put ``fragment`` inside <main> of an existing page (or a new page)."""
    page = folder / rel
    if page.is_file():
        text = page.read_text("utf-8")
        assert "</main>" in text
        page.write_text(text.replace("</main>", f"<p>{fragment}</p></main>", 1), "utf-8")
    else:
        put(page, f"<!doctype html><title>x</title><main><p>{fragment}</p></main>\n")


# --------------------------------------------------------------------------- a clean build


@dataclass
class Built:
    site: Path
    out: Path
    token: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("audit")
    site = mentor_site(base / "site")
    result = run_cli(site, "build")
    assert result.exit_code == 0, result.stderr
    return Built(site, site / "_site", token_of(site))


@pytest.fixture()
def copy(built: Built, tmp_path: Path) -> Path:
    dest = tmp_path / "copy"
    shutil.copytree(built.out, dest)
    return dest


def test_a_clean_build_audits_clean(built: Built) -> None:
    result = audit(built.site, built.out)
    assert result.exit_code == 0, result.stderr
    assert report_lines(result) == []
    assert "nothing withheld" in result.stderr


def test_the_share_copy_alone_audits_clean_for_the_mentor(built: Built) -> None:
    result = audit(built.site, built.out / "share" / built.token, "--audience", "mentor")
    assert result.exit_code == 0, result.stderr


def test_the_share_copy_is_not_clean_for_the_public(built: Built) -> None:
    """The mentor copy, audited as if it were public, holds mentor-only text:
    the audience decides what is a leak."""
    result = audit(built.site, built.out / "share" / built.token)
    assert result.exit_code == 1, result.stderr
    assert any(MENTOR_REFLECTION in row for row in report_lines(result)), result.stderr


# --------------------------------------------------------------------------- planted canaries


@dataclass(frozen=True)
class Plant:
    output: str
    source: str
    locate: str  # text on the source line the report must name ("" = no line: an asset)
    write: Callable[[Path, str], None]  # (output folder, share token)


def _html(rel: str, fragment: str) -> Callable[[Path, str], None]:
    return lambda folder, token: plant_html(folder, rel.replace("TOKEN", token), fragment)


def _bytes(rel: str, data: bytes) -> Callable[[Path, str], None]:
    return lambda folder, token: put(folder / rel, data)


PASSAGE = f"{canary('passquote')} inside a block quote."
PLANTS: dict[str, Plant] = {
    "withheld title": Plant(
        "index.html", PRIVATE_NOTE, "title:",
        _html("index.html", f"<a href='x'>{canary('privtitle')} Secret Plan</a>")),
    "private passage sentence": Plant(
        "interviews/public-alias/index.html", PUBLIC_INTERVIEW, canary("passtop"),
        _html("interviews/public-alias/index.html",
              f"{canary('passtop')} A top level private passage with\n"
              "<a href='../../files/x.txt'>a private handout</a>.")),
    "contact email": Plant(
        "people/index.html", PUBLIC_INTERVIEW, "email: canary-email",
        _html("people/index.html", f"Mail {canary('email').lower()}@example.org")),
    "phone": Plant(
        "feed.xml", PUBLIC_INTERVIEW, "phone:",
        _bytes("feed.xml", f"<feed><title>+1 416 555 0100 {canary('phone')}</title>"
                           "</feed>".encode())),
    "unconsented name": Plant(
        "roles/analyst/index.html", PUBLIC_INTERVIEW, "name: Orla",
        _html("roles/analyst/index.html", f"Thanks to {UNCONSENTED_NAME}!")),
    "referral name": Plant(
        # (A script changed is refused as not the theme's on its own: red team 8, N4.)
        "static/style.css", PUBLIC_INTERVIEW, f"Lee {canary('referral')}",
        _bytes("static/style.css", f'.who::after {{ content: "Lee {canary("referral")}"; }}\n'
               .encode())),
    "referred_by": Plant(
        "sitemap.xml", PUBLIC_INTERVIEW, "referred_by:",
        _bytes("sitemap.xml", f"<urlset><!-- Sam {canary('referrer')} --></urlset>".encode())),
    "withheld slug path": Plant(
        "tags/index.html", PRIVATE_SLUG_NOTE, "",
        _html("tags/index.html",
              f'<a href="../reflections/{canary("privslug").lower()}/">a link</a>')),
    "unconsented name in a CDATA section": Plant(
        "static/favicon.svg", PUBLIC_INTERVIEW, "name: Orla",
        _bytes("static/favicon.svg",
               f'<svg xmlns="http://www.w3.org/2000/svg"><title><![CDATA[{UNCONSENTED_NAME}]]>'
               "</title></svg>".encode())),
    "withheld slug in an unquoted attribute": Plant(
        "404.html", PRIVATE_SLUG_NOTE, "",
        _html("404.html", f"<a href=/sub/reflections/{canary('privslug').lower()}/>home</a>")),
    "withheld asset under another name": Plant(
        "static/logo.png", PRIVATE_ASSET_SOURCE, "",
        _bytes("static/logo.png", PRIVATE_ASSET)),
    "private sentence in a gzip file": Plant(
        "pagefind/fragment/en_planted.pf_fragment", PUBLIC_INTERVIEW, canary("passquote"),
        _bytes("pagefind/fragment/en_planted.pf_fragment",
               gzip.compress(f'{{"content": "{PASSAGE}"}}'.encode()))),
    "mentor passage in the public root": Plant(
        "reflections/index.html", "content/interviews/public-alias.md", canary("mentorpass"),
        _html("reflections/index.html",
              f"{canary('mentorpass')} A question for my mentor, with a mentor handout.")),
    "private passage in the share copy": Plant(
        "share/TOKEN/review/index.html", PUBLIC_INTERVIEW, canary("passquote"),
        _html("share/TOKEN/review/index.html", PASSAGE)),
}


@pytest.mark.parametrize("kind", sorted(PLANTS))
def test_a_planted_canary_is_reported_with_output_and_source(
    built: Built, copy: Path, kind: str,
) -> None:
    plant = PLANTS[kind]
    output = plant.output.replace("TOKEN", built.token)
    before = output_files(copy)
    plant.write(copy, built.token)
    assert output_files(copy) != before, "nothing was planted"
    result = audit(built.site, copy)
    assert result.exit_code == 1, f"{kind} was not found:\n{result.stderr}"
    line = line_of(built.site, plant.source, plant.locate) if plant.locate else None
    if plant.source == PRIVATE_SLUG_NOTE:
        line = 1  # a slug is reported at the top of its note
    assert_reported(result, output, plant.source, line)
    # every report line names a planted file, never a clean one
    for row in report_lines(result):
        assert row.startswith(f"{output}: "), row
        assert re.search(r" from content/\S+:\d+ is in the output", row), row


def test_a_file_at_a_withheld_slug_path_is_reported(built: Built, copy: Path) -> None:
    """A page written at a private note's address reveals its slug through the path,
    whatever the page says."""
    rel = f"reflections/{canary('privslug').lower()}/index.html"
    put(copy / rel, "<!doctype html><title>Notes</title><main><p>Nothing here.</p></main>\n")
    result = audit(built.site, copy)
    assert result.exit_code == 1, f"a file at a withheld slug's path was not reported:\n" \
                                  f"{result.stderr}"
    assert_reported(result, rel, PRIVATE_SLUG_NOTE, 1)


def test_all_planted_canaries_at_once_are_each_reported(built: Built, copy: Path) -> None:
    for plant in PLANTS.values():
        plant.write(copy, built.token)
    result = audit(built.site, copy)
    assert result.exit_code == 1
    outputs = {row.split(": ", 1)[0] for row in report_lines(result)}
    expected = {p.output.replace("TOKEN", built.token) for p in PLANTS.values()}
    assert expected <= outputs, expected - outputs
    assert re.search(r"audit: \d+ problem\(s\)", result.stderr)


# --------------------------------------------------------------------------- the mentor audience


@pytest.fixture(scope="module")
def mentor_out(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mentor") / "out"
    result = run_cli(built.site, "build", "--audience", "mentor", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_a_mentor_build_is_clean_for_the_mentor(built: Built, mentor_out: Path) -> None:
    result = audit(built.site, mentor_out, "--audience", "mentor")
    assert result.exit_code == 0, result.stderr
    assert "nothing withheld from the mentor audience" in result.stderr


def test_a_mentor_build_is_not_clean_for_the_public(built: Built, mentor_out: Path) -> None:
    result = audit(built.site, mentor_out, "--audience", "public")
    assert result.exit_code == 1, result.stderr
    assert any(MENTOR_REFLECTION in row for row in report_lines(result)), result.stderr


def test_a_private_canary_in_a_mentor_build_is_reported(
    built: Built, mentor_out: Path, tmp_path: Path,
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(mentor_out, copy)
    rel = "reflections/mentor-review/index.html"
    plant_html(copy, rel, PASSAGE)
    result = audit(built.site, copy, "--audience", "mentor")
    assert result.exit_code == 1, result.stderr
    assert_reported(result, rel, PUBLIC_INTERVIEW,
                    line_of(built.site, PUBLIC_INTERVIEW, canary("passquote")))
    assert len(report_lines(result)) == 1, result.stderr


# --------------------------------------------------------------------------- usage


def test_a_missing_folder_is_a_usage_error(built: Built, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = audit(built.site, missing)
    assert result.exit_code == 2, result.stderr
    assert "no-such-folder" in result.stderr


def test_a_file_instead_of_a_folder_is_a_usage_error(built: Built, tmp_path: Path) -> None:
    f = tmp_path / "file.html"
    f.write_text("<p>hello</p>", "utf-8")
    result = audit(built.site, f)
    assert result.exit_code == 2, result.stderr


# --------------------------------------------------------------------------- the example site


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content", root / "content")
    result = run_cli(root, "build")
    assert result.exit_code == 0, result.stderr
    return root


def test_the_example_site_audits_clean(example: Path) -> None:
    result = audit(example, example / "_site")
    assert result.exit_code == 0, result.stderr
    assert report_lines(result) == []
    assert (example / "_site" / "share").is_dir(), "the example shares a mentor copy"


def test_the_example_mentor_build_audits_clean(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentor"
    result = run_cli(example, "build", "--audience", "mentor", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    checked = audit(example, out, "--audience", "mentor")
    assert checked.exit_code == 0, checked.stderr


def test_the_example_site_with_a_planted_name_is_reported(example: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(example / "_site", copy)
    plant_html(copy, "index.html", "Marcus Lindqvist said so.")
    result = audit(example, copy)
    assert result.exit_code == 1, result.stderr
    source = "content/interviews/2026-06-10-retail-analytics.md"
    assert_reported(result, "index.html", source, line_of(example, source, "Marcus Lindqvist"))
