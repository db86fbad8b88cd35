"""Reading people out of Factbook text: "President Frank-Walter STEINMEIER (since 19 March 2017)".

A mention is read as title words, then the name, whose surname the Factbook writes in
capitals. A mention is skipped when the name is a bare word ("King PHILIPPE"), when it is not a
name at all (notes, "the US does not have an embassy…"), or when words between the title and the
surname are title or country words: the title then held a word the parser does not know, so
the split between title and name cannot be trusted.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# Words of office titles as the Factbook writes them; together with the words of country names
# they make up what a title may contain.
OFFICE_WORDS = frozenset(
    """
    Acting Administrator Affairs Ambassador Ambassador-designate Amir Apostolic Assembly Bailiff Cabinet
    Caretaker Chairman Chairperson Chancellor Chargé d'Affaires d’Affaires Chief Co-Vice Co-prince
    Commission Commissioner Consul Council Crown Duke Emperor Executive Foreign General Government
    Governor Governor-General Governorate Grand Head High Homeland Interim Island Islands King Leader
    Leadership Lieutenant Lieutenant-Governor Mayor Minister Ministers National Nuncio Political
    Pontifical Pope Prefect Premier Presidency President Presidential Prime Prince Queen Safeguard
    Secretary State Sultan Superior Supreme Taliban Taoiseach Territorial Transition Transitional Vice
    Yuan GNU CNSP UK People's of the and for to
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Honorifics and ranks between a title and a name; dropped from both.
HONORIFICS = frozenset(
    {"Sir", "Dame", "Dr.", "General", "Gen.", "Sr.", "Col.", "Capt.", "Cardinal", "Archbishop", "Tan", "Sri"}
)
# "General" is part of these titles rather than a rank.
GENERAL_TITLES = frozenset({"Governor", "Consul"})
PARTICLES = frozenset(
    {
        "bin",
        "ibn",
        "ibni",
        "bint",
        "de",
        "del",
        "der",
        "den",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "e",
        "i",
        "y",
        "van",
        "von",
        "la",
    }
)
CONNECTORS = frozenset({"of", "the", "and", "for", "to"})
FIELDS = (
    ("chief", ("executive_branch", "chief of state")),
    ("head", ("executive_branch", "head of government")),
    ("in", ("diplomatic_representation_in_the_us_chief_of_mission",)),
    ("from", ("diplomatic_representation_from_the_us_chief_of_mission",)),
)
_ROMAN = re.compile(r"^[IVX]+$")
_SINCE = re.compile(r"\(([^()]*\b(?:since|\d{4})\b[^()]*)\)")
_YEAR = re.compile(r"\b(\d{4})\b")


def clean(text: str) -> str:
    """Factbook text without HTML tags and entities, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


def split_top(text: str, separator: str = ";") -> list[str]:
    """Split at separators outside parentheses."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == separator and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


def _capitals(part: str) -> bool:
    letters = [char for char in part if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def is_surname_token(token: str) -> bool:
    """A token written in capitals (any hyphen part), the Factbook's mark of the surname."""
    return any(
        _capitals(part) or (part.startswith("Mc") and _capitals(part[2:])) for part in token.split("-")
    )


def proper_case(token: str, regnal: bool = True) -> str:
    """'STEINMEIER' -> 'Steinmeier', "O'NEILL" -> "O'Neill", 'McDONALD' -> 'McDonald', 'J.M.' -> 'J.m.'.

    Roman numerals stay in capitals (regnal numbers) unless regnal is false ('XI' Jinping).
    """

    def part(text: str) -> str:
        if text.startswith("Mc") and _capitals(text[2:]):
            return "Mc" + text[2:].capitalize()
        if not _capitals(text) or (regnal and _ROMAN.match(text)):
            return text
        if text.startswith("MC") and len(text) > 3:
            return "Mc" + text[2:].capitalize()
        match = re.match(r"^(\w)'(\w+)$", text)
        if match:
            return match.group(1) + "'" + match.group(2).capitalize()
        return text.capitalize()

    return "-".join(part(piece) for piece in token.split("-"))


def slug(text: str) -> str:
    """'Jesper Møller Sørensen' -> 'jesper-moller-sorensen'; "Pa’olelei" -> 'paolelei'."""
    folded = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


_TRANSLITERATE = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"}
)


@dataclass
class Mention:
    """One person named in one field of one Factbook entry."""

    code: str
    field: str
    representative: bool
    title: str
    name: str
    surname: str
    year: int | None
    aliases: list[str]


