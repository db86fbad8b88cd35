"""People targets: US Congress (current and former), US states, Factbook leaders, world politicians.

Listed in dependency order: the Open States and world files skip people already in the
Congress files, and Factbook people who are world politicians are merged into the world file
(and so left out of the Factbook file). Each target recomputes what it needs from the data
rather than reading earlier outputs, so any one of them can be built alone with --only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import people_congress
import people_factbook
import people_states
import people_world

TARGETS: dict[str, Callable[[Path, Path], str]] = {
    "people-us-congress": people_congress.build_current,
    "people-us-congress-historical": people_congress.build_historical,
    "people-us-states": people_states.build,
    "people-factbook": people_factbook.build,
    "people-world-politicians": people_world.build,
}
