"""News outlets supported by the fundus crawler, from its publisher definitions.

fundus names an outlet as its editors do, sometimes with a parenthesis: an acronym ("Neue
Zürcher Zeitung (NZZ)", "Die Tageszeitung (taz)") becomes an alias; the edition's country or
language ("Euronews (DE)", "Daily News (Tanzania)") is dropped, and the editions of one outlet
become one entity (the first in id order), with a country only when all editions share it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pycountry
from common import write_entity_file
from orgs_common import commit, natural_key

FOLDER = "fundus-publishers"
OUT_FILE = "orgs-fundus-publishers.yaml"
DESCRIPTION = "News outlets supported by the fundus crawler."
LICENSE = "MIT"
PROMINENCE = 0.6
# fundus country folders that are not ISO 3166-1 alpha-2 codes ("uk" is only reserved).
COUNTRY_CODES = {"uk": "GB"}

_FINAL_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)$")


def country_code(group: str) -> str:
    """ISO alpha-2 for a fundus country folder: 'de' -> 'DE', 'uk' -> 'GB', 'ind' -> 'IN'."""
    if group in COUNTRY_CODES:
        return COUNTRY_CODES[group]
    country = pycountry.countries.get(alpha_3=group.upper()) if len(group) == 3 else None
    return country.alpha_2 if country else group.upper()


def is_edition(qualifier: str, row: dict[str, str], country: str) -> bool:
    """True when a parenthesis names the edition's country or language, not the outlet."""
    if qualifier.lower() in {row["country_group"].lower(), row["default_language"].lower(), country.lower()}:
        return True
    record = pycountry.countries.get(alpha_2=country)
    names = (
        {getattr(record, field, "") for field in ("name", "common_name", "official_name")}
        if record
        else set()
    )
    return any(name and (name == qualifier or name.startswith(qualifier + ",")) for name in names)


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per outlet, editions merged, in id order."""
    with (data_dir / FOLDER / "publishers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out: list[dict[str, Any]] = []
    editions: dict[str, dict[str, Any]] = {}  # outlet name -> the entity its editions share
    for row in sorted(rows, key=lambda row: natural_key(f"{row['country_group']}/{row['publisher_key']}")):
        country = country_code(row["country_group"])
        name, aliases = row["name"].strip(), []
        match = _FINAL_PARENTHESIS.search(name)
        edition = False
        if match:
            qualifier = match.group(1).strip()
            name = name[: match.start()].strip()
            edition = is_edition(qualifier, row, country)
            if not edition:
                aliases.append(qualifier)
        if edition and name in editions:
            if editions[name]["country"] != country:
                editions[name]["country"] = None
            continue
        entity = {
            "id": f"fundus:{row['country_group']}/{row['publisher_key']}",
            "name": name,
            "aliases": aliases,
            "country": country,
            "prominence": PROMINENCE,
        }
        if edition:
            editions[name] = entity
        out.append(entity)
    return sorted(out, key=lambda entity: natural_key(entity["id"]))


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-fundus-publishers.yaml."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=f"flairNLP/fundus, commit {commit(data_dir, FOLDER)} (publisher definitions)",
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
    )
    return f"{count} entities"
