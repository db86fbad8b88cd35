"""Rebuild gazetteers/generated/ and gazetteers/lexicon/ from open data.

    python gazetteers/build/build_all.py                      # every target
    python gazetteers/build/build_all.py --only places-cities # one target (repeatable)
    python gazetteers/build/build_all.py --data DIR --out DIR # other data / output folders

The data directory is the snapshot described in gazetteers/SOURCES.md (default ../shared/data);
the Python packages and Debian dictionaries the build reads are listed in build/README.md.
Targets run in the order given here, because some read files written by earlier ones.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DATA, ROOT

# Modules of this folder, each with TARGETS: {name: build(data_dir, out_root) -> str}.
MODULES = ("people", "places", "orgs", "lexicons")


def all_targets() -> dict[str, Callable[[Path, Path], str]]:
    targets: dict[str, Callable[[Path, Path], str]] = {}
    for name in MODULES:
        targets.update(importlib.import_module(name).TARGETS)
    return targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data directory")
    parser.add_argument("--out", type=Path, default=ROOT, help="folder holding generated/ and lexicon/")
    parser.add_argument("--only", action="append", metavar="TARGET", help="build only this target")
    parser.add_argument("--list", action="store_true", help="list the targets and stop")
    args = parser.parse_args(argv)
    targets = all_targets()
    if args.list:
        print("\n".join(targets))
        return 0
    chosen = args.only or list(targets)
    unknown = [name for name in chosen if name not in targets]
    if unknown:
        parser.error(f"unknown target(s) {', '.join(unknown)}; --list shows them")
    (args.out / "generated").mkdir(parents=True, exist_ok=True)
    (args.out / "lexicon").mkdir(parents=True, exist_ok=True)
    for name in targets:
        if name in chosen:
            started = time.perf_counter()
            summary = targets[name](args.data, args.out)
            print(f"{name}: {summary} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
