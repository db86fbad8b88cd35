"""The compiled gazetteer: every spelling, word and fuzzy key in one read-only SQLite file.

Building it from YAML takes a while at full size, so it is built once and cached, keyed on
the content of the files it was built from (see `cache.py`). Opening it is instant and costs
no memory up front: a short `correct()` call touches only the few pages it needs. Candidate
retrieval never scans the gazetteer: it looks up exact keys, joined keys (case, accents,
spaces and hyphens removed), and symmetric-delete and phonetic codes of the words of
prominent entities, then hands the few candidates to the scorer.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .bloom import BloomFilter
from .errors import NamefixError
from .phonetic import deletes, joined_key, key, phonetic_codes
from .results import KINDS, Entity
from .schema import EntityRecord, Origin, Role, derived_forms
from .tokens import WORD

__all__ = ["FORMAT_VERSION", "AliasRow", "Flag", "Index", "TokenInfo", "build_index"]

log = logging.getLogger(__name__)

#: Words looked up per query, and words remembered before the memo starts afresh.
_BATCH = 500
_WORD_CACHE = 500_000
#: Bump whenever the tables or their meaning change: old caches are then rebuilt.
FORMAT_VERSION = "15"
#: Entities at least this prominent are targets of fuzzy retrieval; the rest only protect
#: their spellings (and can still be reached by exact, joined or case-only matches).
FUZZY_MIN_PROMINENCE = 0.45
#: Words shorter than this get no symmetric-delete keys: one edit of a three-letter word
#: is another word far too often.
FUZZY_MIN_LENGTH = 4


class Flag:
    """Bits of `TokenInfo.flags`: what a word is known to be."""

    LOWER_WORD = 1  # a dictionary word in lower case ("turkey", "trump")
    CAPITAL_WORD = 2  # a dictionary word spelled capitalised ("Turkey")
    GIVEN = 4  # a real given name
    SURNAME = 8  # a real surname
    ALIAS = 16  # a word of some entity's spelling
    PERSON = 32
    PLACE = 64
    ORG = 128
    DEMONYM = 256
    OTHER = 512
    LOWER_IN_ALIAS = 1024  # written in lower case inside a name ("von", "al", "de")
    TARGET = 2048  # a word of a prominent entity: reachable by fuzzy retrieval
    FIRST_WORD = 4096  # first word of a famous multi-word name ("Barack" of Barack Obama)
    LAST_WORD = 8192  # last word of one ("Obama")
    FOREIGN = 16384  # a common word of another language, rare in English ("chinoise", "sur")

    KNOWN = LOWER_WORD | CAPITAL_WORD | GIVEN | SURNAME | ALIAS


_KIND_FLAG = {
    "person": Flag.PERSON,
    "place": Flag.PLACE,
    "org": Flag.ORG,
    "demonym": Flag.DEMONYM,
    "other": Flag.OTHER,
}


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the gazetteer and lexicons know of one word (by its folded key)."""

    zipf: float  # frequency in English text, Zipf scale (0 when unseen)
    flags: int
    prominence: float  # of the most prominent entity whose spelling holds the word
    alone: float  # of the most prominent entity the word names on its own (0 if none)


