"""Offices named in a Wikidata English description, and the prominence they give.

"Austrian politician who was Chancellor of Austria and chairman of the Social Democratic
Party of Austria" names two offices. An office is an office word with the capitalised words
just before it ("Florida State Senator", "Argentine Minister of Finance") and what follows it
as "of/for/from/in/to (the) Capitalised Words" ("… of the House of Lords in the Parliament of
the United Kingdom"). Party memberships ("member of the Socialist Party") are not offices.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_OFFICES = (
    r"[Pp]rime [Mm]inister",
    r"[Vv]ice[- ][Pp]resident",
    r"[Vv]ice[- ][Cc]hairman",
    r"[Ss]ecretary[- ][Gg]eneral",
    r"[Pp]resident",
    r"[Cc]hancellor",
    r"[Mm]inister",
    r"[Ss]ecretary",
    r"[Gg]overnor",
    r"[Mm]ayor",
    r"[Mm]ember",
    r"[Ss]enator",
    r"[Rr]epresentative",
    r"[Ss]peaker",
    r"[Ll]eader",
    r"[Cc]hairman",
    r"[Cc]hairwoman",
    r"[Cc]hair",
    r"[Cc]ommissioner",
    r"[Dd]irector",
    r"[Aa]mbassador",
    r"Premier",
    r"King",
)
_CAPITALISED = r"[A-Z\u00c0-\u00de][\w.'’-]*"
_PLACE = _CAPITALISED + r"(?:\s+(?:de|del|la|di|du|des)\s+" + _CAPITALISED + r")*"
_OFFICE = re.compile(r"(?:" + "|".join(_OFFICES) + r")(?:-[A-Z]\w*)?")
_PREFIX = re.compile(r"((?:" + _CAPITALISED + r"\s+)*)$")
_CONTINUATION = re.compile(r"\s+(?:of|for|from|in|to|and the)(?:\s+the)?((?:\s+" + _PLACE + r")+)")
# Capitalised words before an office that are not part of it ("Former Prime Minister …").
_NOT_PART = frozenset({"Former", "The", "First", "Current", "Ex", "Then", "A", "An"})
# A membership is an office only in a legislature or council.
_BODIES = re.compile(
    r"Parliament|Bundestag|Riksdag|Landtag|Assembly|Council|Senate|House|Lords|Legislature|Chamber|Congress"
)
_HEAD_OF_STATE = re.compile(r"^(?:President|Prime Minister|Chancellor) of (.+)$")
_HEAD_OF_BODY = re.compile(
    r"^(?:(?:United States|U\.S\.) )?(?:Secretary|Governor|Speaker|Leader|Chair|Chairman|Chairwoman|Director|"
    r"Commissioner|President)(?:[- ]General)? (?:of|to)\b"
)


def offices(description: str) -> list[str]:
    """The offices a description names, in order, each once ("Mayor of Dresden", "Prime minister")."""
    found: list[str] = []
    position = 0
    while match := _OFFICE.search(description, position):
        prefix: list[str] = []
        if match.start() == 0 or description[match.start() - 1].isspace():
            prefix_match = _PREFIX.search(description[: match.start()])
            prefix = prefix_match.group(1).split() if prefix_match else []
        while prefix and prefix[0] in _NOT_PART:
            prefix.pop(0)
        office = match.group(0)
        end = match.end()
        title = " ".join([*prefix, office])
        while continuation := _CONTINUATION.match(description, end):
            title += description[end : continuation.end()]
            end = continuation.end()
        title = " ".join(title.split())
        position = end
        if office.lower() == "member" and end > match.end() and not _BODIES.search(title):
            continue
        # A bare one-word office ("member", "mayor") says too little to keep.
        if prefix or end > match.end() or " " in office:
            title = title[0].upper() + title[1:]
            if title not in found:
                found.append(title)
    return found


def office_prominence(title: str, is_country: Callable[[str], bool]) -> float:
    """0.75 president, prime minister or chancellor of a country; 0.6 minister or head of a body; 0.4."""
    head = _HEAD_OF_STATE.match(title)
    if head and is_country(head.group(1)):
        return 0.75
    if re.search(r"\bMinister\b", title) or _HEAD_OF_BODY.match(title):
        return 0.6
    return 0.4
