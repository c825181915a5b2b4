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

from ..model import Fact, Finding
from ..rulebook.regex_code import kept_regex
from .checks import EPS_PAIRS, NUMERATORS, eps_miss

_SCALE_STEP = kept_regex(r"^scale: x10\^(\d+)")


def _power(f: Fact) -> int:
    for step in f.provenance.steps if f.provenance is not None else ():
        m = _SCALE_STEP.match(step)
        if m:
            return int(m[1])
    return 0


def _at(count: Fact, power: int) -> Fact:
    """The share count as printed, taken at 10^power rather than at the scale it was given."""
    shift = power - _power(count)
    return replace(count, value=count.value * Decimal(10) ** shift, decimals=count.decimals - shift)


def shares_by_eps(facts: list[Fact]) -> list[Fact]:
    """`facts` with the share counts of each table whose money is scaled rescaled where its per-share
    arithmetic says so: share counts left whole that fit only at the money's scale take it, and share counts
    that took the money's scale ("(In millions, except per share data)", a note under the table saying
    "share counts are presented in thousands") but fit only at one smaller scale take that one."""
    tables: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.provenance is not None and not f.dims:
            tables.setdefault(f.provenance.block, []).append(f)
    eps = {(f.concept, f.period): f for f in facts if f.unit == "USD/shares" and not f.dims}
    scaled: dict[int, tuple[int, int]] = {}   # block -> (the shares' scale given, the scale they take)
    for block, mine in tables.items():
        powers = {_power(f) for f in mine if f.unit == "USD" and f.concept in NUMERATORS}
        if len(powers) != 1 or 0 in powers:
            continue
        power = powers.pop()
        for given in (0, power):
            shares = {(f.concept, f.period): f for f in mine if f.unit == "shares" and _power(f) == given}
            # whole counts may be in the money's scale; scaled ones in any smaller scale, thousands up
            candidates = (power,) if given == 0 else tuple(range(0, power, 3))
            votes = set()
            for (concept, period), count in shares.items():
                incomes = [f for f in mine if f.concept in NUMERATORS and f.period == period]
                for eps_c, sh_c in EPS_PAIRS:
                    per_share = eps.get((eps_c, period))
                    if sh_c != concept or per_share is None or not incomes or not count.value:
                        continue
                    fits = [p for p in (given,) + candidates
                            if any(eps_miss(i, per_share, _at(count, p)) is None for i in incomes)]
                    votes.add(fits[0] if len(fits) == 1 and fits[0] != given else None)
            if len(votes) == 1 and None not in votes:
                scaled[block] = (given, votes.pop())
                break
    if not scaled:
        return facts
    out = []
    for f in facts:
        change = scaled.get(f.provenance.block) if f.category == "table" and f.provenance is not None else None
        if change and f.unit == "shares" and _power(f) == change[0]:
            given, power = change
            step = (f"scale: x10^{power} (the table's net income over these shares is its earnings per share "
                    f"at that scale, not at " + ("the scale printed)" if given == 0 else f"its note's, x10^{given})"))
            f = _at(f, power)
            f = replace(f, provenance=replace(f.provenance, steps=f.provenance.steps + (step,)))
        out.append(f)
    return out


# fewer shares than any registrant has outstanding: "38" under "(Dollars in millions, except per share
# amounts)", "21,317" on a page whose "(in thousands)" the print left behind
FEWEST_SHARES = 100_000


def _whole_by_eps(count: Fact, facts: list[Fact]) -> bool:
    """Whether net income over the count, as printed, is the earnings per share printed for its period (a small
    bank's 13,000 shares are whole)."""
    incomes = [f for f in facts if f.concept in NUMERATORS and f.period == count.period and not f.dims and f.value]
    per_share = [f for f in facts if f.unit == "USD/shares" and f.period == count.period and not f.dims
                 and any(eps_c == f.concept and sh_c == count.concept for eps_c, sh_c in EPS_PAIRS)]
    return any(eps_miss(i, e, count) is None for i in incomes for e in per_share)


def too_few_shares(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts without the share counts that a table whose money is scaled printed unscaled and that are too
    few to be whole shares: a note that scales only money, or one the reading lost for their rows, left their
    scale unsaid (and nothing rescaled them)."""
    scaled = {f.provenance.block for f in facts if f.category == "table" and f.unit == "USD"
              and f.provenance is not None and _power(f) > 0}
    kept, rejected = [], []
    for f in facts:
        if f.category == "table" and f.unit == "shares" and not f.dims and _power(f) == 0 \
                and f.provenance is not None and f.provenance.block in scaled \
                and f.value is not None and 0 < abs(f.value) < FEWEST_SHARES and not _whole_by_eps(f, facts):
            rejected.append((f, f"withheld: {f.value} shares, too few to be whole shares: the count's scale is "
                                "not said"))
        else:
            kept.append(f)
    if not rejected:
        return facts, [], []
    shown = ", ".join(sorted({f"{f.concept} {f.period} = {f.value}" for f, _w in rejected})[:3])
    return kept, rejected, [Finding("warning", "withheld", f"{len(rejected)} share counts too few to be whole "
                                    f"shares are not written, their scale unsaid ({shown})",
                                    tuple(f for f, _w in rejected))]
