"""Standard elements a rule may name without declaring them: any numeric element of the official US-GAAP, SRT
or DEI lists, with its official data type, and its period type and balance from the lists where they give them
(SRT, DEI) or, for US-GAAP (whose list gives neither), from the official statement calculations
(taxonomies/YEAR/us-gaap-YEAR-attributes.csv, written by tools/us_gaap_attributes.py). rules/taxonomy.yaml wins
where it declares the element; an element whose period type nothing gives must be declared there.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from typing import Optional

from ..taxonomy import ConceptDef
from .official import ENTRY_POINTS, LISTS_DIR, TAXONOMY_YEAR, is_official_prefix, official_elements, official_problem

# the official data types the engine reads, as rules/taxonomy.yaml names them
_TYPES = {"monetaryItemType": "monetary", "perShareItemType": "perShare", "sharesItemType": "shares",
          "percentItemType": "percent"}


@lru_cache(maxsize=1)
def _attribute_rows() -> tuple[dict[str, str], ...]:
    """The attribute list's rows by column name (a column this converter does not know is read as empty)."""
    path = LISTS_DIR / f"us-gaap-{TAXONOMY_YEAR}-attributes.csv"
    if not path.exists():
        return ()
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        names = next(rows, [])
        return tuple(dict(zip(names, r)) for r in rows)


@lru_cache(maxsize=1)
def _us_gaap_attributes() -> dict[str, tuple[str, Optional[str]]]:
    return {f"us-gaap:{r['name']}": (r["period"], r["balance"] or None) for r in _attribute_rows()}


@lru_cache(maxsize=1)
def summation_totals() -> frozenset[str]:
    """The US-GAAP elements an official statement calculation makes the total of two items or more: lines a
    statement prints as the sum of the lines above them ("Total assets", "Net cash provided by operating
    activities", however worded)."""
    return frozenset(f"us-gaap:{r['name']}" for r in _attribute_rows() if r.get("sums") == "yes")


def _label(local: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", local)


def standard_concept(qname: str) -> tuple[Optional[ConceptDef], str]:
    """(the element as a concept, "") or (None, why a rule cannot use it undeclared)."""
    if not is_official_prefix(qname):
        return None, f"{qname} is no standard element"
    why = official_problem(qname)
    if why:
        return None, why
    element = official_elements()[qname]
    kind = _TYPES.get(element.type)
    if kind is None:
        return None, f"{qname} is a {element.type} element: the engine reads amounts, shares and per-share values"
    period, balance = element.period, element.balance
    if period is None:
        period, balance = _us_gaap_attributes().get(qname, (None, None))
    if period is None:
        return None, (f"{qname}: the official lists give no period type for it (it is in no official statement "
                      f"calculation); declare it in rules/taxonomy.yaml")
    return ConceptDef(qname, kind, period, _label(qname.split(":", 1)[1]),
                      balance if kind == "monetary" else None), ""


def standard_concepts(names) -> dict[str, ConceptDef]:
    """The named elements a rule may use undeclared, by QName (the others are left out)."""
    out = {}
    for name in names:
        concept, _why = standard_concept(name)
        if concept is not None:
            out[name] = concept
    return out


assert set(ENTRY_POINTS) >= {"us-gaap", "srt", "dei"}