UNKNOWN = TokenInfo(0.0, 0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class AliasRow:
    """One spelling of one entity."""

    id: int
    entity: int
    text: str
    joined: str
    origin: int
    words: int
    prominence: float
    kind: str


@dataclass(frozen=True, slots=True)
class EntityInfo:
    """An entity with what the scorer needs beyond `Entity`."""

    entity: Entity
    surname: str | None
    roles: tuple[Role, ...]


_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE source(id INTEGER PRIMARY KEY, source TEXT, path TEXT);
CREATE TABLE entity(
    id INTEGER PRIMARY KEY, ext_id TEXT, name TEXT, kind INTEGER, country TEXT,
    prominence INTEGER, wikipedia TEXT, surname TEXT, roles TEXT, source INTEGER);
CREATE TABLE alias(
    joined TEXT, id INTEGER, entity INTEGER, text TEXT, origin INTEGER, words INTEGER,
    prominence INTEGER, kind INTEGER, PRIMARY KEY (joined, id)) WITHOUT ROWID;
CREATE TABLE alias_word(
    word TEXT, rank INTEGER, id INTEGER, entity INTEGER, text TEXT, joined TEXT,
    origin INTEGER, words INTEGER, prominence INTEGER, kind INTEGER,
    PRIMARY KEY (word, rank, id)) WITHOUT ROWID;
CREATE TABLE word(key TEXT PRIMARY KEY, flags INTEGER, prominence INTEGER,
    alone INTEGER) WITHOUT ROWID;
CREATE TABLE fuzzy(code TEXT, target INTEGER, PRIMARY KEY (code, target)) WITHOUT ROWID;
CREATE TABLE fuzzy_target(id INTEGER PRIMARY KEY, target TEXT);
CREATE TABLE bloom(name TEXT PRIMARY KEY, bits BLOB);
"""
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
#: Joined names longer than this get fuzzy keys of their own (one per letter) only when
#: famous; a slip in the others is found through their words.
JOINED_FUZZY_MAX_LENGTH = 16
_FAMOUS = 0.85
#: A word is one that names write in lower case when at least one in this many of its
#: occurrences in spellings is in lower case.
_LOWER_SHARE = 20
#: Places this prominent (countries, capitals, great cities) and all demonyms name their
#: country: "Warsaw" or "Polish" in a text makes a Polish minister a likelier reading.
_COUNTRY_WORD_PROMINENCE = 0.85
#: Multi-word spellings of entities at least this prominent also get fuzzy keys for their
#: joined form ("Marcorubbio"): a lost space plus a slip is rarer, so only for the famous.
JOINED_FUZZY_MIN_PROMINENCE = 0.7


def _permille(value: float) -> int:
    return round(value * 1000)


# --------------------------------------------------------------------------------------
# Building


def build_index(
    records: Iterable[EntityRecord], destination: Path, meta: dict[str, str] | None = None
) -> dict[str, int]:
    """Compile `records` into a new SQLite file.

    Writes to a temporary name and renames it into place, so a crash (or a broken file met
    half way) never leaves a half-built index behind. Returns counts for reporting.
    """
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        builder = _Builder(connection)
        for record in records:
            builder.add(record)
        builder.flush()
        builder.mark_lower_case_words()
        connection.executemany(
            "INSERT INTO word VALUES (?, ?, ?, ?)",
            ((w, int(s[1]), _permille(s[2]), _permille(s[3])) for w, s in builder.words.items()),
        )
        fuzzy_rows = builder.write_fuzzy()
        builder.write_filters()
        stats = {
            **{f"entities_{kind}": n for kind, n in builder.counts.items()},
            "entities": sum(builder.counts.values()),
            "spellings": builder.alias_id,
            "words": len(builder.words),
            "fuzzy_keys": fuzzy_rows,
        }
        countries = {code: sorted(words) for code, words in sorted(builder.country_words.items())}
        rows = {
            "format": FORMAT_VERSION,
            "complete": "yes",
            "stats": json.dumps(stats),
            "country_words": json.dumps(countries),
            **(meta or {}),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", rows.items())
        connection.commit()
        connection.execute("VACUUM")
    except BaseException:
        connection.close()
        temporary.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(temporary, destination)
    return stats


class _Builder:
    """Accumulates rows while records stream past, flushing them in batches."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.words: dict[str, list[float]] = {}  # key -> [zipf, flags, prominence, alone]
        self.cases: dict[str, list[int]] = {}  # key -> [written in lower case, otherwise]
        self.targets: set[str] = set()  # "w<word>" and "j<joined>" keys to fuzz
        self.counts = {kind: 0 for kind in KINDS}
        self.sources: dict[tuple[str, str], int] = {}
        self.alias_id = 0
        self.entity_id = 0
        self.entities: list[tuple[object, ...]] = []
        self.aliases: list[tuple[object, ...]] = []
        self.alias_words: list[tuple[object, ...]] = []
        self.country_words: dict[str, set[str]] = {}  # ISO code -> "poland", "polish", "warsaw"
        self.joined_keys: set[str] = set()  # what the filters hold (see `write_filters`)
        self.target_words: set[str] = set()
        self.fuzzy_codes: set[str] = set()

    def add(self, record: EntityRecord) -> None:
        entity = record.entity
        self.entity_id += 1
        self.counts[entity.kind] += 1
        source = self.sources.setdefault((record.source, record.path), len(self.sources) + 1)
        roles = json.dumps([[r.title, r.start, r.end] for r in record.roles]) if record.roles else None
        self.entities.append(
            (
                self.entity_id, entity.id, entity.name, _KIND_CODE[entity.kind], entity.country,
                _permille(entity.prominence), entity.wikipedia, record.surname, roles, source,
            )
        )  # fmt: skip
        kind_flag = _KIND_FLAG[entity.kind]
        country_word = entity.country is not None and (
            entity.kind == "demonym"
            or (entity.kind == "place" and entity.prominence >= _COUNTRY_WORD_PROMINENCE)
        )
        prominent = entity.prominence >= FUZZY_MIN_PROMINENCE
        rank = 1000 - _permille(entity.prominence)
        for text, origin in derived_forms(record):
            joined = joined_key(text)
            if not joined:
                continue
            self.alias_id += 1
            tokens = WORD.findall(text)
            if country_word and len(tokens) == 1 and origin <= Origin.ALIAS:
                self.country_words.setdefault(str(entity.country), set()).add(joined)
            row = (self.alias_id, self.entity_id, text, joined, origin, len(tokens),
                   _permille(entity.prominence), _KIND_CODE[entity.kind])  # fmt: skip
            stored = None if origin == Origin.NAME else text  # the name is in the entity row
            self.aliases.append((joined, self.alias_id, self.entity_id, stored, *row[4:]))
            self.joined_keys.add(joined)
            target = prominent and (origin != Origin.ALIAS or record.alias_targets)
            flags = Flag.ALIAS | kind_flag | (Flag.TARGET if target else 0)
            for token in tokens:
                word = key(token)
                slot = self.words.get(word)
                if slot is None:
                    slot = self.words[word] = [0.0, 0, 0.0, 0.0]
                slot[1] = int(slot[1]) | flags
                self.cases.setdefault(word, [0, 0])[0 if token.islower() else 1] += 1
                slot[2] = max(slot[2], entity.prominence)
                if len(tokens) == 1:
                    slot[3] = max(slot[3], entity.prominence)
                if target:
                    self.alias_words.append((word, rank, *row))
                    self.target_words.add(word)
                    self.targets.add("w" + word)
            if target and len(tokens) > 1 and entity.prominence >= JOINED_FUZZY_MIN_PROMINENCE:
                if len(joined) <= JOINED_FUZZY_MAX_LENGTH or entity.prominence >= _FAMOUS:
                    self.targets.add("j" + joined)
                for position, flag in ((0, Flag.FIRST_WORD), (-1, Flag.LAST_WORD)):
                    edge = self.words[key(tokens[position])]
                    edge[1] = int(edge[1]) | flag
        if len(self.aliases) > 50000:
            self.flush()

    def mark_lower_case_words(self) -> None:
        """Flag words that names write in lower case ("von", "al", "of"), but not a name
        word that one odd spelling among many writes so ("Green party of canada")."""
        for word, (lower, other) in self.cases.items():
            if lower and lower * _LOWER_SHARE >= other:
                slot = self.words[word]
                slot[1] = int(slot[1]) | Flag.LOWER_IN_ALIAS

    def flush(self) -> None:
        for table, rows in (
            ("entity", self.entities),
            ("alias", self.aliases),
            ("alias_word", self.alias_words),
        ):
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                self.connection.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)
                rows.clear()
        self.connection.executemany(
            "INSERT OR REPLACE INTO source VALUES (?, ?, ?)",
            ((i, s, p) for (s, p), i in self.sources.items()),
        )

    def write_filters(self) -> None:
        """Bloom filters of the keys of each table, so that a reader answers most absent
        keys without a query (see `bloom.py`)."""
        # fuzzy codes are asked twenty at a time, so their filter must rarely err
        for name, keys, bits in (
            ("alias", self.joined_keys, 10),
            ("alias_word", self.target_words, 10),
            ("word", self.words.keys(), 8),
            ("fuzzy", self.fuzzy_codes, 16),
        ):
            _write_filter(self.connection, name, keys, bits)

    def write_fuzzy(self) -> int:
        """Symmetric-delete and phonetic codes of every target word and joined name."""
        written = 0
        batch: list[tuple[str, int]] = []
        numbers: list[tuple[int, str]] = []  # targets by number: a code row holds only the number
        for target in sorted(self.targets):
            body = target[1:]
            if len(body) < FUZZY_MIN_LENGTH:
                continue
            codes = {"d" + variant for variant in deletes(body)}
            if target[0] == "w":
                codes.update(phonetic_codes(body))
            numbers.append((len(numbers) + 1, target))
            batch.extend((code, len(numbers)) for code in codes)
            self.fuzzy_codes.update(codes)
            if len(batch) > 200000:
                self.connection.executemany("INSERT OR IGNORE INTO fuzzy VALUES (?, ?)", batch)
                written += len(batch)
                batch.clear()
        self.connection.executemany("INSERT OR IGNORE INTO fuzzy VALUES (?, ?)", batch)
        self.connection.executemany("INSERT INTO fuzzy_target VALUES (?, ?)", numbers)
        return written + len(batch)


