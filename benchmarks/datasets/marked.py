"""The user's own texts with their broken names marked inline (format in benchmarks/README.md).

    Defense Secretary Pete [[Hegses => Hegseth]] met [[jd vance => JD Vance | J.D. Vance]].
    The minister flew to [[Kiev]] on Monday.

`[[broken => right | other right]]` marks a broken name and its accepted spellings;
`[[name]]` marks a valid spelling that must stay as it is. A line holding only `---`
separates documents; lines starting with `#` are comments. Documents without any mark are
clean text (every change is a false fix).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..documents import Document, Gold, Span
from ..names import GazetteerSetup
from . import Dataset

__all__ = ["load", "parse"]

_MARK = re.compile(r"\[\[(.+?)\]\]")
_SEPARATOR = re.compile(r"^---[ \t]*$", re.MULTILINE)


def parse(marked: str, document_id: str) -> Document:
    """One marked-up text as a `Document` (offsets into the text without the marks)."""
    pieces: list[str] = []
    golds: list[Gold] = []
    protected: list[Span] = []
    position = length = 0
    for match in _MARK.finditer(marked):
        before = marked[position : match.start()]
        pieces.append(before)
        length += len(before)
        broken, arrow, rights = match.group(1).partition("=>")
        broken = broken.strip() if arrow else match.group(1)
        if arrow:
            accepted = tuple(r.strip() for r in rights.split("|") if r.strip())
            golds.append(Gold(length, length + len(broken), accepted, "marked"))
        else:
            protected.append(Span(length, length + len(broken), "marked valid"))
        pieces.append(broken)
        length += len(broken)
        position = match.end()
    pieces.append(marked[position:])
    clean = not golds and not protected
    return Document(document_id, "".join(pieces), "marked", tuple(golds), tuple(protected), clean)


def load(path: Path, setup: GazetteerSetup) -> Dataset:
    """Every document of a marked file."""
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith("#")
    ]
    blocks = [block.strip("\n") for block in _SEPARATOR.split("".join(lines))]
    documents = tuple(
        parse(block, f"{path.stem}:{number}") for number, block in enumerate(blocks) if block.strip()
    )
    return Dataset(
        "marked",
        f"Your marked texts: {path.name}",
        str(path),
        "yours",
        setup,
        documents,
        notes=(f"{len(documents)} document(s)",),
    )
