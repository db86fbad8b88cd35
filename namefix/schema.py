"""Read and validate gazetteer YAML files; derive the short forms people use.

The schema is documented in gazetteers/README.md. Files are parsed with PyYAML's safe loader
(the C one when available); any problem raises `GazetteerError` naming the file, the line,
the entry and the field, and nothing of a broken file is used.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GazetteerError
from .phonetic import joined_key
from .results import KINDS, Entity
from .tokens import WORD

__all__ = [
    "EntityRecord",
    "Origin",
    "Role",
    "bundled_entity_files",
    "bundled_lexicon_dir",
    "bundled_root",
    "derived_forms",
    "expand_paths",
    "read_entity_file",
]

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
_FILE_KEYS = {
    "namefix",
    "source",
    "license",
    "kind",
    "allow_shared_aliases",
    "correct_to_aliases",
    "entities",
}
_ENTITY_KEYS = {
    "id", "name", "kind", "aliases", "surname", "roles", "country", "prominence",
    "wikipedia", "source",
}  # fmt: skip
_ROLE_KEYS = {"title", "from", "to"}
_MAX_ALIASES = 2000
_MAX_TEXT = 300
_DEFAULT_PROMINENCE = 0.3
_COUNTRY = re.compile(r"^[A-Z]{2}$")

if TYPE_CHECKING:
    from types import ModuleType


@lru_cache(maxsize=1)
def _yaml() -> tuple[ModuleType, type]:
    """PyYAML and its safe loader, imported on first use: with the compiled cache present,
    namefix never reads YAML, and importing it costs a tenth of namefix's start-up."""
    import yaml

    # the C loader is ten times faster; both are safe loaders
    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Origin:
    """Where a spelling of an entity comes from; derived forms are weaker evidence."""

    NAME = 0  # the canonical name
    ALIAS = 1  # listed in the file
    SHORT = 2  # derived: given name + surname, without middle names or suffix
    SURNAME = 3  # derived: the surname alone


@dataclass(frozen=True, slots=True)
class Role:
    """An office or title a person held, with years where known."""

    title: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """Everything a gazetteer file says about one entity."""

    entity: Entity
    aliases: tuple[str, ...]
    surname: str | None
    roles: tuple[Role, ...]
    source: str
    path: str
    #: False when the aliases are other languages' names: fixes then go to `entity.name`.
    alias_targets: bool = True


# --------------------------------------------------------------------------------------
# Where the bundled files are


def bundled_root() -> Path:
    """The bundled gazetteer folder: inside the installed wheel, else the source tree."""
    packaged = Path(str(resources.files("namefix"))) / "gazetteers"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "gazetteers"


def bundled_entity_files() -> list[Path]:
    """Every bundled entity file, in a stable order."""
    root = bundled_root()
    files = [path for folder in ("generated", "curated") for path in sorted((root / folder).rglob("*.yaml"))]
    return files


def bundled_lexicon_dir() -> Path:
    return bundled_root() / "lexicon"


def expand_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Files named by `paths`; a folder stands for every *.yaml file below it."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    for item in paths:
        if not isinstance(item, (str, Path)):
            raise TypeError(f"gazetteer paths must be str or Path, not {type(item).__name__}")
        path = Path(item).absolute()  # a pickled corrector must find it from another directory
        if path.is_dir():
            out.extend(sorted(path.rglob("*.yaml")))
        elif path.is_file():
            out.append(path)
        else:
            raise GazetteerError("no such file or folder", path=str(path))
    return out


# --------------------------------------------------------------------------------------
# Reading one file

# The build scripts write one entity per line as a flow mapping with quoted keys, which is
# also JSON; such files are read line by line with the JSON parser (the YAML constructor is
# pure Python and takes a minute on the 235k-city file). Any line that is not JSON is read
# with the YAML loader on its own, and a file in any other layout goes through YAML whole.
_ENTITIES_KEY = re.compile(rb"^entities:[ \t]*(?:#.*)?$", re.MULTILINE)
_FLOW_LINE = re.compile(r"^  - (\{.*\})\s*$")


def read_entity_file(path: Path, data: bytes | None = None) -> list[EntityRecord]:
    """Parse and validate one entity file; raise `GazetteerError` on any problem."""
    return list(iter_entity_file(path, data))


