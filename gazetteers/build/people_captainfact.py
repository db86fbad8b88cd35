"""Politicians from CaptainFact's Wikidata query: cleaned rows, one record per person.

The csv has mangled rows (names whose bytes were garbled, shifting later columns); they are
dropped as the shared README says. A person is kept when one of their native-language names is
in Latin script and has at least two words, and is not already in the Congress files.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import people_congress
import pycountry
from people_names import fold, unique

FOLDER = "captainfact-wikidata-politicians"
CSV_FILE = "politicians_born_after_1945_having_a_picture.csv"
_DATE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
_NAME_PUNCTUATION = frozenset(" -.'")


@dataclass
class Politician:
    """One Wikidata person: Q-id, Latin-script names (first is the name), first citizenship."""

    qid: str
    names: list[str]
    country: str | None
    born: str
    description: str
    rows: list[list[str]] = field(default_factory=list, repr=False)


def clean_row(row: list[str]) -> bool:
    """No control characters in the name, a real birth date, nothing spilled into the last columns."""
    if len(row) != 9:
        return False
    name = row[3]
    if any(unicodedata.category(char) == "Cc" or char == "\ufffd" for char in name):
        return False
    return bool(_DATE.match(row[4])) and not any(row[6:9])


def latin_name(name: str) -> bool:
    """A name of two or more words in Latin letters, starting with a capital."""
    if len(name.split()) < 2 or not name[0].isupper():
        return False
    return all(
        char in _NAME_PUNCTUATION or (char.isalpha() and "LATIN" in unicodedata.name(char, ""))
        for char in name
    )


def current_country(codes: Iterable[str]) -> str | None:
    """The first citizenship that is a current ISO country (East Germany, DD, is not)."""
    return next((code for code in codes if pycountry.countries.get(alpha_2=code)), None)


def load_politicians(data_dir: Path) -> list[Politician]:
    """Clean rows grouped by person, in file order; people without a usable name left out."""
    with (data_dir / FOLDER / CSV_FILE).open(encoding="utf-8", newline="") as handle:
        rows = [row for row in list(csv.reader(handle))[1:] if clean_row(row)]
    grouped: dict[str, list[list[str]]] = {}
    for row in rows:
        grouped.setdefault(row[0].rsplit("/", 1)[1], []).append(row)
    people = []
    for qid, group in grouped.items():
        names = [name for name in unique(row[3] for row in group) if latin_name(name)]
        if names:
            country = current_country(unique(row[5] for row in group))
            people.append(Politician(qid, names, country, group[0][4][:10], group[0][1], group))
    return people


def congress_keys(data_dir: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """Wikidata ids of the Congress file; (folded name or alias, birth date) of everybody in both files."""
    qids: set[str] = set()
    keys: set[tuple[str, str]] = set()
    born: dict[str, str] = {}
    for person in people_congress.load_current(data_dir):
        birthday = str((person.get("bio") or {}).get("birthday") or "")
        for scheme in ("wikidata", "bioguide", "govtrack"):
            if person["id"].get(scheme):
                born[_congress_id(scheme, person["id"][scheme])] = birthday
        if person["id"].get("wikidata"):
            qids.add(person["id"]["wikidata"])
    for row in people_congress.load_historical(data_dir):
        born[f"bioguide:{row['bioguide_id']}"] = row["birthday"]
    entities = people_congress.current_entities(data_dir) + people_congress.historical_entities(data_dir)
    for entity in entities:
        birthday = born.get(entity["id"], "")
        for name in [entity["name"], *entity.get("aliases", [])]:
            keys.add((fold(name), birthday))
    return qids, keys


def _congress_id(scheme: str, value: Any) -> str:
    return str(value) if scheme == "wikidata" else f"{scheme}:{value}"


def world_politicians(data_dir: Path) -> list[Politician]:
    """The people of the world file: usable names, not in the Congress files (id, or name and birth date)."""
    qids, keys = congress_keys(data_dir)
    return [
        person
        for person in load_politicians(data_dir)
        if person.qid not in qids and not any((fold(name), person.born) in keys for name in person.names)
    ]


def _given_and_surname(name: str) -> tuple[str, str]:
    words = fold(name).split()
    return words[0], words[-1]


def match_factbook(
    politicians: Iterable[Politician], factbook: Iterable[Mapping[str, Any]]
) -> dict[str, Mapping[str, Any]]:
    """Factbook people who are one of these politicians: same first and last name, same country.

    Returns the Factbook entity by Q-id ("Emmanuel Macron" is "Emmanuel Jean-Michel Frédéric Macron").
    """
    by_key: dict[tuple[tuple[str, str], str | None], str] = {}
    for person in politicians:
        for name in person.names:
            by_key.setdefault((_given_and_surname(name), person.country), person.qid)
    matches: dict[str, Mapping[str, Any]] = {}
    for entity in factbook:
        qid = by_key.get((_given_and_surname(entity["name"]), entity.get("country")))
        if qid and qid not in matches:
            matches[qid] = entity
    return matches
