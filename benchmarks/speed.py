"""Speed and memory: throughput against a floor, cold start, peak RSS, growth with size.

Throughput is measured on a news-like corpus of at least 1 MB built at run time from GUM
and the sample article (repeated), in MB/s (10^6 bytes of UTF-8 per second). The floor is
the least a token-level corrector in Python can do: `\\w+` tokenisation plus one dict lookup
per token, timed in the same run; every speed is also given as a multiple of the floor's
time. namefix runs in a fresh interpreter per gazetteer size (speed_probe.py) so that its
build time and peak RSS are its own; peers run in this process, each within a time budget.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from .documents import count_tokens
from .names import REPO_ROOT, GazetteerSetup
from .profiles import Profile
from .system import System

__all__ = [
    "ColdStart",
    "Corpus",
    "Throughput",
    "cold_start",
    "correct_many_scaling",
    "floor_seconds",
    "namefix_throughput",
    "system_throughput",
]

MEGABYTE = 1_000_000
FLOOR_TOKEN = re.compile(r"\w+")
COLD_START_TEXT = "Defense Secretary Pete Hegses spoke on Friday."


@dataclass(frozen=True, slots=True)
class Throughput:
    """One system at one gazetteer size on (a prefix of) the corpus."""

    system: str
    size: str
    entities: int
    names_seen: int
    bytes: int
    seconds: float
    build_seconds: float
    clean_tokens: int
    clean_false_fixes: int
    peak_rss_mb: float | None = None
    cold_build_seconds: float | None = None
    note: str = ""

    @property
    def mb_per_second(self) -> float | None:
        return self.bytes / MEGABYTE / self.seconds if self.seconds > 0 and self.bytes else None

    def times_floor(self, floor_mb_per_second: float) -> float | None:
        """How many times the floor's time this system takes for the same text."""
        speed = self.mb_per_second
        return floor_mb_per_second / speed if speed else None

    @property
    def false_fixes_per_1k(self) -> float | None:
        return 1000 * self.clean_false_fixes / self.clean_tokens if self.clean_tokens else None

    def as_dict(self) -> dict[str, object]:
        return {
            **asdict(self),
            "mb_per_second": self.mb_per_second,
            "false_fixes_per_1k": self.false_fixes_per_1k,
        }


@dataclass
class Corpus:
    """The speed corpus, written once to disk for the namefix probes, and its floor.

    The floor is timed before the systems run and again after (`time_floor_again`), and the
    faster of the two is kept: one slow moment of a shared machine must not flatter everyone's
    multiple of it.
    """

    documents: list[dict[str, object]]
    path: Path
    workdir: Path
    budget: float
    floor_seconds: float
    vocabulary: Mapping[str, object]
    floor_timings: list[float]

    @classmethod
    def build(
        cls,
        clean_texts: Sequence[str],
        other_texts: Sequence[str],
        profile: Profile,
        vocabulary: Mapping[str, object],
        workdir: Path,
    ) -> Corpus:
        documents = repeat_to(clean_texts, other_texts, profile.speed_bytes)
        path = workdir / "speed-corpus.json"
        path.write_text(json.dumps(documents), encoding="utf-8")
        first = floor_seconds(documents, vocabulary)
        return cls(documents, path, workdir, profile.speed_budget, first, vocabulary, [first])

    def time_floor_again(self) -> None:
        """Time the floor once more; the fastest timing so far is the floor."""
        self.floor_timings.append(floor_seconds(self.documents, self.vocabulary))
        self.floor_seconds = min(self.floor_timings)

    @property
    def texts(self) -> list[str]:
        return [str(d["text"]) for d in self.documents]

    @property
    def bytes(self) -> int:
        return corpus_bytes(self.documents)

    @property
    def floor_mb_per_second(self) -> float:
        return self.bytes / MEGABYTE / self.floor_seconds

    def summary(self) -> dict[str, object]:
        return {
            "corpus_bytes": self.bytes,
            "corpus_documents": len(self.documents),
            "floor_seconds": self.floor_seconds,
            "floor_mb_per_second": self.floor_mb_per_second,
            "floor_mb_per_second_timings": [self.bytes / MEGABYTE / t for t in self.floor_timings],
            "budget_seconds": self.budget,
        }


def repeat_to(
    clean_texts: Sequence[str], other_texts: Sequence[str], min_bytes: int
) -> list[dict[str, object]]:
    """The documents in order, over and over, until they add up to `min_bytes`; `clean`
    marks correctly spelled ones (their fixes are false fixes)."""
    once = [{"text": t, "clean": True} for t in clean_texts] + [
        {"text": t, "clean": False} for t in other_texts
    ]
    if not corpus_bytes(once):
        raise ValueError("no text to build the speed corpus from")
    corpus: list[dict[str, object]] = []
    size = 0
    while size < min_bytes:
        document = once[len(corpus) % len(once)]
        corpus.append(document)
        size += len(str(document["text"]).encode("utf-8"))
    return corpus


def corpus_bytes(corpus: Iterable[dict[str, object]]) -> int:
    return sum(len(str(d["text"]).encode("utf-8")) for d in corpus)


def floor_seconds(
    corpus: Sequence[dict[str, object]], vocabulary: Mapping[str, object], repeats: int = 3
) -> float:
    """Best time of `repeats` passes of the floor over the corpus."""
    texts = [str(d["text"]) for d in corpus]
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for text in texts:
            for token in FLOOR_TOKEN.findall(text):
                vocabulary.get(token)
        best = min(best, time.perf_counter() - started)
    return best


