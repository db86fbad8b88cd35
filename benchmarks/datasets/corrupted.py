"""Correct names broken in place by the error models, in real text (GUM) and in our sentences.

For every error model, each GUM document gets a copy in which some of the mentions namefix
knows are broken by that model (the rest of the document stays as written, so its damage
counts too). Our own template sentences about prominent gazetteer entities are broken the
same way. Valid variants (accents dropped, another real spelling of the same entity) are
put in as well: they are not errors and any change to them is a false fix.
"""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..corruption import ERROR_MODELS, REPEATED_MODEL, Corruption, Model, accents_dropped, seeded
from ..documents import Document, Gold, Span
from ..names import GazetteerSetup, NameIndex, NameRecord, fold
from ..templates import sentences
from . import Dataset
from .gum import LICENSE as GUM_LICENSE
from .gum import SOURCE as GUM_SOURCE
from .gum import GumDocument

__all__ = [
    "Target",
    "break_names",
    "corrupted_gum",
    "corrupted_templates",
    "gum_targets",
    "swap_variants",
]

VALID_VARIANT = "valid variant"
#: A person the document names at least this often is garbled every time in one copy.
REPEATED_MENTIONS = 3
SPELLED_RIGHT = "spelled right"
#: How close an alias must be to the written name to pass for an alternative transliteration.
VARIANT_SIMILARITY = 0.75

Lookup = Callable[[str], object | None]


@dataclass(frozen=True, slots=True)
class Target:
    """A correctly written name in a clean text, and what counts as that name."""

    start: int
    end: int
    accepted: tuple[str, ...]
    record: NameRecord | None = None
    wikipedia: str | None = None

    @property
    def entity_id(self) -> str | None:
        return self.record.id if self.record else None


@dataclass(frozen=True)
class Judge:
    """Decides whether a corrupted name is really an error (not another valid spelling)."""

    index: NameIndex
    english: frozenset[str]

    def is_error(self, model: Model, corrupted: str, target: Target) -> bool:
        if unicodedata.normalize("NFC", corrupted) in target.accepted:
            return False
        if model.name == "case_loss":
            return corrupted not in self.english
        return corrupted not in self.index


