"""`python -m namefix`: the same as the `namefix` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
