"""Helpers every organisation builder shares: ids, their order, and the snapshot's commit.

Kept in one place so that all organisation files make ids the same way (ASCII slugs, a
source prefix) and list their entities in the same order (ids in natural order, so that
"Q9684" comes before "Q11640" and "univ:2nd-…" before "univ:42-…").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Letters NFKD does not decompose into an ASCII letter plus marks.
_TRANSLITERATE = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"}
)
_DIGITS = re.compile(r"(\d+)")


def slug(text: str) -> str:
    """'Fachhochschule Gießen-Friedberg' -> 'fachhochschule-giessen-friedberg'."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def natural_key(entity_id: str) -> list[int | str]:
    """Sort key reading digit runs as numbers: 'Q9684' < 'Q11640', 'the419' < 'the-beacon'."""
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(entity_id)]


def squash(text: str | None) -> str:
    """The text with runs of white space (tabs, double spaces) made one space; '' for None."""
    return " ".join((text or "").split())


def commit(data_dir: Path, folder: str) -> str:
    """The snapshot's commit from `<folder>/COMMIT`, shortened to eight digits as SOURCES.md has it."""
    for line in (data_dir / folder / "COMMIT").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "commit":
            return value.split()[0][:8]
    raise ValueError(f"no commit line in {folder}/COMMIT")
