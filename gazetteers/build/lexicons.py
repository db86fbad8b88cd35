"""Lexicon targets: the English word list and the given-name and surname lists.

They guard precision rather than name entities (a frequent English word or a real surname is
not a garble), so they live in lexicon/ and are written as plain text, not entity YAML.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import lexicons_english
import lexicons_foreign
import lexicons_names

TARGETS: dict[str, Callable[[Path, Path], str]] = {
    "lexicon-english": lexicons_english.build,
    "lexicon-names": lexicons_names.build,
    "lexicon-foreign": lexicons_foreign.build,
}
