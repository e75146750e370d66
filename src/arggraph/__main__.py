"""``python -m arggraph`` runs the command line."""

import sys

from arggraph.cli import main

sys.exit(main())
