"""flashtext: exact replacement of every known alias by its canonical name (the speed reference).

It cannot repair a misspelling it has not been given; it is here to show what exact lookup
costs and what rewriting valid aliases ("Kiev" -> "Kyiv") does to clean text.
"""

from __future__ import annotations

import importlib.util

from ..names import GazetteerSetup
from ..system import Edit

__all__ = ["FlashtextFactory"]


class FlashtextSystem:
    name = "flashtext"

    def __init__(self, processor: object, names_seen: int, detail: str) -> None:
        self._processor = processor
        self.names_seen = names_seen
        self.detail = detail

    def correct(self, text: str) -> list[Edit]:
        found = self._processor.extract_keywords(text, span_info=True)  # type: ignore[attr-defined]
        return [
            Edit(start, end, text[start:end], canonical)
            for canonical, start, end in found
            if text[start:end] != canonical
        ]

    def close(self) -> None:
        pass


class FlashtextFactory:
    name = "flashtext"
    max_chars: int | None = None

    def unavailable(self) -> str | None:
        return None if importlib.util.find_spec("flashtext") else "flashtext is not installed"

    def build(self, setup: GazetteerSetup) -> FlashtextSystem:
        from flashtext import KeywordProcessor

        processor = KeywordProcessor(case_sensitive=True)
        aliases = 0
        for record in setup.records:
            for alias in record.aliases:
                if alias != record.name:
                    processor.add_keyword(alias, record.name)
                    aliases += 1
        detail = f"{aliases:,} aliases -> canonical names, case-sensitive"
        return FlashtextSystem(processor, setup.size, detail)
