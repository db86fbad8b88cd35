"""International (intergovernmental) organisations from SupraVerden's general list.

Names: the English name, then the list's key where it differs (a corrected spelling), every
other English field (abbreviations, other and former names) in field-name order, then the
French, German and Spanish names. Prominence: a fixed list of core bodies (below) 0.8, other
bodies with an English abbreviation 0.5, the rest 0.35. SupraVerden is CC BY-SA 4.0, so the
output keeps that licence and the attribution.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from common import write_entity_file
from orgs_common import commit, natural_key, squash

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

FOLDER = "orgs-supraverden"
OUT_FILE = "orgs-supraverden.yaml"
DESCRIPTION = (
    "International (intergovernmental) organisations. "
    "ShareAlike: CC BY-SA 4.0, attribution as in the license key."
)
LICENSE = (
    "CC BY-SA 4.0 (SupraVerden, Copyright © Confirmordeny 2025–2026, "
    "https://github.com/confirmordeny/supraverden); this file keeps that licence"
)
CORE_PROMINENCE = 0.8
ABBREVIATED_PROMINENCE = 0.5
OTHER_PROMINENCE = 0.35
OTHER_LANGUAGES = ("Name_fr", "Name_de", "Name_es")
NOT_NAMES = frozenset({"Name_en", "Leadership_role_en", "Notes_en"})  # English fields that add no alias

# The bodies a news text names most: the UN, its principal organs, specialised agencies and
# main funds and programmes, the World Bank group, the EU itself and its main institutions, and
# the main regional, military, trade and financial organisations. By SupraVerden id, which every
# entry has (two of them, IDA and APEC, have no Wikidata id in the list).
CORE_BODIES = frozenset(
    {
        "SPRVD0567566",  # United Nations
        "SPRVD0310496",  # UN Security Council
        "SPRVD0997193",  # UN General Assembly
        "SPRVD0894702",  # ECOSOC
        "SPRVD0106934",  # International Court of Justice
        "SPRVD0627009",  # International Criminal Court
        "SPRVD0646093",  # FAO
        "SPRVD0508474",  # ICAO
        "SPRVD0394070",  # IFAD
        "SPRVD0372703",  # ILO
        "SPRVD0581259",  # IMO
        "SPRVD0692400",  # ITU
        "SPRVD0870199",  # UNESCO
        "SPRVD0985502",  # UNIDO
        "SPRVD0484140",  # Universal Postal Union
        "SPRVD0589231",  # WHO
        "SPRVD0361104",  # WIPO
        "SPRVD0295954",  # WMO
        "SPRVD0243685",  # IAEA
        "SPRVD0069114",  # IOM
        "SPRVD0222877",  # OPCW
        "SPRVD0393191",  # WTO
        "SPRVD0550889",  # UNICEF
        "SPRVD0502943",  # UNDP
        "SPRVD0840426",  # UNEP
        "SPRVD0237365",  # UNHCR
        "SPRVD0906207",  # UNFPA
        "SPRVD0465703",  # World Food Programme
        "SPRVD0125826",  # UNRWA
        "SPRVD0760327",  # IMF
        "SPRVD0917339",  # World Bank
        "SPRVD0614040",  # IBRD
        "SPRVD0478013",  # IDA
        "SPRVD0067323",  # IFC
        "SPRVD0990523",  # Bank for International Settlements
        "SPRVD0688028",  # European Union
        "SPRVD0206688",  # European Commission
        "SPRVD0698793",  # Council of the European Union
        "SPRVD0106274",  # European Council
        "SPRVD0491805",  # European Parliament
        "SPRVD0688288",  # Court of Justice of the European Union
        "SPRVD0973897",  # European Central Bank
        "SPRVD0895807",  # Council of Europe
        "SPRVD0939651",  # OSCE
        "SPRVD0232360",  # NATO
        "SPRVD0039543",  # OECD
        "SPRVD0133302",  # EFTA
        "SPRVD0922361",  # European Space Agency
        "SPRVD0766847",  # CERN
        "SPRVD0789399",  # EBRD
        "SPRVD0346601",  # INTERPOL
        "SPRVD0333620",  # International Committee of the Red Cross
        "SPRVD0844597",  # Organization of American States
        "SPRVD0961933",  # Inter-American Development Bank
        "SPRVD0760190",  # African Union
        "SPRVD0876335",  # ECOWAS
        "SPRVD0780723",  # SADC
        "SPRVD0049525",  # ASEAN
        "SPRVD0595777",  # APEC
        "SPRVD0787848",  # Gulf Cooperation Council
        "SPRVD0342007",  # OPEC
    }
)
_QID = re.compile(r"Q\d+")


def load_list(data_dir: Path) -> dict[str, dict[str, Any]]:
    """general_list.yaml: body name -> its fields."""
    with (data_dir / FOLDER / "general_list.yaml").open(encoding="utf-8") as handle:
        bodies: dict[str, dict[str, Any]] = yaml.load(handle, Loader=_Loader)
    return bodies


def names_of(key: str, fields: dict[str, Any]) -> list[str]:
    """Aliases: the list key, the other English fields in field-name order, then fr/de/es names."""
    english = sorted(field for field in fields if field.endswith("_en") and field not in NOT_NAMES)
    name = squash(fields["Name_en"])
    aliases: list[str] = []
    for value in (
        [key] + [fields[field] for field in english] + [fields.get(field) for field in OTHER_LANGUAGES]
    ):
        text = squash(value) if isinstance(value, str) else ""
        if text and text != name and text not in aliases:
            aliases.append(text)
    return aliases


def entities(data_dir: Path) -> list[dict[str, Any]]:
    """One entity per body; the Wikidata id, else (missing or already used) SupraVerden's id."""
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for key, fields in load_list(data_dir).items():
        wikidata = str(fields.get("Wikidata_code") or "")
        entity_id = (
            wikidata
            if _QID.fullmatch(wikidata) and wikidata not in used
            else f"supraverden:{fields['SPRVD_id']}"
        )
        used.add(wikidata)
        if fields["SPRVD_id"] in CORE_BODIES:
            prominence = CORE_PROMINENCE
        elif fields.get("Abbreviation_en"):
            prominence = ABBREVIATED_PROMINENCE
        else:
            prominence = OTHER_PROMINENCE
        out.append(
            {
                "id": entity_id,
                "name": squash(fields["Name_en"]),
                "aliases": names_of(key, fields),
                "prominence": prominence,
            }
        )
    out.sort(key=lambda entity: natural_key(entity["id"]))
    return out


def build(data_dir: Path, out_root: Path) -> str:
    """Write orgs-supraverden.yaml."""
    count = write_entity_file(
        out_root / "generated" / OUT_FILE,
        description=DESCRIPTION,
        source=f"confirmordeny/supraverden, commit {commit(data_dir, FOLDER)} (data/general_list.yaml)",
        license=LICENSE,
        kind="org",
        entities=entities(data_dir),
        correct_to_aliases=False,
    )
    return f"{count} entities"
