"""Hunspell (the system's en_US dictionary) through its ispell pipe mode, names as a personal
dictionary: each misspelled word is replaced by its first suggestion."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..names import GazetteerSetup
from ..system import Edit
from .words import name_tokens

__all__ = ["HunspellFactory", "HunspellSystem"]

DICTIONARY = "en_US"
DICTIONARY_DIR = Path("/usr/share/hunspell")


class HunspellSystem:
    """One `hunspell -a` process fed line by line (a "^" keeps lines from being commands)."""

    name = "hunspell"

    def __init__(self, personal: Path, names_seen: int, detail: str) -> None:
        self.names_seen = names_seen
        self.detail = detail
        self._personal = personal
        self._process = subprocess.Popen(
            ["hunspell", "-a", "-i", "utf-8", "-d", DICTIONARY, "-p", str(personal)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        assert self._process.stdout is not None
        self._process.stdout.readline()  # the version banner
        self._memo: dict[str, list[tuple[str, str | None]]] = {}

    def _check_line(self, line: str) -> list[tuple[str, str | None]]:
        """(word, first suggestion or None) for each misspelled word of the line, in order."""
        if line not in self._memo:
            stdin, stdout = self._process.stdin, self._process.stdout
            assert stdin is not None and stdout is not None
            stdin.write("^" + line + "\n")
            found = []
            while (answer := stdout.readline()) != "\n":
                if not answer:
                    raise RuntimeError(f"hunspell stopped (exit code {self._process.poll()})")
                if answer[:1] in "&#":
                    head, _, suggestions = answer.rstrip("\n").partition(": ")
                    word = head.split(" ")[1]
                    found.append((word, suggestions.split(", ")[0] if suggestions else None))
            self._memo[line] = found
        return self._memo[line]

    def correct(self, text: str) -> list[Edit]:
        edits, line_start = [], 0
        for line in text.split("\n"):
            cursor = 0
            for word, suggestion in self._check_line(line) if line.strip() else ():
                where = line.find(word, cursor)
                if where < 0:
                    continue
                cursor = where + len(word)
                if suggestion and suggestion != word:
                    edits.append(Edit(line_start + where, line_start + cursor, word, suggestion))
            line_start += len(line) + 1
        return edits

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            self._process.wait(timeout=10)
        self._personal.unlink(missing_ok=True)


class HunspellFactory:
    name = "hunspell"
    max_chars = None

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
        return HunspellSystem(Path(stream.name), setup.size, detail)
