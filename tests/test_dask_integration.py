"""The Dask helpers on a real local cluster of two worker processes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")

import dask.bag as dask_bag  # noqa: E402
import dask.dataframe as dask_dataframe  # noqa: E402

import namefix  # noqa: E402
from namefix.integrations.dask import correct_bag, correct_column  # noqa: E402
from tests.conftest_cli_helpers import MINI, use_session_cache  # noqa: E402

TEXTS = [
    "Secretary Marcorubio met jd vance.",
    "Nothing to fix here.",
    "Later Hegseht left with Pete Hegseth.",
    "Volodymyr Zelenskyy in Bremen.",
] * 6


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from use_session_cache(tmp_path_factory)


@pytest.fixture(scope="module")
def corrector(_cache: Path) -> namefix.Corrector:
    return namefix.Corrector(MINI, include_default=False)


@pytest.fixture(scope="module")
def client(_cache: Path) -> Iterator[Any]:
    """Workers are separate processes started after NAMEFIX_CACHE_DIR is set."""
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_correct_bag(client: Any, corrector: namefix.Corrector) -> None:
    bag = dask_bag.from_sequence(TEXTS, npartitions=6)
    assert correct_bag(bag, corrector).compute() == [corrector.correct(text).text for text in TEXTS]


def test_correct_bag_of_corrections(client: Any, corrector: namefix.Corrector) -> None:
    bag = dask_bag.from_sequence(TEXTS, npartitions=4)
    results = correct_bag(bag, corrector, min_confidence=0.9, corrections=True).compute()
    assert results == [corrector.correct(text, min_confidence=0.9) for text in TEXTS]


def test_correct_column(client: Any, corrector: namefix.Corrector) -> None:
    frame = pandas.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})
    frame.loc[1, "text"] = None
    ddf = dask_dataframe.from_pandas(frame, npartitions=5)
    out = correct_column(ddf, "text", out="fixed", corrector=corrector).compute()
    assert list(out.columns) == ["id", "text", "fixed"]
    assert out.loc[0, "fixed"] == "Secretary Marco Rubio met JD Vance."
    assert pandas.isna(out.loc[1, "fixed"])
    assert out.loc[2, "text"] == TEXTS[2]  # the source column is untouched
    in_place = correct_column(ddf, "text", corrector=corrector).compute()
    assert list(in_place["text"].iloc[2:]) == list(out["fixed"].iloc[2:])
    with pytest.raises(KeyError, match="no column 'body'"):
        correct_column(ddf, "body", corrector=corrector)


def _count_corrector_builds() -> None:
    """Installed in each worker: count every Corrector construction from now on."""
    import namefix.corrector as module

    original = module.Corrector.__init__
    module.BUILDS = 0  # type: ignore[attr-defined]

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        module.BUILDS += 1  # type: ignore[attr-defined]
        original(self, *args, **kwargs)

    module.Corrector.__init__ = counting  # type: ignore[method-assign]


def _builds() -> int:
    import namefix.corrector as module

    return int(module.BUILDS)  # type: ignore[attr-defined]


def test_one_corrector_per_worker_not_per_task(client: Any) -> None:
    client.run(_count_corrector_builds)
    # settings no other test used, so that each worker has to build this corrector
    fresh = namefix.Corrector(MINI, include_default=False, min_confidence=0.37)
    bag = dask_bag.from_sequence(TEXTS, npartitions=12)
    assert correct_bag(bag, fresh).compute() == [fresh.correct(text).text for text in TEXTS]
    builds = client.run(_builds)
    assert len(builds) == 2
    assert all(count <= 1 for count in builds.values())  # 12 tasks, at most one build each
    assert sum(builds.values()) >= 1
