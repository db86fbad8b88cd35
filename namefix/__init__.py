"""namefix: repair misspelled and garbled proper names in running text.

    >>> import namefix
    >>> result = namefix.correct("Defense Secretary Pete Hegses met Marcorubio.")
    >>> result.text
    'Defense Secretary Pete Hegseth met Marco Rubio.'

`correct` uses a corrector on the bundled gazetteer, built on first use and shared; build a
`Corrector` for your own gazetteer files or settings.
"""

from __future__ import annotations

from functools import lru_cache

from .batch import correct_many
from .config import Config
from .corrector import Corrector
from .errors import GazetteerError, NamefixError
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .results import Correction, Entity, Fix, Reason, apply_fixes

__all__ = [
    "Config",
    "Correction",
    "Corrector",
    "Entity",
    "Fix",
    "Gazetteer",
    "GazetteerError",
    "NamefixError",
    "Reason",
    "apply_fixes",
    "correct",
    "correct_many",
    "default_corrector",
    "default_gazetteer",
    "load_gazetteer",
    "lookup",
]

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def default_corrector() -> Corrector:
    """The corrector `correct` uses: the bundled gazetteer, default settings."""
    return Corrector()


def correct(text: str, *, min_confidence: float | None = None) -> Correction:
    """Fix broken names in `text` against the bundled gazetteer.

    Fixes below `min_confidence` (default: `Config.min_confidence`) are left out.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return default_corrector().correct(text, min_confidence=min_confidence)


def lookup(name: str) -> Entity | None:
    """The entity a correct spelling names in the bundled gazetteer, or None.

    Case, accents, spaces and hyphens are ignored: "lodz" names Łódź.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be str, not {type(name).__name__}")
    return default_gazetteer().lookup(name)
