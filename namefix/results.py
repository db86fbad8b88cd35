"""The values namefix hands back: entities, fixes and corrections.

All of them are frozen, slotted dataclasses holding offsets into the *original* text, so a
caller can re-threshold or replay fixes (`apply_fixes`) without matching again.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["KINDS", "Correction", "Entity", "Fix", "Reason", "apply_fixes"]

#: The kinds of entity a gazetteer may hold.
KINDS = ("person", "place", "org", "demonym", "other")


class Reason(str, enum.Enum):
    """Why a span was rewritten: the kind of damage namefix recognised."""

    FUZZY = "fuzzy"  # letters wrong (typo, respelling, truncation)
    PHONETIC = "phonetic"  # spelled as it sounds
    JOINED = "joined"  # words of one name run together: "Marcorubio"
    GLUED = "glued"  # a name run into a neighbouring word: "JournalVance"
    SPLIT = "split"  # one word of a name split by a stray space: "Zelen sky"
    CASE = "case"  # only the letter case is wrong: "jd vance"
    OCR = "ocr"  # optical character confusions: "rn" for "m", "0" for "O"
    CONTEXT = "context"  # the document or a title decided it: surname-only "Hegus"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Entity:
    """A known person, place, organisation, demonym or other proper name."""

    id: str
    name: str
    kind: str
    country: str | None = None
    prominence: float = 0.3
    wikipedia: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}, {self.id})"


@dataclass(frozen=True, slots=True)
class Fix:
    """One rewrite: `original[start:end]` becomes `replacement`.

    `confidence` is calibrated: of fixes reported at 0.9, about nine in ten are right.
    """

    start: int
    end: int
    original: str
    replacement: str
    confidence: float
    entity: Entity
    reason: Reason

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")

    def __str__(self) -> str:
        return (
            f"{self.start}:{self.end} {self.original!r} -> {self.replacement!r} "
            f"({self.confidence:.2f}, {self.reason}, {self.entity.name} [{self.entity.id}])"
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """The corrected text, the original, and the fixes that lead from one to the other."""

    original: str
    text: str
    fixes: tuple[Fix, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        """True when something was fixed."""
        return bool(self.fixes)

    def explain(self) -> str:
        """One line per fix, in text order; an empty string when nothing was fixed."""
        return "\n".join(str(fix) for fix in self.fixes)

    def above(self, min_confidence: float) -> Correction:
        """The same correction keeping only fixes at or above `min_confidence`."""
        kept = tuple(fix for fix in self.fixes if fix.confidence >= min_confidence)
        return Correction(self.original, apply_fixes(self.original, kept), kept)


def apply_fixes(original: str, fixes: Iterable[Fix]) -> str:
    """Splice `fixes` into `original`; text outside them is kept byte for byte.

    Fixes may come in any order but must not overlap and must match the text they replace.
    """
    if not isinstance(original, str):
        raise TypeError(f"original must be str, not {type(original).__name__}")
    ordered = sorted(fixes, key=lambda fix: (fix.start, fix.end))
    pieces: list[str] = []
    position = 0
    for fix in ordered:
        if fix.start < position:
            raise ValueError(f"fixes overlap at offset {fix.start}")
        if original[fix.start : fix.end] != fix.original:
            raise ValueError(f"fix {fix.original!r} does not match the text at {fix.start}:{fix.end}")
        pieces.append(original[position : fix.start])
        pieces.append(fix.replacement)
        position = fix.end
    pieces.append(original[position:])
    return "".join(pieces)
