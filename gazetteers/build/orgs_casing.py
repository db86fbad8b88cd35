"""Proper case for organisation names that a register writes in capitals (EDGAR, OFAC).

"JPMORGAN CHASE & CO" and "HARAKAT UL-MUJAHIDEEN" are not how a text writes these names, and
a gazetteer spelling in capitals would never match running text. Both registers share the
mechanics here (small words, initialisms, hyphens, slashes, elisions, "Mc"); which capitalised
words are acronyms to keep is the caller's call, as the two registers differ in what their
capitals mean.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words written in lower case inside a name: English, and the Romance articles, prepositions and
# conjunctions of the registers' foreign names ("Ejercito de Liberacion Nacional", "Banco do
# Brasil", "Trustco Bank Corp N y", "Harakat Ul-Jihad e Islami").
SMALL_WORDS = frozenset(
    {
        "a",
        "and",
        "at",
        "de",
        "del",
        "des",
        "do",
        "du",
        "e",
        "el",
        "for",
        "i",
        "in",
        "la",
        "le",
        "of",
        "on",
        "the",
        "to",
        "with",
        "y",
    }
)
# Initialisms with full stops: "S.A.", "E.V.", "C.V", "U.S.", "L.T.D.", and "CO.," before a comma.
_INITIALISM = re.compile(r"(?:[A-Z]{1,2}\.)+[A-Z]{0,2}")
# Elided articles whose next letter starts the word: "L'Ouganda", "D'Awa" (not "I'tilaf").
_ELISION = re.compile(r"[DLdl]'[A-Za-z]")
_MC = re.compile(r"Mc[a-z]")


def is_initialism(token: str) -> bool:
    """True for "S.A.", "E.V.", "C.V" or "CO.," (one final full stop or comma aside)."""
    stem = token[:-1] if token[-1:] in (".", ",") else token
    return bool(_INITIALISM.fullmatch(stem))


def capitalise_piece(piece: str) -> str:
    """'MCDONALDS' -> 'McDonalds', "L'OUGANDA" -> "L'Ouganda", "QA'IDA" -> "Qa'ida", '(OFF' -> '(off'."""
    if _ELISION.match(piece):
        return piece[:2].upper() + piece[2:].capitalize()
    text = piece.capitalize()
    if _MC.match(text):
        text = "Mc" + text[2].upper() + text[3:]
    return text


def capitalise_token(token: str, first: bool) -> str:
    """One word in proper case: slash parts may be small words ("Syria/the"), hyphen parts are capitalised."""
    parts = []
    for index, part in enumerate(token.split("/")):
        if not (first and index == 0) and part.lower() in SMALL_WORDS:
            parts.append(part.lower())
        else:
            parts.append("-".join(capitalise_piece(piece) for piece in part.split("-")))
    return "/".join(parts)


def proper_case(text: str, keep: Callable[[str], bool]) -> str:
    """`text` word by word in proper case; initialisms and the words `keep` accepts stay as written."""
    words = []
    for index, token in enumerate(text.split(" ")):
        if is_initialism(token) or keep(token):
            words.append(token)
        elif index > 0 and token.lower() in SMALL_WORDS:
            words.append(token.lower())
        else:
            words.append(capitalise_token(token, index == 0))
    return " ".join(words)
