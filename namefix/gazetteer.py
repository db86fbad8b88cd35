"""Gazetteers as users see them: the bundled one, their own files, or both.

A `Gazetteer` is a list of YAML files compiled into an `Index`. Loading validates every file
first, so a broken file raises `GazetteerError` and nothing of it is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from .cache import compiled_index
from .index import Index
from .phonetic import joined_key
from .results import Entity
from .schema import (
    EntityRecord,
    Origin,
    bundled_entity_files,
    bundled_lexicon_dir,
    expand_paths,
)

__all__ = ["Gazetteer", "default_gazetteer", "load_gazetteer"]

GazetteerPaths = str | Path | Iterable[str | Path]


class Gazetteer:
    """Known entities and every valid spelling of them, compiled for fast lookup."""

    def __init__(self, files: Iterable[Path], *, lexicons: bool = True) -> None:
        self.files = tuple(files)
        self.lexicon_dir = bundled_lexicon_dir() if lexicons else None
        self.index: Index = compiled_index(self.files, self.lexicon_dir)

    def __len__(self) -> int:
        return len(self.index)

    def __iter__(self) -> Iterator[EntityRecord]:
        return self.index.records()

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self):,} entities from {len(self.files)} files>"

    @property
    def stats(self) -> dict[str, int]:
        """Counts of entities by kind, spellings, words and lexicon entries."""
        return dict(self.index.stats)

    def lookup(self, name: str) -> Entity | None:
        """The entity a correct spelling names (case, accents, spaces and hyphens ignored).

        Listed spellings win over derived ones (a surname alone), then prominence decides:
        "Paris" is the French capital, not Paris, Texas.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be str, not {type(name).__name__}")
        joined = joined_key(name)
        if not joined:
            return None
        rows = self.index.aliases_by_joined(joined)
        if not rows:
            return None
        best = min(rows, key=lambda row: (row.origin >= Origin.SHORT, -row.prominence, row.entity))
        return self.index.entity(best.entity).entity


def load_gazetteer(
    paths: GazetteerPaths | None = None, *, include_default: bool = True, lexicons: bool = True
) -> Gazetteer:
    """A gazetteer of the bundled files (unless `include_default=False`) plus `paths`.

    `paths` are YAML files or folders of them. `lexicons=False` leaves out the English word
    and name lists that guard precision (not recommended).
    """
    files: list[Path] = list(bundled_entity_files()) if include_default else []
    if paths is not None:
        files += expand_paths(paths)
    if not files:
        raise ValueError("no gazetteer files: give paths or include the default gazetteer")
    return Gazetteer(files, lexicons=lexicons)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer, compiled on first use and shared afterwards."""
    return load_gazetteer()
