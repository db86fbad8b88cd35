"""Members of Congress, presidents and vice presidents from unitedstates/congress-legislators.

Two outputs: the current members with every president and vice president (terms with years),
and the former members from the historical CSV (last term only, no years in the CSV). The
historical file leaves out whoever is already in the first one.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pycountry
import yaml
from common import write_entity_file
from people_names import fold, full_form, strip_disambiguation, unique, us_name_forms

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

FOLDER = "us-congress-legislators"
CURRENT_FILE = "people-us-congress.yaml"
HISTORICAL_FILE = "people-us-congress-historical.yaml"

PROMINENCE = {"prez": 0.95, "viceprez": 0.85, "sen": 0.75, "rep": 0.7}
HISTORICAL_PROMINENCE = (0.5, 0.25)  # with a modern-era id, without
MODERN_IDS = ("thomas_id", "fec_ids", "opensecrets_id", "votesmart_id")
EXECUTIVE_TITLES = {
    "prez": "President of the United States",
    "viceprez": "Vice President of the United States",
}
GENERIC_TITLES = (("sen", "Senator"), ("rep", "Representative"))


@functools.cache
def load_yaml(path: Path) -> Any:
    """A parsed YAML file; cached, as several targets read the same legislators files."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


@functools.cache
def load_historical(data_dir: Path) -> list[dict[str, str]]:
    """The rows of legislators-historical.csv (cached)."""
    with (data_dir / FOLDER / "legislators-historical.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def state_name(code: str) -> tuple[str, bool]:
    """The state's ISO 3166-2 name and whether it sends a delegate (not a state); else the code."""
    subdivision = pycountry.subdivisions.get(code=f"US-{code}")  # type: ignore[no-untyped-call]
    if subdivision is None:
        return code, False
    return subdivision.name, subdivision.type != "State"


def chamber_title(chamber: str, state: str) -> str:
    """'United States Senator from Ohio', 'U.S. Representative from Ohio', or a delegate's title."""
    name, delegate = state_name(state)
    if chamber == "sen":
        return f"United States Senator from {name}"
    if delegate:
        return f"Delegate to the U.S. House of Representatives from {name}"
    return f"U.S. Representative from {name}"


def term_runs(terms: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Terms in the same office (and state) joined into one role when at most a year apart."""
    runs: list[dict[str, Any]] = []
    last_key: tuple[str, str] | None = None
    for term in terms:
        kind = term["type"]
        title = EXECUTIVE_TITLES.get(kind) or chamber_title(kind, term["state"])
        start, end = int(str(term["start"])[:4]), int(str(term["end"])[:4])
        key = (kind, title)
        if runs and key == last_key and start <= runs[-1]["to"] + 1:
            runs[-1]["to"] = max(runs[-1]["to"], end)
        else:
            runs.append({"title": title, "from": start, "to": end, "_kind": kind})
        last_key = key
    return runs


def person_names(
    name: Mapping[str, str], *, official: str = "", wikipedia: str = "", prefer_official: bool = True
) -> tuple[str, list[str]]:
    """The canonical name and the aliases of one person.

    The name is the official full name, or the Wikipedia title when it is one of the person's
    name forms, or else the name written in full; the Wikipedia title (without qualifier) is
    kept as an alias when it is another spelling that still holds the surname.
    """
    first, middle, last = name.get("first", ""), name.get("middle", ""), name.get("last", "")
    suffix, nickname = name.get("suffix", ""), name.get("nickname", "")
    forms = us_name_forms(first, middle, last, suffix, nickname)
    title = strip_disambiguation(wikipedia) if wikipedia else ""
    candidates = [official, title if title in forms else ""]
    if not prefer_official:
        candidates.reverse()
    canonical = next((c for c in candidates if c), "") or full_form(first, middle, last, suffix)
    extra = [title] if title and fold(last) in fold(title) else []
    aliases = [form for form in unique(forms + extra) if form != canonical]
    return canonical, aliases


def generic_roles(kinds: Iterable[str]) -> list[dict[str, Any]]:
    present = set(kinds)
    return [{"title": title} for kind, title in GENERIC_TITLES if kind in present]


def entity_sort_key(entity: Mapping[str, Any]) -> tuple[int, int, str]:
    """Wikidata ids in numeric order first, then the other ids alphabetically."""
    ident = entity["id"]
    if ident.startswith("Q") and ident[1:].isdigit():
        return (0, int(ident[1:]), "")
    return (1, 0, ident)


def current_entity(person: Mapping[str, Any], history: Mapping[str, dict[str, str]]) -> dict[str, Any]:
    """One entity for a current member or an executive, with a historical last term if any."""
    ids, name = person["id"], person["name"]
    row = history.get(ids.get("bioguide", ""))
    wikipedia = ids.get("wikipedia") or (row["wikipedia_id"] if row else "")
    canonical, aliases = person_names(name, official=name.get("official_full", ""), wikipedia=wikipedia)
    roles = term_runs(person["terms"])
    kinds = [role["_kind"] for role in roles]
    if row:
        roles.append({"title": chamber_title(row["type"], row["state"])})
        kinds.append(row["type"])
    for role in roles:
        role.pop("_kind", None)
    roles += generic_roles(kinds)
    if ids.get("wikidata"):
        ident = ids["wikidata"]
    elif ids.get("bioguide"):
        ident = f"bioguide:{ids['bioguide']}"
    else:
        ident = f"govtrack:{ids['govtrack']}"
    return {
        "id": ident,
        "name": canonical,
        "aliases": aliases,
        "surname": name.get("last"),
        "roles": roles,
        "country": "US",
        "prominence": max(PROMINENCE[kind] for kind in kinds),
        "wikipedia": wikipedia,
    }


def load_current(data_dir: Path) -> list[dict[str, Any]]:
    """Current members of Congress followed by the presidents and vice presidents."""
    folder = data_dir / FOLDER
    members: list[dict[str, Any]] = load_yaml(folder / "legislators-current.yaml")
    executives: list[dict[str, Any]] = load_yaml(folder / "executive.yaml")
    return members + executives


def current_entities(data_dir: Path) -> list[dict[str, Any]]:
    """The entities of people-us-congress.yaml, in file order."""
    history = {row["bioguide_id"]: row for row in load_historical(data_dir)}
    people = load_current(data_dir)
    return sorted((current_entity(person, history) for person in people), key=entity_sort_key)


def build_current(data_dir: Path, out_root: Path) -> str:
    entities = current_entities(data_dir)
    count = write_entity_file(
        out_root / "generated" / CURRENT_FILE,
        description="Current members of Congress and all US presidents and vice presidents.",
        source="unitedstates/congress-legislators, commit dfa96222 "
        "(legislators-current.yaml, executive.yaml)",
        license="CC0 1.0",
        kind="person",
        entities=entities,
    )
    return f"{count} entities"


def historical_entity(row: Mapping[str, str]) -> dict[str, Any]:
    """One former member from the CSV: name forms, last term, Wikipedia title."""
    name = {
        "first": row["first_name"],
        "middle": row["middle_name"],
        "last": row["last_name"],
        "suffix": row["suffix"],
        "nickname": row["nickname"],
    }
    canonical, aliases = person_names(
        name, official=row["full_name"], wikipedia=row["wikipedia_id"], prefer_official=False
    )
    modern = any(row[column] for column in MODERN_IDS)
    return {
        "id": f"bioguide:{row['bioguide_id']}",
        "name": canonical,
        "aliases": aliases,
        "surname": row["last_name"],
        "roles": [{"title": chamber_title(row["type"], row["state"])}, *generic_roles([row["type"]])],
        "country": "US",
        "prominence": HISTORICAL_PROMINENCE[0] if modern else HISTORICAL_PROMINENCE[1],
        "wikipedia": row["wikipedia_id"],
    }


def historical_rows(data_dir: Path) -> list[dict[str, str]]:
    """Rows of the historical CSV for people not in the current file (presidents who sat in Congress)."""
    skip = {person["id"]["bioguide"] for person in load_current(data_dir) if person["id"].get("bioguide")}
    return [row for row in load_historical(data_dir) if row["bioguide_id"] not in skip]


def historical_entities(data_dir: Path) -> list[dict[str, Any]]:
    """The entities of people-us-congress-historical.yaml, in file order."""
    return sorted(
        (historical_entity(row) for row in historical_rows(data_dir)), key=lambda entity: entity["id"]
    )


def build_historical(data_dir: Path, out_root: Path) -> str:
    entities = historical_entities(data_dir)
    count = write_entity_file(
        out_root / "generated" / HISTORICAL_FILE,
        description="Former members of Congress not in people-us-congress.yaml; last term only.",
        source="unitedstates/congress-legislators, gh-pages legislators-historical.csv "
        "(see shared/data/us-congress-legislators/COMMIT)",
        license="CC0 1.0",
        kind="person",
        entities=entities,
    )
    return f"{count} entities"
