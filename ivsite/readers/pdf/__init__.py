"""A PDF read as a viewer shows it: objects, streams, fonts, text order, encryption.

:mod:`.objects` walks the objects, :mod:`.filters` and :mod:`.predictors` decode
the streams (:mod:`.streamkinds` tells what a stream holds), :mod:`.crypt`
decrypts, :mod:`.fonts` and :mod:`.encodings` map bytes to letters,
:mod:`.placed` puts text in the order a viewer places it, and :mod:`.strings`
reads its strings in the order written. The entry point is
:func:`ivsite.readers.packed.unpacked`.
"""
