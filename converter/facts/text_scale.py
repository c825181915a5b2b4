"""A table's scale checked against the text. A table whose scale note was missed, or that took the note of the
table before it, prints figures a thousand or a million times off the amounts the prose states for the same
metric and period ("Revenue 47,459" read as dollars beside "revenue of $47.5 million"). When every figure the
prose restates agrees with the table only at one other power of ten, the table's money is re-read at that
power, and its share counts, which the same missed note may have scaled, are withheld; when the
restatements point at different powers, its money is withheld. One restatement is evidence
enough only with three significant digits: "$3 million" beside 3,104 could be chance.

A table that states its own scale is not re-read by the prose: the note is the document's word for it. A
table that states no scale is then checked the same way against the tables whose scale is stated (or was
just re-read): a balance sheet whose "(in thousands)" was lost prints the cash "108,933" that the cash flow
statement, in thousands, ends with.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Collection, Optional

from ..model import Fact, Finding
from .merge import consistent, source_of

_POWERS = (-9, -6, -3, 3, 6, 9)
# different amounts the prose may state for one metric and period and still be evidence: a release states a
# few; a file of thousands (a release repeated, or a hostile one) is no evidence of a table's scale, and
# comparing each of them with every table figure grew with the square of the file
MAX_READINGS = 50


def _relation(table: Fact, text: Fact) -> Optional[int]:
    """The power of ten that makes the table's figure the text's (0 when they agree as printed), or None."""
    if consistent(table, text):
        return 0
    for k in _POWERS:
        if consistent(_rescaled(table, k, ""), text):
            return k
    return None


def _rescaled(f: Fact, k: int, why: str) -> Fact:
    prov = f.provenance
    if prov is not None and why:
        prov = replace(prov, steps=prov.steps + (why,))
    return replace(f, value=f.value.scaleb(k), decimals=f.decimals - k, provenance=prov)


def stated_power(f: Fact) -> int:
    """The power of ten a note (the table's own, carried, or the text's) or the text's amounts put on the
    figure; 0 for none."""
    steps = f.provenance.steps if f.provenance else ()
    return next((int(s[len("scale: x10^"):].split()[0]) for s in steps if s.startswith("scale: x10^")), 0)


def stated_amounts(facts: list[Fact]) -> dict[tuple, list[Fact]]:
    """(concept, period) -> the money the prose states for it."""
    said: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.category == "narrative" and f.unit == "USD" and not f.dims and f.value:
            said.setdefault((f.concept, f.period), []).append(f)
    return said


def _significant(f: Fact) -> int:
    digits = f.value.normalize().as_tuple().digits if f.value else ()
    return len(digits)


def check_table_scales(facts: list[Fact], own_scale: Collection[int] = ()
                       ) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts with each table's money re-read at the scale the text implies where it implies one, then each
    table's that states no scale at the one the scaled tables imply; the money of tables contradicted at
    different scales withheld, and findings saying which. A table that states its own scale (`own_scale`:
    in its title, header or rows) is read at it whatever the prose seems to say: a sentence misread ("$22.8"
    at a line's end, "million" on the next) is likelier than a statement's own note wrong, and re-read by
    it a whole statement was a million times too small."""
    said = [f for f in facts if f.category == "narrative"]
    facts, rejected, findings = _checked(facts, said, ("the text", "states"),
                                         lambda table: table[0].provenance.block not in own_scale)
    scaled = [f for f in facts if f.category == "table" and stated_power(f)]
    facts, rejected2, findings2 = _checked(facts, scaled, ("the tables that state their scale", "state"),
                                           lambda table: not any(stated_power(f) for f in table))
    return facts, rejected + rejected2, findings + findings2


def _checked(facts: list[Fact], evidence: list[Fact], says: tuple[str, str], checked) -> tuple[list, list, list]:
    """`check_table_scales` with one kind of evidence (`says`: its name and verb), for the tables `checked`
    selects."""
    by, states = says
    told: dict[tuple, dict[tuple[Decimal, int], list[Fact]]] = {}   # (concept, period) -> reading -> facts
    for f in evidence:
        if f.unit == "USD" and not f.dims and f.value:
            told.setdefault((f.concept, f.period), {}).setdefault((f.value, f.decimals), []).append(f)
    told = {key: readings for key, readings in told.items() if len(readings) <= MAX_READINGS}
    money: dict[int, list[Fact]] = {}
    for f in facts:
        if f.category == "table" and f.unit == "USD" and f.provenance is not None:
            money.setdefault(f.provenance.block, []).append(f)
    money = {block: table for block, table in money.items() if checked(table)}
    verdict: dict[int, int] = {}      # block -> power to re-read at (None: withhold)
    withheld: set[int] = set()
    evidence: dict[int, list[tuple[Fact, Fact, int]]] = {}
    for block, table_facts in money.items():
        # each table figure against each amount the evidence states (once however often it states it; `times`
        # counts the statements, each one evidence)
        pairs = [(f, same[0], _relation(f, same[0]), len(same)) for f in table_facts if not f.dims and f.value
                 for same in told.get((f.concept, f.period), {}).values()]
        related = [(f, t, k) for f, t, k, _ in pairs if k is not None]
        if not related or any(k == 0 for _, _, k in related):
            continue
        powers = {k for _, _, k in related}
        evidence[block] = related
        times = sum(n for _, _, k, n in pairs if k is not None)
        if len(powers) > 1:
            withheld.add(block)
        elif times >= 2 or any(_significant(t) >= 3 for _, t, _ in related):
            verdict[block] = powers.pop()
    out: list[Fact] = []
    rejected: list[tuple[Fact, str]] = []
    findings: list[Finding] = []
    for block, related in evidence.items():
        shown = "; ".join(f"{f.concept} {f.period}: table {f.value}, {by} {t.value}" for f, t, _ in related[:3])
        where = source_of(related[0][0])
        if block in withheld:
            findings.append(Finding("warning", "withheld", f"the money of {where} is not written: {by} "
                                    f"{states} its figures at different scales ({shown})",
                                    tuple(f for f, _, _ in related)))
        elif block in verdict:
            findings.append(Finding("info", "rescaled", f"{where} re-read at x10^{verdict[block]}: {by} "
                                    f"{states} its figures so ({shown})", tuple(f for f, _, _ in related)))
    for f in facts:
        block = f.provenance.block if f.provenance is not None and f.category == "table" else None
        if block in withheld and f.unit == "USD":
            rejected.append((f, f"withheld: {by} {states} this table's figures at different scales"))
        elif block in verdict and f.unit == "USD":
            k = verdict[block]
            out.append(_rescaled(f, k, f"scale: x10^{k} more, as {by} {states} this table's figures"))
        elif block in verdict and f.unit == "shares":
            rejected.append((f, f"withheld: {by} {states} this table's money at another scale, and its share "
                                "counts may be off too"))
        else:
            out.append(f)
    return out, rejected, findings

