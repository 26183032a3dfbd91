"""People and their names: who a note is about, and every form their name takes.

:mod:`.people` says who a site's notes name and whether each agreed to be named;
:mod:`.identity` whether two spellings are one person; :mod:`.nameparts` takes
a recorded name apart. :mod:`.nameforms` gathers the forms worth looking for,
each from a module with one source of spellings: nicknames and diminutives
(:mod:`.nicknamed`, :mod:`.worlddiminutives`, :mod:`.shortnames`), titles
(:mod:`.worldtitles`), initials, handles and labelled parts
(:mod:`.initialforms`, :mod:`.handles`, :mod:`.labelledforms`), other scripts
and spellings (:mod:`.romanise`, :mod:`.chinese_forms`, :mod:`.vowelspellings`,
:mod:`.soundkey`, :mod:`.partsounds`), letters drawn alike
(:mod:`.drawnpairs`) and asides (:mod:`.asidenames`).

Both lines of defence ask this package, so the filter withholds and the audit
looks for the same forms. It is a part, not a stage: it imports no stage.
"""
