"""``python -m ivsite``."""

from .cli import main

main()
