"""Contact details: e-mail addresses, phone numbers, profiles and handles, however
they are written.

A contact field cut into its details (:mod:`.fields`), the skeleton a detail
and a text are both reduced to so that "jane at example dot com" meets
jane@example.com (:mod:`.skeleton`, with the words for symbols in many
languages: :mod:`.symbolwords`, numbers said in words: :mod:`.spokendigits`,
:mod:`.otherdigits`, :mod:`.numberwords`; mailboxes: :mod:`.mailboxes`),
whether a text holds something shaped like one (:mod:`.shape`), details written
where the audience does not read (:mod:`.bodycontacts`, with profiles, personal
sites and handles: :mod:`.bodyprofiles`; :mod:`.fieldcontacts`) and those the
author declares public (:mod:`.publiccontacts`).

A part used by the filter and the audit alike; it imports no stage.
"""
