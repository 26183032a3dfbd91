"""The ``ivsite`` command line: thin wrappers over the pipeline.

Exit status: 0 success (warnings allowed unless --strict), 1 the content has
errors, 2 a usage or configuration error. Problems are printed one per line with
their file, line and hint; no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click

from .. import __version__
from .signals import stop_like_ctrl_c
from .terminal import guarded, in_dir, print_diagnostics


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ivsite")
@click.option("-C", "site_dir", default=None, metavar="DIR",
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Run as if ivsite was started in DIR (the site's folder).")
@click.pass_context
def cli(ctx: click.Context, site_dir: Path | None) -> None:
    """ivsite: career-research notes in, a private-by-default personal site out."""
    if site_dir is not None:
        before = Path.cwd()
        os.chdir(site_dir)
        ctx.call_on_close(lambda: os.chdir(before))


@cli.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@in_dir
@guarded
def init(directory: Path) -> None:
    """Make a new site with example notes."""
    from .scaffold import init_site

    problem = init_site(directory)
    if problem:
        click.secho(f"ivsite init: {problem}", fg="red", err=True)
        sys.exit(2)
    click.echo(f"Made a new site in {directory}.")
    click.echo(f"Next: cd {directory} && ivsite serve")


@cli.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@in_dir
@guarded
def check(strict: bool, fmt: str) -> None:
    """Validate the site, make and audit its pages as build would; writes nothing."""
    from ..pipeline import EXIT_OK
    from ..pipeline import check as run_check

    result = run_check(Path.cwd(), strict=strict)
    print_diagnostics(result.diagnostics, fmt)
    if result.status == EXIT_OK and fmt == "text":
        site = result.site
        n = len(site.prep.valid.notes) if site is not None else 0
        click.echo(f"ok: {n} note(s) checked, {result.files} page(s) made and audited",
                   err=True)
    sys.exit(result.status)


@cli.command()
@click.option("--audience", type=click.Choice(["public", "mentor"]), default="public")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-share", "no_share", is_flag=True,
              help="Leave out the mentor copy (share/<token>/) even when sharing is on: "
                   "for a build on a host's machines, whose output and logs others see.")
@in_dir
@guarded
def build(audience: str, out: Path | None, strict: bool, no_share: bool) -> None:
    """Validate and write the site for an audience."""
    from ..core.progress import for_terminal
    from ..pipeline import Pipeline
    from ..pipeline import build as run_build

    started = time.perf_counter()
    progress = for_terminal()  # a line on stderr while it runs, if that is a terminal
    try:
        result = run_build(Path.cwd(), audience=audience,  # type: ignore[arg-type]
                           out=out, strict=strict, share=not no_share,
                           pipeline=Pipeline(Path.cwd(), progress=progress,
                                             pages=audience))
    finally:
        progress.done()
    if result.status == 0 and result.output is not None:
        from .gittracked import tracked_output_warning

        shown = (result.output.relative_to(Path.cwd().resolve())
                 if result.output.is_relative_to(Path.cwd().resolve()) else result.output)
        warning = tracked_output_warning(result.output, shown.as_posix())
        if warning is not None:
            result.diagnostics.add(warning)
    print_diagnostics(result.diagnostics)
    if result.status == 0 and result.output is not None:
        took = time.perf_counter() - started
        click.echo(f"Built the {audience} site: {result.files} files in {result.output} "
                   f"({took:.2f} s)", err=True)
        if result.share_url:
            click.echo(f"Mentor link: {result.share_url}", err=True)
    elif result.status == 1:
        click.secho("Nothing was written; the previous output is unchanged.", err=True)
    sys.exit(result.status)


@cli.command()
@click.option("--audience", type=click.Choice(["private", "public", "mentor"]),
              default="private")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
@click.option("--allow-remote-private", is_flag=True,
              help="Serve the private view on an address other than loopback.")
@in_dir
@guarded
def serve(audience: str, host: str, port: int, open_browser: bool,
          allow_remote_private: bool) -> None:
    """Live preview (private view by default); never writes the output folder."""
    from ..preview import run_server

    sys.exit(run_server(Path.cwd(), audience=audience,  # type: ignore[arg-type]
                        host=host, port=port, open_browser=open_browser,
                        allow_remote_private=allow_remote_private))


@cli.command(name="share")
@click.option("--rotate", is_flag=True, help="Replace the token; the old link stops working "
              "after the next build.")
@in_dir
@guarded
def share_cmd(rotate: bool) -> None:
    """Print the mentor link and what it shares."""
    from .sharing import share_command

    sys.exit(share_command(Path.cwd(), rotate=rotate))


@cli.command()
@click.option("--ics", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the dates as an iCalendar file.")
@in_dir
@guarded
def todo(ics: Path | None) -> None:
    """Thank-yous to send, follow-ups due, interviews coming up."""
    from .todo import todo_command

    sys.exit(todo_command(Path.cwd(), ics))


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--audience", type=click.Choice(["public", "mentor"]), default="public")
@in_dir
@guarded
def audit(directory: Path, audience: str) -> None:
    """Scan a folder for anything the audience must not see."""
    from ..pipeline import audit_dir

    result = audit_dir(Path.cwd(), directory, audience)  # type: ignore[arg-type]
    status, hits = result.status, result.hits
    print_diagnostics(result.diagnostics)
    for hit in hits:
        click.secho(hit.text(), fg="red", err=True)
    if status == 0:
        click.echo(f"audit: nothing withheld from the {audience} audience is in {directory}",
                   err=True)
    else:
        click.echo(f"audit: {len(hits)} problem(s)", err=True)
    sys.exit(status)


@cli.command()
@click.argument("kind", required=False,
                type=click.Choice(["interviews", "reflections", "roles", "pages"]))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write every kind's schema into this folder and print the VS Code "
              "yaml.schemas setting that applies each to its folders.")
@in_dir
@guarded
def schema(kind: str | None, out: Path | None) -> None:
    """Print the JSON Schema of a KIND's front matter (all kinds without one), for editors."""
    from ..core.folders import read_folders
    from .schema import combined_schema, kind_schema, write_schemas

    if out is not None:
        cfg = Path("site.toml")
        folders = read_folders(cfg.read_bytes() if cfg.is_file() else None)
        try:
            settings = write_schemas(out, folders)
        except OSError as exc:  # under a file, or a folder that cannot be made
            raise click.BadParameter(f"the schemas cannot be written to {out}: "
                                     f"{exc.strerror or exc}; choose a folder you can "
                                     "write", param_hint="'--out'") from None
        click.echo(json.dumps({"yaml.schemas": settings}, indent=2))
        return
    click.echo(json.dumps(kind_schema(kind) if kind else combined_schema(), indent=2))


