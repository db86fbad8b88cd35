"""The report's figures (matplotlib, drawn off-screen to PNG files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .metrics import reliability_bins
from .report import Results

__all__ = ["draw_all"]


def _colour(results: Results, system: str) -> str:
    """The same colour for a system in every figure."""
    names = list(
        dict.fromkeys([*results.systems, *(t.system for t in (results.speed or {}).get("throughput", []))])
    )
    return f"C{names.index(system) % 10}" if system in names else "C9"


def _pr_curve(plt: Any, results: Results, path: Path) -> bool:
    curve = [p for p in results.pooled_curve("namefix") if p.precision is not None]
    figure, axes = plt.subplots(figsize=(5.5, 4.5))
    if curve:
        axes.plot(
            [p.recall for p in curve],
            [p.precision for p in curve],
            marker=".",
            label="namefix",
            color=_colour(results, "namefix"),
        )
        default = min(curve, key=lambda p: abs(p.threshold - results.threshold))
        axes.scatter(
            [default.recall],
            [default.precision],
            s=90,
            marker="*",
            color="red",
            zorder=3,
            label=f"namefix default ({results.threshold:g})",
        )
    for system in results.systems:
        tally = results.pooled_errors(system)
        if system != "namefix" and tally.precision is not None:
            axes.scatter([tally.recall], [tally.precision], label=system, color=_colour(results, system))
    axes.set(
        xlabel="recall",
        ylabel="precision",
        xlim=(0, 1),
        ylim=(0, 1.02),
        title="Precision-recall over the confidence threshold",
    )
    axes.legend(fontsize=8)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
    return bool(curve)


def _reliability(plt: Any, results: Results, path: Path) -> bool:
    bins = reliability_bins(results.pooled_labelled("namefix"))
    if not bins:
        return False
    figure, axes = plt.subplots(figsize=(5, 4.5))
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
    axes.plot([c for c, _, _ in bins], [a for _, a, _ in bins], marker="o", label="namefix")
    for confidence, accuracy, count in bins:
        axes.annotate(
            str(count),
            (confidence, accuracy),
            fontsize=7,
            xytext=(3, -10),
            textcoords="offset points",
        )
    axes.set(
        xlabel="stated confidence (bin mean)",
        ylabel="share of fixes right",
        xlim=(0, 1),
        ylim=(0, 1.02),
        title="Reliability of confidence (10 bins)",
    )
    axes.legend(fontsize=8)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
    return True


def _by_size(plt: Any, results: Results, path: Path, value: str, ylabel: str, title: str) -> bool:
    if not results.speed or not results.speed["throughput"]:
        return False
    figure, axes = plt.subplots(figsize=(6, 4.5))
    drawn = False
    for system in dict.fromkeys(t.system for t in results.speed["throughput"]):
        points = sorted(
            (t.entities, getattr(t, value))
            for t in results.speed["throughput"]
            if t.system == system and getattr(t, value) is not None
        )
        if points:
            xs, ys = [x for x, _ in points], [y for _, y in points]
            axes.plot(xs, ys, marker="o", label=system, color=_colour(results, system))
            drawn = True
    if value == "mb_per_second":
        axes.axhline(results.speed["floor_mb_per_second"], color="grey", linestyle="--", label="floor")
        axes.set_yscale("log")
    axes.set_xscale("log")
    axes.set(xlabel="gazetteer entities", ylabel=ylabel, title=title)
    axes.legend(fontsize=8)
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)
    return drawn


def draw_all(results: Results, out: Path) -> dict[str, str]:
    """Draw every figure that has data; {title: file name}. Empty without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        results.notes.append("matplotlib is not installed: no plots.")
        return {}
    figures = {}
    if _pr_curve(plt, results, out / "pr_curve.png"):
        figures["Precision-recall curve"] = "pr_curve.png"
    if _reliability(plt, results, out / "reliability.png"):
        figures["Reliability diagram"] = "reliability.png"
    if _by_size(
        plt,
        results,
        out / "throughput_by_size.png",
        "mb_per_second",
        "MB/s (log)",
        "Throughput vs gazetteer size",
    ):
        figures["Throughput vs gazetteer size"] = "throughput_by_size.png"
    if _by_size(
        plt,
        results,
        out / "false_fixes_by_size.png",
        "false_fixes_per_1k",
        "false fixes per 1k clean tokens",
        "False fixes vs gazetteer size",
    ):
        figures["False fixes vs gazetteer size"] = "false_fixes_by_size.png"
    return figures
