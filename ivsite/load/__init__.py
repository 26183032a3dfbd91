"""Stage 1 — load: the only code that reads a site's source folder.

:mod:`.stage` reads every file of the content into
:class:`~ivsite.core.sourcefiles.SourceFile` values; :mod:`.cache` keeps what it
read for the next build of a long-lived pipeline (the live preview), with the
readings the audit asks of every file made as the file is hashed: a front
matter saying private (:mod:`.filefront`) and the windows a near copy of a
recording would share (:mod:`.nearcopy`).

It imports no later stage.
"""
