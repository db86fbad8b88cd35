"""pyspellchecker: Norvig-style candidates over its English word list plus name words."""

from __future__ import annotations

import importlib.util

from ..names import GazetteerSetup
from .words import WordSystem, match_case, name_tokens

__all__ = ["SpellcheckerFactory"]

#: Edit distance of candidates. 2 is the library's default but costs seconds per long unknown
#: word (it spells out every string two edits away); 1 keeps a full run within budget.
DISTANCE = 1


class SpellcheckerFactory:
    name = "pyspellchecker"
    max_chars: int | None = None

    def unavailable(self) -> str | None:
        return None if importlib.util.find_spec("spellchecker") else "pyspellchecker is not installed"

    def build(self, setup: GazetteerSetup) -> WordSystem:
        from spellchecker import SpellChecker

        checker = SpellChecker(language="en", distance=DISTANCE)
        english_words = len(checker.word_frequency.dictionary)
        tokens = {token.lower() for token in name_tokens(setup.records)}
        checker.word_frequency.load_words(tokens)

        def suggest(word: str) -> str | None:
            lower = word.lower()
            if lower in checker:
                return None
            found = checker.correction(lower)
            return match_case(word, found) if found and found != lower else None

        detail = f"{english_words:,} English words + {len(tokens):,} name words, edit distance {DISTANCE}"
        return WordSystem(self.name, suggest, setup.size, detail)
