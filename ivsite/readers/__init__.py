"""What a reader could see in a written file, whatever its format.

:mod:`.readable` turns an output file into the texts the audit searches: a page
as drawn and put on screen (:mod:`.onscreen`, :mod:`.drawnorder`), and the
file-format readers, each reading a format as its program shows it: packed
and compressed files (:mod:`.packed`, :mod:`.streams`, :mod:`.zipnames`,
:mod:`.ziplocal`, :mod:`.compound`), PDFs (:mod:`.pdf`), spreadsheets
(:mod:`.sheetcells`, :mod:`.biffsheet`), word-processor, mail and photo files
(:mod:`.wordshown`, :mod:`.rtftext`, :mod:`.encodedtext`, :mod:`.photometa`),
encodings and wide text (:mod:`.charsets`, :mod:`.widetext`, :mod:`.datauri`),
Pagefind's index (:mod:`.cborstrings`, :mod:`.pagefind_engine`), the source a
drawing carries for its editor (:mod:`.carried`), and what a file runs or loads
(:mod:`.activefiles`) or hides from its reader (:mod:`.hiddentext`).

A part, not a stage: the audit is its main user, and the load stage asks it
what a file runs as it hashes the file; it imports no stage.
"""
