"""Incremental work, wrapped around the stages from outside.

The stages (load, parse, validate, audience, graph, emit, write, audit) are pure
functions of their inputs and know nothing of caching. This package keeps their
results in one content-addressed :class:`~ivsite.incremental.store.Store`, keyed
by a digest of everything each result is made from, and runs their per-note
functions through it (:mod:`ivsite.incremental.cached`). A change to any input
changes the key, so a stale result can never be found; what a build did not ask
for is dropped when it ends, so the store follows the site, not its history.
"""
