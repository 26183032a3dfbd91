"""What a preview reachable from other machines may show: pages, never problems.

On loopback the author alone sees the preview, and the overlay quotes the
diagnostics, which name private notes and the people in them. On any other
address every viewer on the network sees it too, so there the overlay says only
that there are problems (the terminal has them), and no file of the site is
served while the last build failed or before the output check of the current
folder found nothing: ``--audience public`` must never show what ``ivsite build``
would refuse to publish (:meth:`ivsite.preview.session.Preview.servable`).
"""

from __future__ import annotations

__all__ = ["REMOTE_OVERLAY", "REMOTE_PAGE"]

REMOTE_OVERLAY = (
    '<div id="ivsite-overlay" role="alert" aria-live="assertive" style="position:fixed;'
    "inset:auto 0 0 0;padding:1rem 1.25rem;background:#1f1f24;color:#fff;"
    'font:14px/1.5 system-ui,sans-serif;z-index:2147483647">'
    "<h2 style=\"font:inherit;font-weight:700;margin:0\">The site has problems; "
    "see the terminal.</h2></div>")
"""The overlay other machines get instead of the diagnostics: no text from the site."""

REMOTE_PAGE = (b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
               b"<title>ivsite preview</title></head><body>"
               b"<h1>The site has problems; see the terminal.</h1>"
               b"<p>The preview shows the site again once it builds and its output "
               b"check finds nothing.</p></body></html>")
"""Every address while the site may not be shown: the page reloads once it may."""
