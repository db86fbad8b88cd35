"""Correct many texts, in order, on one core or several.

`correct_many` is what a pandas column, a file of documents or the command line feed texts
through. It reads its input lazily and keeps only a few chunks in flight, so an iterator over
a corpus larger than memory works. With `jobs > 1` the chunks go to worker processes; each
worker receives the pickled `Corrector` once, when it starts (a few hundred bytes: the
gazetteer's file list and the settings), and reopens the compiled index from the on-disk
cache, never per task.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from .corrector import Corrector
from .results import Correction

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["correct_many"]

#: Chunks each worker may have queued: enough to keep it busy, few enough to bound memory.
_CHUNKS_PER_JOB = 2

#: The corrector of a worker process, set once by `_start_worker`.
_worker_corrector: Corrector | None = None


def correct_many(
    texts: Iterable[str],
    *,
    jobs: int = 1,
    min_confidence: float | None = None,
    corrector: Corrector | None = None,
    chunksize: int = 64,
) -> Iterator[Correction]:
    """Yield `corrector.correct(text)` for each text, in input order.

    `corrector` defaults to the one `namefix.correct` uses. With `jobs > 1`, chunks of
    `chunksize` texts are corrected in that many processes; the results are the same as
    with `jobs=1`. A non-str item raises TypeError naming its position, after the
    corrections of every item before it have been yielded.

        >>> df["fixed"] = [c.text for c in correct_many(df["text"], jobs=4)]  # doctest: +SKIP
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive int, not {jobs!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive int, not {chunksize!r}")
    if min_confidence is not None and (
        isinstance(min_confidence, bool)
        or not isinstance(min_confidence, (int, float))
        or not 0 <= min_confidence <= 1
    ):
        raise ValueError(f"min_confidence must be a number in [0, 1], not {min_confidence!r}")
    if corrector is not None and not isinstance(corrector, Corrector):
        raise TypeError(f"corrector must be a namefix.Corrector, not {type(corrector).__name__}")
    return _correct_many(texts, jobs, min_confidence, corrector, chunksize)


def _correct_many(
    texts: Iterable[str],
    jobs: int,
    min_confidence: float | None,
    corrector: Corrector | None,
    chunksize: int,
) -> Iterator[Correction]:
    if corrector is None:
        from . import default_corrector

        corrector = default_corrector()
    if jobs == 1:  # one text at a time: the first result comes as soon as it is ready
        for position, text in enumerate(texts):
            if not isinstance(text, str):
                raise _not_str(text, position)
            yield corrector.correct(text, min_confidence=min_confidence)
        return
    chunks = _checked_chunks(texts, chunksize)
    first = next(chunks, None)
    if first is None:
        return
    try:
        second = next(chunks, None)
    except Exception:
        yield from (corrector.correct(text, min_confidence=min_confidence) for text in first)
        raise
    if second is None:  # too little work to be worth starting processes
        yield from (corrector.correct(text, min_confidence=min_confidence) for text in first)
        return
    yield from _in_processes(_chain(first, _chain(second, chunks)), jobs, min_confidence, corrector)


def _in_processes(
    chunks: Iterator[list[str]], jobs: int, min_confidence: float | None, corrector: Corrector
) -> Iterator[Correction]:
    """Keep at most `jobs * _CHUNKS_PER_JOB` chunks in flight; yield results in order.

    When reading the input fails (a non-str item, a file that cannot be decoded), the chunks
    already submitted are finished and yielded first, so no completed work is lost.
    """
    from concurrent.futures import ProcessPoolExecutor  # here: a fifth of namefix's import time

    pending: deque[Future[list[Correction]]] = deque()
    executor = ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(pickle.dumps(corrector),)
    )
    try:
        failure: BaseException | None = None
        while True:
            while failure is None and len(pending) < jobs * _CHUNKS_PER_JOB:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    break
                except Exception as exc:  # re-raised once earlier work is out
                    failure = exc
                    break
                pending.append(executor.submit(_correct_chunk, chunk, min_confidence))
            if not pending:
                break
            yield from pending.popleft().result()
        if failure is not None:
            raise failure
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _start_worker(pickled_corrector: bytes) -> None:
    """Runs once in each worker: unpickling reopens the index from the cache."""
    global _worker_corrector
    _worker_corrector = pickle.loads(pickled_corrector)


def _correct_chunk(texts: list[str], min_confidence: float | None) -> list[Correction]:
    assert _worker_corrector is not None, "worker started without a corrector"
    return [_worker_corrector.correct(text, min_confidence=min_confidence) for text in texts]


def _checked_chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of up to `size` texts. A non-str item, or an error raised by the input itself,
    ends the input: the items read before it are yielded first, then the error is raised."""
    iterator = iter(texts)
    position = 0
    while True:
        chunk: list[str] = []
        failure: Exception | None = None
        try:
            for item in islice(iterator, size):
                if not isinstance(item, str):
                    failure = _not_str(item, position + len(chunk))
                    break
                chunk.append(item)
        except Exception as exc:  # raised below, after the chunk
            failure = exc
        if chunk:
            yield chunk
        if failure is not None:
            raise failure
        if len(chunk) < size:
            return
        position += size


def _not_str(item: object, position: int) -> TypeError:
    return TypeError(f"item {position} of texts is {type(item).__name__}, not str")


def _chain(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    yield first
    yield from rest
