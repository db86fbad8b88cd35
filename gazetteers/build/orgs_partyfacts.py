"""Political parties: Party Facts' core parties that have an English Wikipedia page (January 2022).

wikipedia.csv gives the names and years, wikidata.csv the Wikidata id of each party. Aliases:
the short name (two characters or more, Latin script), the native name (Latin script) and the
Wikipedia title without its disambiguation. Parties sharing a Wikidata id (Party Facts lists
some twice) keep it for the lowest Party Facts id; the others get `partyfacts:<id>`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

import pycountry
from common import write_entity_file
from orgs_common import commit, natural_key, squash

FOLDER = "partyfacts-wikipedia"
OUT_FILE = "orgs-partyfacts.yaml"
DESCRIPTION = "Political parties (Party Facts core parties with an English Wikipedia page, January 2022)."
LICENSE = "MIT (Party Facts; cite Döring & Regel 2019); names from English Wikipedia and Wikidata"
ACTIVE_PROMINENCE = 0.45
DISSOLVED_PROMINENCE = 0.25
MIN_SHORT_NAME = 2  # one-letter short names ("V", "M") are no name to look for

_ENGLISH_WIKI = "//en.wikipedia.org/wiki/"
_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of one of the snapshot's CSV files."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def is_latin(text: str) -> bool:
    """True when every letter of `text` is a Latin one (there is at least one)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)


def wikipedia_title(url: str) -> str:
    """The English Wikipedia title a URL points to ('' for other wikis)."""
    if _ENGLISH_WIKI not in url:
        return ""
    return urllib.parse.unquote(url.split(_ENGLISH_WIKI, 1)[1]).replace("_", " ")


def country_code(alpha3: str) -> str | None:
    """ISO alpha-2 for Party Facts' ISO3 country (None for codes such as DDR or EUN)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per party, in id order."""
    folder = data_dir / FOLDER
    wikidata = {row["partyfacts_id"]: row["wikidata_id"] for row in read_csv(folder / "wikidata.csv")}
    used: set[str] = set()
    out: list[dict[str, Any]] = []
    for row in sorted(read_csv(folder / "wikipedia.csv"), key=lambda row: int(row["partyfacts_id"])):
        qid = wikidata.get(row["partyfacts_id"], "")
        entity_id = qid if qid and qid not in used else f"partyfacts:{row['partyfacts_id']}"
        used.add(qid)
        name = squash(row["name"])
        title = wikipedia_title(row["url"])
        short, native = squash(row["name_short"]), squash(row["name_native"])
        aliases: list[str] = []
        for alias in (
            short if len(short) >= MIN_SHORT_NAME and is_latin(short) else "",
            native if is_latin(native) else "",
            _DISAMBIGUATION.sub("", title),
        ):
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        out.append(
            {
                "id": entity_id,
                "name": name,
                "aliases": aliases,
                "country": country_code(row["country"]),
                "prominence": DISSOLVED_PROMINENCE if row["year_dissolved"] else ACTIVE_PROMINENCE,
                "wikipedia": title,
            }
        )
    out.sort(key=lambda entity: natural_key(entity["id"]))
    return out


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-partyfacts.yaml."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=(
            f"hdigital/partyfactsdata, commit {commit(data_dir, FOLDER)} "
            "(import/wikipedia/wikipedia.csv, wikidata.csv)"
        ),
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
        correct_to_aliases=False,
    )
    return f"{count} entities"
