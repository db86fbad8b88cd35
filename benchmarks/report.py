"""The run's results as data (results.json) and as a Markdown report (REPORT.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from .datasets import Dataset
from .evaluate import SystemRun
from .metrics import CurvePoint, Tally, expected_calibration_error, reliability_bins

__all__ = ["Results", "markdown"]


@dataclass
class Results:
    """Everything one run measured."""

    machine: dict[str, object]
    profile: str
    namefix_version: str
    threshold: float
    datasets: Sequence[Dataset]
    runs: Sequence[SystemRun]
    build_seconds: dict[str, dict[str, float]]
    speed: dict[str, Any] | None
    notes: list[str]
    seconds: float

    @property
    def systems(self) -> list[str]:
        return list(dict.fromkeys(run.system for run in self.runs))

    def dataset(self, name: str) -> Dataset:
        return next(d for d in self.datasets if d.name == name)

    def run(self, system: str, dataset: str) -> SystemRun | None:
        return next((r for r in self.runs if r.system == system and r.dataset == dataset), None)

    def pooled_errors(self, system: str) -> Tally:
        """All error datasets together (P, R, F0.5 of the headline)."""
        error_sets = {d.name for d in self.datasets if d.has_errors}
        return sum(
            (r.overall for r in self.runs if r.system == system and r.dataset in error_sets),
            Tally(),
        )

    def pooled_all(self, system: str) -> Tally:
        """Every dataset together (the clean-text false fixes of the headline)."""
        return sum((r.overall for r in self.runs if r.system == system), Tally())

    def pooled_curve(self, system: str) -> list[CurvePoint]:
        error_sets = {d.name for d in self.datasets if d.has_errors}
        curves = [r.curve for r in self.runs if r.system == system and r.dataset in error_sets and r.curve]
        return [sum(points[1:], points[0]) for points in zip(*curves, strict=True)] if curves else []

    def pooled_labelled(self, system: str) -> list[tuple[float, bool]]:
        return [pair for r in self.runs if r.system == system for pair in r.labelled]

    def throughput(self, system: str, size_prefix: str = "full") -> Any:
        if not self.speed:
            return None
        return next(
            (t for t in self.speed["throughput"] if t.system == system and t.size.startswith(size_prefix)),
            None,
        )

    def as_dict(self) -> dict[str, object]:
        speed = None
        if self.speed:
            speed = {
                **self.speed,
                "throughput": [t.as_dict() for t in self.speed["throughput"]],
                "cold_start": asdict(self.speed["cold_start"]) if self.speed["cold_start"] else None,
            }
        return {
            "machine": self.machine,
            "profile": self.profile,
            "namefix_version": self.namefix_version,
            "default_threshold": self.threshold,
            "seconds": self.seconds,
            "datasets": [
                {
                    "name": d.name,
                    "title": d.title,
                    "source": d.source,
                    "license": d.license,
                    "documents": len(d.documents),
                    "setup": d.setup.label,
                    "notes": list(d.notes),
                }
                for d in self.datasets
            ],
            "headline": {s: self.headline(s) for s in self.systems},
            "runs": [r.as_dict() for r in self.runs],
            "build_seconds": self.build_seconds,
            "speed": speed,
            "notes": self.notes,
        }

    def headline(self, system: str) -> dict[str, Any]:
        """The headline row of a system: pooled P, R, F0.5, damage, speed."""
        errors, everything = self.pooled_errors(system), self.pooled_all(system)
        speed = self.throughput(system)
        floor = self.speed["floor_mb_per_second"] if self.speed else None
        return {
            "precision": errors.precision,
            "recall": errors.recall,
            "f05": errors.f05,
            "false_fixes_per_1k": everything.false_fixes_per_1k,
            "mb_per_second": speed.mb_per_second if speed else None,
            "times_floor": speed.times_floor(floor) if speed and floor else None,
            "ece": expected_calibration_error(self.pooled_labelled(system)),
        }


def _num(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _headline(results: Results) -> str:
    rows = []
    for system in results.systems:
        h = results.headline(system)
        rows.append(
            [
                f"**{system}**" if system == "namefix" else system,
                _pct(h["precision"]),
                _pct(h["recall"]),
                _pct(h["f05"]),
                _num(h["false_fixes_per_1k"]),
                _num(h["mb_per_second"]),
                _num(h["times_floor"], 1),
            ]
        )
    machine = results.machine
    return "\n".join(
        [
            f"Run of {machine['date']} on {machine['platform']}, {machine['cpus']} CPUs, Python "
            f"{machine['python']}; namefix {results.namefix_version} at its default threshold "
            f"{results.threshold:g}; profile `{results.profile}`; {results.seconds / 60:.1f} minutes.",
            "",
            _table(["system", "P", "R", "F0.5", "false fixes / 1k clean tokens", "MB/s", "x floor"], rows),
            "",
            "P, R and F0.5 pool every dataset with broken names; false fixes pool all clean text (GUM as "
            "is and every correctly spelled sentence); MB/s is on the speed corpus with the full bundled "
            "gazetteer; x floor is the system's time as a multiple of the floor's (lower is faster).",
        ]
    )


def _dataset_section(results: Results, dataset: Dataset) -> str:
    rows = []
    for system in results.systems:
        run = results.run(system, dataset.name)
        if run is None:
            continue
        t = run.overall
        skipped = f" (+{run.documents_skipped} skipped)" if run.documents_skipped else ""
        rows.append(
            [
                system,
                _pct(t.precision),
                _pct(t.recall),
                _pct(t.f05),
                f"{t.right_fixes}/{t.fixes}",
                f"{t.found}/{t.golds}",
                t.false_fixes,
                _num(t.false_fixes_per_1k),
                _pct(t.entity_accuracy),
                _num(run.ece),
                f"{run.documents}{skipped}",
                f"{run.seconds:.1f}",
            ]
        )
    parts = [
        f"### {dataset.title}",
        "",
        _table(
            [
                "system",
                "P",
                "R",
                "F0.5",
                "right/fixes",
                "found/golds",
                "fixes on no gold",
                "false fixes/1k clean",
                "entity acc.",
                "ECE",
                "documents",
                "s",
            ],
            rows,
        ),
    ]
    parts += _group_table(results, dataset)
    parts += [f"- {note}" for note in dataset.notes]
    return "\n".join(parts) + "\n"


def _cell(tally: Tally) -> str:
    if tally.golds:
        return f"{_pct(tally.precision)} / {_pct(tally.recall)} / {_pct(tally.f05)}"
    if tally.variants:
        return f"{tally.variants_changed}/{tally.variants} changed"
    if tally.clean_tokens:
        return f"{tally.clean_false_fixes} false ({_num(tally.false_fixes_per_1k)}/1k)"
    return f"{tally.fixes} fixes"


def _group_table(results: Results, dataset: Dataset) -> list[str]:
    """Per error type (corrupted data), per category (name errors), per split (GUM)."""
    runs = [r for s in results.systems if (r := results.run(s, dataset.name))]
    if not runs:
        return []
    by_split = dataset.name == "gum_clean"
    groups = sorted({g for r in runs for g in (r.by_split if by_split else r.by_group)})
    if len(groups) < 2 and not any(r.overall.golds_by_category for r in runs):
        return []
    lines = [
        "",
        "P / R / F0.5 per " + ("split" if by_split else "group") + " (valid variants: how many "
        "were changed; correctly spelled text: false fixes):",
        "",
    ]
    rows = []
    for group in groups:
        row: list[object] = [group]
        for run in runs:
            tallies = run.by_split if by_split else run.by_group
            row.append(_cell(tallies[group]) if group in tallies else "")
        rows.append(row)
    lines.append(_table(["group", *[r.system for r in runs]], rows))
    categories = sorted({c for r in runs for c in r.overall.golds_by_category})
    if categories and dataset.name not in ("corrupted_gum", "corrupted_templates"):
        lines += ["", "Misses by category (missed / broken names):", ""]
        rows = [
            [
                category,
                *[
                    f"{r.overall.missed_by_category[category]}/{r.overall.golds_by_category[category]}"
                    for r in runs
                ],
            ]
            for category in categories
        ]
        lines.append(_table(["category", *[r.system for r in runs]], rows))
    return lines


def _error_types(results: Results) -> str:
    """F0.5 per error type for every system, corrupted GUM and templates side by side."""
    names = [
        n for n in ("corrupted_gum", "corrupted_templates") if any(d.name == n for d in results.datasets)
    ]
    if not names:
        return ""
    groups = sorted({g for r in results.runs if r.dataset in names for g in r.by_group})
    rows = []
    for group in groups:
        row: list[object] = [group]
        for system in results.systems:
            cells = []
            for name in names:
                run = results.run(system, name)
                tally = run.by_group.get(group) if run else None
                cells.append(_cell(tally) if tally else "-")
            row.append(" ; ".join(cells))
        rows.append(row)
    return "\n".join(
        [
            "## Per error type",
            "",
            f"Each cell: P / R / F0.5 on {' ; '.join(names)}.",
            "",
            _table(["error type", *results.systems], rows),
            "",
        ]
    )


def _weakest(results: Results) -> str:
    run_groups: dict[str, Tally] = {}
    for run in results.runs:
        if run.system == "namefix" and run.dataset in ("corrupted_gum", "corrupted_templates"):
            for group, tally in run.by_group.items():
                if tally.golds:
                    run_groups[group] = run_groups.get(group, Tally()) + tally
    if not run_groups:
        return ""
    ranked = sorted(run_groups.items(), key=lambda item: item[1].f05 or 0.0)
    listed = ", ".join(f"{g} (F0.5 {_pct(t.f05)})" for g, t in ranked[:3])
    return f"Weakest error types for namefix in this run: {listed}.\n"


def _curve_table(results: Results) -> str:
    curve = results.pooled_curve("namefix")
    labelled = results.pooled_labelled("namefix")
    if not curve:
        return "namefix made no fixes with a confidence in this run: no PR curve or calibration.\n"
    rows = [[_num(p.threshold), _pct(p.precision), _pct(p.recall), p.fixes] for p in curve[::2]]
    bins = reliability_bins(labelled)
    ece = _num(expected_calibration_error(labelled), 3)
    return "\n".join(
        [
            f"Pooled over the datasets with broken names, one run at `min_confidence=0.0` re-thresholded "
            f"(what `Correction.above(t)` keeps). Default threshold: {results.threshold:g}. Expected "
            f"calibration error (10 bins, all {len(labelled)} fixes): {ece}.",
            "",
            _table(["threshold", "P", "R", "fixes"], rows),
            "",
            _table(
                ["confidence bin mean", "share right", "fixes"], [[_num(c), _pct(a), n] for c, a, n in bins]
            ),
            "",
        ]
    )


def _speed(results: Results) -> str:
    speed = results.speed
    if not speed:
        return ""
    floor = speed["floor_mb_per_second"]
    rows = []
    for t in speed["throughput"]:
        rows.append(
            [
                t.system,
                t.size,
                f"{t.names_seen:,}",
                _num(t.mb_per_second),
                _num(t.times_floor(floor), 1),
                _num(t.build_seconds, 1),
                _num(t.cold_build_seconds, 1),
                _num(t.peak_rss_mb, 0),
                _num(t.false_fixes_per_1k),
                t.note,
            ]
        )
    parts = [
        "## Speed and memory",
        "",
        f"Corpus: {speed['corpus_bytes'] / 1e6:.2f} MB in {speed['corpus_documents']} documents (GUM and "
        f"the sample article, repeated). Floor (`\\w+` tokens plus one dict lookup each): "
        f"{floor:.1f} MB/s, the faster of its timings before and after the systems' runs "
        f"({_floor_timings(speed)}). MB = 10^6 bytes of UTF-8.",
        "",
        _table(
            [
                "system",
                "gazetteer",
                "names seen",
                "MB/s",
                "x floor",
                "build s",
                "cold build s",
                "peak RSS MB",
                "false fixes/1k clean",
                "note",
            ],
            rows,
        ),
        "",
        "namefix runs in a fresh interpreter per size: `cold build s` is construction plus first call "
        "with an empty `NAMEFIX_CACHE_DIR`, `build s` the same with the cache present; peak RSS is "
        "that interpreter's VmHWM (`ru_maxrss` where /proc is missing). Peers are built and timed in the "
        "benchmark's process.",
        "",
    ]
    cold = speed["cold_start"]
    if cold:
        first = (
            f"first run with an empty cache {cold.cold_build_seconds:.3f} s; cache on disk: "
            f"{cold.cache_files} files, {cold.cache_megabytes:.1f} MB"
            if cold.cold_build_seconds is not None
            else "cold build and cache size not measured in this profile"
        )
        parts += [
            f"Cold start (`python -c \"import namefix; namefix.correct('…')\"` minus `python -c pass`, "
            f"median of {cold.runs}): {cold.warm_seconds:.3f} s with the compiled cache present "
            f"(bare interpreter {cold.bare_seconds:.3f} s); {first}.",
            "",
        ]
    scaling = speed["correct_many"]
    if isinstance(scaling, list):
        base = scaling[0]["seconds"]
        parts += [
            "`correct_many` on the corpus, each in a fresh interpreter with the cache present: "
            + ", ".join(
                f"jobs={s['jobs']}: {s['seconds']:.1f} s (x{base / s['seconds']:.2f})" for s in scaling
            )
            + ".",
            "",
        ]
    else:
        parts += [f"`correct_many`: {scaling}.", ""]
    parts += [_targets(results), ""]
    return "\n".join(parts)


def _targets(results: Results) -> str:
    """Issue 7's targets, each with this run's figure."""
    speed = results.speed
    assert speed is not None
    floor = speed["floor_mb_per_second"]
    full = results.throughput("namefix")
    sym = results.throughput("symspellpy")
    per_size = [t for t in speed["throughput"] if t.system == "namefix"]
    rows = []

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("met" if ok else "**missed**")

    ratio = full.times_floor(floor) if full else None
    rows.append(
        [
            "throughput, full gazetteer <= 10x floor",
            _num(ratio, 1) + "x",
            verdict(ratio <= 10 if ratio else None),
        ]
    )
    if full and sym and full.mb_per_second and sym.mb_per_second:
        rows.append(
            [
                "not slower than symspellpy",
                f"{full.mb_per_second:.2f} vs {sym.mb_per_second:.2f} MB/s",
                verdict(full.mb_per_second >= sym.mb_per_second),
            ]
        )
    timed = sorted((t for t in per_size if t.mb_per_second), key=lambda t: t.entities)
    if len(timed) >= 2:
        growth = timed[0].mb_per_second / timed[-1].mb_per_second - 1
        rows.append(
            [
                f"time per MB {timed[0].size} -> {timed[-1].size} rises <= 20%",
                _pct(growth),
                verdict(growth <= 0.2),
            ]
        )
    cold = speed["cold_start"]
    if cold:
        rows.append(
            [
                "cold start <= 0.3 s over bare (cache present)",
                f"{cold.warm_seconds:.3f} s",
                verdict(cold.warm_seconds <= 0.3),
            ]
        )
        if cold.cache_megabytes is not None:
            size = cold.cache_megabytes
            rows.append(["compiled cache <= 100 MB on disk", f"{size:.1f} MB", verdict(size <= 100)])
    if full and full.peak_rss_mb:
        rows.append(
            [
                "peak RSS, full gazetteer <= 300 MB",
                f"{full.peak_rss_mb:.0f} MB",
                verdict(full.peak_rss_mb <= 300),
            ]
        )
    scaling = speed["correct_many"]
    if isinstance(scaling, list) and len(scaling) > 1:
        best = scaling[0]["seconds"] / scaling[-1]["seconds"]
        rows.append(
            [
                f"correct_many jobs={scaling[-1]['jobs']} near-linear",
                f"x{best:.2f}",
                verdict(best >= 0.8 * scaling[-1]["jobs"]),
            ]
        )
    return "Targets of issue 7:\n\n" + _table(["target", "this run", "verdict"], rows)


def _systems(results: Results) -> str:
    rows = []
    seen = set()
    for run in results.runs:
        key = (run.system, results.dataset(run.dataset).setup.label)
        if key in seen:
            continue
        seen.add(key)
        build = results.build_seconds.get(run.system, {}).get(key[1])
        rows.append([run.system, key[1], f"{run.names_seen:,}", run.detail, _num(build, 1)])
    return "\n".join(
        [
            "## Systems and the names they saw",
            "",
            _table(["system", "gazetteer setup", "entities seen", "details", "build s"], rows),
            "",
        ]
    )


def _sources(results: Results) -> str:
    rows = [[d.title, d.source, d.license, len(d.documents)] for d in results.datasets]
    return "\n".join(
        [
            "## Datasets: sources and licences",
            "",
            _table(["dataset", "source", "licence", "documents"], rows),
            "",
            "Texts are read from the data directory at run time; the repository holds only our "
            "loaders, annotations and sentences. Test data derived from name-errors keeps its "
            "ShareAlike licence.",
            "",
        ]
    )


def markdown(results: Results, figures: dict[str, str]) -> str:
    """The whole report."""
    failing = [r for r in results.runs if r.failures]
    parts = [
        "# namefix benchmark report",
        "",
        "Generated by `python -m benchmarks`; every figure below was measured in this run.",
        "",
        "## Headline",
        "",
        _headline(results),
        "",
        _weakest(results),
        "## Per dataset",
        "",
        *[_dataset_section(results, d) for d in results.datasets],
        _error_types(results),
        "## Confidence: precision-recall and calibration (namefix)",
        "",
        _curve_table(results),
        _speed(results),
        _systems(results),
        _sources(results),
    ]
    if figures:
        parts += ["## Plots", ""] + [f"![{title}]({name})" for title, name in figures.items()] + [""]
    if results.notes or failing:
        parts += ["## Notes", ""] + [f"- {note}" for note in results.notes]
        parts += [
            f"- {r.system} raised on {r.failures} document(s) of {r.dataset}; first: "
            f"`{(r.first_failure or '').splitlines()[-1]}`"
            for r in failing
        ]
        parts.append("")
    return "\n".join(parts)


def _floor_timings(speed: dict[str, Any]) -> str:
    timings = speed.get("floor_mb_per_second_timings") or [speed["floor_mb_per_second"]]
    return ", ".join(f"{t:.1f}" for t in timings) + " MB/s"
