"""symspellpy: symmetric-delete word lookup over its English frequency list plus name words."""

from __future__ import annotations

import importlib.resources
import importlib.util

from ..names import GazetteerSetup
from .words import WordSystem, match_case, name_tokens

__all__ = ["SymspellFactory"]

#: Count given to each name word: a mid-frequency English word (the list's median is ~10^5).
NAME_COUNT = 100_000
MAX_EDIT_DISTANCE = 2


class SymspellFactory:
    name = "symspellpy"
    max_chars: int | None = None

    def unavailable(self) -> str | None:
        return None if importlib.util.find_spec("symspellpy") else "symspellpy is not installed"

    def build(self, setup: GazetteerSetup) -> WordSystem:
        from symspellpy import SymSpell, Verbosity

        checker = SymSpell(max_dictionary_edit_distance=MAX_EDIT_DISTANCE, prefix_length=7)
        english = importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
        checker.load_dictionary(str(english), term_index=0, count_index=1)
        english_words = len(checker.words)
        tokens = {token.lower() for token in name_tokens(setup.records)}
        for token in tokens:
            checker.create_dictionary_entry(token, NAME_COUNT)

        def suggest(word: str) -> str | None:
            lower = word.lower()
            if lower in checker.words:
                return None
            found = checker.lookup(lower, Verbosity.TOP, max_edit_distance=MAX_EDIT_DISTANCE)
            return match_case(word, found[0].term) if found else None

        detail = (
            f"{english_words:,} English words + {len(tokens):,} name words, edit distance {MAX_EDIT_DISTANCE}"
        )
        return WordSystem(self.name, suggest, setup.size, detail)
