"""Which known spellings a window of words could be: retrieval, then word-by-word alignment.

Retrieval asks the index a handful of exact questions (never scanning the gazetteer):
the window's joined key ("marcorubio"), the spellings that contain one of its intact name
words ("Zelensky" in "Voldimi Zelensky"), and the symmetric-delete and phonetic codes of
its unknown words. Alignment then pairs the window's words with the candidate's words,
allowing one word split in two ("Wwadis Wow" ~ "Władysław") or two run together
("Marcorubio" ~ "Marco Rubio"), so first name and surname are judged separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from .index import AliasRow, Flag, Index
from .mentions import WordStatus
from .phonetic import deletes, joined_key, key, phonetic_codes
from .tokens import WORD

__all__ = ["Alignment", "Group", "alias_words", "align", "retrieve", "similarity", "typing_slip"]

#: Most spellings fetched per intact anchor word, most prominent first.
_ANCHOR_LIMIT = 120
#: Least Jaro–Winkler similarity for a fuzzy target word to be fetched.
_NEAR = 0.7
#: Most spellings fetched per fuzzy target word.
_TARGET_LIMIT = 40
#: Spellings fetched through a common capitalised word of a window (most prominent first).
_COMMON_ANCHOR_LIMIT = 12


def similarity(a: str, b: str) -> float:
    """How alike two folded strings are, in [0, 1]: edit distance and Jaro–Winkler blended.

    Edit distance (with transpositions: "Caose" is one slip from "Coase") alone is harsh on
    long names with a few slips; Jaro–Winkler alone is lenient with short ones and rewards a
    shared start, as people's misspellings keep.
    """
    if a == b:
        return 1.0
    return 0.5 * OSA.normalized_similarity(a, b) + 0.5 * JaroWinkler.similarity(a, b)


def typing_slip(written: str, meant: str) -> bool:
    """Whether `written` is `meant` with one of the slips people make most when they spell a
    name from memory: two neighbouring letters swapped ("Tolkein", "Ceasar") or letters
    doubled or undoubled ("Carribean", "Cincinatti"). Damerau (1964) found most misspellings
    to be single slips, and these two keep every letter of the name."""
    if written == meant:
        return False
    if len(written) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(written, meant, strict=True)) if a != b]
        if (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and written[diff[0]] == meant[diff[1]]
            and written[diff[1]] == meant[diff[0]]
        ):
            return True
    return _undoubled(written) == _undoubled(meant)


def _undoubled(word: str) -> str:
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])


@lru_cache(maxsize=100_000)
def alias_words(text: str) -> tuple[str, ...]:
    """The folded words of a spelling."""
    return tuple(key(word) for word in WORD.findall(text))


_OCR_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "6": "b"})
#: What OCR printed -> what the page said, for confusions of more than one letter (single
#: letter swaps such as "b" for "h" are one edit and found by the symmetric-delete keys).
_OCR_GLYPHS = (
    ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("ii", "u"), ("h", "li"),
    ("li", "h"), ("n", "ri"), ("ri", "n"), ("in", "m"), ("1", "i"),
)  # fmt: skip


@lru_cache(maxsize=50_000)
def ocr_readings(word_key: str) -> tuple[str, ...]:
    """The word as OCR may have misread it: "durharn" -> ("durharn", "durham"), "be1gium" ->
    ("be1gium", "belgium"). The first reading is always the word itself."""
    readings = [word_key]
    base = word_key.translate(_OCR_DIGITS) if any(ch.isdigit() for ch in word_key) else word_key
    if base != word_key:
        readings.append(base)
    for wrong, right in _OCR_GLYPHS:
        for reading in list(readings):
            if wrong in reading:
                fixed = reading.replace(wrong, right)
                if fixed not in readings:
                    readings.append(fixed)
    return tuple(readings[:6])


def retrieve(index: Index, words: Sequence[WordStatus]) -> dict[int, AliasRow]:
    """Candidate spellings for a window of words, keyed by spelling id."""
    found: dict[int, AliasRow] = {}
    joined = "".join(word.key for word in words)
    for row in index.aliases_by_joined(joined):
        found[row.id] = row
    span = len(words)
    if span == 1:  # a short name OCR misread is too short for fuzzy keys: "NA5A"
        for reading in ocr_readings(joined)[1:]:
            for row in index.aliases_by_joined(reading):
                found.setdefault(row.id, row)
    for word in words:
        if word.suspicious and len(word.key) >= 4:
            for target in _near_targets(index, word.key):
                _add_target(index, target, span, found)
        elif span > 1 and word.known and _anchor(word):
            for row in index.aliases_with_word(word.key, _ANCHOR_LIMIT):
                if abs(row.words - span) <= 1:
                    found.setdefault(row.id, row)
        elif span > 1 and word.strength == 1.0 and word.namelike and len(word.key) >= 4:
            # a common word of famous names ("States", "Street"): only the most prominent
            # names of the window's length ("Unte States": United States)
            for row in index.aliases_with_word(word.key, _COMMON_ANCHOR_LIMIT):
                if row.words == span:
                    found.setdefault(row.id, row)
    if span > 1 and len(joined) >= 6:  # a whole name with slips and its spaces lost
        _add_joined_targets(index, joined, found)
    return found


def retrieve_joined(index: Index, joined: str) -> dict[int, AliasRow]:
    """Spellings whose joined letters equal `joined` or are one slip from it (famous
    multi-word names only): for windows of valid words such as "Barak Obama"."""
    found = {row.id: row for row in index.aliases_by_joined(joined)}
    if len(joined) >= 6:
        _add_joined_targets(index, joined, found)
    return found


def _anchor(word: WordStatus) -> bool:
    """An intact word of a prominent name that is not an ordinary word ("Zelensky", "Pete")."""
    return bool(word.info.flags & Flag.TARGET) and not word.info.flags & Flag.LOWER_WORD


def _add_joined_targets(index: Index, joined: str, found: dict[int, AliasRow]) -> None:
    """Famous multi-word names whose joined letters are one slip from `joined`."""
    for target in index.fuzzy_targets(_joined_codes(joined)):
        if target[0] == "j":
            for row in index.aliases_by_joined(target[1:]):
                found.setdefault(row.id, row)


def _add_target(index: Index, target: str, span: int, found: dict[int, AliasRow]) -> None:
    if target[0] == "j":
        for row in index.aliases_by_joined(target[1:]):
            found.setdefault(row.id, row)
        return
    for row in index.aliases_with_word(target[1:], _TARGET_LIMIT):
        if abs(row.words - span) <= 1 or row.words == 1:
            found.setdefault(row.id, row)


@lru_cache(maxsize=50_000)
def _near_targets(index: Index, word_key: str) -> tuple[str, ...]:
    """Fuzzy targets of a word that are worth fetching spellings for: phonetic codes also
    bring words that sound alike but share few letters, and those never align well."""
    near = []
    for target in index.fuzzy_targets(_fuzzy_codes(word_key)):
        body = target[1:]
        if target[0] == "j" or JaroWinkler.similarity(word_key, body) >= _NEAR:
            near.append(target)
    return tuple(near)


@lru_cache(maxsize=50_000)
def _fuzzy_codes(word_key: str) -> tuple[str, ...]:
    """Symmetric-delete and phonetic codes of a word and of its OCR readings."""
    codes: set[str] = set()
    for reading in ocr_readings(word_key):
        codes.update("d" + variant for variant in deletes(reading))
        codes.update(phonetic_codes(reading))
    return tuple(sorted(codes))


@lru_cache(maxsize=50_000)
def _joined_codes(joined: str) -> tuple[str, ...]:
    """Symmetric-delete codes of a window's joined letters and of its OCR readings: joined
    names have no phonetic codes (those are kept for single words only)."""
    codes: set[str] = set()
    for reading in ocr_readings(joined):
        codes.update("d" + variant for variant in deletes(reading))
    return tuple(sorted(codes))


@dataclass(frozen=True, slots=True)
class Group:
    """Mention words `mention[0]..mention[1]` (relative, inclusive) ~ alias words likewise."""

    mention: tuple[int, int]
    alias: tuple[int, int]
    similarity: float
    exact: bool

    @property
    def merges_words(self) -> bool:
        return self.mention[0] != self.mention[1] or self.alias[0] != self.alias[1]


@dataclass(frozen=True, slots=True)
class Alignment:
    groups: tuple[Group, ...]
    score: float  # similarity weighted by the length of the alias words, in [0, 1]

    @property
    def exact_share(self) -> float:
        return sum(g.exact for g in self.groups) / len(self.groups)

    @property
    def weakest(self) -> float:
        return min(g.similarity for g in self.groups)

    @property
    def merges(self) -> int:
        """Groups that join or split words: evidence of a lost or stray space."""
        return sum((g.mention[0] != g.mention[1]) or (g.alias[0] != g.alias[1]) for g in self.groups)


_SHAPES = ((1, 1), (2, 1), (1, 2), (3, 1), (1, 3))
#: Least similarity for a group that joins or splits words, and for one that reads several
#: broken (unknown or very short) mention words as one name word.
_MERGE_MIN = 0.85
_LOOSE_MERGE_MIN = 0.6


def align(
    mention: Sequence[str],
    alias: Sequence[str],
    readings: bool = False,
    loose: Sequence[bool] | None = None,
) -> Alignment | None:
    """Best monotone pairing of mention words with alias words (dynamic programming).

    Each step pairs 1 word with 1, or joins up to three on one side; the score weighs each
    pair's similarity by its alias length so that the surname counts more than "JD".
    """
    k, n = len(mention), len(alias)
    if not k or not n or k > 3 * n or n > 3 * k:
        return None
    if k == n == 1 and not readings:  # one word against one word: nothing to align
        sim = similarity(mention[0], alias[0])
        return Alignment((Group((0, 0), (0, 0), sim, mention[0] == alias[0]),), sim)
    total = sum(len(word) for word in alias) or 1
    best: dict[tuple[int, int], tuple[float, tuple[Group, ...]]] = {(0, 0): (0.0, ())}
    for i in range(k + 1):
        for j in range(n + 1):
            state = best.get((i, j))
            if state is None:
                continue
            value, groups = state
            for di, dj in _SHAPES:
                if i + di > k or j + dj > n:
                    continue
                left = "".join(mention[i : i + di])
                right = "".join(alias[j : j + dj])
                exact = left == right
                sim = similarity(left, right)
                if readings and di == 1 and sim < 1.0:  # OCR misreadings of this word
                    for reading in ocr_readings(left)[1:]:
                        better = similarity(reading, right)
                        if better > sim:
                            sim, left = better, reading
                if di > 1 or dj > 1:
                    # Joining words is believable when the letters agree, or when broken
                    # mention words are read as one name word ("Wwadis Wow" ~ "Władysław").
                    floor = _MERGE_MIN
                    if dj == 1 and loose is not None and all(loose[i : i + di]):
                        floor = _LOOSE_MERGE_MIN
                    if sim < floor and not exact:
                        continue
                    if any(len(word) < 2 for word in (*mention[i : i + di], *alias[j : j + dj])):
                        continue  # an initial or numeral is a word of its own ("Elizabeth II")
                weight = len(right) / total
                group = Group((i, i + di - 1), (j, j + dj - 1), sim, exact)
                candidate = (value + sim * weight, (*groups, group))
                current = best.get((i + di, j + dj))
                if current is None or candidate[0] > current[0]:
                    best[(i + di, j + dj)] = candidate
    final = best.get((k, n))
    if final is None:
        return None
    return Alignment(final[1], final[0])


def window_key(words: Sequence[WordStatus]) -> str:
    return joined_key("".join(word.key for word in words))
