"""From evidence to a calibrated confidence.

Each candidate fix is described by a few numbers (`Evidence`): how alike the words are,
whether they sound alike, how prominent the entity is, whether the words being replaced
are themselves valid, what titles stand before the name, whether the document names the
entity elsewhere, and how far ahead of its rivals the candidate is. A logistic model turns
them into a probability that the fix is right. Its weights were fitted on the benchmark's
dev data (benchmarks/calibrate.py); the default threshold was chosen there for precision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from .weights import WEIGHTS

__all__ = ["WEIGHTS", "Evidence", "confidence", "features"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the decision uses about one candidate fix."""

    similarity: float  # word-aligned similarity of the mention to the spelling, 0..1
    weakest: float  # similarity of the worst-matching changed word group, 0..1
    exact_share: float  # share of word groups left unchanged, 0..1
    phonetic: float  # 1 when every changed group sounds alike (a shared phonetic code)
    edits: int  # edit distance between the joined keys
    length: int  # letters in the joined key of the spelling
    prominence: float  # the entity's prior, 0..1
    derived: float  # 1 for a derived surname alone, 0.5 for a derived short form
    changed_known: float  # 1 when a replaced word is surely valid, 0.5 or less when weakly known
    changed_zipf: float  # how common the replaced words are in English text (Zipf)
    target_zipf: float  # how common the replacement words are
    structural: float  # 1 when only spaces or letter case differ (joined, split, case)
    context: float  # 1 for a title before the name that the entity's roles share
    document: float  # 1 when the document names the same entity elsewhere
    kind_clash: float  # 1 when the context calls for another kind of entity
    rival_gap: float  # lead over the best candidate with a different replacement, 0..1
    lowercase: float  # 1 when the mention is written in lower case
    route: str = "window"  # how the candidate was found: window, glued, surname (document pass)
    anchor: float = 0.0  # 1 when an intact word is distinctive (a surname), 0.5 a given name
    unexplained: int = 0  # unknown words next to the mention that this candidate leaves broken
    splittable: float = 0.0  # 1 when the word also splits cleanly into valid words (glued)
    completes: float = 0.0  # glued: a part completes a name with the neighbouring words
    camel: float = 0.0  # glued: every part capitalised ("VisaCuba"), as brand names are
    country: float = 0.0  # 1 when the document names the entity's country ("Polish", "Warsaw")
    anchor_rarity: float = 0.0  # how few entities share the intact word (1: only this one)
    prefix: float = 0.0  # share of the word's letters that begin the replacement as well
    foreign: float = 0.0  # share of nearby words that are not known English (another language)
    mentions: float = 0.0  # surname route: how often the document names the person (log scale)
    kin: float = 0.0  # surname route: likeness to another garble of the name fixed in the document
    slip: float = 0.0  # 1 when the words differ by a swap of neighbouring letters or a doubling
    foreign_passage: float = 0.0  # a replaced word of another language: share of such words nearby
    # (not a model input: the corrector leaves such words alone, see `corrector._FOREIGN_PASSAGE`)


def features(evidence: Evidence) -> dict[str, float]:
    """The model's inputs: the evidence plus a few shaped terms."""
    short = 1.0 if evidence.length <= 5 else 0.0
    edit_rate = evidence.edits / max(evidence.length, 1)
    return {
        "bias": 1.0,
        "similarity": evidence.similarity,
        "weakest": evidence.weakest,
        "exact_share": evidence.exact_share,
        "phonetic": evidence.phonetic,
        "edit_rate": edit_rate,
        "short": short,
        "prominence": evidence.prominence,
        "derived": evidence.derived,
        "derived_prominence": evidence.derived * evidence.prominence,
        "target_zipf": evidence.target_zipf,
        "changed_weak": evidence.changed_known if evidence.changed_known < 1.0 else 0.0,
        "changed_strong": 1.0 if evidence.changed_known >= 1.0 else 0.0,
        "changed_zipf": evidence.changed_zipf,
        "zipf_gain": max(0.0, evidence.target_zipf - evidence.changed_zipf),
        "structural": evidence.structural,
        "context": evidence.context,
        "document": evidence.document,
        "kind_clash": evidence.kind_clash,
        "close_rival": 1.0 if evidence.rival_gap < 0.03 else 0.0,
        "lowercase": evidence.lowercase,
        "anchor": evidence.anchor,
        "unexplained": float(min(evidence.unexplained, 3)),
        "route_glued": 1.0 if evidence.route == "glued" else 0.0,
        "route_surname": 1.0 if evidence.route == "surname" else 0.0,
        "joined_single": 1.0 if evidence.route == "joined" else 0.0,
        "splittable": evidence.splittable,
        "route_known": 1.0 if evidence.route == "known" else 0.0,
        "completes": evidence.completes,
        "country": evidence.country,
        "foreign": evidence.foreign,
        "slip": evidence.slip,
        "anchor_rarity": evidence.anchor_rarity,
        # a distinctive intact word and a title or country that fit the same entity
        "rare_anchor_in_context": evidence.anchor_rarity * max(evidence.context, evidence.country),
        # a surname found among the document's own people: how much of it the word keeps
        "surname_edit_rate": edit_rate if evidence.route == "surname" else 0.0,
        "surname_prefix": evidence.prefix if evidence.route == "surname" else 0.0,
        "camel": evidence.camel,
        "surname_mentions": evidence.mentions if evidence.route == "surname" else 0.0,
        "surname_kin": evidence.kin if evidence.route == "surname" else 0.0,
    }


def confidence(evidence: Evidence, weights: dict[str, float] | None = None) -> float:
    """Probability that the candidate fix is right, in [0, 1]."""
    weights = WEIGHTS if weights is None else weights
    z = sum(weights.get(name, 0.0) * value for name, value in features(evidence).items())
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


FEATURE_NAMES = tuple(f.name for f in fields(Evidence))
