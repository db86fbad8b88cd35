"""Run one system over one dataset and keep everything the report needs from it."""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .corruption import seeded
from .datasets import Dataset
from .documents import Document
from .metrics import (
    CurvePoint,
    DocumentScore,
    Tally,
    expected_calibration_error,
    labelled_fixes,
    pr_curve,
    reliability_bins,
    score_documents,
    total,
)
from .system import Edit, System

__all__ = ["SystemRun", "at_threshold", "evaluate", "pick_documents"]

#: Thresholds the precision-recall curve is drawn at.
CURVE_THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(21))


@dataclass
class SystemRun:
    """One system on one dataset: counts per group and split, calibration, PR curve."""

    system: str
    dataset: str
    names_seen: int
    detail: str
    documents: int
    documents_skipped: int
    chars: int
    seconds: float
    overall: Tally
    by_group: dict[str, Tally]
    by_split: dict[str, Tally]
    calibration: list[tuple[float, float, int]] = field(default_factory=list)
    ece: float | None = None
    curve: list[CurvePoint] = field(default_factory=list)
    failures: int = 0
    first_failure: str | None = None
    #: (confidence, right) of every fix at confidence 0, for pooled calibration (not saved).
    labelled: list[tuple[float, bool]] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "system": self.system,
            "dataset": self.dataset,
            "names_seen": self.names_seen,
            "detail": self.detail,
            "documents": self.documents,
            "documents_skipped": self.documents_skipped,
            "chars": self.chars,
            "seconds": self.seconds,
            "overall": self.overall.as_dict(),
            "by_group": {k: v.as_dict() for k, v in self.by_group.items()},
            "by_split": {k: v.as_dict() for k, v in self.by_split.items()},
            "calibration_bins": self.calibration,
            "ece": self.ece,
            "pr_curve": [vars_of(point) for point in self.curve],
            "failures": self.failures,
            "first_failure": self.first_failure,
        }


def vars_of(point: CurvePoint) -> dict[str, object]:
    counts = {name: getattr(point, name) for name in point.__dataclass_fields__}
    return {**counts, "precision": point.precision, "recall": point.recall}


def pick_documents(documents: Sequence[Document], max_chars: int | None, seed: object) -> list[Document]:
    """All documents, or a seeded sample of them within `max_chars` (kept in their order)."""
    if max_chars is None or sum(len(d.text) for d in documents) <= max_chars:
        return list(documents)
    order = list(range(len(documents)))
    seeded(seed, "sample").shuffle(order)
    chosen: set[int] = set()
    used = 0
    for index in order:
        if used + len(documents[index].text) > max_chars and chosen:
            continue
        chosen.add(index)
        used += len(documents[index].text)
    return [document for index, document in enumerate(documents) if index in chosen]


def at_threshold(edits: Sequence[Edit], threshold: float) -> list[Edit]:
    """The fixes a user gets at `threshold` (what `Correction.above` keeps); peers keep all."""
    return [e for e in edits if e.confidence is None or e.confidence >= threshold]


def _group_by(
    documents: Sequence[Document],
    scores: Sequence[DocumentScore],
    key: Callable[[Document], str | None],
) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for document, score in zip(documents, scores, strict=True):
        name = key(document)
        if name is not None:
            tallies[name] = tallies.get(name, Tally()) + score.tally
    return tallies


def evaluate(dataset: Dataset, system: System, *, threshold: float, max_chars: int | None) -> SystemRun:
    """Correct every (or a capped sample of the) document(s) and score the fixes."""
    documents = pick_documents(dataset.documents, max_chars, dataset.name)
    edits: list[list[Edit]] = []
    failures, first_failure = 0, None
    started = time.perf_counter()
    for document in documents:
        try:
            edits.append(system.correct(document.text))
        except Exception:  # a crash on one text must not lose the whole run
            failures += 1
            first_failure = first_failure or f"{document.id}: {traceback.format_exc(limit=3)}"
            edits.append([])
    seconds = time.perf_counter() - started
    scores = score_documents(documents, [at_threshold(e, threshold) for e in edits])
    labelled = labelled_fixes(score_documents(documents, edits))
    curve = pr_curve(documents, edits, CURVE_THRESHOLDS) if labelled else []
    return SystemRun(
        system=system.name,
        dataset=dataset.name,
        names_seen=system.names_seen,
        detail=system.detail,
        documents=len(documents),
        documents_skipped=len(dataset.documents) - len(documents),
        chars=sum(len(d.text) for d in documents),
        seconds=seconds,
        overall=total(scores),
        by_group=_group_by(documents, scores, lambda d: d.group),
        by_split=_group_by(documents, scores, lambda d: d.split),
        calibration=reliability_bins(labelled),
        ece=expected_calibration_error(labelled),
        curve=curve,
        failures=failures,
        first_failure=first_failure,
        labelled=labelled,
    )
