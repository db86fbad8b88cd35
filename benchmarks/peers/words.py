"""What the word-level spell-checker peers share: tokens, case transfer, a memo per word.

A spell checker looks at one word at a time: a word it knows stays, an unknown word is
replaced by its first suggestion. Suggestions are memoised per word (a user correcting a
corpus would do the same), so a repeated word costs one dict lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..names import NameRecord
from ..system import Edit

__all__ = ["WORD", "WordSystem", "match_case", "name_tokens"]

#: A word: letters, with inner apostrophes ("O'Brien", "don't"); digits and "_" split words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

Suggest = Callable[[str], "str | None"]


def name_tokens(records: Iterable[NameRecord]) -> set[str]:
    """Every word of every spelling of the records (the names given to a word-level peer)."""
    return {token for record in records for spelling in record.spellings for token in WORD.findall(spelling)}


def match_case(word: str, suggestion: str) -> str:
    """The suggestion cased like the word it replaces (spell checkers work in lower case)."""
    if len(word) > 1 and word.isupper():
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


class WordSystem:
    """A peer that replaces each unknown word by its checker's first suggestion."""

    def __init__(self, name: str, suggest: Suggest, names_seen: int, detail: str) -> None:
        self.name = name
        self.names_seen = names_seen
        self.detail = detail
        self._suggest = suggest
        self._memo: dict[str, str | None] = {}

    def correct(self, text: str) -> list[Edit]:
        edits = []
        for match in WORD.finditer(text):
            word = match.group()
            if len(word) < 2:
                continue
            if word not in self._memo:
                self._memo[word] = self._suggest(word)
            new = self._memo[word]
            if new is not None and new != word:
                edits.append(Edit(match.start(), match.end(), word, new))
        return edits

    def close(self) -> None:
        pass
