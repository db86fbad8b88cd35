"""Companies with SEC-registered securities: one entity per CIK, EDGAR names in sensible case.

EDGAR names are legal registrant names, a third of them in capitals ("AMAZON COM INC") and
some with EDGAR's tags ("/DE/", "/ADR"). A name without a lower-case letter is put in proper
case; a word of two or three capitals stays an acronym unless it is a common English word
(wordfreq Zipf >= 3: "COM", "SAP", "AG" are words, "TJX", "UFJ", "SAB" are not). The alias is
the name without its legal suffixes ("Amazon Com", "Wells Fargo"). Tickers are never names:
many are words ("ALL", "IT", "ON").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from common import write_entity_file
from orgs_casing import proper_case
from orgs_common import commit, squash
from wordfreq import zipf_frequency

FOLDER = "sec-company-tickers"
OUT_FILE = "orgs-sec-company-tickers.yaml"
DESCRIPTION = (
    "Companies with SEC-registered securities, one per CIK; prominence by the file's market-value order "
    "(top 100: 0.7, top 1000: 0.5, rest 0.3)."
)
LICENSE = "Public domain (U.S. government data)"
# (rank below which, prominence): the file lists tickers by market value.
PROMINENCE_TIERS = ((100, 0.7), (1000, 0.5))
DEFAULT_PROMINENCE = 0.3
COMMON_WORD_ZIPF = 3.0  # a short word in capitals at least this common in English is a word, not an acronym
# Legal forms written in capitals although they are common "words" to wordfreq.
CAPITAL_FORMS = frozenset({"LLC", "NV", "PLC"})
# Legal suffixes left out of the alias, as EDGAR writes them (compared in lower case).
LEGAL_SUFFIXES = frozenset(
    {
        "&",
        "ag",
        "co",
        "co.",
        "com",
        "company",
        "corp",
        "corp.",
        "corporation",
        "holding",
        "holdings",
        "inc",
        "inc.",
        "l.p.",
        "limited",
        "llc",
        "lp",
        "ltd",
        "ltd.",
        "n.v.",
        "nv",
        "plc",
        "s.a.",
        "sa",
        "se",
    }
)
# Words that are no name on their own, so never an alias ("Bancorp, Inc." is not "Bancorp").
GENERIC_WORDS = frozenset({"bancorp"})
MIN_ALIAS_LETTERS = 2  # "3M", "8X8" and "F5" are too short to stand alone

# EDGAR's state, country and listing tags at the end: "/DE/", " /NEW", "/ADR", a bare "/".
_EDGAR_TAG = re.compile(r"\s*/(?:[A-Z]{2,}/?)?$")
_SHORT_CAPITALS = re.compile(r"[A-Z]{2,3}[.,]?")
_WITH_DIGIT = re.compile(r"(?=.*\d)[A-Z0-9-]+")
_AMPERSAND = re.compile(r"[A-Z]+&[A-Z]+[.,]?")
_LOWER = re.compile(r"[a-z]")
_COMMA = re.compile(r"\s*,\s*")


def keep_capitals(token: str) -> bool:
    """Capitalised words that are acronyms: 'TJX', 'UFJ', 'PLC', 'L3HARRIS', 'AT&T' (not 'COM', 'AG')."""
    stem = token.rstrip(".,")
    if token in CAPITAL_FORMS or _AMPERSAND.fullmatch(token) or _WITH_DIGIT.fullmatch(stem):
        return True
    return bool(_SHORT_CAPITALS.fullmatch(token)) and zipf_frequency(stem.lower(), "en") < COMMON_WORD_ZIPF


def clean_name(title: str) -> str:
    """An EDGAR name without its tags, in proper case if EDGAR wrote it in capitals."""
    name = squash(title)
    while True:
        shorter = _EDGAR_TAG.sub("", name)
        if shorter == name:
            break
        name = shorter
    return name if _LOWER.search(name) else proper_case(name, keep_capitals)


def short_name(name: str) -> str:
    """The name without commas and trailing legal suffixes: 'Merck & Co., Inc.' -> 'Merck'."""
    words = _COMMA.sub(" ", name).split()
    while len(words) > 1 and words[-1].lower() in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def alias_of(name: str) -> list[str]:
    """The short name as the one alias, when it differs from the name and can stand alone."""
    short = short_name(name)
    if (
        short == name
        or short.lower() in GENERIC_WORDS
        or len(re.findall(r"[A-Za-z]", short)) < MIN_ALIAS_LETTERS
    ):
        return []
    return [short]


def prominence(rank: int) -> float:
    """Prominence from the company's place in the file's market-value order (0 = first)."""
    for limit, value in PROMINENCE_TIERS:
        if rank < limit:
            return value
    return DEFAULT_PROMINENCE


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per CIK (its first ticker row gives the name and rank), in CIK order."""
    rows = json.loads((data_dir / FOLDER / "company_tickers.json").read_text(encoding="utf-8"))
    first: dict[int, str] = {}
    for key in sorted(rows, key=int):
        first.setdefault(rows[key]["cik_str"], rows[key]["title"])
    out: list[dict[str, Any]] = []
    for rank, (cik, title) in enumerate(first.items()):
        name = clean_name(title)
        out.append(
            {"id": f"sec:{cik}", "name": name, "aliases": alias_of(name), "prominence": prominence(rank)}
        )
    out.sort(key=lambda entity: int(entity["id"].partition(":")[2]))
    return out


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-sec-company-tickers.yaml."""
    source = (
        "SEC company_tickers.json via lwowlwowl/company_name_to_ticker, "
        f"commit {commit(data_dir, FOLDER)} (mid-2025)"
    )
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=source,
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
    )
    return f"{count} entities"
