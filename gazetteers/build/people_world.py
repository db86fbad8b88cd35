"""World politicians from CaptainFact's Wikidata csv, with the Factbook heads who are the same person.

Names are Wikidata's "name in native language"; offices come from the English description.
A Factbook person who is one of these politicians is merged in: the Factbook's English name
becomes the name (the native names stay as aliases) and the Factbook roles come first.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from common import write_entity_file
from people_captainfact import Politician, match_factbook, world_politicians
from people_descriptions import office_prominence, offices
from people_factbook import Countries, factbook_people, load_entries

OUTPUT = "people-world-politicians.yaml"


def world_entity(
    person: Politician, factbook: Mapping[str, Any] | None, countries: Countries
) -> dict[str, Any]:
    titles = offices(person.description)
    prominence = max([0.4, *(office_prominence(title, countries.is_country) for title in titles)])
    name = person.names[0]
    roles: list[dict[str, Any]] = [{"title": title} for title in titles]
    if factbook:
        name = factbook["name"]
        roles = [*factbook["roles"], *roles]
        prominence = max(prominence, factbook["prominence"])
    return {
        "id": person.qid,
        "name": name,
        "aliases": [alias for alias in person.names if alias != name],
        "roles": roles,
        "country": person.country,
        "prominence": prominence,
    }


def build(data_dir: Path, out_root: Path) -> str:
    politicians = world_politicians(data_dir)
    merged = match_factbook(politicians, factbook_people(data_dir))
    countries = Countries(load_entries(data_dir))
    entities = [world_entity(person, merged.get(person.qid), countries) for person in politicians]
    count = write_entity_file(
        out_root / "generated" / OUTPUT,
        description="Politicians born after 1945 with a Latin-script native name; "
        "names are the Wikidata 'name in native language'.",
        source="CaptainFact/captain-fact-dev-data Wikidata/politicians_born_after_1945_having_a_picture.csv, "
        "commit 30ea5b82 (Wikidata, August 2017)",
        license="CC0 1.0",
        kind="person",
        entities=sorted(entities, key=lambda entity: int(entity["id"][1:])),
    )
    return f"{count} entities"
