"""Merging duplicates: one fact per concept, period, unit and dimensions.

A table value and its rounded restatement in the text are one fact; the more precise is kept. Values that
disagree even after rounding are reported as findings and the rejected fact is listed, never dropped
silently.
"""
from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

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


def merge_facts(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        groups.setdefault(f.key, []).append(f)
    kept: list[Fact] = []
    rejected: list[tuple[Fact, str]] = []
    findings: list[Finding] = []
    for key, group in groups.items():
        # the most precise first; among equals, tables before prose, then document order
        order = sorted(range(len(group)), key=lambda i: (-group[i].decimals, group[i].category != "table", i))
        best = group[order[0]]
        kept.append(best)
        for i in order[1:]:
            other = group[i]
            if consistent(best, other):
                rejected.append((other, f"duplicate of a more precise fact ({best.value}, decimals {best.decimals})"))
            else:
                rejected.append((other, f"inconsistent duplicate: {other.value} vs kept {best.value}"))
                findings.append(Finding("warning", "inconsistent-duplicate",
                                        f"{best.concept} {best.period}: {other.value} (decimals {other.decimals}) "
                                        f"disagrees with {best.value} (decimals {best.decimals}); kept the latter",
                                        (best, other)))
    return kept, rejected, findings
