"""One benchmark run: load the data, run every system on every dataset, time them, report.

Every figure in the report comes from the run that wrote it: datasets, peers and the floor
are measured together, on the same machine, with the same names.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from . import plots, report
from .corruption import seeded
from .datasets import Dataset, corrupted, gum, marked, name_errors, sample_article
from .evaluate import SystemRun, evaluate
from .namefix_system import NamefixFactory, default_threshold
from .names import (
    GazetteerSetup,
    bundled_files,
    english_words,
    read_records,
)
from .peers import PEERS
from .profiles import Profile
from .sizes import label_of, sized_setup
from .speed import (
    Corpus,
    Throughput,
    cold_start,
    correct_many_scaling,
    namefix_throughput,
    system_throughput,
)
from .system import System, SystemFactory

__all__ = ["Options", "run"]


@dataclass(frozen=True)
class Options:
    """What to run and on what: the command line's choices (see cli.py)."""

    data: Path | None
    sample: Path | None
    out: Path
    profile: Profile
    only: frozenset[str] | None = None
    systems: frozenset[str] | None = None
    pairs: Path | None = None
    pairs_as_gazetteer: bool = False
    marked: Path | None = None
    seed: int = 2025

    def wants(self, part: str) -> bool:
        """Whether a part (a dataset or "speed") is run: `--only`, else the profile's parts."""
        return part in (self.only if self.only is not None else self.profile.parts)


