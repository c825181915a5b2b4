"""The currency a release's amounts are in. The engine reads every amount of money as US dollars; a release
that states its amounts in another currency has them written in that currency, and where the evidence does not
settle which currency an amount is in, it is withheld, never written as dollars.

Only what states a currency for amounts counts, never a currency named in passing ("the impact of the
Canadian dollar", "€500 million senior notes due 2027", "Sterling Infrastructure, Inc."):
- a table is in the currency its scale note ("(in thousands of Canadian dollars)", "(C$ in millions)", "RMB'000"),
  a header cell that is a currency alone ("RMB | RMB | US$") or the marks on its figures ("| C$ | 120,500 |")
  name; a table naming two (local currency beside a US$ convenience translation) has its amounts withheld;
- the release's own currency, for tables naming none and for the prose, is the one its statements give ("All
  amounts are in Canadian dollars unless otherwise noted"), else the one the primary statements name; US
  dollars when nothing says otherwise. A sentence's "$" is that currency when it is a dollar (a Canadian release
  writes "$" for C$); beside euros or pounds, or beside amounts printed as another country's dollars, it is not
  settled.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

import regex

from ..model import Document, Fact, Finding, Table
from ..rulebook.regex_code import kept_regex

# ISO 4217 code -> how a note, a statement or a mark writes it
_NAMES = {
    "USD": r"US\$|U\.S\.\s*\$|\bUSD\b|\bU\.?\s?S\.?\s+dollars?\b|\bUS\s+dollars?\b|\bUnited\s+States\s+dollars?\b",
    "CAD": r"\bC\$|\bCA\$|\bCdn\.?\s?\$|\bCAD\b|\bCanadian\s+dollars?\b",
    "EUR": r"€|\bEUR\b|\b[Tk]EUR\b|\beuros?\b",
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
_MARKS = r"US\$|USD|C\$|CA\$|Cdn\$|CAD|€|T?EUR|kEUR|£|GBP|RMB|CNY|NT\$|TWD|HK\$|HKD|A\$|AUD|¥|JPY|CHF|₹|INR"

_CUR = "(?:" + "|".join(_NAMES.values()) + ")"
# what states a currency for amounts: "All amounts in this release are (expressed) in Canadian dollars", "amounts
# in RMB", "presented in thousands of euros": the currency right after the "in"
_STATEMENT = kept_regex(rf"\b(?:amounts?|figures|(?:financial\s+)?(?:statements|information))\b[^.;]{{0,60}}?"
                        rf"\bin\s+(?:thousands\s+of\s+|millions\s+of\s+)?(?P<what>{_CUR})"
                        rf"|\b(?:expressed|presented|denominated)\s+in\s+(?:thousands\s+of\s+|millions\s+of\s+)?"
                        rf"(?P<what2>{_CUR})", regex.I)
# a caption's scale note that names its currency: "(in thousands of Canadian dollars)", "(C$ in millions)",
# "(€ millions)", "(£m)", "RMB'000", "(Expressed in Canadian dollars)", "(in USD thousands)", "(in TEUR, except ...)"
_NOTE_CURRENCY = kept_regex(rf"\b(?:thousands|millions|billions)\s+of\s+(?P<a>{_CUR})"
                            rf"|(?P<b>{_CUR})\s*(?:in\s+)?(?:thousands?|millions?|billions?|'?000s?|m|mn|bn)\b"
                            rf"|\b(?:expressed|presented|stated|reported|amounts)\s+in\s+(?P<c>{_CUR})"
                            rf"|^\(?\s*(?:in\s+)?(?P<d>{_MARKS})\s*\)?$"
                            rf"|\(\s*(?:amounts\s+)?in\s+(?P<e>{_CUR})", regex.I)
# a header cell that is a currency alone ("RMB", "US$"), or with its scale ("£m", "EUR thousands")
_HEAD_MARK = kept_regex(rf"^\(?\s*(?:in\s+)?(?:{_MARKS})\s*(?:'?000s?|thousands?|millions?|billions?|m|mn|bn)?\s*\)?$", regex.I)
# a mark printed on a figure, or in a cell of its own beside it: after a cell's edge or a column's gap, before
# digits, a parenthesis or the next cell ("| C$ | 120,500 |", "   RMB 850,200"), its scale run into it ("| £m |")
_CELL_MARK = kept_regex(rf"(?:^|\|\s*|\s{{2}})(?P<mark>{_MARKS})(?:m|mn|bn|'000)?(?=\s*[\d(|]|\s*$)", regex.M)
# a dollar of another country printed on an amount in prose ("C$120.5 million")
_OTHER_DOLLAR = kept_regex(r"(?<![A-Za-z$])(?:C\$|CA\$|Cdn\$|A\$|AU\$|NT\$|HK\$)\s*\d")
_PRIMARY = kept_regex(r"\bstatements?\s+of\b|\bbalance\s+sheets?\b|\bincome\s+statements?\b", regex.I)


# what another currency's mark, code or name holds: a release without one is in dollars, and is not searched
# further (most are not); a table or a paragraph without one states no currency
_MARK_HINTS = ("€", "£", "¥", "₹", "C$", "A$", "NT$", "HK$", "CA$", "Cdn", "RMB", "CNY", "EUR", "TEUR", "kEUR", "GBP",
               "CAD", "CHF",
               "JPY", "AUD", "HKD", "TWD", "INR")
_WORD_HINTS = ("canadian", "euro", "sterling", "yuan", "renminbi", "yen", "franc", "rupee", "taiwan", "hong kong",
               "australian")


def _hinted(text: str, words: bool = False) -> bool:
    if any(_whole(text, h) for h in _MARK_HINTS):
        return True
    if not words:
        return False
    low = text.lower()
    return any(_whole(low, h) for h in _WORD_HINTS)


def _whole(text: str, hint: str) -> bool:
    """Whether `hint` stands in `text` as a word of its own, a plural included, or as a mark ("C$120"; not
    "AUDIT", "franchise", "neurological")."""
    i = text.find(hint)
    while i >= 0:
        end = i + len(hint)
        if end < len(text) and text[end] == "s":   # "euros", "francs"
            end += 1
        clear_before = i == 0 or not (text[i - 1].isalpha() and hint[0].isalpha())
        clear_after = end >= len(text) or not (text[end].isalpha() and hint[-1].isalpha())
        if clear_before and clear_after:
            return True
        i = text.find(hint, i + 1)
    return False


def _codes(texts) -> set[str]:
    return {m.lastgroup for t in texts for m in _ANY.finditer(t)}


def table_currencies(table: Table, text: str = "") -> set[str]:
    """The currencies a table states for its amounts: its notes, its currency header cells, its figures' marks."""
    printed = text[table.span.start:table.span.end] if text and table.span is not None else ""
    if not _hinted(printed) and not any(_hinted(t, words=True) for t in table.caption):
        return set()
    return _codes([m.group(0) for c in table.caption if len(c) <= 200 for m in _NOTE_CURRENCY.finditer(c)]
                  + [h.text for h in table.header if _HEAD_MARK.match(h.text.strip())]
                  + [m["mark"] for m in _CELL_MARK.finditer(printed)])


