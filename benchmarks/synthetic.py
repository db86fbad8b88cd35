"""Pronounceable made-up entities, to grow a gazetteer to a million entries for the speed run.

The names are built from syllables so that they look like names to a corrector (and share
letters, sounds and lengths with real ones) without being anyone's real name by design.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from .names import NameRecord

__all__ = ["synthetic_name", "synthetic_records", "write_synthetic"]

_ONSETS = (
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
)
_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "ia")
_CODAS = ("", "", "", "n", "r", "s", "l", "m", "th", "nd", "rk", "sk")
_ORG_SUFFIXES = ("Group", "Holdings", "Institute", "Bank", "Partners", "Foundation", "Systems")
#: person : place : org, roughly as in the bundled gazetteer's tail.
_KINDS = ("person", "person", "place", "place", "org")
PROMINENCE = 0.05


def _word(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3, 3, 4))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return word.capitalize()


def synthetic_name(kind: str, rng: random.Random) -> str:
    """A made-up name of the kind: "Dreavomar Kitusk", "Shoulanth", "Brazemi Holdings"."""
    if kind == "person":
        return f"{_word(rng)} {_word(rng)}"
    if kind == "org":
        return f"{_word(rng)} {rng.choice(_ORG_SUFFIXES)}"
    return _word(rng)


def synthetic_records(count: int, seed: int) -> Iterator[NameRecord]:
    """`count` made-up entities with ids `synthetic:<n>`; the same seed gives the same names."""
    rng = random.Random(seed)
    for number in range(count):
        kind = _KINDS[number % len(_KINDS)]
        yield NameRecord(f"synthetic:{number}", synthetic_name(kind, rng), kind, prominence=PROMINENCE)


def write_synthetic(path: Path, count: int, seed: int) -> list[NameRecord]:
    """Write `count` synthetic entities as a gazetteer file (line by line: a million entries
    would take minutes through yaml.dump) and return them."""
    records = list(synthetic_records(count, seed))
    with path.open("w", encoding="utf-8") as stream:
        stream.write('namefix: 1\nsource: "namefix benchmark, synthetic names"\nlicense: "CC0 1.0"\n')
        stream.write("allow_shared_aliases: true\nentities:\n")
        stream.writelines(
            f'  - {{id: "{r.id}", name: "{r.name}", kind: {r.kind}, prominence: {r.prominence}}}\n'
            for r in records
        )
    return records
