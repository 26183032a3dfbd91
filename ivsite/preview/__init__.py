"""``ivsite serve``, the live preview, as one package of modules with one job each.

======================  ======================================================
:mod:`.server`          the threads (builder, auditor), start and stop
:mod:`.foreground`      ``run_server``: the command run until Ctrl-C, and its clean-up
:mod:`.session`         the preview folder, rebuilt through the one build pipeline
:mod:`.watch`           which saves start a rebuild (watchfiles)
:mod:`.http`            binding the port and answering requests
:mod:`.access`          who may read it: the key in the printed address, then a cookie
:mod:`.security`        which paths may be served, to which Host headers
:mod:`.reload`          how pages learn about rebuilds (a same-origin event stream)
:mod:`.console`         the lines the author reads in the terminal
:mod:`.heap`            memory between rebuilds
======================  ======================================================

Nothing here builds a page: every stage runs in :mod:`ivsite.pipeline`, as for
``ivsite build``, and no stage module imports this package.
"""

from .foreground import run_server
from .reload import ReloadHub
from .security import resolve_request_path
from .server import PreviewServer, ServeError
from .session import Preview

__all__ = ["Preview", "PreviewServer", "ReloadHub", "ServeError", "resolve_request_path",
           "run_server"]
