"""The sign a row's figures take: from the rule's wording (an expense printed as a deduction, a loss printed
unsigned under a loss-only label, a label that prints the concept's opposite) and, where the wording leaves
it open, from the summations a table's lines must satisfy."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Optional

from ..model import Fact
from ..rulebook.match import OPPOSITE_QUALIFIER
from ..rulebook.regex_code import kept_regex
from ..taxonomy import Calculation
from .numbers import Figure

# A label that names a loss and no income: "OPERATING LOSS", "Net loss attributable to:", "Loss per share".
# "Income tax" and "(loss)" wordings name no result of their own.
_LOSS_ONLY = kept_regex(r"\bloss(?:es)?\b")
_INCOME_TOO = kept_regex(r"\b(?:income|earnings|profit|gains?)\b(?!\s+tax)|\(loss\)|\(income\)")


# A label that names an outflow and no inflow: "Net cash used in investing activities", "Net decrease in cash"
_OUTFLOW_ONLY = kept_regex(r"\bused\s+(?:in|for|by)\b|\bdecrease\b")
_INFLOW_TOO = kept_regex(r"\b(?:provided|generated|increase)\b")


def _unsigned_one_way(text: str, only, too, figures: list[Figure]) -> bool:
    """Whether `text` names one direction only (`only` and not `too`) and every non-zero figure is printed
    unsigned: the label, not the print, gives the sign."""
    nonzero = [f for f in figures if f.value not in (None, 0)]
    return bool(only.search(text)) and not too.search(text) and bool(nonzero) and not any(f.negative for f in nonzero)


def row_sign(rule_sign: str, figures: list[Figure], words: str = "", heading: str = "") -> tuple[int, str]:
    """The multiplier the row's printed figures take, and why. An expense printed as a deduction (every
    non-zero figure in parentheses) is stored positive; `negate` flips wording like "(provision) benefit";
    `loss` stores negative a result printed unsigned under a label (`words`) that names only a loss ("NET
    LOSS 14,772"), or, where the label names neither a loss nor an income ("Common stockholders"), under a
    `heading` that does ("Net loss attributable to:"). A label's own word wins over its heading's: "Loss on
    extinguishment of debt 12" under "Adjustments to reconcile net income ..." is a loss. `outflow` does the
    same for cash that a label says went out ("Net cash used in investing activities 2,626"), and
    `net-expense` negates a net result a label names by its cost side ("Total other expenses 96") unless
    every figure is printed in parentheses ("Total nonoperating expense, net (96)": already a deduction)."""
    if rule_sign == "negate":
        return -1, "sign: negated (the label prints the concept's opposite)"
    if rule_sign == "loss":
        text = words.lower()
        if heading and not (_LOSS_ONLY.search(text) or _INCOME_TOO.search(text)):
            text = heading.lower()
        if _unsigned_one_way(text, _LOSS_ONLY, _INCOME_TOO, figures):
            return -1, "sign: a loss printed unsigned under a loss-only label, stored negative"
    if rule_sign == "net-expense":
        # a net result named by its cost side: every figure in parentheses is the table printing the expense as
        # a deduction, already negative; otherwise the label prints the concept's opposite
        nonzero = [f for f in figures if f.value not in (None, 0)]
        if nonzero and all(f.negative for f in nonzero):
            return 1, "sign: as printed (a net expense printed as a deduction)"
        return -1, "sign: negated (a net expense printed as a cost, the concept's opposite)"
    if rule_sign == "outflow" and _unsigned_one_way(words.lower(), _OUTFLOW_ONLY, _INFLOW_TOO, figures):
        # the label says which way the cash went; one figure printed signed says the table signs its flows
        return -1, "sign: an outflow printed unsigned under an outflow-only label, stored negative"
    if rule_sign == "expense":
        nonzero = [f for f in figures if f.value not in (None, 0)]
        if OPPOSITE_QUALIFIER.search(words):
            return 1, "sign: as printed (the label says a figure in parentheses is a reduction)"
        if nonzero and all(f.negative for f in nonzero):
            return -1, "sign: deduction printed in parentheses, stored positive"
    return 1, ""


_PRETAX = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
# the results a reconciliation runs from or to: a loss among them is printed as the loss it is
BRIDGE_ENDS = frozenset({
    "us-gaap:Revenues", "us-gaap:GrossProfit", "us-gaap:OperatingIncomeLoss", _PRETAX,
    "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments",
    "us-gaap:IncomeLossFromContinuingOperations", "us-gaap:NetIncomeLoss", "us-gaap:ProfitLoss",
    "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic", "us-gaap:NetIncomeLossAvailableToCommonStockholdersDiluted",
    "us-gaap:ComprehensiveIncomeNetOfTax",
})


def income_deducted_in_bridge(concept: str, balance: Optional[str], figures: list[Figure]) -> bool:
    """An income line printed as a deduction in a reconciliation ("Investment income (55.2)" between income
    before taxes and fee-related earnings; "Interest income (3.1)" on the way to EBITDA): the bridge takes it
    away, so the print says which way the bridge runs, not whether the income was a gain or a loss."""
    nonzero = [f for f in figures if f.value not in (None, 0)]
    return balance == "credit" and concept not in BRIDGE_ENDS and bool(nonzero) and all(f.negative for f in nonzero)


# Beyond the taxonomy's summations (checked on every run), these only settle a sign a wording leaves open:
# "Benefit from income taxes (2,105)" between "Loss before income taxes (50,000)" and "Net loss (47,895)" is
# a tax expense of -2,105. When anything else stands between the lines (minority interest, discontinued
# operations), the sum fails either way and nothing is turned.
SIGN_IDENTITIES = (
    Calculation("net-income-after-tax", "us-gaap:NetIncomeLoss", ((_PRETAX, 1), ("us-gaap:IncomeTaxExpenseBenefit", -1))),
    Calculation("profit-after-tax", "us-gaap:ProfitLoss", ((_PRETAX, 1), ("us-gaap:IncomeTaxExpenseBenefit", -1))),
)


def sign_by_summation(facts: list[Fact], first: int, calculations: list[Calculation]) -> None:
    """A line whose wording does not say its sign takes the one the taxonomy's summations give it within its
    table: "Net income 15,672 / Net income attributable to noncontrolling interests (412) / Net income
    attributable to common stockholders 15,260" prints the minority's share of income as a deduction, and
    profit = parent's share + minority's share says it is +412. An item is turned only when the summation
    fails as read and holds with that item turned, in every period of the table where it can be checked."""
    at: dict[tuple, list[int]] = {}
    for i in range(first, len(facts)):
        f = facts[i]
        if not f.dims:
            at.setdefault((f.concept, f.period), []).append(i)
    # each calculation's total looked up, not every fact walked per calculation
    by_concept: dict[str, list[tuple]] = {}
    for (concept, period), total in at.items():
        by_concept.setdefault(concept, []).append((period, total))
    verdicts: dict[str, list[tuple[bool, list[int]]]] = {}
    for calc in calculations:
        for period, total in by_concept.get(calc.total, ()):
            if len(total) != 1:
                continue
            items = [(c, w, at.get((c, period), [])) for c, w in calc.items]
            if any(len(ix) != 1 for _c, _w, ix in items):
                continue
            want = facts[total[0]].value
            got = sum((w * facts[ix[0]].value for _c, w, ix in items), Decimal(0))
            for c, w, ix in items:
                v = facts[ix[0]].value
                if got == want:
                    verdicts.setdefault(c, []).append((False, ix))
                elif v and got - 2 * w * v == want:
                    verdicts.setdefault(c, []).append((True, ix))
    for concept, seen in verdicts.items():
        if seen and all(turn for turn, _ix in seen):
            for _turn, ix in seen:
                f = facts[ix[0]]
                steps = f.provenance.steps + (f"sign: turned so that the table's {concept.split(':')[-1]} adds up",) \
                    if f.provenance else ()
                facts[ix[0]] = replace(f, value=-f.value, provenance=replace(f.provenance, steps=steps)
                                       if f.provenance else None)
