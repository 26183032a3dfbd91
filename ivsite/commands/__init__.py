"""The ``ivsite`` command line: thin wrappers over the pipeline.

:mod:`.cli` is the command group (``python -m ivsite`` runs it), and
:mod:`.terminal` what every command does at the terminal; the commands
with more than a call of their own are here too: ``init`` and ``new``
(:mod:`.scaffold`, with its starter site under ``scaffold/site``,
:mod:`.prepare`), ``schema`` (:mod:`.schema`), ``share`` (:mod:`.sharing`),
``todo`` (:mod:`.todo`, :mod:`.icsfile`), and the terminal's concerns
(:mod:`.signals`, :mod:`.gittracked`).

Nothing below imports this package: every stage can run without a terminal.
"""