def build_lexicon(folder: Path, destination: Path, meta: dict[str, str] | None = None) -> dict[str, int]:
    """Compile the English word list and the name lists into their own SQLite file.

    Kept apart from the gazetteers so that a user's small gazetteer compiles in
    milliseconds and every gazetteer shares one compiled lexicon.
    """
    words: dict[str, list[float]] = {}  # key -> [zipf, flags]
    counts: dict[str, int] = {}
    english = folder / "english.tsv"
    if english.is_file():
        n = 0
        for line in _lines(english):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            word = _fast_key(parts[0])
            try:
                zipf = float(parts[1])
            except ValueError:
                continue
            slot = words.setdefault(word, [0.0, 0])
            slot[0] = max(slot[0], zipf)
            marks = parts[2] if len(parts) > 2 else ""
            slot[1] = (
                int(slot[1])
                | (Flag.LOWER_WORD if "l" in marks else 0)
                | (Flag.CAPITAL_WORD if "c" in marks else 0)
            )
            n += 1
        counts["english_words"] = n
    lists = (
        ("given-names.txt", Flag.GIVEN),
        ("surnames.txt", Flag.SURNAME),
        ("foreign-words.txt", Flag.FOREIGN),
    )
    for name, flag in lists:
        path = folder / name
        if path.is_file():
            n = 0
            for line in _lines(path):
                slot = words.setdefault(_fast_key(line), [0.0, 0])
                slot[1] = int(slot[1]) | flag
                n += 1
            counts[name.split(".")[0].replace("-", "_")] = n
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE lexeme(key TEXT PRIMARY KEY, zipf INTEGER, flags INTEGER) WITHOUT ROWID;"
            "CREATE TABLE bloom(name TEXT PRIMARY KEY, bits BLOB);"
        )
        _write_filter(connection, "lexeme", words.keys(), 8)
        connection.executemany(  # Zipf in hundredths: an integer takes a quarter of a float's room
            "INSERT INTO lexeme VALUES (?, ?, ?)",
            ((w, round(z * 100), int(f)) for w, (z, f) in words.items()),
        )
        rows = {"format": FORMAT_VERSION, "complete": "yes", "stats": json.dumps(counts), **(meta or {})}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", rows.items())
        connection.commit()
    except BaseException:
        connection.close()
        temporary.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(temporary, destination)
    return counts


