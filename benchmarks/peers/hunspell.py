"""Hunspell (the system's en_US dictionary) through its ispell pipe mode, with the name words
as a personal dictionary: each misspelled word is replaced by its first suggestion.

Words are sent one per line (and memoised like the other word-level peers): a suggestion
costs hunspell about 0.2 s with half a million name words loaded, so asking once per
distinct word is what keeps it usable on a corpus.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..names import GazetteerSetup
from .words import WordSystem, name_tokens

__all__ = ["HunspellFactory", "HunspellPipe"]

DICTIONARY = "en_US"
DICTIONARY_DIR = Path("/usr/share/hunspell")
MAX_CHARS = 80_000


class HunspellPipe:
    """One `hunspell -a` process; a "^" keeps each line from being read as a command."""

    def __init__(self, personal: Path) -> None:
        self._personal = personal
        self._process = subprocess.Popen(
            ["hunspell", "-a", "-i", "utf-8", "-d", DICTIONARY, "-p", str(personal)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._readline()  # the version banner

    def _readline(self) -> str:
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            raise RuntimeError(f"hunspell stopped (exit code {self._process.poll()})")
        return line

    def suggest(self, word: str) -> str | None:
        """The first suggestion for a misspelled word; None when it is known or hopeless."""
        assert self._process.stdin is not None
        self._process.stdin.write("^" + word + "\n")
        first = None
        while (answer := self._readline()) != "\n":
            if answer.startswith("& ") and first is None:
                first = answer.rstrip("\n").partition(": ")[2].split(", ")[0] or None
        return first

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=10)
        self._personal.unlink(missing_ok=True)


class HunspellSystem(WordSystem):
    def __init__(self, pipe: HunspellPipe, names_seen: int, detail: str) -> None:
        super().__init__("hunspell", pipe.suggest, names_seen, detail)
        self._pipe = pipe

    def close(self) -> None:
        self._pipe.close()


class HunspellFactory:
    name = "hunspell"
    max_chars: int | None = MAX_CHARS

    def unavailable(self) -> str | None:
        if shutil.which("hunspell") is None:
            return "the hunspell command is not installed (apt-get install hunspell hunspell-en-us)"
        if not (DICTIONARY_DIR / f"{DICTIONARY}.dic").is_file():
            return f"no {DICTIONARY} dictionary in {DICTIONARY_DIR}"
        return None

    def build(self, setup: GazetteerSetup) -> HunspellSystem:
        tokens = sorted(name_tokens(setup.records))
        with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False, encoding="utf-8") as stream:
            stream.write("\n".join(tokens) + "\n")
        detail = f"Debian {DICTIONARY} + {len(tokens):,} name words as a personal dictionary"
        return HunspellSystem(HunspellPipe(Path(stream.name)), setup.size, detail)