def _splice(text: str, replacements: Sequence[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Text with the (sorted, disjoint) replacements made, and each one's new start."""
    pieces, starts, position, shift = [], [], 0, 0
    for start, end, new in replacements:
        pieces += [text[position:start], new]
        starts.append(start + shift)
        shift += len(new) - (end - start)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), starts


def _disjoint(chosen: list[tuple[int, int]], start: int, end: int) -> bool:
    """Apart from every chosen region by at least one character (so clusters stay separate)."""
    return all(end < s or start > e for s, e in chosen)


def break_names(
    text: str,
    targets: Sequence[Target],
    model: Model,
    rng: random.Random,
    judge: Judge,
    limit: int,
) -> tuple[str, tuple[Gold, ...]]:
    """Break up to `limit` of the targets with `model`; the broken text and its gold spans."""
    order = list(targets)
    rng.shuffle(order)
    picked: list[tuple[Corruption, Target]] = []
    for target in order:
        if len(picked) == limit:
            break
        corruption = model.corrupt(text, target.start, target.end, rng)
        if corruption is None or not _disjoint(
            [(c.start, c.end) for c, _ in picked], corruption.start, corruption.end
        ):
            continue
        name_part = corruption.corrupted if not model.reach_neighbour else None
        if name_part is not None and not judge.is_error(model, name_part, target):
            continue
        picked.append((corruption, target))
    picked.sort(key=lambda pair: pair[0].start)
    new_text, starts = _splice(text, [(c.start, c.end, c.corrupted) for c, _ in picked])
    golds = []
    for (corruption, target), start in zip(picked, starts, strict=True):
        before = text[corruption.start : target.start]
        after = text[target.end : corruption.end]
        golds.append(
            Gold(
                start,
                start + len(corruption.corrupted),
                tuple(dict.fromkeys(before + spelling + after for spelling in target.accepted)),
                model.name,
                entity_id=target.entity_id,
                wikipedia=target.wikipedia,
            )
        )
    return new_text, tuple(golds)


def _is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def _variants_of(target: Target, written: str, rng: random.Random) -> list[tuple[str, str]]:
    """(label, spelling) of the valid variants of a written name, in a seeded order."""
    options = []
    plain = accents_dropped(written)
    if plain:
        options.append(("accents_dropped", plain))
    for alias in target.record.spellings if target.record else ():
        similar = difflib.SequenceMatcher(None, fold(alias), fold(written)).ratio()
        if (
            alias != written
            and _is_latin(alias)
            and fold(alias) != fold(written)
            and similar >= VARIANT_SIMILARITY
        ):
            options.append(("alias", alias))
    rng.shuffle(options)
    return options


def swap_variants(
    text: str, targets: Sequence[Target], rng: random.Random, limit: int
) -> tuple[str, tuple[Span, ...]]:
    """Replace up to `limit` names by a valid variant of themselves; the spans to protect."""
    chosen: list[tuple[int, int, str, str]] = []
    for target in targets:
        if len(chosen) == limit:
            break
        options = _variants_of(target, text[target.start : target.end], rng)
        if options and _disjoint([(s, e) for s, e, _, _ in chosen], target.start, target.end):
            label, spelling = options[0]
            chosen.append((target.start, target.end, spelling, label))
    chosen.sort()
    new_text, starts = _splice(text, [(s, e, new) for s, e, new, _ in chosen])
    spans = tuple(
        Span(start, start + len(new), label) for (_, _, new, label), start in zip(chosen, starts, strict=True)
    )
    return new_text, spans


def _pick_record(
    index: NameIndex, text: str, identity: str | None, lookup: Lookup | None
) -> NameRecord | None:
    records = index.records_for(text)
    for record in records:
        if identity and record.wikipedia and record.wikipedia.replace("_", " ") == identity.replace("_", " "):
            return record
    entity = lookup(text) if lookup else None
    if entity is not None:
        return index.record(getattr(entity, "id", "")) or (records[0] if records else None)
    return records[0] if records else None


#: GUM mention types and the gazetteer kinds that can stand for them.
_KINDS_OF_TYPE = {
    "person": {"person"},
    "place": {"place"},
    "organization": {"org"},
}
#: A mention whose Wikipedia identity the gazetteer does not record is a target only when the
#: name belongs to an entity at least this prominent: one namefix may correct *to*.
_TARGET_PROMINENCE = 0.45


def known_entity(record: NameRecord | None, identity: str | None, mention_type: str | None) -> bool:
    """Whether the gazetteer knows the entity a GUM mention names: the same Wikipedia title,
    or (without one) a prominent entity of a fitting kind. "White" or "Energy" as spellings of
    some hamlet do not make a mention of white people or of energy policy a known name."""
    if record is None:
        return False
    if identity and record.wikipedia:
        return record.wikipedia.replace("_", " ") == identity.replace("_", " ")
    kinds = _KINDS_OF_TYPE.get(mention_type or "")
    return kinds is not None and record.kind in kinds and record.prominence >= _TARGET_PROMINENCE


def gum_targets(document: GumDocument, index: NameIndex, lookup: Lookup | None) -> list[Target]:
    """The document's mentions of entities the gazetteer knows, non-overlapping, in text order.

    Known: see `known_entity` (the text must also be a spelling in the gazetteer, or
    `namefix.lookup` must return an entity for it). Short (under four characters) and
    lower-case mentions are left out.
    """
    targets: list[Target] = []
    last_end = -1
    for mention in sorted(document.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        text = mention.text
        if len(text) < 4 or not text[:1].isupper() or mention.start <= last_end:
            continue
        entity = lookup(text) if lookup else None
        if text not in index and entity is None:
            continue
        record = _pick_record(index, text, mention.identity, lookup)
        if not known_entity(record, mention.identity, mention.type):
            continue
        assert record is not None
        spellings = record.spellings
        targets.append(
            Target(
                mention.start,
                mention.end,
                tuple(dict.fromkeys((text, *spellings))),
                record,
                mention.identity,
            )
        )
        last_end = mention.end
    return targets


def most_named_person(targets: Sequence[Target]) -> list[Target]:
    """Every mention of the person the document names most often (at least
    `REPEATED_MENTIONS` times; ties go to the first named), or none."""
    mentions: dict[str, list[Target]] = {}
    for target in targets:
        if target.record is not None and target.record.kind == "person":
            mentions.setdefault(target.record.id, []).append(target)
    if not mentions:
        return []
    best = max(mentions.values(), key=len)
    return best if len(best) >= REPEATED_MENTIONS else []


def corrupted_gum(
    documents: Sequence[GumDocument],
    setup: GazetteerSetup,
    judge: Judge,
    lookup: Lookup | None,
    *,
    seed: int,
    per_document: int,
    models: Sequence[Model] = ERROR_MODELS,
) -> Dataset:
    """Every GUM document once per error model, once with every mention of its most named
    person garbled (`REPEATED_MODEL`, where there is one), and once with valid variants."""
    out: list[Document] = []
    eligible = 0
    for document in documents:
        targets = gum_targets(document, judge.index, lookup)
        eligible += len(targets)
        for model in models:
            rng = seeded(seed, "gum", document.id, model.name)
            text, golds = break_names(document.text, targets, model, rng, judge, per_document)
            if golds:
                out.append(
                    Document(f"{document.id}:{model.name}", text, model.name, golds, split=document.split)
                )
        repeated = most_named_person(targets)
        if repeated:
            rng = seeded(seed, "gum", document.id, REPEATED_MODEL.name)
            text, golds = break_names(document.text, repeated, REPEATED_MODEL, rng, judge, len(repeated))
            if len(golds) >= 2:
                out.append(
                    Document(
                        f"{document.id}:{REPEATED_MODEL.name}",
                        text,
                        REPEATED_MODEL.name,
                        golds,
                        split=document.split,
                    )
                )
        rng = seeded(seed, "gum", document.id, "variants")
        text, spans = swap_variants(document.text, targets, rng, per_document)
        if spans:
            out.append(
                Document(
                    f"{document.id}:variants",
                    text,
                    VALID_VARIANT,
                    protected=spans,
                    split=document.split,
                )
            )
    return Dataset(
        "corrupted_gum",
        "GUM mentions broken in place (per error type)",
        GUM_SOURCE,
        GUM_LICENSE,
        setup,
        tuple(out),
        notes=(
            f"{eligible} mentions known to the gazetteer in {len(documents)} documents; up to "
            f"{per_document} broken per document and model; whole documents corrected",
        ),
    )


def prominent(records: Sequence[NameRecord], kind: str, count: int) -> list[NameRecord]:
    """The `count` most prominent entities of a kind with a Latin-script name of 4+ letters."""
    fitting = [r for r in records if r.kind == kind and len(r.name) >= 4 and _is_latin(r.name)]
    return sorted(fitting, key=lambda r: (-r.prominence, r.name))[:count]


#: Portfolio words a reporter puts before the office ("Defense Secretary Pete Hegseth").
_PORTFOLIO_WORDS = frozenset(
    [
        "defense",
        "defence",
        "state",
        "homeland",
        "security",
        "treasury",
        "finance",
        "foreign",
        "interior",
        "health",
        "education",
        "energy",
        "commerce",
        "labor",
        "labour",
        "agriculture",
        "transportation",
        "justice",
        "trade",
        "economy",
    ]
)


def _role_title(record: NameRecord) -> str | None:
    """The office as a reporter puts it before the name, from the entity's latest titled role:
    "Secretary of Homeland Security" -> "Homeland Security Secretary", "Prime Minister of
    Poland" -> "Prime Minister" (news never writes "Prime Minister of Poland Donald Tusk")."""
    titles = [role.get("title") if isinstance(role, dict) else str(role) for role in record.roles]
    titles = [t for t in titles if t and " of " in t and len(t) <= 40 and t[:1].isupper()]
    if not titles:
        return None
    office, _, portfolio = titles[-1].partition(" of ")
    words = portfolio.split()
    if words and all(word.lower() in _PORTFOLIO_WORDS for word in words):
        return f"{portfolio} {office}"
    return office


def _surname(record: NameRecord) -> str | None:
    words = record.name.split()
    surname = record.surname or (words[-1] if len(words) > 1 else None)
    return surname if surname and surname != record.name and len(surname) >= 4 else None


def _filled(kind: str, record: NameRecord, rng: random.Random) -> tuple[str, list[Target]]:
    """A template sentence with the record's name (and, for people with an office, their
    title and later their surname); the name and surname are the targets to break."""
    title, surname = (_role_title(record), _surname(record)) if kind == "person" else (None, None)
    if title and surname and rng.random() < 0.5:
        template = sentences("person_titled", record.name, rng, 1)[0]
    else:
        template = sentences(kind, record.name, rng, 1)[0]
    values = {"title": title or "", "name": record.name, "surname": surname or ""}
    text, targets = "", []
    for piece in re.split(r"(\{\w+\})", template):
        if piece.startswith("{") and piece[1:-1] in values:
            value = values[piece[1:-1]]
            if piece == "{name}":
                targets.append(
                    Target(len(text), len(text) + len(value), record.spellings, record, record.wikipedia)
                )
            elif piece == "{surname}":
                targets.append(Target(len(text), len(text) + len(value), (value,), record, record.wikipedia))
            text += value
        else:
            text += piece
    return text, targets


def corrupted_templates(
    setup: GazetteerSetup,
    judge: Judge,
    *,
    seed: int,
    per_kind: int,
    models: Sequence[Model] = ERROR_MODELS,
) -> Dataset:
    """Our sentences about the most prominent people, places and organisations, broken."""
    out: list[Document] = []
    for kind in ("person", "place", "org"):
        for record in prominent(setup.records, kind, per_kind):
            rng = seeded(seed, "templates", record.id)
            text, targets = _filled(kind, record, rng)
            out.append(Document(f"{record.id}:right", text, SPELLED_RIGHT, clean=True))
            for model in models:
                broken, golds = break_names(
                    text, targets, model, seeded(seed, record.id, model.name), judge, 1
                )
                if golds:
                    out.append(Document(f"{record.id}:{model.name}", broken, model.name, golds))
            varied, spans = swap_variants(text, targets[:1], seeded(seed, record.id, "variants"), 1)
            if spans:
                out.append(Document(f"{record.id}:variants", varied, VALID_VARIANT, protected=spans))
    return Dataset(
        "corrupted_templates",
        "Our sentences about prominent entities, broken (per error type)",
        "our own template sentences (benchmarks/templates.py) and bundled gazetteer names",
        "ours (CC0 1.0); names: see gazetteers/SOURCES.md",
        setup,
        tuple(out),
        notes=(f"up to {per_kind} most prominent entities per kind (person, place, org)",),
    )
