"""``python -m kg.cli``: the kg command (kg.dev.bench runs it so, without the console script)."""

from kg.cli import main

main()
