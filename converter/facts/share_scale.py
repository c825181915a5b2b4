"""Share counts that a table's note leaves unscaled. "(Dollars in thousands, except per share data)" scales
the dollars; the table's share counts may be printed whole ("13,512,004") or in thousands ("20,000") like its
dollars. The table's own per-share arithmetic tells which: net income over the weighted shares is the printed
earnings per share at one scale and a thousand times off at the other. Where every such check in the table
says the note's scale, its share counts take it; otherwise (whole, mixed, or nothing to check) they stay as
printed, and the EPS check says what does not fit.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..model import Fact
from ..rulebook.regex_code import kept_regex
from .checks import EPS_PAIRS, NUMERATORS, eps_miss

_SCALE_STEP = kept_regex(r"^scale: x10\^(\d+)")


def _power(f: Fact) -> int:
    for step in f.provenance.steps if f.provenance is not None else ():
        m = _SCALE_STEP.match(step)
        if m:
            return int(m[1])
    return 0


def shares_by_eps(facts: list[Fact]) -> list[Fact]:
    """`facts` with the share counts of each table whose money is scaled and whose shares are not rescaled
    where its per-share arithmetic says so."""
    tables: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.provenance is not None and not f.dims:
            tables.setdefault(f.provenance.block, []).append(f)
    eps = {(f.concept, f.period): f for f in facts if f.unit == "USD/shares" and not f.dims}
    scaled: dict[int, int] = {}
    for block, mine in tables.items():
        powers = {_power(f) for f in mine if f.unit == "USD" and f.concept in NUMERATORS}
        shares = {(f.concept, f.period): f for f in mine if f.unit == "shares" and _power(f) == 0}
        if len(powers) != 1 or not shares or 0 in powers:
            continue
        power = powers.pop()
        votes = set()
        for (concept, period), count in shares.items():
            incomes = [f for f in mine if f.concept in NUMERATORS and f.period == period]
            for eps_c, sh_c in EPS_PAIRS:
                per_share = eps.get((eps_c, period))
                if sh_c != concept or per_share is None or not incomes or not count.value:
                    continue
                bigger = replace(count, value=count.value * Decimal(10) ** power, decimals=count.decimals - power)
                as_printed = any(eps_miss(i, per_share, count) is None for i in incomes)
                at_scale = any(eps_miss(i, per_share, bigger) is None for i in incomes)
                votes.add("printed" if as_printed and not at_scale else "scale" if at_scale and not as_printed
                          else "neither")
        if votes == {"scale"}:
            scaled[block] = power
    if not scaled:
        return facts
    out = []
    for f in facts:
        power = scaled.get(f.provenance.block) if f.category == "table" and f.provenance is not None else None
        if power and f.unit == "shares" and _power(f) == 0:
            step = (f"scale: x10^{power} (the table's net income over these shares is its earnings per share "
                    f"at its note's scale, not as printed)")
            f = replace(f, value=f.value * Decimal(10) ** power, decimals=f.decimals - power,
                        provenance=replace(f.provenance, steps=f.provenance.steps + (step,)))
        out.append(f)
    return out
