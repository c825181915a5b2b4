"""Signs a table's presentation decides. "Other nonoperating income, net (4)" may be income of 4 printed as a
deduction (the statement goes 399 - 50 - (4) = 353) or an expense of 4; "Other, net 37,021" added back in a
reconciliation may be an expense; "Gain on lease termination (0.03)" in a reconciliation is a gain it
subtracts. On a statement the arithmetic between its results settles which (engine/chain_signs.py), and the
wording of the statement's sections; a reconciliation, a segment table or a summary rarely prints enough of
either, and a table whose title went astray (a PDF that set a reconciliation's title apart from it) cannot
say which it is; nor can a statement whose results no rows join (a print lost a line between them). Where
such a table is the only reading of the fact, its sign is a guess, and the fact is withheld with a finding;
where a statement reads it too, the statement's reading stands, as the merge would have it.
"""
from __future__ import annotations

import regex

from ..engine.table_kind import BALANCE_SHEET, STATEMENT
from ..model import Fact, Finding
from ..rulebook.regex_code import kept_regex

# concepts whose sign a row's wording may not give: income or expense as the table lists it; and gains or
# losses, which a reconciliation subtracts or adds back ("Gain on office lease termination (0.03)")
BY_PRESENTATION = {"us-gaap:OtherNonoperatingIncomeExpense", "us-gaap:NonoperatingIncomeExpense",
                   "us-gaap:OtherOperatingIncomeExpenseNet"}
GAINS_AND_LOSSES = ("us-gaap:GainLoss", "us-gaap:GainsLosses")
WHY = ("withheld: its sign is not settled: a table lists it, as income or as a deduction, and prints no "
       "arithmetic that says which")
_DIRECTION = kept_regex(r"\b(?:income|expenses?|gains?|loss(?:es)?)\b", regex.I)
_BOTH = kept_regex(r"\b(?:income|gains?)\b.*\b(?:expenses?|loss(?:es)?)\b"
                   r"|\b(?:expenses?|loss(?:es)?)\b.*\b(?:income|gains?)\b", regex.I)


def _unsettled(f: Fact, unchained: set[int]) -> bool:
    """A reading from a table other than a statement, or from a statement whose results no rows join (a row
    lost: its arithmetic settles nothing), its sign given by no step (the statement's arithmetic, a label or
    section that prints the concept's opposite), whose label names no direction ("Other, net") or one
    direction only beside a figure printed negative ("Other nonoperating income, net (4)": an expense, or
    income listed as a deduction)."""
    p = f.provenance
    if f.concept not in BY_PRESENTATION and not f.concept.startswith(GAINS_AND_LOSSES):
        return False
    if f.category != "table" or p is None or p.source_kind in (STATEMENT, BALANCE_SHEET) and p.block not in unchained \
            or any(s.startswith("sign:") for s in p.steps):
        return False
    label, _sep, printed = p.source_text.rpartition(" | ")
    negative = printed.lstrip("$ ").startswith(("(", "-", "\u2212", "\u2013")) and any(c.isdigit() for c in printed)
    return not _DIRECTION.search(label) or (negative and not _BOTH.search(label))


def unsettled_signs(facts: list[Fact], unchained: set[int] = frozenset()) -> tuple[list[Fact], list[tuple[Fact, str]],
                                                                                  list[Finding]]:
    """The facts less the readings whose sign only a table's presentation gives, when no statement reads
    the same fact; those are withheld, with one finding. `unchained`: the tables whose results no rows join."""
    doubtful = {id(f) for f in facts if _unsettled(f, unchained)}
    if not doubtful:
        return facts, [], []
    stated = {f.key for f in facts if id(f) not in doubtful}
    withheld = [f for f in facts if id(f) in doubtful and f.key not in stated]
    if not withheld:
        return facts, [], []
    gone = {id(f) for f in withheld}
    periods = ", ".join(sorted({f"{f.concept} {f.period}" for f in withheld}))
    finding = Finding("warning", "withheld", f"{periods}: not written, {WHY[len('withheld: '):]}", tuple(withheld))
    return [f for f in facts if id(f) not in gone], [(f, WHY) for f in withheld], [finding]