def _write_filter(connection: sqlite3.Connection, name: str, keys: Collection[str], bits: int) -> None:
    bloom = BloomFilter.of(keys, len(keys), bits)
    connection.execute("INSERT INTO bloom VALUES (?, ?)", (name, bloom.to_bytes()))


def _read_filters(connection: sqlite3.Connection, schema: str) -> dict[str, BloomFilter]:
    rows = connection.execute(f"SELECT name, bits FROM {schema}.bloom").fetchall()
    return {str(name): BloomFilter.from_bytes(bytes(bits)) for name, bits in rows}


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _fast_key(word: str) -> str:
    return word if word.isascii() and word.islower() else key(word)


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


# --------------------------------------------------------------------------------------
# Reading


def _alias_row(row: tuple[Any, ...]) -> AliasRow:
    number, entity, text, joined, origin, words, prominence, kind = row
    return AliasRow(number, entity, text, joined, origin, words, prominence / 1000, KINDS[kind])


class Index:
    """Read-only lookups into a compiled gazetteer; safe to share between threads.

    Each thread (and each process after a fork) gets its own SQLite connection; answers
    are memoised, so a word seen before costs one dictionary probe.
    """

    def __init__(
        self,
        path: Path,
        lexicon: Path | None = None,
        repair: Callable[[], tuple[Path, Path | None]] | None = None,
    ) -> None:
        self.path = path
        self.lexicon = lexicon
        self._repair = repair  # rebuilds damaged compiled files, returning their new paths
        self._repair_lock = threading.Lock()
        self._local = threading.local()
        connection = self._connection()
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            raise NamefixError(f"the compiled gazetteer {path} is unreadable: {exc}") from exc
        if meta.get("format") != FORMAT_VERSION or meta.get("complete") != "yes":
            raise NamefixError(f"the compiled gazetteer {path} is stale or incomplete")
        self.meta = meta
        self.stats: dict[str, int] = json.loads(meta.get("stats", "{}"))
        self.countries_of: dict[str, frozenset[str]] = {}
        for code, words in json.loads(meta.get("country_words", "{}")).items():
            for word in words:
                self.countries_of[word] = self.countries_of.get(word, frozenset()) | {code}
        if lexicon is not None:
            try:
                lexicon_meta = dict(connection.execute("SELECT key, value FROM lexicon.meta").fetchall())
            except sqlite3.DatabaseError as exc:
                raise NamefixError(f"the compiled lexicon {lexicon} is unreadable: {exc}") from exc
            if lexicon_meta.get("format") != FORMAT_VERSION or lexicon_meta.get("complete") != "yes":
                raise NamefixError(f"the compiled lexicon {lexicon} is stale or incomplete")
            self.stats.update(json.loads(lexicon_meta.get("stats", "{}")))
        self._load_filters(connection)
        self._words: dict[str, TokenInfo] = {}
        self.aliases_by_joined = lru_cache(maxsize=100_000)(self._aliases_by_joined)
        self.aliases_with_word = lru_cache(maxsize=50_000)(self._aliases_with_word)
        self.fuzzy_targets = lru_cache(maxsize=50_000)(self._fuzzy_targets)
        self.entity = lru_cache(maxsize=50_000)(self._entity)

    def _load_filters(self, connection: sqlite3.Connection) -> None:
        try:
            filters = _read_filters(connection, "main")
            if self.lexicon is not None:
                filters.update(_read_filters(connection, "lexicon"))
        except (sqlite3.DatabaseError, ValueError) as exc:
            raise NamefixError(f"the compiled gazetteer {self.path} is damaged ({exc})") from exc
        self._in_alias = filters["alias"].__contains__
        self._in_alias_word = filters["alias_word"].__contains__
        self._fuzzy_present = filters["fuzzy"].present
        self._words_present = filters["word"].present
        lexeme = filters.get("lexeme")
        self._lexemes_present = lexeme.present if lexeme is not None else None

    def _connection(self) -> sqlite3.Connection:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            fresh = sqlite3.connect(uri, uri=True, check_same_thread=False)
            if self.lexicon is not None:
                lexicon_uri = f"{self.lexicon.resolve().as_uri()}?mode=ro&immutable=1"
                fresh.execute("ATTACH DATABASE ? AS lexicon", (lexicon_uri,))
            local.connection = fresh
            local.pid = os.getpid()
        connection: sqlite3.Connection = local.connection
        return connection

    def _query(self, sql: str, parameters: Sequence[object]) -> list[tuple[Any, ...]]:
        try:
            return self._connection().execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as exc:
            if self._repair is None:
                raise NamefixError(
                    f"the compiled gazetteer {self.path} is damaged ({exc}); delete it and it will be rebuilt"
                ) from exc
            self._repaired()  # damage the quick check missed: rebuild once, then ask again
            try:
                return self._connection().execute(sql, parameters).fetchall()
            except sqlite3.DatabaseError as again:
                raise NamefixError(f"the compiled gazetteer {self.path} is damaged ({again})") from again

    def _repaired(self) -> None:
        """Rebuild the compiled files after damage, and forget everything read from them."""
        with self._repair_lock:
            repair, self._repair = self._repair, None  # once per index
            if repair is None:
                return
            log.warning("the compiled gazetteer %s is damaged; rebuilding it", self.path)
            self.path, self.lexicon = repair()
            self._local = threading.local()
            self._load_filters(self._connection())
            self._words.clear()
            for memo in (self.aliases_by_joined, self.aliases_with_word, self.fuzzy_targets, self.entity):
                memo.cache_clear()

    def word(self, word_key: str) -> TokenInfo:
        """What is known of one folded word (memoised)."""
        info = self._words.get(word_key)
        if info is None:
            self.prefetch((word_key,))
            info = self._words[word_key]
        return info

    def prefetch(self, word_keys: Iterable[str]) -> None:
        """Look up many words in a few queries (a text's new words arrive together)."""
        missing = [k for k in dict.fromkeys(word_keys) if k not in self._words]
        if not missing:
            return
        if len(self._words) > _WORD_CACHE:
            self._words.clear()  # bounded memory; a dict is faster to probe than an LRU
        lexemes_present = self._lexemes_present
        for start in range(0, len(missing), _BATCH):
            batch = missing[start : start + _BATCH]
            found: dict[str, list[int]] = {}  # key -> [zipf in hundredths, flags, prominence, alone]
            names = self._words_present(batch)
            if names:
                for word_key, flags, prominence, alone in self._query(
                    f"SELECT key, flags, prominence, alone FROM word WHERE key IN ({_marks(names)})", names
                ):
                    found[str(word_key)] = [0, int(flags), int(prominence), int(alone)]
            words = lexemes_present(batch) if lexemes_present is not None else []
            if words:
                for word_key, zipf, flags in self._query(
                    f"SELECT key, zipf, flags FROM lexicon.lexeme WHERE key IN ({_marks(words)})", words
                ):
                    slot = found.setdefault(str(word_key), [0, 0, 0, 0])
                    slot[0] = int(zipf)
                    slot[1] |= int(flags)
            for word_key in batch:
                hit = found.get(word_key)
                self._words[word_key] = (
                    UNKNOWN if hit is None else TokenInfo(hit[0] / 100, hit[1], hit[2] / 1000, hit[3] / 1000)
                )

    def _aliases_by_joined(self, joined: str) -> tuple[AliasRow, ...]:
        if not self._in_alias(joined):
            return ()
        rows = self._query(
            "SELECT a.id, a.entity, coalesce(a.text, e.name), a.joined, a.origin, a.words, a.prominence, "
            "a.kind FROM alias a JOIN entity e ON e.id = a.entity "
            "WHERE a.joined = ? ORDER BY a.prominence DESC, a.id LIMIT 50",
            (joined,),
        )
        return tuple(_alias_row(row) for row in rows)

    def _aliases_with_word(self, word_key: str, limit: int = 300) -> tuple[AliasRow, ...]:
        if not self._in_alias_word(word_key):
            return ()
        rows = self._query(
            "SELECT id, entity, text, joined, origin, words, prominence, kind FROM alias_word "
            "WHERE word = ? ORDER BY rank LIMIT ?",
            (word_key, limit),
        )
        return tuple(_alias_row(row) for row in rows)

    def _fuzzy_targets(self, codes: tuple[str, ...]) -> tuple[str, ...]:
        present = self._fuzzy_present(codes)
        if not present:
            return ()
        rows = self._query(
            "SELECT target FROM fuzzy_target WHERE id IN "
            f"(SELECT target FROM fuzzy WHERE code IN ({_marks(present)}))",
            present,
        )
        return tuple(sorted(str(row[0]) for row in rows))

    def _entity(self, entity_id: int) -> EntityInfo:
        rows = self._query(
            "SELECT ext_id, name, kind, country, prominence, wikipedia, surname, roles "
            "FROM entity WHERE id = ?",
            (entity_id,),
        )
        ext_id, name, kind, country, prominence, wikipedia, surname, roles = rows[0]
        entity = Entity(str(ext_id), str(name), KINDS[kind], country, prominence / 1000, wikipedia)
        parsed = tuple(Role(*role) for role in json.loads(roles)) if roles else ()
        return EntityInfo(entity, surname, parsed)

    def records(self) -> Iterator[EntityRecord]:
        """Every entity as it was loaded, in load order."""
        connection = self._connection()
        sources = {
            i: (src, path) for i, src, path in connection.execute("SELECT id, source, path FROM source")
        }
        aliases = connection.execute(
            "SELECT entity, text FROM alias WHERE origin = ? ORDER BY entity, id", (Origin.ALIAS,)
        )
        pending = next(aliases, None)
        cursor = connection.execute(
            "SELECT id, ext_id, name, kind, country, prominence, wikipedia, surname, roles, source "
            "FROM entity ORDER BY id"
        )
        for row in cursor:
            number, ext_id, name, kind, country, prominence, wikipedia, surname, roles, source = row
            own: list[str] = []
            while pending is not None and pending[0] <= number:
                if pending[0] == number:
                    own.append(pending[1])
                pending = next(aliases, None)
            src, path = sources[source]
            yield EntityRecord(
                Entity(ext_id, name, KINDS[kind], country, prominence / 1000, wikipedia),
                tuple(own),
                surname,
                tuple(Role(*role) for role in json.loads(roles)) if roles else (),
                src,
                path,
            )

    def __len__(self) -> int:
        return int(self.stats.get("entities", 0))
