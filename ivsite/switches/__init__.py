"""How an author says "private": the one vocabulary of privacy words.

:mod:`.lookalike` holds the words and how each place a switch can be written
reads them; :mod:`.worldwords` the words of other languages; the other modules
read the forms a switch takes that ivsite does not obey but must not miss:
other tools' keys (:mod:`.otherswitches`), words run together
(:mod:`.runtogether`), a note's folder (:mod:`.pathprivacy`), markers and other
tools' tags (:mod:`.markerwords`, :mod:`.markupwords`, :mod:`.toolcomments`),
comments and states read by their shape (:mod:`.delimited`, :mod:`.keepout`)
and front-matter keys the schema does not know (:mod:`.fmchecks`).

One vocabulary, so validation refuses and the audit reads the same words. It
is a part: it imports no stage.
"""
