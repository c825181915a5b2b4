"""Figures an output cannot carry faithfully, and amounts printed in a form the grammar does not read.

A value is written as an xs:decimal, which a conforming XBRL processor need only carry to 18 digits; a
figure past that (a 200-digit cell, a scale that multiplies it out of reach) would be rounded or refused
downstream, so it is withheld here with a finding instead of being written truncated. No release prints
such a figure: it is a typo or a hostile file.

Amounts in exponent notation ("$1e400 million") or with a scale word the grammar does not know ("$5
quadrillion", "$3.1T") are not read at all by the engine (reading the digits before the letters would give
a wrong figure); this module says so, once per amount, so the gap is not silent.
"""
from __future__ import annotations

from decimal import Decimal


from ..model import Document, Fact, Finding
from ..rulebook.regex_code import kept_regex

MAX_DIGITS = 18

# the scale words the engine reads after an amount (engine/dollar_amounts.py AMOUNT, engine/guidance.py)
KNOWN_SCALES = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
                          "trillions", "mm", "bn", "tn", "m", "b", "k"})
_UNREAD = kept_regex(r"\$\s?\(?\d[\d,]*(?:\.\d+)?(?:(?P<exp>[eE][+-]?\d+)|(?P<glued>[A-Za-z]{1,3})\b"
                        r"|\s+(?P<word>[A-Za-z]*illions?)\b)")
_EXPONENT_CELL = kept_regex(r"^\(?-?\$?\s?\d+(?:\.\d+)?[eE][+-]?\d+\)?$")


def digits(value: Decimal, decimals: int) -> int:
    """How many digits the value takes when written to `decimals` places (before and after the point)."""
    whole = value.copy_abs().adjusted() + 1 if value else 1
    return max(whole, 1) + max(decimals, 0)


def within_reach(facts: list[Fact]) -> tuple[list[Fact], list[tuple[Fact, str]], list[Finding]]:
    """The facts an xs:decimal carries in full; the others, withheld with the reason and a finding."""
    kept, withheld, findings = [], [], []
    for f in facts:
        n = digits(f.value, f.decimals)
        if n <= MAX_DIGITS:
            kept.append(f)
            continue
        printed = f.provenance.source_text[:60] if f.provenance else ""
        reason = (f"withheld: {f.concept} needs {n} digits, past the {MAX_DIGITS} an XBRL decimal is sure "
                  f"to carry")
        withheld.append((f, reason))
        findings.append(Finding("warning", "figure-out-of-range",
                                f"{reason} (rule {f.provenance.rule_id if f.provenance else '?'}, printed "
                                f"{printed!r}); not written", (f,)))
    return kept, withheld, findings


def unread_amounts(doc: Document) -> list[Finding]:
    """A finding for each amount in exponent notation or with an unknown scale word, in prose or a cell."""
    out = []
    for par in doc.paragraphs:
        if "$" not in par.text:
            continue
        for m in _UNREAD.finditer(par.text):
            if m["exp"]:
                why = f"exponent notation ({m['exp']})"
            else:
                word = m["glued"] or m["word"]
                if word.lower() in KNOWN_SCALES:
                    continue
                why = f"the scale word '{word}' is not one the converter reads"
            out.append(Finding("warning", "amount-not-read",
                               f"paragraph {par.index}: {m.group(0)!r} was not read: {why}"))
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                if "e" in cell.text.lower() and _EXPONENT_CELL.match(cell.text.strip()):
                    out.append(Finding("warning", "amount-not-read",
                                       f"table {table.index}, row {row.label!r}: {cell.text.strip()!r} was not "
                                       f"read: exponent notation"))
    return out
