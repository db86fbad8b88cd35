"""The benchmark's units of work: a text, the broken names in it and the spans to leave alone.

Every dataset loader turns its source into `Document`s, so systems, metrics and the report
never need to know where a text came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TOKEN", "Document", "Gold", "Span", "count_tokens"]

#: Tokens as ../shared/hooks/damage_check.py counts them: words and single punctuation marks.
TOKEN = re.compile(r"\w+|[^\w\s]")


def count_tokens(text: str) -> int:
    """The number of tokens false fixes are counted per (per 1,000 of them)."""
    return sum(1 for _ in TOKEN.finditer(text))


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch `text[start:end]` of a document, with what it is (an error type, a variant)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Gold:
    """A broken name in a document and the spellings that count as repaired.

    `accepted` are whole replacements for `text[start:end]`; a fix is right when the text
    reads as one of them afterwards, whichever exact span the fix covered. `entity_id` or
    `wikipedia` name the entity meant, when the source says so (for entity accuracy).
    """

    start: int
    end: int
    accepted: tuple[str, ...]
    error_type: str
    category: str | None = None
    entity_id: str | None = None
    wikipedia: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad gold span {self.start}:{self.end}")
        if not self.accepted:
            raise ValueError("a gold span needs at least one accepted spelling")


@dataclass(frozen=True, slots=True)
class Document:
    """One text handed to a system in one call.

    `clean` marks correctly spelled text: every change to it is a false fix and its tokens
    count for "false fixes per 1k tokens". `protected` are valid variants (accents dropped,
    another transliteration) that must stay as they are. `group` is the row the document
    is reported under (an error type, a category); `split` is GUM's dev/test where it applies.
    """

    id: str
    text: str
    group: str
    golds: tuple[Gold, ...] = ()
    protected: tuple[Span, ...] = ()
    clean: bool = False
    split: str | None = None

    def __post_init__(self) -> None:
        spans: tuple[Gold | Span, ...] = (*self.golds, *self.protected)
        for span in spans:
            if span.end > len(self.text):
                raise ValueError(f"{self.id}: span {span.start}:{span.end} is outside the text")
        if self.clean and self.golds:
            raise ValueError(f"{self.id}: a clean document cannot hold broken names")
