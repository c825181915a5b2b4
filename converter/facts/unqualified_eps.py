"""A per-share figure the text gives without saying basic or diluted ("net income of $7,106 million, or $12.42
per share") beside a statement that prints both, and prints them apart (basic 12.50, diluted 12.42). Read as
one figure for both, it states a basic EPS the statement contradicts. It is the one it agrees with; agreeing
with neither (or with both, as rounding may), the statement settles nothing and it is withheld.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Fact, Finding
from .merge import consistent

BOTH = "us-gaap:EarningsPerShareBasicAndDiluted"
BASIC, DILUTED = "us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareDiluted"


def unqualified_eps(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts kept (a sentence's unqualified EPS relabelled where the statement settles it), withheld, and a
    finding for each withheld."""
    printed: dict[tuple, dict[str, list[Fact]]] = {}
    for f in facts:
        if f.concept in (BASIC, DILUTED) and f.category == "table":
            printed.setdefault((f.period, f.dims), {}).setdefault(f.concept, []).append(f)
    if not printed:
        return facts, [], []
    kept: list[Fact] = []
    rejected: list[tuple[Fact, str]] = []
    findings: list[Finding] = []
    for f in facts:
        both = printed.get((f.period, f.dims), {}) if f.concept == BOTH and f.category == "narrative" else {}
        basic, diluted = both.get(BASIC, []), both.get(DILUTED, [])
        if not basic or not diluted or any(consistent(b, d) for b in basic for d in diluted):
            kept.append(f)
            continue
        as_basic, as_diluted = any(consistent(f, b) for b in basic), any(consistent(f, d) for d in diluted)
        if as_basic != as_diluted:
            concept = BASIC if as_basic else DILUTED
            step = f"per share: the statement prints basic and diluted apart, and this is its {concept.split(':')[1]}"
            prov = replace(f.provenance, steps=f.provenance.steps + (step,)) if f.provenance else None
            kept.append(replace(f, concept=concept, provenance=prov))
            continue
        why = (f"withheld: a per-share figure the text does not call basic or diluted ({f.value} for {f.period}), "
               f"beside a statement that prints basic {basic[0].value} and diluted {diluted[0].value}")
        rejected.append((f, why))
        findings.append(Finding("warning", "withheld", why[len("withheld: "):], (f,)))
    return kept, rejected, findings
