"""Fit namefix's confidence model on the benchmark's dev data, and choose its threshold.

    python -m benchmarks.calibrate [--data DIR] [--write]

Every candidate fix namefix considers on the dev documents (before overlaps are settled) is
labelled right or wrong against the gold spans, and a logistic regression (L2-regularised,
fitted by Newton's method) maps the candidate's evidence to the probability that it is
right. Only dev data is used: GUM's dev split (clean and corrupted), the codespell pairs
(whose other half is held out elsewhere) and the template sentences about entities whose
ids hash into the dev half. The test half of GUM and the sample article stay unseen.

`--write` rewrites namefix/weights.py with the fitted weights and the chosen threshold:
the one with the best mean F0.5 over the dev sets with broken names among those that keep
false fixes on clean dev text at most 0.1 per 1,000 tokens (see `choose_threshold`).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import namefix
from namefix.scoring import features

from .datasets import Dataset
from .documents import Document
from .metrics import score_document
from .profiles import FULL_RUN
from .run import Options, build_datasets, load_bundled
from .system import Edit

REPO = Path(__file__).resolve().parent.parent
WEIGHTS_FILE = REPO / "namefix" / "weights.py"
TARGET_FALSE_PER_1K = 0.1


@dataclass
class Sample:
    features: dict[str, float]
    right: bool
    dataset: str
    document: str
    start: int
    end: int
    replacement: str


def in_dev(document: Document) -> bool:
    """GUM's own split where it has one; otherwise a stable hash of the document id."""
    if document.split is not None:
        return document.split == "dev"
    return int(hashlib.sha1(document.id.encode()).hexdigest(), 16) % 2 == 0


def collect(corrector: namefix.Corrector, datasets: Sequence[Dataset]) -> tuple[list[Sample], dict[str, int]]:
    samples: list[Sample] = []
    clean_tokens: dict[str, int] = {}
    for dataset in datasets:
        for document in dataset.documents:
            if not in_dev(document):
                continue
            if document.clean:
                from .documents import count_tokens

                clean_tokens[dataset.name] = clean_tokens.get(dataset.name, 0) + count_tokens(document.text)
            for fix, evidence in corrector.candidates(document.text):
                if evidence is None:
                    continue
                edit = Edit(fix.start, fix.end, fix.original, fix.replacement, fix.confidence, fix.entity.id)
                right = score_document(document, [edit]).verdicts[0][1]
                samples.append(
                    Sample(
                        features(evidence),
                        right,
                        dataset.name,
                        document.id,
                        fix.start,
                        fix.end,
                        fix.replacement,
                    )
                )
    return samples, clean_tokens


#: Evidence whose direction is known before any data is seen: a title the entity's roles
#: share, its country named in the document, a rare intact word, the name written right
#: elsewhere, prominence and likeness can only make a fix more believable; replacing a valid
#: word, a clash of kinds, edits, a foreign passage, a close rival and broken neighbours only
#: less. The fit respects these signs, so that a quirk of the synthetic dev data cannot turn
#: evidence upside down (issue 2: "a word that is itself a valid English word ... needs much
#: stronger evidence").
POSITIVE = frozenset(
    [
        "similarity",
        "weakest",
        "phonetic",
        "prominence",
        "context",
        "country",
        "document",
        "anchor_rarity",
        "rare_anchor_in_context",
        "structural",
        "completes",
        "zipf_gain",
        "surname_mentions",
        "surname_kin",
    ]
)
NEGATIVE = frozenset(
    [
        "changed_strong",
        "changed_weak",
        "changed_zipf",
        "kind_clash",
        "edit_rate",
        "foreign",
        "close_rival",
        "unexplained",
        "splittable",
    ]
)


def fit(samples: Sequence[Sample], l2: float = 1.0, rounds: int = 200) -> dict[str, float]:
    """Logistic regression by projected Newton steps, with the signs above (numpy only at
    calibration time)."""
    import numpy as np

    names = sorted(samples[0].features)
    x = np.array([[s.features[n] for n in names] for s in samples], dtype=float)
    y = np.array([1.0 if s.right else 0.0 for s in samples])
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 1e-6
    low = np.array([0.0 if n in POSITIVE else -np.inf for n in names])
    high = np.array([0.0 if n in NEGATIVE else np.inf for n in names])
    for _ in range(rounds):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        new = np.clip(w - step, low, high)
        if np.max(np.abs(new - w)) < 1e-8:
            break
        w = new
    return {name: round(float(value), 4) for name, value in zip(names, w, strict=True)}


