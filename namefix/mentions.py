"""Where names might be broken: the spans of a text worth matching against the gazetteer.

Detection is kept apart from matching: this module only says "these words could be (part
of) a name and something about them looks wrong"; `matching.py` says which entity, and
`scoring.py` whether to believe it. Almost every word of a text is dismissed here with one
dictionary probe, which is what keeps namefix fast.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .index import Flag, TokenInfo
from .phonetic import key
from .tokens import LOWER, MIXED, OTHER, TITLE, UPPER, Token, TokenList, shape

__all__ = ["NAME_PARTICLES", "Window", "WordStatus", "classify_word", "glued_splits", "windows"]

#: Lower-case words that may sit inside a name ("Ursula von der Leyen", "Lula da Silva").
NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "ter",
        "ten",
        "zu",
        "y",
        "abu",
    ]
)
#: Lower-case words inside the names of things ("Game of Thrones", "Bank of America").
NAME_CONNECTORS = NAME_PARTICLES | frozenset(["of", "the", "and", "for", "on", "upon", "des"])
#: Words of titles that stand before a name but are never part of it.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice",
        "secretary",
        "minister",
        "prime",
        "chancellor",
        "premier",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "governor",
        "gov",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "emperor",
        "empress",
        "pope",
        "cardinal",
        "archbishop",
        "bishop",
        "rabbi",
        "imam",
        "ayatollah",
        "sheikh",
        "emir",
        "sultan",
        "general",
        "gen",
        "admiral",
        "adm",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "captain",
        "capt",
        "sergeant",
        "sgt",
        "ambassador",
        "envoy",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "founder",
        "speaker",
        "leader",
        "judge",
        "justice",
        "attorney",
        "adviser",
        "advisor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "deputy",
        "commissioner",
        "lord",
        "lady",
        "sir",
        "dame",
        "mr",
        "mrs",
        "ms",
        "dr",
        "professor",
        "prof",
        "defense",
        "defence",
        "foreign",
        "finance",
        "interior",
        "state",
        "treasury",
        "commerce",
        "labor",
        "health",
        "education",
        "energy",
        "transportation",
        "agriculture",
        "homeland",
        "security",
        "national",
        "chief",
    ]
)
#: Separators allowed between the words of one name.
_NAME_GAP = re.compile(r"^(?: |-|'|’|\. ?|\u00a0)$")
#: A word that is known to be English is "known" when at least this common (Zipf scale).
COMMON_ZIPF = 3.5
#: Name prefixes that look like a glued word but are part of the name ("MacArthur").
_NAME_PREFIXES = frozenset(
    ["mc", "mac", "fitz", "de", "di", "da", "la", "le", "van", "von", "o", "d", "al", "el", "st"]
)


@dataclass(frozen=True, slots=True)
class WordStatus:
    """What namefix concluded about one word, independent of where it stands."""

    key: str
    shape: str
    info: TokenInfo
    known: bool  # a valid spelling: a dictionary word, a real name, or a gazetteer word
    namelike: bool  # capitalised (or damaged in a way that hides the capital)
    suspicious: bool  # unknown, or only weakly known: worth matching
    lower_name: bool  # lower-case, but only known as part of a name ("vance", "rubio")
    strength: float = 1.0  # how surely the word is valid: 1, 0.5 (weakly known) or 0
    hot: bool = False  # a window may open on this word (see `classify_word`)
    name_key: str | None = None  # the key, for a valid capitalised word (document evidence)
    person_word: bool = False  # capitalised word of a prominent person's name (anchors)


def classify_word(text: str, lookup: Callable[[str], TokenInfo]) -> WordStatus:
    """Decide what one word is; memoised by the caller, so it runs once per distinct word."""
    word_key = key(text)
    word_shape = shape(text)
    info = lookup(word_key)
    if word_shape == OTHER:  # numbers
        return WordStatus(word_key, word_shape, info, True, False, False, False)
    has_digit = any(ch.isdigit() for ch in text)
    if has_digit and not _ocr_candidate(text):
        return WordStatus(word_key, word_shape, info, True, False, False, False)
    namelike = word_shape in (TITLE, UPPER, MIXED) or (has_digit and _ocr_capital(text))
    strength = knownness(word_key, info, lookup)
    lower_name = (
        word_shape == LOWER
        and bool(info.flags & Flag.ALIAS)
        and not info.flags & (Flag.LOWER_WORD | Flag.LOWER_IN_ALIAS)
    )
    suspicious = strength < 1.0 and len(word_key) >= 2
    hot = suspicious or lower_name or bool(namelike and info.flags & _EDGE_FLAGS)
    name_key = word_key if namelike and strength == 1.0 else None
    person_word = bool(namelike and info.flags & Flag.PERSON and info.flags & Flag.TARGET)
    return WordStatus(
        word_key, word_shape, info, strength > 0.0, namelike, suspicious, lower_name, strength, hot, name_key,
        person_word,
    )  # fmt: skip


#: A valid capitalised word with these may begin or end a famous name written with a slip.
_EDGE_FLAGS = Flag.FIRST_WORD | Flag.LAST_WORD

#: Flags that make a word certainly valid: a dictionary word, a given name, or a word of a
#: prominent entity's name.
_STRONG = Flag.LOWER_WORD | Flag.CAPITAL_WORD | Flag.GIVEN | Flag.TARGET


def knownness(word_key: str, info: TokenInfo, lookup: Callable[[str], TokenInfo]) -> float:
    """1 for a certainly valid word, 0.5 for a weakly known one (a rare surname, the name of
    a hamlet), 0 for an unknown one. Weakly known words may still be garbles of a famous
    name ("Staes", "Mosco"), so they are matched, but replacing them needs more evidence."""
    if info.flags & _STRONG or info.zipf >= COMMON_ZIPF or info.alone >= 0.45:
        return 1.0  # (alone: the word on its own names a prominent entity, "Vostoni" Boston)
    plural = _inflected_name(word_key, lookup)
    if plural == 1.0:
        return 1.0
    if info.flags & Flag.KNOWN or plural:
        return 0.5  # (a plural of a rare name, "Dalkas", may be a garble of "Dallas")
    return 0.0


def _inflected_name(word_key: str, lookup: Callable[[str], TokenInfo]) -> float:
    """ "Obamas", "Clintons", "Joneses": plurals of names are valid spellings (1.0); plurals
    of names known only from the lexicons of given names and surnames are weakly known (0.5)."""
    if (
        word_key.endswith("es")
        and word_key[-3:-2] in ("s", "x", "z", "h")
        and len(word_key) > 5
        and lookup(word_key[:-2]).flags & (_STRONG | Flag.SURNAME)
    ):
        return 1.0
    if word_key.endswith("s") and len(word_key) > 4:
        stem = lookup(word_key[:-1])
        if stem.flags & Flag.TARGET:
            return 1.0
        if stem.flags & (Flag.GIVEN | Flag.SURNAME):
            return 0.5
    return 0.0


def _ocr_candidate(text: str) -> bool:
    """Letters with one or two of the digits OCR confuses with letters (0bama, 1srael)."""
    digits = [ch for ch in text if ch.isdigit()]
    if text[-1].isdigit() and not (text[-1] in "01" and len(digits) == 1 and text[0].isupper()):
        return False  # "Windows10": a number after a word; "NAT0", "Warho1" are misread letters
    letters = sum(ch.isalpha() for ch in text)
    return 0 < len(digits) <= 2 and letters >= 3 and all(ch in "01568" for ch in digits)


def _ocr_capital(text: str) -> bool:
    """A word starting with a digit OCR reads for a capital ("0bama") or capitalised."""
    return (text[0] in "01568" and text[1:2].isalpha()) or text[0].isupper()


@dataclass(frozen=True, slots=True)
class Window:
    """A run of words (token indexes `first`..`last`, inclusive) that may be one name."""

    first: int
    last: int
    mode: str  # "run", "known", "split" or "lower" (see `windows`)
    run_first: int = -1  # the run of name-like words the window lies in
    run_last: int = -1


def windows(
    text: str,
    tokens: TokenList,
    statuses: Sequence[WordStatus],
    max_words: int,
    hot: Sequence[int],
) -> list[Window]:
    """Every window worth matching, looking only around the `hot` words (indexes, ascending).

    - "run": within a run of capitalised words (joined by a space, hyphen or apostrophe,
      lower-case particles allowed inside; never across punctuation or a line break), the
      sub-runs that hold a suspicious word.
    - "known": in a run of valid words only, sub-runs that begin or end like a famous
      multi-word name ("Barak Obama", "United Staes"); matched on their joined letters only.
    - "split": a suspicious capitalised word and the unknown lower-case fragment after it
      ("Zelen sky", "Pra gue").
    - "lower": lower-case words that spell a name whose words are not ordinary words
      ("jd vance", "north america"); matched letter for letter only.
    """
    found: list[Window] = []
    count = len(tokens)
    done = -1  # runs end at or before this index
    for i in _with_runs_before_fragments(text, tokens, statuses, hot):
        if i <= done:
            continue
        status = statuses[i]
        if status.shape == LOWER and not status.namelike:
            if status.lower_name or (status.suspicious and status.strength == 0.0):
                found.extend(_lower_windows(text, tokens, statuses, i, max_words))
            continue
        if not status.namelike or (status.shape == MIXED and tokens[i].text[:1].islower()):
            continue  # "marcoRubio", "iPhone": identifiers and brands, not broken names
        first, last = _run_around(text, tokens, statuses, i)
        done = last
        suspicious = {k for k in range(first, last + 1) if statuses[k].suspicious}
        if suspicious:
            found.extend(_windows_over(first, last, max_words, "run", suspicious, statuses))
        elif last > first:
            found.extend(_known_windows(first, last, statuses))
        end = last
        if last + 1 < count and tokens.gap(text, last) == " ":
            fragment = statuses[last + 1]
            broken = fragment.strength < 1.0 or bool(suspicious)  # "Zelen sky", "Newphoundland and Labra dor"
            if fragment.shape == LOWER and (len(fragment.key) <= 5 or fragment.strength == 0.0):
                end = last + 1
                if broken:  # the fragment may end the last word of a name of up to four
                    for start in range(last, max(first, last - 2) - 1, -1):
                        found.append(Window(start, last + 1, "split", first, last + 1))
        found.extend(_valid_halves(text, tokens, statuses, first, last, end))
    return found


def _with_runs_before_fragments(
    text: str, tokens: TokenList, statuses: Sequence[WordStatus], hot: Sequence[int]
) -> list[int]:
    """The hot words, plus the valid capitalised word before an unknown lower-case fragment
    ("Cali fornia"), so that the run it ends is read with the fragment."""
    before = [
        i - 1
        for i in hot
        if i
        and statuses[i].shape == LOWER
        and statuses[i].strength == 0.0
        and statuses[i - 1].namelike
        and tokens.gap(text, i - 1) == " "
    ]
    return sorted({*hot, *before}) if before else list(hot)


def _valid_halves(
    text: str, tokens: TokenList, statuses: Sequence[WordStatus], first: int, last: int, end: int
) -> list[Window]:
    """Two valid words that may be one name split by a stray space ("Swe Den", "Malay Sia"):
    one of them short, one space between. Such a window is only matched against names
    spelled exactly by the two joined (see `Corrector._align_candidates`)."""
    out = []
    for k in range(first, end):
        a, b = statuses[k], statuses[k + 1]
        if a.strength < 1.0 or b.strength < 1.0 or not a.namelike:
            continue  # broken words are matched by the other windows
        short = min(len(a.key), len(b.key)) <= _HALF and len(a.key) + len(b.key) >= 6
        if short and tokens.gap(text, k) == " ":
            out.append(Window(k, k + 1, "split", first, max(last, k + 1)))
    return out


def _run_around(text: str, tokens: TokenList, statuses: Sequence[WordStatus], i: int) -> tuple[int, int]:
    """The run of name-like words (particles inside allowed) that holds word `i`."""
    first = i  # step back over name-like words and particles, then scan forward as the run goes
    while first > 0:
        previous = statuses[first - 1]
        if not (previous.namelike or previous.key in NAME_CONNECTORS):
            break
        if not _NAME_GAP.match(tokens.gap(text, first - 1)):
            break
        first -= 1
    while first < i and not statuses[first].namelike:
        first += 1
    while True:
        last = first
        while last + 1 < len(tokens) and _joins(text, tokens, statuses, last):
            last += 1
        if last >= i:
            return first, last
        first = last + 1  # the run found ends before word i: the next one may hold it


def _known_windows(first: int, last: int, statuses: Sequence[WordStatus]) -> list[Window]:
    out = []
    for start in range(first, last):
        for stop in range(start + 1, min(last, start + 3) + 1):
            if not (_name_edge(statuses[start]) and _name_edge(statuses[stop])):
                continue
            begins = bool(statuses[start].info.flags & Flag.FIRST_WORD)
            ends = bool(statuses[stop].info.flags & Flag.LAST_WORD)
            if begins != ends:  # begins like a famous name but ends otherwise, or the reverse
                out.append(Window(start, stop, "known", first, last))
    return out


def _lower_windows(
    text: str, tokens: TokenList, statuses: Sequence[WordStatus], k: int, max_words: int
) -> list[Window]:
    """Windows of lower-case words around word `k` (spaces only between them)."""
    if _contraction(text, tokens, k):
        return []  # "aren't", "isn't": not a name
    alone = not _in_lower_compound(text, tokens, statuses, k)  # "anti-christ" is no name
    if not statuses[k].lower_name:  # an unknown lower-case word: only itself ("marcorubio")
        return [Window(k, k, "lower", k, k)] if alone else []
    reach = min(max_words, 4) - 1
    left = k
    while left > 0 and k - left < reach and _lower_join(text, tokens, statuses, left - 1):
        left -= 1
    right = k
    while right + 1 < len(tokens) and right - k < reach and _lower_join(text, tokens, statuses, right):
        right += 1
    return [
        Window(a, b, "lower", left, right)
        for a in range(left, k + 1)
        for b in range(max(k, a + 1), min(right, a + reach) + 1)
    ] + (
        [Window(k, k, "lower", left, right)] if alone and len(statuses[k].key) >= 4 else []
    )  # "eco": too short alone (four letters only for the most prominent: "iran", "nato")


def _in_lower_compound(text: str, tokens: TokenList, statuses: Sequence[WordStatus], k: int) -> bool:
    """Whether word `k` is hyphened to a lower-case word: a compound written in lower case
    on purpose ("anti-christ", "neo-gothic"), not a name whose capital was lost."""
    before = k > 0 and statuses[k - 1].shape == LOWER and tokens.gap(text, k - 1) == "-"
    after = k + 1 < len(tokens) and statuses[k + 1].shape == LOWER and tokens.gap(text, k) == "-"
    return before or after


def _contraction(text: str, tokens: Sequence[Token], k: int) -> bool:
    if k + 1 >= len(tokens):
        return False
    return text[tokens[k].end : tokens[k + 1].start] in ("'", "’") and tokens[k + 1].text in (
        "t",
        "s",
        "ll",
        "re",
        "ve",
        "d",
    )


def _lower_join(text: str, tokens: TokenList, statuses: Sequence[WordStatus], j: int) -> bool:
    """Whether lower-case words j and j + 1 may stand in one name: a space between, or the
    full stop of an initial ("john f. kennedy", "liverpool f.c.")."""
    if statuses[j].shape != LOWER or statuses[j + 1].shape != LOWER:
        return False
    gap = tokens.gap(text, j)
    return gap == " " or (gap in (". ", ".") and len(statuses[j].key) == 1)


def _joins(text: str, tokens: TokenList, statuses: Sequence[WordStatus], j: int) -> bool:
    gap = tokens.gap(text, j)
    if not _NAME_GAP.match(gap):
        return False
    if gap.startswith(".") and not (len(statuses[j].key) == 1 and statuses[j].shape == TITLE):
        return False  # only initials carry a full stop inside a name: "J. D. Vance"
    nxt = statuses[j + 1]
    if gap in ("'", "’") and nxt.key in ("s", "t", "ll", "re", "ve", "d", "m"):
        return False  # possessive or contraction, not part of the name
    if nxt.namelike:
        return True
    # particles count only when a capitalised word follows them ("von der Leyen")
    k = j + 1
    while k < len(tokens) and k - j <= 3 and statuses[k].key in NAME_CONNECTORS and not statuses[k].namelike:
        if k + 1 >= len(tokens) or not _NAME_GAP.match(tokens.gap(text, k)):
            return False
        k += 1
    return k > j + 1 and k < len(tokens) and statuses[k].namelike


def _windows_over(
    first: int, last: int, max_words: int, mode: str, must: set[int] | None, statuses: Sequence[WordStatus]
) -> list[Window]:
    """Sub-runs holding a word of `must`, that begin on a word that can be part of a name (so
    "Secretary Pete Hegses" is tried as "Pete Hegses", never with the title) and end on one or
    on a title word that names use ("Homelland Security", "Woris Health Organization")."""
    edges: list[int] = []
    ends: list[int] = []
    for k in range(first, last + 1):
        if _name_edge(statuses[k]):
            edges.append(k)
            ends.append(k)
        elif _title_in_names(statuses[k]):
            ends.append(k)
    out = []
    wanted = sorted(must) if must is not None else None
    for start in edges:
        # the first word of `must` at or after `start` (bisection keeps long runs linear)
        needed = start
        if wanted is not None:
            at = bisect.bisect_left(wanted, start)
            if at == len(wanted):
                break
            needed = wanted[at]
        for j in range(bisect.bisect_left(ends, start), len(ends)):  # no copy: runs may be long
            stop = ends[j]
            if stop - start >= max_words:
                break
            if stop >= needed:
                out.append(Window(start, stop, mode, first, last))
    return out


def _title_in_names(status: WordStatus) -> bool:
    """A title word that is also a word of names ("Security", "Health"): it may end a window
    that begins on a broken word, never begin one."""
    return status.key in TITLE_WORDS and bool(status.info.flags & Flag.ALIAS) and status.shape != LOWER


def _name_edge(status: WordStatus) -> bool:
    if status.shape == LOWER and not status.lower_name and not status.namelike:
        return False  # a particle or connector never begins or ends a window ("0strom" may)
    if status.suspicious or status.lower_name:
        return True
    return bool(status.info.flags & Flag.ALIAS) and status.key not in TITLE_WORDS


#: A change from a lower-case to a capital letter: where glued words meet ("JournalVance").
CASE_SEAM = re.compile(r"(?<=[a-z\u00df-\u00ff])(?=[A-Z\u00c0-\u00de])")
#: The shorter half of a name split into two valid words has at most this many letters.
_HALF = 4


def glued_splits(word: str) -> list[tuple[list[str], bool]]:
    """Ways a word may be a name glued to its neighbours, with whether the cuts follow
    changes of case: "onTuesdayNetanyahu" -> (["on", "Tuesday", "Netanyahu"], True),
    "NATOsecurity" -> (["NATO", "security"], True), "Obamasaid" -> (["Obama", "said"], False).
    """
    out: list[tuple[list[str], bool]] = []
    seams = [part for part in CASE_SEAM.split(word) if part]
    if len(seams) > 1:
        out.append((seams, True))
    for i in range(2, len(word) - 1):  # "NATOsecurity": an upper-case run, then a word
        if word[:i].isupper() and word[i:].islower() and i >= 2:
            out.append(([word[:i], word[i:]], True))
    if len(seams) == 1:
        for i in range(2, len(word) - 1):
            out.append(([word[:i], word[i:]], False))
    return [
        (parts, seam)
        for parts, seam in out
        if all(len(part) >= 2 for part in parts) and key(parts[0]) not in _NAME_PREFIXES
    ]
