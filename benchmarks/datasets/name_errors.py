"""Real misspellings of names (codespell, Earnings-21, or the user's own pairs) in our sentences.

A pair file is tab-separated with a header `wrong  right  category`; `right` may list several
accepted spellings separated by "|". Each pair is set in news-like sentences of our own
writing (templates.py, chosen by a seeded generator); the same sentence with the right
spelling is clean text and must come back unchanged.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..corruption import seeded
from ..documents import Document, Gold
from ..names import GazetteerSetup, NameIndex, NameRecord, read_records, write_gazetteer
from ..templates import sentences
from . import Dataset

__all__ = [
    "Pair",
    "codespell",
    "earnings21",
    "pair_documents",
    "read_pairs",
    "sample_pairs",
    "user_pairs",
    "user_records",
]

CODESPELL_SOURCE = (
    "name-errors/codespell.tsv: codespell (codespell-project/codespell, b69d26d5) dictionaries, "
    "from Wikipedia's Lists of common misspellings; proper-name entries only"
)
CODESPELL_LICENSE = "CC BY-SA 3.0 (Wikipedia contributors, codespell contributors)"
EARNINGS_SOURCE = (
    "name-errors/earnings21.tsv: Earnings-21 (revdotcom/speech-datasets, 2f1a8f00), four "
    "commercial recognisers' errors on entity names, aligned to the reference transcripts"
)
EARNINGS_LICENSE = "CC BY-SA 4.0 (Rev.com; Del Rio et al., Interspeech 2021)"
#: Name-error categories as gazetteer kinds.
KIND_OF = {"person": "person", "place": "place", "org": "org", "demonym": "demonym"}
SPELLED_RIGHT = "spelled right"


@dataclass(frozen=True, slots=True)
class Pair:
    """A wrong spelling, its accepted right spellings (first = canonical), its category."""

    wrong: str
    right: tuple[str, ...]
    category: str


def sample_pairs(pairs: Sequence[Pair], limit: int | None, seed: object) -> list[Pair]:
    """A seeded sample of `limit` pairs in file order (all of them when `limit` is None)."""
    if limit is None or limit >= len(pairs):
        return list(pairs)
    keep = set(seeded(seed, "pairs").sample(range(len(pairs)), limit))
    return [pair for number, pair in enumerate(pairs) if number in keep]


def read_pairs(path: Path) -> list[Pair]:
    """Pairs from a `wrong<TAB>right<TAB>category` file with a header line."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Pair(
                row["wrong"].strip(),
                tuple(r.strip() for r in row["right"].split("|")),
                row["category"].strip(),
            )
            for row in rows
            if row.get("wrong") and row.get("right")
        ]


def pair_documents(
    name: str,
    pairs: Sequence[Pair],
    *,
    seed: int,
    per_pair: int,
    entity_of: Callable[[Pair], str | None],
) -> tuple[Document, ...]:
    """Each pair in `per_pair` sentences, wrong (group = category) and right (clean)."""
    documents = []
    for number, pair in enumerate(pairs):
        rng = seeded(seed, name, pair.wrong, pair.right[0])
        for template_number, template in enumerate(sentences(pair.category, pair.right[0], rng, per_pair)):
            start = template.index("{name}")
            broken = template.format(name=pair.wrong)
            gold = Gold(
                start,
                start + len(pair.wrong),
                pair.right,
                name,
                pair.category,
                entity_id=entity_of(pair),
            )
            key = f"{name}:{number}:{template_number}"
            documents.append(Document(key, broken, pair.category, golds=(gold,)))
            right = template.format(name=pair.right[0])
            documents.append(Document(key + ":right", right, SPELLED_RIGHT, clean=True))
    return tuple(documents)


def _known_entity(index: NameIndex) -> Callable[[Pair], str | None]:
    def entity_of(pair: Pair) -> str | None:
        records = index.records_for(pair.right[0])
        return records[0].id if records else None

    return entity_of


def _own_entity(setup: GazetteerSetup, bundled: GazetteerSetup) -> Callable[[Pair], str | None]:
    """Our id for a right-hand name, unless the bundle knows that spelling too (then either
    entity is a fair answer, and entity accuracy is not scored for it)."""
    own = NameIndex(setup.own)

    def entity_of(pair: Pair) -> str | None:
        if pair.right[0] in bundled.index:
            return None
        records = own.records_for(pair.right[0])
        return records[0].id if records else None

    return entity_of


