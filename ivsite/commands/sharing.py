"""``ivsite share``: print the mentor link and what it shares.

The summary is computed from the mentor audience view, so it counts exactly what
the mentor will see, by kind, without naming anything withheld from them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from ..mentor import share
from ..pipeline import EXIT_OK, EXIT_USAGE, Nowhere, Pipeline, Request, run


def share_command(root: Path, *, rotate: bool) -> int:
    result = run(Pipeline(root, persist_cache=False),
                 Request("mentor", lock=False, despite_errors=True), Nowhere())
    if result.site is None:
        for d in result.diagnostics.sorted():
            click.echo(d.text(), err=True)
        return result.status or EXIT_USAGE
    prep = result.site.prep
    cfg = prep.config
    if not cfg.share.enabled:
        click.echo("Sharing is off. Add this to site.toml, then build:\n\n"
                   "[share]\nenabled = true\nfeedback_email = \"you@example.org\"", err=True)
        return EXIT_USAGE
    old = share.read_token(prep.root)
    token = share.rotate(prep.root) if rotate else share.get_or_create_token(prep.root)
    notes = result.site.main.view.notes
    by_kind = Counter((n.collection, n.visibility) for n in notes)
    passages = Counter(kind for n in notes for kind, _, _ in n.passages)
    click.echo(f"{cfg.base_url}share/{token}/")
    click.echo("")
    click.echo("It shares:")
    for coll in ("interviews", "reflections", "roles", "pages"):
        pub, men = by_kind[(coll, "public")], by_kind[(coll, "mentor")]
        if pub or men:
            click.echo(f"  {coll:<12} {pub} public, {men} for your mentor only")
    click.echo(f"  passages     {passages['mentor']} marked for your mentor")
    if cfg.share.passphrase_env:
        click.echo(f"  encrypted    yes: pages open with the passphrase in "
                   f"${cfg.share.passphrase_env}")
    else:
        click.echo("  encrypted    no: anyone with the link can read it")
    click.echo("  withheld     private notes and passages, contact details and the names "
               "of people who did not consent")
    if rotate:
        click.echo("")
        click.echo("The token was replaced" + (f" (old: share/{old}/)" if old else "")
                   + ". Run `ivsite build` to remove the old path from the output.")
    elif not (prep.root / cfg.output_dir / "share" / token).is_dir():
        click.echo("")
        click.echo("Run `ivsite build` to write the mentor view under this link.")
    return EXIT_OK
