"""Merging duplicates: one fact per concept, period, unit and dimensions.

A table value and its rounded restatement in the text are one fact; the more precise is kept. Readings that
disagree even after rounding are settled by evidence, never by order or by precision: the primary
statements outrank other tables, which outrank reconciliations, segment and supplementary tables and the
prose (engine/table_kind.py). When the best evidence itself disagrees, nothing is written for that fact: it
is withheld, with every reading and its source in a `withheld` finding. Every reading not kept is listed
with the reason.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from ..engine.table_kind import standing as kind_standing
from ..model import Fact, Finding


def rounds_to(value: Decimal, decimals: int, target: Decimal) -> bool:
    """`value` printed to `decimals` gives `target`: rounded either way, or cut off ("$2.935 million" for
    2,935,708, as some releases print it)."""
    q = Decimal(1).scaleb(-decimals)
    try:
        return any(value.quantize(q, mode) == target for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN))
    except ArithmeticError:
        return False


def consistent(a: Fact, b: Fact) -> bool:
    lo, hi = (a, b) if a.decimals <= b.decimals else (b, a)
    return a.value == b.value or rounds_to(hi.value, lo.decimals, lo.value)


PRIMARY = 3   # the standing of a primary statement


def standing(f: Fact) -> int:
    return kind_standing(f.provenance.source_kind if f.provenance else "", f.period.is_instant)


def source_of(f: Fact) -> str:
    """Where a reading came from, for messages: "statement table 80", "narrative paragraph 12"."""
    p = f.provenance
    if p is None:
        return "unknown source"
    where = "paragraph" if p.source_kind in ("narrative", "guidance") else "table"
    return f"{p.source_kind or f.category} {where} {p.block} ({p.source_text[:60]!r})"


_MODES = (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN)


def _roundings(value: Decimal, decimals: int) -> set[Decimal]:
    """What `value` printed to `decimals` can show (the values `rounds_to` accepts)."""
    q = Decimal(1).scaleb(-decimals)
    out = set()
    for mode in _MODES:
        try:
            out.add(value.quantize(q, mode))
        except ArithmeticError:
            pass
    return out


def _readings(group: list[Fact]) -> list[list[Fact]]:
    """The group split into readings that agree: each fact joins the first reading whose most precise fact
    (its head, read first: facts come most precise first) it is consistent with, or starts one.

    Which heads a fact agrees with is looked up, not tried one by one (a file repeating one line with
    thousands of different figures made this quadratic): a head is filed under its value and under what it
    rounds to at each coarser precision in the group; a fact of the head's own precision agrees with a head
    whose value is its own or one of its roundings (`consistent` with the head as the coarser of the two)."""
    if len(group) == 1:   # most facts are read once: one reading, no roundings to work out
        return [list(group)]
    readings: list[list[Fact]] = []
    levels = sorted({f.decimals for f in group})
    by_value: dict[Decimal, int] = {}                   # head value -> first reading
    by_rounding: dict[tuple[int, Decimal], int] = {}    # (coarser decimals, rounded head value) -> first reading
    by_own: dict[tuple[int, Decimal], int] = {}         # (head decimals, head value) -> first reading
    for f in sorted(group, key=lambda f: -f.decimals):
        found = [by_value.get(f.value), by_rounding.get((f.decimals, f.value))]
        found += [by_own.get((f.decimals, v)) for v in _roundings(f.value, f.decimals)]
        hits = [i for i in found if i is not None]
        if hits:
            readings[min(hits)].append(f)
            continue
        i = len(readings)
        readings.append([f])
        by_value.setdefault(f.value, i)
        by_own.setdefault((f.decimals, f.value), i)
        for d in levels:
            if d < f.decimals:
                for v in _roundings(f.value, d):
                    by_rounding.setdefault((d, v), i)
    return readings


def merge_facts(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        groups.setdefault(f.key, []).append(f)
    kept: list[Fact] = []
    rejected: list[tuple[Fact, str]] = []
    findings: list[Finding] = []
    for group in groups.values():
        readings = _readings(group)
        top = max(standing(f) for f in group)
        best = [r for r in readings if any(standing(f) == top for f in r)]
        if len(best) > 1:
            _withhold(readings, rejected, findings)
            continue
        winner = best[0]
        # the most precise of the winning reading; among equals, the higher standing, then a table's
        chosen = min(winner, key=lambda f: (-f.decimals, -standing(f), f.category != "table"))
        kept.append(chosen)
        for f in winner:
            if f is not chosen:
                rejected.append((f, f"duplicate of a more precise fact ({chosen.value}, decimals {chosen.decimals})"))
        for r in readings:
            if r is winner:
                continue
            for f in r:
                rejected.append((f, f"outranked: {f.value} from {source_of(f)} disagrees with {chosen.value} "
                                    f"from {source_of(chosen)}, which outranks it"))
            loser = max(r, key=standing)
            if standing(loser) >= PRIMARY:   # two primary statements disagree: the source's own inconsistency
                findings.append(Finding("warning", "inconsistent-duplicate",
                                        f"{chosen.concept} {chosen.period}: {loser.value} from {source_of(loser)} "
                                        f"disagrees with {chosen.value} from {source_of(chosen)}; kept the latter, "
                                        f"which outranks it", (chosen, loser)))
    return kept, rejected, findings


SHOWN = 10   # readings a withheld fact's message names


def _withhold(readings: list[list[Fact]], rejected: list, findings: list) -> None:
    """Readings of equal standing that disagree: none is written."""
    first = readings[0][0]
    shown = "; ".join(f"{r[0].value} (decimals {r[0].decimals}) from {source_of(r[0])}" for r in readings[:SHOWN])
    if len(readings) > SHOWN:   # a message of every reading would grow with the square of them
        shown += f"; and {len(readings) - SHOWN} more"
    reason = f"withheld: readings of equal standing disagree: {shown}"
    for r in readings:
        for f in r:
            rejected.append((f, reason))
    findings.append(Finding("warning", "withheld",
                            f"{first.concept} {first.period}{_dims(first)}: not written, the readings disagree: {shown}",
                            tuple(f for r in readings for f in r)))


def _dims(f: Fact) -> str:
    return " [" + ", ".join(f"{a}={m}" for a, m in f.dims) + "]" if f.dims else ""
