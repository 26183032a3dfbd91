"""``python -m ivsite``."""

from .commands.cli import main

main()