def log(message: str) -> None:
    """Progress on stderr (a full run takes a while)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def load_bundled(notes: list[str]) -> GazetteerSetup:
    """The bundled gazetteer as records (read from its YAML files)."""
    files = bundled_files()
    records = read_records(files, cached=True)
    if not records:
        notes.append("The bundled gazetteer holds no entities yet: datasets that need known names are empty.")
    return GazetteerSetup(f"bundled ({len(records):,})", (), True, records)


def _lookup(notes: list[str]) -> Callable[[str], object | None] | None:
    try:
        import namefix
    except ImportError:
        return None
    lookup: Callable[[str], object | None] | None = getattr(namefix, "lookup", None)
    if lookup is None:
        notes.append("namefix.lookup is missing: GUM mentions are known only by gazetteer spellings.")
        return None
    try:
        lookup("Paris")
    except Exception as error:  # a half-built engine must not stop the benchmark
        notes.append(f"namefix.lookup fails ({type(error).__name__}): GUM mentions known by spellings only.")
        return None
    return lookup


def _gum_sample(documents: list[gum.GumDocument], count: int | None, seed: int) -> list[gum.GumDocument]:
    """All documents, or a seeded sample with as many dev as test documents."""
    if count is None:
        return documents
    rng = seeded(seed, "gum-sample")
    chosen = set()
    for split in ("dev", "test"):
        ids = sorted(d.id for d in documents if d.split == split)
        chosen.update(rng.sample(ids, min(len(ids), (count + 1) // 2)))
    return [d for d in documents if d.id in chosen]


def build_datasets(
    options: Options, bundled: GazetteerSetup, workdir: Path, notes: list[str]
) -> list[Dataset]:
    """Every dataset the options ask for that the data directory can provide."""
    profile, seed, data = options.profile, options.seed, options.data
    datasets: list[Dataset] = []
    if options.wants("sample_article"):
        if options.sample and options.sample.is_file():
            datasets.append(sample_article.load(options.sample, bundled))
        else:
            notes.append(f"Sample article not found ({options.sample}): skipped.")
    gum_documents = None
    if data and (data / "gum").is_dir():
        gum_documents = _gum_sample(gum.read(data / "gum"), profile.gum_documents, seed)
    elif any(options.wants(p) for p in ("gum_clean", "corrupted_gum")):
        notes.append(f"No GUM data in {data}: GUM datasets skipped.")
    if gum_documents and options.wants("gum_clean"):
        datasets.append(gum.clean(gum_documents, bundled))
    errors_dir = data / "name-errors" if data else None
    if errors_dir and errors_dir.is_dir():
        if options.wants("codespell"):
            datasets.append(
                name_errors.codespell(
                    errors_dir,
                    bundled,
                    seed=seed,
                    per_pair=profile.sentences_per_pair,
                    limit=profile.pairs,
                )
            )
        if options.wants("earnings21"):
            datasets.append(
                name_errors.earnings21(
                    errors_dir,
                    bundled,
                    workdir,
                    seed=seed,
                    per_pair=profile.sentences_per_pair,
                    limit=profile.pairs,
                )
            )
    elif any(options.wants(p) for p in ("codespell", "earnings21")):
        notes.append(f"No name-errors data in {data}: codespell and Earnings-21 skipped.")
    judge = corrupted.Judge(bundled.index, english_words())
    if gum_documents and options.wants("corrupted_gum"):
        datasets.append(
            corrupted.corrupted_gum(
                gum_documents,
                bundled,
                judge,
                _lookup(notes),
                seed=seed,
                per_document=profile.broken_per_document,
            )
        )
    if options.wants("corrupted_templates"):
        datasets.append(
            corrupted.corrupted_templates(bundled, judge, seed=seed, per_kind=profile.entities_per_kind)
        )
    if options.pairs:
        datasets.append(
            name_errors.user_pairs(
                options.pairs,
                bundled,
                workdir,
                seed=seed,
                per_pair=profile.sentences_per_pair,
                add_names=options.pairs_as_gazetteer,
            )
        )
    if options.marked:
        datasets.append(marked.load(options.marked, bundled))
    return [d for d in datasets if d.documents]


def choose_systems(options: Options, notes: list[str]) -> list[SystemFactory]:
    """namefix and the peers asked for that are installed; the others get a note."""
    chosen: list[SystemFactory] = []
    candidates: list[SystemFactory] = [NamefixFactory(), *PEERS]
    for factory in candidates:
        if options.systems is not None and factory.name not in options.systems:
            continue
        reason = factory.unavailable()
        if reason:
            notes.append(f"{factory.name} skipped: {reason}.")
        else:
            chosen.append(factory)
    return chosen


def _cap(factory: SystemFactory, profile: Profile) -> int | None:
    """The most text per dataset a system gets in this profile (None: everything).

    Slow peers carry their own cap; a quick run shrinks it to `profile.slow_peer_max_chars`.
    """
    if factory.name == "namefix":
        return None
    caps = [factory.max_chars, profile.peer_max_chars]
    if factory.max_chars is not None:
        caps.append(profile.slow_peer_max_chars)
    known = [cap for cap in caps if cap is not None]
    return min(known) if known else None


@dataclass
class Work:
    """A gazetteer setup, the datasets corrected with it, and whether its speed is measured."""

    setup: GazetteerSetup
    datasets: list[Dataset]
    speed_size: str | None = None


def plan(options: Options, datasets: Sequence[Dataset], bundled: GazetteerSetup, workdir: Path) -> list[Work]:
    """One piece of work per gazetteer setup, so each system is built once per setup."""
    works: dict[str, Work] = {bundled.label: Work(bundled, [])}
    for dataset in datasets:
        works.setdefault(dataset.setup.label, Work(dataset.setup, [])).datasets.append(dataset)
    if options.wants("speed"):
        for size in options.profile.sizes:
            setup = sized_setup(bundled, size, workdir, options.seed)
            works.setdefault(setup.label, Work(setup, [])).speed_size = label_of(size, bundled.size)
    return [work for work in works.values() if work.datasets or work.speed_size]


@dataclass
class Measured:
    runs: list[SystemRun] = field(default_factory=list)
    throughputs: list[Throughput] = field(default_factory=list)
    build_seconds: dict[str, dict[str, float]] = field(default_factory=dict)


@contextmanager
def _built(factory: SystemFactory, setup: GazetteerSetup, measured: Measured) -> Iterator[System]:
    started = time.perf_counter()
    system = factory.build(setup)
    measured.build_seconds.setdefault(factory.name, {})[setup.label] = time.perf_counter() - started
    try:
        yield system
    finally:
        system.close()


def _do(
    work: Work, factory: SystemFactory, options: Options, corpus: Corpus | None, measured: Measured
) -> None:
    """One system on one setup: its speed first (so memos start empty), then the datasets."""
    threshold = default_threshold()
    speed_wanted = work.speed_size is not None and corpus is not None
    if factory.name == "namefix" and speed_wanted:
        assert corpus is not None and work.speed_size is not None
        log(f"speed: namefix at {work.speed_size}")
        measured.throughputs.append(
            namefix_throughput(work.setup, work.speed_size, corpus, options.profile.cold_builds)
        )
        speed_wanted = False
    if not speed_wanted and not work.datasets:
        return
    log(f"building {factory.name} for {work.setup.label}")
    with _built(factory, work.setup, measured) as system:
        if speed_wanted:
            assert corpus is not None and work.speed_size is not None
            log(f"speed: {factory.name} at {work.speed_size}")
            build = measured.build_seconds[factory.name][work.setup.label]
            measured.throughputs.append(
                system_throughput(system, work.speed_size, work.setup.size, build, corpus)
            )
        for dataset in work.datasets:
            log(f"  {factory.name} on {dataset.name} ({len(dataset.documents)} documents)")
            cap = _cap(factory, options.profile)
            measured.runs.append(evaluate(dataset, system, threshold=threshold, max_chars=cap))


def run_systems(
    works: Sequence[Work],
    factories: Sequence[SystemFactory],
    options: Options,
    corpus: Corpus | None,
    notes: list[str],
) -> Measured:
    """Every system on every piece of work; a system that breaks gets a note, not a crash."""
    measured = Measured()
    for work in works:
        for factory in factories:
            try:
                _do(work, factory, options, corpus, measured)
            except Exception as error:
                notes.append(f"{factory.name} failed on {work.setup.label}: {type(error).__name__}: {error}")
    return measured


def speed_corpus(options: Options, bundled: GazetteerSetup, workdir: Path) -> Corpus:
    """The speed corpus (GUM and the sample article, repeated) and its floor."""
    data = options.data
    gum_texts = [d.text for d in gum.read(data / "gum")] if data and (data / "gum").is_dir() else []
    sample = options.sample
    other = [sample.read_text(encoding="utf-8")] if sample and sample.is_file() else []
    vocabulary = {token: True for record in bundled.records for token in record.name.split()}
    corpus = Corpus.build(gum_texts, other, options.profile, vocabulary, workdir)
    log(f"speed: corpus {corpus.bytes / 1e6:.2f} MB, floor {corpus.floor_mb_per_second:.1f} MB/s")
    return corpus


def start_up(
    options: Options, factories: Sequence[SystemFactory], corpus: Corpus, notes: list[str]
) -> dict[str, object]:
    """Cold start and `correct_many` scaling of namefix."""
    if not any(f.name == "namefix" for f in factories):
        return {"cold_start": None, "correct_many": "namefix not run"}
    log("speed: cold start and correct_many")
    cold = None
    try:
        cold = cold_start(options.profile.cold_start_runs, corpus.workdir, options.profile.cold_builds)
    except Exception as error:
        notes.append(f"cold start not measured: {type(error).__name__}: {error}")
    try:
        scaling = correct_many_scaling(corpus.texts, options.profile.jobs, corpus.workdir)
    except Exception as error:
        scaling = f"failed: {type(error).__name__}: {error}"
    return {"cold_start": cold, "correct_many": scaling}


def machine() -> dict[str, object]:
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def _namefix_version() -> str:
    try:
        import namefix

        return str(getattr(namefix, "__version__", "unknown"))
    except ImportError:
        return "not importable"


def run(options: Options) -> Path:
    """Run the benchmark and write REPORT.md, results.json and the plots; returns the report."""
    started = time.perf_counter()
    notes: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="namefix-bench-"))
    try:
        bundled = load_bundled(notes)
        log(f"bundled gazetteer: {bundled.size:,} entities")
        datasets = build_datasets(options, bundled, workdir, notes)
        factories = choose_systems(options, notes)
        corpus = speed_corpus(options, bundled, workdir) if options.wants("speed") else None
        measured = run_systems(plan(options, datasets, bundled, workdir), factories, options, corpus, notes)
        speed = None
        if corpus is not None:
            corpus.time_floor_again()
            log(f"speed: floor again {corpus.floor_mb_per_second:.1f} MB/s (the faster timing)")
            speed = {**corpus.summary(), "throughput": measured.throughputs}
            speed.update(start_up(options, factories, corpus, notes))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results = report.Results(
        machine=machine(),
        profile=options.profile.name,
        namefix_version=_namefix_version(),
        threshold=default_threshold(),
        datasets=datasets,
        runs=measured.runs,
        build_seconds=measured.build_seconds,
        speed=speed,
        notes=notes,
        seconds=time.perf_counter() - started,
    )
    options.out.mkdir(parents=True, exist_ok=True)
    results_json = json.dumps(results.as_dict(), indent=1, default=str)
    (options.out / "results.json").write_text(results_json, encoding="utf-8")
    figures = plots.draw_all(results, options.out)
    path = options.out / "REPORT.md"
    path.write_text(report.markdown(results, figures), encoding="utf-8")
    log(f"done in {time.perf_counter() - started:.0f} s: {path}")
    return path
