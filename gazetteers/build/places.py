"""Place targets: countries and continents, subdivisions and US counties, cities.

Each target reads only the packages and the Factbook snapshot, so their order does not matter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import places_cities
import places_countries
import places_subdivisions

TARGETS: dict[str, Callable[[Path, Path], str]] = {
    "places-countries": places_countries.build,
    "places-subdivisions": places_subdivisions.build,
    "places-cities": places_cities.build,
}
