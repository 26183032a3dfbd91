"""Markup read as a browser reads it: raw HTML, CSS and SVG in a note or a page.

What a tag says (:mod:`.rawhtml`), what it hides or draws other than it holds
(:mod:`.hidinghtml`, :mod:`.drawnhtml`, :mod:`.drawntext`, :mod:`.svgtext`,
:mod:`.svgmatrix`, :mod:`.sheetstyle`, :mod:`.cssdecl`), and what it runs, loads
or sends elsewhere (:mod:`.scripturls`, :mod:`.remoteloads`,
:mod:`.scriptloads`, :mod:`.referrers`).

The filter refuses such markup in a note and the audit reads a written page
the same way, so the reading is one part that both import; it imports no
stage.
"""
