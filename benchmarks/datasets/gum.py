"""GUM: clean, correctly spelled English with mentions linked to Wikipedia titles.

Read from <data>/gum at run time. Each document is corrected whole (one call per document,
as a user would correct an article), so namefix may use the rest of the document as evidence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..documents import Document
from ..names import GazetteerSetup
from . import Dataset

__all__ = ["GumDocument", "Mention", "clean", "read"]

SOURCE = "GUM corpus (amir-zeldes/gum), genres with permissive licences, <data>/gum"
LICENSE = (
    "texts CC BY 2.5 (Wikinews), CC BY-SA 3.0 (Wikipedia, Wikivoyage), CC BY 4.0 (academic, "
    "court); annotations CC BY 4.0 (see gum/LICENSE.txt; Zeldes 2017)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A linked mention: its span, text, type (person, place …) and Wikipedia title."""

    start: int
    end: int
    text: str
    type: str
    identity: str | None


@dataclass(frozen=True, slots=True)
class GumDocument:
    id: str
    split: str
    genre: str
    license: str
    text: str
    mentions: tuple[Mention, ...]


def read(directory: Path) -> list[GumDocument]:
    """All GUM documents with their split (dev/test), in file order."""
    split = json.loads((directory / "split.json").read_text(encoding="utf-8"))
    split_of = {doc: name for name, docs in split.items() for doc in docs}
    documents = []
    with (directory / "gum_linked_entities.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            raw = json.loads(line)
            mentions = tuple(
                Mention(m["start"], m["end"], m["text"], m["type"], m.get("identity"))
                for m in raw["mentions"]
            )
            documents.append(
                GumDocument(
                    raw["doc"],
                    split_of.get(raw["doc"], "unsplit"),
                    raw["genre"],
                    raw["license"],
                    raw["text"],
                    mentions,
                )
            )
    return documents


def clean(documents: list[GumDocument], setup: GazetteerSetup) -> Dataset:
    """GUM as it is: every change is a false fix, reported per split."""
    return Dataset(
        name="gum_clean",
        title="GUM clean text (false fixes), whole documents",
        source=SOURCE,
        license=LICENSE,
        setup=setup,
        documents=tuple(
            Document(id=doc.id, text=doc.text, group=doc.split, clean=True, split=doc.split)
            for doc in documents
        ),
        notes=("each document is corrected in one call (whole documents, not paragraphs)",),
    )
