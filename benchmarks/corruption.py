"""Seeded models of the ways a correct name gets broken on its way into text.

One model per error type, each a small rule set modelled on real damage: keyboard slips,
spelling by ear, OCR glyph confusions, speech recognisers' sound-alikes, machine
translation's truncated respellings (the sample article's "Hegses", "Volodmia"), lost
capitals, names run together or into a neighbouring word, and a garbled first name next to
an intact surname. `VALID_VARIANTS` are changes that are *not* errors (accents dropped):
a corrector must leave them alone.

Every model takes a `random.Random`; the same seed gives the same output. A model returns
None when it does not apply (joining a one-word name), never an unchanged name.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "ERROR_MODELS",
    "OCR_CONFUSIONS",
    "PHONETIC_RULES",
    "REPEATED_MODEL",
    "VALID_VARIANTS",
    "Corruption",
    "Model",
    "accents_dropped",
    "case_loss",
    "first_name_garbled",
    "joined",
    "keyboard_typo",
    "machine_translation",
    "ocr_confusion",
    "phonetic_respelling",
    "phonetic_variants",
    "seeded",
    "speech_to_text",
]

NameCorrupter = Callable[[str, random.Random], "str | None"]

_WORD = re.compile(r"[^\W\d_]+")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def seeded(*parts: object) -> random.Random:
    """A generator seeded from the parts (str seeds are stable across runs and platforms)."""
    return random.Random(":".join(str(part) for part in parts))


def _keyboard_neighbours() -> dict[str, str]:
    position = {k: (r, c) for r, row in enumerate(_KEYBOARD_ROWS) for c, k in enumerate(row)}
    by_position = {rc: k for k, rc in position.items()}
    around = ((0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0))
    return {
        key: "".join(by_position[(r + dr, c + dc)] for dr, dc in around if (r + dr, c + dc) in by_position)
        for key, (r, c) in position.items()
    }


KEYBOARD_NEIGHBOURS = _keyboard_neighbours()

#: Respellings that keep the sound (applied to lower case), as people spell a name by ear.
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("f", "ph"),
    ("ck", "k"),
    (r"c(?=[aou])", "k"),
    (r"k(?=[aou])", "c"),
    ("ee", "ea"),
    ("ea", "ee"),
    ("ie", "ei"),
    ("ei", "ie"),
    (r"y(?![aeiou])", "i"),
    (r"(?<=[^aeiou])i(?=[^aeiou])", "y"),
    (r"([bdfglmnprstz])\1", r"\1"),
    (r"(?<=[aeiou])([lmnrst])(?=[aeiouy])", r"\1\1"),
    ("th", "t"),
    ("sch", "sh"),
    ("sh", "sch"),
    ("w", "v"),
    ("v", "w"),
    ("z", "s"),
    (r"(?<=[aeiou])s(?=[aeiou])", "z"),
    ("x", "ks"),
    ("ks", "x"),
    ("qu", "kw"),
    ("ou", "oo"),
    ("oo", "ou"),
    ("au", "aw"),
    ("gh", ""),
    ("tion", "shun"),
    ("ai", "ay"),
    ("ay", "ai"),
    (r"c(?=[eiy])", "s"),
    ("kh", "k"),
    ("tch", "ch"),
    ("ch", "tch"),
    ("er$", "ar"),
    ("or$", "er"),
    ("ein", "ine"),
    ("ine$", "een"),
    (r"(?<=[^aeiou])e$", ""),
    ("j", "dj"),
    ("dj", "j"),
)

#: Glyph pairs OCR engines confuse: (printed, read as).
OCR_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("d", "cl"),
    ("vv", "w"),
    ("w", "vv"),
    ("l", "I"),
    ("I", "l"),
    ("l", "1"),
    ("1", "l"),
    ("O", "0"),
    ("0", "O"),
    ("o", "0"),
    ("e", "c"),
    ("c", "e"),
    ("h", "b"),
    ("b", "h"),
    ("li", "h"),
    ("ri", "n"),
    ("ii", "u"),
    ("S", "5"),
    ("B", "8"),
    ("g", "q"),
    ("nn", "m"),
    ("i", "í"),
    ("t", "f"),
)

#: Endings machine translation leaves on a truncated name ("Hegseth" -> "Hegses").
_MT_ENDINGS = ("", "", "s", "es", "is", "i", "a", "ia")
#: Letters machine translation maps to a lookalike before respelling ("Władysław" -> "Wwadis").
_MT_LOOKALIKES = {"ł": "w", "Ł": "W", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}


def _words(name: str, min_length: int = 3) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(name) if m.end() - m.start() >= min_length]


def _replace_word(name: str, rng: random.Random, change: NameCorrupter, min_length: int = 3) -> str | None:
    """Apply `change` to one random word of the name (of at least `min_length` letters)."""
    words = _words(name, min_length)
    rng.shuffle(words)
    for start, end in words:
        new = change(name[start:end], rng)
        if new is not None and new != name[start:end]:
            return name[:start] + new + name[end:]
    return None


def _match_case(new: str, like: str) -> str:
    if like[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _typo_in_word(word: str, rng: random.Random) -> str | None:
    position = rng.randrange(1, len(word)) if len(word) > 1 else 0
    char = word[position]
    neighbours = KEYBOARD_NEIGHBOURS.get(char.lower(), "")
    operations = ["delete", "transpose"] + (["substitute", "insert"] if neighbours else [])
    operation = rng.choice(operations)
    if operation == "delete":
        return word[:position] + word[position + 1 :]
    if operation == "transpose":
        if position + 1 >= len(word) or word[position] == word[position + 1]:
            position -= 1
        if position < 0 or word[position] == word[position + 1]:
            return None
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    typed = rng.choice(neighbours)
    typed = typed.upper() if char.isupper() else typed
    if operation == "substitute":
        return word[:position] + typed + word[position + 1 :]
    return word[:position] + typed + word[position:]


def keyboard_typo(name: str, rng: random.Random) -> str | None:
    """One slip of the finger: a letter dropped, doubled into a neighbour key, swapped."""
    return _replace_word(name, rng, _typo_in_word)


def phonetic_variants(word: str) -> set[str]:
    """Every respelling of `word` by one `PHONETIC_RULES` rule at one place."""
    lower = word.lower()
    variants = set()
    for pattern, replacement in PHONETIC_RULES:
        for match in re.finditer(pattern, lower):
            new = lower[: match.start()] + match.expand(replacement) + lower[match.end() :]
            if new and new != lower:
                variants.add(_match_case(new, word))
    return variants


def _respell_word(word: str, rng: random.Random) -> str | None:
    variants = sorted(phonetic_variants(word))
    return rng.choice(variants) if variants else None


def phonetic_respelling(name: str, rng: random.Random) -> str | None:
    """The name spelled as it sounds: one sound written another way ("Philips" -> "Filips")."""
    return _replace_word(name, rng, _respell_word)


def ocr_confusion(name: str, rng: random.Random) -> str | None:
    """One glyph misread by OCR: "rn" for "m", "l" for "I", "0" for "O" …"""
    places = [
        (match.start(), printed, read)
        for printed, read in OCR_CONFUSIONS
        for match in re.finditer(re.escape(printed), name)
    ]
    if not places:
        return None
    start, printed, read = rng.choice(sorted(places))
    return name[:start] + read + name[start + len(printed) :]


def _split_word(word: str, rng: random.Random) -> str | None:
    """Split at a syllable boundary (consonant before a vowel): "Zelensky" -> "Zelen sky"."""
    cuts = [
        i
        for i in range(3, len(word) - 2)
        if word[i].lower() not in "aeiouy" and word[i - 1].lower() in "aeiouy"
    ]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    tail = word[cut:]
    return word[:cut] + " " + (tail.capitalize() if rng.random() < 0.5 else tail)


def _sound_alike(word: str, rng: random.Random) -> str | None:
    once = _respell_word(word, rng)
    if once is None:
        return None
    twice = _respell_word(once, rng) if rng.random() < 0.5 else None
    return twice if twice and twice.lower() != word.lower() else once


def speech_to_text(name: str, rng: random.Random) -> str | None:
    """What a recogniser writes for a name it hears: a sound-alike, a split or a join."""
    options: list[NameCorrupter] = [
        lambda n, r: _replace_word(n, r, _sound_alike),
        lambda n, r: _replace_word(n, r, _split_word, min_length=6),
    ]
    if " " in name.strip():
        options.append(lambda n, r: _join_words(n, r, keep_capitals=r.random() < 0.3))
    rng.shuffle(options)
    for option in options:
        new = option(name, rng)
        if new is not None and new != name:
            return new
    return None


def _mt_word(word: str, rng: random.Random) -> str | None:
    """Truncate and respell like a machine translation that did not know the name."""
    new = "".join(_MT_LOOKALIKES.get(c, c) for c in word)
    if len(new) >= 5 and rng.random() < 0.5:
        vowels = [i for i in range(2, len(new) - 2) if new[i].lower() in "aeiouy"]
        if vowels:
            drop = rng.choice(vowels)
            new = new[:drop] + new[drop + 1 :]
    if len(new) >= 4:
        keep = max(3, round(len(new) * rng.uniform(0.6, 0.85)))
        new = new[:keep] + rng.choice(_MT_ENDINGS)
    new = new[:2] + new[2:].replace("y", "i") if rng.random() < 0.3 else new
    return new if new.lower() != word.lower() else None


def machine_translation(name: str, rng: random.Random) -> str | None:
    """Truncation and respelling by a translation engine: "Hegseth" -> "Hegses".

    Each long word is garbled with even odds (at least one is), and a hyphen may become a
    space, as in the sample's "Wwadis Wow Kosiniak Kamisis".
    """
    if "-" in name and rng.random() < 0.5:
        name = name.replace("-", " ")
    words = _words(name, min_length=4)
    if not words:
        return None
    chosen = [span for span in words if rng.random() < 0.5] or [rng.choice(words)]
    pieces, position = [], 0
    for start, end in chosen:
        new = _mt_word(name[start:end], rng)
        pieces += [name[position:start], new if new is not None else name[start:end]]
        position = end
    garbled = "".join(pieces) + name[position:]
    return garbled if garbled.lower() != name.lower() else None


def case_loss(name: str, rng: random.Random) -> str | None:
    """All capitals lost, as in lower-cased speech transcripts ("jd vance")."""
    lowered = name.lower()
    return lowered if lowered != name else None


def _join_words(name: str, rng: random.Random, keep_capitals: bool) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    tail = words[1:] if keep_capitals else [w[:1].lower() + w[1:] for w in words[1:]]
    return words[0] + "".join(tail)


def joined(name: str, rng: random.Random) -> str | None:
    """The words of a name run together: "Marco Rubio" -> "Marcorubio" or "MarcoRubio"."""
    return _join_words(name, rng, keep_capitals=rng.random() < 0.5)


_FIRST_NAME_DAMAGE: tuple[NameCorrupter, ...] = (_typo_in_word, _respell_word, _mt_word)


def first_name_garbled(name: str, rng: random.Random) -> str | None:
    """The given name broken, the surname intact: "Voldimi Zelensky"."""
    words = name.split(" ")
    if len(words) < 2 or len(words[0]) < 3 or not words[0].isalpha():
        return None
    for damage in rng.sample(_FIRST_NAME_DAMAGE, len(_FIRST_NAME_DAMAGE)):
        first = damage(words[0], rng)
        if first and first.lower() != words[0].lower():
            return " ".join([first, *words[1:]])
    return None


#: Letters NFKD does not take apart, with their plain ASCII spelling.
_ASCII = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
          "œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th"}  # fmt: skip


def accents_dropped(name: str, rng: random.Random | None = None) -> str | None:
    """The name in plain ASCII letters: a valid spelling, not an error ("Lech Walesa")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(_ASCII.get(c, c) for c in decomposed if not unicodedata.combining(c))
    return plain if plain != unicodedata.normalize("NFC", name) else None


