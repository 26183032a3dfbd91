"""A note's text: front matter, passages cut out, and the one Markdown dialect.

Front matter is split off and read with positions (:mod:`.frontmatter`, with
:mod:`.otherfront`, :mod:`.secondfront`, :mod:`.swallowed`, :mod:`.yamlnodes`,
:mod:`.blockcomments`); private passages and comments are cut out line by line
before any parser sees them (:mod:`.passages`, read line by line by
:mod:`.passagefences`, and :mod:`.comments`); the rest is
parsed by the one dialect (:mod:`.dialect`, :mod:`.codehighlight`) and its
tokens rendered to HTML (:mod:`.render`). :mod:`.notes` is the note validation
hands on, :mod:`.notelike` the files named like notes that are not read as
notes, and :mod:`.tokendata` a parse as plain data for the caches.

These are formats, not stages: the parse stage (:mod:`ivsite.parse`) runs them
over a site, and validation, the filter and the audit read the same notes, so
they live below all of them.
"""
