"""What every corrector under test looks like to the benchmark: namefix and each peer.

A `SystemFactory` builds a `System` for one gazetteer setup (the same names for everyone);
a `System` turns a text into `Edit`s, offsets into that text. Metrics only see `Edit`s, so a
peer that returns new text and one that returns spans are scored the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from .names import GazetteerSetup

__all__ = ["Edit", "System", "SystemFactory", "edits_from_replacements"]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change a system made: `text[start:end]` (== `original`) became `replacement`.

    `confidence` is None for systems that do not give one (no calibration or PR curve then).
    """

    start: int
    end: int
    original: str
    replacement: str
    confidence: float | None = None
    entity_id: str | None = None
    wikipedia: str | None = None
    reason: str | None = None


class System(Protocol):
    """A corrector ready to run: built once per gazetteer setup, then called per text."""

    name: str
    #: How many entities' names this system was given (after any cap).
    names_seen: int
    #: What else it was given or how it was limited, for the report ("+ 82,765 English words").
    detail: str

    def correct(self, text: str) -> list[Edit]: ...

    def close(self) -> None:
        """Release outside resources (a subprocess); a no-op for most systems."""
        ...


class SystemFactory(Protocol):
    """Builds a `System` for a gazetteer setup; says why it cannot when it is not installed."""

    name: str
    #: The most text (characters) per dataset and per speed run it can afford; None: no cap.
    max_chars: int | None

    def unavailable(self) -> str | None:
        """None when the system can run here, else a one-line reason (shown in the report)."""
        ...

    def build(self, setup: GazetteerSetup) -> System: ...


def edits_from_replacements(text: str, replacements: Iterable[tuple[int, int, str]]) -> list[Edit]:
    """`Edit`s for (start, end, new text) triples, dropping those that change nothing."""
    return [
        Edit(start, end, text[start:end], new) for start, end, new in replacements if text[start:end] != new
    ]