def _typed_text(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A text typed on the command line that goes into a note: a terminal set to
    another encoding sends bytes that are not UTF-8, which Python keeps as lone
    surrogates and no file can hold (red team 4, J18)."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise click.BadParameter(
                "is not UTF-8 text (the terminal sent it in another encoding): set the "
                "terminal to UTF-8 (for example LANG=en_US.UTF-8) and type it again, or "
                "write it into the note once it is made") from None
    return value


@cli.group()
def new() -> None:
    """Start a new note from a template."""


@new.command("interview")
@click.argument("name", callback=_typed_text)
@click.option("--role", default="", callback=_typed_text,
              help="Slug of a role in content/roles/.")
@click.option("--company", default="", callback=_typed_text,
              help="Where the person works.")
@click.option("--date", "date_", default="", help="YYYY-MM-DD (default: today).")
@click.option("--format", "fmt", default="coffee", show_default=True,
              help="coffee, video, phone, in-person, email or other.")
@in_dir
@guarded
def new_interview(name: str, role: str, company: str, date_: str, fmt: str) -> None:
    """Prepare an interview with NAME: planned, private, seeded with your questions."""
    from .prepare import new_interview as seed

    path, problems = seed(Path.cwd(), name, role=role, company=company, date=date_, fmt=fmt)
    if path is None:
        print_diagnostics(problems)
        sys.exit(2)
    click.echo(str(path))


_DEFAULTS = {"reflection": "private", "role": "public", "page": "public"}
"""Each kind's default visibility (site.toml's [visibility] can change it)."""

for _kind in ("reflection", "role", "page"):

    def _make(kind: str) -> None:
        @new.command(kind, help=f"A new {kind} titled TITLE, in the folder of {kind}s "
                     f"({_DEFAULTS[kind]} until you set its visibility).",
                     short_help=f"A new {kind} titled TITLE.")
        @click.argument("title", callback=_typed_text)
        @in_dir
        @guarded
        def _cmd(title: str) -> None:
            from .scaffold import new_note

            _report_new(new_note(Path.cwd(), kind + "s", title))

    _make(_kind)


def _report_new(result: tuple[Path | None, str]) -> None:
    path, problem = result
    if path is None:
        click.secho(f"ivsite new: {problem}", fg="red", err=True)
        sys.exit(2)
    click.echo(str(path))


def main() -> None:
    stop_like_ctrl_c()
    cli(prog_name="ivsite")
