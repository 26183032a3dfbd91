"""Session-wide test configuration.

pytest-playwright drives Debian's /usr/bin/chromium (never run `playwright
install`): its session fixture ``browser_type_launch_args`` is overridden here.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import CHROMIUM_ARGS, CHROMIUM_PATH


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture()
def no_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's name check switched off, for tests that show the audit alone
    refuses a name (no needles kept from a build with other switches)."""
    from ivsite import audience, audit

    monkeypatch.setattr(audience, "check_names", lambda *args: None)
    monkeypatch.setattr(audit, "_SEARCHES", {})
