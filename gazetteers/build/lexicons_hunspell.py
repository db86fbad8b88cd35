"""Dictionary words and their case from Debian's hunspell English dictionaries.

The lexicon's `l`/`c` flags say whether a dictionary writes a word in lower case ("turkey")
or capitalised ("Turkey"); the `.dic` files only hold stems, so every dictionary is expanded
with its affix file by `unmunch` (hunspell-tools) and read in full.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lexicons_script import is_latin_word

HUNSPELL_DIR = Path("/usr/share/hunspell")


@dataclass(frozen=True)
class Dictionary:
    """One hunspell dictionary: its file stem and the Debian package that ships it."""

    stem: str
    package: str


# US, British, Canadian and Australian English, in the order the header names them.
DICTIONARIES = (
    Dictionary("en_US", "hunspell-en-us"),
    Dictionary("en_GB", "hunspell-en-gb"),
    Dictionary("en_CA", "hunspell-en-ca"),
    Dictionary("en_AU", "hunspell-en-au"),
)

LOWER, CAPITAL = "l", "c"


def package_version(package: str) -> str:
    """The installed Debian version of `package`, for the header (so it cannot go stale)."""
    dpkg = shutil.which("dpkg-query")
    if dpkg is None:
        raise RuntimeError("dpkg-query not found: the dictionary versions cannot be stated")
    result = subprocess.run(
        [dpkg, "-W", "-f", "${Version}", package], capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not result.stdout:
        raise RuntimeError(f"Debian package {package} is not installed (see gazetteers/SOURCES.md)")
    return result.stdout.strip()


def expand(dictionary: Dictionary, folder: Path = HUNSPELL_DIR) -> list[str]:
    """Every line `unmunch` writes for one dictionary: each stem with all its affixed forms."""
    unmunch = shutil.which("unmunch")
    if unmunch is None:
        raise RuntimeError("unmunch not found: install hunspell-tools")
    dic, aff = folder / f"{dictionary.stem}.dic", folder / f"{dictionary.stem}.aff"
    for path in (dic, aff):
        if not path.is_file():
            raise RuntimeError(f"{path} is missing: install {dictionary.package}")
    # unmunch reports every affix line it parses on stderr; only stdout is the word list.
    result = subprocess.run([unmunch, str(dic), str(aff)], capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"unmunch failed on {dic}: {result.stderr[-500:].decode(errors='replace')}")
    return result.stdout.decode("utf-8").splitlines()


def case_flags(lines: Iterable[str]) -> dict[str, set[str]]:
    """Lower-cased word -> {"l", "c"}: how the dictionaries write it.

    Each line is cut at white space and every Latin letters-only piece counts. Forms with an
    apostrophe or hyphen ("turkey's", "après-ski") are no word namefix would look up whole and
    are skipped. en_GB's `.dic` carries notes after a tab ("OCLC<TAB>Initialism of Online
    Computer Library Center"), which unmunch copies; their words count too, as in the
    committed lexicon ("online" and "library" are flagged `c` that way).
    """
    flags: dict[str, set[str]] = {}
    for line in lines:
        for piece in line.split():
            if not is_latin_word(piece):
                continue
            word = piece.lower()
            flags.setdefault(word, set()).add(LOWER if piece == word else CAPITAL)
    return flags


def dictionary_flags(folder: Path = HUNSPELL_DIR) -> dict[str, set[str]]:
    """The case flags of all four dictionaries together (a word is flagged if any has it)."""
    merged: dict[str, set[str]] = {}
    for dictionary in DICTIONARIES:
        for word, marks in case_flags(expand(dictionary, folder)).items():
            merged.setdefault(word, set()).update(marks)
    return merged


def versions() -> str:
    """'hunspell-en-us 1:2020.12.07-2, hunspell-en-gb …' for the lexicon header."""
    return ", ".join(f"{d.package} {package_version(d.package)}" for d in DICTIONARIES)