@dataclass(frozen=True, slots=True)
class Corruption:
    """`text[start:end]` of the clean text is to be replaced by `corrupted`."""

    start: int
    end: int
    corrupted: str


@dataclass(frozen=True, slots=True)
class Model:
    """A named error model acting on a name in its text.

    Most models change only the name; `reach_neighbour` models (glued) also take in the
    word next to it, so their `Corruption` spans more than the name.
    """

    name: str
    description: str
    corrupt_name: NameCorrupter | None = None
    reach_neighbour: bool = False

    def corrupt(self, text: str, start: int, end: int, rng: random.Random) -> Corruption | None:
        """Break the name at `text[start:end]`; None when the model does not apply there."""
        if self.reach_neighbour:
            return _glue(text, start, end, rng)
        assert self.corrupt_name is not None
        name = text[start:end]
        new = self.corrupt_name(name, rng)
        return Corruption(start, end, new) if new is not None and new != name else None


_LEFT_WORD = re.compile(r"([^\W\d_]{2,}) $")
_RIGHT_WORD = re.compile(r" ([^\W\d_]{2,})")


def _glue(text: str, start: int, end: int, rng: random.Random) -> Corruption | None:
    """Run the name into the word before or after it: "Journal Vance" -> "JournalVance"."""
    options = []
    left = _LEFT_WORD.search(text, max(0, start - 40), start)
    if left and left.end() == start:
        options.append(Corruption(left.start(1), end, left.group(1) + text[start:end]))
    right = _RIGHT_WORD.match(text, end)
    if right:
        options.append(Corruption(start, right.end(1), text[start:end] + right.group(1)))
    return rng.choice(options) if options else None


