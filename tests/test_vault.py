"""Issue 11: an Obsidian vault used in place (tests/fixtures/vault).

The vault maps its own nested folders in site.toml's ``[content]``, keeps an
``.obsidian/`` folder and an unmapped ``Daily/`` folder, images in
``attachments/``, notes with no front matter (titled by heading or file name,
dated by file name, private by default where the kind is), TOML front matter,
aliases and links to notes not written yet. It builds with exit 0 and no private
byte reaches the public or mentor output. Also here: the protections this adds,
each shown to be caught when switched off.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import OutputCorpus, run_cli

import ivsite.audience.viewbody
import ivsite.validate.fallback
import ivsite.validate.linkhints
import ivsite.validate.references
from ivsite.markdown.notes import BrokenTarget, Target

VAULT = Path(__file__).resolve().parent / "fixtures" / "vault"
PRIVATE = (
    "CANARY-obsidian-7f3a", "CANARY-daily-7f3a", "CANARY-privassetbytes-vault-7f3a",
    "CANARY-orphan-vault-7f3a", "CANARY-privcompany-vault-7f3a",
    "CANARY-privheading-vault-7f3a", "CANARY-privinterview-vault-7f3a",
    "CANARY-privtitle-vault-7f3a", "CANARY-privbody-vault-7f3a", "CANARY privalias vault",
    "CANARY-privplan-vault-7f3a", "CANARY-passage-vault-7f3a", "Orla Quennell",
    "Quennell", "orla@acme.example", "secret-diagram", "Secret plan", "2026-03-05",
)
MENTOR = ("CANARY-mentornote-vault-7f3a", "CANARY-mentorasset-vault-7f3a", "mentor-sketch")
PUBLIC = ("PUBLIC-vault-home", "PUBLIC-vault-about", "PUBLIC-vault-marketing",
          "PUBLIC-vault-uxr", "PUBLIC-vault-reflection", "PUBLIC-vault-chartbytes")


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("vault") / "vault"
    shutil.copytree(VAULT, site)
    return site


@pytest.fixture(scope="module")
def outputs(vault: Path) -> dict[str, OutputCorpus]:
    public = run_cli(vault, "build")
    assert public.exit_code == 0, public.stderr
    mentor = run_cli(vault, "build", "--audience", "mentor", "--out", "../mentor-out")
    assert mentor.exit_code == 0, mentor.stderr
    return {"public": OutputCorpus(vault / "_site"),
            "mentor": OutputCorpus(vault.parent / "mentor-out")}


def copy_vault(tmp_path: Path) -> Path:
    site = tmp_path / "vault"
    shutil.copytree(VAULT, site)
    return site


@pytest.mark.parametrize("needle", PRIVATE)
@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_private_material_in_no_output_byte(outputs: dict[str, OutputCorpus], audience: str,
                                            needle: str) -> None:
    assert outputs[audience].find(needle) == []


@pytest.mark.parametrize("needle", MENTOR)
def test_mentor_material_only_in_the_mentor_view(outputs: dict[str, OutputCorpus],
                                                 needle: str) -> None:
    assert outputs["public"].find(needle) == []
    assert outputs["mentor"].find(needle)


@pytest.mark.parametrize("needle", PUBLIC)
def test_public_notes_and_files_are_published(outputs: dict[str, OutputCorpus],
                                              needle: str) -> None:
    assert outputs["public"].find(needle)


def test_pages_titles_and_links_as_a_vault_writes_them(outputs: dict[str, OutputCorpus]) -> None:
    out = outputs["public"]
    assert {"roles/marketing-coordinator/index.html", "roles/ux-researcher/index.html",
            "about-me/index.html", "reflections/public-reflection/index.html",
            "attachments/chart.png", "index.html"} <= set(out.files)
    assert "<title>Marketing Coordinator" in out.html("roles/marketing-coordinator/index.html")
    assert "<title>UX Researcher" in out.html("roles/ux-researcher/index.html")
    assert "<title>About" in out.html("about-me/index.html")  # TOML front matter
    home = out.html("index.html")
    assert '<a href="roles/ux-researcher/">user research</a>' in home  # by alias
    assert "My plan is in a private note." in home  # a private note's alias
    assert "Marketing Cordinator roles" in home  # not written yet: its name, no link
    assert "a note I have not written: Future plans." in home
    assert "+++" not in home and "title =" not in out.html("about-me/index.html")
    assert not any(rel.startswith(("interviews/", "Daily", ".obsidian"))
                   for rel in out.files)


def test_check_warns_of_notes_not_written_yet_with_a_did_you_mean(vault: Path) -> None:
    r = run_cli(vault, "check", "--format", "json")
    assert r.exit_code == 0, r.stdout
    found = {(d["path"], d["severity"], d["code"]) for d in r.json()}
    assert ("Pages/index.md", "warning", "missing-note") in found
    hints = [d["hint"] for d in r.json() if "Cordinator" in d["message"]]
    assert hints and "did you mean [[Marketing Coordinator]]" in hints[0]
    assert not [d for d in r.json() if d["severity"] == "error"]
    strict = run_cli(vault, "check", "--strict")
    assert strict.exit_code == 1


# ----------------------------------------------------------------- the hint names no withheld note

PRIVATE_TITLE = "Salary negotiation"


def _hint_site(tmp_path: Path, linker_visibility: str) -> Path:
    site = copy_vault(tmp_path)
    (site / "Journal" / f"{PRIVATE_TITLE}.md").write_text(
        "---\ndate: 2026-03-08\n---\nprivate\n", "utf-8")
    (site / "Pages" / "Typo.md").write_text(
        f"---\nvisibility: {linker_visibility}\n---\nSee [[Salary negotiaton]].\n", "utf-8")
    return site


def _typo_hint(site: Path) -> str:
    r = run_cli(site, "check", "--format", "json")
    return next(d["hint"] for d in r.json() if "negotiaton" in d["message"])


def test_did_you_mean_never_names_a_note_the_audience_cannot_see(tmp_path: Path) -> None:
    assert PRIVATE_TITLE not in _typo_hint(_hint_site(tmp_path / "a", "public"))
    assert PRIVATE_TITLE not in _typo_hint(_hint_site(tmp_path / "b", "mentor"))
    # A private note's own link may be told about a private note.
    assert PRIVATE_TITLE in _typo_hint(_hint_site(tmp_path / "c", "private"))


def test_did_you_mean_protection_switched_off_would_name_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ivsite.validate.linkhints, "_RANK",
                        {"public": 0, "mentor": 0, "private": 0})
    # (Such a slip is near-private-link now, an error with a hint of its own: R18-07.)
    monkeypatch.setattr(ivsite.validate.references, "near_private_link", lambda *args: None)
    assert PRIVATE_TITLE in _typo_hint(_hint_site(tmp_path, "public"))


# ----------------------------------------------------------------- titles from headings

def _heading_site(tmp_path: Path) -> Path:
    site = copy_vault(tmp_path)
    (site / "Pages" / "Plans.md").write_text(
        "::: private\n# CANARY heading passage 7f3a\n:::\n\nPUBLIC-plans body.\n", "utf-8")
    return site


def test_a_heading_in_a_private_passage_never_titles_a_page(tmp_path: Path) -> None:
    site = _heading_site(tmp_path)
    r = run_cli(site, "build")
    assert r.exit_code == 0, r.stderr
    out = OutputCorpus(site / "_site")
    assert out.find("CANARY heading passage 7f3a") == []
    assert "<title>Plans" in out.html("plans/index.html")


def test_heading_title_protection_switched_off_is_caught_by_the_audit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def any_heading(tokens: list[object], cut: object) -> str:
        return "CANARY heading passage 7f3a" if any(
            getattr(t, "type", "") == "heading_open" for t in tokens) else ""

    monkeypatch.setattr(ivsite.validate.fallback, "first_heading", any_heading)
    site = _heading_site(tmp_path)
    r = run_cli(site, "build")
    assert r.exit_code == 1 and "audit" in r.stderr, r.stderr
    assert not (site / "_site").exists()


# ----------------------------------------------------------------- aliases of withheld notes

def test_withheld_alias_printed_by_the_filter_is_caught_by_the_audit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the filter's handling off: a link by a private note's alias prints
    the alias as if the note did not exist. The audit alone fails the build."""
    real = ivsite.audience.viewbody.resolve_wiki

    def as_missing(site: object, target: str) -> Target:
        got = real(site, target)  # type: ignore[arg-type]
        return BrokenTarget("", code="missing-note", shown=target) \
            if "privalias" in target else got

    monkeypatch.setattr(ivsite.audience.viewbody, "resolve_wiki", as_missing)
    site = copy_vault(tmp_path)
    r = run_cli(site, "build")
    assert r.exit_code == 1 and "withheld alias" in r.stderr, r.stderr


