"""Entities designated under OFAC's counter-terrorism programs, with their alternate names.

OFAC writes every name in capitals. A short name of one word is an acronym as written
("HAMAS", "ETA", "PFLP-GC"); otherwise words become proper case, except initialisms,
words without a vowel ("JSC", "GMBH", "SDB") and capitals opening a parenthesis ("(PASDARAN)").
The list states a government decision, not a fact about a group: the names serve as spellings.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import write_entity_file
from orgs_casing import proper_case
from orgs_common import commit, squash

FOLDER = "ofac-sdn-terrorism"
OUT_FILE = "orgs-ofac-sdn-terrorism.yaml"
DESCRIPTION = (
    "Entities designated under SDGT, FTO or SDT, with their alternate names. "
    "A designation is a government decision; the names are used as spellings only."
)
LICENSE = "Public domain (U.S. government data)"
PROMINENCE = 0.5
ACRONYM_LETTERS = 6  # a one-word name of at most this many letters is an acronym: "HAMAS", "KAHANE"

# "a.k.a. 'GIA'" and "f.k.a. 'SOFTLINE'" in the remarks: further names of the entity.
_REMARK_NAME = re.compile(r"[a-z]\.k\.a\. '([^']*)'")
_VOWELLESS = re.compile(r"[B-DF-HJ-NP-TV-XZ0-9/&]+")
_OPENING_CAPITALS = re.compile(r"\([A-Z.]+\)?")
_LOWER = re.compile(r"[a-z]")


def keep_capitals(token: str) -> bool:
    """Words OFAC's capitals do not hide: no vowel ("JSC", "M/S", "3G") or a parenthesis opening ("(FIF)")."""
    return bool(_VOWELLESS.fullmatch(token) or _OPENING_CAPITALS.fullmatch(token))


def case_name(name: str) -> str:
    """An OFAC name in proper case: 'ARMED ISLAMIC GROUP' -> 'Armed Islamic Group', 'HAMAS' stays."""
    name = squash(name)
    if " " not in name and len(re.sub(r"[^A-Za-z]", "", name)) <= ACRONYM_LETTERS:
        return name
    return proper_case(name, keep_capitals)


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of one of the snapshot's CSV files."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per designated entity, in ent_num order; alternate names, then names in the remarks."""
    folder = data_dir / FOLDER
    alternates: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(folder / "sdn-terrorism-aliases.csv"):
        # Mixed case marks a person's name filed under the entity ("ZUMAR, Abbud"), not its name.
        if not _LOWER.search(row["alt_name"]):
            alternates[row["ent_num"]].append(row["alt_name"])
    out: list[dict[str, Any]] = []
    for row in read_csv(folder / "sdn-terrorism-entities.csv"):
        name = case_name(row["sdn_name"])
        aliases: list[str] = []
        for raw in alternates[row["ent_num"]] + _REMARK_NAME.findall(row["remarks"]):
            alias = case_name(raw)
            if alias != name and alias not in aliases:
                aliases.append(alias)
        out.append(
            {"id": f"ofac:{row['ent_num']}", "name": name, "aliases": aliases, "prominence": PROMINENCE}
        )
    out.sort(key=lambda entity: int(entity["id"].partition(":")[2]))
    return out


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-ofac-sdn-terrorism.yaml."""
    source = (
        "OFAC SDN list (sdn.csv, alt.csv, late January 2022) via edu777art/ListLookup, "
        f"commit {commit(data_dir, FOLDER)}"
    )
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=source,
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
    )
    return f"{count} entities"
