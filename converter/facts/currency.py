"""The currency a release's amounts are in. The engine reads every amount of money as US dollars; a release
that states its amounts in another currency ("(in thousands of Canadian dollars)", "RMB'000", "(€
millions)", "all amounts are expressed in Canadian dollars") has them written in that currency, and where
the evidence does not settle which currency an amount is in, it is withheld, never written as dollars.

A table is in the currency its title, header or scale note names; a table that names two (local currency
beside a "US$" convenience translation) says which column is which only by position, and its amounts are
withheld. A table that names none, and the prose, are in the currency the release states, where every such
statement names the same one. A sentence's "$" is that currency when it is a dollar (a Canadian release
writes "$" for C$); beside euros or pounds it is not settled. A US release that mentions "€500 million of
notes" in passing states no currency of its own: its amounts stay dollars.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

import regex

from ..model import Document, Fact, Finding, Table
from ..rulebook.regex_code import kept_regex

# ISO 4217 code -> how releases write it
_NAMES = {
    "USD": r"US\$|U\.S\.\s*\$|\bUSD\b|\bU\.?\s?S\.?\s+dollars?\b|\bUS\s+dollars?\b|\bUnited\s+States\s+dollars?\b",
    "CAD": r"\bC\$|\bCA\$|\bCdn\.?\s?\$|\bCAD\b|\bCanadian\s+dollars?\b",
    "EUR": r"€|\bEUR\b|\bT?EUR\b|\beuros?\b",
    "GBP": r"£|\bGBP\b|\bpounds?\s+sterling\b|\bsterling\b",
    "CNY": r"\bRMB\b|\bCNY\b|\bRenminbi\b|\bYuan\b",
    "TWD": r"\bNT\$|\bTWD\b|\bNew\s+Taiwan\s+dollars?\b",
    "HKD": r"\bHK\$|\bHKD\b|\bHong\s+Kong\s+dollars?\b",
    "AUD": r"\bA\$|\bAU\$|\bAUD\b|\bAustralian\s+dollars?\b",
    "JPY": r"¥|\bJPY\b|\byen\b",
    "CHF": r"\bCHF\b|\bSwiss\s+francs?\b",
    "INR": r"₹|\bINR\b|\bIndian\s+rupees?\b",
}
_ANY = kept_regex("|".join(f"(?P<{code}>{pattern})" for code, pattern in _NAMES.items()), regex.I)
_DOLLARS = {"USD", "CAD", "TWD", "HKD", "AUD"}   # currencies whose releases write a bare "$"

# a sentence that states the currency of the release's amounts
_STATED = kept_regex(r"\b(?:amounts?|figures|results|financial\s+(?:statements|information|results)|"
                     r"(?:are|is)\s+(?:expressed|presented|reported|stated|denominated))\b[^.;]{0,80}?"
                     r"\b(?:in|of)\s+(?:thousands\s+of\s+|millions\s+of\s+)?(?P<what>[^.;,)]{1,40})", regex.I)
_CAPTION = 200   # a title, header or note this long at most: longer is prose, which names currencies in passing


def _codes(texts) -> set[str]:
    out: set[str] = set()
    for t in texts:
        for m in _ANY.finditer(t):
            out.add(m.lastgroup)
    return out


# a currency's mark printed on a figure or in a cell of its own ("| C$ | 120,500 |", "RMB | RMB | US$")
_MARK = kept_regex(r"(?<![A-Za-z$])(?:C\$|CA\$|Cdn\$|US\$|€|£|RMB|NT\$|HK\$|A\$|¥|₹|CHF|USD|CAD|EUR|GBP|CNY)"
                   r"(?=\s*[\d(|]|\s*$)", regex.M)
# a dollar of another country printed on an amount in prose ("C$120.5 million")
_OTHER_DOLLAR = kept_regex(r"(?<![A-Za-z$])(?:C\$|CA\$|Cdn\$|A\$|AU\$|NT\$|HK\$)\s*\d")


def _table_codes(table: Table, text: str = "") -> set[str]:
    printed = text[table.span.start:table.span.end] if text and table.span is not None else ""
    return _codes([c for c in table.caption if len(c) <= _CAPTION] + [h.text for h in table.header]
                  + [m.group(0) for m in _MARK.finditer(printed)])


def stated_currency(doc: Document) -> tuple[Optional[str], bool]:
    """The currency the release states for its amounts (None for none stated: US dollars) and whether what it
    states is settled (False when its statements name different currencies)."""
    named: set[str] = set()
    for block in doc.blocks:
        if isinstance(block, Table):
            named |= _table_codes(block, doc.text)
        elif len(block.text) <= _CAPTION and _looks_like_note(block.text):
            named |= _codes([block.text])
        else:
            for m in _STATED.finditer(block.text):
                named |= _codes([m["what"]])
    foreign = named - {"USD"}
    if not foreign:
        return None, True
    if len(foreign) == 1 and "USD" not in named:
        return foreign.pop(), True
    return None, False


_NOTE = kept_regex(r"\(\s*(?:in\s+)?[^()]{0,40}\b(?:thousands|millions|billions|000)\b|\b(?:thousands|millions|"
                   r"billions)\s+of\b", regex.I)


def _looks_like_note(text: str) -> bool:
    return bool(_NOTE.search(text))


def in_currency(facts: list[Fact], doc: Document) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts with their money in the currency the release states; those whose currency is not settled,
    apart with the reason."""
    stated, settled = stated_currency(doc)
    other_dollars = stated is None and any(_OTHER_DOLLAR.search(p.text) for p in doc.paragraphs)
    if stated is None and settled and not other_dollars and not _any_foreign_table(doc):
        return facts, [], []
    tables = {t.index: t for t in doc.tables}
    kept, withheld = [], []
    for f in facts:
        if not _is_money(f.unit):
            kept.append(f)
            continue
        code, why = _fact_currency(f, tables, doc.text, stated, settled, other_dollars)
        if code is None:
            withheld.append((f, f"withheld: {why}"))
        elif code == "USD":
            kept.append(f)
        else:
            kept.append(replace(f, unit=f.unit.replace("USD", code, 1)))
    findings = []
    if withheld:
        findings.append(Finding("warning", "currency-unsettled",
                                f"{len(withheld)} amounts withheld: the release does not settle their currency "
                                f"({withheld[0][1][len('withheld: '):]})", tuple(f for f, _w in withheld[:5])))
    return kept, withheld, findings


