"""ASCII folding, lookup keys and phonetic codes, guarding jellyfish's edge cases.

Every comparison in namefix goes through these functions, so that "Łódź", "Lodz" and "LODZ"
meet on the same key, and phonetic codes are only ever computed on plain ASCII letters
(`jellyfish.nysiis("Müller")` keeps the Ü; `match_rating_codex("O'Brien")` raises).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jellyfish

__all__ = ["deletes", "fold", "is_latin", "joined_key", "key", "phonetic_codes"]

# Letters that Unicode does not decompose into a base letter plus marks.
_SPECIAL = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
        "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
        "ı": "i", "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ĸ": "k", "ŉ": "n",
        "’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-",
    }
)  # fmt: skip
_NOT_KEY = re.compile(r"[\W_]+")
_NOT_ASCII_LETTER = re.compile(r"[^a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """`text` without diacritics: "Władysław Kosiniak-Kamysz" -> "Wladyslaw Kosiniak-Kamysz"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(text: str) -> str:
    """The case- and accent-free form of one word, used to look it up."""
    return fold(text).casefold()


def joined_key(text: str) -> str:
    """A whole name with case, accents, spaces, hyphens and apostrophes removed.

    "Marco Rubio", "MarcoRubio" and "marco-rubio" all give "marcorubio".
    """
    return _NOT_KEY.sub("", fold(text).casefold())


def is_latin(text: str) -> bool:
    """True when every letter of `text` is a Latin letter (diacritics allowed)."""
    for ch in text:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "") or ch.isascii()):
            return False
    return True


@lru_cache(maxsize=65536)
def phonetic_codes(word: str) -> tuple[str, ...]:
    """Metaphone and NYSIIS codes of one word; empty codes are dropped.

    Non-Latin words give no codes at all, rather than all sharing the empty code.
    """
    letters = _NOT_ASCII_LETTER.sub("", fold(word).lower())
    if len(letters) < 2:
        return ()
    codes = []
    metaphone = jellyfish.metaphone(letters)
    if metaphone:
        codes.append("m" + metaphone)
    nysiis = jellyfish.nysiis(letters)
    if nysiis:
        codes.append("n" + nysiis)
    return tuple(codes)


def deletes(word: str) -> set[str]:
    """The word and every string one deletion away (symmetric-delete keys)."""
    variants = {word}
    for i in range(len(word)):
        variants.add(word[:i] + word[i + 1 :])
    return variants
