"""Settings of a `Corrector`: one frozen object with documented defaults.

Make variants with `dataclasses.replace(config, min_confidence=0.5)`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .results import KINDS
from .weights import DEFAULT_MIN_CONFIDENCE

__all__ = ["DEFAULT_MIN_CONFIDENCE", "Config"]


@dataclass(frozen=True, slots=True)
class Config:
    """How eager a `Corrector` is and which evidence it may use."""

    #: Fixes below this calibrated confidence are not applied (nor reported).
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    #: Let titles and roles before a name ("Defense Secretary …") support a match.
    use_context: bool = True
    #: Let the rest of the document support a match (a surname after the full name).
    use_document: bool = True
    #: Kinds of entity the corrector may correct *to* (all of them are still protected).
    kinds: frozenset[str] = frozenset(KINDS)
    #: The longest mention considered, in words.
    max_mention_words: int = 6

    def __post_init__(self) -> None:
        if isinstance(self.min_confidence, bool) or not isinstance(self.min_confidence, (int, float)):
            raise TypeError("min_confidence must be a number")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be in [0, 1], not {self.min_confidence}")
        for name in ("use_context", "use_document"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be a bool")
        if not isinstance(self.kinds, frozenset):
            object.__setattr__(self, "kinds", frozenset(self.kinds))
        unknown = self.kinds - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
        if not isinstance(self.max_mention_words, int) or self.max_mention_words < 1:
            raise ValueError("max_mention_words must be a positive int")

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))
