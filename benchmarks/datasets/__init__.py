"""One loader per dataset; each returns a `Dataset` naming its source and licence.

Texts from elsewhere are read from the data directory at run time and never copied into the
repository; what the repository holds are these loaders, our own annotations and sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..documents import Document
from ..names import GazetteerSetup

__all__ = ["Dataset"]


@dataclass(frozen=True)
class Dataset:
    """Documents to correct, the gazetteer setup to correct them with, and their provenance."""

    name: str
    title: str
    source: str
    license: str
    setup: GazetteerSetup
    documents: tuple[Document, ...] = field(repr=False)
    notes: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        """True when the dataset has broken names to find (P/R apply), not only clean text."""
        return any(document.golds for document in self.documents)
