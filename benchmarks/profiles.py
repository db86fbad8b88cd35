"""How much of everything a run measures: the full benchmark or the quick development subset."""

from __future__ import annotations

import os
from dataclasses import dataclass

from .sizes import FULL

__all__ = ["FULL_RUN", "PARTS", "QUICK_RUN", "Profile"]

#: The parts of a run `--only` can pick.
PARTS = (
    "sample_article",
    "gum_clean",
    "codespell",
    "earnings21",
    "corrupted_gum",
    "corrupted_templates",
    "speed",
)


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    #: GUM documents used (a seeded sample keeping dev and test); None: all 108.
    gum_documents: int | None
    #: Template sentences per name-error pair.
    sentences_per_pair: int
    #: Name-error pairs per file (a seeded sample); None: all.
    pairs: int | None
    #: Mentions broken per GUM document and error model.
    broken_per_document: int
    #: Most prominent entities per kind in the corrupted template sentences.
    entities_per_kind: int
    #: Most text any peer gets per dataset (on top of its own cap); None: no cap.
    peer_max_chars: int | None
    #: Most text a slow peer (one with its own cap: hunspell, spaczz) gets per dataset.
    slow_peer_max_chars: int | None
    #: Size of the speed corpus in bytes.
    speed_bytes: int
    #: Seconds each system may spend on the speed corpus at one gazetteer size.
    speed_budget: float
    #: Gazetteer sizes of the speed run (FULL = the bundle as it is).
    sizes: tuple[int, ...]
    #: Interpreter starts for the cold-start median.
    cold_start_runs: int
    #: Worker counts tried for `correct_many`.
    jobs: tuple[int, ...]
    #: Datasets run when `--only` is not given.
    parts: tuple[str, ...]
    #: Measure builds of namefix's compiled cache from empty (slow: a full compile each).
    cold_builds: bool


FULL_RUN = Profile(
    name="full",
    gum_documents=None,
    sentences_per_pair=2,
    pairs=None,
    broken_per_document=8,
    entities_per_kind=60,
    peer_max_chars=None,
    slow_peer_max_chars=None,
    speed_bytes=1_000_000,
    speed_budget=30.0,
    sizes=(10_000, 100_000, FULL, 1_000_000),
    cold_start_runs=5,
    jobs=tuple(sorted({1, 2, os.cpu_count() or 1})),
    parts=PARTS,
    cold_builds=True,
)

QUICK_RUN = Profile(
    name="quick",
    gum_documents=8,
    sentences_per_pair=1,
    pairs=40,
    broken_per_document=4,
    entities_per_kind=8,
    peer_max_chars=12_000,
    slow_peer_max_chars=3_000,
    speed_bytes=200_000,
    speed_budget=3.0,
    sizes=(FULL,),
    cold_start_runs=2,
    jobs=(1,),
    parts=tuple(part for part in PARTS if part != "earnings21"),
    cold_builds=False,
)