def parse_mention(
    text: str, vocabulary: frozenset[str]
) -> tuple[str, str, str, int | None, list[str]] | None:
    """(title, name, surname, year, aliases) of a mention, or None when it cannot be read reliably."""
    year = None
    head = text
    dated = list(_SINCE.finditer(text))
    if sum("since" in match.group(1) for match in dated) > 1:
        return None  # two people in one clause ("Ambassador X (since …) and Chargé Y (since …)")
    if dated:
        found = re.search(r"since\D*?(\d{4})", dated[0].group(1)) or _YEAR.search(dated[0].group(1))
        year = int(found.group(1)) if found else None
        head = text[: dated[0].start()]
    spelled = [variant.strip() for variant in re.findall(r"\(also spelled ([^()]*)\)", head)]
    head = re.sub(r"\([^()]*\)", " ", head)
    head = re.sub(r"[\"“][^\"”]*[\"”]", " ", head)
    head = head.replace(", Jr.", " Jr.")
    head = re.sub(r",\s*(Head of [A-Z]\w+|[a-z][a-z ]*)$", "", head.strip())
    tokens = head.split()
    index = 0
    title: list[str] = []
    while index < len(tokens) and (tokens[index] in vocabulary or tokens[index] in HONORIFICS):
        token = tokens[index]
        if token not in HONORIFICS or (token == "General" and title and title[-1] in GENERAL_TITLES):
            title.append(token)
        index += 1
    words = tokens[index:]
    capitals = [
        k for k, word in enumerate(words) if is_surname_token(word) and not (k and _ROMAN.match(word))
    ]
    if not capitals:
        return None
    first = last = capitals[0]
    while last + 1 < len(words) and (
        is_surname_token(words[last + 1])
        or (
            words[last + 1].lower() in PARTICLES
            and last + 2 < len(words)
            and is_surname_token(words[last + 2])
        )
    ):
        last += 1
    # A regnal number ends the surname only when it ends the name ("FREDERIK X of Denmark": Frederik).
    while last > first and _ROMAN.match(words[last]) and last + 1 < len(words):
        last -= 1
    # "King FREDERIK X of Denmark": the country after the name is not part of it.
    if "of" in words[last + 1 :]:
        words = words[: words.index("of", last + 1)]
    given = words[:first]
    if not given and not any(word not in CONNECTORS for word in title):
        return None
    if any(
        _known(word, vocabulary) or "," in word or (word[0].islower() and not _particle(word))
        for word in given
    ):
        return None
    if any("," in word for word in words) or (len(words) == 1 and "-" not in words[0]):
        return None
    start = first
    while start > 0 and words[start - 1] in PARTICLES:
        start -= 1
    cased = []
    for k, word in enumerate(words):
        if k == first:
            word = proper_case(word, regnal=False)
        elif first < k <= last:
            word = word.lower() if word.lower() in PARTICLES else proper_case(word)
        cased.append(word)
    surname = " ".join(cased[start : last + 1])
    aliases = [
        " ".join([*cased[:first], proper_case(variant, regnal=False), *cased[first + 1 :]])
        for variant in spelled
    ]
    return " ".join(title), " ".join(cased), surname, year, aliases


def _known(word: str, vocabulary: frozenset[str]) -> bool:
    return word in vocabulary or word.lower() in vocabulary


def _particle(word: str) -> bool:
    """'de', 'bin'; also compounds such as "d'Oliveira" or 'al-Sudani'."""
    return word in PARTICLES or bool(re.match(r"^[a-z]{1,3}['’-]", word))


def field_text(entry: dict[str, Any], path: tuple[str, ...]) -> str | None:
    node: Any = entry
    for key in path:
        node = (node or {}).get(key)
    return clean(node["text"]) if isinstance(node, dict) and node.get("text") else None


def entry_mentions(entry: dict[str, Any], vocabulary: frozenset[str]) -> Iterator[Mention]:
    """The people named in an entry's executive and diplomatic fields, in text order."""
    for field, path in FIELDS:
        text = field_text(entry, path)
        if not text:
            continue
        representative = False
        for segment in split_top(text):
            if segment.lower().startswith("note"):
                break
            pieces = re.split(r"(?:^|,? )represented by ", segment)
            for number, piece in enumerate(pieces):
                if number > 0:
                    representative = True
                piece = piece.strip()
                if piece.startswith("and "):
                    piece, representative = piece[4:], False
                parsed = parse_mention(piece, vocabulary)
                if parsed:
                    title, name, surname, year, aliases = parsed
                    yield Mention(entry["code"], field, representative, title, name, surname, year, aliases)
