"""Stage 8 — audit: the second line, which reads every written file back.

:mod:`.stage` reads an output folder and refuses it if any file holds what an
audience may not see. What it looks for (:mod:`.secrets`, :mod:`.needles`,
:mod:`.sentences`, :mod:`.frontpassages`, :mod:`.saidsettings`,
:mod:`.labelled`, :mod:`.addresses`), how one file is searched (:mod:`.search`)
and which secrets count in which files (:mod:`.scopes`), what it refuses
in code whatever the site withholds (:mod:`.markupchecks`, :mod:`.scripts`),
the classes a theme hides (:mod:`.sheethiding`), and which files it found clean
before (:mod:`.cache`).

The audit does not trust the filter: it works out anew what is withheld from
the validated notes, and reads each file through :mod:`ivsite.readers` as a
reader would see it.
"""
