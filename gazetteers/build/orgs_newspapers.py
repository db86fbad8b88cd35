"""US newspapers from English Wikipedia's "List of newspapers in <state>" pages (hearvox's table).

A paper is keyed by its Wikidata id, else its Wikipedia title, else state and name; a paper
listed in several states (or twice) is kept once, as first listed. The name is the list's link
text (entities as the table has them) with list-style inversion undone ("Voice, The" -> "The
Voice") and the disambiguation removed; the Wikipedia title is an alias where it differs.
"""

from __future__ import annotations

import csv
import re
import urllib.parse
from pathlib import Path
from typing import Any

from common import write_entity_file
from orgs_common import commit, natural_key, slug

FOLDER = "us-newspapers-wikipedia"
OUT_FILE = "orgs-us-newspapers-wikipedia.yaml"
DESCRIPTION = "US newspapers from Wikipedia's 'List of newspapers in <state>' pages."
LICENSE = "CC0 1.0"
WITH_PAGE_PROMINENCE = 0.3
WITHOUT_PAGE_PROMINENCE = 0.25

_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)\s*$")
# Articles a list puts after the title: "Apopka Voice, The", "Prensa, La".
_INVERTED = re.compile(r"^(.*), (The|A|El|La|Los|Las|Le)$")


def display_name(title: str) -> str:
    """'Wallace Enterprise, The' -> 'The Wallace Enterprise'; 'The Beacon (Kansas City)' -> 'The Beacon'."""
    title = _DISAMBIGUATION.sub("", title)
    match = _INVERTED.match(title)
    return f"{match.group(2)} {match.group(1)}" if match else title


def page_title(path: str) -> str:
    """'/wiki/Green_Valley_News_%26_Sun' -> 'Green Valley News & Sun' ('' without a page)."""
    if not path.startswith("/wiki/"):
        return ""
    return urllib.parse.unquote(path[len("/wiki/") :]).replace("_", " ")


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per paper, in id order."""
    with (data_dir / FOLDER / "wikipedia-us-newspapers.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    papers: dict[str, dict[str, Any]] = {}
    for row in rows:
        row = {key: (value or "").strip() for key, value in row.items()}
        name = display_name(row["WP-title"])
        title = page_title(row["path"])
        if row["qid"]:
            entity_id = row["qid"]
        elif title:
            entity_id = f"wikipedia:{title}"
        else:
            entity_id = f"us-newspaper:{slug(row['state'])}/{slug(name)}"
        if entity_id in papers:
            continue
        # The link text keeps the list's HTML entities ("Journal &amp; Courier"); the title has none.
        aliases = [display_name(title)] if title and display_name(title) != name else []
        papers[entity_id] = {
            "id": entity_id,
            "name": name,
            "aliases": aliases,
            "country": "US",
            "prominence": WITH_PAGE_PROMINENCE if title else WITHOUT_PAGE_PROMINENCE,
            "wikipedia": title,
        }
    return sorted(papers.values(), key=lambda entity: natural_key(entity["id"]))


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-us-newspapers-wikipedia.yaml."""
    source = (
        f"hearvox/wiki-media-cred, commit {commit(data_dir, FOLDER)} "
        "(data/wikipedia-us-newspapers.tsv, May 2023)"
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
