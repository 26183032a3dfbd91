"""The vocabulary every stage and part shares, and nothing of any one stage.

Problems as :class:`~.diagnostics.Diagnostic` values (never tracebacks), the
front-matter models (:mod:`.models`, the contract a note is checked against), the
files handed from stage to stage (:mod:`.sourcefiles`), slugs and addresses
(:mod:`.slugs`, :mod:`.urlparts`), where a site's notes and builds live
(:mod:`.folders`, :mod:`.outfolders`), and the plumbing for work shared out or
kept (:mod:`.keyed`, :mod:`.cores`, :mod:`.sizedcache`, :mod:`.progress`).

It imports no other ivsite package, so anything may import it.
"""
