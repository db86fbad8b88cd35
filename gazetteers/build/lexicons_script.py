"""Which strings count as Latin-script words, for every lexicon builder.

One definition, so that wordfreq words, dictionary words and names from other countries are
all kept or dropped by the same test: namefix's lexicons describe Latin-script text, and a
Greek "α" or a Cyrillic "а" hidden inside "Baаtar" must not slip in.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def is_latin_letter(char: str) -> bool:
    """True for a letter of the Latin script (any accent precomposed: "é", "ł", "ə")."""
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def is_latin_word(text: str) -> bool:
    """True when `text` is one word as namefix reads it: Latin letters only, nothing else.

    namefix cuts words at apostrophes and hyphens, so "don't" or "after-ski" is never one
    word; combining marks, digits and other scripts make a string no word of this list.
    """
    return bool(text) and all(is_latin_letter(char) for char in text)


def is_latin_name(text: str, joiners: str = " -'") -> bool:
    """True when `text` is Latin letters, possibly joined by spaces, hyphens or apostrophes.

    Names keep their joiners ("O'Brien", "Ji-woo", "De Vries"); anything else ("Huỳnh/Hoàng",
    a combining mark, another script) means the romanisation is not a plain Latin name.
    """
    return any(char.isalpha() for char in text) and all(
        is_latin_letter(char) or char in joiners for char in text
    )
