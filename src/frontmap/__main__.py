"""``python -m frontmap`` runs the command line."""

from frontmap.cli import program

program()