ERROR_MODELS: tuple[Model, ...] = (
    Model("keyboard_typo", "one keyboard slip: a letter dropped, swapped or hit next to", keyboard_typo),
    Model("phonetic", "spelled as it sounds (ph/f, double letters, ei/ie …)", phonetic_respelling),
    Model("ocr", "an OCR glyph confusion (rn/m, l/I/1, cl/d, vv/w, 0/O …)", ocr_confusion),
    Model("speech_to_text", "a recogniser's sound-alike, word split or join", speech_to_text),
    Model("machine_translation", "truncated and respelled ('Hegseth' -> 'Hegses')", machine_translation),
    Model("case_loss", "all lower case ('jd vance')", case_loss),
    Model("joined", "words of the name run together ('Marcorubio')", joined),
    Model("glued", "the name run into its neighbour word ('JournalVance')", reach_neighbour=True),
    Model("first_name_garbled", "given name broken, surname intact ('Voldimi Zelensky')", first_name_garbled),
)

#: Machine translation garbling one person every time the text names them, each mention
#: anew: the sample article's "Pete Hegses" ... "Hegses" ... "Hegus". Applied to whole
#: documents (see `datasets.corrupted.corrupted_gum`), not to single mentions.
REPEATED_MODEL = Model(
    "repeated_garble",
    "every mention of one person garbled anew by machine translation ('Hegses', 'Hegus')",
    machine_translation,
)

#: Valid spellings that look like errors; alias swaps are made where the aliases are known.
VALID_VARIANTS: tuple[Model, ...] = (
    Model("accents_dropped", "diacritics left out ('Lech Walesa')", accents_dropped),
)
