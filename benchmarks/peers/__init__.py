"""The peers namefix is compared with, one module each, all behind `SystemFactory`.

Each is optional: a peer that is not installed is skipped with a note in the report.
"""

from __future__ import annotations

from ..system import SystemFactory
from .flashtext_replacer import FlashtextFactory
from .hunspell import HunspellFactory
from .rapidfuzz_scan import RapidfuzzFactory
from .spaczz_matcher import SpaczzFactory
from .spellchecker import SpellcheckerFactory
from .symspell import SymspellFactory

__all__ = ["PEERS"]

PEERS: tuple[SystemFactory, ...] = (
    SymspellFactory(),
    SpellcheckerFactory(),
    HunspellFactory(),
    SpaczzFactory(),
    FlashtextFactory(),
    RapidfuzzFactory(),
)
