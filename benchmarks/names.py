"""The names every system is given: gazetteer files read as plain records.

The benchmark reads gazetteer YAML itself (the schema in gazetteers/README.md) rather than
through namefix, so that peers get exactly the names namefix gets, subsets for the 10k/100k
runs can be written back as files, and a half-built engine cannot change what is measured.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "GazetteerSetup",
    "NameIndex",
    "NameRecord",
    "bundled_files",
    "english_words",
    "fold",
    "most_prominent",
    "read_records",
    "write_gazetteer",
]

REPO_ROOT = Path(__file__).resolve().parent.parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_ENTRY_FIELDS = ("id", "name", "kind", "aliases", "surname", "roles", "country", "prominence", "wikipedia")


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One gazetteer entity with every spelling it may be written with."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    prominence: float = 0.3
    wikipedia: str | None = None
    surname: str | None = None
    country: str | None = None
    roles: tuple[Any, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases."""
        return (self.name, *self.aliases)

    def as_entry(self) -> dict[str, Any]:
        """The record as a gazetteer entry (for writing subsets back to YAML)."""
        entry: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "prominence": self.prominence,
        }
        for key in ("aliases", "roles"):
            if getattr(self, key):
                entry[key] = list(getattr(self, key))
        for key in ("surname", "country", "wikipedia"):
            if getattr(self, key) is not None:
                entry[key] = getattr(self, key)
        return entry


@dataclass(frozen=True)
class GazetteerSetup:
    """A set of gazetteer files as a user would load them, and the records they hold.

    `paths` are the user files passed to `namefix.Corrector`; `include_default` says whether
    the bundled gazetteer is loaded as well. `records` is everything that ends up loaded.
    """

    label: str
    paths: tuple[Path, ...]
    include_default: bool
    records: Sequence[NameRecord] = field(repr=False)
    #: The user's own names among `records` (a pairs file's names on top of the bundle).
    own: Sequence[NameRecord] = field(default=(), repr=False)

    @property
    def size(self) -> int:
        return len(self.records)

    def most_prominent(self, limit: int | None) -> list[NameRecord]:
        """What a peer that can only take `limit` names gets: the user's own names first (they
        are why the user loaded them), then the bundle's most prominent entities."""
        own_ids = {record.id for record in self.own}
        rest = [record for record in self.records if record.id not in own_ids]
        room = None if limit is None else max(0, limit - len(self.own))
        return [*self.own, *most_prominent(rest, room)][:limit]

    @cached_property
    def index(self) -> NameIndex:
        """Which entities each spelling names (built once per setup, shared by its users)."""
        return NameIndex(self.records)


def fold(text: str) -> str:
    """Case- and accent-insensitive key, as `namefix.lookup` compares spellings."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def bundled_files(root: Path = REPO_ROOT) -> list[Path]:
    """The bundled gazetteer files: the installed copy if there is one, else the source tree."""
    try:
        import namefix

        packaged = Path(namefix.__file__).resolve().parent / "gazetteers"
    except ImportError:
        packaged = root / "missing"
    base = packaged if packaged.is_dir() else root / "gazetteers"
    return sorted(path for path in base.rglob("*.yaml") if "build" not in path.parts)


def _records_in(path: Path) -> Iterator[NameRecord]:
    with path.open(encoding="utf-8") as stream:
        document = yaml.load(stream, Loader=_LOADER) or {}
    default_kind = document.get("kind")
    for entry in document.get("entities") or ():
        yield NameRecord(
            id=str(entry["id"]),
            name=str(entry["name"]),
            kind=str(entry.get("kind", default_kind)),
            aliases=tuple(str(alias) for alias in entry.get("aliases") or ()),
            prominence=float(entry.get("prominence", 0.3)),
            wikipedia=entry.get("wikipedia"),
            surname=entry.get("surname"),
            country=entry.get("country"),
            roles=tuple(entry.get("roles") or ()),
        )


def most_prominent(records: Sequence[NameRecord], limit: int | None) -> list[NameRecord]:
    """The `limit` most prominent records (all of them when `limit` is None), stable order."""
    if limit is None or limit >= len(records):
        return list(records)
    return sorted(records, key=lambda record: -record.prominence)[:limit]


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "namefix-benchmarks"


def _cached_records(path: Path) -> list[NameRecord]:
    """Records of one file through a pickle keyed by its path, size and mtime (parsing the
    bundle's 40 MB of YAML takes half a minute; the pickle a second)."""
    stat = path.stat()
    key = hashlib.sha256(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:24]
    stem = f"{path.parent.name}-{path.stem}"
    cached = _cache_dir() / f"{stem}-{key}.pickle"
    if cached.is_file():
        with cached.open("rb") as stream:
            records: list[NameRecord] = pickle.load(stream)
        return records
    records = list(_records_in(path))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as stream:
            pickle.dump(records, stream, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cached)
        for stale in cached.parent.glob(f"{stem}-*.pickle"):
            if stale != cached:
                stale.unlink(missing_ok=True)
    except OSError:  # a read-only home only costs time
        pass
    return records


def read_records(paths: Iterable[Path], *, cached: bool = False) -> list[NameRecord]:
    """Every entity in the given gazetteer files, in file order.

    `cached` keeps parsed files in a pickle cache (for the bundle, read on every run).
    """
    if cached:
        return [record for path in paths for record in _cached_records(path)]
    return [record for path in paths for record in _records_in(path)]


def write_gazetteer(path: Path, records: Iterable[NameRecord], *, source: str, license: str) -> Path:
    """Write records as a gazetteer file namefix can load (shared spellings allowed)."""
    document = {
        "namefix": 1,
        "source": source,
        "license": license,
        "allow_shared_aliases": True,
        "entities": [record.as_entry() for record in records],
    }
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(document, stream, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return path


def english_words(root: Path = REPO_ROOT) -> frozenset[str]:
    """Lower-case English dictionary words from the bundled lexicon (empty if it is absent).

    Used to skip corruptions that turn a name into an ordinary word ("Bath" -> "bath").
    """
    path = root / "gazetteers" / "lexicon" / "english.tsv"
    if not path.is_file():
        return frozenset()
    words = set()
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.startswith("#"):
                continue
            word, _, rest = line.rstrip("\n").partition("\t")
            if "l" in rest.rpartition("\t")[2]:
                words.add(word)
    return frozenset(words)


class NameIndex:
    """Which entities a spelling names, case- and accent-insensitively."""

    def __init__(self, records: Iterable[NameRecord]) -> None:
        self._by_spelling: dict[str, list[NameRecord]] = {}
        self._by_id: dict[str, NameRecord] = {}
        for record in records:
            self._by_id.setdefault(record.id, record)
            for spelling in {fold(s) for s in record.spellings}:
                self._by_spelling.setdefault(spelling, []).append(record)

    def __contains__(self, spelling: str) -> bool:
        return fold(spelling) in self._by_spelling

    def records_for(self, spelling: str) -> list[NameRecord]:
        """Entities written this way, most prominent first."""
        found = self._by_spelling.get(fold(spelling), [])
        return sorted(found, key=lambda record: -record.prominence)

    def record(self, entity_id: str) -> NameRecord | None:
        """The entity with this id, if loaded."""
        return self._by_id.get(entity_id)