def iter_entity_file(path: Path, data: bytes | None = None) -> Iterator[EntityRecord]:
    """The validated records of one file, one at a time (a 25 MB file never sits in memory
    as one parsed document). A problem raises `GazetteerError` when it is reached."""
    name = str(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise GazetteerError(f"cannot read: {exc.strerror}", path=name) from exc
    layout = _line_layout(data)
    try:
        if layout is None:
            document = _parse_yaml(data, name, 0)
            header = _validate_header(document, name, require_entities=True)
            raws: Iterable[tuple[Any, int | None]] = ((raw, None) for raw in document["entities"])
            shared_objects: set[int] | None = set()  # the whole document is alive: ids are stable
        else:
            head, first_line, lines = layout
            header = _validate_header(_parse_yaml(head, name, 0), name, require_entities=False)
            raws = (
                (_parse_line(line, name, first_line + i), first_line + i + 1)
                for i, line in enumerate(lines)
                if line
            )
            shared_objects = None  # each line is parsed alone: anchors cannot reach across
        yield from _validate_entities(raws, header, name, shared_objects)
    except _Invalid as problem:
        line = problem.line
        if line is None and problem.index is not None:
            line = _line_of_entry(data, problem.index)
        raise GazetteerError(
            problem.message, path=name, line=line, entry=problem.entry, field=problem.field
        ) from None


def _line_layout(data: bytes) -> tuple[bytes, int, list[str]] | None:
    """Header, the 0-based line of the first entity, and entity lines (blank lines as "")
    when the file is one flow mapping per line; None otherwise."""
    match = _ENTITIES_KEY.search(data)
    if match is None:
        return None
    head = data[: match.end()]
    try:
        body = data[match.end() :].decode("utf-8")
    except UnicodeDecodeError:
        return None
    lines = body.split("\n")[1:]
    entities: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            entities.append("")
            continue
        flow = _FLOW_LINE.match(line)
        if flow is None:
            return None
        entities.append(flow.group(1))
    return head, head.count(b"\n") + 1, entities


def _parse_yaml(data: bytes | str, name: str, first_line: int) -> Any:
    yaml, loader = _yaml()
    try:
        _refuse_anchors(data, name, first_line)
        return yaml.load(data, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        line = first_line + exc.problem_mark.line + 1 if exc.problem_mark else None
        raise GazetteerError(f"not valid YAML: {exc.problem}", path=name, line=line) from None
    except yaml.YAMLError as exc:
        raise GazetteerError(f"not valid YAML: {exc}", path=name) from None


def _refuse_anchors(data: bytes | str, name: str, first_line: int) -> None:
    """Refuse YAML anchors, aliases and merge keys before anything is built from them: an
    alias expands to a copy wherever it is used, so a small file can stand for a huge one
    ("billion laughs"). The parser's events are read in C, one pass, nothing expanded."""
    yaml, loader = _yaml()
    for event in yaml.parse(data, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            raise GazetteerError(
                "YAML anchors and aliases (&, *, <<) are not allowed",
                path=name,
                line=first_line + mark.line + 1 if mark else None,
            )


def _parse_line(line: str, name: str, line_index: int) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return _parse_yaml(line, name, line_index)


class _Invalid(Exception):
    def __init__(
        self,
        message: str,
        index: int | None = None,
        entry: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message, self.index, self.entry, self.field, self.line = message, index, entry, field, line


def _line_of_entry(data: bytes, index: int) -> int | None:
    """The 1-based line where entity number `index` starts (only computed on errors)."""
    yaml, _ = _yaml()
    try:
        node = yaml.compose(data, Loader=yaml.SafeLoader)
        if node is None:
            return None
        for key_node, value_node in node.value:
            if key_node.value == "entities":
                return int(value_node.value[index].start_mark.line) + 1
    except Exception:  # the file parsed once already; this is best effort
        return None
    return None


@dataclass(frozen=True, slots=True)
class _Header:
    source: str
    kind: str | None
    shared: bool
    alias_targets: bool


def _validate_header(document: Any, path: str, *, require_entities: bool) -> _Header:
    if not isinstance(document, dict):
        raise _Invalid("the file must be a mapping with 'namefix' and 'entities'")
    unknown = set(document) - _FILE_KEYS
    if unknown:
        field = sorted(map(str, unknown))[0]
        raise _Invalid(f"unknown top-level key {field!r}", field=field)
    if document.get("namefix") != SCHEMA_VERSION:
        raise _Invalid(f"'namefix: {SCHEMA_VERSION}' (the schema version) is required", field="namefix")
    source = _optional_text(document, "source", None) or path
    default_kind = _optional_text(document, "kind", None)
    if default_kind is not None and default_kind not in KINDS:
        raise _Invalid(f"unknown kind {default_kind!r}; known: {', '.join(KINDS)}", field="kind")
    flags = {}
    for flag, default in (("allow_shared_aliases", False), ("correct_to_aliases", True)):
        value = document.get(flag, default)
        if not isinstance(value, bool):
            raise _Invalid("must be true or false", field=flag)
        flags[flag] = value
    if require_entities and not isinstance(document.get("entities"), list):
        raise _Invalid("'entities' must be a list", field="entities")
    return _Header(source, default_kind, flags["allow_shared_aliases"], flags["correct_to_aliases"])


def _validate_entities(
    raws: Iterable[tuple[Any, int | None]], header: _Header, path: str, seen_containers: set[int] | None
) -> Iterator[EntityRecord]:
    ids: set[str] = set()
    spellings: dict[tuple[str, str], str] = {}
    for index, (raw, line) in enumerate(raws):
        try:
            record = _validate_entity(raw, index, header, path, seen_containers)
            entity = record.entity
            if entity.id in ids:
                raise _Invalid("duplicate id", index, entity.id, "id")
            ids.add(entity.id)
            if not header.shared:
                for spelling in (entity.name, *record.aliases):
                    slot = (entity.kind, joined_key(spelling))
                    other = spellings.setdefault(slot, entity.id)
                    if other != entity.id and slot[1]:
                        raise _Invalid(
                            f"{spelling!r} also names {other} (same kind); merge the entries or set "
                            "'allow_shared_aliases: true' for files of real namesakes",
                            index, entity.id, "aliases",
                        )  # fmt: skip
        except _Invalid as problem:
            if problem.line is None:
                problem.line = line
            raise
        yield record


def _validate_entity(raw: Any, index: int, header: _Header, path: str, seen: set[int] | None) -> EntityRecord:
    if not isinstance(raw, dict):
        raise _Invalid("each entity must be a mapping", index, f"#{index + 1}")
    _refuse_shared(raw, index, seen)
    label = str(raw.get("id", f"#{index + 1}"))
    unknown = set(raw) - _ENTITY_KEYS
    if unknown:
        field = sorted(map(str, unknown))[0]
        raise _Invalid(f"unknown key {field!r}", index, label, field)

    def text(field: str, required: bool = False) -> str | None:
        value = raw.get(field)
        if value is None:
            if required:
                raise _Invalid("is required", index, label, field)
            return None
        if not isinstance(value, str) or not value.strip():
            raise _Invalid("must be a non-empty string", index, label, field)
        if len(value) > _MAX_TEXT:
            raise _Invalid(f"is longer than {_MAX_TEXT} characters", index, label, field)
        return value.strip()

    entity_id = text("id", required=True)
    name = text("name", required=True)
    assert entity_id is not None and name is not None
    kind = text("kind") or header.kind
    if kind is None:
        raise _Invalid("is required (or a file-level default)", index, label, "kind")
    if kind not in KINDS:
        raise _Invalid(f"unknown kind {kind!r}; known: {', '.join(KINDS)}", index, label, "kind")
    country = text("country")
    if country is not None and not _COUNTRY.match(country):
        raise _Invalid("must be an ISO 3166-1 alpha-2 code such as 'US'", index, label, "country")
    prominence = raw.get("prominence", _DEFAULT_PROMINENCE)
    if (
        isinstance(prominence, bool)
        or not isinstance(prominence, (int, float))
        or not math.isfinite(prominence)
        or not 0.0 <= prominence <= 1.0
    ):
        raise _Invalid("must be a number in [0, 1]", index, label, "prominence")

    aliases_raw = raw.get("aliases")
    if aliases_raw is None:
        aliases_raw = []
    elif not isinstance(aliases_raw, list):
        raise _Invalid("must be a list of strings", index, label, "aliases")
    else:
        _refuse_shared(aliases_raw, index, seen)
    if len(aliases_raw) > _MAX_ALIASES:
        raise _Invalid(f"more than {_MAX_ALIASES} aliases", index, label, "aliases")
    aliases: list[str] = []
    for alias in aliases_raw:
        if not isinstance(alias, str) or not alias.strip() or len(alias) > _MAX_TEXT:
            raise _Invalid(f"alias {alias!r} must be a non-empty string", index, label, "aliases")
        if not WORD.search(alias):
            raise _Invalid(f"alias {alias!r} has no letters or digits", index, label, "aliases")
        alias = alias.strip()
        if alias != name and alias not in aliases:
            aliases.append(alias)
    if not WORD.search(name):
        raise _Invalid("has no letters or digits", index, label, "name")

    surname = text("surname")
    roles = _validate_roles(raw.get("roles"), index, label, seen)
    if (surname or roles) and kind != "person":
        raise _Invalid("only people have a surname or roles", index, label, "surname" if surname else "roles")
    entity = Entity(
        id=entity_id,
        name=name,
        kind=kind,
        country=country,
        prominence=float(prominence),
        wikipedia=text("wikipedia"),
    )
    return EntityRecord(
        entity, tuple(aliases), surname, roles, text("source") or header.source, path, header.alias_targets
    )


def _validate_roles(raw: Any, index: int, label: str, seen: set[int] | None) -> tuple[Role, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _Invalid("must be a list", index, label, "roles")
    _refuse_shared(raw, index, seen)
    roles = []
    for item in raw:
        if isinstance(item, str) and item.strip():
            roles.append(Role(item.strip()))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise _Invalid("each role is a title or {title, from, to}", index, label, "roles")
        unknown = set(item) - _ROLE_KEYS
        if unknown:
            raise _Invalid(f"unknown role key {sorted(map(str, unknown))[0]!r}", index, label, "roles")
        years = [item.get("from"), item.get("to")]
        for year in years:
            if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
                raise _Invalid("role years must be integers", index, label, "roles")
        roles.append(Role(item["title"].strip(), years[0], years[1]))
    return tuple(roles)


def _refuse_shared(container: Any, index: int, seen: set[int] | None) -> None:
    """Refuse YAML anchors and aliases: a shared list or mapping appears twice."""
    if seen is None:
        return
    if id(container) in seen:
        raise _Invalid("YAML anchors and aliases (&, *) are not allowed", index, f"#{index + 1}")
    seen.add(id(container))


def _optional_text(document: dict[str, Any], field: str, default: str | None) -> str | None:
    value = document.get(field, default)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise _Invalid("must be a non-empty string", field=field)
    return value


# --------------------------------------------------------------------------------------
# Derived forms

_PARTICLES = {
    "al", "el", "bin", "ibn", "bint", "da", "das", "de", "del", "della", "der", "di", "do",
    "dos", "du", "la", "le", "van", "von", "ter", "ten", "zu", "y", "e", "abu", "ould", "ben",
}  # fmt: skip
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}


def _surname_of(name: str) -> str | None:
    """The last word with the lower-case particles before it: "Ursula von der Leyen" -> "von der Leyen"."""
    words = name.replace(",", " ").split()
    while words and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    if len(words) < 2:
        return None
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES and words[start - 1][0].islower():
        start -= 1
    return " ".join(words[start:])


def _short_form(name: str, surname: str) -> str | None:
    """Given name + surname, dropping middle names, initials and suffixes."""
    words = name.replace(",", " ").split()
    while words and words[-1].rstrip(".").lower() in _SUFFIXES:
        words.pop()
    surname_words = surname.split()
    if len(words) <= len(surname_words) + 1 or words[-len(surname_words) :] != surname_words:
        return None
    first = words[0]
    if first.endswith(".") or len(first) == 1:
        return None
    return " ".join([first, *surname_words])


def derived_forms(record: EntityRecord) -> list[tuple[str, int]]:
    """Every spelling of the entity with its `Origin`: listed ones first, then derived ones."""
    entity = record.entity
    forms = [(entity.name, Origin.NAME)] + [(alias, Origin.ALIAS) for alias in record.aliases]
    if entity.kind != "person":
        return forms
    seen = {joined_key(text) for text, _ in forms}
    surnames: list[str] = []
    if record.surname:  # an explicit surname overrides the guess ("Xi", not "Jinping")
        surnames.append(record.surname)
    else:
        for text, _ in forms:
            surname = _surname_of(text)
            if surname and surname not in surnames:
                surnames.append(surname)
    for text, _ in list(forms):
        for surname in surnames:
            short = _short_form(text, surname)
            if short and joined_key(short) not in seen:
                seen.add(joined_key(short))
                forms.append((short, Origin.SHORT))
    for surname in surnames:
        if joined_key(surname) not in seen:
            seen.add(joined_key(surname))
            forms.append((surname, Origin.SURNAME))
    return forms


def records_of(paths: Sequence[Path]) -> Iterator[EntityRecord]:
    """Records of several files, refusing ids that repeat across files."""
    owner: dict[str, str] = {}
    for path in paths:
        for record in iter_entity_file(path):
            first = owner.setdefault(record.entity.id, str(path))
            if first != str(path):
                raise GazetteerError(
                    f"duplicate id (first defined in {first})",
                    path=str(path),
                    entry=record.entity.id,
                    field="id",
                )
            yield record