def _any_foreign_table(doc: Document) -> bool:
    return any(_table_codes(t, doc.text) - {"USD"} for t in doc.tables)


def _is_money(unit: str) -> bool:
    return unit == "USD" or unit.startswith("USD/")


def _fact_currency(f: Fact, tables: dict, text: str, stated: Optional[str], settled: bool, other_dollars: bool
                   ) -> tuple[Optional[str], str]:
    prov = f.provenance
    table = tables.get(prov.block) if prov is not None and f.category in ("table", "guidance") \
        and prov.source_kind not in ("narrative", "guidance") else None
    if table is not None:
        own = _table_codes(table, text)
        if len(own) > 1:
            return None, f"its table names {' and '.join(sorted(own))}: which column is in which is not settled"
        if own:
            return own.pop(), ""
    if not settled:
        return None, "the release states its amounts in more than one currency"
    if table is None and prov is not None and prov.span is not None:
        # a sentence's amount: the currency printed on it, else the stated one where that is written "$"
        before = text[max(0, prov.span.start - 6):prov.span.start + 1]
        printed = _codes([before])
        if printed:
            return (printed.pop(), "") if len(printed) == 1 else (None, "two currencies are printed on it")
        if stated is not None and stated not in _DOLLARS and "$" in before:
            return None, f"a '$' amount in a release that states its amounts in {stated}"
        if other_dollars and "$" in before:
            return None, "a '$' amount in a release that prints others as another country's dollars"
    return (stated or "USD"), ""
