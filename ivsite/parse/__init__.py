"""Stage 2 — parse: front matter and Markdown tokens of every note.

:mod:`.stage` runs the note formats of :mod:`ivsite.markdown` over a loaded
site; :mod:`.cache` keeps parsed notes and audience views between builds. The
formats live in :mod:`ivsite.markdown` because later stages and the audit read
notes the same way.
"""
