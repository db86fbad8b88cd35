"""Gazetteers of chosen sizes for the speed run: subsets of the bundle, or the bundle grown
with synthetic entities.

A subset keeps the most prominent entities (what a user trimming the gazetteer would keep)
and is loaded with `include_default=False`; a larger size loads the bundle plus a file of
synthetic entities.
"""

from __future__ import annotations

from pathlib import Path

from .names import GazetteerSetup, most_prominent, read_records, write_gazetteer
from .synthetic import write_synthetic

__all__ = ["FULL", "label_of", "sized_setup"]

#: Stands for "the bundled gazetteer as it is" in a list of sizes.
FULL = 0


def label_of(size: int, full: int) -> str:
    """ "10k", "1M", or "full (312,404)"."""
    if size == FULL:
        return f"full ({full:,})"
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    if size % 1000 == 0:
        return f"{size // 1000}k"
    return f"{size:,}"


def sized_setup(bundled: GazetteerSetup, size: int, workdir: Path, seed: int) -> GazetteerSetup:
    """A gazetteer setup of `size` entities (FULL: the bundle itself)."""
    label = label_of(size, bundled.size)
    if size == FULL or size == bundled.size:
        return bundled
    if size < bundled.size:
        path = write_gazetteer(
            workdir / f"subset-{size}.yaml",
            most_prominent(bundled.records, size),
            source="namefix benchmark: most prominent entities of the bundled gazetteer",
            license="see gazetteers/SOURCES.md",
        )
        return GazetteerSetup(label, (path,), False, read_records([path]))
    path = workdir / f"synthetic-{size}.yaml"
    synthetic = write_synthetic(path, size - bundled.size, seed)
    return GazetteerSetup(label, (path,), True, [*bundled.records, *synthetic])
