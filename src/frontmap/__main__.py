"""``python -m frontmap`` runs the command line."""

import sys

from frontmap.cli import main

sys.exit(main())
