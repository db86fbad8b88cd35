"""Where names might be broken: the spans of a text worth matching against the gazetteer.

Detection is kept apart from matching: this module only says "these words could be (part
of) a name and something about them looks wrong"; `matching.py` says which entity, and
`scoring.py` whether to believe it. Almost every word of a text is dismissed here with one
dictionary probe, which is what keeps namefix fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .index import Flag, TokenInfo
from .phonetic import key
from .tokens import LOWER, MIXED, OTHER, TITLE, UPPER, Token, shape

__all__ = ["WordStatus", "Window", "classify_word", "windows", "glued_splits", "NAME_PARTICLES"]

#: Lower-case words that may sit inside a name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = frozenset(
    "al el bin ibn bint da das de del della der di do dos du la le van von ter ten zu y abu".split()
)
#: Words of titles that stand before a name but are never part of it.
TITLE_WORDS = frozenset(
    """
    president vice secretary minister prime chancellor premier senator sen representative rep
    congressman congresswoman governor gov mayor king queen prince princess emperor empress
    pope cardinal archbishop bishop rabbi imam ayatollah sheikh emir sultan general gen admiral
    adm colonel col lieutenant lt captain capt sergeant sgt ambassador envoy director chairman
    chairwoman chair ceo founder speaker leader judge justice attorney adviser advisor
    spokesman spokeswoman spokesperson deputy commissioner lord lady sir dame mr mrs ms dr
    professor prof defense defence foreign finance interior state treasury commerce labor
    health education energy transportation agriculture homeland security national chief
    """.split()
)
#: Separators allowed between the words of one name.
_NAME_GAP = re.compile(r"^(?: |-|'|’|\. ?|\u00a0)$")
#: A word that is known to be English is "known" when at least this common (Zipf scale).
COMMON_ZIPF = 3.5
#: Plural and possessive endings glued to a known name ("the Obamas", "Jesus'").
_INFLECTIONS = ("s", "es", "'s")
#: Name prefixes that look like a glued word but are part of the name ("MacArthur").
_NAME_PREFIXES = frozenset("mc mac fitz de di da la le van von o d al el st".split())


@dataclass(frozen=True, slots=True)
class WordStatus:
    """What namefix concluded about one word, independent of where it stands."""

    key: str
    shape: str
    info: TokenInfo
    known: bool  # a valid spelling: a dictionary word, a real name, or a gazetteer word
    namelike: bool  # capitalised (or damaged in a way that hides the capital)
    suspicious: bool  # unknown and name-like: worth matching
    lower_name: bool  # lower-case, but only known as part of a name ("vance", "rubio")


def classify_word(text: str, lookup: Callable[[str], TokenInfo]) -> WordStatus:
    """Decide what one word is; memoised by the caller, so it runs once per distinct word."""
    word_key = key(text)
    word_shape = shape(text)
    info = lookup(word_key)
    known = _is_known(word_key, info, lookup)
    if word_shape == OTHER:  # numbers
        return WordStatus(word_key, word_shape, info, True, False, False, False)
    has_digit = any(ch.isdigit() for ch in text)
    namelike = word_shape in (TITLE, UPPER, MIXED) or (has_digit and _ocr_capital(text))
    if has_digit and not _ocr_candidate(text):
        return WordStatus(word_key, word_shape, info, True, False, False, False)
    suspicious = not known and len(word_key) >= 2
    lower_name = (
        word_shape == LOWER
        and known
        and bool(info.flags & Flag.ALIAS)
        and not info.flags & (Flag.LOWER_WORD | Flag.LOWER_IN_ALIAS)
        and info.zipf < 5.0
    )
    return WordStatus(word_key, word_shape, info, known, namelike, suspicious, lower_name)


def _is_known(word_key: str, info: TokenInfo, lookup: Callable[[str], TokenInfo]) -> bool:
    if info.flags & Flag.KNOWN or info.zipf >= COMMON_ZIPF:
        return True
    for ending in _INFLECTIONS:  # "Obamas", "Clintons": plurals of known names are valid
        if word_key.endswith(ending) and len(word_key) > len(ending) + 2:
            stem = lookup(word_key[: -len(ending)])
            if stem.flags & Flag.KNOWN:
                return True
    return False


def _ocr_candidate(text: str) -> bool:
    """Letters with one or two of the digits OCR confuses with letters (0bama, 1srael)."""
    digits = [ch for ch in text if ch.isdigit()]
    letters = sum(ch.isalpha() for ch in text)
    return 0 < len(digits) <= 2 and letters >= 3 and all(ch in "01568" for ch in digits)


def _ocr_capital(text: str) -> bool:
    """A word starting with a digit OCR reads for a capital ("0bama") or capitalised."""
    return text[0] in "01568" and text[1:2].isalpha() or text[0].isupper()


@dataclass(frozen=True, slots=True)
class Window:
    """A run of words (token indexes `first`..`last`, inclusive) that may be one name."""

    first: int
    last: int
    mode: str  # "run" (capitalised words), "lower" (lower-case name words), "split"
    run_first: int = -1  # the run of name-like words the window lies in
    run_last: int = -1


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def windows(
    text: str,
    tokens: Sequence[Token],
    statuses: Sequence[WordStatus],
    max_words: int,
) -> list[Window]:
    """Every window worth matching: it holds a suspicious word or spells a lower-case name.

    Windows lie within runs of name-like words joined by a space, hyphen or apostrophe
    (lower-case particles allowed inside); runs never cross punctuation or line breaks.
    """
    found: list[Window] = []
    count = len(tokens)
    i = 0
    while i < count:
        status = statuses[i]
        if not (status.namelike or status.lower_name or status.suspicious):
            i += 1
            continue
        mode = "lower" if not status.namelike else "run"
        j = i
        while j + 1 < count and _joins(text, tokens, statuses, j, mode):
            j += 1
        run = range(i, j + 1)
        interesting = [k for k in run if statuses[k].suspicious]
        if mode == "lower":
            lower_names = [k for k in run if statuses[k].lower_name]
            if lower_names and j > i:
                found.extend(_windows_over(i, j, max_words, "lower", None, statuses))
            found.extend(Window(k, k, "lower", i, j) for k in interesting)
        elif interesting:
            found.extend(_windows_over(i, j, max_words, "run", set(interesting), statuses))
            # a capitalised fragment followed by a lower-case one: "Zelen sky", "Ru bio"
            if j + 1 < count and statuses[j].suspicious and _gap(text, tokens[j], tokens[j + 1]) == " ":
                nxt = statuses[j + 1]
                if nxt.shape == LOWER and len(nxt.key) <= 5:
                    found.append(Window(max(i, j - 1), j + 1, "split", i, j + 1))
                    found.append(Window(j, j + 1, "split", i, j + 1))
        i = j + 1
    return found


def _joins(text: str, tokens: Sequence[Token], statuses: Sequence[WordStatus], j: int, mode: str) -> bool:
    gap = _gap(text, tokens[j], tokens[j + 1])
    if not _NAME_GAP.match(gap):
        return False
    if gap.startswith(".") and not (len(tokens[j].text) == 1 and tokens[j].text.isupper()):
        return False  # only initials carry a full stop inside a name: "J. D. Vance"
    nxt = statuses[j + 1]
    if mode == "lower":
        return nxt.shape == LOWER and (nxt.lower_name or nxt.suspicious or nxt.key in NAME_PARTICLES)
    if gap in ("'", "’") and nxt.key in ("s", "t", "ll", "re", "ve", "d", "m"):
        return False  # possessive or contraction, not part of the name
    if nxt.namelike:
        return True
    # a particle counts only when a capitalised word follows it
    return (
        nxt.key in NAME_PARTICLES
        and j + 2 < len(tokens)
        and statuses[j + 2].namelike
        and bool(_NAME_GAP.match(_gap(text, tokens[j + 1], tokens[j + 2])))
    )


def _windows_over(
    first: int, last: int, max_words: int, mode: str, must: set[int] | None, statuses: Sequence[WordStatus]
) -> list[Window]:
    """Sub-runs holding a word of `must`, that begin and end on a word that can be part of a
    name (so "Secretary Pete Hegses" is tried as "Pete Hegses", never with the title)."""
    edges = [k for k in range(first, last + 1) if _name_edge(statuses[k])]
    out = []
    for a, start in enumerate(edges):
        for stop in edges[a:]:
            if stop - start >= max_words:
                break
            if must is None or any(start <= k <= stop for k in must):
                out.append(Window(start, stop, mode, first, last))
    return out


def _name_edge(status: WordStatus) -> bool:
    if status.suspicious or status.lower_name:
        return True
    return bool(status.info.flags & Flag.ALIAS) and status.key not in TITLE_WORDS


def glued_splits(word: str) -> list[tuple[str, str]]:
    """Ways to cut a word where a name may be glued to a neighbour.

    Case changes mark the seams: "JournalVance" -> ("Journal", "Vance"), "onTuesday" ->
    ("on", "Tuesday"), "NATOsecurity" -> ("NATO", "security").
    """
    cuts: list[tuple[str, str]] = []
    for i in range(1, len(word)):
        left, right = word[i - 1], word[i]
        if left.islower() and right.isupper():
            cuts.append((word[:i], word[i:]))
        elif left.isupper() and right.islower() and i >= 3 and word[: i - 1].isupper():
            # "NATOsecurity": the upper-case run ends before the lower-case word begins
            cuts.append((word[:i], word[i:]))
            cuts.append((word[: i - 1], word[i - 1 :]))
    return [(a, b) for a, b in cuts if key(a) not in _NAME_PREFIXES]