def probability(weights: dict[str, float], sample_features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in sample_features.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def choose_threshold(corrector: namefix.Corrector, datasets: Sequence[Dataset]) -> tuple[float, list[str]]:
    """The threshold with the best mean F0.5 over the dev sets with broken names, among those
    that keep false fixes on clean dev text at most 0.1 per 1,000 tokens; of equally good
    ones the highest (a wrong fix costs more than a missed one). Decided fixes are scored (a
    run at threshold 0, re-thresholded with `Correction.above`)."""
    from .metrics import f_beta

    runs: list[tuple[str, Document, namefix.Correction]] = []
    for dataset in datasets:
        for document in dataset.documents:
            if in_dev(document):
                runs.append((dataset.name, document, corrector.correct(document.text, min_confidence=0.0)))
    lines: list[str] = []
    qualifying: list[tuple[float, float]] = []  # (threshold, mean F0.5)
    for step in range(30, 100, 2):
        t = step / 100
        tallies: dict[str, list[int]] = {}
        clean_false = clean_tokens = 0
        for name, document, correction in runs:
            fixes = correction.above(t).fixes
            edits = [
                Edit(f.start, f.end, f.original, f.replacement, f.confidence, f.entity.id) for f in fixes
            ]
            tally = score_document(document, edits).tally
            clean_false += tally.clean_false_fixes
            clean_tokens += tally.clean_tokens
            if document.golds:
                row = tallies.setdefault(name, [0, 0, 0, 0])
                row[0] += tally.fixes
                row[1] += tally.right_fixes
                row[2] += tally.golds
                row[3] += tally.found
        scores = {
            name: f_beta(r[1] / r[0] if r[0] else 1.0, r[3] / r[2] if r[2] else 0.0) or 0.0
            for name, r in tallies.items()
        }
        mean = sum(scores.values()) / len(scores) if scores else 0.0
        per_1k = 1000 * clean_false / clean_tokens if clean_tokens else 0.0
        lines.append(
            f"  t={t:.2f}: mean F0.5 {mean:.3f} ("
            + ", ".join(f"{n} {v:.3f}" for n, v in sorted(scores.items()))
            + f"), clean false fixes {clean_false} ({per_1k:.2f}/1k)"
        )
        if per_1k <= TARGET_FALSE_PER_1K:
            qualifying.append((t, mean))
    if not qualifying:
        return 0.95, lines
    best = max(round(mean, 3) for _, mean in qualifying)
    return max(t for t, mean in qualifying if round(mean, 3) == best), lines


def reliability(samples: Sequence[Sample], weights: dict[str, float]) -> list[str]:
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    for s in samples:
        p = probability(weights, s.features)
        bins[min(int(p * 10), 9)].append((p, s.right))
    out = []
    for members in bins:
        if members:
            mean = sum(p for p, _ in members) / len(members)
            share = sum(r for _, r in members) / len(members)
            out.append(f"  confidence {mean:.2f}: {share:.2f} right of {len(members)}")
    return out


def _install(weights: dict[str, float]) -> None:
    """Use the new weights in this process (the corrector reads them at scoring time)."""
    from namefix import scoring

    scoring.WEIGHTS.clear()
    scoring.WEIGHTS.update(weights)


def write_weights(weights: dict[str, float], threshold: float, summary: str) -> None:
    body = "\n".join(f'    "{name}": {value!r},' for name, value in sorted(weights.items()))
    WEIGHTS_FILE.write_text(
        '"""Weights of the confidence model and the default threshold.\n\n'
        "Generated by `python -m benchmarks.calibrate --write` from the benchmark's dev data;\n"
        "do not edit by hand. " + summary + '\n"""\n\n'
        "WEIGHTS: dict[str, float] = {\n" + body + "\n}\n\n"
        f"DEFAULT_MIN_CONFIDENCE = {threshold!r}\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.calibrate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--write", action="store_true", help="rewrite namefix/weights.py")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--show", type=int, default=0, help="print this many confident wrong candidates")
    args = parser.parse_args(argv)
    notes: list[str] = []
    options = Options(
        data=args.data,
        sample=None,
        out=Path("/tmp"),
        profile=FULL_RUN,
        only=frozenset({"gum_clean", "codespell", "corrupted_gum", "corrupted_templates"}),
    )
    import tempfile

    bundled = load_bundled(notes)
    with tempfile.TemporaryDirectory() as workdir:
        datasets = build_datasets(options, bundled, Path(workdir), notes)
    corrector = namefix.Corrector(min_confidence=0.0)
    samples, clean_tokens = collect(corrector, datasets)
    positives = sum(s.right for s in samples)
    print(f"{len(samples)} candidates, {positives} right, clean dev tokens {clean_tokens}", file=sys.stderr)
    weights = fit(samples, l2=args.l2)
    _install(weights)
    threshold, table = choose_threshold(corrector, datasets)
    print("weights:", weights)
    print("\n".join(table))
    print("reliability:")
    print("\n".join(reliability(samples, weights)))
    print(f"chosen threshold: {threshold}")
    if args.show:
        texts = {d.id: d for ds in datasets for d in ds.documents}
        wrong = sorted(
            ((probability(weights, s.features), s) for s in samples if not s.right),
            key=lambda item: -item[0],
        )
        print("most confident wrong candidates:")
        for p, sample in wrong[: args.show]:
            text = texts[sample.document].text
            before = text[max(0, sample.start - 30) : sample.start]
            after = text[sample.end : sample.end + 20]
            changed = f"[{text[sample.start : sample.end]!r}->{sample.replacement!r}]"
            print(f"  {p:.2f} {sample.dataset} {sample.document}: {before!r} {changed} {after!r}")
    if args.write:
        summary = f"Fitted on {len(samples)} dev candidates ({positives} right)."
        write_weights(weights, threshold, summary)
        print(f"wrote {WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
