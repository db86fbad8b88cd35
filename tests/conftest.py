"""Shared fixtures: the small test gazetteer and a corrector on it."""

from __future__ import annotations

from pathlib import Path

import pytest

import namefix

HERE = Path(__file__).resolve().parent
MINI = HERE / "data" / "mini.yaml"
SHARED = HERE.parent.parent / "shared"


@pytest.fixture(scope="session")
def mini_corrector() -> namefix.Corrector:
    """A corrector on a dozen entities written for the tests: fast to build."""
    return namefix.Corrector(MINI, include_default=False)


@pytest.fixture(scope="session")
def bundled() -> namefix.Corrector:
    """The corrector `namefix.correct` uses (the full bundled gazetteer)."""
    return namefix.default_corrector()


@pytest.fixture
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private compiled-index cache, for tests of the cache itself."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NAMEFIX_CACHE_DIR", str(folder))
    return folder


def shared_file(*parts: str) -> Path:
    """A file of the shared data folder, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
