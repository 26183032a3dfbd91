"""Stage 4 — the audience filter: the one place that sees withheld material.

:mod:`.stage` makes each note as one audience may see it
(:class:`~.viewnote.ViewNote`): its body's tokens rewritten (:mod:`.viewbody`,
:mod:`.viewtokens`, :mod:`.viewembeds`, :mod:`.fragments`), its people checked
(:mod:`.namecheck`, :mod:`.notelinks`, with consented names masked:
:mod:`.consentmask`), and the follow-up model built (:mod:`.followup`).
:mod:`.viewpack` sends a view filtered in another process back as plain data.

Everything after this stage sees only views, so a later stage cannot leak
what it never receives. It imports no later stage.
"""
