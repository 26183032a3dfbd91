"""Stage 5 — the site graph: URLs, lists, tags, roles, backlinks, questions.

:mod:`.stage` links one audience's note views into the structure emit renders;
it sees only what the filter let through. It imports no later stage.
"""
