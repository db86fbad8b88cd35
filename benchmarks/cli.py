"""`python -m benchmarks`: the command line over `run.run`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .namefix_system import NamefixFactory
from .names import REPO_ROOT
from .peers import PEERS
from .profiles import FULL_RUN, PARTS, QUICK_RUN
from .run import Options, run

__all__ = ["main", "parse"]

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT = Path(__file__).resolve().parent / "results"
SAMPLE_NAME = "garbled-news-article.txt"
SYSTEMS = (NamefixFactory.name, *(peer.name for peer in PEERS))


def parse(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure namefix and its peers on real and corrupted name errors, clean text and speed.",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA if DEFAULT_DATA.is_dir() else None,
        help=f"data directory (default: {DEFAULT_DATA} when present)",
    )
    parser.add_argument(
        "--sample", type=Path, help=f"the sample article (default: <data>/../samples/{SAMPLE_NAME})"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"where REPORT.md, results.json and plots go (default: {DEFAULT_OUT})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a small, fast subset for development (under 2 minutes)",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=PARTS,
        metavar="NAME",
        help=f"run only these parts: {', '.join(PARTS)}",
    )
    parser.add_argument(
        "--systems",
        nargs="+",
        choices=SYSTEMS,
        metavar="NAME",
        help=f"run only these systems: {', '.join(SYSTEMS)}",
    )
    parser.add_argument(
        "--pairs",
        type=Path,
        help="your own name-error pairs: TSV with header wrong, right, category",
    )
    parser.add_argument(
        "--pairs-as-gazetteer",
        action="store_true",
        help="load the right-hand names of --pairs as a user gazetteer",
    )
    parser.add_argument(
        "--marked", type=Path, help="your own texts with broken names marked [[wrong => right]]"
    )
    parser.add_argument("--seed", type=int, default=2025, help="seed of every random choice (default: 2025)")
    args = parser.parse_args(argv)
    sample = args.sample
    if sample is None and args.data is not None:
        sample = args.data.parent / "samples" / SAMPLE_NAME
    return Options(
        data=args.data,
        sample=sample,
        out=args.out,
        profile=QUICK_RUN if args.quick else FULL_RUN,
        only=frozenset(args.only) if args.only else None,
        systems=frozenset(args.systems) if args.systems else None,
        pairs=args.pairs,
        pairs_as_gazetteer=args.pairs_as_gazetteer,
        marked=args.marked,
        seed=args.seed,
    )


def main(argv: list[str] | None = None) -> int:
    path = run(parse(argv))
    print(path)
    return 0
