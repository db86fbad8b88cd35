"""Scoring fixes against gold spans: precision, recall, F0.5, damage, calibration.

Matching follows the GEC convention, made independent of how wide a fix is: fixes and gold
spans that overlap form a cluster; the cluster is right when its stretch of text, after the
system's fixes, reads as it does after the gold spellings ("Voldimi" -> "Volodymyr" and
"Voldimi Zelensky" -> "Volodymyr Zelensky" are the same repair). A fix in a right cluster
is a right fix; a fix overlapping no gold span is a false fix; a gold span in no right
cluster is a miss. Precision is weighted over recall (F0.5) because a wrong "fix" to a
correct name does more harm than a missed repair.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .documents import Document, Gold, count_tokens
from .system import Edit

__all__ = [
    "CurvePoint",
    "DocumentScore",
    "Tally",
    "expected_calibration_error",
    "f_beta",
    "labelled_fixes",
    "per_thousand",
    "pr_curve",
    "ratio",
    "reliability_bins",
    "score_document",
    "score_documents",
    "spans_touch",
    "total",
]

#: Most spelling combinations tried for a cluster holding several gold spans.
MAX_GOLD_COMBINATIONS = 64
_SPACES = re.compile(r"\s+")


def ratio(part: float, whole: float) -> float | None:
    """part / whole, or None when there is nothing to divide (shown as "n/a")."""
    return part / whole if whole else None


def f_beta(precision: float | None, recall: float | None, beta: float = 0.5) -> float | None:
    """The F-score weighting precision `1/beta` times as much as recall; 0 when both are 0."""
    if precision is None or recall is None:
        return None
    if precision == 0 and recall == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


def per_thousand(count: int, tokens: int) -> float | None:
    """A count per 1,000 tokens (false fixes on clean text)."""
    return 1000 * count / tokens if tokens else None


def spans_touch(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two half-open spans overlap; an insertion (empty span) touches its edges."""
    if a_start == a_end:
        return b_start <= a_start <= b_end
    if b_start == b_end:
        return a_start <= b_start <= a_end
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts that add up across documents; the rates are computed from them on demand."""

    fixes: int = 0
    right_fixes: int = 0
    false_fixes: int = 0  # fixes overlapping no gold span
    golds: int = 0
    found: int = 0
    clean_tokens: int = 0
    clean_false_fixes: int = 0
    variants: int = 0
    variants_changed: int = 0
    entity_checked: int = 0
    entity_right: int = 0
    golds_by_category: Counter[str] = field(default_factory=Counter)
    missed_by_category: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        counts = {
            name: getattr(self, name) + getattr(other, name)
            for name in self.__dataclass_fields__
            if name not in ("golds_by_category", "missed_by_category")
        }
        return Tally(
            **counts,
            golds_by_category=self.golds_by_category + other.golds_by_category,
            missed_by_category=self.missed_by_category + other.missed_by_category,
        )

    @property
    def precision(self) -> float | None:
        return ratio(self.right_fixes, self.fixes)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.golds)

    @property
    def f05(self) -> float | None:
        # No fixes and nothing to find is undefined; no fixes but golds to find scores 0.
        precision = self.precision if self.fixes else (0.0 if self.golds else None)
        return f_beta(precision, self.recall)

    @property
    def false_fixes_per_1k(self) -> float | None:
        return per_thousand(self.clean_false_fixes, self.clean_tokens)

    @property
    def entity_accuracy(self) -> float | None:
        return ratio(self.entity_right, self.entity_checked)

    def as_dict(self) -> dict[str, object]:
        """Counts and rates, for results.json."""
        counts = {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if name not in ("golds_by_category", "missed_by_category")
        }
        return {
            **counts,
            "golds_by_category": dict(self.golds_by_category),
            "missed_by_category": dict(self.missed_by_category),
            "precision": self.precision,
            "recall": self.recall,
            "f05": self.f05,
            "false_fixes_per_1k": self.false_fixes_per_1k,
            "entity_accuracy": self.entity_accuracy,
        }


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """A document's `Tally` plus each fix with its verdict (for calibration)."""

    tally: Tally
    verdicts: tuple[tuple[Edit, bool], ...]


