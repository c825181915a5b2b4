"""The official US-GAAP, SRT and DEI taxonomies: their entry points, namespaces and element lists.

Outputs import the official entry points; nothing of ours is declared in their namespaces. The element lists
(taxonomies/YEAR/*.csv) let us check that every concept a rule names is a real element with the data type the
taxonomy gives it, offer the nearest names when it is not, and declare the elements we use in the offline
package with their official types. The year is set here and nowhere else.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import Optional

from ..paths import ROOT
from ..dataclass_code import dataclass

TAXONOMY_YEAR = 2024
LISTS_DIR = ROOT / "taxonomies" / str(TAXONOMY_YEAR)


@dataclass(frozen=True)
class EntryPoint:
    prefix: str
    namespace: str
    url: str            # the official entry point every output imports
    base: str           # the URL prefix the package's catalog remaps
    list_file: str      # taxonomies/YEAR/<file>


def _entry_points(year: int) -> dict[str, EntryPoint]:
    return {
        "us-gaap": EntryPoint("us-gaap", f"http://fasb.org/us-gaap/{year}",
                              f"https://xbrl.fasb.org/us-gaap/{year}/elts/us-gaap-{year}.xsd",
                              f"https://xbrl.fasb.org/us-gaap/{year}/", f"us-gaap-{year}-elements.csv"),
        "srt": EntryPoint("srt", f"http://fasb.org/srt/{year}",
                          f"https://xbrl.fasb.org/srt/{year}/elts/srt-{year}.xsd",
                          f"https://xbrl.fasb.org/srt/{year}/", f"srt-{year}-elements.csv"),
        "dei": EntryPoint("dei", f"http://xbrl.sec.gov/dei/{year}",
                          f"https://xbrl.sec.gov/dei/{year}/dei-{year}.xsd",
                          f"https://xbrl.sec.gov/dei/{year}/", f"dei-{year}-elements.csv"),
    }


ENTRY_POINTS = _entry_points(TAXONOMY_YEAR)
OFFICIAL_PREFIXES = frozenset(ENTRY_POINTS)

# rules/taxonomy.yaml's short type names and the official data types they stand for
OFFICIAL_TYPE = {
    "monetary": "monetaryItemType", "perShare": "perShareItemType", "shares": "sharesItemType",
    "percent": "percentItemType", "pure": "pureItemType", "decimal": "decimalItemType",
    "string": "stringItemType", "date": "dateItemType",
}


@dataclass(frozen=True)
class OfficialElement:
    qname: str
    type: str                       # local name of the data type, e.g. monetaryItemType
    period: Optional[str] = None    # None where the list does not say (US-GAAP)
    balance: Optional[str] = None
    abstract: Optional[bool] = None


@lru_cache(maxsize=1)
def official_elements() -> dict[str, OfficialElement]:
    """Every element of the official lists, by QName (us-gaap:Revenues)."""
    out: dict[str, OfficialElement] = {}
    for prefix, ep in ENTRY_POINTS.items():
        with open(LISTS_DIR / ep.list_file, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                abstract = row.get("abstract")
                out[f"{prefix}:{row['name']}"] = OfficialElement(
                    f"{prefix}:{row['name']}", row["type"], row.get("period") or None, row.get("balance") or None,
                    None if abstract is None else abstract == "true")
    return out


def is_official_prefix(qname: str) -> bool:
    return qname.split(":", 1)[0] in OFFICIAL_PREFIXES


@lru_cache(maxsize=None)
def _locals(prefix: str) -> tuple[str, ...]:
    return tuple(q.split(":", 1)[1] for q in official_elements() if q.startswith(prefix + ":"))


def did_you_mean(qname: str, n: int = 3) -> list[str]:
    """The official names nearest to a misspelt one, under the same prefix."""
    prefix, _, local = qname.partition(":")
    names = _locals(prefix)
    lowered = {x.lower(): x for x in names}
    if local.lower() in lowered:            # only the case differs
        return [f"{prefix}:{lowered[local.lower()]}"]
    import difflib   # here: only a name that is no official element needs it
    close = difflib.get_close_matches(local, names, n=n, cutoff=0.75)
    return [f"{prefix}:{c}" for c in close]


def official_problem(qname: str, type_: Optional[str] = None, period: Optional[str] = None,
                     balance: Optional[str] = None) -> Optional[str]:
    """Why a concept under an official prefix is not what the official taxonomy says (None when it is): no
    such element, or another data type, period type or balance (the last two where the list gives them)."""
    if not is_official_prefix(qname):
        return None
    found = official_elements().get(qname)
    if found is None:
        near = did_you_mean(qname)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        return f"{qname} is not a {TAXONOMY_YEAR} element of {qname.split(':')[0]}{hint}"
    if type_ is not None and OFFICIAL_TYPE.get(type_, type_) != found.type:
        return f"{qname} is {found.type} in the official taxonomy, not {type_}"
    if period is not None and found.period and found.period != period:
        return f"{qname} has period type {found.period} in the official taxonomy, not {period}"
    if found.period is not None and (balance or None) != found.balance and type_ == "monetary":
        return f"{qname} has balance {found.balance or 'none'} in the official taxonomy, not {balance or 'none'}"
    return None