def test_a_link_to_no_note_that_names_someone_without_consent_fails(tmp_path: Path) -> None:
    site = copy_vault(tmp_path)
    (site / "Pages" / "Thanks.md").write_text("Thanks to [[Orla Quennell]].\n", "utf-8")
    r = run_cli(site, "build")
    assert r.exit_code == 1, r.stderr
    assert "Quennell" in r.stderr and not (site / "_site").exists()


# ----------------------------------------------------------------- resolution like Obsidian's

def test_two_notes_with_one_file_name_make_a_bare_link_an_error(tmp_path: Path) -> None:
    site = copy_vault(tmp_path)
    (site / "Career" / "Roles" / "UX Researcher.md").write_text("Another.\n", "utf-8")
    r = run_cli(site, "check", "--format", "json")
    errors = [d for d in r.json() if d["severity"] == "error"]
    assert r.exit_code == 1
    assert {d["code"] for d in errors} >= {"ambiguous-link"}
    message = next(d["message"] for d in errors if d["code"] == "ambiguous-link")
    assert "Career/Roles/UX Researcher.md" in message
    assert "Career/Roles/Product/UX Researcher.md" in message
    # The shortest path that is unique resolves.
    (site / "Pages" / "index.md").write_text("[[Product/UX Researcher]]\n", "utf-8")
    for rel in ("People/Interviews/2026-03-04 Acme.md",):
        text = (site / rel).read_text("utf-8").replace("[[UX Researcher]]", "")
        (site / rel).write_text(text, "utf-8")
    r = run_cli(site, "check", "--format", "json")
    assert not [d for d in r.json() if d["code"] == "ambiguous-link"], r.stdout


