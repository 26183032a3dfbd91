"""ivsite: a static-site generator for informational-interview portfolios.

Privacy is the product: nothing the author marked private, and no one's name
without consent, ever reaches a published file.
"""

__version__ = "0.1.0"
