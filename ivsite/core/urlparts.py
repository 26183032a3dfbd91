"""Splitting an address that an author (or a browser's request) wrote, without a
traceback.

``urllib.parse.urlsplit`` raises ``ValueError`` on an unclosed or invalid
bracketed host (``http://[x``, ``https://[::1/``, ``http://[x]/``) and on a host
that NFKC turns into a separator (``http://a＃b/``): a typo in pasted HTML, or a
request target, stopped the build with "internal error" (red team 4, J-trace).
:func:`split_url` reads such an address with its brackets and non-ASCII letters
percent-encoded instead, so it is still an address with a host (an outside one,
never this site's own) and its path reads the same once decoded: a check that
looks at the path (a withheld note's slug) sees what the author wrote.
"""

from __future__ import annotations

import string
from urllib.parse import SplitResult, quote, urlsplit

_KEPT = "".join(ch for ch in string.punctuation if ch not in "[]") + " "
"""What the fallback leaves as it is: every printable ASCII character but ``[``
and ``]``, the only ones ``urlsplit`` refuses."""


def split_url(url: str) -> SplitResult:
    """``urlsplit(url)``, or for an address it refuses, the same with ``[``, ``]``
    and non-ASCII characters percent-encoded (which it always accepts)."""
    try:
        return urlsplit(url)
    except ValueError:
        return urlsplit(quote(url, safe=_KEPT))


def valid(url: str) -> bool:
    """Whether ``urlsplit`` reads ``url`` as it is (a configuration's address must)."""
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True
