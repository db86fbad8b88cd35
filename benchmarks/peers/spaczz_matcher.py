"""spaczz: spaCy's fuzzy phrase matcher with the names as patterns on `spacy.blank("en")`.

It compares every pattern with every stretch of the text in Python, so it sees only the
`MAX_NAMES` most prominent entities and at most `MAX_CHARS` characters of each dataset.
"""

from __future__ import annotations

import importlib.util

from ..names import GazetteerSetup
from ..system import Edit

__all__ = ["SpaczzFactory"]

MAX_NAMES = 200
MAX_CHARS = 40_000
MIN_RATIO = 85


class SpaczzSystem:
    name = "spaczz"

    def __init__(self, setup: GazetteerSetup, limit: int) -> None:
        import spacy
        from spaczz.matcher import FuzzyMatcher

        self._nlp = spacy.blank("en")
        self._matcher = FuzzyMatcher(self._nlp.vocab, min_r=MIN_RATIO)
        records = setup.most_prominent(limit)
        for record in records:
            self._matcher.add(record.name, [self._nlp.make_doc(s) for s in record.spellings])
        self._known = setup.index
        self.names_seen = len(records)
        self.detail = f"{sum(len(r.spellings) for r in records):,} patterns, ratio >= {MIN_RATIO}"

    def correct(self, text: str) -> list[Edit]:
        doc = self._nlp(text)
        matches = sorted(self._matcher(doc), key=lambda match: -match[3])
        taken: set[int] = set()
        edits = []
        for label, start, end, _ratio, _pattern in matches:
            if taken.intersection(range(start, end)):
                continue
            taken.update(range(start, end))
            span = doc[start:end]
            if span.text != label and span.text not in self._known:
                edits.append(Edit(span.start_char, span.end_char, span.text, label))
        return sorted(edits, key=lambda edit: edit.start)

    def close(self) -> None:
        pass


class SpaczzFactory:
    name = "spaczz"
    max_chars: int | None = MAX_CHARS

    def unavailable(self) -> str | None:
        missing = [m for m in ("spacy", "spaczz") if importlib.util.find_spec(m) is None]
        return f"{' and '.join(missing)} not installed" if missing else None

    def build(self, setup: GazetteerSetup) -> SpaczzSystem:
        return SpaczzSystem(setup, MAX_NAMES)