def system_throughput(
    system: System, size: str, entities: int, build_seconds: float, corpus: Corpus
) -> Throughput:
    """Correct the corpus in order until it is done or the budget has been spent."""
    processed = clean_tokens = clean_fixes = 0
    started = time.perf_counter()
    for document in corpus.documents:
        text = str(document["text"])
        edits = system.correct(text)
        processed += len(text.encode("utf-8"))
        if document["clean"]:
            clean_tokens += count_tokens(text)
            clean_fixes += len(edits)
        if time.perf_counter() - started > corpus.budget:
            break
    seconds = time.perf_counter() - started
    return Throughput(
        system.name,
        size,
        entities,
        system.names_seen,
        processed,
        seconds,
        build_seconds,
        clean_tokens,
        clean_fixes,
        note=_budget_note(processed, corpus),
    )


def _budget_note(processed: int, corpus: Corpus) -> str:
    if processed >= corpus.bytes:
        return ""
    return f"{corpus.budget:g} s budget: {processed / MEGABYTE:.2f} MB done"


def _probe(request: dict[str, object], cache_dir: Path | None) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as stream:
        json.dump(request, stream)
    env = dict(os.environ)
    if cache_dir is not None:
        env["NAMEFIX_CACHE_DIR"] = str(cache_dir)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.speed_probe", stream.name],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
    finally:
        os.unlink(stream.name)
    if done.returncode != 0:
        raise RuntimeError(f"speed probe failed: {done.stderr.strip()[-800:]}")
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def namefix_throughput(setup: GazetteerSetup, size: str, corpus: Corpus, cold_build: bool) -> Throughput:
    """namefix at one gazetteer size in fresh interpreters: with `cold_build`, first a build
    into an empty compiled cache, then a run that corrects the corpus with the cache present.
    Without it, only the second run, on the user's usual cache."""
    request = {
        "paths": [str(p) for p in setup.paths],
        "include_default": setup.include_default,
        "corpus": str(corpus.path),
        "budget": corpus.budget,
        "build_only": True,
    }
    cache_dir = Path(tempfile.mkdtemp(prefix="namefix-cache-", dir=corpus.workdir)) if cold_build else None
    cold = _probe(request, cache_dir) if cold_build else None
    warm = _probe({**request, "build_only": False}, cache_dir)
    return Throughput(
        "namefix",
        size,
        setup.size,
        setup.size,
        int(warm["bytes"]),
        warm["seconds"],
        warm["build_seconds"],
        int(warm["clean_tokens"]),
        int(warm["clean_false_fixes"]),
        peak_rss_mb=warm["peak_rss_mb"],
        cold_build_seconds=cold["build_seconds"] if cold else None,
        note=_budget_note(int(warm["bytes"]), corpus),
    )


@dataclass(frozen=True, slots=True)
class ColdStart:
    """Start-up cost: `python -c "import namefix; namefix.correct(...)"` minus `python -c pass`.

    The cold build and the cache's size on disk are measured only with a fresh cache
    directory (None otherwise: the usual cache may hold other gazetteers' indexes too).
    """

    runs: int
    bare_seconds: float
    warm_seconds: float  # median over runs with the compiled cache present, minus bare
    cold_build_seconds: float | None  # the first run, with an empty cache directory, minus bare
    cache_files: int | None
    cache_megabytes: float | None


def _time_python(code: str, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def cold_start(runs: int, workdir: Path, cold_build: bool) -> ColdStart:
    """Median start-up of namefix over `runs` runs. With `cold_build`, a fresh
    NAMEFIX_CACHE_DIR whose first run builds the compiled cache; else the usual cache."""
    env = dict(os.environ)
    cache_dir = Path(tempfile.mkdtemp(prefix="namefix-cold-", dir=workdir))
    if cold_build:
        env["NAMEFIX_CACHE_DIR"] = str(cache_dir)
    code = f"import namefix; namefix.correct({COLD_START_TEXT!r})"
    bare = statistics.median(_time_python("pass", env) for _ in range(runs))
    first = _time_python(code, env)
    warm = statistics.median(_time_python(code, env) for _ in range(runs))
    if not cold_build:
        return ColdStart(runs, bare, warm - bare, None, None, None)
    files = [p for p in cache_dir.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files) / MEGABYTE
    return ColdStart(runs, bare, warm - bare, first - bare, len(files), size)


def correct_many_scaling(
    texts: Sequence[str], jobs: Sequence[int], workdir: Path
) -> list[dict[str, float]] | str:
    """Seconds of `namefix.correct_many(texts, jobs=n)` per n, each in a fresh interpreter.

    Every run starts alike, with the compiled cache present and nothing memoised: in this
    process the default corrector has already seen the corpus, and worker processes have not.
    """
    corpus = Path(tempfile.mkdtemp(prefix="namefix-jobs-", dir=workdir)) / "texts.json"
    corpus.write_text(json.dumps(list(texts)), encoding="utf-8")
    code = (
        "import json, sys, time, namefix\n"
        "texts = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "namefix.correct('warm up')\n"
        "started = time.perf_counter()\n"
        "list(namefix.correct_many(texts, jobs=int(sys.argv[2])))\n"
        "print(time.perf_counter() - started)\n"
    )
    results = []
    for n in jobs:
        done = subprocess.run(
            [sys.executable, "-c", code, str(corpus), str(n)],
            cwd=REPO_ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        results.append({"jobs": n, "seconds": float(done.stdout.strip().splitlines()[-1])})
    return results
