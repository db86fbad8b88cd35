"""namefix seen through the benchmark's `System` interface.

It runs at `min_confidence=0.0` so that one run gives every fix with its confidence: the
tables keep fixes at the default threshold (what `Correction.above(default)` keeps), the
precision-recall curve and the calibration use them all.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from .names import GazetteerSetup
from .system import Edit

__all__ = ["NamefixFactory", "NamefixSystem", "default_threshold", "edit_from_fix"]

FALLBACK_THRESHOLD = 0.5


def default_threshold() -> float:
    """namefix's default `min_confidence` (the point marked on the PR curve)."""
    try:
        import namefix

        return float(namefix.Config().min_confidence)
    except (ImportError, AttributeError):
        return FALLBACK_THRESHOLD


def edit_from_fix(fix: Any) -> Edit:
    """A `namefix.Fix` as an `Edit`."""
    return Edit(
        fix.start,
        fix.end,
        fix.original,
        fix.replacement,
        fix.confidence,
        fix.entity.id,
        fix.entity.wikipedia,
        str(fix.reason),
    )


class NamefixSystem:
    """A `namefix.Corrector` (or `namefix.correct`) built for one gazetteer setup."""

    name = "namefix"

    def __init__(self, correct: Callable[..., Any], names_seen: int, detail: str) -> None:
        self._correct = correct
        self.names_seen = names_seen
        self.detail = detail

    def correct(self, text: str) -> list[Edit]:
        return [edit_from_fix(fix) for fix in self._correct(text, min_confidence=0.0).fixes]

    def close(self) -> None:
        pass


class NamefixFactory:
    name = "namefix"
    max_chars: int | None = None

    def unavailable(self) -> str | None:
        try:
            importlib.import_module("namefix")
        except ImportError as error:
            return f"namefix does not import: {error}"
        return None

    def build(self, setup: GazetteerSetup) -> NamefixSystem:
        import namefix

        corrector_class = getattr(namefix, "Corrector", None)
        if corrector_class is None:
            detail = "namefix.Corrector missing: namefix.correct with its default gazetteer"
            return NamefixSystem(namefix.correct, setup.size, detail)
        gazetteer = [str(path) for path in setup.paths] or None
        corrector = corrector_class(gazetteer, include_default=setup.include_default)
        return NamefixSystem(corrector.correct, setup.size, setup.label)
