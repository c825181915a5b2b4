"""A release whose net income has a noncontrolling interest's share prints the parent's net income as
"Net income attributable to Acme" and the whole as plain "Net income". Where the reader kept a plain "Net
income" line but neither the parent's line nor the share beside it to tell which it is (a table split by a
PDF reader's reading order, a statement cut short), the line may be the consolidated total: it is withheld
rather than written as the parent's (facts/consolidated.py tells the two apart when both are read)."""
from __future__ import annotations

import regex

from ..model import Fact, Finding

NET_INCOME = "us-gaap:NetIncomeLoss"
# the text prints a noncontrolling interest's share of net income (or the parent's as "attributable to")
_NCI_SHARE = regex.compile(r"(?:net )?(?:income|earnings|loss)[^|\n.]{0,30}attributable to (?:the )?"
                           r"(?:non-?controlling|minority) interests?|(?:non-?controlling|minority) interests?'? "
                           r"(?:share|portion) of (?:net )?(?:income|earnings)", regex.I)
_ATTRIBUTED = regex.compile(r"\b(?:attributable|available|applicable|allocable) to\b", regex.I)


def unattributed_net_income(facts: list[Fact], text: str) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """The facts less the plain "Net income" table lines of periods no attributed line agrees with, in a
    release that prints a noncontrolling interest's share of net income."""
    if not _NCI_SHARE.search(text):
        return facts, [], []
    plain, agreed = [], set()
    for f in facts:
        if f.concept != NET_INCOME or f.dims:
            continue
        if f.category == "table" and f.provenance and not _ATTRIBUTED.search(_label(f)):
            plain.append(f)
        else:
            agreed.add((f.period, f.value))
    doubtful = {id(f) for f in plain if (f.period, f.value) not in agreed}
    if not doubtful:
        return facts, [], []
    kept = [f for f in facts if id(f) not in doubtful]
    why = ("withheld: a plain 'Net income' line in a release that prints a noncontrolling interest's share of "
           "net income, with no line attributed to the company to say whether it is the company's or the "
           "consolidated total")
    withheld = [(f, why) for f in facts if id(f) in doubtful]
    periods = sorted({str(f.period) for f, _ in withheld})
    finding = Finding("warning", "withheld", f"net income of {', '.join(periods)} is not written: {why[11:]}",
                      tuple(f for f, _ in withheld))
    return kept, withheld, [finding]


def _label(f: Fact) -> str:
    return f.provenance.source_text.split(" | ")[0]