def codespell(
    directory: Path, setup: GazetteerSetup, *, seed: int, per_pair: int, limit: int | None = None
) -> Dataset:
    """codespell's name misspellings, corrected with the bundled gazetteer."""
    pairs = sample_pairs(read_pairs(directory / "codespell.tsv"), limit, seed)
    documents = pair_documents(
        "codespell",
        pairs,
        seed=seed,
        per_pair=per_pair,
        entity_of=_known_entity(setup.index),
    )
    return Dataset(
        "codespell",
        "codespell name misspellings (dev half) in our sentences",
        CODESPELL_SOURCE,
        CODESPELL_LICENSE,
        setup,
        documents,
        notes=(f"{len(pairs)} pairs x {per_pair} sentence(s); dev numbers: a hidden half is kept aside",),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def user_records(pairs: Sequence[Pair], namespace: str) -> list[NameRecord]:
    """The right-hand names as gazetteer entities (one per canonical spelling and kind)."""
    records: dict[str, NameRecord] = {}
    for pair in pairs:
        kind = KIND_OF.get(pair.category, "other")
        key = f"{namespace}:{_slug(pair.right[0])}"
        if key in records and records[key].kind != kind:
            key = f"{key}-{kind}"
        known = records.get(key)
        aliases = tuple(dict.fromkeys((*(known.aliases if known else ()), *pair.right[1:])))
        records[key] = NameRecord(key, pair.right[0], kind, aliases, prominence=0.5)
    return list(records.values())


def with_user_names(
    bundled: GazetteerSetup, pairs: Sequence[Pair], namespace: str, directory: Path, source: str
) -> GazetteerSetup:
    """The bundle plus the pairs' right-hand names as a user gazetteer file in `directory`."""
    path = write_gazetteer(
        directory / f"{namespace}.yaml",
        user_records(pairs, namespace),
        source=source,
        license="see the benchmark report",
    )
    own = read_records([path])
    return GazetteerSetup(f"bundled + {namespace}", (path,), True, [*bundled.records, *own], own)


def earnings21(
    directory: Path,
    bundled: GazetteerSetup,
    workdir: Path,
    *,
    seed: int,
    per_pair: int,
    limit: int | None = None,
) -> Dataset:
    """Speech recognisers' errors, corrected with the right-hand names as a user gazetteer.

    All right-hand names go into the user gazetteer, also when only a sample of the pairs
    is set in sentences (quick runs).
    """
    all_pairs = read_pairs(directory / "earnings21.tsv")
    pairs = sample_pairs(all_pairs, limit, seed)
    setup = with_user_names(bundled, all_pairs, "earnings21", workdir, EARNINGS_SOURCE)
    documents = pair_documents(
        "earnings21", pairs, seed=seed, per_pair=per_pair, entity_of=_own_entity(setup, bundled)
    )
    return Dataset(
        "earnings21",
        "Earnings-21 recogniser errors, names as a user gazetteer",
        EARNINGS_SOURCE,
        EARNINGS_LICENSE,
        setup,
        documents,
        notes=(
            f"{len(pairs)} pairs x {per_pair} sentence(s); right-hand names loaded as a user "
            f"gazetteer on top of the bundle",
        ),
    )


def user_pairs(
    path: Path,
    bundled: GazetteerSetup,
    workdir: Path,
    *,
    seed: int,
    per_pair: int,
    add_names: bool,
) -> Dataset:
    """The user's own pairs file; with `add_names` its right-hand names join the gazetteer."""
    pairs = read_pairs(path)
    setup = with_user_names(bundled, pairs, "user", workdir, str(path)) if add_names else bundled
    index = setup.index
    documents = pair_documents("pairs", pairs, seed=seed, per_pair=per_pair, entity_of=_known_entity(index))
    return Dataset(
        "pairs",
        f"Your pairs: {path.name}",
        str(path),
        "yours",
        setup,
        documents,
        notes=(f"{len(pairs)} pairs x {per_pair} sentence(s)",),
    )
