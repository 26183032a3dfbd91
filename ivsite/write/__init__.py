"""Stage 7 — write: the only code that writes a site's output folder.

:mod:`.stage` writes what emit made, and :mod:`.staging` the folders a build
writes beside its output before the audit has read them, so a refused build
never replaces a published one. It imports no later stage.
"""