def stated_currency(doc: Document) -> tuple[Optional[str], bool]:
    """The release's own currency (None: US dollars) and whether it is settled (False where what states it
    names two currencies)."""
    stated: set[str] = set()
    for par in doc.paragraphs:
        if _hinted(par.text, words=True):
            for m in _STATEMENT.finditer(par.text):
                stated |= _codes([m["what"] or m["what2"]])
    if "USD" in stated:
        return None, True    # "All amounts are in U.S. dollars unless otherwise noted"
    if len(stated) > 1:
        return None, False
    if stated:
        return stated.pop(), True
    primary = [table_currencies(t, doc.text) for t in doc.tables if _PRIMARY.search(" ".join(t.caption))]
    named = set().union(*primary) if primary else set()
    if len(named) == 1 and "USD" not in named:
        return named.pop(), True
    return None, True


def in_currency(facts: list[Fact], doc: Document) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """Facts with their money in the currency stated for them; those whose currency is not settled, apart
    with the reason."""
    if not _hinted(doc.text, words=True):
        return facts, [], []
    tables = {t.index: (t, table_currencies(t, doc.text)) for t in doc.tables}
    stated, settled = stated_currency(doc)
    other_dollars = stated is None and any(_OTHER_DOLLAR.search(p.text) for p in doc.paragraphs)
    if stated is None and settled and not other_dollars and not any(own - {"USD"} for _t, own in tables.values()):
        return facts, [], []
    kept, withheld = [], []
    for f in facts:
        if not (f.unit == "USD" or f.unit.startswith("USD/")):
            kept.append(f)
            continue
        code, why = _fact_currency(f, tables, doc.text, stated, settled, other_dollars)
        if code is None:
            withheld.append((f, f"withheld: {why}"))
        else:
            kept.append(f if code == "USD" else replace(f, unit=f.unit.replace("USD", code, 1)))
    findings = []
    if withheld:
        findings.append(Finding("warning", "currency-unsettled",
                                f"{len(withheld)} amounts withheld: the release does not settle their currency "
                                f"({withheld[0][1][len('withheld: '):]})", tuple(f for f, _w in withheld[:5])))
    return kept, withheld, findings


def _fact_currency(f: Fact, tables: dict, text: str, stated: Optional[str], settled: bool, other_dollars: bool
                   ) -> tuple[Optional[str], str]:
    prov = f.provenance
    in_table = prov is not None and f.category in ("table", "guidance") \
        and prov.source_kind not in ("narrative", "guidance") and prov.block in tables
    if in_table:
        own = tables[prov.block][1]
        if len(own) > 1:
            return None, f"its table names {' and '.join(sorted(own))}: which column is in which is not settled"
        if own:
            return next(iter(own)), ""
    if not settled:
        return None, "the release states its amounts in more than one currency"
    if not in_table and prov is not None and prov.span is not None:
        # a sentence's amount: the currency printed on it, else the release's where that is written "$"
        before = text[max(0, prov.span.start - 6):prov.span.start + 1]
        printed = {m.lastgroup for m in _ANY.finditer(before)}
        if printed:
            return (printed.pop(), "") if len(printed) == 1 else (None, "two currencies are printed on it")
        if stated is not None and stated not in _DOLLARS and "$" in before:
            return None, f"a '$' amount in a release that states its amounts in {stated}"
        if other_dollars and "$" in before:
            return None, "a '$' amount in a release that prints others as another country's dollars"
    return (stated or "USD"), ""
