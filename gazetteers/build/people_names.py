"""Name helpers shared by the people builders: US-style name forms and Wikipedia titles.

Kept apart from the builders because the Congress, Open States and world files all need the
same notion of "the forms a name is written in" and must agree on it to skip duplicates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DISAMBIGUATION = re.compile(r"\s*\([^()]*\)$")
_ABBREVIATION = re.compile(r"^[^\W\d_][^\W\d_.]*\.$")
# Suffixes also written after a comma ("Joseph Biden, Jr."); numerals never are ("Begich III").
COMMA_SUFFIXES = frozenset({"Jr.", "Sr."})
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "-": " ", ".": None})


def strip_disambiguation(title: str) -> str:
    """A Wikipedia title without its trailing "(politician)"-style qualifier."""
    return _DISAMBIGUATION.sub("", title).strip()


def fold(text: str) -> str:
    """Lower case without accents, curly apostrophes, hyphens or full stops, so spellings compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_PUNCTUATION))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def initials(words: str) -> str:
    """'Herbert Walker' -> 'H. W.'; 'Rufus de Vane' -> 'R. d. V.'; 'W.A.' -> 'W.'.

    A word that is already one abbreviation ('D.', 'St.' in 'St. John' -> 'St. J.') stays.
    """
    return " ".join(word if _ABBREVIATION.match(word) else word[0] + "." for word in words.split())


def unique(items: Iterable[str]) -> list[str]:
    """The items in first-seen order, without repeats or empty strings."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def us_name_forms(first: str, middle: str, last: str, suffix: str = "", nickname: str = "") -> list[str]:
    """The spellings a US politician's name is written in, plainest first.

    Given name or nickname, without the middle name, with it in full (given name only) and with
    its initials; each without and with the generational suffix ("Jr." also as ", Jr.").
    """
    givens = unique([first, nickname])
    variants: list[tuple[list[str], str]] = [(givens, "")]
    if middle:
        variants.append(([first], middle))
        variants.append((givens, initials(middle)))
    forms: list[str] = []
    for given_names, middle_part in variants:
        for given in given_names:
            base = " ".join(part for part in (given, middle_part, last) if part)
            forms.append(base)
            if suffix:
                forms.append(f"{base} {suffix}")
                if suffix in COMMA_SUFFIXES:
                    forms.append(f"{base}, {suffix}")
    return unique(forms)


def full_form(first: str, middle: str, last: str, suffix: str = "") -> str:
    """The name written out in full: given, middle and last name, then the suffix ("…, Jr.")."""
    base = " ".join(part for part in (first, middle, last) if part)
    if not suffix:
        return base
    return f"{base}, {suffix}" if suffix in COMMA_SUFFIXES else f"{base} {suffix}"
