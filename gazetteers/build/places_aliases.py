"""Which GeoNames alternate names of a city become aliases, and in what order.

GeoNames lists every spelling it knows, in every script, with transliteration noise
("Robat `Olya", "Sana'a'", "Stollberg/Erzgeb."). A gazetteer alias must be a spelling a Latin
text may really use, and the few kept must be the useful ones: exonyms a European reader knows
("Munich", "Monaco di Baviera" -> "Monachium", "Munique") before rare transliterations.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Iterable, Sequence

import jellyfish
import wordfreq

# wordfreq's Latin-script languages with a large list; an alias found in one of them with at
# least this Zipf frequency is an attested exonym ("Monachium" in Polish, "Meshed" in English).
EXONYM_LANGUAGES = ("en", "ca", "cs", "de", "es", "fi", "fr", "it", "nb", "nl", "pl", "pt", "sv")
EXONYM_MIN_ZIPF = 2.0
SMALL_LIMIT, LARGE_LIMIT, LARGE_POPULATION = 8, 25, 100_000
MAX_CAPITALS_LETTERS = 5  # "MUC", "NYC" are codes a text uses; "BERLIN" is only shouting
# Punctuation a real spelling holds ("Ta'izz", "Ust’-Talovka", "St. Georgen"); anything else
# ("`", "‘", "/", "(", ":") marks a transliteration scheme or a note.
NAME_PUNCTUATION = frozenset(" -'\u2019.")
# Latin letters Unicode does not decompose into a base letter and marks.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ı": "i",
    }
)


def plain_letters(text: str) -> str:
    """`text` with diacritics removed and ł, ø, ß, æ… spelt plainly: the name's ASCII form."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return unicodedata.normalize(
        "NFC", "".join(char for char in decomposed if not unicodedata.combining(char))
    )


@functools.lru_cache(maxsize=1 << 20)
def fold(text: str) -> str:
    """The form two spellings that differ only by accents or case share."""
    return plain_letters(text).casefold()


@functools.lru_cache(maxsize=4096)
def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def squeeze(text: str) -> str:
    """Runs of spaces as one ("Tala  Cyprus" -> "Tala Cyprus")."""
    return " ".join(text.split()) if "  " in text else text


def is_usable(alternate: str, folded_name: str) -> bool:
    """True for a Latin, capitalised spelling without digits or odd marks, not the name again.

    All-capital forms are kept only when short (codes); a spelling that differs from the name by
    accents or case only adds nothing. One-letter variants ("Bhubaneshwar") are real spellings.
    """
    if not alternate or not alternate[0].isupper():
        return False
    if not (alternate[-1].isalpha() or alternate[-1] == "."):
        return False  # "Licha'", "Oudomxay ": a cut-off transliteration
    for char in alternate:
        if char not in NAME_PUNCTUATION and not _is_latin_letter(char):
            return False
    if alternate.upper() == alternate and sum(char.isalpha() for char in alternate) > MAX_CAPITALS_LETTERS:
        return False
    return fold(alternate) != folded_name


class ExonymLists:
    """The wordfreq word lists, loaded on first use (a few seconds), asked for Zipf values."""

    def __init__(self, languages: Sequence[str] = EXONYM_LANGUAGES) -> None:
        self.languages = tuple(languages)
        self._lists: list[dict[str, float]] | None = None

    def zipf(self, word: str) -> float:
        """The highest Zipf frequency of `word` (lower-cased, as one token) in any list."""
        if self._lists is None:
            self._lists = [
                wordfreq.get_frequency_dict(language, wordlist="large") for language in self.languages
            ]
        key = word.lower()
        best = 0.0
        for frequencies in self._lists:
            frequency = frequencies.get(key)
            if frequency:
                best = max(best, round(math.log10(frequency) + 9, 2))
        return best

    def attested(self, word: str) -> bool:
        return self.zipf(word) >= EXONYM_MIN_ZIPF


def city_aliases(name: str, alternates: Iterable[str], population: int, exonyms: ExonymLists) -> list[str]:
    """The aliases of one city, best first.

    The ASCII form of the name comes first when GeoNames lists it. The rest are ordered by how
    much they differ from the name (Levenshtein distance of the folded forms, most first), so
    the limit keeps real alternatives over near-copies; when the limit cuts, exonyms attested
    in a wordfreq list go before all others.
    """
    folded_name = fold(name)
    limit = LARGE_LIMIT if population >= LARGE_POPULATION else SMALL_LIMIT
    ascii_form = plain_letters(name)
    alternates = list(dict.fromkeys(alternates))
    head = [ascii_form] if ascii_form != name and ascii_form in alternates else []
    candidates = [
        alt for alt in alternates if alt not in head and alt != name and is_usable(alt, folded_name)
    ]
    distance = {alt: jellyfish.levenshtein_distance(fold(alt), folded_name) for alt in candidates}
    if len(head) + len(candidates) > limit:
        attested = {alt: exonyms.attested(alt) for alt in candidates}
        candidates.sort(key=lambda alt: (not attested[alt], -distance[alt], alt))
    else:
        candidates.sort(key=lambda alt: (-distance[alt], alt))
    aliases: list[str] = []
    for alias in head + candidates:
        if "  " in alias:
            alias = squeeze(alias)
            if alias == name:
                continue
        if alias not in aliases:
            aliases.append(alias)
    return aliases[:limit]
