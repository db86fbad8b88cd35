"""Dask: correct a Bag of texts or a column of a DataFrame across a cluster.

    >>> import dask.bag as db  # doctest: +SKIP
    >>> from namefix.integrations.dask import correct_bag, correct_column
    >>> correct_bag(db.from_sequence(texts, npartitions=8)).compute()
    >>> correct_column(ddf, "text", out="text_fixed").to_parquet("fixed/")

The `Corrector` travels with each task as a few hundred bytes (its gazetteer's file list and
settings, see `Corrector.__reduce__`); unpickling it in a worker goes through a per-process
cache, so each worker process opens the compiled index once, not once per task. The cache
lives in `$NAMEFIX_CACHE_DIR` (or ~/.cache/namefix): on a cluster without a shared home,
build it once per machine, or point `NAMEFIX_CACHE_DIR` at shared storage.
"""

from __future__ import annotations

from typing import Any

try:
    import dask.bag as dask_bag
    import dask.dataframe as dask_dataframe
except ImportError as exc:  # pragma: no cover - exercised only without Dask
    raise ImportError(
        "namefix.integrations.dask needs Dask; install it with: pip install 'namefix[dask]'"
    ) from exc

from ..corrector import Corrector
from ..results import Correction

__all__ = ["correct_bag", "correct_column"]


def correct_bag(
    bag: dask_bag.Bag,
    corrector: Corrector | None = None,
    min_confidence: float | None = None,
    *,
    corrections: bool = False,
) -> dask_bag.Bag:
    """A Bag of the corrected texts of `bag` (of `Correction` objects with `corrections=True`).

    `corrector` defaults to the one `namefix.correct` uses (the bundled gazetteer).
    """
    _check(corrector, min_confidence)
    map_partitions: Any = bag.map_partitions
    corrected: dask_bag.Bag = map_partitions(_correct_partition, corrector, min_confidence, corrections)
    return corrected


def correct_column(
    frame: dask_dataframe.DataFrame,
    column: str,
    *,
    out: str | None = None,
    corrector: Corrector | None = None,
    min_confidence: float | None = None,
) -> dask_dataframe.DataFrame:
    """`frame` with `column` corrected, into `out` (default: in place). Missing values (None,
    NaN) stay missing."""
    _check(corrector, min_confidence)
    if column not in frame.columns:
        raise KeyError(f"no column {column!r}; columns are {list(frame.columns)}")
    target = out or column
    meta = frame._meta.assign(**{target: frame._meta[column]})
    map_partitions: Any = frame.map_partitions
    corrected: dask_dataframe.DataFrame = map_partitions(
        _correct_frame, column, target, corrector, min_confidence, meta=meta
    )
    return corrected


def _check(corrector: Corrector | None, min_confidence: float | None) -> None:
    if corrector is not None and not isinstance(corrector, Corrector):
        raise TypeError(f"corrector must be a namefix.Corrector, not {type(corrector).__name__}")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise ValueError(f"min_confidence must be in [0, 1], not {min_confidence!r}")


def _worker_corrector(corrector: Corrector | None) -> Corrector:
    if corrector is not None:
        return corrector  # unpickled through corrector._rebuild: one per process and setting
    from .. import default_corrector

    return default_corrector()


def _correct_partition(
    texts: Any, corrector: Corrector | None, min_confidence: float | None, corrections: bool
) -> list[str] | list[Correction]:
    active = _worker_corrector(corrector)
    results = [active.correct(text, min_confidence=min_confidence) for text in texts]
    return results if corrections else [result.text for result in results]


def _correct_frame(
    partition: Any, column: str, target: str, corrector: Corrector | None, min_confidence: float | None
) -> Any:
    active = _worker_corrector(corrector)
    values = [
        active.correct(value, min_confidence=min_confidence).text if isinstance(value, str) else value
        for value in partition[column]
    ]
    result = partition.assign(**{target: values})
    result[target] = result[target].astype(partition[column].dtype)
    return result
