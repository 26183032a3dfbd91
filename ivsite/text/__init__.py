"""Text as a reader reads it, and finding many word sequences in much of it.

The one normaliser (:mod:`.normalise`, after :mod:`.escapes`, with :mod:`.readings`,
:mod:`.asciireadings`, :mod:`.lookalike_letters`, :mod:`.unicodemarks`) folds
what looks or reads the same to one form, and the one matcher
(:mod:`.textmatch`, with :mod:`.splitwords`) looks for withheld words in it.
The audience filter and the audit both use these, so a spelling one of them
knows the other knows too: that is why they are one package and not two
copies.

The matcher builds on a name's sound key (:mod:`ivsite.names.soundkey`) and a
contact's skeleton (:mod:`ivsite.contacts.skeleton`), which in turn fold with
the normaliser: the three packages depend on each other, though no module
imports one that imports it back.
"""