def _normalised(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _apply(text: str, start: int, edits: Sequence[Edit]) -> str | None:
    """`text` (which begins at offset `start`) with `edits` spliced in; None if they overlap."""
    pieces, position = [], start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position:
            return None
        pieces += [text[position - start : edit.start - start], edit.replacement]
        position = edit.end
    pieces.append(text[position - start :])
    return "".join(pieces)


def _gold_readings(text: str, start: int, golds: Sequence[Gold]) -> set[str]:
    """Every way the stretch `text` (from offset `start`) reads once its golds are repaired."""
    readings = set()
    choices = itertools.product(*(gold.accepted for gold in golds))
    for spelling in itertools.islice(choices, MAX_GOLD_COMBINATIONS):
        repaired = [
            Edit(gold.start, gold.end, "", accepted) for gold, accepted in zip(golds, spelling, strict=True)
        ]
        reading = _apply(text, start, repaired)
        if reading is not None:
            readings.add(_normalised(reading))
    return readings


def _same_entity(edit: Edit, gold: Gold) -> bool:
    if gold.entity_id and edit.entity_id == gold.entity_id:
        return True
    if gold.wikipedia and edit.wikipedia:
        return _title(edit.wikipedia) == _title(gold.wikipedia)
    return False


def _title(wikipedia: str) -> str:
    title = wikipedia.replace("_", " ").strip()
    return title[:1].upper() + title[1:]


def _clusters(edits: Sequence[Edit], golds: Sequence[Gold]) -> list[tuple[list[Edit], list[Gold]]]:
    """Group fixes and gold spans that overlap, directly or through one another."""
    items: list[Edit | Gold] = [*edits, *golds]
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(items)), 2):
        a, b = items[i], items[j]
        if spans_touch(a.start, a.end, b.start, b.end):
            parent[root(i)] = root(j)
    groups: dict[int, tuple[list[Edit], list[Gold]]] = {}
    for i, item in enumerate(items):
        group = groups.setdefault(root(i), ([], []))
        if isinstance(item, Gold):
            group[1].append(item)
        else:
            group[0].append(item)
    return list(groups.values())


def score_document(document: Document, edits: Sequence[Edit]) -> DocumentScore:
    """Compare a system's fixes on one document with its gold spans."""
    text = document.text
    right_fixes = false_fixes = found = entity_checked = entity_right = 0
    missed: Counter[str] = Counter()
    verdicts: list[tuple[Edit, bool]] = []
    for cluster_edits, cluster_golds in _clusters(edits, document.golds):
        if not cluster_edits:
            missed.update(gold.category or gold.error_type for gold in cluster_golds)
            continue
        if not cluster_golds:
            false_fixes += len(cluster_edits)
            verdicts += [(edit, False) for edit in cluster_edits]
            continue
        members: list[Edit | Gold] = [*cluster_edits, *cluster_golds]
        start = min(item.start for item in members)
        end = max(item.end for item in members)
        reading = _apply(text[start:end], start, cluster_edits)
        right = reading is not None and _normalised(reading) in _gold_readings(
            text[start:end], start, cluster_golds
        )
        verdicts += [(edit, right) for edit in cluster_edits]
        if not right:
            missed.update(gold.category or gold.error_type for gold in cluster_golds)
            continue
        right_fixes += len(cluster_edits)
        found += len(cluster_golds)
        has_entity = any(edit.entity_id or edit.wikipedia for edit in cluster_edits)
        for gold in cluster_golds:
            if has_entity and (gold.entity_id or gold.wikipedia):
                entity_checked += 1
                entity_right += any(_same_entity(edit, gold) for edit in cluster_edits)
    changed = sum(
        any(spans_touch(span.start, span.end, edit.start, edit.end) for edit in edits)
        for span in document.protected
    )
    tally = Tally(
        fixes=len(edits),
        right_fixes=right_fixes,
        false_fixes=false_fixes,
        golds=len(document.golds),
        found=found,
        clean_tokens=count_tokens(text) if document.clean else 0,
        clean_false_fixes=len(edits) if document.clean else 0,
        variants=len(document.protected),
        variants_changed=changed,
        entity_checked=entity_checked,
        entity_right=entity_right,
        golds_by_category=Counter(gold.category or gold.error_type for gold in document.golds),
        missed_by_category=missed,
    )
    return DocumentScore(tally, tuple(verdicts))