def test_default_layout_is_unchanged_without_a_content_table(tmp_path: Path) -> None:
    site = copy_vault(tmp_path)
    text = (site / "site.toml").read_text("utf-8").split("[content]")[0]
    (site / "site.toml").write_text(text, "utf-8")
    r = run_cli(site, "check")
    assert r.exit_code == 1 and "no content/ folder" in r.stderr


@pytest.mark.parametrize("folder", ["../elsewhere", "/abs", ".obsidian", "themes", "."])
def test_a_content_folder_that_cannot_be_one_is_a_config_error(tmp_path: Path,
                                                               folder: str) -> None:
    site = copy_vault(tmp_path)
    (site / "site.toml").write_text(f'title = "x"\n[content]\n"{folder}" = "pages"\n',
                                    "utf-8")
    r = run_cli(site, "check")
    assert r.exit_code == 2 and "config-invalid" in r.stderr, r.stderr


# ---- the vault's own syntax, in the vault's own folders (tests/fixtures/vault/Pages/
# Field guide.md): callouts of every kind, highlights, inline tags, comments, embeds
# of a public, a private and a mentor note, an image by its bare name, a note not
# written yet, and code that keeps all of it literal.

GUIDE_PRIVATE = ("CANARY-callout-passage-vault-7f3a", "CANARY-comment-vault-7f3a",
                 "CANARY-blockcomment-vault-7f3a")


@pytest.mark.parametrize("needle", GUIDE_PRIVATE)
@pytest.mark.parametrize("audience", ["public", "mentor"])
def test_the_guides_withheld_text_is_in_no_output_byte(
        outputs: dict[str, OutputCorpus], audience: str, needle: str) -> None:
    assert outputs[audience].find(needle) == []


def _guide(outputs: dict[str, OutputCorpus], audience: str) -> str:
    return outputs[audience].files["field-guide/index.html"].decode("utf-8")


def test_the_guide_renders_every_construct(outputs: dict[str, OutputCorpus]) -> None:
    html = _guide(outputs, "public")
    for family in ("note", "abstract", "info", "todo", "tip", "success", "question",
                   "warning", "failure", "danger", "bug", "example", "quote"):
        assert f"callout-{family}" in html, family
    assert "<details" in html and "PUBLIC-vault-folded" in html
    assert "<mark>PUBLIC-vault-highlight</mark>" in html
    assert 'class="tag"' in html and "career/research" in html
    assert "PUBLIC-vault-reflection" in html          # the public note, embedded
    assert "a private note" in html                   # the private one, withheld
    assert "CANARY-mentornote-vault-7f3a" not in html  # the mentor one, in public
    assert html.count("chart.png") >= 2 and 'width="300"' in html
    assert "Interview checklist" in html               # a note not written yet: its name
    assert "#not-a-tag" in html and "==not marked==" in html and "%% not a comment %%" in html


def test_the_mentor_sees_the_mentor_embed(outputs: dict[str, OutputCorpus]) -> None:
    assert "CANARY-mentornote-vault-7f3a" in _guide(outputs, "mentor")


def test_the_guides_inline_tags_have_tag_pages(outputs: dict[str, OutputCorpus]) -> None:
    assert any(p.startswith("tags/method/") for p in outputs["public"].files)


def test_a_title_taken_from_the_first_heading_is_shown_once(
        outputs: dict[str, OutputCorpus]) -> None:
    """Pages/index.md has no title: its first heading is the title, and the body no
    longer repeats it under the page's own <h1>."""
    home = outputs["public"].files["index.html"].decode("utf-8")
    assert home.count("Welcome to my vault</h") == 1, home
