"""What the words around a name say about it: titles, roles and the kind of thing expected.

"Defense Secretary Pete Hegses" — the title supports Pete Hegseth, whose roles include
Secretary of Defense. "Alessandro Bremec" — a given name before "Bremec" says a person's
surname follows, so the city of Bremen is not a plausible reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from .index import Flag
from .mentions import TITLE_WORDS, WordStatus
from .schema import Role

__all__ = ["PLACE_CUES", "TITLE_WORDS", "expected_kind", "role_support", "title_words_before"]

#: Words after which a place name is expected.
PLACE_CUES = frozenset(
    ["in", "near", "from", "across", "outside", "inside", "around", "towards", "toward", "via"]
)


_SPELLING = {
    "defence": "defense",
    "labour": "labor",
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
}


def title_words_before(statuses: Sequence[WordStatus], first: int, limit: int = 3) -> list[str]:
    """Title words immediately before token `first` (nearest last)."""
    found: list[str] = []
    i = first - 1
    while i >= 0 and len(found) < limit and statuses[i].key in TITLE_WORDS:
        found.insert(0, statuses[i].key)
        i -= 1
    return found


def role_support(titles: Sequence[str], roles: Sequence[Role]) -> float:
    """1 when a role of the entity shares the title words before the mention, 0.5 for a
    generic title, 0 when there is none."""
    if not titles:
        return 0.0
    wanted = set(titles) - {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame"}
    if not wanted:
        return 0.5
    wanted = {_SPELLING.get(word, word) for word in wanted}
    for role in roles:
        words = {_SPELLING.get(w, w) for w in role.title.lower().replace(",", " ").split()}
        if len(wanted & words) >= min(2, len(wanted)):
            return 1.0
    return 0.5


def expected_kind(statuses: Sequence[WordStatus], first: int) -> str | None:
    """The kind of entity the words before token `first` call for, if they say."""
    if first == 0:
        return None
    previous = statuses[first - 1]
    if previous.key in TITLE_WORDS:
        return "person"
    # "Alessandro Bremec": a given name announces a surname, unless the word is better known
    # as a place or organisation on its own ("Jordan", "Georgia") or is an ordinary word
    if (
        previous.namelike
        and previous.info.flags & Flag.GIVEN
        and previous.info.alone < 0.5
        and not previous.info.flags & Flag.LOWER_WORD
    ):
        return "person"
    if previous.key in PLACE_CUES:
        return "place"
    return None