def score_documents(
    documents: Sequence[Document], edits_by_document: Sequence[Sequence[Edit]]
) -> list[DocumentScore]:
    """`score_document` for each document and its fixes, in order."""
    return [
        score_document(document, edits) for document, edits in zip(documents, edits_by_document, strict=True)
    ]


def total(scores: Iterable[DocumentScore]) -> Tally:
    """All documents' tallies added up."""
    return sum((score.tally for score in scores), Tally())


def labelled_fixes(scores: Iterable[DocumentScore]) -> list[tuple[float, bool]]:
    """(confidence, right) for every fix that states a confidence."""
    return [
        (edit.confidence, right)
        for score in scores
        for edit, right in score.verdicts
        if edit.confidence is not None
    ]


def reliability_bins(
    labelled: Sequence[tuple[float, bool]], bins: int = 10
) -> list[tuple[float, float, int]]:
    """(mean confidence, share right, count) per equal-width confidence bin, empty bins left out.

    A confidence of exactly 1.0 falls in the top bin.
    """
    members: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in labelled:
        members[min(int(confidence * bins), bins - 1)].append((confidence, right))
    return [
        (sum(c for c, _ in bin_) / len(bin_), sum(r for _, r in bin_) / len(bin_), len(bin_))
        for bin_ in members
        if bin_
    ]


def expected_calibration_error(labelled: Sequence[tuple[float, bool]], bins: int = 10) -> float | None:
    """Mean gap between stated confidence and observed precision, weighted by bin size."""
    if not labelled:
        return None
    total = len(labelled)
    return sum(
        count / total * abs(accuracy - confidence)
        for confidence, accuracy, count in reliability_bins(labelled, bins)
    )


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """Counts when only fixes at or above `threshold` are kept (they add up across datasets)."""

    threshold: float
    fixes: int
    right_fixes: int
    golds: int
    found: int

    @property
    def precision(self) -> float | None:
        return ratio(self.right_fixes, self.fixes)

    @property
    def recall(self) -> float | None:
        return ratio(self.found, self.golds)

    def __add__(self, other: CurvePoint) -> CurvePoint:
        if other.threshold != self.threshold:
            raise ValueError("curve points of different thresholds do not add up")
        return CurvePoint(
            self.threshold,
            self.fixes + other.fixes,
            self.right_fixes + other.right_fixes,
            self.golds + other.golds,
            self.found + other.found,
        )


def pr_curve(
    documents: Sequence[Document],
    edits_by_document: Sequence[Sequence[Edit]],
    thresholds: Iterable[float],
) -> list[CurvePoint]:
    """Re-threshold one run (made at confidence 0) instead of re-running the system.

    Keeping fixes with confidence >= t is what `Correction.above(t)` does.
    """
    points = []
    for threshold in thresholds:
        kept = [
            [e for e in edits if e.confidence is not None and e.confidence >= threshold]
            for edits in edits_by_document
        ]
        tally = total(score_documents(documents, kept))
        points.append(CurvePoint(threshold, tally.fixes, tally.right_fixes, tally.golds, tally.found))
    return points
