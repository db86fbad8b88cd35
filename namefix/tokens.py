"""Words and their offsets: the only tokenisation namefix uses, for text and gazetteer alike."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, overload

__all__ = ["LOWER", "MIXED", "OTHER", "TITLE", "UPPER", "WORD", "Token", "TokenList", "shape", "tokenize"]

# A word is a run of letters and digits, combining marks included ("é" written as e + ◌́).
# Written so that the common case (no combining marks) is one fast character class.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD = re.compile(rf"[^\W_]+(?:[{_MARKS}]+[^\W_]*)*|[{_MARKS}]+(?:[^\W_]+[{_MARKS}]*)*")

LOWER, TITLE, UPPER, MIXED, OTHER = "lower", "title", "upper", "mixed", "other"


class Token(NamedTuple):
    """One word of a text: `text == source[start:end]`."""

    text: str
    start: int
    end: int


class TokenList(Sequence[Token]):
    """The words of a text with their offsets, made into `Token`s only when looked at.

    Most words of a text are never looked at again once classified, so building a tuple for
    each would cost more than finding them.
    """

    __slots__ = ("_starts", "_words")

    def __init__(self, words: list[str], starts: list[int]) -> None:
        self._words = words
        self._starts = starts

    @classmethod
    def find(cls, text: str, start: int, end: int, words: list[str]) -> TokenList:
        """`words` (as `WORD.findall(text, start, end)` gave them) with their offsets."""
        return cls(words, list(map(re.Match.start, WORD.finditer(text, start, end))))

    def __len__(self) -> int:
        return len(self._words)

    def gap(self, text: str, index: int) -> str:
        """The text between word `index` and the next one."""
        return text[self._starts[index] + len(self._words[index]) : self._starts[index + 1]]

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._words)))]
        word = self._words[index]
        start = self._starts[index]
        return Token(word, start, start + len(word))


def tokenize(text: str) -> list[Token]:
    """The words of `text` in order."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def shape(word: str) -> str:
    """The letter-case pattern of a word: lower, title, upper, mixed, or other (no letters)."""
    if word.islower():
        return LOWER
    if word.isupper():
        return UPPER if len(word) > 1 or not word.isalpha() else TITLE
    if word.istitle():
        return TITLE
    if any(ch.isalpha() for ch in word):
        return MIXED
    return OTHER
