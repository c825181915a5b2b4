"""Consolidated totals told apart from the parent's before duplicates merge.

A release with a noncontrolling interest prints two net incomes: the parent's ("Net income attributable to
Acme") on the income statement, and the consolidated one ("Net income") at the top of the cash flow
statement or of an EBITDA reconciliation; and two equities on its balance sheet: the parent's ("Total Acme
shareholders' equity") and, after the noncontrolling interest's line, the whole ("Total shareholders'
equity"). Both rows of a pair read as the parent's concept, and merging would keep one by chance. Where one
differs from another (beyond rounding) by the noncontrolling interest's share of the same period (within the
rounding of the three), it is the consolidated concept.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ..model import Fact
from .checks import half_interval
from .merge import consistent
from ..rulebook.regex_code import kept_regex

# (the parent's concept, the noncontrolling interest's, the consolidated total's)
PAIRS = (
    ("us-gaap:NetIncomeLoss", "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", "us-gaap:ProfitLoss"),
    ("us-gaap:StockholdersEquity", "us-gaap:MinorityInterest",
     "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"),
)


def _parent_plus(parent: Fact, nci: Fact, total: Fact) -> bool:
    """`total` is `parent` plus `nci`, and no mere restatement of `parent`."""
    slack = half_interval(parent) + half_interval(nci) + half_interval(total)
    return not consistent(parent, total) and abs(parent.value + nci.value - total.value) <= slack


def consolidated_net_income(facts: list[Fact]) -> list[Fact]:
    """`facts` with each parent's total that is another one plus the noncontrolling interest relabelled as
    the consolidated total (net income, equity)."""
    for parent_concept, nci_concept, total_concept in PAIRS:
        facts = _relabel(facts, parent_concept, nci_concept, total_concept)
    return _available_to_common(_equity_that_balances(_total_equity_beside_minority(facts)))


# The base rule that reads "Total equity" ("Total capital") as the parent's equity where its table names no
# noncontrolling interest (rules/base/balance-sheet.yaml)
TOTAL_EQUITY_RULE = "stockholders-equity-total-equity"


def _total_equity_beside_minority(facts: list[Fact]) -> list[Fact]:
    """A condensed balance sheet prints one "Total equity" and no noncontrolling interest's line, while the
    income statement shows that there is one ("Less: Net earnings attributable to noncontrolling interests
    1"). The consolidated balance sheet's total equity then includes the minority's equity (ASC 810): the
    parent's is printed under its own name when printed at all."""
    nci, equity, total = PAIRS[0][1], PAIRS[1][0], PAIRS[1][2]
    if not any(f.concept in (nci, PAIRS[1][1]) and f.value for f in facts):
        return facts
    step = "consolidated: 'Total equity' in a release that shows a noncontrolling interest includes it"
    return [replace(f, concept=total, provenance=replace(f.provenance, steps=f.provenance.steps + (step,)))
            if f.concept == equity and f.provenance and f.provenance.rule_id == TOTAL_EQUITY_RULE else f
            for f in facts]


AVAILABLE_TO_COMMON = "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"
_COMMON = kept_regex(r"\b(?:attributable|available|applicable) to common\b", regex.I)


def _available_to_common(facts: list[Fact]) -> list[Fact]:
    """Two net incomes of one period that disagree, one printed as the parent's ("Net income attributable to
    Vornado") and one as what is left for common shareholders ("... attributable to common shareholders",
    after preferred dividends): the second is the income available to common stockholders. Every reading
    of its value takes that concept (a sentence that states it too)."""
    by: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.concept == PAIRS[0][0]:
            by.setdefault(f.key, []).append(f)
    moved: set[int] = set()
    for group in by.values():
        tables = [f for f in group if f.category == "table" and f.provenance]
        said = [bool(_COMMON.search(f.provenance.source_text.split(" | ")[0])) for f in tables]
        common = _distinct([f for f, c in zip(tables, said) if c])
        parent = _distinct([f for f, c in zip(tables, said) if not c])
        if not common or not parent or len(common) + len(parent) > MAX_READINGS or \
                any(consistent(c, p) for c in common for p in parent):
            continue
        agrees: dict[tuple, bool] = {}   # by (value, decimals): each distinct reading compared once
        for f in group:
            key = (f.value, f.decimals)
            if key not in agrees:
                agrees[key] = any(consistent(f, c) for c in common)
            if agrees[key]:
                moved.add(id(f))
    if not moved:
        return facts
    step = "available to common: the parent's net income is printed apart, with another value"
    return [replace(f, concept=AVAILABLE_TO_COMMON, provenance=replace(f.provenance, steps=f.provenance.steps + (step,))
                    if f.provenance else None) if id(f) in moved else f for f in facts]


REDEEMABLE_MINORITY = "us-gaap:RedeemableNoncontrollingInterestEquityCarryingAmount"
MINORITY_INCOME = PAIRS[0][1]   # the noncontrolling interest's share of net income
LIABILITIES, LIABILITIES_AND_EQUITY, ASSETS = "us-gaap:Liabilities", "us-gaap:LiabilitiesAndStockholdersEquity", "us-gaap:Assets"


# "Total shareholders' equity", "Total equity (deficit)": an equity line that names no owner ("Total Acme Corp.
# stockholders' equity" is the parent's whatever it balances)
_PLAIN_EQUITY = kept_regex(r"^\s*(?:total\s+)?(?:(?:stockholders|shareholders|shareowners)['’]?\s+)?(?:equity|capital)"
                           r"(?:\s*\((?:deficit|deficiency)\))?\s*$", regex.I)


def _equity_that_balances(facts: list[Fact]) -> list[Fact]:
    """Beside a noncontrolling interest, the equity that takes total liabilities to total liabilities and
    equity is the whole equity, the noncontrolling interest's included ("Total shareholders' equity" after
    a "Non-controlling interest" line, whatever the parent's own line is called). So is an equity line that
    names no owner and takes them to total assets, where the balance sheet prints no minority's line and the
    income statement gives the minority a share ("Selected Balance Sheet Data": total assets, total
    liabilities, total shareholders' equity): the parent's alone would fall short of the assets by the
    minority's equity. Not where the release prints a redeemable minority: its stake sits outside equity
    (temporary equity), and a parent's equity makes the assets with the liabilities whenever that stake is nil."""
    equity, nci, total = PAIRS[1]
    by = {(f.concept, f.period, f.unit, f.dims): f for f in facts
          if f.concept in (nci, LIABILITIES, LIABILITIES_AND_EQUITY, ASSETS)}
    income_shared = any(f.concept == MINORITY_INCOME and f.value for f in facts) \
        and not any(f.concept == REDEEMABLE_MINORITY for f in facts)
    out = []
    for f in facts:
        if f.concept == equity:
            key = (f.period, f.unit, f.dims)
            minority = by.get((nci,) + key)
            if minority is not None:
                whole = by.get((LIABILITIES_AND_EQUITY,) + key) if minority.value else None
                step = "with total liabilities it makes total liabilities and equity, beside a noncontrolling interest"
            else:
                plain = f.provenance is not None and bool(_PLAIN_EQUITY.match(f.provenance.source_text.split(" | ")[0]))
                whole = by.get((ASSETS,) + key) if income_shared and plain else None
                step = "with total liabilities it makes total assets, in a release that gives a noncontrolling " \
                       "interest a share of income"
            liab = by.get((LIABILITIES,) + key)
            if liab is not None and whole is not None and \
                    abs(liab.value + f.value - whole.value) <= half_interval(liab) + half_interval(f) + half_interval(whole):
                prov = replace(f.provenance, steps=f.provenance.steps + (f"consolidated: {step}",)) \
                    if f.provenance else None
                f = replace(f, concept=total, provenance=prov)
        out.append(f)
    return out


# Readings of one concept and period this looks at: a release prints a few. Past that (a file repeating one
# line with thousands of figures), comparing each with each would grow with the square of them, and merging
# withholds such a fact anyway.
MAX_READINGS = 50


def _distinct(facts: list[Fact]) -> list[Fact]:
    """One fact per (value, decimals), all that `consistent` and `_parent_plus` look at: a release repeated
    a hundred times is a hundred equal readings, compared once."""
    return list({(f.value, f.decimals): f for f in facts}.values())


def _relabel(facts: list[Fact], parent_concept: str, nci_concept: str, total_concept: str) -> list[Fact]:
    shares = {f.key: f for f in facts if f.concept == nci_concept and f.value}
    if not shares:
        return facts
    parents: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.concept == parent_concept:
            parents.setdefault((f.period, f.unit, f.dims), []).append(f)
    parents = {k: v for k, v in ((k, _distinct(v)) for k, v in parents.items()) if len(v) <= MAX_READINGS}
    out = []
    for f in facts:
        nci = shares.get((nci_concept, f.period, f.unit, f.dims)) if f.concept == parent_concept else None
        if nci is not None and any(_parent_plus(g, nci, f) for g in parents.get((f.period, f.unit, f.dims), ())):
            step = f"consolidated: the parent's amount plus {nci.value} attributable to noncontrolling interests"
            prov = replace(f.provenance, steps=f.provenance.steps + (step,)) if f.provenance else None
            f = replace(f, concept=total_concept, provenance=prov)
        out.append(f)
    return out
