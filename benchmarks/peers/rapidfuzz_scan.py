"""The naive fuzzy baseline: every capitalised run of words is looked up with
rapidfuzz `process.extractOne` over all name spellings, and replaced by the best match's
canonical name when it scores at least `CUTOFF`. Its cost grows with every name added, so it
sees only the `MAX_NAMES` most prominent entities."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator

from ..names import GazetteerSetup
from ..system import Edit

__all__ = ["RapidfuzzFactory", "capitalised_runs"]

CUTOFF = 85.0
MAX_NAMES = 20_000
MAX_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def capitalised_runs(text: str, max_words: int = MAX_WORDS) -> Iterator[tuple[int, int]]:
    """Spans of up to `max_words` capitalised words separated by single spaces."""
    run: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        if not match.group()[0].isupper():
            continue
        if run and (text[run[-1][1] : match.start()] != " " or len(run) == max_words):
            yield run[0][0], run[-1][1]
            run = []
        run.append((match.start(), match.end()))
    if run:
        yield run[0][0], run[-1][1]


class RapidfuzzSystem:
    name = "rapidfuzz"

    def __init__(self, setup: GazetteerSetup, limit: int) -> None:
        records = setup.most_prominent(limit)
        self._choices = [spelling for record in records for spelling in record.spellings]
        self._canonical = [record.name for record in records for _ in record.spellings]
        self._known = setup.index
        self._memo: dict[str, str | None] = {}
        self.names_seen = len(records)
        self.detail = f"{len(self._choices):,} spellings, fuzz.ratio >= {CUTOFF:g}"

    def _extract(self, query: str) -> tuple[str, float, int] | None:
        from rapidfuzz import fuzz, process, utils

        return process.extractOne(
            query, self._choices, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=CUTOFF
        )

    def _best(self, query: str) -> str | None:
        if query not in self._memo:
            found = None if query in self._known else self._extract(query)
            self._memo[query] = self._canonical[found[2]] if found else None
        return self._memo[query]

    def correct(self, text: str) -> list[Edit]:
        edits = []
        for start, end in capitalised_runs(text):
            query = text[start:end]
            best = self._best(query)
            if best is not None and best != query:
                edits.append(Edit(start, end, query, best))
        return edits

    def close(self) -> None:
        pass


class RapidfuzzFactory:
    name = "rapidfuzz"
    max_chars: int | None = None

    def unavailable(self) -> str | None:
        return None if importlib.util.find_spec("rapidfuzz") else "rapidfuzz is not installed"

    def build(self, setup: GazetteerSetup) -> RapidfuzzSystem:
        return RapidfuzzSystem(setup, MAX_NAMES)
