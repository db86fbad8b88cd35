"""Words and their offsets: the only tokenisation namefix uses, for text and gazetteer alike."""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Token", "WORD", "tokenize", "shape", "LOWER", "TITLE", "UPPER", "MIXED", "OTHER"]

# A word is a run of letters and digits, combining marks included ("é" written as e + ◌́).
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F])+")

LOWER, TITLE, UPPER, MIXED, OTHER = "lower", "title", "upper", "mixed", "other"


class Token(NamedTuple):
    """One word of a text: `text == source[start:end]`."""

    text: str
    start: int
    end: int


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
