"""Entry point: ``python -m benchmarks [--data DIR] [--out DIR] [--quick] [--only NAME …]``."""

import sys

from .cli import main

sys.exit(main())
