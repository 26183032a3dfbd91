"""Red-team 7 M8: a link to a heading or block id inside a ``::: private``
passage must not carry that heading's slug in its ``#fragment``. The filter keeps
a fragment only when it names an anchor in the target's view for the audience;
otherwise the link leads to the page and a warning says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from unit_helpers import write_site

from ivsite.audience import fragments
from ivsite.audit import secrets
from ivsite.pipeline import build

NOTE = """---
visibility: public
date: 2026-02-10
person:
  name: Jane Doe
alias: a designer
---

Public intro.

## Open heading

Open text. ^open1

::: private
## Offer from Globex

BLOCKSECRET1 paragraph. ^blk1
:::

::: mentor
## Mentor part

Mentor text.
:::
"""

LINKS = [
    ("[[interviews/x#Offer from Globex|my notes]]", "offer-from-globex"),
    ("[[interviews/x#^blk1|my notes]]", "blk1"),
    ("![[interviews/x#^blk1]]", "blk1"),
    ("![[interviews/x#Offer from Globex]]", "offer-from-globex"),
    ("[my notes](../interviews/x.md#offer-from-globex)", "offer-from-globex"),
]


def _site(root: Path, link: str) -> Path:
    return write_site(root, {"content/interviews/x.md": NOTE,
                             "content/pages/about.md": f"---\ntitle: About\n---\n\nSee {link}.\n"})


@pytest.mark.parametrize(("link", "slug"), LINKS)
def test_a_withheld_heading_is_not_in_the_fragment(tmp_path: Path, link: str,
                                                   slug: str) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", link), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    about = (out / "about/index.html").read_text("utf-8")
    assert 'href="../interviews/x/"' in about, about
    assert slug not in "".join(p.read_text("utf-8", "replace")
                               for p in out.rglob("*.html") if "interviews/x" not in str(p))
    warned = [d for d in result.diagnostics if d.code == "link-fragment-withheld"]
    assert warned and warned[0].path == "content/pages/about.md" and warned[0].line == 5
    assert "Globex" not in warned[0].message or "Globex" in link


@pytest.mark.parametrize("link", ["[[interviews/x#Open heading|n]]", "[[interviews/x#^open1|n]]",
                                  "[n](../interviews/x.md#open-heading)"])
def test_a_shown_heading_keeps_its_fragment(tmp_path: Path, link: str) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", link), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    about = (out / "about/index.html").read_text("utf-8")
    assert 'href="../interviews/x/#open' in about, about
    assert not [d for d in result.diagnostics if d.code.startswith("link-fragment")]


@pytest.mark.parametrize(("audience", "href"), [("mentor", "#mentor-part"), ("public", "")])
def test_an_audience_that_sees_the_heading_keeps_the_fragment(
        tmp_path: Path, audience: str, href: str) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", "[[interviews/x#Mentor part|m]]"), audience=audience,
                   out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert f'href="../interviews/x/{href}"' in (out / "about/index.html").read_text("utf-8")


def test_a_fragment_naming_nothing_is_dropped_with_its_own_warning(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", "[[interviews/x#No such part|n]]"), out=out)
    assert result.status == 0, [d.text() for d in result.diagnostics]
    assert 'href="../interviews/x/"' in (out / "about/index.html").read_text("utf-8")
    assert [d.code for d in result.diagnostics if d.code.startswith("link-fragment")] == \
        ["link-fragment-missing"]


@pytest.mark.parametrize("link", [LINKS[0][0], LINKS[1][0], LINKS[4][0]])
def test_with_the_filter_off_the_audit_alone_refuses_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, link: str) -> None:
    monkeypatch.setattr(fragments, "kept", lambda fragment, shown: True)
    out = tmp_path / "out"
    result = build(_site(tmp_path / "s", link), out=out)
    assert result.status != 0, [d.text() for d in result.diagnostics]
    assert any(h.secret.kind == secrets.ANCHOR and h.output == "about/index.html"
               for h in result.hits), [h.text() for h in result.hits]
    assert not out.exists()
