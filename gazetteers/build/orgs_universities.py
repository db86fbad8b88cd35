"""Universities and colleges of the world from Hipo's university-domains-list.

The list has no alternative names; a final parenthesis gives two: an acronym in it
("Athens Graduate School of Management (AGSM)" -> "AGSM") and the name without it. Exact
duplicates (same name and country) are dropped. Ids are slugs of the name, with the country
code when the name is used in several countries and a number when one country has it twice.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import write_entity_file
from orgs_common import commit, natural_key, slug

FOLDER = "university-domains"
OUT_FILE = "orgs-university-domains.yaml"
DESCRIPTION = "Universities and colleges of the world."
LICENSE = "MIT"
PROMINENCE = 0.35
MAX_ACRONYM = 10  # "UNIFRANZ" is an acronym; "CORUNIVERSITARIA" is a word

_FINAL_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)$")
_LETTERS = re.compile(rf"[A-Za-z]{{2,{MAX_ACRONYM}}}")


def is_acronym(text: str) -> bool:
    """'AGSM', 'VolgGASU', 'IL': letters only, more capitals than lower case (not 'Stankin', 'Tirol')."""
    if not _LETTERS.fullmatch(text):
        return False
    return sum(char.isupper() for char in text) > sum(char.islower() for char in text)


def aliases_of(name: str) -> list[str]:
    """The acronym in a final parenthesis, then the name without that parenthesis."""
    match = _FINAL_PARENTHESIS.search(name)
    if not match:
        return []
    inner = match.group(1).strip()
    aliases = [inner] if is_acronym(inner) else []
    base = name[: match.start()].strip()
    if base:
        aliases.append(base)
    return aliases


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per distinct (name, country), in id order."""
    rows = json.loads((data_dir / FOLDER / "world_universities_and_domains.json").read_text(encoding="utf-8"))
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        key = (row["name"], row["alpha_two_code"])
        if key not in seen:
            seen.add(key)
            unique.append(row)
    countries: dict[str, set[str]] = defaultdict(set)
    for row in unique:
        countries[slug(row["name"])].add(row["alpha_two_code"])
    used: set[str] = set()
    out: list[dict[str, Any]] = []
    for row in unique:
        name = row["name"].strip()
        base = slug(name)
        entity_id = (
            f"univ:{base}" if len(countries[base]) == 1 else f"univ:{base}-{row['alpha_two_code'].lower()}"
        )
        if entity_id in used:
            number = 2
            while f"{entity_id}-{number}" in used:
                number += 1
            entity_id = f"{entity_id}-{number}"
        used.add(entity_id)
        out.append(
            {
                "id": entity_id,
                "name": name,
                "aliases": aliases_of(name),
                "country": row["alpha_two_code"],
                "prominence": PROMINENCE,
            }
        )
    out.sort(key=lambda entity: natural_key(entity["id"]))
    return out


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-university-domains.yaml."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=f"Hipo/university-domains-list, commit {commit(data_dir, FOLDER)}",
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
    )
    return f"{count} entities"
